// Data validations, conditional formats, comments and images.
#include <boost/test/unit_test.hpp>
#include <cmath>

#include "read/read.hpp"
#include "write/image_size.hpp"
#include "write/images.hpp"
#include "write/written.hpp"

using namespace kinerja;
using namespace kinerja::test;

// libxlsxwriter 1.1.4 leaks the formula string of each list validation that
// refers to cells (LIST_FORMULA); nothing the writer can free. Its frames are
// not unwound past lxw_strdup, so that is the name to match.
extern "C" const char* __lsan_default_suppressions() {
    return "leak:lxw_strdup\n";
}

namespace {

CellRange range(const char* text) {
    CellRange r;
    BOOST_REQUIRE(parse_range(text, r));
    return r;
}

std::string emu(double pixels) {
    return std::to_string(std::lround(pixels * 9525));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(write_parts)

BOOST_AUTO_TEST_CASE(validations_keep_formulas_verbatim) {
    Workbook wb = one_sheet();
    Sheet& s = wb.sheets[0];
    DataValidation list;
    list.ranges = {range("D2:D40"), range("F2:F40")};
    list.type = "list";
    list.formula1 = "\"Belum,Proses,Selesai\"";
    list.prompt_title = "Status";
    list.prompt = "Pilih status kegiatan";
    s.validations.push_back(list);
    DataValidation from_cells;
    from_cells.ranges = {range("C2:C40")};
    from_cells.type = "list";
    from_cells.formula1 = "Referensi!$A$1:$A$5";
    s.validations.push_back(from_cells);
    DataValidation whole;
    whole.ranges = {range("E2:E40")};
    whole.type = "whole";
    whole.op = "between";
    whole.formula1 = "0";
    whole.formula2 = "$B$1";
    whole.allow_blank = false;
    whole.show_dropdown = false;
    whole.error_style = "warning";
    whole.error = "Isi bilangan bulat";
    s.validations.push_back(whole);
    DataValidation percent;
    percent.ranges = {range("G2")};
    percent.type = "decimal";
    percent.op = "lessThanOrEqual";
    percent.formula1 = "1";
    s.validations.push_back(percent);
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml, "<dataValidations count=\"4\">");
    KINERJA_CHECK_HAS(xml, "sqref=\"C2:C40\"><formula1>Referensi!$A$1:$A$5</formula1>");
    KINERJA_CHECK_HAS(xml,
                      "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" "
                      "showErrorMessage=\"1\" promptTitle=\"Status\" "
                      "prompt=\"Pilih status kegiatan\" sqref=\"D2:D40 F2:F40\">"
                      "<formula1>\"Belum,Proses,Selesai\"</formula1>");
    KINERJA_CHECK_HAS(xml,
                      "<dataValidation type=\"whole\" errorStyle=\"warning\" "
                      "showDropDown=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" "
                      "error=\"Isi bilangan bulat\" sqref=\"E2:E40\"><formula1>0</formula1>"
                      "<formula2>$B$1</formula2>");
    KINERJA_CHECK_HAS(xml,
                      "<dataValidation type=\"decimal\" operator=\"lessThanOrEqual\" "
                      "allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" "
                      "sqref=\"G2\"><formula1>1</formula1>");
}

// Issue 16: a list whose source is gone was written as an empty <formula1>, which Excel
// repairs; it keeps its prompt and limits nothing.
BOOST_AUTO_TEST_CASE(validation_without_formula_keeps_its_prompt) {
    Workbook wb = one_sheet();
    DataValidation list;
    list.ranges = {range("D2:D40")};
    list.type = "list";
    list.prompt_title = "Status";
    list.prompt = "Pilih status";
    wb.sheets[0].validations.push_back(list);
    list.ranges = {range("E2:E40")};
    list.formula1 = "\"\"";
    wb.sheets[0].validations.push_back(list);
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_LACKS(xml, "<formula1></formula1>");
    KINERJA_CHECK_LACKS(xml, "<formula1>\"\"</formula1>");
    KINERJA_CHECK_LACKS(xml, "type=\"list\"");
    KINERJA_CHECK_HAS(xml, "promptTitle=\"Status\" prompt=\"Pilih status\" sqref=\"D2:D40\"");
    KINERJA_CHECK_HAS(xml, "sqref=\"E2:E40\"");
    BOOST_TEST(out.reported("data validation without its formula"));
}

BOOST_AUTO_TEST_CASE(more_than_255_validations_are_counted_right) {
    Workbook wb = one_sheet();
    for (std::uint32_t row = 0; row < 300; ++row) {
        DataValidation v;
        v.ranges = {CellRange{row, 0, row, 0}};
        v.type = "whole";
        v.op = "greaterThan";
        v.formula1 = std::to_string(row);
        wb.sheets[0].validations.push_back(v);
    }
    Written out(wb);
    KINERJA_CHECK_HAS(out.sheet(), "<dataValidations count=\"300\">");
    BOOST_TEST(out.report().dropped.empty());
}

BOOST_AUTO_TEST_CASE(conditional_formats_of_common_kinds) {
    Workbook wb = one_sheet();
    Sheet& s = wb.sheets[0];
    DiffStyle red;
    red.font_color = 0x9C0006;
    red.fill = Fill{FillPattern::solid, std::nullopt, 0xFFC7CE};
    ConditionalFormat low;
    low.ranges = {range("H2:H40"), range("J2:J40")};
    low.type = "cellIs";
    low.op = "lessThan";
    low.formulas = {"0.75"};
    low.style = red;
    low.priority = 2;
    low.stop_if_true = true;
    s.conditional_formats.push_back(low);
    ConditionalFormat rule;
    rule.ranges = {range("A2:P40")};
    rule.type = "expression";
    rule.formulas = {"$P2=\"Selesai\""};
    rule.style = DiffStyle{};
    rule.style->bold = true;
    rule.priority = 1;
    s.conditional_formats.push_back(rule);
    ConditionalFormat scale;
    scale.ranges = {range("K2:K40")};
    scale.type = "colorScale";
    scale.thresholds = {{"min", ""}, {"percentile", "50"}, {"max", ""}};
    scale.colors = {0xF8696B, 0xFFEB84, 0x000000};
    scale.priority = 3;
    s.conditional_formats.push_back(scale);
    ConditionalFormat bar;
    bar.ranges = {range("L2:L40")};
    bar.type = "dataBar";
    bar.thresholds = {{"num", "0"}, {"num", "1"}};
    bar.colors = {0x638EC6};
    bar.priority = 4;
    s.conditional_formats.push_back(bar);
    ConditionalFormat top;
    top.ranges = {range("M2:M40")};
    top.type = "top10";
    top.rank = 3;
    top.bottom = true;
    top.style = red;
    top.priority = 5;
    s.conditional_formats.push_back(top);
    ConditionalFormat ten_percent;
    ten_percent.ranges = {range("O2:O40")};
    ten_percent.type = "top10";
    ten_percent.rank = 10;
    ten_percent.percent = true;
    ten_percent.style = red;
    ten_percent.priority = 6;
    s.conditional_formats.push_back(ten_percent);
    // An icon set with the source's thresholds, reversed, icons only; and one of the sets
    // Excel 2010 keeps in extLst (3Stars), which the model does not write.
    ConditionalFormat icons;
    icons.ranges = {range("N2:N40")};
    icons.type = "iconSet";
    icons.text = "4Rating";
    icons.thresholds = {{"percent", "0"}, {"num", "2"}, {"num", "5"}, {"formula", "$Z$1"}};
    icons.reverse_icons = true;
    icons.icons_only = true;
    icons.priority = 7;
    s.conditional_formats.push_back(icons);
    ConditionalFormat stars = icons;
    stars.ranges = {range("Q2:Q40")};
    stars.text = "3Stars";
    stars.thresholds.resize(3);
    stars.priority = 8;
    s.conditional_formats.push_back(stars);
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml,
                      "<conditionalFormatting sqref=\"H2:H40 J2:J40\"><cfRule type=\"cellIs\" "
                      "dxfId=\"1\" priority=\"2\" stopIfTrue=\"1\" operator=\"lessThan\">"
                      "<formula>0.75</formula>");
    KINERJA_CHECK_HAS(xml,
                      "<cfRule type=\"expression\" dxfId=\"0\" priority=\"1\">"
                      "<formula>$P2=\"Selesai\"</formula>");
    KINERJA_CHECK_HAS(xml,
                      "<colorScale><cfvo type=\"min\" val=\"0\"/><cfvo type=\"percentile\" "
                      "val=\"50\"/><cfvo type=\"max\" val=\"0\"/><color rgb=\"FFF8696B\"/>"
                      "<color rgb=\"FFFFEB84\"/><color rgb=\"FF000000\"/></colorScale>");
    KINERJA_CHECK_HAS(xml,
                      "<dataBar><cfvo type=\"num\" val=\"0\"/><cfvo type=\"num\" val=\"1\"/>"
                      "<color rgb=\"FF638EC6\"/></dataBar>");
    // libxlsxwriter 1.1.4 writes every top/bottom rule with rank 10: patched.
    KINERJA_CHECK_HAS(xml,
                      "<cfRule type=\"top10\" dxfId=\"1\" priority=\"5\" bottom=\"1\" "
                      "rank=\"3\"/>");
    KINERJA_CHECK_HAS(xml,
                      "<cfRule type=\"top10\" dxfId=\"1\" priority=\"6\" percent=\"1\" "
                      "rank=\"10\"/>");
    KINERJA_CHECK_HAS(xml,
                      "<cfvo type=\"percent\" val=\"0\"/><cfvo type=\"num\" val=\"2\"/>"
                      "<cfvo type=\"num\" val=\"5\"/><cfvo type=\"formula\" "
                      "val=\"$Z$1\"/></iconSet>");
    KINERJA_CHECK_HAS(xml, "iconSet=\"4Rating\"");
    KINERJA_CHECK_HAS(xml, "showValue=\"0\"");
    KINERJA_CHECK_HAS(xml, "reverse=\"1\"");
    KINERJA_CHECK_LACKS(xml, "3Stars");
    BOOST_TEST(out.reported("conditional format of type 'iconSet' not supported"));
    BOOST_TEST(!out.reported("icon set thresholds"));
    // And it reads back as it was.
    Workbook again = read_workbook(out.file());
    const ConditionalFormat* back = nullptr;
    for (const auto& cf : again.sheets.at(0).conditional_formats)
        if (cf.type == "iconSet") back = &cf;
    BOOST_REQUIRE(back);
    BOOST_TEST(back->text == "4Rating");
    BOOST_TEST((back->thresholds == icons.thresholds));
    BOOST_TEST(back->reverse_icons);
    BOOST_TEST(back->icons_only);
    std::string styles = out.part("xl/styles.xml");
    KINERJA_CHECK_HAS(styles,
                      "<dxfs count=\"2\"><dxf><font><b/></font></dxf><dxf><font><color "
                      "rgb=\"FF9C0006\"/></font><fill><patternFill><bgColor "
                      "rgb=\"FFFFC7CE\"/></patternFill></fill></dxf></dxfs>");
}

BOOST_AUTO_TEST_CASE(text_and_blank_rules) {
    Workbook wb = one_sheet();
    Sheet& s = wb.sheets[0];
    ConditionalFormat text;
    text.ranges = {range("B2:B9")};
    text.type = "containsText";
    text.op = "containsText";
    text.text = "Belum";
    text.style = DiffStyle{};
    text.style->italic = true;
    s.conditional_formats.push_back(text);
    ConditionalFormat blanks;
    blanks.ranges = {range("C2:C9")};
    blanks.type = "containsBlanks";
    blanks.style = text.style;
    s.conditional_formats.push_back(blanks);
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml,
                      "<cfRule type=\"containsText\" dxfId=\"0\" priority=\"1\" "
                      "operator=\"containsText\" text=\"Belum\">"
                      "<formula>NOT(ISERROR(SEARCH(\"Belum\",B2)))</formula>");
    KINERJA_CHECK_HAS(xml,
                      "<cfRule type=\"containsBlanks\" dxfId=\"0\" priority=\"2\">"
                      "<formula>LEN(TRIM(C2))=0</formula>");
}

// Issue 16: libxlsxwriter puts a text rule's text between quotes as it is, so a '"' in it
// left the formula unbalanced; such rules are written as the formula they stand for.
BOOST_AUTO_TEST_CASE(text_rules_with_quotes_become_balanced_formulas) {
    Workbook wb = one_sheet();
    Sheet& s = wb.sheets[0];
    const char* types[] = {"containsText", "notContainsText", "beginsWith", "endsWith"};
    for (const char* type : types) {
        ConditionalFormat rule;
        rule.ranges = {range("C3:C9")};
        rule.type = type;
        rule.op = type;
        rule.text = "kata \"baik\"";
        rule.style = DiffStyle{};
        rule.style->bold = true;
        s.conditional_formats.push_back(rule);
    }
    Written out(wb);
    std::string xml = out.sheet();
    const std::string t = "\"kata \"\"baik\"\"\"";
    KINERJA_CHECK_HAS(xml, "<formula>NOT(ISERROR(SEARCH(" + t + ",C3)))</formula>");
    KINERJA_CHECK_HAS(xml, "<formula>ISERROR(SEARCH(" + t + ",C3))</formula>");
    KINERJA_CHECK_HAS(xml, "<formula>LEFT(C3,LEN(" + t + "))=" + t + "</formula>");
    KINERJA_CHECK_HAS(xml, "<formula>RIGHT(C3,LEN(" + t + "))=" + t + "</formula>");
    KINERJA_CHECK_LACKS(xml, "type=\"containsText\"");
    BOOST_TEST(out.report().dropped.empty());
}

BOOST_AUTO_TEST_CASE(comments_with_author_and_visibility) {
    Workbook wb = one_sheet();
    Sheet& s = wb.sheets[0];
    s.comments.push_back({1, 2, "Kasubag TU", "Data dari SIPP per 31 Maret", false});
    s.comments.push_back({4, 0, "", "Periksa lagi\r", true});
    Written out(wb);
    std::string comments = out.part("xl/comments1.xml");
    // libxlsxwriter lists its default (empty) author first.
    KINERJA_CHECK_HAS(comments, "<authors><author></author><author>Kasubag TU</author></authors>");
    KINERJA_CHECK_HAS(comments, "<comment ref=\"C2\" authorId=\"1\">");
    KINERJA_CHECK_HAS(comments, "Data dari SIPP per 31 Maret");
    KINERJA_CHECK_HAS(comments, "<comment ref=\"A5\"");
    KINERJA_CHECK_HAS(comments, "Periksa lagi_x000D_");
    std::string vml = out.part("xl/drawings/vmlDrawing1.vml");
    KINERJA_CHECK_HAS(vml, "visibility:visible");
    KINERJA_CHECK_HAS(vml, "visibility:hidden");
}

BOOST_AUTO_TEST_CASE(images_keep_their_displayed_size) {
    Workbook wb = one_sheet();
    Sheet& s = wb.sheets[0];
    Image logo;
    logo.row = 1;
    logo.col = 1;
    logo.x_offset = 4;
    logo.y_offset = 3;
    logo.width = 120.5;
    logo.height = 60;
    logo.extension = "png";
    logo.description = "Logo Kemenkumham";
    logo.data = std::make_shared<std::string>(make_png(40, 20));
    s.images.push_back(logo);
    Image dense = logo;  // 144 dpi: libxlsxwriter shrinks it unless scaled back
    dense.row = 10;
    dense.width = 50;
    dense.height = 30;
    dense.data = std::make_shared<std::string>(make_png(90, 60, 144));
    s.images.push_back(dense);
    Image photo = logo;
    photo.row = 20;
    photo.width = 200;
    photo.height = 100;
    photo.extension = "jpeg";
    photo.data = std::make_shared<std::string>(make_jpeg_header(300, 150, 2, 118));
    s.images.push_back(photo);
    Image emf = logo;
    emf.extension = "emf";
    emf.data = std::make_shared<std::string>("\x01\x00\x00\x00 not a png");
    s.images.push_back(emf);
    Written out(wb);
    std::string xml = out.part("xl/drawings/drawing1.xml");
    KINERJA_CHECK_HAS(xml, "<a:ext cx=\"" + emu(120.5) + "\" cy=\"" + emu(60) + "\"/>");
    KINERJA_CHECK_HAS(xml, "<a:ext cx=\"" + emu(50) + "\" cy=\"" + emu(30) + "\"/>");
    KINERJA_CHECK_HAS(xml, "<a:ext cx=\"" + emu(200) + "\" cy=\"" + emu(100) + "\"/>");
    KINERJA_CHECK_HAS(xml, "<xdr:from><xdr:col>1</xdr:col><xdr:colOff>" + emu(4) +
                               "</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>" + emu(3));
    KINERJA_CHECK_HAS(xml, "descr=\"Logo Kemenkumham\"");
    BOOST_TEST(out.reported("image of type 'emf' not supported"));
}

BOOST_AUTO_TEST_CASE(image_headers_give_size_and_resolution) {
    using write_detail::image_size;
    auto png = image_size(make_png(33, 17, 300));
    BOOST_REQUIRE(png);
    BOOST_TEST(png->width == 33u);
    BOOST_TEST(png->height == 17u);
    BOOST_TEST(std::abs(png->x_dpi - 300) < 0.01);
    auto jpeg = image_size(make_jpeg_header(640, 480, 1, 72));
    BOOST_REQUIRE(jpeg);
    BOOST_TEST(jpeg->width == 640u);
    BOOST_TEST(jpeg->height == 480u);
    BOOST_TEST(jpeg->y_dpi == 72);
    BOOST_TEST(!image_size("GIF8"));
    BOOST_TEST(!image_size(make_png(33, 17).substr(0, 20)));
    std::string gif = "GIF89a";
    gif += std::string{"\x10\x00\x08\x00", 4};
    auto g = image_size(gif);
    BOOST_REQUIRE(g);
    BOOST_TEST(g->width == 16u);
    BOOST_TEST(g->height == 8u);
}

BOOST_AUTO_TEST_SUITE_END()
