// Name resolution: variables become slots, constants become numbers, derived values are
// inlined where they are used (so one muParser evaluation computes a whole indicator).
#include <algorithm>

#include "evaluate/expression.hpp"
#include "evaluate/numeric.hpp"

namespace kinerja::evaluate_detail {

namespace {

constexpr std::size_t max_nodes = 20000;  // after inlining; guards against exponential growth

class Resolver {
public:
    Resolver(const NameScope& scope, FormulaAst& ast, std::vector<Problem>& problems)
        : scope_(scope), ast_(ast), problems_(problems) {}

    // Copies `index` of `parsed` into the formula. `use` is the span to blame for problems
    // found inside a derived formula (-1: the node's own span).
    int import(const ParsedExpression& parsed, int index, int use_pos, int use_len) {
        const Node& source = parsed.nodes[static_cast<std::size_t>(index)];
        if (ast_.nodes.size() >= max_nodes) {
            if (!too_big_) {
                problems_.push_back({0,
                                     1,
                                     {"rumus terlalu rumit setelah nilai turunan dimasukkan",
                                      "formula too complex once derived values are inlined"}});
            }
            too_big_ = true;
            return add(Node{});
        }
        Node node = source;
        if (use_pos >= 0) {
            node.pos = use_pos;
            node.len = use_len;
        }
        if (source.kind == Node::Kind::name) return resolve_name(source, node);
        node.args.clear();
        for (int child : source.args) node.args.push_back(import(parsed, child, use_pos, use_len));
        return add(std::move(node));
    }

private:
    int add(Node node) {
        ast_.nodes.push_back(std::move(node));
        return static_cast<int>(ast_.nodes.size()) - 1;
    }

    int resolve_name(const Node& source, Node node) {
        const std::string& name = source.name;
        if (name == "NA") {
            node.kind = Node::Kind::not_applicable;
            return add(std::move(node));
        }
        auto slot = std::find(scope_.variables.begin(), scope_.variables.end(), name);
        if (slot != scope_.variables.end()) {
            node.slot = static_cast<int>(slot - scope_.variables.begin());
            ast_.used[static_cast<std::size_t>(node.slot)] = true;
            return add(std::move(node));
        }
        if (auto constant = scope_.constants.find(name); constant != scope_.constants.end()) {
            node.kind = Node::Kind::number;
            node.value = constant->second;
            return add(std::move(node));
        }
        if (auto derived = scope_.derived.find(name); derived != scope_.derived.end()) {
            return inline_derived(name, derived->second, node);
        }
        problems_.push_back({node.pos, node.len, unknown_name_message(name)});
        node.kind = Node::Kind::not_applicable;
        return add(std::move(node));
    }

    int inline_derived(const std::string& name, const std::string& text, Node node) {
        if (std::find(stack_.begin(), stack_.end(), name) != stack_.end()) {
            std::string chain;
            for (const auto& n : stack_) chain += n + " -> ";
            chain += name;
            problems_.push_back(
                {node.pos,
                 node.len,
                 {"nilai turunan melingkar: " + chain, "derived values form a cycle: " + chain}});
            node.kind = Node::Kind::not_applicable;
            return add(std::move(node));
        }
        auto cached = parsed_.find(name);
        if (cached == parsed_.end()) cached = parsed_.emplace(name, parse_expression(text)).first;
        if (!cached->second.ok()) {
            problems_.push_back({node.pos,
                                 node.len,
                                 {"rumus nilai turunan '" + name + "' bermasalah",
                                  "the formula of derived value '" + name + "' has errors"}});
            node.kind = Node::Kind::not_applicable;
            return add(std::move(node));
        }
        stack_.push_back(name);
        int root = import(cached->second, cached->second.root, node.pos, node.len);
        stack_.pop_back();
        return root;
    }

    Message unknown_name_message(const std::string& name) const {
        std::vector<std::string> known = scope_.variables;
        for (const auto& [n, value] : scope_.constants) known.push_back(n);
        for (const auto& [n, text] : scope_.derived) known.push_back(n);
        known.push_back("NA");
        std::string hint;
        std::size_t best = std::max<std::size_t>(3, name.size() / 3 + 1);
        for (const auto& candidate : known) {
            std::size_t d = edit_distance(name, candidate);
            if (d < best) {
                best = d;
                hint = candidate;
            }
        }
        Message m{"nama tidak dikenal '" + name + "'", "unknown name '" + name + "'"};
        if (!hint.empty()) {
            m.id += " (mungkin maksudnya '" + hint + "'?)";
            m.en += " (did you mean '" + hint + "'?)";
        }
        return m;
    }

    const NameScope& scope_;
    FormulaAst& ast_;
    std::vector<Problem>& problems_;
    std::vector<std::string> stack_;
    std::map<std::string, ParsedExpression> parsed_;
    bool too_big_ = false;
};

void emit(const FormulaAst& ast, int index, std::string& out) {
    const Node& node = ast.nodes[static_cast<std::size_t>(index)];
    switch (node.kind) {
        case Node::Kind::number:
            if (node.value < 0) {
                out += cat({"(", number_text(node.value), ")"});
            } else {
                out += number_text(node.value);
            }
            return;
        case Node::Kind::not_applicable:
            out += "NA";
            return;
        case Node::Kind::name:
            out += cat({"v", std::to_string(node.slot)});
            return;
        case Node::Kind::negate:
            out += "(-";
            emit(ast, node.args[0], out);
            out += ")";
            return;
        case Node::Kind::binary: {
            static const char* const ops[] = {
                "+", "-", "*", "/", "^", "<", "<=", ">", ">=", "==", "!=", "&&", "||"};
            out += "(";
            emit(ast, node.args[0], out);
            out += ops[static_cast<int>(node.op)];
            emit(ast, node.args[1], out);
            out += ")";
            return;
        }
        case Node::Kind::ternary:
            // muParser's own ?: would take the 'then' branch for a not-applicable
            // condition; _if() returns not applicable instead.
            out += "_if(";
            emit(ast, node.args[0], out);
            out += ",";
            emit(ast, node.args[1], out);
            out += ",";
            emit(ast, node.args[2], out);
            out += ")";
            return;
        case Node::Kind::call:
            out += node.name + "(";
            for (std::size_t i = 0; i < node.args.size(); ++i) {
                if (i) out += ",";
                emit(ast, node.args[i], out);
            }
            out += ")";
            return;
    }
}

}  // namespace

std::string muparser_text(const FormulaAst& ast) {
    std::string out;
    emit(ast, ast.root, out);
    return out;
}

std::shared_ptr<FormulaAst> build_formula(std::string_view text, const NameScope& scope,
                                          std::vector<Problem>& problems) {
    auto ast = std::make_shared<FormulaAst>();
    ast->text = std::string(text);
    ast->variables = scope.variables;
    ast->used.assign(scope.variables.size(), false);
    ParsedExpression parsed = parse_expression(text);
    if (!parsed.ok()) {
        problems.insert(problems.end(), parsed.problems.begin(), parsed.problems.end());
        return ast;
    }
    std::size_t before = problems.size();
    Resolver resolver(scope, *ast, problems);
    ast->root = resolver.import(parsed, parsed.root, -1, -1);
    if (problems.size() != before) return ast;
    ast->muparser_text = muparser_text(*ast);
    // muParser refuses expressions of 20,000 characters or more.
    if (ast->muparser_text.size() >= 19000) {
        problems.push_back({0,
                            1,
                            {"rumus terlalu rumit setelah nilai turunan dimasukkan",
                             "formula too complex once derived values are inlined"}});
    }
    return ast;
}

}  // namespace kinerja::evaluate_detail
