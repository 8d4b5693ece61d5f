#include "read/dropped_parts.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

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

}  // namespace

void record_unread_parts(const std::vector<std::string>& names, std::vector<std::string> consumed,
                         std::vector<DroppedPart>& dropped) {
    std::sort(consumed.begin(), consumed.end());
    for (const auto& name : names) {
        if (std::binary_search(consumed.begin(), consumed.end(), name)) continue;
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
        DroppedPart d{name, std::string(what)};
        if (std::find(dropped.begin(), dropped.end(), d) == dropped.end())
            dropped.push_back(std::move(d));
    }
}

}  // namespace kinerja::read_detail
