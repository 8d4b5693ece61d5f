// Internal: the formula tokenizer, shared by the parser.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate/expression.hpp"

namespace kinerja::evaluate_detail::tokens {

struct Token {
    enum class Type { number, ident, lparen, rparen, comma, op, question, colon, end };
    Type type = Type::end;
    int pos = 0;
    int len = 0;
    std::string_view text;
    double value = 0;
};

struct SyntaxError {
    Problem problem;
};

[[noreturn]] inline void fail(int pos, int len, std::string id, std::string en) {
    throw SyntaxError{{pos, std::max(len, 1), {std::move(id), std::move(en)}}};
}

// Splits a formula into tokens, ending with one `end` token; throws SyntaxError.
std::vector<Token> tokenize(std::string_view text);

}  // namespace kinerja::evaluate_detail::tokens
