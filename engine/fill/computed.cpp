#include "fill/computed.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

#include "tables/quantity.hpp"

namespace kinerja::fill_detail {

namespace {

bool near(double a, double b) {
    return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a));
}

// Whether the typed value says what the computed one says. Text typed as a number ("92,5%"
// where 92.5 is computed, or 0.925 in a percent-formatted column) is the same value: keeping
// it in a note would only bury the notes that matter.
bool same_value(const CellValue& typed, const CellValue& computed) {
    if (typed.kind == CellValue::Kind::text && computed.kind == CellValue::Kind::number) {
        auto q = parse_quantity(typed.text);
        return q && !q->not_applicable &&
               (near(q->value, computed.number) ||
                (q->percent && near(q->value / 100, computed.number)));
    }
    if (typed.kind != computed.kind) return false;
    if (typed.kind == CellValue::Kind::number) return near(typed.number, computed.number);
    return typed.text == computed.text && typed.number == computed.number;
}

// Numbers in their shortest exact form, without exponent (1.06, not 1.0600000000000001;
// 3900000000, not 3.9e+09): the note is read by people, and from_chars reads it back to the
// same double.
std::string encode(const CellValue& v) {
    if (v.kind == CellValue::Kind::number) {
        char buf[512];  // the longest fixed form of a double has about 330 characters
        auto end = std::to_chars(buf, buf + sizeof buf, v.number, std::chars_format::fixed).ptr;
        return std::string(buf, end);
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
    } else if (existing && existing->is_formula() && existing->formula != value.formula) {
        // The user's own formula (=E5/D5*100): kept word for word, with what it gave, so that
        // a later fill judges the same formula and value again.
        add_note(sheet, row, col, formula_prefix + existing->formula);
        if (existing->value.kind == CellValue::Kind::number ||
            existing->value.kind == CellValue::Kind::text)
            add_note(sheet, row, col, formula_value_prefix + encode(existing->value));
        differed = !same_value(existing->value, value.cached);
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

}  // namespace kinerja::fill_detail

namespace kinerja {

using namespace fill_detail;

void restore_typed_values(Workbook& workbook) {
    for (Sheet& sheet : workbook.sheets) {
        for (const Comment& c : sheet.comments) {
            if (c.author != note_author) continue;
            std::istringstream lines(c.text);
            std::string line;
            while (std::getline(lines, line)) {
                Cell* cell = sheet.find(c.row, c.col);
                if (!cell) continue;
                if (line.rfind(formula_prefix, 0) == 0) {
                    cell->formula = line.substr(std::string_view(formula_prefix).size());
                    cell->value = CellValue{};  // unknown unless "Hasil semula" follows
                    continue;
                }
                if (line.rfind(formula_value_prefix, 0) == 0) {
                    auto given = decode(std::string_view(line).substr(
                        std::string_view(formula_value_prefix).size()));
                    if (given && cell->is_formula()) cell->value = *given;
                    continue;
                }
                if (line.rfind(typed_value_prefix, 0) != 0) continue;
                auto typed =
                    decode(std::string_view(line).substr(std::string(typed_value_prefix).size()));
                if (!typed) continue;
                cell->formula.clear();
                cell->value = *typed;
            }
        }
    }
    remove_notes(workbook);
}

}  // namespace kinerja
