// The muParser side: every operator and function of the language as a callback that
// propagates not-applicable (NaN), and the parser configured with only those.
//
// The built-in operators are switched off because their comparisons turn NaN into 0
// (false), which would silently pick a branch for a not-applicable value.
#include "evaluate/muparser_setup.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "evaluate/numeric.hpp"

namespace kinerja::evaluate_detail {

namespace {

using mu::value_type;

bool any_na(value_type a, value_type b) {
    return std::isnan(a) || std::isnan(b);
}

value_type op_add(value_type a, value_type b) {
    return finite_or_na(a + b);
}
value_type op_sub(value_type a, value_type b) {
    return finite_or_na(a - b);
}
value_type op_mul(value_type a, value_type b) {
    return finite_or_na(a * b);
}
value_type op_div(value_type a, value_type b) {
    return b == 0 ? na : finite_or_na(a / b);
}
value_type op_pow(value_type a, value_type b) {
    return finite_or_na(std::pow(a, b));
}
value_type op_lt(value_type a, value_type b) {
    return any_na(a, b) ? na : a < b;
}
value_type op_le(value_type a, value_type b) {
    return any_na(a, b) ? na : a <= b;
}
value_type op_gt(value_type a, value_type b) {
    return any_na(a, b) ? na : a > b;
}
value_type op_ge(value_type a, value_type b) {
    return any_na(a, b) ? na : a >= b;
}
value_type op_eq(value_type a, value_type b) {
    return any_na(a, b) ? na : a == b;
}
value_type op_ne(value_type a, value_type b) {
    return any_na(a, b) ? na : a != b;
}
value_type op_and(value_type a, value_type b) {
    return any_na(a, b) ? na : (a != 0 && b != 0);
}
value_type op_or(value_type a, value_type b) {
    return any_na(a, b) ? na : (a != 0 || b != 0);
}
value_type op_negate(value_type a) {
    return -a;
}

value_type fn_if(value_type c, value_type a, value_type b) {
    if (std::isnan(c)) return na;
    return c != 0 ? a : b;
}
value_type fn_pct(value_type a, value_type b) {
    return any_na(a, b) || b == 0 ? na : finite_or_na(a / b * 100);
}
value_type fn_capaian_naik(value_type r, value_type t) {
    return capaian_naik(r, t);
}
value_type fn_capaian_turun(void* rule, value_type r, value_type t) {
    return capaian_turun(r, t, *static_cast<const TurunRule*>(rule));
}
value_type fn_turun_permenpan(value_type r, value_type t) {
    return capaian_turun(r, t, TurunRule::permenpan);
}
value_type fn_turun_seed003(value_type r, value_type t) {
    return capaian_turun(r, t, TurunRule::seed003);
}

int decimals_of(value_type n) {
    return static_cast<int>(std::clamp(std::trunc(n), -15.0, 15.0));
}
value_type fn_trunc(const value_type* v, int n) {
    if (n == 1) return trunc_to(v[0], 0);
    return std::isnan(v[1]) ? na : trunc_to(v[0], decimals_of(v[1]));
}
value_type fn_round(const value_type* v, int n) {
    if (n == 1) return round_to(v[0], 0);
    return std::isnan(v[1]) ? na : round_to(v[0], decimals_of(v[1]));
}

// min and max: not applicable as soon as one argument is.
template <typename Better>
value_type pick(const value_type* v, int n, Better better) {
    value_type best = v[0];
    for (int i = 0; i < n; ++i) {
        if (std::isnan(v[i])) return na;
        if (better(v[i], best)) best = v[i];
    }
    return best;
}
value_type fn_min(const value_type* v, int n) {
    return pick(v, n, std::less<>{});
}
value_type fn_max(const value_type* v, int n) {
    return pick(v, n, std::greater<>{});
}
value_type fn_sum(const value_type* v, int n) {
    value_type total = 0;
    for (int i = 0; i < n; ++i) total += v[i];
    return finite_or_na(total);
}
value_type fn_avg(const value_type* v, int n) {
    return finite_or_na(fn_sum(v, n) / n);
}
value_type fn_sum_na(const value_type* v, int n) {
    value_type total = 0;
    int applicable = 0;
    for (int i = 0; i < n; ++i) {
        if (std::isnan(v[i])) continue;
        total += v[i];
        ++applicable;
    }
    return applicable ? finite_or_na(total) : na;
}
value_type fn_avg_na(const value_type* v, int n) {
    value_type total = 0;
    int applicable = 0;
    for (int i = 0; i < n; ++i) {
        if (std::isnan(v[i])) continue;
        total += v[i];
        ++applicable;
    }
    return applicable ? finite_or_na(total / applicable) : na;
}
value_type fn_wavg_na(const value_type* v, int n) {
    value_type weighted = 0, weights = 0;
    for (int i = 0; i + 1 < n; i += 2) {
        if (any_na(v[i], v[i + 1])) continue;
        weighted += v[i] * v[i + 1];
        weights += v[i + 1];
    }
    return weights == 0 ? na : finite_or_na(weighted / weights);
}
value_type fn_ifna(value_type x, value_type alternative) {
    return std::isnan(x) ? alternative : x;
}
value_type fn_isna(value_type x) {
    return std::isnan(x) ? 1 : 0;
}
value_type fn_abs(value_type x) {
    return std::fabs(x);
}

}  // namespace

void configure_parser(mu::Parser& parser, const TurunRule* turun) {
    parser.ClearFun();
    parser.ClearConst();
    parser.ClearOprt();
    parser.ClearInfixOprt();
    parser.ClearPostfixOprt();
    parser.EnableBuiltInOprt(false);
    parser.DefineOprt("||", op_or, mu::prLOR, mu::oaLEFT, true);
    parser.DefineOprt("&&", op_and, mu::prLAND, mu::oaLEFT, true);
    parser.DefineOprt("<", op_lt, mu::prCMP, mu::oaLEFT, true);
    parser.DefineOprt("<=", op_le, mu::prCMP, mu::oaLEFT, true);
    parser.DefineOprt(">", op_gt, mu::prCMP, mu::oaLEFT, true);
    parser.DefineOprt(">=", op_ge, mu::prCMP, mu::oaLEFT, true);
    parser.DefineOprt("==", op_eq, mu::prCMP, mu::oaLEFT, true);
    parser.DefineOprt("!=", op_ne, mu::prCMP, mu::oaLEFT, true);
    parser.DefineOprt("+", op_add, mu::prADD_SUB, mu::oaLEFT, true);
    parser.DefineOprt("-", op_sub, mu::prADD_SUB, mu::oaLEFT, true);
    parser.DefineOprt("*", op_mul, mu::prMUL_DIV, mu::oaLEFT, true);
    parser.DefineOprt("/", op_div, mu::prMUL_DIV, mu::oaLEFT, true);
    parser.DefineOprt("^", op_pow, mu::prPOW, mu::oaRIGHT, true);
    parser.DefineInfixOprt("-", op_negate, mu::prINFIX, true);
    parser.DefineConst("NA", na);
    parser.DefineFun("_if", fn_if);
    parser.DefineFun("pct", fn_pct);
    parser.DefineFun("capaian_naik", fn_capaian_naik);
    parser.DefineFunUserData("capaian_turun", fn_capaian_turun,
                             const_cast<void*>(static_cast<const void*>(turun)));
    parser.DefineFun("capaian_turun_permenpan", fn_turun_permenpan);
    parser.DefineFun("capaian_turun_seed003", fn_turun_seed003);
    parser.DefineFun("trunc", fn_trunc);
    parser.DefineFun("round", fn_round);
    parser.DefineFun("min", fn_min);
    parser.DefineFun("max", fn_max);
    parser.DefineFun("sum", fn_sum);
    parser.DefineFun("avg", fn_avg);
    parser.DefineFun("avg_na", fn_avg_na);
    parser.DefineFun("sum_na", fn_sum_na);
    parser.DefineFun("wavg_na", fn_wavg_na);
    parser.DefineFun("ifna", fn_ifna);
    parser.DefineFun("isna", fn_isna);
    parser.DefineFun("abs", fn_abs);
}

CompiledExpression::CompiledExpression(const FormulaAst& ast, const TurunRule* turun)
    : slots_(ast.variables.size() + 1, 0.0) {
    configure_parser(parser_, turun);
    for (std::size_t i = 0; i < ast.variables.size(); ++i) {
        parser_.DefineVar(cat({"v", std::to_string(i)}), &slots_[i]);
    }
    try {
        parser_.SetExpr(ast.muparser_text);
        parser_.Eval();  // compiles to bytecode now, so evaluate() never parses
    } catch (const mu::ParserError& error) {
        throw std::logic_error("muParser rejected generated formula '" + ast.muparser_text +
                               "': " + error.GetMsg());
    }
}

}  // namespace kinerja::evaluate_detail
