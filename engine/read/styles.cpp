#include "read/styles.hpp"

#include <array>
#include <charconv>
#include <functional>
#include <limits>
#include <map>

#include "model/num_formats.hpp"
#include "read/xml_stream.hpp"

namespace kinerja::read_detail {

namespace {

constexpr std::uint32_t not_interned = std::numeric_limits<std::uint32_t>::max();

template <std::size_t N>
std::uint8_t index_of(const std::array<std::string_view, N>& names, std::string_view value,
                      std::uint8_t fallback) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == value) return static_cast<std::uint8_t>(i);
    return fallback;
}

int to_int(std::string_view text, int fallback) {
    int value = fallback;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() ? value : fallback;
}

std::string_view value_of(pugi::xml_node node, const char* name) {
    return attr(node, name).as_string();
}

Font read_font(pugi::xml_node node, const ColorResolver& colors) {
    Font font;
    for (pugi::xml_node p = node.first_child(); p; p = p.next_sibling()) {
        if (p.type() != pugi::node_element) continue;
        apply_font_property(
            font, local_name(p.name()), [&](const char* name) { return value_of(p, name); },
            colors);
    }
    return font;
}

// In cell formats the visible colour of a solid fill is fgColor. Differential
// formats (`dxf`) write it as bgColor and often leave patternType out.
Fill read_fill(pugi::xml_node node, const ColorResolver& colors, bool differential,
               bool& gradient) {
    Fill fill;
    if (pugi::xml_node pattern = child(node, "patternFill")) {
        std::string_view type = value_of(pattern, "patternType");
        fill.pattern = fill_pattern_named(type).value_or(differential ? FillPattern::solid
                                                                      : FillPattern::none);
        fill.fg = colors.resolve(child(pattern, "fgColor"));
        pugi::xml_node bg = child(pattern, "bgColor");
        // indexed 64 as a background means "automatic" in practice.
        if (bg && !(attr(bg, "indexed") && to_int(value_of(bg, "indexed"), 0) == 64))
            fill.bg = colors.resolve(bg);
        if (differential && fill.pattern == FillPattern::solid && fill.bg)
            std::swap(fill.fg, fill.bg);
    } else if (pugi::xml_node gradient_fill = child(node, "gradientFill")) {
        gradient = true;
        fill.pattern = FillPattern::solid;
        if (pugi::xml_node stop = child(gradient_fill, "stop"))
            fill.fg = colors.resolve(child(stop, "color"));
    }
    return fill;
}

Border read_border(pugi::xml_node node, const ColorResolver& colors) {
    Border border;
    auto side = [&](const char* name, const char* alias) {
        BorderSide s;
        pugi::xml_node element = child(node, name);
        if (!element && alias) element = child(node, alias);
        if (!element) return s;
        s.style = border_style_named(value_of(element, "style")).value_or(BorderStyle::none);
        s.color = colors.resolve(child(element, "color"));
        return s;
    };
    border.left = side("left", "start");
    border.right = side("right", "end");
    border.top = side("top", nullptr);
    border.bottom = side("bottom", nullptr);
    border.diagonal = side("diagonal", nullptr);
    border.diagonal_up = flag_value(value_of(node, "diagonalUp"), false);
    border.diagonal_down = flag_value(value_of(node, "diagonalDown"), false);
    return border;
}

Alignment read_alignment(pugi::xml_node node) {
    static constexpr std::array<std::string_view, 8> horizontal = {
        "general", "left", "center", "right", "fill", "justify", "centerContinuous", "distributed"};
    static constexpr std::array<std::string_view, 5> vertical = {"bottom", "top", "center",
                                                                 "justify", "distributed"};
    Alignment a;
    a.horizontal = index_of(horizontal, value_of(node, "horizontal"), 0);
    a.vertical = index_of(vertical, value_of(node, "vertical"), 0);
    a.wrap = flag_value(value_of(node, "wrapText"), false);
    a.shrink = flag_value(value_of(node, "shrinkToFit"), false);
    a.indent = static_cast<std::uint8_t>(std::clamp(to_int(value_of(node, "indent"), 0), 0, 250));
    int rotation = to_int(value_of(node, "textRotation"), 0);
    a.rotation = static_cast<std::int16_t>(
        (rotation >= 0 && rotation <= 180) || rotation == 255 ? rotation : 0);
    return a;
}

std::size_t hash_style(const Style& s) {
    std::size_t h = std::hash<std::string>{}(s.num_format);
    auto mix = [&](std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2); };
    mix(std::hash<std::string>{}(s.font.name));
    mix(std::hash<double>{}(s.font.size));
    mix(s.font.bold | s.font.italic << 1 | s.font.strike << 2 | s.font.underline << 3);
    mix(s.font.color.value_or(0x1000000));
    mix(static_cast<unsigned>(s.fill.pattern));
    mix(s.fill.fg.value_or(0x1000000));
    auto bits = [](const BorderSide& side) { return static_cast<unsigned>(side.style); };
    mix(bits(s.border.left) | bits(s.border.right) << 4 | bits(s.border.top) << 8 |
        bits(s.border.bottom) << 12);
    mix(s.alignment.horizontal | s.alignment.vertical << 4 | s.alignment.wrap << 8);
    return h;
}

}  // namespace

bool flag_value(std::string_view text, bool absent_value) {
    if (text.empty()) return absent_value;
    return text == "1" || text == "true" || text == "on";
}

StyleTable::StyleTable() : xfs{Style{}} {}

std::uint32_t StyleTable::use(std::uint32_t xf, Workbook& wb) {
    if (interned_.size() != xfs.size()) interned_.assign(xfs.size(), not_interned);
    if (interned_[xf] != not_interned) return interned_[xf];
    for (; indexed_styles_ < wb.styles.size(); ++indexed_styles_)
        by_hash_.emplace(hash_style(wb.styles[indexed_styles_]),
                         static_cast<std::uint32_t>(indexed_styles_));
    const Style& style = xfs[xf];
    std::size_t h = hash_style(style);
    auto [first, last] = by_hash_.equal_range(h);
    for (auto it = first; it != last; ++it) {
        if (wb.styles[it->second] == style) return interned_[xf] = it->second;
    }
    wb.styles.push_back(style);
    return interned_[xf] = static_cast<std::uint32_t>(wb.styles.size() - 1);
}

void read_styles(pugi::xml_node sheet, ColorResolver& colors, std::uint32_t max_styles,
                 const Source& source, const std::string& part, StyleTable& table) {
    colors.load_indexed(child(child(sheet, "colors"), "indexedColors"));

    std::map<int, std::string> custom_formats;
    for_each_child(child(sheet, "numFmts"), "numFmt", [&](pugi::xml_node n) {
        custom_formats[to_int(value_of(n, "numFmtId"), -1)] = value_of(n, "formatCode");
    });
    auto format_of = [&](int id) {
        auto it = custom_formats.find(id);
        return it != custom_formats.end() ? it->second : std::string(builtin_num_format_code(id));
    };

    std::vector<Font> fonts;
    std::vector<Fill> fills;
    std::vector<Border> borders;
    for_each_child(child(sheet, "fonts"), "font",
                   [&](pugi::xml_node n) { fonts.push_back(read_font(n, colors)); });
    for_each_child(child(sheet, "fills"), "fill", [&](pugi::xml_node n) {
        fills.push_back(read_fill(n, colors, false, table.had_gradient));
    });
    for_each_child(child(sheet, "borders"), "border",
                   [&](pugi::xml_node n) { borders.push_back(read_border(n, colors)); });

    auto pick = [](const auto& list, std::string_view id) {
        using T = typename std::decay_t<decltype(list)>::value_type;
        int i = to_int(id, 0);
        return i >= 0 && static_cast<std::size_t>(i) < list.size()
                   ? list[static_cast<std::size_t>(i)]
                   : T{};
    };

    std::vector<Style> xfs;
    bool over_limit = false;
    for_each_child(child(sheet, "cellXfs"), "xf", [&](pugi::xml_node n) {
        if (xfs.size() >= max_styles) {
            over_limit = true;
            return;
        }
        Style s;
        s.num_format = format_of(to_int(value_of(n, "numFmtId"), 0));
        s.font = pick(fonts, value_of(n, "fontId"));
        s.fill = pick(fills, value_of(n, "fillId"));
        s.border = pick(borders, value_of(n, "borderId"));
        if (pugi::xml_node a = child(n, "alignment")) s.alignment = read_alignment(a);
        if (pugi::xml_node p = child(n, "protection")) {
            s.protection.locked = flag_value(value_of(p, "locked"), true);
            s.protection.hidden = flag_value(value_of(p, "hidden"), false);
        }
        xfs.push_back(std::move(s));
    });
    if (over_limit) {
        source.fail(part, {"Terlalu banyak format sel (batas " + std::to_string(max_styles) + ").",
                           "Too many cell formats (limit " + std::to_string(max_styles) + ")."});
    }
    if (!xfs.empty()) table.xfs = std::move(xfs);

    for_each_child(child(sheet, "dxfs"), "dxf", [&](pugi::xml_node n) {
        DiffStyle d;
        if (pugi::xml_node f = child(n, "font")) {
            Font font = read_font(f, colors);
            auto has = [&](const char* name) { return static_cast<bool>(child(f, name)); };
            if (has("color")) d.font_color = font.color;
            if (has("b")) d.bold = font.bold;
            if (has("i")) d.italic = font.italic;
            if (has("strike")) d.strike = font.strike;
            if (has("u")) d.underline = font.underline;
        }
        if (pugi::xml_node nf = child(n, "numFmt")) {
            std::string code(value_of(nf, "formatCode"));
            d.num_format = code.empty() ? format_of(to_int(value_of(nf, "numFmtId"), 0)) : code;
        }
        if (pugi::xml_node f = child(n, "fill"))
            d.fill = read_fill(f, colors, true, table.had_gradient);
        if (pugi::xml_node b = child(n, "border")) d.border = read_border(b, colors);
        table.dxfs.push_back(std::move(d));
    });
}

}  // namespace kinerja::read_detail
