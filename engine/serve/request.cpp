// Reading what a client sent: the target, the query, multipart forms; and the text forms of
// the command line's options (--listen, --max-upload, --job-ttl).
#include <algorithm>
#include <cctype>
#include <charconv>

#include "serve/http.hpp"
#include "serve/serve.hpp"

namespace kinerja::serve_detail {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// %XX decoded; '+' is a space in a query. nullopt for a broken escape or a NUL byte.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            c = static_cast<char>(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus_is_space) {
            c = ' ';
        }
        if (c == '\0') return std::nullopt;
        out += c;
    }
    return out;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// The value of `key` in a header such as `form-data; name="file"; filename="a.xlsx"`.
std::string header_param(std::string_view header, std::string_view key) {
    std::size_t pos = 0;
    while (pos < header.size()) {
        std::size_t semi = header.find(';', pos);
        std::string_view item = trim(header.substr(
            pos, semi == std::string_view::npos ? std::string_view::npos : semi - pos));
        pos = semi == std::string_view::npos ? header.size() : semi + 1;
        std::size_t eq = item.find('=');
        if (eq == std::string_view::npos || lower(trim(item.substr(0, eq))) != key) continue;
        std::string_view value = trim(item.substr(eq + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
            value = value.substr(1, value.size() - 2);
        return std::string(value);
    }
    return "";
}

}  // namespace

std::string Request::header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? "" : it->second;
}

std::optional<std::string> Request::param(std::string_view name) const {
    std::optional<std::string> found;
    for (const auto& [key, value] : query)
        if (key == name) found = value;
    return found;
}

bool Request::flag(std::string_view name) const {
    auto value = param(name);
    if (!value) return false;
    std::string v = lower(*value);
    return v.empty() || v == "1" || v == "true" || v == "ya" || v == "yes" || v == "on";
}

Lang Request::lang() const {
    auto value = param("lang");
    return value && lower(*value) == "en" ? Lang::en : Lang::id;
}

bool parse_target(Request& request) {
    std::string_view target = request.target;
    if (target.empty() || target.front() != '/') return false;
    std::size_t q = target.find('?');
    auto path = percent_decode(target.substr(0, q), false);
    if (!path) return false;
    request.path = std::move(*path);
    request.query.clear();
    if (q == std::string_view::npos) return true;
    std::string_view rest = target.substr(q + 1);
    while (!rest.empty()) {
        std::size_t amp = rest.find('&');
        std::string_view item = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        if (item.empty()) continue;
        std::size_t eq = item.find('=');
        auto key = percent_decode(item.substr(0, eq), true);
        auto value = percent_decode(
            eq == std::string_view::npos ? std::string_view{} : item.substr(eq + 1), true);
        if (!key || !value) return false;
        request.query.emplace_back(std::move(*key), std::move(*value));
    }
    return true;
}

std::optional<std::vector<FormPart>> parse_multipart(std::string_view content_type,
                                                     std::string_view body) {
    if (lower(trim(content_type.substr(0, content_type.find(';')))) != "multipart/form-data")
        return std::nullopt;
    std::string boundary = header_param(content_type, "boundary");
    if (boundary.empty() || boundary.size() > 200) return std::nullopt;
    std::string delimiter = "--" + boundary;
    std::size_t pos = body.find(delimiter);
    if (pos == std::string_view::npos) return std::nullopt;
    std::vector<FormPart> parts;
    const std::string next = "\r\n" + delimiter;
    pos += delimiter.size();
    while (true) {
        if (body.substr(pos, 2) == "--") return parts;  // the closing delimiter
        if (body.substr(pos, 2) != "\r\n") return std::nullopt;
        pos += 2;
        std::size_t head_end = body.find("\r\n\r\n", pos);
        if (head_end == std::string_view::npos) return std::nullopt;
        FormPart part;
        std::string_view head = body.substr(pos, head_end - pos);
        while (!head.empty()) {
            std::size_t eol = head.find("\r\n");
            std::string_view line = head.substr(0, eol);
            head = eol == std::string_view::npos ? std::string_view{} : head.substr(eol + 2);
            std::size_t colon = line.find(':');
            if (colon == std::string_view::npos) return std::nullopt;
            std::string name = lower(trim(line.substr(0, colon)));
            std::string_view value = trim(line.substr(colon + 1));
            if (name == "content-disposition") {
                part.name = header_param(value, "name");
                part.filename = header_param(value, "filename");
            } else if (name == "content-type") {
                part.content_type = std::string(value);
            }
        }
        std::size_t data = head_end + 4;
        std::size_t end = body.find(next, data);
        if (end == std::string_view::npos) return std::nullopt;
        part.body = std::string(body.substr(data, end - data));
        parts.push_back(std::move(part));
        pos = end + next.size();
    }
}

std::string safe_json(std::string text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
        switch (c) {
            case '<':
                out += "\\u003c";
                break;
            case '>':
                out += "\\u003e";
                break;
            case '&':
                out += "\\u0026";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace kinerja::serve_detail

namespace kinerja {

namespace {

std::optional<std::uint64_t> number_of(std::string_view text) {
    std::uint64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return n;
}

}  // namespace

std::optional<ListenAddress> parse_listen(std::string_view text) {
    ListenAddress address{"127.0.0.1", 0};
    std::string_view port = text;
    if (!text.empty() && text.front() == '[') {  // [::1]:8080
        std::size_t close = text.find(']');
        if (close == std::string_view::npos || text.substr(close + 1, 1) != ":")
            return std::nullopt;
        address.host = std::string(text.substr(1, close - 1));
        port = text.substr(close + 2);
    } else if (std::size_t colon = text.rfind(':'); colon != std::string_view::npos) {
        if (text.find(':') != colon) return std::nullopt;  // a bare IPv6 address: use [..]
        if (colon > 0) address.host = std::string(text.substr(0, colon));
        port = text.substr(colon + 1);
    }
    auto n = number_of(port);
    if (!n || *n > 65535 || address.host.empty()) return std::nullopt;
    address.port = static_cast<std::uint16_t>(*n);
    return address;
}

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
    std::uint64_t unit = 1;
    if (!text.empty()) {
        switch (std::toupper(static_cast<unsigned char>(text.back()))) {
            case 'K':
                unit = 1ull << 10;
                break;
            case 'M':
                unit = 1ull << 20;
                break;
            case 'G':
                unit = 1ull << 30;
                break;
            default:
                break;
        }
        if (unit != 1) text.remove_suffix(1);
    }
    auto n = number_of(text);
    if (!n || *n == 0 || *n > (1ull << 40) / unit) return std::nullopt;
    return *n * unit;
}

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
    struct Unit {
        std::string_view suffix;
        std::uint64_t ms;
    };
    static constexpr Unit units[] = {
        {"ms", 1}, {"s", 1000}, {"m", 60'000}, {"h", 3'600'000}, {"d", 86'400'000}};
    for (const Unit& u : units) {
        if (text.size() <= u.suffix.size() || !text.ends_with(u.suffix)) continue;
        std::string_view digits = text.substr(0, text.size() - u.suffix.size());
        if (u.suffix == "s" && digits.ends_with('m')) continue;  // "ms" is taken above
        auto n = number_of(digits);
        if (!n || *n == 0 || *n > 3650ull * 86'400'000 / u.ms) return std::nullopt;
        return std::chrono::milliseconds(*n * u.ms);
    }
    return std::nullopt;
}

}  // namespace kinerja
