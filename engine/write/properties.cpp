// Document properties (docProps/core.xml and app.xml).
#include <ctime>
#include <optional>

#include "write/detail.hpp"
#include "write/patches.hpp"

namespace kinerja::write_detail {

namespace {

const char* const core_part = "docProps/core.xml";
constexpr std::time_t fixed_created = 946684800;  // 2000-01-01T00:00:00Z

// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool read_number(std::string_view text, std::size_t& at, std::size_t digits, int& value) {
    if (at + digits > text.size()) return false;
    value = 0;
    for (std::size_t i = 0; i < digits; ++i) {
        char c = text[at + i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    at += digits;
    return true;
}

bool expect(std::string_view text, std::size_t& at, char c) {
    if (at >= text.size() || text[at] != c) return false;
    ++at;
    return true;
}

// W3CDTF as in core.xml: 2024-01-05T08:00:00Z, with optional fraction and offset.
std::optional<std::time_t> parse_w3cdtf(std::string_view text) {
    std::size_t at = 0;
    int y, mo, d, h = 0, mi = 0, s = 0;
    if (!read_number(text, at, 4, y) || !expect(text, at, '-') || !read_number(text, at, 2, mo) ||
        !expect(text, at, '-') || !read_number(text, at, 2, d))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
    std::int64_t offset = 0;
    if (at < text.size()) {
        if (!expect(text, at, 'T') || !read_number(text, at, 2, h) || !expect(text, at, ':') ||
            !read_number(text, at, 2, mi))
            return std::nullopt;
        if (at < text.size() && text[at] == ':' && !(++at, read_number(text, at, 2, s)))
            return std::nullopt;
        if (at < text.size() && text[at] == '.')
            for (++at; at < text.size() && text[at] >= '0' && text[at] <= '9';) ++at;
        if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
            int sign = text[at++] == '-' ? -1 : 1, oh, om;
            if (!read_number(text, at, 2, oh) || !expect(text, at, ':') ||
                !read_number(text, at, 2, om))
                return std::nullopt;
            offset = sign * (oh * 3600 + om * 60);
        } else if (!expect(text, at, 'Z')) {
            return std::nullopt;
        }
        if (at != text.size() || h > 23 || mi > 59 || s > 60) return std::nullopt;
    }
    std::int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    return static_cast<std::time_t>(days * 86400 + h * 3600 + mi * 60 + s - offset);
}

std::string w3cdtf(std::time_t time) {
    std::tm utc{};
    gmtime_r(&time, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// Excel's property dialog keeps 255 characters; a longer text (a whole data field by
// mistake) is cut with an ellipsis.
constexpr std::size_t max_property_chars = 255;

// Control characters other than tab and line breaks cannot stand in XML at all, and core.xml
// has no escape for them (unlike a cell's "_xHHHH_"): each becomes a space.
void replace_control_characters(std::string& text, Drops& drops) {
    bool replaced = false;
    for (char& c : text)
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            c = ' ';
            replaced = true;
        }
    if (replaced)
        drops.add(core_part, "", "control characters in a document property written as spaces");
}

char* text_or_null(std::string& text, Drops& drops) {
    replace_control_characters(text, drops);
    if (utf8_length(text) > max_property_chars) {
        text = utf8_prefix(text, max_property_chars - 1) + "\u2026";
        drops.add(core_part, "", "document property longer than 255 characters cut");
    }
    return text.empty() ? nullptr : text.data();
}

}  // namespace

void write_properties(lxw_workbook* book, const Workbook& model, bool deterministic, Drops& drops,
                      Patches& patches) {
    DocProperties p = model.properties;  // a copy: libxlsxwriter takes char*
    lxw_doc_properties props{};
    props.title = text_or_null(p.title, drops);
    props.subject = text_or_null(p.subject, drops);
    props.author = text_or_null(p.creator, drops);
    props.manager = text_or_null(p.manager, drops);
    props.company = text_or_null(p.company, drops);
    props.category = text_or_null(p.category, drops);
    props.keywords = text_or_null(p.keywords, drops);
    props.comments = text_or_null(p.description, drops);
    text_or_null(p.last_modified_by, drops);
    std::optional<std::time_t> created;
    if (!p.created.empty()) {
        created = parse_w3cdtf(p.created);
        if (!created) drops.add(core_part, "", "creation date that is not W3CDTF");
    }
    const std::time_t now = std::time(nullptr);
    props.created = created ? *created : (deterministic ? fixed_created : now);
    // libxlsxwriter writes the author as last modifier and the creation time as
    // modification time, and formats dates with gmtime(), whose buffer another
    // thread writing a workbook may change under it. So the dates are patched,
    // whatever libxlsxwriter wrote.
    if (p.last_modified_by != p.creator)
        patches.core_text("cp:lastModifiedBy", p.last_modified_by,
                          {core_part, "", "last modified by (written as the creator)"});
    // A model without dates (made in code, or from a file without them) stays so
    // when the output must be reproducible; otherwise the file is modified now.
    std::string modified = deterministic ? p.modified : w3cdtf(now);
    if (!modified.empty() && !parse_w3cdtf(modified)) {
        drops.add(core_part, "", "modification date that is not W3CDTF");
        modified.clear();
    }
    if (deterministic && p.created.empty())
        patches.core_remove("dcterms:created", {core_part, "", "creation date (written as 2000)"});
    else
        patches.core_text("dcterms:created", w3cdtf(props.created),
                          {core_part, "", "creation date (written by libxlsxwriter)"});
    if (modified.empty())
        patches.core_remove("dcterms:modified",
                            {core_part, "", "modification date (written as the creation date)"});
    else
        patches.core_text("dcterms:modified", modified,
                          {core_part, "", "modification date (written as the creation date)"});
    lxw_error error = workbook_set_properties(book, &props);
    if (error != LXW_NO_ERROR)
        drops.add(core_part, "", std::string("document properties: ") + lxw_strerror(error));
}

}  // namespace kinerja::write_detail
