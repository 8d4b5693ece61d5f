// Batch jobs: one folder per job in the jobs folder, named by 128 random bits, holding the
// inputs (masukan/), the batch's output (hasil/), the zip of the filled workbooks and the
// job's state (job.json). A restarted server reads job.json again; expired jobs are deleted.
#include <sys/random.h>
#include <sys/stat.h>
#include <zip.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "common/atomic_output.hpp"
#include "common/json_text.hpp"
#include "serve/detail.hpp"

namespace kinerja::serve_detail {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using SystemClock = std::chrono::system_clock;

namespace {

constexpr std::size_t max_zip_entries = 20'000;
constexpr std::uint64_t max_zip_total = 4ull << 30;

std::string random_id() {
    unsigned char bytes[16];
    std::size_t got = 0;
    while (got < sizeof bytes) {
        ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw std::runtime_error("getrandom failed");
        }
        got += static_cast<std::size_t>(n);
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string id;
    for (unsigned char b : bytes) {
        id += hex[b >> 4];
        id += hex[b & 15];
    }
    return id;
}

json message_json(const Message& m) {
    return {{"id", m.id}, {"en", m.en}};
}
Message message_of(const json& j) {
    return {j.value("id", ""), j.value("en", "")};
}

std::string iso_time(std::int64_t seconds) {
    std::time_t t = static_cast<std::time_t>(seconds);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::int64_t now_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(SystemClock::now().time_since_epoch())
        .count();
}

// The second at which something kept for `ttl` from now may go: rounded up, because job.json
// keeps whole seconds and rounding down would shorten a short TTL to nearly nothing.
std::int64_t expiry_after(std::chrono::milliseconds ttl) {
    auto until =
        SystemClock::now().time_since_epoch() + std::max(ttl, std::chrono::milliseconds(1000));
    return std::chrono::ceil<std::chrono::seconds>(until).count();
}

bool looks_like_zip(std::string_view bytes) {
    return bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

void write_file(const fs::path& file, std::string_view bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush())
        throw OutputError(file.string(),
                          {"tidak dapat menulis berkas pekerjaan", "cannot write the job's file"});
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return {};
    return std::string(std::istreambuf_iterator<char>(in), {});
}

ApiError bad_zip(const std::string& why_id, const std::string& why_en) {
    return {422,
            "pekerjaan.zip_tidak_valid",
            {"zip buku kerja tidak dapat dipakai: " + why_id,
             "the zip of workbooks cannot be used: " + why_en}};
}

// Takes the .xlsx and .xlsm files out of an uploaded zip into `dir`, each named by its file name
// made safe (unit_file_stem): a name in the zip never becomes a path as it is. Bounded in entries
// and in bytes actually inflated, whatever the zip declares.
std::size_t extract_workbooks(const std::string& zip_bytes, const fs::path& dir,
                              std::uint64_t max_entry) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(zip_bytes.data(), zip_bytes.size(), 0, &error);
    if (!source) throw bad_zip("bukan zip", "not a zip");
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    zip_error_fini(&error);
    if (!archive) {
        zip_source_free(source);
        throw bad_zip("bukan zip atau rusak", "not a zip, or damaged");
    }
    std::unique_ptr<zip_t, int (*)(zip_t*)> guard(archive, zip_close);
    zip_int64_t entries = zip_get_num_entries(archive, 0);
    if (entries < 0 || static_cast<std::uint64_t>(entries) > max_zip_entries)
        throw bad_zip("lebih dari " + std::to_string(max_zip_entries) + " berkas",
                      "more than " + std::to_string(max_zip_entries) + " files");
    std::set<std::string> names;
    std::uint64_t total = 0;
    std::vector<char> buffer(1 << 16);
    for (zip_int64_t i = 0; i < entries; ++i) {
        const char* raw = zip_get_name(archive, static_cast<zip_uint64_t>(i), 0);
        if (!raw) continue;
        std::string name = raw;
        std::string base = name.substr(name.find_last_of('/') + 1);
        std::string lower = base;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        // Folders, macOS's resource forks and Excel's lock files are not workbooks.
        bool workbook = lower.ends_with(".xlsx") || lower.ends_with(".xlsm");
        if (base.empty() || !workbook || base.starts_with(".") || base.starts_with("~$") ||
            name.starts_with("__MACOSX/"))
            continue;
        std::string extension = lower.substr(lower.size() - 5);
        std::string stem = unit_file_stem(base.substr(0, base.size() - 5));
        std::string unique = stem;
        for (int n = 2; names.count(unique); ++n) unique = stem + "-" + std::to_string(n);
        names.insert(unique);
        zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
        if (!file) throw bad_zip(base + " tidak dapat dibuka", base + " cannot be opened");
        std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file_guard(file, zip_fclose);
        fs::path target = dir / (unique + extension);
        std::ofstream out(target, std::ios::binary);
        std::uint64_t size = 0;
        for (zip_int64_t n; (n = zip_fread(file, buffer.data(), buffer.size())) > 0;) {
            size += static_cast<std::uint64_t>(n);
            total += static_cast<std::uint64_t>(n);
            if (size > max_entry || total > max_zip_total)
                throw bad_zip(base + " terlalu besar setelah dibuka (bom zip?)",
                              base + " is too large once inflated (a zip bomb?)");
            out.write(buffer.data(), n);
        }
        if (!out.flush())
            throw OutputError(target.string(), {"tidak dapat menulis berkas pekerjaan",
                                                "cannot write the job's file"});
    }
    if (names.empty())
        throw bad_zip("tidak ada berkas .xlsx atau .xlsm di dalamnya",
                      "it holds no .xlsx or .xlsm file");
    return names.size();
}

// The filled workbooks of a finished job in one zip, stored (an .xlsx is compressed already).
void zip_workbooks(const fs::path& out_dir, const fs::path& zip_file) {
    fs::path temp = zip_file;
    temp += ".tmp";
    int error = 0;
    zip_t* archive = zip_open(temp.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive)
        throw OutputError(zip_file.string(),
                          {"tidak dapat membuat zip hasil", "cannot create the zip of results"});
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(out_dir)) {
        std::string name = entry.path().filename().string();
        bool workbook = name.ends_with(".xlsx") || name.ends_with(".xlsm");
        if (entry.is_regular_file() && workbook && name != "rekap.xlsx" && !name.starts_with("."))
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
        zip_source_t* source = zip_source_file(archive, f.c_str(), 0, -1);
        zip_int64_t index =
            source ? zip_file_add(archive, f.filename().c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (source) zip_source_free(source);
            zip_discard(archive);
            throw OutputError(zip_file.string(), {"tidak dapat membuat zip hasil",
                                                  "cannot create the zip of results"});
        }
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    if (zip_close(archive) != 0) {
        zip_discard(archive);
        throw OutputError(zip_file.string(),
                          {"tidak dapat menulis zip hasil", "cannot write the zip of results"});
    }
    fs::rename(temp, zip_file);
}

}  // namespace

struct JobStore::Job {
    std::string id, owner, wilayah, mode;  // mode: "template" or "inputs"
    std::int64_t created = 0, expires = 0;
    std::string state = "queued";  // queued, running, done, failed
    bool grafik = false, kategori = false;
    Lang lang = Lang::id;
    BatchProgress progress;
    json result;                   // null until done
    std::optional<Message> error;  // why it failed
    fs::path dir;
};

bool JobStore::valid_id(std::string_view id) {
    if (id.size() != 32) return false;
    for (char c : id)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

JobStore::JobStore(const Engine& engine, Settings settings)
    : engine_(engine), settings_(std::move(settings)) {
    std::error_code ec;
    fs::create_directories(settings_.dir, ec);
    if (ec || !fs::is_directory(settings_.dir))
        throw ServeError({"folder pekerjaan tidak dapat dibuat: " + settings_.dir.string(),
                          "cannot create the jobs folder: " + settings_.dir.string()});
    ::chmod(settings_.dir.c_str(), 0700);
    if (settings_.formulas_dir.empty()) settings_.formulas_dir = default_formulas_dir();
    // An earlier run's jobs: kept, queued again if unfinished, or deleted when expired or
    // unreadable. Folders not named like a job are not ours and stay.
    std::size_t found = 0, removed = 0, requeued = 0;
    for (const auto& entry : fs::directory_iterator(settings_.dir, ec)) {
        std::string name = entry.path().filename().string();
        if (!valid_id(name) || !entry.is_directory()) continue;
        auto job = std::make_shared<Job>();
        try {
            json doc = json::parse(read_file(entry.path() / "job.json"));
            job->id = name;
            job->owner = doc.at("owner");
            job->wilayah = doc.at("wilayah");
            job->mode = doc.at("mode");
            job->created = doc.at("created");
            job->expires = doc.at("expires");
            job->state = doc.at("state");
            job->grafik = doc.value("grafik", false);
            job->kategori = doc.value("kategori", false);
            job->lang = doc.value("lang", "id") == "en" ? Lang::en : Lang::id;
            if (doc.contains("result")) job->result = doc["result"];
            if (doc.contains("error")) job->error = message_of(doc["error"]);
            job->dir = entry.path();
        } catch (const std::exception&) {
            fs::remove_all(entry.path(), ec);  // half-made: the server stopped while creating it
            ++removed;
            continue;
        }
        bool finished = job->state == "done" || job->state == "failed";
        if (finished && job->expires <= now_seconds()) {
            fs::remove_all(entry.path(), ec);
            ++removed;
            continue;
        }
        if (job->state == "queued" || job->state == "running") {
            job->state = "queued";
            queue_.push_back(name);
            ++requeued;
        }
        jobs_[name] = job;
        ++found;
    }
    if (settings_.log && (found || removed))
        settings_.log("jobs: " + std::to_string(found) + " found (" + std::to_string(requeued) +
                      " to run again), " + std::to_string(removed) +
                      " expired or unreadable removed");
    thread_ = std::thread([this] { runner(); });
}

JobStore::~JobStore() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void JobStore::save(const Job& job) const {
    json doc = {{"id", job.id},
                {"owner", job.owner},
                {"wilayah", job.wilayah},
                {"mode", job.mode},
                {"created", job.created},
                {"expires", job.expires},
                {"state", job.state},
                {"grafik", job.grafik},
                {"kategori", job.kategori},
                {"lang", job.lang == Lang::en ? "en" : "id"}};
    if (!job.result.is_null()) doc["result"] = job.result;
    if (job.error) doc["error"] = message_json(*job.error);
    std::string text = json_text(doc, 2);
    write_atomically(job.dir / "job.json", [&](const fs::path& temp) { write_file(temp, text); });
}

std::string JobStore::create(JobInput input, const Caller& caller) {
    bool inputs_mode = !input.zip_bytes.empty();
    if (!inputs_mode && (input.template_bytes.empty() || input.data_bytes.empty()))
        throw ApiError{
            400,
            "pekerjaan.masukan_kurang",
            {"kirim templat (bagian \"template\", .xlsx) dan data wilayah (bagian "
             "\"data\", .csv atau .xlsx), atau zip buku kerja satker (bagian \"zip\")",
             "send a template (part \"template\", .xlsx) with the region's data (part "
             "\"data\", .csv or .xlsx), or a zip of the units' workbooks (part \"zip\")"}};
    if (!inputs_mode && !looks_like_zip(input.template_bytes))
        throw ApiError{422,
                       "pekerjaan.templat_bukan_xlsx",
                       {"templat bukan berkas .xlsx", "the template is not an .xlsx file"}};
    if (inputs_mode && !looks_like_zip(input.zip_bytes)) throw bad_zip("bukan zip", "not a zip");

    auto job = std::make_shared<Job>();
    job->id = random_id();
    job->owner = caller.owner();
    job->wilayah = caller.wilayah;
    job->mode = inputs_mode ? "inputs" : "template";
    job->created = now_seconds();
    job->expires = expiry_after(settings_.ttl);
    job->grafik = input.grafik;
    job->kategori = input.kategori;
    job->lang = input.lang;
    job->dir = settings_.dir / job->id;
    fs::create_directory(job->dir);
    ::chmod(job->dir.c_str(), 0700);
    try {
        fs::create_directories(job->dir / "masukan");
        if (inputs_mode) {
            fs::create_directories(job->dir / "masukan" / "unit");
            extract_workbooks(input.zip_bytes, job->dir / "masukan" / "unit",
                              settings_.max_unit_bytes);
        } else {
            write_file(job->dir / "masukan" / "templat.xlsx", input.template_bytes);
            bool xlsx = looks_like_zip(input.data_bytes);
            write_file(job->dir / "masukan" / (xlsx ? "data.xlsx" : "data.csv"), input.data_bytes);
        }
        save(*job);
    } catch (...) {
        std::error_code ec;
        fs::remove_all(job->dir, ec);
        throw;
    }
    {
        std::lock_guard lock(mutex_);
        jobs_[job->id] = job;
        queue_.push_back(job->id);
    }
    wake_.notify_all();
    return job->id;
}

std::shared_ptr<JobStore::Job> JobStore::visible(std::string_view id, const Caller& caller) const {
    auto it = jobs_.find(std::string(id));
    if (it == jobs_.end()) return nullptr;
    const Job& job = *it->second;
    bool finished = job.state == "done" || job.state == "failed";
    if (finished && job.expires <= now_seconds()) return nullptr;
    bool mine = caller.kanwil ? job.wilayah == caller.wilayah : job.owner == caller.owner();
    return mine ? it->second : nullptr;
}

namespace {

json status_of_locked(const std::string& id, const std::string& state, const std::string& mode,
                      std::int64_t created, std::int64_t expires, const BatchProgress& p,
                      const json& result, const std::optional<Message>& error, Lang lang) {
    json doc = {{"id", id},
                {"state", state},
                {"mode", mode},
                {"created", iso_time(created)},
                {"expires", iso_time(expires)}};
    double rate = p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0;
    json progress = {{"done", p.done},       {"total", p.total},     {"failed", p.failed},
                     {"skipped", p.skipped}, {"seconds", p.seconds}, {"rate", rate}};
    if (rate > 0 && p.total >= p.done)
        progress["eta_seconds"] = static_cast<double>(p.total - p.done) / rate;
    doc["progress"] = std::move(progress);
    if (!result.is_null()) {
        json r = result;
        for (auto& f : r["failures"]) f["message"] = message_of(f["message"]).in(lang);
        for (auto& m : r["problems"]) m = message_of(m).in(lang);
        for (auto& m : r["notices"]) m = message_of(m).in(lang);
        doc["result"] = std::move(r);
    }
    if (error) doc["error"] = {{"message", error->in(lang)}};
    std::string base = "/api/v1/jobs/" + id;
    json links = {{"self", base}, {"events", base + "/events"}};
    if (state == "done") {
        links["rekap"] = base + "/rekap.xlsx";
        links["laporan"] = base + "/laporan.json";
        links["hasil"] = base + "/hasil.zip";
    }
    doc["links"] = std::move(links);
    return doc;
}

}  // namespace

std::optional<std::string> JobStore::status_json(std::string_view id, const Caller& caller,
                                                 Lang lang) const {
    std::lock_guard lock(mutex_);
    auto job = visible(id, caller);
    if (!job) return std::nullopt;
    return json_text(status_of_locked(job->id, job->state, job->mode, job->created, job->expires,
                                      job->progress, job->result, job->error, lang));
}

std::string JobStore::list_json(const Caller& caller, Lang lang) const {
    std::lock_guard lock(mutex_);
    json list = json::array();
    std::vector<std::shared_ptr<Job>> mine;
    for (const auto& [id, job] : jobs_)
        if (visible(id, caller)) mine.push_back(job);
    std::sort(mine.begin(), mine.end(),
              [](const auto& a, const auto& b) { return a->created > b->created; });
    for (const auto& job : mine)
        list.push_back(status_of_locked(job->id, job->state, job->mode, job->created, job->expires,
                                        job->progress, job->result, job->error, lang));
    return json_text(json{{"jobs", std::move(list)}});
}

std::string JobStore::result(std::string_view id, std::string_view name,
                             const Caller& caller) const {
    fs::path file;
    {
        std::lock_guard lock(mutex_);
        auto job = visible(id, caller);
        if (!job)
            throw ApiError{404,
                           "pekerjaan.tidak_ada",
                           {"tidak ada pekerjaan dengan id ini (mungkin sudah kedaluwarsa)",
                            "no job with this id (it may have expired)"}};
        if (job->state != "done")
            throw ApiError{409,
                           "pekerjaan.belum_selesai",
                           {"pekerjaan belum selesai (" + job->state + ")",
                            "the job is not done (" + job->state + ")"}};
        // Fixed names only: the request chose among three, never a path.
        if (name == "rekap.xlsx")
            file = job->dir / "hasil" / "rekap.xlsx";
        else if (name == "laporan.json")
            file = job->dir / "hasil" / "laporan.json";
        else if (name == "hasil.zip")
            file = job->dir / "hasil.zip";
        else
            throw ApiError{404, "alamat.tidak_ada", {"hasil ini tidak ada", "no such result"}};
    }
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        throw ApiError{404,
                       "pekerjaan.hasil_tidak_ada",
                       {"pekerjaan ini tidak menghasilkan " + std::string(name),
                        "this job did not produce " + std::string(name)}};
    return read_file(file);
}

bool JobStore::remove(std::string_view id, const Caller& caller) {
    fs::path dir;
    {
        std::lock_guard lock(mutex_);
        auto job = visible(id, caller);
        if (!job) return false;
        if (job->state == "running")
            throw ApiError{409,
                           "pekerjaan.sedang_berjalan",
                           {"pekerjaan sedang berjalan; hapus setelah selesai",
                            "the job is running; delete it when it is done"}};
        dir = job->dir;
        jobs_.erase(job->id);
        queue_.erase(std::remove(queue_.begin(), queue_.end(), job->id), queue_.end());
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    return true;
}

std::map<std::string, std::size_t> JobStore::counts() const {
    std::lock_guard lock(mutex_);
    std::map<std::string, std::size_t> n{{"queued", 0}, {"running", 0}, {"done", 0}, {"failed", 0}};
    for (const auto& [id, job] : jobs_) ++n[job->state];
    return n;
}

void JobStore::runner() {
    // Expired jobs are looked for a few times per TTL, and at least once a minute.
    auto sweep_every = std::clamp<std::chrono::milliseconds>(
        settings_.ttl / 4, std::chrono::milliseconds(100), std::chrono::milliseconds(60'000));
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        if (queue_.empty()) wake_.wait_for(lock, sweep_every);
        if (stopping_) break;
        lock.unlock();
        sweep();
        lock.lock();
        if (queue_.empty() || stopping_) continue;
        std::string id = queue_.front();
        queue_.pop_front();
        running_ = true;
        lock.unlock();
        run_job(id);
        lock.lock();
        running_ = false;
    }
}

void JobStore::run_job(const std::string& id) {
    std::shared_ptr<Job> job;
    {
        std::lock_guard lock(mutex_);
        auto it = jobs_.find(id);
        if (it == jobs_.end()) return;
        job = it->second;
        job->state = "running";
    }
    BatchOptions o;
    fs::path in = job->dir / "masukan";
    if (job->mode == "inputs") {
        o.inputs_dir = in / "unit";
    } else {
        o.template_file = in / "templat.xlsx";
        o.data_file = fs::exists(in / "data.xlsx") ? in / "data.xlsx" : in / "data.csv";
    }
    o.out_dir = job->dir / "hasil";
    o.formulas_dir = settings_.formulas_dir;
    o.jobs = settings_.threads;
    o.grafik = job->grafik;
    o.kategori = job->kategori;
    o.lang = job->lang;
    o.progress_interval = 0.25;
    o.on_progress = [this, job](const BatchProgress& p) {
        std::lock_guard lock(mutex_);
        job->progress = p;
    };
    std::optional<Message> error;
    json result;
    try {
        {
            std::lock_guard lock(mutex_);
            save(*job);
        }
        BatchResult r = run_batch(engine_, o);
        zip_workbooks(o.out_dir, job->dir / "hasil.zip");
        result = {{"units", r.units},
                  {"written", r.written},
                  {"skipped", r.skipped},
                  {"failed", r.failed},
                  {"with_errors", r.with_errors},
                  {"with_warnings_only", r.with_warnings_only},
                  {"exit_code", r.exit_code()},
                  {"seconds", r.seconds}};
        json failures = json::array();
        for (const UnitReport& u : r.failures)
            failures.push_back({{"key", u.key},
                                {"nama", u.nama},
                                {"message", message_json(u.failure.value_or(Message{}))}});
        result["failures"] = std::move(failures);
        json problems = json::array(), notices = json::array();
        for (const Message& m : r.problems) problems.push_back(message_json(m));
        for (const Message& m : r.notices) notices.push_back(message_json(m));
        result["problems"] = std::move(problems);
        result["notices"] = std::move(notices);
    } catch (const InputError& e) {
        error = Message{e.describe(Lang::id), e.describe(Lang::en)};
    } catch (const OutputError& e) {
        error = Message{e.describe(Lang::id), e.describe(Lang::en)};
    } catch (const std::exception& e) {
        error = Message{std::string("galat: ") + e.what(), std::string("error: ") + e.what()};
    }
    std::lock_guard lock(mutex_);
    job->state = error ? "failed" : "done";
    // The results are kept a whole TTL after they exist, however long the job waited or ran.
    job->expires = std::max(job->expires, expiry_after(settings_.ttl));
    job->error = error;
    job->result = std::move(result);
    try {
        save(*job);
    } catch (const std::exception& e) {
        if (settings_.log) settings_.log("job " + id + ": " + e.what());
    }
    if (settings_.log) settings_.log("job " + id + " " + job->state);
}

void JobStore::sweep() {
    std::vector<fs::path> expired;
    {
        std::lock_guard lock(mutex_);
        std::int64_t now = now_seconds();
        for (auto it = jobs_.begin(); it != jobs_.end();) {
            const Job& job = *it->second;
            if (job.expires <= now && (job.state == "done" || job.state == "failed")) {
                expired.push_back(it->second->dir);
                queue_.erase(std::remove(queue_.begin(), queue_.end(), it->first), queue_.end());
                it = jobs_.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (const fs::path& dir : expired) {
        std::error_code ec;
        fs::remove_all(dir, ec);
        if (settings_.log) settings_.log("job " + dir.filename().string() + " expired, deleted");
    }
}

}  // namespace kinerja::serve_detail
