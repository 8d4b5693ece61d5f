#include "model/workbook.hpp"

#include <algorithm>

namespace kinerja {

namespace {
bool before(const Cell& a, std::uint32_t row, std::uint32_t col) {
    return a.row < row || (a.row == row && a.col < col);
}
}  // namespace

const Cell* Sheet::find(std::uint32_t row, std::uint32_t col) const {
    auto it = std::lower_bound(cells.begin(), cells.end(), 0,
                               [&](const Cell& c, int) { return before(c, row, col); });
    return (it != cells.end() && it->row == row && it->col == col) ? &*it : nullptr;
}

Cell* Sheet::find(std::uint32_t row, std::uint32_t col) {
    return const_cast<Cell*>(static_cast<const Sheet*>(this)->find(row, col));
}

Cell& Sheet::put(Cell cell) {
    auto it = std::lower_bound(cells.begin(), cells.end(), 0,
                               [&](const Cell& c, int) { return before(c, cell.row, cell.col); });
    if (!array_refs_.empty()) array_refs_.erase({cell.row, cell.col});
    if (it != cells.end() && it->row == cell.row && it->col == cell.col) {
        *it = std::move(cell);
        return *it;
    }
    return *cells.insert(it, std::move(cell));
}

void Sheet::normalize() {
    std::stable_sort(cells.begin(), cells.end(),
                     [](const Cell& a, const Cell& b) { return before(a, b.row, b.col); });
    // Keep the last written of duplicates, in place: a second vector would double the
    // memory of the largest sheets.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (kept > 0 && cells[kept - 1].row == cells[i].row && cells[kept - 1].col == cells[i].col)
            cells[kept - 1] = std::move(cells[i]);
        else if (kept++ != i)
            cells[kept - 1] = std::move(cells[i]);
    }
    cells.erase(cells.begin() + static_cast<std::ptrdiff_t>(kept), cells.end());
}

const CellRange* Sheet::merge_at(std::uint32_t row, std::uint32_t col) const {
    for (const auto& m : merges)
        if (m.contains(row, col)) return &m;
    return nullptr;
}

std::string_view Sheet::array_ref(std::uint32_t row, std::uint32_t col) const {
    auto it = array_refs_.find({row, col});
    return it == array_refs_.end() ? std::string_view() : std::string_view(it->second);
}

void Sheet::set_array_ref(std::uint32_t row, std::uint32_t col, std::string ref) {
    if (ref.empty())
        array_refs_.erase({row, col});
    else
        array_refs_[{row, col}] = std::move(ref);
}

std::uint32_t Workbook::intern_style(const Style& style) {
    for (std::size_t i = 0; i < styles.size(); ++i)
        if (styles[i] == style) return static_cast<std::uint32_t>(i);
    styles.push_back(style);
    return static_cast<std::uint32_t>(styles.size() - 1);
}

Sheet* Workbook::sheet(const std::string& name) {
    for (auto& s : sheets)
        if (s.name == name) return &s;
    return nullptr;
}

const Sheet* Workbook::sheet(const std::string& name) const {
    return const_cast<Workbook*>(this)->sheet(name);
}

void Workbook::erase_sheet(std::size_t index) {
    if (index >= sheets.size()) return;
    sheets.erase(sheets.begin() + static_cast<std::ptrdiff_t>(index));
    auto removed = static_cast<int>(index);
    std::erase_if(names, [&](const DefinedName& n) { return n.local_sheet == removed; });
    for (DefinedName& n : names)
        if (n.local_sheet > removed) --n.local_sheet;
    if (active_sheet > index) --active_sheet;
    if (active_sheet >= sheets.size()) active_sheet = 0;
}

std::string column_name(std::uint32_t col) {
    std::string name;
    for (std::uint32_t n = col + 1; n > 0; n = (n - 1) / 26)
        name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
    return name;
}

std::string quoted_sheet_name(std::string_view name) {
    std::string quoted = "'";
    for (char c : name) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    return quoted + "'";
}

std::string cell_name(std::uint32_t row, std::uint32_t col) {
    return column_name(col) + std::to_string(row + 1);
}

std::string range_name(const CellRange& r) {
    std::string first = cell_name(r.first_row, r.first_col);
    if (r.first_row == r.last_row && r.first_col == r.last_col) return first;
    return first + ":" + cell_name(r.last_row, r.last_col);
}

bool parse_cell_name(std::string_view text, std::uint32_t& row, std::uint32_t& col) {
    std::size_t i = 0;
    if (i < text.size() && text[i] == '$') ++i;
    std::uint64_t c = 0;
    std::size_t letters = 0;
    for (; i < text.size() && letters < 4; ++i, ++letters) {
        char ch = text[i];
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
        if (ch < 'A' || ch > 'Z') break;
        c = c * 26 + static_cast<std::uint64_t>(ch - 'A' + 1);
    }
    if (letters == 0 || c > max_cols) return false;
    if (i < text.size() && text[i] == '$') ++i;
    std::uint64_t r = 0;
    std::size_t digits = 0;
    for (; i < text.size() && digits < 8; ++i, ++digits) {
        if (text[i] < '0' || text[i] > '9') return false;
        r = r * 10 + static_cast<std::uint64_t>(text[i] - '0');
    }
    if (digits == 0 || i != text.size() || r == 0 || r > max_rows) return false;
    row = static_cast<std::uint32_t>(r - 1);
    col = static_cast<std::uint32_t>(c - 1);
    return true;
}

bool parse_range(std::string_view text, CellRange& range) {
    auto colon = text.find(':');
    std::uint32_t r1, c1, r2, c2;
    if (colon == std::string_view::npos) {
        if (!parse_cell_name(text, r1, c1)) return false;
        range = {r1, c1, r1, c1};
        return true;
    }
    if (!parse_cell_name(text.substr(0, colon), r1, c1) ||
        !parse_cell_name(text.substr(colon + 1), r2, c2))
        return false;
    range = {std::min(r1, r2), std::min(c1, c2), std::max(r1, r2), std::max(c1, c2)};
    return true;
}

}  // namespace kinerja
