// Renders a parsed SheetSpec into a libxlsxwriter worksheet, styled the way the units'
// own workbooks look: Arial 10, bordered tables, grey bold headers, titles above.
#pragma once

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "sheet_script.hpp"

namespace samples {

struct MergeArea {
    int rows = 1, cols = 1;
};

// Where each merge starts and how far it reaches, checked against the ^ and < markers.
inline std::map<std::pair<int, int>, MergeArea> find_merges(const SheetSpec& sheet) {
    auto kind_at = [&](std::size_t r, std::size_t c) {
        if (r >= sheet.rows.size() || c >= sheet.rows[r].cells.size()) return ValueKind::blank;
        return sheet.rows[r].cells[c].kind;
    };
    auto is_marker = [](ValueKind kind) {
        return kind == ValueKind::merge_up || kind == ValueKind::merge_left;
    };
    std::map<std::pair<int, int>, MergeArea> merges;
    std::map<std::pair<int, int>, bool> covered;
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        for (std::size_t c = 0; c < sheet.rows[r].cells.size(); ++c) {
            if (is_marker(kind_at(r, c))) {
                if (!covered.count({r, c}))
                    throw ScriptError(sheet.source, sheet.rows[r].line,
                                      "merge marker in column " + std::to_string(c + 1) +
                                          " without a cell to merge with");
                continue;
            }
            MergeArea area;
            while (kind_at(r, c + area.cols) == ValueKind::merge_left) ++area.cols;
            while (kind_at(r + area.rows, c) == ValueKind::merge_up) ++area.rows;
            if (area.rows == 1 && area.cols == 1) continue;
            for (int i = 0; i < area.rows; ++i)
                for (int j = 0; j < area.cols; ++j) {
                    if (i == 0 && j == 0) continue;
                    if (!is_marker(kind_at(r + i, c + j)))
                        throw ScriptError(sheet.source, sheet.rows[r + i].line,
                                          "merge starting at row " +
                                              std::to_string(sheet.rows[r].line) +
                                              " is not rectangular");
                    covered[{static_cast<int>(r + i), static_cast<int>(c + j)}] = true;
                }
            merges[{static_cast<int>(r), static_cast<int>(c)}] = area;
        }
    }
    return merges;
}

// Estimated number of wrapped lines of `text` in a column `width` characters wide.
inline int wrapped_lines(const std::string& text, double width, bool bold) {
    const double per_char = bold ? 1.05 : 1.15;  // Arial 10 glyphs per Excel width unit
    const std::size_t per_line =
        std::max<std::size_t>(1, static_cast<std::size_t>(width * per_char));
    int lines = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::size_t used = 0;
        int paragraph = 1;
        std::size_t word_start = start;
        while (word_start < end) {
            std::size_t word_end = text.find(' ', word_start);
            if (word_end == std::string::npos || word_end > end) word_end = end;
            // Count UTF-8 code points, not bytes.
            std::size_t length = 0;
            for (std::size_t i = word_start; i < word_end; ++i)
                if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++length;
            if (used > 0 && used + 1 + length > per_line) {
                ++paragraph;
                used = 0;
            }
            used += (used > 0 ? 1 : 0) + length;
            while (used > per_line) {
                ++paragraph;
                used -= per_line;
            }
            word_start = word_end + 1;
        }
        lines += paragraph;
        start = end + 1;
    }
    return std::max(lines, 1);
}

class SheetWriter {
public:
    explicit SheetWriter(lxw_workbook* workbook) : workbook_(workbook) {
        plain_run_ = workbook_add_format(workbook_);
        format_set_font_name(plain_run_, "Arial");
        format_set_font_size(plain_run_, 10);
        superscript_run_ = workbook_add_format(workbook_);
        format_set_font_name(superscript_run_, "Arial");
        format_set_font_size(superscript_run_, 10);
        format_set_font_script(superscript_run_, LXW_FONT_SUPERSCRIPT);
    }

    void write(const SheetSpec& sheet) {
        lxw_worksheet* ws = workbook_add_worksheet(workbook_, sheet.name.c_str());
        if (!ws) throw ScriptError(sheet.source, 0, "bad or duplicate sheet name " + sheet.name);
        for (std::size_t c = 0; c < sheet.widths.size(); ++c)
            worksheet_set_column(ws, c, c, sheet.widths[c], nullptr);
        const auto merges = find_merges(sheet);
        for (std::size_t r = 0; r < sheet.rows.size(); ++r) write_row(ws, sheet, merges, r);
        set_row_heights(ws, sheet, merges);
        for (const CellComment& comment : sheet.comments)
            worksheet_write_comment(ws, CELL(comment.cell.c_str()), comment.text.c_str());
        set_page(ws, sheet);
    }

private:
    using FormatKey = std::tuple<RowKind, ValueKind, NumberStyle, bool, bool, char>;

    lxw_format* format_for(RowKind row, const CellSpec& cell) {
        const bool number = cell.kind == ValueKind::number;
        FormatKey key{row,         number ? ValueKind::number : ValueKind::text,
                      cell.style,  cell.bold,
                      cell.italic, cell.align};
        auto found = formats_.find(key);
        if (found != formats_.end()) return found->second;

        lxw_format* f = workbook_add_format(workbook_);
        format_set_font_name(f, "Arial");
        format_set_font_size(f, row == RowKind::colnum ? 8 : 10);
        const bool boxed =
            row != RowKind::title && row != RowKind::subtitle && row != RowKind::text;
        if (boxed) format_set_border(f, LXW_BORDER_THIN);
        if (row != RowKind::text) format_set_text_wrap(f);
        if (row == RowKind::head || row == RowKind::colnum) {
            format_set_bg_color(f, row == RowKind::head ? 0xD9D9D9 : 0xF2F2F2);
            format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        } else if (row == RowKind::data) {
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        } else {
            format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        }
        const bool strong = row == RowKind::title || row == RowKind::head ||
                            row == RowKind::group || row == RowKind::total;
        if (strong || cell.bold) format_set_bold(f);
        if (cell.italic || row == RowKind::colnum) format_set_italic(f);
        if (row == RowKind::title) format_set_font_size(f, 11);

        static const std::map<NumberStyle, const char*> number_formats = {
            {NumberStyle::amount, "#,##0"},  {NumberStyle::percent0, "0%"},
            {NumberStyle::percent1, "0.0%"}, {NumberStyle::percent2, "0.00%"},
            {NumberStyle::decimal1, "0.0"},  {NumberStyle::decimal2, "0.00"}};
        if (number && number_formats.count(cell.style))
            format_set_num_format(f, number_formats.at(cell.style));

        char align = cell.align;
        if (align == 0) {
            const bool percent = cell.style == NumberStyle::percent0 ||
                                 cell.style == NumberStyle::percent1 ||
                                 cell.style == NumberStyle::percent2;
            if (row == RowKind::head || row == RowKind::colnum || row == RowKind::title ||
                row == RowKind::subtitle)
                align = 'c';
            else if (number)
                align = percent ? 'c' : 'r';
            else
                align = 'l';
        }
        format_set_align(f, align == 'c'   ? LXW_ALIGN_CENTER
                            : align == 'r' ? LXW_ALIGN_RIGHT
                                           : LXW_ALIGN_LEFT);
        formats_[key] = f;
        return f;
    }

    void write_text(lxw_worksheet* ws, int r, int c, const std::string& text, lxw_format* f) {
        if (text.find("{^") == std::string::npos) {
            worksheet_write_string(ws, r, c, text.c_str(), f);
            return;
        }
        // "2400 m{^2}": runs alternate between plain and superscript.
        std::vector<std::string> pieces;
        std::vector<lxw_rich_string_tuple> runs;
        std::size_t at = 0;
        while (at < text.size()) {
            std::size_t open = text.find("{^", at);
            if (open == std::string::npos) open = text.size();
            if (open > at) {
                runs.push_back({plain_run_, nullptr});
                pieces.push_back(text.substr(at, open - at));
            }
            if (open == text.size()) break;
            std::size_t close = text.find('}', open);
            runs.push_back({superscript_run_, nullptr});
            pieces.push_back(text.substr(open + 2, close - open - 2));
            at = close + 1;
        }
        std::vector<lxw_rich_string_tuple*> pointers;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            runs[i].string = const_cast<char*>(pieces[i].c_str());
            pointers.push_back(&runs[i]);
        }
        pointers.push_back(nullptr);
        worksheet_write_rich_string(ws, r, c, pointers.data(), f);
    }

    void write_row(lxw_worksheet* ws, const SheetSpec& sheet,
                   const std::map<std::pair<int, int>, MergeArea>& merges, std::size_t r) {
        const RowSpec& row = sheet.rows[r];
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const CellSpec& cell = row.cells[c];
            if (cell.kind == ValueKind::merge_up || cell.kind == ValueKind::merge_left) continue;
            lxw_format* f = format_for(row.kind, cell);
            auto merge = merges.find({static_cast<int>(r), static_cast<int>(c)});
            if (merge != merges.end()) {
                const MergeArea& area = merge->second;
                // Fills the covered cells with formatted blanks, so borders are drawn.
                worksheet_merge_range(ws, r, c, r + area.rows - 1, c + area.cols - 1, "", f);
            }
            if (cell.kind == ValueKind::number)
                worksheet_write_number(ws, r, c, cell.number, f);
            else if (cell.kind == ValueKind::text)
                write_text(ws, r, c, cell.text, f);
            else if (row.kind != RowKind::text)
                worksheet_write_blank(ws, r, c, f);
        }
    }

    void set_row_heights(lxw_worksheet* ws, const SheetSpec& sheet,
                         const std::map<std::pair<int, int>, MergeArea>& merges) {
        const double line_height = 12.75;
        auto width_of = [&](std::size_t c, int cols) {
            double width = 0;
            for (std::size_t j = c; j < c + cols; ++j)
                width += j < sheet.widths.size() ? sheet.widths[j] : 8.43;
            return width;
        };
        std::vector<double> heights(sheet.rows.size(), 0);
        std::vector<std::tuple<std::size_t, int, double>> tall_merges;  // first row, rows, points
        for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
            const RowSpec& row = sheet.rows[r];
            if (row.kind == RowKind::text) continue;
            for (std::size_t c = 0; c < row.cells.size(); ++c) {
                const CellSpec& cell = row.cells[c];
                if (cell.kind != ValueKind::text) continue;
                MergeArea area;
                auto merge = merges.find({static_cast<int>(r), static_cast<int>(c)});
                if (merge != merges.end()) area = merge->second;
                const bool bold = cell.bold || row.kind == RowKind::head ||
                                  row.kind == RowKind::group || row.kind == RowKind::title;
                const double points =
                    wrapped_lines(cell.text, width_of(c, area.cols), bold) * line_height + 3;
                if (area.rows == 1)
                    heights[r] = std::max(heights[r], points);
                else
                    tall_merges.emplace_back(r, area.rows, points);
            }
        }
        for (auto& [first, count, points] : tall_merges) {
            double have = 0;
            for (int i = 0; i < count; ++i) have += std::max(heights[first + i], 15.0);
            if (have >= points) continue;
            const double extra = (points - have) / count;
            for (int i = 0; i < count; ++i)
                heights[first + i] = std::max(heights[first + i], 15.0) + extra;
        }
        for (std::size_t r = 0; r < heights.size(); ++r)
            if (heights[r] > 15.0)
                worksheet_set_row(ws, r, std::min(std::ceil(heights[r]), 409.0), nullptr);
    }

    static void set_page(lxw_worksheet* ws, const SheetSpec& sheet) {
        worksheet_set_paper(ws, 9);  // A4
        if (sheet.landscape)
            worksheet_set_landscape(ws);
        else
            worksheet_set_portrait(ws);
        worksheet_fit_to_pages(ws, 1, 0);
        worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
        worksheet_center_horizontally(ws);
        worksheet_set_footer(ws, "&C&\"Arial\"&8Halaman &P dari &N");
        if (sheet.repeat_first > 0)
            worksheet_repeat_rows(ws, sheet.repeat_first - 1, sheet.repeat_last - 1);
        if (sheet.freeze_row > 0)
            worksheet_freeze_panes(ws, sheet.freeze_row - 1, sheet.freeze_col);
    }

    lxw_workbook* workbook_;
    lxw_format* plain_run_;
    lxw_format* superscript_run_;
    std::map<FormatKey, lxw_format*> formats_;
};

}  // namespace samples
