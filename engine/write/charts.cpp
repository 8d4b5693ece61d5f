// Charts Kinerja generates (Sheet::charts), through libxlsxwriter's chart API.
// What that API cannot do (exact caches, a line over columns) is finished by a
// patch of the chart part (engine/write/chart_xml.hpp).
#include <cmath>
#include <optional>

#include "write/chart_xml.hpp"
#include "write/detail.hpp"
#include "write/numbers.hpp"
#include "write/patches.hpp"

namespace kinerja::write_detail {

namespace {

constexpr double default_width = 480, default_height = 288;  // libxlsxwriter's chart, pixels
constexpr std::uint32_t max_points = 32000;                  // Excel 2007's limit per series

struct SheetRange {
    const Sheet* sheet = nullptr;
    CellRange range;
    std::uint32_t count() const {
        return (range.last_row - range.first_row) + (range.last_col - range.first_col) + 1;
    }
    // The cell of point `i` of a one-row or one-column range.
    const Cell* cell(std::uint32_t i) const {
        bool down = range.first_col == range.last_col;
        return sheet->find(range.first_row + (down ? i : 0), range.first_col + (down ? 0 : i));
    }
};

// "'Grafik'!$B$2:$B$9", "=Data!B2:B9": a range of one row or column on a model sheet.
std::optional<SheetRange> parse_series_range(const Workbook& book, std::string_view text) {
    if (!text.empty() && text.front() == '=') text.remove_prefix(1);
    std::string name;
    std::size_t i = 0;
    if (!text.empty() && text.front() == '\'') {
        for (i = 1; i < text.size(); ++i) {
            if (text[i] != '\'') {
                name += text[i];
            } else if (i + 1 < text.size() && text[i + 1] == '\'') {
                name += '\'';
                ++i;
            } else {
                break;
            }
        }
        ++i;  // past the closing quote
    } else {
        i = text.find('!');
        if (i != std::string_view::npos) name = text.substr(0, i);
    }
    SheetRange result;
    if (i >= text.size() || text[i] != '!' || !parse_range(text.substr(i + 1), result.range))
        return std::nullopt;
    result.sheet = book.sheet(name);
    const CellRange& r = result.range;
    if (!result.sheet || (r.first_row != r.last_row && r.first_col != r.last_col))
        return std::nullopt;
    return result;
}

std::string range_end(const CellRange& r) {
    auto absolute = [](std::uint32_t row, std::uint32_t col) {
        return "$" + column_name(col) + "$" + std::to_string(row + 1);
    };
    std::string end = absolute(r.first_row, r.first_col);
    if (r.first_row != r.last_row || r.first_col != r.last_col)
        end += ":" + absolute(r.last_row, r.last_col);
    return end;
}

// Legend and axis text: plain (libxlsxwriter reads a leading '=' as a formula), no
// control characters (XML cannot carry them).
std::string chart_text(const std::string& text) {
    std::string out;
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
    while (!out.empty() && out.front() == '=') out.erase(0, 1);
    return out;
}

bool number_of(const Cell* cell, double& value) {
    if (!cell || cell->value.kind != CellValue::Kind::number || !std::isfinite(cell->value.number))
        return false;
    value = cell->value.number;
    return true;
}

void fill_cache(const SheetRange& values, const std::optional<SheetRange>& categories,
                SeriesCache& cache) {
    cache.values_ref = range_end(values.range);
    cache.value_count = values.count();
    for (std::uint32_t i = 0; i < cache.value_count; ++i)
        if (double v; number_of(values.cell(i), v)) cache.values.emplace_back(i, v);
    if (!categories) return;
    cache.has_categories = true;
    cache.category_count = categories->count();
    cache.numeric_categories = true;
    char text[number_text_size];
    for (std::uint32_t i = 0; i < cache.category_count; ++i) {
        const Cell* cell = categories->cell(i);
        if (!cell || cell->value.kind == CellValue::Kind::blank) continue;
        const CellValue& v = cell->value;
        if (double number; number_of(cell, number)) {
            cache.category_numbers.emplace_back(i, number);
            cache.categories.emplace_back(i, std::string(text, exact_number_text(number, text)));
            continue;
        }
        cache.numeric_categories = false;
        if (v.kind == CellValue::Kind::boolean)
            cache.categories.emplace_back(i, v.number != 0 ? "TRUE" : "FALSE");
        else if (v.kind != CellValue::Kind::number)
            cache.categories.emplace_back(i, chart_text(v.text));
    }
    if (cache.categories.empty()) cache.numeric_categories = false;
}

class ChartWriter {
public:
    ChartWriter(const SheetContext& ctx, const Chart& chart)
        : ctx_(ctx), chart_(chart), where_(cell_name(chart.row, chart.col)) {}

    void write() {
        if (chart_.row >= max_rows || chart_.col >= max_cols) {
            ctx_.drop(where_, "chart out of bounds");
            return;
        }
        std::vector<const Chart::Series*> series;
        std::vector<SeriesCache> caches;
        std::vector<std::pair<SheetRange, std::optional<SheetRange>>> ranges;
        for (const Chart::Series& s : chart_.series) {
            auto values = parse_series_range(ctx_.workbook, s.values);
            std::optional<SheetRange> categories;
            if (!s.categories.empty()) categories = parse_series_range(ctx_.workbook, s.categories);
            if (!values || (!s.categories.empty() && !categories)) {
                ctx_.drop(where_,
                          "chart series with a range that is not one row or column of "
                          "a sheet left out");
                continue;
            }
            if (values->count() > max_points || (categories && categories->count() > max_points)) {
                ctx_.drop(where_, "chart series of more than 32000 points left out");
                continue;
            }
            series.push_back(&s);
            ranges.emplace_back(*values, categories);
            caches.emplace_back();
            fill_cache(*values, categories, caches.back());
        }
        if (series.empty()) {
            ctx_.drop(where_, "chart without a series it can draw");
            return;
        }
        std::size_t lines = 0;
        for (std::size_t i = 0; i < series.size(); ++i) {
            caches[i].line = series[i]->line;
            if (series[i]->line) ++lines;
        }
        std::uint8_t type = LXW_CHART_COLUMN;
        if (chart_.type == Chart::Type::line || lines == series.size()) type = LXW_CHART_LINE;
        if (chart_.type == Chart::Type::bar) type = LXW_CHART_BAR;
        if (type == LXW_CHART_BAR && lines > 0)
            ctx_.drop(where_, "line series in a horizontal bar chart drawn as bars");
        bool combine = type == LXW_CHART_COLUMN && lines > 0;
        if (!combine)
            for (SeriesCache& c : caches) c.line = false;

        lxw_chart* chart = workbook_add_chart(ctx_.book, type);
        if (!chart) {
            ctx_.drop(where_, "chart (libxlsxwriter could not create it)");
            return;
        }
        for (std::size_t i = 0; i < series.size(); ++i)
            add_series(chart, *series[i], ranges[i].first, ranges[i].second,
                       type == LXW_CHART_LINE || caches[i].line);
        decorate(chart, type);
        if (!insert(chart)) return;
        std::string part = "xl/charts/chart" + std::to_string(++ctx_.charts_written) + ".xml";
        ctx_.patches.edit_part(
            part, [caches](std::string& xml) { return rewrite_chart_caches(xml, caches); },
            {ctx_.model.name, where_, "chart values cached as libxlsxwriter wrote them"});
        if (value_min_ || value_max_)
            ctx_.patches.edit_part(
                part,
                [min = value_min_, max = value_max_](std::string& xml) {
                    return exact_axis_bounds(xml, min, max);
                },
                {ctx_.model.name, where_, "chart axis bound written with 16 significant digits"});
        if (combine)
            ctx_.patches.edit_part(
                part, [caches](std::string& xml) { return combine_line_series(xml, caches); },
                {ctx_.model.name, where_, "line series over columns drawn as columns"});
    }

private:
    void add_series(lxw_chart* chart, const Chart::Series& model, const SheetRange& values,
                    const std::optional<SheetRange>& categories, bool as_line) {
        lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
        if (!s) return;  // libxlsxwriter is out of memory; caught when the file closes
        auto set = [](auto setter, lxw_chart_series* series, const SheetRange& r) {
            setter(series, r.sheet->name.c_str(), r.range.first_row,
                   static_cast<lxw_col_t>(r.range.first_col), r.range.last_row,
                   static_cast<lxw_col_t>(r.range.last_col));
        };
        if (categories) set(chart_series_set_categories, s, *categories);
        set(chart_series_set_values, s, values);
        std::string name = chart_text(model.name);
        if (!name.empty()) chart_series_set_name(s, name.c_str());
        if (as_line) {
            lxw_chart_line line{};
            line.width = 2.25;
            if (model.color) line.color = lxw_rgb(*model.color);
            chart_series_set_line(s, &line);
        } else if (model.color) {
            lxw_chart_fill fill{};
            fill.color = lxw_rgb(*model.color);
            chart_series_set_fill(s, &fill);
        }
        if (model.labels) chart_series_set_labels(s);
    }

    void decorate(lxw_chart* chart, std::uint8_t type) {
        std::string title = chart_text(chart_.title);
        if (title.empty())
            chart_title_off(chart);
        else
            chart_title_set_name(chart, title.c_str());
        // libxlsxwriter's x axis is the horizontal one: the value axis of a bar chart.
        bool bar = type == LXW_CHART_BAR;
        lxw_chart_axis* category_axis = bar ? chart->y_axis : chart->x_axis;
        lxw_chart_axis* value_axis = bar ? chart->x_axis : chart->y_axis;
        std::string category_title = chart_text(chart_.category_title);
        std::string value_title = chart_text(chart_.value_title);
        if (!category_title.empty()) chart_axis_set_name(category_axis, category_title.c_str());
        if (!value_title.empty()) chart_axis_set_name(value_axis, value_title.c_str());
        auto bound = [&](std::optional<double> value) -> std::optional<double> {
            if (value && !in_range(*value, -1e300, 1e300)) {
                ctx_.drop(where_, "chart axis bound that is not a number left automatic");
                return std::nullopt;
            }
            return value;
        };
        value_min_ = bound(chart_.value_min);
        value_max_ = bound(chart_.value_max);
        if (value_min_ && value_max_ && *value_min_ >= *value_max_) {
            ctx_.drop(where_, "chart axis minimum not below its maximum: both left automatic");
            value_min_.reset();
            value_max_.reset();
        }
        if (value_min_) chart_axis_set_min(value_axis, *value_min_);
        if (value_max_) chart_axis_set_max(value_axis, *value_max_);
        chart_legend_set_position(chart,
                                  chart_.legend ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE);
    }

    bool insert(lxw_chart* chart) {
        bool sized = in_range(chart_.width, 1, 1e5) && in_range(chart_.height, 1, 1e5);
        if (!sized) ctx_.drop(where_, "chart size out of range: drawn at 480 x 288 pixels");
        lxw_chart_options options{};
        options.x_scale = sized ? chart_.width / default_width : 1;
        options.y_scale = sized ? chart_.height / default_height : 1;
        std::string description = chart_text(chart_.title);
        options.description = description.empty() ? nullptr : description.data();
        return ctx_.check(
            worksheet_insert_chart_opt(ctx_.sheet, chart_.row, static_cast<lxw_col_t>(chart_.col),
                                       chart, &options),
            where_, "chart");
    }

    const SheetContext& ctx_;
    const Chart& chart_;
    std::string where_;
    std::optional<double> value_min_, value_max_;
};

}  // namespace

void write_charts(const SheetContext& ctx) {
    for (const Chart& chart : ctx.model.charts) ChartWriter(ctx, chart).write();
}

}  // namespace kinerja::write_detail
