// Internal to the reader: resolving theme, indexed and tinted colours to RGB.
#pragma once

#include <array>
#include <optional>
#include <pugixml.hpp>
#include <string_view>
#include <vector>

#include "model/workbook.hpp"
#include "read/xml_stream.hpp"

namespace kinerja::read_detail {

// The attributes of a <color>-like element (fgColor, tabColor, ...).
struct ColorSpec {
    bool automatic = false;
    std::optional<Rgb> rgb;
    int theme = -1;
    int indexed = -1;
    double tint = 0;
};

// Builds a spec from any attribute getter: get("rgb") returns the value or "".
template <class Get>
ColorSpec color_spec_from(Get get);
ColorSpec color_spec(pugi::xml_node element);
ColorSpec color_spec(const XmlAttrs& attrs);

// "FF4472C4" (ARGB) or "4472C4" -> 0x4472C4.
std::optional<Rgb> parse_hex_rgb(std::string_view text);

// Lightens (tint > 0) or darkens (tint < 0) in HLS space, ECMA-376 §18.8.19.
Rgb apply_tint(Rgb rgb, double tint);

class ColorResolver {
public:
    ColorResolver();  // the Office 2013+ theme and the default 64-colour palette
    // <a:theme> from xl/theme/theme1.xml; missing entries keep their defaults.
    void load_theme(pugi::xml_node theme);
    // <indexedColors> from styles.xml replaces the start of the palette.
    void load_indexed(pugi::xml_node indexed_colors);

    // nullopt for automatic or unset colours.
    std::optional<Rgb> resolve(const ColorSpec& spec) const;
    std::optional<Rgb> resolve(pugi::xml_node element) const {
        return element ? resolve(color_spec(element)) : std::nullopt;
    }
    // Theme colour by the index cells use (0 = lt1, 1 = dk1, 2 = lt2, 3 = dk2, ...).
    std::optional<Rgb> theme_color(int index) const;

private:
    std::array<Rgb, 12> scheme_;  // in clrScheme order: dk1 lt1 dk2 lt2 accent1..6 hlink folHlink
    std::vector<Rgb> indexed_;
};

// ------------------------------------------------------------------ template body

int parse_color_int(std::string_view text, int fallback);
double parse_tint(std::string_view text);

template <class Get>
ColorSpec color_spec_from(Get get) {
    ColorSpec spec;
    std::string_view automatic = get("auto");
    spec.automatic = automatic == "1" || automatic == "true";
    spec.rgb = parse_hex_rgb(get("rgb"));
    spec.theme = parse_color_int(get("theme"), -1);
    spec.indexed = parse_color_int(get("indexed"), -1);
    spec.tint = parse_tint(get("tint"));
    return spec;
}

}  // namespace kinerja::read_detail
