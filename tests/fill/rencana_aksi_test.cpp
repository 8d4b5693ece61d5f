// Rencana Aksi: capaian per TW from the TW's realisasi and the indicator's target (its
// catalogue rule and direction), and per block the totals of penarikan and realisasi
// anggaran with % penyerapan against the pagu, all live formulas with cached values.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>

#include "pipeline/pipeline.hpp"
#include "read/read.hpp"
#include "support/cells.hpp"
#include "support/recalc.hpp"
#include "support/support.hpp"

using namespace kinerja;

namespace {

void text(Sheet& s, std::uint32_t r, std::uint32_t c, const std::string& t) {
    test::put_text(s, r, c, t);
}
void number(Sheet& s, std::uint32_t r, std::uint32_t c, double v) {
    test::put_number(s, r, c, v);
}

// Columns of the rencana-aksi template's kind, without the prose columns.
enum Col : std::uint32_t {
    c_sasaran,
    c_indikator,
    c_target,
    c_pagu,
    c_tw,
    c_penarikan,
    c_realisasi_anggaran,
    c_jumlah_penarikan,
    c_jumlah_realisasi,
    c_penyerapan,
    c_realisasi,
    c_capaian,
    c_kategori
};

struct Block {
    const char* indikator;
    double target;
    const char* pagu;  // as typed: "1000", "Rp 1.000.000,-", "-"
    double penarikan[4];
    const char* realisasi_anggaran[4];  // "" = blank
    const char* realisasi[4];
};

Workbook rencana_aksi(const std::vector<Block>& blocks) {
    Sheet s;
    s.name = "Rencana Aksi";
    text(s, 0, 0, "RENCANA AKSI PERJANJIAN KINERJA TAHUN 2025");
    text(s, 1, 0, "LEMBAGA PEMASYARAKATAN KELAS IIA CONTOH");
    const char* heads[] = {"SASARAN KEGIATAN",
                           "INDIKATOR KINERJA",
                           "TARGET KINERJA",
                           "PAGU (Rp)",
                           "TW",
                           "RENCANA PENARIKAN DANA (Rp)",
                           "REALISASI ANGGARAN (Rp)",
                           "JUMLAH PENARIKAN (Rp)",
                           "JUMLAH REALISASI ANGGARAN (Rp)",
                           "PENYERAPAN (%)",
                           "REALISASI KINERJA",
                           "CAPAIAN (%)",
                           "KATEGORI"};
    for (std::uint32_t c = 0; c < 13; ++c) text(s, 3, c, heads[c]);
    static const char* tws[] = {"TW I", "TW II", "TW III", "TW IV"};
    auto typed = [&](std::uint32_t r, std::uint32_t c, const char* v) {
        if (!*v) return;
        char* end = nullptr;
        double d = std::strtod(v, &end);
        if (*end == '\0')
            number(s, r, c, d);
        else
            text(s, r, c, v);
    };
    std::uint32_t r = 4;
    text(s, r, c_sasaran, "Meningkatnya pelayanan");
    s.merges.push_back(
        {r, c_sasaran, r + 4 * static_cast<std::uint32_t>(blocks.size()) - 1, c_sasaran});
    for (const Block& b : blocks) {
        text(s, r, c_indikator, b.indikator);
        number(s, r, c_target, b.target);
        typed(r, c_pagu, b.pagu);
        for (std::uint32_t c :
             {c_indikator, c_target, c_pagu, c_jumlah_penarikan, c_jumlah_realisasi, c_penyerapan})
            s.merges.push_back({r, c, r + 3, c});
        for (std::uint32_t t = 0; t < 4; ++t) {
            text(s, r + t, c_tw, tws[t]);
            number(s, r + t, c_penarikan, b.penarikan[t]);
            typed(r + t, c_realisasi_anggaran, b.realisasi_anggaran[t]);
            typed(r + t, c_realisasi, b.realisasi[t]);
        }
        r += 4;
    }
    Workbook wb;
    wb.sheets.push_back(std::move(s));
    return wb;
}

const Cell& at(const Workbook& wb, std::uint32_t row, std::uint32_t col) {
    const Cell* c = wb.sheets.at(0).find(row, col);
    BOOST_REQUIRE_MESSAGE(c, "no cell " << cell_name(row, col));
    return *c;
}

const Block makanan{
    "Persentase pemenuhan layanan makanan bagi Tahanan / Narapidana / Anak sesuai dengan standar",
    85,
    "2000000",
    {500000, 500000, 500000, 500000},
    {"200000", "1.260.000", "", ""},  // typed as Indonesian text
    {"80", "85", "", ""}};
const Block pelanggaran{"Persentase Pelanggaran Pelaksanaan Pembebasan Bersyarat",
                        10,
                        "Rp 2.000.000,-",
                        {500000, 500000, 500000, 500000},
                        {"500000", "-", "", ""},
                        {"5", "", "", ""}};

}  // namespace

BOOST_AUTO_TEST_SUITE(fill_rencana_aksi)

BOOST_AUTO_TEST_CASE(capaian_per_tw_follows_the_indicators_rule_and_direction) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = rencana_aksi({makanan, pelanggaran});
    RunReport r = process(engine, wb, {});
    for (const auto& f : r.findings) BOOST_TEST_MESSAGE(f.id() << " " << f.message.en);
    // TW I: 80 / 85 = 94.117... truncated to 94.11; TW II: 85 / 85 = 100.
    const Cell& tw1 = at(wb, 4, c_capaian);
    BOOST_TEST(tw1.is_formula());
    BOOST_TEST(tw1.formula.find("K5") != std::string::npos, tw1.formula);
    BOOST_TEST(tw1.formula.find("C5") != std::string::npos, tw1.formula);
    BOOST_TEST(tw1.value.number == 94.11);
    const Cell& tw2 = at(wb, 5, c_capaian);
    BOOST_TEST(tw2.formula.find("K6") != std::string::npos, tw2.formula);
    BOOST_TEST(tw2.formula.find("C5") != std::string::npos, tw2.formula);  // the block's target
    BOOST_TEST(tw2.value.number == 100.0);
    BOOST_TEST(at(wb, 4, c_kategori).value.text == "AA");
    BOOST_TEST(at(wb, 4, c_kategori).is_formula());
    // TW III and IV have no realisasi yet: left alone.
    BOOST_TEST(wb.sheets[0].find(6, c_capaian) == nullptr);
    // Lower is better: (2 x 10 - 5) / 10 x 100 = 150.
    BOOST_TEST(at(wb, 8, c_capaian).value.number == 150.0);
    BOOST_TEST(r.errors() == 0u);
    // The year to date, for summaries and the Grafik: the latest TW with a capaian.
    std::size_t found = 0;
    for (const IndicatorOutcome& o : r.fill.outcomes) {
        if (o.id != "perawatan.makanan") continue;
        ++found;
        BOOST_TEST(o.row == 5u);
        BOOST_TEST(o.capaian == 100.0);
        BOOST_TEST(o.target == 85.0);
        BOOST_TEST(o.capaian_col.value_or(0) == static_cast<std::uint32_t>(c_capaian));
    }
    BOOST_TEST(found == 1u);
}

BOOST_AUTO_TEST_CASE(block_totals_and_penyerapan_against_the_pagu) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = rencana_aksi({makanan, pelanggaran});
    process(engine, wb, {});
    const Cell& plan = at(wb, 4, c_jumlah_penarikan);
    BOOST_TEST(plan.formula == "SUM(F5:F8)");
    BOOST_TEST(plan.value.number == 2000000.0);
    // "1.260.000" is text Excel cannot sum: its number goes into the formula.
    const Cell& spent = at(wb, 4, c_jumlah_realisasi);
    BOOST_TEST(spent.formula == "SUM(G5,1260000,G7,G8)");
    BOOST_TEST(spent.value.number == 1460000.0);
    const Cell& serap = at(wb, 4, c_penyerapan);
    BOOST_TEST(serap.formula.find("I5") != std::string::npos, serap.formula);
    BOOST_TEST(serap.formula.find("D5") != std::string::npos, serap.formula);
    BOOST_TEST(serap.value.number == 73.0);
    // A pagu typed as "Rp 2.000.000,-" and a "-" that adds nothing: 25%.
    BOOST_TEST(at(wb, 8, c_jumlah_realisasi).value.number == 500000.0);
    BOOST_TEST(at(wb, 8, c_penyerapan).formula.find("2000000") != std::string::npos);
    BOOST_TEST(at(wb, 8, c_penyerapan).value.number == 25.0);
}

BOOST_AUTO_TEST_CASE(typed_block_totals_are_checked_and_kept_while_the_tws_are_empty) {
    Engine engine = Engine::load(default_formulas_dir());
    const Block empty{makanan.indikator, 85, "2000000", {0, 0, 0, 0}, {"", "", "", ""},
                      {"", "", "", ""}};
    Workbook wb = rencana_aksi({makanan, empty});
    Sheet& s = wb.sheets[0];
    number(s, 4, c_jumlah_penarikan, 2000000);  // agrees with F5:F8
    number(s, 4, c_jumlah_realisasi, 1400000);  // the TWs add up to 1,460,000
    s.cells.erase(std::remove_if(s.cells.begin(), s.cells.end(),
                                 [](const Cell& c) { return c.row >= 8 && c.col == c_penarikan; }),
                  s.cells.end());
    number(s, 8, c_jumlah_realisasi, 750000);  // typed while its TW cells are still empty
    RunReport r = process(engine, wb, {});
    std::vector<std::string> totals;
    for (const auto& f : r.findings)
        if (f.id() == "ra.jumlah_beda") totals.push_back(cell_name(f.row, f.col));
    BOOST_TEST(totals == std::vector<std::string>{"I5"}, totals.size());
    BOOST_TEST(at(wb, 4, c_jumlah_realisasi).formula == "SUM(G5,1260000,G7,G8)");
    BOOST_TEST(at(wb, 4, c_jumlah_penarikan).formula == "SUM(F5:F8)");
    // Nothing to add up yet: the typed 750,000 stays, and penyerapan is measured from it.
    BOOST_TEST(!at(wb, 8, c_jumlah_realisasi).is_formula());
    BOOST_TEST(at(wb, 8, c_jumlah_realisasi).value.number == 750000.0);
    BOOST_TEST(at(wb, 8, c_penyerapan).value.number == 37.5);
}

// An indicator outside the catalogue gets its capaian per TW by the general rule (a warning);
// a user's total formula that gives the TW sum stays, one that does not is a finding.
BOOST_AUTO_TEST_CASE(a_general_indicator_and_the_users_own_total_formulas) {
    Engine engine = Engine::load(default_formulas_dir());
    const Block desa{"Jumlah desa binaan yang mandiri",
                     40,
                     "2000000",
                     {500000, 500000, 500000, 500000},
                     {"200000", "300000", "", ""},
                     {"10", "30", "", ""}};
    Workbook wb = rencana_aksi({desa});
    Sheet& s = wb.sheets[0];
    Cell& plan = s.put(Cell::of_number(4, c_jumlah_penarikan, 2000000));
    plan.formula = "F5+F6+F7+F8";  // right: stays
    Cell& spent = s.put(Cell::of_number(4, c_jumlah_realisasi, 200000));
    spent.formula = "G5";  // only TW I: wrong
    RunReport r = process(engine, wb, {});
    for (const auto& f : r.findings) BOOST_TEST_MESSAGE(f.id() << " " << f.message.id);
    BOOST_TEST(r.errors() == 1u);
    bool umum = false, total = false;
    for (const auto& f : r.findings) {
        umum = umum || (f.id() == "indikator.umum" && f.severity == Severity::warning);
        total = total || (f.id() == "ra.jumlah_beda" && cell_name(f.row, f.col) == "I5" &&
                          f.message.id.find("200.000") != std::string::npos &&
                          f.message.id.find("500.000") != std::string::npos);
    }
    BOOST_TEST(umum);
    BOOST_TEST(total);
    BOOST_TEST(at(wb, 4, c_capaian).value.number == 25.0);  // 10 / 40
    BOOST_TEST(at(wb, 5, c_capaian).value.number == 75.0);  // 30 / 40
    BOOST_TEST(at(wb, 4, c_jumlah_penarikan).formula == "F5+F6+F7+F8");
    BOOST_TEST(at(wb, 4, c_jumlah_realisasi).formula == "SUM(G5:G8)");
    BOOST_TEST(at(wb, 4, c_jumlah_realisasi).value.number == 500000.0);
}

BOOST_AUTO_TEST_CASE(a_typed_capaian_that_differs_is_kept_and_reported) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = rencana_aksi({makanan});
    number(wb.sheets[0], 4, c_capaian, 90);  // should be 94.11
    RunReport r = process(engine, wb, {});
    bool reported = false;
    for (const auto& f : r.findings)
        reported = reported || (f.id() == "capaian.beda" && f.row == 4 && f.col == c_capaian);
    BOOST_TEST(reported);
    BOOST_TEST(r.fill.replaced_values >= 1u);
    BOOST_TEST(at(wb, 4, c_capaian).value.number == 94.11);
    // Filling the result again restores what was typed first and gives the same cells.
    std::vector<Cell> first = wb.sheets[0].cells;
    RunReport again = process(engine, wb, {});
    BOOST_TEST(wb.sheets[0].cells.size() == first.size());
    for (const Cell& c : first) {
        const Cell* now = wb.sheets[0].find(c.row, c.col);
        BOOST_TEST_REQUIRE(now);
        BOOST_TEST(now->formula == c.formula, cell_name(c.row, c.col));
        BOOST_TEST((now->value == c.value), cell_name(c.row, c.col));
    }
}

BOOST_AUTO_TEST_CASE(a_rencana_aksi_without_realisasi_is_not_matched_to_the_catalogue) {
    // The Kerobokan layout: capaian is prose and there is no realisasi column, so nothing
    // is computed there and an unknown indicator name is no finding.
    Engine engine = Engine::load(default_formulas_dir());
    Block unknown = makanan;
    unknown.indikator = "Persentase sesuatu yang tidak ada di katalog";
    Workbook wb = rencana_aksi({unknown});
    Sheet& s = wb.sheets[0];
    std::erase_if(s.cells, [](const Cell& c) { return c.col == c_realisasi && c.row >= 3; });
    RunReport r = process(engine, wb, {});
    for (const auto& f : r.findings) BOOST_TEST(f.id() != "indikator.tidak_dikenal");
    // process() appends sheets (Validasi): look the sheet up again.
    BOOST_TEST(wb.sheets[0].find(4, c_capaian) == nullptr);
    BOOST_TEST(at(wb, 4, c_jumlah_penarikan).value.number == 2000000.0);  // totals still filled
}

// The rencana-aksi template has the room: typing into it and filling computes every TW's
// capaian and kategori and each block's totals, where the template leaves them grey.
BOOST_AUTO_TEST_CASE(the_template_fills_capaian_per_tw_and_block_totals) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = read_workbook(kinerja::test::source_dir() / "templates" / "rencana-aksi.xlsx");
    Sheet& s = wb.sheets.at(0);
    // Template columns: B indikator, C target, F pagu, H penarikan, I realisasi anggaran,
    // J/K block totals, L penyerapan, N realisasi kinerja, O capaian, P kategori.
    auto typed_number = [&](std::uint32_t r, std::uint32_t c, double v) {
        Cell cell = *s.find(r, c);
        cell.value.kind = CellValue::Kind::number;
        cell.value.number = v;
        s.put(cell);
    };
    Cell name = *s.find(5, 1);
    name.value.kind = CellValue::Kind::text;
    name.value.text = makanan.indikator;
    s.put(name);
    typed_number(5, 2, 85);
    typed_number(5, 5, 4000000);
    for (std::uint32_t t = 0; t < 4; ++t) typed_number(5 + t, 7, 1000000);
    typed_number(5, 8, 900000);
    typed_number(6, 8, 1100000);
    typed_number(5, 13, 80);
    typed_number(6, 13, 90);
    RunReport r = process(engine, wb, {});
    for (const auto& f : r.findings) BOOST_TEST_MESSAGE(f.id() << " " << f.message.en);
    BOOST_TEST(at(wb, 5, 14).value.number == 94.11);
    BOOST_TEST(at(wb, 6, 14).value.number == 105.88);  // 90 / 85 = 105.882..., uncapped
    BOOST_TEST(at(wb, 5, 15).value.text == "AA");
    BOOST_TEST(at(wb, 5, 9).formula == "SUM(H6:H9)");
    BOOST_TEST(at(wb, 5, 9).value.number == 4000000.0);
    BOOST_TEST(at(wb, 5, 10).value.number == 2000000.0);
    BOOST_TEST(at(wb, 5, 11).value.number == 50.0);
    BOOST_TEST(at(wb, 5, 11).is_formula());
    // The empty example blocks get no capaian, and no finding for their empty names.
    const Sheet& filled = wb.sheets.at(0);  // `s` may dangle: process() appends sheets
    const Cell* empty_block = filled.find(9, 14);
    BOOST_TEST((!empty_block || empty_block->formula.empty()));
    const Cell* empty_total = filled.find(9, 9);
    BOOST_TEST((!empty_total || empty_total->formula.empty()));
    for (const auto& f : r.findings) BOOST_TEST(f.id() != "indikator.tidak_dikenal");
}

// LibreOffice, forced to recalculate, agrees with every cached value: percent-formatted
// realisasi and capaian, sums with a number typed as text, penyerapan in a percent cell.
BOOST_AUTO_TEST_CASE(libreoffice_recalculates_the_rencana_aksi_to_our_values) {
    namespace fs = std::filesystem;
    kinerja::test::ScratchDir dir;
    Engine engine = Engine::load(default_formulas_dir());
    fs::path out = dir / "ra.xlsx";
    fill_workbook(engine, kinerja::test::test_dir() / "cases" / "ra-capaian-tw" / "input.xlsx",
                  out);
    auto converted = kinerja::test::recalc_with_libreoffice({out}, dir / "recalc");
    if (converted.empty()) {
        BOOST_TEST_MESSAGE("soffice not installed: LibreOffice check skipped");
        return;
    }
    Workbook ours = read_workbook(out), theirs = read_workbook(converted.at(0));
    const Sheet& a = ours.sheets.at(0);
    const Sheet* b = theirs.sheet(a.name);
    BOOST_TEST_REQUIRE(b);
    int compared = 0;
    for (const Cell& c : a.cells) {
        if (!c.is_formula()) continue;
        const Cell* o = b->find(c.row, c.col);
        BOOST_TEST_REQUIRE(o);
        BOOST_TEST_CONTEXT(cell_name(c.row, c.col) << " =" << c.formula) {
            if (c.value.kind == CellValue::Kind::number)
                BOOST_TEST(std::fabs(o->value.number - c.value.number) < 1e-9);
            else
                BOOST_TEST(o->value.text == c.value.text);
        }
        ++compared;
    }
    BOOST_TEST(compared >= 12);  // 8 capaian, 2 totals, 2 penyerapan
}

BOOST_AUTO_TEST_SUITE_END()
