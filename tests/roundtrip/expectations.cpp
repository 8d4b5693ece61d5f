// Spot checks for lxw/lo/gnm-sheets, -values and py/lo/gnm-formulas, -1904, and the
// Probe helper. What each converter loses was seen in the converted files' XML:
//   Gnumeric: a sheet's hidden state, and it does not decode _xHHHH_ escapes;
//   LibreOffice: very hidden becomes hidden.
#include "roundtrip/expectations.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>

#include "roundtrip/corpus.hpp"

namespace kinerja::test {

Probe::Probe(std::string file, const Workbook& wb)
    : workbook(wb), file_(std::move(file)), writer_(writer_of(file_)) {}

bool Probe::by(std::initializer_list<const char*> writers) const {
    return std::any_of(writers.begin(), writers.end(), [&](const char* w) { return writer_ == w; });
}

void Probe::check(bool ok, const std::string& what) {
    BOOST_CHECK_MESSAGE(ok, file_ + ": " + what);
}

const Sheet* Probe::sheet(const std::string& name) {
    const Sheet* found = workbook.sheet(name);
    check(found != nullptr, "sheet '" + name + "' is read");
    return found;
}

const Cell* Probe::cell(const Sheet* in, const char* ref) {
    if (!in) return nullptr;
    std::uint32_t row = 0, col = 0;
    const Cell* found = parse_cell_name(ref, row, col) ? in->find(row, col) : nullptr;
    check(found != nullptr, in->name + "!" + ref + " is read");
    return found;
}

const Cell* Probe::labelled(const Sheet* in, const std::string& label) {
    if (!in) return nullptr;
    for (const auto& c : in->cells)
        if (c.col == 0 && c.value.kind == CellValue::Kind::text && c.value.text == label) {
            const Cell* value = in->find(c.row, 1);
            check(value != nullptr, in->name + ": the cell beside '" + label + "' is read");
            return value;
        }
    check(false, in->name + ": a row labelled '" + label + "' is read");
    return nullptr;
}

const Style& Probe::style(const Cell& c) const {
    return c.style < workbook.styles.size() ? workbook.styles[c.style] : workbook.styles.front();
}

void Probe::near(const std::string& what, double got, double want, double tolerance) {
    char text[160];
    std::snprintf(text, sizeof text, ": expected %.17g, got %.17g", want, got);
    check(std::fabs(got - want) <= tolerance, what + text);
}

void Probe::rgb(const std::string& what, std::optional<Rgb> got, Rgb want, int tolerance) {
    char text[80];
    std::snprintf(text, sizeof text, ": expected #%06X, got ", want);
    if (!got) return check(false, what + text + "unset");
    bool ok = true;
    for (int shift : {16, 8, 0}) {
        int a = static_cast<int>((*got >> shift) & 0xFF),
            b = static_cast<int>((want >> shift) & 0xFF);
        ok = ok && std::abs(a - b) <= tolerance;
    }
    char hex[16];
    std::snprintf(hex, sizeof hex, "#%06X", *got & 0xFFFFFFu);
    check(ok, what + text + hex);
}

void Probe::text(const std::string& what, const Cell* c, const std::string& want) {
    if (!c) return;
    check(c->value.kind == CellValue::Kind::text, what + " is text");
    equal(what, c->value.text, want);
}

void Probe::number(const std::string& what, const Cell* c, double want) {
    if (!c) return;
    check(c->value.kind == CellValue::Kind::number, what + " is a number");
    near(what, c->value.number, want, std::fabs(want) * 1e-12);
}

void expect_sheets(Probe& p) {
    const auto& wb = p.workbook;
    p.equal("sheet count", wb.sheets.size(), std::size_t{4});
    const char* names[] = {"Ringkasan", "Rencana Aksi", "Tersembunyi", "Data 2024"};
    const Rgb tabs[] = {0xC00000, 0x00B050, 0x0070C0};
    for (std::size_t i = 0; i < std::min<std::size_t>(4, wb.sheets.size()); ++i) {
        p.equal("sheet " + std::to_string(i) + " name", wb.sheets[i].name, std::string(names[i]));
        if (i < 3) p.rgb(std::string(names[i]) + " tab colour", wb.sheets[i].tab_color, tabs[i]);
    }
    p.equal("active sheet", wb.active_sheet, 1u);
    if (const Sheet* s = p.sheet("Data 2024"))
        p.check(!s->tab_color, "Data 2024 has no tab colour");
    if (const Sheet* s = p.sheet("Tersembunyi"); s && p.by({"lxw", "lo"}))
        p.check(s->visibility == Sheet::Visibility::hidden, "Tersembunyi is hidden");
    if (const Sheet* s = p.sheet("Ringkasan"))
        p.check(s->visibility == Sheet::Visibility::visible, "Ringkasan is visible");
    p.text("Rencana Aksi!A1", p.cell(p.sheet("Rencana Aksi"), "A1"), "Lembar Rencana Aksi");
    p.number("Data 2024!A2", p.cell(p.sheet("Data 2024"), "A2"), 2024);
}

namespace {

// Rich runs without the empty ones Gnumeric appends.
std::vector<RichRun> runs(Probe& p, const Cell* c, const std::string& where) {
    std::vector<RichRun> out;
    if (!c) return out;
    p.check(c->rich != nullptr, where + " is rich text");
    if (c->rich)
        for (const auto& run : *c->rich)
            if (!run.text.empty()) out.push_back(run);
    return out;
}

}  // namespace

void expect_values(Probe& p) {
    const Sheet* s = p.sheet("Nilai");
    p.number("A4", p.cell(s, "A4"), 92.5);
    p.number("A5", p.cell(s, "A5"), 1e-7);
    p.number("A6", p.cell(s, "A6"), 1234567.891);
    p.number("A7", p.cell(s, "A7"), 1e20);
    p.number("A10", p.cell(s, "A10"), -0.5);
    p.text("B2", p.cell(s, "B2"), "Capaian \xe2\x89\xa5 100% \xe2\x80\x93 Selesai");
    p.text("B3", p.cell(s, "B3"), "  spasi di tepi  ");
    p.text("B4", p.cell(s, "B4"), "baris satu\nbaris dua");
    p.text("B5", p.cell(s, "B5"), "007");
    p.text("B6", p.cell(s, "B6"), "<a & b> \"kutip\" 'tunggal'");
    if (p.by({"lxw", "lo"})) p.text("B7", p.cell(s, "B7"), "kontrol\x01karakter");
    p.text("B8", p.cell(s, "B8"), "=bukan rumus");

    const Cell* c1 = p.cell(s, "C1");
    auto r1 = runs(p, c1, "C1");
    p.equal("C1 run count", r1.size(), std::size_t{4});
    if (c1) p.equal("C1 text", c1->value.text, std::string("Capaian tebal dan merah miring"));
    if (r1.size() == 4) {
        p.equal("C1 run 2 text", r1[1].text, std::string("tebal"));
        p.check(r1[1].font && r1[1].font->bold, "C1 run 2 is bold");
        p.check(!r1[0].font || !r1[0].font->bold, "C1 run 1 is not bold");
        p.check(r1[3].font && r1[3].font->italic, "C1 run 4 is italic");
        if (r1[3].font) p.rgb("C1 run 4 colour", r1[3].font->color, 0xFF0000);
    }
    auto r2 = runs(p, p.cell(s, "C2"), "C2");
    if (!r2.empty() && r2[0].font) {
        if (p.by({"lxw", "lo"})) p.equal("C2 run 1 font", r2[0].font->name, std::string("Arial"));
        p.near("C2 run 1 size", r2[0].font->size, 14, 0);
        p.rgb("C2 run 1 colour", r2[0].font->color, 0x0070C0);
    }

    if (const Cell* c = p.cell(s, "D1"))
        p.check(c->value.kind == CellValue::Kind::boolean && c->value.number == 1, "D1 is TRUE");
    if (const Cell* c = p.cell(s, "D2"))
        p.check(c->value.kind == CellValue::Kind::boolean && c->value.number == 0, "D2 is FALSE");
    if (const Cell* c = p.cell(s, "E1")) p.equal("E1 formula", c->formula, std::string("A2+A4"));
    p.number("E1 cached", p.cell(s, "E1"), 93.5);
    p.number("E2 cached", p.cell(s, "E2"), 92.5000001);
    p.text("E3 cached", p.cell(s, "E3"), "Lapas Kelas I");
    if (const Cell* c = p.cell(s, "E6")) {
        p.equal("E6 formula", c->formula, std::string("SUM(A1:A3*A2:A4)"));
        CellRange ref{};
        std::string array_ref(s->array_ref(c->row, c->col));
        p.check(parse_range(array_ref, ref) && ref == CellRange{5, 4, 5, 4},
                "E6 is an array formula over E6, got '" + array_ref + "'");
        p.number("E6 cached", c, -93.5);
    }
    if (const Cell* c = p.cell(s, "E8")) {
        p.check(c->value.kind == CellValue::Kind::blank, "E8 is blank");
        p.equal("E8 fill pattern", p.style(*c).fill.pattern, FillPattern::solid);
        p.rgb("E8 fill", p.style(*c).fill.fg, 0xFFFF00);
    }
    if (s) {
        p.equal("hyperlink count", s->hyperlinks.size(), std::size_t{2});
        for (const auto& link : s->hyperlinks) {
            if (link.row == 0 && link.col == 5)
                p.equal("F1 link", link.url,
                        std::string("https://sakip.example.go.id/laporan?tahun=2024"));
            if (link.row == 1 && link.col == 5)
                p.equal("F2 link", link.location,
                        std::string(p.by({"gnm"}) ? "Nilai!A1" : "'Nilai'!A1"));
        }
    }
}

void check_expectations(const std::string& file, const Workbook& workbook) {
    static const std::map<std::string, std::function<void(Probe&)>> checks = {
        {"sheets", expect_sheets}, {"values", expect_values}, {"formulas", expect_formulas},
        {"1904", expect_1904},     {"styles", expect_styles}, {"layout", expect_layout},
        {"rules", expect_rules},   {"image", expect_image},   {"print", expect_print},
    };
    Probe probe(file, workbook);
    auto found = checks.find(topic_of(file));
    probe.check(found != checks.end(), "every fixture topic has spot checks");
    probe.check(!workbook.sheets.empty(), "the workbook has sheets");
    if (found != checks.end()) found->second(probe);
}

}  // namespace kinerja::test
