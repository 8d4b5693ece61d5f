// Sheet and workbook protection, as the source file set it.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace kinerja {

// The attributes of <sheetProtection> or <workbookProtection>, by local name and in the file's
// order: the password's hash, salt and spin count and every option. Kept verbatim, so that
// the output is protected with the designer's password without Kinerja ever knowing it.
// Empty when the part is not protected.
struct PartProtection {
    std::vector<std::pair<std::string, std::string>> attributes;

    bool empty() const { return attributes.empty(); }
    // The value of `name`, or empty.
    std::string get(const std::string& name) const {
        for (const auto& [key, value] : attributes)
            if (key == name) return value;
        return {};
    }
    bool operator==(const PartProtection&) const = default;
};

}  // namespace kinerja
