#include "pipeline/pipeline.hpp"

#include <chrono>
#include <optional>

#include "common/atomic_output.hpp"
#include "fill/fill.hpp"
#include "read/read.hpp"
#include "tables/tables.hpp"
#include "validate/validate.hpp"
#include "write/write.hpp"

namespace kinerja {

Engine Engine::load(const std::filesystem::path& formulas_dir) {
    Catalogue catalogue = load_catalogue(formulas_dir / "indikator.toml");
    Settings settings = load_settings(formulas_dir / "pengaturan.toml");
    auto matcher = std::make_shared<const IndicatorMatcher>(catalogue);
    auto compiled =
        std::make_shared<const CompiledCatalogue>(std::move(catalogue), std::move(settings));
    return Engine{std::move(compiled), std::move(matcher)};
}

std::size_t RunReport::errors() const {
    return count(findings, Severity::error);
}
std::size_t RunReport::warnings() const {
    return count(findings, Severity::warning);
}
FindingCounts RunReport::counts() const {
    return count_findings(findings);
}

namespace {

// Start from what the user typed: undo a previous fill's computed values and marks.
void undo_earlier_fill(Workbook& workbook) {
    restore_typed_values(workbook);
    clear_marks(workbook);
    remove_grafik(workbook);  // Kinerja's own Grafik sheet: rebuilt below when asked
}

RunReport run(const Engine& engine, Evaluator* reusable, Workbook& workbook,
              const std::vector<Table>* bound, const FillOptions& options) {
    RunReport report;
    std::vector<Table> tables;
    if (bound) {
        tables = *bound;  // the copy of a bound template: nothing to undo, tables known
    } else {
        undo_earlier_fill(workbook);
        TableSearch search = search_tables(workbook);
        tables = std::move(search.tables);
        report.misses = std::move(search.misses);
    }
    // A `Rumus` sheet overrides the catalogue and settings for this workbook only.
    WorkbookCatalogue catalogue = catalogue_for(workbook, engine.compiled, engine.matcher);
    std::optional<Evaluator> own;
    if (!reusable || catalogue.compiled != engine.compiled) own.emplace(*catalogue.compiled);
    Evaluator& evaluator = own ? *own : *reusable;
    report.fill = fill_tables(workbook, tables, evaluator, *catalogue.matcher, options);
    // Validation judges what the user typed and what the stages saw, knowing what the fill
    // computed: the one place findings are raised, located and ordered.
    report.findings =
        validate(workbook, tables, report.fill, StageFacts{report.misses, catalogue.problems});
    mark_findings(workbook, report.findings);
    report.tables = std::move(tables);
    report.inputs = options.data ? options.data : read_data_sheet(workbook);
    return report;
}

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

// The steps after the model is in memory: fill, validate, mark, write; timed.
RunReport finish(const Engine& engine, Evaluator* evaluator, Workbook& workbook,
                 const std::vector<Table>* bound, WorkbookSink& sink, const RunOptions& options,
                 double read_ms) {
    auto step = std::chrono::steady_clock::now();
    RunReport report = run(engine, evaluator, workbook, bound, options.fill);
    report.timings.read_ms = read_ms;
    report.timings.fill_ms = ms_since(step);
    report.dropped = workbook.dropped;
    if (sink.writes()) {
        step = std::chrono::steady_clock::now();
        WriteReport written = sink.write(workbook, options.write);
        report.dropped.insert(report.dropped.end(), written.dropped.begin(), written.dropped.end());
        report.timings.write_ms = ms_since(step);
    }
    return report;
}

}  // namespace

WorkbookSource WorkbookSource::file(std::filesystem::path path) {
    WorkbookSource source;
    source.name_ = path.string();
    source.path_ = std::move(path);
    return source;
}

WorkbookSource WorkbookSource::bytes(std::string data, std::string name) {
    WorkbookSource source;
    source.bytes_ = std::move(data);
    source.name_ = std::move(name);
    source.in_memory_ = true;
    return source;
}

Workbook WorkbookSource::read(const ReadLimits& limits) const {
    return in_memory_ ? read_workbook(std::string_view(bytes_), name_, limits)
                      : read_workbook(path_, limits);
}

WorkbookSink WorkbookSink::file(std::filesystem::path path) {
    WorkbookSink sink;
    sink.kind_ = Kind::file;
    sink.extension_ = path.extension().string();
    sink.path_ = std::move(path);
    return sink;
}

WorkbookSink WorkbookSink::memory() {
    WorkbookSink sink;
    sink.kind_ = Kind::memory;
    return sink;
}

WriteReport WorkbookSink::write(const Workbook& workbook, const WriteOptions& options) {
    switch (kind_) {
        case Kind::file:
            return write_workbook(workbook, path_, options);
        case Kind::memory:
            extension_ = output_extension(workbook);
            return write_workbook(workbook, bytes_, options);
        case Kind::none:
            break;
    }
    return {};
}

RunReport process(const Engine& engine, const WorkbookSource& source, WorkbookSink& sink,
                  const RunOptions& options, Evaluator* evaluator) {
    auto start = std::chrono::steady_clock::now();
    Workbook workbook = source.read(options.read);
    double read_ms = ms_since(start);
    return finish(engine, evaluator, workbook, nullptr, sink, options, read_ms);
}

RunReport process(const Engine& engine, const BoundTemplate& base, const std::string& satker,
                  WorkbookSink& sink, const RunOptions& options, Evaluator* evaluator) {
    auto start = std::chrono::steady_clock::now();
    Workbook workbook = base.copy_for(satker);
    std::vector<Table> tables = base.tables_for(satker);
    double read_ms = ms_since(start);
    return finish(engine, evaluator, workbook, &tables, sink, options, read_ms);
}

RunReport process(const Engine& engine, Workbook& workbook, const FillOptions& options) {
    return run(engine, nullptr, workbook, nullptr, options);
}

Understanding understand(Workbook& workbook) {
    undo_earlier_fill(workbook);
    return understand_tables(workbook);
}

RunReport fill_workbook(const Engine& engine, const std::filesystem::path& input,
                        const std::filesystem::path& output, const FillOptions& options) {
    // What a fill killed before its rename left in that folder (hours old, so never a
    // running fill's): the batch tidies its folder the same way (engine/batch/output_lock.cpp).
    std::filesystem::path folder = output.parent_path();
    remove_stray_temps(folder.empty() ? std::filesystem::path(".") : folder);
    WorkbookSink sink = WorkbookSink::file(output);
    // Staged in memory as the batch's workbooks are: libxlsxwriter then never writes into
    // the destination's folder, so a full disk there fails in Kinerja's own copy, with
    // "disk penuh" and the folder, not inside libxlsxwriter with its own lines on stderr.
    WriteOptions write;
    write.temp_folder = memory_folder();
    return process(engine, WorkbookSource::file(input), sink, RunOptions{options, write, {}});
}

RunReport validate_workbook(const Engine& engine, const std::filesystem::path& input,
                            const FillOptions& options) {
    WorkbookSink none = WorkbookSink::none();
    return process(engine, WorkbookSource::file(input), none, RunOptions{options, {}, {}});
}

}  // namespace kinerja
