// The subcommands of `kinerja`. cli/main.cpp makes one CLI11 subcommand per name and hands
// it to the function of that name, which declares the command's options and positional
// arguments on it and returns what to run once the whole line parsed. A run prints to
// stdout/stderr and returns the exit code; it throws UsageError for a mistake in the command
// line, and cli/main.cpp turns that and every engine exception into its exit code.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/message.hpp"

namespace CLI {
class App;
}

namespace kinerja::cli {

// The exit codes: 0 ok, 1 findings or errors found, 2 unusable input or a usage error.
inline constexpr int exit_ok = 0;
inline constexpr int exit_findings = 1;
inline constexpr int exit_unusable = 2;
inline constexpr int exit_usage = 2;

using Run = std::function<int(Lang)>;

Run fill(CLI::App& command);          // cli/fill.cpp: kinerja fill IN.xlsx -o OUT.xlsx
Run validate(CLI::App& command);      // cli/fill.cpp: kinerja validate IN.xlsx
Run inspect(CLI::App& command);       // cli/inspect.cpp: kinerja inspect IN.xlsx [--json]
Run eval(CLI::App& command);          // cli/formulas.cpp: kinerja eval 'EXPR' name=value ...
Run formulas(CLI::App& command);      // cli/formulas.cpp: kinerja formulas check|list
Run new_workbook(CLI::App& command);  // cli/new.cpp: kinerja new TEMPLATE -o FILE.xlsx
Run batch(CLI::App& command);         // cli/batch.cpp: kinerja batch --template --data --out
Run rekap(CLI::App& command);         // cli/batch.cpp: kinerja rekap DIR... (merge shards)
Run serve(CLI::App& command);         // cli/serve.cpp: kinerja serve [--listen ADDR:PORT]

// A mistake in the command line. cli/main.cpp prints "kinerja: " and the message in the
// chosen language, and exits with exit_usage.
class UsageError : public std::runtime_error {
public:
    explicit UsageError(Message message)
        : std::runtime_error(message.en), message_(std::move(message)) {}
    const Message& message() const { return message_; }

private:
    Message message_;
};

// The one positional argument of a command, "" when none was given. More than one is a
// UsageError: "terlalu banyak <what_id>: <the second>".
std::string at_most_one(const std::vector<std::string>& given, const std::string& what_id,
                        const std::string& what_en);

// Prints a message in the chosen language to stderr, prefixed with "kinerja: ".
void complain(const Message& message, Lang lang);

}  // namespace kinerja::cli
