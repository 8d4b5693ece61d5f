// Which differences the writer's report of dropped parts accounts for.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "roundtrip/compare.hpp"

namespace kinerja::test {

namespace {

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Words in a report's `what` that name each area of the comparison.
bool names_area(const std::string& what, const std::string& area) {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> words = {
        {"cell", {"cell", "rich", "formula", "string", "value", "error", "number"}},
        {"row", {"row"}},
        {"column", {"column"}},
        {"merge", {"merge"}},
        {"view", {"view", "pane", "zoom", "gridline", "right-to-left"}},
        {"autofilter", {"filter"}},
        {"validation", {"validation"}},
        {"conditional format", {"conditional"}},
        {"comment", {"comment", "note"}},
        {"hyperlink", {"hyperlink", "link"}},
        {"image", {"image", "picture"}},
        {"page setup", {"page", "print", "header", "footer", "margin", "paper"}},
        {"defined name", {"name", "print area", "print titles"}},
        {"properties", {"propert"}},
        {"sheet", {"sheet", "tab", "visib", "hidden"}},
    };
    std::string w = lower(what);
    for (const auto& [name, list] : words)
        if (name == area)
            return std::any_of(list.begin(), list.end(), [&](const std::string& word) {
                return w.find(word) != std::string::npos;
            });
    return false;
}

struct Report {
    std::string scope, location, what;
    std::size_t count = 1;
};

// "Sheet!B5 (+2 more)" -> scope "Sheet", location "B5", count 3.
Report parse(const DroppedPart& part) {
    Report r;
    r.what = part.what;
    std::string text = part.part;
    auto more = text.rfind(" (+");
    if (more != std::string::npos && text.size() > more + 3 && text.back() == ')') {
        r.count = 1 + std::stoul(text.substr(more + 3));
        text.resize(more);
    }
    auto bang = text.rfind('!');
    r.scope = bang == std::string::npos ? text : text.substr(0, bang);
    if (bang != std::string::npos) r.location = text.substr(bang + 1);
    return r;
}

bool at_location(const Difference& d, const std::string& location) {
    if (location.empty() || d.where == location) return true;
    auto ends_with =
        d.where.size() > location.size() && d.where.compare(d.where.size() - location.size() - 1,
                                                            std::string::npos, " " + location) == 0;
    return ends_with || d.where.rfind(location + " ", 0) == 0;
}

// What kind of difference this is: the same field, and for values the same change
// of kind ("error" to "text"), as the one at the place a report names.
std::string kind_of(const Difference& d) {
    auto first_word = [](const std::string& s) {
        std::string word = s.substr(0, s.find(' '));
        return word == "TRUE" || word == "FALSE" ? std::string("boolean") : word;
    };
    std::string kind = d.area + "|" + d.field;
    if (d.field == "value") kind += "|" + first_word(d.expected) + "|" + first_word(d.got);
    return kind;
}

// "1904 date system converted to 1900 (date cells moved by 1462 days)": the flag,
// and numbers that moved by exactly those days.
bool moved_to_1900(const Difference& d) {
    if (d.area == "workbook" && d.field == "date1904") return true;
    if (d.field != "value" || d.expected.rfind("number ", 0) != 0 || d.got.rfind("number ", 0) != 0)
        return false;
    double before = std::stod(d.expected.substr(7)), after = std::stod(d.got.substr(7));
    return std::fabs(after - before - 1462) < 1e-9;
}

}  // namespace

std::vector<Difference> unexcused(const std::vector<Difference>& differences,
                                  const std::vector<DroppedPart>& reported) {
    std::vector<bool> excused(differences.size(), false);
    struct Claim {
        Report report;
        std::vector<std::size_t> candidates;  // same area and kind as at the named place
        std::set<std::string> places;
    };
    std::vector<Claim> claims;
    // First every report excuses the place it names, so that the unnamed "+N more"
    // places of one report cannot use up another report's named place.
    for (const auto& part : reported) {
        Report report = parse(part);
        if (lower(report.what).find("1904") != std::string::npos) {
            for (std::size_t i = 0; i < differences.size(); ++i)
                if (moved_to_1900(differences[i])) excused[i] = true;
            continue;
        }
        std::vector<std::size_t> matching;
        for (std::size_t i = 0; i < differences.size(); ++i) {
            const Difference& d = differences[i];
            bool workbook_part = d.sheet.empty() && report.scope.find('/') != std::string::npos;
            if ((d.sheet == report.scope || workbook_part) && names_area(report.what, d.area))
                matching.push_back(i);
        }
        auto anchor = std::find_if(matching.begin(), matching.end(), [&](std::size_t i) {
            return at_location(differences[i], report.location);
        });
        if (anchor == matching.end()) continue;  // the named place has no difference
        Claim claim{report, {}, {differences[*anchor].where}};
        // A place may also differ in ways the report does not speak of (its style).
        bool about_style = false;
        for (const char* word : {"style", "font", "fill", "border", "format", "alignment"})
            about_style = about_style || lower(report.what).find(word) != std::string::npos;
        std::set<std::string> kinds;
        for (std::size_t i : matching)
            if (differences[i].where == differences[*anchor].where &&
                (about_style || differences[i].field.find("style.") == std::string::npos))
                kinds.insert(kind_of(differences[i]));
        for (std::size_t i : matching) {
            if (!kinds.count(kind_of(differences[i]))) continue;
            if (differences[i].where == differences[*anchor].where)
                excused[i] = true;
            else
                claim.candidates.push_back(i);
        }
        claims.push_back(std::move(claim));
    }
    // Then each report excuses at most `count` places in all, among those left.
    for (auto& claim : claims)
        for (std::size_t i : claim.candidates) {
            if (excused[i]) continue;
            const std::string& where = differences[i].where;
            if (!claim.places.count(where) && claim.places.size() == claim.report.count) continue;
            claim.places.insert(where);
            excused[i] = true;
        }
    std::vector<Difference> left;
    for (std::size_t i = 0; i < differences.size(); ++i)
        if (!excused[i]) left.push_back(differences[i]);
    return left;
}

std::string describe_all(const std::vector<Difference>& differences, std::size_t limit) {
    std::string text;
    for (std::size_t i = 0; i < differences.size() && i < limit; ++i)
        text += "  " + differences[i].describe() + "\n";
    if (differences.size() > limit)
        text += "  ... and " + std::to_string(differences.size() - limit) + " more\n";
    return text;
}

}  // namespace kinerja::test
