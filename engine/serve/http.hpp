// A request and its answer as the routes see them: plain data, no HTTP library. The
// plumbing (http_server.cpp, Boost.Beast) turns bytes into these and these into bytes.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/message.hpp"

namespace kinerja::serve_detail {

struct Request {
    std::string method;  // "GET", "POST", ...
    std::string target;  // as sent: "/api/v1/fill?grafik=1"
    std::string path;    // percent-decoded, without the query: "/api/v1/fill"
    std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
    std::map<std::string, std::string> headers;              // names in lower case
    std::string body;

    // The header's value, "" when absent.
    std::string header(const std::string& lower_name) const;
    // The last value of a query parameter, nullopt when absent.
    std::optional<std::string> param(std::string_view name) const;
    // A yes/no parameter: "1", "true", "ya", "yes", "on" or present without a value.
    bool flag(std::string_view name) const;
    Lang lang() const;  // ?lang=en, else Indonesian
};

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;  // besides the common ones
    std::string body;
    // Server-Sent Events: when set, the headers go first and then, about every
    // `event_interval_ms`, the text this returns; nullopt ends the stream.
    std::function<std::optional<std::string>()> events;
    int event_interval_ms = 500;
};

// Fills `request` from a target: path decoded, query split and decoded. False when the
// target is not an absolute path or its percent-encoding is malformed.
bool parse_target(Request& request);

// One part of a multipart/form-data body.
struct FormPart {
    std::string name, filename, content_type, body;
};
// Splits a multipart/form-data body by the boundary named in `content_type`. nullopt when
// the body is not well-formed multipart.
std::optional<std::vector<FormPart>> parse_multipart(std::string_view content_type,
                                                     std::string_view body);

// JSON text safe to show anywhere: '<', '>' and '&' written as \u003c, \u003e, \u0026
// (JSON allows it; only strings can hold them), bytes that are not UTF-8 replaced.
std::string safe_json(std::string text);

}  // namespace kinerja::serve_detail
