// Budget tables: Sisa = Pagu - Realisasi and % = Realisasi / Pagu, with the catalogue's
// "anggaran.sisa" and "anggaran.penyerapan" formulas and their rounding.
#include "fill/fill_context.hpp"

namespace kinerja {


void fill_anggaran(FillContext& ctx) {
    const Table& t = ctx.table;
    const TableColumn* pagu = t.column(ColumnRole::pagu);
    const TableColumn* real = t.column(ColumnRole::realisasi) ? t.column(ColumnRole::realisasi)
                                                             : t.column(ColumnRole::realisasi_anggaran);
    const TableColumn* sisa = t.column(ColumnRole::sisa);
    const TableColumn* persen = t.column(ColumnRole::persen);
    const CompiledCatalogue& compiled = ctx.evaluator.compiled();
    auto sisa_id = compiled.index_of("anggaran.sisa");
    auto serap_id = compiled.index_of("anggaran.penyerapan");
    if (!pagu || !real) return;

    for (const TableRow& row : table_rows(ctx.sheet, t)) {
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
            ctx.put(row.row, persen->col,
                    ctx.in_cell_units(row.row, persen->col, f));
        }
    }
}

}  // namespace kinerja
