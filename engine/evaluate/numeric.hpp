// Internal helpers shared by the evaluate stage.
#pragma once

#include <cmath>
#include <initializer_list>
#include <string>
#include <string_view>

#include "common/edit_distance.hpp"
#include "evaluate/settings.hpp"

namespace kinerja::evaluate_detail {

// An overflow (inf) is no figure anyone can use: it becomes not applicable, like 0/0.
inline double finite_or_na(double x) {
    return std::isfinite(x) ? x : na;
}

// Joins pieces into one string. Used where `"x" + std::string(...)` trips GCC 12's false
// -Wrestrict warning in optimised builds.
inline std::string cat(std::initializer_list<std::string_view> pieces) {
    std::string out;
    for (auto piece : pieces) out += piece;
    return out;
}

// Shortest text that reads back as the same double, in C notation ("94.11", "1e-05").
std::string number_text(double value);

// Number of UTF-8 characters in the first `bytes` bytes of `text`.
int utf8_columns(std::string_view text, std::size_t bytes);

}  // namespace kinerja::evaluate_detail
