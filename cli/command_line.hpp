// What every command shares in reading its arguments: `--lang` in any position, one CLI11
// set-up (Kinerja's own help pages, the same `--x=v` / `--x v` spellings everywhere), and
// CLI11's complaints turned into bilingual usage errors that name the option.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/message.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace kinerja::cli {

// Takes every `--lang VALUE` and `--lang=VALUE` out of `args`, wherever it stands before a
// lone "--", and sets `lang` from each in turn, so that even a mistake found later is told
// in the chosen language. Throws UsageError for a missing value or one other than id and en.
void take_language(std::vector<std::string>& args, Lang& lang);

// Sets up the root `app` before its subcommands are added (they inherit all of it): the help
// pages of cli/help.cpp for -h/--help, --version, exactly one command, the last of a repeated
// option wins, and unknown words kept for parse() to name.
void configure(CLI::App& app, Lang lang);

// An option whose empty value (`--satker=` or `--satker ""`) the command judges itself.
// Any other option given an empty value is a usage error, like one given no value.
void may_be_empty(const CLI::Option* option);

// Parses `args` (without the program name) into `app`. Prints the help page or the version
// and returns exit_ok when asked for them; nullopt when the chosen command should run. An
// unknown option or command, an option without its value, or an argument no one takes is
// thrown as UsageError naming it.
std::optional<int> parse(CLI::App& app, std::vector<std::string> args);

}  // namespace kinerja::cli
