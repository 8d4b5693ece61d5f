// kinerja batch --inputs: workbooks units sent in, filled from their own Data sheets; a
// corrupt one fails alone. And the data given as .xlsx instead of .csv.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "batch/batch.hpp"
#include "batch/fixture.hpp"
#include "read/read.hpp"
#include "write/write.hpp"

using namespace kinerja;
using namespace kinerja::test;
namespace fs = std::filesystem;

namespace {

// The figures of the indicator columns of a rekap sheet, per satker.
void check_same_figures(const RekapSheet& got, const RekapSheet& want,
                        const std::vector<std::string>& units) {
    BOOST_REQUIRE(got.indicator_col.size() == want.indicator_col.size());
    for (const std::string& kode : units) {
        for (const auto& [id, col] : want.indicator_col) {
            for (std::uint32_t c = col; c < col + 3; ++c) {
                BOOST_TEST_CONTEXT(kode << " " << id << " column " << c) {
                    const CellValue& a = got.rows.at(kode).at(got.indicator_col.at(id) + (c - col));
                    const CellValue& b = want.rows.at(kode).at(c);
                    BOOST_TEST((a == b));
                }
            }
        }
    }
}

// `wb` with the VBA project of the libxlsxwriter fixture: a workbook as Excel saves an .xlsm.
Workbook with_macros(Workbook wb) {
    wb.carried = read_workbook(test_dir() / "fixtures" / "carry" / "lxw-macro.xlsm").carried;
    BOOST_REQUIRE(wb.carried && wb.carried->vba);
    return wb;
}

// Whether `file` holds macros and says so in its content types, as Excel requires.
bool keeps_macros(const fs::path& file) {
    std::string types = run({"unzip", "-p", file.string(), "\\[Content_Types\\].xml"}).out;
    std::string vba = run({"unzip", "-p", file.string(), "xl/vbaProject.bin"}).out;
    return types.find("macroEnabled.main+xml") != std::string::npos && !vba.empty();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(inputs)

BOOST_AUTO_TEST_CASE(a_folder_of_workbooks_is_filled_and_a_corrupt_one_fails_alone) {
    const ProvinceRun& p = province_run();
    ScratchDir scratch;
    fs::path in = scratch / "masuk", out = scratch / "keluar";
    fs::create_directories(in);
    std::vector<std::string> sent = {"S001", "S002", "S003", "S004", "S005"};
    for (const auto& kode : sent) fs::copy_file(p.out() / (kode + ".xlsx"), in / (kode + ".xlsx"));
    std::ofstream(in / "S999.xlsx", std::ios::binary) << "PK\x03\x04 this is not a workbook";
    std::ofstream(in / "~$S001.xlsx", std::ios::binary) << "Excel's lock file";
    std::ofstream(in / "catatan.txt", std::ios::binary) << "not a workbook either";

    RunResult r = run_cli({"batch", "--inputs", in.string(), "--out", out.string()});
    BOOST_TEST(r.exit_code == 1, r.out << r.err);
    BOOST_TEST(r.out.find("S999: ") != std::string::npos, r.out);
    auto laporan = nlohmann::json::parse(read_file(out / "laporan.json"));
    BOOST_TEST(laporan["totals"]["units"] == 6);
    BOOST_TEST(laporan["totals"]["failed"] == 1);
    for (const auto& u : laporan["units"]) {
        BOOST_TEST_CONTEXT(u["satker"]) {
            if (u["satker"] == "S999") {
                BOOST_TEST(u["status"] == "failed");
                BOOST_TEST(u["failure"].get<std::string>().find("S999.xlsx") != std::string::npos);
            } else {
                BOOST_TEST(u["status"] != "failed");
                BOOST_TEST(u["findings"]["errors"] == 0);
                BOOST_TEST(fs::exists(out / u["output"].get<std::string>()));
                BOOST_TEST(u["nama"] == p.unit(u["satker"])->nama);
            }
        }
    }
    // The same figures as when they were made from the regional data, TW by TW.
    Workbook got = read_workbook(out / "rekap.xlsx"), want = read_workbook(p.out() / "rekap.xlsx");
    for (const char* sheet : {"TW I", "TW II", "TW III", "TW IV", "TAHUN"})
        BOOST_TEST_CONTEXT(sheet) {
            check_same_figures(read_rekap_sheet(got, sheet), read_rekap_sheet(want, sheet), sent);
        }
    // The inputs are untouched, and the output folder must differ from them.
    BOOST_TEST(file_digest(in / "S001.xlsx") == file_digest(p.out() / "S001.xlsx"));
    RunResult same = run_cli({"batch", "--inputs", in.string(), "--out", in.string()});
    BOOST_TEST(same.exit_code == 2);
}

BOOST_AUTO_TEST_CASE(data_as_xlsx_fills_like_the_csv) {
    const ProvinceRun& p = province_run();
    ScratchDir scratch;
    // The CSV's rows as a sheet, with a title above the header as people make them.
    Workbook data;
    Sheet sheet;
    sheet.name = "Data Wilayah";
    auto text = [&](std::uint32_t r, std::uint32_t c, const std::string& t) {
        Cell cell;
        cell.row = r;
        cell.col = c;
        cell.value = {CellValue::Kind::text, 0, t};
        sheet.put(cell);
    };
    text(0, 0, "DATA KINERJA WILAYAH");
    std::ifstream csv(p.data_file());
    std::string line;
    for (std::uint32_t row = 2; std::getline(csv, line); ++row) {
        std::uint32_t col = 0;
        std::string field;
        bool quoted = false;
        for (char ch : line + ",") {
            if (ch == '"')
                quoted = !quoted;
            else if (ch == ',' && !quoted) {
                bool is_number =
                    !field.empty() && field.find_first_not_of("0123456789") == std::string::npos;
                if (is_number && row > 2) {
                    Cell cell;
                    cell.row = row;
                    cell.col = col;
                    cell.value = {CellValue::Kind::number, std::stod(field), ""};
                    sheet.put(cell);
                } else {
                    text(row, col, field);
                }
                ++col;
                field.clear();
            } else
                field += ch;
        }
    }
    data.sheets.push_back(std::move(sheet));
    write_workbook(data, scratch / "data.xlsx");

    Engine engine = Engine::load(default_formulas_dir());
    BatchOptions o;
    o.template_file = p.template_file();
    o.data_file = scratch / "data.xlsx";
    o.out_dir = scratch / "out";
    o.jobs = 2;
    BatchResult r = run_batch(engine, o);
    BOOST_TEST(r.units == 40u);
    BOOST_TEST(r.failed == 2u);
    BOOST_TEST_REQUIRE(r.failures.size() == 2u);  // only the failed units, in key order
    BOOST_TEST(r.failures[0].key == "S007");
    BOOST_TEST(r.failures[1].key == "S021");
    BOOST_TEST(r.failures[0].failure.has_value());
    BOOST_TEST(r.written == 38u);
    BOOST_TEST(r.problems.size() == 1u);
    BOOST_TEST(r.exit_code() == 1);
    for (const char* name : {"S001.xlsx", "S013.xlsx", "S040.xlsx"})
        BOOST_TEST(file_digest(scratch / "out" / name) == file_digest(p.out() / name), name);
    std::vector<std::string> all;
    for (const auto& u : p.units)
        if (u.kode != "S007" && u.kode != "S021") all.push_back(u.kode);
    Workbook got = read_workbook(r.rekap), want = read_workbook(p.out() / "rekap.xlsx");
    check_same_figures(read_rekap_sheet(got, "TW II"), read_rekap_sheet(want, "TW II"), all);
}

// Issue 16: an .xlsm unit is filled as an .xlsx is; its output keeps the name and the macros.
BOOST_AUTO_TEST_CASE(an_xlsm_unit_comes_back_as_xlsm_with_its_macros) {
    const ProvinceRun& p = province_run();
    ScratchDir scratch;
    fs::path in = scratch / "masuk", out = scratch / "keluar";
    fs::create_directories(in);
    write_workbook(with_macros(read_workbook(p.out() / "S001.xlsx")), in / "S001.xlsm");
    fs::copy_file(p.out() / "S002.xlsx", in / "S002.xlsx");

    RunResult r = run_cli({"batch", "--inputs", in.string(), "--out", out.string()});
    BOOST_TEST(r.exit_code == 0, r.out << r.err);
    BOOST_TEST(keeps_macros(out / "S001.xlsm"));
    BOOST_TEST(fs::exists(out / "S002.xlsx"));
    BOOST_TEST(!fs::exists(out / "S001.xlsx"));
    auto laporan = nlohmann::json::parse(read_file(out / "laporan.json"));
    BOOST_TEST(laporan["totals"]["units"] == 2);
    BOOST_TEST(laporan["totals"]["failed"] == 0);
    for (const auto& u : laporan["units"])
        if (u["satker"] == "S001") BOOST_TEST(u["output"] == "S001.xlsm");
}

// A template that keeps macros gives every satker an .xlsm with them.
BOOST_AUTO_TEST_CASE(an_xlsm_template_gives_xlsm_workbooks) {
    const ProvinceRun& p = province_run();
    ScratchDir scratch;
    write_workbook(with_macros(read_workbook(p.template_file())), scratch / "templat.xlsm");
    Engine engine = Engine::load(default_formulas_dir());
    BatchOptions o;
    o.template_file = scratch / "templat.xlsm";
    o.data_file = p.data_file();
    o.out_dir = scratch / "out";
    o.jobs = 2;
    BatchResult r = run_batch(engine, o);
    BOOST_TEST(r.written == 38u);
    BOOST_TEST(keeps_macros(o.out_dir / "S001.xlsm"));
    BOOST_TEST(!fs::exists(o.out_dir / "S001.xlsx"));
    BOOST_TEST(fs::exists(o.out_dir / "rekap.xlsx"));
}

BOOST_AUTO_TEST_SUITE_END()
