#include <algorithm>
#include <cmath>

#include "read/sheet_parts.hpp"
#include "read/xml_stream.hpp"

namespace kinerja::read_detail {

namespace {

constexpr double emu_per_pixel = 9525;

struct Marker {
    std::uint32_t row = 0, col = 0;
    double row_offset = 0, col_offset = 0;  // EMU
};

Marker read_marker(pugi::xml_node node) {
    Marker m;
    auto number = [&](const char* name) { return child(node, name).text().as_llong(0); };
    m.col = static_cast<std::uint32_t>(std::clamp<long long>(number("col"), 0, max_cols - 1));
    m.row = static_cast<std::uint32_t>(std::clamp<long long>(number("row"), 0, max_rows - 1));
    m.col_offset = static_cast<double>(number("colOff"));
    m.row_offset = static_cast<double>(number("rowOff"));
    return m;
}

std::string extension_of(std::string_view part) {
    auto dot = part.rfind('.');
    std::string ext(dot == std::string_view::npos ? "" : part.substr(dot + 1));
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (ext == "jpg" || ext == "jpe") ext = "jpeg";
    return ext;
}

pugi::xml_node first_element(pugi::xml_node node) {
    for (pugi::xml_node n = node.first_child(); n; n = n.next_sibling())
        if (n.type() == pugi::node_element) return n;
    return {};
}

// What a non-picture object in a drawing is, for Workbook::dropped.
std::string object_kind(pugi::xml_node object) {
    std::string_view name = local_name(object.name());
    if (name == "sp") return "shape or text box";
    if (name == "grpSp") return "group of shapes";
    if (name == "cxnSp") return "connector line";
    if (name == "contentPart") return "ink drawing";
    if (name == "graphicFrame") {
        std::string_view uri =
            attr(child(child(object, "graphic"), "graphicData"), "uri").as_string();
        if (uri.find("/chart") != std::string_view::npos) return "chart";
        if (uri.find("slicer") != std::string_view::npos) return "slicer";
        if (uri.find("timeslicer") != std::string_view::npos) return "timeline";
        if (uri.find("diagram") != std::string_view::npos) return "SmartArt diagram";
        return "graphic object";
    }
    return "drawing object (" + std::string(name) + ")";
}

// The anchors of a drawing, looking through markup-compatibility wrappers.
void collect_anchors(pugi::xml_node parent, std::vector<pugi::xml_node>& anchors, int depth = 0) {
    if (depth > 4) return;  // wrappers never nest deeply in real files
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
        if (n.type() != pugi::node_element) continue;
        std::string_view name = local_name(n.name());
        if (name == "AlternateContent") {
            collect_anchors(child(n, "Choice"), anchors, depth + 1);
        } else if (name == "twoCellAnchor" || name == "oneCellAnchor" || name == "absoluteAnchor") {
            anchors.push_back(n);
        }
    }
}

}  // namespace

double column_pixels(const Sheet& sheet, std::uint32_t col) {
    auto width_pixels = [](double w) {
        return std::floor((256 * w + std::floor(128.0 / 7)) / 256 * 7);
    };
    for (const auto& c : sheet.columns) {
        if (col < c.first || col > c.last) continue;
        if (c.hidden) return 0;
        if (c.width) return width_pixels(*c.width);
        break;
    }
    return sheet.default_col_width ? width_pixels(*sheet.default_col_width) : 64;
}

double row_pixels(const Sheet& sheet, std::uint32_t row) {
    double points = sheet.default_row_height.value_or(15);
    if (auto it = sheet.rows.find(row); it != sheet.rows.end()) {
        if (it->second.hidden) return 0;
        if (it->second.height) points = *it->second.height;
    }
    return std::round(points * 96 / 72);
}

void read_drawing(PartReader& r, const std::string& part, Sheet& sheet) {
    r.consumed.push_back(part);
    pugi::xml_document doc = parse_tree(r.zip, part, r.max_tree_bytes);
    Relationships rels = read_relationships(r.zip, part, r.max_tree_bytes, &r.consumed);
    std::vector<pugi::xml_node> anchors;
    collect_anchors(child(doc, "wsDr"), anchors);

    for (pugi::xml_node anchor : anchors) {
        std::string_view kind = local_name(anchor.name());
        pugi::xml_node object;
        for (pugi::xml_node n = anchor.first_child(); n && !object; n = n.next_sibling()) {
            std::string_view name = local_name(n.name());
            if (n.type() == pugi::node_element && name != "from" && name != "to" && name != "ext" &&
                name != "pos" && name != "clientData")
                object = name == "AlternateContent" ? first_element(child(n, "Choice")) : n;
        }
        if (!object) continue;
        Marker from = kind == "absoluteAnchor" ? Marker{} : read_marker(child(anchor, "from"));
        if (local_name(object.name()) != "pic") {
            std::string what = object_kind(object);
            if (what != "chart")
                r.drop(part, what + " at " + sheet.name + "!" + cell_name(from.row, from.col));
            continue;
        }
        pugi::xml_node blip = child(child(object, "blipFill"), "blip");
        const Relationship* rel = rels.by_id(attr(blip, "embed").as_string());
        if (!rel || rel->external || !r.zip.contains(rel->target)) {
            r.drop(part, "linked picture at " + sheet.name + "!" + cell_name(from.row, from.col));
            continue;
        }
        Image image;
        image.row = from.row;
        image.col = from.col;
        if (kind == "absoluteAnchor") {
            pugi::xml_node pos = child(anchor, "pos");
            from.col_offset = attr(pos, "x").as_double(0);
            from.row_offset = attr(pos, "y").as_double(0);
        }
        image.x_offset = static_cast<std::int32_t>(std::lround(from.col_offset / emu_per_pixel));
        image.y_offset = static_cast<std::int32_t>(std::lround(from.row_offset / emu_per_pixel));
        // Size: the picture's own extent, else the anchor's, else the span between markers.
        pugi::xml_node ext = child(child(child(object, "spPr"), "xfrm"), "ext");
        if (!ext) ext = child(anchor, "ext");
        if (ext && attr(ext, "cx").as_double(0) > 0) {
            image.width = attr(ext, "cx").as_double(0) / emu_per_pixel;
            image.height = attr(ext, "cy").as_double(0) / emu_per_pixel;
        } else if (kind == "twoCellAnchor") {
            Marker to = read_marker(child(anchor, "to"));
            double w = to.col_offset / emu_per_pixel - from.col_offset / emu_per_pixel;
            for (std::uint32_t c = from.col; c < to.col; ++c) w += column_pixels(sheet, c);
            double h = to.row_offset / emu_per_pixel - from.row_offset / emu_per_pixel;
            for (std::uint32_t row = from.row; row < to.row && row < from.row + 100000; ++row)
                h += row_pixels(sheet, row);
            image.width = std::max(0.0, w);
            image.height = std::max(0.0, h);
        }
        image.description = attr(child(child(object, "nvPicPr"), "cNvPr"), "descr").as_string();
        image.extension = extension_of(rel->target);
        auto& data = r.media[rel->target];
        if (!data) {
            data = std::make_shared<const std::string>(r.zip.read(rel->target));
            r.consumed.push_back(rel->target);
        }
        image.data = data;
        sheet.images.push_back(std::move(image));
    }
}

void read_header_images(PartReader& r, const std::string& part, Sheet& sheet) {
    r.consumed.push_back(part);
    pugi::xml_document doc;
    Relationships rels;
    try {
        doc = parse_tree(r.zip, part, r.max_tree_bytes);
        rels = read_relationships(r.zip, part, r.max_tree_bytes, &r.consumed);
    } catch (const InputError&) {
        r.drop(part, "header/footer picture");
        return;
    }
    // <v:shape id="LH" ...><v:imagedata o:relid="rId1" .../></v:shape>
    for_each_descendant(doc, "imagedata", [&](pugi::xml_node node) {
        std::string position = attr(node.parent(), "id").as_string();
        static constexpr std::string_view places[] = {"LH", "CH", "RH", "LF", "CF", "RF"};
        if (std::find(std::begin(places), std::end(places), position) == std::end(places)) {
            r.drop(part, "header/footer picture for first or even pages");
            return;
        }
        const Relationship* rel = rels.by_id(attr(node, "relid").as_string());
        if (!rel || rel->external || !r.zip.contains(rel->target)) {
            r.drop(part, "linked header/footer picture");
            return;
        }
        auto& data = r.media[rel->target];
        if (!data) {
            data = std::make_shared<const std::string>(r.zip.read(rel->target));
            r.consumed.push_back(rel->target);
        }
        sheet.page.header_images.push_back({position, extension_of(rel->target), data});
    });
}

}  // namespace kinerja::read_detail
