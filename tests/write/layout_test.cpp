// Column widths, row heights, sheet views, visibility and the active sheet.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdio>

#include "write/written.hpp"

using namespace kinerja;
using namespace kinerja::test;

namespace {

// The width Excel stores for a column of `px` pixels (Calibri 11: 7-pixel digits).
double stored_width(int px) {
    return std::floor(px / 7.0 * 256) / 256;
}

std::string width_attr(double width) {
    char text[64];
    std::snprintf(text, sizeof text, "width=\"%.16g\"", width);
    return text;
}

ColumnInfo column(std::uint32_t first, std::uint32_t last, std::optional<double> width) {
    ColumnInfo c;
    c.first = first;
    c.last = last;
    c.width = width;
    return c;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(write_layout)

BOOST_AUTO_TEST_CASE(column_widths_are_written_as_stored) {
    Workbook wb = one_sheet();
    Sheet& s = wb.sheets[0];
    const int pixels[] = {6, 11, 12, 30, 64, 101, 250, 700};
    for (std::uint32_t i = 0; i < std::size(pixels); ++i)
        s.columns.push_back(column(i, i, stored_width(pixels[i])));
    s.columns.push_back(column(10, 12, 0.0));
    s.columns.push_back(column(13, 13, 14.72));  // LibreOffice: not a whole number of pixels
    Written out(wb);
    std::string xml = out.sheet();
    for (std::uint32_t i = 0; i < std::size(pixels); ++i) {
        std::string col = "<col min=\"" + std::to_string(i + 1) + "\" max=\"" +
                          std::to_string(i + 1) + "\" " + width_attr(stored_width(pixels[i]));
        KINERJA_CHECK_HAS(xml, col);
    }
    KINERJA_CHECK_HAS(xml, "<col min=\"11\" max=\"13\" width=\"0\"");
    KINERJA_CHECK_HAS(xml, "<col min=\"14\" max=\"14\" width=\"14.72\"");
}

BOOST_AUTO_TEST_CASE(column_options_and_styles) {
    Workbook wb = one_sheet();
    Style bold;
    bold.font.bold = true;
    Sheet& s = wb.sheets[0];
    ColumnInfo hidden = column(1, 1, stored_width(100));
    hidden.hidden = true;
    hidden.outline_level = 1;
    s.columns.push_back(hidden);
    ColumnInfo styled = column(2, 3, std::nullopt);
    styled.style = wb.intern_style(bold);
    s.columns.push_back(styled);
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml, "<col min=\"2\" max=\"2\" " + width_attr(stored_width(100)) +
                               " hidden=\"1\" customWidth=\"1\" outlineLevel=\"1\"/>");
    KINERJA_CHECK_HAS(xml, "<col min=\"3\" max=\"4\" width=\"9.140625\" style=\"1\"/>");
}

BOOST_AUTO_TEST_CASE(sheet_default_column_width) {
    Workbook wb = one_sheet();
    Sheet& s = wb.sheets[0];
    s.default_col_width = stored_width(89);
    s.columns.push_back(column(2, 2, stored_width(40)));
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml,
                      "<sheetFormatPr defaultColWidth=\"12.7109375\" defaultRowHeight=\"15\"/>");
    KINERJA_CHECK_HAS(xml, "<cols><col min=\"3\" max=\"3\" " + width_attr(stored_width(40)) +
                               " customWidth=\"1\"/></cols>");
    Workbook base = one_sheet();
    base.sheets[0].base_col_width = 10;
    KINERJA_CHECK_HAS(Written(base).sheet(), "<sheetFormatPr baseColWidth=\"10\" ");
}

BOOST_AUTO_TEST_CASE(row_heights_and_options) {
    Workbook wb = one_sheet();
    Sheet& s = wb.sheets[0];
    s.default_row_height = 12.75;
    RowInfo tall, fifteen, hidden, grouped;
    tall.height = 30;
    fifteen.height = 15;
    hidden.hidden = true;
    grouped.outline_level = 2;
    grouped.collapsed = true;
    s.rows[0] = tall;
    s.rows[1] = fifteen;
    s.rows[2] = hidden;
    s.rows[3] = grouped;
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml, "<sheetFormatPr defaultRowHeight=\"12.75\" customHeight=\"1\"");
    KINERJA_CHECK_HAS(xml, "<row r=\"1\" spans=\"1:1\" ht=\"30\" customHeight=\"1\"/>");
    // 15 is libxlsxwriter's default height, which it would otherwise leave out.
    KINERJA_CHECK_HAS(xml, "<row r=\"2\" spans=\"1:1\" ht=\"15\" customHeight=\"1\"/>");
    KINERJA_CHECK_HAS(xml,
                      "<row r=\"3\" spans=\"1:1\" ht=\"12.75\" hidden=\"1\" customHeight=\"1\"/>");
    KINERJA_CHECK_HAS(
        xml,
        "<row r=\"4\" spans=\"1:1\" ht=\"12.75\" customHeight=\"1\" outlineLevel=\"2\" "
        "collapsed=\"1\"/>");
}

BOOST_AUTO_TEST_CASE(sheet_view_settings) {
    Workbook wb = one_sheet();
    Sheet& s = wb.sheets[0];
    s.view.frozen_rows = 2;
    s.view.frozen_cols = 1;
    s.view.zoom = 85;
    s.view.show_gridlines = false;
    s.view.right_to_left = true;
    s.tab_color = 0xC00000;
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml, "<sheetPr><tabColor rgb=\"FFC00000\"/></sheetPr>");
    KINERJA_CHECK_HAS(xml, "showGridLines=\"0\"");
    KINERJA_CHECK_HAS(xml, "rightToLeft=\"1\"");
    KINERJA_CHECK_HAS(xml, "zoomScale=\"85\"");
    KINERJA_CHECK_HAS(xml,
                      "<pane xSplit=\"1\" ySplit=\"2\" topLeftCell=\"B3\" "
                      "activePane=\"bottomRight\" state=\"frozen\"/>");
}

BOOST_AUTO_TEST_CASE(printed_gridlines_without_screen_gridlines) {
    Workbook wb = one_sheet();
    wb.sheets[0].view.show_gridlines = false;
    wb.sheets[0].page.print_gridlines = true;
    Written out(wb);
    KINERJA_CHECK_HAS(out.sheet(), "showGridLines=\"0\"");
    KINERJA_CHECK_HAS(out.sheet(), "<printOptions gridLines=\"1\"/>");
}

BOOST_AUTO_TEST_CASE(hidden_sheets_and_the_active_sheet) {
    Workbook wb;
    for (const char* name : {"Petunjuk", "Data", "Rahasia", "Rekap"}) {
        wb.sheets.emplace_back();
        wb.sheets.back().name = name;
    }
    wb.sheets[1].visibility = Sheet::Visibility::hidden;
    wb.sheets[2].visibility = Sheet::Visibility::very_hidden;
    wb.active_sheet = 3;
    Written out(wb);
    std::string xml = out.part("xl/workbook.xml");
    KINERJA_CHECK_HAS(xml,
                      "<workbookView xWindow=\"240\" yWindow=\"15\" windowWidth=\"16095\" "
                      "windowHeight=\"9660\" activeTab=\"3\"/>");
    KINERJA_CHECK_HAS(xml, "<sheet name=\"Data\" sheetId=\"2\" state=\"hidden\"");
    KINERJA_CHECK_HAS(xml, "<sheet name=\"Rahasia\" sheetId=\"3\" state=\"veryHidden\"");
    KINERJA_CHECK_HAS(out.sheet(4), "tabSelected=\"1\"");
    KINERJA_CHECK_LACKS(out.sheet(1), "tabSelected=\"1\"");
    BOOST_TEST(out.report().dropped.empty());
}

BOOST_AUTO_TEST_CASE(a_hidden_active_sheet_gives_way_to_the_first_visible_one) {
    Workbook wb;
    for (const char* name : {"A", "B", "C"}) {
        wb.sheets.emplace_back();
        wb.sheets.back().name = name;
    }
    wb.sheets[0].visibility = Sheet::Visibility::hidden;
    wb.sheets[1].visibility = Sheet::Visibility::hidden;
    wb.active_sheet = 1;
    Written out(wb);
    std::string xml = out.part("xl/workbook.xml");
    KINERJA_CHECK_HAS(xml, "activeTab=\"2\"");
    KINERJA_CHECK_HAS(xml, "<sheet name=\"A\" sheetId=\"1\" state=\"hidden\"");
    KINERJA_CHECK_HAS(xml, "<sheet name=\"B\" sheetId=\"2\" state=\"hidden\"");
    BOOST_TEST(out.reported("hidden active sheet"));
}

BOOST_AUTO_TEST_SUITE_END()
