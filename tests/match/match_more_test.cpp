// Matching indicator text as units really write it: without "Persentase", wrapped in the
// unit's name and a compliance tail, with other forms of the same verbs. And what must not
// match: near-duplicates stay ambiguous, headers, counts and formulas stay unmatched.
#include <boost/test/unit_test.hpp>
#include <set>

#include "match/match.hpp"
#include "match/match_internal.hpp"

using namespace kinerja;

namespace {

const IndicatorMatcher& matcher() {
    static const Catalogue catalogue = load_catalogue(default_formulas_dir() / "indikator.toml");
    static const IndicatorMatcher m(catalogue);
    return m;
}

using Case = std::pair<const char*, const char*>;  // text, id it must match

void check_matches(std::initializer_list<Case> cases) {
    for (const auto& [text, id] : cases) {
        BOOST_TEST_CONTEXT(text) {
            IndicatorMatch m = matcher().match(text);
            BOOST_TEST((m.status == MatchStatus::matched));
            BOOST_TEST(m.id == id);
            BOOST_TEST(m.score >= 0.85);
            BOOST_REQUIRE(!m.candidates.empty());
            BOOST_TEST(m.candidates[0].id == id);
        }
    }
}

void check_not_matched(std::initializer_list<const char*> texts) {
    for (const char* text : texts) {
        BOOST_TEST_CONTEXT(text) {
            IndicatorMatch m = matcher().match(text);
            BOOST_TEST((m.status == MatchStatus::unmatched));
            BOOST_TEST(m.id.empty());
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(match_more)

// Rows of samples/rutan-soe-2023-lkjip.xlsx and the others that name the indicator without
// its leading "Persentase".
BOOST_AUTO_TEST_CASE(names_without_persentase_match) {
    check_matches({
        {"Narapidana yang mendapatkan hak remisi", "pembinaan.remisi"},
        {"Narapidana yang mendapatkan hak integrasi", "pembinaan.integrasi"},
        {"Narapidana yang mendapatkan hak pendidikan", "pembinaan.pendidikan"},
        {"Narapidana yang Bekerja dan Produktif", "pembinaan.bekerja_produktif"},
        {"Gangguan Kamtib yang Dapat Dicegah", "keamanan.gangguan_dicegah"},
        {"Pengaduan Yang Ditindaklanjuti Sesuai Standar", "keamanan.pengaduan"},
        {"Pemulihan Kondisi Keamanan Pasca Gangguan Kamtib secara Tuntas", "keamanan.pemulihan"},
        {"Terjadi perubahan kualitas hidup pecandu / penyalahguna / korban penyalahgunaan "
         "narkotika",
         "perawatan.rehabilitasi_narkoba"},
    });
}

// The "Capaian Output" rows of the Rutan SoE LKjIP, as the task lists them and as the sample
// spells them (with "(berhasil sembuh)", "dan aturan yang berlaku", ...).
BOOST_AUTO_TEST_CASE(descriptions_with_the_units_name_and_a_tail_match) {
    check_matches({
        {"pemenuhan layanan makanan bagi Tahanan /Narapidana di Rumah Tahanan Negara Kelas IIB "
         "SoE sesuai dengan standar",
         "perawatan.makanan"},
        {"pemenuhan layanan makanan bagi Tahanan /Narapidana di Rumah Tahanan Negara Kelas IIB "
         "SoE sesuai dengan standar dan aturan yang berlaku",
         "perawatan.makanan"},
        {"Tahanan /Narapidana di Rumah Tahanan Negara Kelas IIB SoE mendapatkan layanan kesehatan "
         "(preventif) secara berkualitas",
         "perawatan.kesehatan_preventif"},
        {"Tahanan/Narapidana di Rumah Tahanan Negara Kelas IIB SoE yang mengalami gangguan mental "
         "dapat tertangani",
         "perawatan.gangguan_mental"},
        {"tahanan/narapidana di Rumah Tahanan Negara Kelas IIB SoE lansia yang mendapatkan "
         "layanan kesehatan sesuai standar",
         "perawatan.lansia"},
        {"tahanan/narapidana di Rumah Tahanan Negara Kelas IIB SoE berkebutuhan khusus "
         "(Disabilitas) yang mendapatkan layanan kesehatan sesuai standar",
         "perawatan.disabilitas"},
        {"keberhasilan penanganan penyakit menular HIV-AIDS(ditekan jumlah virusnya) dan TB "
         "Positif di Rumah Tahanan Negara Kelas IIB SoE",
         "perawatan.hiv_tb"},
        {"keberhasilan penanganan penyakit menular HIV-AIDS(ditekan jumlah virusnya) dan TB "
         "Positif di Rumah Tahanan Negara Kelas IIB SoE (berhasil sembuh)",
         "perawatan.hiv_tb"},
        {"Persentase Tahanan Yang Memperoleh Layanan Penyuluhan Hukum di Rumah Tahanan Negara "
         "Kelas IIB SoE sudah dilaksanakan sesuai dengan peraturan yang berlaku",
         "tahanan.penyuluhan_hukum"},
        {"Tahanan Yang Memperoleh Fasilitasi Bantuan Hukum di Rumah Tahanan Negara Kelas IIB SoE "
         "sudah dilaksanakan sesuai dengan peraturan yang berlaku",
         "tahanan.bantuan_hukum"},
        {"Menurunnya Tahanan Yang Overstaying sudah berjalan sesuai dengan prosedur",
         "tahanan.overstaying"},
        {"Gangguan Kamtib di Rumah Tahanan Negara Kelas IIB SoE Yang Dapat Dicegah dan berlaku "
         "sesuai dengan aturan dan ketentuan",
         "keamanan.gangguan_dicegah"},
        {"Gangguan Kamtib di Rumah Tahanan Negara Kelas IIB SoE Yang Dapat Dicegah dan berlaku "
         "sesuai dengan aturan dan prosedur yang berlaku",
         "keamanan.gangguan_dicegah"},
        // Section labels of the same table.
        {"Output : Terpenuhinya data dan peningkatan kompetensi pegawai Rumah Tahanan Negara "
         "Kelas IIB SoE",
         "manajemen.kompetensi_pegawai"},
        {"Output : Tersusunnya dokumen pengelolaan BMN dan Kerumahtangaan di Rumah Tahanan "
         "Negara Kelas IIB SoE sudah dilaksanakan sesuai dengan aturan yang berlaku",
         "manajemen.bmn_kerumahtanggaan"},
    });
}

// Phrasings no sample has: other units, qualifiers, classes, places and tails.
BOOST_AUTO_TEST_CASE(other_units_and_tails_match) {
    check_matches({
        {"Narapidana di Lapas Kelas IIA Kerobokan yang mendapatkan hak remisi sesuai ketentuan",
         "pembinaan.remisi"},
        {"Tahanan di Rutan Kelas IIB Kupang yang memperoleh layanan penyuluhan hukum tepat waktu",
         "tahanan.penyuluhan_hukum"},
        {"Klien Bapas Mataram yang mendapatkan pelayanan registrasi sesuai standar",
         "bapas.registrasi_klien"},
        {"Anak di LPKA Kelas II Mataram yang memperoleh hak integrasi", "anak.integrasi"},
        {"Gangguan kamtib di Lembaga Pemasyarakatan Perempuan Kelas IIA Denpasar yang dapat "
         "dicegah",
         "keamanan.gangguan_dicegah"},
        {"Tahanan dan narapidana perempuan di Lapas Perempuan Kelas III Kupang yang mendapat "
         "akses layanan kesehatan maternal",
         "perawatan.maternal"},
        {"Pemulihan kondisi keamanan pasca gangguan kamtib di lingkungan Lapas Kelas IIB Atambua "
         "secara tuntas",
         "keamanan.pemulihan"},
        {"Narapidana risiko tinggi di Lapas Narkotika Kelas IIA Bangli yang berubah perilakunya "
         "menjadi sadar, patuh dan disiplin",
         "pembinaan.risiko_tinggi"},
        {"Persentase Narapidana yang Bekerja dan Produktif di Lapas Kelas IIA Kerobokan",
         "pembinaan.bekerja_produktif"},
        {"Persentase klien usia produktif yang memperoleh atau melanjutkan pekerjaan di luar "
         "lembaga di Bapas Kelas I Mataram",
         "bapas.klien_bekerja"},
        {"Tersusunnya dokumen pengelolaan BMN dan kerumahtanggaan Bapas Kelas II Kupang tepat "
         "waktu",
         "manajemen.bmn_kerumahtanggaan"},
        {"Tersusunnya dokumen rencana kerja, anggaran UPT Pemasyarakatan di Lapas Kelas IIA "
         "Kerobokan",
         "manajemen.dokumen_rencana_anggaran"},
        // Other forms of the same verbs.
        {"Narapidana yang memperoleh hak pendidikan", "pembinaan.pendidikan"},
        {"Pengaduan yang ditindak lanjuti sesuai ketentuan", "keamanan.pengaduan"},
    });
}

BOOST_AUTO_TEST_CASE(a_description_that_is_not_verbatim_scores_below_an_exact_name) {
    IndicatorMatch m = matcher().match("Narapidana yang mendapatkan hak remisi");
    BOOST_TEST(m.score < 1.0);
    BOOST_TEST(matcher().match("Persentase narapidana yang mendapatkan hak remisi").score == 1.0);
}

BOOST_AUTO_TEST_CASE(near_duplicates_stay_ambiguous) {
    struct Expect {
        const char* text;
        std::set<std::string> among;  // ids that must be among the candidates
    };
    const Expect cases[] = {
        {"Persentase narapidana yang mendapatkan hak",
         {"pembinaan.remisi", "pembinaan.integrasi", "pembinaan.pendidikan"}},
        {"Persentase narapidana di Lapas Kelas IIA Kerobokan yang mendapatkan hak",
         {"pembinaan.remisi", "pembinaan.integrasi", "pembinaan.pendidikan"}},
        {"Persentase Narapidana/Tahanan di Lapas Kelas IIA Kerobokan yang mendapatkan pelayanan "
         "perawatan kesehatan",
         {"layanan.kesehatan_dasar", "layanan.kesehatan_khusus"}},
        {"Tersusunnya dokumen rencana kerja, anggaran UPT",
         {"manajemen.dokumen_perencanaan", "manajemen.dokumen_rencana_anggaran"}},
        {"Persentase benda sitaan dan barang rampasan yang",
         {"basan.terjaga", "basan.dikeluarkan"}},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.text) {
            IndicatorMatch m = matcher().match(c.text);
            BOOST_TEST((m.status == MatchStatus::ambiguous));
            BOOST_TEST(m.id.empty());
            std::set<std::string> ids;
            for (const auto& candidate : m.candidates) ids.insert(candidate.id);
            for (const auto& id : c.among) BOOST_TEST(ids.count(id) == 1u, id);
        }
    }
}

BOOST_AUTO_TEST_CASE(text_that_is_no_indicator_stays_unmatched) {
    check_not_matched({
        "Jumlah",
        "Sasaran I",
        "Program : Pembinaan dan Penyelenggaraan Pemasarakatan",
        "Kupang, 16 Januari 2023",
        "INDIKATOR KINERJA",
        "Persentase",
        "Narapidana",
        // Headers and budget outputs: the name of a thing, not of an indicator.
        "Realisasi Anggaran",
        "Layanan Perkantoran",
        "EBA.994 Layanan Perkantoran",
        "Pelayanan Tahanan",
        "Penyelesaian Litmas",
        // Units, sasaran, actions and remarks around the indicators.
        "Rutan Kelas IIB SoE",
        "Lapas Kelas IIA Kerobokan",
        "407702 RUMAH TAHANAN NEGARA SOE",
        "Kepala Rumah Tahanan Negara",
        "Sasaran Strategis : Meningkatnya Pelayanan Tahanan",
        "Meningkatnya Pelayanan Tahanan di wilayah sesuai standar",
        "Melakukan pembinaan terhadap Narapidana/Tahanan untuk pemulihan kondisi keamanan "
        "pasca gangguan KAMTIB",
        "Tidak ada Tahanan / Narapidana yang mengalami gangguan Jiwa",
        "Narapidana yang mendapatkan hak",
    });
}

// "Jumlah X" is the count behind "Persentase X", and a formula names an indicator's words.
BOOST_AUTO_TEST_CASE(counts_and_formulas_are_not_the_ratio_they_feed) {
    check_not_matched({
        "Jumlah Gangguan Kamtib yang Dapat Dicegah",
        "Jumlah Narapidana yang mendapatkan hak remisi",
        "Jumlah Narapidana yang mendapatkan Hak Remisi dibagi Jumlah Narapidana yang memenuhi "
        "Syarat Substantif dan Administratif dikali 100%",
        "Koefisien Penanganan Penyakit Menular = (A + B) / 2 x 100%\nA = Jumlah Narapidana "
        "dengan HIV-AIDS yang ditekan jumlah virusnya dibagi Jumlah Narapidana dengan HIV-AIDS",
    });
}

BOOST_AUTO_TEST_CASE(stems_bring_forms_of_one_word_together) {
    using match_detail::stem;
    BOOST_TEST(stem("mendapatkan") == "dapat");
    BOOST_TEST(stem("mendapat") == "dapat");
    BOOST_TEST(stem("memperoleh") == "dapat");
    BOOST_TEST(stem("diperoleh") == "dapat");
    BOOST_TEST(stem("ditindaklanjuti") == stem("tindaklanjut"));
    BOOST_TEST(stem("tersusunnya") == stem("tersusun"));
    BOOST_TEST(stem("terpenuhinya") == stem("terpenuhi"));
    BOOST_TEST(stem("dicegah") == stem("mencegah"));
    BOOST_TEST(stem("fasilitasi") == stem("fasilitas"));
    // Nouns stay whole, and a short word keeps its letters.
    BOOST_TEST(stem("pendidikan") == "pendidikan");
    BOOST_TEST(stem("pelayanan") == "pelayanan");
    BOOST_TEST(stem("mental") == "mental");
    BOOST_TEST(stem("tertib") == "tertib");
}

BOOST_AUTO_TEST_CASE(unit_names_are_removed_but_names_of_indicators_are_not) {
    match_detail::WordScorer scorer;
    scorer.add(0, "Persentase narapidana yang mendapatkan hak remisi");
    scorer.add(1, "Jumlah UPT Pembangunan Rumah Tahanan Negara (Rutan)");
    scorer.add(2,
               "Persentase klien usia produktif yang memperoleh atau melanjutkan pekerjaan di "
               "luar lembaga");
    scorer.finish();
    auto bare = [&](std::string_view text) {
        std::string out;
        for (const auto& w : scorer.without_units(indicator_name_words(text)))
            out += (out.empty() ? "" : " ") + w;
        return out;
    };
    BOOST_TEST(bare("Narapidana di Rumah Tahanan Negara Kelas IIB SoE yang mendapatkan hak") ==
               "narapidana yang mendapatkan hak");
    BOOST_TEST(bare("narapidana Lapas Perempuan Kelas IIA Denpasar yang") == "narapidana yang");
    BOOST_TEST(bare("narapidana di lingkungan Bapas Mataram mendapatkan") ==
               "narapidana mendapatkan");
    // The place ends at a word of the catalogue: "remisi" is no part of "Kerobokan".
    BOOST_TEST(bare("narapidana di Lapas Kerobokan remisi") == "narapidana remisi");
    BOOST_TEST(bare("Jumlah UPT Pembangunan Rumah Tahanan Negara (Rutan)") ==
               "jumlah upt pembangunan rumah tahanan negara rutan");
    BOOST_TEST(bare("pekerjaan di luar lembaga") == "pekerjaan di luar lembaga");
}

BOOST_AUTO_TEST_SUITE_END()
