#include "model/notes.hpp"

#include <algorithm>

namespace kinerja {

bool add_note(Sheet& sheet, std::uint32_t row, std::uint32_t col, const std::string& line) {
    auto it = std::find_if(sheet.comments.begin(), sheet.comments.end(),
                           [&](const Comment& c) { return c.row == row && c.col == col; });
    if (it == sheet.comments.end()) {
        sheet.comments.push_back({row, col, note_author, line, false});
        return true;
    }
    if (it->author != note_author) return false;
    if (it->text.find(line) == std::string::npos) it->text += "\n" + line;
    return true;
}

void remove_notes(Workbook& workbook) {
    for (Sheet& sheet : workbook.sheets)
        std::erase_if(sheet.comments, [](const Comment& c) { return c.author == note_author; });
}

}  // namespace kinerja
