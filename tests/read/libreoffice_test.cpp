// Files written by LibreOffice Calc (handmade/libreoffice_*.xlsx, made by
// tests/fixtures/make_handmade.py with soffice from our own hand-made files).
#include "read_test_util.hpp"

using namespace kinerja;
using namespace kinerja::test;

BOOST_AUTO_TEST_SUITE(read_libreoffice)

BOOST_AUTO_TEST_CASE(cells_survive_a_libreoffice_save) {
    Workbook wb = read_workbook(handmade("libreoffice_cells.xlsx"));
    const Sheet& s = sheet_named(wb, "Data");
    BOOST_TEST(cell_at(s, "C3").formula == "A3+$B$1");
    BOOST_TEST(cell_at(s, "C3").value.number == 1502.5);
    BOOST_TEST(cell_at(s, "D2").value.text == "Realisasi TW I");
    BOOST_REQUIRE(cell_at(s, "D2").rich);
    BOOST_TEST(cell_at(s, "D4").value.text == "Baris\ndua");  // LibreOffice drops the \r
    BOOST_TEST(s.array_ref(2, 5) == "F3:F4");
    BOOST_TEST(cell_at(s, "XFD1048576").value.number == 42);
    BOOST_TEST(cell_at(s, "A5").value.number == 45296.5);
}

BOOST_AUTO_TEST_CASE(layout_survives_a_libreoffice_save) {
    // LibreOffice leaves out the apply* attributes, spells flags "true"/"false", gives
    // every row a height and every column a style, and writes empty drawings. (Its
    // headless conversion loses the frozen pane, zoom and tab colour of the input.)
    Workbook wb = read_workbook(handmade("libreoffice_layout.xlsx"));
    BOOST_REQUIRE(wb.sheets.size() == 3u);
    BOOST_TEST(wb.active_sheet == 1u);
    const Sheet& s = sheet_named(wb, "Rekap");
    BOOST_TEST(s.merges.size() == 2u);
    BOOST_TEST(wb.styles.at(cell_at(s, "A5").style).num_format == "0.00%");
    BOOST_TEST(s.validations.size() == 3u);
    BOOST_TEST(s.conditional_formats.size() >= 9u);
    BOOST_TEST(s.page.paper == 9);
    BOOST_TEST(s.page.orientation == "landscape");
    BOOST_TEST(s.page.fit_to_page);
    BOOST_TEST(*s.rows.at(0).height == 30);
    BOOST_TEST(!s.rows.count(1));  // ht="15" customHeight="false" is the default height
    BOOST_TEST(*s.rows.at(2).height == 45);
    BOOST_TEST(s.rows.at(3).hidden);
    BOOST_TEST(s.rows.at(3).outline_level == 2);
    BOOST_REQUIRE(s.columns.size() == 5u);
    BOOST_TEST(s.columns[2].hidden);
    BOOST_TEST(*s.columns[1].width == 30);
    BOOST_TEST(s.columns[4].last == max_cols - 1);
    BOOST_TEST((wb.sheets[0].visibility == Sheet::Visibility::hidden));
    BOOST_TEST(wb.date1904);
    BOOST_REQUIRE(!s.hyperlinks.empty());
    BOOST_TEST(s.hyperlinks[0].url == "https://sakip.kemenkumham.go.id/");
    BOOST_TEST(wb.names.size() == 4u);
    BOOST_TEST(s.images.empty());
}

BOOST_AUTO_TEST_SUITE_END()
