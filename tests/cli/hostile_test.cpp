// Issue 15: the hostile reproducers through `kinerja fill`. Refused input exits 2 with one
// line naming the file and the part, and leaves no file; accepted input gives a workbook
// Excel opens (checked again by hand with ooxml_check.py).
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "read/read.hpp"
#include "support/support.hpp"

namespace fs = std::filesystem;
using namespace kinerja;
using namespace kinerja::test;

namespace {

fs::path bad(const std::string& name) {
    return test_dir() / "fixtures" / "bad" / name;
}
fs::path hostile(const std::string& name) {
    return test_dir() / "fixtures" / "hostile" / name;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Runs `kinerja fill` on `input` into a fresh folder; `out` is the folder.
RunResult fill(const ScratchDir& out, const fs::path& input, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"--lang",       "en", "fill",
                                  input.string(), "-o", (out / "keluar.xlsx").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args);
}

void expect_refused(const std::string& name, const std::string& part, const std::string& reason) {
    ScratchDir out;
    auto r = fill(out, bad(name), {"--report", (out / "laporan.json").string()});
    BOOST_TEST(r.exit_code == 2, name << ": " << r.err);
    BOOST_TEST(contains(r.err, name), r.err);
    BOOST_TEST(contains(r.err, part), r.err);
    BOOST_TEST(contains(r.err, reason), r.err);
    BOOST_TEST(!contains(r.err, "internal error"), r.err);
    BOOST_TEST(std::count(r.err.begin(), r.err.end(), '\n') == 1, r.err);
    BOOST_TEST(fs::is_empty(out.path()), name << " left a file behind");
}

Workbook filled(const ScratchDir& out) {
    return read_workbook(out / "keluar.xlsx");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_input)

// Before: exit 0 and an output whose workbook.xml / comments1.xml was not well-formed;
// with --report, "internal error: [json.exception.type_error.316]".
BOOST_AUTO_TEST_CASE(text_that_is_not_utf8_is_refused) {
    expect_refused("invalid_utf8_sheet_name.xlsx", "xl/workbook.xml", "(line 2: byte 0xFF)");
    expect_refused("invalid_utf8_comment.xlsx", "xl/comments1.xml", "not UTF-8");
    expect_refused("xml_char_reference_comment.xlsx", "xl/comments1.xml", "U+0001");
    expect_refused("invalid_utf8_inline_string.xlsx", "xl/worksheets/sheet1.xml", "Malformed XML");
}

// Before: 48 s of CPU a sheet inside libxlsxwriter; ten sheets exceeded a minute.
BOOST_AUTO_TEST_CASE(merge_over_the_whole_grid_is_refused_quickly) {
    auto start = std::chrono::steady_clock::now();
    expect_refused("merge_full_grid_10_sheets.xlsx", "Lembar1, A5:XFD1048576",
                   "covers 17179803648 cells");
    auto elapsed = std::chrono::steady_clock::now() - start;
    BOOST_TEST(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count() < 10);
}

// Before: written verbatim, and Excel refuses a formula over 8,192 characters.
BOOST_AUTO_TEST_CASE(formula_past_excels_limit_keeps_its_value) {
    ScratchDir out;
    auto r = fill(out, hostile("formula_100kb.xlsx"));
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(contains(r.err, "formula longer than 8192 characters written as its last value"),
               r.err);
    Workbook wb = filled(out);
    const Cell* h6 = wb.sheets.at(0).find(5, 7);
    BOOST_REQUIRE(h6);
    BOOST_TEST(!h6->is_formula());
    BOOST_TEST(h6->value.number == 50000);
}

// The lines of what was not carried speak the chosen language: Indonesian by default, with no
// English phrase of the writer's left in them (common/dropped.hpp), English with --lang en.
BOOST_AUTO_TEST_CASE(what_was_not_carried_is_said_in_the_chosen_language) {
    ScratchDir out;
    auto id = run_cli(
        {"fill", hostile("formula_100kb.xlsx").string(), "-o", (out / "keluar.xlsx").string()});
    BOOST_TEST(id.exit_code == 0, id.err);
    BOOST_TEST(contains(id.err,
                        "kinerja: tidak dibawa ke keluaran: rumus lebih dari 8.192 karakter "
                        "ditulis sebagai nilai terakhirnya ("),
               id.err);
    for (const char* english : {"formula", "longer than", "written as", "characters", " more)"})
        BOOST_TEST(!contains(id.err, english), "English \"" << english << "\" in: " << id.err);
    ScratchDir out_en;
    auto en = fill(out_en, hostile("formula_100kb.xlsx"));
    BOOST_TEST(en.exit_code == 0, en.err);
    BOOST_TEST(contains(en.err,
                        "kinerja: not carried to the output: formula longer than 8192 "
                        "characters written as its last value ("),
               en.err);
    BOOST_TEST(!contains(en.err, "rumus"), en.err);
}

// libxlsxwriter 1.1.4 leaked the formula of a list drawn from a range; the workaround
// must still write a list validation with that range.
BOOST_AUTO_TEST_CASE(list_validation_from_a_range) {
    ScratchDir out;
    auto r = fill(out, hostile("list_validation_range.xlsx"));
    BOOST_TEST(r.exit_code == 0, r.err);
    Workbook wb = filled(out);
    BOOST_REQUIRE(wb.sheets.at(0).validations.size() == 1u);
    const DataValidation& dv = wb.sheets.at(0).validations.front();
    BOOST_TEST(dv.type == "list");
    BOOST_TEST(dv.formula1 == "$H$1:$H$3");
    BOOST_TEST(dv.show_dropdown);
}

// Before: a 10 MB text was quoted whole in the finding and copied into docProps.
BOOST_AUTO_TEST_CASE(ten_megabyte_field_is_cut_in_messages_and_properties) {
    ScratchDir out;
    auto r = fill(out, hostile("field_10mb.xlsx"), {"--report", (out / "laporan.json").string()});
    BOOST_TEST(r.exit_code == 1, r.err);  // the figure is not a number: an error finding
    BOOST_TEST(r.out.size() + r.err.size() < 20000u);
    auto report = nlohmann::json::parse(read_file(out / "laporan.json"));
    bool quoted = false;
    for (const auto& f : report["findings"]) {
        std::string message = f["message"];
        BOOST_TEST(message.size() < 2000u);
        if (f["rule"] == "umum.bukan_angka") {
            quoted = true;
            BOOST_TEST(contains(message, "sepuluh megabita sepuluh"));
            BOOST_TEST(contains(message, "\u2026\""), message);
        }
    }
    BOOST_TEST(quoted);
    Workbook wb = filled(out);
    BOOST_TEST(wb.properties.title.size() < 1000u);
    BOOST_TEST(contains(wb.properties.title, "\u2026"));
    BOOST_TEST(contains(r.err, "document property longer than 255 characters cut"), r.err);
}

BOOST_AUTO_TEST_SUITE_END()
