// What real producers write that a strict reader would refuse.
#include "read/text.hpp"
#include "read_test_util.hpp"

using namespace kinerja;
using namespace kinerja::test;

BOOST_AUTO_TEST_SUITE(read_tolerance)

BOOST_AUTO_TEST_CASE(positions_without_r_attributes) {
    Workbook wb = read_workbook(handmade("no_refs.xlsx"));
    const Sheet& s = sheet_named(wb, "Tanpa Ref");
    BOOST_TEST(cell_at(s, "A1").value.number == 1);
    BOOST_TEST(cell_at(s, "B1").value.number == 2);
    BOOST_TEST(cell_at(s, "C1").value.text == "tiga");
    BOOST_TEST(cell_at(s, "A2").value.number == 4);
    BOOST_TEST(cell_at(s, "D2").value.number == 5);
    BOOST_TEST(cell_at(s, "E2").value.number == 6);  // counts on from an explicit r
    BOOST_TEST(cell_at(s, "A5").value.number == 7);
    BOOST_TEST(cell_at(s, "A6").value.number == 8);  // counts on from an explicit row r
    BOOST_TEST(cell_at(s, "B4").value.number == 9);  // a row out of order is sorted in
    BOOST_TEST(s.cells.size() == 9u);
    BOOST_TEST(s.cells[6].row == 3u);
}

BOOST_AUTO_TEST_CASE(absolute_relationship_targets) {
    Workbook wb = read_workbook(handmade("absolute_targets.xlsx"));
    const Sheet& s = sheet_named(wb, "Mutlak");
    BOOST_TEST(cell_at(s, "A1").value.text == "mutlak");
    BOOST_REQUIRE(s.comments.size() == 1u);
    BOOST_TEST(s.comments[0].text == "catatan");
}

BOOST_AUTO_TEST_CASE(namespace_prefixes) {
    Workbook wb = read_workbook(handmade("prefixed.xlsx"));
    const Sheet& s = sheet_named(wb, "Awalan");
    BOOST_TEST(cell_at(s, "A1").value.text == "awalan");
    BOOST_TEST(cell_at(s, "A1").rich);
    BOOST_TEST(wb.styles.at(cell_at(s, "B1").style).num_format == "0.00%");
    BOOST_TEST(cell_at(s, "C1").formula == "B1*2");
    BOOST_TEST(s.merges.size() == 1u);
}

BOOST_AUTO_TEST_CASE(strict_namespaces) {
    Workbook wb = read_workbook(handmade("strict.xlsx"));
    const Sheet& s = sheet_named(wb, "Ketat");
    BOOST_TEST(cell_at(s, "A1").value.text == "ketat");
    BOOST_TEST(wb.styles.at(cell_at(s, "B1").style).num_format == "0.00%");
    BOOST_TEST(cell_at(s, "C1").value.number == 45352);  // 2024-03-01
    BOOST_REQUIRE(s.hyperlinks.size() == 1u);
    BOOST_TEST(s.hyperlinks[0].url == "https://example.org/");
    BOOST_TEST(wb.properties.company == "Kementerian Hukum dan HAM");
}

BOOST_AUTO_TEST_CASE(missing_optional_parts_use_defaults) {
    Workbook wb = read_workbook(handmade("minimal.xlsx"));
    const Sheet& s = sheet_named(wb, "Minimal");
    BOOST_TEST(cell_at(s, "A1").value.text == "Indikator");
    BOOST_TEST(cell_at(s, "B1").value.number == 85);
    BOOST_TEST(cell_at(s, "B1").style == 0u);
    BOOST_TEST(wb.styles.size() == 1u);
    BOOST_TEST((wb.styles[0] == Style{}));
    BOOST_TEST((wb.properties == DocProperties{}));
    BOOST_TEST(wb.dropped.empty());
}

BOOST_AUTO_TEST_CASE(part_names_in_another_case) {
    Workbook wb = read_workbook(handmade("case_variant.xlsx"));
    BOOST_TEST(cell_at(sheet_named(wb, "Huruf"), "A1").value.text == "besar kecil");
}

BOOST_AUTO_TEST_CASE(escapes_numbers_and_dates) {
    using namespace kinerja::read_detail;
    std::string text = "a_x000D__x000A_b_x005F_x0041_c_xD83D__xDE00_d_x12_e";
    decode_escapes(text);
    BOOST_TEST(text ==
               "a\r\nb_x0041_c\xF0\x9F\x98\x80"
               "d_x12_e");
    BOOST_TEST(*parse_number("1.5E+3") == 1500);
    BOOST_TEST(*parse_number(" 42 ") == 42);
    BOOST_TEST(*parse_number("+7") == 7);
    BOOST_TEST(!parse_number("1,5"));
    BOOST_TEST(!parse_number("inf"));
    BOOST_TEST(!parse_number(""));
    BOOST_TEST(*parse_iso_datetime("1900-01-01", false) == 1);
    BOOST_TEST(*parse_iso_datetime("1900-03-01", false) == 61);
    BOOST_TEST(*parse_iso_datetime("2024-01-05T06:00:00Z", false) == 45296.25);
    BOOST_TEST(*parse_iso_datetime("1904-01-02", true) == 1);
    BOOST_TEST(*parse_iso_datetime("12:00:00", false) == 0.5);
    BOOST_TEST(!parse_iso_datetime("2024-13-01", false));
}

BOOST_AUTO_TEST_SUITE_END()
