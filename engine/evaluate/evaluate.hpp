// Stage 3: indicator formulas. The umbrella of the evaluate stage's headers, one concern each:
//
//   evaluate/settings.hpp           not applicable (na), directions, capaian rules, rounding,
//                                   kategori scales, Settings, the enum words
//   evaluate/diagnostic.hpp         compiler-style diagnostics, SourceRef
//   evaluate/formula.hpp            the formula language: Formula, FormulaEvaluator
//   evaluate/catalogue.hpp          the catalogue and settings files, read and checked
//   evaluate/catalogue_builder.hpp  one reading of catalogue and settings values (TOML, Rumus)
//   evaluate/evaluator.hpp          CompiledCatalogue and Evaluator
//   evaluate/excel.hpp              Excel formulas for the filled cells
//   evaluate/indicator_name.hpp     the normal form of an indicator name
//
// Name matching (IndicatorMatcher) is a stage of its own: match/match.hpp.
#pragma once

#include "evaluate/catalogue.hpp"
#include "evaluate/catalogue_builder.hpp"
#include "evaluate/diagnostic.hpp"
#include "evaluate/evaluator.hpp"
#include "evaluate/excel.hpp"
#include "evaluate/formula.hpp"
#include "evaluate/indicator_name.hpp"
#include "evaluate/settings.hpp"
