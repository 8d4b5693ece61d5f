#include "validate/rule_context.hpp"

namespace kinerja::validate_detail {

std::optional<Quantity> RuleContext::quantity(std::uint32_t row, const TableColumn* column,
                                              std::vector<Quantity>* unresolved) const {
    if (unresolved) unresolved->clear();
    if (!column) return std::nullopt;
    return quantity_in_table(workbook_, sheet_, table_, row, column->col, unresolved);
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

bool RuleContext::computed(std::uint32_t row, const TableColumn* column) const {
    const std::uint32_t at = anchor_row(row, column);
    if (filled_) {
        auto sheet = static_cast<std::size_t>(&sheet_ - workbook_.sheets.data());
        auto it = filled_->find({sheet, at, column->col});
        if (it != filled_->end()) return it->second;
    }
    const Cell* cell = sheet_.find(at, column->col);
    return cell && cell->is_formula();
}

void RuleContext::report(Rule rule, std::uint32_t row, const TableColumn* column, Message message) {
    out_.push_back(
        Finding::of(rule, sheet_.name, anchor_row(row, column), column->col, std::move(message)));
}

}  // namespace kinerja::validate_detail
