// Edit distance between two words, for "did you mean" hints (formulas, catalogue keys) and
// for name matching's similarity score.
//
// Insertions, deletions, substitutions and swaps of neighbours (optimal string alignment),
// over bytes. Name matching measures one workbook text against several catalogue names, each
// about a hundred characters long, for every indicator row of every workbook a server fills;
// a cell-by-cell table made that a fifth of a fill. EditDistancePattern keeps the pattern's
// rows as bits instead (Hyyrö's bit-vector form, 2003): one column of the table costs a few
// word operations per 64 rows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace kinerja {

class EditDistancePattern {
public:
    explicit EditDistancePattern(std::string_view pattern);

    struct Distances {
        std::size_t whole;   // pattern to text
        std::size_t prefix;  // pattern to the first prefix_length characters of text
    };
    // Both in one pass; a prefix_length past the end of text counts as the whole text.
    Distances measure(std::string_view text, std::size_t prefix_length) const;
    std::size_t distance(std::string_view text) const { return measure(text, 0).whole; }

private:
    std::size_t length_;
    std::size_t words_;                   // 64-row blocks of the pattern
    std::vector<std::uint64_t> matches_;  // [byte * words_ + block]: rows holding that byte
};

inline std::size_t edit_distance(std::string_view a, std::string_view b) {
    return EditDistancePattern(a).distance(b);
}

}  // namespace kinerja
