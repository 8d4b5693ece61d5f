#include "write/image_size.hpp"

namespace kinerja::write_detail {

namespace {

std::uint32_t be16(std::string_view b, std::size_t at) {
    return (std::uint32_t(std::uint8_t(b[at])) << 8) | std::uint8_t(b[at + 1]);
}
std::uint32_t be32(std::string_view b, std::size_t at) {
    return (be16(b, at) << 16) | be16(b, at + 2);
}
std::uint32_t le16(std::string_view b, std::size_t at) {
    return (std::uint32_t(std::uint8_t(b[at + 1])) << 8) | std::uint8_t(b[at]);
}
std::uint32_t le32(std::string_view b, std::size_t at) {
    return (le16(b, at + 2) << 16) | le16(b, at);
}

// Chunks after the 8-byte signature: length, type, data, CRC. The size is in
// IHDR; pHYs gives pixels per metre when its unit is 1.
std::optional<ImageSize> png_size(std::string_view b) {
    ImageSize size;
    std::size_t at = 8;
    while (at + 12 <= b.size()) {
        std::uint32_t length = be32(b, at);
        std::string_view type = b.substr(at + 4, 4);
        std::size_t data = at + 8;
        if (length > b.size() - data) break;
        if (type == "IHDR" && length >= 8) {
            size.width = be32(b, data);
            size.height = be32(b, data + 4);
        } else if (type == "pHYs" && length >= 9 && std::uint8_t(b[data + 8]) == 1) {
            size.x_dpi = be32(b, data) * 0.0254;
            size.y_dpi = be32(b, data + 4) * 0.0254;
        } else if (type == "IEND") {
            break;
        }
        at = data + length + 4;
    }
    if (size.width == 0 || size.height == 0) return std::nullopt;
    return size;
}

// Segments after SOI: marker, big-endian length (counting itself), data. The
// size is in a start-of-frame segment, the density in the JFIF APP0 segment.
std::optional<ImageSize> jpeg_size(std::string_view b) {
    ImageSize size;
    std::size_t at = 2;
    while (at + 4 <= b.size()) {
        std::uint32_t marker = be16(b, at);
        std::uint32_t length = be16(b, at + 2);
        std::size_t data = at + 4;
        if ((marker & 0xFF00u) != 0xFF00u || length < 2) break;
        bool frame = (marker & 0xFFF0u) == 0xFFC0u && marker != 0xFFC4u && marker != 0xFFC8u &&
                     marker != 0xFFCCu;
        if (frame && data + 5 <= b.size()) {
            size.height = be16(b, data + 1);
            size.width = be16(b, data + 3);
        }
        if (marker == 0xFFE0u && data + 12 <= b.size()) {
            std::uint8_t units = std::uint8_t(b[data + 7]);
            double x = be16(b, data + 8), y = be16(b, data + 10);
            if (units == 1) size.x_dpi = x, size.y_dpi = y;
            if (units == 2) size.x_dpi = x * 2.54, size.y_dpi = y * 2.54;
        }
        if (marker == 0xFFDAu) break;  // start of scan: the header is over
        at = data + length - 2;
    }
    if (size.width == 0 || size.height == 0) return std::nullopt;
    return size;
}

}  // namespace

std::optional<ImageSize> image_size(std::string_view b) {
    std::optional<ImageSize> size;
    if (b.size() >= 24 && b.substr(1, 3) == "PNG") {
        size = png_size(b);
    } else if (b.size() >= 4 && std::uint8_t(b[0]) == 0xFF && std::uint8_t(b[1]) == 0xD8) {
        size = jpeg_size(b);
    } else if (b.size() >= 26 && b.substr(0, 2) == "BM") {
        // libxlsxwriter reads the height unsigned, so top-down BMPs are refused.
        ImageSize bmp;
        bmp.width = le32(b, 18);
        bmp.height = le32(b, 22);
        if (bmp.width != 0 && bmp.height != 0 && bmp.height < 0x80000000u) size = bmp;
    } else if (b.size() >= 10 && b.substr(0, 4) == "GIF8") {
        ImageSize gif;
        gif.width = le16(b, 6);
        gif.height = le16(b, 8);
        if (gif.width != 0 && gif.height != 0) size = gif;
    }
    if (size) {
        if (size->x_dpi == 0) size->x_dpi = 96;
        if (size->y_dpi == 0) size->y_dpi = 96;
    }
    return size;
}

}  // namespace kinerja::write_detail
