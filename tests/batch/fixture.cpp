#include "batch/fixture.hpp"

#include <cmath>
#include <memory>

namespace kinerja::test {

namespace fs = std::filesystem;

const province::Unit* ProvinceRun::unit(const std::string& kode) const {
    for (const auto& u : units)
        if (u.kode == kode) return &u;
    return nullptr;
}

std::vector<std::string> batch_args(const ProvinceRun& p, const fs::path& out,
                                    std::vector<std::string> extra) {
    std::vector<std::string> args{"batch",
                                  "--template",
                                  p.template_file().string(),
                                  "--data",
                                  p.data_file().string(),
                                  "--out",
                                  out.string(),
                                  "-j",
                                  "2"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

const ProvinceRun& province_run() {
    static std::unique_ptr<ProvinceRun> run = [] {
        auto p = std::make_unique<ProvinceRun>();
        Catalogue catalogue = load_catalogue(default_formulas_dir() / "indikator.toml");
        province::write_template(p->template_file(), catalogue);
        p->units = province::make_units(province_units);
        province::write_data_csv(p->data_file(), p->units, province_faults);
        p->first = run_cli(batch_args(*p, p->out()));
        return p;
    }();
    return *run;
}

bool is_dash(const CellValue& v) {
    return v.kind == CellValue::Kind::text && v.text == "-";
}

double number(const CellValue& v) {
    return v.kind == CellValue::Kind::number ? v.number : NAN;
}

RekapSheet read_rekap_sheet(const Workbook& rekap, const std::string& name) {
    RekapSheet out;
    const Sheet* sheet = rekap.sheet(name);
    if (!sheet) return out;
    Catalogue catalogue = load_catalogue(default_formulas_dir() / "indikator.toml");
    for (const Cell& c : sheet->cells) {
        if (c.row == 3 && c.value.kind == CellValue::Kind::text) {
            out.header_col[c.value.text] = c.col;
            for (const Indicator& ind : catalogue.indicators)
                if (c.value.text.rfind(ind.name + " (", 0) == 0) out.indicator_col[ind.id] = c.col;
        }
    }
    std::map<std::uint32_t, std::string> keys, labels;
    for (const Cell& c : sheet->cells) {
        if (c.row >= 5 && c.col == 1 && c.value.kind == CellValue::Kind::text) {
            if (c.value.text.rfind("S", 0) == 0 && c.value.text.size() == 4)
                keys[c.row] = c.value.text;
            else
                labels[c.row] = c.value.text;
        }
    }
    for (const Cell& c : sheet->cells) {
        if (auto k = keys.find(c.row); k != keys.end()) out.rows[k->second][c.col] = c.value;
        if (auto l = labels.find(c.row); l != labels.end()) out.stats[l->second][c.col] = c.value;
    }
    return out;
}

}  // namespace kinerja::test
