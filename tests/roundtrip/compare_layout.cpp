// Rows, columns and merges: sizes, visibility, outline levels and default styles.
#include <algorithm>
#include <map>
#include <set>

#include "roundtrip/compare_detail.hpp"

namespace kinerja::test::compare_detail {

namespace {

// A row or column default style: unset means "the workbook's default style", which
// is compared once for the workbook.
const Style& resolve(const Workbook& wb, std::optional<std::uint32_t> index) {
    if (index && *index < wb.styles.size()) return wb.styles[*index];
    return wb.styles.front();
}

// Column spans may be split or joined differently by different writers, so compare
// column by column. Spans are bounded by max_cols, so this stays small.
std::map<std::uint32_t, const ColumnInfo*> by_column(const Sheet& sheet) {
    std::map<std::uint32_t, const ColumnInfo*> out;
    for (const auto& span : sheet.columns)
        for (std::uint32_t c = span.first; c <= std::min(span.last, max_cols - 1); ++c)
            out[c] = &span;
    return out;
}

}  // namespace

double default_height(const Sheet& sheet) {
    return sheet.default_row_height.value_or(default_row_points);
}

void compare_rows(Recorder& r, const Workbook& wa, const Sheet& a, const Workbook& wb,
                  const Sheet& b) {
    std::set<std::uint32_t> keys;
    for (const auto& [row, info] : a.rows) keys.insert(row);
    for (const auto& [row, info] : b.rows) keys.insert(row);
    const RowInfo none;
    r.area = "row";
    for (std::uint32_t row : keys) {
        auto ia = a.rows.find(row);
        auto ib = b.rows.find(row);
        const RowInfo& x = ia == a.rows.end() ? none : ia->second;
        const RowInfo& y = ib == b.rows.end() ? none : ib->second;
        r.where = "row " + std::to_string(row + 1);
        // An unset height is the sheet's default height; writers differ in whether
        // they spell out a height equal to the default.
        r.near("height", x.height ? x.height : default_height(a),
               y.height ? y.height : default_height(b), point_tolerance);
        r.same("hidden", x.hidden, y.hidden);
        r.same("collapsed", x.collapsed, y.collapsed);
        r.same("outline_level", x.outline_level, y.outline_level);
        if (x.style || y.style)
            compare_style(r, "style.", resolve(wa, x.style), resolve(wb, y.style));
    }
}

void compare_columns(Recorder& r, const Workbook& wa, const Sheet& a, const Workbook& wb,
                     const Sheet& b) {
    auto ca = by_column(a);
    auto cb = by_column(b);
    std::set<std::uint32_t> keys;
    for (const auto& [col, info] : ca) keys.insert(col);
    for (const auto& [col, info] : cb) keys.insert(col);
    const ColumnInfo none;
    // Runs of neighbouring columns with the same differences are reported once
    // ("columns H:XFD"), since writers often describe every column to the last.
    std::vector<Difference> run;
    std::uint32_t run_first = 0, run_last = 0;
    auto flush = [&] {
        r.area = "column";
        r.where = run_first == run_last
                      ? "column " + column_name(run_first)
                      : "columns " + column_name(run_first) + ":" + column_name(run_last);
        for (const auto& d : run) r.add(d.field, d.expected, d.got);
        run.clear();
    };
    for (std::uint32_t col : keys) {
        auto ia = ca.find(col);
        auto ib = cb.find(col);
        const ColumnInfo& x = ia == ca.end() ? none : *ia->second;
        const ColumnInfo& y = ib == cb.end() ? none : *ib->second;
        std::vector<Difference> here;
        Recorder c(here);
        c.near("width", x.width ? x.width : a.default_col_width,
               y.width ? y.width : b.default_col_width, column_width_tolerance);
        c.same("hidden", x.hidden, y.hidden);
        c.same("collapsed", x.collapsed, y.collapsed);
        c.same("outline_level", x.outline_level, y.outline_level);
        if (x.style || y.style)
            compare_style(c, "style.", resolve(wa, x.style), resolve(wb, y.style));
        auto same_as_run = [&] {
            if (here.size() != run.size() || col != run_last + 1) return false;
            for (std::size_t i = 0; i < here.size(); ++i)
                if (here[i].field != run[i].field || here[i].expected != run[i].expected ||
                    here[i].got != run[i].got)
                    return false;
            return true;
        };
        if (!run.empty() && same_as_run()) {
            run_last = col;
            continue;
        }
        if (!run.empty()) flush();
        if (!here.empty()) run = std::move(here), run_first = run_last = col;
    }
    if (!run.empty()) flush();
}

void compare_merges(Recorder& r, const Sheet& a, const Sheet& b) {
    auto key = [](const CellRange& m) {
        return std::make_tuple(m.first_row, m.first_col, m.last_row, m.last_col);
    };
    std::set<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t>> sa, sb;
    for (const auto& m : a.merges) sa.insert(key(m));
    for (const auto& m : b.merges) sb.insert(key(m));
    r.area = "merge";
    for (const auto& m : a.merges)
        if (!sb.count(key(m))) r.where = range_name(m), r.add("range", "merged", "missing");
    for (const auto& m : b.merges)
        if (!sa.count(key(m))) r.where = range_name(m), r.add("range", "absent", "merged");
}

}  // namespace kinerja::test::compare_detail
