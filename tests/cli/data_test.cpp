// kinerja fill --data: the notice of a Windows-1252 file, and choosing the satker.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "support/support.hpp"

namespace fs = std::filesystem;
using namespace kinerja::test;

namespace {

fs::path sample() {
    return source_dir() / "samples" / "bapas-mataram-2024-rka.xlsx";
}

fs::path write(const ScratchDir& dir, const std::string& bytes) {
    fs::path file = dir / "data.csv";
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fill_data)

BOOST_AUTO_TEST_CASE(a_windows_1252_file_is_read_and_the_cli_says_so) {
    ScratchDir dir;
    fs::path data = write(dir,
                          "satker,satker_nama,indikator,variabel,periode,nilai\n"
                          "S1,\xC9mile,perawatan.makanan,terpenuhi,TW1,5\n");
    for (const char* lang : {"id", "en"}) {
        RunResult r = run_cli({"--lang", lang, "fill", sample().string(), "-o",
                               (dir / "out.xlsx").string(), "--data", data.string()});
        BOOST_TEST((r.exit_code == 0 || r.exit_code == 1), r.err);
        BOOST_TEST(r.err.find("Windows-1252") != std::string::npos, r.err);
        BOOST_TEST(r.err.find(std::string(lang) == "en" ? "read as" : "dibaca sebagai") !=
                       std::string::npos,
                   r.err);
    }
}

BOOST_AUTO_TEST_CASE(several_satker_need_one_named) {
    ScratchDir dir;
    fs::path data = write(dir,
                          "satker,indikator,variabel,periode,nilai\n"
                          "S1,perawatan.makanan,terpenuhi,TW1,5\n"
                          "S2,perawatan.makanan,terpenuhi,TW1,6\n");
    fs::path out = dir / "out.xlsx";
    RunResult r = run_cli({"fill", sample().string(), "-o", out.string(), "--data", data.string()});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(r.err.find("2 satker") != std::string::npos, r.err);
    BOOST_TEST(!fs::exists(out));
    r = run_cli(
        {"fill", sample().string(), "-o", out.string(), "--data", data.string(), "--satker", "S2"});
    BOOST_TEST((r.exit_code == 0 || r.exit_code == 1), r.err);
    BOOST_TEST(fs::exists(out));
}

BOOST_AUTO_TEST_SUITE_END()
