// The comparator itself: it must see real differences, and only those.
#include <boost/test/unit_test.hpp>

#include "roundtrip/compare.hpp"

using namespace kinerja;
using namespace kinerja::test;

namespace {

ColumnInfo columns(std::uint32_t first, std::uint32_t last, double width) {
    ColumnInfo info;
    info.first = first;
    info.last = last;
    info.width = width;
    return info;
}

Workbook one_sheet() {
    Workbook wb;
    wb.sheets.push_back(Sheet{});
    wb.sheets[0].name = "Data";
    return wb;
}

Cell number_cell(std::uint32_t row, std::uint32_t col, double value, std::uint32_t style = 0) {
    Cell c;
    c.row = row;
    c.col = col;
    c.style = style;
    c.value = {CellValue::Kind::number, value, ""};
    return c;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(comparator)

BOOST_AUTO_TEST_CASE(equal_models_have_no_differences) {
    Workbook a = one_sheet();
    a.sheets[0].put(number_cell(0, 0, 1));
    BOOST_TEST(compare_workbooks(a, a).empty());
}

BOOST_AUTO_TEST_CASE(styles_are_compared_by_value_not_index) {
    Workbook a = one_sheet(), b = one_sheet();
    Style bold;
    bold.font.bold = true;
    Style italic;
    italic.font.italic = true;
    a.sheets[0].put(number_cell(2, 1, 5, a.intern_style(bold)));
    b.intern_style(italic);
    b.sheets[0].put(number_cell(2, 1, 5, b.intern_style(bold)));
    BOOST_TEST(compare_workbooks(a, b).empty());

    b.sheets[0].find(2, 1)->style = 1;  // now italic, not bold
    auto diffs = compare_workbooks(a, b);
    BOOST_REQUIRE_EQUAL(diffs.size(), 2u);
    BOOST_TEST(diffs[0].describe() ==
               "sheet 'Data' B3 [cell] style.font.bold: expected true, got false");
    BOOST_TEST(diffs[1].field == "style.font.italic");
}

BOOST_AUTO_TEST_CASE(a_missing_cell_is_a_default_blank) {
    Workbook a = one_sheet(), b = one_sheet();
    Cell blank;
    blank.row = 4;
    a.sheets[0].put(blank);
    BOOST_TEST(compare_workbooks(a, b).empty());
    a.sheets[0].put(number_cell(4, 0, 7));
    auto diffs = compare_workbooks(a, b);
    BOOST_REQUIRE_EQUAL(diffs.size(), 1u);
    BOOST_TEST(diffs[0].describe() == "sheet 'Data' A5 [cell] value: expected number 7, got blank");
}

BOOST_AUTO_TEST_CASE(numbers_allow_only_the_last_digit_of_precision) {
    Workbook a = one_sheet(), b = one_sheet();
    a.sheets[0].put(number_cell(0, 0, 0.1 + 0.2));
    b.sheets[0].put(number_cell(0, 0, 0.3));
    BOOST_TEST(compare_workbooks(a, b).empty());
    b.sheets[0].put(number_cell(0, 0, 0.3000001));
    BOOST_TEST(compare_workbooks(a, b).size() == 1u);
}

BOOST_AUTO_TEST_CASE(column_widths_within_a_256th_and_spans_split_freely) {
    Workbook a = one_sheet(), b = one_sheet();
    a.sheets[0].columns.push_back(columns(0, 2, 10.0));
    b.sheets[0].columns.push_back(columns(0, 0, 10.003));
    b.sheets[0].columns.push_back(columns(1, 2, 10.0));
    BOOST_TEST(compare_workbooks(a, b).empty());
    b.sheets[0].columns[1].width = 10.01;
    auto diffs = compare_workbooks(a, b);
    BOOST_REQUIRE_EQUAL(diffs.size(), 1u);  // columns B and C, reported as one run
    BOOST_TEST(diffs[0].where == "columns B:C");
    BOOST_TEST(diffs[0].field == "width");
}

BOOST_AUTO_TEST_CASE(images_within_a_pixel) {
    Workbook a = one_sheet(), b = one_sheet();
    Image image;
    image.row = 1;
    image.col = 1;
    image.width = 96;
    image.height = 48;
    image.data = std::make_shared<const std::string>("png bytes");
    a.sheets[0].images.push_back(image);
    image.width = 96.9;
    b.sheets[0].images.push_back(image);
    BOOST_TEST(compare_workbooks(a, b).empty());
    b.sheets[0].images[0].height = 46;
    b.sheets[0].images[0].data = std::make_shared<const std::string>("PNG BYTES");
    auto diffs = compare_workbooks(a, b);
    BOOST_REQUIRE_EQUAL(diffs.size(), 2u);
    BOOST_TEST(diffs[0].field == "height");
    BOOST_TEST(diffs[1].field == "data");
}

BOOST_AUTO_TEST_CASE(validation_operators_compare_by_meaning) {
    Workbook a = one_sheet(), b = one_sheet();
    DataValidation list;
    list.ranges = {{1, 2, 10, 2}};
    list.type = "list";
    list.formula1 = "\"Belum,Proses,Selesai\"";
    a.sheets[0].validations.push_back(list);
    list.op = "between";  // LibreOffice writes an operator the list type ignores
    list.formula2 = "0";
    b.sheets[0].validations.push_back(list);
    BOOST_TEST(compare_workbooks(a, b).empty());
    b.sheets[0].validations[0].formula1 = "\"Belum,Selesai\"";
    auto diffs = compare_workbooks(a, b);
    BOOST_REQUIRE_EQUAL(diffs.size(), 1u);
    BOOST_TEST(diffs[0].where == "validation C2:C11");
}

BOOST_AUTO_TEST_CASE(a_dropped_part_excuses_exactly_what_it_names) {
    Workbook a = one_sheet(), b = one_sheet();
    for (std::uint32_t r = 0; r < 4; ++r) a.sheets[0].put(number_cell(r, 0, r + 1));
    auto diffs = compare_workbooks(a, b);
    BOOST_REQUIRE_EQUAL(diffs.size(), 4u);
    // Two cells reported (A1 and one more): two differences are left.
    auto left = unexcused(diffs, {{"Data!A1 (+1 more)", "error cell"}});
    BOOST_TEST(left.size() == 2u);
    // A report about another kind of thing, or another sheet, excuses nothing.
    BOOST_TEST(unexcused(diffs, {{"Data!A1", "conditional format"}}).size() == 4u);
    BOOST_TEST(unexcused(diffs, {{"Other!A1 (+3 more)", "rich text"}}).size() == 4u);
    // A report whose first place has no difference excuses nothing.
    BOOST_TEST(unexcused(diffs, {{"Data!Z9 (+3 more)", "rich text"}}).size() == 4u);
}

BOOST_AUTO_TEST_CASE(a_1904_conversion_excuses_the_flag_and_moved_dates_only) {
    Workbook a = one_sheet(), b = one_sheet();
    a.date1904 = true;
    a.sheets[0].put(number_cell(0, 0, 43831));
    a.sheets[0].put(number_cell(1, 0, 365.5));
    b.sheets[0].put(number_cell(0, 0, 43831 + 1462));
    b.sheets[0].put(number_cell(1, 0, 366));
    auto left = unexcused(compare_workbooks(a, b),
                          {{"xl/workbook.xml", "1904 date system converted to 1900"}});
    BOOST_REQUIRE_EQUAL(left.size(), 1u);
    BOOST_TEST(left[0].where == "A2");
}

BOOST_AUTO_TEST_SUITE_END()
