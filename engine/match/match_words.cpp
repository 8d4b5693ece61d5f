// The matcher's view of words: labels that introduce an indicator, measure words, function
// and compliance words, and a rough stem. The words themselves come from
// indicator_name_words (evaluate/indicator_name.hpp).
#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "match/match_internal.hpp"

namespace kinerja::match_detail {

namespace {

bool ends_with(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool starts_with(const std::string& s, std::string_view head) {
    return s.compare(0, head.size(), head) == 0;
}

// The verb prefix of `w` and how many letters it takes: "memper" keeps its "per"
// (memperoleh -> peroleh), the nasal forms only before the letters they go with.
std::size_t verb_prefix(const std::string& w) {
    auto next = [&](std::size_t at, std::string_view letters) {
        return w.size() > at && letters.find(w[at]) != std::string_view::npos;
    };
    if (starts_with(w, "memper")) return 3;
    if (starts_with(w, "mem") && next(3, "bpfv")) return 3;
    if (starts_with(w, "meng") && next(4, "aiueogkh")) return 4;
    if (starts_with(w, "meny") && next(4, "aiueo")) return 4;
    if (starts_with(w, "men") && next(3, "dcjts")) return 3;
    if (starts_with(w, "me") && next(2, "lrmnwy")) return 2;
    for (std::string_view p : {"di", "ter", "ber"})
        if (starts_with(w, p)) return p.size();
    return 0;
}

}  // namespace

std::string_view without_label(std::string_view text) {
    // LKjIP tables head a row with "Output : <indicator>"; the label is not part of the name.
    static const std::unordered_set<std::string> starts = {"output", "keluaran", "indikator", "iku",
                                                           "ikk"};
    static const std::unordered_set<std::string> others = {"kinerja", "kegiatan", "utama",
                                                           "program", "individu"};
    std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon > 60) return text;
    std::vector<std::string> words = indicator_name_words(text.substr(0, colon));
    if (words.empty() || words.size() > 4 || !starts.count(words[0])) return text;
    for (const auto& w : words)
        if (!starts.count(w) && !others.count(w)) return text;
    return text.substr(colon + 1);
}

bool describes_formula(std::string_view text, const std::vector<std::string>& words) {
    return text.find('=') != std::string_view::npos ||
           std::any_of(words.begin(), words.end(),
                       [](const std::string& w) { return w == "dibagi" || w == "dikali"; });
}

// What a name measures: a ratio, a count, or a score. 0 when the word is none of these.
int measure_class(const std::string& word) {
    if (word == "persentase") return 1;
    if (word == "jumlah") return 2;
    if (word == "indeks" || word == "nilai") return 3;
    return 0;
}

bool is_stopword(const std::string& word) {
    static const std::unordered_set<std::string> words = {
        "yang",    "dan",    "di",     "ke",     "dari",     "pada",  "bagi",  "untuk",
        "dengan",  "secara", "oleh",   "atau",   "terhadap", "dalam", "serta", "para",
        "dapat",   "akan",   "ini",    "itu",    "tersebut", "se",    "per",   "adalah",
        "sebagai", "atas",   "antara", "rangka", "melalui"};
    return words.count(word) > 0;
}

// Words that say a thing was done properly. Units append them to indicator names ("sudah
// dilaksanakan sesuai dengan peraturan yang berlaku"); they tell indicators apart little.
bool is_soft(const std::string& word) {
    static const std::unordered_set<std::string> words = {
        "sesuai",   "standar", "standard", "ketentuan",    "aturan",     "peraturan",
        "prosedur", "sop",     "berlaku",  "dilaksanakan", "terlaksana", "dilakukan",
        "berjalan", "sudah",   "telah",    "tepat",        "waktu",      "ditetapkan"};
    return words.count(word) > 0;
}

// Numbers and single letters ("Layana n") carry no meaning of their own.
bool is_filler(const std::string& word) {
    return word.size() < 2 || std::all_of(word.begin(), word.end(), [](char c) {
               return std::isdigit(static_cast<unsigned char>(c));
           });
}

// A rough stem, so that the forms of one verb meet: mendapatkan, mendapat -> dapat;
// memperoleh, diperoleh -> peroleh; ditindaklanjuti, tindak lanjut -> tindaklanjut;
// tersusunnya, tersusun -> susun. Not a real stemmer: both sides get the same treatment, so
// an odd stem ("menular" -> "nular") does no harm.
std::string stem(std::string w) {
    constexpr std::size_t keep = 4;  // never cut a word below this
    if (ends_with(w, "nya") && w.size() >= 3 + keep) w.resize(w.size() - 3);
    std::size_t prefix = verb_prefix(w);
    if (prefix > 0 && w.size() >= prefix + keep) {
        w.erase(0, prefix);
        // Only verbs lose a suffix: "pendidikan" is a noun and stays whole.
        if (ends_with(w, "kan") && w.size() >= 3 + keep) {
            w.resize(w.size() - 3);
        } else if (w.size() >= 1 + keep && w.back() == 'i' &&
                   std::string_view("aiueo").find(w[w.size() - 2]) == std::string_view::npos) {
            w.pop_back();  // ditindaklanjuti, terpenuhi, tertangani
        }
    }
    static const std::unordered_map<std::string, std::string> same = {
        {"peroleh", "dapat"},         // memperoleh = mendapatkan
        {"fasilitasi", "fasilitas"},  // "Fasilitasi Bantuan Hukum"
    };
    auto it = same.find(w);
    return it == same.end() ? w : it->second;
}

}  // namespace kinerja::match_detail
