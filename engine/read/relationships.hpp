// Internal to the reader: the relationships (.rels) of a part.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "read/zip_archive.hpp"

namespace kinerja::read_detail {

struct Relationship {
    std::string id;
    std::string type;      // last segment of the type URI: "worksheet", "styles", "image", ...
    std::string type_uri;  // the whole type URI
    std::string target;    // resolved part name as stored in the zip, or the URL if external
    bool external = false;
};

struct Relationships {
    std::vector<Relationship> list;
    const Relationship* by_id(std::string_view id) const;
    const Relationship* first_of_type(std::string_view type) const;
};

// "xl/worksheets/sheet1.xml" -> "xl/worksheets/_rels/sheet1.xml.rels"
std::string rels_part_for(std::string_view part);
// Resolves a relative ("../media/image1.png") or absolute ("/xl/...") target
// against the part that owns the relationship; "." and ".." are folded away.
std::string resolve_target(std::string_view source_part, std::string_view target);

// Reads the relationships of `part` (empty when it has none). Internal targets
// are mapped onto the stored part names, tolerating case differences.
Relationships read_relationships(ZipArchive& zip, std::string_view part, std::uint64_t max_bytes,
                                 std::vector<std::string>* consumed = nullptr);

}  // namespace kinerja::read_detail
