// ReadLimits: every cap is enforced with a message, and a huge sparse sheet costs nothing.
#include <chrono>

#include "package_util.hpp"
#include "read_test_util.hpp"

using namespace kinerja;
using namespace kinerja::test;

namespace {

InputError expect_limit(const std::string& fixture, const ReadLimits& limits,
                        const std::string& reason_en) {
    auto error = read_error(handmade(fixture), limits);
    BOOST_REQUIRE_MESSAGE(error, fixture << " was read despite the limit");
    BOOST_TEST(contains(error->reason().en, reason_en), error->reason().en);
    return *error;
}

std::string big_sheet(int rows, int cols) {
    std::string xml =
        R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
    for (int r = 1; r <= rows; ++r) {
        xml += "<row r=\"" + std::to_string(r) + "\">";
        for (int c = 0; c < cols; ++c) {
            std::string ref = column_name(static_cast<std::uint32_t>(c)) + std::to_string(r);
            if (c % 3 == 2)
                xml += "<c r=\"" + ref + "\"><f>A" + std::to_string(r) + "*2</f><v>" +
                       std::to_string(r * 2) + "</v></c>";
            else
                xml += "<c r=\"" + ref + "\"><v>" + std::to_string(r * 0.5 + c) + "</v></c>";
        }
        xml += "</row>";
    }
    return xml + "</sheetData></worksheet>";
}

const char* workbook_xml =
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
    R"(<sheets><sheet name="Besar" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const char* workbook_rels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" )"
    R"(Target="worksheets/sheet1.xml"/></Relationships>)";

}  // namespace

BOOST_AUTO_TEST_SUITE(read_limits)

BOOST_AUTO_TEST_CASE(file_size) {
    ReadLimits limits;
    limits.max_file_bytes = 1000;
    expect_limit("cells.xlsx", limits, "file is too large");
}

BOOST_AUTO_TEST_CASE(total_inflated_size) {
    ReadLimits limits;
    limits.max_total_bytes = 4096;
    expect_limit("cells.xlsx", limits, "contents are too large once inflated");
}

BOOST_AUTO_TEST_CASE(tree_part_size) {
    ReadLimits limits;
    limits.max_tree_part_bytes = 200;
    auto e = expect_limit("cells.xlsx", limits, "too large once inflated");
    BOOST_TEST(e.part() == "_rels/.rels");  // the first part read as a tree
}

BOOST_AUTO_TEST_CASE(part_count) {
    ReadLimits limits;
    limits.max_parts = 5;
    expect_limit("cells.xlsx", limits, "too many parts");
}

BOOST_AUTO_TEST_CASE(cell_count_names_the_cell) {
    ReadLimits limits;
    limits.max_cells = 10;
    auto e = expect_limit("cells.xlsx", limits, "Too many cells");
    BOOST_TEST(contains(e.part(), "(Data, K1)"), e.part());
}

BOOST_AUTO_TEST_CASE(text_copied_into_cells) {
    ReadLimits limits;
    limits.max_cell_text_bytes = 20;
    auto e = expect_limit("cells.xlsx", limits, "text and formulas in cells are too large");
    BOOST_TEST(contains(e.part(), "(Data, K1)"), e.part());  // IF(A1>0,"A1",Sheet2!B1): 23 bytes
}

BOOST_AUTO_TEST_CASE(shared_string_count) {
    ReadLimits limits;
    limits.max_shared_strings = 3;
    auto e = expect_limit("cells.xlsx", limits, "Too many shared strings");
    BOOST_TEST(e.part() == "xl/sharedStrings.xml");
}

BOOST_AUTO_TEST_CASE(style_count) {
    ReadLimits limits;
    limits.max_styles = 3;
    expect_limit("styles.xlsx", limits, "Too many cell formats");
}

BOOST_AUTO_TEST_CASE(sheet_count) {
    ReadLimits limits;
    limits.max_sheets = 2;
    expect_limit("layout.xlsx", limits, "Too many sheets");
}

BOOST_AUTO_TEST_CASE(last_cell_of_the_sheet_is_sparse) {
    Workbook wb = read_workbook(handmade("cells.xlsx"));
    const Sheet& data = sheet_named(wb, "Data");
    BOOST_TEST(data.cells.size() == 35u);  // no grid up to XFD1048576
    const Cell& last = data.cells.back();
    BOOST_TEST(last.row == max_rows - 1);
    BOOST_TEST(last.col == max_cols - 1);
    BOOST_TEST(last.value.number == 42);
}

BOOST_AUTO_TEST_CASE(hundred_thousand_cells) {
    ScratchDir dir;
    auto file = dir / "besar.xlsx";
    write_package(file, {{"xl/workbook.xml", workbook_xml},
                         {"xl/_rels/workbook.xml.rels", workbook_rels},
                         {"xl/worksheets/sheet1.xml", big_sheet(10000, 10)}});
    auto start = std::chrono::steady_clock::now();
    Workbook wb = read_workbook(file);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    BOOST_TEST_MESSAGE("read 100,000 cells in " << ms << " ms");
    const Sheet& sheet = wb.sheets.at(0);
    BOOST_TEST(sheet.cells.size() == 100000u);
    BOOST_TEST(cell_at(sheet, "C10000").formula == "A10000*2");
    BOOST_TEST(cell_at(sheet, "J9999").value.number == 9999 * 0.5 + 9);
    BOOST_TEST(ms < 20000);  // generous: Debug and sanitizer builds run this too
}

BOOST_AUTO_TEST_SUITE_END()
