// Broken and hostile files: each throws InputError naming the file, the part and a
// reason that says what to do, without crashing, hanging or allocating without bound.
#include <chrono>

#include "read_test_util.hpp"

using namespace kinerja;
using namespace kinerja::test;

namespace {

// Reads `name` from tests/fixtures/bad and checks where and why it failed.
InputError expect_error(const std::string& name, const std::string& part,
                        const std::string& reason_en, const ReadLimits& limits = {}) {
    auto error = read_error(bad_input(name), limits);
    BOOST_REQUIRE_MESSAGE(error, name << " was read without error");
    BOOST_TEST(error->file() == bad_input(name).string());
    BOOST_TEST(contains(error->part(), part), error->part() << " should name " << part);
    BOOST_TEST(contains(error->reason().en, reason_en), error->reason().en);
    BOOST_TEST(!error->reason().id.empty());
    BOOST_TEST(error->reason().id != error->reason().en);
    return *error;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(read_bad_input)

BOOST_AUTO_TEST_CASE(text_file_is_not_a_zip) {
    auto e = expect_error("not_a_zip.xlsx", "", "not an .xlsx file");
    BOOST_TEST(contains(e.reason().id, "simpan"));
    expect_error("empty.xlsx", "", "not a zip archive");
}

BOOST_AUTO_TEST_CASE(missing_file) {
    auto error = read_error(bad_input("does-not-exist.xlsx"));
    BOOST_REQUIRE(error);
    BOOST_TEST(contains(error->reason().en, "does not exist"));
}

BOOST_AUTO_TEST_CASE(truncated_zip) {
    expect_error("truncated.xlsx", "", "damaged or truncated");
}

BOOST_AUTO_TEST_CASE(legacy_xls_says_save_as_xlsx) {
    auto e = expect_error("legacy.xls", "", "legacy Excel file (.xls");
    BOOST_TEST(contains(e.reason().en, "save it as \"Excel Workbook (*.xlsx)\""));
}

BOOST_AUTO_TEST_CASE(encrypted_workbook_says_remove_password) {
    auto e = expect_error("encrypted.xlsx", "", "password-protected");
    BOOST_TEST(contains(e.reason().id, "kata sandi"));
}

BOOST_AUTO_TEST_CASE(part_declared_beyond_limit) {
    BOOST_TEST(!read_error(bad_input("big_part.xlsx")));  // fine under the default limits
    ReadLimits small;
    small.max_part_bytes = 64 << 10;
    expect_error("big_part.xlsx", "xl/worksheets/sheet1.xml", "too large once inflated", small);
}

BOOST_AUTO_TEST_CASE(part_inflating_beyond_declared_size) {
    expect_error("lying_size.xlsx", "xl/worksheets/sheet1.xml", "more than the size recorded");
}

BOOST_AUTO_TEST_CASE(zip_bomb_ratio) {
    auto e = expect_error("high_ratio.xlsx", "xl/worksheets/sheet1.xml", "zip bomb");
    BOOST_TEST(contains(e.reason().en, "compression ratio"));
}

BOOST_AUTO_TEST_CASE(billion_laughs_is_refused_quickly) {
    auto start = std::chrono::steady_clock::now();
    expect_error("billion_laughs.xlsx", "xl/worksheets/sheet1.xml", "DTD or entity declaration");
    auto elapsed = std::chrono::steady_clock::now() - start;
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() < 2000);
}

BOOST_AUTO_TEST_CASE(doctype_in_a_tree_part) {
    expect_error("dtd_workbook.xlsx", "xl/workbook.xml", "DTD or entity declaration");
}

BOOST_AUTO_TEST_CASE(malformed_xml_gives_line) {
    auto e =
        expect_error("malformed_xml.xlsx", "xl/worksheets/sheet1.xml", "Malformed XML (line 2");
    BOOST_TEST(contains(e.reason().id, "XML rusak"));
}

BOOST_AUTO_TEST_CASE(shared_string_index_out_of_range_names_the_cell) {
    auto e =
        expect_error("shared_string_out_of_range.xlsx", "xl/worksheets/sheet1.xml (Lembar1, B7)",
                     "Shared string index 5 is out of range");
    BOOST_TEST(contains(e.reason().en, "only 2 strings"));
}

BOOST_AUTO_TEST_CASE(style_index_out_of_range_names_the_cell) {
    expect_error("style_out_of_range.xlsx", "xl/worksheets/sheet1.xml (Lembar1, C3)",
                 "Style index 7 is out of range");
}

BOOST_AUTO_TEST_CASE(workbook_without_sheets) {
    expect_error("no_sheets.xlsx", "xl/workbook.xml", "no worksheets");
}

BOOST_AUTO_TEST_CASE(missing_workbook_part) {
    expect_error("missing_workbook.xlsx", "xl/workbook.xml", "is missing from the file");
}

BOOST_AUTO_TEST_CASE(listed_sheet_without_part) {
    auto e = expect_error("missing_sheet_part.xlsx", "xl/worksheets/sheet1.xml",
                          "\"Lembar1\" is listed");
    BOOST_TEST(contains(e.describe(Lang::id), "Lembar \"Lembar1\""));
}

// Issue 15: pugixml takes any byte, so a sheet name or a note in another encoding went
// into the output and made it malformed XML. Each part is now checked where it is read.
BOOST_AUTO_TEST_CASE(invalid_utf8_in_a_sheet_name_names_the_workbook_part) {
    auto e = expect_error("invalid_utf8_sheet_name.xlsx", "xl/workbook.xml", "not UTF-8");
    BOOST_TEST(contains(e.reason().en, "line 2: byte 0xFF"), e.reason().en);
    BOOST_TEST(contains(e.reason().id, "bukan UTF-8"));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_a_comment_names_the_comments_part) {
    auto e = expect_error("invalid_utf8_comment.xlsx", "xl/comments1.xml", "not UTF-8");
    BOOST_TEST(contains(e.reason().en, "byte 0xFF"), e.reason().en);
}

BOOST_AUTO_TEST_CASE(character_reference_xml_does_not_allow) {
    auto e = expect_error("xml_char_reference_comment.xlsx", "xl/comments1.xml",
                          "a character XML does not allow");
    BOOST_TEST(contains(e.reason().en, "U+0001"), e.reason().en);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_streamed_parts_is_refused_by_expat) {
    expect_error("invalid_utf8_inline_string.xlsx", "xl/worksheets/sheet1.xml", "Malformed XML");
    expect_error("invalid_utf8_shared_string.xlsx", "xl/sharedStrings.xml", "Malformed XML");
}

// One merge over A5:XFD1048576 made libxlsxwriter write 17 billion blanks (48 s a sheet).
BOOST_AUTO_TEST_CASE(merge_over_the_whole_grid_is_refused_quickly) {
    auto start = std::chrono::steady_clock::now();
    auto e =
        expect_error("merge_full_grid.xlsx", "xl/worksheets/sheet1.xml (Lembar1, A5:XFD1048576)",
                     "covers 17179803648 cells");
    BOOST_TEST(contains(e.reason().en, "limit of 10000000"));
    expect_error("merge_full_grid_10_sheets.xlsx", "(Lembar1, A5:XFD1048576)", "merged range");
    auto elapsed = std::chrono::steady_clock::now() - start;
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() < 2000);
}

BOOST_AUTO_TEST_SUITE_END()
