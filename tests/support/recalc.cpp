#include "support/recalc.hpp"

#include <fstream>

#include "support/support.hpp"

namespace kinerja::test {

namespace fs = std::filesystem;

std::vector<fs::path> recalc_with_libreoffice(const std::vector<fs::path>& files,
                                              const fs::path& out_dir) {
    if (!have_program("soffice") || files.empty()) return {};
    fs::path profile = out_dir / "lo-profile";
    fs::create_directories(profile / "user");
    std::ofstream(profile / "user" / "registrymodifications.xcu")
        << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
           "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
           "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">"
           "<prop oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\"><value>0</value></prop></item>\n"
           "</oor:items>\n";
    fs::path converted = out_dir / "lo";
    fs::create_directories(converted);
    std::vector<std::string> argv{
        "soffice",      "-env:UserInstallation=file://" + profile.string(),
        "--headless",   "--norestore",
        "--convert-to", "xlsx",
        "--outdir",     converted.string()};
    for (const auto& f : files) argv.push_back(f.string());
    run(argv);
    std::vector<fs::path> out;
    for (const auto& f : files) out.push_back(converted / f.filename());
    return out;
}

bool recalc_with_gnumeric(const fs::path& in, const fs::path& out) {
    if (!have_program("ssconvert")) return false;
    return run({"ssconvert", "--recalc", in.string(), out.string()}).exit_code == 0 &&
           fs::exists(out);
}

}  // namespace kinerja::test
