// Looking up the embedded assets.
#include "serve/assets.hpp"

namespace kinerja::serve_detail {

std::optional<EmbeddedFile> embedded_file(std::string_view name) {
    for (const EmbeddedFile& f : embedded_files())
        if (f.name == name) return f;
    return std::nullopt;
}

std::string_view content_type_of(std::string_view name) {
    struct Type {
        std::string_view extension, type;
    };
    static constexpr Type types[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".json", "application/json"},
        {".woff2", "font/woff2"},
        {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},
    };
    for (const Type& t : types)
        if (name.ends_with(t.extension)) return t.type;
    return "application/octet-stream";
}

}  // namespace kinerja::serve_detail
