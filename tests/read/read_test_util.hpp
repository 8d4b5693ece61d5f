// Helpers for the reader tests: fixture paths, catching InputError, finding cells.
#pragma once

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <optional>
#include <string>

#include "read/read.hpp"
#include "support/support.hpp"

namespace kinerja::test {

inline std::filesystem::path handmade(const std::string& name) {
    return test_dir() / "fixtures" / "handmade" / name;
}

inline std::filesystem::path bad_input(const std::string& name) {
    return test_dir() / "fixtures" / "bad" / name;
}

// The InputError that reading `file` throws, or nullopt when it reads fine.
inline std::optional<InputError> read_error(const std::filesystem::path& file,
                                            const ReadLimits& limits = {}) {
    try {
        read_workbook(file, limits);
    } catch (const InputError& e) {
        return e;
    }
    return std::nullopt;
}

inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The cell at "B7"; fails the test when it is missing.
inline const Cell& cell_at(const Sheet& sheet, const std::string& ref) {
    std::uint32_t row = 0, col = 0;
    BOOST_REQUIRE_MESSAGE(parse_cell_name(ref, row, col), "bad reference " << ref);
    const Cell* cell = sheet.find(row, col);
    BOOST_REQUIRE_MESSAGE(cell, "no cell " << ref << " in " << sheet.name);
    return *cell;
}

inline const Sheet& sheet_named(const Workbook& wb, const std::string& name) {
    const Sheet* sheet = wb.sheet(name);
    BOOST_REQUIRE_MESSAGE(sheet, "no sheet " << name);
    return *sheet;
}

inline bool has_dropped(const Workbook& wb, const std::string& part, const std::string& what) {
    for (const auto& d : wb.dropped)
        if (d.part == part && contains(d.what, what)) return true;
    return false;
}

}  // namespace kinerja::test
