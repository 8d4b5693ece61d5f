// How much memory this process can use: what a reader derives its caps from, so that data
// too large is refused with the numbers before it is allocated, not met by std::bad_alloc.
#pragma once

#include <cstdint>

namespace kinerja {

// The least of the machine's physical memory, the cgroup's memory limit (containers, cluster
// jobs) and the address-space and data-segment limits (ulimit -v, ulimit -d), in bytes.
std::uint64_t usable_memory();

// For a process that fills workbook after workbook (batch, the server): keep up to 64 MB that
// a thread's heap frees instead of handing it back to the kernel at once. Each fill allocates
// and frees a few MB (zlib's deflate state for every part libxlsxwriter writes, the model,
// zip buffers); by default glibc returns freed memory at the top of a thread's heap (madvise)
// as soon as 128 KB are free and the next fill faults it in again. In a 2-core VM that TLB
// and page-fault churn took a third to a half of a worker's time (docs/benchmarks.md).
// Memory stays bounded: a worker's heap holds one fill at a time.
void keep_freed_memory();

}  // namespace kinerja
