// Which findings are out of the user's sight: in a hidden or very hidden sheet, a hidden row
// (AutoFilter and collapsed outlines hide rows too) or a hidden column. Set here, once, for
// the findings of every rule and of filling, so no rule has to know.
#include <algorithm>

#include "validate/validate.hpp"

namespace kinerja {

namespace {

bool row_hidden(const Sheet& sheet, std::uint32_t row) {
    auto it = sheet.rows.find(row);
    return it != sheet.rows.end() && it->second.hidden;
}

bool column_hidden(const Sheet& sheet, std::uint32_t col) {
    auto it = std::find_if(sheet.columns.begin(), sheet.columns.end(),
                           [&](const ColumnInfo& c) { return c.first <= col && col <= c.last; });
    return it != sheet.columns.end() && it->hidden;
}

// Findings about the workbook as a whole, not about a figure: a wrong Rumus sheet changes
// every computed cell, and a workbook without tables has nothing to hide.
bool about_the_workbook(const Finding& f) {
    return f.rule == Rule::rumus_tidak_valid || f.rule == Rule::tabel_tidak_ditemukan;
}

Hidden where_hidden(const Workbook& workbook, const Finding& f) {
    const Sheet* sheet = workbook.sheet(f.sheet);
    if (!sheet || about_the_workbook(f)) return Hidden::no;
    if (sheet->visibility != Sheet::Visibility::visible) return Hidden::sheet;
    bool in_row = row_hidden(*sheet, f.row), in_col = column_hidden(*sheet, f.col);
    if (!in_row && !in_col) return Hidden::no;
    // A merged cell is in sight when any of its rows (columns) is.
    if (const CellRange* merge = sheet->merge_at(f.row, f.col)) {
        for (std::uint32_t r = merge->first_row; r <= merge->last_row && in_row; ++r)
            in_row = row_hidden(*sheet, r);
        for (std::uint32_t c = merge->first_col; c <= merge->last_col && in_col; ++c)
            in_col = column_hidden(*sheet, c);
    }
    if (in_row) return Hidden::row;
    if (in_col) return Hidden::column;
    return Hidden::no;
}

}  // namespace

void locate_hidden(const Workbook& workbook, std::vector<Finding>& findings) {
    for (Finding& f : findings) f.hidden = where_hidden(workbook, f);
}

}  // namespace kinerja
