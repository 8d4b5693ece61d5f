// JSON text for reports: never throws on the text it carries.
#pragma once

#include <string>

namespace kinerja {

// `doc` (an nlohmann::json or ordered_json) as text, `indent` spaces deep (-1: one
// line). Bytes that are not UTF-8 become U+FFFD instead of aborting the whole report:
// the reader refuses such text, but a file name or a data field may still carry it.
template <class Json>
std::string json_text(const Json& doc, int indent = -1) {
    return doc.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace kinerja
