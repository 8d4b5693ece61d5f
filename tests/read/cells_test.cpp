// Cell values and formulas from tests/fixtures/handmade/cells.xlsx.
#include "package_util.hpp"
#include "read_test_util.hpp"

using namespace kinerja;
using namespace kinerja::test;
using Kind = CellValue::Kind;

namespace {
const Workbook& cells_workbook() {
    static const Workbook wb = read_workbook(handmade("cells.xlsx"));
    return wb;
}
const Sheet& data() {
    return sheet_named(cells_workbook(), "Data");
}
}  // namespace

BOOST_AUTO_TEST_SUITE(read_cells)

BOOST_AUTO_TEST_CASE(numbers_booleans_errors) {
    BOOST_TEST((cell_at(data(), "A1").value.kind == Kind::number));
    BOOST_TEST(cell_at(data(), "B1").value.number == 2.5);
    BOOST_TEST(cell_at(data(), "A3").value.number == 1500);  // written "1.5E+3"
    BOOST_TEST(cell_at(data(), "B5").value.number == -0.25);
    BOOST_TEST((cell_at(data(), "E1").value.kind == Kind::boolean));
    BOOST_TEST(cell_at(data(), "E1").value.number == 1);
    BOOST_TEST((cell_at(data(), "F1").value.kind == Kind::error));
    BOOST_TEST(cell_at(data(), "F1").value.text == "#DIV/0!");
    BOOST_TEST((cell_at(data(), "G3").value.kind == Kind::blank));  // styled, no value
    BOOST_TEST(cell_at(data(), "G3").style != cell_at(data(), "A1").style);
}

BOOST_AUTO_TEST_CASE(iso_date_cell_becomes_serial) {
    BOOST_TEST(cell_at(data(), "A5").value.number == 45296.5);  // 2024-01-05T12:00:00
}

BOOST_AUTO_TEST_CASE(shared_strings_plain_rich_and_escaped) {
    BOOST_TEST(cell_at(data(), "D1").value.text == "Target");
    BOOST_TEST(!cell_at(data(), "D1").rich);
    BOOST_TEST(cell_at(data(), "D4").value.text == "Baris\r\ndua");     // _x000D__x000A_
    BOOST_TEST(cell_at(data(), "E4").value.text == "_x0041_ literal");  // _x005F_ escapes '_'
    BOOST_TEST(cell_at(data(), "G4").value.text == "  spasi  ");
    BOOST_TEST(cell_at(data(), "D3").value.text == "\u6771\u4eac");  // phonetic run skipped
    BOOST_TEST(cell_at(data(), "H4").value.text == "tanpa format");  // runs without fonts
    BOOST_TEST(!cell_at(data(), "H4").rich);
}

BOOST_AUTO_TEST_CASE(rich_text_runs_keep_their_fonts) {
    const Cell& c = cell_at(data(), "D2");
    BOOST_TEST(c.value.text == "Realisasi TW I");
    BOOST_REQUIRE(c.rich);
    BOOST_REQUIRE(c.rich->size() == 3u);
    const auto& runs = *c.rich;
    BOOST_TEST(runs[0].text == "Reali");
    BOOST_TEST(!runs[0].font);
    BOOST_REQUIRE(runs[1].font);
    BOOST_TEST(runs[1].text == "sasi ");
    BOOST_TEST(runs[1].font->bold);
    BOOST_TEST(runs[1].font->size == 12);
    BOOST_TEST(runs[1].font->name == "Arial");
    BOOST_TEST(*runs[1].font->color == 0x8FAADCu);  // accent1 lighter 40%
    BOOST_REQUIRE(runs[2].font);
    BOOST_TEST(runs[2].font->italic);
    BOOST_TEST(!runs[2].font->bold);
    BOOST_TEST(*runs[2].font->color == 0xFF0000u);
    BOOST_TEST(runs[2].font->name == "Calibri");  // no rFont: the model default
}

BOOST_AUTO_TEST_CASE(inline_strings) {
    BOOST_TEST(cell_at(data(), "F2").value.text == "Teks \rlangsung");
    const Cell& rich = cell_at(data(), "E3");
    BOOST_TEST(rich.value.text == "Satu Dua");
    BOOST_REQUIRE(rich.rich);
    BOOST_TEST(rich.rich->at(1).font->bold);
    BOOST_TEST(cell_at(data(), "D5").value.text == "plain str");  // t="str" without a formula
}

BOOST_AUTO_TEST_CASE(formulas_with_cached_values_of_each_type) {
    const Cell& number = cell_at(data(), "C5");
    BOOST_TEST(number.formula == "A1+1");  // a leading '=' in the file is dropped
    BOOST_TEST(number.value.number == 11);
    const Cell& text = cell_at(data(), "E2");
    BOOST_TEST(text.formula == "CONCATENATE(\"a\",\"b\")");
    BOOST_TEST((text.value.kind == Kind::text));
    BOOST_TEST(text.value.text == "ab");
    const Cell& boolean = cell_at(data(), "G2");
    BOOST_TEST(boolean.formula == "A1>5");
    BOOST_TEST((boolean.value.kind == Kind::boolean));
    const Cell& error = cell_at(data(), "G1");
    BOOST_TEST(error.formula == "A1/0");
    BOOST_TEST((error.value.kind == Kind::error));
    BOOST_TEST(error.value.text == "#DIV/0!");
    BOOST_TEST(!cell_at(data(), "A1").is_formula());
}

BOOST_AUTO_TEST_CASE(shared_formulas_are_expanded) {
    BOOST_TEST(cell_at(data(), "C1").formula == "A1+$B$1");
    BOOST_TEST(cell_at(data(), "C2").formula == "A2+$B$1");
    BOOST_TEST(cell_at(data(), "C3").formula == "A3+$B$1");
    BOOST_TEST(cell_at(data(), "C3").value.number == 1502.5);
    BOOST_TEST(cell_at(data(), "I1").formula == "B1*2");
    BOOST_TEST(cell_at(data(), "J1").formula == "C1*2");
    BOOST_TEST(cell_at(data(), "K2").formula == "IF(A2>0,\"A1\",Sheet2!B2)");
}

BOOST_AUTO_TEST_CASE(array_formula_keeps_its_range) {
    const Cell& anchor = cell_at(data(), "F3");
    BOOST_TEST(anchor.formula == "SUM(A1:A3*B1:B3)");
    BOOST_TEST(data().array_ref(anchor.row, anchor.col) == "F3:F4");
    const Cell& inside = cell_at(data(), "F4");
    BOOST_TEST(!inside.is_formula());
    BOOST_TEST(data().array_ref(inside.row, inside.col).empty());
}

BOOST_AUTO_TEST_CASE(a_cell_given_again_takes_or_loses_the_array_formula_with_it) {
    // The last of a repeated reference counts, the array range beside the cells included.
    ScratchDir dir;
    write_package(dir / "again.xlsx",
                  one_sheet_package(R"(<row r="1"><c r="A1"><f t="array" ref="A1">1+1</f></c>)"
                                    R"(<c r="A1"><f>2+2</f></c>)"
                                    R"(<c r="B1"><v>1</v></c><c r="B1"><f t="array">3+3</f></c>)"
                                    R"(</row>)",
                                    "", ""));
    Workbook wb = read_workbook(dir / "again.xlsx");
    const Sheet& s = sheet_named(wb, "Lembar");
    BOOST_TEST(cell_at(s, "A1").formula == "2+2");
    BOOST_TEST(s.array_ref(0, 0).empty());
    BOOST_TEST(cell_at(s, "B1").formula == "3+3");
    BOOST_TEST(s.array_ref(0, 1) == "B1");
}

BOOST_AUTO_TEST_CASE(putting_a_cell_replaces_its_array_formula) {
    Sheet s;
    Cell anchor = Cell::of_number(0, 0, 4);
    anchor.formula = "SUM(B1:B2*C1:C2)";
    s.put(anchor);
    s.set_array_ref(0, 0, "A1");
    BOOST_TEST(s.array_ref(0, 0) == "A1");
    s.find(0, 0)->value.number = 5;  // a change in place keeps the array
    BOOST_TEST(s.array_ref(0, 0) == "A1");
    Cell computed = Cell::of_number(0, 0, 6);
    computed.formula = "B1*2";
    s.put(computed);  // a new cell in its place does not
    BOOST_TEST(s.array_ref(0, 0).empty());
}

BOOST_AUTO_TEST_CASE(wrong_dimension_is_ignored_and_cells_are_sorted) {
    // <dimension ref="A1:B2"/> but the sheet goes to XFD1048576.
    const auto& cells = data().cells;
    BOOST_TEST(cells.size() == 35u);
    for (std::size_t i = 1; i < cells.size(); ++i)
        BOOST_TEST((cells[i - 1].row < cells[i].row ||
                    (cells[i - 1].row == cells[i].row && cells[i - 1].col < cells[i].col)));
    BOOST_TEST(sheet_named(cells_workbook(), "Sheet2").cells.empty());
}

BOOST_AUTO_TEST_SUITE_END()
