// Model styles as they land in xl/styles.xml.
#include <boost/test/unit_test.hpp>

#include "model/num_formats.hpp"
#include "write/formats.hpp"
#include "write/written.hpp"

using namespace kinerja;
using namespace kinerja::test;

namespace {

// One cell in A1 with `style`; returns styles.xml.
std::string styles_of(const Style& style, Written** keep = nullptr) {
    Workbook wb = one_sheet();
    std::uint32_t index = wb.intern_style(style);
    wb.sheets[0].put(number_cell(0, 0, 1, index));
    static std::unique_ptr<Written> last;
    last = std::make_unique<Written>(wb);
    if (keep) *keep = last.get();
    return last->part("xl/styles.xml");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(write_styles)

BOOST_AUTO_TEST_CASE(font_properties) {
    Style s;
    s.font.name = "Arial";
    s.font.size = 12.5;
    s.font.bold = s.font.italic = s.font.strike = true;
    s.font.underline = 34;
    s.font.vert_align = 1;
    s.font.color = 0x1F4E79;
    s.font.family = 2;
    std::string xml = styles_of(s);
    KINERJA_CHECK_HAS(xml,
                      "<font><b/><i/><strike/><u val=\"doubleAccounting\"/>"
                      "<vertAlign val=\"superscript\"/><sz val=\"12.5\"/>"
                      "<color rgb=\"FF1F4E79\"/><name val=\"Arial\"/><family val=\"2\"/></font>");
}

BOOST_AUTO_TEST_CASE(black_is_written_as_black_not_as_unset) {
    Style s;
    s.font.color = 0x000000;
    s.fill.pattern = FillPattern::solid;
    s.fill.fg = 0x000000;
    s.border.bottom = {BorderStyle::thin, 0x000000};
    std::string xml = styles_of(s);
    KINERJA_CHECK_HAS(xml, "<color rgb=\"FF000000\"/><name val=\"Calibri\"/>");
    KINERJA_CHECK_HAS(xml, "<patternFill patternType=\"solid\"><fgColor rgb=\"FF000000\"/>");
    KINERJA_CHECK_HAS(xml, "<bottom style=\"thin\"><color rgb=\"FF000000\"/></bottom>");
}

BOOST_AUTO_TEST_CASE(solid_fill_colours_stay_where_the_file_had_them) {
    Style only_fg;
    only_fg.fill = {FillPattern::solid, 0xFFFF00, std::nullopt};
    KINERJA_CHECK_HAS(styles_of(only_fg),
                      "<patternFill patternType=\"solid\"><fgColor "
                      "rgb=\"FFFFFF00\"/><bgColor indexed=\"64\"/>");
    Style both;
    both.fill = {FillPattern::solid, 0xFFFF00, 0x00B050};
    KINERJA_CHECK_HAS(styles_of(both),
                      "<patternFill patternType=\"solid\"><fgColor "
                      "rgb=\"FFFFFF00\"/><bgColor rgb=\"FF00B050\"/>");
    Style pattern;
    pattern.fill = {FillPattern::dark_horizontal, 0x112233, 0x445566};
    KINERJA_CHECK_HAS(styles_of(pattern),
                      "<patternFill patternType=\"darkHorizontal\"><fgColor "
                      "rgb=\"FF112233\"/><bgColor rgb=\"FF445566\"/>");
}

BOOST_AUTO_TEST_CASE(borders_with_colours_and_diagonals) {
    Style s;
    s.border.left = {BorderStyle::thin, 0xFF0000};
    s.border.right = {BorderStyle::medium, std::nullopt};
    s.border.top = {BorderStyle::medium_dashed, 0x00FF00};
    s.border.bottom = {BorderStyle::double_line, std::nullopt};
    s.border.diagonal = {BorderStyle::hair, 0x0000FF};
    s.border.diagonal_up = s.border.diagonal_down = true;
    std::string xml = styles_of(s);
    KINERJA_CHECK_HAS(xml,
                      "<border diagonalUp=\"1\" diagonalDown=\"1\">"
                      "<left style=\"thin\"><color rgb=\"FFFF0000\"/></left>"
                      "<right style=\"medium\"><color auto=\"1\"/></right>"
                      "<top style=\"mediumDashed\"><color rgb=\"FF00FF00\"/></top>"
                      "<bottom style=\"double\"><color auto=\"1\"/></bottom>"
                      "<diagonal style=\"hair\"><color rgb=\"FF0000FF\"/></diagonal></border>");
}

BOOST_AUTO_TEST_CASE(alignment_and_protection) {
    Style s;
    s.alignment.horizontal = 6;  // centerContinuous
    s.alignment.vertical = 2;
    s.alignment.wrap = true;
    s.alignment.indent = 2;
    s.alignment.rotation = 135;  // -45 degrees as stored
    s.protection.locked = false;
    s.protection.hidden = true;
    std::string xml = styles_of(s);
    KINERJA_CHECK_HAS(xml, "horizontal=\"centerContinuous\"");
    KINERJA_CHECK_HAS(xml, "vertical=\"center\"");
    KINERJA_CHECK_HAS(xml, "textRotation=\"135\"");
    KINERJA_CHECK_HAS(xml, "wrapText=\"1\"");
    KINERJA_CHECK_LACKS(xml, "indent=");  // Excel ignores it for centred text
    KINERJA_CHECK_HAS(xml, "<protection locked=\"0\" hidden=\"1\"/>");
    Style stacked;
    stacked.alignment.rotation = 255;
    stacked.alignment.horizontal = 7;
    stacked.alignment.indent = 1;
    Style shrunk;
    shrunk.alignment.horizontal = 2;
    shrunk.alignment.shrink = true;
    std::string xml2 = styles_of(stacked);
    KINERJA_CHECK_HAS(xml2, "textRotation=\"255\"");
    KINERJA_CHECK_HAS(xml2, "horizontal=\"distributed\" indent=\"1\"");
    KINERJA_CHECK_HAS(styles_of(shrunk), "horizontal=\"center\" shrinkToFit=\"1\"");
}

BOOST_AUTO_TEST_CASE(number_formats_builtin_ids_and_custom_strings) {
    Workbook wb = one_sheet();
    Style builtin_date, custom, percent;
    builtin_date.num_format = "mm-dd-yy";  // id 14 as the reader spells it: regional short date
    custom.num_format = "[$-421]dd mmmm yyyy";
    percent.num_format = "0.00%";
    Sheet& s = wb.sheets[0];
    s.put(number_cell(0, 0, 45292, wb.intern_style(builtin_date)));
    s.put(number_cell(0, 1, 45292, wb.intern_style(custom)));
    s.put(number_cell(0, 2, 0.925, wb.intern_style(percent)));
    Written out(wb);
    std::string xml = out.part("xl/styles.xml");
    KINERJA_CHECK_HAS(xml, "<xf numFmtId=\"14\"");
    KINERJA_CHECK_HAS(xml, "<xf numFmtId=\"10\"");
    KINERJA_CHECK_HAS(xml, "<numFmt numFmtId=\"164\" formatCode=\"[$-421]dd mmmm yyyy\"/>");
}

BOOST_AUTO_TEST_CASE(default_style_cells_in_a_styled_row_stay_default) {
    Workbook wb = one_sheet();
    Style grey;
    grey.fill = {FillPattern::solid, 0xD9D9D9, std::nullopt};
    Sheet& s = wb.sheets[0];
    RowInfo row;
    row.style = wb.intern_style(grey);
    s.rows[0] = row;
    s.put(number_cell(0, 0, 5));  // its own style 0, not the row's
    Written out(wb);
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml, "s=\"1\" customFormat=\"1\"");
    KINERJA_CHECK_HAS(xml, "<c r=\"A1\"><v>5</v></c>");
}

BOOST_AUTO_TEST_CASE(font_scheme_and_family_as_in_the_model) {
    Style calibri;
    calibri.font.scheme = "minor";
    calibri.font.family = 2;
    calibri.font.bold = true;
    KINERJA_CHECK_HAS(styles_of(calibri),
                      "<font><b/><sz val=\"11\"/>"
                      "<name val=\"Calibri\"/><family val=\"2\"/>"
                      "<scheme val=\"minor\"/></font>");
    Style plain_calibri;  // no scheme, no family in the file
    plain_calibri.font.italic = true;
    KINERJA_CHECK_HAS(styles_of(plain_calibri),
                      "<font><i/><sz val=\"11\"/>"
                      "<name val=\"Calibri\"/><family val=\"0\"/>"
                      "<scheme val=\"none\"/></font>");
    Style aptos;
    aptos.font.name = "Aptos Narrow";
    aptos.font.scheme = "minor";
    Written* out = nullptr;
    KINERJA_CHECK_HAS(styles_of(aptos, &out),
                      "<name val=\"Aptos Narrow\"/><family val=\"0\"/></font>");
    BOOST_TEST(out->reported("theme font scheme of a font other than Calibri"));
}

BOOST_AUTO_TEST_CASE(style_0_becomes_the_workbook_default) {
    Workbook wb = one_sheet();
    wb.styles[0].font.name = "Arial";
    wb.styles[0].font.size = 10;
    wb.styles[0].font.family = 2;
    wb.sheets[0].put(number_cell(0, 0, 1));
    Written out(wb);
    std::string xml = out.part("xl/styles.xml");
    KINERJA_CHECK_HAS(xml,
                      "<fonts count=\"1\"><font><sz val=\"10\"/>"
                      "<name val=\"Arial\"/><family val=\"2\"/></font></fonts>");
    KINERJA_CHECK_HAS(xml, "<cellXfs count=\"1\">");
    KINERJA_CHECK_HAS(out.sheet(), "<c r=\"A1\"><v>1</v></c>");
}

BOOST_AUTO_TEST_CASE(a_style_that_looks_like_the_library_default_keeps_its_own_look) {
    Workbook wb = one_sheet();
    wb.styles[0].font.name = "Arial";
    Style library;
    library.font.family = 2;
    library.font.scheme = "minor";
    std::uint32_t index = wb.intern_style(library);
    wb.sheets[0].put(number_cell(0, 0, 1, index));
    wb.sheets[0].put(number_cell(0, 1, 1));
    Written out(wb);
    // libxlsxwriter's default format now has style 0's look but its old lookup key;
    // a format of the old look must not take its index.
    KINERJA_CHECK_HAS(out.sheet(), "<c r=\"A1\" s=\"1\"><v>1</v></c><c r=\"B1\"><v>1</v></c>");
    KINERJA_CHECK_HAS(out.part("xl/styles.xml"), "<name val=\"Arial\"/>");
}

BOOST_AUTO_TEST_CASE(builtin_number_format_ids) {
    BOOST_TEST(builtin_num_format_id("m/d/yy") == 14);
    BOOST_TEST(builtin_num_format_id("mm-dd-yy") == 14);  // as the reader spells id 14
    BOOST_TEST(builtin_num_format_id("mmss.0") == 47);
    BOOST_TEST(builtin_num_format_id("mm:ss.0") == 47);
    BOOST_TEST(builtin_num_format_id("_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)") == 41);
    BOOST_TEST(builtin_num_format_id("0.000") == -1);
    BOOST_TEST(builtin_num_format_id("") == -1);
    // Every id the reader resolves comes back as that id.
    for (int id = 1; id < 50; ++id) {
        std::string_view code = builtin_num_format_code(id);
        if (code != "General") BOOST_TEST(builtin_num_format_id(code) == id, "id " << id);
    }
}

BOOST_AUTO_TEST_SUITE_END()
