// Built-in number format ids resolve to ECMA-376 Part 1, 18.8.30 strings, in the
// table and through cellXfs and dxfs; a numFmt element overrides an id.
#include <map>

#include "model/num_formats.hpp"
#include "package_util.hpp"
#include "read_test_util.hpp"

using namespace kinerja;
using namespace kinerja::test;

BOOST_AUTO_TEST_SUITE(read_num_formats)

BOOST_AUTO_TEST_CASE(ids_the_standard_defines_for_all_languages) {
    const std::map<int, std::string> ecma = {
        {0, "General"},
        {1, "0"},
        {2, "0.00"},
        {3, "#,##0"},
        {4, "#,##0.00"},
        {9, "0%"},
        {10, "0.00%"},
        {11, "0.00E+00"},
        {12, "# ?/?"},
        {13, "# ?\?/??"},
        {14, "mm-dd-yy"},
        {15, "d-mmm-yy"},
        {16, "d-mmm"},
        {17, "mmm-yy"},
        {18, "h:mm AM/PM"},
        {19, "h:mm:ss AM/PM"},
        {20, "h:mm"},
        {21, "h:mm:ss"},
        {22, "m/d/yy h:mm"},
        {37, "#,##0 ;(#,##0)"},
        {38, "#,##0 ;[Red](#,##0)"},
        {39, "#,##0.00;(#,##0.00)"},
        {40, "#,##0.00;[Red](#,##0.00)"},
        {45, "mm:ss"},
        {46, "[h]:mm:ss"},
        {47, "mmss.0"},
        {48, "##0.0E+0"},
        {49, "@"},
    };
    for (const auto& [id, code] : ecma)
        BOOST_TEST(builtin_num_format_code(id) == code, "id " << id);
}

BOOST_AUTO_TEST_CASE(currency_and_accounting_ids_in_en_us) {
    BOOST_TEST(builtin_num_format_code(5) == "($#,##0_);($#,##0)");
    BOOST_TEST(builtin_num_format_code(8) == "($#,##0.00_);[Red]($#,##0.00)");
    BOOST_TEST(builtin_num_format_code(41) == "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)");
    BOOST_TEST(builtin_num_format_code(44) ==
               "_($* #,##0.00_);_($* (#,##0.00);_($* \"-\"??_);_(@_)");
}

BOOST_AUTO_TEST_CASE(locale_and_unknown_ids_are_general) {
    for (int id : {23, 30, 36, 50, 81, 163, -1, 1000})
        BOOST_TEST(builtin_num_format_code(id) == "General", "id " << id);
}

BOOST_AUTO_TEST_CASE(cell_formats_and_differential_formats_resolve_ids) {
    const std::string styles =
        R"(<numFmts count="1"><numFmt numFmtId="38" formatCode="0.000"/></numFmts>)"
        R"(<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>)"
        R"(<cellXfs count="5"><xf numFmtId="0" fontId="0"/><xf numFmtId="14" fontId="0"/>)"
        R"(<xf numFmtId="37" fontId="0"/><xf numFmtId="47" fontId="0"/>)"
        R"(<xf numFmtId="38" fontId="0"/></cellXfs>)"
        R"(<dxfs count="1"><dxf><numFmt numFmtId="39" formatCode=""/></dxf></dxfs>)";
    const std::string cells = R"(<row r="1"><c r="A1" s="1"><v>45292</v></c>)"
                              R"(<c r="B1" s="2"><v>-5</v></c><c r="C1" s="3"><v>0.5</v></c>)"
                              R"(<c r="D1" s="4"><v>1</v></c></row>)";
    const std::string rule =
        R"(<conditionalFormatting sqref="A1:D1"><cfRule type="cellIs" dxfId="0" priority="1" )"
        R"(operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>)";
    ScratchDir dir;
    write_package(dir / "format.xlsx", one_sheet_package(cells, styles, "", rule));
    Workbook wb = read_workbook(dir / "format.xlsx");
    const Sheet& sheet = sheet_named(wb, "Lembar");
    auto format_at = [&](const char* ref) {
        return wb.styles.at(cell_at(sheet, ref).style).num_format;
    };
    BOOST_TEST(format_at("A1") == "mm-dd-yy");
    BOOST_TEST(format_at("B1") == "#,##0 ;(#,##0)");
    BOOST_TEST(format_at("C1") == "mmss.0");
    BOOST_TEST(format_at("D1") == "0.000");  // the file's own numFmt wins over id 38
    BOOST_REQUIRE(sheet.conditional_formats.size() == 1u);
    BOOST_REQUIRE(sheet.conditional_formats[0].style);
    BOOST_TEST(sheet.conditional_formats[0].style->num_format.value_or("") ==
               "#,##0.00;(#,##0.00)");  // id 39, the dxf's formatCode being empty
}

BOOST_AUTO_TEST_SUITE_END()
