// The shapes the architecture promises (docs/architecture.md), checked over the sources:
// the rule registry is the one home of rule ids, and the user guide's rule table is the
// registry's.
#include <boost/test/unit_test.hpp>
#include <set>
#include <sstream>

#include "common/rules.hpp"
#include "support/support.hpp"

namespace fs = std::filesystem;
using namespace kinerja;
using namespace kinerja::test;

namespace {

// The guide's table, as the registry writes it: warnings are marked, as users see them in the
// Validasi sheet.
std::string rule_table() {
    std::ostringstream out;
    out << "| aturan | artinya | yang perlu dilakukan |\n|---|---|---|\n";
    for (const RuleInfo& info : all_rules()) {
        out << "| `" << info.id << "`";
        if (info.severity == Severity::warning) out << " (peringatan)";
        out << " | " << info.meaning.id << " | " << info.action.id << " |\n";
    }
    return out.str();
}

std::vector<fs::path> sources() {
    std::vector<fs::path> out;
    for (const char* top : {"engine", "cli"})
        for (const auto& entry : fs::recursive_directory_iterator(source_dir() / top)) {
            auto ext = entry.path().extension();
            if (ext == ".cpp" || ext == ".hpp") out.push_back(entry.path());
        }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_guide_lists_every_rule_as_the_registry_declares_it) {
    std::string guide = read_file(source_dir() / "docs" / "panduan-pengguna.md");
    const std::string begin = "<!-- aturan: dari engine/common/rules.cpp -->\n";
    const std::string end = "<!-- aturan: akhir -->";
    auto from = guide.find(begin), to = guide.find(end);
    BOOST_REQUIRE_MESSAGE(from != std::string::npos && to != std::string::npos,
                          "docs/panduan-pengguna.md has no rule table between markers");
    std::string table = guide.substr(from + begin.size(), to - from - begin.size());
    BOOST_TEST(table == rule_table(), "the rule table of docs/panduan-pengguna.md should read:\n"
                                          << rule_table());
}

BOOST_AUTO_TEST_CASE(every_rule_is_registered_once_and_named_nowhere_else) {
    std::set<std::string> ids;
    for (const RuleInfo& info : all_rules()) {
        BOOST_TEST(ids.insert(std::string(info.id)).second, "registered twice: " << info.id);
        BOOST_TEST(rule_info(info.rule).id == info.id);
        BOOST_TEST((find_rule(info.id) == info.rule));
    }
    // A rule id as a string literal outside the registry means a rule declared in passing.
    // Catalogue indicators may share a rule's name ("anggaran.sisa" is also a formula),
    // looked up with index_of.
    for (const fs::path& file : sources()) {
        if (file.filename() == "rules.cpp" && file.parent_path().filename() == "common") continue;
        std::string text = read_file(file);
        for (const std::string& id : ids) {
            std::string literal = "\"" + id + "\"";
            for (auto at = text.find(literal); at != std::string::npos;
                 at = text.find(literal, at + 1)) {
                bool lookup = at >= 9 && text.compare(at - 9, 9, "index_of(") == 0;
                BOOST_TEST(lookup, fs::relative(file, source_dir()).string()
                                       << " names rule " << id << " outside the registry");
            }
        }
    }
}
