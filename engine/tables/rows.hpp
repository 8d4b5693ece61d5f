// Part of stage 2 (included by tables/tables.hpp): reading a found table's data rows,
// indicator blocks and quantities through merges, for the fill and validation stages.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/workbook.hpp"
#include "tables/quantity.hpp"

namespace kinerja {

struct Table;
struct TableColumn;
struct ColumnNumber;

// One data row of a table, read through merges.
struct TableRow {
    std::uint32_t row = 0;
    bool is_total = false;    // "JUMLAH", "TOTAL", "Jumlah Total" in the label columns
    bool is_section = false;  // a band across the table: "Tahun 2022", "Program : ..."
    // The Renja evaluation's "Rata-rata capaian kinerja" and "Predikat kinerja" (totals too).
    bool is_summary = false;
    std::optional<int> triwulan;  // a "TW I" label in the row, if any
};

// An indicator and its rows: one row in a capaian table, the TW block in a Rencana Aksi.
struct IndicatorBlock {
    std::uint32_t first_row = 0, last_row = 0;
    std::string indikator;  // the text as written, e.g. "1. Persentase pemenuhan ..."
    std::string sasaran;    // the sasaran it sits under, if the table has that column
    std::string section;    // the band above it, e.g. "Output : Persentase ..." (may name it)
};

// The level of an RKA budget code: 013.05.BF program 0, 5252 kegiatan 1, 5252.BDC KRO 2,
// 003 / U01 RO 3; nullopt for anything else (indicator numbers such as "01").
std::optional<int> rka_level(std::string_view code);

std::vector<TableRow> table_rows(const Sheet& sheet, const Table& table);

// What one row check of a budget table reads: a pagu with its realisasi, sisa and % (any may
// be missing). budget_columns gives the evaluated columns first, then each other group that
// states a sisa or a % of its own (SIPD: Operasi, Modal, Total; "PAGU AKAS > SD JUNI" with
// "% AKAS > SD JUNI"); a group without its own realisasi is measured by the evaluated one (the
// % AKAS is the realisasi over the cash plan to date).
struct BudgetColumns {
    const TableColumn *pagu = nullptr, *real = nullptr, *sisa = nullptr, *persen = nullptr;
    bool grouped = false;  // a group's own, beside the evaluated columns
};
std::vector<BudgetColumns> budget_columns(const Table& table);

// How a table's rows nest (row_tree.cpp), from what the rows show, in this order:
// - codes: the kode columns read left to right as one path (SIPD: "1.02" | "1.02.2.14..." |
//   "1.02.01.2.01" | "5.1.02.01"), else numbering 1 / 1.1 / 1.1.1 in the nomor column; a row's
//   parent is the nearest row above whose path leads to its own (kegiatan 1.02.01.2.01 under
//   program 1.02.01, a rekening under the sub kegiatan it follows);
// - outline levels (grouped rows), the summary row below or above as the sheet says;
// - the label column's layout: a less indented row, or a bold one over rows that are not,
//   heads the rows below it. Only a hint: whoever uses it checks that the amounts agree.
// Total and section rows belong to no tree.
enum class TreeSource { none, codes, outline, layout };
struct RowTree {
    TreeSource source = TreeSource::none;
    std::map<std::uint32_t, std::uint32_t> parent;  // child row -> parent row
};
RowTree row_tree(const Workbook& workbook, const Sheet& sheet, const Table& table,
                 const std::vector<TableRow>& rows);
// In a rule of the column-number row ("13 = 9 + 10 + 11 + 12"), the sub-column of group
// `operand` that goes with sub-column `index` of group `defined`: the one with the same unit
// (K with K, Rp. with Rp.), else the one in the same place when the groups are as wide, else
// the group's only column.
std::optional<std::uint32_t> rule_operand_column(const Table& t, const ColumnNumber& defined,
                                                 std::uint32_t index, const ColumnNumber& operand);
// Rows grouped per indicator: a new block starts where the indicator text changes;
// empty indicator cells (TW II-IV rows typed without merging) continue the block.
std::vector<IndicatorBlock> indicator_blocks(const Sheet& sheet, const Table& table);
// The quantity shown at (row, col), read through merges (see quantity.hpp).
std::optional<Quantity> quantity_at(const Workbook& workbook, const Sheet& sheet, std::uint32_t row,
                                    std::uint32_t col);
// The quantity at (row, col) of a table, read through merges like quantity_at, where typed
// text with several readings (quantity_readings) is read by the other data rows of the same
// column:
// - a lone mark before three digits ("1.367", "1,234") keeps its convention unless the column's
//   other texts are typed US style only ("1,234,567.89", "2,500.00"), then it reads US style;
// - an ambiguous text ("21,276,070,424,00") takes the only reading whose size fits the
//   column's other figures (from a third of the smallest to three times the largest, total
//   and section rows aside).
// nullopt when blank, not a number, or still ambiguous; then `unresolved`, when given, gets
// the readings the column could not choose between (it is cleared otherwise).
std::optional<Quantity> quantity_in_table(const Workbook& workbook, const Sheet& sheet,
                                          const Table& table, std::uint32_t row, std::uint32_t col,
                                          std::vector<Quantity>* unresolved = nullptr);

}  // namespace kinerja
