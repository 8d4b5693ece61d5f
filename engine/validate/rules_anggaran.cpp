// Budget realisation tables: Pagu | Realisasi | Sisa | %.
#include <algorithm>
#include <cmath>

#include "validate/rule_context.hpp"

namespace kinerja::validate_detail {

namespace {

// The tolerance of a stated percentage: what its shown decimals can hide.
double percent_tolerance(double stated) {
    return std::fabs(stated - std::round(stated)) < 1e-9 ? 1.0 : 0.01;
}

void check_row(RuleContext& ctx, std::uint32_t row, const BudgetColumns& b) {
    const TableColumn *pagu = b.pagu, *real = b.real, *sisa = b.sisa, *persen = b.persen;
    auto p = ctx.number(row, pagu), r = ctx.number(row, real);
    if (!p || !r) return;
    // A group's check names its cells: "(K15 / M15)" tells the Operasi from the Total.
    std::string of_cells = " (" + ctx.cell(row, real) + ", " + ctx.cell(row, pagu) + ")";
    if (auto s = ctx.number(row, sisa); s && std::fabs(*s - (*p - *r)) > 0.5) {
        ctx.report(Rule::anggaran_sisa, row, sisa,
                   {"Sisa di " + ctx.cell(row, sisa) + " tertulis " + angka(*s) +
                        ", padahal Pagu - Realisasi = " + angka(*p) + " - " + angka(*r) + " = " +
                        angka(*p - *r) + (b.grouped ? of_cells : "") + ".",
                    "Sisa in " + ctx.cell(row, sisa) + " is " + angka(*s) +
                        ", but Pagu - Realisasi = " + angka(*p) + " - " + angka(*r) + " = " +
                        angka(*p - *r) + (b.grouped ? of_cells : "") + "."});
    }
    if (auto pct = ctx.number(row, persen); pct && *p != 0) {
        double expected = *r / *p * 100;
        if (std::fabs(*pct - expected) >= percent_tolerance(*pct)) {
            ctx.report(Rule::anggaran_persen, row, persen,
                       {"Persentase di " + ctx.cell(row, persen) + " tertulis " + angka(*pct) +
                            "%, padahal Realisasi / Pagu = " + angka(*r) + " / " + angka(*p) +
                            " = " + angka(expected, 2) + "%" + (b.grouped ? of_cells : "") + ".",
                        "The percentage in " + ctx.cell(row, persen) + " is " + angka(*pct) +
                            "%, but Realisasi / Pagu = " + angka(*r) + " / " + angka(*p) + " = " +
                            angka(expected, 2) + "%" + (b.grouped ? of_cells : "") + "."});
        }
    }
}

// How deep a row sits in a code tree: the segments of the longest code in its kode columns
// ("1" 1, "1.02" 2, "5.1.02.01.01.0024" 6); 0 without codes.
int code_depth(const RuleContext& ctx, std::uint32_t row) {
    int depth = 0;
    for (const TableColumn& c : ctx.table().columns) {
        if (c.role != ColumnRole::kode) continue;
        std::string code = display_text(ctx.sheet(), row, c.col);
        if (code.empty()) continue;
        depth = std::max(depth, 1 + static_cast<int>(std::count(code.begin(), code.end(), '.')));
    }
    return depth;
}

// A total row must equal the sum of the rows above it, back to the previous total. In a code
// tree (SIPD: urusan > program > kegiatan > sub kegiatan > rekening) every level repeats the
// amounts of the level below, so the total is the sum of the top level's rows.
void check_totals(RuleContext& ctx, const std::vector<TableRow>& rows) {
    const Table& t = ctx.table();
    std::vector<int> depth;
    for (const TableRow& row : rows) depth.push_back(code_depth(ctx, row.row));
    for (ColumnRole role : {ColumnRole::pagu, ColumnRole::realisasi, ColumnRole::realisasi_anggaran,
                            ColumnRole::sisa}) {
        // The table's column of the role, and every other one in a group of its own (the
        // Operasi and Modal groups beside the Total): a second ungrouped "Realisasi" may be a
        // percentage, which does not add up.
        for (const TableColumn& column : t.columns) {
            if (column.role != role || (&column != t.column(role) && column.group.empty()))
                continue;
            const TableColumn* col = &column;
            std::size_t from = 0;
            for (std::size_t i = 0; i < rows.size(); ++i) {
                if (!rows[i].is_total) continue;
                double sum = 0, top_sum = 0;
                int parts = 0, top = 0;
                bool in_doubt =
                    false;  // a part reads two ways (umum.angka_ragu): no sum to compare
                for (std::size_t j = from; j < i; ++j)
                    if (depth[j] > 0 && (top == 0 || depth[j] < top)) top = depth[j];
                for (std::size_t j = from; j < i; ++j) {
                    auto v = ctx.number(rows[j].row, col);
                    if (!v) {
                        std::vector<Quantity> readings;
                        if (!ctx.quantity(rows[j].row, col, &readings) && !readings.empty())
                            in_doubt = true;
                        continue;
                    }
                    sum += *v;
                    ++parts;
                    if (depth[j] == top) top_sum += *v;
                }
                from = i + 1;
                auto v = ctx.number(rows[i].row, col);
                bool tree = top > 0 && top_sum != sum;
                double expected = tree ? top_sum : sum;
                if (!v || parts == 0 || in_doubt || std::fabs(*v - expected) <= 0.5) continue;
                ctx.report(Rule::anggaran_total, rows[i].row, col,
                           {"Jumlah di " + ctx.cell(rows[i].row, col) + " tertulis " + angka(*v) +
                                ", padahal jumlah " +
                                (tree ? "baris tingkat teratas" : "baris di atasnya") + " " +
                                angka(expected) + ".",
                            "The total in " + ctx.cell(rows[i].row, col) + " is " + angka(*v) +
                                ", but the " + (tree ? "top-level rows" : "rows above") +
                                " add up to " + angka(expected) + "."});
            }
        }
    }
}

}  // namespace

void check_anggaran(RuleContext& ctx) {
    auto rows = table_rows(ctx.sheet(), ctx.table());
    std::vector<BudgetColumns> checks = budget_columns(ctx.table());
    for (const TableRow& row : rows)
        for (const BudgetColumns& b : checks) check_row(ctx, row.row, b);
    check_totals(ctx, rows);
}

}  // namespace kinerja::validate_detail
