// A small HTTP/1.1 client over plain sockets for the service's tests, and a server running
// in the test's process on a free port.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "serve/serve.hpp"
#include "support/support.hpp"

namespace kinerja::test {

struct HttpReply {
    int status = 0;  // 0: no answer (the connection was closed or reset)
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;
    std::string header(const std::string& name) const {
        auto it = headers.find(name);
        return it == headers.end() ? "" : it->second;
    }
};

// A connected socket to 127.0.0.1:port, closed on destruction.
class Socket {
public:
    explicit Socket(std::uint16_t port);
    ~Socket();
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    bool send(std::string_view bytes);  // false once the peer closed
    // Reads one answer (Content-Length or until close); status 0 when none came.
    HttpReply read_reply(std::chrono::milliseconds timeout = std::chrono::seconds(60));
    // True when the peer closed the connection within `timeout`.
    bool closed_within(std::chrono::milliseconds timeout);

private:
    int fd_ = -1;
    std::string pending_;
};

// One request on its own connection ("Connection: close").
HttpReply request(std::uint16_t port, const std::string& method, const std::string& target,
                  const std::string& body = "",
                  const std::map<std::string, std::string>& headers = {});
// The bytes sent as they are.
HttpReply raw_request(std::uint16_t port, const std::string& bytes);

// A multipart/form-data body and its content type.
struct Form {
    std::string content_type, body;
    Form& file(const std::string& name, const std::string& file_name, const std::string& bytes);
    Form& field(const std::string& name, const std::string& value);
    Form& done();
};

std::string read_bytes(const std::filesystem::path& file);

// The engine, loaded once for the whole test program.
const Engine& shared_engine();

// A server on a free loopback port with a scratch jobs folder, stopped on destruction.
class TestServer {
public:
    explicit TestServer(ServeOptions options = {});
    ~TestServer();
    std::uint16_t port() const { return port_; }
    // Stops the server (SIGTERM's path) and waits for it; the log is complete after.
    void stop();
    const std::filesystem::path& jobs_dir() const { return jobs_dir_; }
    std::string log() const;

private:
    ScratchDir scratch_;
    std::filesystem::path jobs_dir_;
    std::unique_ptr<std::ostringstream> log_;
    std::unique_ptr<Server> server_;
    std::thread thread_;
    std::uint16_t port_ = 0;
};

}  // namespace kinerja::test
