// Spot checks for the hand-made fixtures (tests/fixtures/roundtrip/handmade_parts.py)
// and their LibreOffice/Gnumeric conversions. Both converters expand shared formulas
// into plain ones, which makes them a check of the reader's own expansion. Gnumeric
// computes the +0.4 tint of accent1 as #95D2D7; LibreOffice writes black borders
// with no colour (automatic).
#include "roundtrip/expectations.hpp"

namespace kinerja::test {

namespace {

void formula(Probe& p, const Sheet* s, const char* ref, const std::string& text) {
    if (const Cell* c = p.cell(s, ref)) p.equal(std::string(ref) + " formula", c->formula, text);
}

void error(Probe& p, const Sheet* s, const char* ref, const std::string& code) {
    const Cell* c = p.cell(s, ref);
    if (!c) return;
    p.check(c->value.kind == CellValue::Kind::error, std::string(ref) + " is an error");
    p.equal(std::string(ref) + " error code", c->value.text, code);
}

}  // namespace

void expect_formulas(Probe& p) {
    const Sheet* s = p.sheet("Rumus");
    // Shared formula groups, expanded: C (relative), D (mixed A$7), row 9 (horizontal).
    formula(p, s, "C2", "IF(A2=0,0,B2/A2*100)");
    formula(p, s, "C5", "IF(A5=0,0,B5/A5*100)");
    p.number("C5 cached", p.cell(s, "C5"), 87.5);
    formula(p, s, "D3", "B3/A$7");
    formula(p, s, "D6", "B6/A$7");
    p.number("D5 cached", p.cell(s, "D5"), 0.23333333333333334);
    formula(p, s, "B9", "B2+B3");
    formula(p, s, "C9", "C2+C3");
    p.number("C9 cached", p.cell(s, "C9"), 195);
    // Array formulas: one cell, and three cells whose followers hold only values.
    if (const Cell* c = p.cell(s, "E2")) {
        p.equal("E2 formula", c->formula, std::string("SUM(A2:A6*B2:B6)"));
        CellRange ref{};
        std::string array_ref(s->array_ref(c->row, c->col));
        p.check(parse_range(array_ref, ref) && ref == CellRange{1, 4, 1, 4},
                "E2 is an array formula over E2, got '" + array_ref + "'");
    }
    if (const Cell* c = p.cell(s, "E4")) {
        p.equal("E4 formula", c->formula, std::string("A2:A4*2"));
        p.equal("E4 array range", std::string(s->array_ref(c->row, c->col)), std::string("E4:E6"));
    }
    if (const Cell* c = p.cell(s, "E5")) p.check(!c->is_formula(), "E5 has no formula of its own");
    p.number("E5 cached", p.cell(s, "E5"), 400);
    p.number("E6 cached", p.cell(s, "E6"), 600);
    // Errors, cached booleans and strings.
    error(p, s, "F2", "#DIV/0!");
    error(p, s, "F3", "#DIV/0!");
    formula(p, s, "F3", "A2/0");
    error(p, s, "F5", "#N/A");
    error(p, s, "F6", "#VALUE!");
    if (const Cell* c = p.cell(s, "G3")) {
        p.check(c->value.kind == CellValue::Kind::boolean && c->value.number == 1, "G3 is TRUE");
        p.equal("G3 formula", c->formula, std::string("A3>150"));
    }
    p.text("G4 cached", p.cell(s, "G4"), "Rp 300");
    if (const Cell* c = p.cell(s, "H3"))
        p.check(c->value.kind == CellValue::Kind::boolean && c->value.number == 0, "H3 is FALSE");
    // Strings: inline rich, shared rich with a phonetic run, escapes, spaces.
    if (const Cell* c = p.cell(s, "I2")) {
        p.equal("I2 text", c->value.text, std::string("Tebal merah lalu biasa"));
        p.check(c->rich && c->rich->size() >= 2, "I2 is rich text with two runs");
        if (c->rich && !c->rich->empty() && c->rich->front().font) {
            p.check(c->rich->front().font->bold, "I2 run 1 is bold");
            p.rgb("I2 run 1 colour", c->rich->front().font->color, 0xC00000);
        }
    }
    p.text("I3", p.cell(s, "I3"), "Sasaran strategis");
    if (p.by({"py", "lo"})) p.text("I4", p.cell(s, "I4"), "Tab\tdan kode_x0041_");
    p.text("I5", p.cell(s, "I5"), "  spasi  ");
    // Colours given by theme, index and tint, resolved to RGB (Office 2007 theme).
    if (const Cell* c = p.cell(s, "A1")) {
        p.check(p.style(*c).font.bold, "A1 is bold");
        p.rgb("A1 font colour (theme 3 = dk2)", p.style(*c).font.color, 0x1F497D);
    }
    if (const Cell* c = p.cell(s, "A2")) {
        p.equal("A2 number format", p.style(*c).num_format, std::string("\"Rp\"#,##0"));
        p.rgb("A2 font colour (indexed 10)", p.style(*c).font.color, 0xFF0000);
    }
    if (const Cell* c = p.cell(s, "A7"); c && p.by({"py", "lo"}))  // Gnumeric tints it wrongly
        p.rgb("A7 fill (accent1, tint +0.4)", p.style(*c).fill.fg, 0x95B3D7, 2);
    if (const Cell* c = p.cell(s, "C7")) {
        const Border& b = p.style(*c).border;
        p.rgb("C7 fill (indexed 13)", p.style(*c).fill.fg, 0xFFFF00);
        p.equal("C7 bottom border", b.bottom.style, BorderStyle::medium);
        p.rgb("C7 bottom colour (accent2, tint -0.25)", b.bottom.color, 0x953735, 2);
        if (p.by({"py", "gnm"}))  // LibreOffice writes black borders as automatic
            p.rgb("C7 left colour (indexed 8)", b.left.color, 0x000000);
    }
    if (const Cell* c = p.cell(s, "D2"))
        p.equal("D2 number format", p.style(*c).num_format, std::string("0.00%"));
    if (s) p.rgb("Rumus tab colour (accent2, tint -0.25)", s->tab_color, 0x953735, 2);
    if (const Sheet* secret = p.sheet("Rahasia"); secret && p.by({"py"}))
        p.check(secret->visibility == Sheet::Visibility::very_hidden, "Rahasia is very hidden");
    bool named = false;
    for (const auto& n : p.workbook.names)
        if (n.name == "TotalTarget") named = n.formula == "Rumus!$A$7";
    p.check(named, "the name TotalTarget refers to Rumus!$A$7");
}

void expect_1904(Probe& p) {
    p.check(p.workbook.date1904, "the workbook uses the 1904 date system");
    const Sheet* s = p.sheet("Tanggal");
    p.number("A2 serial", p.cell(s, "A2"), 43831);
    p.number("A4 serial", p.cell(s, "A4"), 44196.5);
    if (const Cell* c = p.cell(s, "C2"))
        p.equal("C2 number format", p.style(*c).num_format, std::string("dd/mm/yyyy"));
    if (!s) return;
    p.check(s->default_col_width.has_value(), "a default column width is read");
    if (s->default_col_width) p.near("default column width", *s->default_col_width, 12.5, 1e-9);
    p.check(s->default_row_height.has_value(), "a default row height is read");
    if (s->default_row_height) p.near("default row height", *s->default_row_height, 16, 1e-9);
    bool found = false;
    for (const auto& span : s->columns)
        if (span.first == 0 && span.width) {
            found = true;
            p.near("column A width", *span.width, 14.7109375, 0.01);
        }
    p.check(found, "column A has its width");
}

}  // namespace kinerja::test
