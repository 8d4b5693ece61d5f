// Builds the sample workbooks in samples/ from the sheet scripts in samples/source/.
//
// Each folder samples/source/<name>/ holding *.tsv files becomes samples/<name>.xlsx, one
// sheet per file in file-name order. See sheet_script.hpp for the format.
//
//   make_samples [--source DIR] [--out DIR] [NAME...]
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "common/atomic_output.hpp"
#include "common/message.hpp"
#include "sheet_script.hpp"
#include "sheet_writer.hpp"

namespace fs = std::filesystem;

namespace {

// "2024-01-29" -> seconds since the epoch at midnight UTC, so rebuilt files stay identical.
std::time_t parse_date(const std::string& text) {
    std::tm tm{};
    if (sscanf(text.c_str(), "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
        throw std::runtime_error("bad @created date '" + text + "'");
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return timegm(&tm);
}

void build_workbook(const fs::path& folder, const fs::path& destination) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.is_regular_file() && entry.path().extension() == ".tsv")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());

    std::vector<samples::SheetSpec> sheets;
    std::map<std::string, std::string> properties;
    for (const fs::path& file : files) {
        sheets.push_back(samples::parse_sheet(file));
        for (const auto& [key, value] : sheets.back().properties) properties.emplace(key, value);
    }

    kinerja::write_atomically(destination, [&](const fs::path& temp) {
        lxw_workbook_options options{};
        std::string tmpdir = destination.parent_path().string();
        options.tmpdir = tmpdir.data();
        lxw_workbook* workbook = workbook_new_opt(temp.c_str(), &options);
        if (!workbook) throw std::runtime_error("cannot create " + temp.string());

        samples::SheetWriter writer(workbook);
        for (const samples::SheetSpec& sheet : sheets) writer.write(sheet);

        auto text = [&](const char* key) {
            auto found = properties.find(key);
            return found == properties.end() ? nullptr : const_cast<char*>(found->second.c_str());
        };
        lxw_doc_properties doc{};
        doc.title = text("title");
        doc.subject = text("subject");
        doc.author = text("author");
        doc.company = text("company");
        doc.keywords = text("keywords");
        doc.comments = text("comments");
        doc.created =
            parse_date(properties.count("created") ? properties["created"] : "2024-01-01");
        workbook_set_properties(workbook, &doc);

        lxw_error error = workbook_close(workbook);
        if (error != LXW_NO_ERROR)
            throw std::runtime_error(destination.string() + ": " + lxw_strerror(error));
    });
}

}  // namespace

int main(int argc, char** argv) {
    fs::path source = fs::path(KINERJA_SOURCE_DIR) / "samples" / "source";
    fs::path out = fs::path(KINERJA_SOURCE_DIR) / "samples";
    std::set<std::string> only;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if ((arg == "--source" || arg == "--out") && i + 1 < argc)
            (arg == "--source" ? source : out) = argv[++i];
        else
            only.insert(arg);
    }
    try {
        std::vector<fs::path> folders;
        for (const auto& entry : fs::directory_iterator(source))
            if (entry.is_directory()) folders.push_back(entry.path());
        std::sort(folders.begin(), folders.end());
        int built = 0;
        for (const fs::path& folder : folders) {
            const std::string name = folder.filename().string();
            if (!only.empty() && !only.count(name)) continue;
            fs::path destination = out / (name + ".xlsx");
            build_workbook(folder, destination);
            std::cout << destination.string() << "\n";
            ++built;
        }
        if (built == 0) {
            std::cerr << "make_samples: no workbook folders found in " << source << "\n";
            return 1;
        }
    } catch (const kinerja::OutputError& error) {
        std::cerr << "make_samples: " << error.describe(kinerja::Lang::en) << "\n";
        return 1;
    } catch (const std::exception& error) {
        std::cerr << "make_samples: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
