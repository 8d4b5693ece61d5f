#include "write/chart_xml.hpp"

#include <string_view>

#include "write/numbers.hpp"
#include "write/patches.hpp"

namespace kinerja::write_detail {

namespace {

constexpr auto npos = std::string::npos;

// [begin, end) of the first <tag>...</tag> at or after `from` that ends by `limit`.
struct Span {
    std::size_t begin = npos, end = npos;
    bool found() const { return begin != npos; }
};

Span element(const std::string& xml, std::string_view tag, std::size_t from, std::size_t limit) {
    std::string open = "<" + std::string(tag) + ">", close = "</" + std::string(tag) + ">";
    auto b = xml.find(open, from);
    if (b == npos || b >= limit) return {};
    auto e = xml.find(close, b);
    if (e == npos || e + close.size() > limit) return {};
    return {b, e + close.size()};
}

// The range formula inside an element, as libxlsxwriter escaped it.
std::string_view formula_in(const std::string& xml, Span span) {
    Span f = element(xml, "c:f", span.begin, span.end);
    if (!f.found()) return {};
    return std::string_view(xml).substr(f.begin + 5, f.end - f.begin - 11);
}

void append_number(std::string& out, double value) {
    char text[number_text_size];
    out.append(text, exact_number_text(value, text));
}

void append_count(std::string& out, std::uint32_t count) {
    out += "<c:ptCount val=\"" + std::to_string(count) + "\"/>";
}

void append_point(std::string& out, std::uint32_t idx, std::string_view value) {
    out.append("<c:pt idx=\"").append(std::to_string(idx)).append("\"><c:v>");
    out.append(value).append("</c:v></c:pt>");
}

std::string number_cache(std::uint32_t count,
                         const std::vector<std::pair<std::uint32_t, double>>& points) {
    std::string out = "<c:numCache><c:formatCode>General</c:formatCode>";
    append_count(out, count);
    for (const auto& [idx, value] : points) {
        std::string text;
        append_number(text, value);
        append_point(out, idx, text);
    }
    return out + "</c:numCache>";
}

std::string category_element(std::string_view formula, const SeriesCache& s) {
    std::string out = "<c:cat>";
    if (s.numeric_categories) {
        out.append("<c:numRef><c:f>").append(formula).append("</c:f>");
        out += number_cache(s.category_count, s.category_numbers);
        return out + "</c:numRef></c:cat>";
    }
    out.append("<c:strRef><c:f>").append(formula).append("</c:f><c:strCache>");
    append_count(out, s.category_count);
    for (const auto& [idx, text] : s.categories) append_point(out, idx, xml_escape(text));
    return out + "</c:strCache></c:strRef></c:cat>";
}

std::string value_element(std::string_view formula, const SeriesCache& s) {
    std::string out = "<c:val><c:numRef><c:f>";
    out.append(formula).append("</c:f>");
    out += number_cache(s.value_count, s.values);
    return out + "</c:numRef></c:val>";
}

bool ends_with(std::string_view text, std::string_view end) {
    return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

// A bar series made a line series: no invertIfNegative, no markers, not smoothed.
std::string as_line_series(std::string_view ser) {
    std::string s(ser);
    const std::string invert = "<c:invertIfNegative val=\"0\"/>";
    if (auto at = s.find(invert); at != npos) s.erase(at, invert.size());
    // The marker goes after idx, order, tx and spPr (CT_LineSer's order).
    std::size_t at = s.find("<c:order ");
    at = at == npos ? npos : s.find("/>", at);
    if (at == npos) return {};
    at += 2;
    for (std::string_view tag : {"c:tx", "c:spPr"}) {
        std::string open = "<" + std::string(tag) + ">", close = "</" + std::string(tag) + ">";
        if (s.compare(at, open.size(), open) == 0) {
            auto end = s.find(close, at);
            if (end == npos) return {};
            at = end + close.size();
        }
    }
    s.insert(at, "<c:marker><c:symbol val=\"none\"/></c:marker>");
    s.insert(s.size() - 8, "<c:smooth val=\"0\"/>");  // before </c:ser>
    return s;
}

}  // namespace

bool rewrite_chart_caches(std::string& xml, const std::vector<SeriesCache>& series) {
    std::string out;
    out.reserve(xml.size() + 256);
    std::size_t pos = 0;
    for (const SeriesCache& s : series) {
        Span ser = element(xml, "c:ser", pos, xml.size());
        if (!ser.found()) return false;
        if (s.has_categories) {
            Span cat = element(xml, "c:cat", ser.begin, ser.end);
            std::string_view formula = cat.found() ? formula_in(xml, cat) : std::string_view{};
            if (formula.empty()) return false;
            out.append(xml, pos, cat.begin - pos).append(category_element(formula, s));
            pos = cat.end;
        }
        Span val = element(xml, "c:val", std::max(pos, ser.begin), ser.end);
        std::string_view formula = val.found() ? formula_in(xml, val) : std::string_view{};
        if (formula.empty() || !ends_with(formula, s.values_ref)) return false;
        out.append(xml, pos, val.begin - pos).append(value_element(formula, s));
        pos = val.end;
    }
    if (element(xml, "c:ser", pos, xml.size()).found()) return false;  // more series than known
    out.append(xml, pos, npos);
    xml = std::move(out);
    return true;
}

bool exact_axis_bounds(std::string& xml, std::optional<double> min, std::optional<double> max) {
    auto set = [&](std::string_view tag, std::optional<double> value) {
        if (!value) return true;
        std::string open = "<" + std::string(tag) + " val=\"";
        auto at = xml.find(open);
        auto end = at == npos ? npos : xml.find('"', at + open.size());
        if (end == npos) return false;
        std::string text;
        append_number(text, *value);
        xml.replace(at + open.size(), end - at - open.size(), text);
        return true;
    };
    bool min_set = set("c:min", min);
    return set("c:max", max) && min_set;
}

bool combine_line_series(std::string& xml, const std::vector<SeriesCache>& series) {
    const std::string bar_close = "</c:barChart>";
    auto bar = xml.find("<c:barChart>");
    auto bar_end = bar == npos ? npos : xml.find(bar_close, bar);
    if (bar_end == npos) return false;
    std::string columns, lines;
    std::size_t pos = bar;
    std::size_t first = npos;
    for (const SeriesCache& s : series) {
        Span ser = element(xml, "c:ser", pos, bar_end);
        if (!ser.found()) return false;
        if (first == npos) first = ser.begin;
        std::string_view text = std::string_view(xml).substr(ser.begin, ser.end - ser.begin);
        if (s.line) {
            std::string line = as_line_series(text);
            if (line.empty()) return false;
            lines += line;
        } else {
            columns += text;
        }
        pos = ser.end;
    }
    if (first == npos || lines.empty() || element(xml, "c:ser", pos, bar_end).found()) return false;
    // The axes the line chart shares: the <c:axId/> elements after the series.
    std::string axes;
    for (auto at = xml.find("<c:axId ", pos); at < bar_end; at = xml.find("<c:axId ", at + 1)) {
        auto end = xml.find("/>", at);
        if (end == npos || end > bar_end) return false;
        axes.append(xml, at, end + 2 - at);
    }
    if (axes.empty()) return false;
    std::string out;
    out.reserve(xml.size() + 128);
    out.append(xml, 0, first).append(columns).append(xml, pos, bar_end + bar_close.size() - pos);
    out.append("<c:lineChart><c:grouping val=\"standard\"/>").append(lines);
    out.append("<c:marker val=\"1\"/>").append(axes).append("</c:lineChart>");
    out.append(xml, bar_end + bar_close.size(), npos);
    xml = std::move(out);
    return true;
}

}  // namespace kinerja::write_detail
