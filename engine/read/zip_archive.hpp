// Internal to the reader: the .xlsx container, with every size limit enforced.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "read/read.hpp"
#include "read/read_error.hpp"

struct zip;

namespace kinerja::read_detail {

class ZipArchive {
public:
    // Opens the file after checking its signature: a legacy .xls, an encrypted
    // workbook, a text file or a truncated zip each get their own message.
    ZipArchive(const std::filesystem::path& path, const Source& source, const ReadLimits& limits);
    // The same over a workbook in memory (an upload); `bytes` must outlive the archive.
    ZipArchive(std::string_view bytes, const Source& source, const ReadLimits& limits);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    // The stored name of a part, found exactly, then ignoring case and %-escapes.
    std::optional<std::string> locate(std::string_view name) const;
    bool contains(std::string_view name) const { return locate(name).has_value(); }
    // Every part name in the archive (directories left out), in archive order.
    const std::vector<std::string>& names() const { return names_; }

    // Feeds the inflated bytes of a part to `sink` in chunks, stopping with an
    // InputError as soon as a limit is passed. Never trusts the declared size.
    using Sink = std::function<void(const char* data, std::size_t size)>;
    void stream(const std::string& part, const Sink& sink);
    // The whole part in memory; for the small parts.
    std::string read(const std::string& part);
    std::uint64_t declared_size(const std::string& part) const;

    const Source& source() const { return source_; }

private:
    struct Entry {
        std::uint64_t index = 0;
        std::uint64_t size = 0;             // declared uncompressed size
        std::uint64_t compressed_size = 0;  // declared compressed size
    };
    [[noreturn]] void fail_open(int libzip_error) const;
    void index_entries();
    void check_declared(const std::string& part, const Entry& entry) const;

    Source source_;
    ReadLimits limits_;
    zip* archive_ = nullptr;
    std::vector<std::string> names_;
    std::unordered_map<std::string, Entry> entries_;
    std::unordered_map<std::string, std::string> folded_;  // lower-case name -> stored name
    std::uint64_t inflated_total_ = 0;
};

}  // namespace kinerja::read_detail
