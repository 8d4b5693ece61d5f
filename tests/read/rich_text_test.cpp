// Rich-text runs carry only what their <rPr> says, on top of the model's Font
// defaults; the workbook's first font (here Cambria 9, bold, family 1, scheme
// "major") must not leak into them.
#include "package_util.hpp"
#include "read_test_util.hpp"

using namespace kinerja;
using namespace kinerja::test;

namespace {

const std::string styles =
    R"(<fonts count="1"><font><b/><sz val="9"/><color rgb="FF336699"/><name val="Cambria"/>)"
    R"(<family val="1"/><scheme val="major"/></font></fonts>)"
    R"(<cellXfs count="1"><xf numFmtId="0" fontId="0"/></cellXfs>)";

const std::string shared_strings =
    // 0: a run with no properties, an Arial run, a run that is only italic
    R"(<si><r><t xml:space="preserve">Capaian </t></r>)"
    R"(<r><rPr><rFont val="Arial"/><sz val="10"/></rPr><t xml:space="preserve">Arial </t></r>)"
    R"(<r><rPr><i/></rPr><t>miring</t></r></si>)"
    // 1: a run as Excel writes it, every property given
    R"(<si><r><t xml:space="preserve">Nilai </t></r><r><rPr><b/><sz val="11"/>)"
    R"(<color rgb="FFFF0000"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/>)"
    R"(</rPr><t>merah</t></r></si>)";

const std::string cells = R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
                          R"(<c r="C1" t="inlineStr"><is><r><t xml:space="preserve">Satu </t></r>)"
                          R"(<r><rPr><rFont val="Arial"/><u/></rPr><t>Dua</t></r></is></c></row>)";

const Workbook& rich_workbook() {
    static const Workbook wb = [] {
        ScratchDir dir;
        write_package(dir / "rich.xlsx", one_sheet_package(cells, styles, shared_strings));
        return read_workbook(dir / "rich.xlsx");
    }();
    return wb;
}

const std::vector<RichRun>& runs_at(const char* ref) {
    const Cell& cell = cell_at(sheet_named(rich_workbook(), "Lembar"), ref);
    BOOST_REQUIRE_MESSAGE(cell.rich, ref << " has no rich text");
    return *cell.rich;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(read_rich_text)

BOOST_AUTO_TEST_CASE(the_workbook_font_is_the_cells_not_the_runs) {
    const Font& normal = rich_workbook().styles.at(0).font;
    BOOST_TEST(normal.name == "Cambria");
    BOOST_TEST(normal.scheme == "major");
    BOOST_TEST(normal.family == 1);
    const auto& runs = runs_at("A1");
    BOOST_REQUIRE(runs.size() == 3u);
    BOOST_TEST(!runs[0].font);  // shows in the cell's font
}

BOOST_AUTO_TEST_CASE(unset_properties_stay_at_the_model_defaults) {
    const auto& runs = runs_at("A1");
    BOOST_REQUIRE(runs.size() == 3u);
    Font arial;
    arial.name = "Arial";
    arial.size = 10;
    BOOST_REQUIRE(runs[1].font);
    BOOST_TEST((*runs[1].font == arial));  // no scheme "major", family 0, not bold, no colour
    BOOST_TEST(runs[1].font->scheme.empty());
    BOOST_TEST(runs[1].font->family == 0);
    Font italic;
    italic.italic = true;
    BOOST_REQUIRE(runs[2].font);
    BOOST_TEST((*runs[2].font == italic));
    BOOST_TEST(!runs[2].font->color);
}

BOOST_AUTO_TEST_CASE(properties_the_file_gives_are_kept) {
    const auto& runs = runs_at("B1");
    BOOST_REQUIRE(runs.size() == 2u);
    BOOST_REQUIRE(runs[1].font);
    const Font& f = *runs[1].font;
    BOOST_TEST(f.bold);
    BOOST_TEST(f.name == "Calibri");
    BOOST_TEST(f.family == 2);
    BOOST_TEST(f.scheme == "minor");
    BOOST_REQUIRE(f.color);
    BOOST_TEST(*f.color == 0xFF0000u);
}

BOOST_AUTO_TEST_CASE(inline_string_runs_start_from_the_defaults_too) {
    const auto& runs = runs_at("C1");
    BOOST_REQUIRE(runs.size() == 2u);
    BOOST_TEST(!runs[0].font);
    Font underlined;
    underlined.name = "Arial";
    underlined.underline = 1;
    BOOST_REQUIRE(runs[1].font);
    BOOST_TEST((*runs[1].font == underlined));
}

BOOST_AUTO_TEST_SUITE_END()
