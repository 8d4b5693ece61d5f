// What fill and batch alike make of the data: the indicator a key names, the year's value.
#include "data/data.hpp"

namespace kinerja {

std::optional<std::size_t> IndicatorKeys::index_of(const std::string& key) {
    auto [at, added] = known_.try_emplace(key);
    if (!added) return at->second;
    // An id is taken as it is; only other keys (names as users write them) are matched.
    if (auto exact = compiled_.index_of(key)) {
        at->second = exact;
    } else if (IndicatorMatch m = matcher_.match(key); m.status == MatchStatus::matched) {
        at->second = compiled_.index_of(m.id);
    }
    return at->second;
}

double combine_values(PeriodCombine how, std::span<const double> values) {
    if (values.empty()) return na;
    if (how == PeriodCombine::akhir) return values.back();
    double total = 0;
    int applicable = 0;
    for (double v : values) {
        if (is_na(v)) continue;
        total += v;
        ++applicable;
    }
    if (applicable == 0) return na;
    return how == PeriodCombine::jumlah ? total : total / applicable;
}

}  // namespace kinerja
