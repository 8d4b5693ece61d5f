// The Excel add-in under /addin/: its task pane (taskpane.html, .js, .css), icons and the
// manifest, all embedded (engine/serve/assets/addin/). Office shows the pane in a frame on the
// web and loads Microsoft's office.js, so these answers carry a policy of their own: the
// pane may be framed by Office's hosts only and may load office.js from Microsoft's CDN;
// everything else is as strict as the other pages (docs/addin.md).
//
// The relaxations are what the real office.js does (tests/addin loads @microsoft/office-js in
// Chromium and fails on any policy violation):
// - script-src ajax.aspnetcdn.com: the Excel 2016 host script (excel-win32-16.00.js) loads
//   MicrosoftAjax.js from there, in the page's own scheme; without it office.js never starts
//   and the pane cannot say that this Excel is too old.
// - style-src-attr with the hash of "display:none" ('unsafe-hashes'): outside a current host
//   office.js hides its telemetry frame with setAttribute("style", "display:none"). Only that
//   exact attribute value is allowed; no <style> element, no other inline style.
// - frame-src telemetryservice.firstpartyapps.oaspapps.com: that telemetry frame.
// script-src keeps neither 'unsafe-inline' nor 'unsafe-eval'.
#include <algorithm>

#include "serve/assets.hpp"
#include "serve/detail.hpp"

namespace kinerja::serve_detail {

namespace {

constexpr const char* office_js_origin = "https://appsforoffice.microsoft.com";
constexpr const char* ms_ajax_host = "ajax.aspnetcdn.com";  // no scheme: the page's own
constexpr const char* office_telemetry_frame =
    "https://telemetryservice.firstpartyapps.oaspapps.com";
// sha256 of the attribute value "display:none", base64.
constexpr const char* hidden_frame_style = "'sha256-aqNNdDLnnrDOnTNdkJpYlAxKVJtLt9CtFLklmInuUAE='";
constexpr const char* office_frames =
    "https://*.officeapps.live.com https://*.office.com https://*.office365.com "
    "https://*.microsoft365.com https://*.cloud.microsoft https://*.sharepoint.com "
    "https://*.officeonline.com";

// The address Office reaches this server at, for the manifest: the Host header, and https
// unless the proxy says http (X-Forwarded-Proto) or nothing is in front of a plain server.
std::string base_url(const Request& request) {
    std::string host = request.header("host");
    bool plausible =
        !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
        });
    if (!plausible)
        throw ApiError{400,
                       "addin.host_salah",
                       {"kepala Host tidak ada atau tidak sah; manifes tidak dapat dibuat",
                        "the Host header is missing or not valid; the manifest cannot be made"}};
    std::string proto = request.header("x-forwarded-proto");
    if (proto != "http" && proto != "https") proto = "http";
    return proto + "://" + host;
}

void replace_all(std::string& text, std::string_view what, std::string_view with) {
    for (std::size_t at = text.find(what); at != std::string::npos;
         at = text.find(what, at + with.size()))
        text.replace(at, what.size(), with);
}

}  // namespace

Response addin_response(const Request& request) {
    std::string name = request.path == "/addin" || request.path == "/addin/"
                           ? "taskpane.html"
                           : request.path.substr(7);
    auto file = embedded_file("addin/" + name);
    if (!file || name.find('/') != std::string::npos)
        throw ApiError{404,
                       "alamat.tidak_ada",
                       {"alamat ini tidak ada; lihat /api/v1 untuk daftar alamat",
                        "no such address; see /api/v1 for the list"}};
    Response r;
    r.content_type = std::string(content_type_of(file->name));
    r.body = std::string(file->bytes);
    if (name == "manifest.xml") {
        r.content_type = "application/xml; charset=utf-8";
        replace_all(r.body, "{{BASE}}", base_url(request));
        replace_all(r.body, "{{VERSION}}", KINERJA_VERSION);
        r.headers.emplace_back("Content-Disposition", "attachment; filename=\"kinerja.xml\"");
    }
    r.headers.emplace_back("Cache-Control", "no-cache");
    r.headers.emplace_back(
        "Content-Security-Policy",
        std::string("default-src 'none'; script-src 'self' ") + office_js_origin + " " +
            ms_ajax_host + "; style-src 'self'; style-src-attr 'unsafe-hashes' " +
            hidden_frame_style + "; img-src 'self' data:; connect-src 'self' " + office_js_origin +
            "; frame-src " + office_js_origin + " " + office_telemetry_frame +
            "; form-action 'self'; base-uri 'none'; frame-ancestors 'self' " + office_frames);
    // Office's ribbon shows the icons from its own origin, and frames the pane.
    r.headers.emplace_back("Cross-Origin-Resource-Policy", "cross-origin");
    r.headers.emplace_back("X-Frame-Options", "");  // removed: frame-ancestors says who
    return r;
}

}  // namespace kinerja::serve_detail
