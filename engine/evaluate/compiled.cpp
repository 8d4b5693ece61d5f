// CompiledCatalogue (shared, immutable) and Evaluator (one per thread).
#include <algorithm>

#include "evaluate/catalogue_internal.hpp"
#include "evaluate/compiled_internal.hpp"
#include "evaluate/muparser_setup.hpp"
#include "evaluate/numeric.hpp"

namespace kinerja {

using namespace evaluate_detail;

namespace {

Formula make_formula(const Indicator& ind, const std::string& text, const NameScope& scope,
                     const std::string& file) {
    std::vector<Problem> problems;
    auto ast = build_formula(text, scope, problems);
    if (!problems.empty()) {
        throw InputError(file, "indikator " + ind.id,
                         {problems.front().message.id + " (jalankan: kinerja formulas check)",
                          problems.front().message.en + " (run: kinerja formulas check)"});
    }
    return formula_from_ast(std::move(ast));
}

}  // namespace

CompiledCatalogue::CompiledCatalogue(Catalogue catalogue, Settings settings) {
    auto impl = std::make_shared<Impl>();
    impl->catalogue = std::move(catalogue);
    impl->settings = std::move(settings);
    const Settings& s = impl->settings;
    for (const auto& ind : impl->catalogue.indicators) {
        std::string capaian = ind.capaian;
        if (capaian.empty()) {
            capaian = ind.direction == Direction::naik ? "capaian_naik(realisasi, target)"
                                                       : "capaian_turun(realisasi, target)";
        }
        if (s.cap) capaian = cat({"min(", capaian, ", ", number_text(*s.cap), ")"});
        CompiledIndicator c(
            make_formula(ind, ind.realisasi, indicator_scope(ind, &s, false), impl->catalogue.file),
            make_formula(ind, capaian, indicator_scope(ind, &s, true), impl->catalogue.file));
        c.custom_capaian = !ind.capaian.empty();
        c.rounding = ind.rounding.value_or(s.rounding);
        impl->index.emplace(ind.id, impl->indicators.size());
        impl->indicators.push_back(std::move(c));
    }
    impl_ = std::move(impl);
}

const Catalogue& CompiledCatalogue::catalogue() const {
    return impl_->catalogue;
}
const Settings& CompiledCatalogue::settings() const {
    return impl_->settings;
}
std::size_t CompiledCatalogue::size() const {
    return impl_->indicators.size();
}

std::optional<std::size_t> CompiledCatalogue::index_of(std::string_view id) const {
    auto found = impl_->index.find(id);
    if (found == impl_->index.end()) return std::nullopt;
    return found->second;
}

const Indicator& CompiledCatalogue::indicator(std::size_t index) const {
    return impl_->catalogue.indicators.at(index);
}
const Formula& CompiledCatalogue::realisasi_formula(std::size_t index) const {
    return impl_->indicators.at(index).realisasi;
}
const Formula& CompiledCatalogue::capaian_formula(std::size_t index) const {
    return impl_->indicators.at(index).capaian;
}
const Rounding& CompiledCatalogue::rounding(std::size_t index) const {
    return impl_->indicators.at(index).rounding;
}

// ---------------------------------------------------------------- Evaluator

struct Evaluator::Impl {
    explicit Impl(const CompiledCatalogue& c) : compiled(c), turun(c.settings().turun) {
        const auto& inds = c.impl().indicators;
        for (std::size_t i = 0; i < inds.size(); ++i) {
            realisasi.push_back(
                std::make_unique<CompiledExpression>(inds[i].realisasi.ast(), &turun));
            if (inds[i].custom_capaian) {
                capaian.push_back(
                    std::make_unique<CompiledExpression>(inds[i].capaian.ast(), &turun));
            } else {
                capaian.push_back(nullptr);  // the rule is computed directly, faster
            }
        }
    }
    CompiledCatalogue compiled;
    TurunRule turun;  // capaian_turun() reads it through a pointer
    std::vector<std::unique_ptr<CompiledExpression>> realisasi;
    std::vector<std::unique_ptr<CompiledExpression>> capaian;
};

Evaluator::Evaluator(const CompiledCatalogue& compiled) : impl_(std::make_unique<Impl>(compiled)) {}
Evaluator::~Evaluator() = default;
Evaluator::Evaluator(Evaluator&&) noexcept = default;
Evaluator& Evaluator::operator=(Evaluator&&) noexcept = default;

const CompiledCatalogue& Evaluator::compiled() const {
    return impl_->compiled;
}

double Evaluator::realisasi(std::size_t indicator, std::span<const double> inputs) {
    const auto& ind = impl_->compiled.indicator(indicator);
    if (inputs.size() != ind.inputs.size()) {
        throw std::invalid_argument("indicator " + ind.id + " takes " +
                                    std::to_string(ind.inputs.size()) + " inputs, got " +
                                    std::to_string(inputs.size()));
    }
    double raw = impl_->realisasi[indicator]->evaluate(inputs);
    return apply_rounding(raw, impl_->compiled.rounding(indicator));
}

double Evaluator::capaian(std::size_t indicator, double realisasi, double target,
                          std::span<const double> inputs) {
    const CompiledCatalogue& c = impl_->compiled;
    const Settings& s = c.settings();
    double value;
    if (auto& custom = impl_->capaian[indicator]) {
        const auto& ind = c.indicator(indicator);
        double* slots = custom->slots();
        for (std::size_t k = 0; k < ind.inputs.size(); ++k)
            slots[k] = k < inputs.size() ? inputs[k] : na;
        slots[ind.inputs.size()] = target;
        slots[ind.inputs.size() + 1] = realisasi;
        value = custom->evaluate();
    } else if (c.indicator(indicator).direction == Direction::naik) {
        value = capaian_naik(realisasi, target);
    } else {
        value = capaian_turun(realisasi, target, s.turun);
    }
    if (s.cap && value > *s.cap) value = *s.cap;
    return apply_rounding(value, c.rounding(indicator));
}

IndicatorResult Evaluator::evaluate(std::size_t indicator, std::span<const double> inputs,
                                    double target) {
    IndicatorResult result;
    result.realisasi = realisasi(indicator, inputs);
    result.capaian = capaian(indicator, result.realisasi, target, inputs);
    result.kategori = kategori(result.capaian, impl_->compiled.settings().scale);
    return result;
}

IndicatorResult Evaluator::evaluate(std::string_view id,
                                    const std::map<std::string, double>& inputs, double target) {
    auto index = impl_->compiled.index_of(id);
    if (!index) throw std::out_of_range("no indicator '" + std::string(id) + "' in the catalogue");
    const auto& ind = impl_->compiled.indicator(*index);
    std::vector<double> values;
    for (const auto& v : ind.inputs) {
        auto found = inputs.find(v.name);
        values.push_back(found == inputs.end() ? na : found->second);
    }
    return evaluate(*index, values, target);
}

}  // namespace kinerja
