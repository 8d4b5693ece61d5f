// Capaian tables whose headers name a year on some columns only, as units write them.
#include <boost/test/unit_test.hpp>

#include "pipeline/pipeline.hpp"
#include "support/cells.hpp"

using namespace kinerja;
using kinerja::test::put_number;
using kinerja::test::put_text;

namespace {

const char* makanan =
    "Persentase pemenuhan layanan makanan bagi Tahanan / Narapidana / Anak sesuai dengan standar";
const char* remisi = "Persentase narapidana yang mendapatkan hak remisi";

// Title with the year, then No | Sasaran | Indikator | headers[0..2], two indicators with
// target and realisasi typed, capaian empty.
Workbook capaian_table(const std::vector<std::string>& headers) {
    Workbook wb;
    Sheet s;
    s.name = "Capaian";
    put_text(s, 0, 0, "LAPORAN CAPAIAN KINERJA TRIWULAN III TAHUN 2025");
    put_text(s, 1, 0, "LEMBAGA PEMASYARAKATAN KELAS IIB CONTOH");
    put_text(s, 3, 0, "No.");
    put_text(s, 3, 1, "Sasaran Strategis");
    put_text(s, 3, 2, "Indikator Kinerja Utama");
    for (std::uint32_t c = 0; c < headers.size(); ++c) put_text(s, 3, 3 + c, headers[c]);
    put_number(s, 4, 0, 1);
    put_text(s, 4, 1, "Meningkatnya kualitas perawatan");
    put_text(s, 4, 2, makanan);
    put_number(s, 4, 3, 100);
    put_text(s, 4, 4, "98,5%");
    put_number(s, 5, 0, 2);
    put_text(s, 5, 1, "Meningkatnya pembinaan");
    put_text(s, 5, 2, remisi);
    put_number(s, 5, 3, 90);
    put_number(s, 5, 4, 85.2);
    wb.sheets.push_back(s);
    return wb;
}

void check_capaian_filled(const std::vector<std::string>& headers) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = capaian_table(headers);
    RunReport r = process(engine, wb, {});
    for (const auto& f : r.findings) BOOST_TEST_MESSAGE(f.id() << " " << f.message.en);
    BOOST_TEST(r.errors() == 0u);
    const Sheet* s = wb.sheet("Capaian");
    const Cell* first = s->find(4, 5);
    const Cell* second = s->find(5, 5);
    BOOST_REQUIRE(first);
    BOOST_REQUIRE(second);
    BOOST_TEST(first->is_formula());
    BOOST_TEST(first->value.number == 98.5);
    BOOST_TEST(second->value.number == 94.66);  // 85.2 / 90 * 100 = 94.666..., truncated
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_year_on_the_target_header_only_is_the_year_of_the_row) {
    check_capaian_filled({"Target 2025", "Realisasi s.d. TW III", "% Capaian"});
}

BOOST_AUTO_TEST_CASE(a_year_on_every_header_but_capaian) {
    check_capaian_filled({"Target 2025", "Realisasi 2025", "Capaian (%)"});
}

BOOST_AUTO_TEST_CASE(headers_without_years) {
    check_capaian_filled({"Target", "Realisasi", "Capaian"});
}

// Two years side by side keep their own columns: the untagged capaian belongs to neither
// when the table's year is not one of them.
BOOST_AUTO_TEST_CASE(two_tagged_years_are_not_merged_with_a_guess) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = capaian_table({"Target 2023", "Realisasi 2024", "Capaian"});
    process(engine, wb, {});
    const Cell* capaian = wb.sheet("Capaian")->find(4, 5);
    BOOST_TEST((capaian == nullptr || !capaian->is_formula()));
}

// The user's own capaian formula that gives another value is replaced by the catalogue's, and
// kept word for word with what it gave. (One that gives the right value stays: umum_test.cpp.)
BOOST_AUTO_TEST_CASE(a_users_own_capaian_formula_is_kept_in_a_note) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = capaian_table({"Target", "Realisasi", "Capaian"});
    Cell& own = put_number(wb.sheets[0], 5, 5, 105.633802816901);
    own.formula = "D6/E6*100";
    process(engine, wb, {});
    const Sheet* s = wb.sheet("Capaian");
    BOOST_TEST(s->find(5, 5)->value.number == 94.66);
    bool kept = false;
    for (const Comment& c : s->comments)
        kept =
            kept || (c.row == 5 && c.col == 5 &&
                     c.text.find("Rumus semula: =D6/E6*100\nHasil semula: 105.633802816901") == 0);
    BOOST_TEST(kept);

    // Filling the result again gives the same formula and the same note.
    Workbook again = wb;
    process(engine, again, {});
    const Sheet* t = again.sheet("Capaian");
    BOOST_TEST(t->find(5, 5)->formula == s->find(5, 5)->formula);
    BOOST_TEST(t->comments.size() == s->comments.size());
}
