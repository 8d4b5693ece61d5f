// A generated province for the batch test and benchmark: a regional template made from
// templates/capaian-kinerja.xlsx holding a set of catalogue indicators with their targets,
// and per satker the raw inputs of every indicator for TW I-IV. The expected figures are
// worked out here with plain arithmetic, independently of the engine.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "evaluate/evaluate.hpp"
#include "read/read.hpp"
#include "write/write.hpp"

namespace kinerja::province {

namespace fs = std::filesystem;

using Inputs = std::map<std::string, double>;

struct IndicatorSpec {
    std::string id;
    double target;
    std::vector<std::string> vars;
    std::vector<std::string> last_vars;  // combined over triwulan by taking the last one
    std::function<double(const Inputs&)> realisasi;  // unrounded; NaN when undefined
    bool turun = false;
    bool round_half = false;  // ROUND instead of TRUNC to 2 decimals
};

inline double pct(double a, double b) {
    return b == 0 ? NAN : a / b * 100;
}

inline const std::vector<IndicatorSpec>& indicators() {
    static const std::vector<IndicatorSpec> list = {
        {"perawatan.makanan",
         100,
         {"terpenuhi", "jumlah_wbp"},
         {},
         [](const Inputs& v) { return pct(v.at("terpenuhi"), v.at("jumlah_wbp")); }},
        {"perawatan.hiv_tb",
         90,
         {"hiv_tersupresi", "jumlah_hiv", "tb_sembuh", "jumlah_tb"},
         {},
         [](const Inputs& v) {
             return (pct(v.at("hiv_tersupresi"), v.at("jumlah_hiv")) +
                     pct(v.at("tb_sembuh"), v.at("jumlah_tb"))) /
                    2;
         }},
        {"tahanan.overstaying",
         60,
         {"overstaying_sebelumnya", "overstaying_sekarang"},
         {"overstaying_sebelumnya", "overstaying_sekarang"},
         [](const Inputs& v) {
             return pct(v.at("overstaying_sebelumnya") - v.at("overstaying_sekarang"),
                        v.at("overstaying_sebelumnya"));
         }},
        {"pembinaan.remisi",
         90,
         {"mendapat_remisi", "memenuhi_syarat"},
         {},
         [](const Inputs& v) { return pct(v.at("mendapat_remisi"), v.at("memenuhi_syarat")); }},
        {"pembinaan.ikrar_nkri",
         40,
         {"menyatakan_setia"},
         {},
         [](const Inputs& v) { return v.at("menyatakan_setia"); }},
        {"keamanan.gangguan_dicegah",
         100,
         {"dicegah", "jumlah_gangguan"},
         {},
         [](const Inputs& v) { return pct(v.at("dicegah"), v.at("jumlah_gangguan")); }},
        {"manajemen.dokumen_perencanaan",
         4,
         {"layanan"},
         {"layanan"},
         [](const Inputs& v) { return v.at("layanan"); }},
        {"bapas.pelanggaran_pb",
         5,
         {"melanggar", "klien_pb"},
         {},
         [](const Inputs& v) { return pct(v.at("melanggar"), v.at("klien_pb")); },
         true},
        {"anggaran.penyerapan",
         95,
         {"realisasi_anggaran", "pagu"},
         {"pagu"},
         [](const Inputs& v) { return pct(v.at("realisasi_anggaran"), v.at("pagu")); },
         false,
         true},
    };
    return list;
}

// Two decimals as the documents show them. Safe here: inputs are whole numbers, so a
// result is never within 1e-7 of a boundary unless it is exactly on it.
inline double trunc2(double x) {
    return std::floor(x * 100 + 1e-7) / 100;
}
inline double round2(double x) {
    return std::floor(x * 100 + 0.5 + 1e-7) / 100;
}

struct Expected {
    double realisasi = NAN, capaian = NAN;
    std::string kategori;
};

inline std::string lkjip_kategori(double c) {
    if (std::isnan(c)) return "";
    return c > 85 ? "AA" : c > 75 ? "A" : c > 65 ? "B" : c > 50 ? "CC" : c > 30 ? "C" : "D";
}

struct Unit {
    std::string kode, nama;
    // indicator id -> variable -> TW (0..3) -> value
    std::map<std::string, std::map<std::string, std::array<double, 4>>> values;
};

// Cumulative figures up to TW `last` (0..3), worked out by hand.
inline Expected expected(const IndicatorSpec& spec, const Unit& unit, int last) {
    auto found = unit.values.find(spec.id);
    Expected e;
    if (found == unit.values.end()) return e;
    Inputs in;
    for (const std::string& var : spec.vars) {
        auto v = found->second.find(var);
        if (v == found->second.end()) return e;  // a missing variable: nothing computed
        bool is_last =
            std::find(spec.last_vars.begin(), spec.last_vars.end(), var) != spec.last_vars.end();
        double total = 0;
        for (int tw = 0; tw <= last; ++tw) total += v->second[tw];
        in[var] = is_last ? v->second[last] : total;
    }
    double raw = spec.realisasi(in);
    if (std::isnan(raw)) return e;
    e.realisasi = spec.round_half ? round2(raw) : trunc2(raw);
    double c = spec.turun ? std::max(0.0, (2 * spec.target - e.realisasi) / spec.target * 100)
                          : e.realisasi / spec.target * 100;
    e.capaian = spec.round_half ? round2(c) : trunc2(c);  // the indicator's rounding, both
    e.kategori = lkjip_kategori(e.capaian);
    return e;
}

// A small deterministic generator (splitmix64), so every run makes the same province.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int between(int low, int high) { return low + static_cast<int>(next() % (high - low + 1)); }

private:
    std::uint64_t state_;
};

inline std::string kode_of(int i) {
    char text[16];
    std::snprintf(text, sizeof text, "S%03d", i + 1);
    return text;
}

inline std::vector<Unit> make_units(int count, std::uint64_t seed = 2025) {
    Random r(seed);
    std::vector<Unit> units;
    for (int i = 0; i < count; ++i) {
        Unit u;
        u.kode = kode_of(i);
        u.nama = "LAPAS KELAS IIA WILAYAH " + std::to_string(i + 1);
        for (int tw = 0; tw < 4; ++tw) {
            auto share = [&](const std::string& id, const char* part, const char* whole, int low,
                             int high, int pct_low) {
                int total = r.between(low, high);
                u.values[id][whole][tw] = total;
                u.values[id][part][tw] = total * r.between(pct_low, 100) / 100;
            };
            share("perawatan.makanan", "terpenuhi", "jumlah_wbp", 300, 900, 70);
            share("perawatan.hiv_tb", "hiv_tersupresi", "jumlah_hiv", 3, 12, 40);
            share("perawatan.hiv_tb", "tb_sembuh", "jumlah_tb", 2, 10, 30);
            share("pembinaan.remisi", "mendapat_remisi", "memenuhi_syarat", 50, 200, 55);
            share("keamanan.gangguan_dicegah", "dicegah", "jumlah_gangguan", 5, 30, 20);
            share("bapas.pelanggaran_pb", "melanggar", "klien_pb", 40, 150, 0);
            u.values["bapas.pelanggaran_pb"]["melanggar"][tw] = std::floor(
                u.values["bapas.pelanggaran_pb"]["klien_pb"][tw] * r.between(0, 8) / 100);
            int before = r.between(10, 40);
            u.values["tahanan.overstaying"]["overstaying_sebelumnya"][tw] = before;
            u.values["tahanan.overstaying"]["overstaying_sekarang"][tw] =
                before * r.between(10, 90) / 100;
            u.values["pembinaan.ikrar_nkri"]["menyatakan_setia"][tw] = r.between(0, 20);
            u.values["manajemen.dokumen_perencanaan"]["layanan"][tw] = r.between(1, 5);
            double pagu = 1000.0 * r.between(800'000, 3'000'000);
            u.values["anggaran.penyerapan"]["pagu"][tw] =
                tw == 0 ? pagu : u.values["anggaran.penyerapan"]["pagu"][0];
            u.values["anggaran.penyerapan"]["realisasi_anggaran"][tw] =
                std::floor(u.values["anggaran.penyerapan"]["pagu"][0] * r.between(150, 270) /
                           1000) +
                r.between(0, 999);
        }
        units.push_back(std::move(u));
    }
    return units;
}

struct Faults {
    std::string bad_number;   // a unit with a value "abc"
    std::string bad_periode;  // a unit with periode "TW5"
    std::string missing_var;  // a unit whose jumlah_wbp of perawatan.makanan is left out
    bool orphan_row = false;  // a row without a satker code
};

inline void write_data_csv(const fs::path& file, std::vector<Unit>& units, const Faults& f = {}) {
    std::ofstream out(file, std::ios::binary);
    out << "satker,satker_nama,indikator,variabel,periode,nilai\n";
    const char* tw_names[] = {"TW1", "TW2", "TW3", "TW4"};
    for (Unit& u : units) {
        if (u.kode == f.missing_var) u.values["perawatan.makanan"].erase("jumlah_wbp");
        bool first = true;
        for (const auto& [id, vars] : u.values)
            for (const auto& [var, tws] : vars)
                for (int tw = 0; tw < 4; ++tw) {
                    char number[32];
                    std::snprintf(number, sizeof number, "%.0f", tws[tw]);
                    std::string nilai = number, periode = tw_names[tw];
                    if (first && u.kode == f.bad_number) nilai = "abc";
                    if (first && u.kode == f.bad_periode) periode = "TW5";
                    first = false;
                    out << u.kode << ",\"" << u.nama << "\"," << id << "," << var << "," << periode
                        << "," << nilai << "\n";
                }
    }
    if (f.orphan_row) out << ",,perawatan.makanan,terpenuhi,TW1,5\n";
}

// templates/capaian-kinerja.xlsx with one row per indicator of indicators(): the official
// name, its unit and target, styled like the template's first data row.
inline void write_template(const fs::path& file, const Catalogue& catalogue) {
    Workbook wb =
        read_workbook(fs::path(KINERJA_SOURCE_DIR) / "templates" / "capaian-kinerja.xlsx");
    Sheet& sheet = *wb.sheet("Capaian Kinerja");
    constexpr std::uint32_t first = 5;
    std::map<std::uint32_t, std::uint32_t> styles;  // column -> style of the first data row
    for (const Cell& c : sheet.cells)
        if (c.row == first) styles[c.col] = c.style;
    std::erase_if(sheet.cells, [](const Cell& c) { return c.row >= first; });
    std::erase_if(sheet.merges, [](const CellRange& m) { return m.first_row >= first; });
    const auto& specs = indicators();
    auto last = first + static_cast<std::uint32_t>(specs.size()) - 1;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const Indicator* ind = catalogue.find(specs[i].id);
        auto row = first + static_cast<std::uint32_t>(i);
        for (auto [col, style] : styles) {
            Cell c;
            c.row = row;
            c.col = col;
            c.style = style;
            sheet.put(c);
        }
        auto set = [&](std::uint32_t col, CellValue v) {
            sheet.find(row, col)->value = std::move(v);
        };
        set(0, {CellValue::Kind::number, double(i + 1), ""});
        set(1, {CellValue::Kind::text, 0, "Sasaran " + ind->sasaran});
        set(2, {CellValue::Kind::text, 0, ind->name});
        set(3, {CellValue::Kind::text, 0, ind->units.front()});
        set(4, {CellValue::Kind::number, specs[i].target, ""});
    }
    for (auto& cf : sheet.conditional_formats)
        for (auto& r : cf.ranges) r.last_row = last;
    for (auto& v : sheet.validations)
        for (auto& r : v.ranges) r.last_row = last;
    // The fill writes --data inputs into a Data sheet whose header it expects on the first
    // row; the template's own Data sheet has its header on row 4 (a title above), which the
    // fill does not handle yet (reported). Without it, the fill adds its own Data sheet.
    std::erase_if(wb.sheets, [](const Sheet& s) { return s.name == "Data"; });
    write_workbook(wb, file);
}

}  // namespace kinerja::province
