// The command line behaves the same in every command: `--x=v` and `--x v`, -h/--help and
// `kinerja help COMMAND`, --lang anywhere, and the usage errors (an unknown option or
// command, a missing value, an argument nothing takes) with their exit code and a message
// that names the culprit, in Indonesian and in English.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "support/support.hpp"

namespace fs = std::filesystem;
using namespace kinerja::test;

namespace {

constexpr int usage_exit = 2;  // the usage-error code cli/commands.hpp documents

const std::vector<std::string> commands{"fill",  "validate", "inspect", "new",
                                        "batch", "rekap",    "eval",    "formulas"};

fs::path sample() {
    return source_dir() / "samples" / "bapas-mataram-2024-rka.xlsx";
}

bool has(const std::string& text, const std::string& part) {
    bool found = text.find(part) != std::string::npos;
    if (!found) BOOST_TEST_MESSAGE("missing: " << part << "\nin:\n" << text);
    return found;
}

// The arguments with one option written as `--x v`, and as `--x=v`.
struct Spelling {
    std::vector<std::string> before, after;  // around the option
    std::string option, value;
    std::vector<std::string> apart() const {
        std::vector<std::string> args = before;
        args.insert(args.end(), {option, value});
        args.insert(args.end(), after.begin(), after.end());
        return args;
    }
    std::vector<std::string> joined() const {
        std::vector<std::string> args = before;
        args.push_back(option + "=" + value);
        args.insert(args.end(), after.begin(), after.end());
        return args;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(command_line)

// Each command reads an option's value the same whichever way it is written: the runs agree
// in exit code and in every byte they print (each case's message or output names the value).
BOOST_AUTO_TEST_CASE(equals_sign_or_space_give_the_same_run) {
    ScratchDir scratch;
    std::string missing = (scratch / "tidak-ada").string(), in = sample().string();
    std::ofstream(scratch / "p.toml") << "[capaian]\nturun = \"seed003\"\n";
    fs::create_directories(scratch / "part");
    const std::vector<Spelling> cases = {
        {{"fill", in, "-o", (scratch / "f.xlsx").string()}, {}, "--data", missing + ".csv"},
        {{"fill", in, "-o", (scratch / "f.xlsx").string()}, {}, "--formulas", missing},
        {{"validate", in}, {}, "--data", missing + ".csv"},
        {{"inspect", in}, {}, "--lang", "en"},
        {{"new", "rka-satker", "-o", (scratch / "n.xlsx").string()}, {}, "--tahun", "25"},
        {{"new", "rka-satker"}, {}, "--output", (scratch / "n.ods").string()},
        {{"batch", "--inputs", in}, {"--out", (scratch / "b").string()}, "--shard", "3/2"},
        {{"batch", "--inputs", in}, {"--out", (scratch / "b").string()}, "--jobs", "0"},
        {{"batch", "--inputs", in}, {"--out", (scratch / "b").string()}, "--formulas", missing},
        {{"rekap", (scratch / "part").string()}, {}, "--formulas", missing},
        {{"eval"}, {"capaian_turun(5, 10)"}, "--pengaturan", (scratch / "p.toml").string()},
        {{"formulas", "list"}, {}, "--lang", "en"},
    };
    for (const Spelling& c : cases) {
        RunResult apart = run_cli(c.apart()), joined = run_cli(c.joined());
        BOOST_TEST_INFO(c.before.front() << " " << c.option << ": " << apart.err);
        BOOST_TEST(apart.exit_code == joined.exit_code);
        BOOST_TEST(apart.out == joined.out);
        BOOST_TEST(apart.err == joined.err);
        // The value reached the command: it is in what the command said, or it worked.
        BOOST_TEST((apart.exit_code == 0 || has(apart.err, c.value)));
    }
    BOOST_TEST(run_cli(cases.back().apart()).out.find("indicators") != std::string::npos);
    BOOST_TEST(run_cli(cases[10].apart()).out == "300\n");  // --pengaturan was read
}

BOOST_AUTO_TEST_CASE(equals_sign_or_space_fill_the_same_report) {
    ScratchDir scratch;
    std::string in = sample().string();
    RunResult apart = run_cli({"fill", in, "--output", (scratch / "a.xlsx").string(), "--report",
                               (scratch / "a.json").string()});
    RunResult joined = run_cli({"fill", in, "--output=" + (scratch / "b.xlsx").string(),
                                "--report=" + (scratch / "b.json").string()});
    RunResult short_joined = run_cli({"fill", in, "-o=" + (scratch / "c.xlsx").string()});
    BOOST_TEST_REQUIRE(apart.exit_code == 0, apart.err);
    BOOST_TEST(joined.exit_code == 0, joined.err);
    BOOST_TEST(short_joined.exit_code == 0, short_joined.err);
    BOOST_TEST(fs::exists(scratch / "b.xlsx"));
    BOOST_TEST(fs::exists(scratch / "c.xlsx"));
    BOOST_TEST(read_file(scratch / "a.json") == read_file(scratch / "b.json"));
    BOOST_TEST(!read_file(scratch / "a.json").empty());
}

// `kinerja C --help`, `kinerja C -h`, `kinerja help C` and `kinerja --help C` print the same
// page, wherever the flag stands and whatever else is wrong on the line.
BOOST_AUTO_TEST_CASE(help_is_the_same_in_every_command) {
    for (const std::string& command : commands) {
        BOOST_TEST_CONTEXT(command) {
            RunResult id = run_cli({command, "--help"});
            BOOST_TEST(id.exit_code == 0);
            BOOST_TEST(id.out.rfind("kinerja " + command, 0) == 0u, id.out);
            BOOST_TEST(id.err.empty());
            for (const auto& other :
                 std::vector<std::vector<std::string>>{{command, "-h"},
                                                       {"help", command},
                                                       {"--help", command},
                                                       {command, "x.xlsx", "--bogus", "--help"}}) {
                RunResult r = run_cli(other);
                BOOST_TEST(r.exit_code == 0);
                BOOST_TEST(r.out == id.out);
            }
            RunResult en = run_cli({command, "--help", "--lang", "en"});
            BOOST_TEST(en.exit_code == 0);
            BOOST_TEST(en.out != id.out);
            BOOST_TEST(run_cli({"--lang=en", "help", command}).out == en.out);
        }
    }
    // Indonesian by default, English on request; the overview likewise.
    BOOST_TEST(has(run_cli({"fill", "--help"}).out, "Opsi:"));
    BOOST_TEST(has(run_cli({"fill", "--help", "--lang", "en"}).out, "Options:"));
    BOOST_TEST(run_cli({"formulas", "list", "--help"}).out == run_cli({"formulas", "-h"}).out);
    RunResult overview = run_cli({"help"});
    BOOST_TEST(overview.exit_code == 0);
    BOOST_TEST(overview.out == run_cli({"-h"}).out);
    BOOST_TEST(has(overview.out, "Pemakaian:"));
}

BOOST_AUTO_TEST_CASE(an_unknown_option_is_named_in_every_command) {
    for (const std::string& command : commands) {
        BOOST_TEST_CONTEXT(command) {
            std::vector<std::string> args{command, "x.xlsx", "--bogus=1"};
            if (command == "formulas") args = {command, "list", "--bogus=1"};
            RunResult id = run_cli(args);
            BOOST_TEST(id.exit_code == usage_exit);
            BOOST_TEST(id.out.empty());
            BOOST_TEST(has(id.err, "kinerja: opsi tidak dikenal: --bogus (lihat kinerja " +
                                       command + " --help)\n"));
            args.insert(args.begin() + 1, "--lang=en");
            RunResult en = run_cli(args);
            BOOST_TEST(en.exit_code == usage_exit);
            BOOST_TEST(has(
                en.err, "kinerja: unknown option: --bogus (see kinerja " + command + " --help)\n"));
        }
    }
    RunResult before = run_cli({"--bogus", "fill"});
    BOOST_TEST(before.exit_code == usage_exit);
    BOOST_TEST(has(before.err, "opsi tidak dikenal: --bogus (lihat kinerja fill --help)"));
}

BOOST_AUTO_TEST_CASE(a_missing_value_is_named_in_every_command) {
    ScratchDir scratch;
    const std::vector<std::vector<std::string>> cases = {
        {"fill", "x.xlsx", "-o", "y.xlsx", "--data"},
        {"fill", "x.xlsx", "--output"},
        {"validate", "x.xlsx", "--report"},
        {"new", "rka-satker", "--tahun"},
        {"batch", "--inputs", "a", "--out"},
        {"rekap", "a", "--formulas"},
        {"eval", "1 + 1", "--pengaturan"},
        {"fill", "x.xlsx", "-o", "y.xlsx", "--data="},
    };
    for (const auto& args : cases) {
        std::string option = args.back().substr(0, args.back().find('='));
        BOOST_TEST_CONTEXT(args.front() << " " << option) {
            RunResult id = run_cli(args);
            BOOST_TEST(id.exit_code == usage_exit);
            BOOST_TEST(has(id.err, "kinerja: opsi " + option + " perlu nilai (lihat kinerja " +
                                       args.front() + " --help)\n"));
            std::vector<std::string> en_args = args;
            en_args.insert(en_args.begin(), "--lang=en");
            RunResult en = run_cli(en_args);
            BOOST_TEST(en.exit_code == usage_exit);
            BOOST_TEST(has(en.err, "kinerja: option " + option + " needs a value (see kinerja " +
                                       args.front() + " --help)\n"));
        }
    }
    BOOST_TEST(!fs::exists("y.xlsx"));
    // --lang itself, wherever it stands.
    RunResult lang = run_cli({"inspect", "x.xlsx", "--lang"});
    BOOST_TEST(lang.exit_code == usage_exit);
    BOOST_TEST(has(lang.err, "opsi --lang perlu nilai: id atau en"));
    RunResult wrong = run_cli({"--lang", "fr", "inspect", "x.xlsx"});
    BOOST_TEST(wrong.exit_code == usage_exit);
    BOOST_TEST(has(wrong.err, "--lang harus id atau en, bukan \"fr\""));
}

BOOST_AUTO_TEST_CASE(unknown_commands_and_stray_arguments) {
    RunResult unknown = run_cli({"frobnicate", "--lang", "en"});
    BOOST_TEST(unknown.exit_code == usage_exit);
    BOOST_TEST(has(unknown.err, "kinerja: unknown command: frobnicate (see kinerja --help)\n"));
    RunResult help_unknown = run_cli({"help", "frobnicate"});
    BOOST_TEST(help_unknown.exit_code == usage_exit);
    BOOST_TEST(has(help_unknown.err, "perintah tidak dikenal: frobnicate (lihat kinerja --help)"));
    RunResult stray = run_cli({"batch", "lebih"});
    BOOST_TEST(stray.exit_code == usage_exit);
    BOOST_TEST(has(stray.err, "argumen tidak terduga: lebih (lihat kinerja batch --help)"));
    RunResult formulas = run_cli({"formulas", "periksa"});
    BOOST_TEST(formulas.exit_code == usage_exit);
    BOOST_TEST(has(formulas.err, "argumen tidak terduga: periksa"));
    RunResult two = run_cli({"inspect", "a.xlsx", "b.xlsx"});
    BOOST_TEST(two.exit_code == usage_exit);
    BOOST_TEST(has(two.err, "terlalu banyak berkas masukan: b.xlsx"));
    RunResult flag = run_cli({"fill", "x.xlsx", "-o", "y.xlsx", "--kategori=mungkin"});
    BOOST_TEST(flag.exit_code == usage_exit);
    BOOST_TEST(has(flag.err, "opsi --kategori tidak memakai nilai (lihat kinerja fill --help)"));
    // A command's argument may be another command's name: here a file called "new".
    RunResult named = run_cli({"inspect", "new"});
    BOOST_TEST(named.exit_code == 2);
    BOOST_TEST(has(named.err, "new"));
    BOOST_TEST(!has(named.err, "pemakaian: kinerja new"));
    // After "--" nothing is an option: a formula may start with a minus sign.
    RunResult minus = run_cli({"eval", "--", "-a + 1", "a=2"});
    BOOST_TEST(minus.exit_code == 0, minus.err);
    BOOST_TEST(minus.out == "-1\n");
}

BOOST_AUTO_TEST_CASE(lang_works_in_any_position) {
    std::string in = sample().string();
    RunResult first = run_cli({"--lang", "en", "inspect", in});
    BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);
    BOOST_TEST(has(first.out, "data rows"));
    BOOST_TEST(run_cli({"inspect", "--lang", "en", in}).out == first.out);
    BOOST_TEST(run_cli({"inspect", in, "--lang=en"}).out == first.out);
    RunResult id = run_cli({"inspect", in, "--lang", "id"});
    BOOST_TEST(has(id.out, "baris data"));
    BOOST_TEST(run_cli({"inspect", in}).out == id.out);
}

BOOST_AUTO_TEST_SUITE_END()
