// Budget tables: Sisa = Pagu - Realisasi and % = Realisasi / Pagu, with the catalogue's
// anggaran.sisa and anggaran.penyerapan formulas and their rounding.
#include "fill/fill_context.hpp"

namespace kinerja {

namespace {

// A JUMLAH / TOTAL row sums the rows since the previous total, as the anggaran.total rule
// checks them; a total with nothing above it is left alone.
void fill_totals(FillContext& ctx, const std::vector<TableRow>& rows,
                 std::initializer_list<const TableColumn*> columns) {
    std::vector<std::uint32_t> parts;
    for (const TableRow& row : rows) {
        if (row.is_section) continue;
        if (!row.is_total) {
            parts.push_back(row.row);
            continue;
        }
        for (const TableColumn* column : columns) {
            ExcelFormula f = ctx.sum(parts, column->col);
            if (!f.formula.empty()) ctx.put(row.row, column->col, f);
        }
        parts.clear();
    }
}

}  // namespace

void fill_anggaran(FillContext& ctx) {
    const Table& t = ctx.table;
    const TableColumn* pagu = t.column(ColumnRole::pagu);
    const TableColumn* real = t.column(ColumnRole::realisasi)
                                  ? t.column(ColumnRole::realisasi)
                                  : t.column(ColumnRole::realisasi_anggaran);
    const TableColumn* sisa = t.column(ColumnRole::sisa);
    const TableColumn* persen = t.column(ColumnRole::persen);
    const CompiledCatalogue& compiled = ctx.evaluator.compiled();
    auto sisa_id = compiled.index_of("anggaran.sisa");
    auto serap_id = compiled.index_of("anggaran.penyerapan");
    if (!pagu || !real) return;

    auto rows = table_rows(ctx.sheet, t);
    fill_totals(ctx, rows, {pagu, real});
    for (const TableRow& row : rows) {
        if (row.is_section) continue;
        Operand p = ctx.operand(row.row, pagu->col), r = ctx.operand(row.row, real->col);
        if (!p.typed && !r.typed) continue;  // an empty line inside the table
        CellMap cells{{"pagu", p.excel}, {"realisasi_anggaran", r.excel}};
        std::map<std::string, double> values{{"pagu", p.value}, {"realisasi_anggaran", r.value}};
        if (sisa && sisa_id) {
            ctx.put(row.row, sisa->col,
                    excel_realisasi(ctx.evaluator, *sisa_id, cells,
                                    ordered_inputs(compiled, *sisa_id, values)));
        }
        if (persen && serap_id) {
            ExcelFormula f = excel_realisasi(ctx.evaluator, *serap_id, cells,
                                             ordered_inputs(compiled, *serap_id, values));
            ctx.put(row.row, persen->col, ctx.in_cell_units(row.row, persen->col, f));
        }
    }
}

}  // namespace kinerja
