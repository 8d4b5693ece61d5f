// Moving a formula by whole rows and columns, as a shared formula or a fill-down does.
//
//     shift_formula("A1+$B$1", 1, 0) == "A2+$B$1"
//
// Relative row/column parts of A1 references move; `$`-absolute parts, string
// literals, quoted and unquoted sheet names, function names, defined names,
// structured references and array constants stay. A reference moved off the sheet
// becomes #REF!, as in Excel.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kinerja::read_detail {

std::string shift_formula(std::string_view formula, std::int64_t rows, std::int64_t cols);

}  // namespace kinerja::read_detail
