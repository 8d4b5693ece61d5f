// Internals shared by the writer's files; not part of the engine's interface.
#pragma once

#include <xlsxwriter.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/atomic_output.hpp"
#include "common/message.hpp"
#include "model/workbook.hpp"

namespace kinerja::write_detail {

// What the writer could not express, grouped by place and kind so that a sheet
// with 10,000 error cells gives one line ("Data!B5 (+9999 more)"), not 10,000.
class Drops {
public:
    // `scope` is a sheet name or a zip part; `location` a cell or range in it (may be empty).
    void add(const std::string& scope, const std::string& location, const std::string& what);
    std::vector<DroppedPart> list() const;

private:
    struct Group {
        std::string scope, first_location, what;
        std::size_t count = 0;
    };
    std::vector<Group> groups_;
    std::map<std::pair<std::string, std::string>, std::size_t> index_;
};

class FormatCache;
class Patches;

// Header and footer pictures: libxlsxwriter takes them only as file names, which it reads
// when the workbook closes. Nameless temp files in `folder`, living until then.
struct PictureFiles {
    std::filesystem::path folder;
    std::vector<PrivateFile> files;
};

// Everything the per-sheet writers need.
struct SheetContext {
    lxw_workbook* book;
    lxw_worksheet* sheet;
    const Sheet& model;
    const Workbook& workbook;
    FormatCache& formats;
    Drops& drops;
    Patches& patches;
    std::size_t index;  // of the sheet in the workbook, from 0
    // Charts inserted so far in the workbook: libxlsxwriter numbers chart parts
    // in sheet order, then in the order a sheet's charts were inserted.
    std::size_t& charts_written;
    PictureFiles& pictures;

    void drop(const std::string& location, const std::string& what) const {
        drops.add(model.name, location, what);
    }
    // Records a failed libxlsxwriter call; returns true when it succeeded.
    bool check(lxw_error error, const std::string& location, const std::string& what) const;
};

// True for a number within [low, high]; false for NaN, infinities and the rest,
// which libxlsxwriter would print as "nan" or "inf" into the XML.
inline bool in_range(double value, double low, double high) {
    return value >= low && value <= high;
}

// The error for a sheet name libxlsxwriter refused (`error`, or LXW_NO_ERROR when it only
// returned no sheet).
OutputError sheet_name_error(const std::string& file, const std::string& name, lxw_error error);

// libxlsxwriter treats 0 as "no colour", so black needs its own constant.
lxw_color_t lxw_rgb(Rgb color);

// Cuts UTF-8 text to at most `max_chars` code points without splitting one.
std::string utf8_prefix(std::string_view text, std::size_t max_chars);
std::size_t utf8_length(std::string_view text);

// Text whose literal "_xHHHH_" sequences are escaped as "_x005F_xHHHH_", so that a
// reader does not decode them into characters, and whose control characters other
// than tab and newline become "_xHHHH_". libxlsxwriter does neither everywhere.
std::string protect_escapes(std::string_view text);
// Text as a cell holds it: cut to Excel's 32767 characters (`cut` is then set), then
// protected as above, unless that takes it over the limit again.
constexpr std::size_t max_text_chars = 32767;
std::string cell_text(std::string_view text, bool& cut);
// False when protect_escapes would return `text` unchanged (no '_', no control
// characters other than tab and newline): the common case, checked without copying.
bool needs_protection(std::string_view text);

// The highest external link index the formula uses ("[1]Data!A1", "'[2]Rekap TW'!B5",
// "[1]!Name"), 0 if none. A reference beyond the links the workbook carries would dangle.
std::uint32_t highest_external_link(std::string_view formula);
// True when the formula uses an external link the workbook does not carry.
bool has_dangling_external_reference(std::string_view formula, const Workbook& workbook);

// Sheet-level parts, one function per responsibility.
void write_columns_and_rows(const SheetContext& ctx);
void write_cells(const SheetContext& ctx);
void write_validations(const SheetContext& ctx);
void write_conditional_formats(const SheetContext& ctx);
void write_comments(const SheetContext& ctx);
void write_images(const SheetContext& ctx);
void write_charts(const SheetContext& ctx);
void write_view(const SheetContext& ctx);
void write_page_setup(const SheetContext& ctx);
void write_protection(const SheetContext& ctx);

// Workbook-level parts.
// Registers the carried parts (engine/write/carry.cpp) with `patches`, for libxlsxwriter's
// finished `zip`; VBA only when `macro_enabled` (an .xlsm). Returns what to call once the
// patches ran, to report what could not be placed.
// A carried chart part with its numCache/strCache rebuilt from the model's cells, where its
// series refer to cells of the workbook (engine/write/carried_charts.cpp).
std::string refresh_chart_caches(const std::string& bytes, const Workbook& model);
std::function<void()> carry_parts(const Workbook& model, const std::filesystem::path& zip,
                                  bool macro_enabled, Patches& patches, Drops& drops);
void write_workbook_protection(const Workbook& model, Patches& patches);
void write_defined_names(lxw_workbook* book, const Workbook& model,
                         const std::vector<lxw_worksheet*>& sheets, Drops& drops, Patches& patches);
void write_properties(lxw_workbook* book, const Workbook& model, bool deterministic, Drops& drops,
                      Patches& patches);

}  // namespace kinerja::write_detail
