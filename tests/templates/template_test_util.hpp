// Shared by the template tests: where the templates are and what each one promises.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "support/support.hpp"
#include "tables/tables.hpp"

namespace kinerja::test {

inline std::filesystem::path templates_dir() {
    return source_dir() / "templates";
}

// One table a template must hold, as the table finder reports it.
struct ExpectedTable {
    std::string sheet;
    TableKind kind;
    std::uint32_t header_row, first_row, last_row;  // 0-based
    std::vector<ColumnRole> roles;                  // left to right
};

struct ExpectedTemplate {
    std::string name;
    std::vector<ExpectedTable> tables;
    bool capaian_rules;   // red/green capaian formats
    bool kategori_rules;  // one colour per kategori
};

inline const std::vector<ExpectedTemplate>& expected_templates() {
    using R = ColumnRole;
    static const std::vector<ExpectedTemplate> list = {
        {"rencana-aksi",
         {{"Rencana Aksi",
           TableKind::rencana_aksi,
           3,
           5,
           17,
           {R::sasaran, R::indikator, R::target, R::rumus, R::kegiatan, R::pagu, R::triwulan,
            R::penarikan, R::realisasi_anggaran, R::jumlah, R::jumlah, R::persen, R::kegiatan,
            R::realisasi, R::capaian, R::kategori, R::data_dukung, R::status, R::keterangan}}},
         true,
         true},
        {"capaian-kinerja",
         {{"Capaian Kinerja",
           TableKind::capaian,
           3,
           5,
           10,
           {R::nomor, R::sasaran, R::indikator, R::satuan, R::target, R::realisasi, R::capaian,
            R::kategori, R::status, R::keterangan}}},
         true,
         true},
        {"realisasi-anggaran",
         {{"Per Jenis Belanja",
           TableKind::anggaran,
           3,
           5,
           9,
           {R::nomor, R::jenis_belanja, R::pagu, R::realisasi, R::sisa, R::persen, R::status,
            R::keterangan}},
          {"Per Sasaran",
           TableKind::anggaran,
           3,
           5,
           8,
           {R::nomor, R::sasaran, R::pagu, R::realisasi, R::sisa, R::persen, R::status,
            R::keterangan}}},
         true,
         false},
        {"rka-satker",
         {{"RKA Satker Bagian A",
           TableKind::rka,
           11,
           14,
           14,
           {R::kode, R::uraian, R::volume, R::angka_dasar, R::inisiatif_baru, R::jumlah, R::status,
            R::keterangan}}},
         false,
         false},
        {"lra",
         {{"LRA",
           TableKind::anggaran,
           3,
           6,
           6,
           {R::kode, R::uraian, R::pagu, R::realisasi, R::persen, R::sisa, R::pagu, R::realisasi,
            R::persen, R::sisa, R::pagu, R::realisasi, R::persen, R::sisa, R::status,
            R::keterangan}}},
         true,
         false},
        {"renja",
         {{"Evaluasi Renja",
           TableKind::renja,
           4,
           8,
           16,
           {R::nomor,
            R::sasaran,
            R::uraian,
            R::indikator,
            R::satuan,
            R::target_renstra,
            R::pagu,
            R::realisasi,
            R::realisasi_anggaran,
            R::target,
            R::pagu,
            R::realisasi,
            R::realisasi_anggaran,
            R::realisasi,
            R::realisasi_anggaran,
            R::realisasi,
            R::realisasi_anggaran,
            R::realisasi,
            R::realisasi_anggaran,
            R::realisasi,
            R::realisasi_anggaran,
            R::realisasi,
            R::realisasi_anggaran,
            R::capaian,
            R::persen,
            R::keterangan}}},
         false,
         false},
    };
    return list;
}

inline std::string roles_text(const std::vector<ColumnRole>& roles) {
    std::string text;
    for (ColumnRole r : roles) text += std::string(text.empty() ? "" : " ") + role_name(r);
    return text;
}

inline std::string roles_text(const Table& table) {
    std::vector<ColumnRole> roles;
    for (const TableColumn& c : table.columns) roles.push_back(c.role);
    return roles_text(roles);
}

}  // namespace kinerja::test
