// A carried chart's cached values, refreshed from the model: a chart that plots a column
// the fill computed shows the new values even where the reader does not recalculate.
#include <cmath>
#include <pugixml.hpp>
#include <sstream>

#include "write/detail.hpp"
#include "write/patches.hpp"

namespace kinerja::write_detail {

namespace {

std::string_view local(const char* name) {
    std::string_view n(name);
    auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child_named(pugi::xml_node node, std::string_view name) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local(c.name()) == name) return c;
    return {};
}

// "Data!$B$2:$B$6" or "'Data 2'!$B$2": the sheet and the range; false for anything else
// (several areas, another workbook, a name).
bool parse_reference(std::string_view f, std::string& sheet, CellRange& range) {
    sheet.clear();
    std::size_t at = 0;
    if (!f.empty() && f[0] == '\'') {
        for (at = 1; at < f.size(); ++at) {
            if (f[at] != '\'') {
                sheet += f[at];
            } else if (at + 1 < f.size() && f[at + 1] == '\'') {
                sheet += '\'';
                ++at;
            } else {
                break;
            }
        }
        ++at;
    } else {
        at = f.find('!');
        if (at == std::string_view::npos) return false;
        sheet = f.substr(0, at);
        if (sheet.find_first_of("[]()") != std::string::npos) return false;
    }
    if (at >= f.size() || f[at] != '!') return false;
    std::string cells;
    for (char c : f.substr(at + 1))
        if (c != '$') cells += c;
    return parse_range(cells, range) &&
           (range.first_row == range.last_row || range.first_col == range.last_col);
}

// The cells of a one-row or one-column range, in order.
template <class F>
void each_cell(const CellRange& r, F&& f) {
    std::uint32_t index = 0;
    for (std::uint32_t row = r.first_row; row <= r.last_row; ++row)
        for (std::uint32_t col = r.first_col; col <= r.last_col; ++col) f(index++, row, col);
}

std::string number_text(double value) {
    return shortest_decimal(value);
}

// Rebuilds `cache` (a numCache or strCache) from the model's cells.
void refresh(pugi::xml_node cache, const Sheet& sheet, const CellRange& range, bool numbers) {
    pugi::xml_node format = child_named(cache, "formatCode");
    std::string prefix =
        std::string(cache.name()).substr(0, std::string(cache.name()).find(':') + 1);
    if (std::string(cache.name()).find(':') == std::string::npos) prefix.clear();
    std::string format_code = format ? format.text().as_string() : "";
    pugi::xml_node ext = child_named(cache, "extLst");
    pugi::xml_document keep;
    if (ext) keep.append_copy(ext);
    while (cache.first_child()) cache.remove_child(cache.first_child());
    if (numbers)
        cache.append_child((prefix + "formatCode").c_str())
            .text()
            .set(format_code.empty() ? "General" : format_code.c_str());
    std::uint32_t count =
        (range.last_row - range.first_row + 1) * (range.last_col - range.first_col + 1);
    cache.append_child((prefix + "ptCount").c_str())
        .append_attribute("val")
        .set_value(std::to_string(count).c_str());
    each_cell(range, [&](std::uint32_t index, std::uint32_t row, std::uint32_t col) {
        const Cell* c = sheet.find(row, col);
        if (!c) return;
        std::string text;
        if (c->value.kind == CellValue::Kind::number && std::isfinite(c->value.number))
            text = number_text(c->value.number);
        else if (!numbers && c->value.kind == CellValue::Kind::text)
            text = c->value.text;
        else
            return;
        pugi::xml_node pt = cache.append_child((prefix + "pt").c_str());
        pt.append_attribute("idx").set_value(std::to_string(index).c_str());
        pt.append_child((prefix + "v").c_str()).text().set(text.c_str());
    });
    if (ext) cache.append_copy(keep.first_child());
}

}  // namespace

std::string refresh_chart_caches(const std::string& bytes, const Workbook& model) {
    pugi::xml_document doc;
    if (!doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default & ~pugi::parse_doctype))
        return bytes;
    bool changed = false;
    std::vector<pugi::xml_node> stack{doc.document_element()};
    while (!stack.empty()) {
        pugi::xml_node node = stack.back();
        stack.pop_back();
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
            if (c.type() == pugi::node_element) stack.push_back(c);
        std::string_view name = local(node.name());
        if (name != "numRef" && name != "strRef") continue;
        std::string sheet_name;
        CellRange range;
        if (!parse_reference(child_named(node, "f").text().as_string(), sheet_name, range))
            continue;
        const Sheet* sheet = model.sheet(sheet_name);
        if (!sheet) continue;
        pugi::xml_node cache = child_named(node, name == "numRef" ? "numCache" : "strCache");
        if (!cache) continue;
        refresh(cache, *sheet, range, name == "numRef");
        changed = true;
    }
    if (!changed) return bytes;
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
    return out.str();
}

}  // namespace kinerja::write_detail
