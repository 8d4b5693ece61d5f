#include "write/images.hpp"

#include <cmath>
#include <string_view>

namespace kinerja::test {

namespace {

void put32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFFu);
}
void put16(std::string& out, std::uint32_t v) {
    out += static_cast<char>((v >> 8) & 0xFFu);
    out += static_cast<char>(v & 0xFFu);
}

std::uint32_t crc32(std::string_view bytes) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char b : bytes) {
        crc ^= b;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void chunk(std::string& png, std::string_view type, const std::string& data) {
    put32(png, static_cast<std::uint32_t>(data.size()));
    std::string body = std::string(type) + data;
    png += body;
    put32(png, crc32(body));
}

// A zlib stream of stored (uncompressed) blocks.
std::string zlib_stored(const std::string& raw) {
    std::string out{"\x78\x01", 2};
    std::size_t at = 0;
    do {
        std::size_t n = std::min<std::size_t>(raw.size() - at, 65535);
        bool last = at + n == raw.size();
        out += static_cast<char>(last ? 1 : 0);
        out += static_cast<char>(n & 0xFF);
        out += static_cast<char>(n >> 8);
        out += static_cast<char>(~n & 0xFF);
        out += static_cast<char>((~n >> 8) & 0xFF);
        out += raw.substr(at, n);
        at += n;
    } while (at < raw.size());
    std::uint32_t a = 1, b = 0;
    for (unsigned char c : raw) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    put32(out, (b << 16) | a);
    return out;
}

}  // namespace

std::string make_png(std::uint32_t width, std::uint32_t height, double dpi) {
    std::string png{"\x89PNG\r\n\x1a\n", 8};
    std::string ihdr;
    put32(ihdr, width);
    put32(ihdr, height);
    ihdr += std::string{"\x08\x00\x00\x00\x00", 5};  // 8-bit greyscale
    chunk(png, "IHDR", ihdr);
    if (dpi > 0) {
        std::string phys;
        auto per_metre = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
        put32(phys, per_metre);
        put32(phys, per_metre);
        phys += '\x01';
        chunk(png, "pHYs", phys);
    }
    std::string rows;
    for (std::uint32_t y = 0; y < height; ++y) rows += '\0' + std::string(width, '\x80');
    chunk(png, "IDAT", zlib_stored(rows));
    chunk(png, "IEND", "");
    return png;
}

std::string make_jpeg_header(std::uint16_t width, std::uint16_t height, std::uint8_t units,
                             std::uint16_t density) {
    std::string jpeg{"\xFF\xD8", 2};
    jpeg += std::string{"\xFF\xE0\x00\x10JFIF\x00\x01\x01", 11};
    jpeg += static_cast<char>(units);
    put16(jpeg, density);
    put16(jpeg, density);
    jpeg += std::string{"\x00\x00", 2};
    jpeg += std::string{"\xFF\xC0\x00\x0B\x08", 5};
    put16(jpeg, height);
    put16(jpeg, width);
    jpeg += std::string{"\x01\x01\x11\x00", 4};
    jpeg += std::string{"\xFF\xD9", 2};
    return jpeg;
}

}  // namespace kinerja::test
