// The <dimension> of a sheet sizes the cell storage in advance; a wrong one changes
// neither what is read nor, beyond what the part can hold, what is allocated.
#include "package_util.hpp"
#include "read_test_util.hpp"

using namespace kinerja;
using namespace kinerja::test;

namespace {

Workbook read_with_dimension(const std::string& dimension, const std::string& cells) {
    auto parts = one_sheet_package(cells, "", "");
    std::string& sheet = parts["xl/worksheets/sheet1.xml"];
    sheet.insert(sheet.find("<sheetData>"), "<dimension ref=\"" + dimension + "\"/>");
    ScratchDir dir;
    write_package(dir / "dimension.xlsx", parts);
    return read_workbook(dir / "dimension.xlsx");
}

const std::string four_cells = R"(<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>)"
                               R"(<row r="2"><c r="A2"><v>3</v></c><c r="B2"><v>4</v></c></row>)";

}  // namespace

BOOST_AUTO_TEST_SUITE(read_dimension)

BOOST_AUTO_TEST_CASE(exact_dimension_reserves_exactly) {
    // Three cells: a vector grown one cell at a time would hold room for four.
    Workbook wb = read_with_dimension(
        "A1:C1",
        R"(<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>)");
    const Sheet& sheet = sheet_named(wb, "Lembar");
    BOOST_TEST(sheet.cells.size() == 3u);
    BOOST_TEST(sheet.cells.capacity() == 3u);
    BOOST_TEST(cell_at(sheet, "C1").value.number == 3);
}

BOOST_AUTO_TEST_CASE(whole_sheet_dimension_is_bounded_by_the_part_size) {
    // 17 billion cells claimed, four present: the reservation follows the part's size.
    Workbook wb = read_with_dimension("A1:XFD1048576", four_cells);
    const Sheet& sheet = sheet_named(wb, "Lembar");
    BOOST_TEST(sheet.cells.size() == 4u);
    BOOST_TEST(sheet.cells.capacity() < 64u);
    BOOST_TEST(cell_at(sheet, "A2").value.number == 3);
}

BOOST_AUTO_TEST_CASE(too_small_or_bad_dimension_still_reads_every_cell) {
    for (const char* dimension : {"A1", "A1:A1", "not a range", ""}) {
        Workbook wb = read_with_dimension(dimension, four_cells);
        const Sheet& sheet = sheet_named(wb, "Lembar");
        BOOST_TEST(sheet.cells.size() == 4u, dimension);
        BOOST_TEST(cell_at(sheet, "B1").value.number == 2, dimension);
    }
}

BOOST_AUTO_TEST_SUITE_END()
