// Internal to the reader: XML parts as an event stream (expat) or, for small
// parts, as a tree (pugixml). Both refuse DTDs and entity declarations.
#pragma once

#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "read/zip_archive.hpp"

namespace kinerja::read_detail {

// The namespaces the reader tells apart. Transitional and Strict spellings map to
// the same value; elements without a namespace count as `main`.
enum class Ns : std::uint8_t { main, rel, x14, xm, mc, other };

// Attributes of one start tag, looked up by local name (prefixes ignored).
class XmlAttrs {
public:
    explicit XmlAttrs(const char** raw) : raw_(raw) {}
    // The value, or empty when absent. Use has() to tell empty from absent.
    std::string_view get(std::string_view local) const;
    bool has(std::string_view local) const;
    const char* find(std::string_view local) const;
    // Every attribute as (local name, value), in the tag's order.
    std::vector<std::pair<std::string, std::string>> all() const;
    // Finds several attributes in one pass over the element's attributes (the hot
    // path of a sheet: every cell asks for r, s and t). `values[i]` is set to the
    // value of `locals[i]`, or null when absent.
    template <std::size_t N>
    void find_all(const std::string_view (&locals)[N], const char* (&values)[N]) const {
        for (auto& v : values) v = nullptr;
        for (const char** a = raw_; a && *a; a += 2) {
            std::string_view local = local_part(a[0]);
            for (std::size_t i = 0; i < N; ++i)
                if (!values[i] && local == locals[i]) values[i] = a[1];
        }
    }

private:
    static std::string_view local_part(const char* name);
    const char** raw_;
};

class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    virtual void start(Ns ns, std::string_view name, const XmlAttrs& attrs) = 0;
    virtual void end(Ns ns, std::string_view name) = 0;
    // Character data, possibly split into several calls.
    virtual void text(std::string_view chars) = 0;
};

// Streams `part` through expat into `handler`, with constant memory. Exceptions
// thrown by the handler stop the parse and propagate.
void parse_stream(ZipArchive& zip, const std::string& part, XmlHandler& handler);

// Small parts as a pugixml tree (about 8x the part's size in memory), after the
// tree-part size limit, the DTD refusal and the well-formedness check.
pugi::xml_document parse_tree(ZipArchive& zip, const std::string& part, std::uint64_t max_bytes);

// pugixml helpers that ignore namespace prefixes ("x:row" matches "row").
std::string_view local_name(const char* name);
pugi::xml_node child(pugi::xml_node node, std::string_view local);
pugi::xml_attribute attr(pugi::xml_node node, std::string_view local);
// All children of `node` with that local name, in order.
template <class F>
void for_each_child(pugi::xml_node node, std::string_view local, F&& f) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local_name(c.name()) == local) f(c);
}

// Every element under `root` (at any depth) with that local name. An explicit stack: a hostile
// part's nesting cannot overflow the call stack.
template <class F>
void for_each_descendant(pugi::xml_node root, std::string_view local, F&& f) {
    std::vector<pugi::xml_node> stack{root};
    while (!stack.empty()) {
        pugi::xml_node node = stack.back();
        stack.pop_back();
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
            if (c.type() == pugi::node_element) stack.push_back(c);
        if (node.type() == pugi::node_element && local_name(node.name()) == local) f(node);
    }
}

}  // namespace kinerja::read_detail
