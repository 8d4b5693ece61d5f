// bagian.tidak_dibawa: what the reader could not carry (Workbook::dropped), as named warnings
// for the Validasi sheet and the summary, one per kind of part and place.
#include <algorithm>
#include <string_view>

#include "validate/validate.hpp"

namespace kinerja {

namespace {

struct PartName {
    std::string_view what, id;  // the reader's English kind (its start), its Indonesian name
};
constexpr PartName part_names[] = {
    {"chartsheet", "Sheet grafik"},
    {"chart", "Grafik"},
    {"pivot table", "Tabel pivot"},
    {"pivot cache", "Data tabel pivot"},
    {"VBA project", "Makro (VBA)"},
    {"table", "Tabel Excel"},
    {"query table", "Tabel kueri"},
    {"data connection", "Koneksi data"},
    {"external link", "Tautan ke buku kerja lain"},
    {"slicer", "Slicer"},
    {"timeline", "Timeline"},
    {"threaded comment", "Komentar berutas"},
    {"custom XML", "XML khusus"},
    {"custom document properties", "Properti dokumen khusus"},
    {"form control", "Kontrol formulir"},
    {"ActiveX control", "Kontrol ActiveX"},
    {"embedded object", "Objek tersemat"},
    {"shape", "Bentuk atau kotak teks"},
    {"text box", "Kotak teks"},
    {"extLst", "Isi tambahan Excel (extLst)"},
    {"dialog sheet", "Sheet dialog"},
    {"macro sheet", "Sheet makro"},
    {"data model", "Model data"},
    {"background picture", "Gambar latar"},
    {"AutoFilter criteria", "Kriteria AutoFilter"},
};

}  // namespace

void add_dropped_part_findings(const Workbook& workbook, std::vector<Finding>& findings) {
    if (workbook.sheets.empty()) return;
    std::vector<std::pair<std::string, std::string>> seen;  // (place, kind)
    for (const DroppedPart& d : workbook.dropped) {
        const Sheet* sheet = workbook.sheet(d.part);
        std::string place = sheet ? sheet->name : workbook.sheets.front().name;
        std::string id_name;
        for (const PartName& name : part_names)
            if (d.what.rfind(name.what, 0) == 0) {
                id_name = std::string(name.id);
                break;
            }
        if (id_name.empty()) id_name = "Bagian \"" + d.what + "\"";
        if (std::find(seen.begin(), seen.end(), std::pair(d.part, id_name)) != seen.end()) continue;
        seen.emplace_back(d.part, id_name);
        std::string where_id = sheet ? "di sheet " + sheet->name : "(" + d.part + ")";
        std::string where_en = sheet ? "on sheet " + sheet->name : "(" + d.part + ")";
        findings.push_back(Finding::of(
            Rule::bagian_tidak_dibawa, place, 0, 0,
            {id_name + " " + where_id + " tidak dapat dibawa ke berkas hasil (" + d.what + ").",
             "The " + d.what + " " + where_en + " cannot be carried into the output."}));
    }
}

}  // namespace kinerja
