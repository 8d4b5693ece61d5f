// Parts of the source package that the model does not express but the output keeps.
//
// Charts, shapes, Excel tables, pivot tables and their caches, slicers, sparklines and
// other <extLst> content, VBA, external links, custom XML and chart sheets are taken from
// the source file as they are and put back into the written file (engine/write/carry.cpp).
// The reader fills this with the bytes of every part to carry, so writing needs no access
// to the source file (an upload is gone by then). The parts are immutable and shared: a
// copied Workbook or Sheet costs a pointer.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace kinerja {

// One relationship of a carried part, or of a sheet or the workbook towards a carried part.
struct CarriedRel {
    std::string id;      // as in the source; a sheet's or the workbook's get fresh ids when written
    std::string type;    // the full type URI
    std::string target;  // source part name ("xl/charts/chart1.xml"), or the URL when external
    bool external = false;
};

struct CarriedPart {
    std::string content_type;
    std::string bytes;  // as in the source
    std::vector<CarriedRel> rels;
};

// An element of a worksheet or of workbook.xml that points to carried parts: its local name
// (for the schema order) and its XML, with the namespaces it uses declared on its root.
struct CarriedElement {
    std::string name;  // "drawing", "tableParts", "extLst", "externalReferences", ...
    std::string xml;
};

// What one worksheet carries: its elements, and its relationships they refer to (r:id).
struct CarriedSheet {
    std::vector<CarriedElement> elements;
    std::vector<CarriedRel> rels;
    bool whole_drawing = false;  // the drawing goes as it is: the model's pictures are in it
};

struct CarriedChartSheet {
    std::string name;
    std::string after;  // the worksheet before it in the source; empty: it was first
    bool hidden = false;
    CarriedRel rel;  // workbook -> chartsheet part
};

struct CarriedBook {
    std::map<std::string, CarriedPart> parts;  // every carried part, by source name
    std::vector<CarriedElement> workbook_elements;
    std::vector<CarriedRel> workbook_rels;  // referred to by those elements, or standalone
    std::vector<CarriedRel> package_rels;   // _rels/.rels: custom document properties
    std::vector<CarriedChartSheet> chart_sheets;
    std::uint32_t external_links = 0;  // [1]..[n] in formulas refer to these
    std::vector<std::string> table_names;
    bool vba = false;
};

}  // namespace kinerja
