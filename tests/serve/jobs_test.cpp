// Batch jobs through the API: from upload to rekap, progress, expiry, a restart, and tokens.
#include <zip.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "read/read.hpp"
#include "serve/client.hpp"
#include "support/support.hpp"
#include "write/write.hpp"

using namespace kinerja;
using namespace kinerja::test;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

const fs::path wilayah = fs::path(KINERJA_TEST_DIR) / ".." / "samples" / "wilayah";

Form region_form() {
    Form form;
    form.file("template", "templat.xlsx", read_bytes(wilayah / "templat-wilayah.xlsx"))
        .file("data", "data.csv", read_bytes(wilayah / "data-wilayah.csv"))
        .done();
    return form;
}

std::map<std::string, std::string> with(const std::string& type, const std::string& token = "") {
    std::map<std::string, std::string> h{{"Content-Type", type}};
    if (!token.empty()) h["Authorization"] = "Bearer " + token;
    return h;
}

json wait_done(std::uint16_t port, const std::string& id, const std::string& token = "") {
    std::map<std::string, std::string> h;
    if (!token.empty()) h["Authorization"] = "Bearer " + token;
    for (int i = 0; i < 600; ++i) {
        HttpReply reply = request(port, "GET", "/api/v1/jobs/" + id, "", h);
        BOOST_TEST_REQUIRE(reply.status == 200);
        json status = json::parse(reply.body);
        if (status["state"] == "done" || status["state"] == "failed") return status;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    BOOST_FAIL("the job did not finish in a minute");
    return {};
}

std::string create(std::uint16_t port, const std::string& token = "") {
    Form form = region_form();
    HttpReply created =
        request(port, "POST", "/api/v1/jobs", form.body, with(form.content_type, token));
    BOOST_TEST_REQUIRE(created.status == 202);
    std::string id = json::parse(created.body)["id"];
    BOOST_TEST(created.header("location") == "/api/v1/jobs/" + id);
    return id;
}

// A zip of `entries` (name -> bytes), as a user's archiver makes one.
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& entries) {
    ScratchDir dir;
    fs::path file = dir / "unit.zip";
    int error = 0;
    zip_t* z = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    BOOST_REQUIRE(z);
    for (const auto& [name, bytes] : entries)
        zip_file_add(z, name.c_str(), zip_source_buffer(z, bytes.data(), bytes.size(), 0), 0);
    BOOST_REQUIRE(zip_close(z) == 0);
    return read_bytes(file);
}

std::vector<std::string> names_in_zip(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* z = zip_open_from_source(source, ZIP_RDONLY, &error);
    std::vector<std::string> names;
    if (!z) return names;
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i)
        names.push_back(zip_get_name(z, static_cast<zip_uint64_t>(i), 0));
    zip_close(z);
    return names;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(jobs)

BOOST_AUTO_TEST_CASE(a_region_from_upload_to_rekap) {
    TestServer server;
    std::string id = create(server.port());
    BOOST_TEST(id.size() == 32u);
    BOOST_TEST(id.find_first_not_of("0123456789abcdef") == std::string::npos);
    json done = wait_done(server.port(), id);
    BOOST_TEST(done["state"] == "done");
    BOOST_TEST(done["progress"]["done"] == done["progress"]["total"]);
    BOOST_TEST(done["result"]["units"].get<int>() == 8);
    BOOST_TEST(done["result"]["failed"].get<int>() == 0);
    HttpReply rekap = request(server.port(), "GET", "/api/v1/jobs/" + id + "/rekap.xlsx");
    BOOST_TEST(rekap.status == 200);
    BOOST_TEST(rekap.body.starts_with("PK"));
    BOOST_TEST(rekap.header("content-disposition") == "attachment; filename=\"rekap.xlsx\"");
    HttpReply laporan = request(server.port(), "GET", "/api/v1/jobs/" + id + "/laporan.json");
    BOOST_TEST(laporan.status == 200);
    BOOST_TEST(!json::parse(laporan.body).empty());
    HttpReply zip = request(server.port(), "GET", "/api/v1/jobs/" + id + "/hasil.zip");
    BOOST_TEST(zip.status == 200);
    BOOST_TEST(zip.body.starts_with("PK"));
    HttpReply events = request(server.port(), "GET", "/api/v1/jobs/" + id + "/events");
    BOOST_TEST(events.header("content-type") == "text/event-stream");
    BOOST_TEST(events.body.find("event: end\ndata: {") != std::string::npos);
    json list = json::parse(request(server.port(), "GET", "/api/v1/jobs").body);
    BOOST_TEST(list["jobs"].size() == 1u);
    BOOST_TEST(request(server.port(), "DELETE", "/api/v1/jobs/" + id).status == 204);
    BOOST_TEST(request(server.port(), "GET", "/api/v1/jobs/" + id).status == 404);
    BOOST_TEST(!fs::exists(server.jobs_dir() / id));
}

BOOST_AUTO_TEST_CASE(a_zip_of_workbooks_is_a_job_too) {
    TestServer server;
    // The units' workbooks of a finished region job, sent back as a zip of inputs.
    std::string first = create(server.port());
    wait_done(server.port(), first);
    std::string zip = request(server.port(), "GET", "/api/v1/jobs/" + first + "/hasil.zip").body;
    Form form;
    form.file("zip", "unit.zip", zip).done();
    HttpReply created =
        request(server.port(), "POST", "/api/v1/jobs?lang=en", form.body, with(form.content_type));
    BOOST_TEST_REQUIRE(created.status == 202);
    json done = wait_done(server.port(), json::parse(created.body)["id"]);
    BOOST_TEST(done["mode"] == "inputs");
    BOOST_TEST(done["result"]["units"].get<int>() == 8);
    Form not_zip;
    not_zip.file("zip", "x.zip", "not a zip at all").done();
    HttpReply refused =
        request(server.port(), "POST", "/api/v1/jobs", not_zip.body, with(not_zip.content_type));
    BOOST_TEST(refused.status == 422);
    Form missing;
    missing.file("template", "t.xlsx", "PK\x03\x04").done();
    BOOST_TEST(
        request(server.port(), "POST", "/api/v1/jobs", missing.body, with(missing.content_type))
            .status == 400);
}

// Names in an uploaded zip never become paths: "../" and folders are cut to a safe file name
// inside the job. An .xlsm keeps its macros and its extension through the job (issue 16).
BOOST_AUTO_TEST_CASE(zip_names_stay_inside_the_job_and_xlsm_stays_xlsm) {
    TestServer server;
    Workbook unit = read_workbook(wilayah / "templat-wilayah.xlsx");
    unit.carried = read_workbook(test_dir() / "fixtures" / "carry" / "lxw-macro.xlsm").carried;
    std::string with_macros;
    write_workbook(unit, with_macros);
    std::string plain = read_bytes(wilayah / "templat-wilayah.xlsx");
    std::string zip = zip_of({{"../../lolos.xlsx", plain},
                              {"/etc/mutlak.xlsx", plain},
                              {"folder/dalam/makro.xlsm", with_macros},
                              {"__MACOSX/folder/._makro.xlsm", "resource fork"}});
    Form form;
    form.file("zip", "unit.zip", zip).done();
    HttpReply created =
        request(server.port(), "POST", "/api/v1/jobs", form.body, with(form.content_type));
    BOOST_TEST_REQUIRE(created.status == 202, created.body);
    std::string id = json::parse(created.body)["id"];
    json done = wait_done(server.port(), id);
    BOOST_TEST(done["result"]["units"].get<int>() == 3);
    BOOST_TEST(!fs::exists(server.jobs_dir().parent_path() / "lolos.xlsx"));
    BOOST_TEST(!fs::exists(server.jobs_dir() / "lolos.xlsx"));
    for (const auto& entry : fs::recursive_directory_iterator(server.jobs_dir())) {
        std::string path = entry.path().string();
        BOOST_TEST(path.find("..") == std::string::npos, path);
        if (entry.is_regular_file())
            BOOST_TEST(path.rfind((server.jobs_dir() / id).string(), 0) == 0u, path);
    }
    std::vector<std::string> names =
        names_in_zip(request(server.port(), "GET", "/api/v1/jobs/" + id + "/hasil.zip").body);
    std::sort(names.begin(), names.end());
    BOOST_TEST((names == std::vector<std::string>{"lolos.xlsx", "makro.xlsm", "mutlak.xlsx"}));
}

BOOST_AUTO_TEST_CASE(an_expired_job_is_gone) {
    ServeOptions options;
    options.job_ttl = std::chrono::seconds(1);
    TestServer server(options);
    std::string id = create(server.port());
    wait_done(server.port(), id);
    // Kept at least the TTL and at most a second more (job.json keeps whole seconds).
    std::this_thread::sleep_for(std::chrono::milliseconds(2300));
    BOOST_TEST(request(server.port(), "GET", "/api/v1/jobs/" + id).status == 404);
    BOOST_TEST(request(server.port(), "GET", "/api/v1/jobs/" + id + "/rekap.xlsx").status == 404);
    bool removed = false;
    for (int i = 0; i < 30 && !removed; ++i) {
        removed = !fs::exists(server.jobs_dir() / id);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    BOOST_TEST(removed);
}

BOOST_AUTO_TEST_CASE(a_restarted_server_finds_its_jobs_and_cleans_the_rest) {
    ScratchDir dir;
    ServeOptions options;
    options.jobs_dir = dir / "jobs";
    std::string id;
    {
        TestServer first(options);
        id = create(first.port());
        wait_done(first.port(), id);
    }
    // A half-made job (no job.json) and a folder that is not a job.
    fs::create_directories(options.jobs_dir / "0123456789abcdef0123456789abcdef");
    fs::create_directories(options.jobs_dir / "not-a-job");
    TestServer second(options);
    json status = json::parse(request(second.port(), "GET", "/api/v1/jobs/" + id).body);
    BOOST_TEST(status["state"] == "done");
    BOOST_TEST(request(second.port(), "GET", "/api/v1/jobs/" + id + "/rekap.xlsx").status == 200);
    BOOST_TEST(!fs::exists(options.jobs_dir / "0123456789abcdef0123456789abcdef"));
    BOOST_TEST(fs::exists(options.jobs_dir / "not-a-job"));
}

BOOST_AUTO_TEST_CASE(a_unit_sees_only_its_own_jobs) {
    ScratchDir dir;
    const std::string mataram(32, 'a'), soe(32, 'b'), kanwil_ntb(32, 'c'), kanwil_ntt(32, 'd');
    {
        std::ofstream tokens(dir / "tokens");
        tokens << "# token role wilayah name\n"
               << mataram << " satker ntb lapas-mataram\n"
               << soe << " satker ntt rutan-soe\n"
               << kanwil_ntb << " kanwil ntb Kanwil NTB\n"
               << kanwil_ntt << " kanwil ntt Kanwil NTT\n";
    }
    ServeOptions options;
    options.tokens_file = dir / "tokens";
    TestServer server(options);
    BOOST_TEST(request(server.port(), "GET", "/api/v1/jobs").status == 401);
    BOOST_TEST(request(server.port(), "GET", "/api/v1/jobs", "",
                       {{"Authorization", "Bearer " + std::string(32, 'z')}})
                   .status == 401);
    BOOST_TEST(request(server.port(), "GET", "/healthz").status == 200);
    std::string id = create(server.port(), mataram);
    auto as = [&](const std::string& token) {
        return std::map<std::string, std::string>{{"Authorization", "Bearer " + token}};
    };
    wait_done(server.port(), id, mataram);
    BOOST_TEST(request(server.port(), "GET", "/api/v1/jobs/" + id, "", as(soe)).status == 404);
    BOOST_TEST(
        request(server.port(), "GET", "/api/v1/jobs/" + id + "/rekap.xlsx", "", as(soe)).status ==
        404);
    BOOST_TEST(request(server.port(), "DELETE", "/api/v1/jobs/" + id, "", as(soe)).status == 404);
    BOOST_TEST(request(server.port(), "GET", "/api/v1/jobs/" + id, "", as(kanwil_ntt)).status ==
               404);
    BOOST_TEST(json::parse(request(server.port(), "GET", "/api/v1/jobs", "", as(soe)).body)["jobs"]
                   .empty());
    BOOST_TEST(request(server.port(), "GET", "/api/v1/jobs/" + id, "", as(kanwil_ntb)).status ==
               200);
    BOOST_TEST(request(server.port(), "GET", "/api/v1/jobs/" + id + "/rekap.xlsx", "", as(mataram))
                   .status == 200);
}

BOOST_AUTO_TEST_CASE(a_weak_tokens_file_is_refused) {
    ScratchDir dir;
    { std::ofstream(dir / "tokens") << "short satker ntb lapas\n"; }
    ServeOptions options;
    options.tokens_file = dir / "tokens";
    try {
        Server server(shared_engine(), options);
        BOOST_FAIL("a short token was accepted");
    } catch (const ServeError& e) {
        BOOST_TEST(e.message().en.find("tokens:1: a token must be 32 characters") !=
                   std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
