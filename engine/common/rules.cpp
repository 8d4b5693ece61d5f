#include "common/rules.hpp"

#include <array>

namespace kinerja {

namespace {

constexpr Severity E = Severity::error;
constexpr Severity W = Severity::warning;

// The order is the guide's: what users meet most first.
const std::array registry{
    RuleInfo{Rule::capaian_beda,
             "capaian.beda",
             E,
             false,
             "capaian, rencana aksi",
             {"capaian yang tertulis tidak sama dengan realisasi dibagi target",
              "the capaian written differs from realisasi divided by target"},
             {"periksa target dan realisasi; rumus baru sudah terpasang",
              "check target and realisasi; the new formula is in place"}},
    RuleInfo{Rule::kategori_beda,
             "kategori.beda",
             E,
             false,
             "capaian, rencana aksi",
             {"kategori yang tertulis tidak sesuai dengan skala kategori untuk capaiannya",
              "the kategori written does not fit the category scale for its capaian"},
             {"periksa capaian dan skala kategori; rumus baru sudah terpasang",
              "check the capaian and the category scale; the new formula is in place"}},
    RuleInfo{Rule::anggaran_sisa,
             "anggaran.sisa",
             E,
             false,
             "anggaran",
             {"sisa ≠ pagu − realisasi", "sisa ≠ pagu − realisasi"},
             {"periksa angka pagu, realisasi atau sisa", "check pagu, realisasi or sisa"}},
    RuleInfo{Rule::anggaran_persen,
             "anggaran.persen",
             E,
             false,
             "anggaran",
             {"persentase ≠ realisasi / pagu", "the percentage ≠ realisasi / pagu"},
             {"periksa persentase", "check the percentage"}},
    RuleInfo{Rule::anggaran_total,
             "anggaran.total",
             E,
             false,
             "anggaran",
             {"baris jumlah tidak sama dengan jumlah baris di atasnya (di pohon kode rekening "
              "seperti LRA SIPD: jumlah baris tingkat teratas)",
              "a total row differs from the sum of the rows above it (in an account-code tree "
              "such as the SIPD LRA: the sum of the top level)"},
             {"periksa baris rincian atau jumlahnya", "check the detail rows or their total"}},
    RuleInfo{Rule::antar_tabel_beda,
             "antar_tabel.beda",
             E,
             false,
             "capaian, rencana aksi",
             {"indikator yang sama punya target atau realisasi berbeda di dua tabel tahun yang "
              "sama",
              "the same indicator has a different target or realisasi in two tables of the "
              "same year"},
             {"samakan angkanya", "make the figures agree"}},
    RuleInfo{Rule::antar_tabel_anggaran,
             "antar_tabel.anggaran",
             E,
             false,
             "anggaran",
             {"realisasi anggaran berbeda di dua tabel untuk pagu yang sama",
              "budget realisasi differs between two tables for the same pagu"},
             {"samakan angkanya", "make the figures agree"}},
    RuleInfo{Rule::ra_penarikan_pagu,
             "ra.penarikan_pagu",
             E,
             false,
             "rencana aksi",
             {"jumlah rencana penarikan TW I–IV tidak sama dengan pagu",
              "the planned drawdown of TW I–IV does not add up to the pagu"},
             {"periksa rencana penarikan", "check the planned drawdown"}},
    RuleInfo{Rule::ra_jumlah_beda,
             "ra.jumlah_beda",
             E,
             false,
             "rencana aksi",
             {"JUMLAH PENARIKAN atau JUMLAH REALISASI ANGGARAN yang diketik tidak sama dengan "
              "jumlah TW I–IV",
              "a typed JUMLAH PENARIKAN or JUMLAH REALISASI ANGGARAN differs from the sum of "
              "TW I–IV"},
             {"periksa angka per TW; rumus SUM sudah terpasang, angka lama ada di komentar sel",
              "check the figures per TW; a SUM formula is in place, the old figure is in the "
              "cell's comment"}},
    RuleInfo{Rule::ra_realisasi_pagu,
             "ra.realisasi_pagu",
             E,
             false,
             "rencana aksi",
             {"realisasi anggaran TW I–IV melebihi pagu",
              "the budget realisasi of TW I–IV exceeds the pagu"},
             {"periksa realisasi per TW dan pagunya", "check the realisasi per TW and the pagu"}},
    RuleInfo{Rule::ra_realisasi_tanpa_rencana,
             "ra.realisasi_tanpa_rencana",
             W,
             false,
             "rencana aksi",
             {"ada realisasi anggaran pada triwulan tanpa rencana penarikan dana",
              "there is spending in a triwulan with no planned drawdown"},
             {"periksa rencana dan realisasi triwulan itu",
              "check the plan and the realisasi of that triwulan"}},
    RuleInfo{Rule::ra_kumulatif_turun,
             "ra.kumulatif_turun",
             W,
             false,
             "rencana aksi",
             {"realisasi kumulatif turun dari satu triwulan ke triwulan berikutnya",
              "cumulative realisasi falls from one triwulan to the next"},
             {"periksa apakah angkanya kumulatif", "check whether the figures are cumulative"}},
    RuleInfo{Rule::rka_induk,
             "rka.induk",
             E,
             false,
             "rka",
             {"jumlah induk RKA tidak sama dengan jumlah rinciannya",
              "an RKA parent's amount differs from the sum of its details"},
             {"periksa rincian per kode", "check the details per code"}},
    RuleInfo{Rule::rka_jumlah,
             "rka.jumlah",
             E,
             false,
             "rka",
             {"JUMLAH RKA tidak sama dengan ANGKA DASAR + INISIATIF BARU",
              "an RKA JUMLAH differs from ANGKA DASAR + INISIATIF BARU"},
             {"periksa ketiga angka itu", "check the three figures"}},
    RuleInfo{Rule::satuan_beda,
             "satuan.beda",
             E,
             false,
             "capaian",
             {"satuan target dan realisasi berbeda (`1 Layanan` dan `100%`)",
              "target and realisasi have different units (`1 Layanan` and `100%`)"},
             {"pakai satuan yang sama", "use the same unit"}},
    RuleInfo{Rule::umum_bukan_angka,
             "umum.bukan_angka",
             E,
             false,
             "semua",
             {"ada teks di kolom yang harus berisi angka",
              "there is text in a column that must hold numbers"},
             {"ketik angkanya saja, atau `-`", "type the number alone, or `-`"}},
    RuleInfo{Rule::umum_angka_ragu,
             "umum.angka_ragu",
             E,
             false,
             "semua",
             {"angka yang diketik sebagai teks dapat dibaca dua cara, misalnya "
              "`21,276,070,424,00` (21.276.070.424,00 atau 2.127.607.042.400), dan angka lain "
              "di kolomnya tidak cukup untuk memilih; angka itu tidak dipakai dalam perhitungan",
              "a number typed as text reads two ways, such as `21,276,070,424,00` "
              "(21,276,070,424.00 or 2,127,607,042,400), and the other figures of its column "
              "cannot tell which; it is left out of the computations"},
             {"ketik ulang dengan titik untuk ribuan dan koma untuk desimal: `21.276.070.424,00`",
              "type it again with dots for thousands and a comma for decimals: "
              "`21.276.070.424,00`"}},
    RuleInfo{Rule::umum_negatif,
             "umum.negatif",
             E,
             false,
             "semua",
             {"nilai negatif di kolom jumlah atau anggaran, yang tidak mungkin negatif",
              "a negative value in a column of counts or amounts, which cannot be negative"},
             {"periksa tanda angkanya", "check the number's sign"}},
    RuleInfo{Rule::umum_persen_rentang,
             "umum.persen_rentang",
             E,
             false,
             "semua",
             {"persentase di luar 0–100%", "a percentage outside 0–100%"},
             {"periksa angkanya", "check the figure"}},
    RuleInfo{Rule::umum_pembilang_penyebut,
             "umum.pembilang_penyebut",
             E,
             false,
             "capaian",
             {"pembilang lebih besar daripada penyebutnya",
              "the numerator is larger than its denominator"},
             {"periksa kedua angka", "check both figures"}},
    RuleInfo{Rule::umum_target_kosong,
             "umum.target_kosong",
             E,
             false,
             "capaian, rencana aksi",
             {"indikator tanpa target", "an indicator without a target"},
             {"isi targetnya", "fill in its target"}},
    RuleInfo{Rule::umum_realisasi_kosong,
             "umum.realisasi_kosong",
             W,
             false,
             "capaian, rencana aksi",
             {"indikator yang sudah punya target belum punya realisasi",
              "an indicator with a target has no realisasi yet"},
             {"isi realisasinya, atau berikan datanya dengan `--data`",
              "fill in its realisasi, or give its data with `--data`"}},
    RuleInfo{
        Rule::tabel_aturan_kolom,
        "tabel.aturan_kolom",
        E,
        false,
        "semua",
        {"baris tidak mengikuti aturan yang tertulis di baris nomor kolom "
         "(`13 = 9 + 10 + 11 + 12`)",
         "a row does not follow the rule stated in the column-number row "
         "(`13 = 9 + 10 + 11 + 12`)"},
        {"perbaiki angka atau rumus di sel itu", "correct the figure or formula in that cell"}},
    RuleInfo{Rule::tabel_induk,
             "tabel.induk",
             E,
             false,
             "semua kecuali RKA dan rencana aksi",
             {"baris induk (subtotal program, kegiatan, kode rekening) tidak sama dengan jumlah "
              "rinciannya, atau rumusnya menjumlahkan baris yang salah",
              "a parent row (a program, kegiatan or account-code subtotal) differs from the sum of "
              "its children, or its formula adds the wrong rows"},
             {"perbaiki rentang rumus atau angka rinciannya",
              "correct the formula's range or the children's figures"}},
    RuleInfo{Rule::renja_rata_rata,
             "renja.rata_rata",
             E,
             false,
             "evaluasi renja",
             {"rata-rata capaian kinerja yang tertulis tidak sama dengan rata-rata tingkat capaian "
              "baris-baris di atasnya",
              "the rata-rata capaian kinerja written differs from the average of the tingkat "
              "capaian of the rows above it"},
             {"periksa tingkat capaian baris-barisnya; rumus rata-rata sudah terpasang",
              "check the rows' tingkat capaian; the average formula is in place"}},
    RuleInfo{Rule::renja_predikat,
             "renja.predikat",
             E,
             false,
             "evaluasi renja",
             {"predikat kinerja yang tertulis tidak sesuai dengan skala predikat untuk rata-rata "
              "capaiannya (<= 50 Sangat Rendah, <= 65 Rendah, <= 75 Sedang, <= 90 Tinggi, di atas "
              "Sangat Tinggi)",
              "the predikat kinerja written does not fit the scale for its average capaian (<= 50 "
              "Sangat Rendah, <= 65 Rendah, <= 75 Sedang, <= 90 Tinggi, above Sangat Tinggi)"},
             {"periksa rata-rata capaian; rumus predikat sudah terpasang",
              "check the average capaian; the predikat formula is in place"}},
    RuleInfo{
        Rule::tabel_tidak_ditemukan,
        "tabel.tidak_ditemukan",
        E,
        false,
        "semua",
        {"tidak ada tabel yang dikenali di buku kerja", "no table was recognised in the workbook"},
        {"pastikan baris judul tabel memuat kata seperti Indikator Kinerja, Target, "
         "Realisasi, Pagu atau Uraian; `kinerja inspect` menunjukkan yang terbaca",
         "make sure the table's header row holds words such as Indikator Kinerja, Target, "
         "Realisasi, Pagu or Uraian; `kinerja inspect` shows what was read"}},
    RuleInfo{
        Rule::bagian_tidak_dibawa,
        "bagian.tidak_dibawa",
        W,
        false,
        "semua",
        {"bagian buku kerja yang tidak dapat dibawa ke berkas hasil (jarang: kontrol "
         "formulir, objek tersemat; grafik, tabel Excel, pivot, bentuk, sparkline, komentar "
         "berutas, tautan ke buku kerja lain dan makro dibawa), atau rumus yang merujuk "
         "tabel Excel atau buku kerja lain yang tidak ada di berkas hasil; makro (VBA) hanya "
         "dibawa bila berkas hasil bernama `.xlsm`",
         "a part of the workbook that cannot be carried into the output (rare: form "
         "controls, embedded objects; charts, Excel tables, pivots, shapes, sparklines, "
         "threaded comments, links to other workbooks and macros are carried), or a formula that "
         "refers to an Excel table or another workbook the output does not have; macros "
         "(VBA) are carried only into an output named `.xlsm`"},
        {"simpan berkas asli; salin bagian itu dari berkas asli bila diperlukan; untuk "
         "makro, tulis hasil ke berkas `.xlsm`",
         "keep the original file; copy that part from it if you need it; for macros, write "
         "the output to an `.xlsm` file"}},
    RuleInfo{Rule::indikator_umum,
             "indikator.umum",
             W,
             false,
             "capaian, rencana aksi",
             {"nama indikator tidak ada di katalog; capaian dihitung dengan aturan umum "
              "(realisasi / target × 100, atau rumus arah turun)",
              "the indicator's name is not in the catalogue; its capaian follows the general "
              "rule (realisasi / target × 100, or the turun rule)"},
             {"tidak perlu apa-apa; bila yang dimaksud indikator katalog yang disebut, pakai "
              "nama resminya atau isi kolom Id Indikator",
              "nothing; if the catalogue indicator named is meant, use its official name or "
              "fill the indicator id column"}},
    RuleInfo{Rule::indikator_ambigu,
             "indikator.ambigu",
             E,
             true,
             "capaian, rencana aksi",
             {"nama indikator cocok dengan beberapa indikator katalog; capaian dihitung dengan "
              "aturan umum (peringatan) atau tidak dapat dihitung (galat)",
              "the indicator's name matches several catalogue indicators; its capaian follows "
              "the general rule (warning) or cannot be computed (error)"},
             {"pakai nama resmi, atau isi kolom Id Indikator",
              "use the official name, or fill the indicator id column"}},
    RuleInfo{Rule::indikator_tidak_dikenal,
             "indikator.tidak_dikenal",
             E,
             false,
             "capaian, rencana aksi",
             {"indikator di luar katalog yang target atau realisasinya bukan angka, sehingga "
              "capaian tidak dapat dihitung; atau isi kolom Id Indikator yang tidak ada di "
              "katalog",
              "an indicator outside the catalogue whose target or realisasi is not a number, "
              "so its capaian cannot be computed; or an indicator id not in the catalogue"},
             {"isi target dan realisasinya; perbaiki Id Indikator",
              "fill in its target and realisasi; correct the indicator id"}},
    RuleInfo{Rule::data_variabel_kurang,
             "data.variabel_kurang",
             W,
             false,
             "capaian, rencana aksi",
             {"data mentah indikator tidak lengkap; realisasinya tidak dihitung",
              "the indicator's raw data is incomplete; its realisasi is not computed"},
             {"lengkapi variabel yang disebut di data (`--data` atau sheet Data)",
              "complete the variables named in the data (`--data` or the Data sheet)"}},
    RuleInfo{Rule::rumus_tidak_valid,
             "rumus.tidak_valid",
             E,
             false,
             "sheet Rumus",
             {"baris sheet Rumus tidak dapat dipakai", "a row of the Rumus sheet cannot be used"},
             {"perbaiki baris itu (lihat panduan perancang templat)",
              "correct that row (see the template designer's guide)"}},
};

}  // namespace

const RuleInfo& rule_info(Rule rule) {
    for (const RuleInfo& info : registry)
        if (info.rule == rule) return info;
    return registry.front();  // unreachable: every enumerator is registered (tests check)
}

std::span<const RuleInfo> all_rules() {
    return registry;
}

std::optional<Rule> find_rule(std::string_view id) {
    for (const RuleInfo& info : registry)
        if (info.id == id) return info.rule;
    return std::nullopt;
}

}  // namespace kinerja
