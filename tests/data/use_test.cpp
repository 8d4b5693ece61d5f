// What fill and batch make of the data: one satker chosen, the indicator a key names, the
// year's value of a variable.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <functional>

#include "common/message.hpp"
#include "data/data.hpp"
#include "pipeline/pipeline.hpp"
#include "support/cells.hpp"
#include "support/support.hpp"

using namespace kinerja;
using kinerja::test::ScratchDir;

namespace {

std::filesystem::path write(const ScratchDir& dir, const std::string& bytes) {
    auto path = dir / "data.csv";
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

std::string refusal(const std::function<void()>& read) {
    try {
        read();
    } catch (const InputError& e) {
        return e.describe(Lang::en);
    }
    BOOST_ERROR("no InputError");
    return {};
}

bool has(const std::string& text, const std::string& word) {
    return text.find(word) != std::string::npos;
}

const Engine& engine() {
    static const Engine e = Engine::load(default_formulas_dir());
    return e;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(use)

BOOST_AUTO_TEST_CASE(one_satker_is_chosen_for_fill) {
    ScratchDir dir;
    auto file = write(dir,
                      "\xEF\xBB\xBFsatker,satker_nama,indikator,variabel,periode,nilai\n"
                      "LP01,\"Lapas Kerobokan, Bali\",perawatan.makanan,terpenuhi,TW1,1.367\n"
                      "RT02,Rutan SoE,perawatan.makanan,terpenuhi,TAHUN,\"92,5\"\n"
                      "LP01,,perawatan.maternal,hamil,TW2,-\n");
    SatkerChoice lp = read_satker_data(file, "LP01");
    BOOST_TEST_REQUIRE(lp.data.has_value());
    BOOST_TEST(lp.data->kode == "LP01");
    BOOST_TEST(lp.data->nama == "Lapas Kerobokan, Bali");
    const DataValue& v = lp.data->values.at("perawatan.makanan").at("terpenuhi").at(Periode::tw1);
    BOOST_TEST(v.value == 1367.0);
    BOOST_TEST(v.source == "data.csv:2");
    BOOST_TEST(
        lp.data->values.at("perawatan.maternal").at("hamil").at(Periode::tw2).not_applicable);
    BOOST_TEST(lp.data->values.size() == 2u);  // RT02's row is not kept
    BOOST_TEST(lp.notices.empty());

    BOOST_TEST(has(refusal([&] { read_satker_data(file, ""); }), "data for 2 satker"));
    BOOST_TEST(has(refusal([&] { read_satker_data(file, "XX"); }), "no data for satker XX"));

    auto one = write(dir, "satker,indikator,variabel,periode,nilai\nA,i,v,TW1,5\nA,i,v,TW2,6\n");
    SatkerChoice only = read_satker_data(one, "");
    BOOST_TEST_REQUIRE(only.data.has_value());
    BOOST_TEST(only.data->values.at("i").at("v").size() == 2u);

    auto empty = write(dir, "satker,indikator,variabel,periode,nilai\n");
    BOOST_TEST(!read_satker_data(empty, "").data.has_value());
}

BOOST_AUTO_TEST_CASE(fill_refuses_a_bad_row_of_any_satker) {
    ScratchDir dir;
    auto file = write(dir, "satker,indikator,variabel,periode,nilai\nA,i,v,TW1,5\nB,i,v,TW7,6\n");
    try {
        read_satker_data(file, "A");
        BOOST_ERROR("no error");
    } catch (const InputError& e) {
        BOOST_TEST(e.part() == "baris 3");
        BOOST_TEST(has(e.describe(Lang::id), "TW7"));
    }
}

BOOST_AUTO_TEST_CASE(choosing_a_satker_keeps_within_its_memory) {
    ScratchDir dir;
    std::string text = "satker,indikator,variabel,periode,nilai\n";
    for (int i = 0; i < 50; ++i) text += "S" + std::to_string(i) + ",i,v,TW1,1\n";
    DataLimits limits;
    limits.max_memory = 2000;  // a few codes' worth
    std::string why = refusal([&] { read_satker_data(write(dir, text), "S0", limits); });
    BOOST_TEST(has(why, "does not fit in memory"));
    BOOST_TEST(has(why, "satker"));
}

BOOST_AUTO_TEST_CASE(keys_name_indicators_by_id_first) {
    const CompiledCatalogue& compiled = *engine().compiled;
    IndicatorKeys keys(compiled, *engine().matcher);
    auto makanan = compiled.index_of("perawatan.makanan");
    BOOST_TEST_REQUIRE(makanan.has_value());
    const std::string name = compiled.indicator(*makanan).name;
    BOOST_TEST((keys.index_of("perawatan.makanan") == makanan));
    BOOST_TEST((keys.index_of(name) == makanan));
    BOOST_TEST(!keys.index_of("sesuatu yang bukan indikator"));
    // Given under its name and its id, the id's entry is the one used, whatever the order.
    std::map<std::string, int> by_key{{name, 1}, {"perawatan.makanan", 2}, {"zzz", 3}};
    auto found = keys.by_indicator(by_key);
    BOOST_TEST(found.size() == 1u);
    BOOST_TEST(*found.at(*makanan) == 2);
    by_key.erase("perawatan.makanan");
    BOOST_TEST(*keys.by_indicator(by_key).at(*makanan) == 1);
}

BOOST_AUTO_TEST_CASE(the_year_of_a_variable) {
    std::map<Periode, double> tw{
        {Periode::tw1, 300}, {Periode::tw2, na}, {Periode::tw3, 320}, {Periode::s1, 999}};
    auto values = [](const std::vector<const double*>& given) {
        std::vector<double> out;
        for (const double* v : given) out.push_back(*v);
        return out;
    };
    std::vector<double> year = values(values_so_far(tw));
    BOOST_TEST(year.size() == 3u);  // triwulan only, in order; semesters are not combined
    BOOST_TEST(combine_values(PeriodCombine::jumlah, year) == 620);
    BOOST_TEST(combine_values(PeriodCombine::rata, year) == 310);
    BOOST_TEST(combine_values(PeriodCombine::akhir, year) == 320);
    BOOST_TEST(combine_values(PeriodCombine::jumlah, values(values_so_far(tw, Periode::tw2))) ==
               300);
    BOOST_TEST(
        is_na(combine_values(PeriodCombine::akhir, values(values_so_far(tw, Periode::tw2)))));
    std::vector<double> none{na, na};
    BOOST_TEST(is_na(combine_values(PeriodCombine::jumlah, none)));
    BOOST_TEST(is_na(combine_values(PeriodCombine::rata, {})));
    tw[Periode::tahun] = 1000;  // a TAHUN value stands for the year alone
    BOOST_TEST((values(values_so_far(tw)) == std::vector<double>{1000}));
    BOOST_TEST(values(values_so_far(tw, Periode::tw3)).size() == 3u);
}

// One locator for a workbook's Data sheet: the reader and the fill's writer find the same
// header, under a title, with labels that say more, in a sheet named in any case; the writer
// adds to that sheet rather than starting another.
BOOST_AUTO_TEST_CASE(the_data_sheet_is_located_once_for_reading_and_writing) {
    using test::put_number;
    using test::put_text;
    Workbook wb;
    Sheet s;
    s.name = "DATA";
    put_text(s, 0, 0, "DATA MENTAH 2024");
    put_text(s, 2, 0, "Indikator Kinerja");
    put_text(s, 2, 1, "Variabel");
    put_text(s, 2, 2, "TW I");
    put_text(s, 2, 3, "TAHUN");
    put_text(s, 3, 0, "makanan");
    put_text(s, 3, 1, "terpenuhi");
    put_number(s, 3, 2, 5);
    put_number(s, 3, 3, 20);
    wb.sheets.push_back(s);
    BOOST_TEST(is_data_sheet(wb.sheets[0]));
    auto header = data_sheet_header(wb.sheets[0]);
    BOOST_TEST_REQUIRE(header.has_value());
    BOOST_TEST(header->row == 2u);
    BOOST_TEST(header->indikator_col == 0u);
    BOOST_TEST(header->variabel_col == 1u);
    BOOST_TEST((header->periods ==
                std::map<std::uint32_t, Periode>{{2, Periode::tw1}, {3, Periode::tahun}}));
    auto typed = read_data_sheet(wb);
    BOOST_TEST_REQUIRE(typed.has_value());
    BOOST_TEST(typed->values.at("makanan").at("terpenuhi").at(Periode::tahun).value == 20);

    // --data for the same workbook: written into DATA under its header, read back with it.
    Engine engine = Engine::load(default_formulas_dir());
    FillOptions options;
    options.data = SatkerData{};
    options.data->values["makanan"]["jumlah_wbp"][Periode::tahun] = {100, false, "data.csv:2"};
    process(engine, wb, options);
    std::size_t data_sheets = 0;
    for (const Sheet& sheet : wb.sheets) data_sheets += is_data_sheet(sheet);
    BOOST_TEST(data_sheets == 1u);
    const Sheet& data = wb.sheets[0];
    BOOST_TEST(display_text(data, 4, 1) == "jumlah_wbp");
    BOOST_TEST(display_text(data, 4, 3) == "100");
    auto both = read_data_sheet(wb);
    BOOST_TEST_REQUIRE(both.has_value());
    BOOST_TEST(both->values.at("makanan").at("jumlah_wbp").at(Periode::tahun).value == 100);
    BOOST_TEST(both->values.at("makanan").at("terpenuhi").at(Periode::tahun).value == 20);
}

BOOST_AUTO_TEST_SUITE_END()
