// A cell of the model: its value, formula and style index, plus ranges and A1 names.
// Rows and columns are 0-based everywhere.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/style.hpp"

namespace kinerja {

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
