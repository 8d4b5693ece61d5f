// Writing a file so that readers see either the old file or the complete new one.
#pragma once

#include <filesystem>
#include <functional>

namespace kinerja {

// Calls `produce(temp_path)` with a fresh temp path in the destination's folder,
// fsyncs the result and renames it over `destination`. If `produce` throws, or the
// process dies, the destination is untouched and the temp file is removed (or, after
// a kill, left as an ignorable ".kinerja-tmp-*" file). Throws OutputError on I/O failure.
void write_atomically(const std::filesystem::path& destination,
                      const std::function<void(const std::filesystem::path& temp)>& produce);

}  // namespace kinerja
