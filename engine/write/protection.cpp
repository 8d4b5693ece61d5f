// Sheet and workbook protection and the file-sharing reservation, with the source's password
// hash and options.
//
// libxlsxwriter 1.1.4 hashes a password it is given and knows no workbook protection,
// while the model holds only the source's hash. The sheet is protected through
// libxlsxwriter (so that a failed patch still leaves it protected, without password),
// then its element is replaced by the source's; the workbook's is patched in.
#include <cctype>

#include "write/detail.hpp"
#include "write/patches.hpp"

namespace kinerja::write_detail {

namespace {

// The element with the source's attributes; names that are not plain words are left out.
std::string element(const char* name, const PartProtection& protection) {
    std::string xml = std::string("<") + name;
    for (const auto& [key, value] : protection.attributes) {
        bool word = !key.empty();
        for (char c : key) word = word && std::isalnum(static_cast<unsigned char>(c));
        if (word) xml += " " + key + "=\"" + xml_escape(value) + "\"";
    }
    return xml + "/>";
}

}  // namespace

void write_protection(const SheetContext& ctx) {
    if (ctx.model.protection.empty()) return;
    worksheet_protect(ctx.sheet, nullptr, nullptr);
    std::string wanted = element("sheetProtection", ctx.model.protection);
    ctx.patches.edit_part(
        "xl/worksheets/sheet" + std::to_string(ctx.index + 1) + ".xml",
        [wanted](std::string& xml) {
            auto start = xml.find("<sheetProtection ");
            if (start == std::string::npos) return false;
            auto end = xml.find("/>", start);
            if (end == std::string::npos) return false;
            xml.replace(start, end + 2 - start, wanted);
            return true;
        },
        {ctx.model.name, "", "sheet protection written without its password and options"});
}

void write_workbook_protection(const Workbook& model, Patches& patches) {
    // Each goes in before the element that follows it in CT_Workbook's sequence.
    auto insert = [&](const PartProtection& kept, const char* name, const char* before,
                      const char* what) {
        if (kept.empty()) return;
        std::string wanted = element(name, kept);
        patches.edit_part("xl/workbook.xml",
                          [wanted, before](std::string& xml) {
                              auto at = xml.find(before);
                              if (at == std::string::npos) return false;
                              xml.insert(at, wanted);
                              return true;
                          },
                          {"xl/workbook.xml", "", what});
    };
    insert(model.file_sharing, "fileSharing", "<workbookPr", "file sharing password");
    insert(model.protection, "workbookProtection", "<bookViews>", "workbook protection");
}

}  // namespace kinerja::write_detail
