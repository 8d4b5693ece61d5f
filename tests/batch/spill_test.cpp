// What the batch keeps on disk instead of in memory: the units' summaries (SummaryStore)
// and the data's rows (RowFile). Each must give back exactly what went in, in key order,
// whatever the order of the data and however many threads added to it.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <thread>

#include "batch/data_table.hpp"
#include "batch/figures.hpp"
#include "batch/summary_store.hpp"
#include "support/support.hpp"

using namespace kinerja;
using namespace kinerja::batch_detail;
using namespace kinerja::test;

namespace {

UnitSummary full_summary(const std::string& key) {
    UnitSummary s;
    UnitReport& r = s.report;
    r.key = key;
    r.nama = "LAPAS KELAS IIA \xC3\x89XAMPLE " + key;  // non-ASCII survives
    r.output = key + ".xlsx";
    r.status = UnitStatus::findings;
    r.up_to_date = true;
    r.errors = 3;
    r.warnings = 7;
    r.hidden_errors = 1;
    r.hidden_warnings = 2;
    r.rules = {{"data.variabel_kurang", 2}, {"capaian.beda", 1}};
    r.failure = Message{"gagal: " + key, "failed: " + key};
    r.timings = {0.25, 1.5, 2.75, 4.5};
    PeriodFigures& year = s.periods[Periode::tahun];
    year.present = true;
    year.indikator["perawatan.hiv_tb"] = {100, 92.5, 92.5, "B"};
    year.indikator["tahanan.overstaying"] = {0, na, na, ""};
    year.anggaran = Budget{1'250'000'000, 1'100'000'000.5, 88.00000000000001};
    s.periods[Periode::tw2].present = true;
    s.periods[Periode::tw2].indikator["perawatan.hiv_tb"] = {100, 40, 40, "D"};
    return s;
}

bool same_number(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;  // exact: no rounding on the way
}

void check_same(const UnitSummary& got, const UnitSummary& want) {
    const UnitReport &g = got.report, &w = want.report;
    BOOST_TEST(g.key == w.key);
    BOOST_TEST(g.nama == w.nama);
    BOOST_TEST(g.output == w.output);
    BOOST_TEST(static_cast<int>(g.status) == static_cast<int>(w.status));
    BOOST_TEST(g.up_to_date == w.up_to_date);
    BOOST_TEST(g.errors == w.errors);
    BOOST_TEST(g.warnings == w.warnings);
    BOOST_TEST(g.hidden_errors == w.hidden_errors);
    BOOST_TEST(g.hidden_warnings == w.hidden_warnings);
    BOOST_TEST((g.rules == w.rules));
    BOOST_TEST(g.failure.has_value() == w.failure.has_value());
    if (g.failure && w.failure) {
        BOOST_TEST(g.failure->id == w.failure->id);
        BOOST_TEST(g.failure->en == w.failure->en);
    }
    BOOST_TEST(g.timings.write_ms == w.timings.write_ms);
    BOOST_TEST(g.timings.total_ms == w.timings.total_ms);
    for (Periode p : rekap_periods) {
        const PeriodFigures &gp = got.periods[p], &wp = want.periods[p];
        BOOST_TEST(gp.present == wp.present);
        BOOST_TEST_REQUIRE(gp.indikator.size() == wp.indikator.size());
        for (const auto& [id, wf] : wp.indikator) {
            const Figure* gf = gp.indikator.find(id);
            BOOST_TEST_REQUIRE(gf != nullptr);
            BOOST_TEST(same_number(gf->target, wf.target));
            BOOST_TEST(same_number(gf->realisasi, wf.realisasi));
            BOOST_TEST(same_number(gf->capaian, wf.capaian));
            BOOST_TEST(gf->kategori == wf.kategori);
        }
        BOOST_TEST(gp.anggaran.has_value() == wp.anggaran.has_value());
        if (gp.anggaran && wp.anggaran) {
            BOOST_TEST(same_number(gp.anggaran->pagu, wp.anggaran->pagu));
            BOOST_TEST(same_number(gp.anggaran->realisasi, wp.anggaran->realisasi));
            BOOST_TEST(same_number(gp.anggaran->persen, wp.anggaran->persen));
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(spill)

BOOST_AUTO_TEST_CASE(summary_store_gives_back_every_field_in_key_order) {
    ScratchDir dir;
    SummaryStore store(dir.path());
    for (const char* key : {"S20", "S03", "S11"}) store.add(full_summary(key), key[1] - '0');
    UnitSummary bare;
    bare.report.key = "S01";
    bare.report.status = UnitStatus::failed;
    store.add(bare, 9);
    store.sort_by_key();
    BOOST_TEST_REQUIRE(store.size() == 4u);
    BOOST_TEST(store.key(0) == "S01");
    BOOST_TEST(store.key(3) == "S20");
    BOOST_TEST(store.tag(0) == 9u);
    BOOST_TEST(store.tag(3) == 2u);
    check_same(store[0], bare);
    std::size_t i = 0;
    for (const UnitSummary& s : store) {
        if (i > 0) check_same(s, full_summary(store.key(i)));
        ++i;
    }
    BOOST_TEST(i == 4u);
    // The file is unlinked at once: nothing is left in the folder, even while it is in use.
    BOOST_TEST(std::filesystem::is_empty(dir.path()));
}

BOOST_AUTO_TEST_CASE(summary_store_takes_adds_from_many_threads) {
    ScratchDir dir;
    SummaryStore store(dir.path());
    std::vector<std::jthread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&store, t] {
            for (int i = 0; i < 300; ++i) {
                char key[32];
                std::snprintf(key, sizeof key, "U%04d", i * 4 + t);
                store.add(full_summary(key));
            }
        });
    threads.clear();
    store.sort_by_key();
    BOOST_TEST_REQUIRE(store.size() == 1200u);
    for (std::size_t i = 0; i < store.size(); ++i) {
        char key[32];
        std::snprintf(key, sizeof key, "U%04zu", i);
        BOOST_TEST_REQUIRE(store.key(i) == key);
    }
    check_same(store[777], full_summary("U0777"));
}

BOOST_AUTO_TEST_CASE(data_rows_come_back_per_satker_whatever_their_order) {
    ScratchDir dir;
    // Interleaved by satker, as an export sorted by indikator would be.
    std::ofstream(dir / "data.csv") << "satker,indikator,variabel,periode,nilai,satker_nama\n"
                                       "B02,ind.a,x,TW1,1,Rutan B\n"
                                       "A01,ind.a,x,TW1,2,Lapas A\n"
                                       "B02,ind.a,y,TW1,3\n"
                                       "A01,ind.a,y,TW1,4\n"
                                       "A01,ind.b,x,TAHUN,-\n"
                                       "B02,ind.b,x,TAHUN,\"1.234,5\"\n";
    DataTable table = read_batch_data(dir / "data.csv");
    BOOST_TEST_REQUIRE(table.units.size() == 2u);
    const UnitData& a = table.units[0];
    const UnitData& b = table.units[1];
    BOOST_TEST(a.kode == "A01");
    BOOST_TEST(b.nama == "Rutan B");
    BOOST_TEST(a.runs.size() == 2u);  // lines 3 and 5-6
    std::vector<DataRow> rows = table.rows.read(a.runs);
    BOOST_TEST_REQUIRE(rows.size() == 3u);
    BOOST_TEST(rows[0].value == 2);
    BOOST_TEST(rows[0].line == 3u);
    BOOST_TEST(rows[1].value == 4);
    BOOST_TEST(rows[2].not_applicable);
    BOOST_TEST(rows[2].line == 6u);
    SatkerData data = satker_data(table, b, table.rows.read(b.runs));
    BOOST_TEST(data.values["ind.a"]["y"][Periode::tw1].value == 3);
    BOOST_TEST(data.values["ind.b"]["x"][Periode::tahun].value == 1234.5);
    BOOST_TEST(data.values["ind.a"]["x"][Periode::tw1].source == "data.csv:2");
}

BOOST_AUTO_TEST_CASE(a_region_too_large_for_memory_is_refused_with_the_numbers) {
    ScratchDir dir;
    {
        std::ofstream out(dir / "data.csv");
        out << "satker,indikator,variabel,periode,nilai\n";
        for (int i = 0; i < 100; ++i) out << "S" << i << ",ind.a,x,TW1,1\n";
    }
    DataLimits limits;
    limits.max_memory = 10 * unit_bookkeeping_bytes;  // room for fewer than ten satker
    try {
        read_batch_data(dir / "data.csv", limits);
        BOOST_ERROR("no error");
    } catch (const InputError& e) {
        BOOST_TEST(e.part().rfind("baris ", 0) == 0u);
        std::string en = e.describe(Lang::en);
        BOOST_TEST(en.find("does not fit in memory") != std::string::npos, en);
        BOOST_TEST(en.find(" satker (about ") != std::string::npos, en);
        BOOST_TEST(en.find("split the data by region") != std::string::npos, en);
    }
    limits.max_memory = 200 * unit_bookkeeping_bytes;
    BOOST_TEST(read_batch_data(dir / "data.csv", limits).units.size() == 100u);
}

BOOST_AUTO_TEST_CASE(bad_rows_fail_their_satker_and_rows_without_one_are_listed) {
    ScratchDir dir;
    std::ofstream(dir / "data.csv") << "satker,satker_nama,indikator,variabel,periode,nilai\n"
                                       "A01,\"Lapas\nA\",ind.a,x,TW1,1\n"
                                       "A01,,ind.a,x,TW9,2\n"
                                       ",,ind.a,x,TW1,3\n"
                                       "B02,,ind.a,x,TW1,4\n";
    DataTable table = read_batch_data(dir / "data.csv");
    BOOST_TEST_REQUIRE(table.units.size() == 2u);
    BOOST_TEST(table.units[0].nama == "Lapas\nA");
    BOOST_TEST_REQUIRE(table.units[0].error.has_value());
    BOOST_TEST(table.units[0].error->id.find("data.csv baris 4: periode \"TW9\"") == 0u,
               table.units[0].error->id);
    BOOST_TEST(!table.units[1].error);
    BOOST_TEST_REQUIRE(table.problems.size() == 1u);
    BOOST_TEST(table.problems[0].en == "data.csv line 5: no satker code; the row is not used");
}

BOOST_AUTO_TEST_SUITE_END()
