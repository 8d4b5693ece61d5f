// Internal to the reader: collects the source parts the model does not express into a
// CarriedBook (engine/model/carried.hpp), so the writer can put them back.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/workbook.hpp"
#include "read/relationships.hpp"
#include "read/zip_archive.hpp"

namespace kinerja::read_detail {

class Carrier {
public:
    Carrier(ZipArchive& zip, std::uint64_t max_tree_bytes, std::vector<std::string>& consumed);

    // A worksheet already read into `sheet`: its drawing when it holds more than pictures,
    // its tables, background picture and <extLst> (but the list validations the model read).
    void worksheet(const std::string& part, const Relationships& rels, Sheet& sheet,
                   const std::vector<DroppedPart>& dropped);
    // A chart sheet, placed after the worksheet `after` (empty: first).
    void chart_sheet(const std::string& name, const std::string& after, bool hidden,
                     const Relationship& rel);
    // workbook.xml's external references, pivot caches and <extLst>; VBA, custom XML,
    // connections and the other parts of the workbook; custom document properties.
    void workbook(const std::string& part, const Relationships& rels, const Relationships& root);

    // Hands the parts to `wb` and removes from wb.dropped what is now carried.
    void finish(Workbook& wb);

private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace kinerja::read_detail
