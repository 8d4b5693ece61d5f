// How a table's rows nest (rows.hpp, row_tree): from codes, outline levels, or indentation
// and bold. Each source is read the way the rows show it, never by a sample's positions.
#include <algorithm>
#include <cctype>

#include "tables/tables.hpp"

namespace kinerja {

namespace {

using Segments = std::vector<std::string>;
// A row's place in a code tree: each kode column's code in turn, split at its dots.
using CodePath = std::vector<std::pair<std::uint32_t, Segments>>;

// "1.02.01.2.01" -> {1, 02, 01, 2, 01}; nullopt for text that is not a code (a name, a
// total's label, "a." aside): letters and digits between dots, with at least one digit.
std::optional<Segments> code_segments(std::string text) {
    while (!text.empty() &&
           (text.back() == '.' || std::isspace(static_cast<unsigned char>(text.back()))))
        text.pop_back();
    std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return std::nullopt;
    text = text.substr(first);
    if (text.find_first_of("0123456789") == std::string::npos) return std::nullopt;
    Segments out(1);
    for (char c : text) {
        if (c == '.') {
            if (out.back().empty()) return std::nullopt;
            out.emplace_back();
        } else if (std::isalnum(static_cast<unsigned char>(c))) {
            out.back() += c;
        } else {
            return std::nullopt;
        }
    }
    return out;
}

// `p` is a proper prefix of `q`: the same codes in the same columns, the last of `p` a leading
// part of `q`'s code in that column, and `q` longer.
bool proper_prefix(const CodePath& p, const CodePath& q) {
    if (p.empty() || p.size() > q.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p[i].first != q[i].first) return false;
        const Segments& a = p[i].second;
        const Segments& b = q[i].second;
        if (i + 1 < p.size()) {
            if (a != b) return false;
        } else if (a.size() > b.size() || !std::equal(a.begin(), a.end(), b.begin())) {
            return false;
        }
    }
    return p.size() < q.size() || p.back().second.size() < q.back().second.size();
}

// Codes in the kode columns, left to right (SIPD spreads urusan, organisasi, sub kegiatan
// and rekening over four), else numbering 1 / 1.1 / 1.1.1 in the nomor column. Each row's
// parent is the nearest row above whose code path leads to its own: listed depth first, as
// every code tree is, that row is the deepest of its ancestors.
std::map<std::uint32_t, std::uint32_t> code_tree(const Sheet& sheet, const Table& table,
                                                 const std::vector<TableRow>& rows) {
    std::map<std::uint32_t, std::uint32_t> parent;
    for (ColumnRole role : {ColumnRole::kode, ColumnRole::nomor}) {
        std::vector<std::uint32_t> cols;
        for (const TableColumn& c : table.columns)
            if (c.role == role) cols.push_back(c.col);
        if (cols.empty()) continue;
        std::vector<std::pair<std::uint32_t, CodePath>> stack;
        for (const TableRow& row : rows) {
            if (row.is_total || row.is_section) continue;
            CodePath path;
            for (std::uint32_t col : cols) {
                // A code merged over several kode columns is one code, in its first column.
                if (const CellRange* m = sheet.merge_at(row.row, col); m && m->first_col != col)
                    continue;
                if (auto segs = code_segments(display_text(sheet, row.row, col)))
                    path.emplace_back(col, std::move(*segs));
            }
            if (path.empty()) continue;
            while (!stack.empty() && !proper_prefix(stack.back().second, path)) stack.pop_back();
            if (!stack.empty()) parent[row.row] = stack.back().first;
            stack.emplace_back(row.row, std::move(path));
        }
        if (!parent.empty()) return parent;
    }
    return parent;
}

// Grouped rows (Data > Group): a row's parent is the nearest row of a lower outline level,
// below it when the sheet puts summary rows below their details (Excel's default), else above.
std::map<std::uint32_t, std::uint32_t> outline_tree(const Sheet& sheet,
                                                    const std::vector<TableRow>& rows) {
    std::map<std::uint32_t, std::uint32_t> parent;
    std::vector<std::pair<std::uint32_t, int>> order;  // row, level
    bool varies = false;
    for (const TableRow& row : rows) {
        if (row.is_total || row.is_section) continue;
        auto info = sheet.rows.find(row.row);
        int level = info == sheet.rows.end() ? 0 : info->second.outline_level;
        if (!order.empty() && level != order.front().second) varies = true;
        order.emplace_back(row.row, level);
    }
    if (!varies) return parent;
    if (sheet.view.summary_below) std::reverse(order.begin(), order.end());
    std::vector<std::pair<std::uint32_t, int>> stack;
    for (const auto& [row, level] : order) {
        while (!stack.empty() && stack.back().second >= level) stack.pop_back();
        if (!stack.empty()) parent[row] = stack.back().first;
        stack.emplace_back(row, level);
    }
    return parent;
}

// The label column's layout: a row indented less than those below it, or bold above rows
// that are not, heads them (a program's bold line over its kegiatan). Indentation is the
// cell's indent or the spaces typed before the text; at one indentation a bold row is the
// higher one.
std::map<std::uint32_t, std::uint32_t> layout_tree(const Workbook& workbook, const Sheet& sheet,
                                                   const Table& table,
                                                   const std::vector<TableRow>& rows) {
    std::map<std::uint32_t, std::uint32_t> parent;
    std::vector<std::uint32_t> labels;
    for (const TableColumn& c : table.columns)
        if (c.role == ColumnRole::uraian || c.role == ColumnRole::kegiatan ||
            c.role == ColumnRole::jenis_belanja)
            labels.push_back(c.col);
    if (labels.empty()) return parent;
    std::vector<std::pair<std::uint32_t, int>> order;  // row, depth
    bool varies = false;
    for (const TableRow& row : rows) {
        if (row.is_total || row.is_section) continue;
        for (std::uint32_t col : labels) {
            std::uint32_t r = row.row, c = col;
            if (const CellRange* m = sheet.merge_at(r, c)) r = m->first_row, c = m->first_col;
            const Cell* cell = sheet.find(r, c);
            if (!cell || cell->value.kind != CellValue::Kind::text) continue;
            const std::string& text = cell->value.text;
            std::size_t spaces = text.find_first_not_of(' ');
            if (spaces == std::string::npos) continue;
            const Style& style = cell->style < workbook.styles.size() ? workbook.styles[cell->style]
                                                                      : workbook.styles.front();
            int indent = style.alignment.indent * 4 + static_cast<int>(spaces);
            int depth = indent * 2 + (style.font.bold ? 0 : 1);
            if (!order.empty() && depth != order.front().second) varies = true;
            order.emplace_back(row.row, depth);
            break;
        }
    }
    if (!varies) return parent;
    std::vector<std::pair<std::uint32_t, int>> stack;
    for (const auto& [row, depth] : order) {
        while (!stack.empty() && stack.back().second >= depth) stack.pop_back();
        if (!stack.empty()) parent[row] = stack.back().first;
        stack.emplace_back(row, depth);
    }
    return parent;
}

}  // namespace

RowTree row_tree(const Workbook& workbook, const Sheet& sheet, const Table& table,
                 const std::vector<TableRow>& rows) {
    RowTree tree;
    if ((tree.parent = code_tree(sheet, table, rows)).size()) {
        tree.source = TreeSource::codes;
    } else if ((tree.parent = outline_tree(sheet, rows)).size()) {
        tree.source = TreeSource::outline;
    } else if ((tree.parent = layout_tree(workbook, sheet, table, rows)).size()) {
        tree.source = TreeSource::layout;
    }
    return tree;
}

}  // namespace kinerja
