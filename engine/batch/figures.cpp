// One unit's figures for the rekap. The year comes from the filled workbook, as the unit
// will see it; each triwulan is computed here from the raw inputs, cumulatively (TW II is
// TW I and TW II combined as the indicator says: summed, the last, or averaged) against the
// year's target, since the workbooks hold a target per year only.
#include "batch/figures.hpp"

#include <algorithm>
#include <mutex>
#include <set>

#include "match/match.hpp"

namespace kinerja::batch_detail {

namespace {

// The ids of a process's indicators, stored once: a few hundred at most.
std::string_view interned(std::string_view id) {
    static std::mutex mutex;
    static std::set<std::string, std::less<>> ids;
    std::lock_guard lock(mutex);
    auto found = ids.find(id);
    if (found == ids.end()) found = ids.emplace(id).first;
    return *found;
}

bool by_id(const FigureMap::value_type& item, std::string_view id) {
    return item.first < id;
}

using Vars = std::map<std::string, std::map<Periode, DataValue>>;

// An indicator's inputs over the year so far, up to triwulan `upto` (TAHUN: the year), each
// variable's values combined as the indicator says, as the fill does for the year; nullopt
// when the data gives none of them a value by then.
std::optional<std::vector<double>> inputs_so_far(const Indicator& indicator, const Vars& vars,
                                                 Periode upto) {
    std::vector<double> inputs(indicator.inputs.size(), na);
    bool any = false;
    std::vector<double> values;
    for (std::size_t i = 0; i < indicator.inputs.size(); ++i) {
        const Variable& input = indicator.inputs[i];
        auto var = vars.find(input.name);
        if (var == vars.end()) continue;
        values.clear();
        for (const DataValue* v : values_so_far(var->second, upto))
            values.push_back(v->not_applicable ? na : v->value);
        if (values.empty()) continue;
        any = true;
        inputs[i] = combine_values(input.period.value_or(indicator.period), values);
    }
    if (!any) return std::nullopt;
    return inputs;
}

std::optional<std::size_t> input_slot(const Indicator& indicator, std::string_view name) {
    for (std::size_t i = 0; i < indicator.inputs.size(); ++i)
        if (indicator.inputs[i].name == name) return i;
    return std::nullopt;
}

}  // namespace

Figure& FigureMap::operator[](std::string_view id) {
    auto at = std::lower_bound(items_.begin(), items_.end(), id, by_id);
    if (at == items_.end() || at->first != id) at = items_.insert(at, {interned(id), Figure{}});
    return at->second;
}

const Figure* FigureMap::find(std::string_view id) const {
    auto at = std::lower_bound(items_.begin(), items_.end(), id, by_id);
    return at != items_.end() && at->first == id ? &at->second : nullptr;
}

struct FigureMaker::Impl {
    const Engine& engine;
    Evaluator evaluator;
    IndicatorKeys keys;  // which indicator each data key names, as the fill reads them

    explicit Impl(const Engine& e)
        : engine(e), evaluator(*e.compiled), keys(*e.compiled, *e.matcher) {}

    Figure evaluate(std::size_t index, const std::vector<double>& inputs, double target) {
        IndicatorResult r = evaluator.evaluate(index, inputs, target);
        return {target, r.realisasi, r.capaian, r.kategori ? r.kategori->kode : ""};
    }

    Budget budget(std::size_t index, const std::vector<double>& inputs) {
        const Indicator& ind = engine.compiled->indicator(index);
        auto pagu = input_slot(ind, "pagu"), real = input_slot(ind, "realisasi_anggaran");
        Budget b;
        if (pagu) b.pagu = inputs[*pagu];
        if (real) b.realisasi = inputs[*real];
        b.persen = evaluator.realisasi(index, inputs);
        return b;
    }
};

FigureMaker::FigureMaker(const Engine& engine) : impl_(std::make_unique<Impl>(engine)) {}
FigureMaker::~FigureMaker() = default;

void FigureMaker::add(UnitSummary& summary, const std::vector<IndicatorOutcome>& outcomes,
                      const SatkerData* data) {
    add_figures(summary, outcomes, data);
    for (PeriodFigures& p : summary.periods) p.indikator.shrink();
}

void FigureMaker::add_figures(UnitSummary& summary, const std::vector<IndicatorOutcome>& outcomes,
                              const SatkerData* data) {
    const CompiledCatalogue& compiled = *impl_->engine.compiled;
    // The year, from the workbook: the first row of each indicator.
    PeriodFigures& year = summary.periods[Periode::tahun];
    year.present = true;
    std::vector<std::pair<std::size_t, double>> indicators;  // catalogue index, target
    for (const IndicatorOutcome& o : outcomes) {
        if (year.indikator.contains(o.id)) continue;
        year.indikator[o.id] = {o.target, o.realisasi, o.capaian, o.kategori};
        if (auto index = compiled.index_of(o.id)) indicators.push_back({*index, o.target});
    }
    if (!data) return;

    // The data's inputs per catalogue indicator.
    std::map<std::size_t, const Vars*> inputs = impl_->keys.by_indicator(data->values);
    std::set<Periode> periods;
    for (const auto& [key, vars] : data->values)
        for (const auto& [name, values] : vars)
            for (const auto& [periode, value] : values) periods.insert(periode);
    for (Periode p : triwulan_periodes) {
        if (!periods.count(p)) continue;
        PeriodFigures& figures = summary.periods[p];
        figures.present = true;
        for (auto [index, target] : indicators) {
            Figure& f = figures.indikator[compiled.indicator(index).id];
            f.target = target;
            auto vars = inputs.find(index);
            if (vars == inputs.end()) continue;
            if (auto given = inputs_so_far(compiled.indicator(index), *vars->second, p))
                f = impl_->evaluate(index, *given, target);
        }
    }

    // Budget absorption: realisasi anggaran (summed) over the pagu (the last one given).
    auto penyerapan = compiled.index_of("anggaran.penyerapan");
    auto budget_vars = penyerapan ? inputs.find(*penyerapan) : inputs.end();
    if (budget_vars == inputs.end()) return;
    const Indicator& ind = compiled.indicator(*penyerapan);
    for (Periode p : triwulan_periodes) {
        if (!summary.periods[p].present) continue;
        if (auto given = inputs_so_far(ind, *budget_vars->second, p))
            summary.periods[p].anggaran = impl_->budget(*penyerapan, *given);
    }
    auto whole_year = inputs_so_far(ind, *budget_vars->second, Periode::tahun);
    year.anggaran =
        impl_->budget(*penyerapan, whole_year.value_or(std::vector<double>(ind.inputs.size(), na)));
}

}  // namespace kinerja::batch_detail
