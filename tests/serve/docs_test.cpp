// docs/api.md's examples, run as written against a server: every `curl` line must answer
// the status the page says (200 unless the line ends with "# NNN").
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <regex>
#include <sstream>

#include "serve/client.hpp"
#include "support/support.hpp"

using namespace kinerja;
using namespace kinerja::test;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_CASE(api_md_examples_answer_as_documented) {
    if (!have_program("curl")) {
        BOOST_TEST_MESSAGE("curl is not installed; the examples are not run");
        return;
    }
    TestServer server;
    ScratchDir dir;
    fs::create_directory_symlink(source_dir() / "samples", dir / "samples");
    std::ifstream page(source_dir() / "docs" / "api.md");
    BOOST_TEST_REQUIRE(page.good());
    std::ostringstream script;
    script << "set -u\ncd '" << dir.path().string() << "'\n";
    std::vector<std::string> lines;
    std::string line;
    bool in_sh = false;
    std::size_t checks = 0;
    const std::regex expected_status(R"(\s+#\s*(\d{3})\s*$)");
    while (std::getline(page, line)) {
        if (line.starts_with("```")) {
            in_sh =
                line == "```bash";  // the sh blocks of docs/ are run by tests/docs without a server
            continue;
        }
        if (!in_sh) continue;
        if (line.starts_with("K=http://127.0.0.1:8080")) {
            script << "K=http://127.0.0.1:" << server.port() << "\n";
            continue;
        }
        if (!line.starts_with("curl ")) {
            script << line << "\n";
            continue;
        }
        std::string status = "200", command = line;
        std::smatch m;
        if (std::regex_search(line, m, expected_status)) {
            status = m[1];
            command = line.substr(0, static_cast<std::size_t>(m.position(0)));
        }
        bool has_output = command.find(" -o ") != std::string::npos;
        script << "code=$(" << command << (has_output ? "" : " -o /dev/null")
               << " -w '%{http_code}')\n"
               << "echo \"CHECK " << checks << " $code " << status << "\"\n";
        lines.push_back(command);
        ++checks;
    }
    BOOST_TEST(checks >= 20u);
    std::ofstream(dir / "examples.sh") << script.str();
    RunResult r = run({"bash", (dir / "examples.sh").string()});
    std::istringstream out(r.out);
    std::size_t seen = 0;
    while (std::getline(out, line)) {
        std::istringstream words(line);
        std::string tag, got, want;
        std::size_t n = 0;
        if (!(words >> tag >> n >> got >> want) || tag != "CHECK") continue;
        BOOST_TEST(got == want, lines.at(n) << " answered " << got << ", api.md says " << want);
        ++seen;
    }
    BOOST_TEST(seen == checks, r.err);
}
