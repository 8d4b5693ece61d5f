// Number format facts the writer needs: built-in ids and whether a format shows dates.
#include <array>
#include <cctype>
#include <utility>

#include "write/formats.hpp"

namespace kinerja::write_detail {

namespace {

// Built-in number formats (ECMA-376 Part 1, 18.8.30) under the en-US strings
// Excel shows, which is how the reader resolves them. Writing the id rather than
// the string matters for 14-17 and 22: Excel shows those in the user's regional
// date format.
constexpr std::array<std::pair<int, std::string_view>, 40> builtin_formats{{
    {1, "0"},
    {2, "0.00"},
    {3, "#,##0"},
    {4, "#,##0.00"},
    {5, "($#,##0_);($#,##0)"},
    {6, "($#,##0_);[Red]($#,##0)"},
    {7, "($#,##0.00_);($#,##0.00)"},
    {8, "($#,##0.00_);[Red]($#,##0.00)"},
    {9, "0%"},
    {10, "0.00%"},
    {11, "0.00E+00"},
    {12, "# ?/?"},
    {13, "# ?\?/??"},  // "\?" keeps "??/" from reading as a trigraph
    {14, "m/d/yy"},
    {15, "d-mmm-yy"},
    {16, "d-mmm"},
    {17, "mmm-yy"},
    {18, "h:mm AM/PM"},
    {19, "h:mm:ss AM/PM"},
    {20, "h:mm"},
    {21, "h:mm:ss"},
    {22, "m/d/yy h:mm"},
    {37, "(#,##0_);(#,##0)"},
    {37, "#,##0 ;(#,##0)"},  // 37-40 and 47 also as ECMA-376 spells them
    {38, "(#,##0_);[Red](#,##0)"},
    {38, "#,##0 ;[Red](#,##0)"},
    {39, "(#,##0.00_);(#,##0.00)"},
    {39, "#,##0.00;(#,##0.00)"},
    {40, "(#,##0.00_);[Red](#,##0.00)"},
    {40, "#,##0.00;[Red](#,##0.00)"},
    {41, "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)"},
    {42, "_($* #,##0_);_($* (#,##0);_($* \"-\"_);_(@_)"},
    {43, "_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"?\?_);_(@_)"},
    {44, "_($* #,##0.00_);_($* (#,##0.00);_($* \"-\"?\?_);_(@_)"},
    {45, "mm:ss"},
    {46, "[h]:mm:ss"},
    {47, "mm:ss.0"},
    {47, "mmss.0"},
    {48, "##0.0E+0"},
    {49, "@"},
}};

char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool starts_with_nocase(std::string_view text, std::size_t at, std::string_view word) {
    if (text.size() - at < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (lower(text[at + i]) != lower(word[i])) return false;
    return true;
}

}  // namespace

int builtin_num_format(std::string_view code) {
    for (const auto& [id, text] : builtin_formats)
        if (text == code) return id;
    return -1;
}

bool is_date_format(std::string_view code) {
    bool year = false, day = false, month_or_minute = false, hour = false, second = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        char c = code[i];
        if (c == '"') {  // literal text
            auto end = code.find('"', i + 1);
            if (end == std::string_view::npos) break;
            i = end;
        } else if (c == '\\' || c == '_' || c == '*') {  // escaped, spacing or fill character
            ++i;
        } else if (c == '[') {  // colour, condition, locale, or an elapsed-time unit
            auto end = code.find(']', i + 1);
            if (end == std::string_view::npos) break;
            char unit = end > i + 1 ? lower(code[i + 1]) : '\0';
            if (unit == 'h' || unit == 'm' || unit == 's') return false;  // a duration
            i = end;
        } else if (starts_with_nocase(code, i, "am/pm")) {
            i += 4;
        } else if (starts_with_nocase(code, i, "a/p")) {
            i += 2;
        } else {
            switch (lower(c)) {
                case 'y':
                    year = true;
                    break;
                case 'd':
                    day = true;
                    break;
                case 'm':
                    month_or_minute = true;
                    break;
                case 'h':
                    hour = true;
                    break;
                case 's':
                    second = true;
                    break;
                default:
                    break;
            }
        }
    }
    // "m" is a month unless the format also has hours or seconds (then mostly minutes).
    return year || day || (month_or_minute && !hour && !second);
}

}  // namespace kinerja::write_detail
