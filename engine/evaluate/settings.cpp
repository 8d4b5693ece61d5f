// Template settings (formulas/pengaturan.toml and each template's own overrides).
#include <algorithm>

#include "evaluate/catalogue_internal.hpp"
#include "evaluate/toml_reader.hpp"

namespace kinerja {

using namespace evaluate_detail;

namespace {

class SettingsReader {
public:
    SettingsReader(const SourceFile& file, std::vector<Diagnostic>& out, Settings settings,
                   const Catalogue* catalogue)
        : toml_(file, out), build_(toml_), settings_(std::move(settings)), catalogue_(catalogue) {}

    Settings read() {
        auto root = toml_.parse();
        if (!root) return settings_;
        toml_.check_keys(*root, {"capaian", "pembulatan", "kategori", "skala", "konstanta"},
                         "berkas pengaturan");
        if (const toml::table* t = section(*root, "capaian")) capaian(*t);
        // Only the keys present change: a template may set just the decimals.
        if (const toml::table* t = section(*root, "pembulatan"))
            read_rounding(toml_, build_, *t, settings_.rounding);
        if (const toml::table* t = section(*root, "skala")) scales(*t);
        if (const toml::table* t = section(*root, "kategori")) kategori(*t);
        if (const toml::table* t = section(*root, "konstanta")) constants(*t);
        return settings_;
    }

private:
    const toml::table* section(const toml::table& root, const char* key) {
        const toml::node* node = root.get(key);
        if (!node) return nullptr;
        const toml::table* t = node->as_table();
        if (!t)
            toml_.error(*node, {std::string("[") + key + "] harus berupa tabel",
                                std::string("[") + key + "] must be a table"});
        return t;
    }

    void capaian(const toml::table& t) {
        toml_.check_keys(t, {"turun", "batas_atas"}, "[capaian]");
        for (const char* key : {"turun", "batas_atas"})
            if (const toml::node* value = t.get(key))
                build_.set(settings_, key, toml_.entry(*value));
    }

    void scales(const toml::table& t) {
        for (const auto& [name, node] : toml_.in_file_order(t)) {
            const toml::array* bands = node->as_array();
            if (!bands || bands->empty()) {
                toml_.error(*node, {"skala '" + name + "' harus berupa daftar kategori",
                                    "scale '" + name + "' must be a list of categories"});
                continue;
            }
            KategoriScale scale;
            scale.name = name;
            bool ok = true;
            for (std::size_t i = 0; i < bands->size(); ++i) {
                const toml::table* band = (*bands)[i].as_table();
                if (!band) {
                    toml_.error(
                        (*bands)[i],
                        {"kategori harus { kode = ..., di_atas = ..., keterangan = ... }",
                         "a category must be { kode = ..., di_atas = ..., keterangan = ... }"});
                    ok = false;
                    continue;
                }
                ok = add_band(scale, *band, i + 1 == bands->size()) && ok;
            }
            if (ok) settings_.scales[name] = std::move(scale);
        }
    }

    bool add_band(KategoriScale& scale, const toml::table& band, bool last) {
        toml_.check_keys(band, {"kode", "di_atas", "keterangan"}, "kategori");
        KategoriBand b;
        b.kode = toml_.string(band, "kode", true, band).value_or("");
        b.keterangan = toml_.string(band, "keterangan", false, band).value_or("");
        if (const toml::node* above = band.get("di_atas")) {
            auto value = toml_.number(*above);
            if (!value) return false;
            if (!scale.bands.empty() && *value >= *scale.bands.back().above) {
                toml_.error(*above,
                            {"batas 'di_atas' harus makin kecil dari kategori sebelumnya",
                             "'di_atas' must decrease from the previous category"},
                            value_length(*above));
                return false;
            }
            b.above = value;
        }
        if (last == b.above.has_value()) {
            toml_.error(
                band,
                last ? Message{"kategori terakhir tidak memakai 'di_atas' (ia menampung sisanya)",
                               "the last category has no 'di_atas' (it takes the rest)"}
                     : Message{"hanya kategori terakhir yang boleh tanpa 'di_atas'",
                               "only the last category may omit 'di_atas'"});
            return false;
        }
        scale.bands.push_back(std::move(b));
        return !scale.bands.back().kode.empty();
    }

    void kategori(const toml::table& t) {
        toml_.check_keys(t, {"skala"}, "[kategori]");
        if (const toml::node* name = t.get("skala"))
            build_.set(settings_, "skala", toml_.entry(*name));
    }

    void constants(const toml::table& t) {
        for (const auto& [id, node] : toml_.in_file_order(t)) {
            const toml::table* values = node->as_table();
            if (!values) {
                toml_.error(*node, {"[konstanta.\"" + id + "\"] harus berupa tabel nama = nilai",
                                    "[konstanta.\"" + id + "\"] must be a table of name = value"});
                continue;
            }
            const Indicator* ind = catalogue_ ? catalogue_->find(id) : nullptr;
            if (catalogue_ && !ind) {
                toml_.error(*node, {"indikator '" + id + "' tidak ada di katalog",
                                    "indicator '" + id + "' is not in the catalogue"});
                continue;
            }
            for (const auto& [name, value] : toml_.in_file_order(*values)) {
                // A structured binding is captured through a named reference: clang 14 does
                // not capture bindings yet (C++20 P1091).
                if (ind && std::none_of(ind->constants.begin(), ind->constants.end(),
                                        [&n = name](const Constant& c) { return c.name == n; })) {
                    toml_.error(*value,
                                {"indikator '" + id + "' tidak punya konstanta '" + name + "'",
                                 "indicator '" + id + "' has no constant '" + name + "'"});
                    continue;
                }
                if (auto number = toml_.number(*value)) settings_.constants[id][name] = *number;
            }
        }
    }

    TomlReader toml_;
    CatalogueBuilder build_;
    Settings settings_;
    const Catalogue* catalogue_;
};

}  // namespace

SettingsCheck check_settings_text(std::string_view text, const std::string& file_name,
                                  const Settings& base, const Catalogue* catalogue) {
    SettingsCheck result;
    SourceFile file(file_name, std::string(text));
    SettingsReader reader(file, result.diagnostics, base, catalogue);
    result.settings = reader.read();
    return result;
}

SettingsCheck check_settings(const std::filesystem::path& file, const Settings& base,
                             const Catalogue* catalogue) {
    return check_settings_text(read_text_file(file), file.string(), base, catalogue);
}

Settings load_settings(const std::filesystem::path& file, const Settings& base) {
    SettingsCheck check = check_settings(file, base);
    for (const auto& d : check.diagnostics) {
        if (d.severity != Severity::error) continue;
        throw InputError(file.string(), "baris " + std::to_string(d.line),
                         {d.message.id + " (jalankan: kinerja formulas check)",
                          d.message.en + " (run: kinerja formulas check)"});
    }
    return std::move(check.settings);
}

}  // namespace kinerja
