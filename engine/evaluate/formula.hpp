// The formula language: a formula over named variables, parsed and checked once, evaluated by
// muParser, and translated to an Excel formula.
//
//     auto f = kinerja::Formula::parse("pct(terpenuhi, jumlah_wbp)", {"terpenuhi", "jumlah_wbp"});
//     kinerja::FormulaEvaluator e(f);               // one per thread
//     double r = e.evaluate(std::vector<double>{1367, 1367});   // 100
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate/diagnostic.hpp"
#include "evaluate/settings.hpp"

namespace kinerja {

// A formula that cannot be used. `diagnostics` holds every problem found, positions relative
// to the formula text (line 1, column = 1-based character index).
class FormulaError : public std::runtime_error {
public:
    explicit FormulaError(std::vector<Diagnostic> diagnostics);
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
    std::string describe(Lang lang) const;

private:
    std::vector<Diagnostic> diagnostics_;
};

constexpr std::size_t max_formula_length = 5000;  // characters; muParser's own limit is 20,000

// variable name -> cell reference or expression: "E5", "'Data'!C7", "SUM(E5:E8)", "D5*100"
using CellMap = std::map<std::string, std::string>;

class Formula;
namespace evaluate_detail {
struct FormulaAst;
Formula formula_from_ast(std::shared_ptr<const FormulaAst> ast);
}  // namespace evaluate_detail

// A parsed and checked formula over named variables: immutable, share it between threads.
// Constants are folded in as numbers. Unknown names, wrong argument counts and syntax errors
// throw FormulaError.
class Formula {
public:
    static Formula parse(std::string_view text, const std::vector<std::string>& variables,
                         const std::map<std::string, double>& constants = {});
    const std::string& text() const;
    const std::vector<std::string>& variables() const;  // slot order for evaluation
    bool uses(std::string_view variable) const;
    // The equivalent Excel formula (without '='), each variable replaced by the cell reference
    // or expression in `cells`. Not-applicable cells (text such as "-", or blank) and
    // divisions by zero give "-"; with `rounding` the value is wrapped in TRUNC/ROUND:
    // IF(COUNT(E5,D5)<2,"-",IFERROR(TRUNC(E5/D5*100,2),"-")). `as_fraction` divides the
    // (rounded) value by 100, for a cell formatted as a percentage.
    // Throws std::out_of_range for a variable missing from `cells`.
    std::string excel(const CellMap& cells, std::optional<Rounding> rounding = std::nullopt,
                      TurunRule turun = TurunRule::permenpan, bool as_fraction = false) const;
    const evaluate_detail::FormulaAst& ast() const { return *ast_; }  // internal

private:
    Formula() = default;  // only parse() makes one
    friend Formula evaluate_detail::formula_from_ast(
        std::shared_ptr<const evaluate_detail::FormulaAst> ast);
    std::shared_ptr<const evaluate_detail::FormulaAst> ast_;
};

// Evaluates one Formula with its own muParser instance: create one per thread.
class FormulaEvaluator {
public:
    explicit FormulaEvaluator(const Formula& formula, TurunRule turun = TurunRule::permenpan);
    ~FormulaEvaluator();
    FormulaEvaluator(FormulaEvaluator&&) noexcept;
    FormulaEvaluator& operator=(FormulaEvaluator&&) noexcept;
    // `values` in the order of Formula::variables(). Returns na when not applicable.
    double evaluate(std::span<const double> values);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Parses and evaluates once: for the `kinerja eval` calculator and tests.
double evaluate_expression(std::string_view text, const std::map<std::string, double>& values,
                           TurunRule turun = TurunRule::permenpan);

}  // namespace kinerja
