// Stage 5: write the Workbook model to an .xlsx file with libxlsxwriter.
//
//     kinerja::write_workbook(wb, "out/laporan.xlsx");
//
// The file is produced in a temp file beside the destination and renamed into
// place, so the destination holds either its previous content or the whole new
// workbook. Throws OutputError if writing fails (missing folder, disk full, a
// sheet name Excel refuses).
//
// libxlsxwriter 1.1.4 writes most of the model. What its API cannot say is
// patched into its finished output (engine/write/patches.hpp): error cells and
// boolean/error formula results, date1904, very hidden sheets, hidden names,
// sheet default column widths, widths that are not whole pixels, top/bottom
// ranks, multi-range validations, automatic font colours, lastModifiedBy and the
// document dates. Anything neither can write is listed in WriteReport::dropped.
// Safe to call from several threads at once, one workbook each.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "common/message.hpp"
#include "model/workbook.hpp"

namespace kinerja {

struct WriteOptions {
    // Document dates from the model only (none if it has none), so the same model
    // gives the same bytes. When false, the file is marked as modified now.
    bool deterministic = true;
    // fsync the file before it is renamed into place (engine/common/atomic_output.hpp).
    // The batch turns it off and syncs the output folder's filesystem once at the end.
    bool sync = true;
    // libxlsxwriter writes each part to a temp file (deleted as soon as it is opened)
    // before it zips them: a dozen per workbook, in the destination's folder by
    // default, and its zip is then edited (engine/write/patches.hpp). When set, the part
    // files and libxlsxwriter's zip go to this folder, and only the finished file is
    // written beside the destination: in memory (/dev/shm), they cost far less than on a
    // disk filesystem when writing many small workbooks. If writing there fails (the
    // folder is missing or full: a container's /dev/shm may hold 64 MB), the workbook is
    // written again with them beside the destination.
    std::filesystem::path temp_folder;
};

// What the writer could not express, in addition to Workbook::dropped (which the
// reader already reported). Entries are grouped: part "Data!B5 (+12 more)" with
// one English kind in `what`.
struct WriteReport {
    std::vector<DroppedPart> dropped;
};

WriteReport write_workbook(const Workbook& workbook, const std::filesystem::path& file,
                           const WriteOptions& options = {});

// The extension the output of `workbook` should have: ".xlsm" when it carries a VBA project
// (an .xlsx cannot hold one, so the macros would be lost), else ".xlsx". Writing to a file
// named .xlsm marks the package macro-enabled, as Excel requires of that name.
std::string output_extension(const Workbook& workbook);

// The same into memory: `bytes` receives the whole .xlsx (.xlsm when output_extension says so) (the
// service's answer to an upload). libxlsxwriter only writes files, so the parts pass through a
// private folder (mode 0700, under options.temp_folder; else under /dev/shm when it can be
// written, the system's temp folder when that fails) that is removed before this returns,
// whatever happens.
WriteReport write_workbook(const Workbook& workbook, std::string& bytes,
                           const WriteOptions& options = {});

}  // namespace kinerja
