#include "cli/command_line.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <set>

#include "cli/commands.hpp"
#include "cli/help.hpp"

namespace kinerja::cli {

namespace {

// Every help request, `kinerja -h` as well as `kinerja formulas list --help`, prints the page
// of cli/help.cpp for the top-level command it was made in, in the chosen language.
class HelpPages : public CLI::FormatterBase {
public:
    explicit HelpPages(Lang lang) : lang_(lang) {}
    std::string make_help(const CLI::App* app, std::string, CLI::AppFormatMode) const override {
        while (app->get_parent() && app->get_parent()->get_parent()) app = app->get_parent();
        return help(app->get_parent() ? app->get_name() : "", lang_);
    }

private:
    Lang lang_;
};

// "kinerja fill" when the line chose fill, "kinerja" before any command: where --help helps.
std::string command_of(const CLI::App& app) {
    auto chosen = app.get_subcommands();
    return chosen.empty() ? "kinerja" : "kinerja " + chosen.front()->get_name();
}

// CLI11 2.1 reads `--x=` as `--x` whose value is still to come (so it takes the next
// argument), and `-o=FILE` as the value "=FILE". Spelled out, both mean what they say.
std::vector<std::string> spelled_out(const std::vector<std::string>& args) {
    std::vector<std::string> out;
    bool options = true;
    for (const std::string& a : args) {
        options = options && a != "--";
        if (options && a.size() > 3 && a.starts_with("--") && a.find('=') == a.size() - 1) {
            out.push_back(a.substr(0, a.size() - 1));
            out.emplace_back();
        } else if (options && a.size() > 2 && a[0] == '-' && a[1] != '-' && a[2] == '=') {
            out.push_back(a.substr(0, 2));
            out.push_back(a.substr(3));
        } else {
            out.push_back(a);
        }
    }
    return out;
}

// The options may_be_empty() lets through with an empty value.
std::set<const CLI::Option*>& empty_allowed() {
    static std::set<const CLI::Option*> options;
    return options;
}

Message missing_value(const std::string& option, const std::string& command) {
    return {"opsi " + option + " perlu nilai (lihat " + command + " --help)",
            "option " + option + " needs a value (see " + command + " --help)"};
}

// `--data=` is spelled out as `--data ""`: for most options that is no value at all.
void reject_empty_values(const CLI::App& app) {
    const std::string see = command_of(app);
    for (const CLI::App* at = &app; at;) {
        for (const CLI::Option* option : at->get_options()) {
            if (option->get_positional() || option->get_items_expected_min() == 0 ||
                empty_allowed().count(option))
                continue;
            for (const std::string& value : option->results())
                if (value.empty()) throw UsageError(missing_value(option->get_name(), see));
        }
        auto chosen = at->get_subcommands();
        at = chosen.empty() ? nullptr : chosen.front();
    }
}

// The flag (an option without a value) that CLI11's message `what` names, "" if none does.
std::string flag_named_in(const CLI::App& app, const std::string& what) {
    for (const CLI::App* at = &app; at;) {
        for (const CLI::Option* option : at->get_options())
            if (!option->get_positional() && option->get_items_expected_min() == 0 &&
                what.find(option->get_name()) != std::string::npos)
                return option->get_name();
        auto chosen = at->get_subcommands();
        at = chosen.empty() ? nullptr : chosen.front();
    }
    return "";
}

// CLI11's ArgumentMismatch says "--data: 1 required TEXT missing": the option comes first.
std::string option_named_in(const std::string& what) {
    return what.substr(0, what.find_first_of(": "));
}

// Words CLI11 kept because no option or argument of the command takes them (configure()
// allows extras so that they reach us rather than CLI11's English ExtrasError). Within a
// command an unknown option is named first: the word after it is often its value, stray
// only because of it. Before any command, the first word is the mistake.
void reject_leftovers(const CLI::App& app) {
    const std::string see = command_of(app);
    for (const CLI::App* at = &app; at;) {
        for (const std::string& word : at->remaining()) {
            if (word == "--" || (at != &app && !word.starts_with("-"))) continue;
            if (!word.starts_with("-")) break;
            std::string option = word.substr(0, word.find('='));
            throw UsageError({"opsi tidak dikenal: " + option + " (lihat " + see + " --help)",
                              "unknown option: " + option + " (see " + see + " --help)"});
        }
        for (const std::string& word : at->remaining()) {
            if (word == "--") continue;
            if (at == &app)
                throw UsageError({"perintah tidak dikenal: " + word + " (lihat kinerja --help)",
                                  "unknown command: " + word + " (see kinerja --help)"});
            throw UsageError({"argumen tidak terduga: " + word + " (lihat " + see + " --help)",
                              "unexpected argument: " + word + " (see " + see + " --help)"});
        }
        auto chosen = at->get_subcommands();
        at = chosen.empty() ? nullptr : chosen.front();
    }
}

// CLI11's own complaint in our words, naming the option.
Message complaint(const CLI::App& app, const CLI::ParseError& e) {
    const std::string see = " (lihat " + command_of(app) + " --help)";
    const std::string see_en = " (see " + command_of(app) + " --help)";
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e))
        return missing_value(option_named_in(e.what()), command_of(app));
    // Values are kept as text (configure()): only a flag given a value such as
    // `--force=maybe` fails to convert. `--force=true` and `--force=0` are read.
    std::string flag = flag_named_in(app, e.what());
    if (dynamic_cast<const CLI::ConversionError*>(&e) && !flag.empty())
        return {"opsi " + flag + " tidak memakai nilai" + see,
                "option " + flag + " takes no value" + see_en};
    return {std::string("argumen tidak dapat dibaca: ") + e.what() + see,
            std::string("cannot read the arguments: ") + e.what() + see_en};
}

}  // namespace

void take_language(std::vector<std::string>& args, Lang& lang) {
    std::vector<std::string> rest;
    bool options = true;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        options = options && a != "--";
        if (!options || (a != "--lang" && !a.starts_with("--lang="))) {
            rest.push_back(a);
            continue;
        }
        if (a == "--lang" && i + 1 == args.size())
            throw UsageError(
                {"opsi --lang perlu nilai: id atau en", "option --lang needs a value: id or en"});
        std::string value = a == "--lang" ? args[++i] : a.substr(7);
        if (value != "id" && value != "en")
            throw UsageError({"--lang harus id atau en, bukan \"" + value + "\"",
                              "--lang must be id or en, not \"" + value + "\""});
        lang = value == "en" ? Lang::en : Lang::id;
    }
    args = std::move(rest);
}

void may_be_empty(const CLI::Option* option) {
    empty_allowed().insert(option);
}

void configure(CLI::App& app, Lang lang) {
    app.formatter(std::make_shared<HelpPages>(lang));
    app.set_version_flag("--version", std::string("kinerja ") + KINERJA_VERSION);
    app.require_subcommand(0, 1);  // so a command's argument may be another command's name
    app.allow_extras();
    // Option values are kept as text and checked by each command, with its own message:
    // CLI11 converts only flags (complaint() names one given a value it cannot read).
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

std::optional<int> parse(CLI::App& app, std::vector<std::string> args) {
    args = spelled_out(args);
    std::reverse(args.begin(), args.end());  // CLI11 takes the vector last argument first
    try {
        app.parse(args);
    } catch (const CLI::CallForHelp&) {
        std::fputs(app.help().c_str(), stdout);
        return exit_ok;
    } catch (const CLI::CallForVersion& e) {
        std::printf("%s\n", e.what());
        return exit_ok;
    } catch (const CLI::ParseError& e) {
        throw UsageError(complaint(app, e));
    }
    reject_leftovers(app);
    reject_empty_values(app);
    return std::nullopt;
}

}  // namespace kinerja::cli
