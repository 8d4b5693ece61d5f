#include "common/atomic_output.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <utility>

namespace kinerja {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view temp_prefix = ".kinerja-tmp-";

fs::path folder_of(const fs::path& file) {
    return file.parent_path().empty() ? fs::path(".") : file.parent_path();
}

bool proc_available() {
    static const bool available = ::access("/proc/self/fd", X_OK) == 0;
    return available;
}

// The process's umask, read without changing it (umask(2) would, for every thread at once).
mode_t process_umask() {
    static const mode_t mask = [] {
        std::ifstream status("/proc/self/status");
        std::string line;
        while (std::getline(status, line))
            if (line.rfind("Umask:", 0) == 0)
                return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
        return static_cast<mode_t>(022);
    }();
    return mask;
}

OutputError temp_failure(const fs::path& dir, int error) {
    if (error == ENOENT || error == ENOTDIR)
        return OutputError(dir.string(),
                           {"folder tujuan tidak ada", "the destination folder does not exist"});
    if (out_of_room(dir, error)) return disk_full(dir, dir);
    std::string reason = std::strerror(error);
    return OutputError(dir.string(),
                       {"berkas sementara tidak dapat dibuat di folder ini: " + reason,
                        "cannot make a temp file in this folder: " + reason});
}

void close_quietly(int fd) {
    if (fd >= 0) ::close(fd);
}

}  // namespace

PrivateFile PrivateFile::named(const fs::path& dir, std::string_view tail) {
    // The name must fit NAME_MAX; a long destination name keeps only its end.
    constexpr std::size_t name_max = 255, fixed = 32;  // prefix, pid, random part, dashes
    if (tail.size() > name_max - fixed) tail = tail.substr(tail.size() - (name_max - fixed));
    std::string name = std::string(temp_prefix) + std::to_string(::getpid()) + "-XXXXXX-";
    name += tail;
    std::string path = (dir / name).string();
    // mkostemps: O_CREAT | O_EXCL (never through a link), mode 0600, random letters.
    PrivateFile file;
    file.fd_ = ::mkostemps(path.data(), static_cast<int>(tail.size() + 1), O_CLOEXEC);
    if (file.fd_ < 0) throw temp_failure(dir, errno);
    file.path_ = path;
    return file;
}

fs::path memory_folder() {
    std::error_code ignored;
    if (fs::is_directory("/dev/shm", ignored) && ::access("/dev/shm", W_OK | X_OK) == 0)
        return "/dev/shm";
    return {};
}

int open_unnamed_file(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)) return fd;
    // A filesystem without O_TMPFILE: a private name, removed at once.
    std::string path = (dir / (std::string(temp_prefix) + "XXXXXX")).string();
    fd = ::mkostemp(path.data(), O_CLOEXEC);
    if (fd >= 0) ::unlink(path.c_str());
    return fd;
}

PrivateFile PrivateFile::unnamed(const fs::path& dir) {
    if (!proc_available())
        throw OutputError(dir.string(), {"/proc tidak tersedia", "/proc is not available"});
    PrivateFile file;
    file.fd_ = open_unnamed_file(dir);
    if (file.fd_ < 0) throw temp_failure(dir, errno);
    return file;
}

PrivateFile::PrivateFile(PrivateFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {
    other.path_.clear();
}

PrivateFile& PrivateFile::operator=(PrivateFile&& other) noexcept {
    if (this != &other) {
        this->~PrivateFile();
        fd_ = std::exchange(other.fd_, -1);
        path_ = std::move(other.path_);
        other.path_.clear();
    }
    return *this;
}

PrivateFile::~PrivateFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
    close_quietly(fd_);
    fd_ = -1;
    path_.clear();
}

fs::path PrivateFile::access_path() const {
    if (proc_available() && fd_ >= 0) return "/proc/self/fd/" + std::to_string(fd_);
    return path_;
}

void write_atomically(const fs::path& destination,
                      const std::function<void(const fs::path& temp)>& produce, bool sync) {
    const fs::path dir = folder_of(destination);
    PrivateFile temp = PrivateFile::named(dir, destination.filename().string());
    try {
        errno = 0;
        produce(temp.access_path());
        // Through the descriptor: the file written is the file renamed, and a failure to
        // write back what the system still held (a full disk) shows here.
        if (sync && ::fsync(temp.fd()) != 0) {
            std::string reason = std::strerror(errno);
            throw OutputError(destination.string(), {"gagal menyimpan berkas ke disk: " + reason,
                                                     "could not save the file to disk: " + reason});
        }
    } catch (...) {
        // Before the temp file is removed: its bytes are part of why the disk is full.
        if (out_of_room(dir, errno)) throw disk_full(destination, dir);
        throw;
    }
    // Private while written; once whole, the permissions any new file of the user gets.
    ::fchmod(temp.fd(), 0666 & ~process_umask());
    if (::rename(temp.path().c_str(), destination.c_str()) != 0) {
        std::string reason = std::strerror(errno);
        throw OutputError(destination.string(),
                          {"gagal memindahkan berkas sementara ke tujuan: " + reason,
                           "could not move the temp file into place: " + reason});
    }
    temp.keep();
    if (!sync) return;
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

void sync_filesystem(const fs::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    ::syncfs(fd);
    ::close(fd);
}

bool out_of_room(const fs::path& folder, int error) {
    if (error == ENOSPC || error == EDQUOT) return true;
    struct statvfs s {};
    if (::statvfs(folder.c_str(), &s) != 0) return false;
    // Less than a few blocks: the write that failed needed more. No inodes: no new file.
    constexpr unsigned long long almost_none = 64 * 1024;
    bool no_space = static_cast<unsigned long long>(s.f_bavail) * s.f_frsize < almost_none;
    bool no_inodes = s.f_files > 0 && s.f_favail == 0;
    return no_space || no_inodes;
}

OutputError disk_full(const fs::path& file, const fs::path& folder) {
    std::error_code ec;
    fs::path shown = fs::absolute(folder, ec);
    std::string where = (ec ? folder : shown).lexically_normal().string();
    return OutputError(
        file.string(),
        {"disk penuh: folder " + where +
             " tidak punya ruang lagi; kosongkan ruang lalu jalankan lagi",
         "disk full: the folder " + where + " has no room left; free some space and run again"});
}

std::size_t remove_stray_temps(const fs::path& dir, std::chrono::seconds min_age) {
    int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd < 0) return 0;
    DIR* listing = ::fdopendir(dir_fd);
    if (!listing) {
        ::close(dir_fd);
        return 0;
    }
    const std::time_t now = std::time(nullptr);
    std::size_t removed = 0;
    while (const dirent* entry = ::readdir(listing)) {
        std::string_view name = entry->d_name;
        if (name.substr(0, temp_prefix.size()) != temp_prefix) continue;
        // Looked at and removed through the folder's descriptor, never through a link.
        struct stat st {};
        if (::fstatat(dir_fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        if (!S_ISREG(st.st_mode) || st.st_uid != ::geteuid()) continue;
        if (now - st.st_mtime < min_age.count()) continue;
        if (::unlinkat(dir_fd, entry->d_name, 0) == 0) ++removed;
    }
    ::closedir(listing);  // closes dir_fd too
    return removed;
}

}  // namespace kinerja
