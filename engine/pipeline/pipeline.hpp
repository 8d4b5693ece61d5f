// The whole job on one workbook, in one straight line:
//     read -> undo an earlier fill -> find tables -> fill -> validate -> mark -> write.
// This is the library's front door: the CLI, the batch and the service call it.
//
//     auto engine = kinerja::Engine::load(kinerja::default_formulas_dir());
//     auto sink = kinerja::WorkbookSink::file("keluar.xlsx");
//     kinerja::RunReport r = kinerja::process(engine, kinerja::WorkbookSource::file("masuk.xlsx"),
//     sink); if (r.counts().fails()) ...  // errors in sight (not only in hidden rows or sheets)
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/finding.hpp"
#include "evaluate/evaluate.hpp"
#include "fill/fill.hpp"
#include "match/match.hpp"
#include "model/workbook.hpp"
#include "read/read.hpp"
#include "tables/tables.hpp"
#include "write/write.hpp"

namespace kinerja {

// The catalogue compiled once and the indicator matcher: immutable, share it between
// threads (each run makes its own Evaluator).
struct Engine {
    std::shared_ptr<const CompiledCatalogue> compiled;
    std::shared_ptr<const IndicatorMatcher> matcher;
    // Reads indikator.toml and pengaturan.toml from `formulas_dir`; throws InputError.
    static Engine load(const std::filesystem::path& formulas_dir);
};

// Where a workbook comes from: a file, or the bytes of one in memory (an upload) with the
// name that messages use for it.
class WorkbookSource {
public:
    static WorkbookSource file(std::filesystem::path path);
    static WorkbookSource bytes(std::string data, std::string name);
    const std::string& name() const { return name_; }
    // Throws InputError naming the file (or the upload) when it cannot be read.
    Workbook read(const ReadLimits& limits = {}) const;

private:
    std::filesystem::path path_;
    std::string bytes_, name_;
    bool in_memory_ = false;
};

// Where the filled workbook goes: nowhere (validate only), a file (replaced atomically), or
// memory (bytes() after the run).
class WorkbookSink {
public:
    static WorkbookSink none() { return {}; }
    static WorkbookSink file(std::filesystem::path path);
    static WorkbookSink memory();
    bool writes() const { return kind_ != Kind::none; }
    const std::string& bytes() const { return bytes_; }
    std::string take_bytes() { return std::move(bytes_); }
    // What a memory sink's bytes are, once written: ".xlsm" when the workbook kept its macros
    // (write/write.hpp output_extension), else ".xlsx". A file sink's is its path's.
    const std::string& extension() const { return extension_; }
    // Throws OutputError when the workbook cannot be written.
    WriteReport write(const Workbook& workbook, const WriteOptions& options);

private:
    enum class Kind { none, file, memory };
    Kind kind_ = Kind::none;
    std::filesystem::path path_;
    std::string bytes_;
    std::string extension_ = ".xlsx";
};

struct RunOptions {
    FillOptions fill;
    WriteOptions write;
    ReadLimits read;
};

// How long each step took, for the batch's report and the service's metrics.
struct RunTimings {
    double read_ms = 0, fill_ms = 0, write_ms = 0;
};

struct RunReport {
    // Validation's (of what was typed and what the fill saw) and the Rumus sheet's findings:
    // in sight first, then in hidden rows, columns and sheets (Finding::hidden); sheet order.
    std::vector<Finding> findings;
    std::vector<DroppedPart> dropped;  // what the output could not carry
    FillReport fill;                   // computed cells, outcomes, the facts validation judged
    std::vector<Table> tables;         // what was understood: kinds, bands, column roles
    std::vector<NearMiss> misses;      // what looked like a table but was not taken, and why
    // The raw inputs the fill used: FillOptions::data, else the workbook's Data sheet.
    std::optional<SatkerData> inputs;
    RunTimings timings;
    std::size_t errors() const;
    std::size_t warnings() const;
    FindingCounts counts() const;  // counts().fails(): errors in sight, the exit status rule
};

// Reads `source`, fills and validates it, and writes the result with its Validasi sheet to
// `sink` (nothing when the sink is none). Throws InputError when the input is unusable and
// OutputError when the output cannot be written. `evaluator`, when given, is reused: many
// workbooks in a row (the batch, one per thread) compile the catalogue's formulas once; a
// workbook with a Rumus sheet still gets its own from its merged catalogue.
RunReport process(const Engine& engine, const WorkbookSource& source, WorkbookSink& sink,
                  const RunOptions& options = {}, Evaluator* evaluator = nullptr);

// A template bound once for many copies (the batch): read, an earlier fill undone and its
// tables found once, with the title cells where each copy's satker name goes.
class BoundTemplate {
public:
    // Throws InputError when the template cannot be read.
    static BoundTemplate bind(const WorkbookSource& source, const ReadLimits& limits = {});
    // The copy for one satker: its name in the title lines and the document's subject.
    Workbook copy_for(const std::string& satker) const;
    // The template's tables as they are in that copy (the name in their titles).
    std::vector<Table> tables_for(const std::string& satker) const;
    // The copies' file extension: ".xlsm" when the template keeps macros (output_extension).
    std::string output_extension() const;

private:
    struct Slot {
        std::size_t sheet = 0;
        std::uint32_t row = 0, col = 0;
    };
    Workbook model_;             // personalised with a marker where the satker goes
    std::vector<Slot> slots_;    // the cells holding the marker
    std::vector<Table> tables_;  // searched once, the marker in their titles
};

// The copy of `base` for `satker`, filled (with options.fill.data) and written to `sink`.
RunReport process(const Engine& engine, const BoundTemplate& base, const std::string& satker,
                  WorkbookSink& sink, const RunOptions& options = {},
                  Evaluator* evaluator = nullptr);

// The fill step alone, on a workbook already in memory: fills and marks it in place.
RunReport process(const Engine& engine, Workbook& workbook, const FillOptions& options = {});

// Shorthands for process(): a file in, a file out (atomically) or nothing out.
RunReport fill_workbook(const Engine& engine, const std::filesystem::path& input,
                        const std::filesystem::path& output, const FillOptions& options = {});
RunReport validate_workbook(const Engine& engine, const std::filesystem::path& input,
                            const FillOptions& options = {});

// What Kinerja understands of a workbook, undoing an earlier fill first: the tables found
// and the regions that looked like tables but were not taken, with what explains them
// (`kinerja inspect`, its --json, and the service).
Understanding understand(Workbook& workbook);

}  // namespace kinerja
