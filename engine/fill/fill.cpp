#include "fill/fill.hpp"

#include <cstdio>

#include "fill/fill_context.hpp"

namespace kinerja::fill_detail {

Operand FillContext::operand(std::uint32_t row, std::uint32_t col) const {
    if (const CellRange* m = sheet.merge_at(row, col)) {
        row = m->first_row;
        col = m->first_col;
    }
    Operand op;
    op.excel = cell_name(row, col);
    const Cell* cell = sheet.find(row, col);
    if (!cell || cell->value.kind == CellValue::Kind::blank) return op;
    op.typed = true;
    // Text with several readings ("21,276,070,424,00") is read by its column; one the column
    // cannot settle is no operand (validation reports it as umum.angka_ragu).
    auto q = quantity_in_table(workbook, sheet, table, row, col);
    if (!q || q->not_applicable) return op;
    op.value = q->value;
    op.unit = q->percent ? "%" : q->unit;
    if (cell->value.kind == CellValue::Kind::number) {
        if (q->percent) op.excel += "*100";
    } else {
        // Text such as "92,5%": Excel in another locale cannot read it, so use the number.
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.15g", q->value);
        op.excel = buf;
    }
    return op;
}

ExcelFormula FillContext::in_cell_units(std::uint32_t row, std::uint32_t col,
                                        ExcelFormula f) const {
    const Cell* c = sheet.find(row, col);
    if (!c || c->style >= workbook.styles.size() ||
        !is_percent_format(workbook.styles[c->style].num_format))
        return f;
    // The formula's own value divided by 100 where it has that form; otherwise the result is.
    f.formula = !f.fraction_formula.empty()
                    ? f.fraction_formula
                    : "IF(ISNUMBER(" + f.formula + ")," + f.formula + "/100," + f.formula + ")";
    if (f.cached.kind == CellValue::Kind::number) f.cached.number /= 100;
    return f;
}

bool FillContext::user_formula(std::uint32_t row, std::uint32_t col,
                               const ExcelFormula& value) const {
    const Cell* cell = sheet.find(row, col);
    return cell && cell->is_formula() && cell->formula != value.formula;
}

bool FillContext::keeps_formula(std::uint32_t row, std::uint32_t col,
                                const ExcelFormula& value) const {
    if (!user_formula(row, col, value)) return false;
    const Cell* cell = sheet.find(row, col);
    const CellValue& cached = cell->value;
    if (cached.kind == CellValue::Kind::text && value.cached.kind == CellValue::Kind::text)
        return cached.text == value.cached.text;  // "-", a kategori code
    // Where ours is not applicable ("-": a pagu of 0), a formula of the user's that shows 0
    // there (=IFERROR(P24/K24,0)) says the same in its own convention.
    if (value.cached.kind == CellValue::Kind::text && value.cached.text == "-")
        return cached.kind == CellValue::Kind::number && cached.number == 0;
    if (cached.kind != CellValue::Kind::number || value.cached.kind != CellValue::Kind::number)
        return false;  // no cached value to judge by, an error value, text against a number
    // Compared as the cell shows it (94,12 for 0.9412 in a percent-formatted cell), the user's
    // value to the template's decimals: =E5/D5*100 giving 94,1176 agrees with TRUNC's 94,11.
    bool percent = cell->style < workbook.styles.size() &&
                   is_percent_format(workbook.styles[cell->style].num_format);
    double scale = percent ? 100 : 1;
    int decimals = evaluator.compiled().settings().rounding.decimals;
    return stated_agrees(round_to(cached.number * scale, decimals), value.cached.number * scale);
}

void FillContext::put(std::uint32_t row, std::uint32_t col, const ExcelFormula& value) {
    ++report.computed_cells;
    if (keeps_formula(row, col, value)) return;
    const Cell* before = sheet.find(row, col);
    report.changes.push_back({static_cast<std::size_t>(&sheet - workbook.sheets.data()), row, col,
                              before ? std::optional<Cell>(*before) : std::nullopt});
    if (put_computed(sheet, row, col, value)) ++report.replaced_values;
}

std::vector<double> ordered_inputs(const CompiledCatalogue& compiled, std::size_t indicator,
                                   const std::map<std::string, double>& values) {
    std::vector<double> out;
    for (const Variable& v : compiled.indicator(indicator).inputs) {
        auto it = values.find(v.name);
        out.push_back(it == values.end() ? na : it->second);
    }
    return out;
}

}  // namespace kinerja::fill_detail

namespace kinerja {

using namespace fill_detail;

FillReport fill_tables(Workbook& workbook, const std::vector<Table>& tables, Evaluator& evaluator,
                       const IndicatorMatcher& matcher, const FillOptions& options) {
    FillReport report;
    InputCells inputs = place_inputs(workbook, options);
    // Rencana Aksi outcomes are the year to date: they come after the tables of the year.
    std::vector<IndicatorOutcome> year_to_date;
    for (const Table& table : tables) {
        Sheet* sheet = workbook.sheet(table.sheet);
        if (!sheet) continue;
        FillContext ctx{workbook, *sheet, table, evaluator, report};
        switch (table.kind) {
            case TableKind::anggaran:
                fill_anggaran(ctx);
                break;
            case TableKind::rka:
                fill_rka(ctx);
                break;
            case TableKind::capaian:
                fill_capaian(ctx, matcher, inputs, options.kategori);
                break;
            case TableKind::renja:
                fill_renja_rules(ctx);
                fill_capaian(ctx, matcher, inputs, options.kategori);
                fill_renja_summary(ctx);
                break;
            case TableKind::rencana_aksi:
                fill_rencana_aksi(ctx, matcher, year_to_date);
                break;
        }
    }
    report.outcomes.insert(report.outcomes.end(), year_to_date.begin(), year_to_date.end());
    if (options.grafik) add_grafik(workbook, evaluator.compiled(), report);
    return report;
}

}  // namespace kinerja
