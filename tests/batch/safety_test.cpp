// The output folder under attack and under load: links planted at temp and manifest names,
// two batches at once on one folder, a damaged manifest line, temp files a kill left behind,
// a full disk.
#include <fcntl.h>
#include <sched.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "batch/figures.hpp"
#include "batch/fixture.hpp"
#include "batch/outputs.hpp"
#include "batch/summary_store.hpp"
#include "common/atomic_output.hpp"
#include "read/read.hpp"

extern char** environ;

using namespace kinerja;
using namespace kinerja::test;
namespace fs = std::filesystem;

namespace {

const std::string original = "ORIGINAL\n";

fs::path make_victim(const fs::path& file) {
    std::ofstream(file, std::ios::binary) << original;
    return file;
}

int last_pid() {
    int pid = 0;
    std::ifstream("/proc/sys/kernel/ns_last_pid") >> pid;
    return pid;
}

// Links at the names the old code used for the next `count` processes:
// ".kinerja-tmp-<pid>-<n>-<name>".
std::vector<fs::path> plant_links(const fs::path& dir, const std::string& name,
                                  const fs::path& victim, int count = 200) {
    std::vector<fs::path> links;
    int from = last_pid() + 1;
    for (int pid = from; pid < from + count; ++pid)
        for (int n = 0; n < 3; ++n) {
            fs::path link = dir / (".kinerja-tmp-" + std::to_string(pid) + "-" + std::to_string(n) +
                                   "-" + name);
            std::error_code ec;
            fs::create_symlink(victim, link, ec);
            if (!ec) links.push_back(link);
        }
    return links;
}

std::set<std::string> laporan_units(const fs::path& laporan) {
    std::multiset<std::string> seen;
    const auto doc = nlohmann::json::parse(read_file(laporan));
    for (const auto& u : doc["units"]) seen.insert(u["satker"].get<std::string>());
    BOOST_TEST(std::set<std::string>(seen.begin(), seen.end()).size() == seen.size(),
               "a satker is listed twice in " << laporan);
    return {seen.begin(), seen.end()};
}

// Starts `kinerja args...` with its output in `log`; does not wait.
pid_t start_cli(const std::vector<std::string>& args, const fs::path& log) {
    std::vector<std::string> argv{cli_path().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> raw;
    for (auto& a : argv) raw.push_back(a.data());
    raw.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = 0;
    int rc = posix_spawn(&pid, raw[0], &actions, nullptr, raw.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    BOOST_REQUIRE_MESSAGE(rc == 0, "cannot start " << argv[0]);
    return pid;
}

int wait_exit(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::set<std::string> expected_units() {
    std::set<std::string> keys;
    for (const auto& u : province_run().units) keys.insert(u.kode);
    return keys;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(safety)

BOOST_AUTO_TEST_CASE(temp_files_are_private_and_never_follow_a_link) {
    ScratchDir scratch;
    fs::path dir = scratch / "out";
    fs::create_directories(dir);
    fs::path victim = make_victim(scratch / "victim");
    plant_links(dir, "x.txt", victim, 20);
    std::string seen_name;
    mode_t seen_mode = 0;
    write_atomically(dir / "x.txt", [&](const fs::path& temp) {
        struct stat st {};
        BOOST_REQUIRE(::stat(temp.c_str(), &st) == 0);
        seen_mode = st.st_mode;
        // The file written is the one in the folder, under a name of its own.
        for (const auto& item : fs::directory_iterator(dir)) {
            struct stat other {};
            if (::lstat(item.path().c_str(), &other) == 0 && other.st_ino == st.st_ino)
                seen_name = item.path().filename().string();
        }
        std::ofstream(temp, std::ios::binary) << "new";
    });
    BOOST_TEST(S_ISREG(seen_mode));
    BOOST_TEST((seen_mode & 0777) == 0600u, std::oct << (seen_mode & 0777));
    BOOST_TEST(seen_name.rfind(".kinerja-tmp-" + std::to_string(::getpid()) + "-", 0) == 0u,
               seen_name);
    BOOST_TEST(read_file(dir / "x.txt") == "new");
    BOOST_TEST(read_file(victim) == original);
    // Done: readable as any new file of the user is.
    mode_t mask = ::umask(022);
    ::umask(mask);
    struct stat done {};
    BOOST_REQUIRE(::stat((dir / "x.txt").c_str(), &done) == 0);
    BOOST_TEST((done.st_mode & 0777) == (0666 & ~mask));

    // A file without a name leaves nothing in its folder and is reached by its path.
    {
        PrivateFile unnamed = PrivateFile::unnamed(dir);
        std::ofstream(unnamed.access_path(), std::ios::binary) << "abc";
        BOOST_TEST(read_file(unnamed.access_path()) == "abc");
        BOOST_TEST(unnamed.path().empty());
    }
}

BOOST_AUTO_TEST_CASE(links_planted_at_temp_and_manifest_names_touch_nothing_outside) {
    const ProvinceRun& p = province_run();
    ScratchDir scratch;
    fs::path shared = scratch / "shared", out = scratch / "out", out2 = scratch / "out2";
    fs::create_directories(shared);
    fs::create_directories(out);
    fs::create_directories(out2);
    fs::path victim1 = make_victim(scratch / "victim1"), victim2 = make_victim(scratch / "victim2"),
             victim3 = make_victim(scratch / "victim3");

    // kinerja fill: links at the destination folder's temp names.
    auto links = plant_links(shared, "out.xlsx", victim1);
    RunResult fill =
        run_cli({"fill", (source_dir() / "samples" / "rutan-soe-2023-lkjip.xlsx").string(), "-o",
                 (shared / "out.xlsx").string()});
    BOOST_TEST(fill.exit_code <= 1, fill.err);
    BOOST_TEST(fs::is_regular_file(fs::symlink_status(shared / "out.xlsx")));
    BOOST_TEST(read_file(victim1) == original);

    // kinerja batch: links in /dev/shm (the old staging names) and in the output folder.
    std::vector<fs::path> shm;
    if (fs::is_directory("/dev/shm")) shm = plant_links("/dev/shm", "S001.xlsx", victim2);
    auto out_links = plant_links(out, "S001.xlsx", victim2);
    RunResult batch = run_cli(batch_args(p, out));
    for (const fs::path& l : shm) fs::remove(l);
    BOOST_TEST(batch.exit_code == 1, batch.err);  // the province's faulty units
    BOOST_TEST(read_file(victim2) == original);
    BOOST_TEST(laporan_units(out / "laporan.json") == expected_units());
    // Nothing named of ours is left in /dev/shm.
    if (fs::is_directory("/dev/shm"))
        for (const auto& item : fs::directory_iterator("/dev/shm")) {
            std::string name = item.path().filename().string();
            if (name.rfind(".kinerja-tmp-" + std::to_string(::getpid()), 0) == 0) continue;
            bool planted = std::find(shm.begin(), shm.end(), item.path()) != shm.end();
            BOOST_TEST((name.rfind(".kinerja-tmp-", 0) != 0 || planted ||
                        !fs::is_regular_file(item.path())),
                       name << " left in /dev/shm");
        }

    // A link at the manifest's name: refused, nothing appended through it.
    fs::create_symlink(victim3, out2 / ".kinerja-manifest-1-of-1.jsonl");
    RunResult refused = run_cli(batch_args(p, out2));
    BOOST_TEST(refused.exit_code == 2);
    BOOST_TEST(refused.err.find("tautan simbolik") != std::string::npos, refused.err);
    BOOST_TEST(read_file(victim3) == original);
    // A link at the lock's name: refused too.
    fs::remove(out2 / ".kinerja-manifest-1-of-1.jsonl");
    fs::remove(out2 / ".kinerja-lock");
    fs::create_symlink(victim3, out2 / ".kinerja-lock");
    RunResult locked = run_cli(batch_args(p, out2));
    BOOST_TEST(locked.exit_code == 2);
    BOOST_TEST(locked.err.find("tautan simbolik") != std::string::npos, locked.err);
    BOOST_TEST(read_file(victim3) == original);
}

BOOST_AUTO_TEST_CASE(two_batches_at_once_on_one_folder_never_give_a_wrong_rekap) {
    const ProvinceRun& p = province_run();
    const std::string reference = file_digest(p.out() / "rekap.xlsx");
    ScratchDir scratch;
    fs::path out = scratch / "out";
    int refusals = 0;
    for (int trial = 0; trial < 4; ++trial) {
        BOOST_TEST_CONTEXT("trial " << trial) {
            // From scratch, then over the outputs of the trials before (a retried job).
            if (trial == 0 || trial == 2) fs::remove_all(out);
            std::vector<std::string> args = batch_args(
                p, out,
                trial == 3 ? std::vector<std::string>{"--force"} : std::vector<std::string>{});
            pid_t a = start_cli(args, scratch / "a.log");
            pid_t b = start_cli(args, scratch / "b.log");
            int ra = wait_exit(a), rb = wait_exit(b);
            for (auto [rc, log] :
                 {std::pair{ra, scratch / "a.log"}, std::pair{rb, scratch / "b.log"}}) {
                std::string text = read_file(log);
                if (rc == 2) {
                    ++refusals;
                    BOOST_TEST(
                        text.find("sedang dipakai oleh kinerja batch lain") != std::string::npos,
                        text);
                } else {
                    BOOST_TEST(rc == 1, text);  // the province's faulty units
                }
            }
            BOOST_TEST((ra == 1 || rb == 1), "neither batch ran");
            BOOST_TEST(file_digest(out / "rekap.xlsx") == reference);
            BOOST_TEST(laporan_units(out / "laporan.json") == expected_units());
        }
    }
    BOOST_TEST_MESSAGE("two batches at once: " << refusals << " of 8 refused");
    // A plain re-run afterwards trusts only what is right.
    RunResult again = run_cli(batch_args(p, out));
    BOOST_TEST(again.exit_code == 1, again.err);
    BOOST_TEST(file_digest(out / "rekap.xlsx") == reference);
    BOOST_TEST(laporan_units(out / "laporan.json") == expected_units());
}

BOOST_AUTO_TEST_CASE(kinerja_rekap_takes_the_output_folder_lock) {
    const ProvinceRun& p = province_run();
    ScratchDir scratch;
    fs::path shared = scratch / "shared";
    run_cli(batch_args(p, shared, {"--shard", "1/2"}));
    run_cli(batch_args(p, shared, {"--shard", "2/2"}));
    // This process holds the folder's lock as a running batch (shared) or a rekap (exclusive).
    int held = ::open((shared / ".kinerja-lock").c_str(), O_RDWR | O_CLOEXEC);
    BOOST_REQUIRE(held >= 0);
    for (int how : {LOCK_SH, LOCK_EX}) {
        BOOST_TEST_CONTEXT((how == LOCK_SH ? "a batch" : "a rekap") << " holds the folder") {
            BOOST_REQUIRE(::flock(held, how) == 0);
            RunResult refused = run_cli({"rekap", shared.string()});
            BOOST_TEST(refused.exit_code == 2, refused.err);
            BOOST_TEST(refused.err.find("sedang dipakai oleh kinerja batch atau rekap lain") !=
                           std::string::npos,
                       refused.err);
            BOOST_TEST(!fs::exists(shared / "rekap.xlsx"));
            BOOST_TEST(!fs::exists(shared / "laporan.json"));
        }
    }
    // A batch started while a rekap holds the folder waits for it, then runs.
    fs::path log = scratch / "batch.log";
    pid_t batch = start_cli(batch_args(p, shared, {"--shard", "1/2"}), log);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    int status = 0;
    BOOST_TEST(::waitpid(batch, &status, WNOHANG) == 0, "the batch did not wait");
    // The "rekap" ends.
    ::close(held);
    BOOST_TEST(wait_exit(batch) == 1, read_file(log));  // the province's faulty units
    RunResult merged = run_cli({"rekap", shared.string()});
    BOOST_TEST(merged.exit_code == 1, merged.err);
    BOOST_TEST(file_digest(shared / "rekap.xlsx") == file_digest(p.out() / "rekap.xlsx"));
}

BOOST_AUTO_TEST_CASE(a_damaged_manifest_line_is_not_trusted_and_its_unit_is_redone) {
    const ProvinceRun& p = province_run();
    ScratchDir scratch;
    fs::path out = scratch / "out";
    run_cli(batch_args(p, out));
    fs::path manifest = out / ".kinerja-manifest-1-of-1.jsonl";
    std::string text = read_file(manifest);
    // In S005's line a figure changes, the length stays: only the checksum can tell.
    std::size_t line = text.find("\"key\":\"S005\"");
    BOOST_REQUIRE(line != std::string::npos);
    std::size_t digit = text.find_first_of("123456789", text.find("\"summary\"", line));
    BOOST_REQUIRE(digit < text.find('\n', line));
    text[digit] = text[digit] == '9' ? '8' : static_cast<char>(text[digit] + 1);
    std::ofstream(manifest, std::ios::binary | std::ios::trunc) << text;

    RunResult again = run_cli(batch_args(p, out));
    BOOST_TEST(again.out.find("1 ditulis, 37 dilewati") != std::string::npos, again.out);
    BOOST_TEST(again.out.find("1 baris manifest rusak") != std::string::npos, again.out);
    BOOST_TEST(file_digest(out / "rekap.xlsx") == file_digest(p.out() / "rekap.xlsx"));
    // Compacted: the next run finds every line whole.
    RunResult third = run_cli(batch_args(p, out));
    BOOST_TEST(third.out.find("0 ditulis, 38 dilewati") != std::string::npos, third.out);
    BOOST_TEST(third.out.find("rusak") == std::string::npos, third.out);
}

BOOST_AUTO_TEST_CASE(the_rekap_needs_each_unit_exactly_once) {
    ScratchDir scratch;
    auto store_of = [&](std::vector<std::string> keys) {
        batch_detail::SummaryStore store(scratch.path());
        for (const std::string& key : keys) {
            batch_detail::UnitSummary s;
            s.report.key = key;
            store.add(s);
        }
        store.sort_by_key();
        return store;
    };
    BOOST_CHECK_NO_THROW(
        batch_detail::check_each_unit_once(store_of({"S002", "S001"}), {"S001", "S002"}, "r"));
    // The rekap of issue 15: S003 missing, S002 twice.
    BOOST_CHECK_EXCEPTION(
        batch_detail::check_each_unit_once(store_of({"S001", "S002", "S002", "S004"}),
                                           {"S001", "S002", "S003", "S004"}, "rekap.xlsx"),
        OutputError, [](const OutputError& e) {
            std::string en = e.describe(Lang::en);
            BOOST_TEST_MESSAGE(en);
            return en.find("missing: S003;") != std::string::npos &&
                   en.find("more than once: S002;") != std::string::npos &&
                   en.find("rekap.xlsx") == 0;
        });
    BOOST_CHECK_THROW(batch_detail::check_each_unit_once(store_of({"S001", "S009"}), {"S001"}, "r"),
                      OutputError);
}

BOOST_AUTO_TEST_CASE(stray_temp_files_of_killed_runs_are_removed_and_nothing_else) {
    const ProvinceRun& p = province_run();
    ScratchDir scratch;
    fs::path out = scratch / "out";
    fs::create_directories(out);
    auto old = fs::file_time_type::clock::now() - std::chrono::hours(3);
    auto make = [&](const std::string& name, bool aged) {
        std::ofstream(out / name, std::ios::binary) << "partial";
        if (aged) fs::last_write_time(out / name, old);
        return out / name;
    };
    fs::path stray_old = make(".kinerja-tmp-4242-0-S001.xlsx", true);
    fs::path stray_new = make(".kinerja-tmp-4243-aB3xYz-S002.xlsx", true);
    fs::path recent = make(".kinerja-tmp-4244-Qw9rTy-S003.xlsx", false);
    fs::path other = make("catatan.xlsx", true);
    fs::path victim = make_victim(scratch / "victim");
    fs::last_write_time(victim, old);
    fs::create_symlink(victim, out / ".kinerja-tmp-4245-0-link.xlsx");
    fs::create_directory(out / ".kinerja-tmp-4246-dir");

    RunResult r = run_cli(batch_args(p, out));
    BOOST_TEST(r.exit_code == 1, r.err);
    BOOST_TEST(!fs::exists(stray_old));
    BOOST_TEST(!fs::exists(stray_new));
    BOOST_TEST(fs::exists(recent));  // maybe another run's, still writing
    BOOST_TEST(fs::exists(other));
    BOOST_TEST(fs::is_symlink(out / ".kinerja-tmp-4245-0-link.xlsx"));
    BOOST_TEST(read_file(victim) == original);
    BOOST_TEST(fs::is_directory(out / ".kinerja-tmp-4246-dir"));
    BOOST_TEST(
        r.out.find("2 berkas sementara sisa proses yang dihentikan dihapus") != std::string::npos,
        r.out);
}

namespace {

// Runs `body` in a child process with a mount namespace of its own, so that it may mount a
// small tmpfs (as root, or where user namespaces allow it). Returns the child's exit code;
// 77 when no namespace or mount could be had.
template <typename F>
int in_own_mount_namespace(F&& body) {
    pid_t pid = ::fork();
    if (pid == 0) {
        bool own = ::unshare(CLONE_NEWNS) == 0;
        if (!own) {
            uid_t uid = ::geteuid();
            gid_t gid = ::getegid();
            own = ::unshare(CLONE_NEWUSER | CLONE_NEWNS) == 0;
            if (own) {
                std::ofstream("/proc/self/setgroups") << "deny";
                std::ofstream("/proc/self/uid_map") << "0 " << uid << " 1";
                std::ofstream("/proc/self/gid_map") << "0 " << gid << " 1";
            }
        }
        if (!own || ::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) ::_exit(77);
        ::_exit(body());
    }
    return wait_exit(pid);
}

bool can_mount_a_tmpfs() {
    static const bool can = [] {
        ScratchDir probe;
        return in_own_mount_namespace([&] {
                   return ::mount("tmpfs", probe.path().c_str(), "tmpfs", 0, "size=64k") == 0 ? 0
                                                                                              : 77;
               }) == 0;
    }();
    return can;
}

}  // namespace

// A full disk, made with a tmpfs of 80 KB as the output folder: the units that do not fit
// fail with "disk penuh" and the folder, nothing of libxlsxwriter's own lines is printed, and
// laporan.json is written when there is room for it (after the rekap's temp file is gone).
BOOST_AUTO_TEST_CASE(a_full_disk_is_named_with_its_folder,
                     *boost::unit_test::precondition([](boost::unit_test::test_unit_id) {
                         return can_mount_a_tmpfs();
                     })) {
    ScratchDir scratch;
    fs::path out = scratch / "full", log = scratch / "log", laporan = scratch / "laporan.json";
    fs::create_directories(out);
    fs::path samples = source_dir() / "samples" / "wilayah";
    int rc = in_own_mount_namespace([&] {
        if (::mount("tmpfs", out.c_str(), "tmpfs", 0, "size=80k") != 0) return 77;
        pid_t k =
            start_cli({"batch", "--template", (samples / "templat-wilayah.xlsx").string(), "--data",
                       (samples / "data-wilayah.csv").string(), "--out", out.string(), "-j", "1"},
                      log);
        int code = wait_exit(k);
        std::error_code ec;
        fs::copy_file(out / "laporan.json", laporan, ec);  // the tmpfs goes with this process
        return code;
    });
    std::string text = read_file(log);
    BOOST_TEST(rc == 2, text);
    BOOST_TEST(text.find("disk penuh: folder " + out.string()) != std::string::npos, text);
    BOOST_TEST(text.find("ZIP_ERRNO") == std::string::npos, text);
    BOOST_TEST(text.find("[ERROR]") == std::string::npos, text);
    BOOST_REQUIRE(fs::exists(laporan));
    auto doc = nlohmann::json::parse(read_file(laporan));
    BOOST_TEST(doc["units"].size() == 8u);
    std::size_t full = 0;
    for (const auto& u : doc["units"])
        if (u["status"] == "failed") {
            BOOST_TEST(u["failure"].get<std::string>().find("disk penuh") != std::string::npos,
                       u.dump());
            ++full;
        }
    BOOST_TEST(full >= 1u);
}

// The same for `kinerja fill`: libxlsxwriter once wrote its zip beside the output and printed
// "[ERROR] workbook_close(): Zip ZIP_ERRNO ..." above Kinerja's line. Staged in memory, only
// Kinerja's own copy meets the full disk: one line, naming the folder, and no file left.
BOOST_AUTO_TEST_CASE(kinerja_fill_on_a_full_disk_says_so_in_one_line,
                     *boost::unit_test::precondition([](boost::unit_test::test_unit_id) {
                         return can_mount_a_tmpfs();
                     })) {
    ScratchDir scratch;
    fs::path out = scratch / "full", log = scratch / "log";
    fs::create_directories(out);
    int rc = in_own_mount_namespace([&] {
        // 16 KB: less than the filled workbook.
        if (::mount("tmpfs", out.c_str(), "tmpfs", 0, "size=16k") != 0) return 77;
        pid_t k =
            start_cli({"fill", (source_dir() / "samples" / "rutan-soe-2023-lkjip.xlsx").string(),
                       "-o", (out / "terisi.xlsx").string()},
                      log);
        int code = wait_exit(k);
        return fs::is_empty(out) ? code : 100 + code;  // the tmpfs goes with this process
    });
    std::string text = read_file(log);
    BOOST_TEST(rc < 100, "a file was left in the full folder");
    BOOST_TEST(rc % 100 == 2, text);
    BOOST_TEST(text == "kinerja: " + (out / "terisi.xlsx").string() + ": disk penuh: folder " +
                           out.string() +
                           " tidak punya ruang lagi; kosongkan ruang lalu jalankan lagi\n",
               text);
}

BOOST_AUTO_TEST_SUITE_END()
