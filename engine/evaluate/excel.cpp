// Translation of a resolved formula into an equivalent Excel formula.
//
// Every node becomes a value expression plus "guards": conditions under which the node is not
// applicable. Guards are checked in order and the value is only computed when all are FALSE,
// so no Excel error (#VALUE! from a "-" cell, #DIV/0!) can appear: the result is "-" instead.
// A guard marked `standalone` never errors; the others (like D5=0) are safe only once the
// guards before them are FALSE, which IF's laziness guarantees.
//
// What a person reads is kept short: the cells that must hold numbers are checked together
// (COUNT(C6,D6)<2), a zero denominator is left to IFERROR rather than tested, a literal number
// needs no check, and a percent cell's factor 100 cancels out of a ratio of two such cells:
// IF(COUNT(C6,D6)<2,"-",IFERROR(ROUND(D6/C6*100,2),"-")).
#include <algorithm>
#include <charconv>

#include "evaluate/expression.hpp"
#include "evaluate/numeric.hpp"

namespace kinerja::evaluate_detail {

namespace {

struct Guard {
    enum class Kind {
        not_number,  // NOT(ISNUMBER(ref)): `ref` must hold a number
        division,    // a denominator is 0: the value, were it computed, would be #DIV/0!
        other,
    };
    Guard(std::string condition, bool never_errs, Kind what = Kind::other, std::string cell = {})
        : test(std::move(condition)), standalone(never_errs), kind(what), ref(std::move(cell)) {}
    std::string test;
    bool standalone = true;
    Kind kind = Kind::other;
    std::string ref;  // for not_number
};

Guard not_number(const std::string& ref) {
    return {"NOT(ISNUMBER(" + ref + "))", true, Guard::Kind::not_number, ref};
}

Guard zero_denominator(const std::string& denominator) {
    return {denominator + "=0", false, Guard::Kind::division};
}

struct Xl {
    std::string value;  // valid when no guard holds
    std::vector<Guard> guards;
    bool boolean = false;  // value is TRUE/FALSE rather than a number
};

void append(std::vector<Guard>& to, const std::vector<Guard>& from) {
    for (const auto& g : from) {
        bool seen =
            std::any_of(to.begin(), to.end(), [&](const Guard& e) { return e.test == g.test; });
        if (!seen) to.push_back(g);
    }
}

bool is_simple_reference(const std::string& ref);

// The cells that must hold numbers, checked at once: NOT(ISNUMBER(A1)), or COUNT(A1,B1)<2 for
// several. Only plain references: COUNT counts a text "1" given directly, ISNUMBER does not.
struct NumberCheck {
    std::vector<std::string> refs;
    std::string test() const {
        if (refs.size() == 1) return "NOT(ISNUMBER(" + refs[0] + "))";
        std::string out = "COUNT(";
        for (std::size_t i = 0; i < refs.size(); ++i) out += (i ? "," : "") + refs[i];
        return out + ")<" + std::to_string(refs.size());
    }
};

bool checks_a_cell(const Guard& g) {
    return g.kind == Guard::Kind::not_number && is_simple_reference(g.ref);
}

// The guards as tests to apply in order: first the number check of the cells (standalone, so
// it may go first), then the rest grouped into OR(...) chunks, a chunk starting at each guard
// that relies on the ones before it. With `without_divisions` the zero-denominator tests are
// left out, for a caller that catches the error instead.
std::vector<std::string> chunks(const std::vector<Guard>& guards, bool without_divisions = false) {
    NumberCheck cells;
    for (const auto& g : guards)
        if (checks_a_cell(g)) cells.refs.push_back(g.ref);
    std::vector<std::vector<std::string>> groups;
    if (!cells.refs.empty()) groups.push_back({cells.test()});
    bool fresh_group = true;
    for (const auto& g : guards) {
        if (checks_a_cell(g) || (without_divisions && g.kind == Guard::Kind::division)) continue;
        if (fresh_group || !g.standalone) groups.emplace_back();
        fresh_group = false;
        groups.back().push_back(g.test);
    }
    std::vector<std::string> out;
    for (const auto& group : groups) {
        if (group.size() == 1) {
            out.push_back(group[0]);
            continue;
        }
        std::string joined = "OR(";
        for (std::size_t i = 0; i < group.size(); ++i) {
            if (i) joined += ',';
            joined += group[i];
        }
        out.push_back(joined + ")");
    }
    return out;
}

// One boolean that is TRUE when any guard holds, itself never erroring. "" when none.
std::string any_guard(const std::vector<Guard>& guards) {
    std::vector<std::string> parts = chunks(guards);
    if (parts.empty()) return "";
    std::string out = parts.back();
    for (std::size_t i = parts.size() - 1; i-- > 0;) out = "IF(" + parts[i] + ",TRUE," + out + ")";
    return out;
}

// True when `s` is one operand already: a number, a reference, a call or a parenthesised group.
bool is_atom(const std::string& s) {
    if (s.empty()) return false;
    if (is_simple_reference(s)) return true;
    if (s[0] != '-' && s[0] != '+') {
        double value = 0;
        auto result = std::from_chars(s.data(), s.data() + s.size(), value);
        if (result.ec == std::errc() && result.ptr == s.data() + s.size()) return true;
    }
    std::size_t open = s.find('(');
    if (open == std::string::npos || s.back() != ')') return false;
    for (std::size_t i = 0; i < open; ++i) {
        if (!((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '.')) return false;
    }
    int depth = 0;  // the first '(' must close at the very end
    bool quoted = false;
    for (std::size_t i = open; i < s.size(); ++i) {
        if (s[i] == '"') quoted = !quoted;
        if (quoted) continue;
        if (s[i] == '(') ++depth;
        if (s[i] == ')' && --depth == 0) return i + 1 == s.size();
    }
    return false;
}

std::string paren(const std::string& s) {
    return is_atom(s) ? s : cat({"(", s, ")"});
}
std::string number(const Xl& x) {
    return x.boolean ? cat({"(", x.value, ")*1"}) : x.value;
}
std::string truth(const Xl& x) {
    return x.boolean ? x.value : cat({"(", x.value, ")<>0"});
}
std::string or_false(const std::string& s) {
    return s.empty() ? "FALSE" : s;
}

bool is_simple_reference(const std::string& ref) {
    // A1, $A$1, Sheet!A1, 'My Sheet'!A1: no operators outside the quoted sheet name.
    std::size_t bang = ref.rfind('!');
    std::string cell = bang == std::string::npos ? ref : ref.substr(bang + 1);
    return !cell.empty() && std::all_of(cell.begin(), cell.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '$';
    });
}

bool is_number_literal(const std::string& s) {
    if (s.empty()) return false;
    double value = 0;
    const char* begin = s.data() + (s[0] == '-' ? 1 : 0);
    auto result = std::from_chars(begin, s.data() + s.size(), value);
    return result.ec == std::errc() && result.ptr == s.data() + s.size();
}

// A cell scaled by a constant factor, as a percent cell is read: E5*100.
struct Scaled {
    std::string ref, factor;
};

std::optional<Scaled> scaled_cell(const std::string& text) {
    auto times = text.rfind('*');
    if (times == std::string::npos) return std::nullopt;
    Scaled s{text.substr(0, times), text.substr(times + 1)};
    if (!is_simple_reference(s.ref) || !is_number_literal(s.factor)) return std::nullopt;
    return s;
}

// How a formula's value scales when every scaled cell's factor does: f(k*x) = k^degree * f(x)
// for k > 0. `any` is a literal 0 (or not-applicable), which fits every degree. nullopt:
// not homogeneous (a rounding of a scaled value, a sum of a cell and a constant, ...).
struct Degree {
    bool any = false;
    int value = 0;
};

class Homogeneity {
public:
    Homogeneity(const FormulaAst& ast, std::vector<bool> scaled)
        : ast_(ast), scaled_(std::move(scaled)) {}

    std::optional<Degree> of(int index) const {
        const Node& node = ast_.nodes[static_cast<std::size_t>(index)];
        switch (node.kind) {
            case Node::Kind::number:
                return node.value == 0 ? Degree{true, 0} : Degree{false, 0};
            case Node::Kind::not_applicable:
                return Degree{true, 0};
            case Node::Kind::name:
                return Degree{false, scaled_[static_cast<std::size_t>(node.slot)] ? 1 : 0};
            case Node::Kind::negate:
                return of(node.args[0]);
            case Node::Kind::binary:
                return binary(node);
            case Node::Kind::ternary: {
                auto c = of(node.args[0]);
                if (!c || !(c->any || c->value == 0)) return std::nullopt;
                return same(of(node.args[1]), of(node.args[2]));
            }
            case Node::Kind::call:
                return call(node);
        }
        return std::nullopt;
    }

private:
    static std::optional<Degree> same(std::optional<Degree> a, std::optional<Degree> b) {
        if (!a || !b) return std::nullopt;
        if (a->any) return b;
        if (b->any || a->value == b->value) return a;
        return std::nullopt;
    }
    static bool invariant(const std::optional<Degree>& d) { return d && (d->any || !d->value); }

    std::optional<Degree> binary(const Node& node) const {
        auto a = of(node.args[0]), b = of(node.args[1]);
        if (!a || !b) return std::nullopt;
        switch (node.op) {
            case BinaryOp::add:
            case BinaryOp::sub:
                return same(a, b);
            case BinaryOp::mul:
                if (a->any || b->any) return Degree{true, 0};
                return Degree{false, a->value + b->value};
            case BinaryOp::div:
                if (b->any) return std::nullopt;  // a literal 0 denominator
                if (a->any) return a;
                return Degree{false, a->value - b->value};
            case BinaryOp::pow:
                return invariant(a) && invariant(b) ? std::optional<Degree>(Degree{})
                                                    : std::nullopt;
            case BinaryOp::land:
            case BinaryOp::lor:
                return invariant(a) && invariant(b) ? std::optional<Degree>(Degree{})
                                                    : std::nullopt;
            default:  // comparisons keep their truth when both sides scale alike (k > 0)
                return same(a, b) ? std::optional<Degree>(Degree{}) : std::nullopt;
        }
    }

    std::optional<Degree> call(const Node& node) const {
        std::vector<std::optional<Degree>> a;
        for (int child : node.args) a.push_back(of(child));
        auto all_same = [&](std::size_t from, std::size_t step) {
            std::optional<Degree> d = Degree{true, 0};
            for (std::size_t i = from; i < a.size(); i += step) d = same(d, a[i]);
            return d;
        };
        switch (static_cast<Fn>(node.function)) {
            case Fn::pct:
            case Fn::capaian_naik:
            case Fn::capaian_turun:
            case Fn::capaian_turun_permenpan:
            case Fn::capaian_turun_seed003:  // ratios of their two arguments
                return same(a[0], a[1]) ? std::optional<Degree>(Degree{}) : std::nullopt;
            case Fn::trunc:
            case Fn::round:  // rounding does not commute with scaling
                return invariant(a[0]) && (a.size() < 2 || invariant(a[1]))
                           ? std::optional<Degree>(Degree{})
                           : std::nullopt;
            case Fn::isna:
                return Degree{};
            case Fn::wavg_na: {  // sum(v*w)/sum(w) scales as the values
                if (!all_same(1, 2)) return std::nullopt;
                return all_same(0, 2);
            }
            default:  // min, max, sum, avg, avg_na, sum_na, ifna, abs
                return all_same(0, 1);
        }
    }

    const FormulaAst& ast_;
    std::vector<bool> scaled_;
};

// The cells with their common factor taken out, when the formula's value does not depend on
// it: a ratio of two percent cells (E5*100)/(D5*100) reads E5/D5. nullopt otherwise.
std::optional<CellMap> without_common_factor(const FormulaAst& ast, const CellMap& cells) {
    std::vector<bool> scaled(ast.variables.size(), false);
    std::optional<std::string> factor;
    CellMap plain = cells;
    for (std::size_t i = 0; i < ast.variables.size(); ++i) {
        auto found = cells.find(ast.variables[i]);
        if (found == cells.end()) continue;
        auto s = scaled_cell(found->second);
        if (!s) continue;
        if (factor && *factor != s->factor) return std::nullopt;
        if (s->factor.starts_with('-') || std::stod(s->factor) == 0) return std::nullopt;
        factor = s->factor;
        scaled[i] = true;
        plain[ast.variables[i]] = s->ref;
    }
    if (!factor) return std::nullopt;
    auto degree = Homogeneity(ast, std::move(scaled)).of(ast.root);
    if (!degree || !(degree->any || degree->value == 0)) return std::nullopt;
    return plain;
}

class Translator {
public:
    Translator(const FormulaAst& ast, const CellMap& cells, TurunRule turun)
        : ast_(ast), cells_(cells), turun_(turun) {}

    Xl translate(int index) {
        const Node& node = ast_.nodes[static_cast<std::size_t>(index)];
        switch (node.kind) {
            case Node::Kind::number:
                return {node.value < 0 ? paren(number_text(node.value)) : number_text(node.value),
                        {},
                        false};
            case Node::Kind::not_applicable:
                return {"0", {{"TRUE", true}}, false};
            case Node::Kind::name:
                return variable(ast_.variables[static_cast<std::size_t>(node.slot)]);
            case Node::Kind::negate: {
                Xl x = translate(node.args[0]);
                return {cat({"-", paren(number(x))}), x.guards, false};
            }
            case Node::Kind::binary:
                return binary(node);
            case Node::Kind::ternary:
                return conditional(translate(node.args[0]), translate(node.args[1]),
                                   translate(node.args[2]));
            case Node::Kind::call:
                return call(node);
        }
        return {};
    }

private:
    Xl variable(const std::string& name) {
        auto found = cells_.find(name);
        if (found == cells_.end())
            throw std::out_of_range("no cell given for variable '" + name + "'");
        const std::string& text = found->second;
        if (is_number_literal(text))  // a number read from text ("92,5%"): nothing to check
            return {text[0] == '-' ? paren(text) : text, {}, false};
        if (auto scaled = scaled_cell(text))  // E5*100 is a number when E5 is
            return {paren(text), {not_number(scaled->ref)}, false};
        std::string ref = is_simple_reference(text) ? text : paren(text);
        return {ref, {not_number(ref)}, false};
    }

    Xl binary(const Node& node) {
        Xl a = translate(node.args[0]);
        Xl b = translate(node.args[1]);
        Xl out;
        append(out.guards, a.guards);
        append(out.guards, b.guards);
        std::string va = paren(number(a)), vb = paren(number(b));
        switch (node.op) {
            case BinaryOp::add:
                out.value = va + "+" + vb;
                break;
            case BinaryOp::sub:
                out.value = va + "-" + vb;
                break;
            case BinaryOp::mul:
                out.value = va + "*" + vb;
                break;
            case BinaryOp::div:
                out.value = va + "/" + vb;
                out.guards.push_back(zero_denominator(vb));
                break;
            case BinaryOp::pow:
                out.value = va + "^" + vb;
                out.guards.push_back({"OR(AND(" + va + "=0," + vb + "<0),AND(" + va + "<0," + vb +
                                          "<>INT(" + vb + ")))",
                                      false});
                break;
            case BinaryOp::lt:
                out = compare(out, va, "<", vb);
                break;
            case BinaryOp::le:
                out = compare(out, va, "<=", vb);
                break;
            case BinaryOp::gt:
                out = compare(out, va, ">", vb);
                break;
            case BinaryOp::ge:
                out = compare(out, va, ">=", vb);
                break;
            case BinaryOp::eq:
                out = compare(out, va, "=", vb);
                break;
            case BinaryOp::ne:
                out = compare(out, va, "<>", vb);
                break;
            case BinaryOp::land:
                out.value = "AND(" + truth(a) + "," + truth(b) + ")";
                out.boolean = true;
                break;
            case BinaryOp::lor:
                out.value = "OR(" + truth(a) + "," + truth(b) + ")";
                out.boolean = true;
                break;
        }
        return out;
    }

    static Xl compare(Xl out, const std::string& a, const char* op, const std::string& b) {
        out.value = a + op + b;
        out.boolean = true;
        return out;
    }

    static Xl conditional(const Xl& c, const Xl& a, const Xl& b) {
        Xl out;
        out.boolean = a.boolean && b.boolean;
        std::string va = out.boolean ? a.value : number(a);
        std::string vb = out.boolean ? b.value : number(b);
        out.value = "IF(" + truth(c) + "," + va + "," + vb + ")";
        out.guards = c.guards;
        std::string ga = any_guard(a.guards), gb = any_guard(b.guards);
        if (!ga.empty() || !gb.empty()) {
            out.guards.push_back(
                {"IF(" + truth(c) + "," + or_false(ga) + "," + or_false(gb) + ")", false});
        }
        return out;
    }

    std::vector<Xl> arguments(const Node& node) {
        std::vector<Xl> args;
        for (int child : node.args) args.push_back(translate(child));
        return args;
    }

    static Xl ratio(const Xl& a, const Xl& b, const std::string& value,
                    const std::string& denominator) {
        Xl out;
        append(out.guards, a.guards);
        append(out.guards, b.guards);
        out.value = value;
        out.guards.push_back(zero_denominator(denominator));
        return out;
    }

    static Xl aggregate(const char* excel_name, const std::vector<Xl>& args) {
        Xl out;
        out.value = std::string(excel_name) + "(";
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (i) out.value += ',';
            out.value += number(args[i]);
            append(out.guards, args[i].guards);
        }
        out.value += ")";
        return out;
    }

    // avg_na / sum_na: not-applicable arguments count as absent.
    static Xl skipping(const std::vector<Xl>& args, bool average) {
        bool all_can_be_na = true;
        std::string sum, count, all_na = "AND(";
        for (std::size_t i = 0; i < args.size(); ++i) {
            std::string g = any_guard(args[i].guards);
            if (g.empty()) all_can_be_na = false;
            if (i) sum += '+';
            sum += (g.empty() ? paren(number(args[i])) : "IF(" + g + ",0," + number(args[i]) + ")");
            if (i) count += '+';
            count += (g.empty() ? std::string("1") : "IF(" + g + ",0,1)");
            if (i) all_na += ',';
            all_na += g;
        }
        Xl out;
        out.value = average ? paren(sum) + "/" + paren(count) : sum;
        if (all_can_be_na)
            out.guards.push_back(
                {args.size() == 1 ? any_guard(args[0].guards) : all_na + ")", true});
        return out;
    }

    static Xl weighted(const std::vector<Xl>& args) {
        bool all_can_be_na = true;
        std::string weighted_sum, weights, all_na = "AND(";
        for (std::size_t i = 0; i + 1 < args.size(); i += 2) {
            std::vector<Guard> pair = args[i].guards;
            append(pair, args[i + 1].guards);
            std::string g = any_guard(pair);
            std::string product = paren(number(args[i])) + "*" + paren(number(args[i + 1]));
            std::string weight = paren(number(args[i + 1]));
            if (g.empty()) all_can_be_na = false;
            if (i) weighted_sum += '+';
            weighted_sum += (g.empty() ? product : "IF(" + g + ",0," + product + ")");
            if (i) weights += '+';
            weights += (g.empty() ? weight : "IF(" + g + ",0," + weight + ")");
            if (i) all_na += ',';
            all_na += g;
        }
        Xl out;
        out.value = paren(weighted_sum) + "/" + paren(weights);
        if (all_can_be_na)
            out.guards.push_back({args.size() == 2 ? all_na.substr(4) : all_na + ")", true});
        out.guards.push_back(zero_denominator(paren(weights)));
        return out;
    }

    Xl call(const Node& node) {
        std::vector<Xl> a = arguments(node);
        switch (static_cast<Fn>(node.function)) {
            case Fn::pct:
            case Fn::capaian_naik: {
                std::string vb = paren(number(a[1]));
                return ratio(a[0], a[1], paren(number(a[0])) + "/" + vb + "*100", vb);
            }
            case Fn::capaian_turun:
                return turun(a[0], a[1], turun_);
            case Fn::capaian_turun_permenpan:
                return turun(a[0], a[1], TurunRule::permenpan);
            case Fn::capaian_turun_seed003:
                return turun(a[0], a[1], TurunRule::seed003);
            case Fn::trunc:
            case Fn::round: {
                const char* name =
                    static_cast<Fn>(node.function) == Fn::trunc ? "TRUNC(" : "ROUND(";
                Xl out;
                append(out.guards, a[0].guards);
                std::string digits = "0";
                if (a.size() > 1) {
                    append(out.guards, a[1].guards);
                    digits = number(a[1]);
                }
                out.value = name + number(a[0]) + "," + digits + ")";
                return out;
            }
            case Fn::min:
                return aggregate("MIN", a);
            case Fn::max:
                return aggregate("MAX", a);
            case Fn::sum:
                return aggregate("SUM", a);
            case Fn::avg:
                return aggregate("AVERAGE", a);
            case Fn::avg_na:
                return skipping(a, true);
            case Fn::sum_na:
                return skipping(a, false);
            case Fn::wavg_na:
                return weighted(a);
            case Fn::ifna: {
                std::string g = any_guard(a[0].guards);
                if (g.empty()) return a[0];
                Xl out;
                out.value = "IF(" + g + "," + number(a[1]) + "," + number(a[0]) + ")";
                std::string galt = any_guard(a[1].guards);
                if (!galt.empty()) out.guards.push_back({"IF(" + g + "," + galt + ",FALSE)", true});
                return out;
            }
            case Fn::isna: {
                std::string g = any_guard(a[0].guards);
                return {g.empty() ? "0" : "IF(" + g + ",1,0)", {}, false};
            }
            case Fn::abs:
                return {"ABS(" + number(a[0]) + ")", a[0].guards, false};
        }
        return {};
    }

    static Xl turun(const Xl& r, const Xl& t, TurunRule rule) {
        std::string vr = paren(number(r)), vt = paren(number(t));
        if (rule == TurunRule::permenpan) {
            return ratio(r, t, "MAX(0,(2*" + vt + "-" + vr + ")/" + vt + "*100)", vt);
        }
        return ratio(r, t, "(" + vt + "-(" + vr + "-" + vt + "))/" + vr + "*100", vr);
    }

    const FormulaAst& ast_;
    const CellMap& cells_;
    TurunRule turun_;
};

}  // namespace

std::string excel_formula(const FormulaAst& ast, const CellMap& cells,
                          const std::optional<Rounding>& rounding, TurunRule turun,
                          bool as_fraction) {
    std::optional<CellMap> plain = without_common_factor(ast, cells);
    Translator translator(ast, plain ? *plain : cells, turun);
    Xl x = translator.translate(ast.root);
    std::string value = number(x);
    if (rounding) {
        const char* name = rounding->mode == Rounding::Mode::truncate ? "TRUNC(" : "ROUND(";
        value = name + value + "," + std::to_string(rounding->decimals) + ")";
    }
    if (as_fraction) value = paren(value) + "/100";
    // The cells' number check outermost; inside it a zero denominator is caught by IFERROR
    // (every error the value could raise is one its guards would have answered "-" for).
    bool divides = std::any_of(x.guards.begin(), x.guards.end(),
                               [](const Guard& g) { return g.kind == Guard::Kind::division; });
    std::vector<std::string> parts = chunks(x.guards, true);
    bool cells_first = std::any_of(x.guards.begin(), x.guards.end(), checks_a_cell);
    std::size_t inner_from = cells_first ? 1 : 0;
    std::string out = value;
    for (std::size_t i = parts.size(); i-- > inner_from;)
        out = "IF(" + parts[i] + ",\"-\"," + out + ")";
    if (divides) out = "IFERROR(" + out + ",\"-\")";
    if (cells_first) out = "IF(" + parts[0] + ",\"-\"," + out + ")";
    return out;
}

}  // namespace kinerja::evaluate_detail
