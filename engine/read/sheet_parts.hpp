// Internal to the reader: the parts a worksheet points to through its relationships.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/workbook.hpp"
#include "read/relationships.hpp"
#include "read/zip_archive.hpp"

namespace kinerja::read_detail {

// Shared state for the sheet parts: limits, parts read, media already loaded.
struct PartReader {
    ZipArchive& zip;
    std::uint64_t max_tree_bytes;
    std::vector<std::string>& consumed;
    std::vector<DroppedPart>& dropped;
    std::map<std::string, std::shared_ptr<const std::string>> media;

    void drop(std::string part, std::string what);
};

// xl/commentsN.xml: the notes of one sheet.
void read_comments(PartReader& r, const std::string& part, Sheet& sheet);
// The VML drawing beside the comments: which notes are shown permanently. A VML
// part that does not parse leaves every note hidden; VML is often sloppy.
void read_comment_visibility(PartReader& r, const std::string& part, Sheet& sheet);
// xl/drawings/drawingN.xml: pictures become Sheet::images; shapes, charts and
// other objects are recorded as dropped.
void read_drawing(PartReader& r, const std::string& part, Sheet& sheet);

// The VML drawing of the page header and footer (legacyDrawingHF): its pictures become
// PageSetup::header_images. A part that does not parse is recorded as dropped.
void read_header_images(PartReader& r, const std::string& part, Sheet& sheet);

// Column width and row height in pixels, as Excel lays them out at 100% zoom.
double column_pixels(const Sheet& sheet, std::uint32_t col);
double row_pixels(const Sheet& sheet, std::uint32_t row);

}  // namespace kinerja::read_detail
