// Outputs recorded before a restructuring: `kinerja fill` of every sample, variant and case,
// and the region batch, must give the same bytes part for part as recorded in
// tests/cases_runner/golden.txt. A change that is meant to alter an output re-records it:
//
//     KINERJA_GOLDEN_RECORD=1 build/test_cases_runner --run_test=golden
//
// and the diff of golden.txt shows which parts of which outputs moved.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "batch/files.hpp"
#include "cases_runner/case_file.hpp"
#include "read/zip_archive.hpp"
#include "support/support.hpp"

namespace fs = std::filesystem;
using namespace kinerja;
using namespace kinerja::test;

namespace {

// "output-name part" -> hash of the part's bytes.
using Digests = std::map<std::string, std::string>;

fs::path golden_file() {
    return test_dir() / "cases_runner" / "golden.txt";
}

void add_parts(Digests& digests, const std::string& label, const fs::path& file) {
    read_detail::ZipArchive zip(file, read_detail::Source{file.string()}, ReadLimits{});
    for (const std::string& part : zip.names()) {
        batch_detail::Hasher h;
        h.add(zip.read(part));
        digests[label + " " + part] = h.hex();
    }
}

void add_file(Digests& digests, const std::string& label, const fs::path& file) {
    batch_detail::Hasher h;
    h.add(read_file(file));
    digests[label] = h.hex();
}

// Runs `kinerja fill` with a report and records its output's parts and the report.
void fill_one(Digests& digests, const ScratchDir& scratch, const std::string& label,
              std::vector<std::string> args) {
    fs::path out = scratch / "out.xlsx", report = scratch / "report.json";
    fs::remove(out);
    fs::remove(report);
    args.insert(args.begin(), "fill");
    args.insert(args.end(), {"-o", out.string(), "--report", report.string()});
    RunResult r = run_cli(args);
    BOOST_TEST_INFO(label << ": " << r.err);
    BOOST_REQUIRE(r.exit_code == 0 || r.exit_code == 1);
    digests[label + " exit"] = std::to_string(r.exit_code);
    add_parts(digests, label, out);
    add_file(digests, label + " report.json", report);
}

Digests produce(const ScratchDir& scratch) {
    Digests digests;
    fs::path root = source_dir();
    for (const auto& entry : fs::directory_iterator(root / "samples"))
        if (entry.path().extension() == ".xlsx")
            fill_one(digests, scratch, "samples/" + entry.path().filename().string(),
                     {entry.path().string()});
    for (const auto& entry : fs::directory_iterator(root / "samples" / "variants"))
        fill_one(digests, scratch, "variants/" + entry.path().filename().string(),
                 {entry.path().string()});
    for (const std::string& name : case_names()) {
        Case c = load_case(name);
        std::vector<std::string> args{c.workbook.string()};
        if (c.data) {
            args.push_back("--data");
            args.push_back(c.data->string());
            if (!c.satker.empty()) {
                args.push_back("--satker");
                args.push_back(c.satker);
            }
        }
        fill_one(digests, scratch, "cases/" + name, args);
    }
    // The region batch: every unit's workbook and the rekap.
    fs::path out = scratch / "wilayah";
    RunResult r = run_cli({"batch", "--template",
                           (root / "samples" / "wilayah" / "templat-wilayah.xlsx").string(),
                           "--data", (root / "samples" / "wilayah" / "data-wilayah.csv").string(),
                           "--out", out.string(), "-j", "1"});
    BOOST_TEST_INFO("batch: " << r.err);
    BOOST_REQUIRE(r.exit_code == 0 || r.exit_code == 1);
    for (const auto& entry : fs::recursive_directory_iterator(out))
        if (entry.path().extension() == ".xlsx")
            add_parts(digests, "wilayah/" + fs::relative(entry.path(), out).generic_string(),
                      entry.path());
    return digests;
}

Digests load(const fs::path& file) {
    Digests digests;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        auto space = line.rfind(' ');
        if (space == std::string::npos) continue;
        digests[line.substr(0, space)] = line.substr(space + 1);
    }
    return digests;
}

}  // namespace

BOOST_AUTO_TEST_CASE(golden) {
    ScratchDir scratch;
    Digests now = produce(scratch);
    if (const char* record = std::getenv("KINERJA_GOLDEN_RECORD"); record && *record == '1') {
        std::ofstream out(golden_file());
        for (const auto& [key, digest] : now) out << key << ' ' << digest << '\n';
        return;
    }
    Digests recorded = load(golden_file());
    BOOST_REQUIRE_MESSAGE(!recorded.empty(), "no recorded outputs in " << golden_file());
    std::ostringstream diff;
    for (const auto& [key, digest] : recorded) {
        auto it = now.find(key);
        if (it == now.end())
            diff << "  gone:    " << key << '\n';
        else if (it->second != digest)
            diff << "  changed: " << key << '\n';
    }
    for (const auto& [key, digest] : now)
        if (!recorded.count(key)) diff << "  new:     " << key << '\n';
    BOOST_TEST(diff.str().empty(), "outputs differ from " << golden_file() << ":\n" << diff.str());
}
