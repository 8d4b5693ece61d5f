// How much memory this process can use: what a reader derives its caps from, so that data
// too large is refused with the numbers before it is allocated, not met by std::bad_alloc.
#pragma once

#include <cstdint>

namespace kinerja {

// The least of the machine's physical memory, the cgroup's memory limit (containers, cluster
// jobs) and the address-space and data-segment limits (ulimit -v, ulimit -d), in bytes.
std::uint64_t usable_memory();

}  // namespace kinerja
