// kinerja fill / kinerja validate: one workbook through the pipeline.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli/commands.hpp"
#include "common/atomic_output.hpp"
#include "pipeline/pipeline.hpp"
#include "validate/validate.hpp"

namespace kinerja::cli {

namespace fs = std::filesystem;

namespace {

struct Options {
    fs::path input, output, report, data, formulas;
    std::string satker;
    bool kategori = false;
    bool grafik = false;
};

bool parse(const Args& args, Options& o, bool needs_output, Lang lang) {
    const std::string usage_id = needs_output ? "kinerja fill MASUK.xlsx -o KELUAR.xlsx"
                                              : "kinerja validate MASUK.xlsx";
    const std::string usage_en = needs_output ? "kinerja fill IN.xlsx -o OUT.xlsx"
                                              : "kinerja validate IN.xlsx";
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        bool has_value = i + 1 < args.size();
        if ((a == "-o" || a == "--output") && has_value && needs_output) o.output = args[++i];
        else if (a == "--report" && has_value) o.report = args[++i];
        else if (a == "--data" && has_value) o.data = args[++i];
        else if (a == "--satker" && has_value) o.satker = args[++i];
        else if (a == "--formulas" && has_value) o.formulas = args[++i];
        else if (a == "--kategori") o.kategori = true;
        else if (a == "--grafik" && needs_output) o.grafik = true;
        else if (!a.empty() && a[0] == '-') {
            complain({"opsi tidak dikenal atau tanpa nilai: " + a + " (lihat " + usage_id + " --help)",
                      "unknown option or missing value: " + a + " (see " + usage_en + " --help)"},
                     lang);
            return false;
        } else if (o.input.empty()) {
            o.input = a;
        } else {
            complain({"terlalu banyak berkas masukan: " + a, "too many input files: " + a}, lang);
            return false;
        }
    }
    if (o.input.empty() || (needs_output && o.output.empty())) {
        complain({"pemakaian: " + usage_id, "usage: " + usage_en}, lang);
        return false;
    }
    std::error_code ec;
    if (needs_output && fs::exists(o.output, ec) && fs::equivalent(o.input, o.output, ec)) {
        complain({"berkas keluaran sama dengan masukan; pilih nama lain agar masukan tidak berubah",
                  "the output is the input file; choose another name so the input stays unchanged"},
                 lang);
        return false;
    }
    return true;
}

FillOptions fill_options(const Options& o, Lang lang) {
    FillOptions options;
    options.kategori = o.kategori;
    options.grafik = o.grafik;
    if (o.data.empty()) return options;
    SatkerChoice choice = read_satker_data(o.data, o.satker);
    for (const Message& notice : choice.notices)
        std::fprintf(stderr, "kinerja: %s\n", notice.in(lang).c_str());
    options.data = std::move(choice.data);
    return options;
}

// " (baris tersembunyi)" after the cell of a finding out of sight, "" otherwise.
std::string hidden_where(Hidden hidden, Lang lang) {
    switch (hidden) {
        case Hidden::row:
            return lang == Lang::en ? " (hidden row)" : " (baris tersembunyi)";
        case Hidden::column:
            return lang == Lang::en ? " (hidden column)" : " (kolom tersembunyi)";
        case Hidden::sheet:
            return lang == Lang::en ? " (hidden sheet)" : " (sheet tersembunyi)";
        case Hidden::no:
            break;
    }
    return "";
}

void print_summary(const RunReport& r, Lang lang) {
    for (const auto& d : r.dropped) {
        Message line{"tidak dibawa ke keluaran: " + d.what + " (" + d.part + ")",
                     "not carried to the output: " + d.what + " (" + d.part + ")"};
        std::fprintf(stderr, "kinerja: %s\n", line.in(lang).c_str());
    }
    Message head{std::to_string(r.tables.size()) + " tabel dikenali, " +
                     std::to_string(r.fill.computed_cells) + " sel dihitung, " +
                     std::to_string(r.fill.replaced_values) + " nilai lama disimpan di komentar",
                 std::to_string(r.tables.size()) + " tables recognised, " +
                     std::to_string(r.fill.computed_cells) + " cells computed, " +
                     std::to_string(r.fill.replaced_values) + " old values kept in comments"};
    std::printf("%s\n", head.in(lang).c_str());
    for (const Table& t : r.tables)
        std::printf("  %s!%s %s\n", quoted_sheet_name(t.sheet).c_str(), t.range().c_str(),
                    kind_name(t.kind));
    if (!r.fill.grafik_sheet.empty()) {
        Message grafik{"grafik capaian di sheet " + r.fill.grafik_sheet,
                       "capaian chart on sheet " + r.fill.grafik_sheet};
        std::printf("%s\n", grafik.in(lang).c_str());
    }
    if (r.fill.grafik_problem)
        std::fprintf(stderr, "kinerja: %s\n", r.fill.grafik_problem->in(lang).c_str());
    FindingCounts counts = r.counts();
    Message totals{"Temuan: " + std::to_string(counts.errors) + " galat, " +
                       std::to_string(counts.warnings) + " peringatan",
                   "Findings: " + std::to_string(counts.errors) + " errors, " +
                       std::to_string(counts.warnings) + " warnings"};
    if (counts.hidden() > 0) {
        // The pipeline lists them after the ones in sight.
        std::string n = std::to_string(counts.hidden()), e = std::to_string(counts.hidden_errors);
        totals.id += "; " + n + " temuan di baris/kolom/sheet tersembunyi (" + e +
                     " galat, didaftar terakhir; tidak menentukan kode keluar)";
        totals.en += "; " + n + " findings in hidden rows/columns/sheets (" + e +
                     " errors, listed last; they do not decide the exit code)";
    }
    std::printf("%s\n", totals.in(lang).c_str());
    constexpr std::size_t shown = 20;
    for (std::size_t i = 0; i < r.findings.size() && i < shown; ++i) {
        const Finding& f = r.findings[i];
        const char* level = f.severity == Severity::error ? (lang == Lang::en ? "error" : "galat")
                                                          : (lang == Lang::en ? "warning" : "peringatan");
        std::string where = hidden_where(f.hidden, lang);
        std::printf("  %s %s %s!%s%s: %s\n", level, f.rule.c_str(), f.sheet.c_str(),
                    cell_name(f.row, f.col).c_str(), where.c_str(), f.message.in(lang).c_str());
    }
    if (r.findings.size() > shown) {
        std::size_t more = r.findings.size() - shown;
        Message m{"  ... dan " + std::to_string(more) + " temuan lain (lihat sheet Validasi)",
                  "  ... and " + std::to_string(more) + " more (see the Validasi sheet)"};
        std::printf("%s\n", m.in(lang).c_str());
    }
}

int run(const Args& args, Lang lang, bool write) {
    Options o;
    if (!parse(args, o, write, lang)) return 2;
    Engine engine = Engine::load(o.formulas.empty() ? default_formulas_dir() : o.formulas);
    FillOptions options = fill_options(o, lang);
    RunReport r;
    if (write) {
        if (!o.output.parent_path().empty()) fs::create_directories(o.output.parent_path());
        r = fill_workbook(engine, o.input, o.output, options);
    } else {
        r = validate_workbook(engine, o.input, options);
    }
    print_summary(r, lang);
    if (!o.report.empty()) {
        std::string json = findings_json(r.findings, r.tables, r.misses, lang);
        write_atomically(o.report, [&](const fs::path& temp) {
            std::ofstream out(temp, std::ios::binary);
            out << json;
            if (!out.flush())
                throw OutputError(o.report.string(), {"gagal menulis laporan", "cannot write the report"});
        });
    }
    if (write) {
        Message done{"ditulis: " + o.output.string(), "written: " + o.output.string()};
        std::printf("%s\n", done.in(lang).c_str());
    }
    return r.counts().fails() ? 1 : 0;  // errors only in hidden places do not fail the run
}

}  // namespace

int fill(const Args& args, Lang lang) { return run(args, lang, true); }
int validate(const Args& args, Lang lang) { return run(args, lang, false); }

}  // namespace kinerja::cli
