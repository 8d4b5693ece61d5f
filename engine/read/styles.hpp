// Internal to the reader: styles.xml resolved into kinerja::Style values.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/workbook.hpp"
#include "read/colors.hpp"

namespace kinerja::read_detail {

bool flag_value(std::string_view text, bool absent_value);

// One font property element (<b/>, <sz val>, <color>, <rFont val>, ...) applied to `font`.
// `get` returns an attribute of that element by name. Shared by styles and rich text.
template <class Get>
void apply_font_property(Font& font, std::string_view name, Get get, const ColorResolver& colors);

// Everything the sheets need from styles.xml.
class StyleTable {
public:
    StyleTable();            // one default cell format, as Excel assumes when styles.xml is missing
    std::vector<Style> xfs;  // cellXfs in file order, resolved
    std::vector<DiffStyle> dxfs;
    bool had_gradient = false;  // gradient fills are approximated by their first colour

    // Index into Workbook::styles for cellXfs[xf], interned on first use with a hash
    // so that files with tens of thousands of formats stay fast. xf must be valid.
    std::uint32_t use(std::uint32_t xf, Workbook& wb);

private:
    std::vector<std::uint32_t> interned_;
    std::unordered_multimap<std::size_t, std::uint32_t> by_hash_;
    std::size_t indexed_styles_ = 0;  // how many of wb.styles are in by_hash_
};

// Reads styles.xml; `colors` must already have the theme. Throws InputError past max_styles.
void read_styles(pugi::xml_node style_sheet, ColorResolver& colors, std::uint32_t max_styles,
                 const Source& source, const std::string& part, StyleTable& table);

// ------------------------------------------------------------------ template body

template <class Get>
void apply_font_property(Font& font, std::string_view name, Get get, const ColorResolver& colors) {
    std::string_view val = get("val");
    if (name == "b") {
        font.bold = flag_value(val, true);
    } else if (name == "i") {
        font.italic = flag_value(val, true);
    } else if (name == "strike") {
        font.strike = flag_value(val, true);
    } else if (name == "u") {
        font.underline = val == "double"             ? 2
                         : val == "singleAccounting" ? 33
                         : val == "doubleAccounting" ? 34
                         : val == "none"             ? 0
                                                     : 1;
    } else if (name == "vertAlign") {
        font.vert_align = val == "superscript" ? 1 : val == "subscript" ? 2 : 0;
    } else if (name == "sz") {
        double size = 0;
        auto [p, ec] = std::from_chars(val.data(), val.data() + val.size(), size);
        if (ec == std::errc() && size > 0 && size < 1000) font.size = size;
    } else if (name == "color") {
        font.color = colors.resolve(color_spec_from(get));
    } else if (name == "name" || name == "rFont") {
        if (!val.empty()) font.name = std::string(val);
    } else if (name == "family") {
        int family = 0;
        auto [p, ec] = std::from_chars(val.data(), val.data() + val.size(), family);
        if (ec == std::errc() && family >= 0 && family < 256)
            font.family = static_cast<std::uint8_t>(family);
    } else if (name == "scheme") {
        font.scheme = val == "none" ? std::string() : std::string(val);
    }
}

}  // namespace kinerja::read_detail
