// The bit-vector edit distance against the plain table it replaces: random words over small
// alphabets (so swaps and repeats are common), lengths across the 64-bit word boundaries,
// and the prefix distance name matching reads from the same pass.
#include "common/edit_distance.hpp"

#include <boost/test/unit_test.hpp>
#include <random>
#include <string>
#include <vector>

using namespace kinerja;

namespace {

// Optimal string alignment, cell by cell: the definition the fast form must agree with.
std::size_t table_distance(const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

std::string random_word(std::mt19937& random, std::size_t length, char letters) {
    std::uniform_int_distribution<int> pick(0, letters - 1);
    std::string out;
    for (std::size_t i = 0; i < length; ++i) out += static_cast<char>('a' + pick(random));
    return out;
}

// A copy of `word` with a few edits of every kind, so the distance is small and the words
// stay alike, as the names matching compares.
std::string edited(std::mt19937& random, std::string word) {
    std::uniform_int_distribution<int> kind(0, 3);
    for (int e = 0; e < 4 && word.size() > 2; ++e) {
        std::uniform_int_distribution<std::size_t> at(0, word.size() - 2);
        std::size_t i = at(random);
        switch (kind(random)) {
            case 0:
                word.erase(i, 1);
                break;
            case 1:
                word.insert(i, 1, 'z');
                break;
            case 2:
                word[i] = 'y';
                break;
            default:
                std::swap(word[i], word[i + 1]);
                break;
        }
    }
    return word;
}

}  // namespace

BOOST_AUTO_TEST_CASE(known_distances) {
    BOOST_TEST(edit_distance("", "") == 0u);
    BOOST_TEST(edit_distance("", "abc") == 3u);
    BOOST_TEST(edit_distance("abc", "") == 3u);
    BOOST_TEST(edit_distance("kitten", "sitting") == 3u);
    BOOST_TEST(edit_distance("capaian", "cpaaian") == 1u);  // a swap of neighbours is one edit
    BOOST_TEST(edit_distance("ca", "abc") == 3u);           // OSA: no edits inside a swap
    BOOST_TEST(edit_distance("realisasi", "realisasi") == 0u);
}

BOOST_AUTO_TEST_CASE(agrees_with_the_table_across_word_boundaries) {
    std::mt19937 random(20261206);
    const std::vector<std::size_t> lengths = {1, 2, 5, 31, 63, 64, 65, 100, 127, 128, 129, 200};
    std::size_t compared = 0;
    for (std::size_t m : lengths) {
        for (std::size_t n : lengths) {
            for (char letters : {char{2}, char{4}, char{26}}) {
                std::string a = random_word(random, m, letters);
                std::string b = random_word(random, n, letters);
                BOOST_TEST(edit_distance(a, b) == table_distance(a, b), a << " / " << b);
                std::string c = edited(random, a);
                BOOST_TEST(edit_distance(a, c) == table_distance(a, c), a << " / " << c);
                compared += 2;
            }
        }
    }
    BOOST_TEST(compared == 2 * 3 * 144u);
}

BOOST_AUTO_TEST_CASE(prefix_distance_from_the_same_pass) {
    std::mt19937 random(7);
    for (std::size_t m : {3u, 40u, 64u, 70u, 150u}) {
        std::string pattern = random_word(random, m, 3);
        std::string text = edited(random, pattern) + random_word(random, 30, 3);
        EditDistancePattern measure(pattern);
        for (std::size_t cut :
             {std::size_t{0}, std::size_t{1}, m / 2, m, text.size(), text.size() + 5}) {
            auto d = measure.measure(text, cut);
            BOOST_TEST(d.whole == table_distance(pattern, text));
            std::string prefix = text.substr(0, std::min(cut, text.size()));
            BOOST_TEST(d.prefix == table_distance(pattern, prefix), "cut " << cut);
        }
    }
}

BOOST_AUTO_TEST_CASE(bytes_beyond_ascii) {
    // UTF-8 names ("Rp", "²") are compared byte by byte, high bytes included.
    BOOST_TEST(edit_distance("luas m\xc2\xb2", "luas m2") == 2u);
    BOOST_TEST(edit_distance("\xff\xfe", "\xfe\xff") == 1u);
}
