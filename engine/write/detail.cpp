#include "write/detail.hpp"

#include <algorithm>
#include <cctype>

namespace kinerja::write_detail {

void Drops::add(const std::string& scope, const std::string& location, const std::string& what) {
    auto key = std::make_pair(scope, what);
    auto found = index_.find(key);
    if (found != index_.end()) {
        ++groups_[found->second].count;
        return;
    }
    index_.emplace(std::move(key), groups_.size());
    groups_.push_back({scope, location, what, 1});
}

std::vector<DroppedPart> Drops::list() const {
    std::vector<DroppedPart> parts;
    parts.reserve(groups_.size());
    for (const auto& group : groups_) {
        std::string part = group.scope;
        if (!group.first_location.empty()) part += "!" + group.first_location;
        if (group.count > 1) part += " (+" + std::to_string(group.count - 1) + " more)";
        parts.push_back({std::move(part), group.what});
    }
    return parts;
}

bool SheetContext::check(lxw_error error, const std::string& location,
                         const std::string& what) const {
    if (error == LXW_NO_ERROR) return true;
    drop(location, what + " (libxlsxwriter: " + lxw_strerror(error) + ")");
    return false;
}

OutputError sheet_name_error(const std::string& file, const std::string& name, lxw_error error) {
    std::string reason = error != LXW_NO_ERROR ? lxw_strerror(error) : "refused";
    return OutputError(file, {"nama lembar kerja '" + name + "' tidak dapat ditulis (" + reason +
                                  "); ganti namanya (maksimal 31 karakter, tanpa : \\ / ? * [ ])",
                              "sheet name '" + name + "' cannot be written (" + reason +
                                  "); rename it (at most 31 characters, none of : \\ / ? * [ ])"});
}

lxw_color_t lxw_rgb(Rgb color) {
    color &= 0xFFFFFFu;
    return color == 0 ? static_cast<lxw_color_t>(LXW_COLOR_BLACK) : color;
}

namespace {
bool is_continuation(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0u) == 0x80u;
}
}  // namespace

std::size_t utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (char byte : text)
        if (!is_continuation(byte)) ++count;
    return count;
}

std::string utf8_prefix(std::string_view text, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (is_continuation(text[i])) continue;
        if (chars == max_chars) return std::string(text.substr(0, i));
        ++chars;
    }
    return std::string(text);
}

bool needs_protection(std::string_view text) {
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (c == '_' || (byte < 0x20 && c != '\t' && c != '\n')) return true;
    }
    return false;
}

std::string cell_text(std::string_view text, bool& cut) {
    std::string kept(text);
    cut = utf8_length(text) > max_text_chars;
    if (cut) kept = utf8_prefix(text, max_text_chars);
    std::string escaped = protect_escapes(kept);
    return utf8_length(escaped) <= max_text_chars ? escaped : kept;
}

std::string protect_escapes(std::string_view text) {
    auto hex = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    };
    auto escape_at = [&](std::size_t i) {
        if (i + 7 > text.size() || text[i] != '_' || text[i + 1] != 'x' || text[i + 6] != '_')
            return false;
        return hex(text[i + 2]) && hex(text[i + 3]) && hex(text[i + 4]) && hex(text[i + 5]);
    };
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto byte = static_cast<unsigned char>(text[i]);
        if (escape_at(i)) {
            out += "_x005F";
        } else if (byte < 0x20 && byte != '\t' && byte != '\n') {
            // XML cannot carry these (and turns \r into \n): escaped, as Excel does.
            static const char digits[] = "0123456789ABCDEF";
            out += "_x00";
            out += digits[byte >> 4];
            out += digits[byte & 0xF];
            out += '_';
            continue;
        }
        out += text[i];
    }
    return out;
}

std::uint32_t highest_external_link(std::string_view formula) {
    std::uint32_t highest = 0;
    bool in_string = false;
    int depth = 0;  // inside a structured reference's brackets
    for (std::size_t i = 0; i < formula.size(); ++i) {
        char c = formula[i];
        if (c == '"' && depth == 0) in_string = !in_string;
        if (in_string) continue;
        if (c == ']' && depth > 0) --depth;
        if (c != '[') continue;
        if (depth++ > 0) continue;
        // A workbook index opens a reference; a structured reference's '[' follows a name.
        char before = i == 0 ? '=' : formula[i - 1];
        bool opens = !(std::isalnum(static_cast<unsigned char>(before)) || before == '_' ||
                       before == '.' || before == '[' || before == ']' || before == '\\' ||
                       static_cast<unsigned char>(before) >= 0x80);
        std::size_t j = i + 1;
        while (j < formula.size() && std::isdigit(static_cast<unsigned char>(formula[j]))) ++j;
        if (opens && j > i + 1 && j < formula.size() && formula[j] == ']') {
            std::uint32_t index = 0;
            for (std::size_t k = i + 1; k < j && index < 100000; ++k)
                index = index * 10 + static_cast<std::uint32_t>(formula[k] - '0');
            highest = std::max(highest, std::max<std::uint32_t>(index, 1));
        }
    }
    return highest;
}

bool has_dangling_external_reference(std::string_view formula, const Workbook& workbook) {
    std::uint32_t index = highest_external_link(formula);
    return index > 0 && (!workbook.carried || index > workbook.carried->external_links);
}

}  // namespace kinerja::write_detail
