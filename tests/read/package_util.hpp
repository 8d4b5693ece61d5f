// Small .xlsx packages built in a test from their parts, for cases no fixture holds.
#pragma once

#include <zip.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <map>
#include <string>

namespace kinerja::test {

// Writes a package from part name -> content with libzip.
inline void write_package(const std::filesystem::path& path,
                          const std::map<std::string, std::string>& parts) {
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    BOOST_REQUIRE(archive);
    for (const auto& [name, content] : parts) {
        zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
        BOOST_REQUIRE(zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE) >= 0);
    }
    BOOST_REQUIRE(zip_close(archive) == 0);
}

inline const char* const main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

// The parts of a one-sheet workbook ("Lembar") with styles and shared strings, each
// given as the content of its root element; `after_data` follows <sheetData>.
inline std::map<std::string, std::string> one_sheet_package(const std::string& sheet_data,
                                                            const std::string& styles,
                                                            const std::string& shared_strings,
                                                            const std::string& after_data = "") {
    const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    auto relationship = [&](const char* id, const char* type, const char* target) {
        return std::string("<Relationship Id=\"") + id + "\" Type=\"" + rel + "/" + type +
               "\" Target=\"" + target + "\"/>";
    };
    std::string open = std::string(" xmlns=\"") + main_ns + "\"";
    return {
        {"xl/workbook.xml", "<workbook" + open + " xmlns:r=\"" + rel +
                                "\"><sheets><sheet name=\"Lembar\" sheetId=\"1\" "
                                "r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<Relationships "
         "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
             relationship("rId1", "worksheet", "worksheets/sheet1.xml") +
             relationship("rId2", "styles", "styles.xml") +
             relationship("rId3", "sharedStrings", "sharedStrings.xml") + "</Relationships>"},
        {"xl/worksheets/sheet1.xml", "<worksheet" + open + "><sheetData>" + sheet_data +
                                         "</sheetData>" + after_data + "</worksheet>"},
        {"xl/styles.xml", "<styleSheet" + open + ">" + styles + "</styleSheet>"},
        {"xl/sharedStrings.xml", "<sst" + open + ">" + shared_strings + "</sst>"},
    };
}

}  // namespace kinerja::test
