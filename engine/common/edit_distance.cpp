// The table D[i][j] (pattern's first i bytes against text's first j) is walked column by
// column; a column is kept as differences between neighbouring rows, one bit per row:
//   VP, VN: D[i][j] - D[i-1][j] is +1 or -1 (else 0);
//   HP, HN: D[i][j] - D[i][j-1] is +1 or -1;
//   D0:     D[i][j] == D[i-1][j-1] (a free diagonal step);
//   TR:     a swap of neighbours makes that diagonal step free.
// Long patterns span several 64-bit words; the addition and the shifts carry from one word
// to the next, so the words together behave as one long bit vector. The last row's
// horizontal differences, summed, give D[m][j] for every j: the whole text and any prefix.
#include "common/edit_distance.hpp"

#include <algorithm>

namespace kinerja {

namespace {

constexpr std::size_t word_bits = 64;

}  // namespace

EditDistancePattern::EditDistancePattern(std::string_view pattern)
    : length_(pattern.size()),
      words_((pattern.size() + word_bits - 1) / word_bits),
      matches_(256 * words_, 0) {
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        auto byte = static_cast<unsigned char>(pattern[i]);
        matches_[byte * words_ + i / word_bits] |= std::uint64_t{1} << (i % word_bits);
    }
}

EditDistancePattern::Distances EditDistancePattern::measure(std::string_view text,
                                                            std::size_t prefix_length) const {
    if (length_ == 0) return {text.size(), std::min(prefix_length, text.size())};
    std::vector<std::uint64_t> state(3 * words_, 0);
    std::uint64_t* vp = state.data();
    std::uint64_t* vn = vp + words_;
    std::uint64_t* d0 = vn + words_;
    std::fill(vp, vp + words_, ~std::uint64_t{0});  // D[i][0] = i: every row one more
    const std::uint64_t* previous_matches = nullptr;
    const std::uint64_t last_row = std::uint64_t{1} << ((length_ - 1) % word_bits);

    std::size_t score = length_;      // D[m][0]
    Distances out{length_, length_};  // the prefix of length 0 stays at D[m][0]
    for (std::size_t j = 0; j < text.size(); ++j) {
        const std::uint64_t* matches = &matches_[static_cast<unsigned char>(text[j]) * words_];
        std::uint64_t add_carry = 0, swap_carry = 0, hn_carry = 0;
        std::uint64_t hp_carry = 1;  // row 0 is D[0][j] = j: one more each column
        for (std::size_t w = 0; w < words_; ++w) {
            const std::uint64_t pm = matches[w];
            std::uint64_t swap = 0;
            if (previous_matches) {
                const std::uint64_t unmatched_before = ~d0[w] & pm;
                swap = ((unmatched_before << 1) | swap_carry) & previous_matches[w];
                swap_carry = unmatched_before >> (word_bits - 1);
            }
            const std::uint64_t x = pm & vp[w];
            const std::uint64_t partial = x + vp[w];
            const std::uint64_t sum = partial + add_carry;
            add_carry = (partial < x || sum < partial) ? 1 : 0;
            const std::uint64_t diagonal = (sum ^ vp[w]) | pm | vn[w] | swap;
            const std::uint64_t hp = vn[w] | ~(diagonal | vp[w]);
            const std::uint64_t hn = diagonal & vp[w];
            if (w + 1 == words_) score = score + ((hp & last_row) != 0) - ((hn & last_row) != 0);
            const std::uint64_t hp_shifted = (hp << 1) | hp_carry;
            const std::uint64_t hn_shifted = (hn << 1) | hn_carry;
            hp_carry = hp >> (word_bits - 1);
            hn_carry = hn >> (word_bits - 1);
            vp[w] = hn_shifted | ~(diagonal | hp_shifted);
            vn[w] = hp_shifted & diagonal;
            d0[w] = diagonal;
        }
        previous_matches = matches;
        if (j + 1 == prefix_length) out.prefix = score;
    }
    out.whole = score;
    if (prefix_length >= text.size()) out.prefix = score;
    return out;
}

}  // namespace kinerja
