// Page setup, print area and titles, and other defined names.
#include <boost/test/unit_test.hpp>

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
    KINERJA_CHECK_HAS(xml,
                      "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">"
                      "'Rencana Aksi'!$A$1:$P$40</definedName>");
    KINERJA_CHECK_HAS(xml,
                      "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">"
                      "'Rencana Aksi'!$A:$B,'Rencana Aksi'!$3:$4</definedName>");
    KINERJA_CHECK_HAS(xml,
                      "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"1\">"
                      "Rekap!$A:$F</definedName>");
    BOOST_TEST(out.report().dropped.empty());
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
    wb.sheets[0].autofilter = filter;
    wb.names.push_back({"_xlnm._FilterDatabase", 0, "Data!$A$2:$F$41", true});
    Written out(wb);
    KINERJA_CHECK_HAS(out.sheet(), "<autoFilter ref=\"A2:F41\"/>");
    std::string xml = out.part("xl/workbook.xml");
    KINERJA_CHECK_HAS(xml,
                      "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" "
                      "hidden=\"1\">Data!$A$2:$F$41</definedName>");
    BOOST_TEST(out.report().dropped.empty());
}

BOOST_AUTO_TEST_SUITE_END()
