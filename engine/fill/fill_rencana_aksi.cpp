// Rencana Aksi: per indicator block (four TW rows), the capaian of each TW that has a
// realisasi, and the block's totals of penarikan and realisasi anggaran with % penyerapan
// where the table has columns for them.
//
// Per-TW capaian: realisasi of that TW row against the TW's own target when the table has a
// target column per row ("TARGET TW"), else against the indicator's target merged over the
// block. The catalogue's rule, direction, cap and rounding apply, as in capaian tables.
// Rows whose realisasi is still empty are left alone: the next fill computes them.
//
// Totals sit in `jumlah` columns, one cell per block (merged over it like the pagu): a
// header naming "penarikan"/"rencana" takes the sum of the TW drawdowns, one naming
// "realisasi" the sum of the TW spending. % penyerapan (a `persen` column) is realisasi
// anggaran / pagu, the catalogue's anggaran.penyerapan: absorption is measured against the
// ceiling, as in the budget tables. (Realisasi against the planned drawdown is the IKPA's
// "deviasi halaman III DIPA", a different figure.)
#include <cmath>
#include <set>

#include "fill/fill_context.hpp"

namespace kinerja::fill_detail {

namespace {

struct RaColumns {
    const TableColumn *target = nullptr, *target_tw = nullptr, *realisasi = nullptr,
                      *capaian = nullptr, *kategori = nullptr, *pagu = nullptr,
                      *penarikan = nullptr, *realisasi_anggaran = nullptr,
                      *jumlah_penarikan = nullptr, *jumlah_realisasi = nullptr,
                      *penyerapan = nullptr;
};

// The target merged over a block is the year's; a target column with a value per row is the
// TW's. Told apart on the first block: a merge over its rows, or a single cell.
RaColumns ra_columns(const Sheet& sheet, const Table& t, const IndicatorBlock* first) {
    RaColumns c;
    for (const TableColumn& col : t.columns) {
        // "Realisasi TW I" ... across the header is another layout (one row per indicator),
        // not the four-row blocks filled here.
        if (col.triwulan) continue;
        switch (col.role) {
            case ColumnRole::target: {
                const CellRange* m = first ? sheet.merge_at(first->first_row, col.col) : nullptr;
                bool per_row = first && first->last_row > first->first_row &&
                               (!m || m->last_row < first->last_row);
                if (per_row && !c.target_tw)
                    c.target_tw = &col;
                else if (!per_row && !c.target)
                    c.target = &col;
                break;
            }
            case ColumnRole::realisasi:
                if (!c.realisasi) c.realisasi = &col;
                break;
            case ColumnRole::capaian:
                if (!c.capaian) c.capaian = &col;
                break;
            case ColumnRole::kategori:
                if (!c.kategori) c.kategori = &col;
                break;
            case ColumnRole::pagu:
                if (!c.pagu) c.pagu = &col;
                break;
            case ColumnRole::penarikan:
                if (!c.penarikan) c.penarikan = &col;
                break;
            case ColumnRole::realisasi_anggaran:
                if (!c.realisasi_anggaran) c.realisasi_anggaran = &col;
                break;
            case ColumnRole::persen:
                if (!c.penyerapan) c.penyerapan = &col;
                break;
            case ColumnRole::jumlah: {
                std::string k = header_key(col.header);
                if (k.find("realisasi") != std::string::npos) {
                    if (!c.jumlah_realisasi) c.jumlah_realisasi = &col;
                } else if (k.find("penarikan") != std::string::npos ||
                           k.find("rencana") != std::string::npos) {
                    if (!c.jumlah_penarikan) c.jumlah_penarikan = &col;
                }
                break;
            }
            default:
                break;
        }
    }
    return c;
}

// The TW rows of a block (a total row inside it is not a TW).
std::vector<std::uint32_t> tw_rows(const std::vector<TableRow>& rows, const IndicatorBlock& b) {
    std::vector<std::uint32_t> out;
    for (const TableRow& r : rows)
        if (r.row >= b.first_row && r.row <= b.last_row && !r.is_total && !r.is_section)
            out.push_back(r.row);
    return out;
}

// SUM over the block's cells of one column: a reference where Excel reads the number, the
// number itself where it is typed as text ("1.506.071.633"); "-" and blanks add nothing.
Operand block_sum(FillContext& ctx, const std::vector<std::uint32_t>& rows, std::uint32_t col) {
    Operand sum;
    std::string terms;
    bool all_refs = true;
    double value = 0;
    std::set<std::uint32_t> anchors;  // a figure merged over several TW rows counts once
    for (std::uint32_t r : rows) {
        const CellRange* m = ctx.sheet.merge_at(r, col);
        if (!anchors.insert(m ? m->first_row : r).second) continue;
        if (m && m->first_row != r) all_refs = false;
        Operand op = ctx.operand(r, col);
        terms += (terms.empty() ? "" : ",") + op.excel;
        if (op.excel != cell_name(r, col)) all_refs = false;
        if (!std::isnan(op.value)) value += op.value, sum.typed = true;
    }
    bool contiguous = all_refs && !rows.empty() && rows.back() - rows.front() + 1 == rows.size();
    sum.excel =
        contiguous ? cell_name(rows.front(), col) + ":" + cell_name(rows.back(), col) : terms;
    sum.value = value;
    return sum;
}

ExcelFormula sum_formula(const Operand& sum) {
    ExcelFormula f;
    f.formula = "SUM(" + sum.excel + ")";
    f.cached.kind = CellValue::Kind::number;
    f.cached.number = sum.value;
    return f;
}

// A block total as a live SUM of its TW cells. A total the user typed that is not that sum
// is reported (DifferingNumber; the typed figure stays in the cell's note). A typed total over
// TW cells that are all still empty is left as typed: a SUM would show 0. Returns the value
// the cell holds then.
double put_total(FillContext& ctx, std::uint32_t row, std::uint32_t col, const Operand& sum,
                 DifferingNumber::Quantity quantity) {
    const Cell* before = ctx.sheet.find(row, col);
    Operand typed = ctx.operand(row, col);
    bool typed_here = before && !before->is_formula() && !std::isnan(typed.value);
    if (typed_here && !sum.typed) return typed.value;
    DifferingNumber differs{quantity, ctx.at(row, col), "", typed.value, sum.value, na, na};
    if (typed_here && std::fabs(typed.value - sum.value) > 0.5)  // amounts in whole rupiah
        ctx.report.facts.differing_numbers.push_back(differs);
    ExcelFormula total = sum_formula(sum);
    if (!typed_here && !std::isnan(typed.value) && ctx.user_formula(row, col, total) &&
        !ctx.keeps_formula(row, col, total)) {
        differs.formula = before->formula;
        ctx.report.facts.differing_numbers.push_back(differs);
    }
    ctx.put(row, col, total);
    return sum.value;
}

void fill_totals(FillContext& ctx, const RaColumns& c, const IndicatorBlock& block,
                 const std::vector<std::uint32_t>& rows) {
    if (rows.empty()) return;
    std::uint32_t at = block.first_row;
    if (c.jumlah_penarikan && c.penarikan)
        put_total(ctx, at, c.jumlah_penarikan->col, block_sum(ctx, rows, c.penarikan->col),
                  DifferingNumber::Quantity::jumlah_penarikan);
    if (!c.realisasi_anggaran) return;
    Operand spent = block_sum(ctx, rows, c.realisasi_anggaran->col);
    if (c.jumlah_realisasi) {
        spent.value = put_total(ctx, at, c.jumlah_realisasi->col, spent,
                                DifferingNumber::Quantity::jumlah_realisasi);
        spent.excel = cell_name(at, c.jumlah_realisasi->col);
    } else {
        spent.excel = "SUM(" + spent.excel + ")";
    }
    auto serap = ctx.evaluator.compiled().index_of("anggaran.penyerapan");
    if (!c.penyerapan || !c.pagu || !serap) return;
    Operand pagu = ctx.operand(at, c.pagu->col);
    if (!pagu.typed) return;  // no pagu yet: nothing to measure against
    CellMap cells{{"pagu", pagu.excel}, {"realisasi_anggaran", spent.excel}};
    std::map<std::string, double> values{{"pagu", pagu.value}, {"realisasi_anggaran", spent.value}};
    ExcelFormula f = excel_realisasi(ctx.evaluator, *serap, cells,
                                     ordered_inputs(ctx.evaluator.compiled(), *serap, values));
    ctx.put(at, c.penyerapan->col, ctx.in_cell_units(at, c.penyerapan->col, f));
}

// Capaian (and kategori) of each TW row with a realisasi. Returns the outcome of the latest
// such TW, the year to date, or nothing when no TW has a capaian yet.
std::optional<IndicatorOutcome> fill_tw_capaian(FillContext& ctx, const RaColumns& c,
                                                const RowIndicator& indicator,
                                                const IndicatorBlock& block,
                                                const std::vector<std::uint32_t>& rows) {
    const CompiledCatalogue& compiled = ctx.evaluator.compiled();
    std::optional<IndicatorOutcome> latest;
    for (std::uint32_t r : rows) {
        Operand real = ctx.operand(r, c.realisasi->col);
        if (!real.typed) continue;
        Operand target = c.target_tw ? ctx.operand(r, c.target_tw->col) : Operand{};
        const TableColumn* target_col = c.target_tw;
        if (!target.typed && c.target) {
            target = ctx.operand(block.first_row, c.target->col);
            target_col = c.target;
        }
        if (!target_col) continue;
        Operand stated = ctx.operand(r, c.capaian->col);
        const Cell* before = ctx.sheet.find(r, c.capaian->col);
        CellMap cells{{"realisasi", real.excel}, {"target", target.excel}};
        ExcelFormula f = capaian_of(ctx, indicator, cells, real.value, target.value);
        double capaian = f.cached.kind == CellValue::Kind::number ? f.cached.number : na;
        ExcelFormula in_cell = ctx.in_cell_units(r, c.capaian->col, f);
        bool comparable = stated.unit.empty() || stated.unit == "%";
        bool judged = before && comparable && !std::isnan(stated.value) && !std::isnan(capaian);
        DifferingNumber differs{DifferingNumber::Quantity::capaian,
                                ctx.at(r, c.capaian->col),
                                "",
                                stated.value,
                                capaian,
                                real.value,
                                target.value};
        if (judged && !before->is_formula() && !stated_agrees(stated.value, capaian)) {
            ctx.report.facts.differing_numbers.push_back(std::move(differs));
        } else if (judged && ctx.user_formula(r, c.capaian->col, in_cell) &&
                   !ctx.keeps_formula(r, c.capaian->col, in_cell)) {
            differs.formula = before->formula;
            ctx.report.facts.differing_numbers.push_back(std::move(differs));
        }
        ctx.put(r, c.capaian->col, in_cell);
        const KategoriBand* band = kategori(capaian, compiled.settings().scale);
        if (c.kategori) {
            std::string ref = ctx.operand(r, c.capaian->col).excel;
            if (ref.find('*') == std::string::npos) ref = cell_name(r, c.capaian->col);
            ctx.put(r, c.kategori->col, excel_kategori(compiled.settings().scale, ref, capaian));
        }
        IndicatorOutcome o;
        o.id = indicator.id;
        o.sheet = ctx.sheet.name;
        o.row = r;
        // The year's target, where the table has one, for comparing with other tables.
        Operand year_target = c.target ? ctx.operand(block.first_row, c.target->col) : target;
        o.target = year_target.value;
        o.target_unit = year_target.unit;
        o.realisasi = real.value;
        o.realisasi_unit = real.unit;
        o.capaian = capaian;
        o.kategori = band ? band->kode : "";
        o.tahun = ctx.table.tahun;
        o.target_col = c.target ? c.target->col : target_col->col;
        o.capaian_col = c.capaian->col;
        latest = o;
    }
    return latest;
}

// Whether some TW row has a realisasi and a target that are numbers to compute a capaian from.
bool tw_computable(FillContext& ctx, const RaColumns& c, const IndicatorBlock& block,
                   const std::vector<std::uint32_t>& rows) {
    for (std::uint32_t r : rows) {
        if (std::isnan(ctx.operand(r, c.realisasi->col).value)) continue;
        double target = c.target_tw ? ctx.operand(r, c.target_tw->col).value : na;
        if (std::isnan(target) && c.target)
            target = ctx.operand(block.first_row, c.target->col).value;
        if (!std::isnan(target)) return true;
    }
    return false;
}

}  // namespace

void fill_rencana_aksi(FillContext& ctx, const IndicatorMatcher& matcher,
                       std::vector<IndicatorOutcome>& year_to_date) {
    const Table& t = ctx.table;
    const TableColumn* ind_col = t.column(ColumnRole::indikator);
    if (!ind_col) return;
    std::vector<IndicatorBlock> blocks = indicator_blocks(ctx.sheet, t);
    RaColumns c = ra_columns(ctx.sheet, t, blocks.empty() ? nullptr : &blocks.front());
    std::vector<TableRow> rows = table_rows(ctx.sheet, t);
    bool capaian = c.realisasi && c.capaian && (c.target || c.target_tw);
    for (const IndicatorBlock& block : blocks) {
        std::vector<std::uint32_t> tws = tw_rows(rows, block);
        fill_totals(ctx, c, block, tws);
        // Only a table that can have a capaian names its indicators to the catalogue.
        if (!capaian) continue;
        auto indicator = identify_indicator(ctx, matcher, block, ind_col->col,
                                            tw_computable(ctx, c, block, tws));
        if (!indicator) continue;
        if (auto o = fill_tw_capaian(ctx, c, *indicator, block, tws)) year_to_date.push_back(*o);
    }
}

}  // namespace kinerja::fill_detail
