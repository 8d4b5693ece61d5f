// The fill reports what it saw as facts (fill/facts.hpp) and judges nothing; validation turns
// the facts into findings with the registry's rule and severity.
#include <boost/test/unit_test.hpp>

#include "fill/fill.hpp"
#include "pipeline/pipeline.hpp"
#include "support/cells.hpp"
#include "tables/tables.hpp"
#include "validate/validate.hpp"

using namespace kinerja;
using kinerja::test::put_number;
using kinerja::test::put_text;

namespace {

const char* makanan =
    "Persentase pemenuhan layanan makanan bagi Tahanan / Narapidana / Anak sesuai dengan standar";

// No | Indikator Kinerja | Target | Realisasi | Capaian | Kategori from row 4 (Excel row 5):
// row 4 a catalogue indicator with a typed capaian of 95 and kategori "X" where 90 / 100
// gives 90; row 5 a name the catalogue does not know, with numbers; row 6 one without.
Workbook workbook() {
    Workbook wb;
    Sheet s;
    s.name = "Capaian";
    put_text(s, 0, 0, "CAPAIAN KINERJA TAHUN 2024");
    const char* headers[] = {"No",        "Indikator Kinerja", "Target",
                             "Realisasi", "Capaian",           "Kategori"};
    for (std::uint32_t c = 0; c < 6; ++c) put_text(s, 3, c, headers[c]);
    put_number(s, 4, 0, 1);
    put_text(s, 4, 1, makanan);
    put_number(s, 4, 2, 100);
    put_number(s, 4, 3, 90);
    put_number(s, 4, 4, 95);
    put_text(s, 4, 5, "X");
    put_number(s, 5, 0, 2);
    put_text(s, 5, 1, "Jumlah kunjungan burung hantu ke menara air");
    put_number(s, 5, 2, 10);
    put_number(s, 5, 3, 5);
    put_number(s, 6, 0, 3);
    put_text(s, 6, 1, "Indeks kebahagiaan ikan di kolam belakang");
    put_text(s, 6, 2, "tinggi");
    put_text(s, 6, 3, "sedang");
    wb.sheets.push_back(s);
    return wb;
}

const Finding* find(const std::vector<Finding>& findings, Rule rule, std::uint32_t row,
                    std::uint32_t col) {
    for (const Finding& f : findings)
        if (f.rule == rule && f.row == row && f.col == col) return &f;
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_fill_reports_facts_and_validation_judges_them) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = workbook();
    std::vector<Table> tables = find_tables(wb);
    BOOST_TEST_REQUIRE(tables.size() == 1u);
    Evaluator evaluator(*engine.compiled);
    FillReport fill = fill_tables(wb, tables, evaluator, *engine.matcher);

    // The stated capaian, with both values and what the computed one came from.
    BOOST_TEST_REQUIRE(fill.facts.differing_numbers.size() == 1u);
    const DifferingNumber& capaian = fill.facts.differing_numbers[0];
    BOOST_TEST((capaian.quantity == DifferingNumber::Quantity::capaian));
    BOOST_TEST(capaian.cell.sheet == "Capaian");
    BOOST_TEST(capaian.cell.row == 4u);
    BOOST_TEST(capaian.cell.col == 4u);
    BOOST_TEST(capaian.formula.empty());
    BOOST_TEST(capaian.stated == 95);
    BOOST_TEST(capaian.computed == 90);
    BOOST_TEST(capaian.realisasi == 90);
    BOOST_TEST(capaian.target == 100);
    // The stated kategori against the band of 90.
    const KategoriBand* band = kategori(90, engine.compiled->settings().scale);
    BOOST_TEST_REQUIRE(band != nullptr);
    BOOST_TEST_REQUIRE(fill.facts.differing_kategori.size() == 1u);
    BOOST_TEST(fill.facts.differing_kategori[0].stated == "X");
    BOOST_TEST(fill.facts.differing_kategori[0].computed == band->kode);
    BOOST_TEST(fill.facts.differing_kategori[0].capaian == 90);
    // The two names outside the catalogue: one the general rule computes, one it cannot.
    BOOST_TEST_REQUIRE(fill.facts.unmatched.size() == 2u);
    const UnmatchedIndicator& owl = fill.facts.unmatched[0];
    BOOST_TEST(owl.cell.row == 5u);
    BOOST_TEST(owl.cell.col == 1u);
    BOOST_TEST(owl.name == "Jumlah kunjungan burung hantu ke menara air");
    BOOST_TEST(!owl.ambiguous);
    BOOST_TEST(owl.computable);
    BOOST_TEST(!fill.facts.unmatched[1].computable);
    BOOST_TEST(fill.facts.unknown_ids.empty());
    BOOST_TEST(fill.facts.missing_inputs.empty());
    BOOST_TEST(fill.facts.unit_mismatches.empty());

    std::vector<Finding> findings = validate(wb, tables, fill);
    const Finding* beda = find(findings, Rule::capaian_beda, 4, 4);
    BOOST_TEST_REQUIRE(beda != nullptr);
    BOOST_TEST((beda->severity == rule_info(Rule::capaian_beda).severity));
    BOOST_TEST(beda->message.en ==
               "Capaian in E5 is 95, but 90 / 100 gives 90. The old value is kept in the cell "
               "comment.");
    const Finding* kat = find(findings, Rule::kategori_beda, 4, 5);
    BOOST_TEST_REQUIRE(kat != nullptr);
    BOOST_TEST(kat->message.en.find("is X, but a capaian of 90 is " + band->kode) !=
               std::string::npos);
    const Finding* general = find(findings, Rule::indikator_umum, 5, 1);
    BOOST_TEST_REQUIRE(general != nullptr);
    BOOST_TEST((general->severity == Severity::warning));
    BOOST_TEST(general->message.en.find("general rule: realisasi / target × 100") !=
               std::string::npos);
    const Finding* unknown = find(findings, Rule::indikator_tidak_dikenal, 6, 1);
    BOOST_TEST_REQUIRE(unknown != nullptr);
    BOOST_TEST((unknown->severity == Severity::error));
}

BOOST_AUTO_TEST_CASE(figures_that_differ_across_tables_are_judged_by_validation) {
    // The same indicator and year on two sheets with different targets: the fill only records
    // each table's figures; validation finds the difference.
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb;
    for (const char* name : {"PK", "Capaian"}) {
        Sheet s;
        s.name = name;
        put_text(s, 0, 0, "CAPAIAN KINERJA TAHUN 2024");
        const char* headers[] = {"No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"};
        for (std::uint32_t c = 0; c < 5; ++c) put_text(s, 3, c, headers[c]);
        put_number(s, 4, 0, 1);
        put_text(s, 4, 1, makanan);
        put_number(s, 4, 2, std::string(name) == "PK" ? 100 : 98);
        put_number(s, 4, 3, 90);
        wb.sheets.push_back(s);
    }
    std::vector<Table> tables = find_tables(wb);
    BOOST_TEST_REQUIRE(tables.size() == 2u);
    Evaluator evaluator(*engine.compiled);
    FillReport fill = fill_tables(wb, tables, evaluator, *engine.matcher);
    BOOST_TEST_REQUIRE(fill.outcomes.size() == 2u);
    BOOST_TEST(fill.outcomes[0].target == 100);
    BOOST_TEST(fill.outcomes[1].target == 98);

    std::vector<Finding> findings = validate(wb, tables, fill);
    const Finding* beda = find(findings, Rule::antar_tabel_beda, 4, 2);
    BOOST_TEST_REQUIRE(beda != nullptr);
    BOOST_TEST(beda->sheet == "Capaian");
    BOOST_TEST(beda->message.en.find("differs from 'PK'!C5 (100)") != std::string::npos);
}
