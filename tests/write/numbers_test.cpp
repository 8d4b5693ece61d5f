// Numbers in the written XML: the shortest text that reads back as the same double,
// where libxlsxwriter's "%.16G" is not.
#include "write/numbers.hpp"

#include <bit>
#include <boost/test/unit_test.hpp>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

#include "read/read.hpp"
#include "write/written.hpp"

using namespace kinerja;
using namespace kinerja::test;
using namespace kinerja::write_detail;

namespace {

std::string exact(double value) {
    char text[number_text_size];
    return std::string(text, exact_number_text(value, text));
}

std::size_t significant_digits(const std::string& text) {
    std::string digits;
    for (char c : text.substr(0, text.find_first_of("eE")))
        if (c >= '0' && c <= '9') digits += c;
    digits.erase(0, digits.find_first_not_of('0'));
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    return digits.size();
}

// The oracle, by other means: libxlsxwriter's text is fine when it reads back as the
// value and has no more significant digits than the shortest exact text.
bool printf_text_is_exact(double value) {
    char g[64];
    std::snprintf(g, sizeof g, "%.16G", value);
    return std::strtod(g, nullptr) == value &&
           significant_digits(g) == significant_digits(exact(value));
}

std::uint64_t bits(double value) {
    return std::bit_cast<std::uint64_t>(value);
}

// Values whose libxlsxwriter text is wrong, right, or right only in value.
const double tricky[] = {84.57,
                         0.1 + 0.2,
                         1e-300,
                         123456789012345678.0,
                         -0.0,
                         5e-324,
                         1.7976931348623157e308,
                         28.499999999999996,
                         1e15,
                         2.675,
                         1.0 / 3};

}  // namespace

BOOST_AUTO_TEST_SUITE(write_numbers)

BOOST_AUTO_TEST_CASE(shortest_text_of_tricky_values) {
    BOOST_TEST(exact(84.57) == "84.57");
    BOOST_TEST(exact(0.1 + 0.2) == "0.30000000000000004");
    BOOST_TEST(exact(1e-300) == "1E-300");
    BOOST_TEST(exact(123456789012345678.0) == "123456789012345680");  // shorter than 1.23...E+17
    BOOST_TEST(exact(-3.637147244299201e20) == "-3.637147244299201E+20");  // not its 21 digits
    BOOST_TEST(exact(-0.0) == "-0");
    BOOST_TEST(exact(5e-324) == "5E-324");
    BOOST_TEST(needs_exact_text(84.57));
    BOOST_TEST(needs_exact_text(0.1 + 0.2));
    BOOST_TEST(needs_exact_text(123456789012345678.0));
    BOOST_TEST(needs_exact_text(5e-324));
    BOOST_TEST(!needs_exact_text(1e-300));  // "1E-300" already
    BOOST_TEST(!needs_exact_text(-0.0));    // "-0" already
    BOOST_TEST(!needs_exact_text(92.5));
    BOOST_TEST(!needs_exact_text(1e15));
    BOOST_TEST(!needs_exact_text(1234567));
}

BOOST_AUTO_TEST_CASE(the_check_agrees_with_printf_and_strtod) {
    std::mt19937_64 random(20240105);
    std::uniform_int_distribution<int> cents(-10'000'000, 10'000'000);
    std::size_t disagreements = 0, patched = 0;
    for (int i = 0; i < 200'000; ++i) {
        double value = i % 2 ? cents(random) / 100.0 : std::bit_cast<double>(random());
        if (!std::isfinite(value)) continue;
        bool needs = needs_exact_text(value);
        patched += needs;
        if (needs == printf_text_is_exact(value)) ++disagreements;
        double back = 0;
        std::string text = exact(value);
        std::from_chars(text.data(), text.data() + text.size(), back);
        if (bits(back) != bits(value)) ++disagreements;
    }
    BOOST_TEST(disagreements == 0u);
    BOOST_TEST(patched > 0u);
}

BOOST_AUTO_TEST_CASE(cells_are_written_exactly_and_read_back_the_same) {
    Workbook wb = one_sheet();
    Sheet& s = wb.sheets[0];
    std::uint32_t row = 0;
    for (double value : tricky) {
        s.put(number_cell(row, 0, value));
        Cell formula = number_cell(row, 1, value);
        formula.formula = "A" + std::to_string(row + 1) + "*1";
        s.put(formula);
        ++row;
    }
    Cell array = number_cell(0, 2, 0.1 + 0.2);
    array.formula = "SUM(A1:A2)";
    s.put(array);
    s.set_array_ref(0, 2, "C1");
    Written out(wb);
    BOOST_TEST(out.report().dropped.empty());
    std::string xml = out.sheet();
    KINERJA_CHECK_HAS(xml, "<c r=\"A1\"><v>84.57</v></c>");
    KINERJA_CHECK_HAS(xml, "<c r=\"A2\"><v>0.30000000000000004</v></c>");
    KINERJA_CHECK_HAS(xml, "<c r=\"A3\"><v>1E-300</v></c>");
    KINERJA_CHECK_HAS(xml, "<c r=\"A4\"><v>123456789012345680</v></c>");
    KINERJA_CHECK_HAS(xml, "<c r=\"A5\"><v>-0</v></c>");
    KINERJA_CHECK_HAS(xml, "<c r=\"B1\"><f>A1*1</f><v>84.57</v></c>");
    KINERJA_CHECK_HAS(xml, "ref=\"C1\">SUM(A1:A2)</f><v>0.30000000000000004</v>");
    KINERJA_CHECK_LACKS(xml, "84.56999999999999");
    Workbook back = read_workbook(out.file());
    row = 0;
    for (double value : tricky) {
        for (std::uint32_t col = 0; col < 2; ++col) {
            const Cell* cell = back.sheets.at(0).find(row, col);
            BOOST_REQUIRE(cell);
            BOOST_TEST(bits(cell->value.number) == bits(value),
                       cell_name(row, col)
                           << ": " << exact(cell->value.number) << " for " << exact(value));
        }
        ++row;
    }
    BOOST_TEST(bits(back.sheets[0].find(0, 2)->value.number) == bits(0.1 + 0.2));
}

BOOST_AUTO_TEST_CASE(a_sheet_of_decimals_reads_back_exactly) {
    Workbook wb = one_sheet();
    for (std::uint32_t i = 0; i < 20'000; ++i)
        wb.sheets[0].put(number_cell(i / 10, i % 10, i / 100.0));
    Written out(wb);
    BOOST_TEST(out.report().dropped.empty());
    KINERJA_CHECK_LACKS(out.sheet(), "9999999");
    KINERJA_CHECK_LACKS(out.sheet(), "0000001");
    Workbook back = read_workbook(out.file());
    std::size_t wrong = 0;
    for (std::uint32_t i = 0; i < 20'000; ++i) {
        const Cell* cell = back.sheets.at(0).find(i / 10, i % 10);
        if (!cell || bits(cell->value.number) != bits(i / 100.0)) ++wrong;
    }
    BOOST_TEST(wrong == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
