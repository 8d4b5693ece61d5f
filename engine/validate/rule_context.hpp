// Internal: what every rule needs to read a table and report a finding.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "validate/validate.hpp"

namespace kinerja {

class RuleContext {
public:
    RuleContext(const Workbook& workbook, const Sheet& sheet, const Table& table,
                std::vector<Finding>& out)
        : workbook_(workbook), sheet_(sheet), table_(table), out_(out) {}

    const Workbook& workbook() const { return workbook_; }
    const Sheet& sheet() const { return sheet_; }
    const Table& table() const { return table_; }

    // The number at (row, column of role); nullopt if blank, text or not applicable.
    std::optional<double> number(std::uint32_t row, const TableColumn* column) const;
    // Text with several readings is read by its column (quantity_in_table); when the column
    // cannot choose, nullopt, and `unresolved` (when given) gets the readings.
    std::optional<Quantity> quantity(std::uint32_t row, const TableColumn* column,
                                     std::vector<Quantity>* unresolved = nullptr) const;
    // "Sheet!F12" style cell name for messages (without the sheet when `bare`).
    std::string cell(std::uint32_t row, const TableColumn* column) const;
    // The cell a merged (row, col) really lives in.
    std::uint32_t anchor_row(std::uint32_t row, const TableColumn* column) const;

    // A finding of `rule` at (row, column), with the severity the registry gives it.
    void report(Rule rule, std::uint32_t row, const TableColumn* column, Message message);

private:
    const Workbook& workbook_;
    const Sheet& sheet_;
    const Table& table_;
    std::vector<Finding>& out_;
};

void check_anggaran(RuleContext& ctx);
void check_rka(RuleContext& ctx);
void check_rencana_aksi(RuleContext& ctx);
void check_umum(RuleContext& ctx);
void check_stated_rules(RuleContext& ctx);  // rules_kolom.cpp
void check_induk(RuleContext& ctx);         // rules_induk.cpp: roll-ups in any tree
void check_antar_tabel(const Workbook& workbook, const std::vector<Table>& tables,
                       std::vector<Finding>& out);
// rules_fill.cpp: what the fill saw.
void check_fill_facts(const FillFacts& facts, std::vector<Finding>& out);
void check_outcomes_across_tables(const std::vector<IndicatorOutcome>& outcomes,
                                  std::vector<Finding>& out);

}  // namespace kinerja
