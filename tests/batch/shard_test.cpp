// Sharding: --shard K/N splits the units stably and disjointly; kinerja rekap merges the
// parts into the same rekap as an unsharded batch.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "batch/batch.hpp"
#include "batch/fixture.hpp"

using namespace kinerja;
using namespace kinerja::test;
namespace fs = std::filesystem;

namespace {

std::set<std::string> unit_outputs(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& item : fs::directory_iterator(dir)) {
        std::string name = item.path().filename().string();
        if (item.path().extension() == ".xlsx" && name != "rekap.xlsx") names.insert(name);
    }
    return names;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shards)

BOOST_AUTO_TEST_CASE(parse_shard_takes_k_of_n) {
    BOOST_TEST((parse_shard("2/4") == Shard{2, 4}));
    BOOST_TEST((parse_shard("1/1") == Shard{1, 1}));
    for (const char* bad : {"0/2", "3/2", "2", "a/b", "1/0", "/2", "1/", "1/2x", "-1/2", "1/20000"})
        BOOST_TEST(!parse_shard(bad), bad);
}

BOOST_AUTO_TEST_CASE(shard_of_is_stable_and_spreads_units) {
    std::map<unsigned, int> counts;
    for (int i = 0; i < 400; ++i) {
        std::string kode = province::kode_of(i);
        unsigned k = shard_of(kode, 4);
        BOOST_TEST((k >= 1 && k <= 4));
        BOOST_TEST(shard_of(kode, 4) == k);  // the same every time
        ++counts[k];
    }
    for (unsigned k = 1; k <= 4; ++k) BOOST_TEST(counts[k] > 60, k << ": " << counts[k]);
    BOOST_TEST(shard_of("anything", 1) == 1u);
}

BOOST_AUTO_TEST_CASE(two_shards_merged_give_the_unsharded_rekap) {
    const ProvinceRun& p = province_run();
    ScratchDir scratch;
    RunResult one = run_cli(batch_args(p, scratch / "a", {"--shard", "1/2"}));
    RunResult two = run_cli(batch_args(p, scratch / "b", {"--shard", "2/2"}));
    BOOST_TEST((one.exit_code == 0 || one.exit_code == 1), one.err);
    BOOST_TEST((two.exit_code == 0 || two.exit_code == 1), two.err);
    BOOST_TEST((one.exit_code == 1 || two.exit_code == 1));  // the faulty units are somewhere
    BOOST_TEST(!fs::exists(scratch / "a" / "rekap.xlsx"));
    BOOST_TEST(fs::exists(scratch / "a" / "rekap-part-1-of-2.json"));
    BOOST_TEST(fs::exists(scratch / "b" / "laporan-part-2-of-2.json"));

    auto a = unit_outputs(scratch / "a"), b = unit_outputs(scratch / "b");
    BOOST_TEST(!a.empty());
    BOOST_TEST(!b.empty());
    for (const auto& name : a) BOOST_TEST(!b.count(name), name);
    BOOST_TEST(a.size() + b.size() == 38u);
    for (const auto& name : a)
        BOOST_TEST(file_digest(scratch / "a" / name) == file_digest(p.out() / name));

    RunResult merged = run_cli({"rekap", (scratch / "a").string(), (scratch / "b").string(),
                                "--out", (scratch / "merged").string()});
    BOOST_TEST(merged.exit_code == 1, merged.out << merged.err);  // failed units are merged too
    BOOST_TEST(merged.out.find("2 bagian, 40 satker") != std::string::npos, merged.out);
    BOOST_TEST(file_digest(scratch / "merged" / "rekap.xlsx") ==
               file_digest(p.out() / "rekap.xlsx"));
    auto laporan = nlohmann::json::parse(read_file(scratch / "merged" / "laporan.json"));
    BOOST_TEST(laporan["totals"]["units"] == 40);
    BOOST_TEST(laporan["totals"]["failed"] == 2);
    BOOST_TEST(laporan["parts"] == 2);

    // One part alone: a rekap of its units, and a warning that the other is missing.
    RunResult half = run_cli({"rekap", (scratch / "a").string()});
    BOOST_TEST(half.exit_code == 1);
    BOOST_TEST(half.err.find("bagian 2/2 tidak ditemukan") != std::string::npos, half.err);
    BOOST_TEST(fs::exists(scratch / "a" / "rekap.xlsx"));
}

BOOST_AUTO_TEST_CASE(shards_sharing_one_folder_merge_the_same) {
    const ProvinceRun& p = province_run();
    ScratchDir scratch;
    fs::path shared = scratch / "shared";
    run_cli(batch_args(p, shared, {"--shard", "2/2"}));
    run_cli(batch_args(p, shared, {"--shard", "1/2"}));
    BOOST_TEST(unit_outputs(shared).size() == 38u);
    RunResult merged = run_cli({"rekap", shared.string()});
    BOOST_TEST(merged.exit_code == 1);
    BOOST_TEST(file_digest(shared / "rekap.xlsx") == file_digest(p.out() / "rekap.xlsx"));
}

BOOST_AUTO_TEST_CASE(rekap_refuses_mixed_splits_and_empty_folders) {
    const ProvinceRun& p = province_run();
    ScratchDir scratch;
    run_cli(batch_args(p, scratch / "x", {"--shard", "1/2"}));
    run_cli(batch_args(p, scratch / "y", {"--shard", "1/3"}));
    RunResult mixed = run_cli({"rekap", (scratch / "x").string(), (scratch / "y").string()});
    BOOST_TEST(mixed.exit_code == 2);
    BOOST_TEST(mixed.err.find("gabungkan satu pembagian saja") != std::string::npos, mixed.err);
    fs::create_directories(scratch / "empty");
    RunResult none = run_cli({"rekap", (scratch / "empty").string()});
    BOOST_TEST(none.exit_code == 2);
    BOOST_TEST(none.err.find("rekap-part") != std::string::npos, none.err);
}

BOOST_AUTO_TEST_CASE(rekap_refuses_a_satker_in_two_parts) {
    const ProvinceRun& p = province_run();
    ScratchDir scratch;
    run_cli(batch_args(p, scratch / "x", {"--shard", "1/2"}));
    // Part 1 again, named as part 2: each of its satker is now in two parts.
    fs::create_directories(scratch / "z");
    fs::copy_file(scratch / "x" / "rekap-part-1-of-2.json",
                  scratch / "z" / "rekap-part-2-of-2.json");
    RunResult twice = run_cli({"rekap", (scratch / "x").string(), (scratch / "z").string(), "--out",
                               (scratch / "merged").string()});
    BOOST_TEST(twice.exit_code == 2);
    BOOST_TEST(twice.err.find("ada di dua bagian") != std::string::npos, twice.err);
    BOOST_TEST(twice.err.find("rekap-part-") != std::string::npos, twice.err);
    BOOST_TEST(!fs::exists(scratch / "merged" / "rekap.xlsx"));
}

BOOST_AUTO_TEST_SUITE_END()
