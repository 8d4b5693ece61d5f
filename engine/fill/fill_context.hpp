// Internal: what the table fillers share.
#pragma once

#include <string>

#include "fill/computed.hpp"
#include "fill/fill.hpp"
#include "fill/inputs.hpp"

namespace kinerja {

// A cell as a formula operand: its reference when Excel can read the number in it, the
// number itself when it is typed as text Excel cannot read ("92,5%", "1 Layanan").
struct Operand {
    std::string excel;  // "D7", "D7*100" (percent format), "85", or the cell for "-"/blank
    double value = na;  // in display units: 85 for 85%, na when blank or "-"
    std::string unit;   // "%", "layanan", ... "" when none
    bool typed = false; // the cell holds a value (not blank)
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
    // Writes a computed value and counts it; `col` may be any column of the sheet.
    void put(std::uint32_t row, std::uint32_t col, const ExcelFormula& value);
    void finding(Severity severity, std::string rule, std::uint32_t row, std::uint32_t col,
                 Message message);
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
// Rencana Aksi: per-TW capaian and kategori, and per-block totals. The outcome of each
// indicator's latest TW with a capaian goes to `year_to_date`.
void fill_rencana_aksi(FillContext& ctx, const IndicatorMatcher& matcher,
                       std::vector<IndicatorOutcome>& year_to_date);
// From fill_capaian.cpp: the catalogue indicator of a block (an explicit id column first,
// then the text), or a finding naming the nearest candidates; and whether a stated capaian
// agrees with the computed one to the stated value's own precision.
std::optional<std::size_t> identify_indicator(FillContext& ctx, const IndicatorMatcher& matcher,
                                              const IndicatorBlock& block, std::uint32_t col);
bool stated_agrees(double stated, double computed);
// Appends the Grafik sheet for the outcomes that have a capaian cell (FillOptions::grafik).
void add_grafik(Workbook& workbook, const CompiledCatalogue& compiled, FillReport& report);

}  // namespace kinerja
