#include "read/rich_text.hpp"

#include <algorithm>

#include "read/styles.hpp"
#include "read/text.hpp"

namespace kinerja::read_detail {

void RichTextBuilder::start(std::string_view name, const XmlAttrs& attrs) {
    if (name == "rPh") {
        ++phonetic_depth_;
    } else if (phonetic_depth_ > 0) {
        return;
    } else if (name == "t") {
        in_t_ = true;
        current_.clear();
    } else if (name == "r") {
        in_run_ = true;
        run_font_.reset();
    } else if (name == "rPr" && in_run_) {
        in_props_ = true;
        // A run's properties start from the model's defaults, not from the workbook's
        // first font: inheriting its scheme or family would put "minor" on an Arial
        // run and invent attributes the file never gave the run.
        run_font_ = Font{};
    } else if (in_props_ && run_font_) {
        apply_font_property(
            *run_font_, name, [&](const char* a) { return attrs.get(a); }, colors_);
    }
}

void RichTextBuilder::end(std::string_view name) {
    if (name == "rPh") {
        phonetic_depth_ = std::max(0, phonetic_depth_ - 1);
    } else if (phonetic_depth_ > 0) {
        return;
    } else if (name == "t" && in_t_) {
        in_t_ = false;
        decode_escapes(current_);
        if (in_run_) {
            runs_.push_back(RichRun{std::move(current_), run_font_});
        } else {
            plain_ += current_;
        }
        current_.clear();
    } else if (name == "rPr") {
        in_props_ = false;
    } else if (name == "r") {
        in_run_ = false;
    }
}

void RichTextBuilder::finish(SharedString& out) {
    out.rich.reset();
    out.text = std::move(plain_);
    bool styled = std::any_of(runs_.begin(), runs_.end(),
                              [](const RichRun& r) { return r.font.has_value(); });
    for (const auto& run : runs_) out.text += run.text;
    if (styled) out.rich = std::make_shared<const std::vector<RichRun>>(std::move(runs_));
    runs_.clear();
    plain_.clear();
    current_.clear();
    in_t_ = in_run_ = in_props_ = false;
    phonetic_depth_ = 0;
}

namespace {

class SharedStringsHandler : public XmlHandler {
public:
    SharedStringsHandler(const ColorResolver& colors, std::uint64_t max_strings,
                         std::vector<SharedString>& out, const Source& source,
                         const std::string& part)
        : builder_(colors), max_(max_strings), out_(out), source_(source), part_(part) {}

    void start(Ns ns, std::string_view name, const XmlAttrs& attrs) override {
        if (ns != Ns::main) return;
        if (in_item_) {
            builder_.start(name, attrs);
        } else if (name == "si") {
            if (out_.size() >= max_) {
                source_.fail(part_,
                             {"Terlalu banyak teks bersama (batas " + std::to_string(max_) + ").",
                              "Too many shared strings (limit " + std::to_string(max_) + ")."});
            }
            in_item_ = true;
        }
    }
    void end(Ns ns, std::string_view name) override {
        if (ns != Ns::main || !in_item_) return;
        if (name == "si") {
            in_item_ = false;
            out_.emplace_back();
            builder_.finish(out_.back());
        } else {
            builder_.end(name);
        }
    }
    void text(std::string_view chars) override {
        if (in_item_) builder_.text(chars);
    }

private:
    RichTextBuilder builder_;
    std::uint64_t max_;
    std::vector<SharedString>& out_;
    const Source& source_;
    const std::string& part_;
    bool in_item_ = false;
};

}  // namespace

void read_shared_strings(ZipArchive& zip, const std::string& part, const ColorResolver& colors,
                         std::uint64_t max_strings, std::vector<SharedString>& out) {
    SharedStringsHandler handler(colors, max_strings, out, zip.source(), part);
    parse_stream(zip, part, handler);
}

}  // namespace kinerja::read_detail
