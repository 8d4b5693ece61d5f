// kinerja fill / kinerja validate: one workbook through the pipeline.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/commands.hpp"
#include "common/dropped.hpp"
#include "pipeline/pipeline.hpp"
#include "validate/validate.hpp"

namespace kinerja::cli {

namespace fs = std::filesystem;

namespace {

struct Options {
    std::vector<std::string> inputs;
    fs::path input, output, report, data, formulas;
    std::string satker;
    bool kategori = false;
    bool grafik = false;
};

// fill and validate share their options; validate writes no workbook, so it has no -o or --grafik.
void declare(CLI::App& command, Options& o, bool write) {
    command.add_option("input", o.inputs);
    if (write) command.add_option("-o,--output", o.output);
    command.add_option("--report", o.report);
    command.add_option("--data", o.data);
    command.add_option("--satker", o.satker);
    command.add_option("--formulas", o.formulas);
    command.add_flag("--kategori", o.kategori);
    if (write) command.add_flag("--grafik", o.grafik);
}

void check(Options& o, bool needs_output) {
    o.input = at_most_one(o.inputs, "berkas masukan", "input files");
    if (o.input.empty() || (needs_output && o.output.empty())) {
        if (needs_output)
            throw UsageError({"pemakaian: kinerja fill MASUK.xlsx -o KELUAR.xlsx",
                              "usage: kinerja fill IN.xlsx -o OUT.xlsx"});
        throw UsageError(
            {"pemakaian: kinerja validate MASUK.xlsx", "usage: kinerja validate IN.xlsx"});
    }
    std::error_code ec;
    if (needs_output && fs::exists(o.output, ec) && fs::equivalent(o.input, o.output, ec))
        throw UsageError(
            {"berkas keluaran sama dengan masukan; pilih nama lain agar masukan tidak berubah",
             "the output is the input file; choose another name so the input stays unchanged"});
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
        Message what = describe(d), where = dropped_place(d);
        Message line{"tidak dibawa ke keluaran: " + what.id + " (" + where.id + ")",
                     "not carried to the output: " + what.en + " (" + where.en + ")"};
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
        const char* level = f.severity == Severity::error
                                ? (lang == Lang::en ? "error" : "galat")
                                : (lang == Lang::en ? "warning" : "peringatan");
        std::string where = hidden_where(f.hidden, lang);
        std::printf("  %s %s %s!%s%s: %s\n", level, std::string(f.id()).c_str(), f.sheet.c_str(),
                    cell_name(f.row, f.col).c_str(), where.c_str(), f.message.in(lang).c_str());
    }
    if (r.findings.size() > shown) {
        std::size_t more = r.findings.size() - shown;
        Message m{"  ... dan " + std::to_string(more) + " temuan lain (lihat sheet Validasi)",
                  "  ... and " + std::to_string(more) + " more (see the Validasi sheet)"};
        std::printf("%s\n", m.in(lang).c_str());
    }
}

int run(Options& o, Lang lang, bool write) {
    check(o, write);
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
    if (!o.report.empty()) write_findings_json(o.report, r.findings, r.tables, r.misses, lang);
    if (write) {
        Message done{"ditulis: " + o.output.string(), "written: " + o.output.string()};
        std::printf("%s\n", done.in(lang).c_str());
    }
    return r.counts().fails() ? exit_findings
                              : exit_ok;  // errors only in hidden places do not fail the run
}

Run fill_or_validate(CLI::App& app, bool write) {
    auto o = std::make_shared<Options>();
    declare(app, *o, write);
    return [o, write](Lang lang) { return run(*o, lang, write); };
}

}  // namespace

Run fill(CLI::App& command) {
    return fill_or_validate(command, true);
}
Run validate(CLI::App& command) {
    return fill_or_validate(command, false);
}

}  // namespace kinerja::cli
