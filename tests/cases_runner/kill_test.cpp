// The `kinerja fill` command under hostile conditions: killed with SIGKILL at random moments
// while it works, and fed a data.csv whose names look like spreadsheet formulas.
//
// Temp files: write_atomically writes ".kinerja-tmp-<pid>-<n>-<name>" beside the destination
// and renames it into place. A process killed between the two cannot remove its temp file,
// and no other run removes it either (a second `kinerja fill` writing into the same folder
// at that moment would lose its file). So a killed run may leave one; this test accepts
// those, and only those: every temp file left must carry the pid of a run that was killed.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cerrno>
#include <chrono>
#include <random>
#include <set>
#include <thread>

#include "cases_runner/case_file.hpp"
#include "read/read.hpp"
#include "support/support.hpp"

extern char** environ;

namespace fs = std::filesystem;
using namespace kinerja;
using namespace kinerja::test;
using Clock = std::chrono::steady_clock;

namespace {

void require_cli() {
    BOOST_REQUIRE_MESSAGE(fs::exists(cli_path()),
                          "the kinerja command is not built: " << cli_path());
}

// Starts `kinerja fill input -o output` without waiting for it; output goes to /dev/null.
pid_t start_fill(const fs::path& input, const fs::path& output) {
    std::vector<std::string> argv{cli_path().string(), "fill", input.string(), "-o",
                                  output.string()};
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    BOOST_REQUIRE_MESSAGE(rc == 0, "cannot start " << argv[0]);
    return pid;
}

// Waits for `pid`; true if it ended by SIGKILL.
bool wait_killed(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

// The pid in ".kinerja-tmp-<pid>-<n>-<name>", or -1 for any other file.
long temp_file_pid(const std::string& name) {
    const std::string prefix = ".kinerja-tmp-";
    if (name.rfind(prefix, 0) != 0) return -1;
    return std::strtol(name.c_str() + prefix.size(), nullptr, 10);
}

std::vector<std::string> temp_files(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir))
        if (temp_file_pid(e.path().filename().string()) >= 0)
            names.push_back(e.path().filename().string());
    return names;
}

// Returns once `pid` has a temp file in `dir` (it is writing) or has ended.
void wait_for_temp_file(pid_t pid, const fs::path& dir) {
    siginfo_t info{};
    for (;;) {
        for (const std::string& name : temp_files(dir))
            if (temp_file_pid(name) == pid) return;
        // WNOWAIT leaves an ended process waitable for wait_killed().
        info.si_pid = 0;
        if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0 ||
            info.si_pid == pid)
            return;
        std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
}

struct NormalRun {
    Clock::duration total{};
    Clock::duration writing_start{}, writing_end{};  // while its temp file existed
};

// One complete run of `kinerja fill`, timed, watching the destination's folder for its temp file.
NormalRun time_normal_run(const fs::path& input, const fs::path& destination) {
    NormalRun run;
    auto t0 = Clock::now();
    pid_t pid = start_fill(input, destination);
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        auto now = Clock::now() - t0;
        if (!temp_files(destination.parent_path()).empty()) {
            if (run.writing_start == Clock::duration{}) run.writing_start = now;
            run.writing_end = now;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
    run.total = Clock::now() - t0;
    BOOST_REQUIRE(WIFEXITED(status));
    if (run.writing_start == Clock::duration{}) {
        run.writing_start = run.total / 2;  // too quick to see: assume the second half
        run.writing_end = run.total;
    }
    return run;
}

long ms(Clock::duration d) {
    return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(d).count());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(kill_and_untrusted_data)

BOOST_AUTO_TEST_CASE(a_killed_fill_leaves_the_old_file_or_a_complete_new_one) {
    require_cli();
    ScratchDir scratch;
    fs::create_directories(scratch / "in");
    fs::create_directories(scratch / "out");
    const fs::path input = scratch / "in" / "rutan-soe-2023-lkjip.xlsx";
    fs::copy_file(source_dir() / "samples" / "rutan-soe-2023-lkjip.xlsx", input);
    const std::string input_digest = file_digest(input);
    // An older, different workbook the destination holds before some runs.
    const fs::path older = source_dir() / "samples" / "bapas-mataram-2024-rka.xlsx";
    const fs::path destination = scratch / "out" / "hasil.xlsx";

    const NormalRun normal = time_normal_run(input, destination);
    const std::string complete = file_digest(destination);
    Workbook reference = read_workbook(destination);
    BOOST_REQUIRE(reference.sheet("Validasi") != nullptr);
    BOOST_TEST(temp_files(scratch / "out").empty());

    // 25 kills spread over the whole run and a little after it, then 10 while it writes: once
    // its temp file appears, within the time the normal run kept it.
    using us = std::chrono::microseconds;
    std::mt19937 rng(20240605);
    std::uniform_int_distribution<long> anytime(
        0, std::chrono::duration_cast<us>(normal.total).count() * 6 / 5);
    std::uniform_int_distribution<long> writing(
        0, std::chrono::duration_cast<us>(normal.writing_end - normal.writing_start).count());
    std::set<long> killed_pids;
    int killed = 0, completed = 0;
    for (int run = 0; run < 35; ++run) {
        // Even runs write to a new file, odd runs over an existing older one.
        bool had_older = run % 2 == 1;
        fs::remove(destination);
        if (had_older) fs::copy_file(older, destination);
        long delay = run < 25 ? anytime(rng) : writing(rng);
        pid_t pid = start_fill(input, destination);
        if (run >= 25) wait_for_temp_file(pid, scratch / "out");
        std::this_thread::sleep_for(us(delay));
        ::kill(pid, SIGKILL);  // a process that already ended is a zombie: no effect
        if (wait_killed(pid)) {
            ++killed;
            killed_pids.insert(pid);
        } else {
            ++completed;
        }
        BOOST_TEST_CONTEXT("run " << run << " killed after " << delay << " us"
                                  << (had_older ? " over an older file" : " to a new file")) {
            if (fs::exists(destination)) {
                std::string digest = file_digest(destination);
                bool old_file = had_older && digest == file_digest(older);
                BOOST_TEST((old_file || digest == complete),
                           "a partial file, or fill is no longer byte-identical run to run");
                if (!old_file) {
                    Workbook written = read_workbook(destination);
                    BOOST_TEST(written.sheet("Validasi") != nullptr);
                }
            } else {
                BOOST_TEST(!had_older, "the older file disappeared");
            }
            for (const std::string& name : temp_files(scratch / "out"))
                BOOST_TEST(killed_pids.count(temp_file_pid(name)) == 1u,
                           name << " is left by a run that was not killed");
        }
    }
    BOOST_TEST(file_digest(input) == input_digest, "the input was modified");
    BOOST_TEST(temp_files(scratch / "in").empty());
    std::size_t left = temp_files(scratch / "out").size();
    BOOST_TEST_MESSAGE("kill test: normal run "
                       << ms(normal.total) << " ms, temp file seen from "
                       << ms(normal.writing_start) << " to " << ms(normal.writing_end) << " ms; "
                       << killed << " killed, " << completed << " completed, " << left
                       << " killed while writing");
    BOOST_TEST(killed >= 10);
    // Kills must land in the write phase too, or this test proves nothing about atomicity.
    BOOST_TEST(left >= 1u);
}

// Names from --data that start with =, +, - or @ stay text: never a formula in the output.
BOOST_AUTO_TEST_CASE(formula_like_names_in_data_csv_stay_text) {
    require_cli();
    ScratchDir scratch;
    const fs::path folder = cases_dir() / "data-csv-injeksi";
    const fs::path out = scratch / "hasil.xlsx";
    RunResult r = run_cli({"fill", (folder / "input.xlsx").string(), "-o", out.string(), "--data",
                           (folder / "data.csv").string()});
    BOOST_TEST(r.exit_code == 0, r.err << r.out);
    Workbook filled = read_workbook(out);
    const std::vector<std::string> typed{"=SUM(7,8)", "=7*6",   "+SUM(9,10)", "+9*4",
                                         "-11+12",    "-13+14", "@SUM(15)",   "@16"};
    const std::vector<std::string> payloads{"HYPERLINK", "SUM(7,8)", "7*6",     "SUM(9,10)", "9*4",
                                            "11+12",     "13+14",    "SUM(15)", "@16"};
    std::set<std::string> texts;
    std::size_t formulas = 0;
    for (const Sheet& sheet : filled.sheets) {
        for (const Cell& cell : sheet.cells) {
            if (cell.value.kind == CellValue::Kind::text && !cell.is_formula())
                texts.insert(cell.value.text);
            if (!cell.is_formula()) continue;
            ++formulas;
            for (const std::string& p : payloads)
                BOOST_TEST(
                    cell.formula.find(p) == std::string::npos,
                    sheet.name << "!" << cell_name(cell.row, cell.col) << " =" << cell.formula);
        }
    }
    // The fill did compute (realisasi and capaian from the data), and the names are there as text.
    BOOST_TEST(formulas >= 2u);
    for (const std::string& t : typed)
        BOOST_TEST(texts.count(t) == 1u, t << " is not kept as text");
}

BOOST_AUTO_TEST_SUITE_END()
