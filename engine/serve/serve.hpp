// The engine as a web service: `kinerja serve`, a JSON API under /api/v1/ and the pages.
//
//     auto engine = kinerja::Engine::load(kinerja::default_formulas_dir());
//     kinerja::ServeOptions o;
//     o.jobs_dir = "/var/lib/kinerja/jobs";
//     kinerja::Server server(engine, o);   // binds; throws ServeError when the port is taken
//     server.run();                        // until SIGTERM/SIGINT (or server.stop())
//
// One I/O thread reads and writes every connection asynchronously, each with a deadline, so
// a slow or silent client holds no worker. A complete request goes to a bounded queue served
// by `workers` threads, each with its own Evaluator (muParser is not shareable); the compiled
// catalogue is shared. A single fill reads the upload from memory and answers from memory.
// Batch jobs run one at a time on their own thread in `jobs_dir` (see docs/api.md).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "common/message.hpp"
#include "pipeline/pipeline.hpp"

namespace kinerja {

struct ServeOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;  // 0: any free port (the tests); Server::port() says which
    unsigned workers = 0;       // 0: one per hardware thread
    std::uint64_t max_upload = 50ull << 20;
    // Requests that wait for a worker; one more is answered 503 with Retry-After.
    std::size_t queue_limit = 64;
    // The whole request line and headers must arrive within this (slow clients are cut off).
    std::chrono::milliseconds header_timeout{10'000};
    // From the first byte of a request to the last byte of its answer.
    std::chrono::milliseconds request_timeout{120'000};
    // An idle keep-alive connection is closed after this.
    std::chrono::milliseconds idle_timeout{30'000};
    // Where batch jobs live; empty: a folder "kinerja-jobs" under the system temp folder.
    std::filesystem::path jobs_dir;
    std::chrono::seconds job_ttl{24 * 3600};
    // Without a tokens file the server must listen on a loopback address.
    std::filesystem::path tokens_file;
    // Only for the batch's up-to-date check (BatchOptions::formulas_dir).
    std::filesystem::path formulas_dir;
    // The request log (one line per request) and start/stop notices; nullptr: none.
    std::ostream* log = nullptr;
};

// The server cannot start: the address is taken or not loopback without tokens, the tokens
// file or the jobs folder is unusable. The message says what to do.
class ServeError : public std::runtime_error {
public:
    explicit ServeError(Message message)
        : std::runtime_error(message.en), message_(std::move(message)) {}
    const Message& message() const { return message_; }

private:
    Message message_;
};

class Server {
public:
    // Loads the tokens, finds the jobs of an earlier run (expired ones are deleted, unfinished
    // ones queued again) and binds the address. Throws ServeError.
    Server(const Engine& engine, ServeOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    std::uint16_t port() const;  // the port bound
    // Serves until SIGTERM or SIGINT (when `handle_signals`) or stop(): then no new
    // connection is taken, the requests in flight are answered, and run() returns.
    void run(bool handle_signals = true);
    // Thread-safe; the same as SIGTERM.
    void stop();
    // A batch job was still running when run() returned. Its units already written are kept
    // (the batch's manifest), and the next start runs the job again from there.
    bool job_running() const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

// "127.0.0.1:8080", "[::1]:8080", ":8080" (127.0.0.1), "8080"; nullopt when malformed.
struct ListenAddress {
    std::string host;
    std::uint16_t port = 0;
};
std::optional<ListenAddress> parse_listen(std::string_view text);
// "50M", "512K", "1G", "1000" (bytes); nullopt when malformed or zero.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);
// "24h", "30m", "90s", "2d", "500ms"; nullopt when malformed or zero.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

}  // namespace kinerja
