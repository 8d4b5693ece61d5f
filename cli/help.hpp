// Help texts for `kinerja --help` and `kinerja COMMAND --help`.
#pragma once

#include <string>

#include "common/message.hpp"

namespace kinerja::cli {

// The overview for an empty `command`, else that command's help.
std::string help(const std::string& command, Lang lang);

}  // namespace kinerja::cli
