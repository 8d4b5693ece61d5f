// Round-trip benchmark: read + write of a 100,000-cell workbook with varied styles,
// against libxlsxwriter alone writing the same cells (the floor).
//
//   cmake --build build --target bench_roundtrip
//   build/bench_roundtrip [CELLS] [--decimals] [--repeat N] [--dir DIR]
//
// Each phase runs in its own child process so that peak RSS is per phase. The three
// phases run N times in turn (default 1); each line gives the ratios of one turn, and
// the summary their median and range, since the machine may be shared.
// --decimals: the number cells hold values such as 84.57 whose "%.16G" text (what
// libxlsxwriter 1.1.4 prints) is not their shortest exact form, so the writer patches
// every one of them. --dir: where the files go (default: the temp directory).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "read/read.hpp"
#include "write/numbers.hpp"
#include "write/write.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int columns = 20;

// The value of number cell `n`: exactly printable with 16 digits by default; with
// `decimals`, a fraction such as 14285.714285714286 whose "%.16G" text is not its
// shortest exact form, so the writer patches it (about half of all n / d do; the
// next divisor is tried until one does).
double number_value(int n, bool decimals) {
    if (!decimals) return n * 1.25;
    double value = 0;
    for (double divisor : {7.0, 11.0, 13.0, 17.0, 19.0, 23.0, 29.0, 31.0, 37.0, 41.0}) {
        value = (n + 1) / divisor;
        if (kinerja::write_detail::needs_exact_text(value)) break;
    }
    return value;
}

// Writes `cells` cells: numbers, Indonesian text, formulas, 12 styles cycling.
void write_floor(const fs::path& path, int cells, bool decimals) {
    lxw_workbook* wb = workbook_new(path.c_str());
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Data");
    lxw_format* formats[12];
    for (int i = 0; i < 12; ++i) {
        formats[i] = workbook_add_format(wb);
        format_set_num_format(formats[i], i % 3 == 0 ? "#,##0" : i % 3 == 1 ? "0.00%" : "General");
        if (i % 2) format_set_bold(formats[i]);
        format_set_bg_color(formats[i], 0x101010u * static_cast<unsigned>(i + 1));
        format_set_border(formats[i], static_cast<std::uint8_t>(i % 4));
    }
    for (int n = 0; n < cells; ++n) {
        lxw_row_t row = static_cast<lxw_row_t>(n / columns);
        lxw_col_t col = static_cast<lxw_col_t>(n % columns);
        lxw_format* f = formats[n % 12];
        if (col == 0) {
            std::string text = "Indikator kinerja " + std::to_string(row % 500);
            worksheet_write_string(ws, row, col, text.c_str(), f);
        } else if (col == columns - 1) {
            worksheet_write_formula_num(ws, row, col, "=SUM(B1:C1)", f, 3.0);
        } else {
            worksheet_write_number(ws, row, col, number_value(n, decimals), f);
        }
    }
    if (workbook_close(wb) != LXW_NO_ERROR) std::exit(3);
}

std::uint64_t sheet_xml_bytes(const fs::path& path) {
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
    zip_stat_t st;
    std::uint64_t size = 0;
    if (z && zip_stat(z, "xl/worksheets/sheet1.xml", 0, &st) == 0) size = st.size;
    if (z) zip_close(z);
    return size;
}

struct Phase {
    double wall = 0, cpu = 0;  // seconds; cpu is user + system time of the child
    long kib = 0;              // peak RSS
};

// Runs `phase` in a child process.
template <typename F>
Phase measure(F phase) {
    int fds[2];
    if (pipe(fds) != 0) std::exit(4);
    pid_t pid = fork();
    if (pid == 0) {
        rusage before{};
        getrusage(RUSAGE_SELF, &before);
        auto start = Clock::now();
        phase();
        Phase r;
        r.wall = std::chrono::duration<double>(Clock::now() - start).count();
        rusage ru{};
        getrusage(RUSAGE_SELF, &ru);
        auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
        r.cpu = seconds(ru.ru_utime) + seconds(ru.ru_stime) - seconds(before.ru_utime) -
                seconds(before.ru_stime);
        r.kib = ru.ru_maxrss;
        if (write(fds[1], &r, sizeof r) != sizeof r) _exit(5);
        _exit(0);
    }
    Phase r;
    if (read(fds[0], &r, sizeof r) != sizeof r) std::exit(6);
    waitpid(pid, nullptr, 0);
    close(fds[0]);
    close(fds[1]);
    return r;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Turn {
    Phase floor, read, trip;
};

template <typename F>
std::vector<double> column(const std::vector<Turn>& turns, F field) {
    std::vector<double> v;
    for (const Turn& t : turns) v.push_back(field(t));
    return v;
}

void summary(const char* what, std::vector<double> v, const char* aim) {
    std::printf("%-28s %.2fx (range %.2f-%.2fx; aim %s)\n", what, median(v),
                *std::min_element(v.begin(), v.end()), *std::max_element(v.begin(), v.end()), aim);
}

}  // namespace

int main(int argc, char** argv) {
    int cells = 100'000, repeat = 1;
    bool decimals = false;
    fs::path base = fs::temp_directory_path();
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--decimals") == 0)
            decimals = true;
        else if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++i]));
        else if (std::strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
            base = argv[++i];
        else
            cells = std::atoi(argv[i]);
    }
    fs::path dir = base / ("kinerja-bench-" + std::to_string(getpid()));
    fs::create_directories(dir);
    fs::path source = dir / "source.xlsx", floor_out = dir / "floor.xlsx", out = dir / "out.xlsx";
    write_floor(source, cells, decimals);
    double xml_mib = sheet_xml_bytes(source) / 1048576.0;
    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) < 0) load[0] = -1;

    std::printf("cells %d%s, sheet XML (unzipped) %.2f MiB, files in %s, load average %.2f\n",
                cells, decimals ? " (numbers with many decimals)" : "", xml_mib, base.c_str(),
                load[0]);
    std::printf("       wall seconds            cpu seconds            trip/floor    peak\n");
    std::printf("turn   floor   read   trip     floor   read   trip    wall   cpu    MiB\n");
    std::vector<Turn> turns;
    for (int t = 0; t < repeat; ++t) {
        Turn r;
        r.floor = measure([&] { write_floor(floor_out, cells, decimals); });
        r.read = measure([&] { (void)kinerja::read_workbook(source); });
        r.trip = measure([&] { kinerja::write_workbook(kinerja::read_workbook(source), out); });
        turns.push_back(r);
        std::printf("%4d  %6.3f %6.3f %6.3f    %6.3f %6.3f %6.3f   %5.2fx %5.2fx %6.1f\n", t + 1,
                    r.floor.wall, r.read.wall, r.trip.wall, r.floor.cpu, r.read.cpu, r.trip.cpu,
                    r.trip.wall / r.floor.wall, r.trip.cpu / r.floor.cpu, r.trip.kib / 1024.0);
    }
    auto med = [&](auto field) { return median(column(turns, field)); };
    double floor_s = med([](const Turn& t) { return t.floor.wall; });
    double read_s = med([](const Turn& t) { return t.read.wall; });
    double trip_s = med([](const Turn& t) { return t.trip.wall; });
    double floor_mib = med([](const Turn& t) { return t.floor.kib / 1024.0; });
    double read_mib = med([](const Turn& t) { return t.read.kib / 1024.0; });
    double trip_mib = med([](const Turn& t) { return t.trip.kib / 1024.0; });
    if (getloadavg(load, 3) < 0) load[0] = -1;

    std::printf("medians of %d turn(s), wall time:\n", repeat);
    std::printf("floor: libxlsxwriter write  %.3f s  %.0f cells/s  peak %.1f MiB\n", floor_s,
                cells / floor_s, floor_mib);
    std::printf("kinerja read only           %.3f s  %.0f cells/s  peak %.1f MiB\n", read_s,
                cells / read_s, read_mib);
    std::printf("kinerja round trip          %.3f s  %.0f cells/s  peak %.1f MiB\n", trip_s,
                cells / trip_s, trip_mib);
    summary("round trip / floor, wall",
            column(turns, [](const Turn& t) { return t.trip.wall / t.floor.wall; }), "<= 2x");
    summary("round trip / floor, cpu",
            column(turns, [](const Turn& t) { return t.trip.cpu / t.floor.cpu; }), "<= 2x");
    std::printf("%-28s %.2fx (aim < 10x)\n", "peak / sheet XML size", trip_mib / xml_mib);
    std::printf("load average at the end      %.2f %.2f %.2f\n", load[0], load[1], load[2]);
    fs::remove_all(dir);
    return 0;
}
