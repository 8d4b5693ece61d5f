// Issue 2: "LibreOffice opens the written files headless without error and shows the
// same values." Every fixture is read and written; LibreOffice (one invocation for all
// files, with a private profile) and Gnumeric export every sheet as CSV, and the CSV
// must show the model's values (see csv.hpp for which cells are compared).
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "read/read.hpp"
#include "roundtrip/corpus.hpp"
#include "roundtrip/csv.hpp"
#include "support/support.hpp"
#include "write/write.hpp"

using namespace kinerja;
using namespace kinerja::test;
namespace fs = std::filesystem;

namespace {

struct Written {
    std::string name;  // file name in the scratch folder, as the fixture's
    Workbook model;    // what was written
};

// Reads and writes every fixture into `dir`. A fixture that cannot be read or
// written is left out here; test_roundtrip reports it.
std::vector<Written> write_corpus(const fs::path& dir) {
    fs::create_directories(dir);
    std::vector<Written> out;
    for (const auto& name : corpus_files()) {
        try {
            Workbook model = read_workbook(corpus_dir() / name);
            write_workbook(model, dir / name);
            out.push_back({name, std::move(model)});
        } catch (const std::exception& e) {
            BOOST_TEST_MESSAGE(name << " is not checked in viewers: " << e.what());
        }
    }
    return out;
}

std::string stem(const std::string& name) {
    return fs::path(name).stem().string();
}

// Returns how many cells were compared.
std::size_t check_sheet_csv(const Written& file, std::size_t index, const fs::path& csv,
                            Viewer viewer) {
    const Sheet& sheet = file.model.sheets[index];
    const char* who = viewer == Viewer::libreoffice ? "LibreOffice" : "Gnumeric";
    if (!fs::exists(csv)) {
        BOOST_CHECK_MESSAGE(false, file.name << ": " << who << " exported no CSV for sheet '"
                                             << sheet.name << "' (it could not open the file?)");
        return 0;
    }
    std::size_t compared = 0;
    auto problems = compare_csv(file.model, sheet, parse_csv(read_file(csv)), viewer, compared);
    std::string text;
    for (std::size_t i = 0; i < problems.size() && i < 20; ++i) text += "\n  " + problems[i];
    BOOST_CHECK_MESSAGE(problems.empty(), file.name << ": " << who
                                                    << " shows other values than the model ("
                                                    << problems.size() << "):" << text);
    return compared;
}

// Every fixture has text and numbers in General format, so a check that compares
// nothing has lost its CSV.
void check_compared_something(const Written& file, std::size_t compared) {
    BOOST_CHECK_MESSAGE(compared > 0, file.name << ": no cell could be compared");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(viewers)

BOOST_AUTO_TEST_CASE(libreoffice_opens_the_written_files_and_shows_the_same_values) {
    if (!have_program("soffice")) {
        BOOST_TEST_MESSAGE("soffice is not installed: LibreOffice check skipped");
        return;
    }
    ScratchDir scratch;
    auto written = write_corpus(scratch / "in");
    BOOST_REQUIRE(!written.empty());
    // Sheet -1 in the filter options exports every sheet as <file>-<sheet>.csv
    // (LibreOffice 7.2 and later). Token 9 "false" exports values, not formatted text.
    std::vector<std::string> argv{
        "soffice",
        "-env:UserInstallation=file://" + (scratch / "profile").string(),
        "--headless",
        "--norestore",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        (scratch / "csv").string()};
    for (const auto& file : written) argv.push_back((scratch / "in" / file.name).string());
    RunResult result = run(argv);
    BOOST_CHECK_MESSAGE(result.exit_code == 0,
                        "soffice exited with " << result.exit_code << ": " << result.err);
    for (const auto& file : written) {
        std::size_t compared = 0;
        for (std::size_t i = 0; i < file.model.sheets.size(); ++i) {
            fs::path csv =
                scratch / "csv" / (stem(file.name) + "-" + file.model.sheets[i].name + ".csv");
            compared += check_sheet_csv(file, i, csv, Viewer::libreoffice);
        }
        check_compared_something(file, compared);
        BOOST_TEST_MESSAGE(file.name << ": LibreOffice showed " << compared
                                     << " cells as the model has them");
    }
}

BOOST_AUTO_TEST_CASE(gnumeric_opens_the_written_files_and_shows_the_same_values) {
    if (!have_program("ssconvert")) {
        BOOST_TEST_MESSAGE("ssconvert is not installed: Gnumeric check skipped");
        return;
    }
    ScratchDir scratch;
    auto written = write_corpus(scratch / "in");
    BOOST_REQUIRE(!written.empty());
    fs::create_directories(scratch / "csv");
    for (const auto& file : written) {
        // -S writes one file per sheet, %n being the sheet's index.
        RunResult result =
            run({"ssconvert", "-S", "-T", "Gnumeric_stf:stf_assistant", "-O",
                 "separator=, format=raw eol=unix", (scratch / "in" / file.name).string(),
                 (scratch / "csv" / (stem(file.name) + "-%n.csv")).string()});
        BOOST_CHECK_MESSAGE(result.exit_code == 0, file.name << ": ssconvert exited with "
                                                             << result.exit_code << ": "
                                                             << result.err);
        std::size_t compared = 0;
        for (std::size_t i = 0; i < file.model.sheets.size(); ++i)
            compared += check_sheet_csv(
                file, i, scratch / "csv" / (stem(file.name) + "-" + std::to_string(i) + ".csv"),
                Viewer::gnumeric);
        check_compared_something(file, compared);
        BOOST_TEST_MESSAGE(file.name << ": Gnumeric showed " << compared
                                     << " cells as the model has them");
    }
}

BOOST_AUTO_TEST_SUITE_END()
