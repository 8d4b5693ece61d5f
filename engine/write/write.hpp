// Stage 5: write the Workbook model to an .xlsx file with libxlsxwriter.
//
//     kinerja::write_workbook(wb, "out/laporan.xlsx");
//
// The file is produced in a temp file beside the destination and renamed into
// place, so the destination holds either its previous content or the whole new
// workbook. Throws OutputError if writing fails.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "common/message.hpp"
#include "model/workbook.hpp"

namespace kinerja {

struct WriteOptions {
    // Fixed document timestamps make output byte-for-byte reproducible.
    bool deterministic = true;
};

// What the writer could not express with libxlsxwriter, in addition to
// Workbook::dropped (which the reader already reported).
struct WriteReport {
    std::vector<DroppedPart> dropped;
};

WriteReport write_workbook(const Workbook& workbook, const std::filesystem::path& file,
                           const WriteOptions& options = {});

}  // namespace kinerja
