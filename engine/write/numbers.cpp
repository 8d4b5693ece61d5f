#include "write/numbers.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

namespace kinerja::write_detail {

namespace {

// Mantissa digits (sign and point removed, trailing zeros dropped) and exponent of
// a number printed by to_chars, e.g. "-8.4570e+01" -> "8457", "+01"; "1200" -> "12", "".
struct Scientific {
    std::string_view mantissa, exponent;
};

Scientific split(std::string_view text, char* digits) {
    auto e = text.find('e');
    std::size_t n = 0;
    for (char c : text.substr(0, e))
        if (c >= '0' && c <= '9') digits[n++] = c;
    while (n > 1 && digits[n - 1] == '0') --n;
    return {{digits, n}, e == std::string_view::npos ? std::string_view{} : text.substr(e + 1)};
}

}  // namespace

std::size_t exact_number_text(double value, char* out) {
    auto [end, error] = std::to_chars(out, out + number_text_size, value);
    if (error != std::errc()) {
        out[0] = '0';
        return 1;
    }
    // For large whole numbers to_chars may pick the plain form, which spells out the
    // binary value's every digit (-363714724429920075776); the scientific form then
    // has fewer significant digits (-3.637147244299201e+20) and is used instead.
    if (std::fabs(value) >= 1e16 &&
        std::string_view(out, end).find('e') == std::string_view::npos) {
        char sci[number_text_size], digits_plain[number_text_size], digits_sci[number_text_size];
        auto s = std::to_chars(sci, sci + sizeof sci, value, std::chars_format::scientific);
        std::size_t plain_digits = split({out, end}, digits_plain).mantissa.size();
        std::string_view sci_text(sci, s.ptr);
        if (s.ec == std::errc() && split(sci_text, digits_sci).mantissa.size() < plain_digits)
            end = std::copy(sci_text.begin(), sci_text.end(), out);
    }
    for (char* p = out; p != end; ++p)
        if (*p == 'e') *p = 'E';
    return static_cast<std::size_t>(end - out);
}

bool needs_exact_text(double value) {
    // Whole numbers below 10^15 print all their digits either way: the common case.
    if (std::fabs(value) < 1e15 && value == std::trunc(value)) return false;
    char shortest[number_text_size], sixteen[number_text_size];
    auto s =
        std::to_chars(shortest, shortest + sizeof shortest, value, std::chars_format::scientific);
    // "%.16G" prints these 16 significant digits, trailing zeros removed.
    auto g =
        std::to_chars(sixteen, sixteen + sizeof sixteen, value, std::chars_format::scientific, 15);
    if (s.ec != std::errc() || g.ec != std::errc()) return true;
    char digits_s[number_text_size], digits_g[number_text_size];
    Scientific a = split({shortest, s.ptr}, digits_s);
    Scientific b = split({sixteen, g.ptr}, digits_g);
    return a.mantissa != b.mantissa || a.exponent != b.exponent;
}

}  // namespace kinerja::write_detail
