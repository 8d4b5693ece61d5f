// Cell formats as the model keeps them: resolved colours, fonts, fills, borders, alignment.
// Plain data; only the writer maps these to libxlsxwriter's formats (write/formats.cpp).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace kinerja {

using Rgb = std::uint32_t;  // 0xRRGGBB, already resolved from theme/indexed/tint

struct Font {
    std::string name = "Calibri";
    double size = 11;
    bool bold = false;
    bool italic = false;
    bool strike = false;
    std::uint8_t underline =
        0;  // 0 none, 1 single, 2 double, 33 single accounting, 34 double accounting
    std::uint8_t vert_align = 0;  // 0 baseline, 1 superscript, 2 subscript
    std::optional<Rgb> color;     // unset = automatic
    std::uint8_t family = 0;
    std::string scheme;  // "minor", "major" or empty
    bool operator==(const Font&) const = default;
};

// ECMA-376 ST_PatternType, in its order (which is also libxlsxwriter's lxw_format_patterns).
enum class FillPattern : std::uint8_t {
    none,
    solid,
    medium_gray,
    dark_gray,
    light_gray,
    dark_horizontal,
    dark_vertical,
    dark_down,
    dark_up,
    dark_grid,
    dark_trellis,
    light_horizontal,
    light_vertical,
    light_down,
    light_up,
    light_grid,
    light_trellis,
    gray125,
    gray0625,
};

struct Fill {
    FillPattern pattern = FillPattern::none;
    std::optional<Rgb> fg;  // for solid fills this is the visible colour
    std::optional<Rgb> bg;
    bool operator==(const Fill&) const = default;
};

// ECMA-376 ST_BorderStyle, in its order (which is also libxlsxwriter's lxw_format_borders).
enum class BorderStyle : std::uint8_t {
    none,
    thin,
    medium,
    dashed,
    dotted,
    thick,
    double_line,
    hair,
    medium_dashed,
    dash_dot,
    medium_dash_dot,
    dash_dot_dot,
    medium_dash_dot_dot,
    slant_dash_dot,
};

// The names the file uses ("lightGrid", "dashDot"); a name not in the standard gives nullopt.
std::string_view ecma_name(FillPattern pattern);
std::string_view ecma_name(BorderStyle style);
std::optional<FillPattern> fill_pattern_named(std::string_view name);
std::optional<BorderStyle> border_style_named(std::string_view name);
std::ostream& operator<<(std::ostream& out, FillPattern pattern);
std::ostream& operator<<(std::ostream& out, BorderStyle style);

struct BorderSide {
    BorderStyle style = BorderStyle::none;
    std::optional<Rgb> color;
    bool operator==(const BorderSide&) const = default;
};

struct Border {
    BorderSide left, right, top, bottom, diagonal;
    bool diagonal_up = false;
    bool diagonal_down = false;
    bool operator==(const Border&) const = default;
};

struct Alignment {
    std::uint8_t horizontal = 0;  // 0 general, 1 left, 2 center, 3 right, 4 fill, 5 justify, 6
                                  // centerContinuous, 7 distributed
    std::uint8_t vertical = 0;    // 0 bottom (default), 1 top, 2 center, 3 justify, 4 distributed
    bool wrap = false;
    bool shrink = false;
    std::uint8_t indent = 0;
    std::int16_t rotation = 0;  // as in the file: 0-90, 91-180 (= -1..-90), 255 vertical text
    bool operator==(const Alignment&) const = default;
};

struct Protection {
    bool locked = true;
    bool hidden = false;
    bool operator==(const Protection&) const = default;
};

// One resolved cell format. Workbook::styles holds each distinct Style once.
struct Style {
    std::string num_format = "General";  // always the format string, built-in ids resolved
    Font font;
    Fill fill;
    Border border;
    Alignment alignment;
    Protection protection;
    bool operator==(const Style&) const = default;
};

// A differential format, as used by conditional formats: only the set parts apply.
struct DiffStyle {
    std::optional<std::string> num_format;
    std::optional<Rgb> font_color;
    std::optional<bool> bold, italic, strike;
    std::optional<std::uint8_t> underline;
    std::optional<Fill> fill;
    std::optional<Border> border;
    bool operator==(const DiffStyle&) const = default;
};

}  // namespace kinerja
