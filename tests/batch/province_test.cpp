// End to end: a province of 40 units x every indicator of the template x 4 TW, 3 of them
// faulty, through `kinerja batch`. Every output, the rekap's figures against figures worked
// out by hand from the raw numbers, and the failures kept to their own units.
#include <zip.h>

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "batch/fixture.hpp"
#include "read/read.hpp"

using namespace kinerja;
using namespace kinerja::test;
namespace fs = std::filesystem;

namespace {

// One part of a zip package as text; empty when it is not there.
std::string zip_entry(const fs::path& file, const char* name) {
    int error = 0;
    zip_t* zip = zip_open(file.c_str(), ZIP_RDONLY, &error);
    if (!zip) return "";
    std::string text;
    zip_stat_t st;
    if (zip_stat(zip, name, 0, &st) == 0) {
        if (zip_file_t* f = zip_fopen(zip, name, 0)) {
            text.resize(st.size);
            zip_int64_t got = zip_fread(f, text.data(), st.size);
            text.resize(got < 0 ? 0 : static_cast<std::size_t>(got));
            zip_fclose(f);
        }
    }
    zip_close(zip);
    return text;
}

const std::string failed_units[] = {"S007", "S021"};

bool is_failed(const std::string& kode) {
    return kode == "S007" || kode == "S021";
}

nlohmann::json laporan(const fs::path& dir) {
    return nlohmann::json::parse(read_file(dir / "laporan.json"));
}

const nlohmann::json* laporan_unit(const nlohmann::json& doc, const std::string& kode) {
    for (const auto& u : doc["units"])
        if (u["satker"] == kode) return &u;
    return nullptr;
}

void check_close(double actual, double expected, const std::string& what) {
    BOOST_TEST_CONTEXT(what) {
        if (std::isnan(expected)) {
            BOOST_TEST(std::isnan(actual));
        } else {
            BOOST_TEST(std::fabs(actual - expected) < 1e-6, actual << " != " << expected);
        }
    }
}

double mean(const std::vector<double>& v) {
    double sum = 0;
    int n = 0;
    for (double x : v)
        if (!std::isnan(x)) sum += x, ++n;
    return n ? sum / n : NAN;
}

double median(std::vector<double> v) {
    std::erase_if(v, [](double x) { return std::isnan(x); });
    if (v.empty()) return NAN;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(province_end_to_end)

BOOST_AUTO_TEST_CASE(the_batch_exits_1_and_lists_the_failures) {
    const ProvinceRun& p = province_run();
    BOOST_TEST(p.first.exit_code == 1, p.first.out << p.first.err);
    BOOST_TEST(p.first.out.find("S007: data.csv baris") != std::string::npos, p.first.out);
    BOOST_TEST(p.first.out.find("\"abc\" bukan angka") != std::string::npos);
    BOOST_TEST(p.first.out.find("S021: data.csv baris") != std::string::npos);
    BOOST_TEST(p.first.out.find("\"TW5\" tidak dikenal") != std::string::npos);
    BOOST_TEST(p.first.out.find("kode satker kosong") != std::string::npos);
    BOOST_TEST(p.first.out.find("38 ditulis") != std::string::npos, p.first.out);
    BOOST_TEST(p.first.out.find("2 gagal") != std::string::npos);
    // Not a terminal: plain progress lines.
    BOOST_TEST(p.first.err.find("kinerja: 40/40 satker") != std::string::npos, p.first.err);
    BOOST_TEST(p.first.err.find('\r') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_output_exists_opens_and_names_its_satker) {
    const ProvinceRun& p = province_run();
    for (const auto& u : p.units) {
        fs::path file = p.out() / (u.kode + ".xlsx");
        BOOST_TEST_CONTEXT(u.kode) {
            if (is_failed(u.kode)) {
                BOOST_TEST(!fs::exists(file));
                continue;
            }
            BOOST_REQUIRE(fs::exists(file));
            Workbook wb = read_workbook(file);
            const Sheet* sheet = wb.sheet("Capaian Kinerja");
            BOOST_REQUIRE(sheet);
            const Cell* title = sheet->find(1, 0);
            BOOST_REQUIRE(title);
            BOOST_TEST(title->value.text == "SATUAN KERJA : " + u.nama);
            BOOST_TEST(wb.sheet("Data") != nullptr);
        }
    }
    for (const char* name : {"rekap.xlsx", "laporan.json", "rekap-part-1-of-1.json"})
        BOOST_TEST(fs::exists(p.out() / name), name);
    BOOST_TEST(read_workbook(p.out() / "rekap.xlsx").sheets.size() == 7u);
}

BOOST_AUTO_TEST_CASE(laporan_lists_each_unit_and_the_totals) {
    const ProvinceRun& p = province_run();
    auto doc = laporan(p.out());
    BOOST_TEST(doc["totals"]["units"] == 40);
    BOOST_TEST(doc["totals"]["failed"] == 2);
    BOOST_TEST(doc["totals"]["problems"] == 1);
    BOOST_TEST(doc["problems"].size() == 1u);
    for (const auto& kode : failed_units) {
        const auto* u = laporan_unit(doc, kode);
        BOOST_REQUIRE(u);
        BOOST_TEST((*u)["status"] == "failed");
        BOOST_TEST((*u)["output"].is_null());
        BOOST_TEST((*u)["failure"].get<std::string>().find("data.csv baris") != std::string::npos);
    }
    // The unit without jumlah_wbp is filled, with the missing variable named, and only it.
    for (const auto& u : doc["units"]) {
        std::string kode = u["satker"];
        if (is_failed(kode)) continue;
        BOOST_TEST_CONTEXT(kode) {
            BOOST_TEST(u["output"] == kode + ".xlsx");
            BOOST_TEST(u["findings"]["errors"] == 0);
            bool missing = u["findings"]["by_rule"].contains("data.variabel_kurang");
            BOOST_TEST(missing == (kode == "S013"));
            BOOST_TEST(u["timings_ms"]["total"].get<double>() > 0);
        }
    }
}

BOOST_AUTO_TEST_CASE(rekap_figures_equal_the_figures_worked_out_by_hand) {
    const ProvinceRun& p = province_run();
    Workbook rekap = read_workbook(p.out() / "rekap.xlsx");
    const char* sheets[] = {"TW I", "TW II", "TW III", "TW IV", "TAHUN"};
    for (int k = 0; k < 5; ++k) {
        int last = std::min(k, 3);  // the year is TW I-IV combined
        RekapSheet sheet = read_rekap_sheet(rekap, sheets[k]);
        BOOST_TEST_CONTEXT(sheets[k]) {
            BOOST_REQUIRE(sheet.rows.size() == 40u);
            BOOST_REQUIRE(sheet.indicator_col.size() == province::indicators().size());
            std::map<std::string, double> unit_means;
            for (const auto& spec : province::indicators()) {
                std::uint32_t col = sheet.indicator_col.at(spec.id);
                std::vector<double> capaian, realisasi;
                std::map<std::string, int> counts;
                for (const auto& u : p.units) {
                    const auto& row = sheet.rows.at(u.kode);
                    std::string where = u.kode + " " + spec.id;
                    if (is_failed(u.kode)) {
                        BOOST_TEST(is_dash(row.at(col + 1)), where);
                        continue;
                    }
                    province::Expected e = province::expected(spec, u, last);
                    check_close(number(row.at(col)), e.realisasi, where + " realisasi");
                    check_close(number(row.at(col + 1)), e.capaian, where + " capaian");
                    std::string kategori = row.at(col + 2).text;
                    BOOST_TEST(kategori == (e.kategori.empty() ? "-" : e.kategori), where);
                    capaian.push_back(e.capaian);
                    realisasi.push_back(e.realisasi);
                    ++counts[e.kategori];
                }
                check_close(number(sheet.stats.at("Rata-rata wilayah").at(col + 1)), mean(capaian),
                            spec.id + " mean capaian");
                check_close(number(sheet.stats.at("Median wilayah").at(col + 1)), median(capaian),
                            spec.id + " median capaian");
                check_close(number(sheet.stats.at("Median wilayah").at(col)), median(realisasi),
                            spec.id + " median realisasi");
                for (const char* code : {"AA", "A", "B", "CC", "C", "D"})
                    check_close(number(sheet.stats.at(std::string("Jumlah satker kategori ") + code)
                                           .at(col + 2)),
                                counts[code], spec.id + " count " + code);
            }
            // Mean capaian per unit over the indicators, its rank, and the budget.
            std::uint32_t mean_col = sheet.header_col.at("Rata-rata Capaian (%)");
            std::uint32_t rank_col = sheet.header_col.at("Peringkat");
            std::uint32_t pagu_col = sheet.header_col.at("Anggaran");
            std::vector<std::pair<std::string, double>> means;
            for (const auto& u : p.units) {
                if (is_failed(u.kode)) continue;
                std::vector<double> c;
                for (const auto& spec : province::indicators())
                    c.push_back(province::expected(spec, u, last).capaian);
                means.push_back({u.kode, mean(c)});
                const auto& row = sheet.rows.at(u.kode);
                check_close(number(row.at(mean_col)), mean(c), u.kode + " mean");
                double pagu = u.values.at("anggaran.penyerapan").at("pagu")[last];
                double real = 0;
                for (int tw = 0; tw <= last; ++tw)
                    real += u.values.at("anggaran.penyerapan").at("realisasi_anggaran")[tw];
                check_close(number(row.at(pagu_col)), pagu, u.kode + " pagu");
                check_close(number(row.at(pagu_col + 1)), real, u.kode + " realisasi anggaran");
                check_close(number(row.at(pagu_col + 2)), province::round2(real / pagu * 100),
                            u.kode + " penyerapan");
            }
            for (const auto& [kode, m] : means) {
                int higher = 0;
                for (const auto& other : means) higher += other.second > m + 1e-9;
                check_close(number(sheet.rows.at(kode).at(rank_col)), higher + 1, kode + " rank");
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(rekap_has_frozen_headers_and_conditional_formats) {
    const ProvinceRun& p = province_run();
    Workbook rekap = read_workbook(p.out() / "rekap.xlsx");
    const Sheet* year = rekap.sheet("TAHUN");
    BOOST_REQUIRE(year);
    BOOST_TEST(year->view.frozen_rows == 5u);
    BOOST_TEST(year->view.frozen_cols == 3u);
    std::set<std::string> types;
    std::size_t kategori_rules = 0;
    for (const auto& cf : year->conditional_formats) {
        types.insert(cf.type);
        kategori_rules += cf.type == "cellIs";
    }
    BOOST_TEST(types.count("expression") == 1u);
    BOOST_TEST(types.count("colorScale") == 1u);
    BOOST_TEST(kategori_rules == 6u);  // AA, A, B, CC, C, D of the LKjIP scale
    const Sheet* ranking = rekap.sheet("Peringkat");
    BOOST_REQUIRE(ranking);
    const Cell* first = ranking->find(4, 0);
    BOOST_REQUIRE(first);
    BOOST_TEST(first->value.number == 1);
    // The chart of the year's mean capaian per unit, over the ranking's columns. The reader
    // carries charts (issue 16); their XML is checked in the package.
    bool chart_listed = false;
    if (rekap.carried)
        for (const auto& [name, part] : rekap.carried->parts)
            chart_listed = chart_listed || part.content_type.ends_with("drawingml.chart+xml");
    BOOST_TEST(chart_listed);
    std::string chart = zip_entry(p.out() / "rekap.xlsx", "xl/charts/chart1.xml");
    BOOST_TEST(chart.find("<c:barDir val=\"col\"/>") != std::string::npos, chart);
    BOOST_TEST(chart.find("Peringkat!$D$5:$D$") != std::string::npos, chart);
    BOOST_TEST(chart.find("Peringkat!$B$5:$B$") != std::string::npos, chart);
    // Single headers span both header rows; indicator titles span their three columns.
    bool no_merged = false, group_merged = false;
    for (const CellRange& m : year->merges) {
        no_merged = no_merged || (m.first_row == 3 && m.last_row == 4 && m.first_col == 0);
        group_merged = group_merged ||
                       (m.first_row == 3 && m.last_row == 3 && m.first_col == 4 && m.last_col == 6);
    }
    BOOST_TEST(no_merged);
    BOOST_TEST(group_merged);
    const Cell* no = year->find(3, 0);
    BOOST_REQUIRE(no);
    BOOST_TEST(no->value.text == "No");
}

BOOST_AUTO_TEST_SUITE_END()
