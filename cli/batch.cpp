// kinerja batch / kinerja rekap: many workbooks at once, and merging shards' rekap parts.
#include "batch/batch.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "common/memory.hpp"

namespace kinerja::cli {

namespace fs = std::filesystem;

namespace {

struct BatchArgs {
    BatchOptions options;
    fs::path formulas;
    std::string jobs, shard;  // checked by check(), with their own messages
};

// "12,5" in Indonesian, "12.5" in English; no setlocale (see main.cpp).
std::string decimal(double value, Lang lang, int decimals = 1) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    std::string s = text;
    if (lang == Lang::id)
        for (char& c : s) c = c == '.' ? ',' : c;
    return s;
}

std::string clock(double seconds) {
    auto total = static_cast<long>(std::lround(std::max(seconds, 0.0)));
    char text[32];
    if (total >= 3600)
        std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60,
                      total % 60);
    else
        std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
    return text;
}

bool parse_jobs(const std::string& text, unsigned& jobs) {
    try {
        std::size_t used = 0;
        unsigned long n = std::stoul(text, &used);
        if (used != text.size() || n < 1 || n > 1024) return false;
        jobs = static_cast<unsigned>(n);
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

void check(BatchArgs& a) {
    BatchOptions& o = a.options;
    if (!a.jobs.empty() && !parse_jobs(a.jobs, o.jobs))
        throw UsageError({"-j harus bilangan 1 sampai 1024, bukan " + a.jobs,
                          "-j must be a number from 1 to 1024, not " + a.jobs});
    if (!a.shard.empty()) {
        auto shard = parse_shard(a.shard);
        if (!shard)
            throw UsageError(
                {"--shard harus K/N dengan 1 <= K <= N, misalnya 2/4, bukan " + a.shard,
                 "--shard must be K/N with 1 <= K <= N, such as 2/4, not " + a.shard});
        o.shard = *shard;
    }
    bool template_mode = !o.template_file.empty() || !o.data_file.empty();
    bool inputs_mode = !o.inputs_dir.empty();
    if (o.out_dir.empty() || template_mode == inputs_mode ||
        (template_mode && (o.template_file.empty() || o.data_file.empty())))
        throw UsageError(
            {"pemakaian: kinerja batch --template T.xlsx --data DATA.csv --out FOLDER [-j N] "
             "[--shard K/N] [--force]  atau  kinerja batch --inputs FOLDER --out FOLDER",
             "usage: kinerja batch --template T.xlsx --data DATA.csv --out DIR [-j N] "
             "[--shard K/N] [--force]  or  kinerja batch --inputs DIR --out DIR"});
}

// A bar on a terminal, a line every few seconds otherwise (a log, CI, a job runner).
class ProgressPrinter {
public:
    explicit ProgressPrinter(Lang lang) : lang_(lang), tty_(::isatty(2) == 1) {}

    void operator()(const BatchProgress& p) {
        if (p.total == 0) return;
        bool last = p.done == p.total;
        double rate = p.seconds > 0 ? static_cast<double>(p.done - p.skipped) / p.seconds : 0;
        double eta = rate > 0 ? static_cast<double>(p.total - p.done) / rate : 0;
        std::string speed = decimal(rate, lang_) + (lang_ == Lang::en ? " wb/s" : " bk/dtk");
        if (tty_) {
            constexpr int width = 28;
            int filled = static_cast<int>(width * p.done / p.total);
            std::string bar(filled, '#');
            bar.resize(width, '-');
            std::fprintf(stderr, "\r[%s] %zu/%zu  %s  %s %s  %s %zu ", bar.c_str(), p.done, p.total,
                         speed.c_str(), lang_ == Lang::en ? "ETA" : "sisa", clock(eta).c_str(),
                         lang_ == Lang::en ? "failed" : "gagal", p.failed);
            if (last) std::fputc('\n', stderr);
            std::fflush(stderr);
            return;
        }
        if (!last && p.seconds - printed_at_ < 5 && p.done != 0) return;
        if (p.done == last_done_) return;
        printed_at_ = p.seconds;
        last_done_ = p.done;
        Message line{
            "kinerja: " + std::to_string(p.done) + "/" + std::to_string(p.total) + " satker, " +
                speed + ", sisa ~" + clock(eta) + ", gagal " + std::to_string(p.failed),
            "kinerja: " + std::to_string(p.done) + "/" + std::to_string(p.total) + " units, " +
                speed + ", ETA " + clock(eta) + ", failed " + std::to_string(p.failed)};
        std::fprintf(stderr, "%s\n", line.in(lang_).c_str());
    }

private:
    Lang lang_;
    bool tty_;
    double printed_at_ = -10;
    std::size_t last_done_ = static_cast<std::size_t>(-1);
};

void print_summary(const BatchResult& r, Lang lang) {
    std::size_t processed = r.written + r.failed;
    double rate = r.seconds > 0 ? static_cast<double>(r.written) / r.seconds : 0;
    Message head{"Selesai: " + std::to_string(r.units) + " satker dalam " +
                     decimal(r.seconds, lang) + " dtk (" + decimal(rate, lang) +
                     " buku kerja/dtk): " + std::to_string(r.written) + " ditulis, " +
                     std::to_string(r.skipped) + " dilewati karena sudah mutakhir, " +
                     std::to_string(r.failed) + " gagal.",
                 "Done: " + std::to_string(r.units) + " units in " + decimal(r.seconds, lang) +
                     " s (" + decimal(rate, lang) + " workbooks/s): " + std::to_string(r.written) +
                     " written, " + std::to_string(r.skipped) + " skipped as up to date, " +
                     std::to_string(r.failed) + " failed."};
    (void)processed;
    std::printf("%s\n", head.in(lang).c_str());
    std::size_t with_errors = r.with_errors, with_warnings = r.with_warnings_only;
    Message findings{"Temuan: " + std::to_string(with_errors) + " satker dengan galat, " +
                         std::to_string(with_warnings) + " satker hanya dengan peringatan.",
                     "Findings: " + std::to_string(with_errors) + " units with errors, " +
                         std::to_string(with_warnings) + " units with warnings only."};
    std::printf("%s\n", findings.in(lang).c_str());
    if (r.failed > 0) std::printf("%s\n", lang == Lang::en ? "Failed:" : "Gagal:");
    for (const UnitReport& u : r.failures)
        if (u.failure) std::printf("  %s: %s\n", u.key.c_str(), u.failure->in(lang).c_str());
    if (!r.problems.empty())
        std::printf("%s\n", lang == Lang::en ? "Data problems:" : "Masalah data:");
    for (const Message& m : r.problems) std::printf("  %s\n", m.in(lang).c_str());
    if (!r.notices.empty()) std::printf("%s\n", lang == Lang::en ? "Notes:" : "Catatan:");
    for (const Message& m : r.notices) std::printf("  %s\n", m.in(lang).c_str());
    for (const Message& m : r.notes)
        std::printf("%s %s\n", lang == Lang::en ? "Note:" : "Catatan:", m.in(lang).c_str());
    if (!r.rekap.empty())
        std::printf("Rekap: %s\n", r.rekap.string().c_str());
    else
        std::printf("%s %s\n",
                    lang == Lang::en ? "Part for kinerja rekap:" : "Bagian untuk kinerja rekap:",
                    r.part.string().c_str());
    std::printf("%s: %s\n", lang == Lang::en ? "Report" : "Laporan", r.laporan.string().c_str());
}

int run_batch_command(BatchArgs& a, Lang lang) {
    check(a);
    keep_freed_memory();
    fs::path formulas = a.formulas.empty() ? default_formulas_dir() : a.formulas;
    Engine engine = Engine::load(formulas);
    a.options.formulas_dir = formulas;
    a.options.lang = lang;
    ProgressPrinter printer(lang);
    a.options.on_progress = [&](const BatchProgress& p) { printer(p); };
    BatchResult result = run_batch(engine, a.options);
    print_summary(result, lang);
    return result.exit_code();
}

struct RekapArgs {
    std::vector<fs::path> dirs;
    fs::path out, formulas;
};

int run_rekap(const RekapArgs& a, Lang lang) {
    if (a.dirs.empty())
        throw UsageError({"pemakaian: kinerja rekap FOLDER... [--out FOLDER]",
                          "usage: kinerja rekap DIR... [--out DIR]"});
    Engine engine = Engine::load(a.formulas.empty() ? default_formulas_dir() : a.formulas);
    RekapResult r = merge_rekap(engine, a.dirs, a.out.empty() ? a.dirs.front() : a.out, lang);
    Message head{
        "Rekap dari " + std::to_string(r.parts) + " bagian, " + std::to_string(r.units) +
            " satker.",
        "Rekap from " + std::to_string(r.parts) + " parts, " + std::to_string(r.units) + " units."};
    std::printf("%s\n", head.in(lang).c_str());
    for (const Shard& m : r.missing)
        complain({"bagian " + std::to_string(m.index) + "/" + std::to_string(m.count) +
                      " tidak ditemukan; rekap belum lengkap",
                  "part " + std::to_string(m.index) + "/" + std::to_string(m.count) +
                      " not found; the rekap is incomplete"},
                 lang);
    std::printf("Rekap: %s\n%s: %s\n", r.rekap.string().c_str(),
                lang == Lang::en ? "Report" : "Laporan", r.laporan.string().c_str());
    return r.exit_code;
}

}  // namespace

Run batch(CLI::App& command) {
    auto a = std::make_shared<BatchArgs>();
    BatchOptions& o = a->options;
    command.add_option("--template", o.template_file);
    command.add_option("--data", o.data_file);
    command.add_option("--inputs", o.inputs_dir);
    command.add_option("-o,--out", o.out_dir);
    command.add_option("--formulas", a->formulas);
    command.add_option("-j,--jobs", a->jobs);
    command.add_option("--shard", a->shard);
    command.add_flag("--force", o.force);
    command.add_flag("--kategori", o.kategori);
    command.add_flag("--grafik", o.grafik);
    return [a](Lang lang) { return run_batch_command(*a, lang); };
}

Run rekap(CLI::App& command) {
    auto a = std::make_shared<RekapArgs>();
    command.add_option("dirs", a->dirs);
    command.add_option("-o,--out", a->out);
    command.add_option("--formulas", a->formulas);
    return [a](Lang lang) { return run_rekap(*a, lang); };
}

}  // namespace kinerja::cli
