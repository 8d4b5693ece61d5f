// The --report file: written whole or not at all, with what findings_json says.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "support/support.hpp"
#include "validate/validate.hpp"

using namespace kinerja;
namespace fs = std::filesystem;

namespace {

std::vector<Finding> two_findings() {
    return {{Severity::error, Rule::anggaran_sisa, "Anggaran", 2, 3, {"sisa salah", "wrong sisa"}},
            {Severity::warning, Rule::umum_negatif, "Capaian", 5, 1, {"negatif", "negative"}}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_file)

BOOST_AUTO_TEST_CASE(replaces_the_file_with_the_whole_report) {
    test::ScratchDir dir;
    fs::path file = dir / "laporan.json";
    std::ofstream(file) << "old";
    write_findings_json(file, two_findings(), {}, {}, Lang::en);
    std::string written = test::read_file(file);
    BOOST_TEST(written == findings_json(two_findings(), {}, {}, Lang::en));
    BOOST_TEST(written.find("wrong sisa") != std::string::npos);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) ++files;
    BOOST_TEST(files == 1u);  // no temp file left beside it
}

BOOST_AUTO_TEST_CASE(a_folder_that_is_not_there_is_an_output_error) {
    test::ScratchDir dir;
    fs::path file = dir / "tidak-ada" / "laporan.json";
    BOOST_CHECK_THROW(write_findings_json(file, two_findings(), {}, {}), OutputError);
    BOOST_TEST(!fs::exists(dir / "tidak-ada"));
}

BOOST_AUTO_TEST_SUITE_END()
