// The Renja evaluation (Permendagri 86/2017): the cells its column-number row's rules define
// are filled where empty, and its Rata-rata capaian kinerja and Predikat kinerja rows.
#include <boost/test/unit_test.hpp>
#include <cmath>

#include "pipeline/pipeline.hpp"
#include "read/read.hpp"
#include "support/support.hpp"

using namespace kinerja;

namespace {

// tests/cases/renja-rata-rata: two programs, row 19's columns 13-15 empty, program 2's average
// and predikat (rows 20-21) and those of all programs (rows 22-23) to fill.
struct Filled {
    Workbook wb;
    RunReport report;
    const Sheet* sheet = nullptr;
    Filled() : wb(read_workbook(test::test_dir() / "cases" / "renja-rata-rata" / "input.xlsx")) {
        Engine engine = Engine::load(default_formulas_dir());
        report = process(engine, wb, {});
        sheet = wb.sheet("Realisasi TW IV");
        BOOST_TEST_REQUIRE(sheet);
    }
    const Cell& at(const char* name) const {
        std::uint32_t row = 0, col = 0;
        BOOST_TEST_REQUIRE(parse_cell_name(name, row, col));
        const Cell* c = sheet->find(row, col);
        BOOST_TEST_REQUIRE(c, name);
        return *c;
    }
};

}  // namespace

BOOST_AUTO_TEST_CASE(the_table_is_a_renja_evaluating_the_tw_its_sheet_names) {
    Workbook wb = read_workbook(test::test_dir() / "cases" / "renja-rata-rata" / "input.xlsx");
    std::vector<Table> tables = find_tables(wb);
    BOOST_TEST_REQUIRE(tables.size() == 1u);
    BOOST_TEST(kind_name(tables[0].kind) == std::string("renja"));
    BOOST_TEST(tables[0].triwulan.value_or(0) == 4);
    BOOST_TEST(tables[0].triwulan_why.en.find("sheet") != std::string::npos);
    BOOST_TEST(tables[0].last_row == 22u);  // through the last Predikat kinerja row
    // The title names TW III in the older layout; its TW IV is empty anyway.
    Workbook old = read_workbook(test::test_dir() / "cases" / "tata-letak-renja" / "input.xlsx");
    std::vector<Table> old_tables = find_tables(old);
    BOOST_TEST_REQUIRE(old_tables.size() == 1u);
    BOOST_TEST(old_tables[0].triwulan.value_or(0) == 3);
}

BOOST_AUTO_TEST_CASE(empty_rule_cells_get_the_stated_rule_as_a_formula) {
    Filled f;
    // 13 = 9 + 10 + 11 + 12, K and Rp.
    BOOST_TEST(f.at("X19").formula == "L19+O19+R19+U19");
    BOOST_TEST(f.at("X19").value.number == 2.0);
    BOOST_TEST(f.at("Y19").formula == "N19+Q19+T19+W19");
    BOOST_TEST(f.at("Y19").value.number == 18000000.0);
    // 14 = 7 + 13 reads the 13 just filled.
    BOOST_TEST(f.at("Z19").formula == "H19+X19");
    BOOST_TEST(f.at("Z19").value.number == 4.0);
    // 15 = 14 / 6 x 100.
    BOOST_TEST(f.at("AB19").formula == "IFERROR(Z19/F19*100,\"-\")");
    BOOST_TEST(f.at("AB19").value.number == 80.0);
    BOOST_TEST(std::abs(f.at("AC19").value.number - 58.0) < 1e-9);  // 58000000 / 100000000 * 100
    // Typed cells are judged, never overwritten: X13 keeps its 0.
    BOOST_TEST(f.at("X13").value.number == 0.0);
    BOOST_TEST(f.at("X13").formula.empty());
}

BOOST_AUTO_TEST_CASE(averages_and_predikat_per_program_and_for_all) {
    Filled f;
    // Program 2: rows 18 (100) and 19 (80).
    BOOST_TEST(f.at("AB20").formula == "AVERAGE(AB18:AB19)");
    BOOST_TEST(f.at("AB20").value.number == 90.0);
    BOOST_TEST(f.at("AB21").value.text == "Tinggi");  // 90 is not above 90
    BOOST_TEST(f.at("AB21").formula.find("IF(ISNUMBER(AB20)") == 0u);
    // All programs: rows 12-14 and 18-19; the program rows 11 and 17 and the bidang row 10
    // (no indicator) are left out.
    BOOST_TEST(f.at("AB22").formula == "AVERAGE(AB12:AB14,AB18:AB19)");
    BOOST_TEST(std::abs(f.at("AB22").value.number - 89.5) < 1e-9);
    // Program 1's typed 80 is replaced by the three rows' average.
    BOOST_TEST(std::abs(f.at("AB15").value.number - (80 + 87.5 + 100) / 3) < 1e-9);
    BOOST_TEST(f.at("AB23").value.text == "Tinggi");
    std::size_t rata = 0, predikat = 0;
    for (const auto& finding : f.report.findings) {
        rata += finding.id() == "renja.rata_rata";
        predikat += finding.id() == "renja.predikat";
    }
    BOOST_TEST(rata == 1u);
    BOOST_TEST(predikat == 1u);
}
