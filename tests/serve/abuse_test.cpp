// Hostile clients: malformed HTTP, slow headers, oversized headers, path traversal, script in
// a sheet name. After each the server answers the next request.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "serve/client.hpp"
#include "support/support.hpp"
#include "write/write.hpp"

using namespace kinerja;
using namespace kinerja::test;
using json = nlohmann::json;

namespace {

const std::filesystem::path samples = std::filesystem::path(KINERJA_TEST_DIR) / ".." / "samples";

void still_answers(std::uint16_t port) {
    HttpReply r = request(port, "GET", "/healthz");
    BOOST_TEST(r.status == 200);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(abuse)

BOOST_AUTO_TEST_CASE(malformed_requests_get_400_and_the_server_stays_up) {
    TestServer server;
    for (const char* bad :
         {"GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/9.9\r\n\r\n",
          "GET / HTTP/1.1\r\nNo colon here\r\n\r\n",
          "POST /api/v1/fill HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
          "POST /api/v1/fill HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 9\r\n\r\n",
          "GET http://evil/ HTTP/1.1\r\nHost: x\r\n\r\n", "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
          "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"}) {
        HttpReply r = raw_request(server.port(), bad);
        BOOST_TEST((r.status == 400 || r.status == 0), bad);
        still_answers(server.port());
    }
    // A connection closed half-way through its headers.
    {
        Socket half(server.port());
        half.send("GET /healthz HTTP/1.1\r\nHo");
    }
    still_answers(server.port());
}

BOOST_AUTO_TEST_CASE(a_header_sent_a_byte_a_second_is_cut_off) {
    ServeOptions options;
    options.header_timeout = std::chrono::milliseconds(1500);
    TestServer server(options);
    Socket slow(server.port());
    auto start = std::chrono::steady_clock::now();
    std::string request_text = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n\r\n";
    bool cut = false;
    for (char c : request_text) {
        if (!slow.send(std::string_view(&c, 1)) || slow.closed_within(std::chrono::seconds(1))) {
            cut = true;
            break;
        }
        still_answers(server.port());  // meanwhile others are served at once
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    BOOST_TEST(cut);
    BOOST_TEST(seconds < 4.0);
    still_answers(server.port());
}

BOOST_AUTO_TEST_CASE(oversized_headers_get_431) {
    TestServer server;
    std::string big =
        "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n";
    HttpReply r = raw_request(server.port(), big);
    BOOST_TEST(r.status == 431);
    BOOST_TEST(json::parse(r.body)["error"]["id"] == "permintaan.kepala_terlalu_besar");
    std::string many = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 2000; ++i) many += "X-" + std::to_string(i) + ": y\r\n";
    BOOST_TEST(raw_request(server.port(), many + "\r\n").status == 431);
    still_answers(server.port());
}

BOOST_AUTO_TEST_CASE(path_traversal_in_every_parameter_reaches_no_file) {
    TestServer server;
    const std::string job(32, 'a');
    for (const std::string& target : std::vector<std::string>{
             "/assets/../../../../etc/passwd", "/assets/%2e%2e/%2e%2e/etc/passwd",
             "/assets/..%2f..%2fetc%2fpasswd", "/assets//etc/passwd", "/../../etc/passwd",
             "/api/v1/templates/..%2f..%2f..%2fetc%2fpasswd", "/api/v1/templates/../../x.xlsx",
             "/api/v1/templates/%2fetc%2fpasswd", "/api/v1/jobs/..%2f..%2fetc",
             "/api/v1/jobs/../../etc/passwd", "/api/v1/jobs/" + job + "/..%2fjob.json",
             "/api/v1/jobs/" + job + "/../../rekap.xlsx",
             "/api/v1/jobs/" + job + "/masukan%2fdata.csv", "/api/v1/jobs/%2e%2e/rekap.xlsx",
             "/api/v1/jobs/" + job.substr(1) + "g/rekap.xlsx"}) {
        HttpReply r = request(server.port(), "GET", target);
        BOOST_TEST((r.status == 404 || r.status == 400), target << " gave " << r.status);
        BOOST_TEST(r.body.find("root:") == std::string::npos);
    }
    // A file name in an upload or a query is shown in messages only, never opened.
    Form form;
    form.file("file", "../../../../etc/passwd", "not a workbook").done();
    HttpReply upload = request(server.port(), "POST", "/api/v1/fill?name=../../etc/passwd",
                               form.body, {{"Content-Type", form.content_type}});
    BOOST_TEST(upload.status == 422);
    BOOST_TEST(upload.body.find("root:") == std::string::npos);
    // Names inside a zip of workbooks are made safe before they become files.
    still_answers(server.port());
}

BOOST_AUTO_TEST_CASE(script_in_a_sheet_name_is_only_text) {
    TestServer server;
    const std::string evil = "<img src=x onerror=alert(1)>";
    Workbook workbook = read_workbook(samples / "bapas-balikpapan-2023-rka.xlsx");
    workbook.sheets.front().name = evil;
    std::string bytes;
    write_workbook(workbook, bytes);
    HttpReply filled = request(server.port(), "POST", "/api/v1/validate", bytes);
    BOOST_TEST_REQUIRE(filled.status == 200);
    BOOST_TEST(filled.header("content-type") == "application/json");
    BOOST_TEST(filled.header("x-content-type-options") == "nosniff");
    BOOST_TEST(filled.body.find("<img") == std::string::npos);  // never raw in what we send
    BOOST_TEST(filled.body.find("\\u003cimg src=x onerror=alert(1)\\u003e") != std::string::npos);
    json report = json::parse(filled.body);  // and the JSON still reads back to the name
    bool named = false;
    for (const auto& t : report["tables"]) named = named || t["sheet"] == evil;
    BOOST_TEST(named);
    HttpReply inspected = request(server.port(), "POST", "/api/v1/inspect", bytes);
    BOOST_TEST(inspected.body.find("<img") == std::string::npos);
    HttpReply evil_query = request(server.port(), "GET", "/api/v1/nothing?lang=%3Cscript%3E");
    BOOST_TEST(evil_query.body.find("<script") == std::string::npos);
    still_answers(server.port());
}

BOOST_AUTO_TEST_CASE(stop_answers_the_requests_in_flight) {
    auto server = std::make_unique<TestServer>();
    std::string bytes = read_bytes(samples / "rutan-soe-2023-lkjip.xlsx");
    auto reply = std::async(std::launch::async,
                            [&] { return request(server->port(), "POST", "/api/v1/fill", bytes); });
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    server->stop();
    BOOST_TEST(reply.get().status == 200);
}

// Past --request-timeout the client gets 503 with Retry-After and the connection closes; the
// work already taken runs to its end on its worker (the reader's limits bound it), and the
// server answers the next request.
BOOST_AUTO_TEST_CASE(a_request_past_its_time_limit_gets_503) {
    ServeOptions options;
    options.request_timeout = std::chrono::milliseconds(1);
    TestServer server(options);
    std::string bytes = read_bytes(samples / "lapas-kerobokan-2024-rencana-aksi.xlsx");
    HttpReply late = request(server.port(), "POST", "/api/v1/fill?lang=en", bytes);
    BOOST_TEST(late.status == 503);
    BOOST_TEST(late.header("retry-after") == "30");
    BOOST_TEST(late.body.find("server.terlalu_lama") != std::string::npos, late.body);
    BOOST_TEST(late.body.find("time limit") != std::string::npos, late.body);
    still_answers(server.port());
}

// The command as an operator runs it: on SIGTERM it answers the request in flight, says so in
// its log, and exits 0.
BOOST_AUTO_TEST_CASE(sigterm_answers_the_request_in_flight_and_exits_0) {
    ScratchDir dir;
    std::string log = (dir / "serve.log").string();
    std::vector<std::string> args{cli_path().string(), "serve",      "--listen",
                                  "127.0.0.1:0",       "--jobs-dir", (dir / "jobs").string()};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    BOOST_REQUIRE(posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&files);
    struct Reaper {  // never leaves a server behind, whatever fails
        pid_t pid;
        ~Reaper() {
            if (pid > 0 && ::waitpid(pid, nullptr, WNOHANG) == 0) {
                ::kill(pid, SIGKILL);
                ::waitpid(pid, nullptr, 0);
            }
        }
    } reaper{pid};
    // The port it took, from its first line: "... mendengar di http://127.0.0.1:PORT/".
    std::uint16_t port = 0;
    for (int i = 0; i < 200 && port == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::ifstream in(log);
        std::string text((std::istreambuf_iterator<char>(in)), {});
        auto at = text.find("http://127.0.0.1:");
        if (at != std::string::npos)
            port = static_cast<std::uint16_t>(std::stoi(text.substr(at + 17)));
    }
    BOOST_REQUIRE(port != 0);
    std::string bytes = read_bytes(samples / "lapas-kerobokan-2024-rencana-aksi.xlsx");
    auto reply = std::async(std::launch::async,
                            [&] { return request(port, "POST", "/api/v1/fill", bytes); });
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    BOOST_REQUIRE(::kill(pid, SIGTERM) == 0);
    BOOST_TEST(reply.get().status == 200);
    int status = -1;
    for (int i = 0; i < 200 && ::waitpid(pid, &status, WNOHANG) == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    BOOST_TEST(WIFEXITED(status));
    BOOST_TEST(WEXITSTATUS(status) == 0);
    std::ifstream in(log);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    BOOST_TEST(text.find("stopped") != std::string::npos, text);
    // A new connection is refused once it stopped.
    BOOST_TEST(request(port, "GET", "/healthz").status == 0);
}

BOOST_AUTO_TEST_CASE(the_command_refuses_a_taken_port_and_an_open_address) {
    TestServer server;
    RunResult taken = run_cli({"serve", "--listen", "127.0.0.1:" + std::to_string(server.port())});
    BOOST_TEST(taken.exit_code == 2);
    BOOST_TEST(taken.err.find("sudah dipakai") != std::string::npos);
    RunResult open = run_cli({"serve", "--listen", "0.0.0.0:0", "--lang", "en"});
    BOOST_TEST(open.exit_code == 2);
    BOOST_TEST(open.err.find("without --tokens Kinerja listens on 127.0.0.1") != std::string::npos);
    RunResult bad = run_cli({"serve", "--max-upload", "lots"});
    BOOST_TEST(bad.exit_code == 2);
    BOOST_TEST(bad.err.find("--max-upload") != std::string::npos);
    still_answers(server.port());
}

BOOST_AUTO_TEST_SUITE_END()
