// The documentation is tested: every command in a fenced `sh` block of README.md and docs/
// runs, from a scratch folder laid out like the repository, and exits as the docs say
// (0, or 1 for fill and validate, which the docs explain means "errors found").
#include <boost/test/unit_test.hpp>
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
        auto r = run({"bash", "-c", "cd '" + dir.path().string() + "' && " + c.text});
        bool may_find = c.text.find("kinerja fill") != std::string::npos ||
                        c.text.find("kinerja validate") != std::string::npos;
        bool ok = r.exit_code == 0 || (may_find && r.exit_code == 1);
        BOOST_TEST(ok, c.file << ":" << c.line << ": `" << c.text << "` exited " << r.exit_code
                              << "\n" << r.err);
    }
}

BOOST_AUTO_TEST_CASE(help_names_every_documented_command) {
    auto help = run_cli({"--help"});
    for (const char* command : {"fill", "validate", "new", "eval", "formulas"})
        BOOST_TEST(help.out.find(std::string("kinerja ") + command) != std::string::npos, command);
}
