// kinerja new: a new workbook from one of the templates.
//
//   kinerja new TEMPLATE -o FILE.xlsx [--satker NAME] [--tahun YYYY] [--force]
//   kinerja new --list
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "templates/templates.hpp"

namespace kinerja::cli {

namespace fs = std::filesystem;

namespace {

struct Options {
    std::string template_name;
    fs::path output;
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

// "--satker NAME" or "--satker=NAME": the value, advancing i past it.
std::optional<std::string> value_of(const Args& args, std::size_t& i, const std::string& name) {
    const std::string& a = args[i];
    if (a.rfind(name + "=", 0) == 0) return a.substr(name.size() + 1);
    if (a == name && i + 1 < args.size()) return args[++i];
    return std::nullopt;
}

bool parse(const Args& args, Options& o, Lang lang) {
    const Message usage{
        "pemakaian: kinerja new TEMPLAT -o BERKAS.xlsx [--satker NAMA] "
        "[--tahun TAHUN] [--force] | kinerja new --list",
        "usage: kinerja new TEMPLATE -o FILE.xlsx [--satker NAME] [--tahun YYYY] "
        "[--force] | kinerja new --list"};
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--list") {
            o.list = true;
        } else if (a == "--force") {
            o.force = true;
        } else if (auto v = value_of(args, i, "-o"); v || (v = value_of(args, i, "--output"))) {
            o.output = *v;
        } else if (auto s = value_of(args, i, "--satker")) {
            if (s->empty()) {
                complain({"nama satker kosong", "the satker name is empty"}, lang);
                return false;
            }
            o.workbook.satker = *s;
        } else if (auto t = value_of(args, i, "--tahun")) {
            o.workbook.tahun = parse_year(*t);
            if (!o.workbook.tahun) {
                complain({"--tahun harus empat angka, misalnya 2025 (bukan \"" + *t + "\")",
                          "--tahun must be four digits such as 2025 (not \"" + *t + "\")"},
                         lang);
                return false;
            }
        } else if (!a.empty() && a[0] == '-') {
            complain({"opsi tidak dikenal atau tanpa nilai: " + a,
                      "unknown option or missing value: " + a},
                     lang);
            complain(usage, lang);
            return false;
        } else if (o.template_name.empty()) {
            o.template_name = a;
        } else {
            complain({"terlalu banyak templat: " + a, "too many templates: " + a}, lang);
            return false;
        }
    }
    if (o.list) return true;
    if (o.template_name.empty() || o.output.empty()) {
        complain(usage, lang);
        return false;
    }
    if (auto problem = check_new_workbook_options(o.workbook)) {
        complain(*problem, lang);
        return false;
    }
    return true;
}

int list(Lang lang) {
    for (const TemplateInfo& t : builtin_templates())
        std::printf("%-20s %s\n", t.name.c_str(), t.description.in(lang).c_str());
    return 0;
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

}  // namespace

int new_workbook(const Args& args, Lang lang) {
    Options o;
    if (!parse(args, o, lang)) return 2;
    if (o.list) return list(lang);

    fs::path dir = default_templates_dir();
    std::optional<fs::path> file = template_path(o.template_name, dir);
    if (!file) {
        complain({"templat tidak dikenal: " + o.template_name + ". Pilihan: " + names_list() +
                      ", atau jalur ke berkas .xlsx",
                  "unknown template: " + o.template_name + ". Choose one of: " + names_list() +
                      ", or a path to an .xlsx file"},
                 lang);
        return 2;
    }
    std::error_code ec;
    if (!fs::is_regular_file(*file, ec)) {
        bool builtin = file->parent_path() == dir;
        complain({"berkas templat tidak ada: " + file->string() +
                      (builtin ? " (atur KINERJA_TEMPLATES ke folder templates/)" : ""),
                  "template file not found: " + file->string() +
                      (builtin ? " (set KINERJA_TEMPLATES to the templates/ folder)" : "")},
                 lang);
        return 2;
    }
    if (auto problem = check_output(o, *file)) {
        complain(*problem, lang);
        return 2;
    }
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
    return 0;
}

}  // namespace kinerja::cli
