// The catalogue of indicators (formulas/indikator.toml) and the template settings
// (formulas/pengaturan.toml), read and checked with compiler-style diagnostics.
//
//     auto catalogue = kinerja::load_catalogue(kinerja::default_formulas_dir() / "indikator.toml");
//     auto settings = kinerja::load_settings(kinerja::default_formulas_dir() / "pengaturan.toml");
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate/diagnostic.hpp"
#include "evaluate/settings.hpp"

namespace kinerja {

struct Variable {
    std::string name;                     // terpenuhi
    std::string description;              // Jumlah pemenuhan layanan makanan
    std::optional<PeriodCombine> period;  // overrides the indicator's period combination
    SourceRef at;
};

struct NamedFormula {
    std::string name;
    std::string formula;
    SourceRef at;
};

struct Constant {
    std::string name;
    double value = 0;
    SourceRef at;
};

struct Indicator {
    std::string id;                     // "perawatan.makanan": stable, never renamed
    std::string name;                   // the official name
    std::vector<std::string> variants;  // known spellings
    std::vector<std::string> units;     // first is the main one: "%", "Layanan", "Unit", "m2"
    Direction direction = Direction::naik;
    PeriodCombine period = PeriodCombine::jumlah;
    std::string sasaran;  // the group, e.g. "perawatan"
    std::vector<Variable> inputs;
    std::vector<Constant> constants;
    std::vector<NamedFormula> derived;  // named intermediate values, usable in formulas
    std::string realisasi;              // formula
    std::string capaian;                // optional formula; empty = the template rule
    std::optional<Rounding> rounding;   // overrides the template's rounding
    std::string note;
    std::vector<std::string> sources;  // reference documents it appears in
    SourceRef at, realisasi_at, capaian_at;
};

struct Catalogue {
    std::string file;
    std::vector<Indicator> indicators;
    const Indicator* find(std::string_view id) const;
};

// The folder with indikator.toml and pengaturan.toml: $KINERJA_FORMULAS, else ./formulas,
// else the source tree's formulas/.
std::filesystem::path default_formulas_dir();

// Reads and checks a catalogue. Content problems become diagnostics, never exceptions.
struct CatalogueCheck {
    Catalogue catalogue;
    std::vector<Diagnostic> diagnostics;
    bool clean() const { return diagnostics.empty(); }
    bool usable() const;  // no errors (warnings allowed)
};
CatalogueCheck check_catalogue(const std::filesystem::path& file);
CatalogueCheck check_catalogue_text(std::string_view text, const std::string& file_name);
// Throws InputError naming the first error when the catalogue has errors.
Catalogue load_catalogue(const std::filesystem::path& file);

struct SettingsCheck {
    Settings settings;
    std::vector<Diagnostic> diagnostics;
    bool clean() const { return diagnostics.empty(); }
};
// A settings file overrides `base`: a template's own file only names what it changes.
// With `catalogue`, constant overrides must name its indicators and their constants.
SettingsCheck check_settings(const std::filesystem::path& file, const Settings& base = {},
                             const Catalogue* catalogue = nullptr);
SettingsCheck check_settings_text(std::string_view text, const std::string& file_name,
                                  const Settings& base = {}, const Catalogue* catalogue = nullptr);
Settings load_settings(const std::filesystem::path& file, const Settings& base = {});

// The catalogue as JSON, the TOML's words as keys ("id", "nama", "masukan", "arah", ...):
// what `kinerja formulas list --json` prints (catalogue_json.cpp).
std::string catalogue_json(const Catalogue& catalogue);

}  // namespace kinerja
