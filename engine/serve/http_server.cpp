// The HTTP plumbing (Boost.Beast over Asio): connections with deadlines on one I/O thread,
// a bounded queue of complete requests, and the workers that answer them.
// clang-format off
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange unincluded
// clang-format on
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <csignal>
#include <iomanip>
#include <list>

#include "common/json_text.hpp"
#include "serve/detail.hpp"

namespace kinerja {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using namespace serve_detail;

namespace {

constexpr std::uint32_t header_limit = 16 * 1024;  // request line and headers together

// Said on every answer: the browser runs only our own scripts and styles, never guesses a
// type, sends no referrer and shows the pages in no frame.
const std::pair<const char*, const char*> security_headers[] = {
    {"Content-Security-Policy",
     "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Cross-Origin-Resource-Policy", "same-origin"},
};

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool is_loopback(const asio::ip::address& address) {
    if (address.is_v4()) return address.to_v4().is_loopback();
    const auto v6 = address.to_v6();
    return v6.is_loopback() ||
           (v6.is_v4_mapped() && asio::ip::make_address_v4(asio::ip::v4_mapped, v6).is_loopback());
}

}  // namespace

struct Server::Impl {
    Impl(const Engine& engine, ServeOptions options);
    ~Impl();

    void accept();
    void log_line(const std::string& line);
    // Hands `work` to a worker; false when the queue is full.
    bool enqueue(std::function<void(Worker&)> work);
    void worker_loop();
    void begin_stop();

    const Engine& engine;
    ServeOptions options;
    Metrics metrics;
    std::unique_ptr<JobStore> jobs;
    std::unique_ptr<Api> api;

    asio::io_context io{1};
    tcp::acceptor acceptor{io};
    asio::signal_set signals{io};
    bool stopping = false;  // on the I/O thread only
    std::list<std::weak_ptr<struct Connection>> connections;

    std::mutex queue_mutex;
    std::condition_variable queue_wake;
    std::deque<std::function<void(Worker&)>> queue;
    bool workers_stop = false;
    std::vector<std::thread> workers;
    std::mutex log_mutex;
};

// One client connection: reads a request within its deadlines, routes it, answers, and
// reads the next (keep-alive) until the client or the server closes.
struct Connection : std::enable_shared_from_this<Connection> {
    Connection(Server::Impl& owner, tcp::socket socket)
        : server(owner), stream(std::move(socket)), timer(stream.get_executor()) {}

    void read_header() {
        idle = buffer.size() == 0;
        if (server.stopping && idle) return close();
        parser.emplace();
        parser->header_limit(header_limit);
        parser->body_limit(server.options.max_upload);
        // The whole head must arrive in time: a client sending a byte a second is cut off
        // without holding anything but this socket.
        stream.expires_after(server.options.header_timeout);
        http::async_read_header(stream, buffer, *parser,
                                [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                    self->on_header(ec);
                                });
    }

    void on_header(beast::error_code ec) {
        idle = false;
        started = Clock::now();
        if (ec) return read_failed(ec);
        ++server.metrics.in_flight;
        counted = true;
        const auto& head = parser->get();
        method = std::string(head.method_string());
        target = std::string(head.target());
        if (beast::iequals(head[http::field::expect], "100-continue")) {
            // curl waits a second for this before sending a large body.
            auto cont = std::make_shared<std::string>("HTTP/1.1 100 Continue\r\n\r\n");
            asio::async_write(stream, asio::buffer(*cont),
                              [self = shared_from_this(), cont](beast::error_code e, std::size_t) {
                                  if (e) return self->close();
                                  self->read_body();
                              });
            return;
        }
        read_body();
    }

    void read_body() {
        stream.expires_after(server.options.request_timeout);
        http::async_read(stream, buffer, *parser,
                         [self = shared_from_this()](beast::error_code ec, std::size_t) {
                             if (ec) return self->read_failed(ec);
                             self->dispatch();
                         });
    }

    // The request could not be read: answer what can be answered, then close.
    void read_failed(beast::error_code ec) {
        Lang lang = Lang::id;
        if (ec == http::error::end_of_stream || ec == asio::error::eof ||
            ec == asio::error::operation_aborted || ec == asio::error::connection_reset)
            return close();
        if (ec == beast::error::timeout) {
            // The stream is closed by its deadline; only count the attempt.
            if (!idle) finish_log(408, 0);
            return close();
        }
        close_after = true;
        if (ec == http::error::header_limit)
            return respond(error_response(
                {431,
                 "permintaan.kepala_terlalu_besar",
                 {"kepala permintaan lebih dari " + std::to_string(header_limit / 1024) + " KB",
                  "the request's headers exceed " + std::to_string(header_limit / 1024) + " KB"}},
                lang));
        if (ec == http::error::body_limit)
            return respond(error_response(
                {413,
                 "unggahan.terlalu_besar",
                 {"unggahan lebih dari " + std::to_string(server.options.max_upload >> 20) +
                      " MB; bagi berkasnya atau minta operator menaikkan --max-upload",
                  "the upload exceeds " + std::to_string(server.options.max_upload >> 20) +
                      " MB; split the file or ask the operator to raise --max-upload"}},
                lang));
        respond(error_response({400,
                                "permintaan.tidak_valid",
                                {"permintaan HTTP tidak dapat dibaca: " + ec.message(),
                                 "the HTTP request cannot be read: " + ec.message()}},
                               lang));
    }

    void dispatch() {
        auto& message = parser->get();
        keep_alive = message.keep_alive();
        Request request;
        request.method = method;
        request.target = target;
        for (const auto& field : message) {
            std::string name(field.name_string());
            for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            request.headers[name] = std::string(field.value());
        }
        request.body = std::move(message.body());
        if (!parse_target(request)) {
            close_after = true;
            return respond(error_response(
                {400,
                 "permintaan.alamat_tidak_valid",
                 {"alamat permintaan tidak valid", "the request's target is not valid"}},
                request.lang()));
        }
        path = request.path;
        Lang lang = request.lang();
        Routed routed = server.api->route(std::move(request));
        if (routed.now) return respond(std::move(*routed.now));

        auto answered = std::make_shared<std::atomic<bool>>(false);
        auto self = shared_from_this();
        bool queued =
            server.enqueue([self, answered, work = std::move(routed.work), lang](Worker& worker) {
                if (answered->load()) return;  // timed out while waiting
                Response response;
                try {
                    response = work(worker);
                } catch (const std::exception& e) {
                    response = error_response({500,
                                               "server.galat",
                                               {std::string("galat di server: ") + e.what(),
                                                std::string("server error: ") + e.what()}},
                                              lang);
                }
                asio::post(self->stream.get_executor(),
                           [self, answered, response = std::move(response)]() mutable {
                               if (answered->exchange(true)) return;
                               self->timer.cancel();
                               self->respond(std::move(response));
                           });
            });
        if (!queued) {
            answered->store(true);
            Response busy = error_response({503,
                                            "server.sibuk",
                                            {"server sedang penuh; coba lagi sebentar lagi",
                                             "the server is busy; try again in a moment"}},
                                           lang);
            busy.headers.emplace_back("Retry-After", "5");
            return respond(std::move(busy));
        }
        // The time limit of the request covers the wait and the work too.
        timer.expires_at(started + server.options.request_timeout);
        timer.async_wait([self, answered, lang](beast::error_code ec) {
            if (ec || answered->exchange(true)) return;
            self->close_after = true;
            Response late =
                error_response({503,
                                "server.terlalu_lama",
                                {"pekerjaan ini melewati batas waktu permintaan; coba lagi nanti",
                                 "this work exceeded the request's time limit; try again later"}},
                               lang);
            late.headers.emplace_back("Retry-After", "30");
            self->respond(std::move(late));
        });
    }

    void respond(Response response) {
        if (response.events) return stream_events(std::move(response));
        auto reply = std::make_shared<http::response<http::string_body>>();
        reply->version(11);
        reply->result(static_cast<unsigned>(response.status));
        reply->set(http::field::content_type, response.content_type);
        for (const auto& [name, value] : security_headers) reply->set(name, value);
        if (response.content_type.starts_with("application/json"))
            reply->set(http::field::cache_control, "no-store");
        // A route's header replaces the common one of that name; an empty one removes it.
        for (const auto& [name, value] : response.headers) {
            if (value.empty())
                reply->erase(name);
            else
                reply->set(name, value);
        }
        std::size_t bytes = response.body.size();
        reply->body() = std::move(response.body);
        bool again = keep_alive && !close_after && !server.stopping;
        reply->keep_alive(again);
        reply->prepare_payload();
        int status = response.status;
        stream.expires_after(server.options.request_timeout);
        http::async_write(stream, *reply,
                          [self = shared_from_this(), reply, again, status, bytes](
                              beast::error_code ec, std::size_t) {
                              self->finish_log(status, bytes);
                              if (ec || !again) return self->close();
                              self->read_header();
                          });
    }

    // Server-Sent Events: the head, then an event about every interval until the source ends.
    void stream_events(Response response) {
        auto head = std::make_shared<std::string>(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
            "Connection: close\r\n");
        for (const auto& [name, value] : security_headers)
            *head += std::string(name) + ": " + value + "\r\n";
        *head += "\r\n";
        events = std::move(response.events);
        event_interval = std::chrono::milliseconds(response.event_interval_ms);
        stream.expires_after(server.options.request_timeout);
        asio::async_write(stream, asio::buffer(*head),
                          [self = shared_from_this(), head](beast::error_code ec, std::size_t n) {
                              self->event_bytes += n;
                              if (ec) return self->end_events();
                              self->next_event();
                          });
    }

    void next_event() {
        std::optional<std::string> text = server.stopping ? std::nullopt : events();
        if (!text) return end_events();
        auto chunk = std::make_shared<std::string>(std::move(*text));
        stream.expires_never();
        asio::async_write(stream, asio::buffer(*chunk),
                          [self = shared_from_this(), chunk](beast::error_code ec, std::size_t n) {
                              self->event_bytes += n;
                              if (ec) return self->end_events();
                              self->timer.expires_after(self->event_interval);
                              self->timer.async_wait([self](beast::error_code e) {
                                  if (e) return self->end_events();
                                  self->next_event();
                              });
                          });
    }

    void end_events() {
        if (events_ended) return;
        events_ended = true;
        finish_log(200, event_bytes);
        close();
    }

    void finish_log(int status, std::size_t bytes) {
        double ms = ms_since(started);
        server.metrics.request_done(status, ms);
        if (counted) --server.metrics.in_flight;
        counted = false;
        std::ostringstream line;
        line << (method.empty() ? "-" : method) << ' ' << (path.empty() ? "-" : path) << ' '
             << status << ' ' << bytes << ' ' << std::fixed << std::setprecision(1) << ms << "ms";
        server.log_line(line.str());
        method.clear();
        path.clear();
        target.clear();
        close_after = false;
    }

    void close() {
        if (counted) --server.metrics.in_flight;
        counted = false;
        beast::error_code ec;
        stream.socket().shutdown(tcp::socket::shutdown_both, ec);
        stream.socket().close(ec);
        timer.cancel();
    }

    // On stop: a connection waiting for a next request that has not begun is closed.
    void close_if_idle() {
        if (idle) stream.socket().cancel();
    }

    Server::Impl& server;
    beast::tcp_stream stream;
    asio::steady_timer timer;
    beast::flat_buffer buffer;
    std::optional<http::request_parser<http::string_body>> parser;
    Clock::time_point started = Clock::now();
    std::string method, target, path;
    bool keep_alive = false, close_after = false, idle = true, counted = false;
    std::function<std::optional<std::string>()> events;
    std::chrono::milliseconds event_interval{500};
    std::size_t event_bytes = 0;
    bool events_ended = false;
};

Server::Impl::Impl(const Engine& engine_in, ServeOptions options_in)
    : engine(engine_in), options(std::move(options_in)) {
    if (options.workers == 0) options.workers = std::max(1u, std::thread::hardware_concurrency());
    Tokens tokens;
    if (!options.tokens_file.empty()) tokens = Tokens::load(options.tokens_file);

    beast::error_code ec;
    asio::ip::address address = asio::ip::make_address(options.host, ec);
    if (ec)
        throw ServeError({"alamat tidak valid untuk --listen: " + options.host +
                              " (tulis alamat IP, misalnya 127.0.0.1:8080)",
                          "not a valid address for --listen: " + options.host +
                              " (give an IP address such as 127.0.0.1:8080)"});
    if (!tokens.enabled() && !is_loopback(address))
        throw ServeError(
            {"tanpa --tokens Kinerja hanya mendengar di 127.0.0.1 (atau ::1); " + options.host +
                 " membuka layanan tanpa kunci ke jaringan. Beri --tokens BERKAS (lihat "
                 "docs/api.md) atau dengarkan di 127.0.0.1 di belakang proksi balik",
             "without --tokens Kinerja listens on 127.0.0.1 (or ::1) only; " + options.host +
                 " would open the service without keys to the network. Give --tokens FILE (see "
                 "docs/api.md) or listen on 127.0.0.1 behind a reverse proxy"});

    JobStore::Settings settings;
    settings.dir = options.jobs_dir.empty()
                       ? std::filesystem::temp_directory_path() / "kinerja-jobs"
                       : options.jobs_dir;
    settings.ttl = std::chrono::duration_cast<std::chrono::milliseconds>(options.job_ttl);
    settings.formulas_dir = options.formulas_dir;
    settings.threads = options.workers;
    settings.max_unit_bytes = options.max_upload;
    settings.log = [this](const std::string& line) { log_line(line); };

    tcp::endpoint endpoint(address, options.port);
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        std::string where = options.host + ":" + std::to_string(options.port);
        if (ec == asio::error::address_in_use)
            throw ServeError({"alamat " + where +
                                  " sudah dipakai program lain; hentikan program itu atau pilih "
                                  "port lain dengan --listen",
                              "the address " + where +
                                  " is already in use by another program; stop it or choose "
                                  "another port with --listen"});
        throw ServeError({"tidak dapat mendengar di " + where + ": " + ec.message(),
                          "cannot listen on " + where + ": " + ec.message()});
    }
    jobs = std::make_unique<JobStore>(engine, settings);
    api = std::make_unique<Api>(engine, options, std::move(tokens), *jobs, metrics);
}

Server::Impl::~Impl() {
    {
        std::lock_guard lock(queue_mutex);
        workers_stop = true;
    }
    queue_wake.notify_all();
    for (auto& t : workers)
        if (t.joinable()) t.join();
    // The job runner logs through log_line: it stops while the log's mutex still exists.
    api.reset();
    jobs.reset();
}

void Server::Impl::log_line(const std::string& line) {
    if (!options.log) return;
    auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::lock_guard lock(log_mutex);
    *options.log << std::put_time(&utc, "%Y-%m-%dT%H:%M:%SZ") << ' ' << line << std::endl;
}

void Server::Impl::accept() {
    acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
        if (ec) {
            if (ec == asio::error::operation_aborted || stopping) return;
            return accept();  // too many open files and the like: keep serving the others
        }
        auto connection = std::make_shared<Connection>(*this, std::move(socket));
        connections.remove_if([](const std::weak_ptr<Connection>& c) { return c.expired(); });
        connections.push_back(connection);
        connection->read_header();
        accept();
    });
}

bool Server::Impl::enqueue(std::function<void(Worker&)> work) {
    {
        std::lock_guard lock(queue_mutex);
        if (queue.size() >= options.queue_limit) return false;
        queue.push_back(std::move(work));
        ++metrics.queued;
    }
    queue_wake.notify_one();
    return true;
}

void Server::Impl::worker_loop() {
    Worker worker{Evaluator(*engine.compiled)};
    while (true) {
        std::function<void(Worker&)> work;
        {
            std::unique_lock lock(queue_mutex);
            queue_wake.wait(lock, [&] { return workers_stop || !queue.empty(); });
            if (queue.empty()) return;  // stopping, and nothing left to answer
            work = std::move(queue.front());
            queue.pop_front();
            --metrics.queued;
        }
        work(worker);
    }
}

void Server::Impl::begin_stop() {
    if (stopping) return;
    stopping = true;
    log_line("stopping: answering the requests in flight");
    beast::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    for (auto& weak : connections)
        if (auto c = weak.lock()) c->close_if_idle();
}

Server::Server(const Engine& engine, ServeOptions options)
    : impl_(std::make_unique<Impl>(engine, std::move(options))) {}

Server::~Server() = default;

std::uint16_t Server::port() const {
    return impl_->acceptor.local_endpoint().port();
}

void Server::run(bool handle_signals) {
    Impl& s = *impl_;
    for (unsigned i = 0; i < s.options.workers; ++i)
        s.workers.emplace_back([&s] { s.worker_loop(); });
    if (handle_signals) {
        s.signals.add(SIGTERM);
        s.signals.add(SIGINT);
        s.signals.async_wait([&s](beast::error_code ec, int) {
            if (!ec) s.begin_stop();
        });
    }
    s.accept();
    s.io.run();  // returns when the acceptor is closed and every connection has ended
    {
        std::lock_guard lock(s.queue_mutex);
        s.workers_stop = true;
    }
    s.queue_wake.notify_all();
    for (auto& t : s.workers) t.join();
    s.workers.clear();
    s.log_line("stopped");
}

void Server::stop() {
    asio::post(impl_->io, [s = impl_.get()] { s->begin_stop(); });
}

bool Server::job_running() const {
    return impl_->jobs->running();
}

}  // namespace kinerja
