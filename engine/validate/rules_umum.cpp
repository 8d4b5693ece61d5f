// Rules for any table: missing targets and realisasi, text where a number belongs,
// negative figures, impossible percentages, numerators above their denominators.
#include "common/excerpt.hpp"
#include "validate/rule_context.hpp"

namespace kinerja::validate_detail {

namespace {

// The columns that must hold numbers, per kind of table. The Rencana Aksi's CAPAIAN
// column is prose ("Terpenuhinya makanan ..."), so it is not among them.
std::vector<ColumnRole> numeric_roles(TableKind kind) {
    switch (kind) {
        case TableKind::rencana_aksi:
            return {ColumnRole::target, ColumnRole::pagu, ColumnRole::penarikan,
                    ColumnRole::realisasi_anggaran};
        case TableKind::capaian:
        case TableKind::renja:
            return {ColumnRole::target,         ColumnRole::realisasi, ColumnRole::capaian,
                    ColumnRole::target_renstra, ColumnRole::pembilang, ColumnRole::penyebut};
        case TableKind::anggaran:
            return {ColumnRole::pagu, ColumnRole::realisasi, ColumnRole::realisasi_anggaran,
                    ColumnRole::sisa, ColumnRole::persen};
        case TableKind::rka:
            return {ColumnRole::angka_dasar, ColumnRole::inisiatif_baru, ColumnRole::jumlah};
    }
    return {};
}

// Text such as "21,276,070,424,00" that reads as 21.276.070.424 or 2.127.607.042.400, and
// whose column (the size of its other figures) does not tell which. An error, not a warning:
// the cell sits in a column that must hold a number, and its figure feeds sisa, %, totals and
// capaian; it is left out of them (never one reading guessed), so those stay incomplete
// until the user retypes it, exactly as with umum.bukan_angka.
void report_ambiguous(RuleContext& ctx, std::uint32_t row, const TableColumn& col,
                      const std::string& text, const std::vector<Quantity>& readings) {
    std::string id, en;
    for (std::size_t i = 0; i < readings.size(); ++i) {
        std::string figure = angka(readings[i].value) + (readings[i].percent ? "%" : "");
        id += (i == 0 ? "" : i + 1 == readings.size() ? " atau " : ", ") + figure;
        en += (i == 0 ? "" : i + 1 == readings.size() ? " or " : ", ") + figure;
    }
    const std::string where = ctx.cell(row, &col) + " (" + excerpt(col.header) + ")";
    ctx.report(Rule::umum_angka_ragu, row, &col,
               {"Sel " + where + " berisi \"" + excerpt(text) + "\" yang dapat dibaca " + id +
                    "; angka lain di kolom ini tidak cukup untuk memilih, jadi angka ini tidak "
                    "dipakai. Tulis ulang dengan titik untuk ribuan dan koma untuk desimal, "
                    "misalnya 1.234.567,89.",
                "Cell " + where + " holds \"" + excerpt(text) + "\", which reads as " + en +
                    "; the other figures of the column do not tell which, so it is not used. "
                    "Retype it with dots for thousands and a comma for decimals, e.g. "
                    "1.234.567,89."});
}

void check_cells(RuleContext& ctx, const TableRow& row) {
    for (ColumnRole role : numeric_roles(ctx.table().kind)) {
        for (const TableColumn& col : ctx.table().columns) {
            if (col.role != role || ctx.anchor_row(row.row, &col) != row.row) continue;
            std::string text = display_text(ctx.sheet(), row.row, col.col);
            if (text.empty()) continue;
            // A formula's division by zero (a % over a pagu of 0) does not apply, as Kinerja's
            // own formulas show "-"; it is not text typed in place of a number.
            const Cell* cell = ctx.sheet().find(ctx.anchor_row(row.row, &col), col.col);
            if (cell && !cell->formula.empty() && cell->value.kind == CellValue::Kind::error &&
                text == "#DIV/0!")
                continue;
            std::vector<Quantity> readings;
            auto q = ctx.quantity(row.row, &col, &readings);
            if (!q && !readings.empty()) {
                report_ambiguous(ctx, row.row, col, text, readings);
                continue;
            }
            if (!q) {
                ctx.report(Rule::umum_bukan_angka, row.row, &col,
                           {"Sel " + ctx.cell(row.row, &col) + " (" + excerpt(col.header) +
                                ") berisi \"" + excerpt(text) +
                                "\", bukan angka. Tulis angkanya saja, misalnya 85% atau "
                                "1.500.000, atau - bila tidak berlaku.",
                            "Cell " + ctx.cell(row.row, &col) + " (" + excerpt(col.header) +
                                ") holds \"" + excerpt(text) +
                                "\", not a number. Type the figure only, e.g. 85% or "
                                "1.500.000, or - when it does not apply."});
                continue;
            }
            if (q->not_applicable) continue;
            if (q->value < 0) {
                ctx.report(Rule::umum_negatif, row.row, &col,
                           {"Nilai negatif " + angka(q->value) + " di " + ctx.cell(row.row, &col) +
                                "; jumlah dan anggaran tidak mungkin negatif.",
                            "Negative value " + angka(q->value) + " in " + ctx.cell(row.row, &col) +
                                "; counts and amounts cannot be negative."});
            } else if (q->percent && q->value > 100 &&
                       (role == ColumnRole::target || role == ColumnRole::realisasi)) {
                ctx.report(Rule::umum_persen_rentang, row.row, &col,
                           {"Persentase " + angka(q->value) + "% di " + ctx.cell(row.row, &col) +
                                " di luar 0-100%.",
                            "Percentage " + angka(q->value) + "% in " + ctx.cell(row.row, &col) +
                                " is outside 0-100%."});
            }
        }
    }
}

void check_ratio(RuleContext& ctx, const TableRow& row) {
    const TableColumn* num = ctx.table().column(ColumnRole::pembilang);
    const TableColumn* den = ctx.table().column(ColumnRole::penyebut);
    auto n = ctx.number(row.row, num), d = ctx.number(row.row, den);
    if (!n || !d || *n <= *d) return;
    ctx.report(Rule::umum_pembilang_penyebut, row.row, num,
               {"Pembilang " + angka(*n) + " di " + ctx.cell(row.row, num) +
                    " lebih besar dari penyebut " + angka(*d) + " di " + ctx.cell(row.row, den) +
                    "; persentase tidak mungkin di atas 100%.",
                "Numerator " + angka(*n) + " in " + ctx.cell(row.row, num) +
                    " is larger than the denominator " + angka(*d) + " in " +
                    ctx.cell(row.row, den) + "; the percentage cannot exceed 100%."});
}

void check_missing(RuleContext& ctx, const IndicatorBlock& block) {
    // In the Renja evaluation an urusan or bidang heading ("UNSUR PENUNJANG URUSAN
    // PEMERINTAHAN") merged from the program column over the indicator's is no indicator.
    if (const TableColumn* ind = ctx.table().column(ColumnRole::indikator);
        ind && ctx.table().kind == TableKind::renja) {
        const CellRange* m = ctx.sheet().merge_at(block.first_row, ind->col);
        if (m && m->first_col < ind->col) return;
    }
    const TableColumn* target = ctx.table().column(ColumnRole::target);
    if (target && display_text(ctx.sheet(), block.first_row, target->col).empty()) {
        ctx.report(Rule::umum_target_kosong, block.first_row, target,
                   {"Target indikator \"" + excerpt(block.indikator) + "\" di " +
                        ctx.cell(block.first_row, target) + " kosong.",
                    "The target of \"" + excerpt(block.indikator) + "\" in " +
                        ctx.cell(block.first_row, target) + " is empty."});
    }
    const TableColumn* real = ctx.table().column(ColumnRole::realisasi);
    // A realisasi that Excel computes (the fill's formula from the raw inputs, or the user's
    // own) is not missing, even while its cached value is empty.
    if ((ctx.table().kind == TableKind::capaian || ctx.table().kind == TableKind::renja) && real &&
        display_text(ctx.sheet(), block.first_row, real->col).empty() &&
        !ctx.computed(block.first_row, real)) {
        ctx.report(Rule::umum_realisasi_kosong, block.first_row, real,
                   {"Realisasi indikator \"" + excerpt(block.indikator) + "\" di " +
                        ctx.cell(block.first_row, real) +
                        " kosong; isi angkanya atau - bila "
                        "tidak berlaku.",
                    "The realisasi of \"" + excerpt(block.indikator) + "\" in " +
                        ctx.cell(block.first_row, real) +
                        " is empty; type it, or - when it "
                        "does not apply."});
    }
}

}  // namespace

void check_umum(RuleContext& ctx) {
    for (const TableRow& row : table_rows(ctx.sheet(), ctx.table())) {
        // A predikat is words; the summary rows have rules of their own (renja.*).
        if (row.is_section || row.is_summary) continue;
        check_cells(ctx, row);
        check_ratio(ctx, row);
    }
    for (const IndicatorBlock& block : indicator_blocks(ctx.sheet(), ctx.table()))
        check_missing(ctx, block);
}

}  // namespace kinerja::validate_detail
