// kinerja: the command line. It parses arguments, calls the engine and prints.
// Everything it does is available from the engine library too.
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <string>

#include "cli/commands.hpp"
#include "cli/help.hpp"

namespace kinerja::cli {

void complain(const Message& message, Lang lang) {
    std::fprintf(stderr, "kinerja: %s\n", message.in(lang).c_str());
}

}  // namespace kinerja::cli

namespace {

using namespace kinerja;

struct Command {
    const char* name;
    int (*run)(const cli::Args&, Lang);
};

constexpr Command commands[] = {
    {"fill", cli::fill},   {"validate", cli::validate}, {"inspect", cli::inspect}, {"new", cli::new_workbook},
    {"eval", cli::eval},   {"formulas", cli::formulas}, {"batch", cli::batch},
    {"rekap", cli::rekap},
};

}  // namespace

int main(int argc, char** argv) {
    // Deliberately no setlocale(): libxlsxwriter would write "92,5" under an
    // Indonesian LC_NUMERIC and Excel would reject the file.
    Lang lang = Lang::id;
    cli::Args args;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--lang" && i + 1 < argc) {
            lang = std::strcmp(argv[++i], "en") == 0 ? Lang::en : Lang::id;
        } else if (arg.rfind("--lang=", 0) == 0) {
            lang = arg.substr(7) == "en" ? Lang::en : Lang::id;
        } else {
            args.push_back(std::move(arg));
        }
    }
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::fputs(cli::help(args.size() > 1 ? args[1] : "", lang).c_str(), stdout);
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        std::printf("kinerja %s\n", KINERJA_VERSION);
        return 0;
    }
    for (const auto& command : commands) {
        if (args[0] != command.name) continue;
        cli::Args rest(args.begin() + 1, args.end());
        for (const auto& a : rest) {
            if (a == "--help" || a == "-h") {
                std::fputs(cli::help(command.name, lang).c_str(), stdout);
                return 0;
            }
        }
        try {
            return command.run(rest, lang);
        } catch (const InputError& e) {
            std::fprintf(stderr, "kinerja: %s\n", e.describe(lang).c_str());
            return 2;
        } catch (const OutputError& e) {
            std::fprintf(stderr, "kinerja: %s\n", e.describe(lang).c_str());
            return 2;
        } catch (const std::filesystem::filesystem_error& e) {
            cli::complain({std::string("tidak dapat menulis keluaran: ") + e.what(),
                           std::string("cannot write the output: ") + e.what()},
                          lang);
            return 2;
        } catch (const std::exception& e) {
            // The engine reports every expected failure itself; this is the last guard.
            cli::complain({std::string("kesalahan internal: ") + e.what(),
                           std::string("internal error: ") + e.what()},
                          lang);
            return 2;
        }
    }
    cli::complain({"perintah tidak dikenal: " + args[0] + " (lihat kinerja --help)",
                   "unknown command: " + args[0] + " (see kinerja --help)"},
                  lang);
    return 2;
}
