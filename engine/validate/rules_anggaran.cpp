// Budget realisation tables: Pagu | Realisasi | Sisa | %.
#include <cmath>

#include "validate/rule_context.hpp"

namespace kinerja {

namespace {

// The tolerance of a stated percentage: what its shown decimals can hide.
double percent_tolerance(double stated) {
    return std::fabs(stated - std::round(stated)) < 1e-9 ? 1.0 : 0.01;
}

void check_row(RuleContext& ctx, std::uint32_t row) {
    const Table& t = ctx.table();
    const TableColumn* pagu = t.column(ColumnRole::pagu);
    const TableColumn* real = t.column(ColumnRole::realisasi) ? t.column(ColumnRole::realisasi)
                                                             : t.column(ColumnRole::realisasi_anggaran);
    const TableColumn* sisa = t.column(ColumnRole::sisa);
    const TableColumn* persen = t.column(ColumnRole::persen);
    auto p = ctx.number(row, pagu), r = ctx.number(row, real);
    if (!p || !r) return;
    if (auto s = ctx.number(row, sisa); s && std::fabs(*s - (*p - *r)) > 0.5) {
        ctx.report(Severity::error, "anggaran.sisa", row, sisa,
                   {"Sisa di " + ctx.cell(row, sisa) + " tertulis " + angka(*s) +
                        ", padahal Pagu - Realisasi = " + angka(*p) + " - " + angka(*r) + " = " +
                        angka(*p - *r) + ".",
                    "Sisa in " + ctx.cell(row, sisa) + " is " + angka(*s) +
                        ", but Pagu - Realisasi = " + angka(*p) + " - " + angka(*r) + " = " +
                        angka(*p - *r) + "."});
    }
    if (auto pct = ctx.number(row, persen); pct && *p != 0) {
        double expected = *r / *p * 100;
        if (std::fabs(*pct - expected) >= percent_tolerance(*pct)) {
            ctx.report(Severity::error, "anggaran.persen", row, persen,
                       {"Persentase di " + ctx.cell(row, persen) + " tertulis " + angka(*pct) +
                            "%, padahal Realisasi / Pagu = " + angka(*r) + " / " + angka(*p) +
                            " = " + angka(expected, 2) + "%.",
                        "The percentage in " + ctx.cell(row, persen) + " is " + angka(*pct) +
                            "%, but Realisasi / Pagu = " + angka(*r) + " / " + angka(*p) + " = " +
                            angka(expected, 2) + "%."});
        }
    }
}

// A total row must equal the sum of the rows above it, back to the previous total.
void check_totals(RuleContext& ctx, const std::vector<TableRow>& rows) {
    const Table& t = ctx.table();
    for (ColumnRole role : {ColumnRole::pagu, ColumnRole::realisasi, ColumnRole::realisasi_anggaran,
                            ColumnRole::sisa}) {
        const TableColumn* col = t.column(role);
        if (!col) continue;
        double sum = 0;
        int parts = 0;
        bool in_doubt = false;  // a part reads two ways (umum.angka_ragu): no sum to compare
        for (const TableRow& row : rows) {
            auto v = ctx.number(row.row, col);
            if (!row.is_total) {
                std::vector<Quantity> readings;
                if (v)
                    sum += *v, ++parts;
                else if (!ctx.quantity(row.row, col, &readings) && !readings.empty())
                    in_doubt = true;
                continue;
            }
            if (v && parts > 0 && !in_doubt && std::fabs(*v - sum) > 0.5) {
                ctx.report(Severity::error, "anggaran.total", row.row, col,
                           {"Jumlah di " + ctx.cell(row.row, col) + " tertulis " + angka(*v) +
                                ", padahal jumlah baris di atasnya " + angka(sum) + ".",
                            "The total in " + ctx.cell(row.row, col) + " is " + angka(*v) +
                                ", but the rows above add up to " + angka(sum) + "."});
            }
            sum = 0;
            parts = 0;
            in_doubt = false;
        }
    }
}

}  // namespace

void check_anggaran(RuleContext& ctx) {
    auto rows = table_rows(ctx.sheet(), ctx.table());
    for (const TableRow& row : rows) check_row(ctx, row.row);
    check_totals(ctx, rows);
}

}  // namespace kinerja
