#include "read/sheet_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "common/excerpt.hpp"
#include "read/text.hpp"

namespace kinerja::read_detail {

namespace {

double to_double(std::string_view text, double fallback) {
    auto value = parse_number(text);
    return value ? *value : fallback;
}

long to_long(std::string_view text, long fallback) {
    auto value = parse_number(text);
    return value && std::abs(*value) < 1e9 ? std::lround(*value) : fallback;
}

template <class T>
T clamp_to(long value, long lo, long hi) {
    return static_cast<T>(std::clamp(value, lo, hi));
}

// Things Excel keeps in a worksheet that the model cannot carry, by element name.
std::string_view dropped_kind(std::string_view name) {
    if (name == "protectedRanges") return "protected ranges";
    if (name == "picture") return "background picture";
    if (name == "oleObjects") return "embedded object";
    if (name == "controls") return "form control";
    if (name == "customSheetViews") return "custom view";
    if (name == "scenarios") return "scenarios";
    if (name == "dataConsolidate") return "data consolidation";
    return {};
}

bool is_filter_element(std::string_view name) {
    return name == "filterColumn" || name == "filters" || name == "filter" ||
           name == "customFilters" || name == "customFilter" || name == "top10" ||
           name == "dynamicFilter" || name == "colorFilter" || name == "iconFilter" ||
           name == "dateGroupItem";
}

bool ignored_subtree(std::string_view name) {
    return name == "autoFilter" || name == "sortState" || name == "tableParts" ||
           name == "phoneticPr" || name == "ignoredErrors" || name == "smartTags" ||
           name == "cellWatches" || name == "webPublishItems" || name == "customProperties" ||
           name == "selection";
}

}  // namespace

SheetHandler::SheetHandler(const std::string& part, Sheet& sheet, SheetInputs& in)
    : part_(part), sheet_(sheet), in_(in), rich_(in.colors) {}

void SheetHandler::fail_at(const std::string& where, Message reason) const {
    in_.source.fail(
        part_ + " (" + excerpt(sheet_.name, 40) + (where.empty() ? "" : ", " + where) + ")",
        std::move(reason));
}

void SheetHandler::drop(std::string what) {
    DroppedPart d{sheet_.name, std::move(what)};
    if (std::find(in_.wb.dropped.begin(), in_.wb.dropped.end(), d) == in_.wb.dropped.end())
        in_.wb.dropped.push_back(std::move(d));
}

void SheetHandler::start(Ns ns, std::string_view name, const XmlAttrs& attrs) {
    ++depth_;
    if (skip_depth_) return;
    if (ns == Ns::mc) {
        // Markup compatibility: read the preferred choice, never the fallback copy.
        if (name == "Fallback") skip_depth_ = depth_;
        return;
    }
    switch (section_) {
        case Section::data:
            if (ns != Ns::main) return;
            if (in_inline_) {
                rich_.start(name, attrs);
            } else if (name == "c") {
                start_cell(attrs);
            } else if (name == "v" && in_cell_) {
                text_ = Text::value;
                buffer_.clear();
            } else if (name == "f" && in_cell_) {
                start_formula(attrs);
            } else if (name == "is" && in_cell_) {
                in_inline_ = true;
            } else if (name == "row") {
                start_row(attrs);
            }
            return;
        case Section::cf:
        case Section::validations:
        case Section::ext:
        case Section::x14_validations:
            start_rule_element(ns, name, attrs);
            return;
        case Section::header_footer:
            if (name == "oddHeader" || name == "oddFooter") {
                text_ = name == "oddHeader" ? Text::header : Text::footer;
                buffer_.clear();
            }
            return;
        case Section::none:
            if (ns == Ns::main) {
                start_top_level(name, attrs);
            } else if (depth_ > 1) {
                skip_depth_ = depth_;
            }
            return;
    }
}

void SheetHandler::end(Ns ns, std::string_view name) {
    if (skip_depth_) {
        if (depth_ == skip_depth_) skip_depth_ = 0;
        --depth_;
        return;
    }
    --depth_;
    if (ns != Ns::main && section_ != Section::ext && section_ != Section::x14_validations) return;
    switch (section_) {
        case Section::data:
            if (in_inline_) {
                if (name == "is") {
                    in_inline_ = false;
                    SharedString s;
                    rich_.finish(s);
                    cell_.value = CellValue{CellValue::Kind::text, 0, std::move(s.text)};
                    cell_.rich = std::move(s.rich);
                } else {
                    rich_.end(name);
                }
            } else if (name == "c" && in_cell_) {
                end_cell();
            } else if (name == "v" || name == "f") {
                if (name == "f" && text_ == Text::formula) formula_ = buffer_;
                if (name == "v" && text_ == Text::value) {
                    has_value_ = true;
                    value_.swap(buffer_);
                }
                text_ = Text::none;
            } else if (name == "row") {
                in_row_ = false;
            } else if (name == "sheetData") {
                section_ = Section::none;
            }
            return;
        case Section::cf:
        case Section::validations:
        case Section::ext:
        case Section::x14_validations:
            end_rule_element(ns, name);
            return;
        case Section::header_footer:
            if (text_ == Text::header) sheet_.page.header = buffer_;
            if (text_ == Text::footer) sheet_.page.footer = buffer_;
            text_ = Text::none;
            if (name == "headerFooter") section_ = Section::none;
            return;
        case Section::none:
            return;
    }
}

void SheetHandler::text(std::string_view chars) {
    if (skip_depth_) return;
    if (in_inline_) {
        rich_.text(chars);
    } else if (text_ != Text::none) {
        buffer_.append(chars);
    }
}

void SheetHandler::start_top_level(std::string_view name, const XmlAttrs& attrs) {
    if (name == "sheetData") {
        section_ = Section::data;
    } else if (name == "dimension") {
        reserve_cells(attrs.get("ref"));
    } else if (name == "tabColor") {
        sheet_.tab_color = in_.colors.resolve(color_spec(attrs));
    } else if (name == "pageSetUpPr") {
        sheet_.page.fit_to_page = flag_value(attrs.get("fitToPage"), false);
    } else if (name == "sheetView") {
        if (!first_view_done_) {
            sheet_.view.show_gridlines = flag_value(attrs.get("showGridLines"), true);
            sheet_.view.right_to_left = flag_value(attrs.get("rightToLeft"), false);
            if (attrs.has("zoomScale"))
                sheet_.view.zoom =
                    clamp_to<std::uint16_t>(to_long(attrs.get("zoomScale"), 100), 10, 400);
        } else {
            skip_depth_ = depth_;
        }
        first_view_done_ = true;
    } else if (name == "pane") {
        std::string_view state = attrs.get("state");
        if (state == "frozen" || state == "frozenSplit") {
            sheet_.view.frozen_cols =
                clamp_to<std::uint32_t>(to_long(attrs.get("xSplit"), 0), 0, max_cols - 1);
            sheet_.view.frozen_rows =
                clamp_to<std::uint32_t>(to_long(attrs.get("ySplit"), 0), 0, max_rows - 1);
        } else {  // "split", the default: the bars stay where they are, in twips
            constexpr double max_twips = 20.0 * 1638.0 * 1000;  // far beyond any window
            double x = to_double(attrs.get("xSplit"), 0), y = to_double(attrs.get("ySplit"), 0);
            sheet_.view.split_x = x > 0 && x < max_twips ? x : 0;
            sheet_.view.split_y = y > 0 && y < max_twips ? y : 0;
            std::uint32_t row = 0, col = 0;
            if (parse_cell_name(attrs.get("topLeftCell"), row, col)) {
                sheet_.view.split_top_row = row;
                sheet_.view.split_left_col = col;
            }
        }
    } else if (name == "sheetFormatPr") {
        if (attrs.has("defaultRowHeight"))
            sheet_.default_row_height = to_double(attrs.get("defaultRowHeight"), 15);
        if (attrs.has("defaultColWidth"))
            sheet_.default_col_width = to_double(attrs.get("defaultColWidth"), 8.43);
        if (attrs.has("baseColWidth"))
            sheet_.base_col_width =
                clamp_to<std::uint16_t>(to_long(attrs.get("baseColWidth"), 8), 0, 255);
    } else if (name == "col") {
        start_column(attrs);
    } else if (name == "mergeCell") {
        CellRange range;
        if (parse_range(attrs.get("ref"), range)) add_merge(range);
    } else if (name == "conditionalFormatting") {
        section_ = Section::cf;
        cf_ranges_ = parse_sqref(attrs.get("sqref"));
    } else if (name == "dataValidations") {
        section_ = Section::validations;
    } else if (name == "extLst") {
        section_ = Section::ext;
        ext_depth_ = depth_;
    } else if (name == "hyperlink") {
        SheetLinks::Link link;
        if (!parse_range(attrs.get("ref"), link.where)) return;
        link.rel_id = attrs.get("id");
        link.location = attrs.get("location");
        link.tooltip = attrs.get("tooltip");
        links.hyperlinks.push_back(std::move(link));
    } else if (name == "autoFilter") {
        CellRange range;
        if (parse_range(attrs.get("ref"), range))
            sheet_.autofilter = AutoFilter{range, {}};
        else
            skip_depth_ = depth_;
    } else if (sheet_.autofilter && is_filter_element(name)) {
        start_filter_element(name, attrs);
    } else if (name == "printOptions") {
        sheet_.page.center_horizontally = flag_value(attrs.get("horizontalCentered"), false);
        sheet_.page.center_vertically = flag_value(attrs.get("verticalCentered"), false);
        sheet_.page.print_gridlines = flag_value(attrs.get("gridLines"), false);
        sheet_.page.print_headings = flag_value(attrs.get("headings"), false);
    } else if (name == "pageMargins") {
        PageSetup& p = sheet_.page;
        p.margin_left = to_double(attrs.get("left"), p.margin_left);
        p.margin_right = to_double(attrs.get("right"), p.margin_right);
        p.margin_top = to_double(attrs.get("top"), p.margin_top);
        p.margin_bottom = to_double(attrs.get("bottom"), p.margin_bottom);
        p.margin_header = to_double(attrs.get("header"), p.margin_header);
        p.margin_footer = to_double(attrs.get("footer"), p.margin_footer);
    } else if (name == "pageSetup") {
        start_page_setup(attrs);
    } else if (name == "headerFooter") {
        section_ = Section::header_footer;
        if (flag_value(attrs.get("differentFirst"), false) ||
            flag_value(attrs.get("differentOddEven"), false))
            drop("header/footer for first or even pages");
    } else if (name == "drawing") {
        links.drawing = attrs.get("id");
    } else if (name == "legacyDrawing") {
        links.legacy_drawing = attrs.get("id");
    } else if (name == "legacyDrawingHF") {
        links.legacy_drawing_hf = attrs.get("id");
    } else if (name == "rowBreaks" || name == "colBreaks") {
        breaks_ = name == "rowBreaks" ? &sheet_.page.row_breaks : &sheet_.page.col_breaks;
    } else if (name == "brk") {
        long id = to_long(attrs.get("id"), 0);
        if (breaks_ && flag_value(attrs.get("man"), false) && id > 0 &&
            id < static_cast<long>(breaks_ == &sheet_.page.row_breaks ? max_rows : max_cols) &&
            breaks_->size() < 1023)
            breaks_->push_back(static_cast<std::uint32_t>(id));
    } else if (name == "outlinePr") {
        sheet_.view.summary_below = flag_value(attrs.get("summaryBelow"), true);
        sheet_.view.summary_right = flag_value(attrs.get("summaryRight"), true);
    } else if (name == "sheetProtection") {
        if (flag_value(attrs.get("sheet"), false))
            sheet_.protection = PartProtection{true, attrs.all()};
    } else if (auto kind = dropped_kind(name); !kind.empty()) {
        drop(std::string(kind));
        skip_depth_ = depth_;
    } else if (ignored_subtree(name)) {
        skip_depth_ = depth_;
    }
}

// The criteria of the AutoFilter's columns. A column filtered in a way the model cannot
// hold (by colour, whose style ids the writer renumbers; date groups) is named in `dropped`
// and left unfiltered; its hidden rows stay hidden.
void SheetHandler::start_filter_element(std::string_view name, const XmlAttrs& attrs) {
    AutoFilter& filter = *sheet_.autofilter;
    if (name == "filterColumn") {
        long id = to_long(attrs.get("colId"), -1);
        long span = static_cast<long>(filter.range.last_col - filter.range.first_col);
        if (id < 0 || id > span) {
            skip_depth_ = depth_;
            return;
        }
        filter_column_depth_ = depth_;
        filter.columns.emplace_back().col = filter.range.first_col + static_cast<std::uint32_t>(id);
        return;
    }
    if (filter.columns.empty() || filter_column_depth_ == 0) return;
    FilterColumn& column = filter.columns.back();
    if (name == "filters") {
        column.blanks = flag_value(attrs.get("blank"), false);
    } else if (name == "filter") {
        column.values.emplace_back(attrs.get("val"));
    } else if (name == "customFilters") {
        column.match_all = flag_value(attrs.get("and"), false);
    } else if (name == "customFilter" && column.conditions.size() < 2) {
        std::string_view op = attrs.get("operator");
        using Op = FilterColumn::Op;
        Op kind = op == "notEqual"             ? Op::not_equal
                  : op == "greaterThan"        ? Op::greater
                  : op == "greaterThanOrEqual" ? Op::greater_equal
                  : op == "lessThan"           ? Op::less
                  : op == "lessThanOrEqual"    ? Op::less_equal
                                               : Op::equal;
        column.conditions.push_back({kind, std::string(attrs.get("val"))});
    } else if (name == "top10" || name == "dynamicFilter" || name == "iconFilter") {
        column.rule = std::string(name);
        column.rule_attributes = attrs.all();
    } else if (name != "customFilter") {
        std::string_view kind = name == "top10"           ? "top 10"
                                : name == "dynamicFilter" ? "dynamic"
                                : name == "colorFilter"   ? "by colour"
                                : name == "iconFilter"    ? "by icon"
                                                          : "date groups";
        drop("AutoFilter criteria (" + std::string(kind) + ") in column " +
             column_name(column.col));
        filter.columns.pop_back();
        skip_depth_ = filter_column_depth_;  // the rest of this <filterColumn>
        filter_column_depth_ = 0;
    }
}

void SheetHandler::start_column(const XmlAttrs& attrs) {
    long first = to_long(attrs.get("min"), 0), last = to_long(attrs.get("max"), first);
    if (first < 1 || first > static_cast<long>(max_cols)) return;
    ColumnInfo col;
    col.first = static_cast<std::uint32_t>(first - 1);
    col.last = clamp_to<std::uint32_t>(last, first, max_cols) - 1;
    if (attrs.has("width")) {
        double width = to_double(attrs.get("width"), 0);
        if (width >= 0 && width <= 255) col.width = width;
    }
    col.hidden = flag_value(attrs.get("hidden"), false);
    col.collapsed = flag_value(attrs.get("collapsed"), false);
    col.outline_level = clamp_to<std::uint8_t>(to_long(attrs.get("outlineLevel"), 0), 0, 7);
    if (attrs.has("style"))
        col.style =
            style_index(attrs.get("style"), [&] { return "col " + column_name(col.first); });
    sheet_.columns.push_back(col);
}

void SheetHandler::add_merge(const CellRange& range) {
    const ReadLimits& limits = in_.limits;
    if (sheet_.merges.size() >= limits.max_merges) {
        std::string limit = std::to_string(limits.max_merges);
        fail_at(range_name(range), {"Terlalu banyak sel gabungan di lembar ini (batas " + limit +
                                        "). Hapus gabungan yang tidak perlu, lalu simpan lagi.",
                                    "Too many merged ranges on this sheet (limit " + limit +
                                        "). Remove merges that are not needed, then save again."});
    }
    std::uint64_t cells = std::uint64_t(range.last_row - range.first_row + 1) *
                          (range.last_col - range.first_col + 1);
    in_.merged_cells += cells;
    if (in_.merged_cells > limits.max_merged_cells) {
        std::string n = std::to_string(cells), limit = std::to_string(limits.max_merged_cells);
        fail_at(range_name(range),
                {"Gabungan sel " + range_name(range) + " mencakup " + n +
                     " sel; sel yang tergabung dalam buku kerja melebihi batas " + limit +
                     ". Gabungkan hanya sel yang memang dipakai, lalu simpan lagi.",
                 "The merged range " + range_name(range) + " covers " + n +
                     " cells; the cells under merges in the workbook exceed the limit of " + limit +
                     ". Merge only the cells in use, then save again."});
    }
    sheet_.merges.push_back(range);
}

// Room for the cells the sheet says it spans, so that the cell vector does not
// grow by copying (which doubles the peak memory of a large sheet). The claim is
// bounded by what the part's size can hold, so a wrong dimension costs little.
void SheetHandler::reserve_cells(std::string_view dimension) {
    constexpr std::uint64_t min_cell_bytes = 16;  // <c r="A1" s="1"/> is 17
    CellRange range;
    if (!sheet_.cells.empty() || !parse_range(dimension, range)) return;
    std::uint64_t spanned = std::uint64_t(range.last_row - range.first_row + 1) *
                            (range.last_col - range.first_col + 1);
    std::uint64_t cells = std::min({spanned, part_bytes_ / min_cell_bytes, in_.limits.max_cells,
                                    cell_memory_room() / sizeof(Cell)});
    sheet_.cells.reserve(static_cast<std::size_t>(cells));
}

void SheetHandler::start_page_setup(const XmlAttrs& attrs) {
    PageSetup& p = sheet_.page;
    if (attrs.has("paperSize"))
        p.paper = clamp_to<std::uint8_t>(to_long(attrs.get("paperSize"), 0), 0, 255);
    std::string_view orientation = attrs.get("orientation");
    p.orientation =
        orientation == "portrait" || orientation == "landscape" ? std::string(orientation) : "";
    if (attrs.has("scale"))
        p.scale = clamp_to<std::uint16_t>(to_long(attrs.get("scale"), 100), 10, 400);
    p.fit_width = clamp_to<std::uint16_t>(to_long(attrs.get("fitToWidth"), 1), 0, 32767);
    p.fit_height = clamp_to<std::uint16_t>(to_long(attrs.get("fitToHeight"), 1), 0, 32767);
    // firstPageNumber defaults to 1 (ECMA-376 18.3.1.63); libxlsxwriter leaves the 1 out.
    if (flag_value(attrs.get("useFirstPageNumber"), false))
        p.first_page_number =
            clamp_to<std::uint16_t>(to_long(attrs.get("firstPageNumber"), 1), 0, 32767);
    p.across_then_down = attrs.get("pageOrder") == "overThenDown";
}

void SheetHandler::finish() {
    if (!sorted_) sheet_.normalize();
    // A dimension that claimed far more cells than there are.
    auto& cells = sheet_.cells;
    if (cells.capacity() - cells.size() > std::max<std::size_t>(cells.size(), 4096))
        cells.shrink_to_fit();
    in_.cell_memory += cells.capacity() * sizeof(Cell);
    auto& cols = sheet_.columns;
    std::stable_sort(cols.begin(), cols.end(),
                     [](const ColumnInfo& a, const ColumnInfo& b) { return a.first < b.first; });
    std::vector<ColumnInfo> spans;
    for (auto& c : cols) {
        if (!spans.empty() && c.first <= spans.back().last) {
            if (c.last <= spans.back().last) continue;  // fully covered by an earlier span
            c.first = spans.back().last + 1;
        }
        spans.push_back(c);
    }
    cols = std::move(spans);
}

SheetLinks read_sheet(ZipArchive& zip, const std::string& part, Sheet& sheet, SheetInputs& in) {
    SheetHandler handler(part, sheet, in);
    handler.set_part_bytes(zip.declared_size(part));
    parse_stream(zip, part, handler);
    handler.finish();
    return std::move(handler.links);
}

}  // namespace kinerja::read_detail
