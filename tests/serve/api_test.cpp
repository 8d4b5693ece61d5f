// The JSON API: every endpoint, wrong methods, bad uploads, concurrent fills.
#include <zip.h>

#include <boost/test/unit_test.hpp>
#include <future>
#include <nlohmann/json.hpp>

#include "read/read.hpp"
#include "serve/client.hpp"
#include "support/support.hpp"
#include "templates/templates.hpp"
#include "write/write.hpp"

using namespace kinerja;
using namespace kinerja::test;
using json = nlohmann::json;

namespace {

const std::filesystem::path sample =
    std::filesystem::path(KINERJA_TEST_DIR) / ".." / "samples" / "rutan-soe-2023-lkjip.xlsx";

// What `kinerja fill` writes for the sample, from the same engine in this process.
std::string filled_in_process(const std::string& bytes) {
    WorkbookSink sink = WorkbookSink::memory();
    process(shared_engine(), WorkbookSource::bytes(bytes, "sample.xlsx"), sink);
    return sink.take_bytes();
}

// An .xlsx whose sheet part inflates far beyond the reader's ratio limit.
std::string zip_bomb() {
    ScratchDir dir;
    std::filesystem::path file = dir / "bomb.xlsx";
    int error = 0;
    zip_t* z = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    static const std::string types =
        "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
        "content-types\"/>";
    static std::string zeros(40u << 20, ' ');
    zip_file_add(z, "[Content_Types].xml", zip_source_buffer(z, types.data(), types.size(), 0), 0);
    zip_file_add(z, "xl/worksheets/sheet1.xml", zip_source_buffer(z, zeros.data(), zeros.size(), 0),
                 0);
    zip_close(z);
    return read_bytes(file);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(api)

BOOST_AUTO_TEST_CASE(health_metrics_index_and_assets) {
    TestServer server;
    HttpReply health = request(server.port(), "GET", "/healthz");
    BOOST_TEST(health.status == 200);
    BOOST_TEST(json::parse(health.body)["status"] == "ok");
    HttpReply index = request(server.port(), "GET", "/");
    BOOST_TEST(index.status == 200);
    BOOST_TEST(index.header("content-type").starts_with("text/html"));
    BOOST_TEST(index.header("content-security-policy").find("script-src 'self'") !=
               std::string::npos);
    BOOST_TEST(index.header("x-content-type-options") == "nosniff");
    BOOST_TEST(index.body.find("<script>") == std::string::npos);  // no inline script
    HttpReply css = request(server.port(), "GET", "/assets/kinerja.css");
    BOOST_TEST(css.status == 200);
    BOOST_TEST(css.header("content-type").starts_with("text/css"));
    BOOST_TEST(request(server.port(), "GET", "/assets/nothing.js").status == 404);
    HttpReply api = request(server.port(), "GET", "/api/v1");
    BOOST_TEST(api.status == 200);
    BOOST_TEST(json::parse(api.body)["endpoints"].size() >= 10u);
    HttpReply metrics = request(server.port(), "GET", "/metrics");
    BOOST_TEST(metrics.status == 200);
    BOOST_TEST(metrics.body.find("kinerja_http_requests_total{code=\"200\"}") != std::string::npos);
    BOOST_TEST(metrics.body.find("kinerja_queue_length") != std::string::npos);
    BOOST_TEST(metrics.body.find("kinerja_jobs{state=\"done\"}") != std::string::npos);
    BOOST_TEST(request(server.port(), "GET", "/nowhere").status == 404);
}

BOOST_AUTO_TEST_CASE(fill_gives_the_bytes_of_the_engine) {
    TestServer server;
    std::string bytes = read_bytes(sample);
    HttpReply raw = request(server.port(), "POST", "/api/v1/fill", bytes);
    BOOST_TEST(raw.status == 200);
    BOOST_TEST(raw.header("content-type").find("spreadsheetml") != std::string::npos);
    BOOST_TEST(raw.header("content-disposition") == "attachment; filename=\"kinerja-terisi.xlsx\"");
    BOOST_TEST((raw.body == filled_in_process(bytes)));
    Form form;
    form.file("file", "soe.xlsx", bytes).done();
    HttpReply multipart = request(server.port(), "POST", "/api/v1/fill", form.body,
                                  {{"Content-Type", form.content_type}});
    BOOST_TEST(multipart.status == 200);
    BOOST_TEST((multipart.body == raw.body));
    HttpReply with_grafik = request(server.port(), "POST", "/api/v1/fill?grafik=1", bytes,
                                    {{"Accept", "application/json"}});
    json report = json::parse(with_grafik.body);
    BOOST_TEST(report.contains("grafik_sheet"));
    BOOST_TEST(report["counts"]["computed_cells"].get<int>() > 0);
    BOOST_TEST(report["tables"].size() > 0u);
    BOOST_TEST(report["findings"].size() > 0u);
    BOOST_TEST(report["summary"]["errors"] == report["counts"]["errors"]);
}

// Issue 16: a workbook with macros comes back as an .xlsm that keeps them.
BOOST_AUTO_TEST_CASE(a_workbook_with_macros_comes_back_as_xlsm) {
    TestServer server;
    Workbook wb = read_workbook(sample);
    wb.carried = read_workbook(test_dir() / "fixtures" / "carry" / "lxw-macro.xlsm").carried;
    std::string bytes;
    write_workbook(wb, bytes);
    HttpReply raw = request(server.port(), "POST", "/api/v1/fill", bytes);
    BOOST_TEST(raw.status == 200);
    BOOST_TEST(raw.header("content-type") == "application/vnd.ms-excel.sheet.macroEnabled.12");
    BOOST_TEST(raw.header("content-disposition") == "attachment; filename=\"kinerja-terisi.xlsm\"");
    Workbook back = WorkbookSource::bytes(raw.body, "kinerja-terisi.xlsm").read();
    BOOST_TEST((back.carried && back.carried->vba));
}

// What the output could not carry: `what` stays the engine's English key for programs, and
// `message` says it to people in the request's language (common/dropped.hpp).
BOOST_AUTO_TEST_CASE(what_was_not_carried_has_a_message_in_the_requested_language) {
    TestServer server;
    std::string bytes = read_bytes(test_dir() / "fixtures" / "hostile" / "formula_100kb.xlsx");
    const std::string key = "formula longer than 8192 characters written as its last value";
    for (const char* lang : {"id", "en"}) {
        HttpReply reply = request(server.port(), "POST", std::string("/api/v1/fill?lang=") + lang,
                                  bytes, {{"Accept", "application/json"}});
        BOOST_TEST(reply.status == 200);
        json dropped = json::parse(reply.body)["dropped"];
        bool found = false;
        for (const json& d : dropped) {
            if (d["what"] != key) continue;
            found = true;
            std::string message = d["message"];
            if (std::string(lang) == "id") {
                BOOST_TEST(message.starts_with("rumus lebih dari 8.192 karakter ditulis sebagai "
                                               "nilai terakhirnya ("),
                           message);
                BOOST_TEST(message.find("formula") == std::string::npos, message);
            } else {
                BOOST_TEST(message.starts_with(key + " ("), message);
            }
        }
        BOOST_TEST(found, lang << ": " << dropped.dump());
    }
}

BOOST_AUTO_TEST_CASE(validate_and_inspect_answer_json_in_either_language) {
    TestServer server;
    std::string bytes = read_bytes(sample);
    HttpReply id = request(server.port(), "POST", "/api/v1/validate", bytes);
    HttpReply en = request(server.port(), "POST", "/api/v1/validate?lang=en", bytes);
    BOOST_TEST(id.status == 200);
    json a = json::parse(id.body), b = json::parse(en.body);
    BOOST_TEST(a["findings"].size() == b["findings"].size());
    BOOST_TEST(a["findings"][0]["message"] != b["findings"][0]["message"]);
    BOOST_TEST(a["counts"]["computed_cells"].get<int>() > 0);
    HttpReply inspect = request(server.port(), "POST", "/api/v1/inspect", bytes);
    BOOST_TEST(inspect.status == 200);
    json tables = json::parse(inspect.body);
    BOOST_TEST(tables["tables"].size() == a["tables"].size());
}

BOOST_AUTO_TEST_CASE(templates_and_catalogue) {
    TestServer server;
    HttpReply list = request(server.port(), "GET", "/api/v1/templates?lang=en");
    json templates = json::parse(list.body)["templates"];
    BOOST_TEST(templates.size() == kinerja::builtin_templates().size());
    HttpReply made =
        request(server.port(), "GET",
                "/api/v1/templates/rencana-aksi?satker=LAPAS%20KELAS%20IIA%20X&tahun=2026");
    BOOST_TEST(made.status == 200);
    BOOST_TEST(made.body.starts_with("PK"));
    HttpReply understood = request(server.port(), "POST", "/api/v1/inspect", made.body);
    BOOST_TEST(understood.body.find("LAPAS KELAS IIA X") != std::string::npos);
    HttpReply posted = request(server.port(), "POST", "/api/v1/templates/capaian-kinerja",
                               "satker=RUTAN%20Y&tahun=2027",
                               {{"Content-Type", "application/x-www-form-urlencoded"}});
    BOOST_TEST(posted.status == 200);
    HttpReply bad_year = request(server.port(), "GET", "/api/v1/templates/rencana-aksi?tahun=20x6");
    BOOST_TEST(bad_year.status == 400);
    BOOST_TEST(json::parse(bad_year.body)["error"]["id"] == "templat.tahun_salah");
    BOOST_TEST(request(server.port(), "GET", "/api/v1/templates/nope").status == 404);
    HttpReply catalogue = request(server.port(), "GET", "/api/v1/catalogue");
    BOOST_TEST(catalogue.status == 200);
    BOOST_TEST(!json::parse(catalogue.body).empty());
}

BOOST_AUTO_TEST_CASE(wrong_methods_are_405_with_allow) {
    TestServer server;
    struct Case {
        const char *method, *target, *allow;
    };
    for (Case c :
         {Case{"GET", "/api/v1/fill", "POST"}, Case{"PUT", "/api/v1/validate", "POST"},
          Case{"DELETE", "/api/v1/inspect", "POST"}, Case{"POST", "/healthz", "GET"},
          Case{"POST", "/api/v1/catalogue", "GET"}, Case{"PATCH", "/api/v1/jobs", "GET, POST"},
          Case{"POST", "/metrics", "GET"}, Case{"DELETE", "/api/v1/templates", "GET"}}) {
        HttpReply r = request(server.port(), c.method, c.target);
        BOOST_TEST(r.status == 405, c.method << " " << c.target);
        BOOST_TEST(r.header("allow") == c.allow);
        BOOST_TEST(json::parse(r.body)["error"]["id"] == "metode.tidak_diizinkan");
    }
}

BOOST_AUTO_TEST_CASE(bad_uploads_are_refused_with_a_message) {
    TestServer server;
    HttpReply empty = request(server.port(), "POST", "/api/v1/fill", "");
    BOOST_TEST(empty.status == 400);
    BOOST_TEST(json::parse(empty.body)["error"]["id"] == "unggahan.kosong");
    HttpReply text = request(server.port(), "POST", "/api/v1/fill?lang=en", "just some text");
    BOOST_TEST(text.status == 422);
    BOOST_TEST(json::parse(text.body)["error"]["message"].get<std::string>().find("zip") !=
               std::string::npos);
    HttpReply bomb = request(server.port(), "POST", "/api/v1/fill", zip_bomb());
    BOOST_TEST(bomb.status == 422);
    BOOST_TEST(json::parse(bomb.body)["error"]["id"] == "masukan.tidak_dapat_dipakai");
    // 60 MB announced: refused from the headers, before the body is read.
    Socket big(server.port());
    big.send(
        "POST /api/v1/fill HTTP/1.1\r\nHost: x\r\nContent-Length: 62914560\r\n"
        "Expect: 100-continue\r\n\r\n");
    HttpReply too_large = big.read_reply();
    BOOST_TEST(too_large.status == 413);
    BOOST_TEST(json::parse(too_large.body)["error"]["id"] == "unggahan.terlalu_besar");
    // Sent for real without announcing its size (chunked): cut off at the limit.
    Socket chunked(server.port());
    chunked.send("POST /api/v1/fill HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    std::string chunk(1 << 20, 'x');
    char size[16];
    std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
    bool all_sent = true;
    for (int i = 0; i < 60 && all_sent; ++i) all_sent = chunked.send(size + chunk + "\r\n");
    HttpReply cut = chunked.read_reply(std::chrono::seconds(10));
    BOOST_TEST((cut.status == 413 || (cut.status == 0 && !all_sent)));
    Form broken;
    broken.content_type = "multipart/form-data; boundary=zzz";
    broken.body = "--zzz\r\nno headers end";
    HttpReply form = request(server.port(), "POST", "/api/v1/fill", broken.body,
                             {{"Content-Type", broken.content_type}});
    BOOST_TEST(form.status == 400);
    BOOST_TEST(request(server.port(), "GET", "/healthz").status == 200);
}

BOOST_AUTO_TEST_CASE(twenty_concurrent_fills) {
    ServeOptions options;
    options.workers = 2;
    TestServer server(options);
    std::string bytes = read_bytes(sample);
    std::string expected = filled_in_process(bytes);
    std::vector<std::future<HttpReply>> replies;
    for (int i = 0; i < 20; ++i)
        replies.push_back(std::async(std::launch::async, [&] {
            return request(server.port(), "POST", "/api/v1/fill", bytes);
        }));
    for (auto& r : replies) {
        HttpReply reply = r.get();
        BOOST_TEST(reply.status == 200);
        BOOST_TEST((reply.body == expected));
    }
}

BOOST_AUTO_TEST_CASE(a_full_queue_answers_503_with_retry_after) {
    ServeOptions options;
    options.workers = 1;
    options.queue_limit = 1;
    TestServer server(options);
    std::string bytes = read_bytes(sample);
    std::vector<std::future<HttpReply>> replies;
    for (int i = 0; i < 8; ++i)
        replies.push_back(std::async(std::launch::async, [&] {
            return request(server.port(), "POST", "/api/v1/validate", bytes);
        }));
    int ok = 0, busy = 0;
    for (auto& r : replies) {
        HttpReply reply = r.get();
        ok += reply.status == 200;
        if (reply.status == 503) {
            ++busy;
            BOOST_TEST(reply.header("retry-after") == "5");
            BOOST_TEST(json::parse(reply.body)["error"]["id"] == "server.sibuk");
        }
    }
    BOOST_TEST(ok >= 1);
    BOOST_TEST(busy >= 1);
    BOOST_TEST(ok + busy == 8);
}

BOOST_AUTO_TEST_CASE(one_log_line_per_request_without_content) {
    TestServer server;
    request(server.port(), "POST", "/api/v1/validate?satker=RAHASIA", read_bytes(sample));
    request(server.port(), "GET", "/healthz");
    server.stop();
    std::string log = server.log();
    BOOST_TEST(log.find("POST /api/v1/validate 200 ") != std::string::npos);
    BOOST_TEST(log.find("GET /healthz 200 ") != std::string::npos);
    BOOST_TEST(log.find("RAHASIA") == std::string::npos);  // no query
    BOOST_TEST(log.find("Rutan") == std::string::npos);    // no workbook content
}

BOOST_AUTO_TEST_SUITE_END()
