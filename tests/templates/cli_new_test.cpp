// `kinerja new`: starting a workbook from a template on the command line, and the templates
// opening in LibreOffice.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>

#include "read/read.hpp"
#include "template_test_util.hpp"
#include "templates/templates.hpp"

using namespace kinerja;
using namespace kinerja::test;
namespace fs = std::filesystem;

namespace {

const std::string satker = "RUMAH TAHANAN NEGARA KELAS IIB SOE";

std::size_t validations(const Workbook& wb) {
    std::size_t n = 0;
    for (const Sheet& s : wb.sheets) n += s.validations.size();
    return n;
}

std::size_t rules(const Workbook& wb) {
    std::size_t n = 0;
    for (const Sheet& s : wb.sheets) n += s.conditional_formats.size();
    return n;
}

// Sets an environment variable for the commands run inside one test.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (old_)
            ::setenv(name_, old_->c_str(), 1);
        else
            ::unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> old_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_new)

BOOST_AUTO_TEST_CASE(new_sets_the_satker_and_year_of_every_template) {
    ScratchDir scratch;
    for (const ExpectedTemplate& e : expected_templates()) {
        BOOST_TEST_CONTEXT(e.name) {
            fs::path out = scratch / ("baru-" + e.name + ".xlsx");
            RunResult r =
                run_cli({"new", e.name, "-o", out.string(), "--satker", satker, "--tahun", "2023"});
            BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
            BOOST_TEST(r.out.find("dibuat: " + out.string()) != std::string::npos, r.out);
            BOOST_TEST(r.err.empty(), r.err);
            Workbook made = read_workbook(out);
            Workbook original = read_workbook(templates_dir() / (e.name + ".xlsx"));
            std::vector<Table> tables = find_tables(made);
            BOOST_TEST_REQUIRE(tables.size() == e.tables.size());
            for (const Table& t : tables) {
                BOOST_TEST(t.satker == satker, t.sheet);
                BOOST_TEST(t.tahun.value_or(0) == 2023, t.sheet);
            }
            // The new workbook keeps everything that makes the template a template.
            BOOST_TEST(validations(made) == validations(original));
            BOOST_TEST(rules(made) == rules(original));
            BOOST_TEST(made.names.size() == original.names.size());
            for (std::size_t i = 0; i < made.sheets.size(); ++i) {
                BOOST_TEST(made.sheets[i].view.frozen_rows == original.sheets[i].view.frozen_rows);
                BOOST_TEST((made.sheets[i].page == original.sheets[i].page));
                BOOST_TEST(made.sheets[i].merges.size() == original.sheets[i].merges.size());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(without_satker_and_year_the_placeholders_stay) {
    ScratchDir scratch;
    RunResult r = run_cli({"new", "capaian-kinerja", "-o", (scratch / "c.xlsx").string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    auto tables = find_tables(read_workbook(scratch / "c.xlsx"));
    BOOST_TEST_REQUIRE(tables.size() == 1u);
    BOOST_TEST(tables[0].satker == std::string(satker_placeholder));
    BOOST_TEST(tables[0].tahun.value_or(0) == 2025);
}

BOOST_AUTO_TEST_CASE(a_workbook_path_serves_as_the_template) {
    ScratchDir scratch;
    fs::path out = scratch / "rka.xlsx";
    RunResult r =
        run_cli({"new", (source_dir() / "samples" / "bapas-balikpapan-2023-rka.xlsx").string(),
                 "-o", out.string(), "--satker", "BAPAS SAMARINDA", "--tahun", "2026"});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    auto tables = find_tables(read_workbook(out));
    BOOST_TEST_REQUIRE(!tables.empty());
    BOOST_TEST(tables[0].satker == "BAPAS SAMARINDA");
    BOOST_TEST(tables[0].tahun.value_or(0) == 2026);
}

BOOST_AUTO_TEST_CASE(an_unknown_template_lists_the_names) {
    ScratchDir scratch;
    RunResult r = run_cli({"new", "renaksi", "-o", (scratch / "x.xlsx").string()});
    BOOST_TEST(r.exit_code == 2);
    for (const TemplateInfo& t : builtin_templates())
        BOOST_TEST(r.err.find(t.name) != std::string::npos, r.err);
    BOOST_TEST(r.err.find("templat tidak dikenal: renaksi") != std::string::npos, r.err);
    BOOST_TEST(!fs::exists(scratch / "x.xlsx"));
    RunResult en = run_cli({"--lang", "en", "new", "renaksi", "-o", (scratch / "x.xlsx").string()});
    BOOST_TEST(en.exit_code == 2);
    BOOST_TEST(en.err.find("unknown template: renaksi") != std::string::npos, en.err);
}

BOOST_AUTO_TEST_CASE(list_shows_every_template) {
    RunResult r = run_cli({"new", "--list"});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    for (const TemplateInfo& t : builtin_templates()) {
        BOOST_TEST(r.out.find(t.name) != std::string::npos, r.out);
        BOOST_TEST(r.out.find(t.description.id) != std::string::npos, r.out);
    }
    RunResult en = run_cli({"new", "--list", "--lang", "en"});
    BOOST_TEST(en.out.find(builtin_templates()[0].description.en) != std::string::npos, en.out);
}

BOOST_AUTO_TEST_CASE(an_existing_file_is_kept_unless_forced) {
    ScratchDir scratch;
    fs::path out = scratch / "ada.xlsx";
    BOOST_TEST_REQUIRE(run_cli({"new", "rka-satker", "-o", out.string()}).exit_code == 0);
    std::string digest = file_digest(out);
    RunResult again = run_cli({"new", "rencana-aksi", "-o", out.string()});
    BOOST_TEST(again.exit_code == 2);
    BOOST_TEST(again.err.find("--force") != std::string::npos, again.err);
    BOOST_TEST(file_digest(out) == digest);
    RunResult forced = run_cli({"new", "rencana-aksi", "-o", out.string(), "--force"});
    BOOST_TEST_REQUIRE(forced.exit_code == 0, forced.err);
    BOOST_TEST(read_workbook(out).sheets.at(0).name == "Rencana Aksi");
    // Never over the template itself, even when forced.
    fs::path copy = scratch / "templat.xlsx";
    fs::copy_file(templates_dir() / "rka-satker.xlsx", copy);
    RunResult self = run_cli({"new", copy.string(), "-o", copy.string(), "--force"});
    BOOST_TEST(self.exit_code == 2);
    BOOST_TEST(file_digest(copy) == file_digest(templates_dir() / "rka-satker.xlsx"));
}

BOOST_AUTO_TEST_CASE(bad_arguments_exit_2_with_a_reason) {
    ScratchDir scratch;
    std::string out = (scratch / "x.xlsx").string();
    struct Case {
        std::vector<std::string> args;
        std::string says;
    };
    const std::vector<Case> cases = {
        {{"new", "rka-satker"}, "pemakaian: kinerja new"},
        {{"new", "-o", out}, "pemakaian: kinerja new"},
        {{"new", "rka-satker", "-o", out, "--tahun", "25"}, "--tahun harus empat angka"},
        {{"new", "rka-satker", "-o", out, "--tahun", "1999"}, "di luar 2000-2099"},
        {{"new", "rka-satker", "-o", out, "--satker", "A\nB"}, "satu baris"},
        {{"new", "rka-satker", "-o", out, "--satker", " "}, "nama satker kosong"},
        {{"new", "rka-satker", "-o", out, "--satker="}, "nama satker kosong"},
        {{"new", "rka-satker", "-o", (scratch / "x.ods").string()}, "berakhiran .xlsx"},
        {{"new", "rka-satker", "-o", out, "--kategori"}, "opsi tidak dikenal"},
        {{"new", "rka-satker", "capaian-kinerja", "-o", out}, "terlalu banyak templat"},
        {{"new", (scratch / "tidak-ada.xlsx").string(), "-o", out}, "berkas templat tidak ada"},
        {{"new", (test_dir() / "fixtures" / "bad" / "not_a_zip.xlsx").string(), "-o", out},
         "not_a_zip.xlsx"},
    };
    for (const Case& c : cases) {
        RunResult r = run_cli(c.args);
        BOOST_TEST(r.exit_code == 2, c.says);
        BOOST_TEST(r.err.find(c.says) != std::string::npos, r.err);
    }
    BOOST_TEST(!fs::exists(out));
    BOOST_TEST(!fs::exists(scratch / "x.ods"));
}

BOOST_AUTO_TEST_CASE(the_templates_folder_comes_from_the_environment) {
    ScratchDir scratch;
    fs::create_directories(scratch / "kosong");
    {
        ScopedEnv env("KINERJA_TEMPLATES", (scratch / "kosong").string());
        RunResult r = run_cli({"new", "rka-satker", "-o", (scratch / "a.xlsx").string()});
        BOOST_TEST(r.exit_code == 2);
        BOOST_TEST(r.err.find("KINERJA_TEMPLATES") != std::string::npos, r.err);
        BOOST_TEST(default_templates_dir() == scratch / "kosong");
    }
    fs::copy_file(templates_dir() / "capaian-kinerja.xlsx", scratch / "kosong" / "rka-satker.xlsx");
    ScopedEnv env("KINERJA_TEMPLATES", (scratch / "kosong").string());
    RunResult r = run_cli({"new", "rka-satker", "-o", (scratch / "b.xlsx").string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST(read_workbook(scratch / "b.xlsx").sheets.at(0).name == "Capaian Kinerja");
}

BOOST_AUTO_TEST_CASE(libreoffice_prints_every_template_to_pdf) {
    if (!have_program("soffice")) {
        BOOST_TEST_MESSAGE("soffice (LibreOffice) is not installed: PDF check not run");
        return;
    }
    ScratchDir scratch;
    std::vector<std::string> argv{"soffice",
                                  "-env:UserInstallation=file://" + (scratch / "profile").string(),
                                  "--headless",
                                  "--convert-to",
                                  "pdf",
                                  "--outdir",
                                  scratch.path().string()};
    for (const TemplateInfo& t : builtin_templates())
        argv.push_back((templates_dir() / t.file_name).string());
    RunResult r = run(argv);
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    for (const TemplateInfo& t : builtin_templates()) {
        fs::path pdf = scratch / (t.name + ".pdf");
        BOOST_TEST_REQUIRE(fs::exists(pdf), pdf);
        BOOST_TEST(read_file(pdf).rfind("%PDF-", 0) == 0u, pdf);
        BOOST_TEST(fs::file_size(pdf) > 1000u, pdf);
    }
}

BOOST_AUTO_TEST_SUITE_END()
