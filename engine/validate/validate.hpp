// Stage 4: find what is wrong or suspicious, and mark it in the workbook.
//
//     auto findings = kinerja::validate(workbook, kinerja::find_tables(workbook));
//     kinerja::locate_hidden(workbook, findings);         // which are in hidden rows, sheets
//     kinerja::mark_findings(workbook, findings);        // Validasi sheet, highlights, comments
//     std::string json = kinerja::findings_json(findings);
//
// Findings never change what the user typed: marking adds a sheet, a fill colour and a
// comment, nothing else.
#pragma once

#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/finding.hpp"
#include "common/message.hpp"
#include "fill/fill.hpp"
#include "model/workbook.hpp"
#include "tables/tables.hpp"

namespace kinerja {

// The structural rules: budget tables, RKA trees, Rencana Aksi drawdowns, and the checks
// that apply to any table (missing values, text where a number belongs, negatives, ...).
std::vector<Finding> validate(const Workbook& workbook, const std::vector<Table>& tables);

// The same after a fill, given what it computed and saw. The structural rules judge what the
// user typed (the cells the fill wrote, FillReport::changes, are set aside while they look,
// and put back before this returns), and a value the fill computed is not reported as
// missing. Then the fill's facts (FillReport::facts: unknown indicators, stated values that
// differ, ...) and the indicators' figures across tables (FillReport::outcomes) are judged;
// those findings follow the structural ones.
std::vector<Finding> validate(Workbook& workbook, const std::vector<Table>& tables,
                              const FillReport& fill);

// tabel.tidak_ditemukan when no table was found, at the nearest miss and naming what it
// lacked (`kinerja inspect` lists them all).
std::optional<Finding> no_table_found(const Workbook& workbook, const std::vector<Table>& tables,
                                      const std::vector<NearMiss>& misses);

// bagian.tidak_dibawa: one warning per kind of part the reader could not carry and its place
// (a sheet, else the first sheet naming the part), appended to `findings`.
void add_dropped_part_findings(const Workbook& workbook, std::vector<Finding>& findings);

// Sets Finding::hidden on each finding whose cell is in a hidden or very hidden sheet, a
// hidden row or a hidden column (a merged cell only when all its rows or columns are). The
// pipeline calls it once over the findings of validation and filling together. Findings
// about the workbook as a whole (rumus.*, tabel.tidak_ditemukan) are never hidden.
void locate_hidden(const Workbook& workbook, std::vector<Finding>& findings);

// Removes what mark_findings added: the Validasi sheet, the highlights and Kinerja's notes.
void clear_marks(Workbook& workbook);

// Adds the "Validasi" sheet listing the findings with links to their cells,
// highlights each offending cell and attaches the message as a cell comment. A finding in a
// hidden place says where in the sheet's last column, "Tersembunyi" (baris, kolom, sheet).
void mark_findings(Workbook& workbook, const std::vector<Finding>& findings);

// The one JSON form of findings, shared by --report, the batch's laporan.json and the service
// (docs/architecture.md, "The JSON report"). A finding:
// {"severity","rule","sheet","cell","message"[,"hidden"]}, "hidden" being "row", "column" or
// "sheet", absent for a finding in sight.
nlohmann::ordered_json finding_json(const Finding& finding, Lang lang = Lang::id);
// The counts: {"errors","warnings","hidden","hidden_errors","by_rule"}.
nlohmann::ordered_json counts_json(const FindingCounts& counts);
// {"findings":[finding_json...],"summary":counts_json}
std::string findings_json(const std::vector<Finding>& findings, Lang lang = Lang::id);
// The same with what was understood: "tables" (sheet, range, kind, header band, each column's
// role with its header path, stated rules, skipped rows) and "misses" (what was not taken).
std::string findings_json(const std::vector<Finding>& findings, const std::vector<Table>& tables,
                          const std::vector<NearMiss>& misses, Lang lang = Lang::id);
// Writes that report (the second findings_json) to `file` atomically: a reader sees the old
// file or the whole new one. Throws OutputError when it cannot be written.
void write_findings_json(const std::filesystem::path& file, const std::vector<Finding>& findings,
                         const std::vector<Table>& tables, const std::vector<NearMiss>& misses,
                         Lang lang = Lang::id);
// {"tables":[...],"misses":[...]} alone (tables_json.cpp).
nlohmann::ordered_json tables_json(const std::vector<Table>& tables,
                                   const std::vector<NearMiss>& misses, Lang lang = Lang::id);

std::size_t count(const std::vector<Finding>& findings, Severity severity);

// The name of the sheet mark_findings adds.
inline constexpr const char* validasi_sheet_name = "Validasi";

}  // namespace kinerja
