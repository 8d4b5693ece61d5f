#include "tables/quantity.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace kinerja {

namespace {

bool is_space(unsigned char c) {
    return std::isspace(c) != 0;
}

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

constexpr std::size_t no_mark = std::string_view::npos;

// Where the decimal mark of a digits-and-separators run may be (a position in it, or no_mark),
// the convention's or the more likely choice first. See quantity_readings in quantity.hpp.
struct DecimalChoices {
    std::vector<std::size_t> positions;  // empty: the separators make no number
    bool conventional = false;
};

DecimalChoices decimal_choices(std::string_view s) {
    auto dots = std::count(s.begin(), s.end(), '.');
    auto commas = std::count(s.begin(), s.end(), ',');
    if (!dots && !commas) return {{no_mark}};
    std::size_t last = s.find_last_of(".,");
    if (dots && commas) {
        // The last one is the decimal mark, and is the only one of its kind.
        if (std::count(s.begin(), s.end(), s[last]) > 1) return {};
        return {{last}};
    }
    char mark = s[last];
    if (dots + commas == 1) {
        bool three_after = s.size() - last - 1 == 3;
        bool zero_int = last == 1 && s[0] == '0';
        if (!three_after || zero_int || last == 0) return {{last}};
        // "1.367" is 1367 as the documents write it; "1,234" is 1,234.
        if (mark == '.') return {{no_mark, last}, true};
        return {{last, no_mark}, true};
    }
    // Several of one mark are thousands marks. With 3-digit groups between them and 1 or 2
    // digits after the last one ("21,276,070,424,00"), the last may be the decimal mark.
    std::vector<std::size_t> marks;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i] == mark) marks.push_back(i);
    bool grouped = marks.front() >= 1 && marks.front() <= 3;
    for (std::size_t i = 1; i < marks.size(); ++i)
        grouped = grouped && marks[i] - marks[i - 1] == 4;
    std::size_t tail = s.size() - last - 1;
    if (grouped && (tail == 1 || tail == 2)) return {{last, no_mark}};
    return {{no_mark}};
}

// Converts the digits-and-separators part to a plain C-locale number string, with the mark at
// `decimal` (or none) as the decimal point and the others as thousands marks.
std::optional<std::string> canonical_digits(std::string_view s, std::size_t decimal) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c >= '0' && c <= '9')
            out += c;
        else if (i == decimal)
            out += '.';
        else if (c == '.' || c == ',')
            continue;  // thousands mark
        else
            return std::nullopt;
    }
    return out.empty() || out == "." ? std::nullopt : std::optional(out);
}

// Units are words, optionally squared or cubed ("m2"); "a4" or "12b" are not units.
bool plausible_unit(const std::string& unit) {
    std::size_t letters = 0;
    while (letters < unit.size() &&
           (std::isalpha(static_cast<unsigned char>(unit[letters])) || unit[letters] == '/'))
        ++letters;
    if (letters == 0) return false;
    std::string_view tail = std::string_view(unit).substr(letters);
    return tail.empty() || tail == "2" || tail == "3";
}

}  // namespace

QuantityReadings quantity_readings(std::string_view text) {
    QuantityReadings out;
    std::string_view s = trim(text);
    if (s.empty()) return out;
    Quantity q;
    if (is_dash(s)) {
        q.not_applicable = true;
        out.readings.push_back(q);
        return out;
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
    while (end < s.size() &&
           (std::isdigit(static_cast<unsigned char>(s[end])) || s[end] == '.' || s[end] == ','))
        ++end;
    if (end == 0) return out;

    std::string_view rest = trim(s.substr(end));
    if (!rest.empty() && rest.front() == '%') {
        q.percent = true;
        rest = trim(rest.substr(1));
    }
    if (!rest.empty()) {
        // A short unit word is fine ("Layanan", "m2"); a sentence is not a number.
        if (rest.size() > 24 || std::count(rest.begin(), rest.end(), ' ') > 2) return out;
        if (!q.unit.empty() || q.percent) return out;
        q.unit = normalise_unit(rest);
        if (!plausible_unit(q.unit)) return out;
    }

    std::string_view number = s.substr(0, end);
    DecimalChoices choices = decimal_choices(number);
    for (std::size_t decimal : choices.positions) {
        auto digits = canonical_digits(number, decimal);
        if (!digits) return {};
        double value = 0;
        auto [ptr, ec] = std::from_chars(digits->data(), digits->data() + digits->size(), value);
        if (ec != std::errc() || ptr != digits->data() + digits->size()) return {};
        q.value = negative ? -value : value;
        out.readings.push_back(q);
    }
    out.conventional = choices.conventional;
    return out;
}

std::optional<Quantity> parse_quantity(std::string_view text) {
    QuantityReadings r = quantity_readings(text);
    if (r.readings.empty() || r.ambiguous()) return std::nullopt;
    return r.readings.front();
}

SeparatorStyle separator_style(std::string_view text) {
    std::string_view s = trim(text);
    std::size_t first = 0;
    while (first < s.size() && !std::isdigit(static_cast<unsigned char>(s[first]))) ++first;
    std::size_t end = first;
    while (end < s.size() &&
           (std::isdigit(static_cast<unsigned char>(s[end])) || s[end] == '.' || s[end] == ','))
        ++end;
    std::string_view number = s.substr(first, end - first);
    // "7.363.920.000,-": the mark before the dash is no decimal mark.
    while (!number.empty() && (number.back() == '.' || number.back() == ','))
        number.remove_suffix(1);
    if (number.find_first_of(".,") == std::string_view::npos) return SeparatorStyle::unknown;
    DecimalChoices choices = decimal_choices(number);
    if (choices.positions.size() != 1) return SeparatorStyle::unknown;
    std::size_t decimal = choices.positions.front();
    bool dots = number.find('.') != std::string_view::npos;
    bool commas = number.find(',') != std::string_view::npos;
    if (decimal == no_mark)  // several of one mark: thousands
        return dots ? SeparatorStyle::indonesian : SeparatorStyle::us;
    if (dots && commas)
        return number[decimal] == ',' ? SeparatorStyle::indonesian : SeparatorStyle::us;
    return commas ? SeparatorStyle::indonesian : SeparatorStyle::unknown;  // "94,11"; "92.5"
}

bool is_percent_format(std::string_view f) {
    bool quoted = false;
    for (std::size_t i = 0; i < f.size(); ++i) {
        char c = f[i];
        if (c == '"')
            quoted = !quoted;
        else if (c == '\\')
            ++i;
        else if (c == '%' && !quoted)
            return true;
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
