// kinerja new: a new workbook from one of the templates.
//
//   kinerja new TEMPLATE -o FILE.xlsx [--satker NAME] [--tahun YYYY] [--force]
//   kinerja new --list
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "templates/templates.hpp"

namespace kinerja::cli {

namespace fs = std::filesystem;

namespace {

struct Options {
    std::vector<std::string> templates;
    std::string template_name;
    fs::path output;
    std::string satker, tahun;
    const CLI::Option* satker_given = nullptr;
    const CLI::Option* tahun_given = nullptr;
    NewWorkbookOptions workbook;
    bool force = false;
    bool list = false;
};

std::string names_list() {
    std::string names;
    for (const TemplateInfo& t : builtin_templates()) names += (names.empty() ? "" : ", ") + t.name;
    return names;
}

std::optional<int> parse_year(const std::string& text) {
    if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoi(text);
}

bool ends_with_xlsx(const fs::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return ext == ".xlsx";
}

void check(Options& o) {
    const Message usage{
        "pemakaian: kinerja new TEMPLAT -o BERKAS.xlsx [--satker NAMA] "
        "[--tahun TAHUN] [--force] | kinerja new --list",
        "usage: kinerja new TEMPLATE -o FILE.xlsx [--satker NAME] [--tahun YYYY] "
        "[--force] | kinerja new --list"};
    if (o.satker_given->count() > 0) {
        if (o.satker.empty()) throw UsageError({"nama satker kosong", "the satker name is empty"});
        o.workbook.satker = o.satker;
    }
    if (o.tahun_given->count() > 0) {
        o.workbook.tahun = parse_year(o.tahun);
        if (!o.workbook.tahun)
            throw UsageError(
                {"--tahun harus empat angka, misalnya 2025 (bukan \"" + o.tahun + "\")",
                 "--tahun must be four digits such as 2025 (not \"" + o.tahun + "\")"});
    }
    o.template_name = at_most_one(o.templates, "templat", "templates");
    if (o.list) return;
    if (o.template_name.empty() || o.output.empty()) throw UsageError(usage);
    if (auto problem = check_new_workbook_options(o.workbook)) throw UsageError(*problem);
}

int list(Lang lang) {
    for (const TemplateInfo& t : builtin_templates())
        std::printf("%-20s %s\n", t.name.c_str(), t.description.in(lang).c_str());
    return exit_ok;
}

// Refuses what would lose data or produce a file Excel will not open; the message says why.
std::optional<Message> check_output(const Options& o, const fs::path& template_file) {
    std::error_code ec;
    if (!ends_with_xlsx(o.output))
        return Message{"berkas keluaran harus berakhiran .xlsx: " + o.output.string(),
                       "the output file must end in .xlsx: " + o.output.string()};
    if (!fs::exists(o.output, ec)) return std::nullopt;
    if (fs::equivalent(template_file, o.output, ec))
        return Message{"berkas keluaran adalah templatnya sendiri; pilih nama lain",
                       "the output is the template itself; choose another name"};
    if (!o.force)
        return Message{"sudah ada: " + o.output.string() + "; pakai --force untuk menimpanya",
                       "already exists: " + o.output.string() + "; use --force to replace it"};
    return std::nullopt;
}

int run(Options& o, Lang lang) {
    check(o);
    if (o.list) return list(lang);

    fs::path dir = default_templates_dir();
    std::optional<fs::path> file = template_file(o.template_name, dir);  // InputError: missing
    if (!file)
        throw UsageError({"templat tidak dikenal: " + o.template_name +
                              ". Pilihan: " + names_list() + ", atau jalur ke berkas .xlsx",
                          "unknown template: " + o.template_name +
                              ". Choose one of: " + names_list() + ", or a path to an .xlsx file"});
    if (auto problem = check_output(o, *file)) throw UsageError(*problem);
    if (!o.output.parent_path().empty()) fs::create_directories(o.output.parent_path());
    NewWorkbookReport r = kinerja::new_workbook(*file, o.output, o.workbook);
    if (!o.workbook.satker.empty() && r.satker_cells == 0)
        complain({"peringatan: tidak ada judul untuk nama satker di templat ini; isi sendiri",
                  "warning: this template has no title line for the satker; fill it in yourself"},
                 lang);
    if (o.workbook.tahun && r.tahun_cells == 0)
        complain({"peringatan: tidak ada judul bertahun di templat ini; isi sendiri",
                  "warning: this template has no title line with a year; fill it in yourself"},
                 lang);
    Message done{"dibuat: " + o.output.string() + " (dari " + file->filename().string() + ")",
                 "created: " + o.output.string() + " (from " + file->filename().string() + ")"};
    std::printf("%s\n", done.in(lang).c_str());
    return exit_ok;
}

}  // namespace

Run new_workbook(CLI::App& command) {
    auto o = std::make_shared<Options>();
    command.add_option("template", o->templates);
    command.add_option("-o,--output", o->output);
    o->satker_given = command.add_option("--satker", o->satker);
    may_be_empty(o->satker_given);  // "nama satker kosong" says more than "perlu nilai"
    o->tahun_given = command.add_option("--tahun", o->tahun);
    command.add_flag("--force", o->force);
    command.add_flag("--list", o->list);
    return [o](Lang lang) { return run(*o, lang); };
}

}  // namespace kinerja::cli
