#include "read/colors.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

namespace kinerja::read_detail {

namespace {

// ECMA-376 §18.8.27 default palette; 64 and 65 are the system foreground and background.
constexpr std::array<Rgb, 66> default_palette = {
    0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF, 0x00FFFF, 0x000000,
    0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF, 0x00FFFF, 0x800000, 0x008000,
    0x000080, 0x808000, 0x800080, 0x008080, 0xC0C0C0, 0x808080, 0x9999FF, 0x993366, 0xFFFFCC,
    0xCCFFFF, 0x660066, 0xFF8080, 0x0066CC, 0xCCCCFF, 0x000080, 0xFF00FF, 0xFFFF00, 0x00FFFF,
    0x800080, 0x800000, 0x008080, 0x0000FF, 0x00CCFF, 0xCCFFFF, 0xCCFFCC, 0xFFFF99, 0x99CCFF,
    0xFF99CC, 0xCC99FF, 0xFFCC99, 0x3366FF, 0x33CCCC, 0x99CC00, 0xFFCC00, 0xFF9900, 0xFF6600,
    0x666699, 0x969696, 0x003366, 0x339966, 0x003300, 0x333300, 0x993300, 0x993366, 0x333399,
    0x333333, 0x000000, 0xFFFFFF};

// Office 2013-2022 theme, in clrScheme order.
constexpr std::array<Rgb, 12> office_scheme = {0x000000, 0xFFFFFF, 0x44546A, 0xE7E6E6,
                                               0x4472C4, 0xED7D31, 0xA5A5A5, 0xFFC000,
                                               0x5B9BD5, 0x70AD47, 0x0563C1, 0x954F72};

constexpr std::array<std::string_view, 12> scheme_names = {
    "dk1",     "lt1",     "dk2",     "lt2",     "accent1", "accent2",
    "accent3", "accent4", "accent5", "accent6", "hlink",   "folHlink"};

double hue_to_channel(double m1, double m2, double hue) {
    if (hue < 0) hue += 1;
    if (hue > 1) hue -= 1;
    if (hue < 1.0 / 6) return m1 + (m2 - m1) * hue * 6;
    if (hue < 0.5) return m2;
    if (hue < 2.0 / 3) return m1 + (m2 - m1) * (2.0 / 3 - hue) * 6;
    return m1;
}

}  // namespace

int parse_color_int(std::string_view text, int fallback) {
    int value = fallback;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() ? value : fallback;
}

double parse_tint(std::string_view text) {
    double value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && std::isfinite(value) ? std::clamp(value, -1.0, 1.0) : 0.0;
}

ColorSpec color_spec(pugi::xml_node element) {
    return color_spec_from(
        [&](const char* name) { return std::string_view(attr(element, name).as_string()); });
}

ColorSpec color_spec(const XmlAttrs& attrs) {
    return color_spec_from([&](const char* name) { return attrs.get(name); });
}

std::optional<Rgb> parse_hex_rgb(std::string_view text) {
    if (text.size() != 6 && text.size() != 8) return std::nullopt;
    Rgb value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value, 16);
    if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    return value & 0xFFFFFF;  // alpha is not carried
}

Rgb apply_tint(Rgb rgb, double tint) {
    if (tint == 0) return rgb;
    double r = ((rgb >> 16) & 0xFF) / 255.0, g = ((rgb >> 8) & 0xFF) / 255.0,
           b = (rgb & 0xFF) / 255.0;
    double hi = std::max({r, g, b}), lo = std::min({r, g, b});
    double lum = (hi + lo) / 2, hue = 0, sat = 0;
    if (hi != lo) {
        double d = hi - lo;
        sat = lum <= 0.5 ? d / (hi + lo) : d / (2 - hi - lo);
        if (hi == r)
            hue = (g - b) / d / 6;
        else if (hi == g)
            hue = (2 + (b - r) / d) / 6;
        else
            hue = (4 + (r - g) / d) / 6;
        if (hue < 0) hue += 1;
    }
    lum = tint < 0 ? lum * (1 + tint) : lum * (1 - tint) + tint;
    double m2 = lum <= 0.5 ? lum * (1 + sat) : lum + sat - lum * sat;
    double m1 = 2 * lum - m2;
    auto channel = [](double v) {
        return static_cast<Rgb>(std::lround(std::clamp(v, 0.0, 1.0) * 255));
    };
    if (sat == 0) {
        Rgb v = channel(lum);
        return (v << 16) | (v << 8) | v;
    }
    return (channel(hue_to_channel(m1, m2, hue + 1.0 / 3)) << 16) |
           (channel(hue_to_channel(m1, m2, hue)) << 8) |
           channel(hue_to_channel(m1, m2, hue - 1.0 / 3));
}

ColorResolver::ColorResolver()
    : scheme_(office_scheme), indexed_(default_palette.begin(), default_palette.end()) {}

void ColorResolver::load_theme(pugi::xml_node theme) {
    pugi::xml_node scheme = child(child(theme, "themeElements"), "clrScheme");
    for (std::size_t i = 0; i < scheme_names.size(); ++i) {
        pugi::xml_node entry = child(scheme, scheme_names[i]);
        if (!entry) continue;
        if (pugi::xml_node srgb = child(entry, "srgbClr")) {
            if (auto rgb = parse_hex_rgb(attr(srgb, "val").as_string())) scheme_[i] = *rgb;
        } else if (pugi::xml_node sys = child(entry, "sysClr")) {
            if (auto rgb = parse_hex_rgb(attr(sys, "lastClr").as_string()))
                scheme_[i] = *rgb;
            else if (std::string_view(attr(sys, "val").as_string()) == "window")
                scheme_[i] = 0xFFFFFF;
            else if (std::string_view(attr(sys, "val").as_string()) == "windowText")
                scheme_[i] = 0x000000;
        }
    }
}

void ColorResolver::load_indexed(pugi::xml_node indexed_colors) {
    std::size_t i = 0;
    for_each_child(indexed_colors, "rgbColor", [&](pugi::xml_node rgb_color) {
        if (i < 64) {
            if (auto rgb = parse_hex_rgb(attr(rgb_color, "rgb").as_string())) indexed_[i] = *rgb;
        }
        ++i;
    });
}

std::optional<Rgb> ColorResolver::theme_color(int index) const {
    if (index < 0 || index >= static_cast<int>(scheme_.size())) return std::nullopt;
    // Cells count lt1 before dk1 and lt2 before dk2, unlike clrScheme.
    static constexpr std::array<int, 4> swapped = {1, 0, 3, 2};
    return scheme_[static_cast<std::size_t>(index < 4 ? swapped[static_cast<std::size_t>(index)]
                                                      : index)];
}

std::optional<Rgb> ColorResolver::resolve(const ColorSpec& spec) const {
    if (spec.automatic) return std::nullopt;
    std::optional<Rgb> base = spec.rgb;
    if (!base && spec.theme >= 0) base = theme_color(spec.theme);
    if (!base && spec.indexed >= 0 && spec.indexed < static_cast<int>(indexed_.size()))
        base = indexed_[static_cast<std::size_t>(spec.indexed)];
    if (!base) return std::nullopt;
    return apply_tint(*base, spec.tint);
}

}  // namespace kinerja::read_detail
