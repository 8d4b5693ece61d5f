// The workbook templates in templates/ and starting a new workbook from one.
//
//     auto file = kinerja::template_path("rencana-aksi");            // nullopt if unknown
//     kinerja::new_workbook(*file, "rencana-aksi-2025.xlsx",
//                           {.satker = "LAPAS KELAS IIA KEROBOKAN", .tahun = 2025});
//
// A template's title lines carry the placeholder "NAMA SATUAN KERJA" and a year after
// "TAHUN" (or "T.A" in a header, as in "ALOKASI ANGGARAN T.A 2025"); a new workbook gets
// the satker and the year put in their place. Any workbook can serve as a template: its
// satker, as the table finder reads it from the title lines, is replaced, and the years
// after "TAHUN" in those lines move by as much as the workbook's own year (its first
// table's) does, so "Tahun 2023 dan Tahun 2022" started anew for 2030 reads "Tahun 2030 dan
// Tahun 2029". Years in header words ("Realisasi 2022", "Tahun 2022" over columns) stay.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/message.hpp"
#include "model/workbook.hpp"

namespace kinerja {

struct TemplateInfo {
    std::string name;       // "rencana-aksi", as given to `kinerja new`
    std::string file_name;  // "rencana-aksi.xlsx"
    Message description;
};

// The templates, in a fixed order: rencana-aksi, capaian-kinerja, realisasi-anggaran,
// rka-satker, lra, renja.
const std::vector<TemplateInfo>& builtin_templates();

// The folder with the templates: $KINERJA_TEMPLATES, else ./templates (when it holds the
// templates), else the source tree's templates/.
std::filesystem::path default_templates_dir();

// A template name ("rka-satker") gives dir/rka-satker.xlsx; text ending in ".xlsx" or
// holding a '/' is a path and is returned as is. Unknown names give nullopt.
std::optional<std::filesystem::path> template_path(
    std::string_view name_or_path, const std::filesystem::path& dir = default_templates_dir());
// The same, checked: throws InputError when the file is not there (for a template of `dir`,
// saying to point KINERJA_TEMPLATES at the templates/ folder). Unknown names give nullopt.
std::optional<std::filesystem::path> template_file(
    std::string_view name_or_path, const std::filesystem::path& dir = default_templates_dir());

// The placeholder of the satker in the templates' title lines.
inline constexpr std::string_view satker_placeholder = "NAMA SATUAN KERJA";

struct NewWorkbookOptions {
    std::string satker;        // empty: keep the placeholder
    std::optional<int> tahun;  // unset: keep the template's year
};

// Why the options cannot be used (an empty or multi-line satker, a year outside
// 2000-2099), or nullopt when they are fine.
std::optional<Message> check_new_workbook_options(const NewWorkbookOptions& options);

struct NewWorkbookReport {
    std::size_t satker_cells = 0;  // cells that now name the satker
    std::size_t tahun_cells = 0;   // cells with a year in a title (changed or already right)
};

// Puts the satker and year into the title lines (and the "T.A 2025" of a header) of every
// sheet, and dates the document now. Cells in the tables' data rows are left alone.
NewWorkbookReport personalise(Workbook& workbook, const NewWorkbookOptions& options);

// Reads the template, personalises it and writes `output` atomically (an existing file is
// replaced; refusing that is the caller's choice). Throws InputError for an unreadable
// template or unusable options, OutputError when writing fails.
NewWorkbookReport new_workbook(const std::filesystem::path& template_file,
                               const std::filesystem::path& output,
                               const NewWorkbookOptions& options);

}  // namespace kinerja
