// kinerja eval 'EXPR' name=value ...     a calculator for template designers
// kinerja formulas check [PATH]          compiler-style check of the catalogue and settings
// kinerja formulas list [PATH] [--json]  the indicators and their variables
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "evaluate/evaluate.hpp"

namespace kinerja::cli {

namespace {

namespace fs = std::filesystem;

std::string format_value(double value) {
    if (is_na(value)) return "-";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.15g", value);
    return buffer;
}

// "92.5", "92,5" (Indonesian decimal comma), "-" or "NA" for not applicable.
std::optional<double> parse_value(std::string text) {
    if (text == "-" || text == "NA" || text == "na") return na;
    if (text.find(',') != std::string::npos && text.find('.') == std::string::npos) {
        text[text.find(',')] = '.';
    }
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);  // C locale: the CLI never sets one
    if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

int usage_error(const Message& message, Lang lang) {
    complain(message, lang);
    return 2;
}

// Reads a settings file next to the catalogue or given with --pengaturan; defaults otherwise.
Settings settings_from(const std::string& path) {
    if (!path.empty()) return load_settings(path);
    fs::path shipped = default_formulas_dir() / "pengaturan.toml";
    std::error_code ec;
    if (fs::exists(shipped, ec)) return load_settings(shipped);
    return Settings{};
}

bool is_catalogue_file(const fs::path& file) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.find("[[indikator]]") != std::string::npos) return true;
    }
    return false;
}

struct Tally {
    int errors = 0;
    int warnings = 0;
    void add(const std::vector<Diagnostic>& diagnostics, Lang lang) {
        for (const auto& d : diagnostics) {
            std::fputs(format_diagnostic(d, lang).c_str(), stdout);
            (d.severity == Severity::error ? errors : warnings)++;
        }
    }
};

int check(const std::vector<std::string>& paths, Lang lang) {
    fs::path target = paths.empty() ? default_formulas_dir() : fs::path(paths[0]);
    fs::path catalogue_file, settings_file;
    std::error_code ec;
    if (fs::is_directory(target, ec)) {
        catalogue_file = target / "indikator.toml";
        if (fs::exists(target / "pengaturan.toml", ec)) settings_file = target / "pengaturan.toml";
    } else if (!fs::exists(target, ec)) {
        return usage_error({"tidak ditemukan: " + target.string(), "not found: " + target.string()},
                           lang);
    } else if (is_catalogue_file(target)) {
        catalogue_file = target;
    } else {
        settings_file = target;
    }
    Tally tally;
    std::string summary;
    std::optional<CatalogueCheck> catalogue;
    if (!catalogue_file.empty()) {
        catalogue = check_catalogue(catalogue_file);
        tally.add(catalogue->diagnostics, lang);
        std::size_t n = catalogue->catalogue.indicators.size();
        summary = catalogue_file.string() + ": " + std::to_string(n) +
                  (lang == Lang::en ? " indicators" : " indikator");
    }
    if (!settings_file.empty()) {
        const Catalogue* known = catalogue ? &catalogue->catalogue : nullptr;
        SettingsCheck settings = check_settings(settings_file, Settings{}, known);
        tally.add(settings.diagnostics, lang);
        summary += (summary.empty() ? "" : "; ") + settings_file.string();
    }
    if (tally.errors == 0 && tally.warnings == 0) {
        std::printf("%s: %s\n", summary.c_str(), lang == Lang::en ? "clean" : "bersih");
        return 0;
    }
    if (lang == Lang::en) {
        std::printf("%s: %d error(s), %d warning(s)\n", summary.c_str(), tally.errors,
                    tally.warnings);
    } else {
        std::printf("%s: %d galat, %d peringatan\n", summary.c_str(), tally.errors, tally.warnings);
    }
    return 1;
}

nlohmann::json to_json(const Indicator& ind) {
    nlohmann::json j;
    j["id"] = ind.id;
    j["nama"] = ind.name;
    j["varian"] = ind.variants;
    j["satuan"] = ind.units;
    j["arah"] = word_of(ind.direction);
    j["periode"] = word_of(ind.period);
    j["sasaran"] = ind.sasaran;
    j["masukan"] = nlohmann::json::array();
    for (const auto& v : ind.inputs) {
        nlohmann::json input = {{"nama", v.name}, {"keterangan", v.description}};
        input["periode"] = word_of(v.period.value_or(ind.period));
        j["masukan"].push_back(input);
    }
    j["turunan"] = nlohmann::json::array();
    for (const auto& d : ind.derived)
        j["turunan"].push_back({{"nama", d.name}, {"rumus", d.formula}});
    j["konstanta"] = nlohmann::json::object();
    for (const auto& c : ind.constants) j["konstanta"][c.name] = c.value;
    j["realisasi"] = ind.realisasi;
    if (!ind.capaian.empty()) j["capaian"] = ind.capaian;
    if (ind.rounding) {
        j["pembulatan"] = {{"mode", word_of(ind.rounding->mode)},
                           {"desimal", ind.rounding->decimals}};
    }
    if (!ind.note.empty()) j["catatan"] = ind.note;
    j["sumber"] = ind.sources;
    return j;
}

int list(const std::vector<std::string>& paths, bool json, Lang lang) {
    fs::path file = paths.empty() ? default_formulas_dir() / "indikator.toml" : fs::path(paths[0]);
    std::error_code ec;
    if (fs::is_directory(file, ec)) file /= "indikator.toml";
    CatalogueCheck checked = check_catalogue(file);
    if (!checked.usable()) {
        for (const auto& d : checked.diagnostics)
            std::fputs(format_diagnostic(d, lang).c_str(), stderr);
        return 1;
    }
    const auto& indicators = checked.catalogue.indicators;
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& ind : indicators) out.push_back(to_json(ind));
        std::printf("%s\n", out.dump(2).c_str());
        return 0;
    }
    for (const auto& ind : indicators) {
        std::string units;
        for (const auto& u : ind.units) units += (units.empty() ? "" : "/") + u;
        std::printf("%s  [%s, %s, %s]\n  %s\n  realisasi = %s\n", ind.id.c_str(), units.c_str(),
                    word_of(ind.direction), word_of(ind.period), ind.name.c_str(),
                    ind.realisasi.c_str());
        for (const auto& d : ind.derived)
            std::printf("  %s = %s\n", d.name.c_str(), d.formula.c_str());
        for (const auto& v : ind.inputs) {
            std::printf("    %-26s %s\n", v.name.c_str(), v.description.c_str());
        }
        std::printf("\n");
    }
    std::printf(lang == Lang::en ? "%zu indicators\n" : "%zu indikator\n", indicators.size());
    return 0;
}

}  // namespace

int eval(const Args& args, Lang lang) {
    std::string expression, settings_path;
    bool have_expression = false;
    std::map<std::string, double> values;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--pengaturan" && i + 1 < args.size()) {
            settings_path = args[++i];
        } else if (!have_expression) {
            expression = arg;
            have_expression = true;
        } else {
            std::size_t eq = arg.find('=');
            std::optional<double> value;
            if (eq != std::string::npos && eq > 0) value = parse_value(arg.substr(eq + 1));
            if (!value) {
                return usage_error(
                    {"nilai tidak sah '" + arg + "': tulis nama=angka, misalnya a=92.5 atau a=-",
                     "invalid value '" + arg + "': write name=number, e.g. a=92.5 or a=-"},
                    lang);
            }
            values[arg.substr(0, eq)] = *value;
        }
    }
    if (!have_expression) {
        return usage_error({"pemakaian: kinerja eval 'RUMUS' nama=nilai ...",
                            "usage: kinerja eval 'FORMULA' name=value ..."},
                           lang);
    }
    try {
        Settings settings = settings_from(settings_path);
        double result = evaluate_expression(expression, values, settings.turun);
        std::printf("%s\n", format_value(result).c_str());
        return 0;
    } catch (const FormulaError& error) {
        std::fputs(error.describe(lang).c_str(), stderr);
        return 2;
    } catch (const InputError& error) {
        complain({error.describe(Lang::id), error.describe(Lang::en)}, lang);
        return 2;
    }
}

int formulas(const Args& args, Lang lang) {
    if (args.empty() || (args[0] != "check" && args[0] != "list")) {
        return usage_error(
            {"pemakaian: kinerja formulas check [PATH] | kinerja formulas list [PATH] [--json]",
             "usage: kinerja formulas check [PATH] | kinerja formulas list [PATH] [--json]"},
            lang);
    }
    std::vector<std::string> paths;
    bool json = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--json") {
            json = true;
        } else {
            paths.push_back(args[i]);
        }
    }
    try {
        return args[0] == "check" ? check(paths, lang) : list(paths, json, lang);
    } catch (const InputError& error) {
        complain({error.describe(Lang::id), error.describe(Lang::en)}, lang);
        return 2;
    }
}

}  // namespace kinerja::cli
