// Stage 4: find what is wrong or suspicious, and mark it in the workbook.
//
//     auto findings = kinerja::validate(workbook, tables, fill_report, {misses, rumus});
//     kinerja::mark_findings(workbook, findings);        // Validasi sheet, highlights, comments
//     std::string json = kinerja::findings_json(findings);
//
// Findings never change what the user typed: marking adds a sheet, a fill colour and a
// comment, nothing else.
#pragma once

#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <span>
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

// What the stages before validation saw besides the fill, for it to judge: each stage reports
// facts and validation alone raises findings.
struct StageFacts {
    std::span<const NearMiss> misses;     // what was nearly a table (tabel.tidak_ditemukan)
    std::span<const RumusProblem> rumus;  // the Rumus sheet's unusable cells (rumus.tidak_valid)
};

// Everything a run finds, after a fill, given what it computed and saw. The structural rules
// judge what the user typed (the cells the fill wrote, FillReport::changes, are set aside
// while they look, and put back before this returns), and a realisasi that holds a formula
// after the fill is not reported as missing. Then the fill's facts (FillReport::facts: unknown
// indicators, stated values that differ, ...) and the indicators' figures across tables
// (FillReport::outcomes) are judged; then a workbook without tables (at its nearest miss),
// the Rumus sheet's problems and the parts the reader could not carry (Workbook::dropped).
// The findings come back located (locate_hidden) and in order: those in sight first, then
// those in hidden places; each in workbook order (sheet, row, column), and within a cell in
// the order above.
std::vector<Finding> validate(Workbook& workbook, const std::vector<Table>& tables,
                              const FillReport& fill, const StageFacts& seen = {});

// Sets Finding::hidden on each finding whose cell is in a hidden or very hidden sheet, a
// hidden row or a hidden column (a merged cell only when all its rows or columns are).
// validate(..., fill, ...) calls it once over all its findings. Findings about the workbook
// as a whole (rumus.*, tabel.tidak_ditemukan) are never hidden.
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
// What `kinerja inspect --json` and the service show: tables_json with each table's
// "rows_not_data" ({"sections","totals"}) and the workbook's "drawn_shapes".
nlohmann::ordered_json understanding_json(const Understanding& understood, Lang lang = Lang::id);

std::size_t count(const std::vector<Finding>& findings, Severity severity);

// The name of the sheet mark_findings adds.
inline constexpr const char* validasi_sheet_name = "Validasi";

}  // namespace kinerja
