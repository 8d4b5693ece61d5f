// run_batch: the units of this shard through a pool of workers, then the rekap files.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <future>
#include <mutex>
#include <set>
#include <thread>

#include "batch/data_table.hpp"
#include "batch/figures.hpp"
#include "batch/files.hpp"
#include "batch/manifest.hpp"
#include "batch/outputs.hpp"
#include "common/atomic_output.hpp"
#include "pipeline/pipeline.hpp"

namespace kinerja {

using namespace batch_detail;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// One unit to do: a satker of the data, or a workbook of the inputs folder.
struct Unit {
    std::string key;
    std::string output;              // file name in out_dir
    const UnitData* data = nullptr;  // template mode
    fs::path input;                  // inputs mode
};

// Unit outputs are not fsynced one by one (each worker waited on the disk for every file):
// the output folder's filesystem is synced once at the end. After a power cut in between,
// an output may be short; the manifest records each output's size, so a re-run redoes it.
// libxlsxwriter's dozen temp files per workbook go to /dev/shm when it can be written: on a
// disk filesystem they cost about a third of a unit's time.
WriteOptions unit_write_options() {
    return {.deterministic = true, .sync = false, .temp_folder = memory_folder()};
}

// What every unit of the batch shares.
struct Job {
    const Engine& engine;
    const BatchOptions& options;
    Manifest manifest;
    std::string common_hash;  // version, formulas, options, template
    fs::file_time_type inputs_time{};
    std::optional<BoundTemplate> base;
    std::optional<DataTable> data;
    WriteOptions write_options = unit_write_options();
    RunOptions run_options(FillOptions fill) const {
        fill.kategori = options.kategori;
        fill.grafik = options.grafik;
        return RunOptions{std::move(fill), write_options, {}};
    }
};

fs::file_time_type modified(const fs::path& file) {
    std::error_code ec;
    auto time = fs::last_write_time(file, ec);
    return ec ? fs::file_time_type::max() : time;
}

Message failure_of(const std::exception& e, Lang) {
    if (auto* input = dynamic_cast<const InputError*>(&e))
        return {input->describe(Lang::id), input->describe(Lang::en)};
    if (auto* output = dynamic_cast<const OutputError*>(&e))
        return {output->describe(Lang::id), output->describe(Lang::en)};
    return {std::string("kesalahan internal: ") + e.what(),
            std::string("internal error: ") + e.what()};
}

void finish_report(UnitSummary& s, const RunReport& r) {
    FindingCounts counts = r.counts();
    s.report.errors = counts.errors;
    s.report.warnings = counts.warnings;
    s.report.hidden_errors = counts.hidden_errors;
    s.report.hidden_warnings = counts.hidden_warnings;
    s.report.rules = std::move(counts.by_rule);
    s.report.status = r.findings.empty() ? UnitStatus::ok : UnitStatus::findings;
}

// What a worker thread keeps from one unit to the next: muParser is not thread-safe, and
// compiling the catalogue's formulas per unit cost about a sixth of the time.
struct WorkerState {
    explicit WorkerState(const Engine& engine) : evaluator(*engine.compiled), figures(engine) {}
    Evaluator evaluator;
    FigureMaker figures;
};

UnitSummary do_template_unit(Job& job, WorkerState& worker, const Unit& unit) {
    auto start = Clock::now();
    UnitSummary s;
    s.report.key = unit.key;
    s.report.nama = unit.data->nama;
    if (unit.data->error) {
        s.report.status = UnitStatus::failed;
        s.report.failure = unit.data->error;
        return s;
    }
    Hasher hash;
    hash.add(job.common_hash);
    hash.add(unit.output);
    std::vector<DataRow> rows = job.data->rows.read(unit.data->runs);
    hash_unit_data(hash, *job.data, *unit.data, rows);
    if (!job.options.force)
        if (auto earlier = job.manifest.up_to_date(unit.key, hash.hex(), job.inputs_time))
            return *earlier;

    FillOptions fill;
    fill.data = satker_data(*job.data, *unit.data, rows);
    const std::string& satker = unit.data->nama.empty() ? unit.key : unit.data->nama;
    WorkbookSink sink = WorkbookSink::file(job.options.out_dir / unit.output);
    RunReport report =
        process(job.engine, *job.base, satker, sink, job.run_options(std::move(fill)),
                &worker.evaluator);  // the model is gone before the next unit
    s.report.timings.read_ms = report.timings.read_ms;
    s.report.timings.fill_ms = report.timings.fill_ms;
    s.report.timings.write_ms = report.timings.write_ms;
    s.report.output = unit.output;
    finish_report(s, report);
    worker.figures.add(s, report.fill.outcomes, report.inputs ? &*report.inputs : nullptr);
    s.report.timings.total_ms = ms_since(start);
    job.manifest.record(s, hash.hex());
    return s;
}

UnitSummary do_input_unit(Job& job, WorkerState& worker, const Unit& unit) {
    auto start = Clock::now();
    UnitSummary s;
    s.report.key = unit.key;
    Hasher hash;
    hash.add(job.common_hash);
    hash.add(file_hash(unit.input));
    std::string digest = hash.hex();
    if (!job.options.force) {
        auto newest = std::max(job.inputs_time, modified(unit.input));
        if (auto earlier = job.manifest.up_to_date(unit.key, digest, newest)) return *earlier;
    }
    WorkbookSink sink = WorkbookSink::file(job.options.out_dir / unit.output);
    RunReport report = process(job.engine, WorkbookSource::file(unit.input), sink,
                               job.run_options({}), &worker.evaluator);
    for (const Table& t : report.tables)
        if (!t.satker.empty() && s.report.nama.empty()) s.report.nama = t.satker;
    s.report.timings.read_ms = report.timings.read_ms;
    s.report.timings.fill_ms = report.timings.fill_ms;
    s.report.timings.write_ms = report.timings.write_ms;
    s.report.output = unit.output;
    finish_report(s, report);
    worker.figures.add(s, report.fill.outcomes, report.inputs ? &*report.inputs : nullptr);
    s.report.timings.total_ms = ms_since(start);
    job.manifest.record(s, digest);
    return s;
}

// Output names for every satker of the data (not only this shard's), so that shards agree
// on them: sanitised codes, made unique without regard to case, with the template's
// extension (.xlsm when it keeps macros).
std::vector<std::string> output_names(const std::vector<UnitData>& units,
                                      const std::string& extension) {
    std::vector<std::string> names;
    std::set<std::string> taken;
    for (const UnitData& u : units) {
        std::string stem = unit_file_stem(u.kode), name;
        for (int n = 1;; ++n) {
            name = stem + (n == 1 ? "" : "-" + std::to_string(n)) + extension;
            std::string folded = name;
            for (char& c : folded)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (taken.insert(folded).second) break;
        }
        names.push_back(name);
    }
    return names;
}

std::vector<fs::path> input_workbooks(const fs::path& dir) {
    std::error_code ec;
    std::vector<fs::path> files;
    fs::directory_iterator it(dir, ec);
    if (ec)
        throw InputError(
            dir.string(), "",
            {"folder masukan tidak dapat dibuka", "the inputs folder cannot be opened"});
    for (const auto& item : it) {
        std::string name = item.path().filename().string();
        std::string ext = item.path().extension().string();
        for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        // "~$x.xlsx" is Excel's lock file and ".kinerja-tmp-*" a write cut short. An .xlsm
        // is filled as an .xlsx is, and its output keeps the name and the macros.
        if ((ext != ".xlsx" && ext != ".xlsm") || name.rfind("~$", 0) == 0 || name[0] == '.')
            continue;
        if (item.is_regular_file(ec)) files.push_back(item.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string common_hash(const BatchOptions& o) {
    Hasher h;
    h.add(KINERJA_VERSION);
    h.add(o.kategori ? "kategori" : "-");
    h.add(o.grafik ? "grafik" : "-");
    if (!o.formulas_dir.empty())
        for (const char* f : {"indikator.toml", "pengaturan.toml"})
            if (fs::exists(o.formulas_dir / f)) h.add(file_hash(o.formulas_dir / f));
    if (!o.template_file.empty()) h.add(file_hash(o.template_file));
    return h.hex();
}

}  // namespace

BatchResult run_batch(const Engine& engine, const BatchOptions& options) {
    auto start = Clock::now();
    bool inputs_mode = !options.inputs_dir.empty();
    std::error_code ec;
    fs::create_directories(options.out_dir, ec);
    if (ec || !fs::is_directory(options.out_dir))
        throw OutputError(options.out_dir.string(), {"folder keluaran tidak dapat dibuat",
                                                     "the output folder cannot be created"});
    OutputLock folder_lock(options.out_dir, options.shard);
    Job job{engine, options, Manifest(options.out_dir, options.shard), common_hash(options), {},
            {},     {}};
    BatchResult result;
    if (std::size_t n = job.manifest.damaged_lines())
        result.notes.push_back(
            {std::to_string(n) +
                 " baris manifest rusak atau tidak terbaca (mis. dari proses yang dihentikan) "
                 "diabaikan; satkernya dikerjakan ulang",
             std::to_string(n) +
                 " damaged or unreadable manifest lines (e.g. from a killed run) were ignored; "
                 "their units are redone"});
    if (std::size_t n = folder_lock.strays_removed())
        result.notes.push_back(
            {std::to_string(n) + " berkas sementara sisa proses yang dihentikan dihapus",
             std::to_string(n) + " temp files left by killed runs were removed"});
    std::vector<Unit> units;
    if (inputs_mode) {
        if (fs::equivalent(options.inputs_dir, options.out_dir, ec))
            throw OutputError(options.out_dir.string(),
                              {"folder keluaran sama dengan folder masukan; pilih folder lain",
                               "the output folder is the inputs folder; choose another one"});
        job.inputs_time = fs::file_time_type::min();
        std::vector<fs::path> files = input_workbooks(options.inputs_dir);
        std::map<std::string, int> stems;
        for (const fs::path& file : files) ++stems[file.stem().string()];
        for (const fs::path& file : files) {
            ++result.units_total;
            // The satker's code is the file's name without .xlsx, unless two files share it.
            std::string stem = file.stem().string();
            std::string key = stems[stem] == 1 ? stem : file.filename().string();
            if (shard_of(key, options.shard.count) == options.shard.index)
                units.push_back({key, file.filename().string(), nullptr, file});
        }
    } else {
        job.data = read_batch_data(options.data_file);
        job.base = BoundTemplate::bind(WorkbookSource::file(options.template_file));
        job.inputs_time = std::max(modified(options.template_file), modified(options.data_file));
        std::vector<std::string> names =
            output_names(job.data->units, job.base->output_extension());
        for (std::size_t i = 0; i < job.data->units.size(); ++i) {
            const UnitData& u = job.data->units[i];
            ++result.units_total;
            if (shard_of(u.kode, options.shard.count) == options.shard.index)
                units.push_back({u.kode, names[i], &u, {}});
        }
        result.problems = job.data->problems;
        result.notices = job.data->notices;
    }

    // Room kept in the output folder for laporan.json (about 1 KB a unit), in a file without a
    // name, given back just before the report is written: when the units fill the disk, the
    // report that says so still fits.
    struct Reserve {
        int fd = -1;
        void release() {
            if (fd >= 0) ::close(fd);
            fd = -1;
        }
        ~Reserve() { release(); }
    } reserve{open_unnamed_file(options.out_dir)};
    if (reserve.fd >= 0 &&
        ::posix_fallocate(reserve.fd, 0, static_cast<off_t>(16384 + 1024 * units.size())) != 0)
        reserve.release();

    // Each finished unit's summary goes to the store, not to memory; the counts for the
    // summary line are kept as they come.
    RekapInput input(spill_dir());
    std::atomic<std::size_t> next{0}, done{0}, skipped{0}, failed{0};
    std::mutex mutex;
    std::condition_variable finished;
    // A summary the store cannot keep (the output folder full or gone) stops the batch: the
    // rekap would be missing units. Workers stop taking units; the error is thrown after.
    std::atomic<bool> stop{false};
    std::exception_ptr store_error;
    auto worker = [&] {
        WorkerState state(engine);
        for (std::size_t i; !stop && (i = next++) < units.size();) {
            UnitSummary s;
            try {
                s = inputs_mode ? do_input_unit(job, state, units[i])
                                : do_template_unit(job, state, units[i]);
            } catch (const std::exception& e) {
                s = UnitSummary{};
                s.report.key = units[i].key;
                if (units[i].data) s.report.nama = units[i].data->nama;
                s.report.status = UnitStatus::failed;
                s.report.failure = failure_of(e, options.lang);
            }
            try {
                input.units.add(s);
            } catch (const std::exception&) {
                std::lock_guard lock(mutex);
                if (!store_error) store_error = std::current_exception();
                stop = true;
                finished.notify_one();
                return;
            }
            if (s.report.up_to_date) ++skipped;
            std::lock_guard lock(mutex);
            if (s.report.status == UnitStatus::failed) {
                ++failed;
                result.failures.push_back(std::move(s.report));
            } else {
                result.with_errors += s.report.has_errors();
                result.with_warnings_only += s.report.errors == 0 && s.report.warnings > 0;
            }
            ++done;
            finished.notify_one();
        }
    };
    unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs =
        static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(units.size(), 1)));
    auto units_start = Clock::now();
    auto progress = [&] {
        if (!options.on_progress) return;
        options.on_progress({done, units.size(), skipped, failed,
                             std::chrono::duration<double>(Clock::now() - units_start).count()});
    };
    {
        std::vector<std::jthread> pool;
        for (unsigned t = 0; t < jobs; ++t) pool.emplace_back(worker);
        std::unique_lock lock(mutex);
        auto interval = std::chrono::duration<double>(std::max(options.progress_interval, 0.01));
        auto shown = Clock::now();
        while (done < units.size() && !stop) {
            finished.wait_for(lock, interval);
            if (done == units.size() || stop || Clock::now() - shown < interval) continue;
            shown = Clock::now();
            lock.unlock();
            progress();
            lock.lock();
        }
    }
    if (store_error) std::rethrow_exception(store_error);
    progress();

    // The data's rows are done with; the rekap is made from the summaries alone.
    job.data.reset();
    input.problems = result.problems;
    input.notices = result.notices;
    input.source = (inputs_mode ? options.inputs_dir : options.data_file).filename().string();
    input.units.sort_by_key();
    std::vector<std::string> keys;
    for (const Unit& u : units) keys.push_back(u.key);
    std::sort(keys.begin(), keys.end());
    check_each_unit_once(input.units, keys, options.out_dir / "rekap.xlsx");
    std::sort(result.failures.begin(), result.failures.end(),
              [](const UnitReport& a, const UnitReport& b) { return a.key < b.key; });
    result.units = units.size();
    result.failed = failed;
    result.skipped = skipped;
    result.written = units.size() - failed - skipped;
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();

    // The rekap takes most of this tail and needs one core; laporan.json and the part only
    // read the store, so they are written beside it. laporan.json comes first and does not
    // wait on the rekap: when the disk fills up, it is the report that says what was done.
    result.part = options.out_dir / part_file_name(options.shard);
    result.laporan =
        options.out_dir / (options.shard.count == 1
                               ? std::string("laporan.json")
                               : "laporan-part-" + std::to_string(options.shard.index) + "-of-" +
                                     std::to_string(options.shard.count) + ".json");
    reserve.release();
    auto beside = std::async(std::launch::async, [&] {
        write_laporan(result.laporan, input, options.lang, result.seconds);
        write_part(result.part, input, options.shard, result.units_total);
    });
    std::exception_ptr rekap_error;
    try {
        if (options.shard.count == 1) {
            result.rekap = options.out_dir / "rekap.xlsx";
            write_rekap(engine, input, result.rekap);
        }
    } catch (...) {
        rekap_error = std::current_exception();
    }
    std::exception_ptr beside_error;
    try {
        beside.get();
    } catch (...) {
        beside_error = std::current_exception();
    }
    // Both failed (a full disk): the rekap's temp file is gone now, which may leave room.
    if (beside_error && rekap_error) {
        try {
            write_laporan(result.laporan, input, options.lang, result.seconds);
            write_part(result.part, input, options.shard, result.units_total);
            beside_error = nullptr;
        } catch (...) {
        }
    }
    if (rekap_error) std::rethrow_exception(rekap_error);
    if (beside_error) std::rethrow_exception(beside_error);
    try {
        job.manifest.compact();
    } catch (const OutputError&) {
        // Compacting only saves room: the manifest as appended stays valid.
    }
    sync_filesystem(options.out_dir);
    return result;
}

}  // namespace kinerja
