// Spot checks on the first read of each fixture: what its generator put in
// (tests/fixtures/roundtrip/make_roundtrip.cpp, handmade_parts.py) must be there,
// as far as that fixture's writer kept it. Failures go to Boost.Test.
#pragma once

#include <initializer_list>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>

#include "model/workbook.hpp"

namespace kinerja::test {

void check_expectations(const std::string& file, const Workbook& workbook);

// A helper for writing the checks: looks things up and reports what is missing.
class Probe {
public:
    Probe(std::string file, const Workbook& workbook);

    const Workbook& workbook;
    // Whether the fixture was written by one of these ("lxw", "lo", "gnm", "py").
    // Converters lose some things (see the notes in expectations_*.cpp); a check
    // applies only to the writers that keep what it checks.
    bool by(std::initializer_list<const char*> writers) const;

    const Sheet* sheet(const std::string& name);
    const Cell* cell(const Sheet* sheet, const char* ref);
    // The cell in column B of the row whose column A holds `label`.
    const Cell* labelled(const Sheet* sheet, const std::string& label);
    const Style& style(const Cell& cell) const;

    void check(bool ok, const std::string& what);
    template <class T, class U>
    void equal(const std::string& what, const T& got, const U& want) {
        std::ostringstream text;
        text << what << ": expected " << print(want) << ", got " << print(got);
        check(got == want, text.str());
    }
    void near(const std::string& what, double got, double want, double tolerance);
    // Each channel within `tolerance`, for colours computed from theme tints.
    void rgb(const std::string& what, std::optional<Rgb> got, Rgb want, int tolerance = 0);
    void text(const std::string& what, const Cell* cell, const std::string& want);
    void number(const std::string& what, const Cell* cell, double want);

private:
    template <class T>
    static std::string print(const T& v) {
        std::ostringstream s;
        if constexpr (std::is_convertible_v<const T&, std::string_view>)
            s << '"' << std::string_view(v) << '"';
        else if constexpr (std::is_same_v<T, bool>)
            s << (v ? "true" : "false");
        else if constexpr (std::is_integral_v<T>)
            s << +v;
        else
            s << v;
        return s.str();
    }
    std::string file_, writer_;
};

void expect_sheets(Probe& p);
void expect_values(Probe& p);
void expect_formulas(Probe& p);
void expect_1904(Probe& p);
void expect_styles(Probe& p);
void expect_layout(Probe& p);
void expect_rules(Probe& p);
void expect_image(Probe& p);
void expect_print(Probe& p);

}  // namespace kinerja::test
