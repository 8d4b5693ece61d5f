#include "tables/quantity.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace kinerja {

namespace {

bool is_space(unsigned char c) { return std::isspace(c) != 0; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && is_space(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    // Non-breaking spaces (UTF-8 C2 A0) are common in pasted figures.
    while (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2);
    while (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool is_dash(std::string_view s) {
    return s == "-" || s == "--" || s == "\xE2\x80\x93" || s == "\xE2\x80\x94" || s == "n/a" ||
           s == "N/A";
}

std::string normalise_unit(std::string_view raw) {
    std::string u;
    for (char c : lower(raw))
        if (!is_space(static_cast<unsigned char>(c)) && c != '.') u += c;
    // "m <sup>2</sup>", "m²" and "m2" all mean square metres.
    if (u == "m<sup>2</sup>" || u == "m\xC2\xB2" || u == "m2") return "m2";
    return u;
}

// Converts the digits-and-separators part to a plain C-locale number string.
std::optional<std::string> canonical_digits(std::string_view s) {
    auto dots = std::count(s.begin(), s.end(), '.');
    auto commas = std::count(s.begin(), s.end(), ',');
    char decimal = 0;
    if (dots && commas) {
        decimal = s.find_last_of(".,") == s.rfind('.') ? '.' : ',';
    } else if (commas == 1) {
        decimal = ',';
    } else if (dots == 1) {
        auto pos = s.find('.');
        bool three_after = s.size() - pos - 1 == 3;
        bool zero_int = pos == 1 && s[0] == '0';
        decimal = (three_after && !zero_int && pos > 0) ? 0 : '.';
    }
    std::string out;
    for (char c : s) {
        if (c >= '0' && c <= '9') out += c;
        else if (c == decimal) out += '.';
        else if (c == '.' || c == ',') continue;  // thousands mark
        else return std::nullopt;
    }
    return out.empty() || out == "." ? std::nullopt : std::optional(out);
}

// Units are words, optionally squared or cubed ("m2"); "a4" or "12b" are not units.
bool plausible_unit(const std::string& unit) {
    std::size_t letters = 0;
    while (letters < unit.size() && (std::isalpha(static_cast<unsigned char>(unit[letters])) ||
                                     unit[letters] == '/'))
        ++letters;
    if (letters == 0) return false;
    std::string_view tail = std::string_view(unit).substr(letters);
    return tail.empty() || tail == "2" || tail == "3";
}

}  // namespace

std::optional<Quantity> parse_quantity(std::string_view text) {
    std::string_view s = trim(text);
    if (s.empty()) return std::nullopt;
    Quantity q;
    if (is_dash(s)) {
        q.not_applicable = true;
        return q;
    }
    std::string l = lower(s);
    if (l.rfind("rp", 0) == 0) {
        q.unit = "rp";
        s = trim(s.substr(l.rfind("rp.", 0) == 0 ? 3 : 2));
    }
    // "7.363.920.000,-" and "7.363.920.000.-": the trailing dash means "no cents".
    if (s.size() >= 2 && (s.substr(s.size() - 2) == ",-" || s.substr(s.size() - 2) == ".-"))
        s.remove_suffix(2);
    bool negative = false;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        negative = s.front() == '-';
        s = trim(s.substr(1));
    }
    std::size_t end = 0;
    while (end < s.size() && (std::isdigit(static_cast<unsigned char>(s[end])) || s[end] == '.' ||
                              s[end] == ','))
        ++end;
    if (end == 0) return std::nullopt;
    auto digits = canonical_digits(s.substr(0, end));
    if (!digits) return std::nullopt;
    double value = 0;
    auto [ptr, ec] = std::from_chars(digits->data(), digits->data() + digits->size(), value);
    if (ec != std::errc() || ptr != digits->data() + digits->size()) return std::nullopt;
    q.value = negative ? -value : value;

    std::string_view rest = trim(s.substr(end));
    if (!rest.empty() && rest.front() == '%') {
        q.percent = true;
        rest = trim(rest.substr(1));
    }
    if (!rest.empty()) {
        // A short unit word is fine ("Layanan", "m2"); a sentence is not a number.
        if (rest.size() > 24 || std::count(rest.begin(), rest.end(), ' ') > 2) return std::nullopt;
        if (!q.unit.empty() || q.percent) return std::nullopt;
        q.unit = normalise_unit(rest);
        if (!plausible_unit(q.unit)) return std::nullopt;
    }
    return q;
}

bool is_percent_format(std::string_view f) {
    bool quoted = false;
    for (std::size_t i = 0; i < f.size(); ++i) {
        char c = f[i];
        if (c == '"') quoted = !quoted;
        else if (c == '\\') ++i;
        else if (c == '%' && !quoted) return true;
    }
    return false;
}

std::optional<Quantity> cell_quantity(const Cell& cell, const Style& style) {
    switch (cell.value.kind) {
        case CellValue::Kind::number: {
            Quantity q;
            q.value = cell.value.number;
            if (is_percent_format(style.num_format)) {
                q.percent = true;
                // 0.925 * 100 is 92.50000000000001 in binary; typed values have few decimals.
                q.value = std::round(q.value * 100 * 1e9) / 1e9;
            }
            return q;
        }
        case CellValue::Kind::text:
            return parse_quantity(cell.value.text);
        default:
            return std::nullopt;
    }
}

std::string angka(double value, int decimals) {
    // Figures in these tables have at most 2 decimals; by default show only those needed.
    bool trim = decimals < 0;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", trim ? 2 : decimals, std::fabs(value));
    std::string digits = buf, frac;
    if (auto dot = digits.find('.'); dot != std::string::npos) {
        frac = digits.substr(dot + 1);
        digits.resize(dot);
        if (trim)
            while (!frac.empty() && frac.back() == '0') frac.pop_back();
    }
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += '.';
        grouped += digits[i];
    }
    bool negative = value < 0 && (grouped != "0" || !frac.empty());
    return (negative ? "-" : "") + grouped + (frac.empty() ? "" : "," + frac);
}

}  // namespace kinerja
