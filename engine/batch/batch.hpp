// Stage 6: many workbooks at once, and the regional rekap.
//
//     auto engine = kinerja::Engine::load(kinerja::default_formulas_dir());
//     kinerja::BatchOptions o;
//     o.template_file = "capaian-kinerja.xlsx";
//     o.data_file = "data-wilayah.csv";            // satker,indikator,variabel,periode,nilai
//     o.out_dir = "keluaran";
//     kinerja::BatchResult r = kinerja::run_batch(engine, o);
//     // keluaran/<kode>.xlsx per satker, keluaran/rekap.xlsx, keluaran/laporan.json
//
// The template is read, personalised and bound once; each worker copies the model, fills
// one satker, writes it and drops it, keeping only a small summary for the rekap, in a temp
// file (the data's rows wait in one too), so memory does not grow with the region. A unit
// that fails (a bad data row, an unreadable workbook) is listed and the others go on.
// Re-running skips outputs that are up to date (see manifest.cpp). With a shard K/N only a
// stable 1/N of the units is done and the rekap is left to merge_rekap().
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/message.hpp"
#include "pipeline/pipeline.hpp"

namespace kinerja {

// Shard K of N (1-based). A unit belongs to shard hash(key) mod N + 1, where the key is
// the satker code (or the input file's name without .xlsx), so the split never depends on
// the order of the data or on which other units exist.
struct Shard {
    unsigned index = 1, count = 1;
    bool operator==(const Shard&) const = default;
};
// "2/4" -> {2, 4}; nullopt unless 1 <= K <= N <= 10000.
std::optional<Shard> parse_shard(std::string_view text);
unsigned shard_of(std::string_view key, unsigned count);

struct BatchProgress {
    std::size_t done = 0;     // units finished (written, skipped or failed)
    std::size_t total = 0;    // units in this shard
    std::size_t skipped = 0;  // of `done`, up to date from an earlier run
    std::size_t failed = 0;
    double seconds = 0;  // since the units started
};

struct BatchOptions {
    // Template mode: one workbook per satker of `data_file` (.csv or .xlsx).
    std::filesystem::path template_file, data_file;
    // Inputs mode: every .xlsx in `inputs_dir`, filled from its own Data sheet.
    std::filesystem::path inputs_dir;
    std::filesystem::path out_dir;
    // Only for the up-to-date check: a change of formulas redoes every unit.
    std::filesystem::path formulas_dir;
    unsigned jobs = 0;  // 0: one per hardware thread
    Shard shard;
    bool force = false;     // redo units that are up to date
    bool kategori = false;  // FillOptions::kategori
    bool grafik = false;    // FillOptions::grafik: a Grafik sheet in every workbook
    Lang lang = Lang::id;   // of the messages in laporan.json
    // Called on the calling thread about every `progress_interval` seconds and once at the end.
    std::function<void(const BatchProgress&)> on_progress;
    double progress_interval = 0.2;
};

enum class UnitStatus { ok, findings, failed };
const char* status_name(UnitStatus status);  // "ok", "findings", "failed"

struct UnitTimings {
    double read_ms = 0, fill_ms = 0, write_ms = 0, total_ms = 0;
};

// One unit's line in laporan.json and in the summary.
struct UnitReport {
    std::string key;     // satker code, or the input file's name without .xlsx
    std::string nama;    // satker name, if known
    std::string output;  // file name in the output folder ("" when failed)
    UnitStatus status = UnitStatus::ok;
    bool up_to_date = false;  // skipped: the output of an earlier run was kept
    // The unit's FindingCounts, kept flat for the summary store (counts() puts them together).
    std::size_t errors = 0, warnings = 0;
    std::size_t hidden_errors = 0, hidden_warnings = 0;  // of those, in hidden places
    std::map<std::string, std::size_t> rules;  // findings per rule id (data.variabel_kurang, ...)
    std::optional<Message> failure;            // why it failed
    UnitTimings timings;
    FindingCounts counts() const {
        return {errors, warnings, hidden_errors, hidden_warnings, rules};
    }
    // Errors in sight: the rule of FindingCounts::fails, which kinerja fill/validate follow too.
    bool has_errors() const {
        return FindingCounts{.errors = errors, .hidden_errors = hidden_errors}.fails();
    }
};

// What run_batch did. Per unit it keeps only the failures: the reports of every unit are in
// laporan.json, and holding them here would make memory grow with the number of units.
struct BatchResult {
    std::size_t units = 0;                                // this shard's
    std::size_t with_errors = 0, with_warnings_only = 0;  // among the units not failed
    std::vector<UnitReport> failures;                     // sorted by key
    // Problems that belong to no unit: data rows without a satker code.
    std::vector<Message> problems;
    // What the reading of the data noted, such as a CSV read as Windows-1252; not a problem.
    // Kept with the rekap (laporan.json, the part files).
    std::vector<Message> notices;
    // About this run only, not the data: manifest lines not trusted, stray temp files removed.
    std::vector<Message> notes;
    std::size_t written = 0, skipped = 0, failed = 0;
    std::size_t units_total = 0;  // in the data or folder, over all shards
    double seconds = 0;
    std::filesystem::path rekap, laporan, part;  // rekap is empty when sharded
    // 0 when every unit is written without errors; 1 when a unit failed, has errors, or
    // there are problems.
    int exit_code() const;
};

// Throws InputError when the template, the data file or the inputs folder cannot be used at
// all (unreadable, no header), and OutputError when the output folder cannot be written, is
// full, or is in use by another batch of the same shard (engine/batch/output_lock.cpp).
BatchResult run_batch(const Engine& engine, const BatchOptions& options);

struct RekapResult {
    std::size_t parts = 0, units = 0;
    std::vector<Shard> missing;  // shards of N that no folder held
    std::filesystem::path rekap, laporan;
    int exit_code = 0;  // as BatchResult::exit_code over the merged units; 1 if parts are missing
};

// Merges the rekap-part-K-of-N.json files found in `dirs` into out_dir/rekap.xlsx and
// out_dir/laporan.json. Throws InputError for an unreadable part or parts of different
// batches, and when no part is found; OutputError when out_dir is in use by a batch or
// another rekap (engine/batch/output_lock.cpp).
RekapResult merge_rekap(const Engine& engine, const std::vector<std::filesystem::path>& dirs,
                        const std::filesystem::path& out_dir, Lang lang = Lang::id);

// The output file name for a satker code: letters, digits, '.', '-' and '_' kept, anything
// else '_'; never empty, never hidden, never a reserved name (rekap, laporan, CON, ...).
std::string unit_file_stem(std::string_view kode);

}  // namespace kinerja
