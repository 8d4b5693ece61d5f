// Issue 2, "How we will know": every fixture is read, written, read again, and the
// two models must agree field by field. The first read must also hold what the
// fixture's writer put in (expectations_*.cpp), so an empty model cannot pass.
#include <algorithm>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <cstdlib>
#include <filesystem>

#include "read/read.hpp"
#include "roundtrip/compare.hpp"
#include "roundtrip/corpus.hpp"
#include "roundtrip/expectations.hpp"
#include "support/support.hpp"
#include "write/write.hpp"

namespace bdata = boost::unit_test::data;
namespace fs = std::filesystem;
using namespace kinerja;
using namespace kinerja::test;

BOOST_AUTO_TEST_SUITE(roundtrip)

BOOST_AUTO_TEST_CASE(corpus_covers_three_writers_and_every_topic) {
    auto files = corpus_files();
    for (const char* topic : {"sheets", "values", "styles", "layout", "rules", "image", "print"})
        for (const char* writer : {"lxw", "lo", "gnm"}) {
            std::string name = std::string(writer) + "-" + topic + ".xlsx";
            BOOST_CHECK_MESSAGE(std::count(files.begin(), files.end(), name) == 1,
                                "missing fixture " + name);
        }
    for (const char* topic : {"formulas", "1904"})
        for (const char* writer : {"py", "lo", "gnm"}) {
            std::string name = std::string(writer) + "-" + topic + ".xlsx";
            BOOST_CHECK_MESSAGE(std::count(files.begin(), files.end(), name) == 1,
                                "missing fixture " + name);
        }
}

BOOST_DATA_TEST_CASE(read_write_read_gives_the_same_model, bdata::make(corpus_files()), file) {
    BOOST_TEST_MESSAGE("fixture " << file);
    Workbook first;
    try {
        first = read_workbook(corpus_dir() / file);
    } catch (const std::exception& e) {
        BOOST_FAIL(file << ": the first read failed: " << e.what());
    }
    check_expectations(file, first);

    // KINERJA_ROUNDTRIP_KEEP=DIR keeps the written files in DIR for inspection;
    // KINERJA_ROUNDTRIP_ALL=1 lists every difference, not the first 40.
    ScratchDir scratch;
    const char* keep = std::getenv("KINERJA_ROUNDTRIP_KEEP");
    fs::path written = (keep ? fs::path(keep) : scratch.path()) / file;
    WriteReport report;
    try {
        report = write_workbook(first, written);
    } catch (const std::exception& e) {
        BOOST_FAIL(file << ": writing failed: " << e.what());
    }
    for (const auto& part : report.dropped)
        BOOST_TEST_MESSAGE(file << ": the writer dropped " << part.what << " at " << part.part);

    Workbook second;
    try {
        second = read_workbook(written);
    } catch (const std::exception& e) {
        BOOST_FAIL(file << ": reading the written file failed: " << e.what());
    }
    auto differences = unexcused(compare_workbooks(first, second), report.dropped);
    BOOST_CHECK_MESSAGE(
        differences.empty(),
        file << ": " << differences.size()
             << " difference(s) after the round trip (expected = first read, got = "
                "read of the written file):\n"
             << describe_all(differences, std::getenv("KINERJA_ROUNDTRIP_ALL") ? SIZE_MAX : 40));
}

BOOST_AUTO_TEST_SUITE_END()
