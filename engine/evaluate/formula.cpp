// Formula, FormulaEvaluator and the one-shot calculator.
#include <algorithm>

#include "evaluate/compiled_internal.hpp"
#include "evaluate/evaluate.hpp"
#include "evaluate/expression.hpp"
#include "evaluate/muparser_setup.hpp"

namespace kinerja {

using namespace evaluate_detail;

Formula Formula::parse(std::string_view text, const std::vector<std::string>& variables,
                       const std::map<std::string, double>& constants) {
    NameScope scope;
    scope.variables = variables;
    scope.constants = constants;
    std::vector<Problem> problems;
    auto ast = build_formula(text, scope, problems);
    if (!problems.empty()) {
        std::vector<Diagnostic> diagnostics;
        for (const auto& p : problems) diagnostics.push_back(formula_diagnostic(text, p));
        throw FormulaError(std::move(diagnostics));
    }
    Formula formula;
    formula.ast_ = std::move(ast);
    return formula;
}

namespace evaluate_detail {

Formula formula_from_ast(std::shared_ptr<const FormulaAst> ast) {
    Formula formula;
    formula.ast_ = std::move(ast);
    return formula;
}

}  // namespace evaluate_detail

const std::string& Formula::text() const {
    return ast_->text;
}
const std::vector<std::string>& Formula::variables() const {
    return ast_->variables;
}

bool Formula::uses(std::string_view variable) const {
    for (std::size_t i = 0; i < ast_->variables.size(); ++i) {
        if (ast_->variables[i] == variable) return ast_->used[i];
    }
    return false;
}

std::string Formula::excel(const CellMap& cells, std::optional<Rounding> rounding, TurunRule turun,
                           bool as_fraction) const {
    return excel_formula(*ast_, cells, rounding, turun, as_fraction);
}

struct FormulaEvaluator::Impl {
    explicit Impl(const Formula& f, TurunRule r) : formula(f), rule(r), compiled(f.ast(), &rule) {}
    Formula formula;
    TurunRule rule;  // capaian_turun() reads it through a pointer
    CompiledExpression compiled;
};

FormulaEvaluator::FormulaEvaluator(const Formula& formula, TurunRule turun)
    : impl_(std::make_unique<Impl>(formula, turun)) {}
FormulaEvaluator::~FormulaEvaluator() = default;
FormulaEvaluator::FormulaEvaluator(FormulaEvaluator&&) noexcept = default;
FormulaEvaluator& FormulaEvaluator::operator=(FormulaEvaluator&&) noexcept = default;

double FormulaEvaluator::evaluate(std::span<const double> values) {
    if (values.size() != impl_->formula.variables().size()) {
        throw std::invalid_argument("FormulaEvaluator::evaluate: expected " +
                                    std::to_string(impl_->formula.variables().size()) +
                                    " values, got " + std::to_string(values.size()));
    }
    return impl_->compiled.evaluate(values);
}

double evaluate_expression(std::string_view text, const std::map<std::string, double>& values,
                           TurunRule turun) {
    std::vector<std::string> names;
    std::vector<double> slots;
    for (const auto& [name, value] : values) {
        names.push_back(name);
        slots.push_back(value);
    }
    Formula formula = Formula::parse(text, names);
    FormulaEvaluator evaluator(formula, turun);
    return evaluator.evaluate(slots);
}

}  // namespace kinerja
