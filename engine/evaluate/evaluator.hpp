// Evaluating indicators: every formula of a catalogue compiled once under one set of settings
// (CompiledCatalogue, shared), evaluated by one Evaluator per thread.
//
//     kinerja::CompiledCatalogue compiled(catalogue, settings);   // parse every formula once
//     kinerja::Evaluator evaluator(compiled);                      // one per thread
//     auto i = *compiled.index_of("perawatan.makanan");
//     auto r = evaluator.evaluate(i, std::vector<double>{1367, 1367}, 80);
//     // r.realisasi == 100, r.capaian == 125, r.kategori->kode == "AA"
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include "evaluate/catalogue.hpp"
#include "evaluate/formula.hpp"

namespace kinerja {

struct IndicatorResult {
    double realisasi = na;  // rounded as the template says
    double capaian = na;    // rule, cap and rounding applied; na without a target
    const KategoriBand* kategori = nullptr;
};

// Every formula of a catalogue parsed once under one set of settings. Immutable and shared:
// copies are cheap and safe to hand to other threads. Throws InputError if a formula is bad.
class CompiledCatalogue {
public:
    CompiledCatalogue(Catalogue catalogue, Settings settings);
    const Catalogue& catalogue() const;
    const Settings& settings() const;
    std::size_t size() const;
    std::optional<std::size_t> index_of(std::string_view id) const;
    const Indicator& indicator(std::size_t index) const;
    const Formula& realisasi_formula(std::size_t index) const;  // variables = inputs
    // The indicator's capaian formula, or the template rule written as one, with the cap:
    // variables = inputs, then target and realisasi.
    const Formula& capaian_formula(std::size_t index) const;
    const Rounding& rounding(std::size_t index) const;  // the indicator's or the template's

    struct Impl;
    const Impl& impl() const { return *impl_; }

private:
    std::shared_ptr<const Impl> impl_;
};

// Evaluates indicators of a CompiledCatalogue. Holds one muParser instance per formula, so it
// is not thread-safe: create one Evaluator per thread from the same CompiledCatalogue.
class Evaluator {
public:
    explicit Evaluator(const CompiledCatalogue& compiled);
    ~Evaluator();
    Evaluator(Evaluator&&) noexcept;
    Evaluator& operator=(Evaluator&&) noexcept;

    // `inputs` in the order of Indicator::inputs (std::invalid_argument on a wrong count).
    double realisasi(std::size_t indicator, std::span<const double> inputs);
    IndicatorResult evaluate(std::size_t indicator, std::span<const double> inputs,
                             double target = na);
    // Capaian of a realisasi given as is (a table that has no numerator and denominator).
    // `inputs` matter only to an indicator whose own capaian formula reads them.
    double capaian(std::size_t indicator, double realisasi, double target,
                   std::span<const double> inputs = {});
    // The same, by input name; missing names are not applicable.
    IndicatorResult evaluate(std::string_view id, const std::map<std::string, double>& inputs,
                             double target = na);
    const CompiledCatalogue& compiled() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kinerja
