// Sheets and their layout from tests/fixtures/handmade/layout.xlsx.
#include <algorithm>

#include "read_test_util.hpp"

using namespace kinerja;
using namespace kinerja::test;

namespace {
const Workbook& layout() {
    static const Workbook wb = read_workbook(handmade("layout.xlsx"));
    return wb;
}
const Sheet& rekap() {
    return sheet_named(layout(), "Rekap");
}
}  // namespace

BOOST_AUTO_TEST_SUITE(read_layout)

BOOST_AUTO_TEST_CASE(sheets_in_order_with_state_and_tab_colour) {
    const Workbook& wb = layout();
    BOOST_REQUIRE(wb.sheets.size() == 3u);
    BOOST_TEST(wb.sheets[0].name == "Data Dukung");
    BOOST_TEST(wb.sheets[1].name == "Rekap");
    BOOST_TEST(wb.sheets[2].name == "Rahasia");
    BOOST_TEST((wb.sheets[0].visibility == Sheet::Visibility::hidden));
    BOOST_TEST((wb.sheets[1].visibility == Sheet::Visibility::visible));
    BOOST_TEST((wb.sheets[2].visibility == Sheet::Visibility::very_hidden));
    BOOST_TEST(*wb.sheets[1].tab_color == 0x00B050u);
    BOOST_TEST(!wb.sheets[0].tab_color);
    BOOST_TEST(wb.active_sheet == 1u);
    BOOST_TEST(wb.date1904);
}

BOOST_AUTO_TEST_CASE(sheet_views) {
    const SheetView& v = rekap().view;
    BOOST_TEST(v.frozen_rows == 3u);
    BOOST_TEST(v.frozen_cols == 2u);
    BOOST_TEST(v.zoom == 85);
    BOOST_TEST(!v.show_gridlines);
    BOOST_TEST(!v.right_to_left);
    BOOST_TEST(sheet_named(layout(), "Data Dukung").view.right_to_left);
    BOOST_TEST((sheet_named(layout(), "Rahasia").view == SheetView{}));
}

BOOST_AUTO_TEST_CASE(sheet_format_defaults) {
    BOOST_TEST(*rekap().default_row_height == 15);
    BOOST_TEST(*rekap().default_col_width == 9.5);
    BOOST_TEST(*rekap().base_col_width == 10);
}

BOOST_AUTO_TEST_CASE(column_spans) {
    const auto& cols = rekap().columns;
    BOOST_REQUIRE(cols.size() == 4u);
    BOOST_TEST(cols[0].first == 0u);
    BOOST_TEST(cols[0].last == 0u);
    BOOST_TEST(*cols[0].width == 5.7109375);
    BOOST_TEST(!cols[0].style);
    BOOST_TEST(cols[1].first == 1u);
    BOOST_TEST(cols[1].last == 2u);
    BOOST_REQUIRE(cols[1].style);
    BOOST_TEST(layout().styles.at(*cols[1].style).num_format == "0.00%");
    BOOST_TEST(cols[2].hidden);
    BOOST_TEST(cols[2].outline_level == 1);
    BOOST_TEST(cols[2].collapsed);
    BOOST_TEST(cols[3].first == 5u);
    BOOST_TEST(cols[3].last == max_cols - 1);
}

BOOST_AUTO_TEST_CASE(row_heights_and_outline) {
    const auto& rows = rekap().rows;
    BOOST_TEST(*rows.at(0).height == 30);  // custom height
    BOOST_TEST(!rows.count(1));            // 15 = the default: nothing to keep
    BOOST_TEST(*rows.at(2).height == 45);  // auto-fitted height that differs from the default
    BOOST_TEST(rows.at(3).hidden);
    BOOST_TEST(rows.at(3).outline_level == 2);
    BOOST_TEST(rows.at(3).collapsed);
    BOOST_REQUIRE(rows.at(4).style);
    BOOST_TEST(layout().styles.at(*rows.at(4).style).num_format == "0.00%");
}

BOOST_AUTO_TEST_CASE(merges_and_autofilter) {
    BOOST_REQUIRE(rekap().merges.size() == 2u);
    BOOST_TEST(range_name(rekap().merges[0]) == "A1:F1");
    BOOST_TEST(range_name(rekap().merges[1]) == "B6:B9");
    BOOST_TEST(rekap().merge_at(7, 1) != nullptr);
    BOOST_REQUIRE(rekap().autofilter);
    BOOST_TEST(range_name(rekap().autofilter->range) == "A3:F20");
}

BOOST_AUTO_TEST_CASE(autofilter_criteria) {
    using Op = FilterColumn::Op;
    const auto& columns = rekap().autofilter->columns;
    BOOST_REQUIRE(columns.size() == 4u);  // the colour filter of column F is not kept
    BOOST_TEST(columns[0].col == 0u);
    BOOST_TEST(columns[0].blanks);
    BOOST_TEST(columns[0].values == (std::vector<std::string>{"1", "2"}));
    BOOST_TEST(columns[1].col == 2u);
    BOOST_TEST(columns[1].match_all);
    BOOST_TEST((columns[1].conditions == std::vector<FilterColumn::Condition>{
                                             {Op::greater_equal, "10"}, {Op::less, "100"}}));
    BOOST_TEST(columns[2].col == 3u);
    BOOST_TEST(!columns[2].match_all);
    BOOST_TEST(
        (columns[2].conditions == std::vector<FilterColumn::Condition>{{Op::equal, "Lapas*"}}));
    BOOST_TEST(columns[3].col == 4u);  // top 5 of column E, kept as the file says it
    BOOST_TEST(columns[3].rule == "top10");
    BOOST_TEST((columns[3].rule_attributes ==
                std::vector<std::pair<std::string, std::string>>{{"top", "1"}, {"val", "5"}}));
    BOOST_TEST(has_dropped(layout(), "Rekap", "AutoFilter criteria (by colour) in column F"));
    BOOST_TEST(!has_dropped(layout(), "Rekap", "AutoFilter criteria (top 10) in column E"));
}

BOOST_AUTO_TEST_CASE(split_pane) {
    const SheetView& v = sheet_named(layout(), "Data Dukung").view;
    BOOST_TEST(v.split_x == 2310);
    BOOST_TEST(v.split_y == 1200);
    BOOST_TEST(v.split_top_row == 4u);
    BOOST_TEST(v.split_left_col == 2u);
    BOOST_TEST(v.frozen_rows == 0u);
    BOOST_TEST(rekap().view.split_x == 0);  // a frozen pane is not a split
}

BOOST_AUTO_TEST_CASE(data_validations_including_extlst_lists) {
    const auto& dv = rekap().validations;
    BOOST_REQUIRE(dv.size() == 3u);
    BOOST_TEST(dv[0].type == "list");
    BOOST_TEST(dv[0].formula1 == "\"Belum,Proses,Selesai\"");
    BOOST_TEST(dv[0].allow_blank);
    BOOST_TEST(dv[0].show_dropdown);
    BOOST_TEST(dv[0].show_input);
    BOOST_TEST(dv[0].prompt_title == "Status");
    BOOST_TEST(dv[0].prompt == "Pilih status");
    BOOST_TEST(range_name(dv[0].ranges.at(0)) == "E4:E20");
    BOOST_TEST(dv[1].type == "decimal");
    BOOST_TEST(dv[1].op == "between");
    BOOST_TEST(dv[1].formula2 == "100");
    BOOST_TEST(!dv[1].allow_blank);    // absent in the file means false
    BOOST_TEST(!dv[1].show_dropdown);  // showDropDown="1" hides it
    BOOST_TEST(!dv[1].show_error);
    BOOST_TEST(dv[1].error_style == "warning");
    BOOST_TEST(dv[1].error == "0 sampai 100");
    BOOST_TEST(dv[1].ranges.size() == 2u);
    // The list from another sheet lives in the sheet's <extLst> (x14).
    BOOST_TEST(dv[2].type == "list");
    BOOST_TEST(dv[2].formula1 == "'Data Dukung'!$A$1:$A$3");
    BOOST_TEST(range_name(dv[2].ranges.at(0)) == "F4:F20");
    BOOST_TEST(!has_dropped(layout(), "Rekap", "data validation"));
}

BOOST_AUTO_TEST_CASE(conditional_formats) {
    const auto& cf = rekap().conditional_formats;
    BOOST_REQUIRE(cf.size() == 12u);
    BOOST_TEST(cf[0].type == "cellIs");
    BOOST_TEST(cf[0].op == "lessThan");
    BOOST_TEST(cf[0].formulas == std::vector<std::string>{"0.5"});
    BOOST_TEST(cf[0].ranges.size() == 2u);
    BOOST_REQUIRE(cf[0].style);
    BOOST_TEST(*cf[0].style->font_color == 0x9C0006u);
    BOOST_REQUIRE(cf[0].style->fill);
    BOOST_TEST(cf[0].style->fill->pattern == FillPattern::solid);
    BOOST_TEST(*cf[0].style->fill->fg == 0xFFC7CEu);  // dxf bgColor is the visible colour
    BOOST_TEST(!cf[0].style->bold);
    BOOST_TEST(cf[1].op == "between");
    BOOST_TEST(cf[1].formulas.size() == 2u);
    BOOST_TEST(cf[1].stop_if_true);
    BOOST_TEST(*cf[1].style->bold);
    BOOST_TEST(cf[1].priority == 2);
    BOOST_TEST(cf[2].type == "expression");
    BOOST_TEST(cf[2].formulas.at(0) == "$D4<>\"\"");
    BOOST_TEST(cf[3].type == "containsText");
    BOOST_TEST(cf[3].text == "Belum");
    BOOST_TEST(cf[3].op == "containsText");
    BOOST_TEST(cf[4].type == "top10");
    BOOST_TEST(cf[4].rank == 10);
    BOOST_TEST(cf[4].percent);
    BOOST_TEST(cf[4].bottom);
    BOOST_TEST(cf[5].type == "aboveAverage");
    BOOST_TEST(!cf[5].above_average);
    BOOST_TEST(cf[6].type == "duplicateValues");
    BOOST_TEST(cf[7].type == "containsBlanks");
    BOOST_TEST(cf[8].type == "containsErrors");
    BOOST_TEST(cf[9].type == "colorScale");
    BOOST_TEST(cf[9].thresholds.size() == 3u);
    BOOST_TEST(cf[9].thresholds[1].first == "percentile");
    BOOST_TEST(cf[9].thresholds[1].second == "50");
    BOOST_TEST(cf[9].colors == std::vector<Rgb>({0xF8696B, 0x4472C4, 0x63BE7B}));
    BOOST_TEST(!cf[9].style);
    BOOST_TEST(cf[10].type == "dataBar");
    BOOST_TEST(cf[10].colors == std::vector<Rgb>{0x638EC6});
    BOOST_TEST(cf[10].thresholds[1].second == "100");
    BOOST_TEST(cf[11].type == "iconSet");
    BOOST_TEST(cf[11].text == "3Arrows");
    BOOST_TEST(cf[11].thresholds.size() == 3u);
}

BOOST_AUTO_TEST_CASE(external_and_internal_hyperlinks) {
    const auto& links = rekap().hyperlinks;
    BOOST_REQUIRE(links.size() == 2u);
    BOOST_TEST(links[0].url == "https://sakip.kemenkumham.go.id/");
    BOOST_TEST(links[0].tooltip == "Situs");
    BOOST_TEST(links[0].row == 1u);
    BOOST_TEST(links[1].location == "'Data Dukung'!A1");
    BOOST_TEST(links[1].url.empty());
    BOOST_TEST(links[1].col == 1u);
}

BOOST_AUTO_TEST_CASE(page_setup) {
    const PageSetup& p = rekap().page;
    BOOST_TEST(p.paper == 9);  // A4
    BOOST_TEST(p.orientation == "landscape");
    BOOST_TEST(p.scale == 80);
    BOOST_TEST(p.fit_to_page);
    BOOST_TEST(p.fit_width == 1);
    BOOST_TEST(p.fit_height == 0);
    BOOST_TEST(*p.first_page_number == 3);
    BOOST_TEST(p.across_then_down);
    BOOST_TEST(p.margin_left == 0.25);
    BOOST_TEST(p.margin_right == 0.3);
    BOOST_TEST(p.margin_top == 0.5);
    BOOST_TEST(p.margin_bottom == 0.6);
    BOOST_TEST(p.margin_header == 0.2);
    BOOST_TEST(p.margin_footer == 0.1);
    BOOST_TEST(p.center_horizontally);
    BOOST_TEST(!p.center_vertically);
    BOOST_TEST(p.print_gridlines);
    BOOST_TEST(p.print_headings);
    BOOST_TEST(p.header == "&C&\"Arial,Bold\"Rencana Aksi");
    BOOST_TEST(p.footer == "Halaman &P dari &N");
    BOOST_TEST((sheet_named(layout(), "Rahasia").page == PageSetup{}));
}

BOOST_AUTO_TEST_CASE(defined_names) {
    const auto& names = layout().names;
    BOOST_REQUIRE(names.size() == 4u);
    BOOST_TEST(names[0].name == "_xlnm.Print_Area");
    BOOST_TEST(names[0].local_sheet == 1);
    BOOST_TEST(names[0].formula == "Rekap!$A$1:$F$20");
    BOOST_TEST(names[1].name == "_xlnm.Print_Titles");
    BOOST_TEST(names[1].formula == "Rekap!$3:$3");
    BOOST_TEST(names[2].hidden);
    BOOST_TEST(names[3].name == "Daftar");
    BOOST_TEST(names[3].local_sheet == -1);
}

BOOST_AUTO_TEST_CASE(unsupported_sheet_content_is_reported) {
    // Issue 16: sparklines are carried with the sheet's other <ext>s, not dropped.
    BOOST_TEST(!has_dropped(layout(), "Rekap", "extLst (sparklines)"));
    BOOST_REQUIRE(rekap().carried);
    BOOST_TEST(std::any_of(rekap().carried->elements.begin(), rekap().carried->elements.end(),
                           [](const CarriedElement& e) {
                               return e.xml.find("sparklineGroups") != std::string::npos;
                           }));
    // Issue 16: protection and page breaks are kept, not dropped.
    BOOST_TEST(!has_dropped(layout(), "xl/workbook.xml", "workbook protection"));
    BOOST_TEST(!has_dropped(layout(), "Rekap", "sheet protection"));
    BOOST_TEST(!has_dropped(layout(), "Rekap", "page breaks"));
    BOOST_TEST(layout().protection.get("lockStructure") == "1");
    BOOST_TEST(sheet_named(layout(), "Rekap").protection.get("sheet") == "1");
    BOOST_TEST(sheet_named(layout(), "Rekap").page.row_breaks == (std::vector<std::uint32_t>{10}));
    BOOST_TEST(!has_dropped(layout(), "Data Dukung", ""));
}

BOOST_AUTO_TEST_CASE(document_properties) {
    const DocProperties& p = layout().properties;
    BOOST_TEST(p.title == "Rencana Aksi 2024");
    BOOST_TEST(p.subject == "SAKIP");
    BOOST_TEST(p.creator == "Operator Lapas");
    BOOST_TEST(p.keywords == "kinerja");
    BOOST_TEST(p.description == "Uji pembaca");
    BOOST_TEST(p.last_modified_by == "Kasubag");
    BOOST_TEST(p.category == "Laporan");
    BOOST_TEST(p.created == "2024-01-05T08:00:00Z");
    BOOST_TEST(p.modified == "2024-02-01T09:30:00Z");
    BOOST_TEST(p.company == "Kementerian Hukum dan HAM");
    BOOST_TEST(p.manager == "Kepala Lapas");
}

BOOST_AUTO_TEST_SUITE_END()
