// Rencana Aksi: per indicator, the TW drawdowns add up to the pagu, spending stays within
// it, nothing is spent in a TW with no planned drawdown, and cumulative realisasi never falls.
#include <cmath>

#include "validate/rule_context.hpp"

namespace kinerja::validate_detail {

namespace {

struct TwValue {
    int triwulan;
    std::uint32_t row;
    const TableColumn* column;
    std::optional<double> value;
};

// The per-TW values of one role in a block: either TW columns in the header ("TW I".."TW IV"
// under "Rencana Penarikan Dana") on the block's first row, or one row per TW.
std::vector<TwValue> per_triwulan(RuleContext& ctx, const IndicatorBlock& block, ColumnRole role) {
    std::vector<TwValue> values;
    const Table& t = ctx.table();
    if (t.column(role, 1)) {
        for (int tw = 1; tw <= 4; ++tw)
            if (const TableColumn* c = t.column(role, tw))
                values.push_back({tw, block.first_row, c, ctx.number(block.first_row, c)});
        return values;
    }
    const TableColumn* c = t.column(role);
    if (!c) return values;
    int position = 0;
    for (const TableRow& row : table_rows(ctx.sheet(), t)) {
        if (row.row < block.first_row || row.row > block.last_row) continue;
        ++position;
        values.push_back({row.triwulan.value_or(position), row.row, c, ctx.number(row.row, c)});
    }
    return values;
}

double total(const std::vector<TwValue>& values, int& present) {
    double sum = 0;
    present = 0;
    for (const auto& v : values)
        if (v.value) sum += *v.value, ++present;
    return sum;
}

std::string tw_name(int tw) {
    static const char* names[] = {"TW I", "TW II", "TW III", "TW IV"};
    return tw >= 1 && tw <= 4 ? names[tw - 1] : "TW " + std::to_string(tw);
}

void check_block(RuleContext& ctx, const IndicatorBlock& block) {
    const TableColumn* pagu_col = ctx.table().column(ColumnRole::pagu);
    auto pagu = ctx.number(block.first_row, pagu_col);
    auto penarikan = per_triwulan(ctx, block, ColumnRole::penarikan);
    auto realisasi = per_triwulan(ctx, block, ColumnRole::realisasi_anggaran);
    int planned = 0, spent = 0;
    double sum_plan = total(penarikan, planned), sum_real = total(realisasi, spent);

    if (pagu && planned > 0 && std::fabs(sum_plan - *pagu) > 0.5) {
        ctx.report(Rule::ra_penarikan_pagu, block.first_row, pagu_col,
                   {"Pagu di " + ctx.cell(block.first_row, pagu_col) + " " + angka(*pagu) +
                        ", tetapi jumlah rencana penarikan TW I-IV " + angka(sum_plan) + ".",
                    "Pagu in " + ctx.cell(block.first_row, pagu_col) + " is " + angka(*pagu) +
                        ", but the TW I-IV planned drawdowns add up to " + angka(sum_plan) + "."});
    }
    if (pagu && spent > 0 && sum_real > *pagu + 0.5) {
        ctx.report(Rule::ra_realisasi_pagu, block.first_row, pagu_col,
                   {"Realisasi anggaran TW I-IV berjumlah " + angka(sum_real) + ", melebihi pagu " +
                        angka(*pagu) + " di " + ctx.cell(block.first_row, pagu_col) + ".",
                    "Spending in TW I-IV adds up to " + angka(sum_real) + ", more than the pagu " +
                        angka(*pagu) + " in " + ctx.cell(block.first_row, pagu_col) + "."});
    }
    for (const auto& r : realisasi) {
        if (!r.value || *r.value <= 0) continue;
        bool has_plan = false;
        for (const auto& p : penarikan)
            if (p.triwulan == r.triwulan && p.value && *p.value > 0) has_plan = true;
        if (has_plan || penarikan.empty()) continue;
        ctx.report(Rule::ra_realisasi_tanpa_rencana, r.row, r.column,
                   {"Realisasi " + angka(*r.value) + " di " + ctx.cell(r.row, r.column) + " pada " +
                        tw_name(r.triwulan) + " tanpa rencana penarikan dana.",
                    "Spending of " + angka(*r.value) + " in " + ctx.cell(r.row, r.column) + " in " +
                        tw_name(r.triwulan) + " with no planned drawdown."});
    }
    // The indicator's own realisasi is cumulative through the year.
    auto cumulative = per_triwulan(ctx, block, ColumnRole::realisasi);
    for (std::size_t i = 1; i < cumulative.size(); ++i) {
        const auto &prev = cumulative[i - 1], &cur = cumulative[i];
        if (!prev.value || !cur.value || *cur.value >= *prev.value) continue;
        ctx.report(Rule::ra_kumulatif_turun, cur.row, cur.column,
                   {"Realisasi kumulatif turun dari " + angka(*prev.value) + " (" +
                        tw_name(prev.triwulan) + ") menjadi " + angka(*cur.value) + " (" +
                        tw_name(cur.triwulan) + ") di " + ctx.cell(cur.row, cur.column) + ".",
                    "Cumulative realisasi falls from " + angka(*prev.value) + " (" +
                        tw_name(prev.triwulan) + ") to " + angka(*cur.value) + " (" +
                        tw_name(cur.triwulan) + ") in " + ctx.cell(cur.row, cur.column) + "."});
    }
}

}  // namespace

void check_rencana_aksi(RuleContext& ctx) {
    for (const IndicatorBlock& block : indicator_blocks(ctx.sheet(), ctx.table()))
        check_block(ctx, block);
}

}  // namespace kinerja::validate_detail
