// The service's parts, shared between its files: who is asking (tokens), what happened
// (metrics), the batch jobs, the embedded assets and the routes.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "batch/batch.hpp"
#include "common/message.hpp"
#include "pipeline/edits.hpp"
#include "serve/http.hpp"
#include "serve/serve.hpp"

namespace kinerja::serve_detail {

// An answer that ends a request early: the status, a stable id and the message.
struct ApiError {
    int status;
    std::string id;  // "unggahan.terlalu_besar"
    Message message;
};
// {"error":{"id":..., "message":...}} in the request's language.
Response error_response(const ApiError& error, Lang lang);

// ---- tokens.cpp ----

// Who is asking. Without a tokens file everyone is the local operator and sees every job.
struct Caller {
    bool kanwil = false;  // a Kanwil sees the jobs of its wilayah
    std::string wilayah;  // "ntb"
    std::string name;     // "lapas-mataram" (the satker) or the Kanwil's name
    std::string owner() const { return (kanwil ? "kanwil:" : "satker:") + wilayah + "/" + name; }
};

class Tokens {
public:
    Tokens() = default;  // none: no authentication
    // Reads the file (format in docs/api.md); throws ServeError naming the line.
    static Tokens load(const std::filesystem::path& file);
    bool enabled() const { return enabled_; }
    // The caller of an `Authorization: Bearer <token>` header; nullopt when unknown.
    std::optional<Caller> find(std::string_view authorization) const;

private:
    bool enabled_ = false;
    std::vector<std::pair<std::string, Caller>> entries_;
};

// ---- metrics.cpp ----

class Metrics {
public:
    void request_done(int status, double ms);
    std::atomic<long> in_flight{0};
    std::atomic<long> queued{0};
    // The Prometheus text; `jobs` by state are given by the caller.
    std::string text(const std::map<std::string, std::size_t>& jobs) const;

private:
    mutable std::mutex mutex_;
    std::map<int, std::uint64_t> by_status_;
    std::vector<std::uint64_t> buckets_ = std::vector<std::uint64_t>(12, 0);
    double seconds_sum_ = 0;
    std::uint64_t count_ = 0;
};

// ---- jobs.cpp ----

// What a new batch job is made of: a template with the region's data, or the units'
// workbooks (a zip).
struct JobInput {
    std::string template_bytes, data_bytes, zip_bytes;
    bool grafik = false, kategori = false;
    Lang lang = Lang::id;
};

class JobStore {
public:
    struct Settings {
        std::filesystem::path dir;
        std::chrono::milliseconds ttl{24 * 3600 * 1000};
        std::filesystem::path formulas_dir;
        unsigned threads = 1;  // the batch's workers
        std::uint64_t max_unit_bytes = 50ull << 20;
        std::function<void(const std::string&)> log;  // one line, or nothing when empty
    };
    // Creates the folder (0700), finds the jobs of an earlier run and starts the runner.
    JobStore(const Engine& engine, Settings settings);
    ~JobStore();  // waits for a running batch

    // Saves the inputs and queues the job; returns its id. Throws ApiError.
    std::string create(JobInput input, const Caller& caller);
    // The status JSON, nullopt when there is no such job for this caller.
    std::optional<std::string> status_json(std::string_view id, const Caller& caller,
                                           Lang lang) const;
    // The jobs this caller may see, as JSON.
    std::string list_json(const Caller& caller, Lang lang) const;
    // A result file ("rekap.xlsx", "laporan.json", "hasil.zip"). Throws ApiError (404 for
    // an unknown job or name, 409 while the job is not done).
    std::string result(std::string_view id, std::string_view name, const Caller& caller) const;
    // Deletes a job; false when there is none for this caller. Throws ApiError(409) while
    // it runs.
    bool remove(std::string_view id, const Caller& caller);
    // Job counts by state, for /metrics.
    std::map<std::string, std::size_t> counts() const;
    bool running() const { return running_; }
    // True when `id` looks like a job id (32 lower-case hex digits).
    static bool valid_id(std::string_view id);

private:
    struct Job;
    void runner();
    void run_job(const std::string& id);
    void sweep();
    void save(const Job& job) const;
    std::shared_ptr<Job> visible(std::string_view id, const Caller& caller) const;

    const Engine& engine_;
    Settings settings_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::map<std::string, std::shared_ptr<Job>> jobs_;
    std::deque<std::string> queue_;
    std::atomic<bool> running_{false};
    bool stopping_ = false;
    std::thread thread_;
};

// ---- assets.hpp (the generated assets_data.cpp) ----

// ---- edits.cpp ----

// {"sheets","cells","notes","highlights"} of POST /api/v1/edits (docs/api.md).
nlohmann::ordered_json edits_json(const FillEdits& edits);

// ---- addin.cpp ----

// GET /addin/...: the Excel add-in's pane, script, icons, and its manifest with this server's
// address (docs/addin.md). Throws ApiError(404) for a name that is not there.
Response addin_response(const Request& request);

// ---- api.cpp ----

// A worker's own state: muParser is not shareable, so each worker compiles its Evaluator.
struct Worker {
    Evaluator evaluator;
};

// Where a request goes: answered at once on the I/O thread (cheap), or handed to a worker.
struct Routed {
    std::optional<Response> now;
    std::function<Response(Worker&)> work;
};

class Api {
public:
    Api(const Engine& engine, const ServeOptions& options, Tokens tokens, JobStore& jobs,
        Metrics& metrics);
    // Never throws: every problem is an error response.
    Routed route(Request request);

private:
    Routed route_api(Request& request, const Caller& caller);
    const Engine& engine_;
    Tokens tokens_;
    JobStore& jobs_;
    Metrics& metrics_;
    std::string catalogue_json_;
    ReadLimits limits_;
};

}  // namespace kinerja::serve_detail
