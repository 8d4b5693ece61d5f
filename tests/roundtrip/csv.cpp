#include "roundtrip/csv.hpp"

#include <cmath>
#include <cstdlib>

namespace kinerja::test {

CsvTable parse_csv(const std::string& text) {
    CsvTable table;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
            continue;
        }
        any = true;
        if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            row.push_back(std::move(field));
            field.clear();
            table.push_back(std::move(row));
            row.clear();
            any = false;
        } else {
            field += c;
        }
    }
    if (any || !field.empty() || !row.empty()) {
        row.push_back(std::move(field));
        table.push_back(std::move(row));
    }
    return table;
}

namespace {

bool shown_plainly(const std::string& text, Viewer viewer) {
    for (unsigned char c : text)
        if (c < 0x20 && c != '\t' && c != '\n') return false;
    return viewer != Viewer::gnumeric || text.find("_x") == std::string::npos;
}

// What the viewer must show for this cell, or nothing when it is ambiguous.
// `numeric` is set when the expected display is a number to compare numerically.
bool expected_display(const Workbook& wb, const Cell& cell, Viewer viewer, std::string& shown,
                      bool& numeric) {
    const std::string& format =
        (cell.style < wb.styles.size() ? wb.styles[cell.style] : wb.styles[0]).num_format;
    bool general = format == "General";
    numeric = false;
    switch (cell.value.kind) {
        case CellValue::Kind::blank:
            return false;
        case CellValue::Kind::error:
            shown = cell.value.text;
            return true;
        case CellValue::Kind::boolean:
            shown = cell.value.number != 0 ? "TRUE" : "FALSE";
            return general;
        case CellValue::Kind::text:
            shown = cell.value.text;
            return (general || format == "@") && shown_plainly(shown, viewer);
        case CellValue::Kind::number:
            numeric = true;
            return general;
    }
    return false;
}

const std::string& field_at(const CsvTable& table, std::uint32_t row, std::uint32_t col) {
    static const std::string empty;
    if (row >= table.size() || col >= table[row].size()) return empty;
    return table[row][col];
}

}  // namespace

std::vector<std::string> compare_csv(const Workbook& wb, const Sheet& sheet, const CsvTable& table,
                                     Viewer viewer, std::size_t& compared) {
    std::vector<std::string> problems;
    auto where = [&](std::uint32_t r, std::uint32_t c) {
        return sheet.name + "!" + cell_name(r, c);
    };
    for (const Cell& cell : sheet.cells) {
        std::string shown;
        bool numeric = false;
        if (!expected_display(wb, cell, viewer, shown, numeric)) continue;
        ++compared;
        const std::string& field = field_at(table, cell.row, cell.col);
        if (numeric) {
            char* end = nullptr;
            double value = std::strtod(field.c_str(), &end);
            double scale = std::max(std::fabs(value), std::fabs(cell.value.number));
            bool parsed = !field.empty() && end == field.c_str() + field.size();
            if (!parsed || std::fabs(value - cell.value.number) > 1e-14 * scale) {
                char text[64];
                std::snprintf(text, sizeof text, "%.17g", cell.value.number);
                problems.push_back(where(cell.row, cell.col) + ": shows \"" + field +
                                   "\", the model has " + text);
            }
        } else if (field != shown) {
            problems.push_back(where(cell.row, cell.col) + ": shows \"" + field +
                               "\", the model has \"" + shown + "\"");
        }
    }
    for (std::uint32_t r = 0; r < table.size(); ++r)
        for (std::uint32_t c = 0; c < table[r].size(); ++c) {
            if (table[r][c].empty()) continue;
            const Cell* cell = sheet.find(r, c);
            if (!cell || cell->value.kind == CellValue::Kind::blank)
                problems.push_back(where(r, c) + ": shows \"" + table[r][c] +
                                   "\" where the model has no value");
        }
    return problems;
}

}  // namespace kinerja::test
