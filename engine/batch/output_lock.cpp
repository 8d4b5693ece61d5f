// OutputLock: flock(2) on lock files inside the output folder. Every batch holds
// ".kinerja-lock" shared while it runs, and ".kinerja-lock-K-of-N" exclusively for its shard.
// A batch that gets ".kinerja-lock" exclusively knows no other batch is writing there, and
// tidies up before it shares it. kinerja rekap holds ".kinerja-lock" exclusively for the
// whole merge, so no batch of any shard writes beside the rekap.xlsx and laporan.json it
// writes. The locks go with the process: a killed batch or rekap holds none.
// The lock files stay (removing one while another process waits on it would split the
// lock) and are opened never through a symbolic link.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "batch/outputs.hpp"
#include "batch/summary_store.hpp"
#include "common/atomic_output.hpp"

namespace kinerja::batch_detail {

namespace {

int open_lock_file(const fs::path& file) {
    int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) return fd;
    if (errno == ELOOP)
        throw OutputError(file.string(),
                          {"berkas kunci ini adalah tautan simbolik; Kinerja tidak membuka "
                           "lewat tautan. Hapus tautan itu lalu jalankan lagi",
                           "this lock file is a symbolic link; Kinerja does not open through "
                           "links. Remove the link and run again"});
    if (out_of_room(file.parent_path(), errno)) throw disk_full(file, file.parent_path());
    std::string reason = std::strerror(errno);
    throw OutputError(file.string(), {"berkas kunci folder keluaran tidak dapat dibuat: " + reason,
                                      "the output folder's lock file cannot be made: " + reason});
}

bool lock(int fd, int operation) {
    int rc;
    while ((rc = ::flock(fd, operation)) != 0 && errno == EINTR) {
    }
    return rc == 0;
}

// Why a lock that was not given (errno from flock) is refused; closes the files held.
[[noreturn]] void refuse(const fs::path& out_dir, int error, std::string_view which_id,
                         std::string_view which_en, std::initializer_list<int> held) {
    for (int fd : held) ::close(fd);
    if (error != EWOULDBLOCK) {
        std::string reason = std::strerror(error);
        throw OutputError(out_dir.string(), {"folder keluaran tidak dapat dikunci: " + reason,
                                             "the output folder cannot be locked: " + reason});
    }
    throw OutputError(out_dir.string(),
                      {"folder keluaran sedang dipakai oleh kinerja " + std::string(which_id) +
                           "; tunggu sampai selesai, atau pilih folder --out lain",
                       "the output folder is in use by another kinerja " + std::string(which_en) +
                           "; wait until it finishes, or choose another --out folder"});
}

}  // namespace

OutputLock::OutputLock(const fs::path& out_dir, const Shard& shard) {
    folder_ = open_lock_file(out_dir / ".kinerja-lock");
    if (lock(folder_, LOCK_EX | LOCK_NB)) {
        strays_removed_ = remove_stray_temps(out_dir);
        lock(folder_, LOCK_SH);  // converts: other shards may now start
    } else {
        lock(folder_, LOCK_SH);  // waits only while another batch tidies up or a rekap runs
    }
    std::string part = std::to_string(shard.index) + "-of-" + std::to_string(shard.count);
    std::string part_of = std::to_string(shard.index) + "/" + std::to_string(shard.count);
    shard_ = open_lock_file(out_dir / (".kinerja-lock-" + part));
    if (lock(shard_, LOCK_EX | LOCK_NB)) return;
    int error = errno;
    std::string which_id = "batch lain", which_en = "batch";
    if (shard.count > 1) {
        which_id += " untuk bagian " + part_of;
        which_en += " for shard " + part_of;
    }
    refuse(out_dir, error, which_id, which_en, {shard_, folder_});
}

OutputLock::OutputLock(const fs::path& out_dir) {
    folder_ = open_lock_file(out_dir / ".kinerja-lock");
    if (!lock(folder_, LOCK_EX | LOCK_NB))
        refuse(out_dir, errno, "batch atau rekap lain", "batch or rekap", {folder_});
    strays_removed_ = remove_stray_temps(out_dir);
}

OutputLock::~OutputLock() {
    if (shard_ >= 0) ::close(shard_);  // closing releases the locks
    ::close(folder_);
}

void check_each_unit_once(const SummaryStore& units, const std::vector<std::string>& expected,
                          const fs::path& rekap) {
    std::vector<std::string> twice, missing, unknown;
    std::size_t e = 0;
    for (std::size_t i = 0; i < units.size(); ++i) {
        const std::string& key = units.key(i);
        if (i > 0 && key == units.key(i - 1)) {
            if (twice.empty() || twice.back() != key) twice.push_back(key);
            continue;
        }
        while (e < expected.size() && expected[e] < key) missing.push_back(expected[e++]);
        if (e < expected.size() && expected[e] == key)
            ++e;
        else
            unknown.push_back(key);
    }
    while (e < expected.size()) missing.push_back(expected[e++]);
    if (twice.empty() && missing.empty() && unknown.empty()) return;
    auto list = [](const std::vector<std::string>& keys) {
        std::string text;
        for (std::size_t i = 0; i < keys.size() && i < 10; ++i) text += (i ? ", " : "") + keys[i];
        if (keys.size() > 10) text += ", … (" + std::to_string(keys.size()) + ")";
        return text;
    };
    Message m{"rekap tidak ditulis: tiap satker harus tercantum tepat sekali, tetapi",
              "the rekap is not written: every satker must be listed exactly once, but"};
    if (!missing.empty()) {
        m.id += " tidak ada: " + list(missing) + ";";
        m.en += " missing: " + list(missing) + ";";
    }
    if (!twice.empty()) {
        m.id += " lebih dari sekali: " + list(twice) + ";";
        m.en += " more than once: " + list(twice) + ";";
    }
    if (!unknown.empty()) {
        m.id += " tidak dikenal: " + list(unknown) + ";";
        m.en += " unknown: " + list(unknown) + ";";
    }
    m.id += " jalankan lagi dengan --force";
    m.en += " run again with --force";
    throw OutputError(rekap.string(), m);
}

}  // namespace kinerja::batch_detail
