// Internal: the formula language's syntax tree, parser and function table.
//
// The parser is ours so that errors name what is wrong (unknown function, a ',' used as a
// decimal point, an unclosed '(') and so that a formula can be translated to Excel. The tree
// is then emitted as fully parenthesised text for muParser, which compiles it to bytecode and
// evaluates it; our parser and muParser therefore never disagree about precedence.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/message.hpp"
#include "evaluate/evaluate.hpp"

namespace kinerja::evaluate_detail {

enum class BinaryOp : std::uint8_t { add, sub, mul, div, pow, lt, le, gt, ge, eq, ne, land, lor };

struct Node {
    enum class Kind : std::uint8_t { number, name, call, negate, binary, ternary, not_applicable };
    Kind kind = Kind::number;
    BinaryOp op = BinaryOp::add;
    double value = 0;       // number
    std::string name;       // name or function
    int slot = -1;          // a resolved variable's index
    int function = -1;      // index into functions()
    std::vector<int> args;  // children, by index into the node list
    int pos = 0;            // byte span in the source text
    int len = 0;
};

// One problem, positioned in bytes within the formula text.
struct Problem {
    int pos = 0;
    int len = 1;
    Message message;
    Severity severity = Severity::error;
};

struct ParsedExpression {
    std::vector<Node> nodes;
    int root = -1;
    std::vector<Problem> problems;  // syntax, unknown functions, argument counts
    bool ok() const { return problems.empty() && root >= 0; }
};

// Syntax and function checks only; names are not resolved.
ParsedExpression parse_expression(std::string_view text);

// Names used as values (not functions), in order of appearance, with their node.
std::vector<const Node*> names_used(const ParsedExpression& parsed);

// ---------------------------------------------------------------- functions

struct FunctionInfo {
    const char* name;
    int min_args;
    int max_args;  // -1: any number
    bool pairs;    // arguments come in (value, weight) pairs
    const char* id_help;
    const char* en_help;
};
const std::vector<FunctionInfo>& functions();
int find_function(std::string_view name);

// Indices into functions(), in table order.
enum class Fn : int {
    pct,
    capaian_naik,
    capaian_turun,
    capaian_turun_permenpan,
    capaian_turun_seed003,
    trunc,
    round,
    min,
    max,
    sum,
    avg,
    avg_na,
    sum_na,
    wavg_na,
    ifna,
    isna,
    abs
};

// Names a formula may not use for its own variables.
bool is_reserved_name(std::string_view name);
bool is_valid_variable_name(std::string_view name);

// ---------------------------------------------------------------- resolved formulas

// What names mean inside one formula.
struct NameScope {
    std::vector<std::string> variables;  // slots, in order
    std::map<std::string, double> constants;
    std::map<std::string, std::string> derived;  // name -> formula text, inlined where used
};

struct FormulaAst {
    std::string text;
    std::vector<Node> nodes;
    int root = -1;
    std::vector<std::string> variables;
    std::vector<bool> used;     // per variable
    std::string muparser_text;  // what muParser compiles
};

// Parses and resolves; problems are appended (positions in `text`, derived formulas'
// problems at the position where the derived name is used).
std::shared_ptr<FormulaAst> build_formula(std::string_view text, const NameScope& scope,
                                          std::vector<Problem>& problems);

// Fully parenthesised text for muParser; variables become v0, v1, ...
std::string muparser_text(const FormulaAst& ast);

// A diagnostic for a problem inside a bare formula (line/column within the text).
Diagnostic formula_diagnostic(std::string_view text, const Problem& problem);

// Excel translation of a resolved formula.
std::string excel_formula(const FormulaAst& ast, const std::map<std::string, std::string>& cells,
                          const std::optional<Rounding>& rounding, TurunRule turun,
                          bool as_fraction);

}  // namespace kinerja::evaluate_detail
