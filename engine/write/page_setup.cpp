// Sheet view (panes, zoom, gridlines) and print setup.
#include "write/detail.hpp"

namespace kinerja::write_detail {

namespace {
constexpr double default_header_margin = 0.3;
constexpr double max_margin = 49;
}  // namespace

void write_view(const SheetContext& ctx) {
    const SheetView& view = ctx.model.view;
    if (view.frozen_rows > 0 || view.frozen_cols > 0) {
        if (view.frozen_rows < max_rows && view.frozen_cols < max_cols)
            worksheet_freeze_panes(ctx.sheet, view.frozen_rows,
                                   static_cast<lxw_col_t>(view.frozen_cols));
        else
            ctx.drop("", "frozen pane out of bounds");
    }
    if (view.zoom != 100) {
        if (view.zoom >= 10 && view.zoom <= 400)
            worksheet_set_zoom(ctx.sheet, view.zoom);
        else
            ctx.drop("", "zoom outside 10-400%");
    }
    // Showing printed gridlines leaves the screen ones as they were: hide both first.
    worksheet_gridlines(ctx.sheet, LXW_HIDE_ALL_GRIDLINES);
    if (view.show_gridlines) worksheet_gridlines(ctx.sheet, LXW_SHOW_SCREEN_GRIDLINES);
    if (ctx.model.page.print_gridlines) worksheet_gridlines(ctx.sheet, LXW_SHOW_PRINT_GRIDLINES);
    if (view.right_to_left) worksheet_right_to_left(ctx.sheet);
    if (ctx.model.tab_color) worksheet_set_tab_color(ctx.sheet, lxw_rgb(*ctx.model.tab_color));
}

void write_page_setup(const SheetContext& ctx) {
    const PageSetup& page = ctx.model.page;
    lxw_worksheet* ws = ctx.sheet;
    if (page.paper != 0) worksheet_set_paper(ws, page.paper);
    if (page.orientation == "landscape") worksheet_set_landscape(ws);
    if (page.orientation == "portrait") worksheet_set_portrait(ws);
    if (page.scale != 100) {
        if (page.scale >= 10 && page.scale <= 400)
            worksheet_set_print_scale(ws, page.scale);
        else
            ctx.drop("", "print scale outside 10-400%");
    }
    if (page.fit_to_page) worksheet_fit_to_pages(ws, page.fit_width, page.fit_height);
    // Margins in inches; beyond these, or not numbers, Excel's defaults.
    auto margin = [&](double value, double fallback) {
        if (in_range(value, 0, max_margin)) return value;
        ctx.drop("", "page margin out of range");
        return fallback;
    };
    worksheet_set_margins(ws, margin(page.margin_left, 0.7), margin(page.margin_right, 0.7),
                          margin(page.margin_top, 0.75), margin(page.margin_bottom, 0.75));
    // The header and footer margins are only settable together with the texts.
    if (!page.header.empty() || page.margin_header != default_header_margin) {
        lxw_header_footer_options options{};
        options.margin = margin(page.margin_header, default_header_margin);
        ctx.check(worksheet_set_header_opt(ws, page.header.c_str(), &options), "", "page header");
    }
    if (!page.footer.empty() || page.margin_footer != default_header_margin) {
        lxw_header_footer_options options{};
        options.margin = margin(page.margin_footer, default_header_margin);
        ctx.check(worksheet_set_footer_opt(ws, page.footer.c_str(), &options), "", "page footer");
    }
    if (page.center_horizontally) worksheet_center_horizontally(ws);
    if (page.center_vertically) worksheet_center_vertically(ws);
    if (page.print_headings) worksheet_print_row_col_headers(ws);
    if (page.first_page_number) worksheet_set_start_page(ws, *page.first_page_number);
    if (page.across_then_down) worksheet_print_across(ws);
    if (const auto& filter = ctx.model.autofilter) {
        if (filter->last_row < max_rows && filter->last_col < max_cols)
            ctx.check(worksheet_autofilter(
                          ws, filter->first_row, static_cast<lxw_col_t>(filter->first_col),
                          filter->last_row, static_cast<lxw_col_t>(filter->last_col)),
                      range_name(*filter), "autofilter");
        else
            ctx.drop(range_name(*filter), "autofilter out of bounds");
    }
}

}  // namespace kinerja::write_detail
