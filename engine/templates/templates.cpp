// The template list, finding the templates folder, and `new_workbook`.
#include "templates/templates.hpp"

#include <cstdlib>

#include "read/read.hpp"
#include "write/write.hpp"

namespace kinerja {

const std::vector<TemplateInfo>& builtin_templates() {
    static const std::vector<TemplateInfo> list = {
        {"rencana-aksi",
         "rencana-aksi.xlsx",
         {"Rencana Aksi Perjanjian Kinerja: blok TW I-IV per indikator, pagu, penarikan dan "
          "realisasi anggaran, capaian, status",
          "Rencana Aksi of the performance agreement: a TW I-IV block per indicator, budget "
          "ceiling, drawdown and spending, capaian, status"}},
        {"capaian-kinerja",
         "capaian-kinerja.xlsx",
         {"Capaian Kinerja per sasaran dan indikator: target, realisasi, capaian, kategori; "
          "lembar Data untuk variabel per TW",
          "Capaian per sasaran and indicator: target, realisasi, capaian, kategori; a Data "
          "sheet for the variables per TW"}},
        {"realisasi-anggaran",
         "realisasi-anggaran.xlsx",
         {"Realisasi Anggaran per jenis belanja (51, 52, 53, 57) dan per sasaran: pagu, "
          "realisasi, sisa, %",
          "Budget realisation per type of spending (51, 52, 53, 57) and per sasaran: pagu, "
          "realisasi, sisa, %"}},
        {"rka-satker",
         "rka-satker.xlsx",
         {"RKA Satker Bagian A: kode, program sampai RO, volume/satuan, angka dasar, inisiatif "
          "baru, jumlah",
          "RKA Satker part A: code, program down to RO, volume/unit, baseline, new initiative, "
          "total"}},
        {"lra",
         "lra.xlsx",
         {"Laporan Realisasi Anggaran (LRA, susunan SIPD): kode rekening, uraian, anggaran, "
          "realisasi, %, sisa per kelompok Operasi, Modal, Total",
          "Budget realisation report (LRA, SIPD layout): account code, description, budget, "
          "realisasi, %, balance per group Operasi, Modal, Total"}},
        {"renja",
         "renja.xlsx",
         {"Evaluasi terhadap hasil Renja (Permendagri 86/2017): program dan kegiatan, target "
          "Renstra dan tahun berjalan, realisasi TW I-IV (K dan Rp.), tingkat capaian, rata-rata "
          "dan predikat kinerja",
          "The Renja evaluation (Permendagri 86/2017): programs and kegiatan, Renstra and this "
          "year's targets, realisasi per TW I-IV (K and Rp.), tingkat capaian, average and "
          "predikat"}},
    };
    return list;
}

std::filesystem::path default_templates_dir() {
    if (const char* env = std::getenv("KINERJA_TEMPLATES"); env && *env) return env;
    std::error_code ec;
    if (std::filesystem::exists("templates/rencana-aksi.xlsx", ec)) return "templates";
    return std::filesystem::path(KINERJA_SOURCE_DIR) / "templates";
}

std::optional<std::filesystem::path> template_path(std::string_view name_or_path,
                                                   const std::filesystem::path& dir) {
    std::string text(name_or_path);
    bool is_path = text.find('/') != std::string::npos ||
                   (text.size() > 5 && text.compare(text.size() - 5, 5, ".xlsx") == 0);
    if (is_path) return std::filesystem::path(text);
    for (const TemplateInfo& t : builtin_templates())
        if (t.name == text) return dir / t.file_name;
    return std::nullopt;
}

std::optional<std::filesystem::path> template_file(std::string_view name_or_path,
                                                   const std::filesystem::path& dir) {
    std::optional<std::filesystem::path> file = template_path(name_or_path, dir);
    std::error_code ec;
    if (file && !std::filesystem::is_regular_file(*file, ec)) {
        bool builtin = file->parent_path() == dir;
        throw InputError(
            file->string(), "",
            {std::string("berkas templat tidak ada") +
                 (builtin ? " (atur KINERJA_TEMPLATES ke folder templates/)" : ""),
             std::string("template file not found") +
                 (builtin ? " (set KINERJA_TEMPLATES to the templates/ folder)" : "")});
    }
    return file;
}

std::optional<Message> check_new_workbook_options(const NewWorkbookOptions& options) {
    if (options.tahun && (*options.tahun < 2000 || *options.tahun > 2099))
        return Message{"tahun " + std::to_string(*options.tahun) +
                           " di luar 2000-2099; tulis tahun empat angka, misalnya 2025",
                       "year " + std::to_string(*options.tahun) +
                           " is outside 2000-2099; give a four-digit year such as 2025"};
    const std::string& s = options.satker;
    if (s.empty()) return std::nullopt;
    if (s.find_first_not_of(" \t") == std::string::npos)
        return Message{"nama satker kosong", "the satker name is empty"};
    if (s.size() > 300)
        return Message{"nama satker terlalu panjang (lebih dari 300 karakter)",
                       "the satker name is too long (over 300 characters)"};
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f)
            return Message{
                "nama satker berisi ganti baris atau karakter kendali; tulis dalam "
                "satu baris",
                "the satker name holds a line break or control character; write it "
                "on one line"};
    return std::nullopt;
}

NewWorkbookReport new_workbook(const std::filesystem::path& template_file,
                               const std::filesystem::path& output,
                               const NewWorkbookOptions& options) {
    if (auto problem = check_new_workbook_options(options))
        throw InputError(template_file.string(), "", *problem);
    Workbook workbook = read_workbook(template_file);
    NewWorkbookReport report = personalise(workbook, options);
    write_workbook(workbook, output);
    return report;
}

}  // namespace kinerja
