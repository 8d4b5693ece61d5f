#include "read/xml_stream.hpp"

#include <expat.h>

#include <cstring>
#include <exception>
#include <memory>
#include <vector>

#include "read/text.hpp"

namespace kinerja::read_detail {

namespace {

constexpr char ns_separator = '\x01';

std::string_view after_separator(const char* name) {
    const char* sep = std::strrchr(name, ns_separator);
    return sep ? std::string_view(sep + 1) : std::string_view(name);
}

Ns classify(std::string_view uri) {
    if (uri.empty() || uri == "http://schemas.openxmlformats.org/spreadsheetml/2006/main" ||
        uri == "http://purl.oclc.org/ooxml/spreadsheetml/main")
        return Ns::main;
    if (uri == "http://schemas.openxmlformats.org/officeDocument/2006/relationships" ||
        uri == "http://purl.oclc.org/ooxml/officeDocument/relationships")
        return Ns::rel;
    if (uri == "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main") return Ns::x14;
    if (uri == "http://schemas.microsoft.com/office/excel/2006/main") return Ns::xm;
    if (uri == "http://schemas.openxmlformats.org/markup-compatibility/2006") return Ns::mc;
    return Ns::other;
}

// The main namespace as expat joins it to a local name: nearly every element of a
// sheet, recognised without scanning the name twice (strrchr, then strlen).
constexpr std::string_view main_prefix =
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main\x01";

void split(const char* name, Ns& ns, std::string_view& local) {
    if (std::strncmp(name, main_prefix.data(), main_prefix.size()) == 0) {
        ns = Ns::main;
        local = name + main_prefix.size();
        return;
    }
    const char* sep = std::strrchr(name, ns_separator);
    if (!sep) {
        ns = Ns::main;
        local = name;
        return;
    }
    ns = classify(std::string_view(name, static_cast<std::size_t>(sep - name)));
    local = sep + 1;
}

// State shared with the expat callbacks.
struct Context {
    XML_Parser parser = nullptr;
    XmlHandler* handler = nullptr;
    std::exception_ptr error;
    bool refused_dtd = false;
};

void stop_with(Context& ctx, std::exception_ptr error) {
    if (!ctx.error) ctx.error = std::move(error);
    XML_StopParser(ctx.parser, XML_FALSE);
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
    auto& ctx = *static_cast<Context*>(data);
    try {
        Ns ns;
        std::string_view local;
        split(name, ns, local);
        ctx.handler->start(ns, local, XmlAttrs(attrs));
    } catch (...) {
        stop_with(ctx, std::current_exception());
    }
}

void XMLCALL on_end(void* data, const XML_Char* name) {
    auto& ctx = *static_cast<Context*>(data);
    try {
        Ns ns;
        std::string_view local;
        split(name, ns, local);
        ctx.handler->end(ns, local);
    } catch (...) {
        stop_with(ctx, std::current_exception());
    }
}

void XMLCALL on_text(void* data, const XML_Char* chars, int len) {
    auto& ctx = *static_cast<Context*>(data);
    try {
        ctx.handler->text(std::string_view(chars, static_cast<std::size_t>(len)));
    } catch (...) {
        stop_with(ctx, std::current_exception());
    }
}

void refuse(Context& ctx) {
    ctx.refused_dtd = true;
    XML_StopParser(ctx.parser, XML_FALSE);
}

void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    refuse(*static_cast<Context*>(data));
}

void XMLCALL on_entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                       const XML_Char*, const XML_Char*, const XML_Char*) {
    refuse(*static_cast<Context*>(data));
}

std::uint64_t line_of(std::string_view text, std::size_t offset) {
    std::uint64_t line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') ++line;
    return line;
}

// pugixml takes any bytes and any character reference (&#1;), which expat refuses:
// every name and value in the tree must be UTF-8 made of XML characters, or the
// writer would pass them on into a file Excel calls corrupt.
void check_text(ZipArchive& zip, const std::string& part, std::string_view text,
                const pugi::xml_document& doc) {
    // A node's offset is where its name or text starts; an attribute has none of its own.
    auto check = [&](const char* value, pugi::xml_node at, bool inside) {
        if (auto bad = find_bad_xml_char(value)) {
            std::ptrdiff_t start = at.offset_debug();
            std::size_t offset = start < 0 ? 0 : static_cast<std::size_t>(start);
            if (inside && start >= 0) offset += bad->offset;
            zip.source().fail(part, msg_bad_text(bad->shown, line_of(text, offset)));
        }
    };
    std::vector<pugi::xml_node> stack{doc};
    while (!stack.empty()) {
        pugi::xml_node node = stack.back();
        stack.pop_back();
        check(node.name(), node, true);
        check(node.value(), node, true);
        for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
            check(a.name(), node, false);
            check(a.value(), node, false);
        }
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) stack.push_back(c);
    }
}

}  // namespace

std::string_view XmlAttrs::local_part(const char* name) {
    return after_separator(name);
}

const char* XmlAttrs::find(std::string_view local) const {
    for (const char** a = raw_; a && *a; a += 2)
        if (after_separator(a[0]) == local) return a[1];
    return nullptr;
}

std::string_view XmlAttrs::get(std::string_view local) const {
    const char* value = find(local);
    return value ? std::string_view(value) : std::string_view();
}

bool XmlAttrs::has(std::string_view local) const {
    return find(local) != nullptr;
}

std::vector<std::pair<std::string, std::string>> XmlAttrs::all() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const char** a = raw_; a && *a; a += 2)
        out.emplace_back(std::string(after_separator(a[0])), std::string(a[1]));
    return out;
}

void parse_stream(ZipArchive& zip, const std::string& part, XmlHandler& handler) {
    std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser(
        XML_ParserCreateNS(nullptr, ns_separator), XML_ParserFree);
    Context ctx;
    ctx.parser = parser.get();
    ctx.handler = &handler;
    XML_SetUserData(parser.get(), &ctx);
    XML_SetElementHandler(parser.get(), on_start, on_end);
    XML_SetCharacterDataHandler(parser.get(), on_text);
    XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
    XML_SetEntityDeclHandler(parser.get(), on_entity);
    XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);

    auto check = [&](XML_Status status) {
        if (ctx.error) std::rethrow_exception(ctx.error);
        if (ctx.refused_dtd) zip.source().fail(part, msg_dtd());
        if (status != XML_STATUS_OK) {
            zip.source().fail(part, msg_malformed_xml(XML_ErrorString(XML_GetErrorCode(ctx.parser)),
                                                      XML_GetCurrentLineNumber(ctx.parser)));
        }
    };
    zip.stream(part, [&](const char* data, std::size_t size) {
        check(XML_Parse(ctx.parser, data, static_cast<int>(size), XML_FALSE));
    });
    check(XML_Parse(ctx.parser, nullptr, 0, XML_TRUE));
}

pugi::xml_document parse_tree(ZipArchive& zip, const std::string& part, std::uint64_t max_bytes) {
    if (zip.declared_size(part) > max_bytes) zip.source().fail(part, msg_part_too_large(max_bytes));
    std::string text = zip.read(part);
    if (text.size() > max_bytes) zip.source().fail(part, msg_part_too_large(max_bytes));
    pugi::xml_document doc;
    unsigned options = pugi::parse_default | pugi::parse_doctype | pugi::parse_ws_pcdata_single;
    pugi::xml_parse_result result = doc.load_buffer(text.data(), text.size(), options);
    if (!result) {
        zip.source().fail(
            part, msg_malformed_xml(result.description(),
                                    line_of(text, static_cast<std::size_t>(result.offset))));
    }
    for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling())
        if (n.type() == pugi::node_doctype) zip.source().fail(part, msg_dtd());
    check_text(zip, part, text, doc);
    return doc;
}

std::string_view local_name(const char* name) {
    const char* colon = std::strrchr(name, ':');
    return colon ? std::string_view(colon + 1) : std::string_view(name);
}

pugi::xml_node child(pugi::xml_node node, std::string_view local) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local_name(c.name()) == local) return c;
    return {};
}

pugi::xml_attribute attr(pugi::xml_node node, std::string_view local) {
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
        if (local_name(a.name()) == local) return a;
    return {};
}

}  // namespace kinerja::read_detail
