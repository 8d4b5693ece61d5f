// kinerja validate/fill on a workbook whose mistakes are in a hidden row and a hidden sheet:
// they are reported apart and do not alone make the exit status 1.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "read/read.hpp"
#include "support/cells.hpp"
#include "support/support.hpp"
#include "validate/validate.hpp"
#include "write/write.hpp"

namespace fs = std::filesystem;
using namespace kinerja;
using namespace kinerja::test;

namespace {

// A budget table whose row `wrong` (0: none) has a sisa that is not pagu - realisasi.
Sheet budget(std::string name, std::uint32_t wrong) {
    Sheet sheet;
    sheet.name = std::move(name);
    const char* heads[] = {"Jenis Belanja", "Pagu", "Realisasi", "Sisa"};
    for (std::uint32_t c = 0; c < 4; ++c) put_text(sheet, 0, c, heads[c]);
    const char* kinds[] = {"Belanja Pegawai", "Belanja Barang", "Belanja Modal"};
    for (std::uint32_t r = 1; r <= 3; ++r) {
        put_text(sheet, r, 0, kinds[r - 1]);
        put_number(sheet, r, 1, 100);
        put_number(sheet, r, 2, 40);
        put_number(sheet, r, 3, r == wrong ? 50 : 60);
    }
    return sheet;
}

// "Anggaran" with its mistake in row 3 (hidden unless `row_in_sight`) and a hidden sheet
// "Arsip" with one in row 2.
fs::path workbook(const ScratchDir& dir, bool row_in_sight) {
    Workbook wb;
    wb.sheets.push_back(budget("Anggaran", 2));
    wb.sheets[0].rows[2].hidden = !row_in_sight;
    wb.sheets.push_back(budget("Arsip", 1));
    wb.sheets[1].visibility = Sheet::Visibility::hidden;
    fs::path file = dir / (row_in_sight ? "terlihat.xlsx" : "tersembunyi.xlsx");
    write_workbook(wb, file);
    return file;
}

}  // namespace

BOOST_AUTO_TEST_CASE(errors_only_in_hidden_places_exit_0) {
    ScratchDir dir;
    fs::path input = workbook(dir, false);
    auto r = run_cli({"validate", input.string(), "--report", (dir / "r.json").string()});
    BOOST_TEST(r.exit_code == 0, r.out << r.err);
    BOOST_TEST(r.out.find("2 temuan di baris/kolom/sheet tersembunyi") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("Anggaran!D3 (baris tersembunyi)") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("Arsip!D2 (sheet tersembunyi)") != std::string::npos, r.out);

    auto json = nlohmann::json::parse(read_file(dir / "r.json"));
    BOOST_TEST(json["summary"]["hidden"].get<std::size_t>() >= 2u);
    BOOST_TEST(json["summary"]["hidden_errors"].get<std::size_t>() == 2u);
    std::map<std::string, std::string> hidden;
    for (const auto& f : json["findings"])
        if (f["rule"] == "anggaran.sisa") hidden[f["sheet"]] = f.value("hidden", "");
    BOOST_TEST(hidden["Anggaran"] == "row");
    BOOST_TEST(hidden["Arsip"] == "sheet");

    auto en = run_cli({"--lang", "en", "validate", input.string()});
    BOOST_TEST(en.exit_code == 0);
    BOOST_TEST(en.out.find("2 findings in hidden rows/columns/sheets") != std::string::npos,
               en.out);
    BOOST_TEST(en.out.find("Anggaran!D3 (hidden row)") != std::string::npos, en.out);

    // The Validasi sheet of the filled workbook says where each is hidden.
    fs::path output = dir / "keluar.xlsx";
    auto filled = run_cli({"fill", input.string(), "-o", output.string()});
    BOOST_TEST(filled.exit_code == 0, filled.out << filled.err);
    Workbook out = read_workbook(output);
    const Sheet* validasi = out.sheet(validasi_sheet_name);
    BOOST_TEST_REQUIRE(validasi != nullptr);
    BOOST_TEST(validasi->find(0, 6)->value.text == "Tersembunyi");
    std::map<std::string, std::string> marks;
    for (std::uint32_t row = 1; validasi->find(row, 0); ++row)
        if (validasi->find(row, 2)->value.text == "anggaran.sisa") {
            const Cell* mark = validasi->find(row, 6);
            marks[validasi->find(row, 3)->value.text] = mark ? mark->value.text : "";
        }
    BOOST_TEST(marks["Anggaran"] == "baris");
    BOOST_TEST(marks["Arsip"] == "sheet");
}

BOOST_AUTO_TEST_CASE(an_error_in_sight_exits_1) {
    ScratchDir dir;
    fs::path input = workbook(dir, true);
    auto r = run_cli({"validate", input.string(), "--report", (dir / "r.json").string()});
    BOOST_TEST(r.exit_code == 1, r.out << r.err);
    BOOST_TEST(r.out.find("1 temuan di baris/kolom/sheet tersembunyi") != std::string::npos, r.out);
    // The one in sight is listed before the hidden one.
    BOOST_TEST(r.out.find("Anggaran!D3:") < r.out.find("Arsip!D2 (sheet tersembunyi)"), r.out);
    auto json = nlohmann::json::parse(read_file(dir / "r.json"));
    BOOST_TEST(json["summary"]["hidden_errors"].get<std::size_t>() == 1u);
    for (const auto& f : json["findings"])
        if (f["sheet"] == "Anggaran") BOOST_TEST(!f.contains("hidden"));
}
