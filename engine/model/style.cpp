#include "model/style.hpp"

#include <array>
#include <ostream>

namespace kinerja {

namespace {

// In enum order, which is ECMA-376's.
constexpr std::array<std::string_view, 19> pattern_names = {
    "none",           "solid",           "mediumGray",    "darkGray",  "lightGray",
    "darkHorizontal", "darkVertical",    "darkDown",      "darkUp",    "darkGrid",
    "darkTrellis",    "lightHorizontal", "lightVertical", "lightDown", "lightUp",
    "lightGrid",      "lightTrellis",    "gray125",       "gray0625"};

constexpr std::array<std::string_view, 14> border_names = {"none",
                                                           "thin",
                                                           "medium",
                                                           "dashed",
                                                           "dotted",
                                                           "thick",
                                                           "double",
                                                           "hair",
                                                           "mediumDashed",
                                                           "dashDot",
                                                           "mediumDashDot",
                                                           "dashDotDot",
                                                           "mediumDashDotDot",
                                                           "slantDashDot"};

static_assert(pattern_names.size() == static_cast<std::size_t>(FillPattern::gray0625) + 1);
static_assert(border_names.size() == static_cast<std::size_t>(BorderStyle::slant_dash_dot) + 1);

template <typename Enum, std::size_t N>
std::optional<Enum> named(const std::array<std::string_view, N>& names, std::string_view name) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name) return static_cast<Enum>(i);
    return std::nullopt;
}

}  // namespace

std::string_view ecma_name(FillPattern pattern) {
    return pattern_names[static_cast<std::size_t>(pattern)];
}

std::string_view ecma_name(BorderStyle style) {
    return border_names[static_cast<std::size_t>(style)];
}

std::optional<FillPattern> fill_pattern_named(std::string_view name) {
    return named<FillPattern>(pattern_names, name);
}

std::optional<BorderStyle> border_style_named(std::string_view name) {
    return named<BorderStyle>(border_names, name);
}

std::ostream& operator<<(std::ostream& out, FillPattern pattern) {
    return out << ecma_name(pattern);
}

std::ostream& operator<<(std::ostream& out, BorderStyle style) {
    return out << ecma_name(style);
}

}  // namespace kinerja
