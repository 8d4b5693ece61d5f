#include "read/text.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace kinerja::read_detail {

namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The UTF-16 unit of an escape starting at text[i], or -1.
long escape_at(const std::string& text, std::size_t i) {
    if (i + 7 > text.size() || text[i] != '_' || text[i + 1] != 'x' || text[i + 6] != '_')
        return -1;
    long unit = 0;
    for (std::size_t k = i + 2; k < i + 6; ++k) {
        int d = hex_digit(text[k]);
        if (d < 0) return -1;
        unit = unit * 16 + d;
    }
    return unit;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar.
long days_from_civil(long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

bool read_int(std::string_view text, std::size_t& pos, std::size_t digits, int& out) {
    if (pos + digits > text.size()) return false;
    auto [p, ec] = std::from_chars(text.data() + pos, text.data() + pos + digits, out);
    if (ec != std::errc() || p != text.data() + pos + digits) return false;
    pos += digits;
    return true;
}

std::string hex(std::uint32_t value, int digits) {
    static const char* const symbols = "0123456789ABCDEF";
    std::string out(static_cast<std::size_t>(digits), '0');
    for (int i = digits - 1; i >= 0; --i, value >>= 4)
        out[static_cast<std::size_t>(i)] = symbols[value & 0xF];
    return out;
}

bool xml_char(std::uint32_t cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

}  // namespace

std::optional<BadChar> find_bad_xml_char(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    for (std::size_t i = 0; i < size;) {
        unsigned char lead = bytes[i];
        if (lead >= 0x20 && lead < 0x80) {  // printable ASCII, nearly all of a part
            ++i;
            continue;
        }
        std::size_t length = lead < 0x80                   ? 1
                             : lead >= 0xC2 && lead < 0xE0 ? 2
                             : lead >= 0xE0 && lead < 0xF0 ? 3
                             : lead >= 0xF0 && lead < 0xF5 ? 4
                                                           : 0;
        std::uint32_t cp = length == 1   ? lead
                           : length == 2 ? lead & 0x1Fu
                           : length == 3 ? lead & 0x0Fu
                                         : lead & 0x07u;
        bool ok = length > 0 && i + length <= size;
        for (std::size_t k = 1; ok && k < length; ++k) {
            ok = (bytes[i + k] & 0xC0) == 0x80;
            cp = (cp << 6) | (bytes[i + k] & 0x3Fu);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either.
        if (ok && ((length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000) ||
                   (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF))
            ok = false;
        if (!ok) return BadChar{i, "byte 0x" + hex(lead, 2)};
        if (!xml_char(cp)) return BadChar{i, "U+" + hex(cp, 4)};
        i += length;
    }
    return std::nullopt;
}

void decode_escapes(std::string& text) {
    if (text.find("_x") == std::string::npos) return;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        long unit = escape_at(text, i);
        if (unit < 0) {
            out += text[i++];
            continue;
        }
        i += 7;
        std::uint32_t cp = static_cast<std::uint32_t>(unit);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            long low = escape_at(text, i);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<std::uint32_t>(low) - 0xDC00);
                i += 7;
            } else {
                cp = 0xFFFD;
            }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        append_utf8(out, cp);
    }
    text = std::move(out);
}

std::string_view trim(std::string_view text) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return text;
}

std::optional<double> parse_number(std::string_view text) {
    text = trim(text);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    if (text.empty()) return std::nullopt;
    double value = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || p != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<double> parse_iso_datetime(std::string_view text, bool date1904) {
    text = trim(text);
    std::size_t pos = 0;
    int year = 0, month = 1, day = 1, hour = 0, minute = 0;
    double second = 0;
    bool has_date = text.size() >= 10 && text[4] == '-' && text[7] == '-';
    if (has_date) {
        if (!read_int(text, pos, 4, year) || !read_int(text, ++pos, 2, month) ||
            !read_int(text, ++pos, 2, day) || month < 1 || month > 12 || day < 1 || day > 31)
            return std::nullopt;
        if (pos < text.size() && text[pos] == 'T') ++pos;
    } else {
        year = date1904 ? 1904 : 1899;
        month = date1904 ? 1 : 12;
        day = date1904 ? 1 : 30;
    }
    if (pos < text.size()) {
        if (!read_int(text, pos, 2, hour) || pos >= text.size() || text[pos] != ':' ||
            !read_int(text, ++pos, 2, minute))
            return std::nullopt;
        if (pos < text.size() && text[pos] == ':') {
            ++pos;
            std::size_t end = pos;
            while (end < text.size() &&
                   (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.'))
                ++end;
            auto parsed = parse_number(text.substr(pos, end - pos));
            if (!parsed) return std::nullopt;
            second = *parsed;
            pos = end;
        }
        if (pos < text.size() && text[pos] == 'Z') ++pos;
        if (pos != text.size() || hour > 24 || minute > 59 || second >= 61) return std::nullopt;
    }
    long days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    // Serial 0 is 1899-12-30 for dates after Excel's phantom 1900-02-29 (1904: 1904-01-01).
    long epoch = date1904 ? days_from_civil(1904, 1, 1) : days_from_civil(1899, 12, 30);
    double serial = static_cast<double>(days - epoch);
    if (!date1904 && serial < 61 && has_date) serial -= 1;
    return serial + (hour * 3600.0 + minute * 60.0 + second) / 86400.0;
}

}  // namespace kinerja::read_detail
