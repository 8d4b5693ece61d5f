#include "read/zip_archive.hpp"

#include <zip.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <fstream>

namespace kinerja::read_detail {

namespace {

constexpr std::uint64_t ratio_floor = 1ull << 20;  // small parts may compress very well
constexpr std::size_t chunk_size = 64 * 1024;

Message msg_file_missing() {
    return {"Berkas tidak ditemukan atau tidak dapat dibuka. Periksa nama dan letak berkasnya.",
            "The file does not exist or cannot be opened. Check its name and location."};
}

Message msg_file_too_large(std::uint64_t limit) {
    return {"Berkas terlalu besar (batas " + std::to_string(limit >> 20) + " MiB).",
            "The file is too large (limit " + std::to_string(limit >> 20) + " MiB)."};
}

Message msg_not_zip() {
    return {
        "Ini bukan berkas .xlsx (bukan arsip zip). Buka berkas di Excel, lalu simpan "
        "sebagai \"Buku Kerja Excel (*.xlsx)\".",
        "This is not an .xlsx file (not a zip archive). Open it in Excel and save it as "
        "\"Excel Workbook (*.xlsx)\"."};
}

Message msg_damaged(std::string_view detail) {
    return {"Berkas .xlsx rusak atau terpotong (" + std::string(detail) +
                "), mungkin karena unduhan atau salinan yang tidak lengkap. Ambil ulang "
                "berkasnya, atau buka di Excel dan simpan lagi.",
            "The .xlsx file is damaged or truncated (" + std::string(detail) +
                "), perhaps from an incomplete download or copy. Get the file again, or open "
                "it in Excel and save it again."};
}

Message msg_legacy_xls() {
    return {
        "Ini berkas Excel lama (.xls, format 97-2003). Buka di Excel, lalu simpan sebagai "
        "\"Buku Kerja Excel (*.xlsx)\".",
        "This is a legacy Excel file (.xls, 97-2003 format). Open it in Excel and save it "
        "as \"Excel Workbook (*.xlsx)\"."};
}

Message msg_encrypted() {
    return {
        "Berkas ini dilindungi kata sandi (terenkripsi). Buka di Excel, hapus kata sandinya "
        "(File > Info > Lindungi Buku Kerja > Enkripsi dengan Kata Sandi), lalu simpan lagi.",
        "This file is password-protected (encrypted). Open it in Excel, remove the password "
        "(File > Info > Protect Workbook > Encrypt with Password), and save it again."};
}

Message msg_too_many_parts(std::uint64_t limit) {
    return {"Arsip berisi terlalu banyak bagian (batas " + std::to_string(limit) + ").",
            "The archive holds too many parts (limit " + std::to_string(limit) + ")."};
}

Message msg_larger_than_declared() {
    return {
        "Isi bagian ini lebih besar daripada ukuran yang tercatat di arsip; berkas rusak "
        "atau sengaja dimanipulasi.",
        "This part inflates to more than the size recorded in the archive; the file is "
        "damaged or was tampered with."};
}

// An OLE2 compound file is either a legacy .xls or an encrypted .xlsx, which keeps
// its package in a stream named "EncryptedPackage" (the name is stored in UTF-16LE).
constexpr std::array<unsigned char, 8> ole2_signature = {0xD0, 0xCF, 0x11, 0xE0,
                                                         0xA1, 0xB1, 0x1A, 0xE1};
constexpr char encrypted_stream_name[] = "EncryptedPackage";

bool ole2_is_encrypted(std::ifstream& in) {
    std::string needle;
    for (char c : std::string_view(encrypted_stream_name)) needle += std::string{c, '\0'};
    std::string window;
    std::array<char, chunk_size> buffer{};
    in.seekg(0);
    while (in) {
        in.read(buffer.data(), buffer.size());
        window.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
        if (window.find(needle) != std::string::npos) return true;
        if (window.size() > needle.size()) window.erase(0, window.size() - needle.size());
    }
    return false;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string percent_decode(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() &&
            std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace

ZipArchive::ZipArchive(const std::filesystem::path& path, const Source& source,
                       const ReadLimits& limits)
    : source_(source), limits_(limits) {
    std::error_code ec;
    auto file_size = std::filesystem::file_size(path, ec);
    std::ifstream in(path, std::ios::binary);
    if (ec || !in) source_.fail("", msg_file_missing());
    if (file_size > limits_.max_file_bytes)
        source_.fail("", msg_file_too_large(limits_.max_file_bytes));

    std::array<unsigned char, 8> head{};
    in.read(reinterpret_cast<char*>(head.data()), head.size());
    if (in.gcount() == 8 && head == ole2_signature)
        source_.fail("", ole2_is_encrypted(in) ? msg_encrypted() : msg_legacy_xls());
    if (in.gcount() < 4 || head[0] != 'P' || head[1] != 'K') source_.fail("", msg_not_zip());
    in.close();

    int error = 0;
    archive_ = zip_open(path.c_str(), ZIP_RDONLY, &error);
    if (!archive_) fail_open(error);
    index_entries();
}

ZipArchive::ZipArchive(std::string_view bytes, const Source& source, const ReadLimits& limits)
    : source_(source), limits_(limits) {
    if (bytes.size() > limits_.max_file_bytes)
        source_.fail("", msg_file_too_large(limits_.max_file_bytes));
    auto starts_with = [&](const auto& signature) {
        return bytes.size() >= signature.size() &&
               std::equal(
                   signature.begin(), signature.end(), bytes.begin(),
                   [](unsigned char a, char b) { return a == static_cast<unsigned char>(b); });
    };
    if (starts_with(ole2_signature)) {
        std::string needle;
        for (char c : std::string_view(encrypted_stream_name)) needle += std::string{c, '\0'};
        source_.fail(
            "", bytes.find(needle) != std::string_view::npos ? msg_encrypted() : msg_legacy_xls());
    }
    if (bytes.size() < 4 || bytes[0] != 'P' || bytes[1] != 'K') source_.fail("", msg_not_zip());

    zip_error_t error;
    zip_error_init(&error);
    // The bytes are the caller's and outlive the archive (freep = 0: libzip does not own them).
    zip_source_t* from = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (from) {
        archive_ = zip_open_from_source(from, ZIP_RDONLY, &error);
        if (!archive_) zip_source_free(from);
    }
    if (!archive_) {
        int code = zip_error_code_zip(&error);
        zip_error_fini(&error);
        fail_open(code);
    }
    zip_error_fini(&error);
    index_entries();
}

void ZipArchive::fail_open(int error) const {
    zip_error_t detail;
    zip_error_init_with_code(&detail, error);
    std::string text = zip_error_strerror(&detail);
    zip_error_fini(&detail);
    source_.fail("", msg_damaged(text));
}

void ZipArchive::index_entries() {
    zip_int64_t count = zip_get_num_entries(archive_, 0);
    if (count < 0 || static_cast<std::uint64_t>(count) > limits_.max_parts) {
        zip_close(archive_);
        archive_ = nullptr;
        source_.fail("", msg_too_many_parts(limits_.max_parts));
    }
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(archive_, static_cast<zip_uint64_t>(i), 0, &st) != 0 ||
            !(st.valid & ZIP_STAT_NAME))
            continue;
        std::string name = st.name;
        if (name.empty() || name.back() == '/' || entries_.count(name)) continue;
        Entry entry{static_cast<std::uint64_t>(i), (st.valid & ZIP_STAT_SIZE) ? st.size : 0,
                    (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0};
        entries_.emplace(name, entry);
        folded_.emplace(lower(name), name);
        names_.push_back(std::move(name));
    }
}

ZipArchive::~ZipArchive() {
    if (archive_) zip_discard(archive_);
}

std::optional<std::string> ZipArchive::locate(std::string_view name) const {
    while (!name.empty() && name.front() == '/') name.remove_prefix(1);
    for (const std::string& candidate : {std::string(name), percent_decode(name)}) {
        if (entries_.count(candidate)) return candidate;
        auto folded = folded_.find(lower(candidate));
        if (folded != folded_.end()) return folded->second;
    }
    return std::nullopt;
}

std::uint64_t ZipArchive::declared_size(const std::string& part) const {
    auto it = entries_.find(part);
    return it == entries_.end() ? 0 : it->second.size;
}

void ZipArchive::check_declared(const std::string& part, const Entry& entry) const {
    if (entry.size > limits_.max_part_bytes)
        source_.fail(part, msg_part_too_large(limits_.max_part_bytes));
    if (entry.size > ratio_floor && entry.size / std::max<std::uint64_t>(entry.compressed_size, 1) >
                                        limits_.max_compression_ratio)
        source_.fail(part, msg_ratio_too_high(entry.size /
                                              std::max<std::uint64_t>(entry.compressed_size, 1)));
    if (inflated_total_ + entry.size > limits_.max_total_bytes)
        source_.fail(part, msg_total_too_large(limits_.max_total_bytes));
}

void ZipArchive::stream(const std::string& part, const Sink& sink) {
    auto it = entries_.find(part);
    if (it == entries_.end()) source_.fail(part, msg_missing_part(part));
    const Entry& entry = it->second;
    check_declared(part, entry);

    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
        zip_fopen_index(archive_, entry.index, 0), zip_fclose);
    if (!file) {
        int code = zip_error_code_zip(zip_get_error(archive_));
        if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
            source_.fail(part, msg_encrypted());
        source_.fail(part, msg_damaged(zip_strerror(archive_)));
    }
    std::vector<char> buffer(chunk_size);
    std::uint64_t inflated = 0;
    for (;;) {
        zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
        if (n < 0) source_.fail(part, msg_damaged(zip_file_strerror(file.get())));
        if (n == 0) break;
        inflated += static_cast<std::uint64_t>(n);
        inflated_total_ += static_cast<std::uint64_t>(n);
        if (inflated > entry.size) source_.fail(part, msg_larger_than_declared());
        if (inflated > limits_.max_part_bytes)
            source_.fail(part, msg_part_too_large(limits_.max_part_bytes));
        if (inflated_total_ > limits_.max_total_bytes)
            source_.fail(part, msg_total_too_large(limits_.max_total_bytes));
        sink(buffer.data(), static_cast<std::size_t>(n));
    }
}

std::string ZipArchive::read(const std::string& part) {
    std::string out;
    auto it = entries_.find(part);
    if (it != entries_.end() && it->second.size <= limits_.max_part_bytes)
        out.reserve(it->second.size);
    stream(part, [&](const char* data, std::size_t size) { out.append(data, size); });
    return out;
}

}  // namespace kinerja::read_detail
