// The formula language: every operator and function, not-applicable propagation, and clear
// errors (never crashes) for malformed formulas.
#include <boost/test/unit_test.hpp>
#include <random>
#include <thread>

#include "evaluate/evaluate.hpp"

using namespace kinerja;

namespace {

double eval(const std::string& text, const std::map<std::string, double>& values = {},
            TurunRule turun = TurunRule::permenpan) {
    return evaluate_expression(text, values, turun);
}

// The first diagnostic's message (Indonesian and English) and column for a bad formula.
struct Failure {
    std::string id, en;
    int column = 0;
    int length = 0;
};

Failure failure(const std::string& text, const std::vector<std::string>& variables = {"a", "b"}) {
    try {
        Formula::parse(text, variables);
    } catch (const FormulaError& e) {
        const Diagnostic& d = e.diagnostics().front();
        return {d.message.id, d.message.en, d.column, d.length};
    }
    return {};
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(language)

BOOST_AUTO_TEST_CASE(arithmetic_and_precedence_follow_muparser) {
    BOOST_TEST(eval("1 + 2 * 3") == 7);
    BOOST_TEST(eval("(1 + 2) * 3") == 9);
    BOOST_TEST(eval("-2^2") == -4);    // unary minus binds looser than ^
    BOOST_TEST(eval("2^3^2") == 512);  // ^ is right-associative
    BOOST_TEST(eval("2^-1") == 0.5);
    BOOST_TEST(eval("10 - 4 - 3") == 3);
    BOOST_TEST(eval("8 / 4 / 2") == 1);
    BOOST_TEST(eval("1.5e3 + .5 + 5.") == 1505.5);
    BOOST_TEST(eval("a / b * 100", {{"a", 80}, {"b", 85}}) == 80.0 / 85 * 100);
    BOOST_TEST(eval("1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 3 && 1 == 1 && 1 != 2") == 1);
    BOOST_TEST(eval("0 || 0") == 0);
    BOOST_TEST(eval("2 > 1 ? 10 : 20") == 10);
    BOOST_TEST(eval("2 < 1 ? 10 : 1 ? 30 : 40") == 30);
}

BOOST_AUTO_TEST_CASE(not_applicable_propagates_through_every_operator) {
    std::map<std::string, double> v{{"x", na}, {"y", 3}};
    for (const char* op : {"+", "-", "*", "/", "^", "<", "<=", ">", ">=", "==", "!=", "&&", "||"}) {
        BOOST_TEST_CONTEXT(op) {
            BOOST_TEST(is_na(eval(std::string("x ") + op + " y", v)));
            BOOST_TEST(is_na(eval(std::string("y ") + op + " x", v)));
        }
    }
    BOOST_TEST(is_na(eval("-x", v)));
    // muParser's own ?: would pick a branch for a NaN condition; ours says not applicable.
    BOOST_TEST(is_na(eval("x > 0 ? 1 : 2", v)));
    BOOST_TEST(is_na(eval("y > 0 ? x : 2", v)));
    BOOST_TEST(eval("y > 5 ? x : 2", v) == 2);  // only the chosen branch matters
    BOOST_TEST(is_na(eval("NA")));
    BOOST_TEST(is_na(eval("NA * 0")));
}

BOOST_AUTO_TEST_CASE(not_applicable_propagates_through_every_function) {
    std::map<std::string, double> v{{"x", na}, {"y", 3}};
    for (const char* call : {"pct(x, y)",
                             "pct(y, x)",
                             "capaian_naik(x, y)",
                             "capaian_naik(y, x)",
                             "capaian_turun(x, y)",
                             "capaian_turun(y, x)",
                             "capaian_turun_permenpan(x, y)",
                             "capaian_turun_seed003(y, x)",
                             "trunc(x, 2)",
                             "trunc(y, x)",
                             "trunc(x)",
                             "round(x, 2)",
                             "round(y, x)",
                             "min(y, x)",
                             "min(x, y)",
                             "max(y, x)",
                             "sum(y, x)",
                             "avg(y, x)",
                             "abs(x)",
                             "ifna(x, x)"}) {
        BOOST_TEST_CONTEXT(call) {
            BOOST_TEST(is_na(eval(call, v)));
        }
    }
}

BOOST_AUTO_TEST_CASE(division_by_zero_is_not_applicable_never_inf) {
    BOOST_TEST(is_na(eval("5 / 0")));
    BOOST_TEST(is_na(eval("0 / 0")));
    BOOST_TEST(is_na(eval("pct(5, 0)")));
    BOOST_TEST(is_na(eval("pct(0, 0)")));  // seed 004 printed 0/0 as 0%: it is "-"
    BOOST_TEST(is_na(eval("0 ^ -1")));
    BOOST_TEST(is_na(eval("(-8) ^ 0.5")));
    BOOST_TEST(eval("pct(0, 5)") == 0);
}

BOOST_AUTO_TEST_CASE(huge_numbers_overflow_to_not_applicable) {
    BOOST_TEST(is_na(eval("1e200 * 1e200")));
    BOOST_TEST(is_na(eval("1e308 + 1e308")));
    BOOST_TEST(is_na(eval("sum(1e308, 1e308)")));
    BOOST_TEST(eval("1e300 / 1e300") == 1);
    BOOST_TEST(eval("pct(17080255708, 17281590000)") == 17080255708.0 / 17281590000.0 * 100);
}

BOOST_AUTO_TEST_CASE(each_function) {
    BOOST_TEST(eval("pct(1367, 1367)") == 100);
    BOOST_TEST(eval("capaian_naik(100, 80)") == 125);
    BOOST_TEST(eval("capaian_turun(5, 10)", {}, TurunRule::permenpan) == 150);
    BOOST_TEST(eval("capaian_turun(5, 10)", {}, TurunRule::seed003) == 300);
    BOOST_TEST(eval("capaian_turun_permenpan(30, 10)") == 0);
    BOOST_TEST(eval("capaian_turun_seed003(5, 10)") == 300);
    BOOST_TEST(eval("trunc(94.117, 2)") == 94.11);
    BOOST_TEST(eval("trunc(142.857)") == 142);
    BOOST_TEST(eval("trunc(0.285 * 100, 2)") == 28.5);
    BOOST_TEST(eval("round(94.115, 2)") == 94.12);
    BOOST_TEST(eval("round(142.5)") == 143);
    BOOST_TEST(eval("min(3, 1, 2)") == 1);
    BOOST_TEST(eval("max(3, 1, 2)") == 3);
    BOOST_TEST(eval("sum(1, 2, 3)") == 6);
    BOOST_TEST(eval("avg(1, 2, 6)") == 3);
    BOOST_TEST(eval("abs(-4)") == 4);
    BOOST_TEST(eval("isna(NA)") == 1);
    BOOST_TEST(eval("isna(3)") == 0);
    BOOST_TEST(eval("ifna(NA, 7)") == 7);
    BOOST_TEST(eval("ifna(3, 7)") == 3);
}

BOOST_AUTO_TEST_CASE(functions_that_skip_not_applicable_values) {
    // The HIV/TB composite: no HIV cases -> computed on TB alone (seed 004).
    BOOST_TEST(eval("avg_na(pct(0, 0), pct(3, 3))") == 100);
    BOOST_TEST(eval("avg_na(pct(1, 2), pct(3, 3))") == 75);
    BOOST_TEST(is_na(eval("avg_na(NA, NA)")));
    BOOST_TEST(eval("sum_na(NA, 2, 3)") == 5);
    BOOST_TEST(is_na(eval("sum_na(NA)")));
    BOOST_TEST(eval("wavg_na(100, 10, 50, 30)") == 62.5);
    BOOST_TEST(eval("wavg_na(100, 10, NA, 30)") == 100);  // weight of a missing score drops out
    BOOST_TEST(eval("wavg_na(100, NA, 50, 30)") == 50);
    BOOST_TEST(is_na(eval("wavg_na(NA, 10, NA, 30)")));
    BOOST_TEST(is_na(eval("wavg_na(5, 0)")));
}

BOOST_AUTO_TEST_CASE(negative_values_are_computed_not_refused) {
    BOOST_TEST(eval("pct(-5, 10)") == -50);
    BOOST_TEST(eval("pct(a - b, a)", {{"a", 10}, {"b", 12}}) == -20);
    BOOST_TEST(eval("trunc(-2.555, 2)") == -2.55);
    BOOST_TEST(eval("min(-1, -2)") == -2);
}

BOOST_AUTO_TEST_CASE(compiled_once_evaluated_many_times) {
    Formula f = Formula::parse("pct(terpenuhi, jumlah_wbp)", {"terpenuhi", "jumlah_wbp"});
    BOOST_TEST(f.uses("terpenuhi"));
    BOOST_TEST(!f.uses("lain"));
    FormulaEvaluator evaluator(f);
    double total = 0;
    for (int i = 1; i <= 1000; ++i) {
        std::vector<double> values{static_cast<double>(i), 1000};
        total += evaluator.evaluate(values);
    }
    BOOST_TEST(total == 50050, boost::test_tools::tolerance(1e-9));
    BOOST_CHECK_THROW(evaluator.evaluate(std::vector<double>{1}), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(one_evaluator_per_thread_gives_the_same_results) {
    Formula f =
        Formula::parse("avg_na(pct(a, b), pct(c, d)) > 50 ? trunc(pct(a + c, b + d), 2) : NA",
                       {"a", "b", "c", "d"});
    auto expected = [](int i) {
        std::vector<double> v{double(i % 97), double(i % 89 + 1), double(i % 13), double(i % 7)};
        return v;
    };
    FormulaEvaluator reference(f);
    std::vector<double> want;
    for (int i = 0; i < 20000; ++i) want.push_back(reference.evaluate(expected(i)));
    std::vector<int> mismatches(8, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            FormulaEvaluator mine(f);  // a parser per thread; sharing one gives wrong results
            for (int round = 0; round < 3; ++round) {
                for (int i = 0; i < 20000; ++i) {
                    double got = mine.evaluate(expected(i));
                    bool same = (is_na(got) && is_na(want[i])) || got == want[i];
                    if (!same) ++mismatches[t];
                }
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (int t = 0; t < 8; ++t) BOOST_TEST(mismatches[t] == 0);
}

BOOST_AUTO_TEST_CASE(malformed_formulas_give_clear_errors) {
    Failure f = failure("pct(a, b");
    BOOST_TEST(contains(f.id, "'(' ini tidak ditutup"));
    BOOST_TEST(f.column == 4);  // the unclosed '('
    f = failure("pct(a, b))");
    BOOST_TEST(contains(f.en, "')' without a matching '('"));
    BOOST_TEST(f.column == 10);
    f = failure("((a + b)");
    BOOST_TEST(f.column == 1);
    f = failure("sin(a)");
    BOOST_TEST(contains(f.id, "fungsi tidak dikenal 'sin'"));
    BOOST_TEST(contains(f.id, "mungkin maksudnya 'min'"));
    BOOST_TEST(f.length == 3);
    f = failure("pct(a)");
    BOOST_TEST(contains(f.en, "'pct' takes 2 arguments, given 1"));
    f = failure("wavg_na(a, b, a)");
    BOOST_TEST(contains(f.en, "pairs"));
    f = failure("pct(a, jumlah_wpb)", {"a", "jumlah_wbp"});
    BOOST_TEST(contains(f.id, "nama tidak dikenal 'jumlah_wpb' (mungkin maksudnya 'jumlah_wbp'?)"));
    BOOST_TEST(f.column == 8);
    BOOST_TEST(f.length == 10);
    f = failure("92,5");
    BOOST_TEST(contains(f.id, "desimal memakai titik"));
    f = failure("a = b");
    BOOST_TEST(contains(f.en, "write '==' to compare"));
    f = failure("a / b * 100%");
    BOOST_TEST(contains(f.id, "pct(a, b)"));
    f = failure("a ? b");
    BOOST_TEST(contains(f.en, "'?' without ':'"));
    f = failure("a +");
    BOOST_TEST(contains(f.en, "ends too early"));
    f = failure("");
    BOOST_TEST(contains(f.en, "empty formula"));
    f = failure("a \xC3\x97 b");  // "×"
    BOOST_TEST(contains(f.id, "karakter tidak dikenal"));
    BOOST_TEST(f.column == 3);
    f = failure("1e400");
    BOOST_TEST(contains(f.en, "too large"));
    f = failure("1.2.3");
    BOOST_TEST(contains(f.en, "invalid number"));
    f = failure("a, b");
    BOOST_TEST(contains(f.en, "separates function arguments"));
}

BOOST_AUTO_TEST_CASE(oversized_and_deeply_nested_formulas_are_refused) {
    std::string long_formula = "a";
    while (long_formula.size() < 20000) long_formula += " + a";
    Failure f = failure(long_formula);
    BOOST_TEST(contains(f.en, "formula too long"));
    std::string deep = std::string(500, '(') + "a" + std::string(500, ')');
    f = failure(deep);
    BOOST_TEST(contains(f.en, "nested too deeply"));
    std::string minus = std::string(2000, '-') + "a";
    f = failure(minus);
    BOOST_TEST(contains(f.en, "nested too deeply"));
    std::string calls;
    for (int i = 0; i < 300; ++i) calls += "abs(";
    calls += "a" + std::string(300, ')');
    f = failure(calls);
    BOOST_TEST(contains(f.en, "nested too deeply"));
    // Under the limits everything still works.
    std::string fine = std::string(30, '(') + "a" + std::string(30, ')');
    BOOST_TEST(eval(fine, {{"a", 2}}) == 2);
}

BOOST_AUTO_TEST_CASE(fuzzed_garbage_never_crashes_the_checker) {
    std::mt19937 random(20240529);  // fixed seed: reproducible
    const std::string alphabet = "ab()+-*/^<>=!&|?:,.0123456789 eE_xNA\t\n%pctavgsumwin\xC3\x97";
    int parsed = 0, rejected = 0;
    for (int i = 0; i < 4000; ++i) {
        std::string text;
        int length = static_cast<int>(random() % 40);
        for (int k = 0; k < length; ++k) text += alphabet[random() % alphabet.size()];
        try {
            Formula formula = Formula::parse(text, {"a", "b", "x"});
            FormulaEvaluator evaluator(formula);
            evaluator.evaluate(std::vector<double>{1, na, 0});
            ++parsed;
        } catch (const FormulaError& e) {
            BOOST_TEST(!e.diagnostics().empty());
            BOOST_TEST(!e.describe(Lang::id).empty());
            ++rejected;
        }
    }
    BOOST_TEST(parsed > 0);
    BOOST_TEST(rejected > 0);
}

BOOST_AUTO_TEST_CASE(diagnostics_print_like_a_compiler) {
    try {
        Formula::parse("pct(terpenuhi, jumlah_wpb)", {"terpenuhi", "jumlah_wbp"});
        BOOST_FAIL("expected an error");
    } catch (const FormulaError& e) {
        std::string text = e.describe(Lang::id);
        BOOST_TEST(text ==
                   "<rumus>:1:16: galat: nama tidak dikenal 'jumlah_wpb' (mungkin maksudnya "
                   "'jumlah_wbp'?)\n"
                   "   1 | pct(terpenuhi, jumlah_wpb)\n"
                   "     |                ^~~~~~~~~~\n");
        BOOST_TEST(contains(e.describe(Lang::en), "<formula>:1:16: error: unknown name"));
    }
}

BOOST_AUTO_TEST_SUITE_END()
