// The word-based score of indicator matching: does a workbook's text contain a catalogue
// name, give or take the unit's name, a compliance tail and Indonesian affixes?
#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "match/match_internal.hpp"

namespace kinerja::match_detail {

namespace {

constexpr double measure_weight = 1.0;  // a leading "Persentase" is worth about a common word
// What a word that barely tells indicators apart weighs in a name: a compliance word
// ("sesuai standar"), a bracketed explanation, a second person of a list.
constexpr double soft_weight = 0.4;
// A text may leave out the "Persentase" of a name when three telling words remain
// ("Pemulihan Kondisi Keamanan Pasca Gangguan Kamtib"), or two in a "<who> yang <what>"
// clause ("Pengaduan yang Ditindaklanjuti"). Without "Jumlah" / "Indeks" / "Nilai" a name is
// a thing, most often a budget output or activity ("Layanan Perkantoran", "Penyelenggaraan
// Pemasyarakatan di Wilayah"), so those may only go from a clause of three.
constexpr std::size_t min_terms_without_ratio = 3;
constexpr std::size_t min_terms_of_ratio_clause = 2;
constexpr std::size_t min_terms_of_clause = 3;
constexpr std::size_t min_found_terms = 2;
constexpr std::size_t max_place_words = 3;
// Three quarters of what a text says must belong to the name. "Melakukan pembinaan terhadap
// Narapidana untuk pemulihan kondisi keamanan ..." is an action of the plan, not the
// indicator it serves.
constexpr double min_precision = 0.75;

// The people an indicator counts. Names list them ("Tahanan / Narapidana / Anak"); a Rutan,
// which holds no children, writes "Tahanan / Narapidana".
bool is_population(const std::string& stem) {
    return stem == "tahanan" || stem == "narapidana" || stem == "anak" || stem == "wbp";
}

// Words a name puts in brackets: "(ditekan jumlah virusnya)", "(berhasil sembuh)". They
// explain the name, and units leave them out.
std::unordered_set<std::string> bracketed_words(std::string_view name) {
    std::string outside, inside;
    int depth = 0;
    for (char c : name) {
        if (c == '(') {
            ++depth;
            inside += ' ';
        } else if (c == ')' && depth > 0) {
            --depth;
            inside += ' ';
        } else {
            (depth > 0 ? inside : outside) += c;
        }
    }
    std::unordered_set<std::string> aside;
    std::vector<std::string> out = indicator_name_words(outside);
    for (const auto& w : indicator_name_words(inside))
        if (std::find(out.begin(), out.end(), w) == out.end()) aside.insert(w);
    return aside;
}

// ---------------------------------------------------------------- unit names

// The kinds of unit a text may name ("di Rumah Tahanan Negara Kelas IIB SoE"), longest first.
const std::vector<std::vector<std::string>>& unit_kinds() {
    static const std::vector<std::vector<std::string>> kinds = {
        {"rumah", "penyimpanan", "benda", "sitaan", "negara"},
        {"cabang", "rumah", "tahanan", "negara"},
        {"lembaga", "pembinaan", "khusus", "anak"},
        {"rumah", "tahanan", "negara"},
        {"lembaga", "pemasyarakatan"},
        {"balai", "pemasyarakatan"},
        {"rumah", "tahanan"},
        {"cabang", "rutan"},
        {"rutan"},
        {"lapas"},
        {"lpka"},
        {"bapas"},
        {"rupbasan"},
    };
    return kinds;
}

std::size_t unit_kind_at(const std::vector<std::string>& words, std::size_t i) {
    for (const auto& kind : unit_kinds()) {
        if (i + kind.size() <= words.size() &&
            std::equal(kind.begin(), kind.end(), words.begin() + static_cast<long>(i)))
            return kind.size();
    }
    return 0;
}

// "ii", "iib", "iiia", "2", "2a": the class after "Kelas".
bool is_class(const std::string& word) {
    if (word.empty() || word.size() > 4) return false;
    std::string core = word;
    if (core.size() > 1 && (core.back() == 'a' || core.back() == 'b')) core.pop_back();
    bool roman = core.find_first_not_of("iv") == std::string::npos;
    bool digits = core.find_first_not_of("0123456789") == std::string::npos;
    return roman || digits;
}

}  // namespace

struct WordScorer::Text {
    int measure = 0;
    bool has_yang = false;           // "<who> yang <what>"
    std::vector<std::string> words;  // surface words left after the unit name is removed
    std::vector<double> weights;     // per word: 0 for stopwords, fillers and soft words
    std::unordered_map<std::string, std::vector<std::size_t>> at;  // stem -> word positions
};

void WordScorer::add(std::size_t indicator, std::string_view name) {
    std::vector<std::string> words = indicator_name_words(name);
    Key key;
    key.indicator = indicator;
    std::size_t first = 0;
    if (!words.empty() && measure_class(words[0]) != 0) {
        key.measure = measure_class(words[0]);
        first = 1;
    }
    std::unordered_set<std::string> aside = bracketed_words(name);
    for (std::size_t i = 0; i < words.size(); ++i) {
        vocabulary_.insert(words[i]);
        if (i < first || is_stopword(words[i]) || is_filler(words[i])) continue;
        std::string s = stem(words[i]);
        bool known = std::any_of(key.terms.begin(), key.terms.end(),
                                 [&](const Term& t) { return t.stem == s; });
        if (!known) key.terms.push_back({s, is_soft(words[i]) || aside.count(words[i]) > 0});
    }
    if (!key.terms.empty()) keys_.push_back(std::move(key));
}

void WordScorer::finish() {
    std::unordered_map<std::string, std::unordered_set<std::size_t>> holders;
    std::unordered_set<std::size_t> indicators;
    for (const auto& key : keys_) {
        indicators.insert(key.indicator);
        for (const auto& term : key.terms) holders[term.stem].insert(key.indicator);
    }
    double n = static_cast<double>(indicators.size());
    // Rare words tell indicators apart; a word in every name ("narapidana") barely does.
    unknown_weight_ = std::log((n + 1) / 1.5);
    for (const auto& [s, who] : holders)
        idf_[s] = std::log((n + 1) / (static_cast<double>(who.size()) + 0.5));
}

double WordScorer::weight(const std::string& s) const {
    auto it = idf_.find(s);
    return it == idf_.end() ? unknown_weight_ : it->second;
}

std::vector<std::string> WordScorer::without_units(const std::vector<std::string>& words) const {
    static const std::unordered_set<std::string> qualifiers = {"perempuan", "wanita", "narkotika",
                                                               "terbuka",   "pemuda", "industri"};
    std::vector<std::string> out;
    for (std::size_t i = 0; i < words.size();) {
        std::size_t kind = unit_kind_at(words, i);
        if (kind == 0) {
            out.push_back(words[i++]);
            continue;
        }
        // A kind of unit, a qualifier, "Kelas IIB", then the place: words no catalogue name
        // uses, up to the next function word.
        std::size_t j = i + kind;
        while (j < words.size() && qualifiers.count(words[j])) ++j;
        bool has_class = j + 1 < words.size() && (words[j] == "kelas" || words[j] == "kls") &&
                         is_class(words[j + 1]);
        if (has_class) j += 2;
        std::size_t places = 0;
        while (j < words.size() && places < max_place_words && !vocabulary_.count(words[j]) &&
               !is_stopword(words[j]) && !is_soft(words[j]) && !is_filler(words[j]) &&
               measure_class(words[j]) == 0 && unit_kind_at(words, j) == 0) {
            ++j;
            ++places;
        }
        // Without class or place, only "di Lapas" is a unit: "Pembangunan Rumah Tahanan
        // Negara" is an indicator's own name.
        bool after_preposition = !out.empty() && (out.back() == "di" || out.back() == "pada" ||
                                                  out.back() == "lingkungan");
        if (!has_class && places == 0 && !after_preposition) {
            out.push_back(words[i++]);
            continue;
        }
        while (!out.empty() &&
               (out.back() == "di" || out.back() == "pada" || out.back() == "lingkungan"))
            out.pop_back();
        i = j;
    }
    return out;
}

WordScorer::Text WordScorer::prepare(const std::vector<std::string>& words) const {
    Text text;
    text.words = words;
    std::size_t first = 0;
    if (!words.empty() && measure_class(words[0]) != 0) {
        text.measure = measure_class(words[0]);
        first = 1;
    }
    const auto& w = text.words;
    text.has_yang = std::find(w.begin(), w.end(), "yang") != w.end();
    text.weights.assign(w.size(), 0.0);
    for (std::size_t i = first; i < w.size(); ++i) {
        if (is_stopword(w[i])) continue;
        std::string s = stem(w[i]);
        if (!is_soft(w[i]) && !is_filler(w[i])) text.weights[i] = weight(s);
        text.at[s].push_back(i);
        // Words split by a line break or a stray space: "Kerumah tanggaan", "tindak lanjut".
        if (i + 1 < w.size() && !is_stopword(w[i + 1])) {
            auto& both = text.at[stem(w[i] + w[i + 1])];
            both.push_back(i);
            both.push_back(i + 1);
        }
    }
    return text;
}

double WordScorer::score_key(const Key& key, const Text& text) const {
    // "Jumlah narapidana yang ..." is the count behind "Persentase narapidana yang ...".
    if (text.measure != 0 && key.measure != 0 && text.measure != key.measure) return 0;
    double total = 0, found = 0;
    std::size_t hard_terms = 0, hard_found = 0;
    std::vector<bool> covered(text.words.size(), false);
    std::size_t listed = 0;
    bool names_someone = false;
    for (const auto& term : key.terms) {
        if (!is_population(term.stem)) continue;
        ++listed;
        names_someone = names_someone || text.at.count(term.stem) > 0;
    }
    for (const auto& term : key.terms) {
        // Of a list of people, naming some is enough.
        bool optional = term.soft || (listed > 1 && names_someone && is_population(term.stem));
        double w = optional ? std::min(soft_weight, weight(term.stem)) : weight(term.stem);
        total += w;
        hard_terms += term.soft ? 0 : 1;
        auto it = text.at.find(term.stem);
        if (it == text.at.end()) continue;
        found += w;
        hard_found += term.soft ? 0 : 1;
        for (std::size_t p : it->second) covered[p] = true;
    }
    if (hard_found < min_found_terms) return 0;
    if (key.measure != 0) {
        // The measure word may be left out, but not from a short name: "Layanan Perkantoran"
        // is an output of the budget, "Jumlah Layanan Perkantoran" the indicator.
        if (text.measure == 0) {
            bool ratio = key.measure == 1;
            if (!ratio && !text.has_yang) return 0;
            std::size_t needed = !ratio          ? min_terms_of_clause
                                 : text.has_yang ? min_terms_of_ratio_clause
                                                 : min_terms_without_ratio;
            if (hard_terms < needed) return 0;
        }
        total += measure_weight;
        if (text.measure != 0) found += measure_weight;
    }
    double own = 0, shared = 0;
    for (std::size_t p = 0; p < text.words.size(); ++p) {
        own += text.weights[p];
        if (covered[p]) shared += text.weights[p];
    }
    if (text.measure != 0) {
        own += measure_weight;
        if (key.measure != 0) shared += measure_weight;
    }
    if (total <= 0 || own <= 0) return 0;
    double recall = found / total;
    double precision = shared / own;
    if (precision < min_precision) return 0;
    return std::min(0.99, recall * std::sqrt(precision));
}

void WordScorer::score(const std::vector<std::string>& words, std::vector<double>& best) const {
    Text text = prepare(words);
    if (text.at.empty()) return;
    for (const auto& key : keys_) {
        double s = score_key(key, text);
        if (key.indicator < best.size()) best[key.indicator] = std::max(best[key.indicator], s);
    }
}

}  // namespace kinerja::match_detail
