#include "fill/computed.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace kinerja {

namespace {

bool same_value(const CellValue& a, const CellValue& b) {
    if (a.kind != b.kind) return false;
    if (a.kind == CellValue::Kind::number)
        return std::fabs(a.number - b.number) <= 1e-9 * std::max(1.0, std::fabs(a.number));
    return a.text == b.text && a.number == b.number;
}

std::string encode(const CellValue& v) {
    if (v.kind == CellValue::Kind::number) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", v.number);
        return buf;
    }
    return "\"" + v.text + "\"";
}

std::optional<CellValue> decode(std::string_view s) {
    CellValue v;
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') {
        v.kind = CellValue::Kind::text;
        v.text = std::string(s.substr(1, s.size() - 2));
        return v;
    }
    double d = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
    v.kind = CellValue::Kind::number;
    v.number = d;
    return v;
}

}  // namespace

bool put_computed(Sheet& sheet, std::uint32_t row, std::uint32_t col, const ExcelFormula& value,
                  std::uint32_t style_if_new) {
    Cell* existing = sheet.find(row, col);
    bool differed = false;
    if (existing && !existing->is_formula() && existing->value.kind != CellValue::Kind::blank &&
        !same_value(existing->value, value.cached)) {
        // The user's text is the record; a "-" typed where we compute "-" is no change.
        differed = add_note(sheet, row, col, typed_value_prefix + encode(existing->value));
    }
    Cell cell;
    cell.row = row;
    cell.col = col;
    cell.style = existing ? existing->style : style_if_new;
    cell.formula = value.formula;
    cell.value = value.cached;
    sheet.put(std::move(cell));
    return differed;
}

void restore_typed_values(Workbook& workbook) {
    for (Sheet& sheet : workbook.sheets) {
        for (const Comment& c : sheet.comments) {
            if (c.author != note_author) continue;
            std::istringstream lines(c.text);
            std::string line;
            while (std::getline(lines, line)) {
                if (line.rfind(typed_value_prefix, 0) != 0) continue;
                auto typed = decode(std::string_view(line).substr(std::string(typed_value_prefix).size()));
                Cell* cell = sheet.find(c.row, c.col);
                if (!typed || !cell) continue;
                cell->formula.clear();
                cell->value = *typed;
            }
        }
    }
    remove_notes(workbook);
}

}  // namespace kinerja
