// The Rumus sheet: a designer's indicators and settings inside the workbook.
#include <boost/test/unit_test.hpp>

#include "pipeline/pipeline.hpp"
#include "support/cells.hpp"

using namespace kinerja;

namespace {

void text(Sheet& s, std::uint32_t r, std::uint32_t c, const std::string& t) {
    test::put_text(s, r, c, t);
}
void number(Sheet& s, std::uint32_t r, std::uint32_t c, double v) {
    test::put_number(s, r, c, v);
}

Workbook workbook_with_rumus(const std::string& formula) {
    Workbook wb;
    Sheet capaian;
    capaian.name = "Capaian";
    text(capaian, 0, 0, "CAPAIAN KINERJA TAHUN 2025");
    const char* heads[] = {"No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"};
    for (std::uint32_t c = 0; c < 5; ++c) text(capaian, 2, c, heads[c]);
    number(capaian, 3, 0, 1);
    text(capaian, 3, 1, "Persentase kunjungan keluarga yang terlayani");
    number(capaian, 3, 2, 90);
    wb.sheets.push_back(capaian);

    Sheet rumus;
    rumus.name = "Rumus";
    const char* cols[] = {"Id", "Nama", "Satuan", "Arah", "Variabel", "Realisasi"};
    for (std::uint32_t c = 0; c < 6; ++c) text(rumus, 0, c, cols[c]);
    text(rumus, 1, 0, "layanan.kunjungan");
    text(rumus, 1, 1, "Persentase kunjungan keluarga yang terlayani");
    text(rumus, 1, 2, "%");
    text(rumus, 1, 3, "naik");
    text(rumus, 1, 4, "dilayani; kunjungan");
    text(rumus, 1, 5, formula);
    text(rumus, 4, 0, "Pengaturan");
    text(rumus, 5, 0, "desimal");
    text(rumus, 5, 1, "0");
    wb.sheets.push_back(rumus);

    Sheet data;
    data.name = "Data";
    const char* dh[] = {"Indikator", "Variabel", "TW I", "TW II"};
    for (std::uint32_t c = 0; c < 4; ++c) text(data, 0, c, dh[c]);
    text(data, 1, 0, "layanan.kunjungan");
    text(data, 1, 1, "dilayani");
    number(data, 1, 2, 40);
    number(data, 1, 3, 45);
    text(data, 2, 1, "kunjungan");
    number(data, 2, 2, 50);
    number(data, 2, 3, 50);
    wb.sheets.push_back(data);
    return wb;
}

}  // namespace

BOOST_AUTO_TEST_CASE(rumus_sheet_adds_an_indicator_and_overrides_rounding) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = workbook_with_rumus("pct(dilayani, kunjungan)");
    RunReport r = process(engine, wb, {});
    for (const auto& f : r.findings) BOOST_TEST_MESSAGE(f.id() << " " << f.message.en);
    BOOST_TEST(r.errors() == 0u);
    const Sheet* s = wb.sheet("Capaian");
    const Cell* realisasi = s->find(3, 3);
    BOOST_REQUIRE(realisasi);
    BOOST_TEST(realisasi->is_formula());
    BOOST_TEST(realisasi->value.number == 85.0);  // (40 + 45) / (50 + 50) * 100
    const Cell* capaian = s->find(3, 4);
    BOOST_REQUIRE(capaian);
    BOOST_TEST(capaian->value.number == 94.0);  // 85 / 90 * 100 = 94.44, 0 decimals
}

BOOST_AUTO_TEST_CASE(a_bad_formula_in_the_rumus_sheet_is_a_finding_at_its_cell) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = workbook_with_rumus("pct(dilayani, kunjungan");
    RunReport r = process(engine, wb, {});
    bool found = false;
    for (const auto& f : r.findings)
        if (f.id() == "rumus.tidak_valid" && f.sheet == "Rumus" && f.row == 1 && f.col == 5)
            found = true;
    BOOST_TEST(found);
}
