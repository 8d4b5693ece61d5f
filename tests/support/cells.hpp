// Cells for workbooks built in code by the tests.
#pragma once

#include <cstdint>
#include <string>

#include "model/workbook.hpp"

namespace kinerja::test {

inline Cell& put_text(Sheet& sheet, std::uint32_t row, std::uint32_t col, std::string text) {
    Cell cell;
    cell.row = row;
    cell.col = col;
    cell.value.kind = CellValue::Kind::text;
    cell.value.text = std::move(text);
    return sheet.put(std::move(cell));
}

inline Cell& put_number(Sheet& sheet, std::uint32_t row, std::uint32_t col, double number) {
    Cell cell;
    cell.row = row;
    cell.col = col;
    cell.value.kind = CellValue::Kind::number;
    cell.value.number = number;
    return sheet.put(std::move(cell));
}

}  // namespace kinerja::test
