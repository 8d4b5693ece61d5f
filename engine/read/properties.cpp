// docProps/core.xml and docProps/app.xml.
#include "model/workbook.hpp"
#include "read/relationships.hpp"
#include "read/xml_stream.hpp"

namespace kinerja::read_detail {

namespace {

std::string text_of(pugi::xml_node parent, std::string_view name) {
    return child(parent, name).text().as_string();
}

std::optional<std::string> find_part(ZipArchive& zip, const Relationships& root,
                                     std::string_view type, std::string_view fallback) {
    if (auto* rel = root.first_of_type(type); rel && zip.contains(rel->target))
        return *zip.locate(rel->target);
    return zip.locate(fallback);
}

}  // namespace

void read_properties(ZipArchive& zip, const Relationships& root, std::uint64_t max_bytes,
                     std::vector<std::string>& consumed, Workbook& wb) {
    DocProperties& out = wb.properties;
    if (auto core_part = find_part(zip, root, "core-properties", "docProps/core.xml")) {
        consumed.push_back(*core_part);
        pugi::xml_document doc = parse_tree(zip, *core_part, max_bytes);
        pugi::xml_node core = child(doc, "coreProperties");
        out.title = text_of(core, "title");
        out.subject = text_of(core, "subject");
        out.creator = text_of(core, "creator");
        out.keywords = text_of(core, "keywords");
        out.description = text_of(core, "description");
        out.last_modified_by = text_of(core, "lastModifiedBy");
        out.category = text_of(core, "category");
        out.created = text_of(core, "created");
        out.modified = text_of(core, "modified");
    }
    if (auto app_part = find_part(zip, root, "extended-properties", "docProps/app.xml")) {
        consumed.push_back(*app_part);
        pugi::xml_document doc = parse_tree(zip, *app_part, max_bytes);
        pugi::xml_node app = child(doc, "Properties");
        out.company = text_of(app, "Company");
        out.manager = text_of(app, "Manager");
    }
    if (auto custom_part = find_part(zip, root, "custom-properties", "docProps/custom.xml")) {
        consumed.push_back(*custom_part);
        pugi::xml_document doc = parse_tree(zip, *custom_part, max_bytes);
        if (child(child(doc, "Properties"), "property"))
            wb.dropped.push_back({*custom_part, "custom document properties"});
    }
}

}  // namespace kinerja::read_detail
