// Translation of a resolved formula into an equivalent Excel formula.
//
// Every node becomes a value expression plus "guards": conditions under which the node is not
// applicable. Guards are checked in order and the value is only computed when all are FALSE,
// so no Excel error (#VALUE! from a "-" cell, #DIV/0!) can appear: the result is "-" instead.
// A guard marked `standalone` never errors; the others (like D5=0) are safe only once the
// guards before them are FALSE, which IF's laziness guarantees.
#include <algorithm>
#include <charconv>

#include "evaluate/expression.hpp"
#include "evaluate/numeric.hpp"

namespace kinerja::evaluate_detail {

namespace {

struct Guard {
    std::string test;
    bool standalone = true;
};

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

// Consecutive guards grouped into OR(...) chunks; a chunk starts at each guard that relies on
// the ones before it.
std::vector<std::string> chunks(const std::vector<Guard>& guards) {
    std::vector<std::vector<std::string>> groups;
    for (const auto& g : guards) {
        if (groups.empty() || !g.standalone) groups.emplace_back();
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

bool is_simple_reference(const std::string& ref);

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
        std::string ref = is_simple_reference(found->second) ? found->second : paren(found->second);
        return {ref, {{"NOT(ISNUMBER(" + ref + "))", true}}, false};
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
                out.guards.push_back({vb + "=0", false});
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
                    const std::string& zero_test) {
        Xl out;
        append(out.guards, a.guards);
        append(out.guards, b.guards);
        out.value = value;
        out.guards.push_back({zero_test, false});
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
        out.guards.push_back({paren(weights) + "=0", false});
        return out;
    }

    Xl call(const Node& node) {
        std::vector<Xl> a = arguments(node);
        switch (static_cast<Fn>(node.function)) {
            case Fn::pct:
            case Fn::capaian_naik: {
                std::string vb = paren(number(a[1]));
                return ratio(a[0], a[1], paren(number(a[0])) + "/" + vb + "*100", vb + "=0");
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
            return ratio(r, t, "MAX(0,(2*" + vt + "-" + vr + ")/" + vt + "*100)", vt + "=0");
        }
        return ratio(r, t, "(" + vt + "-(" + vr + "-" + vt + "))/" + vr + "*100", vr + "=0");
    }

    const FormulaAst& ast_;
    const CellMap& cells_;
    TurunRule turun_;
};

}  // namespace

std::string excel_formula(const FormulaAst& ast, const CellMap& cells,
                          const std::optional<Rounding>& rounding, TurunRule turun) {
    Translator translator(ast, cells, turun);
    Xl x = translator.translate(ast.root);
    std::string value = number(x);
    if (rounding) {
        const char* name = rounding->mode == Rounding::Mode::truncate ? "TRUNC(" : "ROUND(";
        value = name + value + "," + std::to_string(rounding->decimals) + ")";
    }
    std::vector<std::string> parts = chunks(x.guards);
    std::string out = value;
    for (std::size_t i = parts.size(); i-- > 0;) out = "IF(" + parts[i] + ",\"-\"," + out + ")";
    return out;
}

}  // namespace kinerja::evaluate_detail
