#include "write/patches.hpp"

#include <charconv>

#include "write/zip_rewrite.hpp"

namespace kinerja::write_detail {

namespace {

// Parts are edited in memory; a bigger sheet keeps libxlsxwriter's version.
constexpr std::uint64_t max_edit_bytes = 512ull << 20;

std::string sheet_part_name(std::size_t sheet) {
    return "xl/worksheets/sheet" + std::to_string(sheet + 1) + ".xml";
}

// Replaces the attribute value that starts at `at` (just after the opening quote).
bool replace_value(std::string& xml, std::size_t at, const std::string& value) {
    auto end = xml.find('"', at);
    if (end == std::string::npos) return false;
    xml.replace(at, end - at, value);
    return true;
}

// Inserts `text` just after the first occurrence of `anchor`.
bool insert_after(std::string& xml, const std::string& anchor, const std::string& text) {
    auto at = xml.find(anchor);
    if (at == std::string::npos) return false;
    xml.insert(at + anchor.size(), text);
    return true;
}

}  // namespace

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string shortest_decimal(double value) {
    char text[64];
    auto [end, error] = std::to_chars(text, text + sizeof text, value);
    return error == std::errc() ? std::string(text, end) : std::string("0");
}

Patches::Part& Patches::sheet_part(std::size_t sheet) {
    return parts_[sheet_part_name(sheet)];
}

void Patches::add(const std::string& part, Edit edit, Fallback fallback) {
    parts_[part].edits.push_back({std::move(edit), std::move(fallback), false});
}

void Patches::edit_part(const std::string& part, Edit edit, Fallback fallback) {
    add(part, std::move(edit), std::move(fallback));
}

void Patches::column_width(std::size_t sheet, std::uint32_t first, std::uint32_t last, double width,
                           Fallback fallback) {
    std::string anchor = "<col min=\"" + std::to_string(first + 1) + "\" max=\"" +
                         std::to_string(last + 1) + "\" width=\"";
    std::string value = shortest_decimal(width);
    add(
        sheet_part_name(sheet),
        [anchor, value](std::string& xml) {
            auto at = xml.find(anchor);
            return at != std::string::npos && replace_value(xml, at + anchor.size(), value);
        },
        std::move(fallback));
}

void Patches::default_column_width(std::size_t sheet, std::optional<std::uint16_t> base,
                                   std::optional<double> width, Fallback fallback) {
    std::string attributes;
    if (base) attributes += "baseColWidth=\"" + std::to_string(*base) + "\" ";
    if (width) attributes += "defaultColWidth=\"" + shortest_decimal(*width) + "\" ";
    add(
        sheet_part_name(sheet),
        [attributes](std::string& xml) { return insert_after(xml, "<sheetFormatPr ", attributes); },
        std::move(fallback));
}

void Patches::top_rank(std::size_t sheet, int priority, int rank, Fallback fallback) {
    std::string anchor = " priority=\"" + std::to_string(priority) + "\"";
    std::string value = std::to_string(rank);
    add(
        sheet_part_name(sheet),
        [anchor, value](std::string& xml) {
            auto at = xml.find(anchor);
            auto tag_end = at == std::string::npos ? at : xml.find('>', at);
            auto rank_at = at == std::string::npos ? at : xml.find(" rank=\"", at);
            if (rank_at == std::string::npos || rank_at > tag_end) return false;
            return replace_value(xml, rank_at + 7, value);
        },
        std::move(fallback));
}

void Patches::icon_thresholds(std::size_t sheet, int priority, std::string cfvos,
                              Fallback fallback) {
    std::string anchor = " priority=\"" + std::to_string(priority) + "\"";
    add(
        sheet_part_name(sheet),
        [anchor, cfvos = std::move(cfvos)](std::string& xml) {
            auto at = xml.find(anchor);
            auto rule_end = at == std::string::npos ? at : xml.find("</cfRule>", at);
            auto first = at == std::string::npos ? at : xml.find("<cfvo ", at);
            auto end = at == std::string::npos ? at : xml.find("</iconSet>", at);
            if (first == std::string::npos || end == std::string::npos || end > rule_end ||
                first > end)
                return false;
            xml.replace(first, end - first, cfvos);
            return true;
        },
        std::move(fallback));
}

void Patches::filter_columns(std::size_t sheet, std::string columns, Fallback fallback) {
    add(
        sheet_part_name(sheet),
        [columns = std::move(columns)](std::string& xml) {
            auto at = xml.find("<autoFilter ");
            auto end = at == std::string::npos ? at : xml.find('>', at);
            if (end == std::string::npos) return false;
            if (xml[end - 1] == '/') {
                xml.replace(end - 1, 2, ">" + columns + "</autoFilter>");
                return true;
            }
            auto close = xml.find("</autoFilter>", end);
            if (close == std::string::npos) return false;
            // Before <sortState> and <extLst>, which follow the columns in CT_AutoFilter.
            auto sort = xml.find("<sortState", end);
            xml.insert(sort != std::string::npos && sort < close ? sort : close, columns);
            return true;
        },
        std::move(fallback));
}

void Patches::validation_sqref(std::size_t sheet, std::size_t ordinal, std::string sqref,
                               Fallback fallback) {
    auto& job = sqref_jobs_[sheet];
    if (!job) job = std::make_shared<SqrefJob>();
    job->wanted[ordinal] = std::move(sqref);
    add(
        sheet_part_name(sheet),
        [job = job, ordinal](std::string& xml) {
            if (!job->ran) job->run(xml);
            return job->done.count(ordinal) > 0;
        },
        std::move(fallback));
}

void Patches::SqrefJob::run(std::string& xml) {
    ran = true;
    const std::string element = "<dataValidation ", attribute = " sqref=\"";
    std::size_t pos = xml.find("<dataValidations ");
    for (std::size_t ordinal = 0; pos != std::string::npos; ++ordinal) {
        pos = xml.find(element, pos);
        if (pos == std::string::npos) break;
        auto tag_end = xml.find('>', pos);
        auto wanted_sqref = wanted.find(ordinal);
        auto at = xml.find(attribute, pos);
        if (wanted_sqref != wanted.end() && at < tag_end &&
            replace_value(xml, at + attribute.size(), wanted_sqref->second))
            done.insert(ordinal);
        pos += element.size();
    }
}

void Patches::validation_count(std::size_t sheet, std::size_t count, Fallback fallback) {
    std::string value = std::to_string(count);
    add(
        sheet_part_name(sheet),
        [value](std::string& xml) {
            const std::string anchor = "<dataValidations count=\"";
            auto at = xml.find(anchor);
            return at != std::string::npos && replace_value(xml, at + anchor.size(), value);
        },
        std::move(fallback));
}

void Patches::date1904(Fallback fallback) {
    add(
        "xl/workbook.xml",
        [](std::string& xml) { return insert_after(xml, "<workbookPr ", "date1904=\"1\" "); },
        std::move(fallback));
}

void Patches::very_hidden(std::size_t sheet, Fallback fallback) {
    // libxlsxwriter numbers sheets from 1 in order.
    std::string anchor = "sheetId=\"" + std::to_string(sheet + 1) + "\" state=\"";
    add(
        "xl/workbook.xml",
        [anchor](std::string& xml) {
            auto at = xml.find(anchor);
            return at != std::string::npos && replace_value(xml, at + anchor.size(), "veryHidden");
        },
        std::move(fallback));
}

void Patches::hidden_name(const std::string& name, int local_sheet, Fallback fallback) {
    std::string tag = "<definedName name=\"" + xml_escape(name) + "\"";
    if (local_sheet >= 0) tag += " localSheetId=\"" + std::to_string(local_sheet) + "\"";
    add(
        "xl/workbook.xml",
        [tag](std::string& xml) {
            auto at = xml.find(tag + ">");  // the whole tag: not a local name of the same name
            if (at == std::string::npos) return false;
            xml.insert(at + tag.size(), " hidden=\"1\"");
            return true;
        },
        std::move(fallback));
}

void Patches::core_text(const std::string& element, const std::string& text, Fallback fallback) {
    std::string open_prefix = "<" + element, close = "</" + element + ">";
    std::string value = xml_escape(text);
    add(
        "docProps/core.xml",
        [open_prefix, close, value](std::string& xml) {
            auto at = xml.find(open_prefix);
            auto content = at == std::string::npos ? at : xml.find('>', at);
            auto end = content == std::string::npos ? content : xml.find(close, content);
            if (end == std::string::npos) return false;
            xml.replace(content + 1, end - content - 1, value);
            return true;
        },
        std::move(fallback));
}

void Patches::core_remove(const std::string& element, Fallback fallback) {
    std::string open_prefix = "<" + element, close = "</" + element + ">";
    add(
        "docProps/core.xml",
        [open_prefix, close](std::string& xml) {
            auto at = xml.find(open_prefix);
            auto end = at == std::string::npos ? at : xml.find(close, at);
            if (end == std::string::npos) return false;
            xml.erase(at, end + close.size() - at);
            return true;
        },
        std::move(fallback));
}

void Patches::remove_all(const std::string& part, const std::string& text, Fallback fallback) {
    add(
        part,
        [text](std::string& xml) {
            if (xml.find(text) == std::string::npos) return true;
            std::string out;
            out.reserve(xml.size());
            std::size_t pos = 0;
            for (auto at = xml.find(text); at != std::string::npos; at = xml.find(text, pos)) {
                out.append(xml, pos, at - pos);
                pos = at + text.size();
            }
            out.append(xml, pos, std::string::npos);
            xml = std::move(out);
            return true;
        },
        std::move(fallback));
    parts_[part].edits.back().part_optional = true;
}

bool Patches::apply(const std::filesystem::path& zip, Drops& drops,
                    const std::filesystem::path& destination) {
    std::map<std::string, PartEditor> editors;
    for (auto& [name, part] : parts_) {
        Part* p = &part;
        editors[name] = [p](std::string& xml) {
            if (!p->cells.empty()) edit_cells(xml, *p);
            for (Pending& e : p->edits) e.applied = e.edit(xml);
        };
    }
    RewriteResult result = rewrite_zip(zip, editors, max_edit_bytes, destination, added_);
    for (auto& [name, part] : parts_) {
        report_cells(part, result.ok, drops);
        bool absent = result.ok && !result.present.count(name);
        for (const Pending& e : part.edits)
            if (!result.ok || (!e.applied && !(absent && e.part_optional)))
                drops.add(e.fallback.scope, e.fallback.location, e.fallback.what);
    }
    return result.ok;
}

}  // namespace kinerja::write_detail
