// Column widths, row heights and their default sizes.
#include <cmath>

#include "write/detail.hpp"
#include "write/formats.hpp"

namespace kinerja::write_detail {

namespace {

// Pixels of the widest digit of the Normal font (Calibri 11), the unit of <col width>.
constexpr double digit_px = 7;
// libxlsxwriter's unset column width writes <col width="9.140625">: 64 pixels.
constexpr double library_default_px = 64;

// The model keeps <col width> as stored: trunc(pixels / 7 * 256) / 256 for whole
// pixels. libxlsxwriter takes the width the user types and computes those pixels
// as round(w * 12) below one character and round(w * 7) + 5 above, so going back
// through whole pixels makes it write the stored value again.
double user_width(double stored) {
    double px = std::round(stored * digit_px);
    if (px <= 0) return 0;
    return px < 12 ? px / 12 : (px - 5) / digit_px;
}

// The sheet's default column width as stored, if it is not libxlsxwriter's.
std::optional<double> default_width(const Sheet& sheet) {
    std::optional<double> stored = sheet.default_col_width;
    // <sheetFormatPr baseColWidth> counts characters without the 5 pixels of padding.
    if (!stored && sheet.base_col_width && *sheet.base_col_width != 8)
        stored = (*sheet.base_col_width * digit_px + 5) / digit_px;
    if (stored && std::round(*stored * digit_px) != library_default_px) return stored;
    return std::nullopt;
}

void set_columns(const SheetContext& ctx, std::uint32_t first, std::uint32_t last, double width,
                 lxw_format* format, lxw_row_col_options* options) {
    std::string where = column_name(first) + ":" + column_name(last);
    ctx.check(worksheet_set_column_opt(ctx.sheet, static_cast<lxw_col_t>(first),
                                       static_cast<lxw_col_t>(last), width, format, options),
              where, "column settings");
}

void write_columns(const SheetContext& ctx) {
    const std::optional<double> sheet_default = default_width(ctx.model);
    const double fallback = sheet_default ? user_width(*sheet_default) : LXW_DEF_COL_WIDTH;
    std::uint32_t next_free = 0;  // first column not yet covered, for the sheet default
    for (const ColumnInfo& col : ctx.model.columns) {
        if (col.first > col.last || col.last >= max_cols) {
            ctx.drop(column_name(std::min(col.first, max_cols - 1)), "column range out of bounds");
            continue;
        }
        if (sheet_default && col.first > next_free)
            set_columns(ctx, next_free, col.first - 1, fallback, nullptr, nullptr);
        next_free = std::max(next_free, col.last + 1);
        lxw_row_col_options options{};
        options.hidden = col.hidden;
        options.level = col.outline_level;
        options.collapsed = col.collapsed;
        lxw_format* format = col.style ? ctx.formats.cell(*col.style) : nullptr;
        double width = col.width ? user_width(*col.width) : fallback;
        set_columns(ctx, col.first, col.last, width, format, &options);
    }
    // libxlsxwriter 1.1.4 cannot write <sheetFormatPr defaultColWidth>, so the
    // remaining columns get the sheet's default width explicitly.
    if (sheet_default && next_free < max_cols)
        set_columns(ctx, next_free, max_cols - 1, fallback, nullptr, nullptr);
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
