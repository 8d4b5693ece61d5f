#include <algorithm>
#include <charconv>

#include "read/sheet_parts.hpp"
#include "read/text.hpp"
#include "read/xml_stream.hpp"

namespace kinerja::read_detail {

void PartReader::drop(std::string part, std::string what) {
    DroppedPart d{std::move(part), std::move(what)};
    if (std::find(dropped.begin(), dropped.end(), d) == dropped.end())
        dropped.push_back(std::move(d));
}

namespace {

void append_text(pugi::xml_node t, std::string& out) {
    for (pugi::xml_node n = t.first_child(); n; n = n.next_sibling())
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) out += n.value();
}

std::uint32_t to_index(pugi::xml_node node) {
    std::string_view text = trim(node.text().as_string());
    std::uint32_t value = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() ? value : max_rows;
}

}  // namespace

void read_comments(PartReader& r, const std::string& part, Sheet& sheet) {
    r.consumed.push_back(part);
    pugi::xml_document doc = parse_tree(r.zip, part, r.max_tree_bytes);
    pugi::xml_node root = child(doc, "comments");
    std::vector<std::string> authors;
    for_each_child(child(root, "authors"), "author", [&](pugi::xml_node a) {
        std::string name;
        append_text(a, name);
        authors.push_back(std::move(name));
    });
    for_each_child(child(root, "commentList"), "comment", [&](pugi::xml_node c) {
        Comment comment;
        if (!parse_cell_name(attr(c, "ref").as_string(), comment.row, comment.col)) {
            CellRange range;  // a few writers give a range; the note sits at its first cell
            if (!parse_range(attr(c, "ref").as_string(), range)) return;
            comment.row = range.first_row;
            comment.col = range.first_col;
        }
        std::size_t author = attr(c, "authorId").as_uint(0);
        if (author < authors.size()) comment.author = authors[author];
        pugi::xml_node text = child(c, "text");
        for (pugi::xml_node n = text.first_child(); n; n = n.next_sibling()) {
            std::string_view name = local_name(n.name());
            if (name == "t") append_text(n, comment.text);
            if (name == "r") append_text(child(n, "t"), comment.text);
        }
        decode_escapes(comment.text);
        sheet.comments.push_back(std::move(comment));
    });
}

void read_comment_visibility(PartReader& r, const std::string& part, Sheet& sheet) {
    r.consumed.push_back(part);
    pugi::xml_document doc;
    try {
        doc = parse_tree(r.zip, part, r.max_tree_bytes);
    } catch (const InputError&) {
        return;
    }
    // <v:shape> ... <x:ClientData
    // ObjectType="Note"><x:Row>0</x:Row><x:Column>1</x:Column><x:Visible/>
    for_each_descendant(doc, "ClientData", [&](pugi::xml_node node) {
        std::string_view type = attr(node, "ObjectType").as_string();
        if (type != "Note") {
            r.drop(part, "form control");
            return;
        }
        if (!child(node, "Visible")) return;
        std::uint32_t row = to_index(child(node, "Row")), col = to_index(child(node, "Column"));
        for (auto& comment : sheet.comments)
            if (comment.row == row && comment.col == col) comment.visible = true;
    });
}

}  // namespace kinerja::read_detail
