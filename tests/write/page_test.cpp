// Page setup, print area and titles, and other defined names.
#include <boost/test/unit_test.hpp>
#include <memory>

#include "read/read.hpp"
#include "write/images.hpp"
#include "write/written.hpp"

using namespace kinerja;
using namespace kinerja::test;

BOOST_AUTO_TEST_SUITE(write_page)

BOOST_AUTO_TEST_CASE(page_setup_fields) {
    Workbook wb = one_sheet("Rencana Aksi");
    PageSetup& p = wb.sheets[0].page;
    p.paper = 9;
    p.orientation = "landscape";
    p.scale = 85;
    p.margin_left = 0.5;
    p.margin_right = 0.4;
    p.margin_top = 1;
    p.margin_bottom = 0.9;
    p.margin_header = 0.2;
    p.margin_footer = 0.25;
    p.center_horizontally = true;
    p.center_vertically = true;
    p.print_gridlines = true;
    p.print_headings = true;
    p.first_page_number = 3;
    p.across_then_down = true;
    p.header = "&C&\"Arial,Bold\"RENCANA AKSI 2024";
    p.footer = "&LLapas Kelas IIA&RHalaman &P dari &N";
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml,
                      "<printOptions horizontalCentered=\"1\" verticalCentered=\"1\" "
                      "headings=\"1\" gridLines=\"1\"/>");
    KINERJA_CHECK_HAS(xml,
                      "<pageMargins left=\"0.5\" right=\"0.4\" top=\"1\" bottom=\"0.9\" "
                      "header=\"0.2\" footer=\"0.25\"/>");
    KINERJA_CHECK_HAS(xml,
                      "<pageSetup paperSize=\"9\" scale=\"85\" pageOrder=\"overThenDown\" "
                      "firstPageNumber=\"3\" orientation=\"landscape\" "
                      "useFirstPageNumber=\"1\"/>");
    KINERJA_CHECK_HAS(xml, "<oddHeader>&amp;C&amp;\"Arial,Bold\"RENCANA AKSI 2024</oddHeader>");
    KINERJA_CHECK_HAS(xml,
                      "<oddFooter>&amp;LLapas Kelas IIA&amp;RHalaman &amp;P dari "
                      "&amp;N</oddFooter>");
}

BOOST_AUTO_TEST_CASE(header_and_footer_pictures_are_written) {
    Workbook wb = one_sheet();
    PageSetup& p = wb.sheets[0].page;
    p.header = "&L&G&CLaporan Kinerja";
    p.footer = "&RHalaman &P&C&[Picture]";
    auto png = std::make_shared<const std::string>(make_png(4, 3));
    p.header_images = {{"LH", "png", png}, {"CF", "png", png}};
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml, "<oddHeader>&amp;L&amp;G&amp;CLaporan Kinerja</oddHeader>");
    KINERJA_CHECK_HAS(xml, "<oddFooter>&amp;RHalaman &amp;P&amp;C&amp;G</oddFooter>");
    KINERJA_CHECK_HAS(xml, "<legacyDrawingHF r:id=");
    std::string vml;
    for (const std::string& name : out.part_names())
        if (name.find("vmlDrawing") != std::string::npos && name.find(".rels") == std::string::npos)
            vml = out.part(name);
    KINERJA_CHECK_HAS(vml, "id=\"LH\"");
    KINERJA_CHECK_HAS(vml, "id=\"CF\"");
    BOOST_TEST(!out.reported("header/footer picture"));
}

BOOST_AUTO_TEST_CASE(header_picture_survives_read_and_write) {
    Workbook wb = read_workbook(test_dir() / "fixtures" / "handmade" / "header_picture.xlsx");
    Written out(wb);
    KINERJA_CHECK_HAS(out.sheet(), "<oddHeader>&amp;L&amp;G&amp;CLaporan Kinerja</oddHeader>");
    KINERJA_CHECK_HAS(out.sheet(), "<legacyDrawingHF r:id=");
    bool media = false;
    for (const std::string& name : out.part_names())
        media = media || name.rfind("xl/media/image", 0) == 0;
    BOOST_TEST(media);
    Workbook again = read_workbook(out.file());
    BOOST_REQUIRE(again.sheets.at(0).page.header_images.size() == 1u);
    BOOST_TEST(again.sheets[0].page.header_images[0].position == "LH");
    BOOST_TEST(*again.sheets[0].page.header_images[0].data ==
               *wb.sheets[0].page.header_images[0].data);
}

// A picture code without its picture (or with one libxlsxwriter cannot take) used to make
// libxlsxwriter free the header twice and abort the process.
BOOST_AUTO_TEST_CASE(picture_codes_without_pictures_are_dropped_not_fatal) {
    Workbook wb = one_sheet();
    PageSetup& p = wb.sheets[0].page;
    p.header = "&L&G&CJudul&R&[Picture]";
    p.footer = "&CA&&G";  // a literal '&' before a 'G': libxlsxwriter would count a picture
    p.header_images = {{"RH", "tiff", std::make_shared<const std::string>("II*\0not an image")}};
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml, "<oddHeader>&amp;L&amp;CJudul&amp;R</oddHeader>");
    KINERJA_CHECK_LACKS(xml, "oddFooter");
    KINERJA_CHECK_LACKS(xml, "legacyDrawingHF");
    BOOST_TEST(out.reported("header/footer picture (LH)"));
    BOOST_TEST(out.reported("header/footer picture (RH)"));
    BOOST_TEST(out.reported("page footer"));
}

// Issue 16: libxlsxwriter left the names of sheets "1" and "TW1" unquoted, which Excel
// cannot read ("1!$A$1:$J$78").
BOOST_AUTO_TEST_CASE(print_names_of_sheets_that_need_quotes) {
    Workbook wb = one_sheet("1");
    for (const char* name : {"TW1", "RC", "Rekap"}) {
        wb.sheets.push_back(wb.sheets[0]);
        wb.sheets.back().name = name;
    }
    wb.names.push_back({"_xlnm.Print_Area", 0, "'1'!$A$1:$J$78", false});
    wb.names.push_back({"_xlnm.Print_Titles", 1, "TW1!$A:$A,TW1!$1:$2", false});
    wb.names.push_back({"_xlnm.Print_Area", 2, "RC!$A$1:$B$2", false});
    wb.names.push_back({"_xlnm.Print_Area", 3, "Rekap!$A$1:$B$2", false});
    Written out(wb);
    std::string xml = out.part("xl/workbook.xml");
    KINERJA_CHECK_HAS(xml, ">'1'!$A$1:$J$78</definedName>");
    KINERJA_CHECK_HAS(xml, ">'TW1'!$A:$A,'TW1'!$1:$2</definedName>");
    KINERJA_CHECK_HAS(xml, ">'RC'!$A$1:$B$2</definedName>");
    KINERJA_CHECK_HAS(xml, ">Rekap!$A$1:$B$2</definedName>");
    BOOST_TEST(out.report().dropped.empty());
}

// Issue 16: links into other workbooks are not carried, so "[1]Data!A1" would dangle.
BOOST_AUTO_TEST_CASE(references_to_other_workbooks_do_not_dangle) {
    Workbook wb = one_sheet();
    Cell linked = number_cell(0, 0, 42);
    linked.formula = "[1]Data!A1*2";
    wb.sheets[0].put(linked);
    Cell quoted = number_cell(1, 0, 7);
    quoted.formula = "'[2]Rekap TW'!B5";
    wb.sheets[0].put(quoted);
    Cell table = number_cell(2, 0, 5);
    table.formula = "SUM(tbl[[#This Row],[2020]])+LEN(\"[3]\")";
    wb.sheets[0].put(table);
    wb.names.push_back({"Sumber", -1, "[1]Data!$A$1:$A$9", false});
    wb.names.push_back({"Lokal", -1, "Data!$A$1", false});
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_LACKS(xml, "[1]");
    KINERJA_CHECK_LACKS(xml, "[2]");
    KINERJA_CHECK_HAS(xml, "<c r=\"A1\"><v>42</v></c>");
    KINERJA_CHECK_HAS(xml, "<f>SUM(tbl[[#This Row],[2020]])+LEN(\"[3]\")</f>");
    std::string book = out.part("xl/workbook.xml");
    KINERJA_CHECK_LACKS(book, "Sumber");
    KINERJA_CHECK_HAS(book, "Lokal");
    BOOST_TEST(out.reported("formula linked to another workbook"));
    BOOST_TEST(out.reported("defined name linked to another workbook"));
}

// Issue 16: protection survives with the source's hash and options, never a new password.
BOOST_AUTO_TEST_CASE(sheet_and_workbook_protection_survive) {
    Workbook wb = read_workbook(test_dir() / "fixtures" / "handmade" / "protected.xlsx");
    BOOST_TEST(wb.sheets.at(0).protection.get("hashValue") == "c2FsdA==");
    BOOST_TEST(wb.protection.get("lockStructure") == "1");
    for (const auto& d : wb.dropped) BOOST_TEST(d.what.find("protection") == std::string::npos);
    Written out(wb);
    KINERJA_CHECK_HAS(out.sheet(),
                      "<sheetProtection algorithmName=\"SHA-512\" hashValue=\"c2FsdA==\" "
                      "saltValue=\"c2FsdDI=\" spinCount=\"100000\" sheet=\"1\" objects=\"1\" "
                      "scenarios=\"1\" formatColumns=\"0\" autoFilter=\"0\"/>");
    KINERJA_CHECK_HAS(out.part("xl/workbook.xml"),
                      "<workbookProtection workbookAlgorithmName=\"SHA-512\" "
                      "workbookHashValue=\"aGFzaA==\" workbookSaltValue=\"c2FsdA==\" "
                      "workbookSpinCount=\"100000\" lockStructure=\"1\"/><bookViews>");
    BOOST_TEST(out.report().dropped.empty());
    Workbook again = read_workbook(out.file());
    BOOST_TEST((again.sheets[0].protection == wb.sheets[0].protection));
    BOOST_TEST((again.protection == wb.protection));
}

// A bare <workbookProtection/> (openpyxl writes one; Excel after unprotecting) and
// <fileSharing> (read-only recommended, a reservation hash) come back as they were, in
// CT_Workbook's order: fileSharing before workbookPr, protection before bookViews.
BOOST_AUTO_TEST_CASE(bare_workbook_protection_and_file_sharing_survive) {
    Workbook wb = read_workbook(test_dir() / "fixtures" / "handmade" / "protected.xlsx");
    wb.protection = PartProtection{true, {}};
    wb.file_sharing = PartProtection{true,
                                     {{"readOnlyRecommended", "1"},
                                      {"userName", "Kasubag <TU>"},
                                      {"reservationPassword", "CC3D"}}};
    Written out(wb);
    std::string book = out.part("xl/workbook.xml");
    KINERJA_CHECK_HAS(book,
                      "<fileSharing readOnlyRecommended=\"1\" userName=\"Kasubag &lt;TU&gt;\" "
                      "reservationPassword=\"CC3D\"/><workbookPr");
    KINERJA_CHECK_HAS(book, "<workbookProtection/><bookViews>");
    Workbook again = read_workbook(out.file());
    BOOST_TEST((again.protection == wb.protection));
    BOOST_TEST((again.file_sharing == wb.file_sharing));
    BOOST_TEST(out.report().dropped.empty());
}

BOOST_AUTO_TEST_CASE(page_breaks_outline_and_zero_margins_survive) {
    Workbook wb = read_workbook(test_dir() / "fixtures" / "handmade" / "protected.xlsx");
    const Sheet& sheet = wb.sheets.at(0);
    BOOST_TEST(sheet.page.row_breaks == (std::vector<std::uint32_t>{20, 40}));
    BOOST_TEST(sheet.page.col_breaks == (std::vector<std::uint32_t>{5}));
    BOOST_TEST(!sheet.view.summary_below);
    BOOST_TEST(sheet.view.summary_right);
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml, "<outlinePr summaryBelow=\"0\"/>");
    KINERJA_CHECK_HAS(xml, "<brk id=\"20\" max=\"16383\" man=\"1\"/>");
    KINERJA_CHECK_HAS(xml, "<brk id=\"40\" max=\"16383\" man=\"1\"/>");
    KINERJA_CHECK_HAS(xml, "<brk id=\"5\" max=\"1048575\" man=\"1\"/>");
    KINERJA_CHECK_HAS(xml, "header=\"0\" footer=\"0\"/>");
    Workbook again = read_workbook(out.file());
    BOOST_TEST((again.sheets[0].page == sheet.page));
    BOOST_TEST((again.sheets[0].view == sheet.view));
}

BOOST_AUTO_TEST_CASE(fit_to_pages_only_when_asked) {
    Workbook wb = one_sheet();
    wb.sheets.push_back(wb.sheets[0]);
    wb.sheets[1].name = "Kedua";
    wb.sheets[0].page.fit_to_page = true;
    wb.sheets[0].page.fit_width = 1;
    wb.sheets[0].page.fit_height = 0;
    wb.sheets[1].page.fit_width = 1;  // without fit_to_page it means nothing
    wb.sheets[1].page.fit_height = 1;
    Written out(wb);
    KINERJA_CHECK_HAS(out.sheet(1), "<pageSetUpPr fitToPage=\"1\"/>");
    KINERJA_CHECK_HAS(out.sheet(1), "fitToHeight=\"0\"");
    KINERJA_CHECK_LACKS(out.sheet(2), "fitToPage");
}

namespace {

// The <definedName> of a sheet's print area or titles, as libxlsxwriter writes it.
std::string print_name(const std::string& kind, int sheet, const std::string& formula) {
    return "<definedName name=\"_xlnm." + kind + "\" localSheetId=\"" + std::to_string(sheet) +
           "\">" + formula + "</definedName>";
}

}  // namespace

BOOST_AUTO_TEST_CASE(print_area_and_titles_come_from_defined_names) {
    Workbook wb = one_sheet("Rencana Aksi");
    wb.sheets.push_back(wb.sheets[0]);
    wb.sheets[1].name = "Rekap";
    wb.names.push_back({"_xlnm.Print_Area", 0, "'Rencana Aksi'!$A$1:$P$40", false});
    wb.names.push_back(
        {"_xlnm.Print_Titles", 0, "'Rencana Aksi'!$A:$B,'Rencana Aksi'!$3:$4", false});
    wb.names.push_back({"_xlnm.Print_Area", 1, "Rekap!$A:$F", false});
    Written out(wb);
    std::string xml = out.part("xl/workbook.xml");
    KINERJA_CHECK_HAS(xml, print_name("Print_Area", 0, "'Rencana Aksi'!$A$1:$P$40"));
    KINERJA_CHECK_HAS(xml,
                      print_name("Print_Titles", 0, "'Rencana Aksi'!$A:$B,'Rencana Aksi'!$3:$4"));
    KINERJA_CHECK_HAS(xml, print_name("Print_Area", 1, "Rekap!$A:$F"));
    BOOST_TEST(out.report().dropped.empty());
}

// A print area of several ranges prints them one after another; all of them are kept, with
// the source's quotes. One that is not a range keeps the first and says what it left out.
BOOST_AUTO_TEST_CASE(print_areas_of_several_ranges) {
    Workbook wb = one_sheet("Rencana Aksi");
    for (const char* name : {"1", "Rusak"}) {
        wb.sheets.push_back(wb.sheets[0]);
        wb.sheets.back().name = name;
    }
    wb.names.push_back(
        {"_xlnm.Print_Area", 0, "'Rencana Aksi'!$A$1:$H$30,'Rencana Aksi'!$J$1:$P$30", false});
    wb.names.push_back({"_xlnm.Print_Area", 1, "'1'!$A$1:$B$2,'1'!$D:$E", false});
    wb.names.push_back({"_xlnm.Print_Titles", 1, "'1'!$1:$2", false});
    wb.names.push_back({"_xlnm.Print_Area", 2, "Rusak!$A$1:$B$2,Rusak!#REF!", false});
    Written out(wb);
    std::string xml = out.part("xl/workbook.xml");
    KINERJA_CHECK_HAS(
        xml, print_name("Print_Area", 0, "'Rencana Aksi'!$A$1:$H$30,'Rencana Aksi'!$J$1:$P$30"));
    KINERJA_CHECK_HAS(xml, print_name("Print_Area", 1, "'1'!$A$1:$B$2,'1'!$D:$E"));
    KINERJA_CHECK_HAS(xml, ">'1'!$1:$2</definedName>");
    KINERJA_CHECK_HAS(xml, print_name("Print_Area", 2, "Rusak!$A$1:$B$2"));
    BOOST_TEST(out.report().dropped.size() == 1u);
    BOOST_TEST(out.reported("print area beyond its first range"));
    BOOST_TEST(!out.reported("print area or titles of a sheet whose name needs quotes"));
}

BOOST_AUTO_TEST_CASE(global_and_local_names) {
    Workbook wb = one_sheet("Data Dukung");
    wb.names.push_back({"TargetTahunan", -1, "'Data Dukung'!$C$5:$C$20", false});
    wb.names.push_back({"Pagu", 0, "'Data Dukung'!$D$2", false});
    wb.names.push_back({"Tersembunyi", -1, "'Data Dukung'!$A$1", true});
    wb.names.push_back({"Yatim", 4, "'Data Dukung'!$A$1", false});
    Written out(wb);
    std::string xml = out.part("xl/workbook.xml");
    KINERJA_CHECK_HAS(xml,
                      "<definedName name=\"Pagu\" localSheetId=\"0\">'Data Dukung'!$D$2"
                      "</definedName>");
    KINERJA_CHECK_HAS(xml,
                      "<definedName name=\"TargetTahunan\">'Data Dukung'!$C$5:$C$20"
                      "</definedName>");
    KINERJA_CHECK_HAS(xml, "<definedName name=\"Tersembunyi\" hidden=\"1\">");
    BOOST_TEST(!out.reported("hidden flag of a defined name"));
    BOOST_TEST(out.reported("defined name of a sheet that does not exist"));
}

BOOST_AUTO_TEST_CASE(local_names_of_sheets_with_quotes_and_spaces) {
    Workbook wb = one_sheet("Data TU's");
    wb.names.push_back({"Pagu", 0, "'Data TU''s'!$D$2", false});
    Written out(wb);
    KINERJA_CHECK_HAS(
        out.part("xl/workbook.xml"),
        "<definedName name=\"Pagu\" localSheetId=\"0\">'Data TU''s'!$D$2</definedName>");
    BOOST_TEST(out.report().dropped.empty());
}

BOOST_AUTO_TEST_CASE(autofilter_brings_its_own_filter_database_name) {
    Workbook wb = one_sheet();
    CellRange filter{1, 0, 40, 5};
    wb.sheets[0].autofilter = AutoFilter{filter, {}};
    wb.names.push_back({"_xlnm._FilterDatabase", 0, "Data!$A$2:$F$41", true});
    Written out(wb);
    KINERJA_CHECK_HAS(out.sheet(), "<autoFilter ref=\"A2:F41\"/>");
    std::string xml = out.part("xl/workbook.xml");
    KINERJA_CHECK_HAS(xml,
                      "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" "
                      "hidden=\"1\">Data!$A$2:$F$41</definedName>");
    BOOST_TEST(out.report().dropped.empty());
}

BOOST_AUTO_TEST_CASE(autofilter_criteria_are_written_and_read_back) {
    using Op = FilterColumn::Op;
    Workbook wb = one_sheet();
    AutoFilter filter{{1, 0, 40, 5}, {}};
    FilterColumn& list = filter.columns.emplace_back();
    list.col = 1;
    list.values = {"Lapas", "Rutan"};
    list.blanks = true;
    FilterColumn& range = filter.columns.emplace_back();
    range.col = 3;
    range.conditions = {{Op::greater, "100"}, {Op::less_equal, "250.5"}};
    range.match_all = true;
    FilterColumn& text = filter.columns.emplace_back();
    text.col = 4;
    text.conditions = {{Op::equal, "*Bapas*"}};
    FilterColumn& top = filter.columns.emplace_back();
    top.col = 5;
    top.rule = "top10";
    top.rule_attributes = {{"percent", "1"}, {"val", "25"}};
    FilterColumn& blanks = filter.columns.emplace_back();  // blank cells only
    blanks.col = 2;
    blanks.blanks = true;
    wb.sheets[0].autofilter = filter;
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml,
                      "<filterColumn colId=\"1\"><filters blank=\"1\"><filter val=\"Lapas\"/>");
    KINERJA_CHECK_HAS(
        xml, "<customFilters and=\"1\"><customFilter operator=\"greaterThan\" val=\"100\"/>");
    KINERJA_CHECK_HAS(xml, "<customFilter operator=\"lessThanOrEqual\" val=\"250.5\"/>");
    KINERJA_CHECK_HAS(xml,
                      "<filterColumn colId=\"5\"><top10 percent=\"1\" val=\"25\"/>"
                      "</filterColumn><filterColumn colId=\"2\"><filters blank=\"1\"/>"
                      "</filterColumn></autoFilter>");
    BOOST_TEST(out.report().dropped.empty());
    Workbook back = read_workbook(out.file());
    BOOST_REQUIRE(back.sheets[0].autofilter);
    BOOST_TEST((*back.sheets[0].autofilter == filter));
}

BOOST_AUTO_TEST_CASE(split_pane_keeps_its_exact_position) {
    Workbook wb = one_sheet();
    SheetView& view = wb.sheets[0].view;
    view.split_x = 2310;
    view.split_y = 1203;  // not a whole number of points past the headings
    view.split_top_row = 4;
    view.split_left_col = 2;
    Written out(wb);
    KINERJA_CHECK_HAS(out.sheet(), "<pane xSplit=\"2310\" ySplit=\"1203\" topLeftCell=\"C5\"");
    BOOST_TEST(out.report().dropped.empty());
    BOOST_TEST((read_workbook(out.file()).sheets[0].view == view));
}

BOOST_AUTO_TEST_SUITE_END()
