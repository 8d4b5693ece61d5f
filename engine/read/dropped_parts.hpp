// Internal to the reader: parts of the package that the model does not carry.
#pragma once

#include <string>
#include <vector>

#include "model/workbook.hpp"

namespace kinerja::read_detail {

// Adds to `dropped` every part in `names` that was not read (not in `consumed`)
// and that holds content, such as charts, pivot tables, VBA or tables. Parts that
// are only bookkeeping (relationships, calcChain, printer settings) are skipped.
void record_unread_parts(const std::vector<std::string>& names, std::vector<std::string> consumed,
                         std::vector<DroppedPart>& dropped);

}  // namespace kinerja::read_detail
