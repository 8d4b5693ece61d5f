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

// A one-sheet package whose sheet is `sheet_xml`, in a scratch folder kept by `dir`.
std::filesystem::path one_sheet_file(const ScratchDir& dir, const std::string& sheet_xml) {
    auto file = dir / "lembar.xlsx";
    write_package(file, {{"xl/workbook.xml", workbook_xml},
                         {"xl/_rels/workbook.xml.rels", workbook_rels},
                         {"xl/worksheets/sheet1.xml", sheet_xml}});
    return file;
}

std::string sheet_with(const std::string& inside) {
    return R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" +
           inside + "</worksheet>";
}

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

// Issue 15: cells_45m_within_limits (38 million cells, inside every count) ended in
// std::bad_alloc. The cells' memory is now checked before the vector grows; the same
// check, with a budget of 1 MiB, refuses 20,000 cells here with the numbers.
BOOST_AUTO_TEST_CASE(cell_memory_is_checked_before_it_is_taken) {
    ScratchDir dir;
    auto file = one_sheet_file(dir, big_sheet(2000, 10));
    ReadLimits limits;
    limits.max_cell_memory_bytes = 1 << 20;
    auto error = read_error(file, limits);
    BOOST_REQUIRE(error);
    const std::string& en = error->reason().en;
    BOOST_TEST(contains(en, "do not fit in memory"), en);
    BOOST_TEST(contains(en, " cells so far × " + std::to_string(sizeof(Cell)) + " bytes"), en);
    BOOST_TEST(contains(en, "limit of 1 MiB"), en);
    BOOST_TEST(contains(error->part(), "xl/worksheets/sheet1.xml (Besar, "), error->part());
    // The refusal comes before the budget is spent: no more cells than fit were read.
    auto cells_so_far = std::stoull(en.substr(en.find(": ") + 2));
    BOOST_TEST(cells_so_far * sizeof(Cell) <= (1u << 20));
    // A larger budget reads the same file.
    limits.max_cell_memory_bytes = 64 << 20;
    BOOST_TEST(!read_error(file, limits));
}

// The dimension may claim the whole grid: the room reserved for it stays within the budget.
BOOST_AUTO_TEST_CASE(dimension_claim_is_bounded_by_the_cell_memory) {
    ScratchDir dir;
    std::string sheet = big_sheet(100, 3);
    sheet.insert(sheet.find("<sheetData>"), R"(<dimension ref="A1:XFD1048576"/>)");
    auto file = one_sheet_file(dir, sheet);
    ReadLimits limits;
    limits.max_cell_memory_bytes = 1 << 20;
    Workbook wb = read_workbook(file, limits);
    BOOST_TEST(wb.sheets.at(0).cells.size() == 300u);
    BOOST_TEST(wb.sheets.at(0).cells.capacity() * sizeof(Cell) <= (1u << 20));
}

// repeated_cell_200mb: <c r="A1"> nine million times took 1.2 GB before it failed.
BOOST_AUTO_TEST_CASE(a_repeated_cell_reference_takes_no_more_memory) {
    std::string cells;
    for (int i = 0; i < 200000; ++i) cells += "<c r=\"A1\"><v>" + std::to_string(i) + "</v></c>";
    ScratchDir dir;
    auto file = one_sheet_file(dir, sheet_with("<sheetData><row r=\"1\">" + cells +
                                               "<c r=\"B1\"><v>7</v></c></row></sheetData>"));
    ReadLimits limits;
    limits.max_cell_memory_bytes = 64 << 10;  // room for a few hundred cells
    Workbook wb = read_workbook(file, limits);
    const Sheet& sheet = wb.sheets.at(0);
    BOOST_TEST(sheet.cells.size() == 2u);
    BOOST_TEST(cell_at(sheet, "A1").value.number == 199999);  // the last one counts
    BOOST_TEST(cell_at(sheet, "B1").value.number == 7);
}

// Duplicates that are not next to each other are merged when the sheet is sorted; the
// last written still counts.
BOOST_AUTO_TEST_CASE(scattered_duplicates_keep_the_last) {
    ScratchDir dir;
    auto file = one_sheet_file(
        dir, sheet_with(R"(<sheetData><row r="2"><c r="B2"><v>1</v></c><c r="A2"><v>2</v></c>)"
                        R"(<c r="B2"><v>3</v></c></row><row r="1"><c r="A1"><v>4</v></c></row>)"
                        R"(<row r="2"><c r="A2"><v>5</v></c></row></sheetData>)"));
    Workbook wb = read_workbook(file);
    const Sheet& sheet = wb.sheets.at(0);
    BOOST_REQUIRE(sheet.cells.size() == 3u);
    BOOST_TEST(cell_at(sheet, "A1").value.number == 4);
    BOOST_TEST(cell_at(sheet, "A2").value.number == 5);
    BOOST_TEST(cell_at(sheet, "B2").value.number == 3);
    BOOST_TEST(sheet.cells[1].col == 0u);  // sorted: A2 before B2
}

BOOST_AUTO_TEST_CASE(merge_count_per_sheet) {
    std::string merges;
    for (int r = 1; r <= 5; ++r)
        merges += "<mergeCell ref=\"A" + std::to_string(r) + ":B" + std::to_string(r) + "\"/>";
    ScratchDir dir;
    auto file =
        one_sheet_file(dir, sheet_with("<sheetData/><mergeCells>" + merges + "</mergeCells>"));
    ReadLimits limits;
    limits.max_merges = 4;
    auto error = read_error(file, limits);
    BOOST_REQUIRE(error);
    BOOST_TEST(contains(error->reason().en, "Too many merged ranges on this sheet (limit 4)"));
    BOOST_TEST(contains(error->part(), "(Besar, A5:B5)"), error->part());
    limits.max_merges = 5;
    BOOST_TEST(read_workbook(file, limits).sheets.at(0).merges.size() == 5u);
}

BOOST_AUTO_TEST_CASE(cells_under_merges) {
    ScratchDir dir;
    auto file =
        one_sheet_file(dir, sheet_with(R"(<sheetData/><mergeCells><mergeCell ref="A1:J10"/>)"
                                       R"(<mergeCell ref="A12:E13"/></mergeCells>)"));
    ReadLimits limits;
    limits.max_merged_cells = 109;
    auto error = read_error(file, limits);
    BOOST_REQUIRE(error);
    BOOST_TEST(contains(error->reason().en, "A12:E13 covers 10 cells"), error->reason().en);
    limits.max_merged_cells = 110;
    BOOST_TEST(!read_error(file, limits));
}

// A <conditionalFormatting> gives its ranges to each of its rules: 3 ranges x 2 rules,
// plus the list itself, plus a validation's 2 ranges.
BOOST_AUTO_TEST_CASE(ranges_of_validations_and_conditional_formats) {
    ScratchDir dir;
    auto file = one_sheet_file(
        dir,
        sheet_with(R"(<sheetData/><conditionalFormatting sqref="A1 B2 C3:C9">)"
                   R"(<cfRule type="expression" priority="1"><formula>A1&gt;0</formula></cfRule>)"
                   R"(<cfRule type="expression" priority="2"><formula>A1&lt;0</formula></cfRule>)"
                   R"(</conditionalFormatting><dataValidations count="1">)"
                   R"(<dataValidation type="whole" sqref="D1 D5:D9"><formula1>0</formula1>)"
                   R"(<formula2>9</formula2></dataValidation></dataValidations>)"));
    ReadLimits limits;
    limits.max_rule_ranges = 10;
    auto error = read_error(file, limits);
    BOOST_REQUIRE(error);
    BOOST_TEST(contains(error->reason().en, "too many ranges (limit 10)"), error->reason().en);
    BOOST_TEST(contains(error->part(), "(Besar, D5:D9)"), error->part());
    limits.max_rule_ranges = 11;
    Workbook wb = read_workbook(file, limits);
    BOOST_TEST(wb.sheets.at(0).conditional_formats.size() == 2u);
    BOOST_TEST(wb.sheets.at(0).validations.at(0).ranges.size() == 2u);
}

BOOST_AUTO_TEST_CASE(default_cell_memory_follows_the_machine) {
    std::uint64_t budget = ReadLimits::default_cell_memory_bytes();
    BOOST_TEST(budget > (64ull << 20));  // any machine that runs the tests
    BOOST_TEST(ReadLimits{}.max_cell_memory_bytes == budget);
}

BOOST_AUTO_TEST_SUITE_END()
