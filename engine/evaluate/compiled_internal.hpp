// Internal: what a CompiledCatalogue holds.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "evaluate/evaluate.hpp"
#include "evaluate/expression.hpp"

namespace kinerja {

Formula formula_from_ast(std::shared_ptr<const FormulaAst> ast);

struct CompiledIndicator {
    CompiledIndicator(Formula r, Formula c) : realisasi(std::move(r)), capaian(std::move(c)) {}
    Formula realisasi;
    Formula capaian;  // the indicator's own, or the template rule; with the cap
    bool custom_capaian = false;
    Rounding rounding;
};

struct CompiledCatalogue::Impl {
    Catalogue catalogue;
    Settings settings;
    std::vector<CompiledIndicator> indicators;
    std::map<std::string, std::size_t, std::less<>> index;
};

}  // namespace kinerja
