// The words of table headers and what each means.
#include <array>
#include <cctype>
#include <cstdio>

#include "tables/header_words.hpp"

namespace kinerja {

std::string header_key(std::string_view text) {
    std::string key;
    for (unsigned char c : text) {
        if (std::isalnum(c)) key += static_cast<char>(std::tolower(c));
        else if (c == '%') key += '%';
    }
    return key;
}

std::optional<int> triwulan_of(std::string_view text) {
    std::string k = header_key(text);
    for (std::string_view prefix : {"triwulan", "tw", "trw", "tri"}) {
        if (k.rfind(prefix, 0) != 0) continue;
        std::string_view rest = std::string_view(k).substr(prefix.size());
        static constexpr std::array<std::string_view, 4> roman{"i", "ii", "iii", "iv"};
        for (int i = 0; i < 4; ++i)
            if (rest == roman[static_cast<std::size_t>(i)] || rest == std::to_string(i + 1))
                return i + 1;
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
        case TableKind::rencana_aksi: return "rencana_aksi";
        case TableKind::capaian: return "capaian";
        case TableKind::anggaran: return "anggaran";
        case TableKind::rka: return "rka";
    }
    return "?";
}

const char* role_name(ColumnRole role) {
    static constexpr const char* names[] = {
        "nomor", "kode", "sasaran", "indikator", "indikator_id", "satuan", "target",
        "target_renstra", "realisasi", "capaian", "kategori", "rumus", "kegiatan", "pagu",
        "penarikan", "realisasi_anggaran", "sisa", "persen", "triwulan", "status", "keterangan",
        "data_dukung", "uraian", "volume", "angka_dasar", "inisiatif_baru", "jumlah",
        "jenis_belanja", "pembilang", "penyebut"};
    return names[static_cast<int>(role)];
}

}  // namespace kinerja
