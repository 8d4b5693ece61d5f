// Matching indicator text, as it appears in the reference documents, to catalogue ids.
#include "match/match.hpp"

#include <boost/test/unit_test.hpp>
#include <set>

using namespace kinerja;

namespace {

const IndicatorMatcher& matcher() {
    static const Catalogue catalogue = load_catalogue(default_formulas_dir() / "indikator.toml");
    static const IndicatorMatcher m(catalogue);
    return m;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(match)

BOOST_AUTO_TEST_CASE(normalisation) {
    BOOST_TEST(normalize_indicator_name("1. Persentase  Tahanan /Narapidana/Anak\nmendapatkan") ==
               "persentase tahanan narapidana anak mendapatkan");
    BOOST_TEST(normalize_indicator_name("2) layanan kesehatan (preventiv)") ==
               "layanan kesehatan preventif");
    BOOST_TEST(normalize_indicator_name("a. Indeks Pemasarakatan") == "indeks pemasyarakatan");
    BOOST_TEST(normalize_indicator_name("4.1 Persentase") == "persentase");
    BOOST_TEST(normalize_indicator_name("(3) BMN dan Kerumahtangaan") == "bmn dan kerumahtanggaan");
    BOOST_TEST(normalize_indicator_name("<i>Jumlah Layann</i>") == "jumlah layanan");
    BOOST_TEST(normalize_indicator_name("Jumlah Gedung/Bangunan 2400 m <sup>2</sup>") ==
               "jumlah gedung bangunan 2400 m 2");
    BOOST_TEST(normalize_indicator_name("Persentase") == "persentase");  // no numbering to drop
    BOOST_TEST(normalize_indicator_name("   ") == "");
}

// Indicator names exactly as the reference documents print them (numbering, line breaks,
// split words, misspellings and all), with the id they must match.
BOOST_AUTO_TEST_CASE(every_spelling_in_the_documents_matches) {
    const std::pair<const char*, const char*> cases[] = {
        {"1. Persentase pemenuhan layanan makanan bagi Tahanan / Narapidana / Anak sesuai dengan "
         "standar.",
         "perawatan.makanan"},
        {"2. Persentase Tahanan / Narapidana / Anak mendapatkan layanan kesehatan (preventif) "
         "secara berkualitas",
         "perawatan.kesehatan_preventif"},
        {"2. Persentase tahanan / narapidana / anak mendapatkan layanan kesehatan (preventiv) "
         "secara berkualitas",
         "perawatan.kesehatan_preventif"},
        {"3. Persentase narapidana dan tahanan perempuan (ibu hamil dan menyusui) mendapatkan "
         "akses layanan kesehatan",
         "perawatan.maternal"},
        {"16 Persentase Tahanan dan Narapidana perempuan (ibu hamil dan menyusui) mendapat akses "
         "layanan kesehatan maternal",
         "perawatan.maternal"},
        {"4. Persentase tahanan / narapidana / anak mengalami gangguan mental dapat tertangani",
         "perawatan.gangguan_mental"},
        {"7. Presentase Tahanan/Narapidana/Anak yang mengalami gangguan mental dapat tertangani",
         "perawatan.gangguan_mental"},
        {"5. Persentase tahanan/narapidana lansia yang mendapatkan layanan kesehatan sesuai "
         "standar",
         "perawatan.lansia"},
        {"13 Persentase tahanan/narapidana/anak berkebutuhan khusus (Disabilitas) yang mendapatkan "
         "layanan kesehatan sesuai standa",
         "perawatan.disabilitas"},
        {"7. Persentase keberhasilan penanganan penyakit menular HIV-AIDS (ditekan jumlah "
         "virusnya) dan TB Postif (berhasil sembuh)",
         "perawatan.hiv_tb"},
        {"7. Persentase keberhasilan penanganan penyakit menular HIV \xE2\x80\x93 AIDS (ditekan "
         "jumlah virusnya) dan TB positif (berhasil sembuh)",
         "perawatan.hiv_tb"},
        {"8. Persentase perubahan kualitas hidup pecandu / penyalahgunaan / korban penyalahgunaan "
         "narkoba",
         "perawatan.rehabilitasi_narkoba"},
        {"1. Persentase menurunnya tahanan yang overstaying", "tahanan.overstaying"},
        {"2. Persentase tahanan yang memperoleh layanan penyuluhan hukum",
         "tahanan.penyuluhan_hukum"},
        {"Persentase Tahanan Yang Memperoleh Fasilitasi Bantuan Hukum", "tahanan.bantuan_hukum"},
        {"1. Persentase narapidana yang memperoleh nilai baik dengan predikat memuaskan pada "
         "instrument penilaian kepribadian",
         "pembinaan.kepribadian"},
        {"06 Persentase narapidana yang mendapatkan layanan program reintegrasi sosial (PB, CB, "
         "CMB)",
         "pembinaan.integrasi"},
        {"3. Persentase narapidana yang mendapatkan hak integrasi", "pembinaan.integrasi"},
        {"5. Persentase Narapidana resiko tinggi yang berubah perilakunya menjadi sadar, patuh dan "
         "disiplin.",
         "pembinaan.risiko_tinggi"},
        {"6. Persentase Narapidana, yang memperoleh pendidikan dan pelatihan vokasi bersertifikat",
         "pembinaan.vokasi"},
        {"09 Jumlah narapidana Terorisme yang telah sadar dan menyatakan kesetian pada NKRI",
         "pembinaan.ikrar_nkri"},
        {"2. Persentase gangguan kamtib yang dapat dicegah", "keamanan.gangguan_dicegah"},
        {"4. Persentase pemulihan kondisi keamanan pasca gangguan kamtib", "keamanan.pemulihan"},
        {"1) Tersusunnya dokumen rencana kerja, anggaran UPT Pemasarakatan dan pelaporan yang "
         "akuntabel tepat waktu",
         "manajemen.dokumen_perencanaan"},
        {"Tersusunnya dokumen pengelolaan BMN dan Kerumah tanggaan",
         "manajemen.bmn_kerumahtanggaan"},
        {"03 Tersusunnya dokumen pengelolaan BMN dan Kerumah tanggaaan",
         "manajemen.bmn_kerumahtanggaan"},
        {"2) Tersusunnya dokumen pengelolaan BMN dan Kerumahtangaan",
         "manajemen.bmn_kerumahtanggaan"},
        {"Terpenuhinya data dan peningkatan kompetensi pegawai pemsarakatan",
         "manajemen.kompetensi_pegawai"},
        {"02 Terpenuhi data dan peningkatan kompetensi pegawai pemasyarakatan",
         "manajemen.kompetensi_pegawai"},
        {"4) Tersusunnya dokumen pelaksanaan anggaran laporan keuangan yang akuntabel dan tepat "
         "waktu",
         "manajemen.dokumen_anggaran"},
        {"Jumlah Layana n Perkantoran", "manajemen.layanan_perkantoran"},
        {"Jumlah Layanan Perkantoran", "manajemen.layanan_perkantoran"},
        {"9) Jumlah gedung / bangunan", "manajemen.gedung"},
        {"Indeks Keamanan dan Ketertiban UPT Masyarakat", "program.kamtib"},
        {"Indeks keamanan dan ketertiban UPT Pemasarakatan", "program.kamtib"},
        {"4. Indeks Parameter Derajat Kesehatan Narapidana / Anak / Tahanan",
         "program.derajat_kesehatan"},
        {"Indeks Kepuasan Masyarakat Terhadap Layanan Publik Bidang Hukum.",
         "program.kepuasan_masyarakat_hukum"},
        {"2. Persentase benda sitaan dan barang rampasan yang terjaga kuantitas dan kualitasnya "
         "(nilainya).",
         "basan.terjaga"},
        {"02 Persentase benda sitaan dan barang rampasan yang dikeluarkan berdasarkan putusan yang "
         "berkuat hukum tetap",
         "basan.dikeluarkan"},
        {"23 Persentase Pelanggaran Pelaksanaan Pembebasan Bersyarat", "bapas.pelanggaran_pb"},
        {"01 Persentase Penyelesaian Litmas dan melaksanakan Bimbingan", "bapas.litmas_bimbingan"},
        {"21 Persentase Penyelesaian Litmas", "bapas.litmas"},
        {"50 Persentasae tersusunnya rekomendasi program pembinaan dan pelayanan",
         "bapas.rekomendasi"},
        {"1. Persentase Klien Masyarakat yang Produktif, Mandiri, Berdaya Guna.",
         "bapas.klien_produktif"},
        {"04 Terlaksananya sidang tim pengamat pemsaryakatan", "bapas.sidang_tpp"},
        {"42 Persentase klien yang mendapatkan pelayanan registrasi sesuai standar",
         "bapas.registrasi_klien"},
        {"43 Persentase anak yang mendapatkan pelayanan registrasi sesuai standar",
         "anak.registrasi"},
        {"03 persentase Anak yang memperoleh Hak Pengasuhan sesuai", "anak.pengasuhan"},
        {"38 Persentase Narapidana yang mendapatkan pelayanan integrasi (Asimilasi, PB, CB, CMB) "
         "dan pendayagunaan TPP sesuai standar",
         "layanan.integrasi_tpp"},
        {"Nilai IKPA", "anggaran.ikpa"},
        {"7. Nilai SMART", "anggaran.nilai_smart"},
        // RKA lists cut long names off at the column edge.
        {"02 Persentase Tahanan /Narapidana/Anak mendapatkan layanan",
         "perawatan.kesehatan_preventif"},
        {"03 Persentase Tahanan dan Narapidana perempuan (ibu hamil", "perawatan.maternal"},
        {"05 Persentase narapidana yang memperoleh Pendidikan dan", "pembinaan.vokasi"},
        {"01 Persentase klien usia produktif yang memperoleh atau", "bapas.klien_bekerja"},
        {"04 Persentase pemulihan kondisi keamanan pasca gangguan", "keamanan.pemulihan"},
    };
    for (const auto& [text, id] : cases) {
        BOOST_TEST_CONTEXT(text) {
            IndicatorMatch m = matcher().match(text);
            BOOST_TEST((m.status == MatchStatus::matched));
            BOOST_TEST(m.id == id);
            BOOST_TEST(m.score >= 0.85);
            BOOST_TEST(!m.candidates.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(unrelated_text_is_unmatched_not_guessed) {
    for (const char* text : {"INDIKATOR KINERJA", "Jumlah", "Laporan dan Dokumentasi", "TW I", "",
                             "Pemenuhan Makanan bagi Tahanan / Narapidana", "Persentase anak"}) {
        BOOST_TEST_CONTEXT(text) {
            IndicatorMatch m = matcher().match(text);
            BOOST_TEST((m.status == MatchStatus::unmatched));
            BOOST_TEST(m.id.empty());
        }
    }
    // Unmatched still lists the nearest candidates for a person to choose from.
    IndicatorMatch m = matcher().match("Persentase anak yang mendapat");
    BOOST_TEST((m.status != MatchStatus::matched));
    BOOST_TEST(!m.candidates.empty());
}

BOOST_AUTO_TEST_CASE(a_cut_off_name_shared_by_two_indicators_is_ambiguous) {
    // Both "... pelayanan registrasi sesuai standar" indicators start with these words except
    // the subject; with the subject cut to "Persentase" + common words, no one can decide.
    IndicatorMatch m = matcher().match(
        "Persentase Narapidana/Tahanan yang mendapatkan pelayanan perawatan kesehatan");
    BOOST_TEST((m.status == MatchStatus::ambiguous));
    BOOST_TEST(m.id.empty());
    BOOST_REQUIRE(m.candidates.size() >= 2u);
    std::set<std::string> ids{m.candidates[0].id, m.candidates[1].id};
    BOOST_TEST(ids.count("layanan.kesehatan_dasar") == 1u);
    BOOST_TEST(ids.count("layanan.kesehatan_khusus") == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
