// kinerja serve: the engine as a web service (engine/serve/serve.hpp, docs/api.md).
//
//   kinerja serve [--listen 127.0.0.1:8080] [--workers N] [--max-upload 50M]
//                 [--jobs-dir DIR] [--tokens FILE] [--job-ttl 24h]
#include "serve/serve.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "common/memory.hpp"

namespace kinerja::cli {

namespace {

struct Options {
    std::string listen = "127.0.0.1:8080", workers, max_upload = "50M", job_ttl = "24h";
    std::string header_timeout, request_timeout, queue;
    std::filesystem::path jobs_dir, tokens, formulas;
};

UsageError bad_value(const std::string& option, const std::string& value, const std::string& id,
                     const std::string& en) {
    return UsageError({option + " " + id + ", bukan \"" + value + "\"",
                       option + " " + en + ", not \"" + value + "\""});
}

unsigned count_of(const std::string& option, const std::string& text, unsigned most) {
    if (text.empty() || text.size() > 5 ||
        text.find_first_not_of("0123456789") != std::string::npos || std::stoul(text) < 1 ||
        std::stoul(text) > most)
        throw bad_value(option, text, "harus bilangan 1 sampai " + std::to_string(most),
                        "must be a number from 1 to " + std::to_string(most));
    return static_cast<unsigned>(std::stoul(text));
}

std::chrono::milliseconds duration_of(const std::string& option, const std::string& text) {
    auto d = parse_duration(text);
    if (!d)
        throw bad_value(option, text, "harus lama waktu seperti 24h, 30m, 90s atau 500ms",
                        "must be a duration such as 24h, 30m, 90s or 500ms");
    return *d;
}

ServeOptions serve_options(const Options& a) {
    ServeOptions o;
    auto address = parse_listen(a.listen);
    if (!address)
        throw bad_value("--listen", a.listen, "harus ALAMAT:PORT seperti 127.0.0.1:8080",
                        "must be ADDRESS:PORT such as 127.0.0.1:8080");
    o.host = address->host;
    o.port = address->port;
    if (!a.workers.empty()) o.workers = count_of("--workers", a.workers, 256);
    auto size = parse_byte_size(a.max_upload);
    if (!size)
        throw bad_value("--max-upload", a.max_upload, "harus ukuran seperti 50M, 512K atau 1G",
                        "must be a size such as 50M, 512K or 1G");
    o.max_upload = *size;
    o.job_ttl =
        std::chrono::duration_cast<std::chrono::seconds>(duration_of("--job-ttl", a.job_ttl));
    if (o.job_ttl.count() == 0) o.job_ttl = std::chrono::seconds(1);
    if (!a.header_timeout.empty())
        o.header_timeout = duration_of("--header-timeout", a.header_timeout);
    if (!a.request_timeout.empty())
        o.request_timeout = duration_of("--request-timeout", a.request_timeout);
    if (!a.queue.empty()) o.queue_limit = count_of("--queue", a.queue, 100000);
    o.jobs_dir = a.jobs_dir;
    o.tokens_file = a.tokens;
    o.formulas_dir = a.formulas.empty() ? default_formulas_dir() : a.formulas;
    o.log = &std::cerr;
    return o;
}

int run(const Options& a, Lang lang) {
    ServeOptions options = serve_options(a);
    keep_freed_memory();
    Engine engine = Engine::load(options.formulas_dir);
    auto server = std::make_unique<Server>(engine, options);  // ServeError: main() says why
    std::string where = options.host + ":" + std::to_string(server->port());
    std::string url =
        "http://" +
        (options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host) +
        ":" + std::to_string(server->port()) + "/";
    Message start{"kinerja serve mendengar di " + url, "kinerja serve is listening on " + url};
    std::cerr << "kinerja: " << start.in(lang) << std::endl;
    if (options.tokens_file.empty())
        complain({"tanpa --tokens: hanya terbuka untuk komputer ini (" + where +
                      "); untuk satker lain pakai --tokens dan proksi balik dengan TLS "
                      "(docs/operator.md)",
                  "without --tokens: open to this computer only (" + where +
                      "); for other units use --tokens and a reverse proxy with TLS "
                      "(docs/operator.md)"},
                 lang);
    server->run();
    if (server->job_running()) {
        // The batch cannot be interrupted; what it wrote is kept (its manifest), and the next
        // start runs the job again from there. Leave without waiting for it.
        complain({"pekerjaan batch yang berjalan dilanjutkan saat server dimulai lagi",
                  "the running batch job resumes when the server starts again"},
                 lang);
        std::fflush(stdout);
        std::cerr.flush();
        std::_Exit(exit_ok);
    }
    return exit_ok;
}

}  // namespace

Run serve(CLI::App& command) {
    auto a = std::make_shared<Options>();
    command.add_option("--listen", a->listen);
    command.add_option("--workers", a->workers);
    command.add_option("--max-upload", a->max_upload);
    command.add_option("--jobs-dir", a->jobs_dir);
    command.add_option("--tokens", a->tokens);
    command.add_option("--job-ttl", a->job_ttl);
    command.add_option("--header-timeout", a->header_timeout);
    command.add_option("--request-timeout", a->request_timeout);
    command.add_option("--queue", a->queue);
    command.add_option("--formulas", a->formulas);
    return [a](Lang lang) { return run(*a, lang); };
}

}  // namespace kinerja::cli
