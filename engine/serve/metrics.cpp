// /metrics: what the server did, in Prometheus' text format.
#include <cstdio>

#include "serve/detail.hpp"

namespace kinerja::serve_detail {

namespace {

// Upper bounds of the duration histogram, in seconds.
constexpr double bounds[] = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

}  // namespace

void Metrics::request_done(int status, double ms) {
    std::lock_guard lock(mutex_);
    ++by_status_[status];
    double seconds = ms / 1000;
    for (std::size_t i = 0; i < buckets_.size(); ++i)
        if (seconds <= bounds[i]) ++buckets_[i];
    seconds_sum_ += seconds;
    ++count_;
}

std::string Metrics::text(const std::map<std::string, std::size_t>& jobs) const {
    std::lock_guard lock(mutex_);
    std::string out;
    out += "# HELP kinerja_http_requests_total Requests answered, by status code.\n";
    out += "# TYPE kinerja_http_requests_total counter\n";
    for (const auto& [status, n] : by_status_)
        out += "kinerja_http_requests_total{code=\"" + std::to_string(status) + "\"} " +
               std::to_string(n) + "\n";
    out +=
        "# HELP kinerja_http_request_duration_seconds Time from a request's first byte to "
        "its answer's last.\n";
    out += "# TYPE kinerja_http_request_duration_seconds histogram\n";
    for (std::size_t i = 0; i < buckets_.size(); ++i)
        out += "kinerja_http_request_duration_seconds_bucket{le=\"" + number(bounds[i]) + "\"} " +
               std::to_string(buckets_[i]) + "\n";
    out += "kinerja_http_request_duration_seconds_bucket{le=\"+Inf\"} " + std::to_string(count_) +
           "\n";
    out += "kinerja_http_request_duration_seconds_sum " + number(seconds_sum_) + "\n";
    out += "kinerja_http_request_duration_seconds_count " + std::to_string(count_) + "\n";
    out += "# HELP kinerja_http_requests_in_flight Requests being read, worked on or answered.\n";
    out += "# TYPE kinerja_http_requests_in_flight gauge\n";
    out += "kinerja_http_requests_in_flight " + std::to_string(in_flight.load()) + "\n";
    out += "# HELP kinerja_queue_length Requests waiting for a worker.\n";
    out += "# TYPE kinerja_queue_length gauge\n";
    out += "kinerja_queue_length " + std::to_string(queued.load()) + "\n";
    out += "# HELP kinerja_jobs Batch jobs, by state.\n";
    out += "# TYPE kinerja_jobs gauge\n";
    for (const auto& [state, n] : jobs)
        out += "kinerja_jobs{state=\"" + state + "\"} " + std::to_string(n) + "\n";
    return out;
}

}  // namespace kinerja::serve_detail
