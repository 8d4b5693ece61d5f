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

namespace {

// Jenis Belanja | Pagu | Realisasi, with the given Pagu and Realisasi cells from row 1.
Workbook budget(const std::vector<std::pair<std::string, std::string>>& rows) {
    Workbook wb;
    Sheet s;
    s.name = "Anggaran";
    text(s, 0, 0, "Jenis Belanja");
    text(s, 0, 1, "Pagu");
    text(s, 0, 2, "Realisasi");
    std::uint32_t r = 1;
    for (const auto& [pagu, real] : rows) {
        text(s, r, 0, "Belanja " + std::to_string(r));
        if (!pagu.empty()) text(s, r, 1, pagu);
        if (!real.empty()) text(s, r, 2, real);
        ++r;
    }
    wb.sheets.push_back(std::move(s));
    return wb;
}

std::optional<double> in_table(const Workbook& wb, std::uint32_t row, std::uint32_t col,
                               std::vector<Quantity>* unresolved = nullptr) {
    auto tables = find_tables(wb);
    BOOST_REQUIRE_EQUAL(tables.size(), 1u);
    auto q = quantity_in_table(wb, wb.sheets[0], tables[0], row, col, unresolved);
    return q ? std::optional(q->value) : std::nullopt;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_column_reads_a_mixed_style_amount) {
    // Every other pagu is about 1e10: 21,276,070,424,00 is 21.276.070.424,00.
    Workbook wb = budget({{"18.500.000.000", "17.000.000.000"},
                          {"21,276,070,424,00", "20.000.000.000"},
                          {"9.750.000.000", "9.000.000.000"}});
    BOOST_TEST(in_table(wb, 2, 1).value_or(-1) == 21276070424.0);
    // A number cell counts as much as a typed one.
    Sheet& s = wb.sheets[0];
    test::put_number(s, 1, 1, 18500000000);
    BOOST_TEST(in_table(wb, 2, 1).value_or(-1) == 21276070424.0);
    // The column's plain numbers are untouched.
    BOOST_TEST(in_table(wb, 1, 1).value_or(-1) == 18500000000.0);
}

BOOST_AUTO_TEST_CASE(a_column_that_cannot_choose_leaves_it_unread) {
    // 950.000.000 and 95.000.000.000 are both far from 1e10: neither fits.
    std::vector<Quantity> readings;
    Workbook far =
        budget({{"18.500.000.000", "17.000.000.000"}, {"21.000.000.000", "950,000,000,00"}});
    BOOST_TEST(!in_table(far, 2, 2, &readings));
    BOOST_REQUIRE_EQUAL(readings.size(), 2u);
    BOOST_TEST(readings[0].value == 950000000.0);
    BOOST_TEST(readings[1].value == 95000000000.0);
    // Figures spread from 1e8 to 1e12: both fit.
    Workbook wide =
        budget({{"100.000.000", ""}, {"21,276,070,424,00", ""}, {"1.000.000.000.000", ""}});
    BOOST_TEST(!in_table(wide, 2, 1, &readings));
    BOOST_TEST(readings.size() == 2u);
    // Alone in its column: nothing to compare with.
    Workbook alone = budget({{"21,276,070,424,00", "1"}});
    BOOST_TEST(!in_table(alone, 1, 1, &readings));
    BOOST_TEST(readings.size() == 2u);
    // A resolved or plain cell clears what a previous call left.
    BOOST_TEST(in_table(far, 1, 1, &readings).value_or(-1) == 18500000000.0);
    BOOST_TEST(readings.empty());
}

BOOST_AUTO_TEST_CASE(the_column_style_overrides_the_convention_of_a_lone_mark) {
    // In an Indonesian (or unknown) column, 1.367 is 1367 and 1,234 is 1,234.
    Workbook id = budget({{"1.506.071.633", "1.367"}, {"2.000.000", "1,234"}});
    BOOST_TEST(in_table(id, 1, 2).value_or(-1) == 1367.0);
    BOOST_TEST(in_table(id, 2, 2).value_or(-1) == 1.234);
    // A column typed US style reads them US style.
    Workbook us =
        budget({{"1,506,071,633", "2,500.50"}, {"2,000,000", "1,234"}, {"3,000,000", "1.367"}});
    BOOST_TEST(in_table(us, 2, 2).value_or(-1) == 1234.0);
    BOOST_TEST(in_table(us, 3, 2).value_or(-1) == 1.367);
    // quantity_at, without a column, keeps the convention.
    BOOST_TEST(quantity_at(us, us.sheets[0], 2, 2)->value == 1.234);
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
