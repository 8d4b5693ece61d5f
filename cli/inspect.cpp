// kinerja inspect: what Kinerja understood of a workbook, table by table.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "common/json_text.hpp"
#include "pipeline/pipeline.hpp"
#include "read/read.hpp"
#include "validate/validate.hpp"

namespace kinerja::cli {

namespace {

std::string rows_text(std::uint32_t first, std::uint32_t last) {
    return first == last ? std::to_string(first + 1)
                         : std::to_string(first + 1) + "-" + std::to_string(last + 1);
}

std::string joined(const std::vector<std::string>& path) {
    std::string out;
    for (const auto& label : path) {
        std::string one;
        for (char c : label) one += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
        out += (out.empty() ? "" : " > ") + one;
    }
    return out;
}

void print_table(const Table& t, const RowsNotData& rows, Lang lang) {
    bool en = lang == Lang::en;
    std::printf("%s!%s %s\n", quoted_sheet_name(t.sheet).c_str(), t.range().c_str(),
                kind_name(t.kind));
    if (!t.satker.empty()) std::printf("  satker: %s\n", t.satker.c_str());
    if (t.tahun) std::printf("  tahun: %d\n", *t.tahun);
    if (t.triwulan)
        std::printf("  %s: TW %d (%s)\n", en ? "evaluated TW" : "TW yang dievaluasi", *t.triwulan,
                    t.triwulan_why.in(lang).c_str());
    std::printf("  %s: %s\n", en ? "header band rows" : "baris judul",
                rows_text(t.header_row, t.first_row - 1).c_str());
    for (const auto& s : t.skipped)
        std::printf(
            "    %s %u: %s\n", en ? "row" : "baris", s.row + 1,
            s.why == "column numbers" ? (en ? "column numbers" : "nomor kolom") : s.why.c_str());
    std::printf("  %s: %s\n", en ? "data rows" : "baris data",
                rows_text(t.first_row, t.last_row).c_str());
    std::printf("  %s:\n", en ? "columns" : "kolom");
    for (const auto& c : t.columns) {
        std::string extra;
        if (c.triwulan) extra += " TW " + std::to_string(*c.triwulan);
        if (c.tahun) extra += " " + std::to_string(*c.tahun);
        if (c.unit) extra += std::string(" [") + unit_name(*c.unit) + "]";
        if (c.period) extra += std::string(" [") + period_name(*c.period) + "]";
        if (!c.group.empty()) extra += (en ? " group: " : " kelompok: ") + c.group;
        if (c.number) extra += " (" + std::to_string(*c.number) + ")";
        std::printf("    %-3s %-18s%s  <- %s\n", column_name(c.col).c_str(), role_name(c.role),
                    extra.c_str(), joined(c.path).c_str());
        if (c.evaluated)
            std::printf("        %s: %s\n", en ? "evaluated" : "yang dievaluasi",
                        c.why.in(lang).c_str());
    }
    for (const auto& u : t.unread)
        std::printf("    %-3s %-18s  <- %s\n", column_name(u.col).c_str(),
                    en ? "(not understood)" : "(tidak dikenali)", joined(u.path).c_str());
    for (const auto& r : t.rules)
        if (r.implied)
            std::printf("  %s %s: %s  (%s)\n",
                        en ? "the Renja form's rule for column" : "aturan formulir Renja, kolom",
                        column_name(r.col).c_str(), r.text.c_str(), r.expression.c_str());
        else
            std::printf("  %s %s: %s  (%s)\n", en ? "stated rule at" : "aturan tertulis di",
                        cell_name(r.row, r.col).c_str(), r.text.c_str(), r.expression.c_str());
    // Rows inside the data that are not figures: section bands and totals.
    if (rows.sections || rows.totals)
        std::printf("  %s: %zu %s, %zu %s\n", en ? "rows not data" : "baris bukan data",
                    rows.sections, en ? "section bands" : "pita bagian", rows.totals,
                    en ? "totals" : "jumlah");
}

int run(const std::vector<std::string>& inputs, bool json, Lang lang) {
    std::string input = at_most_one(inputs, "berkas masukan", "input files");
    if (input.empty())
        throw UsageError({"pemakaian: kinerja inspect MASUK.xlsx [--json]",
                          "usage: kinerja inspect IN.xlsx [--json]"});
    Workbook workbook = read_workbook(input);
    Understanding understood = understand(workbook);
    if (json) {
        std::printf("%s\n", json_text(understanding_json(understood, lang), 2).c_str());
        return exit_ok;
    }
    for (std::size_t i = 0; i < understood.tables.size(); ++i)
        print_table(understood.tables[i], understood.rows_not_data[i], lang);
    if (understood.tables.empty())
        std::printf("%s\n",
                    lang == Lang::en ? "No table recognised." : "Tidak ada tabel dikenali.");
    for (const auto& m : understood.misses)
        std::printf("%s %s %s %s: %s\n", lang == Lang::en ? "not taken:" : "tidak diambil:",
                    quoted_sheet_name(m.sheet).c_str(), lang == Lang::en ? "rows" : "baris",
                    rows_text(m.first_row, m.last_row).c_str(),
                    (lang == Lang::en ? m.why_en : m.why_id).c_str());
    // A performance tree drawn with shapes is a picture, not a table: say so.
    const std::size_t shapes = understood.drawn_shapes;
    if (understood.tables.empty() && shapes > 0)
        std::printf("%s\n", (lang == Lang::en
                                 ? std::to_string(shapes) +
                                       " drawn shapes and connectors (a diagram such as a pohon "
                                       "kinerja): no table to read"
                                 : std::to_string(shapes) +
                                       " bentuk dan garis penghubung tergambar (diagram seperti "
                                       "pohon kinerja): tidak ada tabel untuk dibaca")
                                .c_str());
    return exit_ok;
}

}  // namespace

Run inspect(CLI::App& command) {
    struct Options {
        std::vector<std::string> inputs;
        bool json = false;
    };
    auto o = std::make_shared<Options>();
    command.add_option("input", o->inputs);
    command.add_flag("--json", o->json);
    return [o](Lang lang) { return run(o->inputs, o->json, lang); };
}

}  // namespace kinerja::cli
