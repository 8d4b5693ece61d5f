// Cell formats from tests/fixtures/handmade/styles.xlsx: resolved and deduplicated.
#include "read/styles.hpp"

#include "model/num_formats.hpp"
#include "read_test_util.hpp"

using namespace kinerja;
using namespace kinerja::test;

namespace {
const Workbook& styled() {
    static const Workbook wb = read_workbook(handmade("styles.xlsx"));
    return wb;
}
const Style& style_of(const char* ref) {
    return styled().styles.at(cell_at(sheet_named(styled(), "Gaya"), ref).style);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(read_styles)

BOOST_AUTO_TEST_CASE(default_style_is_the_files_first_format) {
    BOOST_TEST(cell_at(sheet_named(styled(), "Gaya"), "A1").style == 0u);
    const Style& normal = styled().styles.at(0);
    BOOST_TEST(normal.font.name == "Calibri");
    BOOST_TEST(normal.font.scheme == "minor");
    BOOST_TEST(normal.font.family == 2);
}

BOOST_AUTO_TEST_CASE(equal_formats_share_one_style) {
    // cellXfs 6 repeats cellXfs 0; 8 formats in the file, 7 distinct.
    BOOST_TEST(cell_at(sheet_named(styled(), "Gaya"), "G1").style == 0u);
    BOOST_TEST(styled().styles.size() == 7u);
}

BOOST_AUTO_TEST_CASE(number_formats_custom_and_built_in) {
    BOOST_TEST(style_of("A1").num_format == "General");
    BOOST_TEST(style_of("B1").num_format == "#,##0.00 \"Rp\";[Red]-#,##0.00");
    BOOST_TEST(style_of("C1").num_format == "mm-dd-yy");  // id 14
    BOOST_TEST(style_of("D1").num_format == "0%");        // id 9
    BOOST_TEST(style_of("E1").num_format == "#,##0.00");
    BOOST_TEST(style_of("F1").num_format == "@");
    BOOST_TEST(style_of("H1").num_format == "#,##0");
    BOOST_TEST(builtin_num_format_code(46) == "[h]:mm:ss");
    BOOST_TEST(builtin_num_format_code(30) == "General");  // locale-dependent ids
}

BOOST_AUTO_TEST_CASE(fonts) {
    const Font& f = style_of("B1").font;
    BOOST_TEST(f.name == "Arial");
    BOOST_TEST(f.size == 14);
    BOOST_TEST(f.bold);
    BOOST_TEST(f.italic);
    BOOST_TEST(f.strike);
    BOOST_TEST(f.underline == 2);
    BOOST_TEST(f.vert_align == 1);
    const Font& g = style_of("C1").font;
    BOOST_TEST(!g.bold);  // <b val="0"/>
    BOOST_TEST(g.name == "Times New Roman");
    BOOST_TEST(g.size == 10);
    BOOST_TEST(style_of("H1").font.underline == 1);  // <u/> is single
}

BOOST_AUTO_TEST_CASE(fills) {
    BOOST_TEST(style_of("A1").fill.pattern == FillPattern::none);
    BOOST_TEST(style_of("B1").fill.pattern == FillPattern::solid);
    BOOST_TEST(style_of("C1").fill.pattern == FillPattern::light_grid);
    BOOST_TEST(style_of("E1").fill.pattern == FillPattern::solid);  // gradient, approximated
    BOOST_TEST(has_dropped(styled(), "xl/styles.xml", "gradient fill"));
}

BOOST_AUTO_TEST_CASE(borders) {
    const Border& b = style_of("B1").border;
    BOOST_TEST(b.left.style == BorderStyle::thin);
    BOOST_TEST(*b.left.color == 0x000000u);
    BOOST_TEST(b.right.style == BorderStyle::medium);
    BOOST_TEST(*b.right.color == 0xFF0000u);
    BOOST_TEST(b.top.style == BorderStyle::dash_dot);
    BOOST_TEST(!b.top.color);
    BOOST_TEST(b.bottom.style == BorderStyle::double_line);
    BOOST_TEST(b.diagonal.style == BorderStyle::hair);
    BOOST_TEST(!b.diagonal.color);  // auto
    BOOST_TEST(b.diagonal_up);
    BOOST_TEST(!b.diagonal_down);
    BOOST_TEST((style_of("A1").border == Border{}));
}

BOOST_AUTO_TEST_CASE(alignment_and_protection) {
    const Style& s = style_of("B1");
    BOOST_TEST(s.alignment.horizontal == 2);  // center
    BOOST_TEST(s.alignment.vertical == 2);    // center
    BOOST_TEST(s.alignment.wrap);
    BOOST_TEST(s.alignment.indent == 2);
    BOOST_TEST(s.alignment.rotation == 45);
    BOOST_TEST(!s.protection.locked);
    BOOST_TEST(s.protection.hidden);
    const Style& t = style_of("F1");
    BOOST_TEST(t.alignment.horizontal == 6);  // centerContinuous
    BOOST_TEST(t.alignment.vertical == 1);    // top
    BOOST_TEST(t.alignment.shrink);
    BOOST_TEST(t.alignment.rotation == 255);
    BOOST_TEST(style_of("A1").protection.locked);
}

BOOST_AUTO_TEST_SUITE_END()
