// The formula parser: tokens, then recursive descent with a depth limit.
//
// Precedence, lowest first (muParser's): ?: (right), ||, &&, comparisons, + -, * /,
// unary - (so -2^2 is -4), ^ (right).
#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>

#include "evaluate/expression.hpp"
#include "evaluate/numeric.hpp"
#include "evaluate/tokens.hpp"

namespace kinerja::evaluate_detail {

namespace {

constexpr int max_depth = 64;

using tokens::fail;
using tokens::SyntaxError;
using tokens::Token;
using tokens::tokenize;

class Parser {
public:
    Parser(std::string_view text, std::vector<Token> tokens, ParsedExpression& out)
        : text_(text), tokens_(std::move(tokens)), out_(out) {}

    int parse_all() {
        int root = ternary(0);
        const Token& t = peek();
        if (t.type == Token::Type::end) return root;
        if (t.type == Token::Type::rparen) {
            fail(t.pos, 1, "')' tanpa pasangan '('", "')' without a matching '('");
        }
        if (t.type == Token::Type::comma) {
            fail(t.pos, 1,
                 "',' hanya memisahkan argumen fungsi; bilangan desimal memakai titik (92.5)",
                 "',' only separates function arguments; decimals use a point (92.5)");
        }
        unexpected(t);
    }

private:
    const Token& peek() const { return tokens_[index_]; }
    const Token& take() { return tokens_[index_++]; }
    bool at_op(std::string_view op) const {
        return peek().type == Token::Type::op && peek().text == op;
    }

    [[noreturn]] void unexpected(const Token& t) {
        if (t.type == Token::Type::end) {
            fail(t.pos, 1, "rumus berakhir sebelum lengkap", "the formula ends too early");
        }
        std::string shown(t.text);
        fail(t.pos, t.len, "tidak diharapkan di sini: '" + shown + "'",
             "unexpected here: '" + shown + "'");
    }

    void enter(int depth, const Token& t) {
        if (depth > max_depth) {
            fail(t.pos, 1, "rumus bersarang terlalu dalam (lebih dari 64 tingkat)",
                 "formula nested too deeply (over 64 levels)");
        }
    }

    int add(Node node) {
        out_.nodes.push_back(std::move(node));
        return static_cast<int>(out_.nodes.size()) - 1;
    }

    int span_end(int node) const { return out_.nodes[node].pos + out_.nodes[node].len; }

    int binary(BinaryOp op, int left, int right) {
        Node n;
        n.kind = Node::Kind::binary;
        n.op = op;
        n.args = {left, right};
        n.pos = out_.nodes[left].pos;
        n.len = span_end(right) - n.pos;
        return add(std::move(n));
    }

    int ternary(int depth) {
        enter(depth, peek());
        int condition = logical_or(depth);
        if (peek().type != Token::Type::question) return condition;
        const Token question = take();
        int then_value = ternary(depth + 1);
        if (peek().type != Token::Type::colon) {
            fail(question.pos, 1, "'?' tanpa ':' (tulis syarat ? nilai_ya : nilai_tidak)",
                 "'?' without ':' (write condition ? if_true : if_false)");
        }
        take();
        int else_value = ternary(depth + 1);
        Node n;
        n.kind = Node::Kind::ternary;
        n.args = {condition, then_value, else_value};
        n.pos = out_.nodes[condition].pos;
        n.len = span_end(else_value) - n.pos;
        return add(std::move(n));
    }

    int logical_or(int depth) {
        int left = logical_and(depth);
        while (at_op("||")) {
            take();
            left = binary(BinaryOp::lor, left, logical_and(depth));
        }
        return left;
    }

    int logical_and(int depth) {
        int left = comparison(depth);
        while (at_op("&&")) {
            take();
            left = binary(BinaryOp::land, left, comparison(depth));
        }
        return left;
    }

    int comparison(int depth) {
        static const std::pair<const char*, BinaryOp> ops[] = {
            {"<", BinaryOp::lt},  {"<=", BinaryOp::le}, {">", BinaryOp::gt},
            {">=", BinaryOp::ge}, {"==", BinaryOp::eq}, {"!=", BinaryOp::ne}};
        int left = additive(depth);
        for (;;) {
            std::optional<BinaryOp> found;
            for (const auto& [text, op] : ops) {
                if (at_op(text)) found = op;
            }
            if (!found) return left;
            take();
            left = binary(*found, left, additive(depth));
        }
    }

    int additive(int depth) {
        int left = multiplicative(depth);
        while (at_op("+") || at_op("-")) {
            BinaryOp op = take().text == "+" ? BinaryOp::add : BinaryOp::sub;
            left = binary(op, left, multiplicative(depth));
        }
        return left;
    }

    int multiplicative(int depth) {
        int left = unary(depth);
        while (at_op("*") || at_op("/")) {
            BinaryOp op = take().text == "*" ? BinaryOp::mul : BinaryOp::div;
            left = binary(op, left, unary(depth));
        }
        return left;
    }

    int unary(int depth) {
        enter(depth, peek());
        if (at_op("-") || at_op("+")) {
            const Token sign = take();
            int operand = unary(depth + 1);
            if (sign.text == "+") return operand;
            Node n;
            n.kind = Node::Kind::negate;
            n.args = {operand};
            n.pos = sign.pos;
            n.len = span_end(operand) - sign.pos;
            return add(std::move(n));
        }
        return power(depth);
    }

    int power(int depth) {
        int base = primary(depth);
        if (!at_op("^")) return base;
        take();
        return binary(BinaryOp::pow, base, unary(depth + 1));
    }

    int primary(int depth) {
        const Token t = take();
        if (t.type == Token::Type::number) {
            Node n;
            n.kind = Node::Kind::number;
            n.value = t.value;
            n.pos = t.pos;
            n.len = t.len;
            return add(std::move(n));
        }
        if (t.type == Token::Type::lparen) {
            int inner = ternary(depth + 1);
            close(t);
            return inner;
        }
        if (t.type != Token::Type::ident) {
            if (t.type == Token::Type::comma) {
                fail(t.pos, 1, "',' tanpa nilai sebelumnya", "',' without a value before it");
            }
            unexpected(t);
        }
        Node n;
        n.pos = t.pos;
        n.len = t.len;
        n.name = std::string(t.text);
        if (peek().type != Token::Type::lparen) {
            n.kind = Node::Kind::name;
            return add(std::move(n));
        }
        const Token open = take();
        n.kind = Node::Kind::call;
        if (peek().type != Token::Type::rparen) {
            for (;;) {
                n.args.push_back(ternary(depth + 1));
                if (peek().type != Token::Type::comma) break;
                take();
            }
        }
        const Token& closing = peek();
        close(open);
        n.len = closing.pos + 1 - n.pos;
        return add(std::move(n));
    }

    void close(const Token& open) {
        const Token& t = peek();
        if (t.type == Token::Type::rparen) {
            take();
            return;
        }
        if (t.type == Token::Type::end) {
            fail(open.pos, 1, "'(' ini tidak ditutup dengan ')'",
                 "this '(' is never closed with ')'");
        }
        if (t.type == Token::Type::comma) {
            fail(t.pos, 1, "',' di luar argumen fungsi; bilangan desimal memakai titik (92.5)",
                 "',' outside function arguments; decimals use a point (92.5)");
        }
        unexpected(t);
    }

    std::string_view text_;
    std::vector<Token> tokens_;
    std::size_t index_ = 0;
    ParsedExpression& out_;
};

void check_calls(ParsedExpression& parsed) {
    for (auto& node : parsed.nodes) {
        if (node.kind != Node::Kind::call) continue;
        node.function = find_function(node.name);
        if (node.function < 0) {
            std::string hint;
            std::size_t best = 3;
            for (const auto& f : functions()) {
                std::size_t d = edit_distance(node.name, f.name);
                if (d < best) {
                    best = d;
                    hint = f.name;
                }
            }
            std::string id = "fungsi tidak dikenal '" + node.name + "'";
            std::string en = "unknown function '" + node.name + "'";
            if (!hint.empty()) {
                id += " (mungkin maksudnya '" + hint + "'?)";
                en += " (did you mean '" + hint + "'?)";
            }
            parsed.problems.push_back({node.pos, static_cast<int>(node.name.size()), {id, en}});
            continue;
        }
        const FunctionInfo& f = functions()[static_cast<std::size_t>(node.function)];
        int n = static_cast<int>(node.args.size());
        bool bad = n < f.min_args || (f.max_args >= 0 && n > f.max_args) || (f.pairs && n % 2 != 0);
        if (!bad) continue;
        std::string expected = f.max_args < 0 ? std::to_string(f.min_args) + "+"
                               : f.min_args == f.max_args
                                   ? std::to_string(f.min_args)
                                   : std::to_string(f.min_args) + "-" + std::to_string(f.max_args);
        std::string id = std::string("'") + f.name + "' memerlukan " + expected + " argumen" +
                         (f.pairs ? " berpasangan (nilai, bobot)" : "") + ", diberikan " +
                         std::to_string(n);
        std::string en = std::string("'") + f.name + "' takes " + expected + " arguments" +
                         (f.pairs ? " in (value, weight) pairs" : "") + ", given " +
                         std::to_string(n);
        parsed.problems.push_back({node.pos, node.len, {id, en}});
    }
}

}  // namespace

ParsedExpression parse_expression(std::string_view text) {
    ParsedExpression parsed;
    if (text.size() > max_formula_length) {
        parsed.problems.push_back(
            {0,
             1,
             {"rumus terlalu panjang (" + std::to_string(text.size()) + " karakter; batasnya " +
                  std::to_string(max_formula_length) + ")",
              "formula too long (" + std::to_string(text.size()) + " characters; the limit is " +
                  std::to_string(max_formula_length) + ")"}});
        return parsed;
    }
    try {
        std::vector<Token> tokens = tokenize(text);
        if (tokens.size() == 1) fail(0, 1, "rumus kosong", "empty formula");
        Parser parser(text, std::move(tokens), parsed);
        parsed.root = parser.parse_all();
    } catch (const SyntaxError& error) {
        parsed.problems.push_back(error.problem);
        parsed.root = -1;
        return parsed;
    }
    check_calls(parsed);
    return parsed;
}

std::vector<const Node*> names_used(const ParsedExpression& parsed) {
    std::vector<const Node*> names;
    for (const auto& node : parsed.nodes) {
        if (node.kind == Node::Kind::name) names.push_back(&node);
    }
    std::sort(names.begin(), names.end(),
              [](const Node* a, const Node* b) { return a->pos < b->pos; });
    return names;
}

Diagnostic formula_diagnostic(std::string_view text, const Problem& problem) {
    Diagnostic d;
    d.severity = problem.severity;
    d.message = problem.message;
    std::size_t pos = std::min(static_cast<std::size_t>(std::max(problem.pos, 0)), text.size());
    std::size_t line_start = text.rfind('\n', pos == 0 ? 0 : pos - 1);
    line_start = (line_start == std::string_view::npos || pos == 0) ? 0 : line_start + 1;
    if (pos > 0 && text[pos - 1] == '\n') line_start = pos;
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    d.line = 1 + static_cast<int>(
                     std::count(text.begin(), text.begin() + static_cast<long>(line_start), '\n'));
    std::string_view line = text.substr(line_start, line_end - line_start);
    d.column = 1 + utf8_columns(line, pos - line_start);
    d.length = std::max(1, utf8_columns(text.substr(pos), static_cast<std::size_t>(problem.len)));
    d.source_line = std::string(line);
    return d;
}

}  // namespace kinerja::evaluate_detail
