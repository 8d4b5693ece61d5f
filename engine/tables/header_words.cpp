// The words of table headers and what each means.
#include "tables/header_words.hpp"

#include <array>
#include <cctype>
#include <cstdio>

namespace kinerja {

namespace {

// Letters and digits as std::isalnum and std::tolower see them in the C locale the
// program runs in (it never calls setlocale): ASCII only, without a call per byte.
constexpr bool is_key_char(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '%';
}
constexpr char key_char(unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
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

namespace {

struct Rule {
    ColumnRole role;
    std::string_view prefix;
};

// Order matters: the first rule whose prefix starts the key wins, so the specific
// spellings come before the general ones ("realisasianggaran" before "realisasi").
constexpr Rule rules[] = {
    {ColumnRole::nomor, "no"},  // exact match only, see classify()
    {ColumnRole::nomor, "nomor"},
    {ColumnRole::indikator_id, "idindikator"},
    {ColumnRole::indikator_id, "kodeindikator"},
    {ColumnRole::kode, "kode"},
    {ColumnRole::angka_dasar, "angkadasar"},
    {ColumnRole::inisiatif_baru, "inisiatifbaru"},
    {ColumnRole::target_renstra, "targetrenstra"},
    {ColumnRole::target, "target"},
    {ColumnRole::realisasi_anggaran, "realisasianggaran"},
    {ColumnRole::realisasi_anggaran, "realisasidana"},
    {ColumnRole::realisasi_anggaran, "realisasibelanja"},
    {ColumnRole::realisasi, "realisasi"},
    {ColumnRole::capaian, "%capaian"},
    {ColumnRole::capaian, "capaian"},
    {ColumnRole::capaian, "persentasecapaian"},
    {ColumnRole::kategori, "kategori"},
    {ColumnRole::kategori, "predikat"},
    {ColumnRole::kategori, "interpretasi"},
    {ColumnRole::rumus, "rumus"},
    {ColumnRole::rumus, "formula"},
    {ColumnRole::rumus, "carapenghitungan"},
    {ColumnRole::rumus, "metodepenghitungan"},
    {ColumnRole::penarikan, "rencanapenarikan"},
    {ColumnRole::penarikan, "penarikan"},
    {ColumnRole::kegiatan, "rencanakegiatan"},
    {ColumnRole::kegiatan, "rencanaaksi"},
    {ColumnRole::kegiatan, "kegiatan"},
    {ColumnRole::pagu, "pagu"},
    {ColumnRole::pagu, "alokasi"},
    {ColumnRole::pagu, "anggaran"},
    {ColumnRole::sisa, "sisa"},
    {ColumnRole::persen, "%"},
    {ColumnRole::persen, "persentase"},
    {ColumnRole::persen, "penyerapan"},
    {ColumnRole::status, "status"},
    {ColumnRole::keterangan, "keterangan"},
    {ColumnRole::keterangan, "ket"},
    {ColumnRole::data_dukung, "datadukung"},
    {ColumnRole::data_dukung, "buktidukung"},
    {ColumnRole::sasaran, "sasaran"},
    {ColumnRole::indikator, "indikator"},
    {ColumnRole::satuan, "satuan"},
    {ColumnRole::volume, "volume"},
    {ColumnRole::volume, "vol"},
    {ColumnRole::jenis_belanja, "jenisbelanja"},
    {ColumnRole::jenis_belanja, "belanja"},
    {ColumnRole::jenis_belanja, "akun"},
    {ColumnRole::uraian, "uraian"},
    {ColumnRole::uraian, "program"},
    {ColumnRole::jumlah, "jumlah"},
    {ColumnRole::jumlah, "total"},
    {ColumnRole::pembilang, "pembilang"},
    {ColumnRole::penyebut, "penyebut"},
};

}  // namespace

std::optional<ColumnRole> classify_header(std::string_view text) {
    std::string k = header_key(text);
    if (k.empty()) return std::nullopt;
    // A lone "%" column after Realisasi in a budget table is the percentage; "Capaian (%)"
    // is still capaian because "capaian" wins on the prefix.
    if (k == "no" || k == "no%") return ColumnRole::nomor;
    if (triwulan_of(text) || k == "tw" || k == "triwulan") return ColumnRole::triwulan;
    for (const Rule& rule : rules) {
        if (rule.prefix == "no") continue;
        if (k.rfind(rule.prefix, 0) == 0) {
            // "Persentase pemenuhan ..." is an indicator's name, not a header.
            if (rule.role == ColumnRole::persen && k.size() > 16) return std::nullopt;
            return rule.role;
        }
    }
    return std::nullopt;
}

std::optional<int> year_in(std::string_view text) {
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
    }
    return "?";
}

const char* role_name(ColumnRole role) {
    static constexpr const char* names[] = {
        "nomor",        "kode",           "sasaran",   "indikator",
        "indikator_id", "satuan",         "target",    "target_renstra",
        "realisasi",    "capaian",        "kategori",  "rumus",
        "kegiatan",     "pagu",           "penarikan", "realisasi_anggaran",
        "sisa",         "persen",         "triwulan",  "status",
        "keterangan",   "data_dukung",    "uraian",    "volume",
        "angka_dasar",  "inisiatif_baru", "jumlah",    "jenis_belanja",
        "pembilang",    "penyebut"};
    return names[static_cast<int>(role)];
}

}  // namespace kinerja
