// POST /api/v1/edits: the fill as edits. Applied to the original workbook by another writer
// (openpyxl, tests/addin/apply_edits.py), they give what `kinerja fill` writes, for every
// sample and after a second fill.
#include "pipeline/edits.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>

#include "serve/client.hpp"
#include "support/support.hpp"

using namespace kinerja;
using namespace kinerja::test;
using json = nlohmann::json;

namespace {

std::vector<std::filesystem::path> samples() {
    std::vector<std::filesystem::path> out;
    for (const auto& dir : {source_dir() / "samples", source_dir() / "samples" / "variants",
                            source_dir() / "samples" / "wilayah"})
        for (const auto& entry : std::filesystem::directory_iterator(dir))
            if (entry.path().extension() == ".xlsx") out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

// The validation cases' workbooks (tests/cases), those filled without a data file: their own
// input.xlsx, or the workbook their input.txt names (a line relative to the repository root,
// as tests/cases/README.md says), e.g. a handmade fixture with charts, tables and comments.
std::vector<std::filesystem::path> cases() {
    std::vector<std::filesystem::path> out;
    for (const auto& entry :
         std::filesystem::directory_iterator(source_dir() / "tests" / "cases")) {
        if (std::filesystem::exists(entry.path() / "data.csv")) continue;
        if (std::filesystem::exists(entry.path() / "input.xlsx")) {
            out.push_back(entry.path() / "input.xlsx");
        } else if (std::filesystem::exists(entry.path() / "input.txt")) {
            std::ifstream in(entry.path() / "input.txt");
            std::string relative;
            std::getline(in, relative);
            while (!relative.empty() && std::isspace(static_cast<unsigned char>(relative.back())))
                relative.pop_back();
            BOOST_TEST_REQUIRE(!relative.empty(), entry.path() / "input.txt");
            out.push_back(source_dir() / relative);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// A case's name: its folder, whatever workbook it names.
std::string case_name(const std::filesystem::path& input) {
    return input.filename() == "input.xlsx" ? input.parent_path().filename().string()
                                            : input.stem().string();
}

// The edits of `input` from the server, written to `json_file`.
json edits_of(const TestServer& server, const std::filesystem::path& input,
              const std::filesystem::path& json_file) {
    HttpReply reply = request(server.port(), "POST", "/api/v1/edits", read_bytes(input));
    BOOST_TEST_REQUIRE(reply.status == 200, input << ": " << reply.body.substr(0, 300));
    std::ofstream(json_file, std::ios::binary) << reply.body;
    return json::parse(reply.body);
}

// Applies the edits with openpyxl and compares with `filled`; the script's output on failure.
void check_applied(const std::filesystem::path& original, const std::filesystem::path& edits,
                   const std::filesystem::path& filled) {
    RunResult r =
        run({"/usr/bin/python3", (source_dir() / "tests" / "addin" / "apply_edits.py").string(),
             original.string(), edits.string(), filled.string()});
    BOOST_TEST(r.exit_code == 0, original.filename() << ":\n" << r.out << r.err);
    BOOST_TEST(r.out.find("cells compared") != std::string::npos);
}

bool have_openpyxl() {
    return run({"/usr/bin/python3", "-c", "import openpyxl"}).exit_code == 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(edits)

BOOST_AUTO_TEST_CASE(edits_applied_by_openpyxl_give_what_fill_writes) {
    BOOST_TEST_REQUIRE(have_openpyxl(), "python3-openpyxl is needed: scripts/install-deps --test");
    TestServer server;
    ScratchDir dir;
    for (const auto& sample : samples()) {
        BOOST_TEST_CONTEXT(sample.filename()) {
            std::string stem = sample.stem().string();
            auto filled = dir / (stem + ".filled.xlsx");
            RunResult fill = run_cli({"fill", sample.string(), "-o", filled.string()});
            BOOST_TEST_REQUIRE(std::filesystem::exists(filled), fill.err);
            json edits = edits_of(server, sample, dir / (stem + ".json"));
            BOOST_TEST(!edits["cells"].empty());
            BOOST_TEST(edits["findings"].is_array());
            check_applied(sample, dir / (stem + ".json"), filled);
            // A second fill: the edits of a filled workbook refresh its Validasi sheet and
            // marks, and again give what `kinerja fill` writes.
            auto twice = dir / (stem + ".twice.xlsx");
            run_cli({"fill", filled.string(), "-o", twice.string()});
            BOOST_TEST_REQUIRE(std::filesystem::exists(twice));
            json again = edits_of(server, filled, dir / (stem + ".again.json"));
            bool replaces_validasi = false;
            for (const auto& s : again["sheets"])
                replaces_validasi |= s["action"] == "remove" && s["name"] == "Validasi";
            BOOST_TEST(replaces_validasi);
            check_applied(filled, dir / (stem + ".again.json"), twice);
        }
    }
}

BOOST_AUTO_TEST_CASE(edits_of_every_validation_case_give_what_fill_writes) {
    BOOST_TEST_REQUIRE(have_openpyxl(), "python3-openpyxl is needed: scripts/install-deps --test");
    TestServer server;
    ScratchDir dir;
    auto all = cases();
    BOOST_TEST(all.size() > 20u);
    // input.txt cases are among them: the handmade form_control.xlsx of bagian-tidak-dibawa
    // at least.
    BOOST_TEST(std::count_if(all.begin(), all.end(),
                             [](const auto& p) { return p.filename() != "input.xlsx"; }) >= 2);
    bool handmade = std::find(all.begin(), all.end(),
                              source_dir() / "tests" / "fixtures" / "handmade" /
                                  "form_control.xlsx") != all.end();
    BOOST_TEST(handmade);
    for (const auto& input : all) {
        BOOST_TEST_REQUIRE(std::filesystem::exists(input), input);
        std::string name = case_name(input);
        BOOST_TEST_CONTEXT(name) {
            auto filled = dir / (name + ".xlsx");
            RunResult fill = run_cli({"fill", input.string(), "-o", filled.string()});
            BOOST_TEST_REQUIRE(std::filesystem::exists(filled), fill.err);
            edits_of(server, input, dir / (name + ".json"));
            check_applied(input, dir / (name + ".json"), filled);
        }
    }
}

BOOST_AUTO_TEST_CASE(edits_name_cells_formulas_and_formats) {
    TestServer server;
    ScratchDir dir;
    json edits =
        edits_of(server, source_dir() / "samples" / "rutan-soe-2023-lkjip.xlsx", dir / "e.json");
    bool formula = false, validasi = false;
    for (const auto& c : edits["cells"]) {
        BOOST_TEST(c.contains("sheet"));
        BOOST_TEST(c.contains("cell"));
        if (c.contains("formula")) {
            formula = true;
            BOOST_TEST(c["formula"].get<std::string>().starts_with("="));
            BOOST_TEST(c.contains("value"));
        }
        validasi |= c["sheet"] == "Validasi" && c["cell"] == "A1" && c["value"] == "No";
    }
    BOOST_TEST(formula);
    BOOST_TEST(validasi);
    BOOST_TEST(edits["sheets"].back()["action"] == "add");
    BOOST_TEST(edits["sheets"].back()["name"] == "Validasi");
    BOOST_TEST(edits["highlights"].size() > 0u);
    BOOST_TEST(edits["notes"].size() > 0u);
    // GET is refused with the method to use.
    HttpReply get = request(server.port(), "GET", "/api/v1/edits");
    BOOST_TEST(get.status == 405);
    BOOST_TEST(get.header("allow") == "POST");
}

// A user's own sheet called "Validasi" is kept: the fill's goes to "Validasi Kinerja", which a
// second fill replaces whole while the user's sheet gets no edit.
BOOST_AUTO_TEST_CASE(a_users_validasi_sheet_is_never_replaced) {
    Workbook before =
        WorkbookSource::file(source_dir() / "samples" / "bapas-mataram-2024-rka.xlsx").read();
    Sheet own;
    own.name = "Validasi";
    own.put(Cell::of_text(0, 0, "catatan saya"));
    before.sheets.push_back(own);
    Workbook after = before;
    process(shared_engine(), after);
    FillEdits first = fill_edits(before, after);
    BOOST_TEST_REQUIRE(first.sheets.size() == 1u);
    BOOST_TEST(first.sheets[0].name == "Validasi Kinerja");
    BOOST_TEST((first.sheets[0].action == SheetEdit::Action::add));
    for (const CellEdit& e : first.cells) BOOST_TEST(e.sheet != "Validasi");
    Workbook again = after;
    process(shared_engine(), again);
    FillEdits second = fill_edits(after, again);
    BOOST_TEST_REQUIRE(second.sheets.size() == 2u);
    BOOST_TEST((second.sheets[0].action == SheetEdit::Action::remove));
    BOOST_TEST(second.sheets[0].name == "Validasi Kinerja");
    BOOST_TEST((second.sheets[1].action == SheetEdit::Action::add));
    BOOST_TEST(second.sheets[1].name == "Validasi Kinerja");
    // Nothing else moved: every cell edit is on the replaced sheet.
    for (const CellEdit& e : second.cells) BOOST_TEST(e.sheet == "Validasi Kinerja");
    BOOST_TEST(second.notes.empty());
    BOOST_TEST(second.highlights.empty());
}

// The add-in's manifest names the address it was fetched at; a Host that is not an address
// never reaches the XML.
BOOST_AUTO_TEST_CASE(addin_manifest_takes_the_address_it_was_fetched_at) {
    TestServer server;
    auto get = [&](const std::string& host, const std::string& more = "") {
        return raw_request(server.port(), "GET /addin/manifest.xml HTTP/1.1\r\nHost: " + host +
                                              "\r\n" + more + "Connection: close\r\n\r\n");
    };
    HttpReply proxied = get("kinerja.kanwil-ntb.example.go.id", "X-Forwarded-Proto: https\r\n");
    BOOST_TEST(proxied.status == 200);
    BOOST_TEST(proxied.header("content-type").starts_with("application/xml"));
    BOOST_TEST(proxied.body.find("<SourceLocation DefaultValue=\"https://"
                                 "kinerja.kanwil-ntb.example.go.id/addin/\"/>") !=
               std::string::npos);
    BOOST_TEST(proxied.body.find("{{") == std::string::npos);
    HttpReply plain = get("127.0.0.1:8080");
    BOOST_TEST(plain.body.find("DefaultValue=\"http://127.0.0.1:8080/addin/\"") !=
               std::string::npos);
    HttpReply bad = get("x\"/><Evil");
    BOOST_TEST(bad.status == 400);
    BOOST_TEST(bad.body.find("<Evil") == std::string::npos);
    // The pane may be framed by Office only; the other pages by nobody.
    HttpReply pane = request(server.port(), "GET", "/addin/");
    BOOST_TEST(pane.status == 200);
    BOOST_TEST(pane.header("x-frame-options").empty());
    BOOST_TEST(pane.header("content-security-policy").find("frame-ancestors 'self' https://") !=
               std::string::npos);
    HttpReply index = request(server.port(), "GET", "/");
    BOOST_TEST(index.header("x-frame-options") == "DENY");
    BOOST_TEST(request(server.port(), "POST", "/addin/", "x").status == 405);
    BOOST_TEST(request(server.port(), "GET", "/addin/../index.html").status != 200);
    BOOST_TEST(request(server.port(), "GET", "/addin/nothing.js").status == 404);
}

BOOST_AUTO_TEST_SUITE_END()
