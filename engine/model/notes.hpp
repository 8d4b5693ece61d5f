// Kinerja's own cell comments ("notes"): findings and the values a fill replaced. They are
// told apart from the user's comments by their author, so a later run can remove them.
#pragma once

#include <string>

#include "model/workbook.hpp"

namespace kinerja {

inline constexpr const char* note_author = "Kinerja";

// Adds a line to Kinerja's comment on (row, col), creating it if the cell has none. A cell
// whose comment is the user's own is left alone (one comment per cell): returns false then.
bool add_note(Sheet& sheet, std::uint32_t row, std::uint32_t col, const std::string& line);

// Removes every Kinerja comment from the workbook.
void remove_notes(Workbook& workbook);

}  // namespace kinerja
