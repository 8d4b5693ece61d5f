#include "common/memory.hpp"

#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string>

namespace kinerja {

namespace {

// A cgroup limit file holds a number of bytes, or "max" (v2) or a huge number (v1) for none.
std::uint64_t cgroup_limit(const char* file) {
    std::ifstream in(file);
    std::string text;
    if (!(in >> text) || text.empty() || text == "max") return UINT64_MAX;
    try {
        return std::stoull(text);
    } catch (const std::exception&) {
        return UINT64_MAX;
    }
}

std::uint64_t soft_limit(int resource) {
    struct rlimit limit {};
    if (::getrlimit(resource, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return UINT64_MAX;
    return limit.rlim_cur;
}

}  // namespace

std::uint64_t usable_memory() {
    long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGE_SIZE);
    std::uint64_t physical =
        pages > 0 && page > 0 ? std::uint64_t(pages) * std::uint64_t(page) : UINT64_MAX;
    return std::min({physical, cgroup_limit("/sys/fs/cgroup/memory.max"),
                     cgroup_limit("/sys/fs/cgroup/memory/memory.limit_in_bytes"),
                     soft_limit(RLIMIT_AS), soft_limit(RLIMIT_DATA)});
}

void keep_freed_memory() {
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 16 << 20);
}

}  // namespace kinerja
