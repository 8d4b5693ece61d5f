// Cell values and formulas from tests/fixtures/handmade/cells.xlsx.
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
    BOOST_TEST(anchor.array_ref == "F3:F4");
    const Cell& inside = cell_at(data(), "F4");
    BOOST_TEST(!inside.is_formula());
    BOOST_TEST(inside.array_ref.empty());
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
