// Stage 2: find the familiar tables in a workbook, with no markup.
//
//     for (const kinerja::Table& t : kinerja::find_tables(workbook)) ...
//     kinerja::TableSearch s = kinerja::search_tables(workbook);  // + what was not taken, why
//
// A table is recognised by its header band: up to six rows above the data, with cells merged
// across rows and columns. Each column's meaning comes from its whole path of labels, top to
// bottom ("Realisasi Kinerja Pada Triwulan > IV > Rp."), read with the vocabulary in
// header_words.toml, tolerant of case, spacing, line breaks, split words and a typing slip.
// Column-number rows ("(1) (2)", "13 = 9 + 10 + 11 + 12") and unit rows ("K Rp. %") belong
// to the band, never to the data; a stated rule is kept as a check. The title lines above
// give the kind, the unit (satker) and the year.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/message.hpp"
#include "model/workbook.hpp"
#include "tables/quantity.hpp"

namespace kinerja {

// renja: the Permendagri 86/2017 Renja evaluation, a capaian table with its realisasi per TW
// split into K and Rp. (see engine/fill/fill_renja.cpp).
enum class TableKind { rencana_aksi, capaian, anggaran, rka, renja };

enum class ColumnRole {
    nomor,
    kode,
    sasaran,
    indikator,
    indikator_id,
    satuan,
    target,
    target_renstra,
    realisasi,
    capaian,
    kategori,
    rumus,
    kegiatan,
    pagu,
    penarikan,
    realisasi_anggaran,
    sisa,
    persen,
    triwulan,
    status,
    keterangan,
    data_dukung,
    uraian,
    volume,
    angka_dasar,
    inisiatif_baru,
    jumlah,
    jenis_belanja,
    pembilang,
    penyebut,
    deviasi,
    bobot,
    tahun,
    tanggal,
    realisasi_fisik,  // "Realisasi > Fisik > %": physical progress, not money
};

// What a sub-column under a group holds, from a unit row: K (the performance figure),
// Rp. (money), %, Fisik (physical progress).
enum class ColumnUnit { kinerja, rupiah, persen, fisik };
// The period of a sub-column in a monthly report: Bulan Lalu, Bulan Ini, s.d. Bulan Ini.
enum class ColumnPeriod { bulan_lalu, bulan_ini, kumulatif };

struct TableColumn {
    ColumnRole role;
    std::uint32_t col = 0;
    std::optional<int> triwulan{};         // 1-4 when the header names a TW ("TW II", "Triwulan 2")
    std::optional<int> tahun{};            // a year named in the header ("Realisasi 2022")
    std::string header{};                  // the label that gave the role, as written
    std::vector<std::string> path{};       // every label above the data, top to bottom
    std::optional<ColumnUnit> unit{};      // from a unit row ("K", "Rp.", "%")
    std::optional<ColumnPeriod> period{};  // "Bulan Lalu", "s.d. Bulan Ini"
    std::string group{};                   // a group label above it ("Operasi", "Total")
    std::optional<int> number{};           // its number in the column-number row, "(7)" -> 7
    // Where several columns share a role, the one evaluated (Table::column's answer) and why.
    bool evaluated = false;
    Message why{};
    bool operator==(const TableColumn&) const = default;
};

// A rule stated in a column-number row: "13 = 9 + 10 + 11 + 12", "15 = 14 / 6 x 100",
// "8=(7/6)". `expression` is in the formula language over variables k<N>, the columns
// numbered N ("k9 + k10 + k11 + k12"); the check applies it per data row and per unit.
struct ColumnRule {
    int number = 0;                  // the column it defines
    std::string text;                // as written
    std::string expression;          // "k14 / k6 * 100"
    std::uint32_t row = 0, col = 0;  // where it is written (implied: the column's number)
    // Not written: the Renja form's rule for a column its number row leaves plain (the year's
    // realisasi is the TWs' sum, ...), applied like a stated one.
    bool implied = false;
    bool operator==(const ColumnRule&) const = default;
};

// The columns under one number of the column-number row: "(9)" over TW I's K | % | Rp.
struct ColumnNumber {
    int number = 0;
    std::uint32_t first_col = 0, last_col = 0;
    bool operator==(const ColumnNumber&) const = default;
};

// A labelled column whose path names no role ("Visi", "Kendala"): shown by `kinerja inspect`
// so that a user sees what was not understood.
struct UnreadColumn {
    std::uint32_t col = 0;
    std::vector<std::string> path;
    bool operator==(const UnreadColumn&) const = default;
};

// A row inside or below the header that is not data, and why.
struct SkippedRow {
    std::uint32_t row = 0;
    std::string why;  // "column numbers"
    bool operator==(const SkippedRow&) const = default;
};

struct Table {
    TableKind kind = TableKind::capaian;
    std::string sheet;
    std::uint32_t header_row = 0;       // first row of the header band
    std::uint32_t first_row = 0;        // first data row (after the band)
    std::uint32_t last_row = 0;         // last data row
    std::vector<TableColumn> columns;   // left to right
    std::vector<ColumnNumber> numbers;  // the column-number row, if any
    std::vector<ColumnRule> rules;      // stated in the column-number row
    std::vector<SkippedRow> skipped;    // band rows that are not labels (numbers, units)
    std::vector<UnreadColumn> unread;   // labelled columns with no known role
    std::vector<std::string> title;     // the non-empty lines above the header
    std::string satker;                 // "LEMBAGA PEMASYARAKATAN KELAS II A KEROBOKAN"
    std::optional<int> tahun;
    // The TW a table with realisasi per TW evaluates: the one its title or sheet names ("TW
    // III"), else the latest with data; and why.
    std::optional<int> triwulan;
    Message triwulan_why{};

    // The column with this role (and TW, if given): the evaluated one where several share
    // the role, else the first.
    const TableColumn* column(ColumnRole role, std::optional<int> triwulan = {}) const;
    // "A6:AG105": the band and the data, from the first column found to the last.
    std::string range() const;
    bool operator==(const Table&) const = default;
};

// A region that looks like a table but was not taken, and the reason.
struct NearMiss {
    std::string sheet;
    std::uint32_t first_row = 0, last_row = 0;
    std::string why_id, why_en;  // "no label column (indikator, uraian, kegiatan, kode)"
};

struct TableSearch {
    std::vector<Table> tables;
    std::vector<NearMiss> misses;
};

std::vector<Table> find_tables(const Workbook& workbook);
TableSearch search_tables(const Workbook& workbook);

// What `kinerja inspect` shows beside the tables: per table, the rows inside its data that are
// not figures (section bands, totals); and the shapes and connectors drawn in the workbook, as
// a pohon kinerja drawn with shapes is a picture, not a table (understanding.cpp).
struct RowsNotData {
    std::size_t sections = 0, totals = 0;
};
struct Understanding : TableSearch {
    std::vector<RowsNotData> rows_not_data;  // one per table, in the order of `tables`
    std::size_t drawn_shapes = 0;
};
Understanding understand_tables(const Workbook& workbook);

// Words used by the finder, exposed for the fill and validation stages.
// Lowercase ASCII letters, digits and '%' only: "REALISA SI\n(%)" -> "realisasi%".
std::string header_key(std::string_view text);
// The text shown at (row, col): merged cells show their top-left cell's value.
std::string display_text(const Sheet& sheet, std::uint32_t row, std::uint32_t col);
// "TW I", "TW-2", "Triwulan III", "Semester" -> 1..4 (nullopt if not a TW label).
std::optional<int> triwulan_of(std::string_view text);
const char* kind_name(TableKind kind);
const char* role_name(ColumnRole role);
const char* unit_name(ColumnUnit unit);
const char* period_name(ColumnPeriod period);

}  // namespace kinerja

#include "tables/rows.hpp"
