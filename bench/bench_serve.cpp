// Load benchmark of `kinerja serve` on loopback: fills per second and latency (p50, p99) at 1,
// 4 and 16 concurrent clients, beside `process` called in-process on the same workbook with
// as many threads as the server has workers; and the peak RSS. The clients are our own,
// bounded: each keeps one keep-alive connection and sends the next request when the answer
// is in.
//
//   build/bench_serve [WORKBOOK] [--seconds S] [--workers N] [--soak REQUESTS]
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "common/memory.hpp"
#include "evaluate/evaluate.hpp"
#include "serve/serve.hpp"

using namespace kinerja;
using Clock = std::chrono::steady_clock;

namespace {

long rss_kb(const char* field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.starts_with(field)) return std::stol(line.substr(std::string(field).size()));
    return 0;
}

// One keep-alive connection; returns false when the answer was not a 200.
class Client {
public:
    explicit Client(std::uint16_t port) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) std::abort();
    }
    ~Client() { ::close(fd_); }
    bool fill(const std::string& request) {
        for (std::size_t sent = 0; sent < request.size();) {
            ssize_t n = ::send(fd_, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return false;
            sent += static_cast<std::size_t>(n);
        }
        std::string data;
        char buffer[65536];
        std::size_t head = std::string::npos, need = 0;
        while (true) {
            ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
            if (n <= 0) return false;
            data.append(buffer, static_cast<std::size_t>(n));
            if (head == std::string::npos && (head = data.find("\r\n\r\n")) != std::string::npos) {
                auto at = data.find("Content-Length: ");
                need = head + 4 + std::stoul(data.substr(at + 16));
            }
            if (head != std::string::npos && data.size() >= need)
                return data.compare(0, 12, "HTTP/1.1 200") == 0;
        }
    }

private:
    int fd_ = -1;
};

struct Figures {
    double per_second = 0, p50 = 0, p99 = 0;
    std::size_t count = 0;
};

Figures percentiles(std::vector<double> ms, double seconds) {
    std::sort(ms.begin(), ms.end());
    Figures f;
    f.count = ms.size();
    f.per_second = static_cast<double>(ms.size()) / seconds;
    if (!ms.empty()) {
        f.p50 = ms[ms.size() / 2];
        f.p99 = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
    }
    return f;
}

// Runs `threads` threads for `seconds`. Each makes its own `once` (so it can hold its own
// evaluator or connection) and repeats it until time is up or it fails; the figures are those
// of the runs that succeeded, and `failed` counts the threads that stopped on a failure.
template <class MakeOnce>
Figures timed_threads(unsigned threads, double seconds, MakeOnce make_once, std::size_t& failed) {
    std::atomic<bool> stop{false};
    std::atomic<std::size_t> failures{0};
    std::vector<std::vector<double>> times(threads);
    std::vector<std::thread> running;
    auto start = Clock::now();
    for (unsigned t = 0; t < threads; ++t)
        running.emplace_back([&, t] {
            auto once = make_once();
            while (!stop) {
                auto s = Clock::now();
                if (!once()) {
                    ++failures;
                    return;
                }
                times[t].push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - s).count());
            }
        });
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    for (auto& t : running) t.join();
    double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::vector<double> all;
    for (auto& v : times) all.insert(all.end(), v.begin(), v.end());
    failed = failures;
    return percentiles(std::move(all), elapsed);
}

}  // namespace

int main(int argc, char** argv) {
    std::string file = std::string(KINERJA_SOURCE_DIR) + "/samples/rutan-soe-2023-lkjip.xlsx";
    double seconds = 10;
    unsigned workers = 2;
    std::size_t soak = 0;  // requests of the memory run; 0 skips it
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--seconds" && i + 1 < argc)
            seconds = std::stod(argv[++i]);
        else if (a == "--soak" && i + 1 < argc)
            soak = std::stoul(argv[++i]);
        else if (a == "--workers" && i + 1 < argc)
            workers = static_cast<unsigned>(std::stoul(argv[++i]));
        else
            file = a;
    }
    std::ifstream in(file, std::ios::binary);
    std::string bytes(std::istreambuf_iterator<char>(in), {});
    keep_freed_memory();  // as `kinerja serve` does, for both the server and the in-process run
    Engine engine = Engine::load(default_formulas_dir());
    std::printf("workbook %s (%zu bytes), %u workers, %.0f s per run\n", file.c_str(), bytes.size(),
                workers, seconds);

    // In process: `workers` threads, each with its own Evaluator, as the server's workers.
    {
        std::size_t failed = 0;
        Figures f = timed_threads(
            workers, seconds,
            [&] {
                return [&, evaluator = std::make_shared<Evaluator>(*engine.compiled)] {
                    WorkbookSink sink = WorkbookSink::memory();
                    process(engine, WorkbookSource::bytes(bytes, "x.xlsx"), sink, {},
                            evaluator.get());
                    return true;
                };
            },
            failed);
        std::printf(
            "in-process process(), %u threads: %.1f fills/s, p50 %.1f ms, p99 %.1f ms "
            "(%zu fills)\n",
            workers, f.per_second, f.p50, f.p99, f.count);
    }
    std::printf("peak RSS after in-process: %ld MB\n", rss_kb("VmHWM:") / 1024);

    ServeOptions options;
    options.port = 0;
    options.workers = workers;
    options.queue_limit = 64;
    Server server(engine, options);
    std::thread serving([&] { server.run(false); });
    std::string request =
        "POST /api/v1/fill HTTP/1.1\r\nHost: x\r\nContent-Type: "
        "application/octet-stream\r\nContent-Length: " +
        std::to_string(bytes.size()) + "\r\n\r\n" + bytes;
    for (unsigned clients : {1u, 4u, 16u}) {
        std::size_t failed = 0;
        Figures f = timed_threads(
            clients, seconds,
            [&] {
                return [&, client = std::make_shared<Client>(server.port())] {
                    return client->fill(request);
                };
            },
            failed);
        std::printf(
            "server, %2u clients: %.1f fills/s, p50 %.1f ms, p99 %.1f ms (%zu fills, %zu "
            "failed); RSS now %ld MB, peak %ld MB\n",
            clients, f.per_second, f.p50, f.p99, f.count, failed, rss_kb("VmRSS:") / 1024,
            rss_kb("VmHWM:") / 1024);
    }
    // Memory over many requests: 4 clients send `soak` fills between them; the server's RSS is
    // sampled every tenth of the way. Flat means the last samples are no higher than the first
    // after warm-up.
    if (soak > 0) {
        std::atomic<std::size_t> sent{0}, failed{0};
        const std::size_t step = std::max<std::size_t>(1, soak / 10);
        std::vector<long> rss(11, 0);
        rss[0] = rss_kb("VmRSS:");
        std::vector<std::thread> clients;
        for (int c = 0; c < 4; ++c)
            clients.emplace_back([&] {
                Client client(server.port());
                for (std::size_t n; (n = ++sent) <= soak;) {
                    if (!client.fill(request)) ++failed;
                    if (n % step == 0 && n / step <= 10) rss[n / step] = rss_kb("VmRSS:");
                }
            });
        for (auto& t : clients) t.join();
        std::printf("memory over %zu requests (%zu failed), RSS in MB at each tenth:", soak,
                    failed.load());
        for (long kb : rss) std::printf(" %ld", kb / 1024);
        std::printf("\n");
    }
    server.stop();
    serving.join();
    return 0;
}
