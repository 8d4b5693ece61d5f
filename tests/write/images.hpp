// Small but valid image files made in memory for the writer's tests.
#pragma once

#include <cstdint>
#include <string>

namespace kinerja::test {

// A grey PNG of `width` x `height` pixels; `dpi` > 0 adds a pHYs chunk.
std::string make_png(std::uint32_t width, std::uint32_t height, double dpi = 0);

// The header segments of a JPEG (SOI, JFIF APP0, SOF0, EOI): enough for size and
// resolution, not a decodable picture. `units` 1 = dots per inch, 2 = per cm.
std::string make_jpeg_header(std::uint16_t width, std::uint16_t height, std::uint8_t units,
                             std::uint16_t density);

}  // namespace kinerja::test
