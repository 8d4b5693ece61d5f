// A fill expressed as edits: what `kinerja fill` changed in a workbook, cell by cell, so that
// another writer (the Excel add-in, through the Excel JavaScript API) can apply the same
// result to the workbook the user has open without rewriting it.
//
//     Workbook before = source.read();
//     Workbook after = before;
//     RunReport r = kinerja::process(engine, after);   // filled and marked in place
//     FillEdits e = kinerja::fill_edits(before, after);
//
// The edits are the difference of the two models, so they hold exactly what the writer gets:
// applied to `before` in order (sheets removed, sheets added, cells, notes, highlights) they
// give `after`'s values, formulas, number formats, Kinerja's notes and highlights.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/workbook.hpp"

namespace kinerja {

// One cell to write, or to clear (it held something and holds nothing now).
struct CellEdit {
    std::string sheet;
    std::uint32_t row = 0, col = 0;
    bool clear = false;
    std::string formula;  // without '='; empty: a plain value
    CellValue value;      // the value, or a formula's cached result
    // Set when the cell's number format changes (or a new cell's is not "General").
    std::optional<std::string> number_format;
};

// Kinerja's note on a cell: set to `text` (several lines), or removed when `text` is empty.
struct NoteEdit {
    std::string sheet;
    std::uint32_t row = 0, col = 0;
    std::string text;
};

// Kinerja's highlight (a conditional format that is always true) on one cell: added with its
// colour, or removed.
struct HighlightEdit {
    std::string sheet;
    std::uint32_t row = 0, col = 0;
    bool remove = false;
    Rgb colour = 0;
};

// A sheet the fill added (the Validasi sheet; replaced when an earlier fill had one) or
// removed (an earlier fill's Grafik). An added sheet's cells are CellEdits naming it.
struct SheetEdit {
    enum class Action : std::uint8_t { add, remove };
    Action action = Action::add;
    std::string name;
    std::optional<Rgb> tab_color;
    std::vector<std::pair<std::uint32_t, double>> column_widths;  // column, width in characters
    std::uint32_t frozen_rows = 0;
    std::vector<Hyperlink> links;   // internal links ("'Capaian'!F7")
    std::uint32_t header_rows = 0;  // the first rows are a bold header
};

struct FillEdits {
    std::vector<SheetEdit> sheets;  // removals first, then additions, in workbook order
    std::vector<CellEdit> cells;    // by sheet (after's order), then row, then column
    std::vector<NoteEdit> notes;
    std::vector<HighlightEdit> highlights;  // removals first
};

// The edits that turn `before` into `after` (both models of the same workbook; `after` is
// `before` filled and marked by process()). Sheets are matched by name; the Validasi sheet
// is always added whole (removing an earlier one of that name first).
FillEdits fill_edits(const Workbook& before, const Workbook& after);

}  // namespace kinerja
