#include "read/read_error.hpp"

#include "common/excerpt.hpp"

namespace kinerja::read_detail {

namespace {
std::string mib(std::uint64_t bytes) {
    return std::to_string(bytes >> 20) + " MiB";
}
}  // namespace

Message msg_part_too_large(std::uint64_t limit) {
    return {"Bagian ini terlalu besar setelah diekstrak (batas " + mib(limit) + ").",
            "This part is too large once inflated (limit " + mib(limit) + ")."};
}

Message msg_total_too_large(std::uint64_t limit) {
    return {"Isi berkas terlalu besar setelah diekstrak (batas " + mib(limit) + ").",
            "The file's contents are too large once inflated (limit " + mib(limit) + ")."};
}

Message msg_ratio_too_high(std::uint64_t ratio) {
    return {"Rasio kompresi bagian ini tidak wajar (" + std::to_string(ratio) +
                ":1); berkas ini tampak seperti bom zip dan tidak dibaca.",
            "This part's compression ratio is implausible (" + std::to_string(ratio) +
                ":1); the file looks like a zip bomb and is not read."};
}

Message msg_dtd() {
    return {
        "XML berisi deklarasi DTD atau entitas, yang tidak pernah ditulis oleh Excel; "
        "berkas ditolak demi keamanan.",
        "The XML contains a DTD or entity declaration, which Excel never writes; the file "
        "is refused for safety."};
}

Message msg_malformed_xml(std::string_view detail, std::uint64_t line) {
    std::string where = " (baris " + std::to_string(line) + ": " + std::string(detail) + ")";
    std::string where_en = " (line " + std::to_string(line) + ": " + std::string(detail) + ")";
    return {"XML rusak" + where + ". Buka berkas di Excel dan simpan lagi.",
            "Malformed XML" + where_en + ". Open the file in Excel and save it again."};
}

Message msg_bad_text(std::string_view shown, std::uint64_t line) {
    std::string where = " (baris " + std::to_string(line) + ": " + std::string(shown) + ")";
    std::string where_en = " (line " + std::to_string(line) + ": " + std::string(shown) + ")";
    return {"Bagian ini berisi teks yang bukan UTF-8 atau karakter yang tidak diizinkan XML" +
                where +
                ", mungkin ditulis oleh program lain dengan pengodean yang berbeda. Buka berkas "
                "di Excel, periksa teks di bagian ini, dan simpan lagi.",
            "This part holds text that is not UTF-8 or a character XML does not allow" + where_en +
                ", perhaps written by another program in a different encoding. Open the file "
                "in Excel, check the text in this part, and save it again."};
}

Message msg_missing_part(std::string_view what) {
    return {"Bagian " + std::string(what) +
                " tidak ada di dalam berkas; berkas tidak lengkap. "
                "Buka di Excel dan simpan lagi.",
            "The part " + std::string(what) +
                " is missing from the file; the file is "
                "incomplete. Open it in Excel and save it again."};
}

Message msg_bad_value(std::string_view where, std::string_view value) {
    std::string shown = excerpt(value, 60);
    return {"Nilai tidak sah di " + std::string(where) + ": \"" + shown + "\".",
            "Invalid value at " + std::string(where) + ": \"" + shown + "\"."};
}

}  // namespace kinerja::read_detail
