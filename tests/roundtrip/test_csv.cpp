// The CSV side of the viewer check: parsing, and which cells it holds to account.
#include <boost/test/unit_test.hpp>

#include "roundtrip/csv.hpp"

using namespace kinerja;
using namespace kinerja::test;

namespace {

Cell cell(std::uint32_t row, std::uint32_t col, CellValue value, std::uint32_t style = 0) {
    Cell c;
    c.row = row;
    c.col = col;
    c.value = std::move(value);
    c.style = style;
    return c;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(csv)

BOOST_AUTO_TEST_CASE(parses_quotes_and_newlines_inside_fields) {
    auto table = parse_csv("1,\"a \"\"b\"\"\nc\",\n,x\n");
    BOOST_REQUIRE_EQUAL(table.size(), 2u);
    BOOST_REQUIRE_EQUAL(table[0].size(), 3u);
    BOOST_TEST(table[0][1] == "a \"b\"\nc");
    BOOST_TEST(table[0][2] == "");
    BOOST_TEST(table[1][1] == "x");
}

BOOST_AUTO_TEST_CASE(compares_unambiguous_cells_only) {
    Workbook wb;
    Style percent;
    percent.num_format = "0%";
    std::uint32_t pct = wb.intern_style(percent);
    Sheet sheet;
    sheet.name = "Data";
    sheet.put(cell(0, 0, {CellValue::Kind::number, 0.23333333333333334, ""}));
    sheet.put(cell(0, 1, {CellValue::Kind::text, 0, "Lapas"}));
    sheet.put(cell(0, 2, {CellValue::Kind::number, 0.06, ""}, pct));
    sheet.put(cell(0, 3, {CellValue::Kind::boolean, 1, ""}));
    sheet.put(cell(0, 4, {CellValue::Kind::error, 0, "#N/A"}));
    auto table = parse_csv("0.233333333333333,Lapas,6%,TRUE,#N/A\n");
    std::size_t compared = 0;
    BOOST_TEST(compare_csv(wb, sheet, table, Viewer::libreoffice, compared).empty());
    BOOST_TEST(compared == 4u);  // not the percentage

    table = parse_csv("0.2334,Lapas,6%,FALSE,#N/A,extra\n");
    auto problems = compare_csv(wb, sheet, table, Viewer::libreoffice, compared);
    BOOST_REQUIRE_EQUAL(problems.size(), 3u);
    BOOST_TEST(problems[0].find("Data!A1") == 0u);
    BOOST_TEST(problems[1].find("Data!D1") == 0u);
    BOOST_TEST(problems[2] == "Data!F1: shows \"extra\" where the model has no value");
}

BOOST_AUTO_TEST_SUITE_END()
