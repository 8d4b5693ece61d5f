// A finding: something wrong or suspicious at one cell, for the Validasi sheet and report.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/message.hpp"
#include "common/rules.hpp"

namespace kinerja {

// Where a finding's cell is out of the user's sight. Hidden rows and sheets are still read,
// computed and checked; their findings are listed apart and do not alone fail a run.
enum class Hidden : std::uint8_t { no, row, column, sheet };

struct Finding {
    Severity severity = Severity::error;
    Rule rule = Rule::umum_bukan_angka;  // its entry in the registry (common/rules.hpp)
    std::string sheet;
    std::uint32_t row = 0, col = 0;
    Message message;             // names the cells and the numbers
    Hidden hidden = Hidden::no;  // set once for all findings by locate_hidden (validate.hpp)

    // A finding of `rule` with the severity the registry gives it.
    static Finding of(Rule rule, std::string sheet, std::uint32_t row, std::uint32_t col,
                      Message message) {
        return {rule_info(rule).severity, rule, std::move(sheet), row, col, std::move(message)};
    }
    std::string_view id() const { return rule_id(rule); }  // anggaran.sisa
};

// "row", "column", "sheet", or nullptr for a finding in sight (the JSON report's words).
const char* hidden_name(Hidden hidden);

// How many findings of each severity, how many of them are in hidden places, and how many of
// each rule: what every report counts (the JSON form is validate's counts_json).
struct FindingCounts {
    std::size_t errors = 0, warnings = 0;
    std::size_t hidden_errors = 0, hidden_warnings = 0;  // included in errors and warnings
    std::map<std::string, std::size_t> by_rule = {};     // how many of each rule, by its id
    std::size_t hidden() const { return hidden_errors + hidden_warnings; }
    // The one rule for exit statuses (kinerja fill/validate and each unit of a batch): only
    // errors the user can see fail a run; errors only in hidden rows, columns or sheets do not.
    bool fails() const { return errors > hidden_errors; }
};

FindingCounts count_findings(const std::vector<Finding>& findings);

}  // namespace kinerja
