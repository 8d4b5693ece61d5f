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

#include "model/carried.hpp"
#include "model/cell.hpp"
#include "model/protection.hpp"
#include "model/sheet_parts.hpp"
#include "model/style.hpp"

namespace kinerja {

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
    std::optional<AutoFilter> autofilter;
    PageSetup page;
    PartProtection protection;  // <sheetProtection>
    // Source parts this sheet keeps (charts, shapes, tables, extLst): engine/model/carried.hpp.
    std::shared_ptr<const CarriedSheet> carried;

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
    PartProtection protection;    // <workbookProtection>
    PartProtection file_sharing;  // <fileSharing>: read-only advice, reservation password's hash
    bool date1904 = false;
    std::uint32_t active_sheet = 0;
    std::vector<DroppedPart> dropped;
    std::shared_ptr<const CarriedBook> carried;  // null when nothing is carried
    // The source's theme part (colours and fonts that charts, shapes and theme-scheme fonts
    // refer to), verbatim; null when it had none, or one with parts of its own. Cell
    // colours are resolved to RGB when read, so only what is carried depends on it.
    std::shared_ptr<const std::string> theme;

    // Index of an equal style, adding it if new.
    std::uint32_t intern_style(const Style& style);
    Sheet* sheet(const std::string& name);
    const Sheet* sheet(const std::string& name) const;
    // Removes sheet `index` with the names local to it; later sheets' local names and the
    // active sheet follow their sheets.
    void erase_sheet(std::size_t index);
};

}  // namespace kinerja
