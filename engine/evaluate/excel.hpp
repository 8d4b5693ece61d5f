// Excel formulas for the cells the fill writes: the formula and its cached value, so the
// workbook computes the same figure Kinerja did.
#pragma once

#include <cstddef>
#include <span>
#include <string>

#include "evaluate/evaluator.hpp"
#include "model/workbook.hpp"

namespace kinerja {

// What the writer puts in a cell: Cell::formula = formula, Cell::value = cached (a number,
// or the text "-" when not applicable, or the kategori code).
struct ExcelFormula {
    std::string formula;  // without the leading '='
    CellValue cached;
    // The same figure divided by 100, for a cell formatted as a percentage (empty for text
    // results such as a kategori).
    std::string fraction_formula;
};

ExcelFormula excel_realisasi(Evaluator& evaluator, std::size_t indicator, const CellMap& cells,
                             std::span<const double> inputs);
// Capaian with the template's rule, cap and rounding. `cells` names the "realisasi" and
// "target" cells (and inputs, if the indicator's own capaian formula reads them).
ExcelFormula excel_capaian(Evaluator& evaluator, std::size_t indicator, const CellMap& cells,
                           double realisasi, double target, std::span<const double> inputs = {});
// The template's general rule for an indicator outside the catalogue: realisasi / target * 100
// (naik) or the settings' turun rule, then the cap and the template's rounding. `cells` names
// the "realisasi" and "target" cells.
ExcelFormula excel_capaian(const Settings& settings, Direction direction, const CellMap& cells,
                           double realisasi, double target);
ExcelFormula excel_kategori(const KategoriScale& scale, const std::string& capaian_cell,
                            double capaian);

}  // namespace kinerja
