// Indicators outside the catalogue follow the template's general rule, and the user's own
// formulas stay where they already give the right value.
#include <boost/test/unit_test.hpp>

#include "model/notes.hpp"
#include "pipeline/pipeline.hpp"
#include "read/read.hpp"
#include "support/cells.hpp"
#include "support/support.hpp"
#include "write/write.hpp"

using namespace kinerja;
using kinerja::test::put_number;
using kinerja::test::put_text;

namespace {

const char* makanan =
    "Persentase pemenuhan layanan makanan bagi Tahanan / Narapidana / Anak sesuai dengan standar";

// The formula Kinerja writes for capaian naik of realisasi D and target C on Excel row `r`.
std::string naik_formula(int r) {
    std::string e = "D" + std::to_string(r), d = "C" + std::to_string(r);
    return "IF(COUNT(" + e + "," + d + ")<2,\"-\",IFERROR(TRUNC(" + e + "/" + d + "*100,2),\"-\"))";
}

// No | Indikator Kinerja | Target | Realisasi | Capaian | Kategori | Arah, from row 4 (Excel
// row 5); each row: name, target, realisasi, arah ("" for none).
struct Row {
    std::string name;
    double target, realisasi;
    std::string arah;
};

Workbook table(const std::vector<Row>& rows) {
    Workbook wb;
    Sheet s;
    s.name = "Capaian";
    put_text(s, 0, 0, "CAPAIAN KINERJA TAHUN 2024");
    put_text(s, 1, 0, "DINAS CONTOH KABUPATEN CONTOH");
    const char* headers[] = {"No",      "Indikator Kinerja", "Target", "Realisasi",
                             "Capaian", "Kategori",          "Arah"};
    for (std::uint32_t c = 0; c < 7; ++c) put_text(s, 3, c, headers[c]);
    for (std::uint32_t i = 0; i < rows.size(); ++i) {
        std::uint32_t r = 4 + i;
        put_number(s, r, 0, i + 1);
        put_text(s, r, 1, rows[i].name);
        if (!std::isnan(rows[i].target)) put_number(s, r, 2, rows[i].target);
        if (!std::isnan(rows[i].realisasi)) put_number(s, r, 3, rows[i].realisasi);
        if (!rows[i].arah.empty()) put_text(s, r, 6, rows[i].arah);
    }
    wb.sheets.push_back(s);
    return wb;
}

const Finding* finding(const RunReport& r, const std::string& rule, std::uint32_t row,
                       std::uint32_t col) {
    for (const Finding& f : r.findings)
        if (f.id() == rule && f.row == row && f.col == col) return &f;
    return nullptr;
}

std::string notes_at(const Sheet& s, std::uint32_t row, std::uint32_t col) {
    std::string text;
    for (const Comment& c : s.comments)
        if (c.row == row && c.col == col && c.author == note_author) text += c.text;
    return text;
}

void log(const RunReport& r) {
    for (const auto& f : r.findings)
        BOOST_TEST_MESSAGE(f.id() << " " << cell_name(f.row, f.col) << " " << f.message.id);
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_indicator_outside_the_catalogue_gets_capaian_by_the_general_rule) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = table({{"Jumlah desa yang menerima sosialisasi gizi", 40, 30, ""}});
    RunReport r = process(engine, wb, {});
    log(r);
    BOOST_TEST(r.errors() == 0u);
    const Finding* umum = finding(r, "indikator.umum", 4, 1);
    BOOST_REQUIRE(umum);
    BOOST_TEST((umum->severity == Severity::warning));
    BOOST_TEST(umum->message.id.find("realisasi / target × 100 (arah naik)") != std::string::npos,
               umum->message.id);
    const Cell* capaian = wb.sheet("Capaian")->find(4, 4);
    BOOST_REQUIRE(capaian);
    BOOST_TEST(capaian->formula == naik_formula(5));
    BOOST_TEST(capaian->value.number == 75.0);
    const Cell* kategori = wb.sheet("Capaian")->find(4, 5);
    BOOST_REQUIRE(kategori);
    BOOST_TEST(kategori->is_formula());
    BOOST_TEST(kategori->value.text == "B");  // LKjIP scale: B above 65
    BOOST_REQUIRE(r.fill.outcomes.size() == 1u);
    BOOST_TEST(r.fill.outcomes[0].id == "Jumlah desa yang menerima sosialisasi gizi");
    BOOST_TEST(r.fill.outcomes[0].capaian == 75.0);
}

// The same formula text as a catalogue indicator that is naik gets.
BOOST_AUTO_TEST_CASE(the_general_rule_is_the_catalogues_naik_rule) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = table({{makanan, 100, 90, ""}, {"Indeks kepuasan warga desa", 100, 90, ""}});
    RunReport r = process(engine, wb, {});
    log(r);
    const Sheet* s = wb.sheet("Capaian");
    BOOST_TEST(s->find(4, 4)->formula == naik_formula(5));
    BOOST_TEST(s->find(5, 4)->formula == naik_formula(6));
    BOOST_TEST(s->find(5, 4)->value.number == 90.0);
    BOOST_TEST(!finding(r, "indikator.umum", 4, 1));
    BOOST_TEST(finding(r, "indikator.umum", 5, 1));
}

// Lower is better when an Arah column says turun, when the name says "semakin kecil semakin
// baik", or when the Rumus sheet gives its Arah: the template's turun rule (PermenPANRB:
// (2T - R) / T * 100), and the kategori from that capaian.
BOOST_AUTO_TEST_CASE(turun_from_the_row_the_name_or_the_rumus_sheet) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = table({{"Angka kematian ibu melahirkan", 10, 8, "Turun"},
                         {"Jumlah kasus stunting (semakin kecil semakin baik)", 50, 60, ""},
                         {"Persentase rumah tangga miskin", 20, 15, ""},
                         {"Persentase penurunan angka putus sekolah", 20, 15, ""}});
    Sheet rumus;
    rumus.name = "Rumus";
    put_text(rumus, 0, 0, "Nama");
    put_text(rumus, 0, 1, "Arah");
    put_text(rumus, 1, 0, "Persentase rumah tangga miskin");
    put_text(rumus, 1, 1, "turun");
    wb.sheets.push_back(rumus);
    RunReport r = process(engine, wb, {});
    log(r);
    BOOST_TEST(r.errors() == 0u);
    const Sheet* s = wb.sheet("Capaian");
    const Cell* first = s->find(4, 4);
    BOOST_TEST(first->formula.find("MAX(0,(2*C5-D5)/C5*100)") != std::string::npos, first->formula);
    BOOST_TEST(first->value.number == 120.0);  // (20 - 8) / 10 * 100
    BOOST_TEST(s->find(4, 5)->value.text == "AA");
    BOOST_TEST(s->find(5, 4)->value.number == 80.0);   // (100 - 60) / 50 * 100
    BOOST_TEST(s->find(6, 4)->value.number == 125.0);  // (40 - 15) / 20 * 100
    // "penurunan" in a name is what is measured, not the direction.
    BOOST_TEST(s->find(7, 4)->value.number == 75.0);
    const Finding* turun = finding(r, "indikator.umum", 4, 1);
    BOOST_REQUIRE(turun);
    BOOST_TEST(turun->message.id.find("arah turun") != std::string::npos, turun->message.id);
}

// An error remains where nothing can be computed: no realisasi that is a number, or an id
// the user typed that the catalogue does not have.
BOOST_AUTO_TEST_CASE(errors_remain_where_nothing_can_be_computed) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = table({{"Jumlah desa wisata yang dibina", 12, kinerja::na, ""}});
    RunReport r = process(engine, wb, {});
    log(r);
    const Finding* f = finding(r, "indikator.tidak_dikenal", 4, 1);
    BOOST_REQUIRE(f);
    BOOST_TEST((f->severity == Severity::error));
    BOOST_TEST(!finding(r, "indikator.umum", 4, 1));

    Workbook with_id;
    Sheet s;
    s.name = "Capaian";
    put_text(s, 0, 0, "CAPAIAN KINERJA TAHUN 2024");
    const char* headers[] = {"No",     "Id Indikator", "Indikator Kinerja",
                             "Target", "Realisasi",    "Capaian"};
    for (std::uint32_t c = 0; c < 6; ++c) put_text(s, 3, c, headers[c]);
    put_number(s, 4, 0, 1);
    put_text(s, 4, 1, "desa.wisata");
    put_text(s, 4, 2, "Jumlah desa wisata yang dibina");
    put_number(s, 4, 3, 12);
    put_number(s, 4, 4, 9);
    with_id.sheets.push_back(s);
    RunReport by_id = process(engine, with_id, {});
    log(by_id);
    const Finding* g = finding(by_id, "indikator.tidak_dikenal", 4, 1);
    BOOST_REQUIRE(g);
    BOOST_TEST((g->severity == Severity::error));
    const Cell* capaian = with_id.sheet("Capaian")->find(4, 5);
    BOOST_TEST((capaian == nullptr || !capaian->is_formula()));
}

// A cut-off name that fits two catalogue indicators is a warning, computed by the general rule.
BOOST_AUTO_TEST_CASE(an_ambiguous_name_is_a_warning_and_computed) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb =
        table({{"Persentase Narapidana/Tahanan yang mendapatkan pelayanan perawatan kesehatan", 100,
                95, ""}});
    RunReport r = process(engine, wb, {});
    log(r);
    const Finding* f = finding(r, "indikator.ambigu", 4, 1);
    BOOST_REQUIRE(f);
    BOOST_TEST((f->severity == Severity::warning));
    BOOST_TEST(wb.sheet("Capaian")->find(4, 4)->value.number == 95.0);
}

// A user's capaian formula that gives the right value stays as it is, without a note; one
// that gives a wrong value is a finding naming both values, replaced, and kept in the note.
// Filling the result again changes nothing.
BOOST_AUTO_TEST_CASE(a_right_user_formula_stays_and_a_wrong_one_is_replaced) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = table({{makanan, 90, 85.2, ""}, {"Indeks kepuasan warga desa", 80, 60, ""}});
    Sheet& s = wb.sheets[0];
    Cell& right = put_number(s, 4, 4, 94.6666666666667);  // untruncated: still the right value
    right.formula = "D5/C5*100";
    Cell& kategori = put_text(s, 4, 5, "AA");
    kategori.formula = "IF(E5>85,\"AA\",\"A\")";
    Cell& wrong = put_number(s, 5, 4, 133.333333333333);  // target / realisasi: wrong
    wrong.formula = "C6/D6*100";
    RunReport r = process(engine, wb, {});
    log(r);
    const Sheet* out = wb.sheet("Capaian");
    BOOST_TEST(out->find(4, 4)->formula == "D5/C5*100");
    BOOST_TEST(out->find(4, 4)->value.number == 94.6666666666667);
    BOOST_TEST(out->find(4, 5)->formula == "IF(E5>85,\"AA\",\"A\")");
    BOOST_TEST(notes_at(*out, 4, 4).empty());
    BOOST_TEST(notes_at(*out, 4, 5).empty());
    BOOST_TEST(!finding(r, "capaian.beda", 4, 4));

    BOOST_TEST(out->find(5, 4)->formula == naik_formula(6));
    BOOST_TEST(out->find(5, 4)->value.number == 75.0);
    std::string note = notes_at(*out, 5, 4);
    BOOST_TEST(note.find("Rumus semula: =C6/D6*100") != std::string::npos, note);
    const Finding* beda = finding(r, "capaian.beda", 5, 4);
    BOOST_REQUIRE(beda);
    BOOST_TEST(beda->message.id.find("133,33") != std::string::npos, beda->message.id);
    BOOST_TEST(beda->message.id.find("75") != std::string::npos, beda->message.id);

    Workbook again = wb;
    RunReport r2 = process(engine, again, {});
    const Sheet* twice = again.sheet("Capaian");
    BOOST_REQUIRE(twice->cells.size() == out->cells.size());
    for (std::size_t i = 0; i < out->cells.size(); ++i) {
        const Cell &a = out->cells[i], &b = twice->cells[i];
        BOOST_TEST((a.row == b.row && a.col == b.col && a.formula == b.formula &&
                    a.value == b.value && a.style == b.style),
                   cell_name(a.row, a.col));
    }
    BOOST_TEST(twice->comments.size() == out->comments.size());
    BOOST_TEST(notes_at(*twice, 5, 4) == note);
    BOOST_TEST(finding(r2, "capaian.beda", 5, 4));
}

// A kategori formula of the user's own that gives another band is a finding and replaced.
BOOST_AUTO_TEST_CASE(a_wrong_user_kategori_formula_is_a_finding) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = table({{makanan, 100, 70, ""}});
    Cell& k = put_text(wb.sheets[0], 4, 5, "AA");
    k.formula = "IF(E5>50,\"AA\",\"A\")";
    RunReport r = process(engine, wb, {});
    log(r);
    const Finding* f = finding(r, "kategori.beda", 4, 5);
    BOOST_REQUIRE(f);
    BOOST_TEST(f->message.id.find("AA") != std::string::npos);
    const Cell* out = wb.sheet("Capaian")->find(4, 5);
    BOOST_TEST(out->value.text == "B");
    BOOST_TEST(notes_at(*wb.sheet("Capaian"), 4, 5).find("Rumus semula: =IF(E5>50") !=
               std::string::npos);
}

// Through the file: a workbook with a wrong and a right user formula, filled twice, gives the
// same bytes (the replaced formula comes back from its note with the value it gave).
BOOST_AUTO_TEST_CASE(filling_user_formulas_again_gives_the_same_bytes) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = table({{makanan, 90, 85.2, ""}, {"Indeks kepuasan warga desa", 80, 60, ""}});
    Cell& right = put_number(wb.sheets[0], 4, 4, 94.6666666666667);
    right.formula = "D5/C5*100";
    Cell& wrong = put_number(wb.sheets[0], 5, 4, 133.333333333333);
    wrong.formula = "C6/D6*100";
    kinerja::test::ScratchDir dir;
    write_workbook(wb, dir / "in.xlsx");
    fill_workbook(engine, dir / "in.xlsx", dir / "once.xlsx");
    fill_workbook(engine, dir / "once.xlsx", dir / "twice.xlsx");
    BOOST_TEST(kinerja::test::file_digest(dir / "twice.xlsx") ==
               kinerja::test::file_digest(dir / "once.xlsx"));
    Workbook once = read_workbook(dir / "once.xlsx");
    BOOST_TEST(once.sheets[0].find(4, 4)->formula == "D5/C5*100");
    BOOST_TEST(once.sheets[0].find(5, 4)->formula == naik_formula(6));
}
