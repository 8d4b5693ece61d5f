#include "pipeline/pipeline.hpp"

#include <algorithm>
#include <optional>

#include "fill/computed.hpp"
#include "fill/rumus_sheet.hpp"
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
    report.findings = validate(workbook, tables);
    if (tables.empty() && !workbook.sheets.empty()) {
        Finding none{Severity::error,
                     "tabel.tidak_ditemukan",
                     workbook.sheets.front().name,
                     0,
                     0,
                     {"Tidak ada tabel yang dikenali di buku kerja ini. Baris judul tabel harus "
                      "memuat kata seperti Indikator Kinerja, Target, Realisasi, Capaian, Pagu "
                      "atau Uraian.",
                      "No table was recognised in this workbook. A table's header row must hold "
                      "words such as Indikator Kinerja, Target, Realisasi, Capaian, Pagu or "
                      "Uraian."}};
        // The nearest miss says what was seen and what was lacking (`kinerja inspect` lists all).
        if (!report.misses.empty()) {
            const NearMiss& miss = report.misses.front();
            none.sheet = miss.sheet;
            none.row = miss.first_row;
            std::string rows = std::to_string(miss.first_row + 1);
            if (miss.last_row != miss.first_row) rows += "-" + std::to_string(miss.last_row + 1);
            none.message = {
                none.message.in(Lang::id) + " Paling mendekati: baris " + rows + ", " +
                    miss.why_id + ".",
                none.message.in(Lang::en) + " Nearest: rows " + rows + ", " + miss.why_en + "."};
        }
        report.findings.push_back(std::move(none));
    }
    // A `Rumus` sheet overrides the catalogue and settings for this workbook only.
    std::shared_ptr<const CompiledCatalogue> compiled = engine.compiled;
    std::shared_ptr<const IndicatorMatcher> matcher = engine.matcher;
    if (auto rumus = read_rumus_sheet(workbook, engine.compiled->settings())) {
        report.findings.insert(report.findings.end(), rumus->findings.begin(),
                               rumus->findings.end());
        Catalogue merged = apply_overrides(engine.compiled->catalogue(), *rumus);
        try {
            matcher = std::make_shared<const IndicatorMatcher>(merged);
            compiled =
                std::make_shared<const CompiledCatalogue>(std::move(merged), rumus->settings);
        } catch (const InputError& e) {
            report.findings.push_back({Severity::error,
                                       "rumus.tidak_valid",
                                       "Rumus",
                                       0,
                                       0,
                                       {"Sheet Rumus tidak dapat dipakai: " + e.reason().id,
                                        "The Rumus sheet cannot be used: " + e.reason().en}});
            compiled = engine.compiled;
            matcher = engine.matcher;
        }
    }
    std::optional<Evaluator> own;
    if (!reusable || compiled != engine.compiled) own.emplace(*compiled);
    Evaluator& evaluator = own ? *own : *reusable;
    report.fill = fill_tables(workbook, tables, evaluator, *matcher, options);
    report.findings.insert(report.findings.end(), report.fill.findings.begin(),
                           report.fill.findings.end());
    // A realisasi the fill computed from the raw inputs is not missing any more.
    std::erase_if(report.findings, [&](const Finding& f) {
        if (f.rule != "umum.realisasi_kosong") return false;
        const Sheet* sheet = workbook.sheet(f.sheet);
        const Cell* cell = sheet ? sheet->find(f.row, f.col) : nullptr;
        return cell && cell->is_formula();
    });
    // Those in sight first, then those in hidden places; each in workbook order: sheet, then
    // row, then column.
    locate_hidden(workbook, report.findings);
    auto sheet_index = [&](const std::string& name) {
        for (std::size_t i = 0; i < workbook.sheets.size(); ++i)
            if (workbook.sheets[i].name == name) return i;
        return workbook.sheets.size();
    };
    std::stable_sort(
        report.findings.begin(), report.findings.end(), [&](const Finding& a, const Finding& b) {
            auto ka = std::tuple(a.hidden != Hidden::no, sheet_index(a.sheet), a.row, a.col);
            auto kb = std::tuple(b.hidden != Hidden::no, sheet_index(b.sheet), b.row, b.col);
            return ka < kb;
        });
    mark_findings(workbook, report.findings);
    report.tables = std::move(tables);
    return report;
}

}  // namespace

RunReport process(const Engine& engine, Workbook& workbook, const FillOptions& options) {
    return run(engine, nullptr, workbook, nullptr, options);
}

RunReport process(const Engine& engine, Evaluator& evaluator, Workbook& workbook,
                  const FillOptions& options) {
    return run(engine, &evaluator, workbook, nullptr, options);
}

TableSearch understand(Workbook& workbook) {
    undo_earlier_fill(workbook);
    return search_tables(workbook);
}

std::vector<Table> bind(Workbook& workbook) {
    return understand(workbook).tables;
}

RunReport process(const Engine& engine, Evaluator& evaluator, Workbook& workbook,
                  const std::vector<Table>& bound, const FillOptions& options) {
    return run(engine, &evaluator, workbook, &bound, options);
}

RunReport fill_workbook(const Engine& engine, const std::filesystem::path& input,
                        const std::filesystem::path& output, const FillOptions& options) {
    Workbook workbook = read_workbook(input);
    RunReport report = process(engine, workbook, options);
    report.dropped = workbook.dropped;
    WriteReport written = write_workbook(workbook, output);
    report.dropped.insert(report.dropped.end(), written.dropped.begin(), written.dropped.end());
    return report;
}

RunReport validate_workbook(const Engine& engine, const std::filesystem::path& input,
                            const FillOptions& options) {
    Workbook workbook = read_workbook(input);
    RunReport report = process(engine, workbook, options);
    report.dropped = workbook.dropped;
    return report;
}

}  // namespace kinerja
