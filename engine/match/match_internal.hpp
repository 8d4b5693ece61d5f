// Internal to indicator name matching (match.cpp): the matcher's view of words, and the word-based
// score that lets a workbook's long description find the catalogue name it contains.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "evaluate/indicator_name.hpp"

namespace kinerja::match_detail {

// `text` without a leading label that introduces an indicator: "Output : ...",
// "Indikator Kinerja Kegiatan : ...", "IKU: ...". Other labels ("Program : ...") stay.
std::string_view without_label(std::string_view text);

// What a name measures, from its first word: 1 a ratio ("Persentase"), 2 a count
// ("Jumlah"), 3 a score ("Indeks", "Nilai"); 0 for any other word.
int measure_class(const std::string& word);
// Function words: "yang", "dan", "di", "dapat" (can), ...
bool is_stopword(const std::string& word);
// Words that say a thing was done properly ("sesuai standar", "sudah dilaksanakan",
// "tepat waktu"): units append them to names, and they tell indicators apart little.
bool is_soft(const std::string& word);
// Numbers and single letters ("Layana n").
bool is_filler(const std::string& word);
// A rough stem, so that the forms of one word meet: mendapatkan, mendapat and memperoleh ->
// dapat; ditindaklanjuti and "tindak lanjut" (joined) -> tindaklanjut.
std::string stem(std::string word);

// True for a text that says how an indicator is computed: "Jumlah ... dibagi Jumlah ...
// dikali 100%", "Koefisien ... = (A + B) / 2". It names the indicator's words without being it.
bool describes_formula(std::string_view text, const std::vector<std::string>& words);

// Scores how well a text contains a catalogue name, word by word: the share of the name's
// words found in the text (recall), weighted by how rare each word is across the catalogue,
// times the square root of the share of the text's own words that belong to the name
// (precision). Function words and compliance tails ("sudah dilaksanakan sesuai dengan
// peraturan yang berlaku") do not count; words are reduced to a rough stem (mendapatkan =
// mendapat). A leading "Persentase" / "Jumlah" / "Indeks" / "Nilai" of the name may be
// missing from the text, but a text that counts ("Jumlah ...") never matches a ratio.
class WordScorer {
public:
    // One name or variant of indicator `indicator` (0-based, dense).
    void add(std::size_t indicator, std::string_view name);
    // Call once after every add(): computes the rarity of each word.
    void finish();
    // `words` (from indicator_name_words) without the units they name: "di Rumah Tahanan Negara
    // Kelas IIB SoE", "Lapas Perempuan Kelas IIA Denpasar", "di Bapas Mataram".
    std::vector<std::string> without_units(const std::vector<std::string>& words) const;
    // The best score (0..0.99) of each indicator for a text's words (label and units already
    // removed), written into `best` (one per indicator) where it beats the value there.
    void score(const std::vector<std::string>& words, std::vector<double>& best) const;

private:
    struct Term {
        std::string stem;
        bool soft = false;  // a compliance word or a bracketed explanation: counts little
    };
    struct Key {
        std::size_t indicator = 0;
        int measure = 0;  // 0 none, else the class of the leading measure word
        std::vector<Term> terms;
    };
    struct Text;  // a text prepared for scoring
    Text prepare(const std::vector<std::string>& words) const;
    double score_key(const Key& key, const Text& text) const;
    double weight(const std::string& stem) const;

    std::vector<Key> keys_;
    std::unordered_set<std::string> vocabulary_;  // surface words of every name
    std::unordered_map<std::string, double> idf_;
    double unknown_weight_ = 1;
};

}  // namespace kinerja::match_detail
