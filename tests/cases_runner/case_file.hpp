// The data-driven validation cases of tests/cases/<name>/: what a case folder holds, and how
// the findings of a run compare with its expected.json.
//
//     input.xlsx      the workbook, or input.txt naming one relative to the repository root
//     data.csv        optional raw inputs, as given to `kinerja fill --data`
//     expected.json   {"exact": true|false,
//                      "findings": [{"rule", "sheet", "cell", "message_contains": [...]}],
//                      "tolerated": [{"rule", "sheet", "cell", "reason"}],   (optional)
//                      "satker": "KODE", "description": "...", "notes": [...]} (optional)
//
// exact = true: the (rule, sheet, cell) found must be exactly those listed (tolerated ones
// may appear or not). exact = false: the listed ones must be found, and no error of a rule
// not listed may appear unless tolerated.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/finding.hpp"
#include "fill/fill.hpp"
#include "tables/tables.hpp"

namespace kinerja::test {

struct ExpectedFinding {
    std::string rule, sheet, cell;
    std::vector<std::string> message_contains;  // in the Indonesian message
};

// A finding that may appear without failing the case: a known false error, with the reason.
// An empty sheet or cell matches any.
struct ToleratedFinding {
    std::string rule, sheet, cell, reason;
};

// A table the case expects `find_tables` to understand: where, what kind, and the role of
// each column named ("H": "indikator"; "Z": "capaian" with "evaluated" listing the columns
// that must be the evaluated ones).
struct ExpectedTable {
    std::string sheet, range, kind;
    std::map<std::string, std::string> roles;  // column letter -> role name
    std::vector<std::string> evaluated;        // column letters
};

struct Case {
    std::string name;
    std::filesystem::path workbook;
    std::optional<std::filesystem::path> data;
    std::string satker;  // which satker of data.csv; may be empty when it holds one
    bool exact = true;
    std::vector<ExpectedFinding> findings;
    std::vector<ToleratedFinding> tolerated;
    std::optional<std::vector<ExpectedTable>> tables;  // exactly these tables, when given
    std::optional<std::size_t> computed_cells;         // the fill computes this many cells
};

std::filesystem::path cases_dir();
// The case folders under tests/cases, sorted.
std::vector<std::string> case_names();
// Reads a case folder; throws std::runtime_error saying what is wrong with it.
Case load_case(const std::string& name);
// The fill options a case runs with: its data.csv, if any.
FillOptions case_options(const Case& c);

// "Sheet!E14 rule.id" for messages and sets.
std::string finding_key(const std::string& rule, const std::string& sheet, const std::string& cell);
std::string finding_key(const Finding& f);

// An empty string when the findings are as expected; otherwise a readable diff listing the
// missing, unexpected and wrongly worded findings with their messages.
std::string compare_findings(const Case& c, const std::vector<Finding>& found);
// The same for the tables understood, when the case lists them.
std::string compare_tables(const Case& c, const std::vector<Table>& found);

}  // namespace kinerja::test
