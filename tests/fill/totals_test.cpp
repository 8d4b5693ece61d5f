// JUMLAH rows of budget tables: live SUM formulas whose cached value is what Excel computes.
#include <boost/test/unit_test.hpp>

#include "pipeline/pipeline.hpp"
#include "support/cells.hpp"

using namespace kinerja;
using kinerja::test::put_number;
using kinerja::test::put_text;

namespace {

// No | Jenis Belanja | Pagu | Realisasi | Sisa | %, four belanja rows and a Jumlah row.
Workbook anggaran_table() {
    Workbook wb;
    Sheet s;
    s.name = "Anggaran";
    put_text(s, 0, 0, "REALISASI ANGGARAN TAHUN 2025");
    put_text(s, 2, 0, "No");
    put_text(s, 2, 1, "Jenis Belanja");
    put_text(s, 2, 2, "Pagu Anggaran (Rp)");
    put_text(s, 2, 3, "Realisasi (Rp)");
    put_text(s, 2, 4, "Sisa Anggaran");
    put_text(s, 2, 5, "% Penyerapan");
    const char* belanja[] = {"Belanja Pegawai", "Belanja Barang", "Belanja Modal",
                             "Belanja Lainnya"};
    for (std::uint32_t i = 0; i < 4; ++i) {
        put_number(s, 3 + i, 0, i + 1);
        put_text(s, 3 + i, 1, belanja[i]);
    }
    put_text(s, 3, 2, "2.500.000.000");  // text Excel cannot sum
    put_number(s, 3, 3, 2250000000);
    put_number(s, 4, 2, 1200000000);
    put_number(s, 4, 3, 950000000);
    put_number(s, 5, 2, 300000000);
    put_text(s, 5, 3, "-");  // not applicable: adds nothing
    // Belanja Lainnya left blank: referenced, so what is typed there later counts.
    put_text(s, 7, 1, "JUMLAH");
    wb.sheets.push_back(s);
    return wb;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_jumlah_row_of_a_budget_table_sums_the_rows_above) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = anggaran_table();
    RunReport r = process(engine, wb, {});
    for (const auto& f : r.findings) BOOST_TEST_MESSAGE(f.id() << " " << f.message.en);
    const Sheet* s = wb.sheet("Anggaran");
    const Cell* pagu = s->find(7, 2);
    const Cell* realisasi = s->find(7, 3);
    const Cell* sisa = s->find(7, 4);
    BOOST_REQUIRE(pagu);
    BOOST_REQUIRE(realisasi);
    BOOST_REQUIRE(sisa);
    BOOST_TEST(pagu->formula == "SUM(2500000000,C5:C7)");
    BOOST_TEST(pagu->value.number == 4000000000.0);
    BOOST_TEST(realisasi->formula == "SUM(D4:D7)");
    BOOST_TEST(realisasi->value.number == 3200000000.0);
    BOOST_TEST(sisa->is_formula());
    BOOST_TEST(sisa->value.number == 800000000.0);
}

BOOST_AUTO_TEST_CASE(a_typed_total_that_differs_is_a_finding_and_kept_in_a_note) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = anggaran_table();
    put_number(wb.sheets[0], 7, 2, 3900000000);
    RunReport r = process(engine, wb, {});
    bool found = false;
    for (const auto& f : r.findings)
        found = found || (f.id() == "anggaran.total" && f.row == 7 && f.col == 2);
    BOOST_TEST(found);
    const Cell* pagu = wb.sheet("Anggaran")->find(7, 2);
    BOOST_REQUIRE(pagu);
    BOOST_TEST(pagu->value.number == 4000000000.0);
    bool kept = false;
    for (const Comment& c : wb.sheet("Anggaran")->comments)
        kept = kept || (c.row == 7 && c.col == 2 &&
                        c.text.find("Nilai semula: 3900000000\n") != std::string::npos);
    BOOST_TEST(kept);
}

// A pagu of 0 leaves the % undefined: ours shows "-", the user's =IFERROR(D5/C5,0) shows 0.
// Both say the same, so the user's formula stays; a formula showing a share there does not.
BOOST_AUTO_TEST_CASE(a_users_zero_where_the_percent_is_undefined_is_kept) {
    Engine engine = Engine::load(default_formulas_dir());
    for (double shown : {0.0, 0.25}) {
        Workbook wb = anggaran_table();
        Sheet& s = wb.sheets[0];
        put_number(s, 4, 2, 0);
        put_number(s, 4, 3, 0);
        put_number(s, 4, 5, shown).formula = "IFERROR(D5/C5,0)";
        RunReport r = process(engine, wb, {});
        const Cell* persen = wb.sheet("Anggaran")->find(4, 5);
        BOOST_REQUIRE(persen);
        if (shown == 0) {
            BOOST_TEST(persen->formula == "IFERROR(D5/C5,0)");
            BOOST_TEST(r.fill.replaced_values == 0u);
        } else {
            BOOST_TEST(persen->formula != "IFERROR(D5/C5,0)");
            BOOST_TEST(persen->value.text == "-");
            BOOST_TEST(r.fill.replaced_values == 1u);
        }
    }
}
