// Whole-file behaviour: properties, reproducible bytes, atomic replacement, and
// LibreOffice reading what we wrote.
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <ctime>
#include <limits>
#include <thread>

#include "write/images.hpp"
#include "write/written.hpp"

using namespace kinerja;
using namespace kinerja::test;
namespace fs = std::filesystem;

namespace {

Workbook sample() {
    Workbook wb = one_sheet("Capaian");
    Sheet& s = wb.sheets[0];
    s.put(text_cell(0, 0, "Indikator"));
    s.put(text_cell(0, 1, "Target"));
    s.put(text_cell(0, 2, "Realisasi"));
    s.put(text_cell(0, 3, "Capaian"));
    s.put(text_cell(1, 0, "Persentase WBP mengikuti pembinaan"));
    s.put(number_cell(1, 1, 80));
    s.put(number_cell(1, 2, 92));
    Cell capaian = number_cell(1, 3, 115);
    capaian.formula = "C2/B2*100";
    s.put(capaian);
    return wb;
}

// The sample with parts libxlsxwriter cannot write itself, so the writer patches them.
Workbook patched_sample() {
    Workbook wb = sample();
    Sheet& s = wb.sheets[0];
    s.put(text_cell(2, 0, "Indikator tanpa target"));
    s.put(number_cell(2, 1, 0));
    s.put(number_cell(2, 2, 5));
    Cell error = number_cell(2, 3, 0);
    error.formula = "C3/B3*100";
    error.value = {CellValue::Kind::error, 0, "#DIV/0!"};
    s.put(error);
    Cell reached;
    reached.row = 1;
    reached.col = 4;
    reached.formula = "D2>=100";
    reached.value = {CellValue::Kind::boolean, 1, ""};
    s.put(reached);
    Style date;
    date.num_format = "yyyy-mm-dd";
    s.put(number_cell(1, 5, 43830, wb.intern_style(date)));  // 2024-01-01 in 1904 days
    wb.date1904 = true;
    s.default_col_width = 14.72;
    return wb;
}

std::size_t files_in(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(write_workbook_file)

BOOST_AUTO_TEST_CASE(document_properties) {
    Workbook wb = sample();
    DocProperties& p = wb.properties;
    p.title = "Laporan Kinerja Triwulan I";
    p.subject = "SAKIP";
    p.creator = "Subbag TU Lapas";
    p.keywords = "LKjIP; capaian";
    p.description = "Diisi per 31 Maret";
    p.category = "Laporan";
    p.company = "Kementerian Hukum dan HAM";
    p.manager = "Kalapas";
    p.created = "2024-01-05T08:00:00+07:00";
    p.last_modified_by = "Operator";
    p.modified = "2024-03-31T10:00:00Z";
    Written out(wb);
    std::string core = out.part("docProps/core.xml");
    KINERJA_CHECK_HAS(core, "<dc:title>Laporan Kinerja Triwulan I</dc:title>");
    KINERJA_CHECK_HAS(core, "<dc:creator>Subbag TU Lapas</dc:creator>");
    KINERJA_CHECK_HAS(core, "<cp:keywords>LKjIP; capaian</cp:keywords>");
    KINERJA_CHECK_HAS(core, "<dc:description>Diisi per 31 Maret</dc:description>");
    KINERJA_CHECK_HAS(core, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-01-05T01:00:00Z");
    std::string app = out.part("docProps/app.xml");
    KINERJA_CHECK_HAS(app, "<Company>Kementerian Hukum dan HAM</Company>");
    KINERJA_CHECK_HAS(app, "<Manager>Kalapas</Manager>");
    KINERJA_CHECK_HAS(core, "<cp:lastModifiedBy>Operator</cp:lastModifiedBy>");
    KINERJA_CHECK_HAS(core, "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2024-03-31T10:00:00Z<");
    BOOST_TEST(out.report().dropped.empty());
}

// Issue 15: a 10 MB field became a 10 MB title.
BOOST_AUTO_TEST_CASE(document_property_past_255_characters_is_cut) {
    Workbook wb = sample();
    wb.properties.title = std::string(10 << 20, 'x');
    wb.properties.subject = std::string(255, 's');
    Written out(wb);
    std::string core = out.part("docProps/core.xml");
    KINERJA_CHECK_HAS(core, "<dc:title>" + std::string(254, 'x') + "\u2026</dc:title>");
    KINERJA_CHECK_HAS(core, "<dc:subject>" + std::string(255, 's') + "</dc:subject>");
    BOOST_TEST(out.reported("document property longer than 255 characters cut"));
}

// Issue 16: a satker_nama with a control character made core.xml unparseable, and a
// modification date in no standard form was copied as it was.
BOOST_AUTO_TEST_CASE(document_properties_are_always_valid_xml) {
    Workbook wb = sample();
    wb.properties.title = "Lapas\x01Satu\x1F";
    wb.properties.last_modified_by = "Op\x0Brator";
    wb.properties.modified = "31/03/2024 10:00";
    Written out(wb);
    std::string core = out.part("docProps/core.xml");
    KINERJA_CHECK_HAS(core, "<dc:title>Lapas Satu </dc:title>");
    KINERJA_CHECK_HAS(core, "<cp:lastModifiedBy>Op rator</cp:lastModifiedBy>");
    KINERJA_CHECK_LACKS(core, "31/03/2024");
    KINERJA_CHECK_LACKS(core, "dcterms:modified");
    BOOST_TEST(out.reported("control characters in a document property"));
    BOOST_TEST(out.reported("modification date that is not W3CDTF"));
}

BOOST_AUTO_TEST_CASE(same_model_gives_the_same_bytes) {
    for (const Workbook& wb : {sample(), patched_sample()}) {
        Written first(wb), second(wb);
        BOOST_TEST(read_file(first.file()) == read_file(second.file()));
        // No dates in the model: none in the file either, rather than the time of writing.
        KINERJA_CHECK_LACKS(first.part("docProps/core.xml"), "dcterms:created");
        KINERJA_CHECK_LACKS(first.part("docProps/core.xml"), "dcterms:modified");
    }
}

BOOST_AUTO_TEST_CASE(workbooks_written_on_threads_at_once_are_the_same) {
    std::vector<Workbook> models;
    for (int i = 0; i < 4; ++i) {
        models.push_back(i % 2 ? patched_sample() : sample());
        models.back().sheets[0].put(number_cell(10, 0, i));
    }
    ScratchDir scratch;
    std::vector<std::string> alone;
    for (std::size_t i = 0; i < models.size(); ++i) {
        write_workbook(models[i], scratch / ("alone" + std::to_string(i) + ".xlsx"));
        alone.push_back(read_file(scratch / ("alone" + std::to_string(i) + ".xlsx")));
    }
    std::vector<std::thread> threads;
    std::vector<int> failures(models.size(), 0);
    for (std::size_t i = 0; i < models.size(); ++i)
        threads.emplace_back([&, i] {
            try {
                for (int round = 0; round < 5; ++round)
                    write_workbook(models[i], scratch / ("thread" + std::to_string(i) + ".xlsx"));
            } catch (...) {
                failures[i] = 1;
            }
        });
    for (auto& t : threads) t.join();
    for (std::size_t i = 0; i < models.size(); ++i) {
        BOOST_TEST(failures[i] == 0);
        BOOST_TEST(read_file(scratch / ("thread" + std::to_string(i) + ".xlsx")) == alone[i]);
    }
}

BOOST_AUTO_TEST_CASE(patched_files_are_sound_zips) {
    Written out(patched_sample());
    BOOST_TEST(out.report().dropped.empty());
    RunResult test = run({"unzip", "-t", out.file().string()});
    BOOST_TEST(test.exit_code == 0, test.out);
    KINERJA_CHECK_HAS(out.sheet(), "<c r=\"D3\" t=\"e\"><f>C3/B3*100</f><v>#DIV/0!</v></c>");
    KINERJA_CHECK_HAS(out.part("xl/workbook.xml"), "date1904=\"1\"");
}

BOOST_AUTO_TEST_CASE(without_determinism_the_file_is_modified_now) {
    Workbook wb = sample();
    wb.properties.created = "2023-01-02T03:04:05Z";
    wb.properties.modified = "2023-06-01T00:00:00Z";
    WriteOptions options;
    options.deterministic = false;
    Written out(wb, options);
    std::string core = out.part("docProps/core.xml");
    KINERJA_CHECK_HAS(core, ">2023-01-02T03:04:05Z</dcterms:created>");
    KINERJA_CHECK_LACKS(core, "2023-06-01T00:00:00Z");
    std::time_t now = std::time(nullptr);
    char year[8];
    std::strftime(year, sizeof year, "%Y", std::gmtime(&now));
    KINERJA_CHECK_HAS(core, "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + std::string(year));
}

BOOST_AUTO_TEST_CASE(writing_into_a_missing_folder_fails_and_leaves_nothing) {
    ScratchDir scratch;
    fs::path missing = scratch / "tidak-ada";
    BOOST_CHECK_THROW(write_workbook(sample(), missing / "out.xlsx"), OutputError);
    BOOST_TEST(!fs::exists(missing));
    BOOST_TEST(files_in(scratch.path()) == 0u);
}

BOOST_AUTO_TEST_CASE(temp_files_in_memory_give_the_same_bytes) {
    ScratchDir scratch;
    WriteOptions in_memory;
    in_memory.temp_folder = "/dev/shm";
    write_workbook(patched_sample(), scratch / "disk.xlsx");
    write_workbook(patched_sample(), scratch / "memory.xlsx", in_memory);
    BOOST_TEST(file_digest(scratch / "memory.xlsx") == file_digest(scratch / "disk.xlsx"));
    BOOST_TEST(files_in(scratch.path()) == 2u);
    // libxlsxwriter's zip, written in /dev/shm under the temp file's name, is gone.
    std::string ours = ".kinerja-tmp-" + std::to_string(::getpid()) + "-";
    std::error_code ignored;
    for (const auto& entry : fs::directory_iterator("/dev/shm", ignored))
        BOOST_TEST(entry.path().filename().string().rfind(ours, 0) != 0, entry.path());
}

// A temp folder that cannot be used (missing here; full in a container's small /dev/shm)
// costs the speed-up, never the workbook.
BOOST_AUTO_TEST_CASE(an_unusable_temp_folder_falls_back_to_the_destination) {
    ScratchDir scratch;
    WriteOptions options;
    options.temp_folder = scratch / "tidak-ada";
    write_workbook(patched_sample(), scratch / "disk.xlsx");
    write_workbook(patched_sample(), scratch / "fallback.xlsx", options);
    BOOST_TEST(file_digest(scratch / "fallback.xlsx") == file_digest(scratch / "disk.xlsx"));
    BOOST_TEST(files_in(scratch.path()) == 2u);
    BOOST_TEST(!fs::exists(scratch / "tidak-ada"));
}

BOOST_AUTO_TEST_CASE(a_failed_write_leaves_the_old_file_alone) {
    ScratchDir scratch;
    fs::path target = scratch / "laporan.xlsx";
    write_workbook(sample(), target);
    std::string before = file_digest(target);
    Workbook bad = sample();
    bad.sheets[0].name = "Capaian/2024";  // '/' is not allowed in a sheet name
    try {
        write_workbook(bad, target);
        BOOST_FAIL("an invalid sheet name must throw");
    } catch (const OutputError& e) {
        BOOST_TEST(e.describe(Lang::id).find("Capaian/2024") != std::string::npos);
        BOOST_TEST(e.describe(Lang::id) != e.describe(Lang::en));
    }
    BOOST_TEST(file_digest(target) == before);
    BOOST_TEST(files_in(scratch.path()) == 1u);  // no temp file left behind
}

BOOST_AUTO_TEST_CASE(a_successful_write_replaces_the_old_file) {
    ScratchDir scratch;
    fs::path target = scratch / "laporan.xlsx";
    Workbook old_model = sample();
    old_model.sheets[0].name = "Lama";
    write_workbook(old_model, target);
    std::string before = file_digest(target);
    write_workbook(sample(), target);
    BOOST_TEST(file_digest(target) != before);
    RunResult listing = run({"unzip", "-p", target.string(), "xl/workbook.xml"});
    KINERJA_CHECK_HAS(listing.out, "<sheet name=\"Capaian\"");
    BOOST_TEST(files_in(scratch.path()) == 1u);
}

BOOST_AUTO_TEST_CASE(nonsense_in_the_model_is_reported_not_written) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    Workbook wb = sample();
    Sheet& s = wb.sheets[0];
    s.default_col_width = nan;
    s.default_row_height = -3;
    ColumnInfo wide;
    wide.first = wide.last = 2;
    wide.width = inf;
    s.columns.push_back(wide);
    RowInfo tall;
    tall.height = 1e9;
    s.rows[3] = tall;
    s.page.margin_left = nan;
    s.page.margin_header = -1;
    s.put(number_cell(5, 0, nan));
    s.put(number_cell(5, 1, 1, 999));  // a style that does not exist
    wb.styles[0].font.size = nan;
    Image image;
    image.width = inf;
    image.height = 10;
    image.data = std::make_shared<std::string>(make_png(4, 4));
    s.images.push_back(image);
    Written out(wb);
    for (const char* part :
         {"xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/drawings/drawing1.xml"}) {
        std::string xml = out.part(part);
        KINERJA_CHECK_LACKS(xml, "nan");
        KINERJA_CHECK_LACKS(xml, "inf");
    }
    KINERJA_CHECK_HAS(out.sheet(), "<c r=\"A6\" t=\"e\"><v>#NUM!</v></c>");
    for (const char* kind :
         {"default column width out of range", "column width out of range",
          "default row height out of range", "row height out of range", "page margin out of range",
          "infinite or NaN number", "cell style index out of range",
          "font size outside 1-409 points", "image size out of range"})
        BOOST_TEST(out.reported(kind), kind);
    BOOST_TEST(run({"unzip", "-t", out.file().string()}).exit_code == 0);
}

BOOST_AUTO_TEST_CASE(libreoffice_reads_the_values) {
    if (!have_program("soffice")) {
        BOOST_TEST_MESSAGE("soffice not installed: LibreOffice check not run");
        return;
    }
    Written out(patched_sample());
    ScratchDir scratch;
    std::string profile = "-env:UserInstallation=file://" + (scratch / "profile").string();
    RunResult r = run({"soffice", profile, "--headless", "--convert-to", "csv", "--outdir",
                       scratch.path().string(), out.file().string()});
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::string csv = read_file(scratch / "out.csv");
    KINERJA_CHECK_HAS(csv, "Indikator,Target,Realisasi,Capaian");
    KINERJA_CHECK_HAS(csv, "Persentase WBP mengikuti pembinaan,80,92,115,TRUE,2024-01-01");
    KINERJA_CHECK_HAS(csv, "Indikator tanpa target,0,5,#DIV/0!");
}

BOOST_AUTO_TEST_SUITE_END()
