// End to end over samples/: fill every sample with the command, then check the outputs as
// a user would: they open, nothing typed is lost, filling again changes nothing, the
// documents' figures reproduce except where the documents are wrong, and LibreOffice and
// Gnumeric, forced to recalculate, agree with every cached value.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <map>
#include <set>

#include "pipeline/pipeline.hpp"
#include "read/read.hpp"
#include "support/recalc.hpp"
#include "support/support.hpp"
#include "templates/templates.hpp"
#include "write/write.hpp"

namespace fs = std::filesystem;
using namespace kinerja;
using namespace kinerja::test;

namespace {

struct Sample {
    const char* name;
    int exit_code;  // 0: consistent sample, 1: the document has errors
};

const Sample samples[] = {{"bapas-mataram-2024-rka", 0},
                          {"bapas-balikpapan-2023-rka", 0},
                          {"lapas-kerobokan-2024-rencana-aksi", 1},
                          {"lapas-muara-enim-2023-lkjip", 1},
                          {"rutan-soe-2023-lkjip", 1},
                          {"dinkes-contoh-2026-lra", 0},
                          {"kabupaten-contoh-2026-evaluasi-renja", 0}};

// Filled once for the whole suite: filling is the slow part.
struct Filled {
    ScratchDir dir;
    std::map<std::string, fs::path> outputs;
    std::map<std::string, RunResult> runs;
    Filled() {
        for (const Sample& s : samples) {
            fs::path input = source_dir() / "samples" / (std::string(s.name) + ".xlsx");
            fs::path out = dir / (std::string(s.name) + ".xlsx");
            runs[s.name] = run_cli({"fill", input.string(), "-o", out.string()});
            outputs[s.name] = out;
        }
    }
};

Filled& filled() {
    static Filled f;
    return f;
}

std::set<std::string> cells_with_rule(const RunReport& r, const std::string& rule) {
    std::set<std::string> cells;
    for (const auto& f : r.findings)
        if (f.id() == rule) cells.insert(f.sheet + "!" + cell_name(f.row, f.col));
    return cells;
}

// Every formula cell of `ours` must hold the same value in `theirs` (recalculated).
// Returns how many cells were compared.
int expect_same_values(const Workbook& ours, const Workbook& theirs, const std::string& who) {
    int compared = 0;
    for (const Sheet& sheet : ours.sheets) {
        const Sheet* other = theirs.sheet(sheet.name);
        BOOST_REQUIRE_MESSAGE(other, who << " lost sheet " << sheet.name);
        for (const Cell& c : sheet.cells) {
            if (!c.is_formula()) continue;
            const Cell* o = other->find(c.row, c.col);
            std::string where =
                who + " " + sheet.name + "!" + cell_name(c.row, c.col) + " =" + c.formula;
            BOOST_REQUIRE_MESSAGE(o, where << ": cell missing");
            ++compared;
            if (c.value.kind == CellValue::Kind::number) {
                BOOST_TEST_CONTEXT(where) {
                    BOOST_TEST((o->value.kind == CellValue::Kind::number));
                    BOOST_TEST(std::fabs(o->value.number - c.value.number) <=
                               1e-9 * std::max(1.0, std::fabs(c.value.number)));
                }
            } else {
                BOOST_TEST(o->value.text == c.value.text, where);
            }
        }
    }
    return compared;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(samples_end_to_end)

BOOST_AUTO_TEST_CASE(fill_exits_as_expected_and_writes_a_readable_workbook) {
    for (const Sample& s : samples) {
        const RunResult& r = filled().runs.at(s.name);
        BOOST_TEST(r.exit_code == s.exit_code, s.name << ": " << r.err << r.out);
        Workbook out = read_workbook(filled().outputs.at(s.name));
        BOOST_TEST(out.sheet("Validasi") != nullptr, s.name);
    }
}

// The batch binds its template once and fills copies with the bound tables: a copy must
// fill as a fresh read personalised for the same satker does, for workbooks never filled and
// filled ones (whose earlier fill binding undoes). Both written to memory, byte for byte.
BOOST_AUTO_TEST_CASE(a_bound_copy_fills_as_a_fresh_workbook_does) {
    Engine engine = Engine::load(default_formulas_dir());
    Evaluator evaluator(*engine.compiled);
    const std::string satker = "Lapas Kelas IIA Uji";
    for (const Sample& s : samples) {
        fs::path original = source_dir() / "samples" / (std::string(s.name) + ".xlsx");
        for (const fs::path& file : {original, filled().outputs.at(s.name)}) {
            BoundTemplate base = BoundTemplate::bind(WorkbookSource::file(file));
            WorkbookSink bound_sink = WorkbookSink::memory();
            RunReport with_bound = process(engine, base, satker, bound_sink, {}, &evaluator);

            Workbook fresh = read_workbook(file);
            DocProperties original_properties = fresh.properties;
            NewWorkbookReport named = personalise(fresh, {satker, std::nullopt});
            fresh.properties = original_properties;
            if (named.satker_cells > 0) fresh.properties.subject = satker;
            RunReport plain = process(engine, fresh);
            std::string plain_bytes;
            write_workbook(fresh, plain_bytes);

            BOOST_TEST(with_bound.tables.size() == plain.tables.size(), file);
            BOOST_TEST_REQUIRE(with_bound.findings.size() == plain.findings.size(), file);
            for (std::size_t i = 0; i < plain.findings.size(); ++i) {
                BOOST_TEST(with_bound.findings[i].id() == plain.findings[i].id(), file);
                BOOST_TEST(with_bound.findings[i].row == plain.findings[i].row, file);
            }
            BOOST_TEST(bound_sink.bytes().size() > 1000u, file);
            BOOST_TEST((bound_sink.bytes() == plain_bytes), file);
        }
    }
}

BOOST_AUTO_TEST_CASE(filling_again_changes_nothing) {
    for (const Sample& s : samples) {
        fs::path again = filled().dir / (std::string(s.name) + "-again.xlsx");
        run_cli({"fill", filled().outputs.at(s.name).string(), "-o", again.string()});
        BOOST_TEST(file_digest(again) == file_digest(filled().outputs.at(s.name)), s.name);
    }
}

// The documents' capaian reproduce, except exactly where the documents are wrong
// (../shared/guides/domain.md and samples/README.md list these).
BOOST_AUTO_TEST_CASE(capaian_differs_exactly_where_the_documents_do) {
    Engine engine = Engine::load(default_formulas_dir());
    RunReport muara =
        validate_workbook(engine, source_dir() / "samples/lapas-muara-enim-2023-lkjip.xlsx");
    BOOST_TEST(
        cells_with_rule(muara, "capaian.beda") ==
            (std::set<std::string>{"Capaian 2023!F12", "Banding 2022 & Renstra!E17",
                                   "Banding 2022 & Renstra!E18", "Banding 2022 & Renstra!E22"}),
        boost::test_tools::per_element());
    RunReport soe = validate_workbook(engine, source_dir() / "samples/rutan-soe-2023-lkjip.xlsx");
    BOOST_TEST(
        cells_with_rule(soe, "capaian.beda") == (std::set<std::string>{"Capaian Output!F25"}),
        boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(libreoffice_recalculates_to_our_cached_values) {
    std::vector<fs::path> files;
    for (const Sample& s : samples) files.push_back(filled().outputs.at(s.name));
    auto converted = recalc_with_libreoffice(files, filled().dir.path() / "recalc");
    if (converted.empty()) {
        BOOST_TEST_MESSAGE("soffice not installed: LibreOffice check skipped");
        return;
    }
    int compared = 0;
    for (std::size_t i = 0; i < files.size(); ++i)
        compared +=
            expect_same_values(read_workbook(files[i]), read_workbook(converted[i]), "LibreOffice");
    BOOST_TEST(compared > 100);
}

BOOST_AUTO_TEST_CASE(gnumeric_recalculates_to_our_cached_values) {
    int compared = 0;
    for (const Sample& s : samples) {
        fs::path out = filled().dir / (std::string(s.name) + "-gnumeric.xlsx");
        if (!recalc_with_gnumeric(filled().outputs.at(s.name), out)) {
            BOOST_TEST_MESSAGE("ssconvert not installed: Gnumeric check skipped");
            return;
        }
        compared += expect_same_values(read_workbook(filled().outputs.at(s.name)),
                                       read_workbook(out), "Gnumeric");
    }
    BOOST_TEST(compared > 100);
}

// `kinerja fill --grafik` on the samples: a chart where there is capaian, a reason where not.
BOOST_AUTO_TEST_CASE(the_command_takes_grafik_and_says_where_it_is) {
    ScratchDir dir;
    fs::path in = source_dir() / "samples" / "lapas-muara-enim-2023-lkjip.xlsx";
    fs::path out = dir / "out.xlsx";
    RunResult r = run_cli({"fill", in.string(), "-o", out.string(), "--grafik"});
    BOOST_TEST(r.out.find("grafik capaian di sheet Grafik") != std::string::npos, r.out);
    BOOST_TEST(read_workbook(out).sheet("Grafik") != nullptr);
    // A workbook with no capaian column: told why there is no chart, not silence.
    fs::path ra = source_dir() / "samples" / "lapas-kerobokan-2024-rencana-aksi.xlsx";
    RunResult none = run_cli({"fill", ra.string(), "-o", (dir / "ra.xlsx").string(), "--grafik"});
    BOOST_TEST(none.err.find("grafik capaian tidak dibuat") != std::string::npos, none.err);
}

BOOST_AUTO_TEST_SUITE_END()

// The same holds for the workbooks other programs wrote: the first fill is already a fixed
// point (LibreOffice marks row heights equal to the default as not custom; libxlsxwriter
// marks them custom, which once moved the comment boxes of the second fill).
BOOST_AUTO_TEST_CASE(filling_a_variant_again_changes_nothing) {
    ScratchDir dir;
    for (const char* variant : {"libreoffice", "gnumeric", "wps"}) {
        std::string name = std::string("rutan-soe-2023-lkjip.") + variant + ".xlsx";
        fs::path once = dir / ("once-" + name), twice = dir / ("twice-" + name);
        run_cli(
            {"fill", (source_dir() / "samples" / "variants" / name).string(), "-o", once.string()});
        run_cli({"fill", once.string(), "-o", twice.string()});
        BOOST_TEST(fs::exists(once), name);
        BOOST_TEST(file_digest(twice) == file_digest(once), name);
    }
}

// A capaian table made from scratch in LibreOffice with the user's own capaian formulas that
// give the right values (=E5/D5*100 untruncated, =ROUND(E6/D6*100,2)): they stay as they are,
// without notes, and filling the result again gives the same bytes. (A formula that gives a
// wrong value is replaced and kept in a note: tests/fill/umum_test.cpp.)
BOOST_AUTO_TEST_CASE(a_libreoffice_workbook_with_own_formulas_fills_to_a_fixed_point) {
    ScratchDir dir;
    fs::path input = test_dir() / "fixtures" / "libreoffice" / "capaian-rumus-sendiri.xlsx";
    fs::path once = dir / "once.xlsx", twice = dir / "twice.xlsx";
    auto first = run_cli({"fill", input.string(), "-o", once.string()});
    BOOST_TEST(first.exit_code == 0, first.err);
    run_cli({"fill", once.string(), "-o", twice.string()});
    BOOST_TEST(file_digest(twice) == file_digest(once));
    Workbook wb = read_workbook(once);
    const Sheet& sheet = wb.sheets.at(0);
    BOOST_TEST(sheet.find(4, 5)->formula == "E5/D5*100");
    BOOST_TEST(sheet.find(4, 5)->value.number == 94.6666666666667);  // as LibreOffice cached it
    BOOST_TEST(sheet.find(5, 5)->formula == "ROUND(E6/D6*100,2)");
    std::string notes;
    for (const Comment& c : sheet.comments) notes += c.text + "\n";
    BOOST_TEST(notes.find("Rumus semula") == std::string::npos, notes);
    BOOST_TEST(first.out.find("capaian.beda") == std::string::npos, first.out);
}

// "Target 2025 | Realisasi s.d. TW III | % Capaian": capaian filled for every indicator; the
// one the catalogue does not know follows the general rule, with a warning naming the
// nearest candidates.
BOOST_AUTO_TEST_CASE(a_year_on_the_target_header_only_fills_the_capaian) {
    ScratchDir dir;
    fs::path input = test_dir() / "fixtures" / "libreoffice" / "capaian-tahun-di-target.xlsx";
    auto r = run_cli({"fill", input.string(), "-o", (dir / "out.xlsx").string()});
    BOOST_TEST(r.exit_code == 0);  // the unknown indicator is a warning
    BOOST_TEST(r.out.find("indikator.umum") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("perawatan.makanan") != std::string::npos, r.out);
    Workbook wb = read_workbook(dir / "out.xlsx");
    const Sheet& sheet = wb.sheets.at(0);
    BOOST_TEST(sheet.find(4, 5)->value.number == 98.5);   // the unknown one: 98,5% of 100%
    BOOST_TEST(sheet.find(5, 5)->value.number == 94.66);  // remisi: 85,2% of 90%
    BOOST_TEST(sheet.find(6, 5)->value.number == 97.0);   // 97 of 100
}

// The service's route: a workbook given as bytes and written to memory gives the bytes that a
// file read and a file written give; an upload that is not a workbook is refused by its name.
BOOST_AUTO_TEST_CASE(bytes_in_memory_fill_as_files_do) {
    Engine engine = Engine::load(default_formulas_dir());
    for (const Sample& s : samples) {
        fs::path original = source_dir() / "samples" / (std::string(s.name) + ".xlsx");
        WorkbookSink memory = WorkbookSink::memory();
        RunReport in_memory =
            process(engine, WorkbookSource::bytes(read_file(original), "unggahan.xlsx"), memory);
        BOOST_TEST(in_memory.timings.fill_ms >= 0.0);
        BOOST_TEST(memory.bytes() == read_file(filled().outputs.at(s.name)), s.name);
        BOOST_TEST(in_memory.findings.size() == validate_workbook(engine, original).findings.size(),
                   s.name);
    }
    WorkbookSink none = WorkbookSink::none();
    try {
        process(engine, WorkbookSource::bytes("bukan buku kerja", "unggahan.xlsx"), none);
        BOOST_FAIL("text accepted as a workbook");
    } catch (const InputError& e) {
        BOOST_TEST(std::string(e.what()).find("unggahan.xlsx") != std::string::npos, e.what());
    }
}
