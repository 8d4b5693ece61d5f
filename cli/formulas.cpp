// kinerja eval 'EXPR' name=value ...     a calculator for template designers
// kinerja formulas check [PATH]          compiler-style check of the catalogue and settings
// kinerja formulas list [PATH] [--json]  the indicators and their variables
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>

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

int check(const std::string& path, Lang lang) {
    fs::path target = path.empty() ? default_formulas_dir() : fs::path(path);
    fs::path catalogue_file, settings_file;
    std::error_code ec;
    if (fs::is_directory(target, ec)) {
        catalogue_file = target / "indikator.toml";
        if (fs::exists(target / "pengaturan.toml", ec)) settings_file = target / "pengaturan.toml";
    } else if (!fs::exists(target, ec)) {
        throw UsageError({"tidak ditemukan: " + target.string(), "not found: " + target.string()});
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
        return exit_ok;
    }
    if (lang == Lang::en) {
        std::printf("%s: %d error(s), %d warning(s)\n", summary.c_str(), tally.errors,
                    tally.warnings);
    } else {
        std::printf("%s: %d galat, %d peringatan\n", summary.c_str(), tally.errors, tally.warnings);
    }
    return exit_findings;
}

int list(const std::string& path, bool json, Lang lang) {
    fs::path file = path.empty() ? default_formulas_dir() / "indikator.toml" : fs::path(path);
    std::error_code ec;
    if (fs::is_directory(file, ec)) file /= "indikator.toml";
    CatalogueCheck checked = check_catalogue(file);
    if (!checked.usable()) {
        for (const auto& d : checked.diagnostics)
            std::fputs(format_diagnostic(d, lang).c_str(), stderr);
        return exit_findings;
    }
    const auto& indicators = checked.catalogue.indicators;
    if (json) {
        std::printf("%s\n", catalogue_json(checked.catalogue).c_str());
        return exit_ok;
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
    return exit_ok;
}

int calculate(const std::vector<std::string>& words, const std::string& settings_path) {
    if (words.empty())
        throw UsageError({"pemakaian: kinerja eval 'RUMUS' nama=nilai ...",
                          "usage: kinerja eval 'FORMULA' name=value ..."});
    std::map<std::string, double> values;
    for (std::size_t i = 1; i < words.size(); ++i) {
        const std::string& arg = words[i];
        std::size_t eq = arg.find('=');
        std::optional<double> value;
        if (eq != std::string::npos && eq > 0) value = parse_value(arg.substr(eq + 1));
        if (!value)
            throw UsageError(
                {"nilai tidak sah '" + arg + "': tulis nama=angka, misalnya a=92.5 atau a=-",
                 "invalid value '" + arg + "': write name=number, e.g. a=92.5 or a=-"});
        values[arg.substr(0, eq)] = *value;
    }
    Settings settings = settings_from(settings_path);
    double result = evaluate_expression(words.front(), values, settings.turun);
    std::printf("%s\n", format_value(result).c_str());
    return exit_ok;
}

}  // namespace

Run eval(CLI::App& command) {
    struct Options {
        std::vector<std::string> words;  // the formula, then name=value ...
        std::string settings;
    };
    auto o = std::make_shared<Options>();
    command.add_option("words", o->words);
    command.add_option("--pengaturan", o->settings);
    return [o](Lang) { return calculate(o->words, o->settings); };
}

Run formulas(CLI::App& command) {
    struct Options {
        std::vector<std::string> check_paths, list_paths;
        bool json = false;
    };
    auto o = std::make_shared<Options>();
    CLI::App* check_command = command.add_subcommand("check");
    check_command->add_option("path", o->check_paths);
    CLI::App* list_command = command.add_subcommand("list");
    list_command->add_option("path", o->list_paths);
    list_command->add_flag("--json", o->json);
    return [o, check_command, list_command](Lang lang) {
        if (check_command->parsed())
            return check(at_most_one(o->check_paths, "jalur", "paths"), lang);
        if (list_command->parsed())
            return list(at_most_one(o->list_paths, "jalur", "paths"), o->json, lang);
        throw UsageError(
            {"pemakaian: kinerja formulas check [PATH] | kinerja formulas list [PATH] [--json]",
             "usage: kinerja formulas check [PATH] | kinerja formulas list [PATH] [--json]"});
    };
}

}  // namespace kinerja::cli
