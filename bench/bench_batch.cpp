// Benchmark of `kinerja batch`: a generated province (tests/batch/province.hpp) of N units,
// each a capaian workbook filled from the regional data, on J workers. Reports workbooks/s
// and the peak RSS of the kinerja process, at N/4 and N units (memory must stay flat), and
// the same fill job done by exceljs in Node (bench/exceljs/fill.js) in the same run.
//
//     cmake --build build --target bench_batch kinerja && bench/exceljs/install.sh
//     build/bench_batch --units 1000 --jobs 2
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "../tests/batch/province.hpp"
#include "common/memory.hpp"
#include "read/read.hpp"

namespace fs = std::filesystem;
using namespace kinerja;

namespace {

struct Run {
    int exit_code = -1;
    double seconds = 0;
    double peak_mb = 0;
    double cpu_seconds = 0;  // user + system, summed: what the load average does not move much
};

pid_t start(const std::vector<std::string>& argv, const fs::path& log) {
    pid_t pid = fork();
    if (pid == 0) {
        FILE* out = std::fopen(log.c_str(), "w");
        if (out) {
            dup2(fileno(out), 1);
            dup2(fileno(out), 2);
        }
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    return pid;
}

// The 1-minute load average: the machine is shared, the figures move with it.
std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string one;
    in >> one;
    return one.empty() ? "?" : one;
}

// Runs programs at once, their output to `log`-N, and measures the wall time until the last
// ends and the sum of their peak RSS.
Run measure(const std::vector<std::vector<std::string>>& programs, const fs::path& log) {
    auto begin = std::chrono::steady_clock::now();
    std::vector<pid_t> pids;
    for (std::size_t i = 0; i < programs.size(); ++i)
        pids.push_back(start(programs[i], log.string() + (i ? "-" + std::to_string(i) : "")));
    Run r;
    r.exit_code = 0;
    for (pid_t pid : pids) {
        int status = 0;
        rusage usage{};
        wait4(pid, &status, 0, &usage);
        int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        if (code != 0) r.exit_code = code;
        r.peak_mb += static_cast<double>(usage.ru_maxrss) / 1024.0;
        for (const timeval& t : {usage.ru_utime, usage.ru_stime})
            r.cpu_seconds += static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    return r;
}

// What bench/exceljs/fill.js needs to know of the template's indicators.
void write_indicators_json(const fs::path& file, const Catalogue& catalogue) {
    const std::map<std::string, std::string> kinds = {{"perawatan.hiv_tb", "avg_pct2"},
                                                      {"tahanan.overstaying", "pct_diff"},
                                                      {"pembinaan.ikrar_nkri", "single"},
                                                      {"manajemen.dokumen_perencanaan", "single"}};
    auto list = [](const std::vector<std::string>& v) {
        std::string s = "[";
        for (const auto& x : v) s += (s.size() > 1 ? "," : "") + ("\"" + x + "\"");
        return s + "]";
    };
    std::ofstream out(file);
    out << "[\n";
    const auto& specs = province::indicators();
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const auto& s = specs[i];
        auto kind = kinds.count(s.id) ? kinds.at(s.id) : std::string("pct");
        out << "{\"id\":\"" << s.id << "\",\"name\":\"" << catalogue.find(s.id)->name
            << "\",\"target\":" << s.target << ",\"vars\":" << list(s.vars)
            << ",\"last_vars\":" << list(s.last_vars) << ",\"kind\":\"" << kind
            << "\",\"turun\":" << (s.turun ? "true" : "false")
            << ",\"round\":" << (s.round_half ? "true" : "false") << "}"
            << (i + 1 < specs.size() ? ",\n" : "\n");
    }
    out << "]\n";
}

void make_province(const fs::path& dir, int units) {
    fs::create_directories(dir);
    Catalogue catalogue = load_catalogue(default_formulas_dir() / "indikator.toml");
    province::write_template(dir / "template.xlsx", catalogue);
    auto list = province::make_units(units);
    province::write_data_csv(dir / "data.csv", list);
    write_indicators_json(dir / "indicators.json", catalogue);
}

// In a child process. On Linux a forked child's peak RSS starts from its parent's RSS and
// is kept across exec, so a bench that had generated 16,000 units itself reported its own
// size as kinerja's peak. The bench stays small; its RSS is printed as the floor.
bool make_province_apart(const fs::path& dir, int units) {
    std::fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        try {
            make_province(dir, units);
            _exit(0);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "cannot make the province: %s\n", e.what());
            _exit(1);
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// A lower bound of what libxlsxwriter alone costs for one unit's workbook: the cells of a
// unit's output (its sheets, values and formulas with their cached results) written with
// plain libxlsxwriter calls and one format, none of the styles, merges, widths, notes or
// validations the real output has. With the allocator set as `kinerja batch` sets it, and
// temp files in /dev/shm as the batch has them. CPU ms per workbook.
double libxlsxwriter_floor_ms(const fs::path& unit_output, const fs::path& dir) {
    keep_freed_memory();
    Workbook model = read_workbook(unit_output);
    constexpr int count = 500;
    fs::path file = dir / "floor.xlsx";
    std::string tmpdir = "/dev/shm";
    rusage before{}, after{};
    getrusage(RUSAGE_SELF, &before);
    for (int i = 0; i < count; ++i) {
        lxw_workbook_options options{};
        options.tmpdir = tmpdir.data();
        lxw_workbook* book = workbook_new_opt(file.c_str(), &options);
        for (const Sheet& sheet : model.sheets) {
            lxw_worksheet* ws = workbook_add_worksheet(book, sheet.name.c_str());
            for (const Cell& c : sheet.cells) {
                if (c.is_formula())
                    worksheet_write_formula_num(ws, c.row, static_cast<lxw_col_t>(c.col),
                                                c.formula.c_str(), nullptr, c.value.number);
                else if (c.value.kind == CellValue::Kind::number)
                    worksheet_write_number(ws, c.row, static_cast<lxw_col_t>(c.col), c.value.number,
                                           nullptr);
                else if (c.value.kind == CellValue::Kind::text)
                    worksheet_write_string(ws, c.row, static_cast<lxw_col_t>(c.col),
                                           c.value.text.c_str(), nullptr);
            }
        }
        workbook_close(book);
    }
    getrusage(RUSAGE_SELF, &after);
    auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    double cpu = seconds(after.ru_utime) - seconds(before.ru_utime) + seconds(after.ru_stime) -
                 seconds(before.ru_stime);
    fs::remove(file);
    return 1000 * cpu / count;
}

double own_rss_mb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    int units = 1000;
    std::vector<int> sizes;  // --sizes 250,1000,4000: kinerja only, for memory
    unsigned jobs = 2;
    fs::path work = fs::temp_directory_path() / "kinerja-bench-batch";
    bool exceljs = true;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--units" && i + 1 < argc)
            units = std::atoi(argv[++i]);
        else if (a == "--jobs" && i + 1 < argc)
            jobs = static_cast<unsigned>(std::atoi(argv[++i]));
        else if (a == "--work" && i + 1 < argc)
            work = argv[++i];
        else if (a == "--sizes" && i + 1 < argc) {
            for (std::string list = argv[++i]; !list.empty();) {
                std::size_t comma = list.find(',');
                sizes.push_back(std::atoi(list.substr(0, comma).c_str()));
                list = comma == std::string::npos ? "" : list.substr(comma + 1);
            }
        } else if (a == "--no-exceljs")
            exceljs = false;
        else {
            std::fprintf(stderr,
                         "usage: bench_batch [--units N] [--sizes N,N,...] [--jobs J] [--work DIR] "
                         "[--no-exceljs]\n");
            return 2;
        }
    }
    fs::path kinerja = fs::canonical("/proc/self/exe").parent_path() / "kinerja";
    fs::path source = KINERJA_SOURCE_DIR;
    fs::remove_all(work);
    std::printf("# kinerja batch: %d units x %zu indicators x 4 TW, -j %u\n\n", units,
                province::indicators().size(), jobs);
    std::printf(
        "| run | units | seconds | workbooks/s | CPU ms/workbook | peak RSS (MB) | load before / "
        "after |\n|---|---:|---:|---:|---:|---:|---|\n");

    double kinerja_rate = 0, kinerja_cpu = 0;
    if (sizes.empty())
        sizes = {std::max(1, units / 4), units};
    else
        exceljs = false;
    for (int n : sizes) {
        fs::path dir = work / ("n" + std::to_string(n));
        if (!make_province_apart(dir, n)) return 1;
        std::string load_before = load_average();
        Run r = measure({{kinerja.string(), "batch", "--template", (dir / "template.xlsx").string(),
                          "--data", (dir / "data.csv").string(), "--out", (dir / "out").string(),
                          "-j", std::to_string(jobs), "--force"}},
                        dir / "kinerja.log");
        if (r.exit_code != 0) {
            std::fprintf(stderr, "kinerja batch exited %d; see %s\n", r.exit_code,
                         (dir / "kinerja.log").c_str());
            return 1;
        }
        double rate = n / r.seconds;
        double cpu_ms = 1000 * r.cpu_seconds / n;
        if (n == units) kinerja_rate = rate, kinerja_cpu = cpu_ms;
        std::printf("| kinerja batch | %d | %.2f | %.1f | %.2f | %.1f | %s / %s |\n", n, r.seconds,
                    rate, cpu_ms, r.peak_mb, load_before.c_str(), load_average().c_str());
        // Merging the shard parts again (`kinerja rekap`): its memory must not grow either.
        load_before = load_average();
        Run m = measure({{kinerja.string(), "rekap", (dir / "out").string(), "--out",
                          (dir / "merged").string()}},
                        dir / "rekap.log");
        if (m.exit_code != 0) {
            std::fprintf(stderr, "kinerja rekap exited %d; see %s\n", m.exit_code,
                         (dir / "rekap.log").c_str());
            return 1;
        }
        std::printf("| kinerja rekap (merge) | %d | %.2f | | | %.1f | %s / %s |\n", n, m.seconds,
                    m.peak_mb, load_before.c_str(), load_average().c_str());
        std::fflush(stdout);
    }

    fs::path script = source / "bench" / "exceljs" / "fill.js";
    bool installed = fs::exists(source / "bench" / "exceljs" / "node_modules" / "exceljs");
    if (!exceljs) {
        std::printf("\nexceljs: skipped (--no-exceljs)\n");
    } else if (!installed) {
        std::printf("\nexceljs: skipped, not installed (run bench/exceljs/install.sh)\n");
    } else {
        // One Node process per worker, each taking every J-th satker: exceljs is single-threaded.
        fs::path dir = work / ("n" + std::to_string(units));
        std::vector<std::vector<std::string>> programs;
        for (unsigned k = 1; k <= jobs; ++k)
            programs.push_back({"node", script.string(), (dir / "template.xlsx").string(),
                                (dir / "data.csv").string(), (dir / "indicators.json").string(),
                                (dir / "exceljs").string(),
                                std::to_string(k) + "/" + std::to_string(jobs)});
        std::string load_before = load_average();
        Run r = measure(programs, dir / "exceljs.log");
        if (r.exit_code != 0) {
            std::printf("\nexceljs: failed with exit %d; see %s\n", r.exit_code,
                        (dir / "exceljs.log").c_str());
        } else {
            double rate = units / r.seconds;
            double cpu_ms = 1000 * r.cpu_seconds / units;
            std::printf(
                "| exceljs 4.4.0 (%u Node processes) | %d | %.2f | %.1f | %.2f | %.1f | %s / %s "
                "|\n",
                jobs, units, r.seconds, rate, cpu_ms, r.peak_mb, load_before.c_str(),
                load_average().c_str());
            std::printf("\nkinerja / exceljs: %.1fx the workbooks/s, %.1fx less CPU per workbook\n",
                        kinerja_rate / rate, cpu_ms / kinerja_cpu);
            double floor_ms = libxlsxwriter_floor_ms(dir / "out" / "S001.xlsx", dir);
            std::printf(
                "libxlsxwriter alone writing a unit's cells (no styles): %.2f ms CPU per "
                "workbook; exceljs's %.2f ms is %.1fx that: the most a fill that writes each "
                "workbook with libxlsxwriter could reach\n",
                floor_ms, cpu_ms, cpu_ms / floor_ms);
        }
    }
    std::printf(
        "\nPeak RSS includes the bench process's own RSS at the start of each run "
        "(%.1f MB now).\n",
        own_rss_mb());
    return 0;
}
