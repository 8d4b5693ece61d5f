// Round-trip benchmark: read + write of a 100,000-cell workbook with varied styles,
// against libxlsxwriter alone writing the same cells (the floor).
//
//   cmake --build build --target bench_roundtrip && build/bench_roundtrip [CELLS]
//
// Each phase runs in its own child process so that peak RSS is per phase.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "read/read.hpp"
#include "write/write.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int columns = 20;

// Writes `cells` cells: numbers, Indonesian text, formulas, 12 styles cycling.
void write_floor(const fs::path& path, int cells) {
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
            worksheet_write_number(ws, row, col, n * 1.25, f);
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

// Runs `phase` in a child; returns {seconds, peak RSS in KiB}.
template <typename F>
std::pair<double, long> measure(F phase) {
    int fds[2];
    if (pipe(fds) != 0) std::exit(4);
    pid_t pid = fork();
    if (pid == 0) {
        auto start = Clock::now();
        phase();
        double s = std::chrono::duration<double>(Clock::now() - start).count();
        rusage ru{};
        getrusage(RUSAGE_SELF, &ru);
        std::pair<double, long> r{s, ru.ru_maxrss};
        if (write(fds[1], &r, sizeof r) != sizeof r) _exit(5);
        _exit(0);
    }
    std::pair<double, long> r{};
    if (read(fds[0], &r, sizeof r) != sizeof r) std::exit(6);
    waitpid(pid, nullptr, 0);
    close(fds[0]);
    close(fds[1]);
    return r;
}

}  // namespace

int main(int argc, char** argv) {
    int cells = argc > 1 ? std::atoi(argv[1]) : 100'000;
    fs::path dir = fs::temp_directory_path() / ("kinerja-bench-" + std::to_string(getpid()));
    fs::create_directories(dir);
    fs::path source = dir / "source.xlsx", floor_out = dir / "floor.xlsx", out = dir / "out.xlsx";
    write_floor(source, cells);
    double xml_mib = sheet_xml_bytes(source) / 1048576.0;

    auto [floor_s, floor_kib] = measure([&] { write_floor(floor_out, cells); });
    auto [read_s, read_kib] = measure([&] { (void)kinerja::read_workbook(source); });
    auto [trip_s, trip_kib] = measure([&] {
        kinerja::write_workbook(kinerja::read_workbook(source), out);
    });

    std::printf("cells                       %d\n", cells);
    std::printf("sheet XML (unzipped)        %.2f MiB\n", xml_mib);
    std::printf("floor: libxlsxwriter write  %.3f s  %.0f cells/s  peak %.1f MiB\n", floor_s,
                cells / floor_s, floor_kib / 1024.0);
    std::printf("kinerja read only           %.3f s  %.0f cells/s  peak %.1f MiB\n", read_s,
                cells / read_s, read_kib / 1024.0);
    std::printf("kinerja round trip          %.3f s  %.0f cells/s  peak %.1f MiB\n", trip_s,
                cells / trip_s, trip_kib / 1024.0);
    std::printf("round trip / floor time     %.2fx (aim <= 2x)\n", trip_s / floor_s);
    std::printf("peak / sheet XML size       %.2fx (aim < 10x)\n", trip_kib / 1024.0 / xml_mib);
    fs::remove_all(dir);
    return 0;
}
