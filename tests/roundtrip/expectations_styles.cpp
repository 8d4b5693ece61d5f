// Spot checks for lxw/lo/gnm-styles: the Gaya sheet has one labelled row per format
// (tests/fixtures/roundtrip/generator_styles.hpp). LibreOffice rewrites some format
// codes with escapes ("mm\-dd\-yy") and its own reading of built-in 37, so only the
// codes it keeps verbatim are checked for it. It also has no pattern fills (it
// blends them into a solid colour) and writes black borders as automatic.
#include "roundtrip/expectations.hpp"

namespace kinerja::test {

namespace {

void format_code(Probe& p, const Sheet* s, const std::string& label, const std::string& code) {
    if (const Cell* c = p.labelled(s, label))
        p.equal(label + " number format", p.style(*c).num_format, code);
}

const Style* styled(Probe& p, const Sheet* s, const std::string& label) {
    const Cell* c = p.labelled(s, label);
    return c ? &p.style(*c) : nullptr;
}

void number_formats(Probe& p, const Sheet* s) {
    for (const char* code : {"0.00%", "\"Rp\"#,##0", "dd/mm/yyyy", "0.0", "#,##0", "0%"})
        format_code(p, s, code, code);
    if (p.by({"lxw", "gnm"})) {
        for (const char* code : {"0", "0.00", "#,##0.00", "0.00E+00", "mm-dd-yy", "d-mmm-yy",
                                 "#,##0;[Red]-#,##0", "[$-421]dd mmmm yyyy"})
            format_code(p, s, code, code);
        format_code(p, s, "builtin 37", "#,##0 ;(#,##0)");  // ECMA-376 built-in id 37
    }
    format_code(p, s, "@", "@");
    if (const Cell* c = p.labelled(s, "@")) p.text("text-formatted cell", c, "00123");
}

void fonts(Probe& p, const Sheet* s) {
    if (auto* st = styled(p, s, "Arial 14")) {
        p.equal("Arial 14 name", st->font.name, std::string("Arial"));
        p.near("Arial 14 size", st->font.size, 14, 0);
    }
    if (auto* st = styled(p, s, "bold"))
        p.check(st->font.bold && !st->font.italic, "bold is bold only");
    if (auto* st = styled(p, s, "italic")) p.check(st->font.italic, "italic is italic");
    if (auto* st = styled(p, s, "underline"))
        p.equal("underline", st->font.underline, std::uint8_t{1});
    if (auto* st = styled(p, s, "double underline"))
        p.equal("double underline", st->font.underline, std::uint8_t{2});
    if (auto* st = styled(p, s, "strike")) p.check(st->font.strike, "strike is struck");
    if (auto* st = styled(p, s, "superscript"))
        p.equal("superscript", st->font.vert_align, std::uint8_t{1});
    if (auto* st = styled(p, s, "subscript"))
        p.equal("subscript", st->font.vert_align, std::uint8_t{2});
    if (auto* st = styled(p, s, "red")) p.rgb("red font", st->font.color, 0xFF0000);
    if (auto* st = styled(p, s, "black")) p.rgb("black font", st->font.color, 0x000000);
    if (auto* st = styled(p, s, "Times 9 bold italic purple")) {
        p.equal("Times name", st->font.name, std::string("Times New Roman"));
        p.near("Times size", st->font.size, 9, 0);
        p.check(st->font.bold && st->font.italic, "Times is bold italic");
        p.rgb("Times colour", st->font.color, 0x7030A0);
    }
}

void fills_and_borders(Probe& p, const Sheet* s) {
    if (auto* st = styled(p, s, "solid yellow")) {
        p.equal("solid yellow pattern", st->fill.pattern, FillPattern::solid);
        p.rgb("solid yellow colour", st->fill.fg, 0xFFFF00);
    }
    if (auto* st = styled(p, s, "solid black")) {
        p.rgb("solid black colour", st->fill.fg, 0x000000);
        p.rgb("white font on black", st->font.color, 0xFFFFFF);
    }
    if (auto* st = styled(p, s, "light grid"); st && p.by({"lxw", "gnm"})) {
        p.equal("light grid pattern", st->fill.pattern, FillPattern::light_grid);
        p.rgb("light grid fg", st->fill.fg, 0x0000FF);
        p.rgb("light grid bg", st->fill.bg, 0xFFFF00);
    }
    if (auto* st = styled(p, s, "thin black box")) {
        const Border& b = st->border;
        for (const BorderSide* side : {&b.left, &b.right, &b.top, &b.bottom}) {
            p.equal("thin box side", side->style, BorderStyle::thin);
            if (p.by({"lxw", "gnm"})) p.rgb("thin box colour", side->color, 0x000000);
        }
    }
    if (auto* st = styled(p, s, "mixed sides")) {
        const Border& b = st->border;
        p.equal("left medium", b.left.style, BorderStyle::medium);
        p.rgb("left red", b.left.color, 0xFF0000);
        p.equal("right dashed", b.right.style, BorderStyle::dashed);
        p.rgb("right blue", b.right.color, 0x0000FF);
        p.equal("top double", b.top.style, BorderStyle::double_line);
        p.equal("bottom thick", b.bottom.style, BorderStyle::thick);
        if (p.by({"lxw", "gnm"})) p.rgb("bottom black", b.bottom.color, 0x000000);
    }
    for (std::uint8_t style = 1; style <= 13; ++style)
        if (auto* st = styled(p, s, "bottom style " + std::to_string(style)))
            p.equal("bottom style " + std::to_string(style), st->border.bottom.style,
                    static_cast<BorderStyle>(style));
    if (auto* st = styled(p, s, "diagonal 3")) {
        p.check(st->border.diagonal_up && st->border.diagonal_down, "diagonal 3 goes both ways");
        p.rgb("diagonal colour", st->border.diagonal.color, 0xFF0000);
    }
}

void alignment_and_protection(Probe& p, const Sheet* s) {
    if (auto* st = styled(p, s, "wrap")) p.check(st->alignment.wrap, "wrap wraps");
    if (auto* st = styled(p, s, "indent 2")) {
        p.equal("indent 2 horizontal", st->alignment.horizontal, std::uint8_t{1});
        p.equal("indent 2", st->alignment.indent, std::uint8_t{2});
    }
    if (auto* st = styled(p, s, "rotation 45"))
        p.equal("rotation 45", st->alignment.rotation, std::int16_t{45});
    if (auto* st = styled(p, s, "rotation -45"))
        p.equal("rotation -45", st->alignment.rotation, std::int16_t{135});
    if (auto* st = styled(p, s, "rotation 270"))
        p.equal("vertical text", st->alignment.rotation, std::int16_t{255});
    if (auto* st = styled(p, s, "align " + std::to_string(2)))
        p.equal("centre", st->alignment.horizontal, std::uint8_t{2});
    if (auto* st = styled(p, s, "align " + std::to_string(10)))
        p.equal("vertical centre", st->alignment.vertical, std::uint8_t{2});
    if (auto* st = styled(p, s, "shrink")) p.check(st->alignment.shrink, "shrink shrinks");
    if (auto* st = styled(p, s, "unlocked"))
        p.check(!st->protection.locked, "unlocked is unlocked");
    if (auto* st = styled(p, s, "hidden formula"))
        p.check(st->protection.locked && st->protection.hidden,
                "hidden formula is locked and hidden");
    if (auto* st = styled(p, s, "combined")) {
        p.check(st->font.bold && st->alignment.wrap, "combined is bold and wrapped");
        p.rgb("combined fill", st->fill.fg, 0xF4B084);
        p.equal("combined border", st->border.top.style, BorderStyle::thin);
    }
}

}  // namespace

void expect_styles(Probe& p) {
    const Sheet* s = p.sheet("Gaya");
    number_formats(p, s);
    fonts(p, s);
    fills_and_borders(p, s);
    alignment_and_protection(p, s);
}

}  // namespace kinerja::test
