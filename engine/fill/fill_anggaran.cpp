// Budget tables: Sisa = Pagu - Realisasi and % = Realisasi / Pagu, with the catalogue's
// anggaran.sisa and anggaran.penyerapan formulas and their rounding.
#include <algorithm>

#include "fill/fill_context.hpp"

namespace kinerja::fill_detail {

namespace {

// A JUMLAH / TOTAL row sums the rows since the previous total, as the anggaran.total rule
// checks them; in a code tree (an LRA), where every level repeats the amounts of the level
// below, only the top level's rows. A total with nothing above it is left alone.
void fill_totals(FillContext& ctx, const std::vector<TableRow>& rows,
                 const std::vector<const TableColumn*>& columns) {
    RowTree tree = row_tree(ctx.workbook, ctx.sheet, ctx.table, rows);
    bool codes = tree.source == TreeSource::codes;
    std::vector<std::uint32_t> parts;
    for (const TableRow& row : rows) {
        if (row.is_section) continue;
        if (!row.is_total) {
            if (!codes || !tree.parent.count(row.row)) parts.push_back(row.row);
            continue;
        }
        for (const TableColumn* column : columns) {
            ExcelFormula f = ctx.sum(parts, column->col);
            if (!f.formula.empty()) ctx.put(row.row, column->col, f);
        }
        parts.clear();
    }
}

void fill_row(FillContext& ctx, std::uint32_t row, const BudgetColumns& b) {
    const CompiledCatalogue& compiled = ctx.evaluator.compiled();
    auto sisa_id = compiled.index_of("anggaran.sisa");
    auto serap_id = compiled.index_of("anggaran.penyerapan");
    Operand p = ctx.operand(row, b.pagu->col), r = ctx.operand(row, b.real->col);
    if (!p.typed && !r.typed) return;  // an empty line inside the table
    // A group's own pagu left blank on a row (the AKAS planned per sub kegiatan only): no
    // % or sisa of that group there, whatever the user's formula shows.
    if (b.grouped && !p.typed) return;
    CellMap cells{{"pagu", p.excel}, {"realisasi_anggaran", r.excel}};
    std::map<std::string, double> values{{"pagu", p.value}, {"realisasi_anggaran", r.value}};
    if (b.sisa && sisa_id) {
        ctx.put(row, b.sisa->col,
                excel_realisasi(ctx.evaluator, *sisa_id, cells,
                                ordered_inputs(compiled, *sisa_id, values)));
    }
    if (b.persen && serap_id) {
        ExcelFormula f = excel_realisasi(ctx.evaluator, *serap_id, cells,
                                         ordered_inputs(compiled, *serap_id, values));
        ctx.put(row, b.persen->col, ctx.in_cell_units(row, b.persen->col, f));
    }
}

}  // namespace

void fill_anggaran(FillContext& ctx) {
    std::vector<BudgetColumns> budgets = budget_columns(ctx.table);
    if (!budgets.front().pagu || !budgets.front().real) return;
    auto rows = table_rows(ctx.sheet, ctx.table);
    // Every group's amounts add up in the total row (Operasi, Modal, Total; the AKAS pagu).
    std::vector<const TableColumn*> amounts;
    for (const BudgetColumns& b : budgets)
        for (const TableColumn* c : {b.pagu, b.real})
            if (c && std::find(amounts.begin(), amounts.end(), c) == amounts.end())
                amounts.push_back(c);
    fill_totals(ctx, rows, amounts);
    for (const TableRow& row : rows) {
        if (row.is_section) continue;
        for (const BudgetColumns& b : budgets) fill_row(ctx, row.row, b);
    }
}

}  // namespace kinerja::fill_detail
