// Regional data saved in Windows-1252, as Excel on an Indonesian Windows does: the batch reads
// it, says so, and writes valid UTF-8 everywhere (it once ended in "internal error" after every
// workbook was written, with invalid UTF-8 in them).
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "read/zip_archive.hpp"
#include "support/support.hpp"

using namespace kinerja;
using namespace kinerja::test;
namespace fs = std::filesystem;

namespace {

// The sample region's data with one satker's name holding the bytes FF FE, which are not
// UTF-8 ("ÿþ" in Windows-1252).
fs::path windows_1252_data(const ScratchDir& scratch) {
    std::string text = read_file(source_dir() / "samples" / "wilayah" / "data-wilayah.csv");
    const std::string utf8 = "LAPAS KELAS IIA WILAYAH 1", cp1252 = "LAPAS \xFF\xFE WILAYAH 1";
    std::size_t replaced = 0;
    for (auto at = text.find(utf8); at != std::string::npos; at = text.find(utf8, at)) {
        text.replace(at, utf8.size(), cp1252);
        ++replaced;
    }
    BOOST_TEST_REQUIRE(replaced > 0u);
    fs::path file = scratch / "data-1252.csv";
    std::ofstream(file, std::ios::binary) << text;
    return file;
}

// nlohmann::json refuses to write invalid UTF-8 (type_error.316): a strict check of our own
// outputs by a library.
bool valid_utf8(const std::string& text) {
    try {
        (void)nlohmann::json(text).dump();
        return true;
    } catch (const nlohmann::json::type_error&) {
        return false;
    }
}

// Every part of a workbook; returns them joined, for searching.
std::string checked_parts(const fs::path& file) {
    read_detail::ZipArchive zip(file, read_detail::Source{file.string()}, ReadLimits{});
    std::string all;
    for (const std::string& part : zip.names()) {
        std::string bytes = zip.read(part);
        BOOST_TEST(valid_utf8(bytes), file.filename().string() << " " << part);
        all += bytes;
    }
    return all;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(batch_encoding)

BOOST_AUTO_TEST_CASE(windows_1252_data_runs_through_with_valid_utf8_everywhere) {
    ScratchDir scratch;
    fs::path data = windows_1252_data(scratch), out = scratch / "out";
    RunResult r = run_cli({"batch", "--template",
                           (source_dir() / "samples" / "wilayah" / "templat-wilayah.xlsx").string(),
                           "--data", data.string(), "--out", out.string(), "-j", "2"});
    BOOST_TEST((r.exit_code == 0 || r.exit_code == 1), r.out << r.err);
    BOOST_TEST(r.err.find("internal") == std::string::npos, r.err);
    BOOST_TEST(r.out.find("Windows-1252") != std::string::npos, r.out);

    const std::string decoded = "LAPAS \xC3\xBF\xC3\xBE WILAYAH 1";
    std::string laporan = read_file(out / "laporan.json");
    BOOST_TEST_REQUIRE(valid_utf8(laporan));
    nlohmann::json doc = nlohmann::json::parse(laporan);
    BOOST_TEST_REQUIRE(doc.contains("notices"));
    BOOST_TEST(doc["notices"].size() == 1u);
    BOOST_TEST(doc["totals"]["failed"] == 0);
    bool named = false;
    for (const auto& unit : doc["units"]) named = named || unit.value("nama", "") == decoded;
    BOOST_TEST(named);

    BOOST_TEST(checked_parts(out / "S001.xlsx").find(decoded) != std::string::npos);
    BOOST_TEST(checked_parts(out / "rekap.xlsx").find(decoded) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(data_that_cannot_be_decoded_is_refused_with_its_line) {
    ScratchDir scratch;
    fs::path data = scratch / "data.csv";
    std::ofstream(data, std::ios::binary) << "satker,indikator,variabel,periode,nilai\n"
                                             "S1,perawatan.makanan,terpenuhi,TW1,1\n"
                                             "S1,perawatan.makanan\x81,jumlah_wbp,TW1,2\n";
    RunResult r = run_cli({"batch", "--template",
                           (source_dir() / "samples" / "wilayah" / "templat-wilayah.xlsx").string(),
                           "--data", data.string(), "--out", (scratch / "out").string()});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(r.err.find("baris 3") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("0x81") != std::string::npos, r.err);
    BOOST_TEST(!fs::exists(scratch / "out" / "S1.xlsx"));
}

BOOST_AUTO_TEST_SUITE_END()
