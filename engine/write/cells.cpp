// Cell values and formulas, merged ranges and hyperlinks.
#include <algorithm>
#include <array>
#include <cmath>

#include "write/detail.hpp"
#include "write/formats.hpp"
#include "write/numbers.hpp"
#include "write/patches.hpp"

namespace kinerja::write_detail {

namespace {

constexpr std::size_t max_formula_chars = 8192;  // Excel's limit for a formula's text
constexpr std::size_t max_tooltip_chars = 255;

// Error literals Excel accepts inside a formula.
constexpr std::array<std::string_view, 7> formula_errors{"#NULL!", "#DIV/0!", "#VALUE!", "#REF!",
                                                         "#NAME?", "#NUM!",   "#N/A"};

bool is_formula_error(std::string_view code) {
    return std::find(formula_errors.begin(), formula_errors.end(), code) != formula_errors.end();
}

class CellWriter {
public:
    explicit CellWriter(const SheetContext& ctx) : ctx_(ctx) {}

    void write(const Cell& cell) {
        format_ = ctx_.formats.cell(cell.style);
        row_ = cell.row;
        col_ = cell.col;
        if (cell.is_formula() && formula_fits(cell) && formula_is_local(cell))
            write_formula(cell);
        else if (cell.rich && cell.value.kind == CellValue::Kind::text)
            write_rich(cell);
        else
            write_value(cell);
    }

private:
    // Excel refuses to open a file with a longer formula: the cell keeps its last result.
    bool formula_fits(const Cell& cell) const {
        if (cell.formula.size() <= max_formula_chars ||  // bytes: never fewer than characters
            utf8_length(cell.formula) <= max_formula_chars)
            return true;
        ctx_.drop(where(), "formula longer than 8192 characters written as its last value");
        return false;
    }

    // A link into another workbook would dangle (the links are not carried): Excel would
    // repair the file. The cell keeps its last result.
    bool formula_is_local(const Cell& cell) const {
        if (!has_dangling_external_reference(cell.formula, ctx_.workbook)) return true;
        ctx_.drop(where(), "formula linked to another workbook written as its last value");
        return false;
    }

    // Sets the cached value libxlsxwriter could not type, after it has written the file.
    void patch(const char* type, const std::string& value, bool drop_formula,
               std::string fallback) const {
        ctx_.patches.cell_value(ctx_.index, where(), type, value, drop_formula,
                                {ctx_.model.name, where(), std::move(fallback)});
    }

    // Text as the cell should hold it: within Excel's limit, literal escapes kept.
    // Most text needs neither, and is passed as it is.
    const char* text(const std::string& value) {
        if (value.size() <= max_text_chars && !needs_protection(value)) return value.c_str();
        text_ = text_copy(value);
        return text_.c_str();
    }

    std::string text_copy(const std::string& value) const {
        bool cut = false;
        std::string kept = cell_text(value, cut);
        if (cut) ctx_.drop(where(), "text longer than 32767 characters truncated");
        return kept;
    }

    // Named only when something is reported: most cells never need their name.
    std::string where() const { return cell_name(row_, col_); }

    bool check(lxw_error error, const char* what) const {
        return error == LXW_NO_ERROR || ctx_.check(error, where(), what);
    }

    // libxlsxwriter printed `value` with 16 digits; the exact text comes by a patch.
    void exact(lxw_row_t row, lxw_col_t col, double value) const {
        if (needs_exact_text(value))
            ctx_.patches.cell_number(ctx_.index, ctx_.model.name, row, col, value);
    }

    void write_value(const Cell& cell) {
        const CellValue& v = cell.value;
        switch (v.kind) {
            case CellValue::Kind::blank:
                check(worksheet_write_blank(ctx_.sheet, row_, col_, format_), "blank cell");
                break;
            case CellValue::Kind::number:
                if (!std::isfinite(v.number)) {
                    ctx_.drop(where(), "infinite or NaN number written as #NUM!");
                    write_error("#NUM!");
                    break;
                }
                if (check(worksheet_write_number(ctx_.sheet, row_, col_, v.number, format_),
                          "number"))
                    exact(row_, col_, v.number);
                break;
            case CellValue::Kind::text:
                check(worksheet_write_string(ctx_.sheet, row_, col_, text(v.text), format_),
                      "text");
                break;
            case CellValue::Kind::boolean:
                check(worksheet_write_boolean(ctx_.sheet, row_, col_, v.number != 0, format_),
                      "boolean");
                break;
            case CellValue::Kind::error:
                write_error(v.text);
                break;
        }
    }

    // libxlsxwriter has no error cell (t="e"): it gets one by a patch. Until then,
    // and should the patch fail, a formula holding the error literal keeps it an
    // error in Excel; an error without such a literal is text.
    void write_error(const std::string& code) {
        if (!is_formula_error(code)) {
            check(worksheet_write_string(ctx_.sheet, row_, col_, text(code), format_),
                  "error value");
            patch("e", code, false, "error value without a formula literal written as text");
            return;
        }
        check(worksheet_write_formula_str(ctx_.sheet, row_, col_, code.c_str(), format_,
                                          code.c_str()),
              "error value");
        patch("e", code, true, "error value written as a formula (=" + code + ")");
    }

    void write_formula(const Cell& cell) {
        const CellValue& v = cell.value;
        std::string_view array_ref = ctx_.model.array_ref(cell.row, cell.col);
        if (!array_ref.empty() && write_array_formula(cell, array_ref)) return;
        const char* formula = cell.formula.c_str();
        if (v.kind == CellValue::Kind::number && std::isfinite(v.number)) {
            if (check(
                    worksheet_write_formula_num(ctx_.sheet, row_, col_, formula, format_, v.number),
                    "formula"))
                exact(row_, col_, v.number);
            return;
        }
        // libxlsxwriter 1.1.4 caches every non-number result as a string (t="str");
        // booleans and errors get their type by a patch.
        std::string cached;
        if (v.kind == CellValue::Kind::text) {
            cached = text(v.text);
        } else if (v.kind == CellValue::Kind::boolean) {
            cached = v.number != 0 ? "TRUE" : "FALSE";
            patch("b", v.number != 0 ? "1" : "0", false, "boolean formula result cached as text");
        } else if (v.kind == CellValue::Kind::error) {
            cached = v.text;
            patch("e", v.text, false, "error formula result cached as text");
        } else if (v.kind == CellValue::Kind::number) {
            cached = "#NUM!";
            ctx_.drop(where(), "infinite or NaN formula result cached as #NUM!");
            patch("e", cached, false, "error formula result cached as text");
        }
        check(worksheet_write_formula_str(ctx_.sheet, row_, col_, formula, format_, cached.c_str()),
              "formula");
    }

    // False when the range is bad: the caller writes the formula as a normal one.
    bool write_array_formula(const Cell& cell, std::string_view array_ref) {
        CellRange ref;
        if (!parse_range(array_ref, ref) || !ref.contains(cell.row, cell.col)) {
            ctx_.drop(where(), "array formula with a bad range written as a normal formula");
            return false;
        }
        // There is no string version of the array writer: the cache is patched.
        const CellValue& v = cell.value;
        double cached = v.kind == CellValue::Kind::number && std::isfinite(v.number) ? v.number : 0;
        const char* lost = "array formula text, boolean or error result cached as 0";
        if (v.kind == CellValue::Kind::text) patch("str", text(v.text), false, lost);
        if (v.kind == CellValue::Kind::boolean) patch("b", v.number != 0 ? "1" : "0", false, lost);
        if (v.kind == CellValue::Kind::error) patch("e", v.text, false, lost);
        std::string formula = "{=" + cell.formula + "}";
        if (check(worksheet_write_array_formula_num(ctx_.sheet, ref.first_row, ref.first_col,
                                                    ref.last_row, ref.last_col, formula.c_str(),
                                                    format_, cached),
                  "array formula"))
            exact(ref.first_row, static_cast<lxw_col_t>(ref.first_col), cached);
        return true;
    }

    void write_rich(const Cell& cell) {
        std::vector<const RichRun*> runs;
        for (const RichRun& run : *cell.rich)
            if (!run.text.empty()) runs.push_back(&run);
        std::size_t length = 0;
        for (const RichRun* run : runs) length += utf8_length(run->text);
        const Font& cell_font = ctx_.workbook.styles.size() > cell.style
                                    ? ctx_.workbook.styles[cell.style].font
                                    : Font{};
        auto run_format = [&](const RichRun& run) {
            return ctx_.formats.with_font(cell.style, run.font.value_or(cell_font));
        };
        // libxlsxwriter needs two or more runs; a single run's font becomes the cell's.
        if (runs.size() < 2 || length > max_text_chars) {
            lxw_format* format = runs.size() == 1 ? run_format(*runs.front()) : format_;
            if (runs.size() > 1)
                ctx_.drop(where(), "rich text over 32767 characters written plain");
            if (runs.size() == 1)
                ctx_.drop(where(), "rich text of one run written as plain text in its font");
            check(worksheet_write_string(ctx_.sheet, row_, col_, text(cell.value.text), format),
                  "rich text");
            return;
        }
        std::vector<lxw_rich_string_tuple> tuples(runs.size());
        std::vector<std::string> texts(runs.size());
        std::vector<lxw_rich_string_tuple*> pointers;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            texts[i] = protect_escapes(runs[i]->text);
            tuples[i].format = run_format(*runs[i]);
            tuples[i].string = texts[i].data();
            pointers.push_back(&tuples[i]);
        }
        pointers.push_back(nullptr);
        check(worksheet_write_rich_string(ctx_.sheet, row_, col_, pointers.data(), format_),
              "rich text");
    }

    const SheetContext& ctx_;
    lxw_format* format_ = nullptr;
    std::string text_;  // the last text() that had to be changed
    lxw_row_t row_ = 0;
    lxw_col_t col_ = 0;
};

bool overlaps(const CellRange& a, const CellRange& b) {
    return a.first_row <= b.last_row && b.first_row <= a.last_row && a.first_col <= b.last_col &&
           b.first_col <= a.last_col;
}

bool in_bounds(const CellRange& r) {
    return r.first_row <= r.last_row && r.first_col <= r.last_col && r.last_row < max_rows &&
           r.last_col < max_cols;
}

// worksheet_merge_range writes a blank into every cell of the range but the first: 17
// billion calls for A5:XFD1048576, with no effect here since there is no format (the
// cells are written afterwards with their own styles, so per-cell borders of the merged
// area survive). The merge is registered on the two cells at its bottom-right corner
// instead, which gives the same bounds check and sheet dimension, and the entry
// libxlsxwriter appends to its list of merges is then widened to the whole range.
lxw_error merge_without_blanks(lxw_worksheet* sheet, const CellRange& merge) {
    lxw_row_t top = merge.last_row;
    lxw_col_t left = static_cast<lxw_col_t>(merge.last_col);
    if (merge.last_col > merge.first_col)
        --left;
    else
        --top;
    lxw_merged_range** appended = sheet->merged_ranges->stqh_last;
    lxw_error error = worksheet_merge_range(sheet, top, left, merge.last_row,
                                            static_cast<lxw_col_t>(merge.last_col), "", nullptr);
    if (error == LXW_NO_ERROR && *appended) {
        (*appended)->first_row = merge.first_row;
        (*appended)->first_col = static_cast<lxw_col_t>(merge.first_col);
    }
    return error;
}

void write_merges(const SheetContext& ctx) {
    std::vector<CellRange> merges = ctx.model.merges;
    std::stable_sort(merges.begin(), merges.end(), [](const CellRange& a, const CellRange& b) {
        return a.first_row < b.first_row;
    });
    std::vector<CellRange> open;  // written merges that may still overlap later ones
    for (const CellRange& merge : merges) {
        std::string where = range_name(merge);
        if (!in_bounds(merge)) {
            ctx.drop(where, "merged range out of bounds");
            continue;
        }
        if (merge.first_row == merge.last_row && merge.first_col == merge.last_col) {
            ctx.drop(where, "merged range of a single cell");
            continue;
        }
        std::erase_if(open, [&](const CellRange& m) { return m.last_row < merge.first_row; });
        if (std::any_of(open.begin(), open.end(),
                        [&](const CellRange& m) { return overlaps(m, merge); })) {
            ctx.drop(where, "merged range overlapping another one");
            continue;
        }
        if (ctx.check(merge_without_blanks(ctx.sheet, merge), where, "merged range"))
            open.push_back(merge);
    }
}

// Written before the cells: libxlsxwriter writes the link's text into the cell, and
// the cell pass then overwrites it with the real value and style. Returns the cells
// where a link's text was stored.
std::vector<std::pair<lxw_row_t, lxw_col_t>> write_hyperlinks(const SheetContext& ctx) {
    std::vector<std::pair<lxw_row_t, lxw_col_t>> stored;
    for (const Hyperlink& link : ctx.model.hyperlinks) {
        std::string where = cell_name(link.row, link.col);
        if (link.row >= max_rows || link.col >= max_cols) {
            ctx.drop(where, "hyperlink out of bounds");
            continue;
        }
        std::string url;
        if (!link.url.empty())
            url = link.location.empty() ? link.url : link.url + "#" + link.location;
        else if (!link.location.empty())
            url = "internal:" + link.location;
        if (url.empty()) {
            ctx.drop(where, "hyperlink without a target");
            continue;
        }
        const Cell* cell = ctx.model.find(link.row, link.col);
        std::string display;
        if (cell && !cell->is_formula() && cell->value.kind == CellValue::Kind::text)
            display = protect_escapes(utf8_prefix(cell->value.text, max_text_chars));
        std::string tooltip = utf8_prefix(link.tooltip, max_tooltip_chars);
        if (tooltip.size() != link.tooltip.size())
            ctx.drop(where, "hyperlink tooltip longer than 255 characters truncated");
        lxw_format* format = ctx.formats.cell(cell ? cell->style : 0);
        if (ctx.check(worksheet_write_url_opt(ctx.sheet, link.row, static_cast<lxw_col_t>(link.col),
                                              url.c_str(), format, display.c_str(),
                                              tooltip.empty() ? nullptr : tooltip.c_str()),
                      where, "hyperlink"))
            stored.emplace_back(link.row, static_cast<lxw_col_t>(link.col));
    }
    std::sort(stored.begin(), stored.end());
    return stored;
}

const lxw_cell* stored_cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col) {
    lxw_row* found = lxw_worksheet_find_row(sheet, row);
    return found ? lxw_worksheet_find_cell_in_row(found, col) : nullptr;
}

}  // namespace

void write_cells(const SheetContext& ctx) {
    write_merges(ctx);
    auto linked = write_hyperlinks(ctx);
    CellWriter writer(ctx);
    for (const Cell& cell : ctx.model.cells) {
        if (cell.row >= max_rows || cell.col >= max_cols) {
            ctx.drop(cell_name(std::min(cell.row, max_rows - 1), std::min(cell.col, max_cols - 1)),
                     "cell out of bounds");
            continue;
        }
        auto at = std::pair(static_cast<lxw_row_t>(cell.row), static_cast<lxw_col_t>(cell.col));
        if (!std::binary_search(linked.begin(), linked.end(), at)) {
            writer.write(cell);
            continue;
        }
        // libxlsxwriter counted the link's text as a use of a shared string; once the cell
        // replaces it (a new cell, allocated while the old one lived), the use is gone, and
        // the count in sharedStrings.xml must say so.
        const lxw_cell* before = stored_cell(ctx.sheet, at.first, at.second);
        bool counted = before && before->type == STRING_CELL;  // not a blank for an empty text
        writer.write(cell);
        if (counted && stored_cell(ctx.sheet, at.first, at.second) != before &&
            ctx.book->sst->string_count > 0)
            --ctx.book->sst->string_count;
    }
}

}  // namespace kinerja::write_detail
