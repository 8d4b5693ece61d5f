// Column widths, row heights and their default sizes.
#include <cmath>

#include "write/detail.hpp"
#include "write/formats.hpp"
#include "write/patches.hpp"

namespace kinerja::write_detail {

namespace {

// Pixels of the widest digit of the Normal font (Calibri 11), the unit of <col width>.
constexpr double digit_px = 7;

// libxlsxwriter takes the width the user types and turns it into whole pixels,
// round(w * 12) below one character and round(w * 7) + 5 above, then writes
// trunc(pixels / 7 * 256) / 256 as Excel does.
double written_width(double user) {
    double px = user < 1 ? std::round(user * 12) : std::round(user * digit_px) + 5;
    return std::floor(px / digit_px * 256) / 256;
}

// The user width whose pixels are closest to a stored width. Excel's own widths
// are whole pixels and come back exactly; other writers' (LibreOffice: 14.72)
// are patched to their exact value afterwards.
double user_width(double stored) {
    double px = std::round(stored * digit_px);
    if (px <= 0) return 0;
    return px < 12 ? px / 12 : (px - 5) / digit_px;
}

// The sheet's default column width as stored, if the sheet sets one.
std::optional<double> default_width(const Sheet& sheet) {
    if (sheet.default_col_width) return sheet.default_col_width;
    // <sheetFormatPr baseColWidth> counts characters without the 5 pixels of padding.
    if (sheet.base_col_width) return (*sheet.base_col_width * digit_px + 5) / digit_px;
    return std::nullopt;
}

void write_columns(const SheetContext& ctx) {
    const Sheet& sheet = ctx.model;
    const std::optional<double> sheet_default = default_width(sheet);
    if (sheet.default_col_width || sheet.base_col_width) {
        // libxlsxwriter 1.1.4 has no call for these: they are patched in, and its
        // own default is set so that images are anchored over the right columns.
        ctx.patches.default_column_width(
            ctx.index, sheet.base_col_width, sheet.default_col_width,
            {sheet.name, "", "sheet default column width (columns show 8.43 characters)"});
        ctx.sheet->default_col_pixels =
            static_cast<std::uint32_t>(std::round(*sheet_default * digit_px));
    }
    for (const ColumnInfo& col : sheet.columns) {
        if (col.first > col.last || col.last >= max_cols) {
            ctx.drop(column_name(std::min(col.first, max_cols - 1)), "column range out of bounds");
            continue;
        }
        std::string where = column_name(col.first) + ":" + column_name(col.last);
        std::optional<double> stored = col.width ? col.width : sheet_default;
        double width = stored ? user_width(*stored) : LXW_DEF_COL_WIDTH;
        lxw_row_col_options options{};
        options.hidden = col.hidden;
        options.level = col.outline_level;
        options.collapsed = col.collapsed;
        lxw_format* format = col.style ? ctx.formats.cell(*col.style) : nullptr;
        if (!ctx.check(
                worksheet_set_column_opt(ctx.sheet, static_cast<lxw_col_t>(col.first),
                                         static_cast<lxw_col_t>(col.last), width, format, &options),
                where, "column settings"))
            continue;
        if (stored && std::abs(written_width(width) - *stored) > 1e-9)
            ctx.patches.column_width(ctx.index, col.first, col.last, *stored,
                                     {sheet.name, where, "column width rounded to whole pixels"});
    }
}

void write_rows(const SheetContext& ctx) {
    const Sheet& sheet = ctx.model;
    double default_height = LXW_DEF_ROW_HEIGHT;
    if (sheet.default_row_height && *sheet.default_row_height > 0 &&
        *sheet.default_row_height != LXW_DEF_ROW_HEIGHT) {
        default_height = *sheet.default_row_height;
        worksheet_set_default_row(ctx.sheet, default_height, LXW_FALSE);
    }
    for (const auto& [row, info] : sheet.rows) {
        if (row >= max_rows) {
            ctx.drop("row " + std::to_string(row + 1), "row out of bounds");
            continue;
        }
        bool plain = !info.height && !info.style && !info.hidden && info.outline_level == 0 &&
                     !info.collapsed;
        if (plain) continue;
        double height = info.height.value_or(default_height);
        // libxlsxwriter leaves out ht="15" (its default) even when the sheet default
        // is another height or the row's height is custom. The next double up is
        // still written as "15", with customHeight.
        if (info.height && height == LXW_DEF_ROW_HEIGHT) height = std::nextafter(height, 16.0);
        lxw_row_col_options options{};
        options.hidden = info.hidden;
        options.level = info.outline_level;
        options.collapsed = info.collapsed;
        lxw_format* format = info.style ? ctx.formats.cell(*info.style) : nullptr;
        ctx.check(worksheet_set_row_opt(ctx.sheet, row, height, format, &options),
                  "row " + std::to_string(row + 1), "row settings");
    }
}

}  // namespace

void write_columns_and_rows(const SheetContext& ctx) {
    write_columns(ctx);
    write_rows(ctx);
}

}  // namespace kinerja::write_detail
