// Big-sheet benchmark: `kinerja fill` on a generated DPA / LRA sheet of about 4,500 rows and
// 90,000 formulas (issue 13 point 4), against the plain round trip of the same workbook.
//
//   cmake --build build --target bench_dpa
//   build/bench_dpa [--rows N] [--repeat N] [--dir DIR] [--keep FILE]
//
// The sheet: a code tree in one Kode Rekening column (5 > 5.1 > 5.1.02 > ... > sub rincian
// objek, listed depth first), Uraian, and three groups Operasi | Modal | Total, each with
// Anggaran, Realisasi per TW I-IV and their Jumlah, % and Sisa. Leaf rows hold typed amounts;
// every parent's amounts are sums of its children's cells; Jumlah, %, Sisa and the whole Total
// group are formulas on every row. A JUMLAH row, an AutoFilter and hidden rows, as SIPD
// exports have them. Cached values are written with the formulas, as Excel saves them.
//
// Two phases, each in its own child process so that peak RSS is per phase, N times in turn:
// the round trip `write_workbook(read_workbook(f))` (what any rewrite costs) and the whole
// fill, `process()` as `kinerja fill` runs it (find tables, fill, validate, mark, write).
// --keep FILE also saves the generated workbook, to time another build's `kinerja fill`.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "pipeline/pipeline.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Node {
    std::string code;
    int depth = 0;
    std::vector<std::size_t> children;
};

// The code tree, depth first: under the root, a fixed shape per level (5 programs' worth of
// jenis, objek, rincian objek, one sub rincian and one or two leaves), cut at `rows` rows so
// that no parent is left without children.
std::vector<Node> code_tree(std::size_t rows) {
    // Children per node at depth 0..5; the sub rincian objek has one or two leaves.
    static constexpr int fan[] = {40, 5, 4, 4, 1, 1};
    std::vector<Node> nodes{{"5", 0, {}}};
    std::vector<std::size_t> stack{0};
    std::vector<int> next(7, 0);
    auto grow = [&](auto&& self, std::size_t parent) -> void {
        int depth = nodes[parent].depth;
        if (depth >= 6) return;
        int count = fan[depth] + (depth == 5 && parent % 3 == 0);
        for (int i = 0; i < count && nodes.size() < rows; ++i) {
            char seg[16];
            std::snprintf(seg, sizeof seg,
                          depth >= 4   ? ".%05d"
                          : depth >= 2 ? ".%02d"
                                       : ".%d",
                          i + 1);
            nodes.push_back({nodes[parent].code + seg, depth + 1, {}});
            std::size_t me = nodes.size() - 1;
            nodes[parent].children.push_back(me);
            self(self, me);
        }
    };
    grow(grow, 0);
    // A parent cut off before its first child is dropped (it would be a leaf of the wrong kind).
    while (nodes.back().depth < 6 && nodes.back().children.empty()) {
        std::size_t last = nodes.size() - 1;
        nodes.pop_back();
        for (Node& n : nodes) std::erase(n.children, last);
    }
    return nodes;
}

std::string cell(lxw_row_t row, int col) {
    char buf[16];
    lxw_rowcol_to_cell(buf, row, static_cast<lxw_col_t>(col));
    return buf;
}

struct Shape {
    std::size_t rows = 0, formulas = 0;
};

// Columns: A Kode, B Uraian, then per group (Operasi C.., Modal K.., Total S..):
// Anggaran, TW I, TW II, TW III, TW IV, Jumlah, %, Sisa.
Shape write_dpa(const fs::path& path, std::size_t rows) {
    std::vector<Node> tree = code_tree(rows);
    lxw_workbook* wb = workbook_new(path.c_str());
    lxw_worksheet* ws = workbook_add_worksheet(wb, "DPA");
    lxw_format* head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_align(head, LXW_ALIGN_CENTER);
    format_set_border(head, LXW_BORDER_THIN);
    lxw_format* money = workbook_add_format(wb);
    format_set_num_format(money, "#,##0.00");
    lxw_format* pct = workbook_add_format(wb);
    format_set_num_format(pct, "0.00%");
    worksheet_write_string(ws, 0, 0, "PEMERINTAH KABUPATEN CONTOH", nullptr);
    worksheet_write_string(ws, 1, 0, "DOKUMEN PELAKSANAAN ANGGARAN DAN REALISASI BELANJA", nullptr);
    worksheet_write_string(ws, 2, 0, "TAHUN ANGGARAN 2026", nullptr);
    worksheet_merge_range(ws, 4, 0, 6, 0, "Kode Rekening", head);
    worksheet_merge_range(ws, 4, 1, 6, 1, "Uraian", head);
    const char* groups[] = {"Operasi", "Modal", "Total"};
    for (int g = 0; g < 3; ++g) {
        int c = 2 + 8 * g;
        worksheet_merge_range(ws, 4, c, 4, c + 7, groups[g], head);
        worksheet_merge_range(ws, 5, c, 6, c, "Anggaran", head);
        worksheet_merge_range(ws, 5, c + 1, 5, c + 5, "Realisasi", head);
        const char* tw[] = {"TW I", "TW II", "TW III", "TW IV", "Jumlah"};
        for (int i = 0; i < 5; ++i) worksheet_write_string(ws, 6, c + 1 + i, tw[i], head);
        worksheet_merge_range(ws, 5, c + 6, 6, c + 6, "%", head);
        worksheet_merge_range(ws, 5, c + 7, 6, c + 7, "Sisa", head);
    }
    constexpr lxw_row_t first = 7;
    Shape shape;
    shape.rows = tree.size();
    // values[node][col - 2]: what each amount cell shows.
    std::vector<std::array<double, 24>> values(tree.size());
    auto formula = [&](lxw_row_t r, int c, const std::string& f, double v, lxw_format* fmt) {
        worksheet_write_formula_num(ws, r, static_cast<lxw_col_t>(c), f.c_str(), fmt, v);
        ++shape.formulas;
    };
    // Children before parents: a parent's cached value is the sum of its children's.
    for (std::size_t n = tree.size(); n-- > 0;) {
        const Node& node = tree[n];
        auto& v = values[n];
        lxw_row_t r = first + static_cast<lxw_row_t>(n);
        for (int g = 0; g < 2; ++g) {
            int c = 2 + 8 * g;
            for (int i = 0; i < 5; ++i) {  // Anggaran, TW I-IV
                int col = c + i;
                if (node.children.empty()) {
                    // The year's budget well above the four TW's realisasi.
                    double amount = g == 1 && n % 3 ? 0
                                    : i == 0        ? 1e6 + 1000.0 * ((n * 7) % 97)
                                                    : 1000.0 * (1 + (n * 7 + i * 13) % 97);
                    v[col - 2] = amount;
                    worksheet_write_number(ws, r, static_cast<lxw_col_t>(col), amount, money);
                } else {
                    std::string f = "=";
                    double sum = 0;
                    for (std::size_t k : node.children) {
                        f += (f.size() > 1 ? "+" : "") +
                             cell(first + static_cast<lxw_row_t>(k), col);
                        sum += values[k][col - 2];
                    }
                    v[col - 2] = sum;
                    formula(r, col, f, sum, money);
                }
            }
        }
        for (int i = 0; i < 5; ++i) {  // Total: Anggaran, TW I-IV = Operasi + Modal
            int col = 18 + i;
            v[col - 2] = v[col - 2 - 16] + v[col - 2 - 8];
            formula(r, col, "=" + cell(r, col - 16) + "+" + cell(r, col - 8), v[col - 2], money);
        }
        for (int g = 0; g < 3; ++g) {  // Jumlah, %, Sisa of each group
            int c = 2 + 8 * g;
            double jumlah = v[c - 1] + v[c] + v[c + 1] + v[c + 2];
            v[c + 3] = jumlah;
            formula(r, c + 5, "=SUM(" + cell(r, c + 1) + ":" + cell(r, c + 4) + ")", jumlah, money);
            double anggaran = v[c - 2];
            formula(r, c + 6, "=IFERROR(" + cell(r, c + 5) + "/" + cell(r, c) + ",0)",
                    anggaran ? jumlah / anggaran : 0, pct);
            v[c + 4] = anggaran ? jumlah / anggaran : 0;
            v[c + 5] = anggaran - jumlah;
            formula(r, c + 7, "=" + cell(r, c) + "-" + cell(r, c + 5), anggaran - jumlah, money);
        }
        worksheet_write_string(ws, r, 0, node.code.c_str(), nullptr);
        std::string uraian =
            (node.children.empty() ? "Belanja rincian " : "Belanja kelompok ") + std::to_string(n);
        worksheet_write_string(ws, r, 1, uraian.c_str(), nullptr);
        if (node.depth == 6 && n % 10 == 0) {
            lxw_row_col_options hidden{};
            hidden.hidden = 1;
            worksheet_set_row_opt(ws, r, LXW_DEF_ROW_HEIGHT, nullptr, &hidden);
        }
    }
    lxw_row_t total = first + static_cast<lxw_row_t>(tree.size());
    worksheet_write_string(ws, total, 1, "JUMLAH", head);
    for (int c = 2; c < 26; ++c) {
        formula(total, c, "=" + cell(first, c), values[0][c - 2], (c - 2) % 8 == 6 ? pct : money);
    }
    worksheet_autofilter(ws, 6, 0, total - 1, 25);
    if (workbook_close(wb) != LXW_NO_ERROR) std::exit(3);
    return shape;
}

struct Phase {
    double wall = 0, cpu = 0;  // seconds; cpu is user + system time of the child
    long kib = 0;              // peak RSS
    int status = 0;
};

template <typename F>
Phase measure(F phase) {
    int fds[2];
    if (pipe(fds) != 0) std::exit(4);
    pid_t pid = fork();
    if (pid == 0) {
        rusage before{};
        getrusage(RUSAGE_SELF, &before);
        auto start = Clock::now();
        Phase r;
        r.status = phase();
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

}  // namespace

int main(int argc, char** argv) {
    std::size_t rows = 4500;
    int repeat = 1;
    fs::path base = fs::temp_directory_path(), keep;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--rows") == 0 && i + 1 < argc)
            rows = static_cast<std::size_t>(std::max(10, std::atoi(argv[++i])));
        else if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++i]));
        else if (std::strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
            base = argv[++i];
        else if (std::strcmp(argv[i], "--keep") == 0 && i + 1 < argc)
            keep = argv[++i];
    }
    fs::path dir = base / ("kinerja-bench-dpa-" + std::to_string(getpid()));
    fs::create_directories(dir);
    fs::path source = dir / "dpa.xlsx", trip_out = dir / "trip.xlsx", out = dir / "out.xlsx";
    Shape shape = write_dpa(source, rows);
    if (!keep.empty()) fs::copy_file(source, keep, fs::copy_options::overwrite_existing);
    kinerja::Engine engine = kinerja::Engine::load(kinerja::default_formulas_dir());
    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) < 0) load[0] = -1;
    std::printf("DPA sheet: %zu data rows, %zu formulas, file %.2f MiB, load average %.2f\n",
                shape.rows, shape.formulas, fs::file_size(source) / 1048576.0, load[0]);
    std::printf("       wall seconds       cpu seconds       peak MiB        fill/trip\n");
    std::printf("turn   trip    fill       trip    fill      trip   fill     wall   cpu\n");
    std::vector<double> trip_wall, fill_wall, fill_cpu, fill_mib, wall_ratio, cpu_ratio;
    for (int t = 0; t < repeat; ++t) {
        Phase trip = measure([&] {
            kinerja::write_workbook(kinerja::read_workbook(source), trip_out);
            return 0;
        });
        Phase fill = measure([&] {
            auto sink = kinerja::WorkbookSink::file(out);
            kinerja::RunReport report =
                kinerja::process(engine, kinerja::WorkbookSource::file(source), sink);
            // The run must have understood the sheet: one budget table, no error, and every
            // formula of the sheet kept (they all agree; one replaced is a misreading).
            bool ok = report.tables.size() == 1 &&
                      report.tables.front().kind == kinerja::TableKind::anggaran &&
                      report.errors() == 0 && report.fill.replaced_values == 0;
            return ok ? 0 : 1;
        });
        if (fill.status != 0) {
            std::fprintf(stderr,
                         "the fill did not read the DPA sheet as one clean budget table, or "
                         "replaced its formulas\n");
            return 1;
        }
        trip_wall.push_back(trip.wall);
        fill_wall.push_back(fill.wall);
        fill_cpu.push_back(fill.cpu);
        fill_mib.push_back(fill.kib / 1024.0);
        wall_ratio.push_back(fill.wall / trip.wall);
        cpu_ratio.push_back(fill.cpu / trip.cpu);
        std::printf("%4d  %6.3f %6.3f    %6.3f %6.3f    %6.1f %6.1f    %5.2fx %5.2fx\n", t + 1,
                    trip.wall, fill.wall, trip.cpu, fill.cpu, trip.kib / 1024.0, fill.kib / 1024.0,
                    fill.wall / trip.wall, fill.cpu / trip.cpu);
    }
    if (getloadavg(load, 3) < 0) load[0] = -1;
    std::printf("medians of %d turn(s):\n", repeat);
    std::printf("round trip      %.3f s wall\n", median(trip_wall));
    std::printf("kinerja fill    %.3f s wall, %.3f s cpu, peak %.1f MiB (aim < 2 s, < 150 MB)\n",
                median(fill_wall), median(fill_cpu), median(fill_mib));
    std::printf("fill / round trip: %.2fx wall, %.2fx cpu\n", median(wall_ratio),
                median(cpu_ratio));
    std::printf("load average at the end %.2f %.2f %.2f\n", load[0], load[1], load[2]);
    fs::remove_all(dir);
    return 0;
}
