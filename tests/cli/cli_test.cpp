// The kinerja command: help, version, languages, exit codes, and that bad input
// leaves no output and an unchanged input.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "support/support.hpp"

namespace fs = std::filesystem;
using namespace kinerja::test;

namespace {

// A sample whose tables are all consistent: filling it finds nothing.
fs::path any_sample() {
    return source_dir() / "samples" / "bapas-mataram-2024-rka.xlsx";
}

}  // namespace

BOOST_AUTO_TEST_CASE(version_and_help) {
    auto v = run_cli({"--version"});
    BOOST_TEST(v.exit_code == 0);
    BOOST_TEST(v.out.find("kinerja ") == 0u);

    auto id = run_cli({"--help"});
    BOOST_TEST(id.exit_code == 0);
    BOOST_TEST(id.out.find("Pemakaian") != std::string::npos);
    auto en = run_cli({"--help", "--lang", "en"});
    BOOST_TEST(en.out.find("Usage") != std::string::npos);

    auto fill_help = run_cli({"fill", "--help"});
    BOOST_TEST(fill_help.exit_code == 0);
    BOOST_TEST(fill_help.out.find("kinerja fill") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2) {
    BOOST_TEST(run_cli({}).exit_code == 2);
    auto unknown = run_cli({"frobnicate"});
    BOOST_TEST(unknown.exit_code == 2);
    BOOST_TEST(unknown.err.find("perintah tidak dikenal") != std::string::npos);
    auto unknown_en = run_cli({"--lang", "en", "frobnicate"});
    BOOST_TEST(unknown_en.err.find("unknown command") != std::string::npos);
    BOOST_TEST(run_cli({"fill"}).exit_code == 2);
    BOOST_TEST(run_cli({"fill", "a.xlsx"}).exit_code == 2);  // no -o
    BOOST_TEST(run_cli({"fill", "a.xlsx", "-o", "b.xlsx", "--bogus"}).exit_code == 2);
}

BOOST_AUTO_TEST_CASE(fill_round_trips_a_sample_without_touching_it) {
    ScratchDir dir;
    fs::path input = dir / "masuk.xlsx";
    fs::copy_file(any_sample(), input);
    std::string before = file_digest(input);
    auto r = run_cli({"fill", input.string(), "-o", (dir / "hasil" / "keluar.xlsx").string()});
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(fs::file_size(dir / "hasil" / "keluar.xlsx") > 0u);
    BOOST_TEST(file_digest(input) == before);
    // No temp file left behind beside the output.
    for (const auto& e : fs::directory_iterator(dir / "hasil"))
        BOOST_TEST(e.path().filename() == "keluar.xlsx");
}

// A fill killed before its rename leaves a ".kinerja-tmp-*" file; the next fill into that
// folder removes it once it is an hour old (a younger one may be another fill's, still
// writing), and leaves the user's own files and links alone.
BOOST_AUTO_TEST_CASE(fill_removes_what_a_killed_fill_left) {
    ScratchDir dir;
    fs::path out = dir / "hasil";
    fs::create_directories(out);
    auto plant = [&](const std::string& name, std::chrono::hours age) {
        std::ofstream(out / name) << "sisa";
        fs::last_write_time(out / name, fs::file_time_type::clock::now() - age);
    };
    plant(".kinerja-tmp-4242-1-keluar.xlsx", std::chrono::hours(2));
    plant(".kinerja-tmp-4243-1-keluar.xlsx", std::chrono::hours(0));
    plant("catatan.kinerja-tmp-lama", std::chrono::hours(2));
    auto r = run_cli({"fill", any_sample().string(), "-o", (out / "keluar.xlsx").string()});
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(!fs::exists(out / ".kinerja-tmp-4242-1-keluar.xlsx"));
    BOOST_TEST(fs::exists(out / ".kinerja-tmp-4243-1-keluar.xlsx"));
    BOOST_TEST(fs::exists(out / "catatan.kinerja-tmp-lama"));
    BOOST_TEST(fs::exists(out / "keluar.xlsx"));
}

BOOST_AUTO_TEST_CASE(refuses_to_overwrite_the_input) {
    ScratchDir dir;
    fs::path input = dir / "masuk.xlsx";
    fs::copy_file(any_sample(), input);
    std::string before = file_digest(input);
    auto r = run_cli({"fill", input.string(), "-o", input.string()});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(file_digest(input) == before);
}

BOOST_AUTO_TEST_CASE(bad_input_gives_one_line_and_no_output) {
    ScratchDir dir;
    fs::path input = dir / "bukan.xlsx";
    std::ofstream(input) << "ini bukan berkas zip\n";
    fs::path output = dir / "keluar.xlsx";
    auto r = run_cli({"fill", input.string(), "-o", output.string()});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(!fs::exists(output));
    BOOST_TEST(r.err.find("bukan.xlsx") != std::string::npos);
    BOOST_TEST(std::count(r.err.begin(), r.err.end(), '\n') == 1);

    auto missing = run_cli({"fill", (dir / "tidak-ada.xlsx").string(), "-o", output.string()});
    BOOST_TEST(missing.exit_code == 2);
    BOOST_TEST(!fs::exists(output));
}
