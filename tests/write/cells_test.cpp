// Cell values, formulas, rich text, merges and hyperlinks as they land in the XML.
#include <boost/test/unit_test.hpp>
#include <chrono>

#include "write/written.hpp"

using namespace kinerja;
using namespace kinerja::test;

BOOST_AUTO_TEST_SUITE(write_cells)

BOOST_AUTO_TEST_CASE(values_of_every_kind) {
    Workbook wb = one_sheet();
    Sheet& s = wb.sheets[0];
    s.put(number_cell(0, 0, 92.5));
    s.put(text_cell(0, 1, "Lapas Kelas I"));
    Cell flag;
    flag.row = 0;
    flag.col = 2;
    flag.value = {CellValue::Kind::boolean, 1, ""};
    s.put(flag);
    Cell error;
    error.row = 0;
    error.col = 3;
    error.value = {CellValue::Kind::error, 0, "#DIV/0!"};
    s.put(error);
    error.col = 4;
    error.value.text = "#SPILL!";  // no formula literal for this one
    s.put(error);
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml, "<c r=\"A1\"><v>92.5</v></c>");
    KINERJA_CHECK_HAS(xml, "<c r=\"B1\" t=\"s\"><v>0</v></c>");
    KINERJA_CHECK_HAS(xml, "<c r=\"C1\" t=\"b\"><v>1</v></c>");
    // libxlsxwriter has no error cells; the writer patches them in.
    KINERJA_CHECK_HAS(xml, "<c r=\"D1\" t=\"e\"><v>#DIV/0!</v></c>");
    KINERJA_CHECK_HAS(xml, "<c r=\"E1\" t=\"e\"><v>#SPILL!</v></c>");
    KINERJA_CHECK_HAS(out.part("xl/sharedStrings.xml"), "<t>Lapas Kelas I</t>");
    BOOST_TEST(out.report().dropped.empty());
}

BOOST_AUTO_TEST_CASE(formulas_keep_their_cached_values) {
    Workbook wb = one_sheet();
    Sheet& s = wb.sheets[0];
    Cell sum = number_cell(0, 0, 42);
    sum.formula = "SUM(B1:B3)";
    s.put(sum);
    Cell label = text_cell(1, 0, "Tercapai");
    label.formula = "IF(B1>=100,\"Tercapai\",\"Belum\")";
    s.put(label);
    Cell check;
    check.row = 2;
    check.col = 0;
    check.formula = "B1>0";
    check.value = {CellValue::Kind::boolean, 0, ""};
    s.put(check);
    Cell array = number_cell(3, 0, 7);
    array.formula = "SUM(B1:B3*C1:C3)";
    s.put(array);
    s.set_array_ref(3, 0, "A4");
    Cell failed;
    failed.row = 4;
    failed.formula = "1/0";
    failed.value = {CellValue::Kind::error, 0, "#DIV/0!"};
    s.put(failed);
    Cell text_array = text_cell(5, 0, "R&D");
    text_array.formula = "B1&\"-\"";
    s.put(text_array);
    s.set_array_ref(5, 0, "A6");
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml, "<c r=\"A1\"><f>SUM(B1:B3)</f><v>42</v></c>");
    KINERJA_CHECK_HAS(xml,
                      "<c r=\"A2\" t=\"str\"><f>IF(B1&gt;=100,\"Tercapai\",\"Belum\")</f>"
                      "<v>Tercapai</v></c>");
    KINERJA_CHECK_HAS(xml, "<c r=\"A3\" t=\"b\"><f>B1&gt;0</f><v>0</v></c>");
    KINERJA_CHECK_HAS(xml,
                      "<c r=\"A4\"><f t=\"array\" ref=\"A4\">SUM(B1:B3*C1:C3)</f><v>7</v></c>");
    KINERJA_CHECK_HAS(xml, "<c r=\"A5\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>");
    KINERJA_CHECK_HAS(xml,
                      "<c r=\"A6\" t=\"str\"><f t=\"array\" ref=\"A6\">B1&amp;\"-\"</f>"
                      "<v>R&amp;D</v></c>");
    BOOST_TEST(out.report().dropped.empty());
}

BOOST_AUTO_TEST_CASE(array_formula_over_a_range_keeps_other_cached_values) {
    Workbook wb = one_sheet();
    Sheet& s = wb.sheets[0];
    Cell anchor = number_cell(0, 1, 2);
    anchor.formula = "A1:A2*2";
    s.put(anchor);
    s.set_array_ref(0, 1, "B1:B2");
    s.put(number_cell(1, 1, 8));
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml, "<f t=\"array\" ref=\"B1:B2\">A1:A2*2</f><v>2</v>");
    KINERJA_CHECK_HAS(xml, "<c r=\"B2\"><v>8</v></c>");
}

BOOST_AUTO_TEST_CASE(rich_text_keeps_run_fonts) {
    Workbook wb = one_sheet();
    Font bold_red;
    bold_red.bold = true;
    bold_red.color = 0xFF0000;
    auto runs = std::make_shared<std::vector<RichRun>>();
    runs->push_back({"Target ", std::nullopt});
    runs->push_back({"tercapai", bold_red});
    Cell c = text_cell(0, 0, "Target tercapai");
    c.rich = runs;
    wb.sheets[0].put(c);
    Written out(wb);
    std::string sst = out.part("xl/sharedStrings.xml");
    KINERJA_CHECK_HAS(sst, "<t xml:space=\"preserve\">Target </t>");
    KINERJA_CHECK_HAS(sst, "<rPr><b/><sz val=\"11\"/><color rgb=\"FFFF0000\"/>");
    KINERJA_CHECK_HAS(sst, "<t>tercapai</t>");
}

BOOST_AUTO_TEST_CASE(single_run_rich_text_becomes_the_cell_font) {
    Workbook wb = one_sheet();
    Font italic;
    italic.italic = true;
    auto runs = std::make_shared<std::vector<RichRun>>();
    runs->push_back({"Catatan", italic});
    Cell c = text_cell(0, 0, "Catatan");
    c.rich = runs;
    wb.sheets[0].put(c);
    Written out(wb);
    KINERJA_CHECK_HAS(out.sheet(), "<c r=\"A1\" s=\"1\" t=\"s\">");
    KINERJA_CHECK_HAS(out.part("xl/styles.xml"), "<font><i/><sz val=\"11\"/>");
    BOOST_TEST(out.reported("rich text of one run written as plain text in its font"));
}

BOOST_AUTO_TEST_CASE(text_that_looks_like_an_escape_stays_text) {
    Workbook wb = one_sheet();
    wb.sheets[0].put(text_cell(0, 0, "kode_x0041_ dan\rbaris"));
    Written out(wb);
    KINERJA_CHECK_HAS(out.part("xl/sharedStrings.xml"), "kode_x005F_x0041_ dan_x000D_baris");
}

BOOST_AUTO_TEST_CASE(long_text_is_cut_at_excels_limit_and_reported) {
    Workbook wb = one_sheet();
    wb.sheets[0].put(text_cell(0, 0, std::string(40000, 'x')));
    Written out(wb);
    std::string sst = out.part("xl/sharedStrings.xml");
    BOOST_TEST(sst.find(std::string(32767, 'x')) != std::string::npos);
    BOOST_TEST(sst.find(std::string(32768, 'x')) == std::string::npos);
    BOOST_TEST(out.reported("text longer than 32767 characters truncated"));
}

BOOST_AUTO_TEST_CASE(merged_cells_keep_their_own_styles) {
    Workbook wb = one_sheet();
    Style boxed;
    boxed.border.left.style = BorderStyle::thin;
    boxed.border.top.style = BorderStyle::medium;
    Style right_edge;
    right_edge.border.right.style = BorderStyle::thick;
    std::uint32_t s1 = wb.intern_style(boxed), s2 = wb.intern_style(right_edge);
    Sheet& s = wb.sheets[0];
    s.merges.push_back({0, 0, 1, 2});
    s.put(text_cell(0, 0, "Sasaran Strategis", s1));
    Cell edge;
    edge.row = 0;
    edge.col = 2;
    edge.style = s2;
    s.put(edge);
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml, "<mergeCell ref=\"A1:C2\"/>");
    KINERJA_CHECK_HAS(xml, "<c r=\"A1\" s=\"1\" t=\"s\">");
    KINERJA_CHECK_HAS(xml, "<c r=\"C1\" s=\"2\"/>");
    // Cells of the range that the model leaves out stay out.
    KINERJA_CHECK_LACKS(xml, "r=\"B1\"");
    KINERJA_CHECK_LACKS(xml, "r=\"A2\"");
}

// Issue 15: worksheet_merge_range wrote a blank into each of the 17 billion cells of
// A5:XFD1048576 (48 s). The merge is registered without touching the cells; the
// dimension is the one libxlsxwriter gave before (its bottom-right corner counts).
BOOST_AUTO_TEST_CASE(merge_over_the_whole_grid_is_written_at_once) {
    Workbook wb = one_sheet();
    Sheet& s = wb.sheets[0];
    s.put(text_cell(4, 0, "Judul"));
    s.merges.push_back({4, 0, max_rows - 1, max_cols - 1});
    s.merges.push_back({0, 3, 2, 3});  // one column: registered on its last two rows
    auto start = std::chrono::steady_clock::now();
    Written out(wb);
    auto elapsed = std::chrono::steady_clock::now() - start;
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() < 5000);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml, "<dimension ref=\"A3:XFD1048576\"/>");
    KINERJA_CHECK_HAS(xml,
                      "<mergeCells count=\"2\"><mergeCell ref=\"D1:D3\"/>"
                      "<mergeCell ref=\"A5:XFD1048576\"/></mergeCells>");
    KINERJA_CHECK_HAS(xml, "<c r=\"A5\" t=\"s\">");
    BOOST_TEST(out.report().dropped.empty());
}

// Excel refuses a formula over 8,192 characters: the cell keeps its last value.
BOOST_AUTO_TEST_CASE(formula_past_excels_limit_is_written_as_its_value) {
    Workbook wb = one_sheet();
    Sheet& s = wb.sheets[0];
    Cell longest = number_cell(0, 0, 4097);
    longest.formula = "1" + std::string();
    for (int i = 0; i < 4096; ++i) longest.formula += "+1";  // 8,193 characters
    s.put(longest);
    Cell fits = number_cell(1, 0, 4096);
    fits.formula = longest.formula.substr(2);  // 8,191 characters
    s.put(fits);
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml, "<c r=\"A1\"><v>4097</v></c>");
    KINERJA_CHECK_HAS(xml, "<c r=\"A2\"><f>1+1+1");
    BOOST_TEST(out.reported("formula longer than 8192 characters written as its last value"));
}

BOOST_AUTO_TEST_CASE(overlapping_and_single_cell_merges_are_reported) {
    Workbook wb = one_sheet();
    Sheet& s = wb.sheets[0];
    s.merges.push_back({0, 0, 1, 1});
    s.merges.push_back({1, 1, 2, 2});
    s.merges.push_back({5, 5, 5, 5});
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml, "<mergeCells count=\"1\"><mergeCell ref=\"A1:B2\"/></mergeCells>");
    BOOST_TEST(out.reported("merged range overlapping another one"));
    BOOST_TEST(out.reported("merged range of a single cell"));
}

BOOST_AUTO_TEST_CASE(hyperlinks_keep_the_cell_value_and_style) {
    Workbook wb = one_sheet();
    Style blue;
    blue.font.color = 0x0563C1;
    blue.font.underline = 1;
    std::uint32_t link_style = wb.intern_style(blue);
    Sheet& s = wb.sheets[0];
    s.put(text_cell(0, 0, "Situs Ditjenpas", link_style));
    s.put(number_cell(1, 0, 2024));
    s.hyperlinks.push_back({0, 0, "https://www.ditjenpas.go.id/", "", "Buka situs"});
    s.hyperlinks.push_back({1, 0, "", "'Data'!C5", ""});
    s.hyperlinks.push_back({2, 0, "https://example.com/a", "bagian", ""});
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml, "<c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c>");
    KINERJA_CHECK_HAS(xml, "<c r=\"A2\"><v>2024</v></c>");
    KINERJA_CHECK_HAS(xml, "<c r=\"A3\"/>");  // a link on an empty cell shows no text
    KINERJA_CHECK_HAS(xml, "<hyperlink ref=\"A1\" r:id=\"rId1\" tooltip=\"Buka situs\"/>");
    KINERJA_CHECK_HAS(xml, "<hyperlink ref=\"A2\" location=\"'Data'!C5\"");
    KINERJA_CHECK_HAS(xml, "<hyperlink ref=\"A3\" r:id=\"rId2\" location=\"bagian\"/>");
    std::string rels = out.part("xl/worksheets/_rels/sheet1.xml.rels");
    KINERJA_CHECK_HAS(rels, "Target=\"https://www.ditjenpas.go.id/\" TargetMode=\"External\"");
    KINERJA_CHECK_HAS(rels, "Target=\"https://example.com/a\"");
    // The link texts the cells replaced are not counted as uses of a shared string: only A1.
    KINERJA_CHECK_HAS(out.part("xl/sharedStrings.xml"), " count=\"1\" ");
}

BOOST_AUTO_TEST_CASE(a_1904_workbook_keeps_its_date_system) {
    Workbook wb = one_sheet();
    wb.date1904 = true;
    Style date;
    date.num_format = "dd/mm/yyyy";
    Style time;
    time.num_format = "[h]:mm";
    std::uint32_t d = wb.intern_style(date), t = wb.intern_style(time);
    Sheet& s = wb.sheets[0];
    s.put(number_cell(0, 0, 43830, d));  // 2024-01-01 in the 1904 system
    s.put(number_cell(0, 1, 1.5, t));    // a duration: no epoch
    s.put(number_cell(0, 2, 100));       // a plain number
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml, "<c r=\"A1\" s=\"1\"><v>43830</v></c>");
    KINERJA_CHECK_HAS(xml, "<c r=\"B1\" s=\"2\"><v>1.5</v></c>");
    KINERJA_CHECK_HAS(out.part("xl/workbook.xml"), "<workbookPr date1904=\"1\" ");
    BOOST_TEST(out.report().dropped.empty());
}

BOOST_AUTO_TEST_CASE(cells_out_of_bounds_are_reported_not_written) {
    Workbook wb = one_sheet();
    wb.sheets[0].cells.push_back(number_cell(max_rows, 0, 1));
    Written out(wb);
    BOOST_TEST(out.reported("cell out of bounds"));
    KINERJA_CHECK_LACKS(out.sheet(), "<v>1</v>");
}

BOOST_AUTO_TEST_SUITE_END()
