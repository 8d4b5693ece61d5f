#include <boost/test/unit_test.hpp>

#include "support/cells.hpp"
#include "tables/tables.hpp"

using namespace kinerja;

namespace kinerja {
std::ostream& operator<<(std::ostream& out, TableKind kind) {
    return out << kind_name(kind);
}
}  // namespace kinerja

namespace {

void text(Sheet& s, std::uint32_t row, std::uint32_t col, std::string t) {
    test::put_text(s, row, col, std::move(t));
}
void number(Sheet& s, std::uint32_t row, std::uint32_t col, double v) {
    test::put_number(s, row, col, v);
}

// A capaian table as Rutan SoE's LKjIP prints it, with a split word in the header.
Workbook capaian_workbook() {
    Workbook wb;
    Sheet s;
    s.name = "Capaian";
    text(s, 0, 0, "CAPAIAN KINERJA TAHUN 2023");
    text(s, 1, 0, "RUMAH TAHANAN NEGARA KELAS IIB SOE");
    text(s, 3, 0, "No");
    text(s, 3, 1, "Sasaran\nKegiatan");
    text(s, 3, 2, "Indikator Kinerja");
    text(s, 3, 3, "Target");
    text(s, 3, 4, "REALISA SI");
    text(s, 3, 5, "Capaian (%)");
    for (std::uint32_t c = 0; c < 6; ++c) text(s, 4, c, "(" + std::to_string(c + 1) + ")");
    number(s, 5, 0, 1);
    text(s, 5, 1, "Meningkatnya pelayanan");
    s.merges.push_back({5, 1, 6, 1});
    text(s, 5, 2, "1. Persentase tahanan lansia mendapat layanan");
    text(s, 5, 3, "85%");
    text(s, 5, 4, "80%");
    number(s, 5, 5, 94.11);
    number(s, 6, 0, 2);
    text(s, 6, 2, "2. Persentase pengaduan ditindaklanjuti");
    text(s, 6, 3, "90%");
    text(s, 6, 4, "-");
    text(s, 9, 0, "Sumber: laporan");
    wb.sheets.push_back(std::move(s));
    return wb;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(find_tables_suite)

BOOST_AUTO_TEST_CASE(header_words_tolerate_case_spacing_and_split_words) {
    BOOST_TEST(header_key("REALISA SI\n(%)") == "realisasi%");
    BOOST_TEST((triwulan_of("TW I") == 1));
    BOOST_TEST((triwulan_of("TW-IV") == 4));
    BOOST_TEST((triwulan_of("Triwulan 3") == 3));
    BOOST_TEST(!triwulan_of("TWITTER"));
    BOOST_TEST((triwulan_of(" Triwulan   III ") == 3));  // the longest label
    BOOST_TEST(!triwulan_of("Triwulan IIII"));
    BOOST_TEST(!triwulan_of("TW I dan TW II"));
    BOOST_TEST(header_key("Capaian Tahun 2025 (%) \xC2\xB1") == "capaiantahun2025%");
}

BOOST_AUTO_TEST_CASE(finds_a_capaian_table_with_title_unit_and_year) {
    auto tables = find_tables(capaian_workbook());
    BOOST_REQUIRE_EQUAL(tables.size(), 1u);
    const Table& t = tables[0];
    BOOST_TEST(t.kind == TableKind::capaian);
    BOOST_TEST(t.header_row == 3u);
    BOOST_TEST(t.first_row == 5u);  // the "(1) (2) ..." row is skipped
    BOOST_TEST(t.last_row == 6u);
    BOOST_TEST((t.tahun == 2023));
    BOOST_TEST(t.satker == "RUMAH TAHANAN NEGARA KELAS IIB SOE");
    BOOST_REQUIRE(t.column(ColumnRole::realisasi));
    BOOST_TEST(t.column(ColumnRole::realisasi)->col == 4u);
    BOOST_TEST(t.column(ColumnRole::capaian)->col == 5u);
    BOOST_TEST(t.column(ColumnRole::sasaran)->col == 1u);
    BOOST_TEST(display_text(capaian_workbook().sheets[0], 6, 1) == "Meningkatnya pelayanan");
}

BOOST_AUTO_TEST_CASE(two_row_header_with_triwulan_blocks) {
    Workbook wb;
    Sheet s;
    s.name = "RA";
    text(s, 0, 0, "RENCANA AKSI PERJANJIAN KINERJA TAHUN ANGGARAN 2024");
    text(s, 2, 0, "SASARAN KEGIATAN");
    text(s, 2, 1, "INDIKATOR KINERJA");
    text(s, 2, 2, "TARGET KINERJA");
    text(s, 2, 3, "PAGU (Rp)");
    text(s, 2, 4, "RENCANA PENARIKAN DANA");
    s.merges.push_back({2, 4, 2, 7});
    for (std::uint32_t i = 0; i < 4; ++i)
        text(s, 3, 4 + i,
             "TW " + std::string(i == 0   ? "I"
                                 : i == 1 ? "II"
                                 : i == 2 ? "III"
                                          : "IV"));
    text(s, 4, 0, "Sasaran");
    text(s, 4, 1, "Indikator");
    number(s, 4, 3, 100);
    wb.sheets.push_back(std::move(s));
    auto tables = find_tables(wb);
    BOOST_REQUIRE_EQUAL(tables.size(), 1u);
    BOOST_TEST(tables[0].kind == TableKind::rencana_aksi);
    BOOST_TEST(tables[0].first_row == 4u);
    BOOST_REQUIRE(tables[0].column(ColumnRole::penarikan, 3));
    BOOST_TEST(tables[0].column(ColumnRole::penarikan, 3)->col == 6u);
    BOOST_TEST((tables[0].tahun == 2024));
}

BOOST_AUTO_TEST_CASE(budget_and_rka_tables) {
    Workbook wb;
    Sheet s;
    s.name = "Anggaran";
    text(s, 0, 0, "Jenis Belanja");
    text(s, 0, 1, "Pagu");
    text(s, 0, 2, "Realisasi");
    text(s, 0, 3, "Sisa");
    text(s, 0, 4, "%");
    text(s, 1, 0, "Belanja Pegawai");
    number(s, 1, 1, 100);
    text(s, 5, 0, "KODE");
    text(s, 5, 1, "PROGRAM/SASARAN PROGRAM/INDIKATOR KINERJA PROGRAM");
    text(s, 5, 2, "ALOKASI ANGGARAN T.A 2024");
    s.merges.push_back({5, 2, 5, 5});
    text(s, 6, 2, "VOLUME / SATUAN");
    text(s, 6, 3, "ANGKA DASAR");
    text(s, 6, 4, "INISIATIF BARU");
    text(s, 6, 5, "JUMLAH");
    text(s, 7, 0, "013.05.BF");
    number(s, 7, 5, 987902000);
    wb.sheets.push_back(std::move(s));
    auto tables = find_tables(wb);
    BOOST_REQUIRE_EQUAL(tables.size(), 2u);
    BOOST_TEST(tables[0].kind == TableKind::anggaran);
    BOOST_TEST(tables[0].column(ColumnRole::persen)->col == 4u);
    BOOST_TEST(tables[1].kind == TableKind::rka);
    BOOST_TEST(tables[1].column(ColumnRole::jumlah)->col == 5u);
    BOOST_TEST(tables[1].first_row == 7u);
}

BOOST_AUTO_TEST_CASE(prose_is_not_a_table) {
    Workbook wb;
    Sheet s;
    s.name = "Catatan";
    text(s, 0, 0, "Indikator kinerja target realisasi capaian semuanya dibahas di bab III");
    wb.sheets.push_back(std::move(s));
    BOOST_TEST(find_tables(wb).empty());
}

BOOST_AUTO_TEST_SUITE_END()
