#include "model/num_formats.hpp"

#include <utility>

namespace kinerja {

namespace {

// The first entry of an id is its spelling in the model; later ones are other
// spellings of the same format that the writer maps back to the id.
constexpr std::pair<int, std::string_view> builtin_formats[] = {
    {0, "General"},
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
    {14, "mm-dd-yy"},
    {14, "m/d/yy"},  // as Excel shows it in en-US
    {15, "d-mmm-yy"},
    {16, "d-mmm"},
    {17, "mmm-yy"},
    {18, "h:mm AM/PM"},
    {19, "h:mm:ss AM/PM"},
    {20, "h:mm"},
    {21, "h:mm:ss"},
    {22, "m/d/yy h:mm"},
    {37, "#,##0 ;(#,##0)"},
    {37, "(#,##0_);(#,##0)"},  // 37-40 and 47 as Excel shows them in en-US
    {38, "#,##0 ;[Red](#,##0)"},
    {38, "(#,##0_);[Red](#,##0)"},
    {39, "#,##0.00;(#,##0.00)"},
    {39, "(#,##0.00_);(#,##0.00)"},
    {40, "#,##0.00;[Red](#,##0.00)"},
    {40, "(#,##0.00_);[Red](#,##0.00)"},
    {41, "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)"},
    {42, "_($* #,##0_);_($* (#,##0);_($* \"-\"_);_(@_)"},
    {43, "_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"?\?_);_(@_)"},
    {44, "_($* #,##0.00_);_($* (#,##0.00);_($* \"-\"?\?_);_(@_)"},
    {45, "mm:ss"},
    {46, "[h]:mm:ss"},
    {47, "mmss.0"},
    {47, "mm:ss.0"},
    {48, "##0.0E+0"},
    {49, "@"},
};

}  // namespace

std::string_view builtin_num_format_code(int id) {
    for (const auto& [known, code] : builtin_formats)
        if (known == id) return code;
    return "General";
}

int builtin_num_format_id(std::string_view code) {
    for (const auto& [id, text] : builtin_formats)
        if (text == code) return id;
    return -1;
}

}  // namespace kinerja
