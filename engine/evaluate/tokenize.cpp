// The tokenizer: numbers, names, operators, with messages for common mistakes.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "evaluate/tokens.hpp"

namespace kinerja::evaluate_detail::tokens {

namespace {

bool is_name_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_name_char(char c) {
    return is_name_start(c) || (c >= '0' && c <= '9');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

int utf8_length(std::string_view text, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    return static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(n), text.size() - i));
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    auto at = [&](std::size_t k) { return k < text.size() ? text[k] : '\0'; };
    while (i < text.size()) {
        char c = text[i];
        int pos = static_cast<int>(i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
            continue;
        }
        Token token;
        token.pos = pos;
        if (is_digit(c) || (c == '.' && is_digit(at(i + 1)))) {
            std::size_t j = i;
            while (is_digit(at(j))) ++j;
            if (at(j) == '.') {
                ++j;
                while (is_digit(at(j))) ++j;
            }
            if ((at(j) == 'e' || at(j) == 'E') &&
                (is_digit(at(j + 1)) ||
                 ((at(j + 1) == '+' || at(j + 1) == '-') && is_digit(at(j + 2))))) {
                j += 2;
                while (is_digit(at(j))) ++j;
            }
            if (is_name_char(at(j)) || at(j) == '.') {
                std::size_t k = j;
                while (is_name_char(at(k)) || at(k) == '.') ++k;
                fail(pos, static_cast<int>(k - i),
                     "bilangan tidak sah '" + std::string(text.substr(i, k - i)) + "'",
                     "invalid number '" + std::string(text.substr(i, k - i)) + "'");
            }
            token.type = Token::Type::number;
            token.len = static_cast<int>(j - i);
            token.text = text.substr(i, j - i);
            std::string digits(
                token.text);  // from_chars wants no leading '.' issues: it accepts them
            auto result =
                std::from_chars(digits.data(), digits.data() + digits.size(), token.value);
            if (result.ec != std::errc() || !std::isfinite(token.value)) {
                fail(pos, token.len, "bilangan terlalu besar '" + digits + "'",
                     "number too large '" + digits + "'");
            }
            i = j;
        } else if (is_name_start(c)) {
            std::size_t j = i;
            while (is_name_char(at(j))) ++j;
            token.type = Token::Type::ident;
            token.len = static_cast<int>(j - i);
            token.text = text.substr(i, j - i);
            if (token.len > 100)
                fail(pos, token.len, "nama terlalu panjang (lebih dari 100 karakter)",
                     "name too long (over 100 characters)");
            i = j;
        } else {
            static const char* const two[] = {"<=", ">=", "==", "!=", "&&", "||"};
            std::string_view rest = text.substr(i);
            const char* op = nullptr;
            for (const char* candidate : two) {
                if (rest.substr(0, 2) == candidate) op = candidate;
            }
            token.len = op ? 2 : 1;
            token.text = text.substr(i, static_cast<std::size_t>(token.len));
            if (op) {
                token.type = Token::Type::op;
            } else if (std::strchr("+-*/^<>", c)) {
                token.type = Token::Type::op;
            } else if (c == '(') {
                token.type = Token::Type::lparen;
            } else if (c == ')') {
                token.type = Token::Type::rparen;
            } else if (c == ',') {
                token.type = Token::Type::comma;
            } else if (c == '?') {
                token.type = Token::Type::question;
            } else if (c == ':') {
                token.type = Token::Type::colon;
            } else if (c == '=') {
                fail(pos, 1, "'=' tidak dikenal: untuk membandingkan tulis '=='",
                     "'=' is not an operator: write '==' to compare");
            } else if (c == '&' || c == '|') {
                fail(pos, 1, std::string("tulis '") + c + c + "' untuk logika",
                     std::string("write '") + c + c + "' for logic");
            } else if (c == '%') {
                fail(pos, 1, "'%' tidak dipakai: tulis pct(a, b) atau a / b * 100",
                     "'%' is not used: write pct(a, b) or a / b * 100");
            } else {
                int n = utf8_length(text, i);
                std::string shown(text.substr(i, static_cast<std::size_t>(n)));
                fail(pos, 1, "karakter tidak dikenal '" + shown + "'",
                     "unexpected character '" + shown + "'");
            }
            i += static_cast<std::size_t>(token.len);
        }
        tokens.push_back(token);
    }
    Token end;
    end.pos = static_cast<int>(text.size());
    end.len = 1;
    tokens.push_back(end);
    return tokens;
}

}  // namespace kinerja::evaluate_detail::tokens
