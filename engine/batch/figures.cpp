// One unit's figures for the rekap. The year comes from the filled workbook, as the unit
// will see it; each triwulan is computed here from the raw inputs, cumulatively (TW II is
// TW I and TW II combined as the indicator says: summed, the last, or averaged) against the
// year's target, since the workbooks hold a target per year only.
#include <algorithm>
#include <mutex>
#include <set>

#include "batch/detail.hpp"
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

constexpr Periode triwulan[] = {Periode::tw1, Periode::tw2, Periode::tw3, Periode::tw4};

// The inputs of TW I .. TW `last`, in Indicator::inputs order, leaving out triwulan with no
// value at all for this indicator (so `akhir` takes the last one given, as the fill does).
std::vector<std::vector<double>> triwulan_inputs(const Indicator& indicator, const Vars& vars,
                                                 std::size_t last) {
    std::vector<std::vector<double>> periods;
    for (std::size_t p = 0; p <= last; ++p) {
        std::vector<double> values(indicator.inputs.size(), na);
        bool any = false;
        for (std::size_t i = 0; i < indicator.inputs.size(); ++i) {
            auto var = vars.find(indicator.inputs[i].name);
            if (var == vars.end()) continue;
            auto value = var->second.find(triwulan[p]);
            if (value == var->second.end()) continue;
            any = true;
            values[i] = value->second.not_applicable ? na : value->second.value;
        }
        if (any) periods.push_back(std::move(values));
    }
    return periods;
}

// The year's inputs: a TAHUN value where given, else the triwulan combined.
std::vector<double> yearly_inputs(const Indicator& indicator, const Vars& vars) {
    auto periods = triwulan_inputs(indicator, vars, 3);
    std::vector<double> values = periods.empty() ? std::vector<double>(indicator.inputs.size(), na)
                                                 : combine_periods(indicator, periods);
    for (std::size_t i = 0; i < indicator.inputs.size(); ++i) {
        auto var = vars.find(indicator.inputs[i].name);
        if (var == vars.end()) continue;
        if (auto year = var->second.find(Periode::tahun); year != var->second.end())
            values[i] = year->second.not_applicable ? na : year->second.value;
    }
    return values;
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
    std::map<std::string, std::optional<std::size_t>> resolved;  // data key -> catalogue index

    explicit Impl(const Engine& e) : engine(e), evaluator(*e.compiled) {}

    std::optional<std::size_t> resolve(const std::string& key) {
        auto [it, added] = resolved.try_emplace(key);
        if (!added) return it->second;
        if (auto exact = engine.compiled->index_of(key)) {
            it->second = exact;
        } else {
            IndicatorMatch m = engine.matcher->match(key);
            if (m.status == MatchStatus::matched) it->second = engine.compiled->index_of(m.id);
        }
        return it->second;
    }

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
    PeriodFigures& year = summary.periods[tahun];
    year.present = true;
    std::vector<std::pair<std::size_t, double>> indicators;  // catalogue index, target
    for (const IndicatorOutcome& o : outcomes) {
        if (year.indikator.contains(o.id)) continue;
        year.indikator[o.id] = {o.target, o.realisasi, o.capaian, o.kategori};
        if (auto index = compiled.index_of(o.id)) indicators.push_back({*index, o.target});
    }
    if (!data) return;

    // The data's inputs per catalogue indicator; the first spelling found wins.
    std::map<std::size_t, const Vars*> inputs;
    std::set<Periode> periods;
    for (const auto& [key, vars] : data->values) {
        if (auto index = impl_->resolve(key)) inputs.try_emplace(*index, &vars);
        for (const auto& [name, values] : vars)
            for (const auto& [periode, value] : values) periods.insert(periode);
    }
    for (std::size_t p = tw1; p <= tw4; ++p) {
        if (!periods.count(triwulan[p])) continue;
        PeriodFigures& figures = summary.periods[p];
        figures.present = true;
        for (auto [index, target] : indicators) {
            Figure& f = figures.indikator[compiled.indicator(index).id];
            f.target = target;
            auto vars = inputs.find(index);
            if (vars == inputs.end()) continue;
            auto given = triwulan_inputs(compiled.indicator(index), *vars->second, p);
            if (!given.empty())
                f = impl_->evaluate(index, combine_periods(compiled.indicator(index), given),
                                    target);
        }
    }

    // Budget absorption: realisasi anggaran (summed) over the pagu (the last one given).
    auto penyerapan = compiled.index_of("anggaran.penyerapan");
    auto budget_vars = penyerapan ? inputs.find(*penyerapan) : inputs.end();
    if (budget_vars == inputs.end()) return;
    const Indicator& ind = compiled.indicator(*penyerapan);
    for (std::size_t p = tw1; p <= tw4; ++p) {
        if (!summary.periods[p].present) continue;
        auto given = triwulan_inputs(ind, *budget_vars->second, p);
        if (!given.empty())
            summary.periods[p].anggaran = impl_->budget(*penyerapan, combine_periods(ind, given));
    }
    year.anggaran = impl_->budget(*penyerapan, yearly_inputs(ind, *budget_vars->second));
}

}  // namespace kinerja::batch_detail
