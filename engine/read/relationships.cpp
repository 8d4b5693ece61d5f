#include "read/relationships.hpp"

#include "read/xml_stream.hpp"

namespace kinerja::read_detail {

const Relationship* Relationships::by_id(std::string_view id) const {
    for (const auto& r : list)
        if (r.id == id) return &r;
    return nullptr;
}

const Relationship* Relationships::first_of_type(std::string_view type) const {
    for (const auto& r : list)
        if (r.type == type) return &r;
    return nullptr;
}

std::string rels_part_for(std::string_view part) {
    auto slash = part.rfind('/');
    std::string_view dir = slash == std::string_view::npos ? "" : part.substr(0, slash + 1);
    std::string_view name = slash == std::string_view::npos ? part : part.substr(slash + 1);
    return std::string(dir) + "_rels/" + std::string(name) + ".rels";
}

std::string resolve_target(std::string_view source_part, std::string_view target) {
    std::string joined;
    if (!target.empty() && target.front() == '/') {
        joined = target.substr(1);
    } else {
        auto slash = source_part.rfind('/');
        if (slash != std::string_view::npos) joined = source_part.substr(0, slash + 1);
        joined += target;
    }
    for (char& c : joined)
        if (c == '\\') c = '/';
    std::vector<std::string_view> segments;
    std::string_view rest = joined;
    while (!rest.empty()) {
        auto slash = rest.find('/');
        std::string_view segment = rest.substr(0, slash);
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
        if (segment.empty() || segment == ".") continue;
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
            continue;
        }
        segments.push_back(segment);
    }
    std::string out;
    for (auto s : segments) {
        if (!out.empty()) out += '/';
        out += s;
    }
    return out;
}

Relationships read_relationships(ZipArchive& zip, std::string_view part, std::uint64_t max_bytes,
                                 std::vector<std::string>* consumed) {
    Relationships rels;
    auto stored = zip.locate(rels_part_for(part));
    if (!stored) return rels;
    if (consumed) consumed->push_back(*stored);
    pugi::xml_document doc = parse_tree(zip, *stored, max_bytes);
    for_each_child(child(doc, "Relationships"), "Relationship", [&](pugi::xml_node node) {
        Relationship r;
        r.id = attr(node, "Id").as_string();
        std::string_view type = attr(node, "Type").as_string();
        auto slash = type.rfind('/');
        r.type = slash == std::string_view::npos ? type : type.substr(slash + 1);
        r.type_uri = type;
        std::string_view target = attr(node, "Target").as_string();
        r.external = std::string_view(attr(node, "TargetMode").as_string()) == "External";
        if (r.external) {
            r.target = target;
        } else {
            r.target = resolve_target(part, target);
            if (auto found = zip.locate(r.target)) r.target = *found;
        }
        rels.list.push_back(std::move(r));
    });
    return rels;
}

}  // namespace kinerja::read_detail
