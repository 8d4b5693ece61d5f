#include "roundtrip/compare.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "roundtrip/compare_detail.hpp"

namespace kinerja::test {

using compare_detail::Recorder;
using compare_detail::show;

std::string Difference::describe() const {
    std::string text = sheet.empty() ? "workbook" : "sheet '" + sheet + "'";
    if (!where.empty()) text += " " + where;
    return text + " [" + area + "] " + field + ": expected " + expected + ", got " + got;
}

namespace {

std::string show_value(const CellValue& v) {
    switch (v.kind) {
        case CellValue::Kind::blank:
            return "blank";
        case CellValue::Kind::number:
            return "number " + show(v.number);
        case CellValue::Kind::text:
            return "text " + show(v.text);
        case CellValue::Kind::boolean:
            return v.number != 0 ? "TRUE" : "FALSE";
        case CellValue::Kind::error:
            return "error " + v.text;
    }
    return "?";
}

bool same_value(const CellValue& a, const CellValue& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
        case CellValue::Kind::blank:
            return true;
        case CellValue::Kind::number: {
            double scale = std::max(std::fabs(a.number), std::fabs(b.number));
            return std::fabs(a.number - b.number) <= relative_number_tolerance * scale;
        }
        case CellValue::Kind::boolean:
            return (a.number != 0) == (b.number != 0);
        default:
            return a.text == b.text;
    }
}

// A run without a font of its own shows in the cell's font.
void compare_rich(Recorder& r, const Cell& a, const Font& cell_font_a, const Cell& b,
                  const Font& cell_font_b) {
    // Empty runs show nothing (Gnumeric ends every rich string with one).
    auto visible = [](const Cell& c) {
        std::vector<RichRun> runs;
        if (c.rich)
            for (const auto& run : *c.rich)
                if (!run.text.empty()) runs.push_back(run);
        return runs;
    };
    const auto ra = visible(a);
    const auto rb = visible(b);
    r.same("rich.runs", ra.size(), rb.size());
    for (std::size_t i = 0; i < std::min(ra.size(), rb.size()); ++i) {
        std::string run = "rich[" + std::to_string(i) + "].";
        r.same(run + "text", ra[i].text, rb[i].text);
        compare_detail::compare_font(r, run + "font.", ra[i].font ? *ra[i].font : cell_font_a,
                                     rb[i].font ? *rb[i].font : cell_font_b);
    }
}

// "E6:E6" and "E6" are the same array range.
std::string array_range(std::string_view ref) {
    CellRange range{};
    return ref.empty() || !parse_range(ref, range) ? std::string(ref) : range_name(range);
}

// A cell absent from one side is a blank cell in the default style there.
void compare_cells(Recorder& r, const Workbook& wa, const Sheet& a, const Workbook& wb,
                   const Sheet& b) {
    const Cell blank;
    auto ia = a.cells.begin(), ib = b.cells.begin();
    r.area = "cell";
    while (ia != a.cells.end() || ib != b.cells.end()) {
        bool take_a =
            ib == b.cells.end() ||
            (ia != a.cells.end() && std::tie(ia->row, ia->col) <= std::tie(ib->row, ib->col));
        bool take_b =
            ia == a.cells.end() ||
            (ib != b.cells.end() && std::tie(ib->row, ib->col) <= std::tie(ia->row, ia->col));
        const Cell& x = take_a ? *ia : blank;
        const Cell& y = take_b ? *ib : blank;
        const Cell& here = take_a ? x : y;
        r.where = cell_name(here.row, here.col);
        if (!same_value(x.value, y.value)) r.add("value", show_value(x.value), show_value(y.value));
        r.same("formula", x.formula, y.formula);
        r.same("array_ref", array_range(take_a ? a.array_ref(x.row, x.col) : ""),
               array_range(take_b ? b.array_ref(y.row, y.col) : ""));
        const Style& sx = x.style < wa.styles.size() ? wa.styles[x.style] : wa.styles[0];
        const Style& sy = y.style < wb.styles.size() ? wb.styles[y.style] : wb.styles[0];
        compare_rich(r, x, sx.font, y, sy.font);
        if (!(sx == sy)) compare_detail::compare_style(r, "style.", sx, sy);
        if (take_a) ++ia;
        if (take_b) ++ib;
    }
}

void compare_sheet(Recorder& r, const Workbook& wa, const Sheet& a, const Workbook& wb,
                   const Sheet& b) {
    r.sheet = a.name;
    r.area = "sheet";
    r.where = "";
    r.same("visibility", static_cast<int>(a.visibility), static_cast<int>(b.visibility));
    r.color("tab_color", a.tab_color, b.tab_color);
    r.near("default_row_height", compare_detail::default_height(a),
           compare_detail::default_height(b), point_tolerance);
    r.near("default_col_width", a.default_col_width, b.default_col_width, column_width_tolerance);
    r.same("base_col_width", a.base_col_width, b.base_col_width);
    r.area = "view";
    r.same("frozen_rows", a.view.frozen_rows, b.view.frozen_rows);
    r.same("frozen_cols", a.view.frozen_cols, b.view.frozen_cols);
    r.same("split_x", a.view.split_x, b.view.split_x);
    r.same("split_y", a.view.split_y, b.view.split_y);
    r.same("split_top_row", a.view.split_top_row, b.view.split_top_row);
    r.same("split_left_col", a.view.split_left_col, b.view.split_left_col);
    r.same("zoom", a.view.zoom, b.view.zoom);
    r.same("show_gridlines", a.view.show_gridlines, b.view.show_gridlines);
    r.same("right_to_left", a.view.right_to_left, b.view.right_to_left);
    r.same("summary_below", a.view.summary_below, b.view.summary_below);
    r.same("summary_right", a.view.summary_right, b.view.summary_right);
    r.area = "protection";
    r.same("sheet protection", compare_detail::attributes(a.protection),
           compare_detail::attributes(b.protection));
    r.area = "autofilter";
    auto filter = [](const std::optional<AutoFilter>& f) {
        if (!f) return std::string("none");
        std::string text = range_name(f->range);
        for (const FilterColumn& c : f->columns) {
            text += "; " + column_name(c.col) + (c.blanks ? " blanks" : "");
            for (const auto& value : c.values) text += " =" + value;
            for (const auto& condition : c.conditions)
                text +=
                    " op" + std::to_string(static_cast<int>(condition.op)) + ":" + condition.value;
            if (c.match_all) text += " (and)";
        }
        return text;
    };
    r.same("range and criteria", filter(a.autofilter), filter(b.autofilter));

    compare_cells(r, wa, a, wb, b);
    compare_detail::compare_rows(r, wa, a, wb, b);
    compare_detail::compare_columns(r, wa, a, wb, b);
    compare_detail::compare_merges(r, a, b);
    compare_detail::compare_validations(r, a, b);
    compare_detail::compare_conditional_formats(r, a, b);
    compare_detail::compare_comments_and_links(r, a, b);
    compare_detail::compare_images(r, a, b);
    compare_detail::compare_page(r, a.page, b.page);
}

void compare_names(Recorder& r, const Workbook& a, const Workbook& b) {
    auto key = [](const DefinedName& n) { return n.name + "@" + std::to_string(n.local_sheet); };
    std::map<std::string, const DefinedName*> ma, mb;
    // _xlnm._FilterDatabase only mirrors a sheet's autofilter, which is compared on its
    // own; libxlsxwriter adds one for every autofilter, other writers may not.
    auto mirrors_filter = [](const DefinedName& n) { return n.name == "_xlnm._FilterDatabase"; };
    for (const auto& n : a.names)
        if (!mirrors_filter(n)) ma[key(n)] = &n;
    for (const auto& n : b.names)
        if (!mirrors_filter(n)) mb[key(n)] = &n;
    r.sheet = "";
    r.area = "defined name";
    for (const auto& [k, n] : ma) {
        r.where = n->name +
                  (n->local_sheet >= 0 ? " (sheet " + std::to_string(n->local_sheet) + ")" : "");
        auto other = mb.find(k);
        if (other == mb.end()) {
            r.add("presence", "present", "missing");
            continue;
        }
        r.same("formula", n->formula, other->second->formula);
        r.same("hidden", n->hidden, other->second->hidden);
    }
    for (const auto& [k, n] : mb)
        if (!ma.count(k)) r.where = n->name, r.add("presence", "absent", "present");
}

void compare_properties(Recorder& r, const DocProperties& a, const DocProperties& b) {
    r.sheet = "";
    r.where = "";
    r.area = "properties";
    r.same("title", a.title, b.title);
    r.same("subject", a.subject, b.subject);
    r.same("creator", a.creator, b.creator);
    r.same("keywords", a.keywords, b.keywords);
    r.same("description", a.description, b.description);
    r.same("category", a.category, b.category);
    r.same("company", a.company, b.company);
    r.same("manager", a.manager, b.manager);
    r.same("created", a.created, b.created);
}

}  // namespace

std::vector<Difference> compare_workbooks(const Workbook& a, const Workbook& b) {
    std::vector<Difference> out;
    Recorder r(out);
    r.area = "workbook";
    r.same("sheets", a.sheets.size(), b.sheets.size());
    r.same("date1904", a.date1904, b.date1904);
    r.same("active_sheet", a.active_sheet, b.active_sheet);
    // The default style shows in unstyled cells, rows and columns.
    compare_detail::compare_style(r, "default_style.", a.styles.front(), b.styles.front());
    for (std::size_t i = 0; i < std::min(a.sheets.size(), b.sheets.size()); ++i) {
        r.sheet = a.sheets[i].name;
        r.area = "sheet";
        r.where = "";
        r.same("name", a.sheets[i].name, b.sheets[i].name);
        compare_sheet(r, a, a.sheets[i], b, b.sheets[i]);
    }
    compare_names(r, a, b);
    compare_properties(r, a.properties, b.properties);
    r.sheet = "";
    r.area = "protection";
    r.where = "";
    r.same("workbook protection", compare_detail::attributes(a.protection),
           compare_detail::attributes(b.protection));
    return out;
}

}  // namespace kinerja::test
