// Matching indicator text from a workbook to catalogue ids.
//
// Names are normalised (case, markup, punctuation, numbering, known misspellings), then
// compared without spaces so split words ("Layana n", "Kerumah tanggaan") still meet. Exact
// matches win; otherwise an edit-distance similarity, also against the start of each name
// because RKA documents cut long names off. A match needs a clear lead over the runner-up:
// when two indicators score alike the result is "ambiguous", never a silent guess.
#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "evaluate/evaluate.hpp"
#include "evaluate/numeric.hpp"

namespace kinerja {

namespace {

constexpr double match_threshold = 0.85;
constexpr double required_lead = 0.04;
constexpr double prefix_weight = 0.92;
constexpr std::size_t min_prefix_length = 25;
constexpr std::size_t fuzzy_candidates = 8;

// Misspellings seen in the reference documents, mapped to one spelling.
const std::unordered_map<std::string, std::string>& word_fixes() {
    static const std::unordered_map<std::string, std::string> fixes = {
        {"preventiv", "preventif"},
        {"preventive", "preventif"},
        {"pemasarakatan", "pemasyarakatan"},
        {"pemsarakatan", "pemasyarakatan"},
        {"pemasaryakatan", "pemasyarakatan"},
        {"pemsaryakatan", "pemasyarakatan"},
        {"pemasyarakatn", "pemasyarakatan"},
        {"kerumahtangaan", "kerumahtanggaan"},
        {"kerumahtanggaaan", "kerumahtanggaan"},
        {"layann", "layanan"},
        {"presentase", "persentase"},
        {"persentasae", "persentase"},
        {"prosentase", "persentase"},
        {"resiko", "risiko"},
        {"postif", "positif"},
        {"instrument", "instrumen"},
        {"bersertifikat", "bersertifikasi"},
        {"kesetian", "kesetiaan"},
        {"berkuat", "berkekuatan"},
        {"narkotik", "narkotika"},
        {"tanggaaan", "tanggaan"},
        {"tangaan", "tanggaan"},
        {"masyarakatan", "pemasyarakatan"},
    };
    return fixes;
}

bool is_enumerator(std::string_view token) {
    // "1", "12", "4.1", "a", "iv" followed by '.' or ')' — or a bare "4.1".
    if (token.empty() || token.size() > 6) return false;
    bool digits = std::all_of(token.begin(), token.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
    });
    if (digits) return std::isdigit(static_cast<unsigned char>(token[0]));
    return token.size() <= 2 &&
           std::all_of(token.begin(), token.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Removes "<b>", "</i>", "<sup>" and similar markup that PDF conversions leave.
std::string strip_markup(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '<') {
            std::size_t close = text.find('>', i);
            if (close != std::string_view::npos && close - i <= 12) {
                std::string_view tag = text.substr(i + 1, close - i - 1);
                if (!tag.empty() && tag[0] == '/') tag.remove_prefix(1);
                if (!tag.empty() && std::all_of(tag.begin(), tag.end(), [](char c) {
                        return std::isalpha(static_cast<unsigned char>(c));
                    })) {
                    out += ' ';
                    i = close;
                    continue;
                }
            }
        }
        out += text[i];
    }
    return out;
}

std::string strip_numbering(std::string text) {
    for (;;) {
        std::size_t start = text.find_first_not_of(" \t\r\n-*\xE2\x80\xA2");  // also "•" bytes
        if (start == std::string::npos) return "";
        // UTF-8 "•" is E2 80 A2; find_first_not_of treats its bytes individually, fine here.
        std::size_t i = start;
        bool open = text[i] == '(';
        if (open) ++i;
        std::size_t end = i;
        while (end < text.size() &&
               (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '.'))
            ++end;
        std::string token = text.substr(i, end - i);
        bool closed =
            end < text.size() && (text[end] == ')' || (!token.empty() && token.back() == '.'));
        if (!token.empty() && token.back() == '.') token.pop_back();
        // RKA lists number without punctuation ("02 Persentase ..."), sections as "4.1".
        bool bare_section =
            !open && !token.empty() && std::isdigit(static_cast<unsigned char>(token[0])) &&
            end < text.size() && std::isspace(static_cast<unsigned char>(text[end]));
        std::string lowered = token;
        for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!(is_enumerator(lowered) && (closed || bare_section))) return text.substr(start);
        if (end < text.size() && text[end] == ')') ++end;
        text = text.substr(end);
    }
}

std::vector<std::string> words_of(std::string_view text) {
    std::string cleaned = strip_numbering(strip_markup(text));
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        auto fix = word_fixes().find(word);
        words.push_back(fix == word_fixes().end() ? word : fix->second);
        word.clear();
    };
    for (char raw : cleaned) {
        unsigned char c = static_cast<unsigned char>(raw);
        if (std::isalnum(c) && c < 0x80) {
            word += static_cast<char>(std::tolower(c));
        } else {
            flush();
        }
    }
    flush();
    return words;
}

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

std::size_t common(const std::vector<std::uint16_t>& a, const std::vector<std::uint16_t>& b) {
    std::size_t i = 0, j = 0, n = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] == b[j]) {
            ++n;
            ++i;
            ++j;
        } else if (a[i] < b[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return n;
}

double similarity(const std::string& a, const std::string& b) {
    std::size_t longest = std::max(a.size(), b.size());
    if (longest == 0) return 0;
    return 1.0 - static_cast<double>(edit_distance(a, b)) / static_cast<double>(longest);
}

}  // namespace

std::string normalize_indicator_name(std::string_view text) {
    std::string out;
    for (const auto& w : words_of(text)) out += (out.empty() ? "" : " ") + w;
    return out;
}

struct IndicatorMatcher::Impl {
    struct Key {
        std::size_t indicator;
        std::string text;  // normalised, without spaces
        std::vector<std::uint16_t> grams;
    };
    std::vector<std::string> ids;
    std::vector<Key> keys;
    std::unordered_map<std::string, std::size_t> exact;
};

IndicatorMatcher::IndicatorMatcher(const Catalogue& catalogue) : impl_(std::make_unique<Impl>()) {
    for (const auto& ind : catalogue.indicators) {
        std::size_t index = impl_->ids.size();
        impl_->ids.push_back(ind.id);
        std::vector<std::string> names = {ind.name};
        names.insert(names.end(), ind.variants.begin(), ind.variants.end());
        for (const auto& name : names) {
            std::string key = joined(words_of(name));
            if (key.empty()) continue;
            impl_->exact.emplace(key, index);
            impl_->keys.push_back({index, key, bigrams(key)});
        }
    }
}

IndicatorMatcher::~IndicatorMatcher() = default;
IndicatorMatcher::IndicatorMatcher(IndicatorMatcher&&) noexcept = default;

IndicatorMatch IndicatorMatcher::match(std::string_view text) const {
    IndicatorMatch result;
    std::string query = joined(words_of(text.substr(0, 2000)));
    if (query.empty()) return result;
    if (auto found = impl_->exact.find(query); found != impl_->exact.end()) {
        result.status = MatchStatus::matched;
        result.id = impl_->ids[found->second];
        result.score = 1;
        result.candidates.push_back({result.id, 1});
        return result;
    }
    // Rank every key cheaply, then measure the best few properly.
    std::vector<std::uint16_t> grams = bigrams(query);
    std::vector<std::pair<double, std::size_t>> ranked;
    for (std::size_t k = 0; k < impl_->keys.size(); ++k) {
        const auto& key = impl_->keys[k];
        double shared = static_cast<double>(common(grams, key.grams));
        double dice = 2 * shared / static_cast<double>(grams.size() + key.grams.size() + 1);
        double containment = shared / static_cast<double>(grams.size() + 1);
        ranked.emplace_back(std::max(dice, 0.9 * containment), k);
    }
    std::size_t keep = std::min(fuzzy_candidates, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(keep), ranked.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<double> best(impl_->ids.size(), 0.0);
    for (std::size_t r = 0; r < keep; ++r) {
        const auto& key = impl_->keys[ranked[r].second];
        double score = similarity(query, key.text);
        if (query.size() >= min_prefix_length && key.text.size() > query.size()) {
            score = std::max(score,
                             prefix_weight * similarity(query, key.text.substr(0, query.size())));
        }
        best[key.indicator] = std::max(best[key.indicator], score);
    }
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
