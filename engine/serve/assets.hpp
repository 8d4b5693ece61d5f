// The files under engine/serve/assets/, compiled into the program by
// cmake/embed_assets.cmake: the server reads nothing from disk to answer a browser.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace kinerja::serve_detail {

struct EmbeddedFile {
    std::string_view name;  // relative to assets/: "index.html", "app.js"
    std::string_view bytes;
};

const std::vector<EmbeddedFile>& embedded_files();

// The file of exactly that name, nullopt otherwise (names never reach the filesystem).
std::optional<EmbeddedFile> embedded_file(std::string_view name);
// "text/html; charset=utf-8" and the like, by the name's extension.
std::string_view content_type_of(std::string_view name);

}  // namespace kinerja::serve_detail
