// What LibreOffice and Gnumeric show, exported as CSV, against the model's values.
#pragma once

#include <string>
#include <vector>

#include "model/workbook.hpp"

namespace kinerja::test {

using CsvTable = std::vector<std::vector<std::string>>;

// RFC 4180: commas, double quotes doubled inside quoted fields, newlines in quotes.
CsvTable parse_csv(const std::string& text);

enum class Viewer { libreoffice, gnumeric };

// One line per cell where the CSV disagrees with the model. Only cells whose
// display is unambiguous are compared: text and booleans in General (or "@")
// format, numbers in General format (within 1e-14, since LibreOffice shows 15
// significant digits), error codes; and every non-empty CSV field must be a cell
// with a value in the model. Text with control characters is skipped (LibreOffice
// drops them), and for Gnumeric also text containing "_x" (it does not decode
// _xHHHH_ escapes).
// `compared` counts the cells whose display was checked.
std::vector<std::string> compare_csv(const Workbook& workbook, const Sheet& sheet,
                                     const CsvTable& table, Viewer viewer, std::size_t& compared);

}  // namespace kinerja::test
