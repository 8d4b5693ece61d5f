// Internal to the reader: the content of <si> (shared strings) and <is> (inline
// strings): plain <t>, or rich runs <r><rPr/><t/></r>, with phonetic <rPh> skipped.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/workbook.hpp"
#include "read/colors.hpp"
#include "read/xml_stream.hpp"

namespace kinerja::read_detail {

struct SharedString {
    std::string text;
    std::shared_ptr<const std::vector<RichRun>> rich;  // set only when a run has its own font
};

class RichTextBuilder {
public:
    explicit RichTextBuilder(const ColorResolver& colors) : colors_(colors) {}

    // Events for main-namespace elements strictly inside <si> or <is>.
    void start(std::string_view name, const XmlAttrs& attrs);
    void end(std::string_view name);
    void text(std::string_view chars) {
        if (in_t_ && phonetic_depth_ == 0) current_.append(chars);
    }
    // Moves the result out and resets for the next string.
    void finish(SharedString& out);

private:
    const ColorResolver& colors_;
    int phonetic_depth_ = 0;
    bool in_t_ = false, in_run_ = false, in_props_ = false;
    std::string current_, plain_;
    std::vector<RichRun> runs_;
    std::optional<Font> run_font_;
};

// Streams xl/sharedStrings.xml into `out`; throws InputError past `max_strings`.
void read_shared_strings(ZipArchive& zip, const std::string& part, const ColorResolver& colors,
                         std::uint64_t max_strings, std::vector<SharedString>& out);

}  // namespace kinerja::read_detail
