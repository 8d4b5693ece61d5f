#include "write/formats.hpp"

#include <set>

#include "model/num_formats.hpp"

namespace kinerja::write_detail {

namespace {

const char* const styles_part = "xl/styles.xml";
const Style default_style{};

// libxlsxwriter keeps font names and number formats in 128-byte fields.
constexpr std::size_t field_max = LXW_FORMAT_FIELD_LEN - 1;
// The model's enums follow ECMA-376's order, as libxlsxwriter's do; these mappings are the one
// place that relies on it.
static_assert(LXW_PATTERN_GRAY_0625 == static_cast<int>(FillPattern::gray0625));
static_assert(LXW_PATTERN_SOLID == static_cast<int>(FillPattern::solid));
static_assert(LXW_BORDER_SLANT_DASH_DOT == static_cast<int>(BorderStyle::slant_dash_dot));
static_assert(LXW_BORDER_DOUBLE == static_cast<int>(BorderStyle::double_line));

std::uint8_t lxw_pattern(FillPattern pattern) {
    return static_cast<std::uint8_t>(pattern);
}
std::uint8_t lxw_border(BorderStyle style) {
    return static_cast<std::uint8_t>(style);
}

std::uint8_t lxw_underline(std::uint8_t underline) {
    switch (underline) {
        case 1:
            return LXW_UNDERLINE_SINGLE;
        case 2:
            return LXW_UNDERLINE_DOUBLE;
        case 33:
            return LXW_UNDERLINE_SINGLE_ACCOUNTING;
        case 34:
            return LXW_UNDERLINE_DOUBLE_ACCOUNTING;
        default:
            return LXW_UNDERLINE_NONE;
    }
}

std::string font_key(const Font& f) {
    std::string key = f.name + '\x1f' + std::to_string(f.size) + '\x1f' + f.scheme + '\x1f';
    for (int v : {int(f.bold), int(f.italic), int(f.strike), int(f.underline), int(f.vert_align),
                  int(f.family), f.color ? int(*f.color) : -1})
        key += std::to_string(v) + ',';
    return key;
}

// A colour no font of the model uses.
Rgb unused_color(const Workbook& model) {
    std::set<Rgb> used;
    for (const Style& s : model.styles)
        if (s.font.color) used.insert(*s.font.color);
    for (const Sheet& sheet : model.sheets) {
        for (const Cell& cell : sheet.cells)
            if (cell.rich)
                for (const RichRun& run : *cell.rich)
                    if (run.font && run.font->color) used.insert(*run.font->color);
        for (const ConditionalFormat& cf : sheet.conditional_formats)
            if (cf.style && cf.style->font_color) used.insert(*cf.style->font_color);
    }
    Rgb color = 0x010203;
    while (used.count(color)) ++color;
    return color;
}

}  // namespace

FormatCache::FormatCache(lxw_workbook* book, const Workbook& model, Drops& drops, bool fresh)
    : book_(book),
      model_(model),
      drops_(drops),
      by_index_(model.styles.size(), nullptr),
      fresh_(fresh) {
    if (fresh) return;
    // Cells without a style, and the Normal style, use the workbook's style 0, so
    // libxlsxwriter's default format (created first, index 0) takes it on. It keeps
    // the lookup key of its original look, which no format built here can share:
    // apply_font always sets a scheme for Calibri, which that look leaves unset.
    automatic_marker_ = unused_color(model);
    lxw_format* first = STAILQ_FIRST(book->formats);
    if (model.styles.empty() || !first || first->xf_index != 0) return;
    apply_style(first, model.styles[0], "style 0");
    by_index_[0] = first;
}

const Style& FormatCache::style(std::uint32_t index) {
    if (index < model_.styles.size()) return model_.styles[index];
    drops_.add(styles_part, "", "cell style index out of range, default style used");
    return model_.styles.empty() ? default_style : model_.styles.front();
}

lxw_format* FormatCache::cell(std::uint32_t index) {
    if (fresh_ && by_index_.size() < model_.styles.size())
        by_index_.resize(model_.styles.size(), nullptr);
    if (index >= by_index_.size()) {
        style(index);  // reports it
        if (by_index_.empty()) by_index_.push_back(nullptr);
        index = 0;
    }
    if (by_index_[index] == nullptr)
        by_index_[index] = build(style(index), "style " + std::to_string(index));
    return by_index_[index];
}

lxw_format* FormatCache::with_font(std::uint32_t index, const Font& font) {
    std::string key = std::to_string(index) + '\x1e' + font_key(font);
    auto found = by_font_.find(key);
    if (found != by_font_.end()) return found->second;
    Style styled = style(index);
    styled.font = font;
    lxw_format* format = build(styled, "style " + std::to_string(index) + " rich text run");
    by_font_.emplace(std::move(key), format);
    return format;
}

lxw_format* FormatCache::build(const Style& s, const std::string& where) {
    lxw_format* format = workbook_add_format(book_);
    apply_style(format, s, where);
    return format;
}

void FormatCache::apply_style(lxw_format* format, const Style& s, const std::string& where) {
    apply_num_format(format, s.num_format, styles_part, where);
    apply_font(format, s.font, where);
    apply_fill(format, s.fill, where);
    apply_border(format, s.border);
    apply_alignment(format, s.alignment, where);
    if (!s.protection.locked) format_set_unlocked(format);
    if (s.protection.hidden) format_set_hidden(format);
}

void FormatCache::apply_num_format(lxw_format* format, const std::string& code,
                                   const std::string& scope, const std::string& where) {
    if (code.empty() || code == "General") return;
    if (int id = builtin_num_format_id(code); id >= 0) {
        format_set_num_format_index(format, static_cast<std::uint8_t>(id));
    } else if (code.size() > field_max) {
        drops_.add(scope, where, "number format longer than 127 bytes, General used");
    } else {
        format_set_num_format(format, code.c_str());
    }
}

void FormatCache::apply_font(lxw_format* format, const Font& font, const std::string& where) {
    if (font.name != LXW_DEFAULT_FONT_NAME) {
        if (font.name.empty() || font.name.size() > field_max)
            drops_.add(styles_part, where, "font name empty or longer than 127 bytes");
        else
            format_set_font_name(format, font.name.c_str());
    }
    if (font.size != 11) {
        if (font.size >= LXW_MIN_FONT_SIZE && font.size <= LXW_MAX_FONT_SIZE)
            format_set_font_size(format, font.size);
        else
            drops_.add(styles_part, where, "font size outside 1-409 points");
    }
    if (font.bold) format_set_bold(format);
    if (font.italic) format_set_italic(format);
    if (font.strike) format_set_font_strikeout(format);
    if (font.underline != 0) format_set_underline(format, lxw_underline(font.underline));
    if (font.vert_align == 1) format_set_font_script(format, LXW_FONT_SUPERSCRIPT);
    if (font.vert_align == 2) format_set_font_script(format, LXW_FONT_SUBSCRIPT);
    if (font.color) {
        format_set_font_color(format, lxw_rgb(*font.color));
    } else if (!fresh_) {
        format_set_font_color(format, automatic_marker_);
        automatic_marker_used_ = true;
    }
    if (!fresh_ || font.family != 0)
        format_set_font_family(format, font.family);  // 0 is written as 0: "not applicable"
    // libxlsxwriter writes a scheme for Calibri only, "minor" unless told otherwise;
    // "none" is how the file says "no scheme". Other faces lose their scheme and keep
    // their face: the cell looks the same under the source's theme (carried, see
    // Workbook::theme), but no longer follows a change of the theme's fonts.
    // In a fresh workbook an unset scheme keeps libxlsxwriter's "minor", as Excel writes it.
    if (font.name == LXW_DEFAULT_FONT_NAME) {
        if (!font.scheme.empty())
            format_set_font_scheme(format, font.scheme.c_str());
        else if (!fresh_)
            format_set_font_scheme(format, "none");
    } else if (!font.scheme.empty()) {
        drops_.add(styles_part, where, "theme font scheme of a font other than Calibri");
    }
}

void FormatCache::apply_fill(lxw_format* format, const Fill& fill, const std::string& where) {
    if (fill.pattern == FillPattern::none) return;
    format_set_pattern(format, lxw_pattern(fill.pattern));
    if (fill.pattern == FillPattern::solid) {
        // For solid fills libxlsxwriter writes bg_color as <fgColor> (the visible
        // colour) and, when both are given, fg_color as <bgColor>.
        if (fill.fg && fill.bg) {
            format_set_bg_color(format, lxw_rgb(*fill.fg));
            format_set_fg_color(format, lxw_rgb(*fill.bg));
        } else if (fill.fg) {
            format_set_fg_color(format, lxw_rgb(*fill.fg));
        } else if (fill.bg) {
            drops_.add(styles_part, where, "background colour of a solid fill without foreground");
        }
        return;
    }
    if (fill.fg) format_set_fg_color(format, lxw_rgb(*fill.fg));
    if (fill.bg) format_set_bg_color(format, lxw_rgb(*fill.bg));
}

void FormatCache::apply_border(lxw_format* format, const Border& border) {
    struct Side {
        const BorderSide& side;
        void (*set_style)(lxw_format*, std::uint8_t);
        void (*set_color)(lxw_format*, lxw_color_t);
    };
    const Side sides[] = {{border.left, format_set_left, format_set_left_color},
                          {border.right, format_set_right, format_set_right_color},
                          {border.top, format_set_top, format_set_top_color},
                          {border.bottom, format_set_bottom, format_set_bottom_color}};
    for (const auto& s : sides) {
        if (s.side.style == BorderStyle::none) continue;
        s.set_style(format, lxw_border(s.side.style));
        if (s.side.color) s.set_color(format, lxw_rgb(*s.side.color));
    }
    const BorderSide& diagonal = border.diagonal;
    if (diagonal.style == BorderStyle::none || (!border.diagonal_up && !border.diagonal_down))
        return;
    format_set_diag_type(
        format, border.diagonal_up && border.diagonal_down
                    ? LXW_DIAGONAL_BORDER_UP_DOWN
                    : (border.diagonal_up ? LXW_DIAGONAL_BORDER_UP : LXW_DIAGONAL_BORDER_DOWN));
    format_set_diag_border(format, lxw_border(diagonal.style));
    if (diagonal.color) format_set_diag_color(format, lxw_rgb(*diagonal.color));
}

void FormatCache::apply_alignment(lxw_format* format, const Alignment& a,
                                  const std::string& where) {
    if (a.horizontal >= 1 && a.horizontal <= 7) format_set_align(format, a.horizontal);
    switch (a.vertical) {
        case 1:
            format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
            break;
        case 2:
            format_set_align(format, LXW_ALIGN_VERTICAL_CENTER);
            break;
        case 3:
            format_set_align(format, LXW_ALIGN_VERTICAL_JUSTIFY);
            break;
        case 4:
            format_set_align(format, LXW_ALIGN_VERTICAL_DISTRIBUTED);
            break;
        default:
            break;  // bottom is the default
    }
    if (a.wrap) format_set_text_wrap(format);
    if (a.shrink) format_set_shrink(format);
    // Excel only indents left, right and distributed text; libxlsxwriter would
    // turn other alignments into "left" to make room for the indent.
    bool indentable =
        a.horizontal == 0 || a.horizontal == 1 || a.horizontal == 3 || a.horizontal == 7;
    if (a.indent != 0 && indentable) format_set_indent(format, a.indent);
    if (a.indent != 0 && !indentable)
        drops_.add(styles_part, where, "indent of centred, filled or justified text");
    // The file stores 91-180 for -1..-90 and 255 for stacked text; libxlsxwriter
    // takes -90..90, and 270 for stacked text.
    if (a.rotation > 0 && a.rotation <= 90)
        format_set_rotation(format, a.rotation);
    else if (a.rotation > 90 && a.rotation <= 180)
        format_set_rotation(format, static_cast<std::int16_t>(90 - a.rotation));
    else if (a.rotation == 255)
        format_set_rotation(format, 270);
    else if (a.rotation != 0)
        drops_.add(styles_part, where, "text rotation outside 0-180 and 255");
}

lxw_format* FormatCache::diff(const DiffStyle& d, const std::string& sheet,
                              const std::string& where) {
    lxw_format* format = workbook_add_format(book_);
    if (d.num_format) apply_num_format(format, *d.num_format, sheet, where);
    if (d.font_color) format_set_font_color(format, lxw_rgb(*d.font_color));
    if (d.bold.value_or(false)) format_set_bold(format);
    if (d.italic.value_or(false)) format_set_italic(format);
    if (d.strike.value_or(false)) format_set_font_strikeout(format);
    if (d.underline.value_or(0) != 0) format_set_underline(format, lxw_underline(*d.underline));
    if (d.bold == false || d.italic == false || d.strike == false || d.underline == 0)
        drops_.add(sheet, where, "conditional format that turns bold/italic/strike/underline off");
    if (d.fill) {
        // In a differential format libxlsxwriter writes the colours as given and
        // leaves out patternType for solid fills, as Excel does.
        if (d.fill->pattern != FillPattern::none && d.fill->pattern != FillPattern::solid)
            format_set_pattern(format, lxw_pattern(d.fill->pattern));
        if (d.fill->fg) format_set_fg_color(format, lxw_rgb(*d.fill->fg));
        if (d.fill->bg) format_set_bg_color(format, lxw_rgb(*d.fill->bg));
    }
    if (d.border) apply_border(format, *d.border);
    return format;
}

}  // namespace kinerja::write_detail
