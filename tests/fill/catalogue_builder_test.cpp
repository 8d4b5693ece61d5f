// One reading of catalogue and settings values: a bad value gets the same words from a TOML
// file (formulas/) as from a workbook's Rumus sheet; only where it is told differs (file line
// and column, or the cell of a Rumus sheet problem, which validation reports as
// rumus.tidak_valid).
#include <boost/test/unit_test.hpp>

#include "evaluate/evaluate.hpp"
#include "fill/rumus_sheet.hpp"
#include "support/cells.hpp"

using namespace kinerja;
using namespace kinerja::fill_detail;
using test::put_number;
using test::put_text;

namespace {

// The only diagnostic of a settings file.
Message toml_settings_error(const std::string& text) {
    SettingsCheck check = check_settings_text(text, "pengaturan.toml");
    BOOST_REQUIRE_EQUAL(check.diagnostics.size(), 1u);
    BOOST_TEST((check.diagnostics[0].severity == Severity::error));
    return check.diagnostics[0].message;
}

// The only diagnostic of a one-indicator catalogue whose arah is `arah`.
Message toml_arah_error(const std::string& arah) {
    std::string text =
        "versi = 1\n[[indikator]]\nid = \"uji.satu\"\nnama = \"Uji satu\"\nsatuan = \"%\"\n"
        "arah = \"" +
        arah +
        "\"\nperiode = \"jumlah\"\nrealisasi = \"pct(a, b)\"\n[indikator.masukan]\n"
        "a = \"A\"\nb = \"B\"\n";
    CatalogueCheck check = check_catalogue_text(text, "indikator.toml");
    BOOST_REQUIRE_EQUAL(check.diagnostics.size(), 1u);
    BOOST_TEST(check.diagnostics[0].line == 6);
    return check.diagnostics[0].message;
}

// A workbook whose Rumus sheet holds a settings table: label in A, value in B, from row 2.
Workbook rumus_settings(const std::vector<std::pair<std::string, std::string>>& rows) {
    Workbook wb;
    Sheet rumus;
    rumus.name = "Rumus";
    put_text(rumus, 0, 0, "Pengaturan");
    put_text(rumus, 0, 1, "Nilai");
    std::uint32_t r = 1;
    for (const auto& [key, value] : rows) {
        put_text(rumus, r, 0, key);
        put_text(rumus, r++, 1, value);
    }
    wb.sheets.push_back(rumus);
    return wb;
}

// A workbook whose Rumus sheet defines one indicator (row 2) and, in row 3, gives the direction
// of an indicator outside the catalogue.
Workbook rumus_indicator(const std::string& arah, const std::string& periode = "jumlah") {
    Workbook wb;
    Sheet rumus;
    rumus.name = "Rumus";
    const char* cols[] = {"Id", "Nama", "Satuan", "Arah", "Periode", "Variabel", "Realisasi"};
    for (std::uint32_t c = 0; c < 7; ++c) put_text(rumus, 0, c, cols[c]);
    const char* row[] = {"uji.satu", "Uji satu", "%", "", "", "a; b", "pct(a, b)"};
    for (std::uint32_t c = 0; c < 7; ++c) put_text(rumus, 1, c, row[c]);
    put_text(rumus, 1, 3, arah);
    put_text(rumus, 1, 4, periode);
    put_text(rumus, 2, 1, "Jumlah kasus");
    put_text(rumus, 2, 3, arah);
    wb.sheets.push_back(rumus);
    return wb;
}

const RumusProblem* finding_at(const RumusOverrides& r, std::uint32_t row, std::uint32_t col) {
    for (const auto& f : r.problems)
        if (f.cell.sheet == "Rumus" && f.cell.row == row && f.cell.col == col) return &f;
    return nullptr;
}

// The finding of a settings sheet with one row, at its value's cell (B2).
Message rumus_settings_error(const std::string& key, const std::string& value) {
    auto r = read_rumus_sheet(rumus_settings({{key, value}}), Settings{});
    BOOST_REQUIRE(r);
    BOOST_REQUIRE_EQUAL(r->problems.size(), 1u);
    const RumusProblem* f = finding_at(*r, 1, 1);
    BOOST_REQUIRE(f);
    return f->reason;
}

void same(const Message& a, const Message& b) {
    BOOST_TEST(a.id == b.id);
    BOOST_TEST(a.en == b.en);
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_unknown_turun_rule_reads_the_same_from_toml_and_the_rumus_sheet) {
    Message toml = toml_settings_error("[capaian]\nturun = \"permenpann\"\n");
    BOOST_TEST(toml.en ==
               "unknown value 'permenpann' for 'turun'; choose \"permenpan\", \"seed003\"");
    same(rumus_settings_error("turun", "permenpann"), toml);
}

BOOST_AUTO_TEST_CASE(a_bad_cap_reads_the_same_from_toml_and_the_rumus_sheet) {
    Message toml = toml_settings_error("[capaian]\nbatas_atas = 110\n");
    BOOST_TEST(toml.en == "'batas_atas' must be \"tanpa\", 100, 120 or 150");
    // The sheet's label is read as its headers are: any case and spacing.
    same(rumus_settings_error("Batas Atas", "110"), toml);
}

BOOST_AUTO_TEST_CASE(bad_rounding_reads_the_same_from_toml_and_the_rumus_sheet) {
    Message mode = toml_settings_error("[pembulatan]\nmode = \"potong\"\n");
    BOOST_TEST(mode.en ==
               "unknown value 'potong' for 'pembulatan'; choose \"truncate\", \"round\"");
    same(rumus_settings_error("pembulatan", "potong"), mode);

    Message decimals = toml_settings_error("[pembulatan]\ndesimal = 11\n");
    BOOST_TEST(decimals.en == "'desimal' must be a whole number 0 to 10");
    same(rumus_settings_error("desimal", "11"), decimals);
    same(rumus_settings_error("desimal", "1.5"), decimals);
}

BOOST_AUTO_TEST_CASE(an_unknown_scale_reads_the_same_from_toml_and_the_rumus_sheet) {
    Message toml = toml_settings_error("[kategori]\nskala = \"abc\"\n");
    same(rumus_settings_error("skala", "abc"), toml);
}

BOOST_AUTO_TEST_CASE(an_unknown_arah_is_an_error_in_toml_and_a_finding_at_its_cell) {
    Message toml = toml_arah_error("naek");
    BOOST_TEST(toml.en == "unknown value 'naek' for 'arah'; choose \"naik\", \"turun\"");
    auto r = read_rumus_sheet(rumus_indicator("naek"), Settings{});
    BOOST_REQUIRE(r);
    // The indicator row is refused at its Arah cell (D2), not made naik without a word...
    const RumusProblem* row = finding_at(*r, 1, 3);
    BOOST_REQUIRE(row);
    same(row->reason, toml);
    BOOST_TEST(r->indicators.empty());
    // ... and so is the direction of the indicator outside the catalogue (D3).
    const RumusProblem* direction = finding_at(*r, 2, 3);
    BOOST_REQUIRE(direction);
    same(direction->reason, toml);
    BOOST_TEST(r->settings.directions.empty());
    BOOST_TEST(r->problems.size() == 2u);
}

BOOST_AUTO_TEST_CASE(an_unknown_periode_is_refused_alike) {
    std::string text =
        "versi = 1\n[[indikator]]\nid = \"uji.satu\"\nnama = \"Uji satu\"\nsatuan = \"%\"\n"
        "arah = \"naik\"\nperiode = \"bulanan\"\nrealisasi = \"pct(a, b)\"\n"
        "[indikator.masukan]\na = \"A\"\nb = \"B\"\n";
    CatalogueCheck check = check_catalogue_text(text, "indikator.toml");
    BOOST_REQUIRE_EQUAL(check.diagnostics.size(), 1u);
    auto r = read_rumus_sheet(rumus_indicator("naik", "bulanan"), Settings{});
    BOOST_REQUIRE(r);
    const RumusProblem* f = finding_at(*r, 1, 4);
    BOOST_REQUIRE(f);
    same(f->reason, check.diagnostics[0].message);
    BOOST_TEST(r->indicators.empty());
}

BOOST_AUTO_TEST_CASE(good_values_give_the_same_settings_from_toml_and_the_rumus_sheet) {
    SettingsCheck toml = check_settings_text(
        "[capaian]\nturun = \"seed003\"\nbatas_atas = 120\n"
        "[pembulatan]\nmode = \"round\"\ndesimal = 1\n[kategori]\nskala = \"akip\"\n",
        "pengaturan.toml");
    BOOST_TEST(toml.diagnostics.empty());
    // A worksheet's words in any case; numbers typed or as text.
    Workbook wb = rumus_settings(
        {{"Turun", "SEED003"}, {"Pembulatan", "Round"}, {"Skala", "AKIP"}, {"desimal", "1"}});
    put_text(wb.sheets[0], 5, 0, "batas_atas");
    put_number(wb.sheets[0], 5, 1, 120);
    auto sheet = read_rumus_sheet(wb, Settings{});
    BOOST_REQUIRE(sheet);
    BOOST_TEST(sheet->problems.empty());
    const Settings& a = toml.settings;
    const Settings& b = sheet->settings;
    BOOST_TEST((a.turun == TurunRule::seed003 && b.turun == TurunRule::seed003));
    BOOST_TEST((a.cap == std::optional<double>(120) && b.cap == a.cap));
    BOOST_TEST((a.rounding == Rounding{Rounding::Mode::round, 1} && b.rounding == a.rounding));
    BOOST_TEST((a.scale.name == "akip" && b.scale.name == "akip"));
}

BOOST_AUTO_TEST_CASE(menurun_is_turun_in_both) {
    auto r = read_rumus_sheet(rumus_indicator("menurun"), Settings{});
    BOOST_REQUIRE(r);
    BOOST_TEST(r->problems.empty());
    BOOST_REQUIRE_EQUAL(r->indicators.size(), 1u);
    BOOST_TEST((r->indicators[0].direction == Direction::turun));
    BOOST_TEST((r->settings.directions.at("jumlah kasus") == Direction::turun));
    // formulas/ accepts the same spelling; its name stays "turun".
    std::string text =
        "versi = 1\n[[indikator]]\nid = \"uji.satu\"\nnama = \"Uji satu\"\nsatuan = \"%\"\n"
        "arah = \"menurun\"\nperiode = \"jumlah\"\nrealisasi = \"pct(a, b)\"\n"
        "[indikator.masukan]\na = \"A\"\nb = \"B\"\n";
    CatalogueCheck check = check_catalogue_text(text, "indikator.toml");
    BOOST_TEST(check.diagnostics.empty());
    BOOST_REQUIRE_EQUAL(check.catalogue.indicators.size(), 1u);
    BOOST_TEST((check.catalogue.indicators[0].direction == Direction::turun));
    BOOST_TEST(std::string(word_of(Direction::turun)) == "turun");
}

// Cells of the indicator table are not settings: an Arah "turun" followed by a Periode
// "jumlah" is no "turun = jumlah" setting.
BOOST_AUTO_TEST_CASE(the_indicator_table_is_not_read_as_settings) {
    auto r = read_rumus_sheet(rumus_indicator("turun", "jumlah"), Settings{});
    BOOST_REQUIRE(r);
    BOOST_TEST(r->problems.empty());
    BOOST_TEST((r->settings.turun == TurunRule::permenpan));
    BOOST_REQUIRE_EQUAL(r->indicators.size(), 1u);
    BOOST_TEST((r->indicators[0].direction == Direction::turun));
}
