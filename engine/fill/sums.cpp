// Totals as live SUM formulas whose cached value is what Excel will compute.
#include <cmath>

#include "fill/fill_context.hpp"

namespace kinerja::fill_detail {

ExcelFormula FillContext::sum(const std::vector<std::uint32_t>& rows, std::uint32_t col) const {
    // Terms in order; runs of adjacent cells become one range ("C5:C9").
    struct Term {
        std::string excel;
        std::uint32_t first = 0, last = 0;
        bool is_cell = false;
    };
    std::vector<Term> terms;
    ExcelFormula f;
    f.cached.kind = CellValue::Kind::number;
    bool any_number = false;
    for (std::uint32_t row : rows) {
        Operand part = operand(row, col);
        bool number = part.typed && !std::isnan(part.value);
        // Blank cells, "-" and unreadable text are referenced all the same: SUM skips them
        // today and counts what the user types there later. Text Excel cannot read as a
        // number ("Rp 300.000.000,-") goes in as its number, or SUM would skip it and
        // disagree with the cached value.
        if (number) {
            f.cached.number += part.value;
            any_number = true;
        }
        std::string excel = number ? part.excel : cell_name(row, col);
        bool is_cell = excel == cell_name(row, col);
        if (is_cell && !terms.empty() && terms.back().is_cell && terms.back().last + 1 == row) {
            terms.back().last = row;
            continue;
        }
        terms.push_back({excel, row, row, is_cell});
    }
    if (!any_number) return {};
    std::string list;
    for (const Term& t : terms) {
        if (!list.empty()) list += ",";
        list += t.is_cell && t.last > t.first
                    ? cell_name(t.first, col) + ":" + cell_name(t.last, col)
                    : t.excel;
    }
    f.formula = "SUM(" + list + ")";
    return f;
}

}  // namespace kinerja::fill_detail
