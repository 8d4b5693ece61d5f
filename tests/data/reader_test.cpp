// The regional data reader: header, aliases, periode forms, numbers, encodings, quoted line
// breaks, limits and refusals that name the line.
#include <boost/test/unit_test.hpp>
#include <fstream>

#include "common/message.hpp"
#include "data/data.hpp"
#include "support/support.hpp"

using namespace kinerja;
using kinerja::test::ScratchDir;

namespace {

const std::string header = "satker,indikator,variabel,periode,nilai\n";

std::filesystem::path write(const ScratchDir& dir, const std::string& bytes,
                            const std::string& name = "data.csv") {
    auto path = dir / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

std::vector<DataRecord> read_all(const std::filesystem::path& file, const DataLimits& limits = {}) {
    DataReader reader(file, limits);
    std::vector<DataRecord> rows;
    for (DataRecord r; reader.next(r);) rows.push_back(r);
    return rows;
}

// The InputError reading `file` gives: its part ("baris 3") and Indonesian and English text.
struct Refusal {
    std::string part, id, en;
};
template <class F>
Refusal refusal(F&& read) {
    try {
        read();
    } catch (const InputError& e) {
        return {e.part(), e.describe(Lang::id), e.describe(Lang::en)};
    }
    BOOST_ERROR("no InputError");
    return {};
}

bool has(const std::string& text, const std::string& word) {
    return text.find(word) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reader)

BOOST_AUTO_TEST_CASE(periode_forms) {
    BOOST_TEST((parse_periode("TW1") == Periode::tw1));
    BOOST_TEST((parse_periode("TW I") == Periode::tw1));
    BOOST_TEST((parse_periode("tw-2") == Periode::tw2));
    BOOST_TEST((parse_periode("Triwulan III") == Periode::tw3));
    BOOST_TEST((parse_periode("TW IV") == Periode::tw4));
    BOOST_TEST((parse_periode("S1") == Periode::s1));
    BOOST_TEST((parse_periode("Semester II") == Periode::s2));
    BOOST_TEST((parse_periode("TAHUN") == Periode::tahun));
    BOOST_TEST((parse_periode("tahunan") == Periode::tahun));
    BOOST_TEST(!parse_periode("TW5"));
    BOOST_TEST(!parse_periode(""));
    BOOST_TEST(std::string(periode_name(Periode::tw3)) == "TW3");
    BOOST_TEST(std::string(periode_title(Periode::tw3)) == "TW III");
    BOOST_TEST(std::string(periode_name(Periode::tahun)) == "TAHUN");
}

BOOST_AUTO_TEST_CASE(header_in_any_order_with_aliases_and_semicolons) {
    ScratchDir dir;
    auto rows = read_all(write(dir,
                               "Nilai,Periode,Variabel,Indikator,Kode Satker,Nama Satker\n"
                               "12,TW1,x,ind.a,S01,Lapas Satu\n"));
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(rows[0].satker == "S01");
    BOOST_TEST(rows[0].nama == "Lapas Satu");
    BOOST_TEST(rows[0].indikator == "ind.a");
    BOOST_TEST(rows[0].value == 12);
    // Excel in an Indonesian locale saves "CSV" with semicolons, as the comma is the decimal mark.
    rows = read_all(write(dir,
                          "satker;satker_nama;indikator;variabel;periode;nilai\n"
                          "S01;\"Lapas; Satu\";ind.a;x;TW2;92,5\n"));
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(rows[0].nama == "Lapas; Satu");
    BOOST_TEST(rows[0].value == 92.5);
    BOOST_TEST((rows[0].periode == Periode::tw2));
}

BOOST_AUTO_TEST_CASE(numbers_as_indonesians_type_them) {
    ScratchDir dir;
    auto rows = read_all(write(dir, header + "S,i,v,TW1,1.367\n"
                                             "S,i,v,TW2,\"1.234.567,89\"\n"
                                             "S,i,v,TW3,-\n"
                                             "S,i,v,TW4,\"21,276,070,424,00\"\n"
                                             "S,i,v,TAHUN,=1+2\n"
                                             "S,i,v,S1,\n"));
    BOOST_TEST_REQUIRE(rows.size() == 6u);
    BOOST_TEST(rows[0].value == 1367);
    BOOST_TEST(rows[1].value == 1234567.89);
    BOOST_TEST(rows[2].not_applicable);
    BOOST_TEST(!rows[0].problem);
    BOOST_TEST_REQUIRE(rows[3].problem.has_value());  // two readings, no column to choose by
    BOOST_TEST(has(rows[3].problem->id, "dapat dibaca"));
    BOOST_TEST_REQUIRE(rows[4].problem.has_value());
    BOOST_TEST(has(rows[4].problem->id, "bukan angka"));
    BOOST_TEST(has(rows[4].problem->en, "not a number"));
    BOOST_TEST_REQUIRE(rows[5].problem.has_value());
    BOOST_TEST(has(rows[5].problem->id, "kosong"));
}

BOOST_AUTO_TEST_CASE(row_problems_say_what_is_wrong) {
    ScratchDir dir;
    auto rows = read_all(write(dir, header + "S,i,v,TW9,1\n"
                                             ",i,v,TW1,1\n"
                                             "S,,v,TW1,1\n"
                                             "S,i\x01,v,TW1,1\n"
                                             ",,,,\n"  // blank: skipped
                                             "S,i,v,TW1,1\n"));
    BOOST_TEST_REQUIRE(rows.size() == 5u);
    BOOST_TEST(has(rows[0].problem->id, "TW9"));
    BOOST_TEST(has(rows[1].problem->id, "kode satker kosong"));
    BOOST_TEST(has(rows[2].problem->id, "indikator dan variabel"));
    BOOST_TEST(has(rows[3].problem->id, "karakter kendali 0x01"));
    BOOST_TEST(rows[4].line == 7u);
    BOOST_TEST(!rows[4].problem);
    Message m = at_line("data.csv", 3, *rows[1].problem);
    BOOST_TEST(m.id == "data.csv baris 3: kode satker kosong");
    BOOST_TEST(m.en == "data.csv line 3: no satker code");
}

BOOST_AUTO_TEST_CASE(utf8_with_and_without_bom_gives_no_notice) {
    ScratchDir dir;
    for (std::string bom : {"", "\xEF\xBB\xBF"}) {
        DataReader reader(write(dir, bom + header + "S,\xC3\x89lan,v,TW1,1\n"));
        DataRecord r;
        BOOST_TEST_REQUIRE(reader.next(r));
        BOOST_TEST(r.indikator == "\xC3\x89lan");
        BOOST_TEST(reader.notices().empty());
    }
}

BOOST_AUTO_TEST_CASE(windows_1252_is_read_and_said_once) {
    ScratchDir dir;
    // "Émile" and curly quotes, as Excel on Windows saves them.
    DataReader reader(write(dir,
                            "satker,satker_nama,indikator,variabel,periode,nilai\n"
                            "S,\xC9mile \x93"
                            "A\x94,i,v,TW1,1\n"
                            "S,\xFF\xFE,i,v,TW2,2\n"));
    std::vector<DataRecord> rows;
    for (DataRecord r; reader.next(r);) rows.push_back(r);
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[0].nama ==
               "\xC3\x89mile \xE2\x80\x9C"
               "A\xE2\x80\x9D");
    BOOST_TEST(rows[1].nama == "\xC3\xBF\xC3\xBE");
    BOOST_TEST_REQUIRE(reader.notices().size() == 1u);
    BOOST_TEST(has(reader.notices()[0].id, "Windows-1252"));
    BOOST_TEST(has(reader.notices()[0].id, "baris 2"));
    BOOST_TEST(has(reader.notices()[0].en, "read as Windows-1252"));
}

BOOST_AUTO_TEST_CASE(bytes_that_cannot_be_decoded_are_refused_with_their_line) {
    ScratchDir dir;
    // 0x81 is neither UTF-8 (alone) nor Windows-1252.
    Refusal r = refusal([&] { read_all(write(dir, header + "S,i,v,TW1,1\nS,i\x81,v,TW1,1\n")); });
    BOOST_TEST(r.part == "baris 3");
    BOOST_TEST(has(r.id, "0x81"));
    BOOST_TEST(has(r.en, "neither UTF-8 nor Windows-1252"));
    // A file marked UTF-8 by its BOM is not guessed at.
    r = refusal([&] { read_all(write(dir, "\xEF\xBB\xBF" + header + "S,\xE9,v,TW1,1\n")); });
    BOOST_TEST(r.part == "baris 2");
    BOOST_TEST(has(r.id, "BOM"));
    // Nor is UTF-16 (Excel's "Unicode text").
    r = refusal([&] { read_all(write(dir, std::string("\xFF\xFEs\0a\0", 6))); });
    BOOST_TEST(has(r.id, "UTF-16"));
    // Code points past U+10FFFF are not UTF-8, and F4 90 is not Windows-1252 either (0x90).
    r = refusal([&] { read_all(write(dir, header + "S,\xF4\x90\x80\x80,v,TW1,1\n")); });
    BOOST_TEST(r.part == "baris 2");
}

BOOST_AUTO_TEST_CASE(quoted_line_breaks_are_part_of_the_field) {
    ScratchDir dir;
    auto rows = read_all(write(dir,
                               "satker,satker_nama,indikator,variabel,periode,nilai\r\n"
                               "S,\"Lapas\r\nKelas \"\"II\"\"\",i,v,TW1,1\r\n"
                               "S,,\"i\n\n\",v,TW2,2\r\n"
                               "S,,i,v,TW9,3\r\n"));
    BOOST_TEST_REQUIRE(rows.size() == 3u);
    BOOST_TEST(rows[0].nama == "Lapas\nKelas \"II\"");
    BOOST_TEST(rows[0].line == 2u);
    BOOST_TEST(rows[1].indikator == "i");  // trimmed
    BOOST_TEST(rows[1].line == 4u);
    BOOST_TEST(rows[2].line == 7u);  // physical lines, not records
    BOOST_TEST_REQUIRE(rows[2].problem.has_value());
    // A lone carriage return (an old Mac line break, or a cell pasted from one) in quotes.
    rows = read_all(write(dir, header + "S,\"Lapas\rSatu\",v,TW1,1\n"));
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(!rows[0].problem.has_value());
    BOOST_TEST(rows[0].indikator == "Lapas\nSatu");
}

BOOST_AUTO_TEST_CASE(a_quote_never_closed_names_the_line_it_opened_on) {
    ScratchDir dir;
    Refusal r =
        refusal([&] { read_all(write(dir, header + "A,b,c,TW1,1\nA,b,c,TW1,\"12\nA,b\n")); });
    BOOST_TEST(r.part == "baris 3");
    BOOST_TEST(has(r.id, "kutip"));
    BOOST_TEST(has(r.en, "quote"));
    // The row limit stops a quote left open from swallowing the file.
    DataLimits limits;
    limits.max_row_bytes = 64;
    std::string long_tail(200, 'x');
    r = refusal(
        [&] { read_all(write(dir, header + "A,\"" + long_tail + "\nA,b,c,TW1,1\n"), limits); });
    BOOST_TEST(r.part == "baris 2");
    BOOST_TEST(has(r.id, "kutip"));
}

BOOST_AUTO_TEST_CASE(header_and_empty_files_are_refused_on_line_1) {
    ScratchDir dir;
    Refusal r = refusal([&] { read_all(write(dir, "satker,indikator,variabel,nilai\n")); });
    BOOST_TEST(r.part == "baris 1");
    BOOST_TEST(has(r.id, "\"periode\""));
    r = refusal([&] { read_all(write(dir, "")); });
    BOOST_TEST(r.part == "baris 1");
    BOOST_TEST(has(r.id, "kosong"));
    r = refusal([&] { read_all(dir / "nowhere.csv"); });
    BOOST_TEST(has(r.id, "tidak dapat dibuka"));
}

BOOST_AUTO_TEST_CASE(limits_are_refused_with_the_numbers) {
    ScratchDir dir;
    auto file = write(dir, header + "S,i,v,TW1,1\nS,i,v,TW2,2\n\nS,i,v,TW3,3\n");
    DataLimits limits;
    limits.max_rows = 2;
    Refusal r = refusal([&] { read_all(file, limits); });
    BOOST_TEST(r.part == "baris 5");
    BOOST_TEST(has(r.en, "more than 2 data rows"));
    limits = {};
    limits.max_bytes = 10;
    r = refusal([&] { read_all(file, limits); });
    BOOST_TEST(has(r.en, "over the limit"));
    limits = {};
    limits.max_row_bytes = 8;
    r = refusal([&] { read_all(file, limits); });
    BOOST_TEST(r.part == "baris 1");
}

BOOST_AUTO_TEST_CASE(memory_use_refuses_before_the_budget_is_passed) {
    MemoryUse memory("data.csv", 1000);
    memory.charge(400, 2, true);
    memory.charge(400, 3, true);
    BOOST_TEST(memory.used() == 800u);
    Refusal r = refusal([&] { memory.charge(400, 4, true); });
    BOOST_TEST(r.part == "baris 4");
    BOOST_TEST(has(r.en, "3 satker"));
    BOOST_TEST(has(r.en, "about 400 bytes each"));
    BOOST_TEST(has(r.id, "tidak muat di memori"));
}

BOOST_AUTO_TEST_CASE(default_limits_follow_the_machine) {
    DataLimits limits;
    BOOST_TEST(limits.max_memory > (64ull << 20));  // any machine that runs the tests
    BOOST_TEST(limits.max_memory < UINT64_MAX / 2);
}

BOOST_AUTO_TEST_SUITE_END()
