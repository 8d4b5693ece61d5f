#include "validate/rule_context.hpp"

#include <cmath>
#include <cstdio>

namespace kinerja {

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

std::optional<Quantity> RuleContext::quantity(std::uint32_t row, const TableColumn* column) const {
    if (!column) return std::nullopt;
    return quantity_at(workbook_, sheet_, row, column->col);
}

std::optional<double> RuleContext::number(std::uint32_t row, const TableColumn* column) const {
    auto q = quantity(row, column);
    if (!q || q->not_applicable) return std::nullopt;
    return q->value;
}

std::uint32_t RuleContext::anchor_row(std::uint32_t row, const TableColumn* column) const {
    if (const CellRange* m = sheet_.merge_at(row, column->col)) return m->first_row;
    return row;
}

std::string RuleContext::cell(std::uint32_t row, const TableColumn* column) const {
    return cell_name(anchor_row(row, column), column->col);
}

void RuleContext::report(Severity severity, std::string rule, std::uint32_t row,
                         const TableColumn* column, Message message) {
    out_.push_back({severity, std::move(rule), sheet_.name, anchor_row(row, column), column->col,
                    std::move(message)});
}

}  // namespace kinerja
