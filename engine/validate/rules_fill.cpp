// The rules that judge what the fill saw (fill/facts.hpp): indicators the catalogue does not
// know, a Rumus sheet's cells that cannot be used, data that lacks variables, units that
// differ, stated values that are not what Kinerja computes, and the same indicator with
// different figures in two tables of one year.
#include <cmath>

#include "common/excerpt.hpp"
#include "validate/rule_context.hpp"

namespace kinerja::validate_detail {

namespace {

Finding finding_at(Rule rule, const FactCell& at, Message message) {
    return Finding::of(rule, at.sheet, at.row, at.col, std::move(message));
}

// How alike a name and a catalogue entry must be (0..1) for a warning to name the entry.
constexpr double close_match = 0.6;

// "id (name); id (name)", cut after about 300 characters.
std::string candidates_text(const std::vector<UnmatchedIndicator::Candidate>& candidates) {
    std::string list;
    for (const auto& c : candidates) {
        if (list.size() > 300) break;
        list += (list.empty() ? "" : "; ") + c.id + (c.name.empty() ? "" : " (" + c.name + ")");
    }
    return list;
}

// The template's general rule in words.
Message general_rule_text(Direction direction, TurunRule turun) {
    if (direction == Direction::naik)
        return {"realisasi / target × 100 (arah naik)",
                "realisasi / target × 100 (direction naik)"};
    std::string formula = turun == TurunRule::permenpan
                              ? "(2 × target − realisasi) / target × 100"
                              : "(target − (realisasi − target)) / realisasi × 100";
    return {formula + " (arah turun)", formula + " (direction turun)"};
}

Finding judge(const UnknownIndicatorId& fact) {
    return finding_at(Rule::indikator_tidak_dikenal, fact.cell,
                      {"Id indikator \"" + fact.id + "\" tidak ada di katalog formulas/.",
                       "Indicator id \"" + fact.id + "\" is not in the formulas/ catalogue."});
}

// A name outside the catalogue follows the general rule: a warning naming the nearest
// entries while its capaian can be computed, an error when it cannot (its target or
// realisasi is not a number). Where the user must act, every candidate helps; a warning names
// only close ones, since for "Jumlah desa ..." the nearest at 0.3 would be noise.
Finding judge(const UnmatchedIndicator& fact) {
    auto candidates = fact.candidates;
    if (fact.computable && !fact.ambiguous)
        std::erase_if(candidates, [](const auto& c) { return c.score < close_match; });
    std::string near = candidates_text(candidates);
    Message rule = general_rule_text(fact.direction, fact.turun_rule);
    Message what =
        fact.ambiguous
            ? Message{"Indikator ini cocok dengan lebih dari satu indikator katalog: \"" +
                          fact.name + "\". Yang terdekat: " + near + ".",
                      "This indicator matches several catalogue indicators: \"" + fact.name +
                          "\". Nearest: " + near + "."}
            : Message{"Indikator ini tidak ada di katalog formulas/: \"" + fact.name + "\"." +
                          (near.empty() ? "" : " Yang terdekat: " + near + "."),
                      "This indicator is not in the formulas/ catalogue: \"" + fact.name + "\"." +
                          (near.empty() ? "" : " Nearest: " + near + ".")};
    if (fact.computable) {
        what.id += " Capaiannya dihitung dengan aturan umum templat: " + rule.id + ".";
        what.en += " Its capaian follows the template's general rule: " + rule.en + ".";
    } else {
        what.id += " Capaiannya juga belum dapat dihitung dengan aturan umum templat, " + rule.id +
                   ": target atau realisasinya bukan angka.";
        what.en += " Nor can its capaian be computed by the template's general rule, " + rule.en +
                   ": its target or realisasi is not a number.";
    }
    if (!near.empty()) {
        what.id +=
            " Bila yang dimaksud salah satu indikator katalog, tulis nama resminya atau "
            "isi kolom Id Indikator.";
        what.en +=
            " If it is a catalogue indicator, use its official name or fill the indicator "
            "id column.";
    }
    Rule id = fact.ambiguous    ? Rule::indikator_ambigu
              : fact.computable ? Rule::indikator_umum
                                : Rule::indikator_tidak_dikenal;
    Finding f = finding_at(id, fact.cell, std::move(what));
    if (rule_info(id).severity_varies)
        f.severity = fact.computable ? Severity::warning : Severity::error;
    return f;
}

Finding judge(const MissingInputs& fact) {
    std::string missing;
    for (const std::string& v : fact.variables) missing += (missing.empty() ? "" : ", ") + v;
    return finding_at(Rule::data_variabel_kurang, fact.cell,
                      {"Data indikator " + fact.indicator +
                           " tidak lengkap; tidak ada: " + missing + ". Realisasi tidak dihitung.",
                       "The data for " + fact.indicator + " is incomplete; missing: " + missing +
                           ". Realisasi is not computed."});
}

Finding judge(const UnitMismatch& fact) {
    std::string target = cell_name(fact.cell.row, fact.target_col);
    std::string real = cell_name(fact.cell.row, fact.cell.col);
    return finding_at(
        Rule::satuan_beda, fact.cell,
        {"Satuan target (" + fact.target_unit + ") di " + target +
             " tidak sama dengan satuan realisasi (" + fact.realisasi_unit + ") di " + real + ".",
         "The target's unit (" + fact.target_unit + ") in " + target +
             " differs from the realisasi's (" + fact.realisasi_unit + ") in " + real + "."});
}

Finding judge_capaian(const DifferingNumber& fact) {
    std::string cell = cell_name(fact.cell.row, fact.cell.col);
    std::string stated = angka(fact.stated), computed = angka(fact.computed);
    std::string inputs = angka(fact.realisasi) + " / " + angka(fact.target);
    if (fact.formula.empty())
        return finding_at(
            Rule::capaian_beda, fact.cell,
            {"Capaian di " + cell + " tertulis " + stated + ", padahal " + inputs +
                 " menghasilkan " + computed + ". Nilai semula disimpan di komentar sel.",
             "Capaian in " + cell + " is " + stated + ", but " + inputs + " gives " + computed +
                 ". The old value is kept in the cell comment."});
    return finding_at(Rule::capaian_beda, fact.cell,
                      {"Rumus capaian di " + cell + " (=" + fact.formula + ") menghasilkan " +
                           stated + ", padahal " + inputs + " menghasilkan " + computed +
                           ". Rumus diganti; rumus semula disimpan di komentar sel.",
                       "The capaian formula in " + cell + " (=" + fact.formula + ") gives " +
                           stated + ", but " + inputs + " gives " + computed +
                           ". It is replaced; the old formula is kept in the cell comment."});
}

// A Rencana Aksi block's total that is not the sum of its TW rows.
Finding judge_total(const DifferingNumber& fact) {
    bool drawdown = fact.quantity == DifferingNumber::Quantity::jumlah_penarikan;
    std::string what_id = drawdown ? "Jumlah penarikan" : "Jumlah realisasi anggaran";
    std::string what_en = drawdown ? "The drawdown total" : "The spending total";
    std::string cell = cell_name(fact.cell.row, fact.cell.col);
    std::string stated = angka(fact.stated), sum = angka(fact.computed);
    if (fact.formula.empty())
        return finding_at(
            Rule::ra_jumlah_beda, fact.cell,
            {what_id + " di " + cell + " tertulis " + stated + ", padahal jumlah TW I-IV " + sum +
                 ". Nilai semula disimpan di komentar sel.",
             what_en + " in " + cell + " is " + stated + ", but TW I-IV add up to " + sum +
                 ". The old value is kept in the cell comment."});
    return finding_at(Rule::ra_jumlah_beda, fact.cell,
                      {what_id + " di " + cell + " dihitung dengan rumus (=" + fact.formula +
                           ") yang menghasilkan " + stated + ", padahal jumlah TW I-IV " + sum +
                           ". Rumus diganti; rumus semula disimpan di komentar sel.",
                       what_en + " in " + cell + " is a formula (=" + fact.formula +
                           ") that gives " + stated + ", but TW I-IV add up to " + sum +
                           ". It is replaced; the old formula is kept in the cell comment."});
}

Finding judge(const DifferingNumber& fact) {
    return fact.quantity == DifferingNumber::Quantity::capaian ? judge_capaian(fact)
                                                               : judge_total(fact);
}

Finding judge(const DifferingKategori& fact) {
    std::string cell = cell_name(fact.cell.row, fact.cell.col);
    std::string capaian = angka(fact.capaian);
    if (fact.formula.empty())
        return finding_at(Rule::kategori_beda, fact.cell,
                          {"Kategori di " + cell + " tertulis " + fact.stated +
                               ", padahal capaian " + capaian + " termasuk " + fact.computed + ".",
                           "Kategori in " + cell + " is " + fact.stated + ", but a capaian of " +
                               capaian + " is " + fact.computed + "."});
    return finding_at(
        Rule::kategori_beda, fact.cell,
        {"Rumus kategori di " + cell + " (=" + fact.formula + ") menghasilkan " + fact.stated +
             ", padahal capaian " + capaian + " termasuk " + fact.computed +
             ". Rumus diganti; rumus semula disimpan di komentar sel.",
         "The kategori formula in " + cell + " (=" + fact.formula + ") gives " + fact.stated +
             ", but a capaian of " + capaian + " is " + fact.computed +
             ". It is replaced; the old formula is kept in the cell comment."});
}

Finding judge(const DifferingSummary& fact) {
    std::string cell = cell_name(fact.cell.row, fact.cell.col);
    std::string average = angka(std::round(fact.average * 100) / 100);
    std::string n = std::to_string(fact.rows);
    std::string how_id = fact.formula.empty()
                             ? " Nilai semula disimpan di komentar sel."
                             : " Rumus semula (=" + fact.formula + ") disimpan di komentar sel.";
    std::string how_en = fact.formula.empty() ? " The old value is kept in the cell comment."
                                              : " The old formula (=" + fact.formula +
                                                    ") is kept in the cell comment.";
    if (fact.predikat)
        return finding_at(Rule::renja_predikat, fact.cell,
                          {"Predikat kinerja di " + cell + " tertulis \"" +
                               excerpt(fact.stated_text) + "\", padahal rata-rata capaian " +
                               average + " termasuk " + fact.computed + "." + how_id,
                           "The predikat kinerja in " + cell + " is \"" +
                               excerpt(fact.stated_text) + "\", but an average capaian of " +
                               average + " is " + fact.computed + "." + how_en});
    return finding_at(Rule::renja_rata_rata, fact.cell,
                      {"Rata-rata capaian kinerja di " + cell + " tertulis " + angka(fact.stated) +
                           ", padahal rata-rata tingkat capaian " + n + " baris di atasnya " +
                           average + "." + how_id,
                       "The rata-rata capaian kinerja in " + cell + " is " + angka(fact.stated) +
                           ", but the average tingkat capaian of the " + n + " rows above it is " +
                           average + "." + how_en});
}

template <class Fact>
void judge_all(const std::vector<Fact>& facts, std::vector<Finding>& out) {
    for (const Fact& fact : facts) out.push_back(judge(fact));
}

}  // namespace

void check_fill_facts(const FillFacts& facts, std::vector<Finding>& out) {
    judge_all(facts.unknown_ids, out);
    judge_all(facts.unmatched, out);
    judge_all(facts.missing_inputs, out);
    judge_all(facts.unit_mismatches, out);
    judge_all(facts.differing_numbers, out);
    judge_all(facts.differing_kategori, out);
    judge_all(facts.differing_summaries, out);
}

// The builder's reason, as formulas/ would get it, at the Rumus sheet's cell.
void check_rumus_problems(std::span<const RumusProblem> problems, std::vector<Finding>& out) {
    for (const RumusProblem& problem : problems)
        out.push_back(finding_at(Rule::rumus_tidak_valid, problem.cell, problem.reason));
}

// The same indicator must have the same target and realisasi in every table of one year
// (PK, capaian, rencana aksi); the first table it appears in is the reference.
void check_outcomes_across_tables(const std::vector<IndicatorOutcome>& all,
                                  std::vector<Finding>& out) {
    for (std::size_t i = 0; i < all.size(); ++i) {
        const IndicatorOutcome& b = all[i];
        for (std::size_t k = 0; k < i; ++k) {
            const IndicatorOutcome& a = all[k];
            if (a.id != b.id || !a.tahun || a.tahun != b.tahun || a.sheet == b.sheet) continue;
            // A bare number beside a percentage reads as a percentage; other units must match.
            auto same_unit = [](const std::string& x, const std::string& y) {
                return x == y || (x.empty() && y == "%") || (x == "%" && y.empty());
            };
            auto differs = [](double x, double y) {
                return !std::isnan(x) && !std::isnan(y) && std::fabs(x - y) > 1e-6;
            };
            auto report_difference = [&](const char* what_id, const char* what_en, double va,
                                         double vb, std::uint32_t col_a, std::uint32_t col_b) {
                std::string there = "'" + a.sheet + "'!" + cell_name(a.row, col_a);
                out.push_back(Finding::of(
                    Rule::antar_tabel_beda, b.sheet, b.row, col_b,
                    {std::string(what_id) + " " + b.id + " di " + cell_name(b.row, col_b) + " (" +
                         angka(vb) + ") berbeda dengan di " + there + " (" + angka(va) + ").",
                     std::string(what_en) + " of " + b.id + " in " + cell_name(b.row, col_b) +
                         " (" + angka(vb) + ") differs from " + there + " (" + angka(va) + ")."}));
            };
            // "1 Layanan" in one table and 100% in another say the same in other units.
            if (differs(a.target, b.target) && same_unit(a.target_unit, b.target_unit))
                report_difference("Target", "The target", a.target, b.target, a.target_col,
                                  b.target_col);
            if (a.realisasi_col && b.realisasi_col && differs(a.realisasi, b.realisasi) &&
                same_unit(a.realisasi_unit, b.realisasi_unit))
                report_difference("Realisasi", "The realisasi", a.realisasi, b.realisasi,
                                  *a.realisasi_col, *b.realisasi_col);
            break;  // compare with the first occurrence only
        }
    }
}

}  // namespace kinerja::validate_detail
