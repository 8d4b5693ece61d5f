// Internal: reading typed values out of toml++ tables while collecting diagnostics, shared by
// the catalogue and the settings loaders. Include only from those .cpp files (toml++ is big).
// Values that the Rumus sheet can also give go through the CatalogueBuilder as entries.
#pragma once

#include <toml++/toml.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "evaluate/catalogue_builder.hpp"
#include "evaluate/source_file.hpp"

namespace kinerja::evaluate_detail {

class TomlReader : public EntrySource {
public:
    TomlReader(const SourceFile& file, std::vector<Diagnostic>& out) : file_(file), out_(out) {}

    // Parses the file; nullopt (with a diagnostic) when the TOML itself is invalid.
    std::optional<toml::table> parse();

    SourceRef where(const toml::node& node) const;
    void error(const toml::node& node, Message message, int length = 1);
    void warning(const toml::node& node, Message message, int length = 1);

    // Unknown keys are reported with the nearest known one.
    void check_keys(const toml::table& table, std::initializer_list<const char*> known,
                    const char* context);
    // Entries in the order they appear in the file (toml++ sorts them by name).
    std::vector<std::pair<std::string, const toml::node*>> in_file_order(
        const toml::table& table) const;

    std::optional<std::string> string(const toml::table& table, const char* key, bool required,
                                      const toml::node& owner);
    std::vector<std::string> strings(const toml::table& table, const char* key);
    // A value as the CatalogueBuilder reads it.
    Entry entry(const toml::node& node) const;
    void report(const Entry& entry, Message message) override;
    std::optional<double> number(const toml::node& node);

    const SourceFile& file() const { return file_; }

private:
    const SourceFile& file_;
    std::vector<Diagnostic>& out_;
};

// { mode = "truncate"|"round", desimal = n } applied to `rounding`: only the keys present
// change it.
void read_rounding(TomlReader& toml, CatalogueBuilder& build, const toml::table& table,
                   Rounding& rounding);

// Value length on its line, for underlining.
int value_length(const toml::node& node);

}  // namespace kinerja::evaluate_detail
