// Internal: what every rule needs to read a table and report a finding.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "validate/validate.hpp"

namespace kinerja::validate_detail {

// The cells a fill wrote (sheet index, row, column), each with whether it holds a formula
// after the fill: the rules see the typed values, and know which of those Excel will compute.
using FilledCells = std::map<std::tuple<std::size_t, std::uint32_t, std::uint32_t>, bool>;

class RuleContext {
public:
    RuleContext(const Workbook& workbook, const Sheet& sheet, const Table& table,
                std::vector<Finding>& out, const FilledCells* filled = nullptr)
        : workbook_(workbook), sheet_(sheet), table_(table), out_(out), filled_(filled) {}

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

    // Whether the cell at (row, column) holds a formula once the fill is done: one the fill
    // wrote, or the user's own where the fill wrote nothing. Its value is Excel's to compute,
    // so an empty cached value is not an empty cell.
    bool computed(std::uint32_t row, const TableColumn* column) const;

    // A finding of `rule` at (row, column), with the severity the registry gives it.
    void report(Rule rule, std::uint32_t row, const TableColumn* column, Message message);

private:
    const Workbook& workbook_;
    const Sheet& sheet_;
    const Table& table_;
    std::vector<Finding>& out_;
    const FilledCells* filled_;
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
// rules_fill.cpp: the Rumus sheet's cells that cannot be used (rumus.tidak_valid).
void check_rumus_problems(std::span<const RumusProblem> problems, std::vector<Finding>& out);
// validate.cpp: tabel.tidak_ditemukan when no table was found, at the nearest miss and
// naming what it lacked (`kinerja inspect` lists them all).
std::optional<Finding> no_table_found(const Workbook& workbook, const std::vector<Table>& tables,
                                      std::span<const NearMiss> misses);
// rules_dropped.cpp: bagian.tidak_dibawa, one warning per kind of part the reader could not
// carry and its place (a sheet, else the first sheet naming the part), appended to `findings`.
void add_dropped_part_findings(const Workbook& workbook, std::vector<Finding>& findings);

}  // namespace kinerja::validate_detail
