// The words of table headers and what each means: the vocabulary in header_words.toml,
// compiled in, parsed once.
#include "tables/header_words.hpp"

#include <toml++/toml.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <stdexcept>

namespace kinerja {

using namespace tables_detail;

// header_words.toml's text, embedded by CMake (header_words_data.cpp in the build folder).
extern const std::string_view header_words_toml;

namespace {

// Letters and digits as std::isalnum and std::tolower see them in the C locale the
// program runs in (it never calls setlocale): ASCII only, without a call per byte.
constexpr bool is_key_char(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '%';
}
constexpr char key_char(unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

constexpr std::array role_names{
    "nomor",        "kode",           "sasaran",        "indikator",
    "indikator_id", "satuan",         "target",         "target_renstra",
    "realisasi",    "capaian",        "kategori",       "rumus",
    "kegiatan",     "pagu",           "penarikan",      "realisasi_anggaran",
    "sisa",         "persen",         "triwulan",       "status",
    "keterangan",   "data_dukung",    "uraian",         "volume",
    "angka_dasar",  "inisiatif_baru", "jumlah",         "jenis_belanja",
    "pembilang",    "penyebut",       "deviasi",        "bobot",
    "tahun",        "tanggal",        "realisasi_fisik"};
static_assert(role_names.size() == static_cast<std::size_t>(ColumnRole::realisasi_fisik) + 1);

constexpr std::array unit_names{"kinerja", "rupiah", "persen", "fisik"};
constexpr std::array period_names{"bulan_lalu", "bulan_ini", "kumulatif"};

template <typename Enum, std::size_t N>
Enum enum_named(const std::array<const char*, N>& names, const std::string& name,
                const char* section) {
    for (std::size_t i = 0; i < N; ++i)
        if (name == names[i]) return static_cast<Enum>(i);
    throw std::logic_error("header_words.toml: unknown " + std::string(section) + " \"" + name +
                           "\"");
}

struct RoleRule {
    std::string prefix;
    ColumnRole role;
    bool exact = false;
    bool fuzzy = true;
    std::size_t max_key = 0;  // 0: no limit
};

struct Vocabulary {
    std::vector<RoleRule> roles;
    std::vector<std::pair<std::string, ColumnUnit>> units;
    std::vector<std::pair<std::string, ColumnPeriod>> periods;
    std::vector<std::pair<std::string, GroupWord>> groups;
    std::vector<VocabularyEntry> entries;
};

std::vector<std::string> strings_of(const toml::node_view<const toml::node>& node) {
    std::vector<std::string> out;
    if (const toml::array* a = node.as_array())
        for (const auto& item : *a)
            if (auto s = item.value<std::string>()) out.push_back(*s);
    return out;
}

// The file is ours and compiled in, so a mistake in it is a programming error: the test
// of every entry finds it before anyone else can.
Vocabulary load_vocabulary() {
    toml::table doc = toml::parse(header_words_toml, std::string_view("header_words.toml"));
    Vocabulary v;
    if (const toml::array* roles = doc["role"].as_array())
        for (const auto& node : *roles) {
            const toml::table& t = *node.as_table();
            RoleRule rule{
                t["prefix"].value_or(std::string{}),
                enum_named<ColumnRole>(role_names, t["role"].value_or(std::string{}), "role"),
                t["exact"].value_or(false), t["fuzzy"].value_or(true),
                static_cast<std::size_t>(t["max_key"].value_or(0))};
            v.roles.push_back(rule);
            v.entries.push_back(
                {"role", role_names[static_cast<int>(rule.role)], strings_of(t["examples"])});
        }
    auto keyed = [&](const char* section, auto& list, auto value_of) {
        if (const toml::array* items = doc[section].as_array())
            for (const auto& node : *items) {
                const toml::table& t = *node.as_table();
                auto value = value_of(t);
                std::vector<std::string> keys = strings_of(t["keys"]);
                for (const auto& k : keys) list.emplace_back(k, value);
                std::string name = t["unit"].value_or(
                    t["period"].value_or(keys.empty() ? std::string{} : keys.front()));
                v.entries.push_back({section, name, strings_of(t["examples"])});
            }
    };
    keyed("unit", v.units, [](const toml::table& t) {
        return enum_named<ColumnUnit>(unit_names, t["unit"].value_or(std::string{}), "unit");
    });
    keyed("period", v.periods, [](const toml::table& t) {
        return enum_named<ColumnPeriod>(period_names, t["period"].value_or(std::string{}),
                                        "period");
    });
    keyed("group", v.groups,
          [](const toml::table& t) { return GroupWord{t["total"].value_or(false)}; });
    return v;
}

const Vocabulary& vocabulary() {
    static const Vocabulary v = load_vocabulary();
    return v;
}

// Whether `key` begins with a word one typing slip (a letter left out, added or changed)
// away from `prefix`: "reaisasi" for "realisasi".
bool starts_within_one_edit(std::string_view key, std::string_view prefix) {
    auto within_one = [](std::string_view a, std::string_view b) {
        if (a.size() > b.size()) std::swap(a, b);
        if (b.size() - a.size() > 1) return false;
        std::size_t i = 0;
        while (i < a.size() && a[i] == b[i]) ++i;
        if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);
        return a.substr(i) == b.substr(i + 1);
    };
    for (std::size_t n : {prefix.size() - 1, prefix.size(), prefix.size() + 1})
        if (n <= key.size() && within_one(key.substr(0, n), prefix)) return true;
    return false;
}

template <typename T>
std::optional<T> exact_key(const std::vector<std::pair<std::string, T>>& list,
                           std::string_view text) {
    std::string k = header_key(text);
    for (const auto& [key, value] : list)
        if (k == key) return value;
    return std::nullopt;
}

}  // namespace

std::string header_key(std::string_view text) {
    std::string key;
    key.reserve(text.size());
    for (unsigned char c : text)
        if (is_key_char(c)) key += key_char(c);
    return key;
}

std::optional<int> triwulan_of(std::string_view text) {
    // Called on every text cell of every table row, so the key is built on the stack
    // and a text whose key is longer than the longest label ("triwulaniii") stops early.
    char buffer[11];
    std::size_t n = 0;
    for (unsigned char c : text) {
        if (!is_key_char(c)) continue;
        if (n == sizeof buffer) return std::nullopt;
        buffer[n++] = key_char(c);
    }
    std::string_view k(buffer, n);
    for (std::string_view prefix : {"triwulan", "tw", "trw", "tri"}) {
        if (k.substr(0, prefix.size()) != prefix) continue;
        std::string_view rest = k.substr(prefix.size());
        static constexpr std::array<std::string_view, 4> roman{"i", "ii", "iii", "iv"};
        static constexpr std::array<std::string_view, 4> digit{"1", "2", "3", "4"};
        for (std::size_t i = 0; i < 4; ++i)
            if (rest == roman[i] || rest == digit[i]) return static_cast<int>(i) + 1;
    }
    return std::nullopt;
}

std::optional<ColumnRole> tables_detail::classify_header(std::string_view text) {
    std::string k = header_key(text);
    if (k.empty()) return std::nullopt;
    if (triwulan_of(text) || k == "tw" || k == "triwulan") return ColumnRole::triwulan;
    const Vocabulary& v = vocabulary();
    auto fits = [&](const RoleRule& rule) { return rule.max_key == 0 || k.size() <= rule.max_key; };
    for (const RoleRule& rule : v.roles) {
        bool match = rule.exact ? k == rule.prefix : k.rfind(rule.prefix, 0) == 0;
        if (match) return fits(rule) ? std::optional(rule.role) : std::nullopt;
    }
    for (const RoleRule& rule : v.roles)
        if (!rule.exact && rule.fuzzy && rule.prefix.size() >= 7 && fits(rule) &&
            starts_within_one_edit(k, rule.prefix))
            return rule.role;
    return std::nullopt;
}

std::optional<ColumnUnit> tables_detail::unit_of(std::string_view text) {
    return exact_key(vocabulary().units, text);
}

std::optional<ColumnPeriod> tables_detail::period_of(std::string_view text) {
    return exact_key(vocabulary().periods, text);
}

std::optional<GroupWord> tables_detail::group_of(std::string_view text) {
    return exact_key(vocabulary().groups, text);
}

std::vector<VocabularyEntry> tables_detail::vocabulary_entries() {
    return vocabulary().entries;
}

std::optional<int> tables_detail::year_in(std::string_view text) {
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
        if (text[i] != '2' || text[i + 1] != '0') continue;
        if (!std::isdigit(static_cast<unsigned char>(text[i + 2])) ||
            !std::isdigit(static_cast<unsigned char>(text[i + 3])))
            continue;
        bool left_ok = i == 0 || !std::isdigit(static_cast<unsigned char>(text[i - 1]));
        bool right_ok =
            i + 4 == text.size() || !std::isdigit(static_cast<unsigned char>(text[i + 4]));
        if (left_ok && right_ok) return std::stoi(std::string(text.substr(i, 4)));
    }
    return std::nullopt;
}

const char* kind_name(TableKind kind) {
    switch (kind) {
        case TableKind::rencana_aksi:
            return "rencana_aksi";
        case TableKind::capaian:
            return "capaian";
        case TableKind::anggaran:
            return "anggaran";
        case TableKind::rka:
            return "rka";
        case TableKind::renja:
            return "renja";
    }
    return "?";
}

const char* role_name(ColumnRole role) {
    return role_names[static_cast<int>(role)];
}
const char* unit_name(ColumnUnit unit) {
    return unit_names[static_cast<int>(unit)];
}
const char* period_name(ColumnPeriod period) {
    return period_names[static_cast<int>(period)];
}

}  // namespace kinerja
