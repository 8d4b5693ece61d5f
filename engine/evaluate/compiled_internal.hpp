// Internal: what a CompiledCatalogue holds.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "evaluate/evaluate.hpp"
#include "evaluate/expression.hpp"

namespace kinerja::evaluate_detail {

struct CompiledIndicator {
    CompiledIndicator(Formula r, Formula c) : realisasi(std::move(r)), capaian(std::move(c)) {}
    Formula realisasi;
    Formula capaian;  // the indicator's own, or the template rule; with the cap
    bool custom_capaian = false;
    Rounding rounding;
};

}  // namespace kinerja::evaluate_detail

namespace kinerja {

// The public class's hidden half (evaluator.hpp), so it is declared in kinerja.
struct CompiledCatalogue::Impl {
    Catalogue catalogue;
    Settings settings;
    std::vector<evaluate_detail::CompiledIndicator> indicators;
    std::map<std::string, std::size_t, std::less<>> index;
};

}  // namespace kinerja
