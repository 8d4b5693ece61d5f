#include "evaluate/toml_reader.hpp"

#include <algorithm>
#include <cmath>

#include "evaluate/numeric.hpp"

namespace kinerja::evaluate_detail {

int value_length(const toml::node& node) {
    const auto& region = node.source();
    if (region.begin.line == region.end.line && region.end.column > region.begin.column) {
        return static_cast<int>(region.end.column - region.begin.column);
    }
    return 1;
}

std::optional<toml::table> TomlReader::parse() {
    try {
        return toml::parse(file_.text(), file_.name());
    } catch (const toml::parse_error& error) {
        SourceRef at{file_.name(), static_cast<int>(error.source().begin.line),
                     static_cast<int>(error.source().begin.column)};
        std::string what(error.description());
        out_.push_back(file_.at(at, {"TOML tidak sah: " + what, "invalid TOML: " + what}));
        return std::nullopt;
    }
}

SourceRef TomlReader::where(const toml::node& node) const {
    return {file_.name(), static_cast<int>(node.source().begin.line),
            static_cast<int>(node.source().begin.column)};
}

void TomlReader::error(const toml::node& node, Message message, int length) {
    out_.push_back(file_.at(where(node), std::move(message), Severity::error, length));
}

void TomlReader::warning(const toml::node& node, Message message, int length) {
    out_.push_back(file_.at(where(node), std::move(message), Severity::warning, length));
}

void TomlReader::check_keys(const toml::table& table, std::initializer_list<const char*> known,
                            const char* context) {
    for (const auto& [key, node] : table) {
        std::string_view name = key.str();
        if (std::find_if(known.begin(), known.end(), [&](const char* k) { return name == k; }) !=
            known.end()) {
            continue;
        }
        std::string hint;
        std::size_t best = std::max<std::size_t>(3, name.size() / 3 + 1);
        for (const char* k : known) {
            std::size_t d = edit_distance(name, k);
            if (d < best) {
                best = d;
                hint = k;
            }
        }
        Message m{"kunci tidak dikenal '" + std::string(name) + "' di " + context,
                  "unknown key '" + std::string(name) + "' in " + context};
        if (!hint.empty()) {
            m.id += " (mungkin maksudnya '" + hint + "'?)";
            m.en += " (did you mean '" + hint + "'?)";
        }
        SourceRef at{file_.name(), static_cast<int>(key.source().begin.line),
                     static_cast<int>(key.source().begin.column)};
        if (!key.source().begin) at = where(node);
        out_.push_back(file_.at(at, m, Severity::error, static_cast<int>(name.size())));
    }
}

std::vector<std::pair<std::string, const toml::node*>> TomlReader::in_file_order(
    const toml::table& table) const {
    std::vector<std::pair<std::string, const toml::node*>> entries;
    for (const auto& [key, node] : table) entries.emplace_back(std::string(key.str()), &node);
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return a.second->source().begin < b.second->source().begin;
    });
    return entries;
}

std::optional<std::string> TomlReader::string(const toml::table& table, const char* key,
                                              bool required, const toml::node& owner) {
    const toml::node* node = table.get(key);
    if (!node) {
        if (required) {
            error(owner, {std::string("kunci wajib '") + key + "' tidak ada",
                          std::string("required key '") + key + "' is missing"});
        }
        return std::nullopt;
    }
    auto value = node->value<std::string>();
    if (!value) {
        error(*node,
              {std::string("'") + key + "' harus berupa teks",
               std::string("'") + key + "' must be text"},
              value_length(*node));
    }
    return value;
}

std::vector<std::string> TomlReader::strings(const toml::table& table, const char* key) {
    std::vector<std::string> out;
    const toml::node* node = table.get(key);
    if (!node) return out;
    if (auto single = node->value<std::string>()) return {*single};
    const toml::array* array = node->as_array();
    if (!array) {
        error(*node, {std::string("'") + key + "' harus berupa teks atau daftar teks",
                      std::string("'") + key + "' must be text or a list of text"});
        return out;
    }
    for (const auto& element : *array) {
        if (auto text = element.value<std::string>()) {
            out.push_back(*text);
        } else {
            error(element, {std::string("isi '") + key + "' harus berupa teks",
                            std::string("items of '") + key + "' must be text"});
        }
    }
    return out;
}

Entry TomlReader::entry(const toml::node& node) const {
    Entry e;
    e.text = node.value<std::string>();
    if (auto i = node.value_exact<int64_t>()) {
        e.number = static_cast<double>(*i);
        e.whole = true;
    } else if (auto f = node.value_exact<double>()) {
        e.number = *f;
    }
    e.at = where(node);
    e.length = value_length(node);
    return e;
}

void TomlReader::report(const Entry& entry, Message message) {
    out_.push_back(file_.at(entry.at, std::move(message), Severity::error, entry.length));
}

std::optional<double> TomlReader::number(const toml::node& node) {
    std::optional<double> value;
    if (auto i = node.value_exact<int64_t>()) value = static_cast<double>(*i);
    if (auto f = node.value_exact<double>()) value = *f;
    if (!value || !std::isfinite(*value)) {
        error(node, {"harus berupa bilangan", "must be a number"}, value_length(node));
        return std::nullopt;
    }
    return value;
}

}  // namespace kinerja::evaluate_detail
