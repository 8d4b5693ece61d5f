// Output names and the command's usage errors.
#include <boost/test/unit_test.hpp>
#include <fstream>

#include "batch/batch.hpp"
#include "batch/fixture.hpp"

using namespace kinerja;
using namespace kinerja::test;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(batch_cli)

BOOST_AUTO_TEST_CASE(unit_file_stems_are_safe_file_names) {
    BOOST_TEST(unit_file_stem("W20.PAS.1") == "W20.PAS.1");
    BOOST_TEST(unit_file_stem("lapas/kerobokan") == "lapas_kerobokan");
    BOOST_TEST(unit_file_stem("a b:c*?") == "a_b_c__");
    BOOST_TEST(unit_file_stem("") == "_");
    BOOST_TEST(unit_file_stem("..") == "_");
    BOOST_TEST(unit_file_stem(".hidden") == "_.hidden");
    BOOST_TEST(unit_file_stem("rekap") == "rekap_satker");
    BOOST_TEST(unit_file_stem("Laporan") == "Laporan_satker");
    BOOST_TEST(unit_file_stem("CON") == "CON_satker");
    BOOST_TEST(unit_file_stem("rekap-part-1-of-1") == "rekap-part-1-of-1_satker");
    BOOST_TEST(unit_file_stem(std::string(300, 'x')).size() == 120u);
}

BOOST_AUTO_TEST_CASE(codes_that_clash_get_distinct_files) {
    const ProvinceRun& p = province_run();
    ScratchDir scratch;
    std::ofstream(scratch / "data.csv")
        << "satker,indikator,variabel,periode,nilai\n"
           "W/1,perawatan.makanan,terpenuhi,TW1,10\nW/1,perawatan.makanan,jumlah_wbp,TW1,20\n"
           "w_1,perawatan.makanan,terpenuhi,TW1,10\nw_1,perawatan.makanan,jumlah_wbp,TW1,20\n";
    RunResult r = run_cli({"batch", "--template", p.template_file().string(), "--data",
                           (scratch / "data.csv").string(), "--out", (scratch / "out").string()});
    BOOST_TEST(r.out.find("2 ditulis") != std::string::npos, r.out << r.err);
    BOOST_TEST(fs::exists(scratch / "out" / "W_1.xlsx"));
    BOOST_TEST(fs::exists(scratch / "out" / "w_1-2.xlsx"));
}

BOOST_AUTO_TEST_CASE(usage_errors_and_unusable_inputs_exit_2) {
    const ProvinceRun& p = province_run();
    ScratchDir scratch;
    std::string t = p.template_file().string(), d = p.data_file().string();
    std::string out = (scratch / "out").string();
    std::vector<std::vector<std::string>> usage = {
        {"batch"},
        {"batch", "--template", t, "--out", out},
        {"batch", "--template", t, "--data", d},
        {"batch", "--template", t, "--data", d, "--inputs", out, "--out", out},
        {"batch", "--template", t, "--data", d, "--out", out, "--shard", "3/2"},
        {"batch", "--template", t, "--data", d, "--out", out, "-j", "0"},
        {"batch", "--template", t, "--data", d, "--out", out, "--bogus"},
        {"rekap"},
    };
    for (const auto& args : usage) {
        RunResult r = run_cli(args);
        BOOST_TEST(r.exit_code == 2, args.size() << " args: " << r.err);
        BOOST_TEST(!r.err.empty());
    }
    std::ofstream(scratch / "kosong.csv") << "kode,nilai\nS1,3\n";
    RunResult header = run_cli(
        {"batch", "--template", t, "--data", (scratch / "kosong.csv").string(), "--out", out});
    BOOST_TEST(header.exit_code == 2);
    BOOST_TEST(header.err.find("kolom \"satker\" tidak ada") != std::string::npos, header.err);
    RunResult no_template = run_cli(
        {"batch", "--template", (scratch / "tidak-ada.xlsx").string(), "--data", d, "--out", out});
    BOOST_TEST(no_template.exit_code == 2);
    BOOST_TEST(no_template.err.find("tidak-ada.xlsx") != std::string::npos, no_template.err);
    RunResult english = run_cli({"batch", "--lang", "en", "--template", t, "--data",
                                 (scratch / "kosong.csv").string(), "--out", out});
    BOOST_TEST(english.err.find("the header has no \"satker\" column") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
