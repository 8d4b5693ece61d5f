// Matching indicator text from a workbook to catalogue ids.
//
// Names are normalised (case, markup, punctuation, numbering, known misspellings), then
// compared without spaces so split words ("Layana n", "Kerumah tanggaan") still meet. Exact
// matches win; otherwise each indicator takes the better of two scores: an edit-distance
// similarity, also against the start of each name because RKA documents cut long names off,
// and a word score (match_score.cpp) for descriptions that wrap the name in the unit's name
// and a compliance tail. A match needs a clear lead over the runner-up: when two indicators
// score alike the result is "ambiguous", never a silent guess.
#include "match/match.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "common/edit_distance.hpp"
#include "match/match_internal.hpp"

namespace kinerja {

using match_detail::without_label;

namespace {

constexpr double match_threshold = 0.85;
constexpr double required_lead = 0.04;
constexpr double prefix_weight = 0.92;
constexpr std::size_t min_prefix_length = 25;
constexpr std::size_t fuzzy_candidates = 8;

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += w;
    return out;
}

// Character bigrams as sorted codes, for a cheap first ranking.
std::vector<std::uint16_t> bigrams(const std::string& s) {
    std::vector<std::uint16_t> out;
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        out.push_back(static_cast<std::uint16_t>((static_cast<unsigned char>(s[i]) << 8) |
                                                 static_cast<unsigned char>(s[i + 1])));
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Calls `each(bigram, count)` for the runs of a sorted list of bigrams.
template <typename Each>
void for_each_run(const std::vector<std::uint16_t>& grams, Each each) {
    for (std::size_t i = 0; i < grams.size();) {
        std::size_t end = i;
        while (end < grams.size() && grams[end] == grams[i]) ++end;
        each(grams[i], static_cast<std::uint32_t>(end - i));
        i = end;
    }
}

double similarity(std::size_t distance, std::size_t a_length, std::size_t b_length) {
    std::size_t longest = std::max(a_length, b_length);
    if (longest == 0) return 0;
    return 1.0 - static_cast<double>(distance) / static_cast<double>(longest);
}

}  // namespace

struct IndicatorMatcher::Impl {
    struct Key {
        std::size_t indicator;
        std::string text;  // normalised, without spaces
        std::size_t gram_count;
    };
    // Bigram -> the keys holding it and how often: the bigrams a query shares with every key
    // in one pass over the query's, instead of a merge with each key's list.
    struct Posting {
        std::uint32_t key;
        std::uint32_t count;
    };
    std::vector<std::string> ids;
    std::vector<Key> keys;
    std::unordered_map<std::uint16_t, std::vector<Posting>> postings;
    std::unordered_map<std::string, std::size_t> exact;
    match_detail::WordScorer words;
    void edit_scores(const std::string& query, std::vector<double>& best) const;
};

IndicatorMatcher::IndicatorMatcher(const Catalogue& catalogue) : impl_(std::make_unique<Impl>()) {
    for (const auto& ind : catalogue.indicators) {
        std::size_t index = impl_->ids.size();
        impl_->ids.push_back(ind.id);
        std::vector<std::string> names = {ind.name};
        names.insert(names.end(), ind.variants.begin(), ind.variants.end());
        for (const auto& name : names) {
            std::string key = joined(indicator_name_words(name));
            if (key.empty()) continue;
            impl_->exact.emplace(key, index);
            std::vector<std::uint16_t> grams = bigrams(key);
            auto key_index = static_cast<std::uint32_t>(impl_->keys.size());
            for_each_run(grams, [&](std::uint16_t gram, std::uint32_t count) {
                impl_->postings[gram].push_back({key_index, count});
            });
            impl_->keys.push_back({index, key, grams.size()});
            impl_->words.add(index, name);
        }
    }
    impl_->words.finish();
}

IndicatorMatcher::~IndicatorMatcher() = default;
IndicatorMatcher::IndicatorMatcher(IndicatorMatcher&&) noexcept = default;

// Edit-distance scores of `query` (normalised, without spaces) against the closest keys.
void IndicatorMatcher::Impl::edit_scores(const std::string& query,
                                         std::vector<double>& best) const {
    // Rank every key cheaply, then measure the best few properly.
    std::vector<std::uint16_t> grams = bigrams(query);
    std::vector<std::uint32_t> shared_grams(keys.size(), 0);
    for_each_run(grams, [&](std::uint16_t gram, std::uint32_t count) {
        auto found = postings.find(gram);
        if (found == postings.end()) return;
        for (const Posting& p : found->second) shared_grams[p.key] += std::min(count, p.count);
    });
    std::vector<std::pair<double, std::size_t>> ranked;
    ranked.reserve(keys.size());
    for (std::size_t k = 0; k < keys.size(); ++k) {
        double shared = static_cast<double>(shared_grams[k]);
        double dice = 2 * shared / static_cast<double>(grams.size() + keys[k].gram_count + 1);
        double containment = shared / static_cast<double>(grams.size() + 1);
        ranked.emplace_back(std::max(dice, 0.9 * containment), k);
    }
    std::size_t keep = std::min(fuzzy_candidates, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(keep), ranked.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    EditDistancePattern pattern(query);
    for (std::size_t r = 0; r < keep; ++r) {
        const auto& key = keys[ranked[r].second];
        auto distances = pattern.measure(key.text, query.size());
        double score = similarity(distances.whole, query.size(), key.text.size());
        if (query.size() >= min_prefix_length && key.text.size() > query.size()) {
            score = std::max(
                score, prefix_weight * similarity(distances.prefix, query.size(), query.size()));
        }
        best[key.indicator] = std::max(best[key.indicator], score);
    }
}

IndicatorMatch IndicatorMatcher::match(std::string_view text) const {
    IndicatorMatch result;
    std::string_view cut = without_label(text.substr(0, 2000));
    std::vector<std::string> words = indicator_name_words(cut);
    std::string query = joined(words);
    if (query.empty()) return result;
    if (auto found = impl_->exact.find(query); found != impl_->exact.end()) {
        result.status = MatchStatus::matched;
        result.id = impl_->ids[found->second];
        result.score = 1;
        result.candidates.push_back({result.id, 1});
        return result;
    }
    std::vector<double> best(impl_->ids.size(), 0.0);
    impl_->edit_scores(query, best);
    // The same, without the unit the text names: "... di Lapas Kelas IIA Kerobokan".
    std::vector<std::string> bare = impl_->words.without_units(words);
    std::string bare_query = joined(bare);
    if (!bare_query.empty() && bare_query != query) {
        impl_->edit_scores(bare_query, best);
    }
    if (!match_detail::describes_formula(cut, words)) impl_->words.score(bare, best);
    for (std::size_t i = 0; i < best.size(); ++i) {
        if (best[i] >= 0.3) result.candidates.push_back({impl_->ids[i], best[i]});
    }
    std::sort(result.candidates.begin(), result.candidates.end(),
              [](const MatchCandidate& a, const MatchCandidate& b) { return a.score > b.score; });
    if (result.candidates.size() > 5) result.candidates.resize(5);
    if (result.candidates.empty()) return result;
    result.score = result.candidates[0].score;
    if (result.score < match_threshold) return result;
    bool clear_lead =
        result.candidates.size() == 1 || result.score - result.candidates[1].score >= required_lead;
    if (!clear_lead) {
        result.status = MatchStatus::ambiguous;
        return result;
    }
    result.status = MatchStatus::matched;
    result.id = result.candidates[0].id;
    return result;
}

}  // namespace kinerja
