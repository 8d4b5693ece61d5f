// Live Excel formulas with the engine's values as their cache, ready for the writer.
#include "evaluate/evaluate.hpp"
#include "evaluate/numeric.hpp"

namespace kinerja {

using namespace evaluate_detail;

namespace {

CellValue cached_number(double value) {
    CellValue v;
    if (is_na(value)) {
        v.kind = CellValue::Kind::text;
        v.text = "-";
    } else {
        v.kind = CellValue::Kind::number;
        v.number = value;
    }
    return v;
}

}  // namespace

ExcelFormula excel_realisasi(Evaluator& evaluator, std::size_t indicator, const CellMap& cells,
                             std::span<const double> inputs) {
    const CompiledCatalogue& c = evaluator.compiled();
    ExcelFormula out;
    const Formula& formula = c.realisasi_formula(indicator);
    out.formula = formula.excel(cells, c.rounding(indicator), c.settings().turun);
    out.fraction_formula = formula.excel(cells, c.rounding(indicator), c.settings().turun, true);
    out.cached = cached_number(evaluator.realisasi(indicator, inputs));
    return out;
}

ExcelFormula excel_capaian(Evaluator& evaluator, std::size_t indicator, const CellMap& cells,
                           double realisasi, double target, std::span<const double> inputs) {
    const CompiledCatalogue& c = evaluator.compiled();
    ExcelFormula out;
    const Formula& formula = c.capaian_formula(indicator);
    out.formula = formula.excel(cells, c.rounding(indicator), c.settings().turun);
    out.fraction_formula = formula.excel(cells, c.rounding(indicator), c.settings().turun, true);
    out.cached = cached_number(evaluator.capaian(indicator, realisasi, target, inputs));
    return out;
}

ExcelFormula excel_capaian(const Settings& settings, Direction direction, const CellMap& cells,
                           double realisasi, double target) {
    // The same text CompiledCatalogue gives a catalogue indicator without its own formula.
    std::string text = direction == Direction::naik ? "capaian_naik(realisasi, target)"
                                                    : "capaian_turun(realisasi, target)";
    if (settings.cap) text = cat({"min(", text, ", ", number_text(*settings.cap), ")"});
    ExcelFormula out;
    Formula formula = Formula::parse(text, {"target", "realisasi"});
    out.formula = formula.excel(cells, settings.rounding, settings.turun);
    out.fraction_formula = formula.excel(cells, settings.rounding, settings.turun, true);
    out.cached = cached_number(capaian(realisasi, target, direction, settings));
    return out;
}

ExcelFormula excel_kategori(const KategoriScale& scale, const std::string& capaian_cell,
                            double capaian) {
    // Bands from the top: IF(G5>85,"AA",IF(G5>75,"A",...,"D")). Text ("-") is not a number.
    std::string chain;
    std::size_t open = 0;
    for (const auto& band : scale.bands) {
        if (band.above) {
            chain +=
                "IF(" + capaian_cell + ">" + number_text(*band.above) + ",\"" + band.kode + "\",";
            ++open;
        } else {
            chain += "\"" + band.kode + "\"";
        }
    }
    if (scale.bands.empty() || scale.bands.back().above) chain += "\"-\"";
    chain.append(open, ')');
    ExcelFormula out;
    out.formula = "IF(ISNUMBER(" + capaian_cell + ")," + chain + ",\"-\")";
    out.cached.kind = CellValue::Kind::text;
    const KategoriBand* band = kategori(capaian, scale);
    out.cached.text = band ? band->kode : "-";
    return out;
}

}  // namespace kinerja
