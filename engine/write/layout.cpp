// Column widths, row heights and their default sizes.
#include <cmath>

#include "write/detail.hpp"
#include "write/formats.hpp"
#include "write/patches.hpp"

namespace kinerja::write_detail {

namespace {

// Pixels of the widest digit of the Normal font (Calibri 11), the unit of <col width>.
constexpr double digit_px = 7;
// Excel's limits: 255 characters wide, 409 points high.
constexpr double max_width = 255, max_height = 409;

// The value if it is within Excel's limits; otherwise reported and left unset.
std::optional<double> checked(const SheetContext& ctx, std::optional<double> value, double high,
                              const std::string& where, const char* what) {
    if (!value || in_range(*value, 0, high)) return value;
    ctx.drop(where, what);
    return std::nullopt;
}

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

void write_columns(const SheetContext& ctx) {
    const Sheet& sheet = ctx.model;
    std::optional<double> default_col_width =
        checked(ctx, sheet.default_col_width, max_width, "", "default column width out of range");
    std::optional<std::uint16_t> base = sheet.base_col_width;
    if (base && *base > max_width) {
        ctx.drop("", "base column width out of range");
        base.reset();
    }
    // <sheetFormatPr baseColWidth> counts characters without the 5 pixels of padding.
    std::optional<double> sheet_default = default_col_width;
    if (!sheet_default && base) sheet_default = (*base * digit_px + 5) / digit_px;
    if (sheet_default) {
        // libxlsxwriter 1.1.4 has no call for these: they are patched in, and its
        // own default is set so that images are anchored over the right columns.
        ctx.patches.default_column_width(
            ctx.index, base, default_col_width,
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
        std::optional<double> stored =
            checked(ctx, col.width, max_width, where, "column width out of range");
        if (!stored) stored = sheet_default;
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
    std::optional<double> sheet_default =
        checked(ctx, sheet.default_row_height, max_height, "", "default row height out of range");
    if (sheet_default && *sheet_default > 0 && *sheet_default != LXW_DEF_ROW_HEIGHT) {
        default_height = *sheet_default;
        worksheet_set_default_row(ctx.sheet, default_height, LXW_FALSE);
    }
    for (const auto& [row, info] : sheet.rows) {
        if (row >= max_rows) {
            ctx.drop("row " + std::to_string(row + 1), "row out of bounds");
            continue;
        }
        std::string where = "row " + std::to_string(row + 1);
        std::optional<double> own =
            checked(ctx, info.height, max_height, where, "row height out of range");
        bool plain =
            !own && !info.style && !info.hidden && info.outline_level == 0 && !info.collapsed;
        if (plain) continue;
        double height = own.value_or(default_height);
        // libxlsxwriter leaves out ht="15" (its default) even when the sheet default
        // is another height or the row's height is custom. The next double up is
        // still written as "15", with customHeight.
        if (own && height == LXW_DEF_ROW_HEIGHT) height = std::nextafter(height, 16.0);
        lxw_row_col_options options{};
        options.hidden = info.hidden;
        options.level = info.outline_level;
        options.collapsed = info.collapsed;
        lxw_format* format = info.style ? ctx.formats.cell(*info.style) : nullptr;
        ctx.check(worksheet_set_row_opt(ctx.sheet, row, height, format, &options), where,
                  "row settings");
    }
}

}  // namespace

void write_columns_and_rows(const SheetContext& ctx) {
    write_columns(ctx);
    write_rows(ctx);
}

}  // namespace kinerja::write_detail
