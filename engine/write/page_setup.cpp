// Sheet view (panes, zoom, gridlines) and print setup.
#include <unistd.h>

#include <charconv>

#include "write/detail.hpp"
#include "write/image_size.hpp"
#include "write/patches.hpp"

namespace kinerja::write_detail {

namespace {
constexpr double default_header_margin = 0.3;
constexpr double max_margin = 49;

// A header or footer text as libxlsxwriter takes it: a picture code (&G or &[Picture]) only
// in the sections (left, centre, right) that have a picture, and that picture's file.
// libxlsxwriter aborts the whole program when the codes and the pictures differ in number,
// so both come from one pass over the text.
struct HeaderText {
    std::string text;
    std::string files[3];  // left, centre, right; empty without a picture
    std::vector<std::string> lost;
};

// The picture as a nameless temp file libxlsxwriter can read by name; empty when it cannot.
std::string picture_file(const SheetContext& ctx, const HeaderImage& image) {
    if (!image.data || !image_size(*image.data)) return {};
    try {
        PrivateFile file = PrivateFile::unnamed(ctx.pictures.folder);
        const std::string& bytes = *image.data;
        for (std::size_t done = 0; done < bytes.size();) {
            ssize_t n = ::write(file.fd(), bytes.data() + done, bytes.size() - done);
            if (n <= 0) return {};
            done += static_cast<std::size_t>(n);
        }
        std::string path = file.access_path().string();
        ctx.pictures.files.push_back(std::move(file));
        return path;
    } catch (const OutputError&) {
        return {};
    }
}

HeaderText header_text(const SheetContext& ctx, const std::string& text, char kind) {
    HeaderText out;
    static constexpr char sections[] = "LCR";
    std::size_t section = 1;  // text before any section code is centred
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] != '&' || i + 1 == text.size()) {
            out.text += text[i++];
            continue;
        }
        char code = text[i + 1];
        std::size_t length = text.compare(i, 10, "&[Picture]") == 0 ? 10 : 2;
        if (code == 'L' || code == 'C' || code == 'R') {
            section = static_cast<std::size_t>(code == 'L' ? 0 : code == 'C' ? 1 : 2);
        } else if (code == 'G' || length == 10) {
            const std::string where{sections[section], kind};
            std::string file;
            if (out.files[section].empty())
                for (const HeaderImage& image : ctx.model.page.header_images)
                    if (image.position == where) file = picture_file(ctx, image);
            if (file.empty()) {
                out.lost.push_back(where);
            } else {
                out.files[section] = std::move(file);
                out.text += "&G";
            }
            i += length;
            continue;
        }
        out.text.append(text, i, 2);  // also "&&", so that its second '&' starts no code
        i += 2;
    }
    // libxlsxwriter counts every "&G", also one after a literal "&&".
    std::size_t codes = 0, pictures = 0;
    for (auto at = out.text.find("&G"); at != std::string::npos; at = out.text.find("&G", at + 1))
        ++codes;
    for (const auto& file : out.files) pictures += file.empty() ? 0 : 1;
    if (codes != pictures) {
        out = HeaderText{};
        out.lost.push_back(kind == 'H' ? "page header" : "page footer");
    }
    return out;
}

// Sets the header or footer; false when there is no text left to write.
bool write_header_footer(const SheetContext& ctx, const std::string& text, double margin,
                         bool header) {
    HeaderText hf = header_text(ctx, text, header ? 'H' : 'F');
    for (const std::string& where : hf.lost)
        ctx.drop("", where.size() == 2 ? "header/footer picture (" + where + ")"
                                       : where + " with '&&G' and pictures");
    if (hf.text.empty()) return false;
    lxw_header_footer_options options{};
    options.margin = margin;
    options.image_left = hf.files[0].empty() ? nullptr : hf.files[0].data();
    options.image_center = hf.files[1].empty() ? nullptr : hf.files[1].data();
    options.image_right = hf.files[2].empty() ? nullptr : hf.files[2].data();
    if (header)
        return ctx.check(worksheet_set_header_opt(ctx.sheet, hf.text.c_str(), &options), "",
                         "page header");
    return ctx.check(worksheet_set_footer_opt(ctx.sheet, hf.text.c_str(), &options), "",
                     "page footer");
}

// Sets attributes of the first `<tag ` element of `xml` that libxlsxwriter wrote with them;
// false when the element or one of the attributes is not there.
bool set_attributes(std::string& xml, const std::string& tag,
                    const std::vector<std::pair<std::string, std::string>>& values) {
    auto start = xml.find("<" + tag + " ");
    if (start == std::string::npos) return false;
    auto end = xml.find('>', start);
    if (end == std::string::npos) return false;
    bool set = true;
    for (const auto& [name, value] : values) {
        std::string key = " " + name + "=\"";
        auto at = xml.find(key, start);
        auto close = at == std::string::npos ? at : xml.find('"', at + key.size());
        if (at == std::string::npos || at > end || close == std::string::npos) {
            set = false;
            continue;
        }
        xml.replace(at + key.size(), close - at - key.size(), value);
        end = xml.find('>', start);
    }
    return set;
}

std::string sheet_part(const SheetContext& ctx) {
    return "xl/worksheets/sheet" + std::to_string(ctx.index + 1) + ".xml";
}

// <pageMargins header footer> set to the model's values.
void patch_header_margins(const SheetContext& ctx, double header, double footer) {
    std::vector<std::pair<std::string, std::string>> values{{"header", shortest_decimal(header)},
                                                            {"footer", shortest_decimal(footer)}};
    ctx.patches.edit_part(
        sheet_part(ctx),
        [values](std::string& xml) { return set_attributes(xml, "pageMargins", values); },
        {ctx.model.name, "", "header or footer margin written as 0.3"});
}

// A split pane where the model has it: libxlsxwriter takes the position in points and
// characters and converts it with its own rounding, so its twips are replaced by the exact ones.
void write_split(const SheetContext& ctx, const SheetView& view) {
    if (view.split_top_row >= max_rows || view.split_left_col >= max_cols) {
        ctx.drop("", "split pane out of bounds");
        return;
    }
    // The inverse of libxlsxwriter's conversion (20 twips a point plus 300 for the column
    // headings; 15 twips a pixel, 7 pixels a character plus 5, plus 390 for the row numbers).
    double points = view.split_y > 0 ? std::max(1.0, (view.split_y - 300) / 20) : 0;
    double chars = view.split_x > 0 ? std::max(1.0, ((view.split_x - 390) / 15 - 5) / 7) : 0;
    worksheet_split_panes_opt(ctx.sheet, points, chars, view.split_top_row,
                              static_cast<lxw_col_t>(view.split_left_col));
    std::vector<std::pair<std::string, std::string>> values;
    if (view.split_x > 0) values.emplace_back("xSplit", shortest_decimal(view.split_x));
    if (view.split_y > 0) values.emplace_back("ySplit", shortest_decimal(view.split_y));
    ctx.patches.edit_part(
        sheet_part(ctx), [values](std::string& xml) { return set_attributes(xml, "pane", values); },
        {ctx.model.name, "", "split pane moved by less than a pixel"});
}

lxw_filter_rule filter_rule(const FilterColumn::Condition& condition, std::string& text) {
    using Op = FilterColumn::Op;
    lxw_filter_rule rule{};
    switch (condition.op) {
        case Op::equal:
            rule.criteria = LXW_FILTER_CRITERIA_EQUAL_TO;
            break;
        case Op::not_equal:
            rule.criteria = LXW_FILTER_CRITERIA_NOT_EQUAL_TO;
            break;
        case Op::greater:
            rule.criteria = LXW_FILTER_CRITERIA_GREATER_THAN;
            break;
        case Op::greater_equal:
            rule.criteria = LXW_FILTER_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
            break;
        case Op::less:
            rule.criteria = LXW_FILTER_CRITERIA_LESS_THAN;
            break;
        case Op::less_equal:
            rule.criteria = LXW_FILTER_CRITERIA_LESS_THAN_OR_EQUAL_TO;
            break;
    }
    // A number is compared as a number; anything else (wildcards included) as text.
    double number = 0;
    const char* end = condition.value.data() + condition.value.size();
    auto [stop, error] = std::from_chars(condition.value.data(), end, number);
    if (!condition.value.empty() && error == std::errc{} && stop == end) {
        rule.value = number;
    } else {
        text = condition.value;
        rule.value_string = text.data();
    }
    return rule;
}

// The AutoFilter and the criteria of its columns. The rows they hide are hidden in the model
// already, as Excel saved them.
void write_autofilter(const SheetContext& ctx, const AutoFilter& filter) {
    const CellRange& range = filter.range;
    if (range.last_row >= max_rows || range.last_col >= max_cols) {
        ctx.drop(range_name(range), "autofilter out of bounds");
        return;
    }
    if (!ctx.check(worksheet_autofilter(ctx.sheet, range.first_row,
                                        static_cast<lxw_col_t>(range.first_col), range.last_row,
                                        static_cast<lxw_col_t>(range.last_col)),
                   range_name(range), "autofilter"))
        return;
    for (const FilterColumn& column : filter.columns) {
        auto col = static_cast<lxw_col_t>(column.col);
        std::string where = column_name(column.col) + std::to_string(range.first_row + 1);
        if (!column.conditions.empty()) {
            std::string texts[2];
            lxw_filter_rule first = filter_rule(column.conditions[0], texts[0]);
            if (column.conditions.size() == 1) {
                ctx.check(worksheet_filter_column(ctx.sheet, col, &first), where,
                          "autofilter criteria");
            } else {
                lxw_filter_rule second = filter_rule(column.conditions[1], texts[1]);
                ctx.check(
                    worksheet_filter_column2(ctx.sheet, col, &first, &second,
                                             column.match_all ? LXW_FILTER_AND : LXW_FILTER_OR),
                    where, "autofilter criteria");
            }
            continue;
        }
        // Blank cells only: libxlsxwriter refuses a list without a value; patched in below.
        if (column.values.empty() && column.blanks) continue;
        // libxlsxwriter's word for "blank cells too" in a list.
        std::vector<std::string> values = column.values;
        if (column.blanks) values.emplace_back("Blanks");
        if (values.empty()) continue;
        std::vector<char*> list;
        for (std::string& value : values) list.push_back(value.data());
        list.push_back(nullptr);
        ctx.check(worksheet_filter_list(ctx.sheet, col, list.data()), where, "autofilter criteria");
    }
    // Top 10, dynamic and icon criteria, and blank cells only: libxlsxwriter has no words for
    // them; patched in.
    std::string kept;
    for (const FilterColumn& column : filter.columns) {
        bool blanks_only = column.values.empty() && column.blanks && column.conditions.empty();
        if (column.rule.empty() && !blanks_only) continue;
        kept += "<filterColumn colId=\"" + std::to_string(column.col - range.first_col) + "\">";
        if (blanks_only) {
            kept += "<filters blank=\"1\"/></filterColumn>";
            continue;
        }
        kept += "<" + column.rule;
        for (const auto& [name, value] : column.rule_attributes)
            kept += " " + name + "=\"" + xml_escape(value) + "\"";
        kept += "/></filterColumn>";
    }
    if (!kept.empty())
        ctx.patches.filter_columns(ctx.index, kept,
                                   {ctx.model.name, range_name(range), "AutoFilter criteria"});
}
}  // namespace

void write_view(const SheetContext& ctx) {
    const SheetView& view = ctx.model.view;
    if (view.frozen_rows > 0 || view.frozen_cols > 0) {
        if (view.frozen_rows < max_rows && view.frozen_cols < max_cols)
            worksheet_freeze_panes(ctx.sheet, view.frozen_rows,
                                   static_cast<lxw_col_t>(view.frozen_cols));
        else
            ctx.drop("", "frozen pane out of bounds");
    } else if (view.split_x > 0 || view.split_y > 0) {
        write_split(ctx, view);
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
    if (!view.summary_below || !view.summary_right)
        worksheet_outline_settings(ctx.sheet, LXW_TRUE, view.summary_below, view.summary_right,
                                   LXW_FALSE);
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
    double margin_header = margin(page.margin_header, default_header_margin);
    double margin_footer = margin(page.margin_footer, default_header_margin);
    bool header =
        !page.header.empty() && write_header_footer(ctx, page.header, margin_header, true);
    bool footer =
        !page.footer.empty() && write_header_footer(ctx, page.footer, margin_footer, false);
    // libxlsxwriter takes these margins only with a text, and not 0: the rest is patched.
    if ((margin_header != default_header_margin && (!header || margin_header <= 0)) ||
        (margin_footer != default_header_margin && (!footer || margin_footer <= 0)))
        patch_header_margins(ctx, margin_header, margin_footer);
    if (page.center_horizontally) worksheet_center_horizontally(ws);
    if (page.center_vertically) worksheet_center_vertically(ws);
    if (page.print_headings) worksheet_print_row_col_headers(ws);
    if (page.first_page_number) worksheet_set_start_page(ws, *page.first_page_number);
    if (page.across_then_down) worksheet_print_across(ws);
    // Manual page breaks, as zero-terminated lists libxlsxwriter copies.
    if (!page.row_breaks.empty()) {
        std::vector<lxw_row_t> breaks(page.row_breaks.begin(), page.row_breaks.end());
        breaks.push_back(0);
        ctx.check(worksheet_set_h_pagebreaks(ws, breaks.data()), "", "row page breaks");
    }
    if (!page.col_breaks.empty()) {
        std::vector<lxw_col_t> breaks;
        for (std::uint32_t col : page.col_breaks)
            if (col < max_cols) breaks.push_back(static_cast<lxw_col_t>(col));
        breaks.push_back(0);
        ctx.check(worksheet_set_v_pagebreaks(ws, breaks.data()), "", "column page breaks");
    }
    if (ctx.model.autofilter) write_autofilter(ctx, *ctx.model.autofilter);
}

}  // namespace kinerja::write_detail
