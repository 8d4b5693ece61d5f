// Text from a file as a message quotes it.
#pragma once

#include <string>
#include <string_view>

namespace kinerja {

// At most `max_chars` characters of `text`, cut at a character boundary and ended
// with "…": a 10 MB cell makes a short message, a short text stays as it is.
inline std::string excerpt(std::string_view text, std::size_t max_chars = 100) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // inside a character
        if (chars++ == max_chars) return std::string(text.substr(0, i)) + "\u2026";
    }
    return std::string(text);
}

}  // namespace kinerja
