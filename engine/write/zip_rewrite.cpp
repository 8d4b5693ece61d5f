#include "write/zip_rewrite.hpp"

#include <zlib.h>

#include <fstream>
#include <vector>

#include "common/message.hpp"

namespace kinerja::write_detail {

namespace fs = std::filesystem;

namespace {

constexpr std::uint32_t local_signature = 0x04034b50;
constexpr std::uint32_t central_signature = 0x02014b50;
constexpr std::uint32_t end_signature = 0x06054b50;
constexpr std::uint16_t dos_date_1980 = (0 << 9) | (1 << 5) | 1;  // 1980-01-01, as libxlsxwriter
constexpr std::size_t copy_chunk = 1 << 20;

struct Entry {
    std::string name;
    std::uint16_t method = 0;
    std::uint32_t crc = 0, compressed = 0, size = 0;
    std::uint64_t data_offset = 0;
};

std::uint32_t get(const std::string& b, std::size_t at, int bytes) {
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
    return v;
}

void put(std::string& out, std::uint32_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFFu);
}

bool read_at(std::ifstream& in, std::uint64_t at, std::size_t n, std::string& out) {
    out.resize(n);
    in.clear();
    in.seekg(static_cast<std::streamoff>(at));
    return n == 0 || bool(in.read(out.data(), static_cast<std::streamsize>(n)));
}

// The central directory, and where each entry's data starts.
bool read_entries(std::ifstream& in, std::uint64_t file_size, std::vector<Entry>& entries) {
    std::size_t tail = static_cast<std::size_t>(std::min<std::uint64_t>(file_size, 65557));
    std::string end;
    if (tail < 22 || !read_at(in, file_size - tail, tail, end)) return false;
    std::size_t at = tail - 22 + 1;
    do {
        --at;
    } while (at > 0 && get(end, at, 4) != end_signature);
    if (get(end, at, 4) != end_signature) return false;
    std::uint32_t count = get(end, at + 10, 2), cd_size = get(end, at + 12, 4),
                  cd_offset = get(end, at + 16, 4);
    std::string cd;
    if (std::uint64_t(cd_offset) + cd_size > file_size || !read_at(in, cd_offset, cd_size, cd))
        return false;
    std::size_t p = 0;
    for (std::uint32_t i = 0; i < count; ++i) {
        if (p + 46 > cd.size() || get(cd, p, 4) != central_signature) return false;
        Entry e;
        std::uint32_t flags = get(cd, p + 8, 2);
        e.method = static_cast<std::uint16_t>(get(cd, p + 10, 2));
        e.crc = get(cd, p + 16, 4);
        e.compressed = get(cd, p + 20, 4);
        e.size = get(cd, p + 24, 4);
        std::size_t name_len = get(cd, p + 28, 2), extra = get(cd, p + 30, 2),
                    comment = get(cd, p + 32, 2);
        std::uint32_t local = get(cd, p + 42, 4);
        if ((flags & 1u) || (e.method != 0 && e.method != Z_DEFLATED) ||
            p + 46 + name_len > cd.size())
            return false;
        e.name = cd.substr(p + 46, name_len);
        std::string header;
        if (!read_at(in, local, 30, header) || get(header, 0, 4) != local_signature) return false;
        e.data_offset = std::uint64_t(local) + 30 + get(header, 26, 2) + get(header, 28, 2);
        if (e.data_offset + e.compressed > file_size) return false;
        entries.push_back(std::move(e));
        p += 46 + name_len + extra + comment;
    }
    return true;
}

bool inflate_entry(std::ifstream& in, const Entry& e, std::string& out) {
    std::string packed;
    if (!read_at(in, e.data_offset, e.compressed, packed)) return false;
    if (e.method == 0) {
        out = std::move(packed);
        return out.size() == e.size;
    }
    out.assign(e.size, '\0');
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return false;
    z.next_in = reinterpret_cast<Bytef*>(packed.data());
    z.avail_in = static_cast<uInt>(packed.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    int rc = inflate(&z, Z_FINISH);
    inflateEnd(&z);
    return rc == Z_STREAM_END && z.total_out == e.size;
}

std::string deflate_text(const std::string& text) {
    // Small parts as libxlsxwriter compresses them (level 6). A large part is
    // deflated a second time only because it was edited (a sheet with numbers that
    // need their exact text): level 4 takes about 40% less time for about 5% more
    // bytes on sheet XML, level 1 above 16 MiB half the time for 50% more.
    // Any level is plain deflate, which every reader accepts.
    int level = text.size() > (16u << 20)  ? 1
                : text.size() > (1u << 20) ? 4
                                           : Z_DEFAULT_COMPRESSION;
    z_stream z{};
    if (deflateInit2(&z, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::bad_alloc();
    std::string out(deflateBound(&z, static_cast<uLong>(text.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    z.avail_in = static_cast<uInt>(text.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    int rc = deflate(&z, Z_FINISH);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) throw std::bad_alloc();
    out.resize(z.total_out);
    return out;
}

std::string header(std::uint32_t signature, const Entry& e, std::uint32_t offset, bool central) {
    std::string h;
    put(h, signature, 4);
    if (central) put(h, 20, 2);  // made by
    put(h, 20, 2);               // version needed
    put(h, 0, 2);                // flags
    put(h, e.method, 2);
    put(h, 0, 2);  // time 00:00
    put(h, dos_date_1980, 2);
    put(h, e.crc, 4);
    put(h, e.compressed, 4);
    put(h, e.size, 4);
    put(h, static_cast<std::uint32_t>(e.name.size()), 2);
    put(h, 0, 2);  // extra
    if (central) {
        put(h, 0, 2);  // comment
        put(h, 0, 2);  // disk
        put(h, 0, 2);  // internal attributes
        put(h, 0, 4);  // external attributes
        put(h, offset, 4);
    }
    return h + e.name;
}

// Removes the half-written file unless told it is finished.
struct PendingFile {
    fs::path path;
    bool keep = false;
    ~PendingFile() {
        std::error_code ignored;
        if (!keep) fs::remove(path, ignored);
    }
};

[[noreturn]] void fail(const fs::path& zip) {
    throw OutputError(zip.string(), {"gagal menulis ulang bagian berkas xlsx",
                                     "could not rewrite parts of the xlsx file"});
}

}  // namespace

RewriteResult rewrite_zip(const fs::path& zip, const std::map<std::string, PartEditor>& editors,
                          std::uint64_t max_part_bytes) {
    RewriteResult result;
    std::ifstream in(zip, std::ios::binary);
    std::error_code size_error;
    std::uint64_t file_size = fs::file_size(zip, size_error);
    std::vector<Entry> entries;
    if (!in || size_error || !read_entries(in, file_size, entries)) return result;

    PendingFile out_file{fs::path(zip.string() + ".edit")};
    std::ofstream out(out_file.path, std::ios::binary | std::ios::trunc);
    if (!out) fail(zip);
    std::string central;
    std::uint64_t offset = 0;
    for (Entry e : entries) {
        result.present.insert(e.name);
        auto editor = editors.find(e.name);
        std::string data;
        bool edit = editor != editors.end() && e.size <= max_part_bytes;
        if (editor != editors.end() && !edit) result.too_large.insert(e.name);
        if (edit) {
            if (!inflate_entry(in, e, data)) return result;
            editor->second(data);
            e.crc = static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()),
                                                     static_cast<uInt>(data.size())));
            e.size = static_cast<std::uint32_t>(data.size());
            data = deflate_text(data);
            e.method = Z_DEFLATED;
            e.compressed = static_cast<std::uint32_t>(data.size());
        }
        if (offset > 0xFFFFFFFFu) fail(zip);
        std::string local = header(local_signature, e, 0, false);
        central += header(central_signature, e, static_cast<std::uint32_t>(offset), true);
        out.write(local.data(), static_cast<std::streamsize>(local.size()));
        if (edit) {
            out.write(data.data(), static_cast<std::streamsize>(data.size()));
        } else {
            for (std::uint64_t done = 0; done < e.compressed;) {
                std::size_t n = static_cast<std::size_t>(
                    std::min<std::uint64_t>(copy_chunk, e.compressed - done));
                if (!read_at(in, e.data_offset + done, n, data)) return result;
                out.write(data.data(), static_cast<std::streamsize>(n));
                done += n;
            }
        }
        offset += local.size() + e.compressed;
    }
    if (offset > 0xFFFFFFFFu) fail(zip);
    std::string end;
    put(end, end_signature, 4);
    put(end, 0, 4);  // disk numbers
    put(end, static_cast<std::uint32_t>(entries.size()), 2);
    put(end, static_cast<std::uint32_t>(entries.size()), 2);
    put(end, static_cast<std::uint32_t>(central.size()), 4);
    put(end, static_cast<std::uint32_t>(offset), 4);
    put(end, 0, 2);  // comment
    out.write(central.data(), static_cast<std::streamsize>(central.size()));
    out.write(end.data(), static_cast<std::streamsize>(end.size()));
    out.close();
    if (!out) fail(zip);
    in.close();
    std::error_code rename_error;
    fs::rename(out_file.path, zip, rename_error);
    if (rename_error) fail(zip);
    out_file.keep = true;
    result.ok = true;
    return result;
}

}  // namespace kinerja::write_detail
