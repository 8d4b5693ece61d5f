// kinerja: the command line. It parses arguments (CLI11, set up in cli/command_line.cpp),
// calls the engine and prints. Everything it does is available from the engine library too.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/help.hpp"
#include "evaluate/evaluate.hpp"
#include "serve/serve.hpp"

namespace kinerja::cli {

void complain(const Message& message, Lang lang) {
    std::fprintf(stderr, "kinerja: %s\n", message.in(lang).c_str());
}

std::string at_most_one(const std::vector<std::string>& given, const std::string& what_id,
                        const std::string& what_en) {
    if (given.size() > 1)
        throw UsageError({"terlalu banyak " + what_id + ": " + given[1],
                          "too many " + what_en + ": " + given[1]});
    return given.empty() ? "" : given.front();
}

}  // namespace kinerja::cli

namespace {

using namespace kinerja;

struct Command {
    const char* name;
    cli::Run (*declare)(CLI::App&);
};

constexpr Command commands[] = {
    {"fill", cli::fill},        {"validate", cli::validate}, {"inspect", cli::inspect},
    {"new", cli::new_workbook}, {"eval", cli::eval},         {"formulas", cli::formulas},
    {"batch", cli::batch},      {"rekap", cli::rekap},       {"serve", cli::serve},
};

// `kinerja help [COMMAND]`: the same page as `kinerja [COMMAND] --help`.
int help_page(const std::vector<std::string>& topic, Lang lang) {
    std::string name = cli::at_most_one(topic, "perintah", "commands");
    bool known = name.empty();
    for (const auto& command : commands) known = known || name == command.name;
    if (!known)
        throw cli::UsageError({"perintah tidak dikenal: " + name + " (lihat kinerja --help)",
                               "unknown command: " + name + " (see kinerja --help)"});
    std::fputs(cli::help(name, lang).c_str(), stdout);
    return cli::exit_ok;
}

int run(std::vector<std::string> args, Lang& lang) {
    cli::take_language(args, lang);
    if (args.empty()) {  // a bare `kinerja` is a usage error that shows the overview
        std::fputs(cli::help("", lang).c_str(), stdout);
        return cli::exit_usage;
    }
    CLI::App app{"kinerja", "kinerja"};
    cli::configure(app, lang);
    std::vector<std::pair<const CLI::App*, cli::Run>> runs;
    for (const auto& command : commands) {
        CLI::App* sub = app.add_subcommand(command.name);
        runs.emplace_back(sub, command.declare(*sub));
    }
    std::vector<std::string> topic;
    CLI::App* help = app.add_subcommand("help");
    help->add_option("command", topic);

    if (auto done = cli::parse(app, std::move(args))) return *done;
    if (help->parsed()) return help_page(topic, lang);
    for (const auto& [sub, command_run] : runs)
        if (sub->parsed()) return command_run(lang);
    std::fputs(cli::help("", lang).c_str(), stdout);  // options but no command: `kinerja --lang en`
    return cli::exit_usage;
}

// The one place that turns what went wrong into a message and an exit code.
int failed(Lang lang) {
    try {
        throw;
    } catch (const cli::UsageError& e) {
        cli::complain(e.message(), lang);
        return cli::exit_usage;
    } catch (const FormulaError& e) {
        std::fputs(e.describe(lang).c_str(), stderr);  // compiler-style, with its own prefix
        return cli::exit_unusable;
    } catch (const InputError& e) {
        std::fprintf(stderr, "kinerja: %s\n", e.describe(lang).c_str());
        return cli::exit_unusable;
    } catch (const OutputError& e) {
        std::fprintf(stderr, "kinerja: %s\n", e.describe(lang).c_str());
        return cli::exit_unusable;
    } catch (const ServeError& e) {  // the service cannot start: address, tokens, jobs folder
        cli::complain(e.message(), lang);
        return cli::exit_unusable;
    } catch (const std::filesystem::filesystem_error& e) {
        cli::complain({std::string("tidak dapat menulis keluaran: ") + e.what(),
                       std::string("cannot write the output: ") + e.what()},
                      lang);
        return cli::exit_unusable;
    } catch (const std::exception& e) {
        // The engine reports every expected failure itself; this is the last guard.
        cli::complain({std::string("kesalahan internal: ") + e.what(),
                       std::string("internal error: ") + e.what()},
                      lang);
        return cli::exit_unusable;
    }
}

}  // namespace

int main(int argc, char** argv) {
    // Deliberately no setlocale(): libxlsxwriter would write "92,5" under an
    // Indonesian LC_NUMERIC and Excel would reject the file.
    Lang lang = Lang::id;
    try {
        return run(std::vector<std::string>(argv + 1, argv + argc), lang);
    } catch (...) {
        return failed(lang);
    }
}
