// Excel translation of formulas: the text of the formulas and their cached values.
#include <boost/test/unit_test.hpp>

#include "evaluate/evaluate.hpp"

using namespace kinerja;

namespace {

std::string to_excel(const std::string& text, const CellMap& cells,
                     std::optional<Rounding> rounding = std::nullopt) {
    std::vector<std::string> names;
    for (const auto& [name, cell] : cells) names.push_back(name);
    return Formula::parse(text, names).excel(cells, rounding);
}

const Rounding trunc2{Rounding::Mode::truncate, 2};

}  // namespace

BOOST_AUTO_TEST_SUITE(excel)

// The short form a person reads: the cells checked together, a zero denominator caught.
BOOST_AUTO_TEST_CASE(a_ratio_guards_text_cells_and_zero_denominators) {
    BOOST_TEST(to_excel("pct(a, b)", {{"a", "E5"}, {"b", "D5"}}, trunc2) ==
               "IF(COUNT(E5,D5)<2,\"-\",IFERROR(TRUNC(E5/D5*100,2),\"-\"))");
    BOOST_TEST(to_excel("a / b * 100", {{"a", "'Data'!C7"}, {"b", "Data!$D$7"}}) ==
               "IF(COUNT('Data'!C7,Data!$D$7)<2,\"-\",IFERROR('Data'!C7/Data!$D$7*100,\"-\"))");
    BOOST_TEST(
        to_excel("pct(a, b)", {{"a", "E5"}, {"b", "D5"}}, Rounding{Rounding::Mode::round, 0}) ==
        "IF(COUNT(E5,D5)<2,\"-\",IFERROR(ROUND(E5/D5*100,0),\"-\"))");
    // A cell used twice is checked once.
    BOOST_TEST(to_excel("a / (a + b)", {{"a", "E5"}, {"b", "D5"}}) ==
               "IF(COUNT(E5,D5)<2,\"-\",IFERROR(E5/(E5+D5),\"-\"))");
}

// Percent cells are read as cell*100; in a ratio of two of them the factors cancel, and a
// percent-formatted result divides the rounded value rather than wrapping the formula.
BOOST_AUTO_TEST_CASE(percent_cells_keep_the_formula_short) {
    BOOST_TEST(to_excel("pct(a, b)", {{"a", "E5*100"}, {"b", "D5*100"}}, trunc2) ==
               "IF(COUNT(E5,D5)<2,\"-\",IFERROR(TRUNC(E5/D5*100,2),\"-\"))");
    BOOST_TEST(to_excel("capaian_turun(a, b)", {{"a", "E5*100"}, {"b", "D5*100"}}) ==
               "IF(COUNT(E5,D5)<2,\"-\",IFERROR(MAX(0,(2*D5-E5)/D5*100),\"-\"))");
    // Only a common factor cancels.
    BOOST_TEST(to_excel("pct(a, b)", {{"a", "E5*100"}, {"b", "D5"}}) ==
               "IF(COUNT(E5,D5)<2,\"-\",IFERROR((E5*100)/D5*100,\"-\"))");
    Formula f = Formula::parse("pct(a, b)", {"a", "b"});
    BOOST_TEST(f.excel({{"a", "E5"}, {"b", "D5"}}, trunc2, TurunRule::permenpan, true) ==
               "IF(COUNT(E5,D5)<2,\"-\",IFERROR(TRUNC(E5/D5*100,2)/100,\"-\"))");
    // A number read from text needs no check.
    BOOST_TEST(to_excel("pct(a, b)", {{"a", "92.5"}, {"b", "D5"}}) ==
               "IF(NOT(ISNUMBER(D5)),\"-\",IFERROR(92.5/D5*100,\"-\"))");
}

BOOST_AUTO_TEST_CASE(expressions_as_cells_are_parenthesised) {
    BOOST_TEST(to_excel("a * 2", {{"a", "SUM(E5:E8)"}}) ==
               "IF(NOT(ISNUMBER(SUM(E5:E8))),\"-\",SUM(E5:E8)*2)");
    BOOST_TEST(to_excel("a * 2", {{"a", "D5*100"}}) == "IF(NOT(ISNUMBER(D5)),\"-\",(D5*100)*2)");
}

BOOST_AUTO_TEST_CASE(precedence_survives_translation) {
    // Excel reads -2^2 as 4; the language says -4, so the translation must parenthesise.
    BOOST_TEST(
        to_excel("-a^2", {{"a", "A1"}}) ==
        "IF(NOT(ISNUMBER(A1)),\"-\",IF(OR(AND(A1=0,2<0),AND(A1<0,2<>INT(2))),\"-\",-(A1^2)))");
    BOOST_TEST(to_excel("(a - 3) * 2", {{"a", "A1"}}) == "IF(NOT(ISNUMBER(A1)),\"-\",(A1-3)*2)");
    BOOST_TEST(to_excel("a - (3 - 2)", {{"a", "A1"}}) == "IF(NOT(ISNUMBER(A1)),\"-\",A1-(3-2))");
    BOOST_TEST(to_excel("a + -5", {{"a", "A1"}}) == "IF(NOT(ISNUMBER(A1)),\"-\",A1+(-5))");
}

BOOST_AUTO_TEST_CASE(conditions_and_skipping_functions) {
    BOOST_TEST(
        to_excel("x > 0 ? a : NA", {{"x", "C5"}, {"a", "E5"}}) ==
        "IF(NOT(ISNUMBER(C5)),\"-\",IF(IF(C5>0,NOT(ISNUMBER(E5)),TRUE),\"-\",IF(C5>0,E5,0)))");
    BOOST_TEST(to_excel("avg_na(a, b)", {{"a", "A1"}, {"b", "B1"}}) ==
               "IF(AND(NOT(ISNUMBER(A1)),NOT(ISNUMBER(B1))),\"-\","
               "(IF(NOT(ISNUMBER(A1)),0,A1)+IF(NOT(ISNUMBER(B1)),0,B1))/"
               "(IF(NOT(ISNUMBER(A1)),0,1)+IF(NOT(ISNUMBER(B1)),0,1)))");
    BOOST_TEST(to_excel("ifna(a, 0)", {{"a", "A1"}}) == "IF(NOT(ISNUMBER(A1)),0,A1)");
    BOOST_TEST(to_excel("isna(a)", {{"a", "A1"}}) == "IF(NOT(ISNUMBER(A1)),1,0)");
    BOOST_TEST(to_excel("a > 1 && a < 3", {{"a", "A1"}}) ==
               "IF(NOT(ISNUMBER(A1)),\"-\",(AND(A1>1,A1<3))*1)");
    BOOST_TEST(to_excel("min(a, 120)", {{"a", "A1"}}) == "IF(NOT(ISNUMBER(A1)),\"-\",MIN(A1,120))");
    BOOST_TEST(to_excel("trunc(a)", {{"a", "A1"}}) == "IF(NOT(ISNUMBER(A1)),\"-\",TRUNC(A1,0))");
}

BOOST_AUTO_TEST_CASE(a_missing_cell_is_a_programming_error) {
    Formula f = Formula::parse("a + b", {"a", "b"});
    BOOST_CHECK_THROW(f.excel({{"a", "A1"}}), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(cells_for_the_writer_carry_formula_and_cache) {
    Catalogue catalogue = load_catalogue(default_formulas_dir() / "indikator.toml");
    CompiledCatalogue compiled(catalogue,
                               load_settings(default_formulas_dir() / "pengaturan.toml"));
    Evaluator evaluator(compiled);
    std::size_t makanan = *compiled.index_of("perawatan.makanan");
    CellMap cells{{"terpenuhi", "E5"}, {"jumlah_wbp", "D5"}};
    ExcelFormula r = excel_realisasi(evaluator, makanan, cells, std::vector<double>{80, 85});
    BOOST_TEST(r.formula == "IF(COUNT(E5,D5)<2,\"-\",IFERROR(TRUNC(E5/D5*100,2),\"-\"))");
    BOOST_TEST(r.fraction_formula ==
               "IF(COUNT(E5,D5)<2,\"-\",IFERROR(TRUNC(E5/D5*100,2)/100,\"-\"))");
    BOOST_TEST((r.cached.kind == CellValue::Kind::number));
    BOOST_TEST(r.cached.number == 94.11);
    r = excel_realisasi(evaluator, makanan, cells, std::vector<double>{0, 0});
    BOOST_TEST((r.cached.kind == CellValue::Kind::text));
    BOOST_TEST(r.cached.text == "-");
    ExcelFormula c =
        excel_capaian(evaluator, makanan, {{"realisasi", "F5"}, {"target", "C5"}}, 94.11, 90);
    BOOST_TEST(c.formula == "IF(COUNT(F5,C5)<2,\"-\",IFERROR(TRUNC(F5/C5*100,2),\"-\"))");
    BOOST_TEST(c.cached.number == 104.56);
    ExcelFormula k = excel_kategori(compiled.settings().scale, "G5", 85);
    BOOST_TEST(k.formula ==
               "IF(ISNUMBER(G5),IF(G5>85,\"AA\",IF(G5>75,\"A\",IF(G5>65,\"B\","
               "IF(G5>50,\"CC\",IF(G5>30,\"C\",\"D\"))))),\"-\")");
    BOOST_TEST(k.cached.text == "A");
    BOOST_TEST(excel_kategori(compiled.settings().scale, "G5", na).cached.text == "-");
    // The turun rule and the cap of the template appear in the capaian formula.
    Settings capped = compiled.settings();
    capped.cap = 120;
    CompiledCatalogue compiled_capped(catalogue, capped);
    Evaluator capped_evaluator(compiled_capped);
    std::size_t pb = *compiled_capped.index_of("bapas.pelanggaran_pb");
    c = excel_capaian(capped_evaluator, pb, {{"realisasi", "F5"}, {"target", "C5"}}, 5, 10);
    BOOST_TEST(c.formula ==
               "IF(COUNT(F5,C5)<2,\"-\",IFERROR(TRUNC(MIN(MAX(0,(2*C5-F5)/C5*100),120),2),\"-\"))");
    BOOST_TEST(c.cached.number == 120);
}

BOOST_AUTO_TEST_SUITE_END()
