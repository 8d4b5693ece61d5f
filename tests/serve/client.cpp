#include "serve/client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>

#include "evaluate/evaluate.hpp"

namespace kinerja::test {

Socket::Socket(std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd_);
        fd_ = -1;
    }
}

Socket::~Socket() {
    if (fd_ >= 0) ::close(fd_);
}

bool Socket::send(std::string_view bytes) {
    while (!bytes.empty() && fd_ >= 0) {
        ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return fd_ >= 0;
}

bool Socket::closed_within(std::chrono::milliseconds timeout) {
    auto end = std::chrono::steady_clock::now() + timeout;
    char buffer[4096];
    while (std::chrono::steady_clock::now() < end) {
        pollfd p{fd_, POLLIN, 0};
        int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        end - std::chrono::steady_clock::now())
                                        .count());
        if (::poll(&p, 1, std::max(left, 1)) <= 0) continue;
        ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
        if (n <= 0) return true;
    }
    return false;
}

HttpReply Socket::read_reply(std::chrono::milliseconds timeout) {
    HttpReply reply;
    auto end = std::chrono::steady_clock::now() + timeout;
    std::string data = std::move(pending_);
    pending_.clear();
    std::size_t head_end = std::string::npos, need = std::string::npos;
    char buffer[65536];
    while (true) {
        if (head_end == std::string::npos &&
            (head_end = data.find("\r\n\r\n")) != std::string::npos) {
            std::istringstream head(data.substr(0, head_end));
            std::string line, version;
            std::getline(head, line);
            std::istringstream first(line);
            first >> version >> reply.status;
            while (std::getline(head, line)) {
                if (!line.empty() && line.back() == '\r') line.pop_back();
                auto colon = line.find(':');
                if (colon == std::string::npos) continue;
                std::string name = line.substr(0, colon);
                for (char& c : name)
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                reply.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
            }
            if (reply.headers.count("content-length"))
                need = head_end + 4 + std::stoull(reply.headers["content-length"]);
        }
        if (need != std::string::npos && data.size() >= need) {
            reply.body = data.substr(head_end + 4, need - head_end - 4);
            pending_ = data.substr(need);
            return reply;
        }
        pollfd p{fd_, POLLIN, 0};
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                        end - std::chrono::steady_clock::now())
                        .count();
        if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) break;
        ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        data.append(buffer, static_cast<std::size_t>(n));
    }
    if (head_end != std::string::npos && need == std::string::npos)
        reply.body = data.substr(head_end + 4);  // until close (Server-Sent Events)
    else if (head_end == std::string::npos)
        reply.status = 0;
    return reply;
}

HttpReply raw_request(std::uint16_t port, const std::string& bytes) {
    Socket socket(port);
    socket.send(bytes);
    return socket.read_reply();
}

HttpReply request(std::uint16_t port, const std::string& method, const std::string& target,
                  const std::string& body, const std::map<std::string, std::string>& headers) {
    std::string text =
        method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    for (const auto& [name, value] : headers) text += name + ": " + value + "\r\n";
    if (!body.empty() || method == "POST" || method == "PUT")
        text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    text += "\r\n" + body;
    return raw_request(port, text);
}

Form& Form::file(const std::string& name, const std::string& file_name, const std::string& bytes) {
    body += "--kinerja-test-boundary\r\nContent-Disposition: form-data; name=\"" + name +
            "\"; filename=\"" + file_name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" +
            bytes + "\r\n";
    return *this;
}

Form& Form::field(const std::string& name, const std::string& value) {
    body += "--kinerja-test-boundary\r\nContent-Disposition: form-data; name=\"" + name +
            "\"\r\n\r\n" + value + "\r\n";
    return *this;
}

Form& Form::done() {
    body += "--kinerja-test-boundary--\r\n";
    content_type = "multipart/form-data; boundary=kinerja-test-boundary";
    return *this;
}

std::string read_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

const Engine& shared_engine() {
    static const Engine engine = Engine::load(default_formulas_dir());
    return engine;
}

TestServer::TestServer(ServeOptions options) : log_(std::make_unique<std::ostringstream>()) {
    options.port = 0;
    if (options.jobs_dir.empty()) options.jobs_dir = scratch_ / "jobs";
    jobs_dir_ = options.jobs_dir;
    if (options.workers == 0) options.workers = 2;
    options.log = log_.get();
    server_ = std::make_unique<Server>(shared_engine(), options);
    port_ = server_->port();
    thread_ = std::thread([this] { server_->run(false); });
}

TestServer::~TestServer() {
    stop();
}

void TestServer::stop() {
    if (!thread_.joinable()) return;
    server_->stop();
    thread_.join();
}

std::string TestServer::log() const {
    return log_->str();
}

}  // namespace kinerja::test
