#include "pipeline/edits.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "model/notes.hpp"
#include "validate/validate.hpp"

namespace kinerja {

namespace {

using Position = std::pair<std::uint32_t, std::uint32_t>;

const std::string& number_format_of(const Workbook& workbook, const Cell& cell) {
    static const std::string general = "General";
    return cell.style < workbook.styles.size() ? workbook.styles[cell.style].num_format : general;
}

CellEdit edit_of(const std::string& sheet, const Workbook& after, const Cell& cell,
                 const std::string* old_format) {
    CellEdit e;
    e.sheet = sheet;
    e.row = cell.row;
    e.col = cell.col;
    e.formula = cell.formula;
    e.value = cell.value;
    const std::string& format = number_format_of(after, cell);
    if (old_format ? *old_format != format : format != "General") e.number_format = format;
    return e;
}

// The name mark_findings gave the Validasi sheet of `after`: "Validasi Kinerja" when the user
// has a "Validasi" of their own.
std::string validasi_name(const Workbook& before, const Workbook& after) {
    const std::string fallback = std::string(validasi_sheet_name) + " Kinerja";
    if (after.sheet(fallback) && !before.sheet(fallback)) return fallback;
    if (after.sheet(fallback) && after.sheet(validasi_sheet_name) &&
        before.sheet(validasi_sheet_name))
        return fallback;
    return validasi_sheet_name;
}

void diff_cells(const std::string& name, const Workbook& before, const Sheet& old_sheet,
                const Workbook& after, const Sheet& new_sheet, std::vector<CellEdit>& out) {
    auto o = old_sheet.cells.begin(), n = new_sheet.cells.begin();
    auto key = [](const Cell& c) { return Position{c.row, c.col}; };
    while (o != old_sheet.cells.end() || n != new_sheet.cells.end()) {
        bool take_old =
            n == new_sheet.cells.end() || (o != old_sheet.cells.end() && key(*o) < key(*n));
        bool take_new =
            o == old_sheet.cells.end() || (n != new_sheet.cells.end() && key(*n) < key(*o));
        if (take_old) {
            CellEdit e;
            e.sheet = name;
            e.row = o->row;
            e.col = o->col;
            e.clear = true;
            out.push_back(std::move(e));
            ++o;
        } else if (take_new) {
            out.push_back(edit_of(name, after, *n, nullptr));
            ++n;
        } else {
            const std::string& old_format = number_format_of(before, *o);
            bool same = o->value == n->value && o->formula == n->formula &&
                        old_format == number_format_of(after, *n) &&
                        old_sheet.array_ref(o->row, o->col) == new_sheet.array_ref(n->row, n->col);
            if (!same) out.push_back(edit_of(name, after, *n, &old_format));
            ++o;
            ++n;
        }
    }
}

std::map<Position, std::string> kinerja_notes(const Sheet* sheet) {
    std::map<Position, std::string> notes;
    if (sheet)
        for (const Comment& c : sheet->comments)
            if (c.author == note_author) notes[{c.row, c.col}] = c.text;
    return notes;
}

// The single-cell conditional formats with a fill and no other effect: Kinerja's highlights
// (and any alike; a user's rule of the same shape that both models hold is no edit).
std::vector<HighlightEdit> highlights_of(const std::string& name, const Sheet* sheet) {
    std::vector<HighlightEdit> out;
    if (!sheet) return out;
    for (const ConditionalFormat& cf : sheet->conditional_formats) {
        if (cf.type != "expression" || cf.ranges.size() != 1 || !cf.style || !cf.style->fill)
            continue;
        const CellRange& r = cf.ranges[0];
        if (r.first_row != r.last_row || r.first_col != r.last_col) continue;
        HighlightEdit h;
        h.sheet = name;
        h.row = r.first_row;
        h.col = r.first_col;
        h.colour = cf.style->fill->bg.value_or(cf.style->fill->fg.value_or(0xFFC7CE));
        out.push_back(h);
    }
    return out;
}

void diff_marks(const std::string& name, const Sheet* old_sheet, const Sheet& new_sheet,
                FillEdits& out, std::vector<HighlightEdit>& added) {
    auto old_notes = kinerja_notes(old_sheet), new_notes = kinerja_notes(&new_sheet);
    std::map<Position, std::string> all = old_notes;
    for (const auto& [at, text] : new_notes) all[at] = text;
    for (const auto& [at, _] : all) {
        auto o = old_notes.find(at), n = new_notes.find(at);
        std::string text = n == new_notes.end() ? "" : n->second;
        if (o != old_notes.end() && o->second == text) continue;
        out.notes.push_back({name, at.first, at.second, text});
    }
    // Highlights: those that differ between the two models; removals go first.
    auto old_marks = highlights_of(name, old_sheet), new_marks = highlights_of(name, &new_sheet);
    auto same = [](const HighlightEdit& a, const HighlightEdit& b) {
        return a.row == b.row && a.col == b.col && a.colour == b.colour;
    };
    std::vector<HighlightEdit> still(old_marks);
    for (const HighlightEdit& h : new_marks) {
        auto it = std::find_if(still.begin(), still.end(),
                               [&](const HighlightEdit& o) { return same(o, h); });
        if (it != still.end())
            still.erase(it);
        else
            added.push_back(h);
    }
    for (HighlightEdit& h : still) {
        h.remove = true;
        out.highlights.push_back(h);
    }
}

SheetEdit added_sheet(const Sheet& sheet) {
    SheetEdit s;
    s.name = sheet.name;
    s.tab_color = sheet.tab_color;
    for (const ColumnInfo& c : sheet.columns)
        if (c.width)
            for (std::uint32_t col = c.first; col <= c.last && col < c.first + 256; ++col)
                s.column_widths.emplace_back(col, *c.width);
    s.frozen_rows = sheet.view.frozen_rows;
    s.header_rows = sheet.view.frozen_rows;
    s.links = sheet.hyperlinks;
    return s;
}

}  // namespace

FillEdits fill_edits(const Workbook& before, const Workbook& after) {
    FillEdits out;
    const std::string validasi = validasi_name(before, after);
    auto whole = [&](const Sheet& s) { return s.name == validasi || !before.sheet(s.name); };
    for (const Sheet& s : before.sheets)
        if (!after.sheet(s.name) || (s.name == validasi && after.sheet(s.name)))
            out.sheets.push_back({SheetEdit::Action::remove, s.name, {}, {}, 0, {}, 0});
    std::vector<HighlightEdit> added;
    for (const Sheet& s : after.sheets) {
        if (whole(s)) {
            out.sheets.push_back(added_sheet(s));
            for (const Cell& c : s.cells) out.cells.push_back(edit_of(s.name, after, c, nullptr));
            diff_marks(s.name, nullptr, s, out, added);
            continue;
        }
        const Sheet& old_sheet = *before.sheet(s.name);
        diff_cells(s.name, before, old_sheet, after, s, out.cells);
        diff_marks(s.name, &old_sheet, s, out, added);
    }
    out.highlights.insert(out.highlights.end(), added.begin(), added.end());
    return out;
}

}  // namespace kinerja
