// libFuzzer target: any bytes as an uploaded workbook, through the whole line in memory
// (read -> tables -> fill -> validate -> mark -> write), as the service will run it. A refusal
// (InputError) or an output the writer cannot make (OutputError) is a normal answer; any
// other exception, a crash or a sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "pipeline/pipeline.hpp"

namespace {

const kinerja::Engine& engine() {
    static const kinerja::Engine loaded =
        kinerja::Engine::load(std::string(KINERJA_SOURCE_DIR) + "/formulas");
    return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // Small limits keep each run short; the limits themselves are tested elsewhere.
    kinerja::RunOptions options;
    options.read.max_file_bytes = 4u << 20;
    options.read.max_part_bytes = 16u << 20;
    options.read.max_total_bytes = 32u << 20;
    options.read.max_cells = 200'000;
    auto source = kinerja::WorkbookSource::bytes(
        std::string(reinterpret_cast<const char*>(data), size), "fuzz.xlsx");
    auto sink = kinerja::WorkbookSink::memory();
    try {
        kinerja::RunReport report = kinerja::process(engine(), source, sink, options);
        (void)report.counts();
    } catch (const kinerja::InputError&) {
    } catch (const kinerja::OutputError&) {
    }
    return 0;
}
