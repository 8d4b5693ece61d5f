// Helpers for the writer's tests: write a model, then look inside the .xlsx.
#pragma once

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "support/support.hpp"
#include "write/write.hpp"

namespace kinerja::test {

// A model written into its own scratch folder.
class Written {
public:
    explicit Written(const Workbook& workbook, const WriteOptions& options = {})
        : file_(scratch_ / "out.xlsx"), report_(write_workbook(workbook, file_, options)) {}

    const std::filesystem::path& file() const { return file_; }
    const WriteReport& report() const { return report_; }

    // The text of one zip part, e.g. "xl/worksheets/sheet1.xml"; fails the test if absent.
    std::string part(const std::string& name) const {
        RunResult r = run({"unzip", "-p", file_.string(), name});
        BOOST_REQUIRE_MESSAGE(r.exit_code == 0, "no part " << name << " in the output");
        return r.out;
    }
    std::string sheet(int number = 1) const {
        return part("xl/worksheets/sheet" + std::to_string(number) + ".xml");
    }
    std::vector<std::string> part_names() const {
        RunResult r = run({"unzip", "-Z1", file_.string()});
        std::vector<std::string> names;
        std::string line;
        for (char c : r.out) {
            if (c == '\n') {
                names.push_back(line);
                line.clear();
            } else {
                line += c;
            }
        }
        return names;
    }
    // True when some report entry's kind contains `kind`.
    bool reported(const std::string& kind) const {
        for (const auto& d : report_.dropped)
            if (d.what.find(kind) != std::string::npos) return true;
        return false;
    }

private:
    ScratchDir scratch_;
    std::filesystem::path file_;
    WriteReport report_;
};

// Asserts that `text` contains `piece`, showing both when not.
#define KINERJA_CHECK_HAS(text, piece)                           \
    BOOST_CHECK_MESSAGE((text).find(piece) != std::string::npos, \
                        "missing: " << (piece) << "\n in: " << (text).substr(0, 4000))
#define KINERJA_CHECK_LACKS(text, piece)                         \
    BOOST_CHECK_MESSAGE((text).find(piece) == std::string::npos, \
                        "unexpected: " << (piece) << "\n in: " << (text).substr(0, 4000))

inline Cell number_cell(std::uint32_t row, std::uint32_t col, double value,
                        std::uint32_t style = 0) {
    return Cell::of_number(row, col, value, style);
}

inline Cell text_cell(std::uint32_t row, std::uint32_t col, std::string text,
                      std::uint32_t style = 0) {
    return Cell::of_text(row, col, std::move(text), style);
}

inline Workbook one_sheet(const std::string& name = "Data") {
    Workbook wb;
    wb.sheets.emplace_back();
    wb.sheets.back().name = name;
    return wb;
}

}  // namespace kinerja::test
