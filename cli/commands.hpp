// The subcommands of `kinerja`. Each takes the arguments after its name and the
// message language, prints to stdout/stderr, and returns the exit code:
// 0 ok, 1 findings/errors found, 2 unusable input or a usage error.
#pragma once

#include <string>
#include <vector>

#include "common/message.hpp"

namespace kinerja::cli {

using Args = std::vector<std::string>;

int fill(const Args& args, Lang lang);       // cli/fill.cpp
int validate(const Args& args, Lang lang);   // cli/fill.cpp
int inspect(const Args& args, Lang lang);  // cli/inspect.cpp: kinerja inspect IN.xlsx [--json]
int eval(const Args& args, Lang lang);       // cli/formulas.cpp: kinerja eval 'EXPR' name=value ...
int formulas(const Args& args, Lang lang);   // cli/formulas.cpp: kinerja formulas check|list
int new_workbook(const Args& args, Lang lang);  // cli/new.cpp: kinerja new TEMPLATE -o FILE.xlsx
int batch(const Args& args, Lang lang);  // cli/batch.cpp: kinerja batch --template --data --out
int rekap(const Args& args, Lang lang);  // cli/batch.cpp: kinerja rekap DIR... (merge shards)

// Prints a message in the chosen language to stderr, prefixed with "kinerja: ".
void complain(const Message& message, Lang lang);

}  // namespace kinerja::cli
