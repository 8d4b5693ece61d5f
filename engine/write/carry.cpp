// Carried parts (engine/model/carried.hpp) into libxlsxwriter's finished file.
//
// Each source part reachable from what the output keeps is copied once, under its own name
// unless libxlsxwriter wrote a part of that name; its relationships are rewritten to the
// new names (absolute targets), and it gets a content-type override with the source's type.
// The sheets and workbook.xml get their elements at the place the schema orders them, and
// relationships under the fresh ids the reader gave them.
#include <algorithm>
#include <cstdlib>
#include <functional>
#include <memory>
#include <set>

#include "write/detail.hpp"
#include "write/patches.hpp"
#include "write/zip_rewrite.hpp"

namespace kinerja::write_detail {

namespace {

namespace fs = std::filesystem;

// CT_Worksheet's elements after <sheetData>, in order (ECMA-376 Part 1, 18.3.1.99).
const std::vector<std::string> sheet_order = {"sheetCalcPr",
                                              "sheetProtection",
                                              "protectedRanges",
                                              "scenarios",
                                              "autoFilter",
                                              "sortState",
                                              "dataConsolidate",
                                              "customSheetViews",
                                              "mergeCells",
                                              "phoneticPr",
                                              "conditionalFormatting",
                                              "dataValidations",
                                              "hyperlinks",
                                              "printOptions",
                                              "pageMargins",
                                              "pageSetup",
                                              "headerFooter",
                                              "rowBreaks",
                                              "colBreaks",
                                              "customProperties",
                                              "cellWatches",
                                              "ignoredErrors",
                                              "smartTags",
                                              "drawing",
                                              "legacyDrawing",
                                              "legacyDrawingHF",
                                              "drawingHF",
                                              "picture",
                                              "oleObjects",
                                              "controls",
                                              "webPublishItems",
                                              "tableParts",
                                              "extLst"};

// CT_Workbook's elements (18.2.27).
const std::vector<std::string> workbook_order = {"fileVersion",    "fileSharing",
                                                 "workbookPr",     "workbookProtection",
                                                 "bookViews",      "sheets",
                                                 "functionGroups", "externalReferences",
                                                 "definedNames",   "calcPr",
                                                 "oleSize",        "customWorkbookViews",
                                                 "pivotCaches",    "smartTagPr",
                                                 "smartTagTypes",  "webPublishing",
                                                 "fileRecoveryPr", "webPublishObjects",
                                                 "extLst"};

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Where element `name` starts in `xml` at or after `from` (its tag, not a longer name).
std::size_t find_tag(const std::string& xml, const std::string& name, std::size_t from) {
    std::string open = "<" + name;
    for (auto at = xml.find(open, from); at != std::string::npos; at = xml.find(open, at + 1)) {
        char next = at + open.size() < xml.size() ? xml[at + open.size()] : '\0';
        if (next == ' ' || next == '>' || next == '/') return at;
    }
    return std::string::npos;
}

// Where the root's own <extLst> starts: it is the root's last element, so it closes just
// before the root does (a conditional format rule has an <extLst> of its own, earlier).
std::size_t root_ext_list(const std::string& xml) {
    auto close = xml.rfind("</extLst>");
    if (close == std::string::npos) return close;
    auto rest = xml.find_first_not_of(" \r\n\t", close + 9);
    if (rest == std::string::npos || xml.compare(rest, 2, "</") != 0 ||
        xml.find('>', rest) + 1 < xml.find_last_not_of(" \r\n\t") + 1)
        return std::string::npos;
    return xml.rfind("<extLst>", close);
}

// Inserts `text` where element `name` belongs: before the first element that follows it in
// `order`, or before the root's end tag. `from`: where the root's children of interest start.
bool insert_in_order(std::string& xml, const std::vector<std::string>& order,
                     const std::string& name, const std::string& text, std::size_t from,
                     const std::string& root_end) {
    auto self = std::find(order.begin(), order.end(), name);
    if (self == order.end()) return false;
    std::size_t at = std::string::npos;
    for (auto later = self + 1; later != order.end(); ++later) {
        // The sheet's own <extLst> is its last element; a rule's comes before it.
        std::size_t found = *later == "extLst" ? root_ext_list(xml) : find_tag(xml, *later, from);
        if (found != std::string::npos && found >= from) at = std::min(at, found);
    }
    if (at == std::string::npos) at = xml.rfind(root_end);
    if (at == std::string::npos) return false;
    xml.insert(at, text);
    return true;
}

// The <ext> elements of `fragments` into the root's <extLst>, made if there is none; an
// extension libxlsxwriter already wrote (same uri) keeps libxlsxwriter's.
bool insert_exts(std::string& xml, const std::vector<std::string>& exts, std::size_t from,
                 const std::vector<std::string>& order, const std::string& root_end,
                 std::vector<std::string>& refused) {
    auto list = root_ext_list(xml);
    auto list_end = list == std::string::npos ? list : xml.rfind("</extLst>");
    std::string text;
    for (const std::string& ext : exts) {
        auto uri_at = ext.find("uri=\"");
        std::string uri = uri_at == std::string::npos
                              ? std::string()
                              : ext.substr(uri_at, ext.find('"', uri_at + 5) + 1 - uri_at);
        if (list_end != std::string::npos && !uri.empty() &&
            xml.substr(list, list_end - list).find(uri) != std::string::npos) {
            refused.push_back(uri);
            continue;
        }
        text += ext;
    }
    if (text.empty()) return true;
    if (list_end != std::string::npos && list >= from) {
        xml.insert(list_end, text);
        return true;
    }
    return insert_in_order(xml, order, "extLst", "<extLst>" + text + "</extLst>", from, root_end);
}

std::string relationship(const CarriedRel& rel, const std::string& target) {
    std::string out = "<Relationship Id=\"" + xml_escape(rel.id) + "\" Type=\"" +
                      xml_escape(rel.type) + "\" Target=\"" + xml_escape(target) + "\"";
    if (rel.external) out += " TargetMode=\"External\"";
    return out + "/>";
}

std::string rels_part_for(const std::string& part) {
    auto slash = part.rfind('/');
    std::string folder = slash == std::string::npos ? "" : part.substr(0, slash + 1);
    std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
    return folder + "_rels/" + file + ".rels";
}

const char* const rels_head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";

class Carry {
public:
    Carry(const Workbook& model, const CarriedBook& book, std::set<std::string> present,
          bool macro_enabled, Patches& patches, Drops& drops)
        : model_(model),
          book_(book),
          present_(std::move(present)),
          macro_enabled_(macro_enabled),
          patches_(patches),
          drops_(drops) {
        for (const auto& name : present_) taken_.insert(lower(name));
    }

    void run() {
        std::set<const CarriedSheet*> claimed;
        for (std::size_t i = 0; i < model_.sheets.size(); ++i) {
            const Sheet& sheet = model_.sheets[i];
            if (!sheet.carried) continue;
            if (!claimed.insert(sheet.carried.get()).second) {
                // A copy of a sheet: tables and drawings cannot be shared by two sheets.
                drops_.add(sheet.name, "", "charts, tables and extLst of a copied sheet");
                continue;
            }
            carry_sheet(i, sheet);
        }
        carry_workbook();
        copy_parts();
    }

private:
    // The output name of a source part, given on first use.
    const std::string& name_of(const std::string& source) {
        auto it = names_.find(source);
        if (it != names_.end()) return it->second;
        std::string name = source;
        if (taken_.count(lower(name))) {
            auto dot = source.rfind('.');
            auto slash = source.rfind('/');
            if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
                dot = source.size();
            for (int n = 1; taken_.count(lower(name)); ++n)
                name = source.substr(0, dot) + "_k" + std::to_string(n) + source.substr(dot);
        }
        taken_.insert(lower(name));
        pending_.push_back(source);
        return names_.emplace(source, name).first->second;
    }

    std::string target_of(const CarriedRel& rel) {
        if (rel.external) return rel.target;
        if (!book_.parts.count(rel.target)) return {};
        return "/" + name_of(rel.target);
    }

    // The relationships of a sheet or the workbook: added to its .rels, made if it has none.
    void add_rels(const std::string& owner, const std::vector<const CarriedRel*>& rels) {
        std::string text;
        for (const CarriedRel* rel : rels) {
            std::string target = target_of(*rel);
            if (!target.empty()) text += relationship(*rel, target);
        }
        if (text.empty()) return;
        std::string part = rels_part_for(owner);
        if (present_.count(part)) {
            patches_.edit_part(part,
                               [text](std::string& xml) {
                                   auto at = xml.rfind("</Relationships>");
                                   if (at == std::string::npos) return false;
                                   xml.insert(at, text);
                                   return true;
                               },
                               {owner, "", "relationships of carried parts (charts, tables...)"});
        } else {
            patches_.add_part(part, std::string(rels_head) + text + "</Relationships>");
        }
    }

    static bool uses(const std::vector<std::string>& xml, const std::string& id) {
        std::string quoted = "\"" + id + "\"";
        return std::any_of(xml.begin(), xml.end(), [&](const std::string& x) {
            return x.find(quoted) != std::string::npos;
        });
    }

    void carry_sheet(std::size_t index, const Sheet& sheet) {
        std::string part = "xl/worksheets/sheet" + std::to_string(index + 1) + ".xml";
        const CarriedSheet& carried = *sheet.carried;
        auto kept = std::make_shared<std::vector<std::string>>();
        std::vector<const CarriedElement*> elements;
        std::vector<std::string> exts;
        for (const CarriedElement& e : carried.elements) {
            if (e.name == "ext")
                exts.push_back(e.xml);
            else
                elements.push_back(&e);
            kept->push_back(e.xml);
        }
        auto refused = std::make_shared<std::vector<std::string>>();
        auto drawing_refused = std::make_shared<bool>(false);
        std::string name = sheet.name;
        patches_.edit_part(part,
                           [elements, exts, refused, drawing_refused](std::string& xml) {
                               auto data_end = xml.find("</sheetData>");
                               if (data_end == std::string::npos)
                                   data_end = xml.find("<sheetData/>");
                               if (data_end == std::string::npos) return false;
                               for (const CarriedElement* e : elements) {
                                   // libxlsxwriter's own drawing (generated charts) keeps the
                                   // place.
                                   if (e->name == "drawing" &&
                                       find_tag(xml, "drawing", data_end) != std::string::npos) {
                                       *drawing_refused = true;
                                       continue;
                                   }
                                   if (!insert_in_order(xml, sheet_order, e->name, e->xml, data_end,
                                                        "</worksheet>"))
                                       return false;
                               }
                               return insert_exts(xml, exts, data_end, sheet_order, "</worksheet>",
                                                  *refused);
                           },
                           {name, "", "charts, shapes, tables and extLst content"});
        std::vector<const CarriedRel*> rels;
        for (const CarriedRel& rel : carried.rels)
            if (uses(*kept, rel.id) || rel.type.ends_with("/pivotTable") ||
                rel.type.ends_with("/threadedComment"))
                rels.push_back(&rel);
        add_rels(part, rels);
        refusals_.push_back({name, refused, drawing_refused});
    }

    void carry_workbook() {
        std::vector<const CarriedElement*> elements;
        std::vector<std::string> exts;
        for (const CarriedElement& e : book_.workbook_elements) {
            if (e.name == "ext")
                exts.push_back(e.xml);
            else
                elements.push_back(&e);
        }
        std::vector<const CarriedRel*> rels;
        for (const CarriedRel& rel : book_.workbook_rels) {
            if (rel.type.ends_with("/vbaProject") && !macro_enabled_) {
                drops_.add("xl/vbaProject.bin", "", "VBA project: the output is not an .xlsm file");
                continue;
            }
            rels.push_back(&rel);
        }
        std::vector<std::pair<const CarriedChartSheet*, std::string>> chart_sheets;
        for (const CarriedChartSheet& cs : book_.chart_sheets) {
            rels.push_back(&cs.rel);
            chart_sheets.emplace_back(
                &cs, cs.after.empty() || model_.sheet(cs.after) ? cs.after : std::string("\x01"));
        }
        auto refused = std::make_shared<std::vector<std::string>>();
        if (!elements.empty() || !exts.empty() || !chart_sheets.empty()) {
            patches_.edit_part(
                "xl/workbook.xml",
                [elements, exts, chart_sheets, refused](std::string& xml) {
                    auto from = xml.find("<workbook");
                    if (from == std::string::npos) return false;
                    for (const CarriedElement* e : elements)
                        if (!insert_in_order(xml, workbook_order, e->name, e->xml, from,
                                             "</workbook>"))
                            return false;
                    for (const auto& [cs, after] : chart_sheets)
                        if (!insert_chart_sheet(xml, *cs, after)) return false;
                    return insert_exts(xml, exts, from, workbook_order, "</workbook>", *refused);
                },
                {"xl/workbook.xml", "", "external links, pivot caches, chart sheets, slicers"});
        }
        add_rels("xl/workbook.xml", rels);
        std::vector<const CarriedRel*> package;
        for (const CarriedRel& rel : book_.package_rels) package.push_back(&rel);
        add_rels("", package);
        refusals_.push_back({"xl/workbook.xml", refused, std::make_shared<bool>(false)});
    }

    // A chart sheet into <sheets> after `after` (first when empty, last when "\x01"); the
    // sheet indexes of local names and of the active tab after it move up by one.
    static bool insert_chart_sheet(std::string& xml, const CarriedChartSheet& cs,
                                   const std::string& after) {
        auto sheets = xml.find("<sheets>");
        auto sheets_end = xml.find("</sheets>");
        if (sheets == std::string::npos || sheets_end == std::string::npos) return false;
        std::size_t at = sheets + 8;
        int position = 0, count = 0;
        for (auto s = xml.find("<sheet ", sheets); s < sheets_end; s = xml.find("<sheet ", s + 1))
            ++count;
        if (after == "\x01") {
            at = sheets_end;
            position = count;
        } else if (!after.empty()) {
            std::string tag = "<sheet name=\"" + xml_escape(after) + "\"";
            auto s = xml.find(tag, sheets);
            if (s == std::string::npos || s > sheets_end) {
                at = sheets_end;
                position = count;
            } else {
                at = xml.find("/>", s) + 2;
                for (auto p = xml.find("<sheet ", sheets); p <= s; p = xml.find("<sheet ", p + 1))
                    ++position;
            }
        }
        std::string tag = "<sheet name=\"" + xml_escape(cs.name) + "\" sheetId=\"" +
                          std::to_string(1000 + count) + "\"" +
                          (cs.hidden ? " state=\"hidden\"" : "") + " r:id=\"" + cs.rel.id + "\"/>";
        // Indexes at or after the new sheet's position, outside <sheets>.
        for (const std::string attribute : {"localSheetId=\"", "activeTab=\"", "firstSheet=\""}) {
            for (auto p = xml.find(attribute); p != std::string::npos;
                 p = xml.find(attribute, p + 1)) {
                auto start = p + attribute.size();
                auto end = xml.find('"', start);
                int value = std::atoi(xml.substr(start, end - start).c_str());
                if (value >= position) xml.replace(start, end - start, std::to_string(value + 1));
            }
        }
        xml.insert(at, tag);
        return true;
    }

    // Every part named so far, and those its relationships reach, with their .rels.
    void copy_parts() {
        std::string overrides;
        while (!pending_.empty()) {
            std::string source = pending_.back();
            pending_.pop_back();
            const CarriedPart& part = book_.parts.at(source);
            const std::string name = name_of(source);
            std::string rels;
            for (const CarriedRel& rel : part.rels) {
                std::string target = target_of(rel);
                if (!target.empty()) rels += relationship(rel, target);
            }
            if (part.content_type.ends_with("drawingml.chart+xml"))
                patches_.add_part(name, refresh_chart_caches(part.bytes, model_));
            else
                patches_.add_part(name, part.bytes);
            if (!rels.empty())
                patches_.add_part(rels_part_for(name),
                                  std::string(rels_head) + rels + "</Relationships>");
            overrides += "<Override PartName=\"/" + xml_escape(name) + "\" ContentType=\"" +
                         xml_escape(part.content_type) + "\"/>";
        }
        if (overrides.empty()) return;
        patches_.edit_part("[Content_Types].xml",
                           [overrides](std::string& xml) {
                               auto at = xml.rfind("</Types>");
                               if (at == std::string::npos) return false;
                               xml.insert(at, overrides);
                               return true;
                           },
                           {"[Content_Types].xml", "", "content types of carried parts"});
    }

public:
    // After the patches ran: what a sheet or the workbook could not take.
    void report() {
        for (const auto& r : refusals_) {
            for (const std::string& uri : *r.refused)
                drops_.add(r.scope, "", "extLst content written by both (" + uri + ")");
            if (*r.drawing)
                drops_.add(r.scope, "", "charts and shapes of a sheet that also has a new chart");
        }
    }

private:
    struct Refusal {
        std::string scope;
        std::shared_ptr<std::vector<std::string>> refused;
        std::shared_ptr<bool> drawing;
    };

    const Workbook& model_;
    const CarriedBook& book_;
    std::set<std::string> present_;
    bool macro_enabled_;
    Patches& patches_;
    Drops& drops_;
    std::set<std::string> taken_;
    std::map<std::string, std::string> names_;
    std::vector<std::string> pending_;
    std::vector<Refusal> refusals_;
};

}  // namespace

std::function<void()> carry_parts(const Workbook& model, const fs::path& zip, bool macro_enabled,
                                  Patches& patches, Drops& drops) {
    if (!model.carried) return [] {};
    std::set<std::string> present = zip_part_names(zip);
    auto carry =
        std::make_shared<Carry>(model, *model.carried, present, macro_enabled, patches, drops);
    carry->run();
    return [carry] { carry->report(); };
}

}  // namespace kinerja::write_detail
