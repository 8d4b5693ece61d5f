// The documentation is tested: every command in a fenced `sh` block of README.md and docs/
// runs, from a scratch folder laid out like the repository, and exits as the docs say
// (0, or 1 for fill and validate, which the docs explain means "errors found").
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cctype>
#include <fstream>
#include <sstream>

#include "support/support.hpp"

namespace fs = std::filesystem;
using namespace kinerja::test;

namespace {

struct Command {
    std::string file;
    int line = 0;
    std::string text;
};

std::vector<Command> sh_commands(const fs::path& file) {
    std::vector<Command> out;
    std::istringstream in(read_file(file));
    std::string line;
    bool in_sh = false;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.rfind("```", 0) == 0) {
            in_sh = !in_sh && line == "```sh";
            continue;
        }
        if (in_sh && !line.empty() && line[0] != '#')
            out.push_back({file.filename().string(), number, line});
    }
    return out;
}

std::vector<Command> all_commands() {
    std::vector<Command> all = sh_commands(source_dir() / "README.md");
    for (const auto& entry : fs::directory_iterator(source_dir() / "docs"))
        if (entry.path().extension() == ".md")
            for (auto& c : sh_commands(entry.path())) all.push_back(c);
    return all;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_documented_command_runs) {
    ScratchDir dir;
    // The repository as the docs see it: build/ is the folder of the kinerja being tested.
    for (const char* name : {"samples", "formulas", "templates", "docs", "tests"})
        fs::create_directory_symlink(source_dir() / name, dir / name);
    fs::create_directory_symlink(cli_path().parent_path(), dir / "build");
    fs::create_directory(dir / "out");

    auto commands = all_commands();
    BOOST_TEST(commands.size() >= 10u);
    for (const Command& c : commands) {
        // The two set-up commands install packages and rebuild: CI runs them itself.
        if (c.text.rfind("scripts/", 0) == 0) continue;
        // A documented command is quick; one that runs on (a server, a benchmark) must not
        // hold the suite: `timeout` ends it and the failure names it (exit 124).
        auto r =
            run({"timeout", "240", "bash", "-c", "cd '" + dir.path().string() + "' && " + c.text});
        bool may_find = c.text.find("kinerja fill") != std::string::npos ||
                        c.text.find("kinerja validate") != std::string::npos;
        bool ok = r.exit_code == 0 || (may_find && r.exit_code == 1);
        BOOST_TEST(ok, c.file << ":" << c.line << ": `" << c.text << "` exited " << r.exit_code
                              << "\n"
                              << r.err);
    }
}

namespace {

const std::vector<std::string> commands{"fill",  "validate", "new",     "batch",
                                        "rekap", "eval",     "formulas"};

// The `--option` words of a text, in order of first appearance.
std::vector<std::string> options_in(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t at = text.find("--"); at != std::string::npos; at = text.find("--", at + 2)) {
        if (at > 0 &&
            (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '-'))
            continue;
        std::size_t end = at + 2;
        while (end < text.size() &&
               (std::islower(static_cast<unsigned char>(text[end])) || text[end] == '-'))
            ++end;
        std::string option = text.substr(at, end - at);
        if (option.size() > 3 && std::find(out.begin(), out.end(), option) == out.end())
            out.push_back(option);
    }
    return out;
}

std::string all_docs_text() {
    std::string all = read_file(source_dir() / "README.md");
    for (const auto& entry : fs::directory_iterator(source_dir() / "docs"))
        if (entry.path().extension() == ".md") all += read_file(entry.path());
    return all;
}

}  // namespace

BOOST_AUTO_TEST_CASE(help_names_every_command) {
    for (const char* lang : {"id", "en"}) {
        auto help = run_cli({"--help", "--lang", lang});
        BOOST_TEST(help.exit_code == 0);
        for (const auto& command : commands)
            BOOST_TEST(help.out.find("kinerja " + command) != std::string::npos,
                       lang << ": " << command);
    }
}

// Every option a command's help offers is documented for users, and every option the docs
// use with a command is one its help names, in both languages.
BOOST_AUTO_TEST_CASE(command_help_and_docs_name_the_same_options) {
    const std::string docs = all_docs_text();
    for (const auto& command : commands) {
        auto id = run_cli({command, "--help"});
        auto en = run_cli({command, "--help", "--lang", "en"});
        BOOST_TEST(id.exit_code == 0, command);
        BOOST_TEST(en.exit_code == 0, command);
        BOOST_TEST(options_in(id.out) == options_in(en.out), command << ": help languages differ");
        for (const auto& option : options_in(id.out))
            BOOST_TEST(docs.find(option) != std::string::npos,
                       "kinerja " << command << " " << option << " is in --help but in no doc");

        std::istringstream lines(docs);
        for (std::string line; std::getline(lines, line);) {
            auto at = line.find("kinerja " + command + " ");
            if (at == std::string::npos) continue;
            for (const auto& option : options_in(line.substr(at))) {
                if (option == "--lang" || option == "--help") continue;
                BOOST_TEST(id.out.find(option) != std::string::npos,
                           "docs use kinerja " << command << " " << option
                                               << ", which its --help does not name: " << line);
            }
        }
    }
}
