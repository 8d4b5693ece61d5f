// Internals of compare.cpp: a recorder that knows where it is, and printers.
#pragma once

#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "roundtrip/compare.hpp"

namespace kinerja::test::compare_detail {

inline std::string show(const std::string& s) {
    return "\"" + s + "\"";
}
inline std::string show(FillPattern p) {
    return std::string(ecma_name(p));
}
inline std::string show(BorderStyle b) {
    return std::string(ecma_name(b));
}
inline std::string show(bool b) {
    return b ? "true" : "false";
}
inline std::string show(double d) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", d);
    return buf;
}
template <class T>
requires std::is_integral_v<T> std::string show(T v) {
    return std::to_string(+v);  // + promotes uint8_t so it prints as a number
}
template <class T>
std::string show(const std::optional<T>& v) {
    return v ? show(*v) : "unset";
}
inline std::string show_rgb(std::optional<Rgb> c) {
    if (!c) return "unset";
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%06X", *c & 0xFFFFFFu);
    return buf;
}

// Collects differences for the part being compared (sheet, where, area).
class Recorder {
public:
    explicit Recorder(std::vector<Difference>& out) : out_(out) {}

    std::string sheet, where, area;

    void add(const std::string& field, std::string expected, std::string got) {
        out_.push_back({sheet, where, area, field, std::move(expected), std::move(got)});
    }
    template <class T>
    void same(const std::string& field, const T& expected, const T& got) {
        if (!(expected == got)) add(field, show(expected), show(got));
    }
    void near(const std::string& field, double expected, double got, double tolerance) {
        if (!(std::fabs(expected - got) <= tolerance)) add(field, show(expected), show(got));
    }
    void near(const std::string& field, std::optional<double> expected, std::optional<double> got,
              double tolerance) {
        if (expected.has_value() != got.has_value() ||
            (expected && !(std::fabs(*expected - *got) <= tolerance)))
            add(field, show(expected), show(got));
    }
    void color(const std::string& field, std::optional<Rgb> expected, std::optional<Rgb> got) {
        auto masked = [](std::optional<Rgb> c) {
            return c ? std::optional<Rgb>(*c & 0xFFFFFFu) : std::nullopt;
        };
        if (masked(expected) != masked(got)) add(field, show_rgb(expected), show_rgb(got));
    }
    std::size_t count() const { return out_.size(); }

private:
    std::vector<Difference>& out_;
};

// Resolved styles (compare_styles.cpp).
void compare_style(Recorder& r, const std::string& prefix, const Style& expected, const Style& got);
void compare_font(Recorder& r, const std::string& prefix, const Font& expected, const Font& got);
void compare_diff_style(Recorder& r, const std::string& prefix, const DiffStyle& expected,
                        const DiffStyle& got);

// Sheet parts (compare_parts.cpp, compare_layout.cpp).
void compare_validations(Recorder& r, const Sheet& expected, const Sheet& got);
void compare_conditional_formats(Recorder& r, const Sheet& expected, const Sheet& got);
void compare_comments_and_links(Recorder& r, const Sheet& expected, const Sheet& got);
void compare_images(Recorder& r, const Sheet& expected, const Sheet& got);
void compare_page(Recorder& r, const PageSetup& expected, const PageSetup& got);
// The attributes of a <sheetProtection> or <workbookProtection>, as one comparable text.
std::string attributes(const PartProtection& protection);
void compare_rows(Recorder& r, const Workbook& wa, const Sheet& expected, const Workbook& wb,
                  const Sheet& got);
void compare_columns(Recorder& r, const Workbook& wa, const Sheet& expected, const Workbook& wb,
                     const Sheet& got);
void compare_merges(Recorder& r, const Sheet& expected, const Sheet& got);

// With no <sheetFormatPr defaultRowHeight>, rows are 15 points (Calibri 11, the
// default font of every writer in the corpus but LibreOffice, which always writes it).
constexpr double default_row_points = 15;
double default_height(const Sheet& sheet);

std::string ranges_text(const std::vector<CellRange>& ranges);

}  // namespace kinerja::test::compare_detail
