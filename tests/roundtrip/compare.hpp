// Field-by-field comparison of two Workbook models, for the round-trip test.
//
// Styles are compared by their resolved content, never by index. Comparisons are
// semantic where the file format has several spellings of one meaning (an absent
// validation operator is "between"; a fill colour under pattern "none" is invisible);
// every such rule is written next to the code that applies it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/workbook.hpp"

namespace kinerja::test {

struct Difference {
    std::string sheet;     // empty for workbook-level parts
    std::string where;     // "B3", "column C", "row 5", "validation C2:C11", "name Tahun", ...
    std::string area;      // what kind of thing: "cell", "row", "column", "validation", ...
    std::string field;     // "style.font.bold", "width", "formula1", ...
    std::string expected;  // the value in the first model, printed
    std::string got;       // the value in the second model, printed
    std::string describe()
        const;  // "sheet 'Nilai' B3 [cell] style.font.bold: expected true, got false"
};

// Every difference between `expected` and `got`. Not compared, because a write
// changes them by definition: properties.modified and properties.last_modified_by.
std::vector<Difference> compare_workbooks(const Workbook& expected, const Workbook& got);

// Tolerances, as the issue asks: widths within 1/256 of a character, images within a pixel.
constexpr double column_width_tolerance = 1.0 / 256 + 1e-9;
constexpr double pixel_tolerance = 1.0 + 1e-9;
// Row heights and margins are written with printf %g (6 significant digits).
constexpr double point_tolerance = 1e-3;
// libxlsxwriter prints numbers with %.16G, so the 17th significant digit may change.
constexpr double relative_number_tolerance = 1e-15;

// The differences not excused by what the writer reported as dropped. A report
// {part "Sheet!B5 (+2 more)", what "rich text ..."} excuses up to 3 differences of
// the area named in `what` on that sheet, the first of them at B5; nothing else.
std::vector<Difference> unexcused(const std::vector<Difference>& differences,
                                  const std::vector<DroppedPart>& reported);

// Up to `limit` differences, one per line, then a count of the rest.
std::string describe_all(const std::vector<Difference>& differences, std::size_t limit = 40);

}  // namespace kinerja::test
