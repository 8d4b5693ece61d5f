// Cells for workbooks built in code by the tests.
#pragma once

#include <cstdint>
#include <string>

#include "model/workbook.hpp"

namespace kinerja::test {

inline Cell& put_text(Sheet& sheet, std::uint32_t row, std::uint32_t col, std::string text) {
    return sheet.put(Cell::of_text(row, col, std::move(text)));
}

inline Cell& put_number(Sheet& sheet, std::uint32_t row, std::uint32_t col, double number) {
    return sheet.put(Cell::of_number(row, col, number));
}

}  // namespace kinerja::test
