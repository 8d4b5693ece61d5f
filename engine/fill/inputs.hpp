// Internal: where each raw input of an indicator lives in the workbook. Inputs from --data
// are written into a `Data` sheet first, so realisasi formulas can point at them and stay
// live when staff later correct a figure in Excel.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "evaluate/evaluate.hpp"
#include "fill/fill.hpp"

namespace kinerja::fill_detail {

struct InputCell {
    std::string excel;  // "'Data'!C5", or the number itself when the cell holds text
    double value = na;
};

// indikator as written (id or name) -> variabel -> periode -> cell
using InputCells = std::map<std::string, std::map<std::string, std::map<Periode, InputCell>>>;

// Writes options.data into the workbook's Data sheet (adding the sheet or rows as needed)
// and returns where every input is, including those already in a Data sheet.
InputCells place_inputs(Workbook& workbook, const FillOptions& options);

// The Excel expression and value of one variable over the year: the TAHUN value if given,
// else the TW values combined as the indicator says (SUM, the last one, or AVERAGE).
std::optional<InputCell> yearly_input(const std::map<Periode, InputCell>& periods,
                                      PeriodCombine combine);

}  // namespace kinerja::fill_detail
