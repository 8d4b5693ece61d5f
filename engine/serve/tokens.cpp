// The tokens file: who may use the service, and whose jobs each sees.
//
//     # TOKEN (32+ characters)           ROLE    WILAYAH  NAME
//     0f4c1e9a27b6d3584e2a91c07f6d5b3e   kanwil  ntb      Kanwil NTB
//     9b2d7e4f0a1c8356b7e2d94f1a0c6e83   satker  ntb      lapas-mataram
#include <fstream>
#include <sstream>

#include "serve/detail.hpp"

namespace kinerja::serve_detail {

namespace {

constexpr std::size_t min_token_length = 32;

bool token_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == '~' || c == '+' || c == '/' || c == '=';
}

// Compares in time that depends only on the lengths, so a guess learns nothing from how long
// the refusal took.
bool same_secret(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

}  // namespace

Tokens Tokens::load(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in)
        throw ServeError({"tidak dapat membaca berkas token: " + file.string(),
                          "cannot read the tokens file: " + file.string()});
    Tokens tokens;
    tokens.enabled_ = true;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::istringstream words(line);
        std::string token, role, wilayah, name, word;
        if (!(words >> token) || token.front() == '#') continue;
        words >> role >> wilayah;
        while (words >> word) name += (name.empty() ? "" : " ") + word;
        std::string where = file.string() + ":" + std::to_string(number) + ": ";
        bool good_token = token.size() >= min_token_length;
        for (char c : token) good_token = good_token && token_char(c);
        if (!good_token)
            throw ServeError({where + "token harus 32 karakter atau lebih (huruf, angka, - _ . ~ "
                                      "+ / =); buat dengan: openssl rand -hex 16",
                              where + "a token must be 32 characters or more (letters, digits, "
                                      "- _ . ~ + / =); make one with: openssl rand -hex 16"});
        if ((role != "satker" && role != "kanwil") || wilayah.empty() || name.empty())
            throw ServeError(
                {where + "tulis TOKEN PERAN WILAYAH NAMA, dengan PERAN satker atau kanwil",
                 where + "write TOKEN ROLE WILAYAH NAME, with ROLE satker or kanwil"});
        for (const auto& [known, caller] : tokens.entries_)
            if (known == token)
                throw ServeError({where + "token ini sudah dipakai di baris sebelumnya",
                                  where + "this token is already used on an earlier line"});
        tokens.entries_.emplace_back(token, Caller{role == "kanwil", wilayah, name});
    }
    if (tokens.entries_.empty())
        throw ServeError({"berkas token tidak berisi token: " + file.string(),
                          "the tokens file holds no token: " + file.string()});
    return tokens;
}

std::optional<Caller> Tokens::find(std::string_view authorization) const {
    constexpr std::string_view scheme = "Bearer ";
    if (authorization.size() <= scheme.size()) return std::nullopt;
    for (std::size_t i = 0; i < scheme.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(authorization[i])) !=
            std::tolower(static_cast<unsigned char>(scheme[i])))
            return std::nullopt;
    std::string_view token = authorization.substr(scheme.size());
    std::optional<Caller> found;
    for (const auto& [known, caller] : entries_)  // no early exit: the same time for every token
        if (same_secret(known, token)) found = caller;
    return found;
}

}  // namespace kinerja::serve_detail
