// Rewrites some parts of a finished .xlsx (a zip), copying the others as they are.
//
// libxlsxwriter 1.1.4 cannot write a few attributes (date1904, veryHidden,
// defaultColWidth, error cells...). The writer lets it produce the file, then
// edits those parts. Only what libxlsxwriter writes needs to be read here: no
// zip64, no encryption, stored or deflated entries.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>

namespace kinerja::write_detail {

// Edits a part's XML in place.
using PartEditor = std::function<void(std::string& xml)>;

struct RewriteResult {
    bool ok = false;                  // false: the file is untouched
    std::set<std::string> too_large;  // parts left unedited: over `max_part_bytes`
    std::set<std::string> present;    // every part name in the zip
};

// Writes `zip` again with each part in `editors` passed through its editor; a part
// its editor leaves as it was keeps its compressed bytes. Entries get fixed
// timestamps so the same input gives the same bytes. The result goes to
// `destination`, or over `zip` itself when that is empty. Returns ok = false,
// writing nothing, if `zip` is not a zip this code can read. The file is read whole
// and the result written in one go; the file written must be a temp file: if
// writing fails (throws OutputError), it is left damaged. `added` parts (name -> bytes)
// are appended after the existing ones; a name already in the zip is left out.
RewriteResult rewrite_zip(const std::filesystem::path& zip,
                          const std::map<std::string, PartEditor>& editors,
                          std::uint64_t max_part_bytes,
                          const std::filesystem::path& destination = {},
                          const std::map<std::string, std::string>& added = {});

// The part names of a finished zip (its central directory); empty if it cannot be read.
std::set<std::string> zip_part_names(const std::filesystem::path& zip);

}  // namespace kinerja::write_detail
