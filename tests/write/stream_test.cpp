// The streaming writer (write/stream.hpp): the writer's rules for numbers, text and styles in
// a workbook written row after row, and its file handling.
#include "write/stream.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <stdexcept>

#include "read/read.hpp"
#include "support/support.hpp"

using namespace kinerja;
using namespace kinerja::test;
namespace fs = std::filesystem;

namespace {

std::string part_of(const fs::path& file, const std::string& name) {
    RunResult r = run({"unzip", "-p", file.string(), name});
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, "no part " << name << " in " << file);
    return r.out;
}

bool has(const std::string& text, const std::string& piece) {
    return text.find(piece) != std::string::npos;
}

bool reported(const WriteReport& report, const std::string& kind) {
    for (const auto& d : report.dropped)
        if (has(d.what, kind)) return true;
    return false;
}

std::size_t entries_in(const fs::path& folder) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) ++n;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(write_stream)

// Many rows, each with numbers libxlsxwriter's "%.16G" gets wrong: every one is written with
// its shortest exact text, plain or as a formula's cached value, and reads back bit for bit.
BOOST_AUTO_TEST_CASE(numbers_are_exact_in_every_row) {
    ScratchDir scratch;
    fs::path file = scratch / "rekap.xlsx";
    const std::uint32_t rows = 20000;
    auto value = [](std::uint32_t row) { return 84.57 + row * 0.01; };
    WriteReport report = write_streamed(file, [&](StreamBook& book) {
        StreamSheet& sheet = book.add_sheet("Data");
        for (std::uint32_t row = 0; row < rows; ++row) {
            sheet.number(row, 0, value(row), StyleId{});
            sheet.text(row, 1, "satker " + std::to_string(row), StyleId{});
            sheet.formula(row, 2, "A" + std::to_string(row + 1) + "/3", value(row) / 3, StyleId{});
            sheet.number(row, 3, 0.1 + 0.2, StyleId{});
        }
    });
    BOOST_TEST(report.dropped.empty());
    std::string xml = part_of(file, "xl/worksheets/sheet1.xml");
    BOOST_TEST(has(xml, "<c r=\"A1\"><v>84.57</v></c>"));
    BOOST_TEST(has(xml, "<v>0.30000000000000004</v>"));
    BOOST_TEST(!has(xml, "84.56999999999999"));
    BOOST_TEST(!has(xml, "<v>0.3</v>"));
    Workbook wb = read_workbook(file);
    BOOST_REQUIRE(wb.sheets.size() == 1u);
    for (std::uint32_t row : {0u, 1u, 777u, rows - 1}) {
        const Cell* a = wb.sheets[0].find(row, 0);
        const Cell* c = wb.sheets[0].find(row, 2);
        BOOST_REQUIRE((a && c));
        BOOST_TEST(a->value.number == value(row));
        BOOST_TEST(c->value.number == value(row) / 3);
        BOOST_TEST(c->formula == "A" + std::to_string(row + 1) + "/3");
        BOOST_TEST(wb.sheets[0].find(row, 3)->value.number == 0.1 + 0.2);
    }
}

// Text gets the main writer's protection: a literal "_x0041_" stays literal, control
// characters are escaped, and what is over Excel's limit is cut and reported.
BOOST_AUTO_TEST_CASE(text_is_escaped_and_cut_as_the_writer_does) {
    ScratchDir scratch;
    fs::path file = scratch / "out.xlsx";
    std::string long_text(40000, 'x');
    WriteReport report = write_streamed(file, [&](StreamBook& book) {
        StreamSheet& sheet = book.add_sheet("Data");
        sheet.text(0, 0, "kode_x0041_", StyleId{});
        sheet.text(1, 0, std::string("a\x01z"), StyleId{});
        sheet.text(2, 0, long_text, StyleId{});
        sheet.formula(3, 0, "\"-\"", "_x0042_", StyleId{});
    });
    BOOST_TEST(reported(report, "text longer than 32767 characters truncated"));
    Workbook wb = read_workbook(file);
    const Sheet& s = wb.sheets.at(0);
    BOOST_TEST(s.find(0, 0)->value.text == "kode_x0041_");
    BOOST_TEST(s.find(1, 0)->value.text == std::string("a\x01z"));
    BOOST_TEST(s.find(2, 0)->value.text.size() == 32767u);
    BOOST_TEST(s.find(3, 0)->value.text == "_x0042_");
}

// Styles are the model's: what the reader gives back is what was registered, and equal
// styles share one id.
BOOST_AUTO_TEST_CASE(styles_are_the_models) {
    ScratchDir scratch;
    fs::path file = scratch / "out.xlsx";
    Style header;
    header.font.name = "Arial";
    header.font.bold = true;
    header.fill.pattern = FillPattern::solid;
    header.fill.fg = 0xD9D9D9;
    header.border.bottom.style = BorderStyle::medium;
    header.alignment.horizontal = 2;
    header.num_format = "0.00";
    StyleId first = 0, again = 0;
    write_streamed(file, [&](StreamBook& book) {
        first = book.style(header);
        again = book.style(header);
        book.add_sheet("Data").number(0, 0, 1.5, first);
    });
    BOOST_TEST(first != 0u);
    BOOST_TEST(first == again);
    Workbook wb = read_workbook(file);
    const Style& read = wb.styles.at(wb.sheets.at(0).find(0, 0)->style);
    BOOST_TEST(read.font.name == "Arial");
    BOOST_TEST(read.font.bold);
    BOOST_TEST(read.fill.pattern == header.fill.pattern);
    BOOST_TEST((read.fill.fg == header.fill.fg));
    BOOST_TEST(read.border.bottom.style == header.border.bottom.style);
    BOOST_TEST(read.alignment.horizontal == 2);
    BOOST_TEST(read.num_format == "0.00");
}

// The sheet-level parts go through the model's writers; a cell of a row already written is
// reported, not silently lost; what is not a number is #NUM!.
BOOST_AUTO_TEST_CASE(sheet_parts_and_misuse_are_written_or_reported) {
    ScratchDir scratch;
    fs::path file = scratch / "out.xlsx";
    WriteReport report = write_streamed(file, [&](StreamBook& book) {
        StreamSheet& first = book.add_sheet("Satu");
        StreamSheet& second = book.add_sheet("Dua");
        second.text(0, 0, "judul", StyleId{});
        second.merge({0, 1, 0, 3}, "gabung", StyleId{});
        second.number(5, 0, 1, StyleId{});
        second.number(2, 0, 2, StyleId{});  // row 3 is behind row 6
        second.number(6, 0, std::nan(""), StyleId{});
        second.column_width(0, 0, 20);
        SheetView view;
        view.frozen_rows = 1;
        second.view(view);
        second.autofilter({0, 0, 6, 3});
        ConditionalFormat rule;
        rule.type = "expression";
        rule.formulas = {"A1>0"};
        rule.ranges = {{1, 0, 6, 0}};
        rule.style = DiffStyle{};
        rule.style->font_color = 0xFF0000;
        second.conditional_format(rule);
        book.activate(second);
        first.text(0, 0, "isi", StyleId{});
    });
    BOOST_TEST(reported(report, "libxlsxwriter"));
    BOOST_TEST(reported(report, "#NUM!"));
    Workbook wb = read_workbook(file);
    BOOST_REQUIRE(wb.sheets.size() == 2u);
    const Sheet& s = wb.sheets[1];
    BOOST_TEST(wb.active_sheet == 1u);
    BOOST_TEST(s.view.frozen_rows == 1u);
    BOOST_TEST(s.autofilter.has_value());
    BOOST_TEST(s.conditional_formats.size() == 1u);
    BOOST_TEST(s.merges.size() == 1u);
    BOOST_TEST(s.find(2, 0) == nullptr);
    BOOST_TEST(s.find(6, 0)->formula == "#NUM!");  // Excel shows the error
    BOOST_TEST(s.find(0, 0)->value.text == "judul");
}

// The destination keeps its content when producing fails, and no temp file is left beside
// it; a temp folder that is missing is replaced by the destination's folder.
BOOST_AUTO_TEST_CASE(the_destination_is_whole_or_untouched) {
    ScratchDir scratch;
    fs::path file = scratch / "rekap.xlsx";
    std::ofstream(file) << "lama";
    BOOST_CHECK_THROW(write_streamed(file,
                                     [&](StreamBook& book) {
                                         book.add_sheet("Data").text(0, 0, "x", StyleId{});
                                         throw std::runtime_error("store unreadable");
                                     }),
                      std::runtime_error);
    BOOST_TEST(read_file(file) == "lama");
    BOOST_TEST(entries_in(scratch.path()) == 1u);
    StreamOptions options;
    options.temp_folder = scratch / "missing";
    int runs = 0;
    write_streamed(
        file,
        [&](StreamBook& book) {
            ++runs;
            book.add_sheet("Data").number(0, 0, 1, StyleId{});
        },
        options);
    BOOST_TEST(read_workbook(file).sheets.at(0).find(0, 0)->value.number == 1);
    BOOST_TEST(runs == 1);
    BOOST_TEST(entries_in(scratch.path()) == 1u);
}

BOOST_AUTO_TEST_CASE(a_sheet_name_excel_refuses_is_an_output_error) {
    ScratchDir scratch;
    try {
        write_streamed(scratch / "out.xlsx", [](StreamBook& book) { book.add_sheet("a/b"); });
        BOOST_FAIL("no error");
    } catch (const OutputError& e) {
        BOOST_TEST(has(e.describe(Lang::id), "nama lembar kerja 'a/b'"));
    }
    BOOST_TEST(!fs::exists(scratch / "out.xlsx"));
}

BOOST_AUTO_TEST_SUITE_END()
