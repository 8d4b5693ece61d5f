// The whole job on one workbook: read -> find tables -> fill -> validate -> write.
// This is the library's front door; the CLI and the batch runner call it.
//
//     auto engine = kinerja::Engine::load(kinerja::default_formulas_dir());
//     kinerja::RunReport r = kinerja::fill_workbook(engine, "masuk.xlsx", "keluar.xlsx");
//     if (r.counts().fails()) ...  // errors in sight (not only in hidden rows or sheets)
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "common/finding.hpp"
#include "evaluate/evaluate.hpp"
#include "fill/fill.hpp"
#include "match/match.hpp"
#include "model/workbook.hpp"
#include "tables/tables.hpp"

namespace kinerja {

// The catalogue compiled once and the indicator matcher: immutable, share it between
// threads (each run makes its own Evaluator).
struct Engine {
    std::shared_ptr<const CompiledCatalogue> compiled;
    std::shared_ptr<const IndicatorMatcher> matcher;
    // Reads indikator.toml and pengaturan.toml from `formulas_dir`; throws InputError.
    static Engine load(const std::filesystem::path& formulas_dir);
};

struct RunReport {
    // Validation and fill findings: those in sight first, then those in hidden rows, columns
    // and sheets (Finding::hidden), each in sheet order.
    std::vector<Finding> findings;
    std::vector<DroppedPart> dropped;  // what the output could not carry
    FillReport fill;                   // computed cells and per-indicator outcomes
    std::vector<Table> tables;         // what was understood: kinds, bands, column roles
    std::vector<NearMiss> misses;      // what looked like a table but was not taken, and why
    std::size_t errors() const;
    std::size_t warnings() const;
    FindingCounts counts() const;  // counts().fails(): errors in sight, the exit status rule
};

// Fills `input` and writes `output` (atomically) with the Validasi sheet. Throws InputError
// when the input is unusable and OutputError when the output cannot be written.
RunReport fill_workbook(const Engine& engine, const std::filesystem::path& input,
                        const std::filesystem::path& output, const FillOptions& options = {});

// The same checks without writing anything.
RunReport validate_workbook(const Engine& engine, const std::filesystem::path& input,
                            const FillOptions& options = {});

// The in-memory step both use: fills and marks `workbook` in place.
RunReport process(const Engine& engine, Workbook& workbook, const FillOptions& options = {});

// The same with an Evaluator made from engine.compiled and kept by the caller, so that many
// workbooks in a row (the batch) compile the catalogue's formulas once, not once each. An
// Evaluator is not thread-safe: one per thread. A workbook with a Rumus sheet still gets its
// own, from its merged catalogue.
RunReport process(const Engine& engine, Evaluator& evaluator, Workbook& workbook,
                  const FillOptions& options = {});

// What Kinerja understands of a workbook, undoing an earlier fill first: the tables found
// and the regions that looked like tables but were not taken (`kinerja inspect`).
TableSearch understand(Workbook& workbook);

// Binding a template once for many copies (the batch): bind() undoes an earlier fill of
// `workbook` as process() would and returns its tables. process() with those tables skips
// the table search; they must have been bound on a workbook whose copy `workbook` is, with
// only non-header texts changed (the satker's name in the title).
std::vector<Table> bind(Workbook& workbook);
RunReport process(const Engine& engine, Evaluator& evaluator, Workbook& workbook,
                  const std::vector<Table>& bound, const FillOptions& options = {});

}  // namespace kinerja
