// The normal form of an indicator name: lower case, markup and punctuation removed,
// numbering dropped, misspellings from the documents corrected.
#include "evaluate/indicator_name.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace kinerja {

namespace {

// Misspellings seen in the reference documents, mapped to one spelling.
const std::unordered_map<std::string, std::string>& word_fixes() {
    static const std::unordered_map<std::string, std::string> fixes = {
        {"preventiv", "preventif"},
        {"preventive", "preventif"},
        {"pemasarakatan", "pemasyarakatan"},
        {"pemsarakatan", "pemasyarakatan"},
        {"pemasaryakatan", "pemasyarakatan"},
        {"pemsaryakatan", "pemasyarakatan"},
        {"pemasyarakatn", "pemasyarakatan"},
        {"kerumahtangaan", "kerumahtanggaan"},
        {"kerumahtanggaaan", "kerumahtanggaan"},
        {"layann", "layanan"},
        {"presentase", "persentase"},
        {"persentasae", "persentase"},
        {"prosentase", "persentase"},
        {"resiko", "risiko"},
        {"postif", "positif"},
        {"instrument", "instrumen"},
        {"bersertifikat", "bersertifikasi"},
        {"kesetian", "kesetiaan"},
        {"berkuat", "berkekuatan"},
        {"narkotik", "narkotika"},
        {"tanggaaan", "tanggaan"},
        {"tangaan", "tanggaan"},
        {"masyarakatan", "pemasyarakatan"},
    };
    return fixes;
}

bool is_enumerator(std::string_view token) {
    // "1", "12", "4.1", "a", "iv" followed by '.' or ')' — or a bare "4.1".
    if (token.empty() || token.size() > 6) return false;
    bool digits = std::all_of(token.begin(), token.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
    });
    if (digits) return std::isdigit(static_cast<unsigned char>(token[0]));
    return token.size() <= 2 &&
           std::all_of(token.begin(), token.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Removes "<b>", "</i>", "<sup>" and similar markup that PDF conversions leave.
std::string strip_markup(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '<') {
            std::size_t close = text.find('>', i);
            if (close != std::string_view::npos && close - i <= 12) {
                std::string_view tag = text.substr(i + 1, close - i - 1);
                if (!tag.empty() && tag[0] == '/') tag.remove_prefix(1);
                if (!tag.empty() && std::all_of(tag.begin(), tag.end(), [](char c) {
                        return std::isalpha(static_cast<unsigned char>(c));
                    })) {
                    out += ' ';
                    i = close;
                    continue;
                }
            }
        }
        out += text[i];
    }
    return out;
}

std::string strip_numbering(std::string text) {
    for (;;) {
        std::size_t start = text.find_first_not_of(" \t\r\n-*\xE2\x80\xA2");  // also "•" bytes
        if (start == std::string::npos) return "";
        // UTF-8 "•" is E2 80 A2; find_first_not_of treats its bytes individually, fine here.
        std::size_t i = start;
        bool open = text[i] == '(';
        if (open) ++i;
        std::size_t end = i;
        while (end < text.size() &&
               (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '.'))
            ++end;
        std::string token = text.substr(i, end - i);
        bool closed =
            end < text.size() && (text[end] == ')' || (!token.empty() && token.back() == '.'));
        if (!token.empty() && token.back() == '.') token.pop_back();
        // RKA lists number without punctuation ("02 Persentase ..."), sections as "4.1".
        bool bare_section =
            !open && !token.empty() && std::isdigit(static_cast<unsigned char>(token[0])) &&
            end < text.size() && std::isspace(static_cast<unsigned char>(text[end]));
        std::string lowered = token;
        for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!(is_enumerator(lowered) && (closed || bare_section))) return text.substr(start);
        if (end < text.size() && text[end] == ')') ++end;
        text = text.substr(end);
    }
}

}  // namespace

std::vector<std::string> indicator_name_words(std::string_view text) {
    std::string cleaned = strip_numbering(strip_markup(text));
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        auto fix = word_fixes().find(word);
        words.push_back(fix == word_fixes().end() ? word : fix->second);
        word.clear();
    };
    for (char raw : cleaned) {
        unsigned char c = static_cast<unsigned char>(raw);
        if (std::isalnum(c) && c < 0x80) {
            word += static_cast<char>(std::tolower(c));
        } else {
            flush();
        }
    }
    flush();
    return words;
}

std::string normalize_indicator_name(std::string_view text) {
    std::string out;
    for (const auto& w : indicator_name_words(text)) out += (out.empty() ? "" : " ") + w;
    return out;
}

}  // namespace kinerja
