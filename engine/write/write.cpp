// Stage 5: the Workbook model to .xlsx through libxlsxwriter.
//
// Each sheet part has its own file (layout, cells, validations, conditional,
// drawings, page_setup); this file creates the workbook and its sheets, decides
// visibility and the active sheet, and closes the file.
#include "write/write.hpp"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <vector>

#include "common/atomic_output.hpp"
#include "write/detail.hpp"
#include "write/formats.hpp"
#include "write/patches.hpp"

namespace kinerja {

namespace fs = std::filesystem;
using namespace write_detail;

namespace {

const char* const workbook_part = "xl/workbook.xml";

// Frees an unclosed workbook when writing stops with an exception.
struct BookGuard {
    lxw_workbook* book = nullptr;
    ~BookGuard() {
        if (book) lxw_workbook_free(book);
    }
};

// Excel needs one visible sheet, and it must be the active one.
void set_visibility(const Workbook& model, const std::vector<lxw_worksheet*>& sheets, Drops& drops,
                    Patches& patches) {
    const auto visible = [&](std::size_t i) {
        return model.sheets[i].visibility == Sheet::Visibility::visible;
    };
    std::size_t active = model.active_sheet < sheets.size() ? model.active_sheet : 0;
    if (active != model.active_sheet)
        drops.add(workbook_part, "", "active sheet that does not exist: the first is active");
    if (!visible(active)) {
        std::size_t first_visible = 0;
        while (first_visible < sheets.size() && !visible(first_visible)) ++first_visible;
        if (first_visible < sheets.size()) {
            drops.add(workbook_part, "", "hidden active sheet: the first visible sheet is active");
            active = first_visible;
        } else {
            drops.add(model.sheets[active].name, "", "all sheets hidden: the active one is shown");
        }
    }
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        if (i == active || visible(i)) continue;
        worksheet_hide(sheets[i]);
        if (model.sheets[i].visibility == Sheet::Visibility::very_hidden)
            patches.very_hidden(i,
                                {model.sheets[i].name, "", "very hidden sheet written as hidden"});
    }
    worksheet_activate(sheets[active]);
}

void write_sheet(const SheetContext& ctx) {
    write_view(ctx);
    write_page_setup(ctx);
    write_columns_and_rows(ctx);
    write_cells(ctx);
    write_validations(ctx);
    write_conditional_formats(ctx);
    write_comments(ctx);
    write_images(ctx);
    write_charts(ctx);
    write_protection(ctx);
}

fs::path folder_of(const fs::path& file) {
    return file.parent_path().empty() ? fs::path(".") : file.parent_path();
}

void produce(const Workbook& model, const fs::path& file, const fs::path& temp,
             const WriteOptions& options, Drops& drops) {
    std::string folder = folder_of(file).string();
    // Checked here for a clear message; libxlsxwriter would only fail at the end.
    std::error_code ignored;
    if (!fs::is_directory(folder, ignored))
        throw OutputError(file.string(), {"folder tujuan tidak ada: " + folder,
                                          "the destination folder does not exist: " + folder});
    const bool in_memory = !options.temp_folder.empty();
    std::string tmpdir = in_memory ? options.temp_folder.string() : folder;
    // In memory, libxlsxwriter's zip goes there too, to a file without a name (no other
    // user can open a partial workbook, and a kill leaves nothing), and the patch pass
    // writes the temp file once: writing over a file just written makes ext4 flush it to
    // the disk when it is closed (its auto_da_alloc rule), for every workbook.
    std::optional<PrivateFile> scratch;
    if (in_memory) scratch = PrivateFile::unnamed(options.temp_folder);
    const fs::path zip = in_memory ? scratch->access_path() : temp;
    lxw_workbook_options lxw_options{};
    lxw_options.tmpdir = tmpdir.data();
    BookGuard guard{workbook_new_opt(zip.c_str(), &lxw_options)};
    if (!guard.book)
        throw OutputError(file.string(), {"tidak cukup memori untuk membuat buku kerja",
                                          "not enough memory to create the workbook"});
    FormatCache formats(guard.book, model, drops);
    Patches patches;
    std::vector<lxw_worksheet*> sheets;
    std::size_t charts_written = 0;
    PictureFiles pictures{tmpdir, {}};
    for (const Sheet& sheet : model.sheets) {
        lxw_error name_error = workbook_validate_sheet_name(guard.book, sheet.name.c_str());
        lxw_worksheet* ws = name_error == LXW_NO_ERROR
                                ? workbook_add_worksheet(guard.book, sheet.name.c_str())
                                : nullptr;
        if (!ws) throw sheet_name_error(file.string(), sheet.name, name_error);
        sheets.push_back(ws);
        write_sheet({guard.book, ws, sheet, model, formats, drops, patches, sheets.size() - 1,
                     charts_written, pictures});
    }
    if (sheets.empty()) {
        drops.add(workbook_part, "", "workbook without sheets: an empty sheet added");
        workbook_add_worksheet(guard.book, nullptr);
    } else {
        set_visibility(model, sheets, drops, patches);
    }
    if (formats.automatic_marker_used()) {
        char marker[32];
        std::snprintf(marker, sizeof marker, "<color rgb=\"FF%06X\"/>", formats.automatic_marker());
        Fallback fallback{"xl/styles.xml", "",
                          "automatic font colour written as a near-black colour"};
        patches.remove_all("xl/styles.xml", marker, fallback);
        patches.remove_all("xl/sharedStrings.xml", marker, fallback);
    }
    write_defined_names(guard.book, model, sheets, drops, patches);
    write_workbook_protection(model, patches);
    write_properties(guard.book, model, options.deterministic, drops, patches);
    if (model.date1904)
        patches.date1904({workbook_part, "", "1904 date system lost: dates show 1462 days early"});
    lxw_workbook* book = guard.book;
    guard.book = nullptr;  // workbook_close frees it, whatever happens
    lxw_error error = workbook_close(book);
    if (error != LXW_NO_ERROR) {
        std::string reason = lxw_strerror(error);
        throw OutputError(file.string(), {"gagal menulis berkas xlsx: " + reason,
                                          "could not write the xlsx file: " + reason});
    }
    std::string extension = file.extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool macro_enabled = extension == ".xlsm";
    auto report_carry = carry_parts(model, zip, macro_enabled, patches, drops);
    // The source's theme over libxlsxwriter's default (Office 2007's): carried charts and
    // shapes name its colours and fonts ("accent1"), which differ from one Office to another.
    if (model.theme)
        patches.edit_part("xl/theme/theme1.xml",
                          [theme = model.theme](std::string& xml) {
                              xml = *theme;
                              return true;
                          },
                          {"xl/theme/theme1.xml", "", "theme of the workbook (colours and fonts)"});
    // Excel opens a file named .xlsm only when its main part says it may hold macros, with
    // or without a VBA project.
    if (macro_enabled)
        patches.edit_part(
            "[Content_Types].xml",
            [](std::string& xml) {
                const std::string plain =
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
                auto main = xml.find(plain);
                if (main == std::string::npos) return false;
                xml.replace(main, plain.size(),
                            "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
                return true;
            },
            {"[Content_Types].xml", "", "macro-enabled content type of an .xlsm"});
    bool written = !patches.empty() && patches.apply(zip, drops, in_memory ? temp : fs::path());
    report_carry();
    if (in_memory && !written) {
        std::error_code copy_error;
        fs::copy_file(zip, temp, fs::copy_options::overwrite_existing, copy_error);
        if (copy_error)
            throw OutputError(file.string(),
                              {"gagal menulis berkas xlsx: " + copy_error.message(),
                               "could not write the xlsx file: " + copy_error.message()});
    }
}

}  // namespace

std::string output_extension(const Workbook& workbook) {
    return workbook.carried && workbook.carried->vba ? ".xlsm" : ".xlsx";
}

WriteReport write_workbook(const Workbook& workbook, const fs::path& file,
                           const WriteOptions& options) {
    WriteReport report;
    write_atomically(
        file,
        [&](const fs::path& temp) {
            Drops drops;
            try {
                produce(workbook, file, temp, options, drops);
            } catch (const OutputError&) {
                // Again beside the destination, unless the destination is what is full:
                // libxlsxwriter would only fail there again, printing its own lines.
                if (options.temp_folder.empty() || out_of_room(folder_of(file), 0)) throw;
                WriteOptions beside = options;  // the temp folder is missing or full
                beside.temp_folder.clear();
                drops = Drops{};
                errno = 0;  // the temp folder's failure is not the destination's
                produce(workbook, file, temp, beside, drops);
            }
            report.dropped = drops.list();
        },
        options.sync);
    return report;
}

namespace {

void write_in_folder(const Workbook& workbook, std::string& bytes, const WriteOptions& options,
                     const fs::path& base, Drops& drops) {
    std::string pattern = (base / "kinerja-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        throw OutputError(
            base.string(),
            {"tidak dapat membuat folder sementara: " + std::string(std::strerror(errno)),
             "cannot make a temporary folder: " + std::string(std::strerror(errno))});
    struct RemoveAll {
        fs::path folder;
        ~RemoveAll() {
            std::error_code ignored;
            fs::remove_all(folder, ignored);
        }
    } scratch{pattern};
    WriteOptions here = options;
    here.temp_folder.clear();  // the private folder is the temp folder
    here.sync = false;         // nothing of it outlives this call
    fs::path file = scratch.folder / ("buku-kerja" + output_extension(workbook));
    produce(workbook, file, file, here, drops);
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof())
        throw OutputError(file.string(), {"gagal membaca kembali buku kerja yang ditulis",
                                          "could not read back the written workbook"});
}

}  // namespace

WriteReport write_workbook(const Workbook& workbook, std::string& bytes,
                           const WriteOptions& options) {
    // Unless told where: in memory (/dev/shm), as nothing of it outlives this call. In the
    // system's temp folder each of libxlsxwriter's two dozen part files is an inode made and
    // freed on a journalled disk, a tenth of a small workbook's fill (docs/benchmarks.md).
    // The system's temp folder stays the fallback when /dev/shm is missing or full.
    std::vector<fs::path> folders;
    if (!options.temp_folder.empty()) {
        folders.push_back(options.temp_folder);
    } else {
        if (fs::path memory = memory_folder(); !memory.empty()) folders.push_back(memory);
        folders.push_back(fs::temp_directory_path());
    }
    for (std::size_t i = 0;; ++i) {
        Drops drops;
        try {
            write_in_folder(workbook, bytes, options, folders[i], drops);
            return WriteReport{drops.list()};
        } catch (const OutputError&) {
            if (i + 1 == folders.size()) throw;
            errno = 0;  // the first folder's failure is not the next one's
        }
    }
}

}  // namespace kinerja
