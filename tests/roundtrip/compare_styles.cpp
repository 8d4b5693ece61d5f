// Resolved style comparison: what a cell looks like, not where its format sits in a table.
#include "roundtrip/compare_detail.hpp"

namespace kinerja::test::compare_detail {

namespace {

// Pattern fills: with no pattern the colours are invisible; a solid fill shows only
// its foreground colour (Excel ignores bgColor there, and writers fill it variously).
void compare_fill(Recorder& r, const std::string& prefix, const Fill& a, const Fill& b) {
    r.same(prefix + "pattern", a.pattern, b.pattern);
    if (a.pattern != b.pattern || a.pattern == FillPattern::none) return;
    r.color(prefix + "fg", a.fg, b.fg);
    if (a.pattern != FillPattern::solid) r.color(prefix + "bg", a.bg, b.bg);
}

// A side's colour matters only when the side is drawn.
void compare_side(Recorder& r, const std::string& prefix, const BorderSide& a,
                  const BorderSide& b) {
    r.same(prefix + ".style", a.style, b.style);
    if (a.style != BorderStyle::none && a.style == b.style)
        r.color(prefix + ".color", a.color, b.color);
}

void compare_border(Recorder& r, const std::string& prefix, const Border& a, const Border& b) {
    compare_side(r, prefix + "left", a.left, b.left);
    compare_side(r, prefix + "right", a.right, b.right);
    compare_side(r, prefix + "top", a.top, b.top);
    compare_side(r, prefix + "bottom", a.bottom, b.bottom);
    r.same(prefix + "diagonal_up", a.diagonal_up, b.diagonal_up);
    r.same(prefix + "diagonal_down", a.diagonal_down, b.diagonal_down);
    // The diagonal line is drawn only in a direction that is switched on.
    if (a.diagonal_up || a.diagonal_down)
        compare_side(r, prefix + "diagonal", a.diagonal, b.diagonal);
}

}  // namespace

void compare_font(Recorder& r, const std::string& prefix, const Font& a, const Font& b) {
    r.same(prefix + "name", a.name, b.name);
    r.near(prefix + "size", a.size, b.size, 1e-9);
    r.same(prefix + "bold", a.bold, b.bold);
    r.same(prefix + "italic", a.italic, b.italic);
    r.same(prefix + "strike", a.strike, b.strike);
    r.same(prefix + "underline", a.underline, b.underline);
    r.same(prefix + "vert_align", a.vert_align, b.vert_align);
    r.color(prefix + "color", a.color, b.color);
    r.same(prefix + "family", a.family, b.family);
    // A scheme font follows the theme's font. The writer emits the Office theme, whose
    // minor font is Calibri, so "minor" on Calibri looks the same as no scheme.
    bool calibri = a.name == "Calibri" && b.name == "Calibri";
    auto scheme = [&](const std::string& s) { return calibri && s == "minor" ? std::string() : s; };
    r.same(prefix + "scheme", scheme(a.scheme), scheme(b.scheme));
}

void compare_style(Recorder& r, const std::string& prefix, const Style& a, const Style& b) {
    r.same(prefix + "num_format", a.num_format, b.num_format);
    compare_font(r, prefix + "font.", a.font, b.font);
    compare_fill(r, prefix + "fill.", a.fill, b.fill);
    compare_border(r, prefix + "border.", a.border, b.border);
    const Alignment& x = a.alignment;
    const Alignment& y = b.alignment;
    r.same(prefix + "alignment.horizontal", x.horizontal, y.horizontal);
    r.same(prefix + "alignment.vertical", x.vertical, y.vertical);
    r.same(prefix + "alignment.wrap", x.wrap, y.wrap);
    r.same(prefix + "alignment.shrink", x.shrink, y.shrink);
    r.same(prefix + "alignment.indent", x.indent, y.indent);
    r.same(prefix + "alignment.rotation", x.rotation, y.rotation);
    r.same(prefix + "protection.locked", a.protection.locked, b.protection.locked);
    r.same(prefix + "protection.hidden", a.protection.hidden, b.protection.hidden);
}

void compare_diff_style(Recorder& r, const std::string& prefix, const DiffStyle& a,
                        const DiffStyle& b) {
    r.same(prefix + "num_format", a.num_format, b.num_format);
    r.color(prefix + "font_color", a.font_color, b.font_color);
    r.same(prefix + "bold", a.bold, b.bold);
    r.same(prefix + "italic", a.italic, b.italic);
    r.same(prefix + "strike", a.strike, b.strike);
    r.same(prefix + "underline", a.underline, b.underline);
    // A differential fill is compared in full: which of fg/bg holds the colour is
    // something the reader normalises, and a lost colour must show.
    r.same(prefix + "fill", a.fill.has_value(), b.fill.has_value());
    if (a.fill && b.fill) {
        r.same(prefix + "fill.pattern", a.fill->pattern, b.fill->pattern);
        r.color(prefix + "fill.fg", a.fill->fg, b.fill->fg);
        r.color(prefix + "fill.bg", a.fill->bg, b.fill->bg);
    }
    r.same(prefix + "border", a.border.has_value(), b.border.has_value());
    if (a.border && b.border) compare_border(r, prefix + "border.", *a.border, *b.border);
}

}  // namespace kinerja::test::compare_detail
