#include <boost/test/unit_test.hpp>
#include <fstream>

#include "common/message.hpp"
#include "fill/data.hpp"
#include "support/support.hpp"

using namespace kinerja;
using kinerja::test::ScratchDir;

namespace {
std::filesystem::path write(const ScratchDir& dir, const std::string& text) {
    auto path = dir / "data.csv";
    std::ofstream(path, std::ios::binary) << text;
    return path;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(data)

BOOST_AUTO_TEST_CASE(periods) {
    BOOST_TEST((parse_periode("TW1") == Periode::tw1));
    BOOST_TEST((parse_periode("TW IV") == Periode::tw4));
    BOOST_TEST((parse_periode("S2") == Periode::s2));
    BOOST_TEST((parse_periode("TAHUN") == Periode::tahun));
    BOOST_TEST(!parse_periode("TW5"));
}

BOOST_AUTO_TEST_CASE(reads_csv_with_bom_quotes_and_indonesian_numbers) {
    ScratchDir dir;
    auto file = write(dir,
                      "\xEF\xBB\xBFsatker,satker_nama,indikator,variabel,periode,nilai\n"
                      "LP01,\"Lapas Kerobokan, Bali\",perawatan.makanan,terpenuhi,TW1,1.367\n"
                      "LP01,,perawatan.makanan,jumlah_wbp,TW1,\"1.367\"\n"
                      "LP01,,perawatan.maternal,hamil,TW2,-\n"
                      "\n"
                      "RT02,Rutan SoE,perawatan.makanan,terpenuhi,TAHUN,\"92,5\"\r\n");
    DataSet d = read_data_csv(file);
    BOOST_REQUIRE_EQUAL(d.satker.size(), 2u);
    const SatkerData& lp = d.satker.at("LP01");
    BOOST_TEST(lp.nama == "Lapas Kerobokan, Bali");
    BOOST_TEST(lp.values.at("perawatan.makanan").at("terpenuhi").at(Periode::tw1).value == 1367.0);
    BOOST_TEST(lp.values.at("perawatan.maternal").at("hamil").at(Periode::tw2).not_applicable);
    BOOST_TEST(d.satker.at("RT02").values.at("perawatan.makanan").at("terpenuhi").at(Periode::tahun).value == 92.5);
}

BOOST_AUTO_TEST_CASE(bad_csv_names_the_line) {
    ScratchDir dir;
    auto check = [&](const std::string& text, const std::string& part, const std::string& word) {
        try {
            read_data_csv(write(dir, text));
            BOOST_ERROR("no error for: " << text);
        } catch (const InputError& e) {
            BOOST_TEST(e.part() == part);
            BOOST_TEST(e.describe(Lang::id).find(word) != std::string::npos, e.describe(Lang::id));
        }
    };
    check("satker,indikator,variabel,nilai\n", "baris 1", "periode");
    check("satker,indikator,variabel,periode,nilai\nA,b,c,TW9,1\n", "baris 2", "TW9");
    check("satker,indikator,variabel,periode,nilai\nA,b,c,TW1,=1+2\n", "baris 2", "bukan angka");
    check("satker,indikator,variabel,periode,nilai\nA,b,c,TW1,\"12\n", "baris 2", "kutip");
    check("", "baris 1", "kosong");
}

BOOST_AUTO_TEST_SUITE_END()
