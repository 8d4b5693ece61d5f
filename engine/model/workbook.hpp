// The in-memory workbook: everything Kinerja reads from an .xlsx and writes back.
//
// The model is plain data. The reader fills it, later stages add to it, and the
// writer turns it back into an .xlsx. Colours are resolved RGB (0xRRGGBB) by the
// reader, so no stage needs the theme. Rows and columns are 0-based everywhere.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja {

using Rgb = std::uint32_t;  // 0xRRGGBB, already resolved from theme/indexed/tint

// ---------------------------------------------------------------- styles

struct Font {
    std::string name = "Calibri";
    double size = 11;
    bool bold = false;
    bool italic = false;
    bool strike = false;
    std::uint8_t underline =
        0;  // 0 none, 1 single, 2 double, 33 single accounting, 34 double accounting
    std::uint8_t vert_align = 0;  // 0 baseline, 1 superscript, 2 subscript
    std::optional<Rgb> color;     // unset = automatic
    std::uint8_t family = 0;
    std::string scheme;  // "minor", "major" or empty
    bool operator==(const Font&) const = default;
};

struct Fill {
    std::uint8_t pattern =
        0;  // ECMA-376 patternType order: 0 none, 1 solid, 2 mediumGray, ... 18 gray0625
    std::optional<Rgb> fg;  // for solid fills this is the visible colour
    std::optional<Rgb> bg;
    bool operator==(const Fill&) const = default;
};

struct BorderSide {
    std::uint8_t style =
        0;  // libxlsxwriter lxw_format_borders order: 0 none, 1 thin, 2 medium, ...
    std::optional<Rgb> color;
    bool operator==(const BorderSide&) const = default;
};

struct Border {
    BorderSide left, right, top, bottom, diagonal;
    bool diagonal_up = false;
    bool diagonal_down = false;
    bool operator==(const Border&) const = default;
};

struct Alignment {
    std::uint8_t horizontal = 0;  // 0 general, 1 left, 2 center, 3 right, 4 fill, 5 justify, 6
                                  // centerContinuous, 7 distributed
    std::uint8_t vertical = 0;    // 0 bottom (default), 1 top, 2 center, 3 justify, 4 distributed
    bool wrap = false;
    bool shrink = false;
    std::uint8_t indent = 0;
    std::int16_t rotation = 0;  // as in the file: 0-90, 91-180 (= -1..-90), 255 vertical text
    bool operator==(const Alignment&) const = default;
};

struct Protection {
    bool locked = true;
    bool hidden = false;
    bool operator==(const Protection&) const = default;
};

// One resolved cell format. Workbook::styles holds each distinct Style once.
struct Style {
    std::string num_format = "General";  // always the format string, built-in ids resolved
    Font font;
    Fill fill;
    Border border;
    Alignment alignment;
    Protection protection;
    bool operator==(const Style&) const = default;
};

// A differential format, as used by conditional formats: only the set parts apply.
struct DiffStyle {
    std::optional<std::string> num_format;
    std::optional<Rgb> font_color;
    std::optional<bool> bold, italic, strike;
    std::optional<std::uint8_t> underline;
    std::optional<Fill> fill;
    std::optional<Border> border;
    bool operator==(const DiffStyle&) const = default;
};

// ---------------------------------------------------------------- cells

struct CellValue {
    enum class Kind : std::uint8_t { blank, number, text, boolean, error };
    Kind kind = Kind::blank;
    double number = 0;  // number, or 0/1 for boolean
    std::string text;   // text, or the error code such as "#DIV/0!"
    bool operator==(const CellValue&) const = default;
};

struct RichRun {
    std::string text;
    std::optional<Font> font;  // unset = the cell's font
    bool operator==(const RichRun&) const = default;
};

struct Cell {
    std::uint32_t row = 0;
    std::uint32_t col = 0;
    std::uint32_t style = 0;  // index into Workbook::styles
    CellValue value;          // for formula cells: the cached result
    std::string formula;      // without the leading '='; empty if not a formula
    std::shared_ptr<const std::vector<RichRun>>
        rich;  // set for rich text; value.text is the concatenation
    // An array formula's range is kept by the sheet (Sheet::array_ref), not here: few cells
    // have one, and every byte of a Cell is paid by each of up to 50 million cells.
    bool is_formula() const { return !formula.empty(); }

    static Cell of_text(std::uint32_t row, std::uint32_t col, std::string text,
                        std::uint32_t style = 0) {
        Cell c;
        c.row = row;
        c.col = col;
        c.style = style;
        c.value.kind = CellValue::Kind::text;
        c.value.text = std::move(text);
        return c;
    }
    static Cell of_number(std::uint32_t row, std::uint32_t col, double number,
                          std::uint32_t style = 0) {
        Cell c;
        c.row = row;
        c.col = col;
        c.style = style;
        c.value.kind = CellValue::Kind::number;
        c.value.number = number;
        return c;
    }
};

// The reader's memory budget counts sizeof(Cell) per cell (ReadLimits::max_cell_memory_bytes,
// docs/architecture.md). A member added here costs that much for every cell of the largest
// workbooks: keep rare data beside the cells, as Sheet::array_ref does.
static_assert(sizeof(Cell) <= 112, "Cell grew: see the comment above");

struct CellRange {
    std::uint32_t first_row = 0, first_col = 0, last_row = 0, last_col = 0;
    bool contains(std::uint32_t r, std::uint32_t c) const {
        return r >= first_row && r <= last_row && c >= first_col && c <= last_col;
    }
    bool operator==(const CellRange&) const = default;
};

// ---------------------------------------------------------------- sheet parts

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
    // colorScale / dataBar: cfvo types ("min","max","num","percent","percentile","formula") and
    // values
    std::vector<std::pair<std::string, std::string>> thresholds;
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
    std::uint16_t zoom = 100;
    bool show_gridlines = true;
    bool right_to_left = false;
    bool operator==(const SheetView&) const = default;
};

struct Sheet {
    enum class Visibility : std::uint8_t { visible, hidden, very_hidden };

    std::string name;
    Visibility visibility = Visibility::visible;
    std::optional<Rgb> tab_color;

    // Sparse cells sorted by (row, col). Use find()/add_cell() rather than touching order.
    std::vector<Cell> cells;
    std::map<std::uint32_t, RowInfo> rows;
    std::vector<ColumnInfo> columns;  // sorted, non-overlapping spans
    std::optional<double> default_row_height;
    std::optional<double> default_col_width;  // <sheetFormatPr defaultColWidth>
    std::optional<std::uint16_t> base_col_width;

    std::vector<CellRange> merges;
    SheetView view;
    std::vector<DataValidation> validations;
    std::vector<ConditionalFormat> conditional_formats;
    std::vector<Comment> comments;
    std::vector<Hyperlink> hyperlinks;
    std::vector<Image> images;
    std::vector<Chart> charts;  // written only, see Chart
    std::optional<CellRange> autofilter;
    PageSetup page;

    const Cell* find(std::uint32_t row, std::uint32_t col) const;
    Cell* find(std::uint32_t row, std::uint32_t col);
    // Inserts or replaces the cell at (cell.row, cell.col), keeping the order.
    Cell& put(Cell cell);
    // Sorts cells and keeps the last of any duplicates; for readers that append.
    void normalize();
    // The merge that covers (row, col), if any.
    const CellRange* merge_at(std::uint32_t row, std::uint32_t col) const;

    // The range of the array formula anchored at (row, col) as the file gives it ("A1:B3"),
    // or empty when the cell holds no array formula. put() clears it with the cell it replaces.
    std::string_view array_ref(std::uint32_t row, std::uint32_t col) const;
    void set_array_ref(std::uint32_t row, std::uint32_t col, std::string ref);  // empty = none

private:
    // Array formula ranges by anchor (row, col): rare, so kept beside the cells.
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::string> array_refs_;
};

struct DefinedName {
    std::string name;      // e.g. "_xlnm.Print_Area", "_xlnm.Print_Titles", "Target"
    int local_sheet = -1;  // sheet index for sheet-scoped names, -1 for global
    std::string formula;   // e.g. "'Rencana Aksi'!$A$1:$P$40" (no leading '=')
    bool hidden = false;
    bool operator==(const DefinedName&) const = default;
};

struct DocProperties {
    std::string title, subject, creator, keywords, description, last_modified_by, category;
    std::string company, manager;
    std::string created;  // W3CDTF as in docProps/core.xml, e.g. "2024-01-05T08:00:00Z"
    std::string modified;
    bool operator==(const DocProperties&) const = default;
};

// Something in the source file that the model cannot carry and the writer will not emit.
struct DroppedPart {
    std::string part;  // zip part or "Sheet!A1" style location
    std::string
        what;  // short English kind: "chart", "pivot table", "VBA project", "table", "extLst", ...
    bool operator==(const DroppedPart&) const = default;
};

struct Workbook {
    std::vector<Sheet> sheets;
    std::vector<Style> styles{Style{}};  // index 0 is the default style
    std::vector<DefinedName> names;
    DocProperties properties;
    bool date1904 = false;
    std::uint32_t active_sheet = 0;
    std::vector<DroppedPart> dropped;

    // Index of an equal style, adding it if new.
    std::uint32_t intern_style(const Style& style);
    Sheet* sheet(const std::string& name);
    const Sheet* sheet(const std::string& name) const;
    // Removes sheet `index` with the names local to it; later sheets' local names and the
    // active sheet follow their sheets.
    void erase_sheet(std::size_t index);
};

// "A1" style helpers, 0-based.
std::string column_name(std::uint32_t col);                   // 0 -> "A", 16383 -> "XFD"
std::string cell_name(std::uint32_t row, std::uint32_t col);  // (0,0) -> "A1"
// A sheet name as a formula writes it: Data Kinerja -> 'Data Kinerja', O'Neil -> 'O''Neil'.
std::string quoted_sheet_name(std::string_view name);
std::string range_name(const CellRange& range);  // "A1:B2", or "A1" for one cell
// Parses "A1", "$B$7" or "XFD1048576". Returns false if it is not a cell reference.
bool parse_cell_name(std::string_view text, std::uint32_t& row, std::uint32_t& col);
// Parses "A1:B2" or "A1". Returns false if malformed.
bool parse_range(std::string_view text, CellRange& range);

constexpr std::uint32_t max_rows = 1048576;
constexpr std::uint32_t max_cols = 16384;

}  // namespace kinerja
