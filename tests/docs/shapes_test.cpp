// The shapes the architecture promises (docs/architecture.md), checked over the sources:
// the rule registry is the one home of rule ids, the user guide's rule table is the
// registry's, only engine/write/ speaks libxlsxwriter, only engine/data/ reads the regional
// data, only validation raises findings, and each stage's internal headers are in its
// `_detail` namespace.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cctype>
#include <map>
#include <regex>
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

// The regional data (satker,indikator,variabel,periode,nilai) has one reader, in engine/data/:
// nothing else names its five columns as a parser must, or uses that reader's internals.
BOOST_AUTO_TEST_CASE(only_engine_data_reads_the_regional_data) {
    const fs::path data = source_dir() / "engine" / "data";
    const std::vector<std::string> columns = {"\"satker\"", "\"indikator\"", "\"variabel\"",
                                              "\"periode\"", "\"nilai\""};
    auto names_every_column = [&](const std::string& code) {
        return std::all_of(columns.begin(), columns.end(), [&](const std::string& column) {
            return code.find(column) != std::string::npos;
        });
    };
    std::size_t readers = 0;
    for (const fs::path& file : sources()) {
        std::string code = without_comments(read_file(file));
        std::string name = fs::relative(file, source_dir()).string();
        if (file.parent_path() == data) {
            readers += names_every_column(code);
            continue;
        }
        BOOST_TEST(!names_every_column(code), name << " parses the regional data's columns");
        for (const char* internal : {"data/source.hpp", "data_detail", "RowSource", "open_csv"})
            BOOST_TEST(code.find(internal) == std::string::npos,
                       name << " uses the regional data reader's " << internal);
    }
    BOOST_TEST(readers == 1u);  // the marker finds the one reader, so the check can fail
}

// Only validation raises findings: the fill and the Rumus sheet report facts, the pipeline
// passes them on, and nothing else names a rule or makes a finding.
BOOST_AUTO_TEST_CASE(only_validation_raises_findings) {
    const fs::path validate = source_dir() / "engine" / "validate";
    const fs::path common = source_dir() / "engine" / "common";
    for (const fs::path& file : sources()) {
        if (file.parent_path() == validate || file.parent_path() == common) continue;
        std::string code = without_comments(read_file(file));
        std::string name = fs::relative(file, source_dir()).string();
        BOOST_TEST(code.find("Finding::of(") == std::string::npos, name << " raises a finding");
        for (auto at = code.find("Rule::"); at != std::string::npos;
             at = code.find("Rule::", at + 1))
            BOOST_TEST((at > 0 && identifier_char(code[at - 1])), name << " names a rule");
    }
}

namespace {

// The public headers of each folder under engine/, as the table of docs/architecture.md lists
// them ("`read/read.hpp`", or "`settings.hpp`" in a stage's own folder).
std::map<std::string, std::set<std::string>> public_headers() {
    std::map<std::string, std::set<std::string>> out;
    std::istringstream doc(read_file(source_dir() / "docs" / "architecture.md"));
    std::string line;
    while (std::getline(doc, line)) {
        auto folder_at = line.find("| `engine/");
        if (!line.starts_with("| ") || folder_at == std::string::npos) continue;
        auto folder_end = line.find("/`", folder_at + 10);
        if (folder_end == std::string::npos) continue;
        std::string folder = line.substr(folder_at + 10, folder_end - folder_at - 10);
        auto cell_start = line.find(" | ", folder_end);
        if (cell_start == std::string::npos) continue;
        cell_start += 3;
        std::string cell = line.substr(cell_start, line.find(" | ", cell_start) - cell_start);
        std::set<std::string>& headers = out[folder];
        for (auto open = cell.find('`'); open != std::string::npos; open = cell.find('`', open)) {
            auto close = cell.find('`', open + 1);
            if (close == std::string::npos) break;
            std::string name = cell.substr(open + 1, close - open - 1);
            if (name.ends_with(".hpp"))
                headers.insert(name.find('/') == std::string::npos ? folder + "/" + name : name);
            open = close + 1;
        }
    }
    return out;
}

// The text from an opening brace at `open` to its closing brace, both included.
std::string braced(const std::string& code, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < code.size(); ++i) {
        depth += code[i] == '{' ? 1 : code[i] == '}' ? -1 : 0;
        if (depth == 0) return code.substr(open, i + 1 - open);
    }
    return code.substr(open);
}

// What a header declares in plain `kinerja`, past the definitions of a public class's hidden
// half (`struct CompiledCatalogue::Impl {...};`), which must be there.
std::string declared_in_kinerja(const std::string& body) {
    static const std::regex impl(R"(struct\s+\w+::Impl\s*\{)");
    std::string rest = body.substr(1, body.size() - 2);
    for (std::smatch m; std::regex_search(rest, m, impl);) {
        auto at = static_cast<std::size_t>(m.position(0));
        std::string block = braced(rest, at + m.length(0) - 1);
        auto end = at + m.length(0) - 1 + block.size();
        if (end < rest.size() && rest[end] == ';') ++end;
        rest.erase(at, end - at);
    }
    rest.erase(std::remove_if(rest.begin(), rest.end(),
                              [](char c) { return std::isspace(static_cast<unsigned char>(c)); }),
               rest.end());
    return rest;
}

}  // namespace

// One namespace convention (docs/architecture.md): a stage's public headers, as its table
// lists them, declare in `kinerja`; its other headers are internal and declare only in
// `kinerja::<stage>_detail`. model/ and common/ are the vocabulary every stage shares: all
// theirs are public.
BOOST_AUTO_TEST_CASE(internal_headers_live_in_their_stage_detail_namespace) {
    const auto listed = public_headers();
    BOOST_TEST_REQUIRE(listed.size() >= 10u);  // the table was read
    static const std::regex opening(R"(namespace\s+([A-Za-z_][\w:]*)\s*\{)");
    std::size_t internal = 0;
    for (const auto& entry : fs::recursive_directory_iterator(source_dir() / "engine")) {
        if (entry.path().extension() != ".hpp") continue;
        const std::string name = fs::relative(entry.path(), source_dir() / "engine").string();
        const std::string folder = name.substr(0, name.find('/'));
        BOOST_TEST_REQUIRE(listed.count(folder) == 1u,
                           "engine/" << folder << "/ is not in docs/architecture.md's table");
        const bool shared = folder == "model" || folder == "common";
        const bool is_public = shared || listed.at(folder).count(name) == 1;
        internal += !is_public;
        const std::string detail = folder + "_detail";
        const std::string code = without_comments(read_file(entry.path()));
        bool in_kinerja = false;
        for (std::sregex_iterator m(code.begin(), code.end(), opening), end; m != end; ++m) {
            const std::string ns = (*m)[1];
            if (ns == "kinerja") {
                in_kinerja = true;
                if (is_public) continue;
                auto open = static_cast<std::size_t>(m->position(0) + m->length(0) - 1);
                BOOST_TEST(declared_in_kinerja(braced(code, open)).empty(),
                           "engine/"
                               << name
                               << " (internal) declares in plain kinerja; use kinerja::" << detail);
            } else if (shared) {
                BOOST_TEST(ns == "kinerja", "engine/" << name << " declares in " << ns);
            } else {
                BOOST_TEST(
                    (ns == detail || ns.starts_with("kinerja::" + detail)),
                    "engine/" << name << " declares in " << ns << ", not kinerja::" << detail);
            }
        }
        if (is_public && code.find("namespace") != std::string::npos)
            BOOST_TEST(in_kinerja, "engine/" << name << " (public) declares outside kinerja");
    }
    BOOST_TEST(internal > 30u);  // the walk found the internal headers
}

// The check's own reading of a header: a hidden half of a public class may be in kinerja,
// nothing else.
BOOST_AUTO_TEST_CASE(the_namespace_check_allows_only_a_hidden_half_in_kinerja) {
    BOOST_TEST(declared_in_kinerja("{ struct A::Impl { int x; }; }").empty());
    BOOST_TEST(declared_in_kinerja("{ struct A::Impl { int x; }; void f(); }") == "voidf();");
}
