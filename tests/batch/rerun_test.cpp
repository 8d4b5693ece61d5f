// Re-running: up-to-date outputs are skipped (and the rekap stays the same), --force redoes
// them with the same bytes, a deleted output or a newer template is redone. Determinism:
// the same inputs give the same bytes, whatever the number of workers.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <nlohmann/json.hpp>

#include "batch/fixture.hpp"

using namespace kinerja;
using namespace kinerja::test;
namespace fs = std::filesystem;

namespace {

struct FileState {
    std::string digest;
    fs::file_time_type time;
};

std::map<std::string, FileState> xlsx_files(const fs::path& dir) {
    std::map<std::string, FileState> files;
    for (const auto& item : fs::directory_iterator(dir))
        if (item.path().extension() == ".xlsx")
            files[item.path().filename().string()] = {file_digest(item.path()),
                                                      fs::last_write_time(item.path())};
    return files;
}

nlohmann::json totals(const fs::path& dir) {
    return nlohmann::json::parse(read_file(dir / "laporan.json"))["totals"];
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rerun)

BOOST_AUTO_TEST_CASE(skips_up_to_date_outputs_and_force_redoes_them_identically) {
    const ProvinceRun& p = province_run();
    ScratchDir scratch;
    fs::path out = scratch / "out";
    RunResult first = run_cli(batch_args(p, out));
    BOOST_TEST(first.exit_code == 1);
    auto before = xlsx_files(out);
    BOOST_TEST(before.size() == 39u);  // 38 units and the rekap

    RunResult again = run_cli(batch_args(p, out));
    BOOST_TEST(again.exit_code == 1);  // the two faulty units still fail
    BOOST_TEST(again.out.find("0 ditulis, 38 dilewati") != std::string::npos, again.out);
    BOOST_TEST(totals(out)["up_to_date"] == 38);
    auto after = xlsx_files(out);
    for (const auto& [name, state] : before) {
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST(after.at(name).digest == state.digest);  // the rekap too, from the manifest
            if (name != "rekap.xlsx") BOOST_TEST((after.at(name).time == state.time));
        }
    }

    RunResult forced = run_cli(batch_args(p, out, {"--force"}));
    BOOST_TEST(forced.out.find("38 ditulis, 0 dilewati") != std::string::npos, forced.out);
    auto redone = xlsx_files(out);
    for (const auto& [name, state] : before) {
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST(redone.at(name).digest == state.digest);
            if (name != "rekap.xlsx") BOOST_TEST((redone.at(name).time != state.time));
        }
    }

    // A lost output is made again, alone.
    fs::remove(out / "S005.xlsx");
    RunResult resumed = run_cli(batch_args(p, out));
    BOOST_TEST(resumed.out.find("1 ditulis, 37 dilewati") != std::string::npos, resumed.out);
    BOOST_TEST(file_digest(out / "S005.xlsx") == before.at("S005.xlsx").digest);

    // A template changed after the outputs: everything is redone.
    fs::copy_file(p.template_file(), scratch / "template.xlsx");
    auto args = batch_args(p, out);
    args[2] = (scratch / "template.xlsx").string();
    fs::last_write_time(scratch / "template.xlsx",
                        fs::file_time_type::clock::now() + std::chrono::seconds(5));
    RunResult newer = run_cli(args);
    BOOST_TEST(newer.out.find("38 ditulis, 0 dilewati") != std::string::npos, newer.out);
}

BOOST_AUTO_TEST_CASE(a_cut_short_manifest_line_is_ignored) {
    const ProvinceRun& p = province_run();
    ScratchDir scratch;
    fs::path out = scratch / "out";
    run_cli(batch_args(p, out));
    // A kill in the middle of appending leaves half a line.
    fs::path manifest = out / ".kinerja-manifest-1-of-1.jsonl";
    BOOST_REQUIRE(fs::exists(manifest));
    std::string text = read_file(manifest);
    auto last_line = text.rfind('\n', text.size() - 2);
    std::ofstream(manifest, std::ios::binary | std::ios::trunc) << text.substr(0, last_line + 40);
    RunResult again = run_cli(batch_args(p, out));
    BOOST_TEST(again.out.find("1 ditulis, 37 dilewati") != std::string::npos, again.out);
}

BOOST_AUTO_TEST_CASE(same_inputs_give_the_same_bytes_with_any_number_of_workers) {
    const ProvinceRun& p = province_run();
    ScratchDir scratch;
    auto args = batch_args(p, scratch / "one");
    args[8] = "1";  // -j 1
    BOOST_TEST(run_cli(args).exit_code == 1);
    auto serial = xlsx_files(scratch / "one");
    auto parallel = xlsx_files(p.out());
    BOOST_TEST(serial.size() == parallel.size());
    for (const auto& [name, state] : parallel)
        BOOST_TEST(serial.at(name).digest == state.digest, name);
}

BOOST_AUTO_TEST_SUITE_END()
