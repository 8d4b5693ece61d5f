// kinerja fill: read a workbook, fill it, write it back.
#include <cstdio>
#include <filesystem>

#include "cli/commands.hpp"
#include "read/read.hpp"
#include "write/write.hpp"

namespace kinerja::cli {

namespace fs = std::filesystem;

namespace {

struct FillArgs {
    fs::path input, output;
};

bool parse(const Args& args, FillArgs& out, Lang lang) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if ((a == "-o" || a == "--output") && i + 1 < args.size()) {
            out.output = args[++i];
        } else if (!a.empty() && a[0] == '-') {
            complain({"opsi tidak dikenal: " + a + " (lihat kinerja fill --help)",
                      "unknown option: " + a + " (see kinerja fill --help)"},
                     lang);
            return false;
        } else if (out.input.empty()) {
            out.input = a;
        } else {
            complain({"terlalu banyak berkas masukan: " + a, "too many input files: " + a}, lang);
            return false;
        }
    }
    if (out.input.empty() || out.output.empty()) {
        complain({"pemakaian: kinerja fill MASUK.xlsx -o KELUAR.xlsx",
                  "usage: kinerja fill IN.xlsx -o OUT.xlsx"},
                 lang);
        return false;
    }
    std::error_code ec;
    if (fs::exists(out.output, ec) && fs::equivalent(out.input, out.output, ec)) {
        complain({"berkas keluaran sama dengan masukan; pilih nama lain agar masukan tidak berubah",
                  "the output is the input file; choose another name so the input stays unchanged"},
                 lang);
        return false;
    }
    return true;
}

void report_dropped(const std::vector<DroppedPart>& dropped, Lang lang) {
    for (const auto& d : dropped) {
        Message line{"tidak dibawa ke keluaran: " + d.what + " (" + d.part + ")",
                     "not carried to the output: " + d.what + " (" + d.part + ")"};
        std::fprintf(stderr, "kinerja: %s\n", line.in(lang).c_str());
    }
}

}  // namespace

int fill(const Args& args, Lang lang) {
    FillArgs fa;
    if (!parse(args, fa, lang)) return 2;
    try {
        Workbook workbook = read_workbook(fa.input);
        if (!fa.output.parent_path().empty()) fs::create_directories(fa.output.parent_path());
        WriteReport written = write_workbook(workbook, fa.output);
        report_dropped(workbook.dropped, lang);
        report_dropped(written.dropped, lang);
        Message done{"ditulis: " + fa.output.string(), "written: " + fa.output.string()};
        std::printf("%s\n", done.in(lang).c_str());
        return 0;
    } catch (const InputError& e) {
        std::fprintf(stderr, "kinerja: %s\n", e.describe(lang).c_str());
        return 2;
    } catch (const OutputError& e) {
        std::fprintf(stderr, "kinerja: %s\n", e.describe(lang).c_str());
        return 2;
    } catch (const fs::filesystem_error& e) {
        complain({std::string("tidak dapat menulis keluaran: ") + e.what(),
                  std::string("cannot write the output: ") + e.what()},
                 lang);
        return 2;
    }
}

}  // namespace kinerja::cli
