// Runs every case of tests/cases/ through the validator and compares with its expected.json.
// A new case is a new folder; no code changes.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
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
        if (c.computed_cells) BOOST_TEST(report.fill.computed_cells == *c.computed_cells);
    }
}

BOOST_AUTO_TEST_CASE(every_rule_has_a_case_where_it_fires) {
    std::set<std::string> covered;
    for (const std::string& name : case_names()) {
        Case c = load_case(name);
        if (!c.exact) continue;
        for (const auto& f : c.findings) covered.insert(f.rule);
    }
    // Every rule of the registry (engine/common/rules.hpp) fires in some exact case, and the
    // cases name no rule the registry does not know.
    for (const RuleInfo& info : all_rules())
        BOOST_TEST(covered.count(std::string(info.id)) == 1u,
                   "no exact case in tests/cases expects " << info.id);
    for (const std::string& id : covered)
        BOOST_TEST(find_rule(id).has_value(), "tests/cases expects " << id << ", not a rule");
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
