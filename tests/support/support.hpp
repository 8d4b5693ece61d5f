// Helpers shared by every test program: paths, scratch folders, running the CLI.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kinerja::test {

// tests/ in the source tree, and the built `kinerja` command.
std::filesystem::path test_dir();
std::filesystem::path source_dir();
std::filesystem::path cli_path();

// A fresh folder under the system temp dir, removed when the object dies.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

struct RunResult {
    int exit_code = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};

// Runs a program with arguments (no shell), capturing its output.
RunResult run(const std::vector<std::string>& argv);
// Runs the kinerja CLI with the given arguments.
RunResult run_cli(const std::vector<std::string>& args);

// True when a program is on PATH (soffice, ssconvert).
bool have_program(const std::string& name);

std::string read_file(const std::filesystem::path& path);
// The code of a C++ source without its comments (string literals are kept, "//" in them too),
// for the tests that check the sources' shapes.
std::string without_comments(const std::string& text);
// A byte-exact copy's hash, to check the input was not modified.
std::string file_digest(const std::filesystem::path& path);

}  // namespace kinerja::test
