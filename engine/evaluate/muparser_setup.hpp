// Internal: muParser configured for the formula language, and one compiled formula.
#pragma once

#include <muParser.h>

#include <span>
#include <vector>

#include "evaluate/expression.hpp"
#include "evaluate/numeric.hpp"

namespace kinerja::evaluate_detail {

// Replaces muParser's defaults with the language's operators, functions and the NA constant.
// `turun` is the rule capaian_turun() uses; it must outlive the parser.
void configure_parser(mu::Parser& parser, const TurunRule* turun);

// One formula compiled to muParser bytecode, with its own variable slots. Not thread-safe and
// not movable (muParser keeps pointers to the slots): hold it by unique_ptr, one per thread.
class CompiledExpression {
public:
    CompiledExpression(const FormulaAst& ast, const TurunRule* turun);
    CompiledExpression(const CompiledExpression&) = delete;
    CompiledExpression& operator=(const CompiledExpression&) = delete;

    double* slots() { return slots_.data(); }
    double evaluate() const { return finite_or_na(parser_.Eval()); }
    double evaluate(std::span<const double> values) {
        std::copy(values.begin(), values.end(), slots_.begin());
        return finite_or_na(parser_.Eval());
    }

private:
    std::vector<double> slots_;
    mu::Parser parser_;
};

}  // namespace kinerja::evaluate_detail
