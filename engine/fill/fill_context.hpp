// Internal: what the table fillers share.
#pragma once

#include <string>

#include "fill/computed.hpp"
#include "fill/fill.hpp"
#include "fill/inputs.hpp"

namespace kinerja::fill_detail {

// A cell as a formula operand: its reference when Excel can read the number in it, the
// number itself when it is typed as text Excel cannot read ("92,5%", "1 Layanan").
struct Operand {
    std::string excel;   // "D7", "D7*100" (percent format), "85", or the cell for "-"/blank
    double value = na;   // in display units: 85 for 85%, na when blank or "-"
    std::string unit;    // "%", "layanan", ... "" when none
    bool typed = false;  // the cell holds a value (not blank)
};

struct FillContext {
    Workbook& workbook;
    Sheet& sheet;
    const Table& table;
    Evaluator& evaluator;
    FillReport& report;

    Operand operand(std::uint32_t row, std::uint32_t col) const;
    // A percentage as the cell shows it: a percent-formatted cell holds 0.9688 for 96,88%.
    ExcelFormula in_cell_units(std::uint32_t row, std::uint32_t col, ExcelFormula percentage) const;
    // Writes a computed value and counts it; `col` may be any column of the sheet. A formula
    // of the user's own that already gives the value is left as it is (see keeps_formula).
    void put(std::uint32_t row, std::uint32_t col, const ExcelFormula& value);
    // The cell holds a formula of the user's own (not the one Kinerja writes there).
    bool user_formula(std::uint32_t row, std::uint32_t col, const ExcelFormula& value) const;
    // ... and its cached value agrees with `value` (in the cell's units): it stays untouched.
    bool keeps_formula(std::uint32_t row, std::uint32_t col, const ExcelFormula& value) const;
    // A cell of this sheet, for the facts the fill reports (facts.hpp).
    FactCell at(std::uint32_t row, std::uint32_t col) const { return {sheet.name, row, col}; }
    // SUM of the column's cells in `rows` with its cached value (engine/fill/sums.cpp);
    // an empty formula when none of them holds a number yet.
    ExcelFormula sum(const std::vector<std::uint32_t>& rows, std::uint32_t col) const;
};

// The values in the order of the indicator's inputs; a missing name is not applicable.
std::vector<double> ordered_inputs(const CompiledCatalogue& compiled, std::size_t indicator,
                                   const std::map<std::string, double>& values);

void fill_anggaran(FillContext& ctx);
void fill_rka(FillContext& ctx);
void fill_capaian(FillContext& ctx, const IndicatorMatcher& matcher, const InputCells& inputs,
                  bool add_kategori);
// The Renja evaluation (fill_renja.cpp): the empty cells its column-number row's rules define
// (before the capaian fill, which reads them), then its rata-rata and predikat rows (after).
void fill_renja_rules(FillContext& ctx);
void fill_renja_summary(FillContext& ctx);
// Rencana Aksi: per-TW capaian and kategori, and per-block totals. The outcome of each
// indicator's latest TW with a capaian goes to `year_to_date`.
void fill_rencana_aksi(FillContext& ctx, const IndicatorMatcher& matcher,
                       std::vector<IndicatorOutcome>& year_to_date);
// What a block's capaian follows: a catalogue indicator, or, for an indicator outside the
// catalogue, the template's general rule (realisasi / target * 100, or the turun rule).
struct RowIndicator {
    std::optional<std::size_t> index;  // the catalogue indicator; none for the general rule
    std::string id;                    // its catalogue id, or the indicator text as written
    Direction direction = Direction::naik;
};
// Capaian of a block's indicator by its rule, as a formula over `cells` ("realisasi",
// "target") with its cached value.
ExcelFormula capaian_of(FillContext& ctx, const RowIndicator& indicator, const CellMap& cells,
                        double realisasi, double target);
// From fill_capaian.cpp: the indicator of a block (an explicit id column first, then the
// text). A name outside the catalogue follows the general rule and is reported as an
// UnmatchedIndicator with its nearest candidates (`computable`: its target and realisasi are
// numbers). Nothing for an explicit id that is not in the catalogue (an UnknownIndicatorId).
// And whether a stated capaian agrees with the computed one to the stated value's own
// precision.
std::optional<RowIndicator> identify_indicator(FillContext& ctx, const IndicatorMatcher& matcher,
                                               const IndicatorBlock& block, std::uint32_t col,
                                               bool computable);
bool stated_agrees(double stated, double computed);
// Appends the Grafik sheet for the outcomes that have a capaian cell (FillOptions::grafik).
void add_grafik(Workbook& workbook, const CompiledCatalogue& compiled, FillReport& report);

}  // namespace kinerja::fill_detail
