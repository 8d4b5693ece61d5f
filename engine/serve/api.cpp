// The routes: /healthz, /metrics, the embedded assets and the JSON API under /api/v1/.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "common/dropped.hpp"
#include "common/json_text.hpp"
#include "serve/assets.hpp"
#include "serve/detail.hpp"
#include "tables/tables.hpp"
#include "templates/templates.hpp"
#include "validate/validate.hpp"

namespace kinerja::serve_detail {

namespace {

using json = nlohmann::ordered_json;

constexpr const char* xlsx_type =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// A workbook that kept its macros: an .xlsx cannot hold them.
constexpr const char* xlsm_type = "application/vnd.ms-excel.sheet.macroEnabled.12";

Response json_response(const json& doc, int status = 200) {
    Response r;
    r.status = status;
    r.body = safe_json(json_text(doc, 2)) + "\n";
    return r;
}

Response download(std::string bytes, std::string_view type, std::string_view file_name) {
    Response r;
    r.content_type = std::string(type);
    r.body = std::move(bytes);
    r.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"" + std::string(file_name) + "\"");
    return r;
}

ApiError not_found() {
    return {404,
            "alamat.tidak_ada",
            {"alamat ini tidak ada; lihat /api/v1 untuk daftar alamat",
             "no such address; see /api/v1 for the list"}};
}

ApiError wrong_method(std::string_view allowed) {
    return {405,
            "metode.tidak_diizinkan",
            {"metode ini tidak dipakai di alamat ini; pakai " + std::string(allowed),
             "this method is not used at this address; use " + std::string(allowed)}};
}

Response method_not_allowed(std::string_view allowed, Lang lang) {
    Response r = error_response(wrong_method(allowed), lang);
    r.headers.emplace_back("Allow", std::string(allowed));
    return r;
}

// The workbook of an upload: the "file" part of a multipart form (or its only file), or the
// raw body. `name` is for messages only, never a path.
struct Upload {
    std::string bytes, name;
};

std::string display_name(std::string_view file_name) {
    std::string_view base = file_name.substr(file_name.find_last_of("/\\") + 1);
    std::string out;
    for (char c : base.substr(0, 120))
        out += static_cast<unsigned char>(c) < 0x20 ? '_' : c;  // no control characters in logs
    return out.empty() ? "unggahan.xlsx" : out;
}

std::vector<FormPart> form_parts(Request& request) {
    std::string type = request.header("content-type");
    if (!type.starts_with("multipart/")) return {};
    auto parts = parse_multipart(type, request.body);
    if (!parts)
        throw ApiError{400,
                       "unggahan.form_rusak",
                       {"formulir multipart tidak dapat dibaca (batas atau kepala bagian salah)",
                        "the multipart form cannot be read (boundary or part headers wrong)"}};
    return std::move(*parts);
}

ApiError empty_upload() {
    return {400,
            "unggahan.kosong",
            {"tidak ada berkas yang diunggah; kirim buku kerja .xlsx sebagai isi permintaan atau "
             "bagian \"file\" formulir",
             "no file was uploaded; send the .xlsx workbook as the request body or as the form's "
             "\"file\" part"}};
}

Upload upload_of(Request& request) {
    Upload upload;
    if (request.header("content-type").starts_with("multipart/")) {
        for (FormPart& part : form_parts(request))
            if (part.name == "file" || (upload.bytes.empty() && !part.filename.empty())) {
                upload.bytes = std::move(part.body);
                upload.name = display_name(part.filename);
            }
    } else {
        upload.bytes = std::move(request.body);
        upload.name = display_name(request.param("name").value_or(""));
    }
    if (upload.bytes.empty()) throw empty_upload();
    return upload;
}

// The counts a page shows: the findings' counts in their one form (validate's counts_json),
// whether the run fails, and what the fill did.
json run_counts_json(const RunReport& r) {
    const FindingCounts counts = r.counts();
    json doc = counts_json(counts);  // the one form of the findings' counts
    doc["fails"] = counts.fails();
    doc["tables"] = r.tables.size();
    doc["computed_cells"] = r.fill.computed_cells;
    doc["replaced_values"] = r.fill.replaced_values;
    return doc;
}

// The findings report of `kinerja fill --report` with what a page needs besides.
json report_json(const RunReport& r, Lang lang) {
    json doc = json::parse(findings_json(r.findings, r.tables, r.misses, lang));
    doc["counts"] = run_counts_json(r);
    json dropped = json::array();
    // `what` and `part` stay the stages' English keys for programs; `message` is for people.
    for (const DroppedPart& d : r.dropped)
        dropped.push_back(
            {{"what", d.what},
             {"part", d.part},
             {"message", describe(d).in(lang) + " (" + dropped_place(d).in(lang) + ")"}});
    doc["dropped"] = std::move(dropped);
    if (!r.fill.grafik_sheet.empty()) doc["grafik_sheet"] = r.fill.grafik_sheet;
    return doc;
}

// With `baris=1` (the staff page), each finding carries the row it is on as the upload has it:
// under each column of its table, that column's header and the text shown; outside any table,
// the row's written cells. The page shows it beside the message.
void add_finding_rows(json& doc, const RunReport& r, const Workbook& workbook) {
    constexpr std::size_t max_cells = 40;
    json& findings = doc["findings"];
    for (std::size_t i = 0; i < r.findings.size() && i < findings.size(); ++i) {
        const Finding& f = r.findings[i];
        const Sheet* sheet = workbook.sheet(f.sheet);
        if (!sheet) continue;
        json cells = json::array();
        auto add = [&](std::uint32_t col, const std::string& header) {
            std::string text = display_text(*sheet, f.row, col);
            if (cells.size() < max_cells && (!text.empty() || !header.empty()))
                cells.push_back({{"column", column_name(col)}, {"header", header}, {"text", text}});
        };
        auto table = std::find_if(r.tables.begin(), r.tables.end(), [&](const Table& t) {
            return t.sheet == f.sheet && f.row >= t.first_row && f.row <= t.last_row;
        });
        if (table != r.tables.end()) {
            for (const TableColumn& c : table->columns) add(c.col, c.header);
        } else {
            auto first =
                std::lower_bound(sheet->cells.begin(), sheet->cells.end(), f.row,
                                 [](const Cell& c, std::uint32_t row) { return c.row < row; });
            for (auto c = first; c != sheet->cells.end() && c->row == f.row; ++c) add(c->col, "");
        }
        findings[i]["row"] = {{"number", f.row + 1}, {"cells", std::move(cells)}};
    }
}

bool wants_json(const Request& request) {
    return request.header("accept").find("application/json") != std::string::npos ||
           request.param("format") == "json";
}

std::optional<int> year_of(const std::string& text) {
    if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoi(text);
}

json endpoints_json() {
    json list = json::array();
    auto add = [&](const char* method, const char* path, const char* what) {
        list.push_back({{"method", method}, {"path", path}, {"what", what}});
    };
    add("POST", "/api/v1/fill",
        "fill a workbook: the .xlsx, or JSON with Accept: application/json");
    add("POST", "/api/v1/validate", "check a workbook: findings, tables and counts as JSON");
    add("POST", "/api/v1/edits",
        "the fill as edits (cells, notes, highlights, the Validasi sheet), for the add-in");
    add("POST", "/api/v1/inspect", "the tables recognised and each column's role");
    add("GET", "/api/v1/templates", "the templates");
    add("GET", "/api/v1/templates/{name}?satker=&tahun=", "a new workbook from a template");
    add("GET", "/api/v1/catalogue", "the indicator catalogue");
    add("POST", "/api/v1/jobs", "start a batch job: template + data, or a zip of workbooks");
    add("GET", "/api/v1/jobs", "the caller's batch jobs");
    add("GET", "/api/v1/jobs/{id}", "a job's status and progress");
    add("GET", "/api/v1/jobs/{id}/events", "a job's progress as Server-Sent Events");
    add("GET", "/api/v1/jobs/{id}/rekap.xlsx", "the regional rekap");
    add("GET", "/api/v1/jobs/{id}/laporan.json", "the batch report");
    add("GET", "/api/v1/jobs/{id}/hasil.zip", "the filled workbooks");
    add("DELETE", "/api/v1/jobs/{id}", "delete a job and its files");
    return {{"version", KINERJA_VERSION}, {"endpoints", std::move(list)}};
}

// "/api/v1/jobs/abc/rekap.xlsx" -> {"jobs", "abc", "rekap.xlsx"}
std::vector<std::string> segments(std::string_view path) {
    std::vector<std::string> out;
    while (!path.empty()) {
        std::size_t slash = path.find('/');
        if (slash != 0) out.emplace_back(path.substr(0, slash));
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return out;
}

}  // namespace

Response error_response(const ApiError& error, Lang lang) {
    json doc = {{"error", {{"id", error.id}, {"message", error.message.in(lang)}}}};
    Response r = json_response(doc, error.status);
    if (error.status == 401) r.headers.emplace_back("WWW-Authenticate", "Bearer");
    return r;
}

Api::Api(const Engine& engine, const ServeOptions& options, Tokens tokens, JobStore& jobs,
         Metrics& metrics)
    : engine_(engine),
      tokens_(std::move(tokens)),
      jobs_(jobs),
      metrics_(metrics),
      catalogue_json_(safe_json(catalogue_json(engine.compiled->catalogue()))) {
    // The upload is the file; the cells of all the workers' workbooks share the memory.
    limits_.max_file_bytes = options.max_upload;
    limits_.max_cell_memory_bytes = std::max<std::uint64_t>(
        ReadLimits::default_cell_memory_bytes() / std::max(1u, options.workers), 64ull << 20);
}

Routed Api::route(Request request) {
    Lang lang = request.lang();
    const std::string& path = request.path;
    const bool get = request.method == "GET";
    try {
        if (path == "/healthz") {
            if (!get) return {method_not_allowed("GET", lang), {}};
            return {json_response({{"status", "ok"}, {"version", KINERJA_VERSION}}), {}};
        }
        if (path == "/metrics") {
            if (!get) return {method_not_allowed("GET", lang), {}};
            Response r;
            r.content_type = "text/plain; version=0.0.4; charset=utf-8";
            r.body = metrics_.text(jobs_.counts());
            return {std::move(r), {}};
        }
        if (path == "/" || path == "/wilayah" || path.starts_with("/assets/")) {
            if (!get) return {method_not_allowed("GET", lang), {}};
            std::string name = path == "/"          ? "index.html"
                               : path == "/wilayah" ? "wilayah.html"
                                                    : path.substr(8);
            auto file = embedded_file(name);
            if (!file) throw not_found();
            Response r;
            r.content_type = std::string(content_type_of(file->name));
            r.body = std::string(file->bytes);
            r.headers.emplace_back("Cache-Control", "no-cache");
            return {std::move(r), {}};
        }
        if (path == "/addin" || path.starts_with("/addin/")) {
            if (!get) return {method_not_allowed("GET", lang), {}};
            return {addin_response(request), {}};
        }
        if (path == "/api/v1" || path.starts_with("/api/v1/")) {
            Caller caller{false, "", "lokal"};
            if (tokens_.enabled()) {
                auto found = tokens_.find(request.header("authorization"));
                if (!found)
                    throw ApiError{401,
                                   "akses.perlu_token",
                                   {"perlu token yang sah: kirim Authorization: Bearer TOKEN",
                                    "a valid token is needed: send Authorization: Bearer TOKEN"}};
                caller = *found;
            }
            return route_api(request, caller);
        }
        throw not_found();
    } catch (const ApiError& e) {
        return {error_response(e, lang), {}};
    } catch (const std::exception& e) {
        return {error_response({500,
                                "server.galat",
                                {std::string("galat di server: ") + e.what(),
                                 std::string("server error: ") + e.what()}},
                               lang),
                {}};
    }
}

Routed Api::route_api(Request& request, const Caller& caller) {
    Lang lang = request.lang();
    std::vector<std::string> parts = segments(request.path);  // "api", "v1", ...
    parts.erase(parts.begin(), parts.begin() + 2);
    const std::string& method = request.method;
    const bool get = method == "GET";
    // Wraps a worker's job so that the engine's refusals become answers.
    auto work = [lang](auto body) {
        return [lang, body = std::move(body)](Worker& worker) mutable -> Response {
            try {
                return body(worker);
            } catch (const ApiError& e) {
                return error_response(e, lang);
            } catch (const InputError& e) {
                return error_response({422,
                                       "masukan.tidak_dapat_dipakai",
                                       {e.describe(Lang::id), e.describe(Lang::en)}},
                                      lang);
            } catch (const OutputError& e) {
                return error_response(
                    {500, "keluaran.gagal", {e.describe(Lang::id), e.describe(Lang::en)}}, lang);
            }
        };
    };

    if (parts.empty()) {
        if (!get) return {method_not_allowed("GET", lang), {}};
        return {json_response(endpoints_json()), {}};
    }
    const std::string& what = parts[0];
    if ((what == "fill" || what == "validate" || what == "inspect" || what == "edits") &&
        parts.size() == 1) {
        if (method != "POST") return {method_not_allowed("POST", lang), {}};
        auto req = std::make_shared<Request>(std::move(request));
        return {
            {}, work([this, req, what, lang](Worker& worker) -> Response {
                Upload upload = upload_of(*req);
                RunOptions options;
                options.read = limits_;
                options.fill.grafik = req->flag("grafik");
                options.fill.kategori = req->flag("kategori");
                WorkbookSource source = WorkbookSource::bytes(std::move(upload.bytes), upload.name);
                if (what == "inspect") {
                    Workbook workbook = source.read(limits_);
                    return json_response(understanding_json(understand(workbook), lang));
                }
                if (what == "edits") {
                    // The fill as `kinerja fill` does it, compared with the upload as read.
                    // The Grafik sheet's charts are no cell edits: not offered here.
                    options.fill.grafik = false;
                    Workbook before = source.read(limits_);
                    Workbook after = before;
                    RunReport r = process(engine_, after, options.fill);
                    json doc = edits_json(fill_edits(before, after));
                    json report = report_json(r, lang);
                    doc["findings"] = std::move(report["findings"]);
                    doc["summary"] = std::move(report["summary"]);
                    doc["counts"] = std::move(report["counts"]);
                    return json_response(doc);
                }
                WorkbookSink sink = what == "fill" ? WorkbookSink::memory() : WorkbookSink::none();
                std::optional<Workbook> as_uploaded;
                if (req->flag("baris")) as_uploaded = source.read(limits_);
                RunReport r = process(engine_, source, sink, options, &worker.evaluator);
                if (what == "validate" || wants_json(*req)) {
                    json doc = report_json(r, lang);
                    if (as_uploaded) add_finding_rows(doc, r, *as_uploaded);
                    return json_response(doc);
                }
                bool macros = sink.extension() == ".xlsm";
                Response out = download(sink.take_bytes(), macros ? xlsm_type : xlsx_type,
                                        "kinerja-terisi" + sink.extension());
                FindingCounts counts = r.counts();
                out.headers.emplace_back("X-Kinerja-Errors", std::to_string(counts.errors));
                out.headers.emplace_back("X-Kinerja-Warnings", std::to_string(counts.warnings));
                return out;
            })};
    }
    if (what == "catalogue" && parts.size() == 1) {
        if (!get) return {method_not_allowed("GET", lang), {}};
        Response r;
        r.body = catalogue_json_;
        return {std::move(r), {}};
    }
    if (what == "templates") {
        if (parts.size() == 1) {
            if (!get) return {method_not_allowed("GET", lang), {}};
            json list = json::array();
            for (const TemplateInfo& t : builtin_templates())
                list.push_back({{"name", t.name},
                                {"file", t.file_name},
                                {"description", t.description.in(lang)},
                                {"url", "/api/v1/templates/" + t.name}});
            return {json_response({{"templates", std::move(list)}}), {}};
        }
        if (parts.size() != 2) throw not_found();
        if (!get && method != "POST") return {method_not_allowed("GET, POST", lang), {}};
        // Only a built-in template's name: never a path.
        const TemplateInfo* chosen = nullptr;
        for (const TemplateInfo& t : builtin_templates())
            if (t.name == parts[1]) chosen = &t;
        if (!chosen) throw not_found();
        NewWorkbookOptions options;
        // A form posted as application/x-www-form-urlencoded carries them in the body.
        if (method == "POST" &&
            request.header("content-type").starts_with("application/x-www-form-urlencoded")) {
            Request form;
            form.target = "/?" + request.body;
            if (!parse_target(form))
                throw ApiError{400,
                               "permintaan.form_rusak",
                               {"formulir tidak dapat dibaca", "the form cannot be read"}};
            request.query.insert(request.query.end(), form.query.begin(), form.query.end());
        }
        if (auto satker = request.param("satker"); satker && !satker->empty())
            options.satker = *satker;
        if (auto tahun = request.param("tahun"); tahun && !tahun->empty()) {
            options.tahun = year_of(*tahun);
            if (!options.tahun)
                throw ApiError{
                    400,
                    "templat.tahun_salah",
                    {"tahun harus empat angka, misalnya 2025 (bukan \"" + *tahun + "\")",
                     "the year must be four digits such as 2025 (not \"" + *tahun + "\")"}};
        }
        if (auto problem = check_new_workbook_options(options))
            throw ApiError{400, "templat.pilihan_salah", *problem};
        std::string name = chosen->name, file_name = chosen->file_name;
        return {{}, work([this, options, name, file_name](Worker&) -> Response {
                    // Checked: a missing file says to point KINERJA_TEMPLATES at templates/.
                    auto file = template_file(name, default_templates_dir());
                    Workbook workbook = WorkbookSource::file(*file).read(limits_);
                    personalise(workbook, options);
                    WorkbookSink sink = WorkbookSink::memory();
                    WriteOptions write;
                    write.deterministic = false;  // dated now, as `kinerja new` does
                    sink.write(workbook, write);
                    return download(sink.take_bytes(), xlsx_type, file_name);
                })};
    }
    if (what == "jobs") {
        if (parts.size() == 1) {
            if (get) return {json_response(json::parse(jobs_.list_json(caller, lang))), {}};
            if (method != "POST") return {method_not_allowed("GET, POST", lang), {}};
            auto req = std::make_shared<Request>(std::move(request));
            return {{}, work([this, req, caller, lang](Worker&) -> Response {
                        JobInput input;
                        input.grafik = req->flag("grafik");
                        input.kategori = req->flag("kategori");
                        input.lang = lang;
                        std::string content_type = req->header("content-type");
                        if (content_type.starts_with("multipart/")) {
                            for (FormPart& part : form_parts(*req)) {
                                if (part.name == "template")
                                    input.template_bytes = std::move(part.body);
                                else if (part.name == "data")
                                    input.data_bytes = std::move(part.body);
                                else if (part.name == "zip" || part.name == "inputs")
                                    input.zip_bytes = std::move(part.body);
                                else if (part.name == "grafik" || part.name == "kategori") {
                                    bool on = part.body == "1" || part.body == "on" ||
                                              part.body == "true" || part.body == "ya";
                                    (part.name == "grafik" ? input.grafik : input.kategori) |= on;
                                }
                            }
                        } else {
                            input.zip_bytes = std::move(req->body);  // a zip of workbooks
                        }
                        std::string id = jobs_.create(std::move(input), caller);
                        auto status = jobs_.status_json(id, caller, lang);
                        Response r = json_response(json::parse(*status), 202);
                        r.headers.emplace_back("Location", "/api/v1/jobs/" + id);
                        return r;
                    })};
        }
        const std::string& id = parts[1];
        if (!JobStore::valid_id(id)) throw not_found();
        if (parts.size() == 2) {
            if (get) {
                auto status = jobs_.status_json(id, caller, lang);
                if (!status) throw not_found();
                return {json_response(json::parse(*status)), {}};
            }
            if (method != "DELETE") return {method_not_allowed("GET, DELETE", lang), {}};
            return {{}, work([this, id, caller](Worker&) -> Response {
                        if (!jobs_.remove(id, caller)) throw not_found();
                        Response r;
                        r.status = 204;
                        return r;
                    })};
        }
        if (parts.size() != 3) throw not_found();
        if (!get) return {method_not_allowed("GET", lang), {}};
        const std::string& name = parts[2];
        if (name == "events") {
            if (!jobs_.status_json(id, caller, lang)) throw not_found();
            Response r;
            r.content_type = "text/event-stream";
            auto last = std::make_shared<std::string>();
            r.events = [this, id, caller, lang, last]() -> std::optional<std::string> {
                if (last->starts_with("end")) return std::nullopt;
                auto status = jobs_.status_json(id, caller, lang);
                if (!status) return std::nullopt;
                json doc = json::parse(*status);
                std::string state = doc.value("state", "");
                std::string one_line = safe_json(json_text(doc));
                bool finished = state == "done" || state == "failed";
                std::string text = "event: " + std::string(finished ? "end" : "progress") +
                                   "\ndata: " + one_line + "\n\n";
                if (finished)
                    *last = "end";
                else if (text == *last)
                    return std::string(": tetap\n\n");  // a keep-alive comment
                else
                    *last = text;
                return text;
            };
            return {std::move(r), {}};
        }
        static const std::map<std::string, std::string> results = {
            {"rekap.xlsx", xlsx_type},
            {"laporan.json", "application/json"},
            {"hasil.zip", "application/zip"}};
        auto result = results.find(name);
        if (result == results.end()) throw not_found();
        return {{}, work([this, id, name, type = result->second, caller](Worker&) -> Response {
                    return download(jobs_.result(id, name, caller), type, name);
                })};
    }
    throw not_found();
}

}  // namespace kinerja::serve_detail
