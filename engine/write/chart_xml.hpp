// Finishing the chart parts libxlsxwriter wrote (xl/charts/chartN.xml).
//
// libxlsxwriter 1.1.4 caches formula cells of a chart's ranges as 0 and numbers
// with 16 digits, and it cannot combine chart types. The writer knows the cells,
// so it rewrites each series' cached values, and it moves the series meant as
// lines (a 100% target) out of the column chart into a line chart on the same axes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kinerja::write_detail {

// What one series of a written chart should cache, in the order the series were added.
struct SeriesCache {
    std::string values_ref;  // "$B$2:$B$9": the end of the range formula, to check the part
    std::uint32_t value_count = 0;
    std::vector<std::pair<std::uint32_t, double>> values;  // point index, number; others are gaps
    bool has_categories = false;
    bool numeric_categories = false;
    std::uint32_t category_count = 0;
    std::vector<std::pair<std::uint32_t, std::string>> categories;   // point index, label (plain)
    std::vector<std::pair<std::uint32_t, double>> category_numbers;  // when numeric_categories
    bool line = false;  // to draw as a line over the columns
};

// Replaces each series' <c:cat> and <c:val> with caches built from `series`.
// Returns false, leaving `xml` as it was, if the part does not have these series.
bool rewrite_chart_caches(std::string& xml, const std::vector<SeriesCache>& series);

// Writes the value axis bounds exactly (libxlsxwriter prints them with 16 digits).
bool exact_axis_bounds(std::string& xml, std::optional<double> min, std::optional<double> max);

// Moves the series marked `line` from the <c:barChart> into a <c:lineChart> on the
// same axes, without markers. Returns false, leaving `xml` as it was, on surprise.
bool combine_line_series(std::string& xml, const std::vector<SeriesCache>& series);

}  // namespace kinerja::write_detail
