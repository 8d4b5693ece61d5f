// The data as CSV (RFC 4180): read once to learn its encoding, then record by record.
#include <array>
#include <cstdio>
#include <fstream>

#include "data/source.hpp"
#include "tables/quantity.hpp"

namespace kinerja::data_detail {

namespace {

namespace fs = std::filesystem;

// Strict UTF-8 (RFC 3629), fed a byte at a time so that a sequence may span two reads. Our
// own because glibc's iconv lets code points above U+10FFFF through, which JSON writers refuse.
class Utf8Check {
public:
    bool feed(unsigned char b) {  // false when `b` cannot be where it is
        if (need_ > 0) {
            if (b < low_ || b > high_) return need_ = 0, false;
            --need_;
            low_ = 0x80, high_ = 0xBF;
            return true;
        }
        if (b < 0x80) return true;
        if (b >= 0xC2 && b <= 0xDF) return start(1, 0x80, 0xBF);
        if (b == 0xE0) return start(2, 0xA0, 0xBF);  // no overlong forms
        if (b == 0xED) return start(2, 0x80, 0x9F);  // no surrogates
        if (b >= 0xE1 && b <= 0xEF) return start(2, 0x80, 0xBF);
        if (b == 0xF0) return start(3, 0x90, 0xBF);
        if (b >= 0xF1 && b <= 0xF3) return start(3, 0x80, 0xBF);
        if (b == 0xF4) return start(3, 0x80, 0x8F);  // up to U+10FFFF
        return false;
    }
    bool complete() const { return need_ == 0; }

private:
    bool start(int need, unsigned char low, unsigned char high) {
        need_ = need, low_ = low, high_ = high;
        return true;
    }
    int need_ = 0;
    unsigned char low_ = 0x80, high_ = 0xBF;
};

// Windows-1252 bytes 0x80-0x9F as code points; 0 where the encoding defines none. Bytes
// 0xA0-0xFF are U+00A0-U+00FF.
constexpr std::array<char32_t, 32> cp1252_high = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char32_t cp1252_char(unsigned char b) {
    return b < 0x80 || b >= 0xA0 ? b : cp1252_high[b - 0x80];
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::string hex_byte(unsigned char b) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X", b);
    return text;
}

std::string megabytes(std::uint64_t bytes) {
    return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB";
}

// What one pass over the bytes tells about the file.
struct Scan {
    bool bom = false, utf16 = false;
    std::uint64_t bad_utf8_line = 0;  // the first line that is not UTF-8; 0 when all is
    unsigned char bad_utf8_byte = 0;
    std::uint64_t bad_cp1252_line = 0;  // the first byte Windows-1252 does not define
    unsigned char bad_cp1252_byte = 0;
    char delimiter = ',';  // ';' when the first line has semicolons and no comma
};

Scan scan(std::istream& in) {
    Scan s;
    Utf8Check utf8;
    std::array<char, 1 << 16> buffer;
    std::uint64_t line = 1, offset = 0;
    bool first_line = true, comma = false, semicolon = false;
    while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0) {
        auto n = static_cast<std::size_t>(in.gcount());
        for (std::size_t i = 0; i < n; ++i, ++offset) {
            auto b = static_cast<unsigned char>(buffer[i]);
            if (offset == 0 && (b == 0xFF || b == 0xFE) && n > 1 &&
                static_cast<unsigned char>(buffer[1]) == (b ^ 0x01))
                s.utf16 = true;
            if (offset == 2 && b == 0xBF && buffer[0] == '\xEF' && buffer[1] == '\xBB')
                s.bom = true;
            if (!utf8.feed(b) && !s.bad_utf8_line) s.bad_utf8_line = line, s.bad_utf8_byte = b;
            if (b >= 0x80 && !cp1252_char(b) && !s.bad_cp1252_line)
                s.bad_cp1252_line = line, s.bad_cp1252_byte = b;
            if (first_line) {
                comma = comma || b == ',';
                semicolon = semicolon || b == ';';
            }
            if (b == '\n') ++line, first_line = false;
        }
    }
    if (!utf8.complete() && !s.bad_utf8_line) s.bad_utf8_line = line;
    if (semicolon && !comma) s.delimiter = ';';
    return s;
}

class CsvSource : public RowSource {
public:
    CsvSource(const fs::path& file, const DataLimits& limits, std::vector<Message>& notices)
        : file_(file), limits_(limits), in_(file, std::ios::binary) {
        std::error_code ec;
        auto size = fs::file_size(file, ec);
        if (!in_ || ec)
            throw InputError(file.string(), "",
                             {"berkas data tidak dapat dibuka", "the data file cannot be opened"});
        if (size > limits.max_bytes)
            throw InputError(file.string(), "",
                             {"berkas data " + megabytes(size) + ", lebih dari batas " +
                                  megabytes(limits.max_bytes) + "; bagi per wilayah",
                              "the data file is " + megabytes(size) + ", over the limit of " +
                                  megabytes(limits.max_bytes) + "; split it by region"});
        Scan s = scan(in_);
        choose_encoding(s, notices);
        delimiter_ = s.delimiter;
        in_.clear();
        if (!in_.seekg(0))
            throw InputError(file.string(), "",
                             {"berkas data tidak dapat dibaca ulang; berikan berkas biasa",
                              "the data file cannot be read twice; give a regular file"});
        if (s.bom) in_.ignore(3);
        std::uint64_t start = 0;
        if (!record(start))
            throw_at_line(file, 1,
                          {"berkas data kosong; baris pertama harus berisi "
                           "satker,indikator,variabel,periode,nilai",
                           "the data file is empty; the first line must be "
                           "satker,indikator,variabel,periode,nilai"});
        std::string missing;
        auto columns = header_columns(fields_, missing);
        if (!columns) no_header(file, missing);
        columns_ = *columns;
    }

    bool next(RowTexts& row) override {
        std::uint64_t start = 0;
        if (!record(start)) return false;
        auto get = [&](std::size_t i) {
            return i < fields_.size() ? trimmed(fields_[i]) : std::string();
        };
        row = row_texts(columns_, start, get);
        return true;
    }

private:
    void choose_encoding(const Scan& s, std::vector<Message>& notices) {
        const std::string name = file_.filename().string();
        if (s.utf16)
            throw_at_line(file_, 1,
                          {"berkas data berkode UTF-16; simpan sebagai \"CSV UTF-8\"",
                           "the data file is UTF-16; save it as \"CSV UTF-8\""});
        if (!s.bad_utf8_line) return;
        if (s.bom)  // it says it is UTF-8, so a stray byte is damage, not another encoding
            throw_at_line(file_, s.bad_utf8_line,
                          {"byte " + hex_byte(s.bad_utf8_byte) +
                               " bukan UTF-8, padahal berkas bertanda UTF-8 (BOM); perbaiki "
                               "baris ini atau simpan ulang sebagai \"CSV UTF-8\"",
                           "byte " + hex_byte(s.bad_utf8_byte) +
                               " is not UTF-8 though the file is marked UTF-8 (BOM); fix this "
                               "line or save the file again as \"CSV UTF-8\""});
        if (s.bad_cp1252_line)
            throw_at_line(file_, s.bad_cp1252_line,
                          {"byte " + hex_byte(s.bad_cp1252_byte) +
                               " bukan UTF-8 maupun Windows-1252; simpan berkas sebagai "
                               "\"CSV UTF-8\"",
                           "byte " + hex_byte(s.bad_cp1252_byte) +
                               " is neither UTF-8 nor Windows-1252; save the file as "
                               "\"CSV UTF-8\""});
        cp1252_ = true;
        std::string line = std::to_string(s.bad_utf8_line);
        notices.push_back({name + " bukan UTF-8 (baris " + line +
                               " pertama kali); dibaca sebagai Windows-1252. Periksa huruf "
                               "non-ASCII di keluaran, atau simpan data sebagai \"CSV UTF-8\"",
                           name + " is not UTF-8 (first at line " + line +
                               "); read as Windows-1252. Check non-ASCII letters in the output, "
                               "or save the data as \"CSV UTF-8\""});
    }

    void append(std::string& field, int c) {
        auto b = static_cast<unsigned char>(c);
        if (cp1252_ && b >= 0x80)
            append_utf8(field, cp1252_char(b));
        else
            field += static_cast<char>(b);
    }

    // One record into fields_, which may span lines inside quotes; false at the end.
    bool record(std::uint64_t& start) {
        fields_.assign(1, std::string());
        start = line_;
        std::streambuf& in = *in_.rdbuf();
        bool quoted = false, any = false;
        std::uint64_t bytes = 0;
        for (;;) {
            int c = in.sbumpc();
            if (c == std::char_traits<char>::eof()) {
                if (quoted) unclosed(start);
                return any;
            }
            any = true;
            if (++bytes > limits_.max_row_bytes) {
                if (quoted) unclosed(start);
                throw_at_line(file_, start,
                              {"baris lebih dari " + megabytes(limits_.max_row_bytes),
                               "the line is over " + megabytes(limits_.max_row_bytes)});
            }
            if (quoted) {
                if (c == '"' && in.sgetc() == '"')
                    fields_.back() += '"', in.sbumpc();
                else if (c == '"')
                    quoted = false;
                else if (c == '\r' && in.sgetc() == '\n')
                    continue;  // a Windows line break inside the field: kept as '\n'
                else if (c == '\r')
                    append(fields_.back(), '\n');  // an old Mac line break: the same
                else {
                    if (c == '\n') ++line_;
                    append(fields_.back(), c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter_) {
                fields_.emplace_back();
            } else if (c == '\n') {
                ++line_;
                return true;
            } else if (c != '\r') {
                append(fields_.back(), c);
            }
        }
    }

    [[noreturn]] void unclosed(std::uint64_t start) {
        throw_at_line(file_, start,
                      {"tanda kutip yang dibuka di baris ini tidak ditutup",
                       "a quote opened on this line is never closed"});
    }

    fs::path file_;
    DataLimits limits_;
    std::ifstream in_;
    bool cp1252_ = false;
    char delimiter_ = ',';
    std::uint64_t line_ = 1;  // of the next byte
    std::vector<std::string> fields_;
    Columns columns_{};
};

}  // namespace

std::unique_ptr<RowSource> open_csv(const fs::path& file, const DataLimits& limits,
                                    std::vector<Message>& notices) {
    return std::make_unique<CsvSource>(file, limits, notices);
}

}  // namespace kinerja::data_detail
