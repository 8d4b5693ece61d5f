#include "write/zip_rewrite.hpp"

#include <zlib.h>

#include <fstream>
#include <string_view>
#include <vector>

#include "common/message.hpp"

namespace kinerja::write_detail {

namespace fs = std::filesystem;

namespace {

constexpr std::uint32_t local_signature = 0x04034b50;
constexpr std::uint32_t central_signature = 0x02014b50;
constexpr std::uint32_t end_signature = 0x06054b50;
constexpr std::uint16_t dos_date_1980 = (0 << 9) | (1 << 5) | 1;  // 1980-01-01, as libxlsxwriter
// Up to this size an edited part is compared with what libxlsxwriter wrote; above
// it, it is compressed again without looking (a copy would double its memory).
constexpr std::uint64_t max_compare_bytes = 64u << 20;

struct Entry {
    std::string name;
    std::uint16_t method = 0;
    std::uint32_t crc = 0, compressed = 0, size = 0;
    std::uint64_t data_offset = 0;
};

std::uint32_t get(std::string_view b, std::size_t at, int bytes) {
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
    return v;
}

void put(std::string& out, std::uint32_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFFu);
}

// The whole file in one read: the parts are small next to what editing them takes.
bool read_whole(const fs::path& path, std::string& out) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return false;
    auto size = in.tellg();
    if (size < 0) return false;
    out.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    return out.empty() || bool(in.read(out.data(), static_cast<std::streamsize>(out.size())));
}

// The central directory, and where each entry's data starts.
bool read_entries(std::string_view zip, std::vector<Entry>& entries) {
    std::size_t tail = std::min<std::size_t>(zip.size(), 65557);
    if (tail < 22) return false;
    std::string_view end = zip.substr(zip.size() - tail);
    std::size_t at = tail - 22 + 1;
    do {
        --at;
    } while (at > 0 && get(end, at, 4) != end_signature);
    if (get(end, at, 4) != end_signature) return false;
    std::uint32_t count = get(end, at + 10, 2), cd_size = get(end, at + 12, 4),
                  cd_offset = get(end, at + 16, 4);
    if (std::uint64_t(cd_offset) + cd_size > zip.size()) return false;
    std::string_view cd = zip.substr(cd_offset, cd_size);
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
        if (std::uint64_t(local) + 30 > zip.size() || get(zip, local, 4) != local_signature)
            return false;
        e.data_offset =
            std::uint64_t(local) + 30 + get(zip, local + 26, 2) + get(zip, local + 28, 2);
        if (e.data_offset + e.compressed > zip.size()) return false;
        entries.push_back(std::move(e));
        p += 46 + name_len + extra + comment;
    }
    return true;
}

bool inflate_entry(std::string_view packed, const Entry& e, std::string& out) {
    if (e.method == 0) {
        out = packed;
        return out.size() == e.size;
    }
    out.assign(e.size, '\0');
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return false;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
    z.avail_in = static_cast<uInt>(packed.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    int rc = inflate(&z, Z_FINISH);
    inflateEnd(&z);
    return rc == Z_STREAM_END && z.total_out == e.size;
}

std::string deflate_text(const std::string& text) {
    // A part is deflated a second time only because it was edited (a sheet with
    // numbers that need their exact text, styles with automatic colours), so not at
    // libxlsxwriter's level 6. Small parts at level 3: in a batch of small
    // workbooks, the patch pass then costs about 30% less for about 3% more
    // bytes per file. A large part at level 4: about 40% less time than level 6 for
    // about 5% more bytes on sheet XML; level 1 above 16 MiB half the time for 50%
    // more. Any level is plain deflate, which every reader accepts.
    int level = text.size() > (16u << 20) ? 1 : text.size() > (1u << 20) ? 4 : 3;
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

[[noreturn]] void fail(const fs::path& zip) {
    throw OutputError(zip.string(), {"gagal menulis ulang bagian berkas xlsx",
                                     "could not rewrite parts of the xlsx file"});
}

}  // namespace

RewriteResult rewrite_zip(const fs::path& zip, const std::map<std::string, PartEditor>& editors,
                          std::uint64_t max_part_bytes, const fs::path& destination,
                          const std::map<std::string, std::string>& added) {
    RewriteResult result;
    std::string file;
    std::vector<Entry> entries;
    if (!read_whole(zip, file) || !read_entries(file, entries)) return result;

    // Each entry's local header and data, in order; an edited entry's data is its own.
    struct Piece {
        std::string header, edited;
        std::string_view data;
    };
    std::vector<Piece> pieces;
    pieces.reserve(entries.size() + added.size());
    std::string central;
    std::uint64_t offset = 0;
    for (Entry e : entries) {
        result.present.insert(e.name);
        auto editor = editors.find(e.name);
        Piece piece;
        piece.data = std::string_view(file).substr(e.data_offset, e.compressed);
        bool edit = editor != editors.end() && e.size <= max_part_bytes;
        if (editor != editors.end() && !edit) result.too_large.insert(e.name);
        if (edit) {
            std::string data;
            if (!inflate_entry(piece.data, e, data)) return result;
            // An edit that changes nothing (a date libxlsxwriter already wrote right, text
            // to remove that is not there) keeps the entry's compressed bytes as they are.
            std::string before = e.size <= max_compare_bytes ? data : std::string();
            editor->second(data);
            if (e.size > max_compare_bytes || data != before) {
                e.crc =
                    static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()),
                                                     static_cast<uInt>(data.size())));
                e.size = static_cast<std::uint32_t>(data.size());
                piece.edited = deflate_text(data);
                piece.data = piece.edited;
                e.method = Z_DEFLATED;
                e.compressed = static_cast<std::uint32_t>(piece.edited.size());
            }
        }
        if (offset > 0xFFFFFFFFu) fail(zip);
        piece.header = header(local_signature, e, 0, false);
        central += header(central_signature, e, static_cast<std::uint32_t>(offset), true);
        offset += piece.header.size() + e.compressed;
        pieces.push_back(std::move(piece));
    }
    std::size_t count = entries.size();
    for (const auto& [name, bytes] : added) {
        if (result.present.count(name)) continue;
        Entry e;
        e.name = name;
        e.size = static_cast<std::uint32_t>(bytes.size());
        e.crc = static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(bytes.data()),
                                                 static_cast<uInt>(bytes.size())));
        Piece piece;
        piece.edited = deflate_text(bytes);
        piece.data = piece.edited;
        e.method = Z_DEFLATED;
        e.compressed = static_cast<std::uint32_t>(piece.edited.size());
        if (offset > 0xFFFFFFFFu || bytes.size() > 0xFFFFFFFFu) fail(zip);
        piece.header = header(local_signature, e, 0, false);
        central += header(central_signature, e, static_cast<std::uint32_t>(offset), true);
        offset += piece.header.size() + e.compressed;
        pieces.push_back(std::move(piece));
        ++count;
    }
    if (offset > 0xFFFFFFFFu || count > 0xFFFFu) fail(zip);
    std::string end;
    put(end, end_signature, 4);
    put(end, 0, 4);  // disk numbers
    put(end, static_cast<std::uint32_t>(count), 2);
    put(end, static_cast<std::uint32_t>(count), 2);
    put(end, static_cast<std::uint32_t>(central.size()), 4);
    put(end, static_cast<std::uint32_t>(offset), 4);
    put(end, 0, 2);  // comment
    // The source is all in memory, so it may be written over; the caller's temp file
    // (engine/common/atomic_output.hpp) is discarded if this fails half-way.
    const fs::path& target = destination.empty() ? zip : destination;
    std::ofstream out;
    char buffer[1 << 16];
    out.rdbuf()->pubsetbuf(buffer, sizeof buffer);
    out.open(target, std::ios::binary | std::ios::trunc);
    if (!out) fail(target);
    const auto write = [&out](std::string_view bytes) {
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    };
    for (const Piece& piece : pieces) {
        write(piece.header);
        // An edited piece's own bytes: `data` may point into a moved small string.
        write(piece.edited.empty() ? piece.data : std::string_view(piece.edited));
    }
    write(central);
    write(end);
    out.close();
    if (!out) fail(target);
    result.ok = true;
    return result;
}

std::set<std::string> zip_part_names(const fs::path& zip) {
    std::set<std::string> names;
    std::string file;
    std::vector<Entry> entries;
    if (!read_whole(zip, file) || !read_entries(file, entries)) return names;
    for (Entry& e : entries) names.insert(std::move(e.name));
    return names;
}

}  // namespace kinerja::write_detail
