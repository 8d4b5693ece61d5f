// Internal to the reader: parts of the package that the model does not carry.
#pragma once

#include <string>
#include <vector>

#include "model/workbook.hpp"
#include "read/zip_archive.hpp"

namespace kinerja::read_detail {

// Adds to `dropped` every part of the package that was not read (not in `consumed`) and that
// holds content, such as charts, pivot tables, VBA or tables. Parts that are only bookkeeping
// (relationships, calcChain, printer settings) are skipped, and so are entries that no
// relationship reaches from the package root: they are not part of the document (a
// "__MACOSX/" copy, an editing tool's leftover), Excel never shows them and drops them on
// save, so leaving them out loses nothing.
void record_unread_parts(ZipArchive& zip, std::uint64_t max_rels_bytes,
                         std::vector<std::string> consumed, std::vector<DroppedPart>& dropped);

}  // namespace kinerja::read_detail
