// Validations, conditional formats, comments, hyperlinks, images and page setup.
#include <algorithm>
#include <map>

#include "roundtrip/compare_detail.hpp"

namespace kinerja::test::compare_detail {

std::string ranges_text(const std::vector<CellRange>& ranges) {
    std::vector<std::string> names;
    for (const auto& range : ranges) names.push_back(range_name(range));
    std::sort(names.begin(), names.end());
    std::string text;
    for (const auto& name : names) text += (text.empty() ? "" : " ") + name;
    return text;
}

namespace {

// Groups items by a key; items with equal keys keep their order.
template <class T, class Key>
std::multimap<std::string, const T*> keyed(const std::vector<T>& items, Key key) {
    std::multimap<std::string, const T*> out;
    for (const auto& item : items) out.emplace(key(item), &item);
    return out;
}

// Calls `same(a, b)` for matched items in key order, and records unmatched ones.
template <class T, class Key, class Same>
void pair_up(Recorder& r, const std::vector<T>& a, const std::vector<T>& b, Key key, Same same) {
    auto ka = keyed(a, key);
    auto kb = keyed(b, key);
    for (auto it = ka.begin(); it != ka.end();) {
        auto [a_first, a_last] = ka.equal_range(it->first);
        auto [b_first, b_last] = kb.equal_range(it->first);
        r.where = r.area + " " + it->first;
        for (; a_first != a_last && b_first != b_last; ++a_first, ++b_first)
            same(*a_first->second, *b_first->second);
        for (; a_first != a_last; ++a_first) r.add("presence", "present", "missing");
        for (; b_first != b_last; ++b_first) r.add("presence", "absent", "present");
        it = a_last;
    }
    for (const auto& [k, item] : kb)
        if (!ka.count(k)) r.where = r.area + " " + k, r.add("presence", "absent", "present");
}

// The operator only means something for these types; absent means "between".
bool has_operator(const std::string& type) {
    return type == "whole" || type == "decimal" || type == "date" || type == "time" ||
           type == "textLength";
}

}  // namespace

void compare_validations(Recorder& r, const Sheet& a, const Sheet& b) {
    r.area = "validation";
    pair_up(
        r, a.validations, b.validations,
        [](const DataValidation& v) { return ranges_text(v.ranges); },
        [&](const DataValidation& x, const DataValidation& y) {
            r.same("type", x.type, y.type);
            std::string ox = x.op.empty() ? "between" : x.op;
            std::string oy = y.op.empty() ? "between" : y.op;
            if (has_operator(x.type)) r.same("op", ox, oy);
            r.same("formula1", x.formula1, y.formula1);
            // formula2 is read only by the two-operand operators.
            bool two = has_operator(x.type) && (ox == "between" || ox == "notBetween");
            if (two) r.same("formula2", x.formula2, y.formula2);
            r.same("allow_blank", x.allow_blank, y.allow_blank);
            if (x.type == "list") r.same("show_dropdown", x.show_dropdown, y.show_dropdown);
            r.same("show_input", x.show_input, y.show_input);
            r.same("show_error", x.show_error, y.show_error);
            auto style = [](const std::string& s) { return s.empty() ? std::string("stop") : s; };
            r.same("error_style", style(x.error_style), style(y.error_style));
            r.same("prompt_title", x.prompt_title, y.prompt_title);
            r.same("prompt", x.prompt, y.prompt);
            r.same("error_title", x.error_title, y.error_title);
            r.same("error", x.error, y.error);
        });
}

void compare_conditional_formats(Recorder& r, const Sheet& a, const Sheet& b) {
    // Priorities are relative: writers renumber them. Within one range the order of
    // the rules matters, so pair rules by range in priority order.
    auto sorted = [](std::vector<ConditionalFormat> rules) {
        std::stable_sort(rules.begin(), rules.end(),
                         [](const auto& x, const auto& y) { return x.priority < y.priority; });
        return rules;
    };
    r.area = "conditional format";
    pair_up(
        r, sorted(a.conditional_formats), sorted(b.conditional_formats),
        [](const ConditionalFormat& f) { return ranges_text(f.ranges); },
        [&](const ConditionalFormat& x, const ConditionalFormat& y) {
            r.same("type", x.type, y.type);
            r.same("op", x.op, y.op);
            r.same("formulas.size", x.formulas.size(), y.formulas.size());
            for (std::size_t i = 0; i < std::min(x.formulas.size(), y.formulas.size()); ++i)
                r.same("formulas[" + std::to_string(i) + "]", x.formulas[i], y.formulas[i]);
            r.same("text", x.text, y.text);
            r.same("style", x.style.has_value(), y.style.has_value());
            if (x.style && y.style) compare_diff_style(r, "style.", *x.style, *y.style);
            r.same("stop_if_true", x.stop_if_true, y.stop_if_true);
            r.same("thresholds.size", x.thresholds.size(), y.thresholds.size());
            for (std::size_t i = 0; i < std::min(x.thresholds.size(), y.thresholds.size()); ++i) {
                std::string n = "thresholds[" + std::to_string(i) + "]";
                r.same(n + ".type", x.thresholds[i].first, y.thresholds[i].first);
                // min and max have no value ("0" or empty, depending on the writer).
                if (x.thresholds[i].first != "min" && x.thresholds[i].first != "max")
                    r.same(n + ".value", x.thresholds[i].second, y.thresholds[i].second);
            }
            r.same("colors.size", x.colors.size(), y.colors.size());
            for (std::size_t i = 0; i < std::min(x.colors.size(), y.colors.size()); ++i)
                r.color("colors[" + std::to_string(i) + "]", x.colors[i], y.colors[i]);
            // These attributes are read only by their own rule types; LibreOffice
            // writes them on every rule.
            if (x.type == "top10") {
                r.same("rank", x.rank, y.rank);
                r.same("percent", x.percent, y.percent);
                r.same("bottom", x.bottom, y.bottom);
            }
            if (x.type == "aboveAverage") r.same("above_average", x.above_average, y.above_average);
        });
}

void compare_comments_and_links(Recorder& r, const Sheet& a, const Sheet& b) {
    r.area = "comment";
    auto at = [](const auto& item) { return cell_name(item.row, item.col); };
    pair_up(r, a.comments, b.comments, at, [&](const Comment& x, const Comment& y) {
        r.same("author", x.author, y.author);
        r.same("text", x.text, y.text);
        r.same("visible", x.visible, y.visible);
    });
    r.area = "hyperlink";
    pair_up(r, a.hyperlinks, b.hyperlinks, at, [&](const Hyperlink& x, const Hyperlink& y) {
        r.same("url", x.url, y.url);
        r.same("location", x.location, y.location);
        r.same("tooltip", x.tooltip, y.tooltip);
    });
}

void compare_images(Recorder& r, const Sheet& a, const Sheet& b) {
    r.area = "image";
    auto at = [](const Image& i) { return cell_name(i.row, i.col); };
    pair_up(r, a.images, b.images, at, [&](const Image& x, const Image& y) {
        r.near("x_offset", x.x_offset, y.x_offset, pixel_tolerance);
        r.near("y_offset", x.y_offset, y.y_offset, pixel_tolerance);
        r.near("width", x.width, y.width, pixel_tolerance);
        r.near("height", x.height, y.height, pixel_tolerance);
        r.same("extension", x.extension, y.extension);
        r.same("description", x.description, y.description);
        std::size_t sx = x.data ? x.data->size() : 0, sy = y.data ? y.data->size() : 0;
        r.same("data.size", sx, sy);
        if (sx == sy && sx > 0 && *x.data != *y.data) r.add("data", "bytes", "different bytes");
    });
}

void compare_page(Recorder& r, const PageSetup& a, const PageSetup& b) {
    r.area = "page setup";
    r.where = "";
    r.same("paper", a.paper, b.paper);
    // No orientation means portrait.
    auto orientation = [](const std::string& o) { return o.empty() ? std::string("portrait") : o; };
    r.same("orientation", orientation(a.orientation), orientation(b.orientation));
    r.same("scale", a.scale, b.scale);
    r.same("fit_to_page", a.fit_to_page, b.fit_to_page);
    if (a.fit_to_page) {  // fitToWidth/Height are read only with fitToPage on
        r.same("fit_width", a.fit_width, b.fit_width);
        r.same("fit_height", a.fit_height, b.fit_height);
    }
    r.near("margin_left", a.margin_left, b.margin_left, point_tolerance);
    r.near("margin_right", a.margin_right, b.margin_right, point_tolerance);
    r.near("margin_top", a.margin_top, b.margin_top, point_tolerance);
    r.near("margin_bottom", a.margin_bottom, b.margin_bottom, point_tolerance);
    r.near("margin_header", a.margin_header, b.margin_header, point_tolerance);
    r.near("margin_footer", a.margin_footer, b.margin_footer, point_tolerance);
    r.same("center_horizontally", a.center_horizontally, b.center_horizontally);
    r.same("center_vertically", a.center_vertically, b.center_vertically);
    r.same("print_gridlines", a.print_gridlines, b.print_gridlines);
    r.same("print_headings", a.print_headings, b.print_headings);
    r.same("first_page_number", a.first_page_number, b.first_page_number);
    r.same("across_then_down", a.across_then_down, b.across_then_down);
    r.same("header", a.header, b.header);
    r.same("footer", a.footer, b.footer);
    auto pictures = [](const PageSetup& p) {
        std::string out;
        for (const HeaderImage& image : p.header_images)
            out += image.position + ":" + std::to_string(image.data ? image.data->size() : 0) + " ";
        return out;
    };
    r.same("header_images", pictures(a), pictures(b));
    auto numbers = [](const std::vector<std::uint32_t>& list) {
        std::string out;
        for (std::uint32_t n : list) out += std::to_string(n) + " ";
        return out;
    };
    r.same("row_breaks", numbers(a.row_breaks), numbers(b.row_breaks));
    r.same("col_breaks", numbers(a.col_breaks), numbers(b.col_breaks));
}

std::string attributes(const PartProtection& protection) {
    std::string out;
    for (const auto& [key, value] : protection.attributes) out += key + "=" + value + " ";
    return out;
}

}  // namespace kinerja::test::compare_detail
