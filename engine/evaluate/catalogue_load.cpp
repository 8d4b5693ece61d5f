// Reading formulas/indikator.toml into a Catalogue. Structural problems (missing keys, wrong
// types, unknown keys) become diagnostics here; formula and name checks are in check.cpp.
#include <fstream>
#include <sstream>

#include "evaluate/catalogue_internal.hpp"
#include "evaluate/toml_reader.hpp"

namespace kinerja::evaluate_detail {

namespace {

constexpr std::uintmax_t max_file_size = 8 * 1024 * 1024;

class Loader {
public:
    Loader(const SourceFile& file, std::vector<Diagnostic>& out)
        : toml_(file, out), build_(toml_) {}

    Catalogue load() {
        Catalogue catalogue;
        catalogue.file = toml_.file().name();
        auto root = toml_.parse();
        if (!root) return catalogue;
        toml_.check_keys(*root, {"versi", "indikator"}, "berkas katalog");
        const toml::node* list = root->get("indikator");
        if (!list) return catalogue;
        const toml::array* array = list->as_array();
        if (!array) {
            toml_.error(*list, {"'indikator' harus berupa daftar [[indikator]]",
                                "'indikator' must be a list of [[indikator]] tables"});
            return catalogue;
        }
        for (const auto& element : *array) {
            if (const toml::table* table = element.as_table()) {
                catalogue.indicators.push_back(indicator(*table));
            } else {
                toml_.error(element, {"setiap indikator harus berupa tabel",
                                      "each indicator must be a table"});
            }
        }
        return catalogue;
    }

private:
    Indicator indicator(const toml::table& t) {
        Indicator ind;
        ind.at = toml_.where(t);
        toml_.check_keys(
            t,
            {"id", "nama", "varian", "satuan", "arah", "periode", "sasaran", "sumber", "catatan",
             "realisasi", "capaian", "pembulatan", "masukan", "turunan", "konstanta"},
            "[[indikator]]");
        field(t, "id", true, ind);
        field(t, "nama", true, ind);
        ind.variants = toml_.strings(t, "varian");
        ind.units = toml_.strings(t, "satuan");
        if (!t.get("satuan")) {
            toml_.error(t, {"kunci wajib 'satuan' tidak ada", "required key 'satuan' is missing"});
        }
        field(t, "arah", true, ind);
        field(t, "periode", true, ind);
        field(t, "sasaran", false, ind);
        ind.sources = toml_.strings(t, "sumber");
        field(t, "catatan", false, ind);
        field(t, "realisasi", true, ind);
        field(t, "capaian", false, ind);
        if (const toml::node* r = t.get("pembulatan")) ind.rounding = rounding(*r);
        if (const toml::node* m = t.get("masukan")) inputs(*m, ind);
        if (const toml::node* d = t.get("turunan")) derived(*d, ind);
        if (const toml::node* k = t.get("konstanta")) constants(*k, ind);
        return ind;
    }

    // A key whose value the builder reads; a required one missing is reported at the table.
    void field(const toml::table& t, const char* key, bool required, Indicator& ind) {
        if (const toml::node* value = t.get(key)) {
            build_.set(ind, key, toml_.entry(*value));
        } else if (required) {
            toml_.error(t, {std::string("kunci wajib '") + key + "' tidak ada",
                            std::string("required key '") + key + "' is missing"});
        }
    }

    std::optional<Rounding> rounding(const toml::node& node) {
        const toml::table* t = node.as_table();
        if (!t) {
            toml_.error(node, {"'pembulatan' harus berupa tabel { mode = ..., desimal = ... }",
                               "'pembulatan' must be a table { mode = ..., desimal = ... }"});
            return std::nullopt;
        }
        Rounding r;
        read_rounding(toml_, build_, *t, r);
        return r;
    }

    const toml::table* table_of(const toml::node& node, const char* key) {
        const toml::table* t = node.as_table();
        if (!t) {
            toml_.error(node,
                        {std::string("'") + key + "' harus berupa tabel [indikator." + key + "]",
                         std::string("'") + key + "' must be a table [indikator." + key + "]"});
        }
        return t;
    }

    void inputs(const toml::node& node, Indicator& ind) {
        const toml::table* t = table_of(node, "masukan");
        if (!t) return;
        for (const auto& [name, value] : toml_.in_file_order(*t)) {
            Variable v;
            v.name = name;
            v.at = toml_.where(*value);
            if (auto text = value->value<std::string>()) {
                v.description = *text;
            } else if (const toml::table* detail = value->as_table()) {
                toml_.check_keys(*detail, {"keterangan", "periode"}, "masukan");
                v.description = toml_.string(*detail, "keterangan", true, *value).value_or("");
                if (const toml::node* p = detail->get("periode"))
                    build_.set(v, "periode", toml_.entry(*p));
            } else {
                toml_.error(*value, {"masukan '" + name +
                                         "' harus berupa keterangan (teks) atau "
                                         "{ keterangan = ..., periode = ... }",
                                     "input '" + name +
                                         "' must be a description (text) or "
                                         "{ keterangan = ..., periode = ... }"});
            }
            ind.inputs.push_back(std::move(v));
        }
    }

    void derived(const toml::node& node, Indicator& ind) {
        const toml::table* t = table_of(node, "turunan");
        if (!t) return;
        for (const auto& [name, value] : toml_.in_file_order(*t)) {
            NamedFormula f;
            f.name = name;
            f.at = toml_.where(*value);
            if (auto text = value->value<std::string>()) {
                f.formula = *text;
            } else {
                toml_.error(*value, {"nilai turunan '" + name + "' harus berupa rumus (teks)",
                                     "derived value '" + name + "' must be a formula (text)"});
            }
            ind.derived.push_back(std::move(f));
        }
    }

    void constants(const toml::node& node, Indicator& ind) {
        const toml::table* t = table_of(node, "konstanta");
        if (!t) return;
        for (const auto& [name, value] : toml_.in_file_order(*t)) {
            Constant c;
            c.name = name;
            c.at = toml_.where(*value);
            if (auto number = toml_.number(*value)) c.value = *number;
            ind.constants.push_back(std::move(c));
        }
    }

    TomlReader toml_;
    CatalogueBuilder build_;
};

}  // namespace

void read_rounding(TomlReader& toml, CatalogueBuilder& build, const toml::table& t,
                   Rounding& rounding) {
    toml.check_keys(t, {"mode", "desimal"}, "pembulatan");
    // The builder calls the mode `pembulatan`, as the Rumus sheet does.
    if (const toml::node* mode = t.get("mode"))
        build.set(rounding, "pembulatan", toml.entry(*mode));
    if (const toml::node* d = t.get("desimal")) build.set(rounding, "desimal", toml.entry(*d));
}

std::string read_text_file(const std::filesystem::path& file) {
    std::error_code ec;
    auto size = std::filesystem::file_size(file, ec);
    if (ec) {
        throw InputError(file.string(), "",
                         {"berkas tidak dapat dibaca: " + ec.message(),
                          "cannot read the file: " + ec.message()});
    }
    if (size > max_file_size) {
        throw InputError(file.string(), "",
                         {"berkas terlalu besar untuk katalog (lebih dari 8 MB)",
                          "file too large for a catalogue (over 8 MB)"});
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) {
        throw InputError(file.string(), "", {"berkas tidak dapat dibaca", "cannot read the file"});
    }
    return text.str();
}

Catalogue read_catalogue(const SourceFile& file, std::vector<Diagnostic>& out) {
    Loader loader(file, out);
    return loader.load();
}

}  // namespace kinerja::evaluate_detail
