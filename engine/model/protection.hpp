// Sheet and workbook protection, as the source file set it.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace kinerja {

// The attributes of <sheetProtection>, <workbookProtection> or <fileSharing>, by local name and
// in the file's order: the password's hash, salt and spin count and every option. Kept
// verbatim, so that the output is protected with the designer's password without Kinerja ever
// knowing it. `present` with no attributes is an element that the source wrote bare (Excel
// does for a workbook once protected and then unprotected): it is written back as it was.
struct PartProtection {
    bool present = false;
    std::vector<std::pair<std::string, std::string>> attributes;

    bool empty() const { return !present; }
    // The value of `name`, or empty.
    std::string get(const std::string& name) const {
        for (const auto& [key, value] : attributes)
            if (key == name) return value;
        return {};
    }
    bool operator==(const PartProtection&) const = default;
};

}  // namespace kinerja
