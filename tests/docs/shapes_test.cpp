// The shapes the architecture promises (docs/architecture.md), checked over the sources:
// the rule registry is the one home of rule ids, the user guide's rule table is the
// registry's, and only engine/write/ speaks libxlsxwriter.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cctype>
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

namespace {

// The code of a C++ source without its comments (string literals are kept: a name of
// libxlsxwriter's in one would still be its vocabulary).
std::string without_comments(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "//") == 0) {
            i = text.find('\n', i);
            if (i == std::string::npos) break;
            out += '\n';
        } else if (text.compare(i, 2, "/*") == 0) {
            i = text.find("*/", i + 2);
            if (i == std::string::npos) break;
            ++i;
        } else if (text[i] == '"') {  // a literal may hold "//"
            std::size_t end = i + 1;
            while (end < text.size() && text[end] != '"' && text[end] != '\n')
                end += text[end] == '\\' ? 2 : 1;
            out.append(text, i, end + 1 - i);
            i = end;
        } else {
            out += text[i];
        }
    }
    return out;
}

bool identifier_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

}  // namespace

// Only the writer speaks libxlsxwriter: the rekap streams through write/stream.hpp and the
// model's styles are Kinerja's own enums, so nothing else includes xlsxwriter.h or names an
// lxw_/LXW_ identifier.
BOOST_AUTO_TEST_CASE(only_the_writer_speaks_libxlsxwriter) {
    const fs::path writer = source_dir() / "engine" / "write";
    std::size_t checked = 0;
    for (const fs::path& file : sources()) {
        if (file.parent_path() == writer) continue;
        ++checked;
        std::string code = without_comments(read_file(file));
        std::string name = fs::relative(file, source_dir()).string();
        BOOST_TEST(code.find("xlsxwriter.h") == std::string::npos,
                   name << " includes xlsxwriter.h");
        BOOST_TEST(code.find("xlsxwriter/") == std::string::npos,
                   name << " includes a libxlsxwriter header");
        for (const char* prefix : {"lxw_", "LXW_"})
            for (auto at = code.find(prefix); at != std::string::npos;
                 at = code.find(prefix, at + 1))
                BOOST_TEST((at > 0 && identifier_char(code[at - 1])),
                           name << " uses libxlsxwriter's " << code.substr(at, 24));
    }
    BOOST_TEST(checked > 50u);  // the walk found the sources
}

// The check itself: a name in code is found, one in a comment is not.
BOOST_AUTO_TEST_CASE(the_libxlsxwriter_check_skips_comments_only) {
    std::string code = without_comments("int a; // lxw_format\n/* LXW_BORDER */ lxw_b(\"//\");");
    BOOST_TEST(code.find("lxw_format") == std::string::npos);
    BOOST_TEST(code.find("LXW_BORDER") == std::string::npos);
    BOOST_TEST(code.find("lxw_b(\"//\")") != std::string::npos);
}

// A header is a stage's or a concern's public face, read whole by whoever uses it: past 200
// lines it holds more than one concern and should be split (as model/ and batch/ were).
BOOST_AUTO_TEST_CASE(every_header_is_short_enough_to_read_whole) {
    constexpr std::size_t max_lines = 200;
    std::size_t checked = 0;
    for (const fs::path& file : sources()) {
        if (file.extension() != ".hpp") continue;
        ++checked;
        std::string text = read_file(file);
        auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
        BOOST_TEST(lines <= max_lines, fs::relative(file, source_dir()).string()
                                           << " has " << lines << " lines (at most " << max_lines
                                           << ")");
    }
    BOOST_TEST(checked > 50u);
}
