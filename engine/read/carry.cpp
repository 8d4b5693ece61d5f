// Carrying what the model does not express: every part is found by following relationships
// from the elements that use it (a sheet's <drawing>, <tableParts>, <extLst>; workbook.xml's
// <externalReferences>, <pivotCaches>, <extLst>), then through each part's own relationships
// (chart -> style, colours, embedded workbook; pivot table -> cache -> records).
#include "read/carry.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include "read/xml_stream.hpp"

namespace kinerja::read_detail {

namespace {

constexpr std::string_view rel_namespaces[] = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships"};

bool is_rel_namespace(std::string_view uri) {
    return std::find(std::begin(rel_namespaces), std::end(rel_namespaces), uri) !=
           std::end(rel_namespaces);
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string prefix_of(std::string_view qname) {
    auto colon = qname.find(':');
    return colon == std::string_view::npos ? std::string() : std::string(qname.substr(0, colon));
}

// Where a worksheet's data ends: what follows (drawing, tables, extLst) is small, and is
// the only part of the sheet the carrier reads again.
class SheetTail {
public:
    void feed(const char* data, std::size_t size) {
        if (in_tail_) {
            tail_.append(data, size);
            return;
        }
        window_.append(data, size);
        if (root_.empty()) find_root();
        for (std::string_view end :
             {std::string_view("sheetData>"), std::string_view("sheetData/>")}) {
            for (auto at = window_.find(end); at != std::string::npos;
                 at = window_.find(end, at + 1)) {
                auto open = window_.rfind('<', at);
                if (open == std::string::npos) continue;
                bool closing = end.size() == 11 || window_[open + 1] == '/';
                if (!closing) continue;
                in_tail_ = true;
                tail_ = window_.substr(at + end.size());
                window_.clear();
                return;
            }
        }
        // Keep enough to find a closing tag split between two chunks.
        if (window_.size() > 256) window_.erase(0, window_.size() - 256);
    }

    // The root's start tag and what follows the data: a small document with every
    // namespace declaration of the sheet in scope.
    std::string document() const { return in_tail_ && !root_.empty() ? root_ + tail_ : ""; }

private:
    void find_root() {
        for (std::size_t at = window_.find('<'); at != std::string::npos;
             at = window_.find('<', at + 1)) {
            if (at + 1 >= window_.size()) return;
            char next = window_[at + 1];
            if (next == '?' || next == '!') continue;
            auto end = window_.find('>', at);
            if (end == std::string::npos) return;
            root_ = window_.substr(at, end + 1 - at);
            return;
        }
    }

    std::string window_, root_, tail_;
    bool in_tail_ = false;
};

}  // namespace

struct Carrier::Impl {
    ZipArchive& zip;
    std::uint64_t max_bytes;
    std::vector<std::string>& consumed;
    CarriedBook book;
    std::map<std::string, std::string> overrides;  // lower-case part name -> content type
    std::map<std::string, std::string> defaults;   // lower-case extension -> content type
    std::set<std::string> carried_sheets;          // names of sheets with carried content
    int next_id = 0;

    Impl(ZipArchive& z, std::uint64_t m, std::vector<std::string>& c)
        : zip(z), max_bytes(m), consumed(c) {}

    // Read when the first part is carried: most workbooks carry nothing.
    void load_types() {
        if (types_loaded) return;
        types_loaded = true;
        auto types = zip.locate("[Content_Types].xml");
        if (!types) return;
        pugi::xml_document doc = parse_tree(zip, *types, max_bytes);
        pugi::xml_node root = child(doc, "Types");
        for_each_child(root, "Override", [&](pugi::xml_node n) {
            std::string name = attr(n, "PartName").as_string();
            if (!name.empty() && name[0] == '/') name.erase(0, 1);
            overrides[lower(name)] = attr(n, "ContentType").as_string();
        });
        for_each_child(root, "Default", [&](pugi::xml_node n) {
            defaults[lower(attr(n, "Extension").as_string())] = attr(n, "ContentType").as_string();
        });
    }

    bool types_loaded = false;

    std::string content_type(const std::string& part) {
        load_types();
        if (auto it = overrides.find(lower(part)); it != overrides.end()) return it->second;
        auto dot = part.rfind('.');
        if (dot != std::string::npos)
            if (auto it = defaults.find(lower(part.substr(dot + 1))); it != defaults.end())
                return it->second;
        return "application/octet-stream";
    }

    static CarriedRel carried_rel(const Relationship& r, std::string id) {
        return {std::move(id), r.type_uri, r.target, r.external};
    }

    // `part` and everything it points to, once each.
    void add_part(const std::string& first) {
        std::vector<std::string> pending{first};
        while (!pending.empty()) {
            std::string name = std::move(pending.back());
            pending.pop_back();
            if (book.parts.count(name) || !zip.contains(name)) continue;
            CarriedPart& part = book.parts[name];
            part.content_type = content_type(name);
            part.bytes = zip.read(name);
            consumed.push_back(name);
            Relationships rels = read_relationships(zip, name, max_bytes, &consumed);
            for (const Relationship& r : rels.list) {
                part.rels.push_back(carried_rel(r, r.id));
                if (!r.external) pending.push_back(r.target);
            }
            if (part.content_type.find("table+xml") != std::string::npos) table_name(part.bytes);
        }
    }

    void table_name(const std::string& bytes) {
        pugi::xml_document doc;
        if (!doc.load_buffer(bytes.data(), bytes.size(),
                             pugi::parse_default & ~pugi::parse_doctype))
            return;
        std::string name = attr(child(doc, "table"), "displayName").as_string();
        if (name.empty()) name = attr(child(doc, "table"), "name").as_string();
        if (!name.empty()) book.table_names.push_back(name);
    }

    // `node` as a fragment that declares every namespace of `root`, its relationship ids
    // renamed to fresh ones (recorded in `ids`: source id -> fresh id).
    std::string fragment(pugi::xml_node node, pugi::xml_node root,
                         std::map<std::string, std::string>& ids) {
        pugi::xml_document doc;
        pugi::xml_node copy = doc.append_copy(node);
        std::set<std::string> rel_prefixes;
        for (pugi::xml_attribute a = root.first_attribute(); a; a = a.next_attribute()) {
            std::string_view name = a.name();
            if (name != "xmlns" && name.rfind("xmlns:", 0) != 0) continue;
            if (!copy.attribute(a.name())) copy.append_attribute(a.name()) = a.value();
            if (is_rel_namespace(a.value()) && name.size() > 6)
                rel_prefixes.insert(std::string(name.substr(6)));
        }
        std::vector<pugi::xml_node> stack{copy};
        std::vector<pugi::xml_attribute> candidates;
        while (!stack.empty()) {
            pugi::xml_node n = stack.back();
            stack.pop_back();
            for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
                std::string_view name = a.name();
                if (name.rfind("xmlns:", 0) == 0 && is_rel_namespace(a.value()))
                    rel_prefixes.insert(std::string(name.substr(6)));
                else if (!prefix_of(name).empty())
                    candidates.push_back(a);
            }
            for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
                if (c.type() == pugi::node_element) stack.push_back(c);
        }
        for (pugi::xml_attribute a : candidates) {
            if (!rel_prefixes.count(prefix_of(a.name()))) continue;
            auto [it, added] = ids.try_emplace(a.value(), "");
            if (added) it->second = "rIdK" + std::to_string(++next_id);
            a.set_value(it->second.c_str());
        }
        std::ostringstream out;
        doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
        return out.str();
    }

    // The relationships the fragments refer to, under their fresh ids; their parts carried.
    std::vector<CarriedRel> follow(const Relationships& rels,
                                   const std::map<std::string, std::string>& ids) {
        std::vector<CarriedRel> out;
        for (const auto& [old_id, fresh] : ids) {
            const Relationship* r = rels.by_id(old_id);
            if (!r) continue;
            if (!r->external) add_part(r->target);
            out.push_back(carried_rel(*r, fresh));
        }
        return out;
    }

    // The <ext> children of an <extLst>, each as its own element, but those the model reads.
    void add_exts(pugi::xml_node ext_list, pugi::xml_node root,
                  std::map<std::string, std::string>& ids, std::vector<CarriedElement>& out) {
        for_each_child(ext_list, "ext", [&](pugi::xml_node ext) {
            pugi::xml_node content = ext.first_child();
            while (content && content.type() != pugi::node_element)
                content = content.next_sibling();
            if (content && local_name(content.name()) == "dataValidations") return;
            out.push_back({"ext", fragment(ext, root, ids)});
        });
    }
};

Carrier::Carrier(ZipArchive& zip, std::uint64_t max_tree_bytes, std::vector<std::string>& consumed)
    : impl_(std::make_shared<Impl>(zip, max_tree_bytes, consumed)) {}

void Carrier::worksheet(const std::string& part, const Relationships& rels, Sheet& sheet,
                        const std::vector<DroppedPart>& dropped) {
    Impl& im = *impl_;
    // The model reads links, notes, the header VML and pictures; anything else is carried.
    bool needed = false;
    const Relationship* complex_drawing = nullptr;
    for (const Relationship& r : rels.list) {
        if (r.type == "hyperlink" || r.type == "comments" || r.type == "vmlDrawing" ||
            r.type == "printerSettings")
            continue;
        if (r.type == "drawing" && !r.external) {
            bool has_more = std::any_of(dropped.begin(), dropped.end(),
                                        [&](const DroppedPart& d) { return d.part == r.target; });
            Relationships inner = read_relationships(im.zip, r.target, im.max_bytes);
            for (const Relationship& i : inner.list)
                if (i.type != "image" && i.type != "hyperlink") has_more = true;
            if (!has_more) continue;
            complex_drawing = &r;
        }
        needed = true;
    }
    for (const DroppedPart& d : dropped)
        if (d.part == sheet.name && d.what.rfind("extLst", 0) == 0) needed = true;
    if (!needed) return;

    SheetTail tail;
    im.zip.stream(part, [&](const char* data, std::size_t size) { tail.feed(data, size); });
    std::string text = tail.document();
    pugi::xml_document doc;
    if (text.empty() ||
        !doc.load_buffer(text.data(), text.size(), pugi::parse_default & ~pugi::parse_doctype))
        return;
    pugi::xml_node root = doc.first_child();
    while (root && root.type() != pugi::node_element) root = root.next_sibling();

    auto carried = std::make_shared<CarriedSheet>();
    std::map<std::string, std::string> ids;
    for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
        if (n.type() != pugi::node_element) continue;
        std::string name(local_name(n.name()));
        if (name == "drawing") {
            if (!complex_drawing || complex_drawing->id != attr(n, "id").as_string()) continue;
            carried->whole_drawing = true;
        } else if (name == "extLst") {
            im.add_exts(n, root, ids, carried->elements);
            continue;
        } else if (name != "tableParts" && name != "picture") {
            continue;
        }
        carried->elements.push_back({name, im.fragment(n, root, ids)});
    }
    carried->rels = im.follow(rels, ids);
    // Pivot tables and threaded comments are named by no element of the sheet: their
    // relationship is enough. A threaded comment's note (author "tc={id}") is in the model, so
    // Excel pairs the two again by cell as in the source.
    for (const Relationship& r : rels.list) {
        if ((r.type != "pivotTable" && r.type != "threadedComment") || r.external ||
            !im.zip.contains(r.target))
            continue;
        im.add_part(r.target);
        carried->rels.push_back(Impl::carried_rel(r, "rIdK" + std::to_string(++im.next_id)));
    }
    if (carried->elements.empty() && carried->rels.empty()) return;
    // The drawing goes whole, pictures included: the writer does not add the model's pictures
    // again (Sheet::images stays, for the stages that look at them).
    im.carried_sheets.insert(sheet.name);
    sheet.carried = std::move(carried);
}

void Carrier::chart_sheet(const std::string& name, const std::string& after, bool hidden,
                          const Relationship& rel) {
    if (rel.external || !impl_->zip.contains(rel.target)) return;
    impl_->add_part(rel.target);
    impl_->book.chart_sheets.push_back(
        {name, after, hidden, Impl::carried_rel(rel, "rIdK" + std::to_string(++impl_->next_id))});
}

void Carrier::workbook(const std::string& part, const Relationships& rels,
                       const Relationships& root_rels) {
    Impl& im = *impl_;
    pugi::xml_document doc = parse_tree(im.zip, part, im.max_bytes);
    pugi::xml_node root = child(doc, "workbook");
    std::map<std::string, std::string> ids;
    for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
        if (n.type() != pugi::node_element) continue;
        std::string name(local_name(n.name()));
        if (name == "externalReferences") {
            for_each_child(n, "externalReference",
                           [&](pugi::xml_node) { ++im.book.external_links; });
            im.book.workbook_elements.push_back({name, im.fragment(n, root, ids)});
        } else if (name == "pivotCaches") {
            im.book.workbook_elements.push_back({name, im.fragment(n, root, ids)});
        } else if (name == "extLst") {
            im.add_exts(n, root, ids, im.book.workbook_elements);
        }
    }
    im.book.workbook_rels = im.follow(rels, ids);
    // Parts of the workbook that no element names: VBA, custom XML, connections...
    static const std::set<std::string, std::less<>> model_types = {
        "worksheet",     "chartsheet",       "dialogsheet",  "macrosheet",
        "xlMacrosheet",  "xlIntlMacrosheet", "theme",        "styles",
        "sharedStrings", "calcChain",        "externalLink", "pivotCacheDefinition",
        "slicerCache",   "timelineCache"};
    for (const Relationship& r : rels.list) {
        if (model_types.count(r.type) || (!r.external && !im.zip.contains(r.target))) continue;
        if (!r.external) im.add_part(r.target);
        if (r.type == "vbaProject") im.book.vba = true;
        im.book.workbook_rels.push_back(
            Impl::carried_rel(r, "rIdK" + std::to_string(++im.next_id)));
    }
    for (const Relationship& r : root_rels.list) {
        // Custom XML is the workbook's in Excel's files, the package's in LibreOffice's.
        if ((r.type != "custom-properties" && r.type != "customXml") || r.external ||
            !im.zip.contains(r.target))
            continue;
        im.add_part(r.target);
        im.book.package_rels.push_back(Impl::carried_rel(r, "rIdK" + std::to_string(++im.next_id)));
    }
}

void Carrier::finish(Workbook& wb) {
    Impl& im = *impl_;
    // What is carried is no longer dropped: the parts themselves, what the reader said of
    // them ("chart at Data!B2" under the drawing's name), and the sheets' <extLst> content.
    std::erase_if(wb.dropped, [&](const DroppedPart& d) {
        if (im.book.parts.count(d.part)) return true;
        if (d.what == "custom document properties") return im.book.parts.count(d.part) > 0;
        const Sheet* sheet = wb.sheet(d.part);
        if (!sheet || !sheet->carried) return false;
        bool kept = d.what.rfind("extLst", 0) == 0 || d.what == "background picture";
        return kept && std::any_of(sheet->carried->elements.begin(), sheet->carried->elements.end(),
                                   [&](const CarriedElement& e) {
                                       return e.name ==
                                              (d.what == "background picture" ? "picture" : "ext");
                                   });
    });
    if (im.book.parts.empty() && im.book.workbook_elements.empty()) return;
    wb.carried = std::make_shared<const CarriedBook>(std::move(im.book));
}

}  // namespace kinerja::read_detail
