// A cell the fill wrote, with what it held before: validation judges what the user typed,
// and sets these aside while it looks (validate/validate.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "model/workbook.hpp"

namespace kinerja {

struct CellChange {
    std::size_t sheet = 0;  // index in Workbook::sheets
    std::uint32_t row = 0, col = 0;
    std::optional<Cell> before;  // nullopt: there was no cell
};

}  // namespace kinerja
