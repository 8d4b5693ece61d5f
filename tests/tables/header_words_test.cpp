// Every entry of the header vocabulary (engine/tables/header_words.toml) reads its examples
// as its own role, unit, period or group: a new entry is tested by adding it with examples.
#include "tables/header_words.hpp"

#include <boost/test/unit_test.hpp>

using namespace kinerja;
using namespace kinerja::tables_detail;

BOOST_AUTO_TEST_SUITE(header_words)

BOOST_AUTO_TEST_CASE(every_entry_reads_its_examples) {
    std::vector<VocabularyEntry> entries = vocabulary_entries();
    BOOST_TEST(entries.size() > 60u);
    for (const VocabularyEntry& e : entries) {
        BOOST_TEST_CONTEXT(e.section << " " << e.name) {
            BOOST_TEST(!e.examples.empty(), "an entry needs examples");
            for (const std::string& example : e.examples) {
                BOOST_TEST_CONTEXT("\"" << example << "\"") {
                    if (e.section == "role") {
                        auto role = classify_header(example);
                        BOOST_TEST((role ? role_name(*role) : "(none)") == e.name);
                    } else if (e.section == "unit") {
                        auto unit = unit_of(example);
                        BOOST_TEST((unit ? unit_name(*unit) : "(none)") == e.name);
                    } else if (e.section == "period") {
                        auto period = period_of(example);
                        BOOST_TEST((period ? period_name(*period) : "(none)") == e.name);
                    } else {
                        BOOST_TEST(group_of(example).has_value());
                    }
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_typing_slip_is_read_but_not_a_different_word) {
    BOOST_TEST(role_name(*classify_header("Reaisasi")) == std::string("realisasi"));
    BOOST_TEST(role_name(*classify_header("Indikatr Kinerja")) == std::string("indikator"));
    BOOST_TEST(!classify_header("Visi"));
    BOOST_TEST(!classify_header("Misi"));
    BOOST_TEST(!classify_header("Kendala yg Dihadapi"));
    // A long "Persentase ..." is an indicator's name, not a header.
    BOOST_TEST(!classify_header("Persentase pemenuhan layanan kesehatan"));
}

BOOST_AUTO_TEST_CASE(words_found_in_real_layouts) {
    auto role = [](const char* text) {
        auto r = classify_header(text);
        return std::string(r ? role_name(*r) : "(none)");
    };
    BOOST_TEST(role("% Realisasi Anggaran") == "persen");
    BOOST_TEST(role("Serapan") == "persen");
    BOOST_TEST(role("Deviasi") == "deviasi");
    BOOST_TEST(role("Sisa Anggaran") == "sisa");
    BOOST_TEST(role("Kelompok Belanja") == "jenis_belanja");
    BOOST_TEST(role("Tingkat Capaian") == "capaian");
    BOOST_TEST(role("Predikat") == "kategori");
    BOOST_TEST(role("Uraian Belanja") == "uraian");
    BOOST_TEST(role("Kode Rekening") == "kode");
    BOOST_TEST(role("Anggaran") == "pagu");
}

BOOST_AUTO_TEST_SUITE_END()
