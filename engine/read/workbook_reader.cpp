// read_workbook: opens the package and reads its parts in dependency order:
// workbook -> theme -> styles -> shared strings -> sheets (+ their parts) -> properties.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <limits>

#include "read/carry.hpp"
#include "read/dropped_parts.hpp"
#include "read/read.hpp"
#include "read/relationships.hpp"
#include "read/sheet_parts.hpp"
#include "read/sheet_reader.hpp"
#include "read/styles.hpp"
#include "read/text.hpp"
#include "read/xml_stream.hpp"

namespace kinerja {

namespace read_detail {
void read_properties(ZipArchive& zip, const Relationships& root, std::uint64_t max_bytes,
                     std::vector<std::string>& consumed, Workbook& wb);
}  // namespace read_detail

namespace {

using namespace kinerja::read_detail;

Message msg_no_sheets() {
    return {
        "Buku kerja tidak memiliki lembar kerja. Buka di Excel, tambahkan lembar, lalu simpan "
        "lagi.",
        "The workbook has no worksheets. Open it in Excel, add a sheet, and save it again."};
}

Message msg_sheet_missing(const std::string& sheet) {
    return {"Lembar \"" + sheet +
                "\" tercantum di buku kerja tetapi isinya tidak ada di dalam berkas. "
                "Berkas rusak; buka di Excel dan simpan lagi.",
            "The sheet \"" + sheet +
                "\" is listed in the workbook but its part is missing from the "
                "file. The file is damaged; open it in Excel and save it again."};
}

Message msg_too_many_sheets(std::uint32_t limit) {
    return {"Terlalu banyak lembar kerja (batas " + std::to_string(limit) + ").",
            "Too many sheets (limit " + std::to_string(limit) + ")."};
}

// An element's attributes by local name, namespace declarations left out; absent stays empty.
PartProtection verbatim(pugi::xml_node element) {
    PartProtection kept;
    if (!element) return kept;
    kept.present = true;
    for (pugi::xml_attribute a = element.first_attribute(); a; a = a.next_attribute())
        if (std::string_view(a.name()).rfind("xmlns", 0) != 0)
            kept.attributes.emplace_back(std::string(local_name(a.name())), a.value());
    return kept;
}

int to_int(std::string_view text, int fallback) {
    int value = fallback;
    text = trim(text);
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() ? value : fallback;
}

class WorkbookReader {
public:
    WorkbookReader(ZipArchive& zip, const ReadLimits& limits)
        : zip_(zip),
          limits_(limits),
          parts_{zip, limits.max_tree_part_bytes, consumed_, wb_.dropped, {}},
          carrier_(zip, limits.max_tree_part_bytes, consumed_) {}

    Workbook run() {
        Relationships root = rels_of("");
        std::string workbook_part = find_workbook(root);
        pugi::xml_document doc = tree(workbook_part);
        pugi::xml_node workbook = child(doc, "workbook");
        Relationships rels = rels_of(workbook_part);

        pugi::xml_node pr = child(workbook, "workbookPr");
        wb_.date1904 = flag_value(attr(pr, "date1904").as_string(), false);
        wb_.protection = verbatim(child(workbook, "workbookProtection"));
        wb_.file_sharing = verbatim(child(workbook, "fileSharing"));

        if (auto* theme = rels.first_of_type("theme"); theme && zip_.contains(theme->target)) {
            colors_.load_theme(child(tree(theme->target), "theme"));
            // Kept for the output unless it has parts of its own (a picture fill), which the
            // writer would have to carry along: then libxlsxwriter's default theme stays.
            if (rels_of(theme->target).list.empty())
                wb_.theme = std::make_shared<const std::string>(zip_.read(theme->target));
        }
        if (auto* styles = rels.first_of_type("styles"); styles && zip_.contains(styles->target)) {
            read_styles(child(tree(styles->target), "styleSheet"), colors_, limits_.max_styles,
                        zip_.source(), styles->target, styles_);
        }
        // The file's first cell format is the workbook's default ("Normal") style.
        wb_.styles.front() = styles_.xfs.front();
        if (auto* sst = rels.first_of_type("sharedStrings"); sst && zip_.contains(sst->target)) {
            consumed_.push_back(sst->target);
            read_shared_strings(zip_, sst->target, colors_, limits_.max_shared_strings, strings_);
        }

        read_sheets(workbook, workbook_part, rels);
        read_names(workbook);
        read_properties(zip_, root, limits_.max_tree_part_bytes, consumed_, wb_);
        carrier_.workbook(workbook_part, rels, root);
        if (styles_.had_gradient)
            wb_.dropped.push_back({"xl/styles.xml", "gradient fill (kept as its first colour)"});
        record_unread_parts(zip_, limits_.max_tree_part_bytes, consumed_, wb_.dropped);
        carrier_.finish(wb_);
        return std::move(wb_);
    }

private:
    Relationships rels_of(std::string_view part) {
        return read_relationships(zip_, part, limits_.max_tree_part_bytes, &consumed_);
    }

    pugi::xml_document tree(const std::string& part) {
        consumed_.push_back(part);
        return parse_tree(zip_, part, limits_.max_tree_part_bytes);
    }

    std::string find_workbook(const Relationships& root) {
        if (auto* office = root.first_of_type("officeDocument");
            office && zip_.contains(office->target))
            return *zip_.locate(office->target);
        if (auto found = zip_.locate("xl/workbook.xml")) return *found;
        zip_.source().fail("xl/workbook.xml", msg_missing_part("xl/workbook.xml"));
    }

    void read_sheets(pugi::xml_node workbook, const std::string& workbook_part,
                     const Relationships& rels) {
        int position = 0;
        for_each_child(child(workbook, "sheets"), "sheet", [&](pugi::xml_node node) {
            int index = position++;
            if (wb_.sheets.size() >= limits_.max_sheets)
                zip_.source().fail(workbook_part, msg_too_many_sheets(limits_.max_sheets));
            std::string name = attr(node, "name").as_string();
            const Relationship* rel = rels.by_id(attr(node, "id").as_string());
            if (!rel) zip_.source().fail(workbook_part, msg_sheet_missing(name));
            if (rel->type != "worksheet") {
                std::string kind = rel->type == "chartsheet"    ? "chartsheet"
                                   : rel->type == "dialogsheet" ? "dialog sheet"
                                                                : "macro sheet";
                wb_.dropped.push_back({rel->target, kind + " \"" + name + "\""});
                consumed_.push_back(rel->target);
                if (rel->type == "chartsheet")
                    carrier_.chart_sheet(
                        name, wb_.sheets.empty() ? "" : wb_.sheets.back().name,
                        std::string_view(attr(node, "state").as_string()) == "hidden" ||
                            std::string_view(attr(node, "state").as_string()) == "veryHidden",
                        *rel);
                return;
            }
            if (!zip_.contains(rel->target))
                zip_.source().fail(rel->target, msg_sheet_missing(name));
            sheet_index_[index] = static_cast<int>(wb_.sheets.size());
            wb_.sheets.emplace_back();
            Sheet& sheet = wb_.sheets.back();
            sheet.name = name;
            std::string_view state = attr(node, "state").as_string();
            sheet.visibility = state == "hidden"       ? Sheet::Visibility::hidden
                               : state == "veryHidden" ? Sheet::Visibility::very_hidden
                                                       : Sheet::Visibility::visible;
            read_worksheet(rel->target, sheet);
        });
        if (wb_.sheets.empty()) zip_.source().fail(workbook_part, msg_no_sheets());
        int active = to_int(
            attr(child(child(workbook, "bookViews"), "workbookView"), "activeTab").as_string(), 0);
        auto it = sheet_index_.find(active);
        wb_.active_sheet = it == sheet_index_.end() ? 0 : static_cast<std::uint32_t>(it->second);
    }

    void read_worksheet(const std::string& part, Sheet& sheet) {
        consumed_.push_back(part);
        Relationships rels = rels_of(part);
        SheetInputs inputs{zip_.source(), limits_,       wb_,         styles_,
                           strings_,      colors_,       cell_count_, text_bytes_,
                           cell_memory_,  merged_cells_, rule_ranges_};
        SheetLinks links = read_sheet(zip_, part, sheet, inputs);

        for (const auto& link : links.hyperlinks) {
            Hyperlink h{link.where.first_row, link.where.first_col, "", link.location,
                        link.tooltip};
            if (const Relationship* rel = rels.by_id(link.rel_id)) h.url = rel->target;
            if (!h.url.empty() || !h.location.empty()) sheet.hyperlinks.push_back(std::move(h));
        }
        if (auto* comments = rels.first_of_type("comments");
            comments && zip_.contains(comments->target)) {
            read_comments(parts_, comments->target, sheet);
            const Relationship* vml = rels.by_id(links.legacy_drawing);
            if (vml && zip_.contains(vml->target))
                read_comment_visibility(parts_, vml->target, sheet);
        }
        if (const Relationship* drawing = rels.by_id(links.drawing);
            drawing && zip_.contains(drawing->target))
            read_drawing(parts_, drawing->target, sheet);
        if (const Relationship* hf = rels.by_id(links.legacy_drawing_hf)) {
            if (zip_.contains(hf->target))
                read_header_images(parts_, hf->target, sheet);
            else
                parts_.drop(part, "header/footer picture");
        }
        carrier_.worksheet(part, rels, sheet, wb_.dropped);
    }

    void read_names(pugi::xml_node workbook) {
        for_each_child(child(workbook, "definedNames"), "definedName", [&](pugi::xml_node node) {
            DefinedName name;
            name.name = attr(node, "name").as_string();
            name.formula = node.text().as_string();
            name.hidden = flag_value(attr(node, "hidden").as_string(), false);
            if (pugi::xml_attribute local = attr(node, "localSheetId")) {
                auto it = sheet_index_.find(to_int(local.as_string(), -1));
                if (it == sheet_index_.end()) return;  // scoped to a sheet the model does not keep
                name.local_sheet = it->second;
            }
            if (!name.name.empty()) wb_.names.push_back(std::move(name));
        });
    }

    ZipArchive& zip_;
    const ReadLimits& limits_;
    Workbook wb_;
    std::vector<std::string> consumed_;
    PartReader parts_;
    Carrier carrier_;
    ColorResolver colors_;
    StyleTable styles_;
    std::vector<SharedString> strings_;
    std::map<int, int> sheet_index_;  // position in workbook.xml -> index in wb_.sheets
    std::uint64_t cell_count_ = 0;
    std::uint64_t text_bytes_ = 0;
    std::uint64_t cell_memory_ = 0;
    std::uint64_t merged_cells_ = 0;
    std::uint64_t rule_ranges_ = 0;
};

}  // namespace

std::uint64_t ReadLimits::default_cell_memory_bytes() {
    std::uint64_t usable = std::numeric_limits<std::uint64_t>::max();
    long pages = sysconf(_SC_PHYS_PAGES), page_size = sysconf(_SC_PAGESIZE);
    if (pages > 0 && page_size > 0)
        usable = static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_size);
    rlimit address_space{};
    if (getrlimit(RLIMIT_AS, &address_space) == 0 && address_space.rlim_cur != RLIM_INFINITY)
        usable = std::min<std::uint64_t>(usable, address_space.rlim_cur);
    if (usable == std::numeric_limits<std::uint64_t>::max()) usable = 4ull << 30;
    return usable / 3;
}

Workbook read_workbook(const std::filesystem::path& file, const ReadLimits& limits) {
    read_detail::Source source{file.string()};
    read_detail::ZipArchive zip(file, source, limits);
    WorkbookReader reader(zip, limits);
    return reader.run();
}

Workbook read_workbook(std::string_view bytes, const std::string& name, const ReadLimits& limits) {
    read_detail::Source source{name};
    read_detail::ZipArchive zip(bytes, source, limits);
    WorkbookReader reader(zip, limits);
    return reader.run();
}

}  // namespace kinerja
