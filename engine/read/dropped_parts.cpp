#include "read/dropped_parts.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>
#include <utility>

#include "read/relationships.hpp"

namespace kinerja::read_detail {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// Bookkeeping and leftovers: nothing a person would miss once the workbook is rewritten.
constexpr std::array<std::string_view, 16> quiet_prefixes = {"[content_types].xml",
                                                             "xl/calcchain.xml",
                                                             "xl/printersettings/",
                                                             "docprops/thumbnail",
                                                             "xl/theme/",
                                                             "xl/persons/",
                                                             "xl/media/",
                                                             "xl/charts/style",
                                                             "xl/charts/colors",
                                                             "xl/pivotcache/pivotcacherecords",
                                                             "customxml/itemprops",
                                                             "xl/drawings/",
                                                             "xl/worksheets/",
                                                             "xl/comments",
                                                             "xl/vbaprojectsignature",
                                                             "docprops/"};

// Kinds of content by part-name prefix (lower case).
constexpr std::array<std::pair<std::string_view, std::string_view>, 23> kinds = {{
    {"xl/charts/chart", "chart"},
    {"xl/chartsheets/", "chartsheet"},
    {"xl/dialogsheets/", "dialog sheet"},
    {"xl/macrosheets/", "macro sheet"},
    {"xl/pivottables/", "pivot table"},
    {"xl/pivotcache/", "pivot cache"},
    {"xl/vbaproject.bin", "VBA project"},
    {"xl/tables/", "table"},
    {"xl/querytables/", "query table"},
    {"xl/connections.xml", "data connection"},
    {"xl/externallinks/", "external link"},
    {"xl/slicers/", "slicer"},
    {"xl/slicercaches/", "slicer cache"},
    {"xl/timelines/", "timeline"},
    {"xl/timelinecaches/", "timeline cache"},
    {"xl/threadedcomments/", "threaded comment"},
    {"customxml/", "custom XML"},
    {"xl/ctrlprops/", "form control"},
    {"xl/activex/", "ActiveX control"},
    {"xl/embeddings/", "embedded object"},
    {"xl/model/", "data model"},
    {"xl/richdata/", "picture in cell (rich data)"},
    {"xl/metadata.xml", "cell metadata (dynamic arrays)"},
}};

// Every part some relationship reaches, following them from the package root.
std::set<std::string> reachable_parts(ZipArchive& zip, std::uint64_t max_rels_bytes) {
    std::set<std::string> reached;
    std::vector<std::string> pending{""};
    while (!pending.empty()) {
        std::string part = std::move(pending.back());
        pending.pop_back();
        for (const Relationship& r : read_relationships(zip, part, max_rels_bytes).list)
            if (!r.external && zip.contains(r.target) && reached.insert(r.target).second)
                pending.push_back(r.target);
    }
    return reached;
}

}  // namespace

void record_unread_parts(ZipArchive& zip, std::uint64_t max_rels_bytes,
                         std::vector<std::string> consumed, std::vector<DroppedPart>& dropped) {
    std::sort(consumed.begin(), consumed.end());
    std::set<std::string> reached = reachable_parts(zip, max_rels_bytes);
    for (const auto& name : zip.names()) {
        if (std::binary_search(consumed.begin(), consumed.end(), name) || !reached.count(name))
            continue;
        std::string key = lower(name);
        if (key.size() >= 5 && key.substr(key.size() - 5) == ".rels") continue;
        std::string_view what;
        if (key == "docprops/custom.xml") {
            what = "custom document properties";
        } else if (std::any_of(quiet_prefixes.begin(), quiet_prefixes.end(),
                               [&](std::string_view p) { return starts_with(key, p); })) {
            continue;
        } else {
            what = "unrecognised part";
            for (const auto& [prefix, kind] : kinds)
                if (starts_with(key, prefix)) what = kind;
        }
        // A sheet that named this kind already (its <controls>, <oleObjects>) says where it
        // was; the part behind it adds nothing. Sheet names never hold '/', part names do.
        bool named_by_sheet = std::any_of(dropped.begin(), dropped.end(), [&](const auto& d) {
            return d.what == what && d.part.find('/') == std::string::npos;
        });
        DroppedPart d{name, std::string(what)};
        if (!named_by_sheet && std::find(dropped.begin(), dropped.end(), d) == dropped.end())
            dropped.push_back(std::move(d));
    }
}

}  // namespace kinerja::read_detail
