// The parts of a sheet besides its cells: rows, columns, validations, conditional formats,
// comments, links, images, page setup, generated charts and views.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/cell.hpp"
#include "model/style.hpp"

namespace kinerja {

struct RowInfo {
    std::optional<double> height;  // points; unset = default height
    bool hidden = false;
    bool collapsed = false;
    std::uint8_t outline_level = 0;
    std::optional<std::uint32_t> style;  // row default style, if customFormat
    bool operator==(const RowInfo&) const = default;
};

struct ColumnInfo {
    std::uint32_t first = 0, last = 0;
    std::optional<double> width;  // as stored in the file (character units incl. padding)
    bool hidden = false;
    bool collapsed = false;
    std::uint8_t outline_level = 0;
    std::optional<std::uint32_t> style;
    bool operator==(const ColumnInfo&) const = default;
};

struct DataValidation {
    std::vector<CellRange> ranges;
    std::string type;  // "whole", "decimal", "list", "date", "time", "textLength", "custom", "any"
    std::string op;    // "between", "notBetween", "equal", "notEqual", "greaterThan", ...
    std::string formula1;  // as in the file, e.g. "0" or "\"Belum,Proses,Selesai\"" or "$A$1:$A$3"
    std::string formula2;
    bool allow_blank = true;
    bool show_dropdown = true;  // note: the file stores the inverse (showDropDown=1 hides it)
    bool show_input = true;
    bool show_error = true;
    std::string error_style;  // "stop", "warning", "information"
    std::string prompt_title, prompt;
    std::string error_title, error;
    bool operator==(const DataValidation&) const = default;
};

struct ConditionalFormat {
    std::vector<CellRange> ranges;
    std::string
        type;  // ECMA-376 cfRule type: "cellIs", "expression", "containsText", "colorScale", ...
    std::string op;  // for cellIs: "lessThan", "between", ...
    std::vector<std::string> formulas;
    std::string text;  // for text rules
    std::optional<DiffStyle> style;
    int priority = 0;
    bool stop_if_true = false;
    // colorScale / dataBar / iconSet: cfvo types ("min","max","num","percent","percentile",
    // "formula") and values
    std::vector<std::pair<std::string, std::string>> thresholds;
    // iconSet (its name, "3Arrows", in `text`): icons in reverse order, icons without the value
    bool reverse_icons = false, icons_only = false;
    std::vector<Rgb> colors;
    // top10 / aboveAverage
    int rank = 0;
    bool percent = false, bottom = false, above_average = true;
    bool operator==(const ConditionalFormat&) const = default;
};

struct Comment {
    std::uint32_t row = 0, col = 0;
    std::string author;
    std::string text;
    bool visible = false;
    bool operator==(const Comment&) const = default;
};

struct Hyperlink {
    std::uint32_t row = 0, col = 0;
    std::string url;       // external target, or empty
    std::string location;  // internal target such as "Sheet1!A1", or empty
    std::string tooltip;
    bool operator==(const Hyperlink&) const = default;
};

struct Image {
    std::uint32_t row = 0, col = 0;           // top-left anchor cell
    std::int32_t x_offset = 0, y_offset = 0;  // pixels inside that cell
    double width = 0, height = 0;             // displayed size in pixels (EMU / 9525)
    std::string extension;                    // "png", "jpeg", "gif", "bmp"
    std::string description;
    std::shared_ptr<const std::string> data;  // the image file's bytes
    bool operator==(const Image&) const = default;
};

// A picture in the page header or footer (the &G code), by its place as Excel names the
// VML shape: "LH", "CH", "RH" (header left, centre, right), "LF", "CF", "RF" (footer).
struct HeaderImage {
    std::string position;
    std::string extension;
    std::shared_ptr<const std::string> data;
    bool operator==(const HeaderImage&) const = default;
};

struct PageSetup {
    std::uint8_t paper = 0;   // 0 = printer default, 9 = A4, 1 = Letter, 5 = Legal, ...
    std::string orientation;  // "portrait", "landscape" or "" (default)
    std::uint16_t scale = 100;
    bool fit_to_page = false;                     // sheetPr/pageSetUpPr fitToPage
    std::uint16_t fit_width = 1, fit_height = 1;  // 0 = automatic
    double margin_left = 0.7, margin_right = 0.7, margin_top = 0.75, margin_bottom = 0.75;
    double margin_header = 0.3, margin_footer = 0.3;
    bool center_horizontally = false, center_vertically = false;
    bool print_gridlines = false, print_headings = false;
    std::optional<std::uint16_t> first_page_number;
    bool across_then_down = false;
    std::string header, footer;  // Excel header/footer codes (&C, &P, ...)
    std::vector<HeaderImage> header_images;
    // Manual page breaks: a row break N starts a page at row N + 1 (1-based), as <brk id>.
    std::vector<std::uint32_t> row_breaks, col_breaks;
    bool operator==(const PageSetup&) const = default;
};

// A chart Kinerja generates, such as the Grafik sheet's capaian per indicator. Charts in a
// source file are not read (they are listed in Workbook::dropped); these are written only.
// Ranges are formulas on a sheet of the same workbook, e.g. "'Grafik'!$B$2:$B$20"; the
// writer fills the chart's cached values from those cells of the model.
struct Chart {
    enum class Type : std::uint8_t { column, bar, line };  // bar: horizontal bars

    struct Series {
        std::string name;          // legend text, plain (not a formula)
        std::string categories;    // range of the category labels; empty = 1, 2, 3, ...
        std::string values;        // range of the numbers, one row or one column
        std::optional<Rgb> color;  // fill of columns and bars, colour of lines; unset = automatic
        bool line = false;         // in a column chart: a line over the columns (a 100% target)
        bool labels = false;       // the value shown at each point
        bool operator==(const Series&) const = default;
    };

    Type type = Type::column;
    std::string title, category_title, value_title;  // empty = none
    std::vector<Series> series;
    std::uint32_t row = 0, col = 0;              // top-left anchor cell
    double width = 720, height = 400;            // pixels
    std::optional<double> value_min, value_max;  // value axis bounds; unset = automatic
    bool legend = true;                          // shown below the plot
    bool operator==(const Chart&) const = default;
};

struct SheetView {
    std::uint32_t frozen_rows = 0, frozen_cols = 0;  // a freeze pane splits here
    // A split (not frozen) pane: where the bars are, in twips (1/20 pt) from the top-left of
    // the window, and the first cell shown in the bottom-right part.
    double split_x = 0, split_y = 0;
    std::uint32_t split_top_row = 0, split_left_col = 0;
    std::uint16_t zoom = 100;
    bool show_gridlines = true;
    bool right_to_left = false;
    bool summary_below = true, summary_right = true;  // <outlinePr>: where group totals are
    bool operator==(const SheetView&) const = default;
};

// The criteria of one column of an AutoFilter (<filterColumn>): the values shown
// (<filters>), or one or two comparisons (<customFilters>).
struct FilterColumn {
    enum class Op : std::uint8_t { equal, not_equal, greater, greater_equal, less, less_equal };
    struct Condition {
        Op op = Op::equal;
        std::string value;  // as in the file: a number, or text with * and ? wildcards
        bool operator==(const Condition&) const = default;
    };
    std::uint32_t col = 0;              // sheet column
    std::vector<std::string> values;    // shown values (as displayed)
    bool blanks = false;                // blank cells shown too
    std::vector<Condition> conditions;  // one or two; when set, `values` is empty
    bool match_all = false;             // both conditions (and), not either (or)
    // A criterion kept as the file says it, one element without children: "top10",
    // "dynamicFilter" (above average, this month...) or "iconFilter", with its attributes.
    std::string rule;
    std::vector<std::pair<std::string, std::string>> rule_attributes;
    bool operator==(const FilterColumn&) const = default;
};

struct AutoFilter {
    CellRange range;
    std::vector<FilterColumn> columns;  // the filtered columns, in the file's order
    bool operator==(const AutoFilter&) const = default;
};

}  // namespace kinerja
