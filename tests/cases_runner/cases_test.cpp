// Runs every case of tests/cases/ through the validator and compares with its expected.json.
// A new case is a new folder; no code changes.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <regex>
#include <set>

#include "cases_runner/case_file.hpp"
#include "cases_runner/engine.hpp"
#include "pipeline/pipeline.hpp"
#include "support/support.hpp"

namespace fs = std::filesystem;
namespace data = boost::unit_test::data;
using namespace kinerja;
using namespace kinerja::test;

namespace {

// Every rule id the engine can report: the string literals in the argument that follows a
// severity ("Severity::error, "anggaran.sisa"" or "Severity::error, ambiguous ? "a" : "b""),
// in the stages that make findings. A rule added there without a case fails the coverage test.
std::set<std::string> rule_ids_in_engine() {
    static const std::regex after_severity(R"re(Severity::(error|warning)\s*,\s*([^,;]*))re");
    static const std::regex literal(R"re("([a-z_]+\.[a-z_]+)")re");
    std::set<std::string> ids;
    for (const char* stage : {"validate", "fill", "pipeline"}) {
        for (const auto& entry : fs::directory_iterator(source_dir() / "engine" / stage)) {
            std::string text = read_file(entry.path());
            for (std::sregex_iterator m(text.begin(), text.end(), after_severity), end; m != end;
                 ++m) {
                std::string argument = (*m)[2];
                for (std::sregex_iterator l(argument.begin(), argument.end(), literal), e; l != e;
                     ++l)
                    ids.insert((*l)[1]);
            }
        }
    }
    return ids;
}

std::set<std::string> keys(const std::vector<Finding>& findings) {
    std::set<std::string> out;
    for (const Finding& f : findings) out.insert(finding_key(f));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cases)

BOOST_DATA_TEST_CASE(each_case_finds_what_it_expects, data::make(case_names()), name) {
    BOOST_TEST_CONTEXT("tests/cases/" << name) {
        Case c = load_case(name);
        RunReport report = validate_workbook(engine(), c.workbook, case_options(c));
        std::string diff = compare_findings(c, report.findings);
        BOOST_TEST(diff.empty(), "\n" << diff);
        std::string tables = compare_tables(c, report.tables);
        BOOST_TEST(tables.empty(), "\n" << tables);
        if (c.computed_cells)
            BOOST_TEST(report.fill.computed_cells == *c.computed_cells);
    }
}

BOOST_AUTO_TEST_CASE(every_rule_has_a_case_where_it_fires) {
    std::set<std::string> covered;
    for (const std::string& name : case_names()) {
        Case c = load_case(name);
        if (!c.exact) continue;
        for (const auto& f : c.findings) covered.insert(f.rule);
    }
    std::set<std::string> ids = rule_ids_in_engine();
    std::string listed;
    for (const auto& id : ids) listed += " " + id;
    BOOST_TEST(ids.size() >= 23u, "rule ids found in engine/:" << listed);
    for (const std::string& id : ids)
        BOOST_TEST(covered.count(id) == 1u, "no exact case in tests/cases expects " << id);
}

// The same table written by LibreOffice, Gnumeric and WPS must give the same findings.
BOOST_AUTO_TEST_CASE(other_writers_give_the_same_findings) {
    fs::path samples = source_dir() / "samples";
    auto original =
        keys(validate_workbook(engine(), samples / "rutan-soe-2023-lkjip.xlsx").findings);
    BOOST_TEST(original.size() >= 20u);
    for (const char* writer : {"libreoffice", "gnumeric", "wps"}) {
        fs::path variant =
            samples / "variants" / (std::string("rutan-soe-2023-lkjip.") + writer + ".xlsx");
        auto found = keys(validate_workbook(engine(), variant).findings);
        std::string diff;
        for (const auto& k : original)
            if (!found.count(k)) diff += "\n  missing: " + k;
        for (const auto& k : found)
            if (!original.count(k)) diff += "\n  extra: " + k;
        BOOST_TEST(diff.empty(), writer << " differs from the original:" << diff);
    }
}

BOOST_AUTO_TEST_SUITE_END()
