// Native pixel size and resolution of an image, read from its header the way
// libxlsxwriter reads it, so the writer can scale images to the model's size.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace kinerja::write_detail {

struct ImageSize {
    std::uint32_t width = 0, height = 0;  // pixels
    double x_dpi = 96, y_dpi = 96;
};

// PNG, JPEG, GIF or BMP; nullopt for anything else or a truncated header.
std::optional<ImageSize> image_size(std::string_view bytes);

}  // namespace kinerja::write_detail
