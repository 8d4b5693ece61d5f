// Spot checks for lxw/lo/gnm-layout, -rules, -image and -print. What the converters
// lose, as seen in their XML:
//   LibreOffice (headless): freeze panes, zoom and hidden gridlines; comment authors.
//   Gnumeric: colour scales and data bars, image descriptions, comment visibility,
//   print titles (it writes them as an ERROR() name), print options (centring,
//   gridlines, headings) and the header's font code.
#include <algorithm>
#include <cmath>

#include "roundtrip/corpus.hpp"
#include "roundtrip/expectations.hpp"
#include "support/support.hpp"

namespace kinerja::test {

namespace {

const ColumnInfo* column(const Sheet* s, std::uint32_t col) {
    if (s)
        for (const auto& span : s->columns)
            if (span.first <= col && col <= span.last) return &span;
    return nullptr;
}

bool merged(const Sheet* s, const char* range) {
    CellRange want{};
    if (!s || !parse_range(range, want)) return false;
    for (const auto& m : s->merges)
        if (m == want) return true;
    return false;
}

template <class T>
const T* at(const std::vector<T>& items, const char* range) {
    CellRange want{};
    parse_range(range, want);
    for (const auto& item : items)
        for (const auto& r : item.ranges)
            if (r == want) return &item;
    return nullptr;
}

}  // namespace

void expect_layout(Probe& p) {
    const Sheet* s = p.sheet("Tata Letak");
    for (const char* range : {"A1:F1", "B3:C4", "A6:A8"})
        p.check(merged(s, range), std::string("merged range ") + range);
    p.number("B3 (merge anchor)", p.cell(s, "B3"), 123);
    if (const ColumnInfo* a = column(s, 0); a && a->width)
        p.near("column A width", *a->width, 30.7109375, 0.02);
    else
        p.check(false, "column A has a width");
    p.check(column(s, 2) && column(s, 2)->hidden, "column C is hidden");
    p.check(column(s, 3) && column(s, 3)->outline_level == 1, "column D is at outline level 1");
    p.check(column(s, 5) && column(s, 5)->hidden && column(s, 5)->outline_level == 2,
            "column F is hidden at outline level 2");
    if (!s) return;
    auto row = [&](std::uint32_t r) {
        auto it = s->rows.find(r);
        return it == s->rows.end() ? RowInfo{} : it->second;
    };
    p.check(row(0).height && std::abs(*row(0).height - 30) < 1e-9, "row 1 is 30 points high");
    p.check(row(4).hidden, "row 5 is hidden");
    p.equal("row 11 outline level", row(10).outline_level, std::uint8_t{1});
    p.check(row(12).hidden && row(12).outline_level == 2, "row 13 is hidden at outline level 2");
    p.check(row(15).height && std::abs(*row(15).height - 8.25) < 1e-9,
            "row 16 is 8.25 points high");
    p.check(s->default_row_height && std::abs(*s->default_row_height - 18) < 1e-9,
            "the default row height is 18");
    const Sheet* view = p.sheet("Tampilan");
    if (p.by({"lxw", "gnm"})) {
        p.equal("frozen rows", s->view.frozen_rows, 2u);
        p.equal("frozen columns", s->view.frozen_cols, 1u);
        p.equal("zoom", s->view.zoom, std::uint16_t{85});
        if (view) {
            p.equal("Tampilan zoom", view->view.zoom, std::uint16_t{150});
            p.equal("Tampilan frozen rows", view->view.frozen_rows, 1u);
            p.check(!view->view.show_gridlines, "Tampilan hides gridlines");
        }
    }
    if (view) {
        p.check(view->view.right_to_left, "Tampilan is right-to-left");
        p.check(view->autofilter && range_name(view->autofilter->range) == "A1:C10",
                "autofilter A1:C10");
    }
}

void expect_rules(Probe& p) {
    const Sheet* s = p.sheet("Aturan");
    if (!s) return;
    if (auto* v = at(s->validations, "C2:C11")) {
        p.equal("C list type", v->type, std::string("list"));
        p.equal("C list values", v->formula1, std::string("\"Belum,Proses,Selesai\""));
    } else {
        p.check(false, "a validation on C2:C11");
    }
    if (auto* v = at(s->validations, "B2:B11")) {
        p.equal("B type", v->type, std::string("decimal"));
        p.equal("B operator", v->op, std::string("greaterThanOrEqual"));
        p.equal("B formula", v->formula1, std::string("0"));
        p.equal("B prompt", v->prompt, std::string("Isi angka 0 atau lebih"));
        p.equal("B error", v->error, std::string("Realisasi tidak boleh negatif"));
    } else {
        p.check(false, "a validation on B2:B11");
    }
    if (auto* v = at(s->validations, "A2:A11")) {
        p.equal("A list source", v->formula1, std::string("$H$2:$H$4"));
        p.check(!v->show_dropdown && !v->allow_blank, "A hides its drop-down and refuses blanks");
    }
    if (auto* v = at(s->validations, "D2:D11")) {
        p.equal("D error style", v->error_style, std::string("warning"));
        p.equal("D bounds", v->formula1 + ".." + v->formula2, std::string("1..4"));
    }
    std::vector<std::string> capaian;
    for (const auto& f : s->conditional_formats)
        if (f.ranges.size() == 1 && range_name(f.ranges[0]) == "E2:E11")
            capaian.push_back(f.type + " " + f.op + " " +
                              (f.formulas.empty() ? "" : f.formulas[0]));
    p.equal("E rules", capaian.size(), std::size_t{2});
    p.check(std::count(capaian.begin(), capaian.end(), "cellIs lessThan 100") == 1,
            "E has a < 100 rule");
    p.check(std::count(capaian.begin(), capaian.end(), "cellIs greaterThanOrEqual 100") == 1,
            "E has a >= 100 rule");
    if (auto* f = at(s->conditional_formats, "C2:C11"))
        p.equal("C expression", f->formulas.empty() ? "" : f->formulas[0],
                std::string("$C2=\"Selesai\""));
    else
        p.check(false, "a conditional format on C2:C11");
    if (p.by({"lxw", "lo"})) {
        auto* scale = at(s->conditional_formats, "F2:F11");
        p.check(scale && scale->type == "colorScale" && scale->colors.size() == 3,
                "F has a 3-colour scale");
        if (scale && scale->colors.size() == 3) p.rgb("scale middle", scale->colors[1], 0xFFEB84);
        auto* bar = at(s->conditional_formats, "G2:G11");
        p.check(bar && bar->type == "dataBar", "G has a data bar");
    }
    p.equal("comment count", s->comments.size(), std::size_t{3});
    for (const auto& c : s->comments) {
        if (c.row == 1 && c.col == 1) {
            p.equal("B2 comment", c.text, std::string("Isi realisasi triwulan berjalan."));
            if (!p.by({"lo"})) p.equal("B2 author", c.author, std::string("Admin SAKIP"));
            p.check(!c.visible, "B2 comment is hidden");
        }
        if (c.row == 1 && c.col == 2 && p.by({"lxw"})) p.check(c.visible, "C2 comment is shown");
        if (c.row == 0 && c.col == 4)
            p.equal("E1 comment", c.text, std::string("Capaian = realisasi / target\nx 100%"));
    }
}

void expect_image(Probe& p) {
    std::string logo = read_file(corpus_dir() / "logo.png");
    const Sheet* s = p.sheet("Kop");
    if (!s) return;
    p.equal("image count on Kop", s->images.size(), std::size_t{2});
    for (const auto& image : s->images) {
        if (image.row == 1 && image.col == 1) {
            p.near("B2 image x offset", image.x_offset, 5, 1);
            p.near("B2 image y offset", image.y_offset, 3, 1);
            p.near("B2 image width", image.width, 96, 1);
            p.near("B2 image height", image.height, 48, 1);
            p.equal("B2 image type", image.extension, std::string("png"));
            p.check(image.data && *image.data == logo, "B2 image holds logo.png's bytes");
            if (!p.by({"gnm"}))
                p.equal("B2 image description", image.description, std::string("Logo Kementerian"));
        } else {
            p.check(image.row == 7 && image.col == 3, "the second image is anchored at D8");
            p.near("D8 image width", image.width, 48, 1);
        }
    }
    if (const Sheet* l = p.sheet("Lampiran"); l && l->images.size() == 1)
        p.near("Lampiran image width", l->images[0].width, 24, 1);
    else
        p.check(false, "Lampiran has one image");
}

void expect_print(Probe& p) {
    const Sheet* s = p.sheet("Cetak");
    if (!s) return;
    const PageSetup& page = s->page;
    p.equal("paper", page.paper, std::uint8_t{9});
    p.equal("orientation", page.orientation, std::string("landscape"));
    p.check(page.fit_to_page && page.fit_width == 1 && page.fit_height == 0,
            "fit to one page wide");
    p.near("left margin", page.margin_left, 0.5, 1e-9);
    p.near("header margin", page.margin_header, 0.4, 1e-9);
    p.near("footer margin", page.margin_footer, 0.35, 1e-9);
    p.equal("first page number", page.first_page_number.value_or(0), std::uint16_t{3});
    p.check(page.across_then_down, "pages go across, then down");
    p.equal("footer", page.footer, std::string("&LDicetak &D&RHalaman &P dari &N"));
    if (!p.by({"gnm"})) {
        p.equal("header", page.header, std::string("&C&\"Arial,Bold\"Laporan Kinerja Triwulan"));
        p.check(page.center_horizontally && page.print_gridlines && page.print_headings,
                "centred, with gridlines and headings");
    }
    if (const Sheet* portrait = p.sheet("Portrait")) {
        p.equal("Portrait paper", portrait->page.paper, std::uint8_t{1});
        p.equal("Portrait scale", portrait->page.scale, std::uint16_t{80});
        if (!p.by({"gnm"}))
            p.check(portrait->page.center_vertically, "Portrait is centred vertically");
    }
    auto name = [&](const std::string& n, int local) -> const DefinedName* {
        for (const auto& d : p.workbook.names)
            if (d.name == n && d.local_sheet == local) return &d;
        p.check(false, "a defined name " + n + " (scope " + std::to_string(local) + ")");
        return nullptr;
    };
    if (auto* n = name("_xlnm.Print_Area", 0))
        p.equal("print area", n->formula, std::string("Cetak!$A$1:$F$40"));
    if (p.by({"lxw", "lo"}))
        if (auto* n = name("_xlnm.Print_Titles", 0))
            p.equal("print titles", n->formula, std::string("Cetak!$A:$A,Cetak!$1:$2"));
    if (auto* n = name("TargetTotal", -1))
        p.equal("TargetTotal", n->formula, std::string("Cetak!$C$41"));
    if (auto* n = name("Pagu", 0)) p.equal("Pagu", n->formula, std::string("Cetak!$C$3:$C$40"));
    const DocProperties& props = p.workbook.properties;
    p.equal("title", props.title, std::string("Laporan Kinerja 2024"));
    p.equal("creator", props.creator, std::string("Biro Perencanaan"));
    p.equal("company", props.company, std::string("Kementerian Hukum"));
    p.equal("manager", props.manager, std::string("Kepala Biro"));
    p.equal("created", props.created, std::string("2024-01-05T08:00:00Z"));
    if (!p.by({"lo"})) p.equal("keywords", props.keywords, std::string("sakip, kinerja"));
}

}  // namespace kinerja::test
