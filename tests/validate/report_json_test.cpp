// The JSON report never throws on the text it carries, and quoted text stays short.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "common/excerpt.hpp"
#include "common/json_text.hpp"
#include "validate/validate.hpp"

using namespace kinerja;

BOOST_AUTO_TEST_SUITE(report_json)

// Issue 15: one byte of Windows-1252 in a sheet name aborted `--report` with
// "internal error: [json.exception.type_error.316] invalid UTF-8 byte".
BOOST_AUTO_TEST_CASE(bytes_that_are_not_utf8_become_replacement_characters) {
    Finding f;
    f.rule = Rule::umum_bukan_angka;
    f.sheet =
        "Cap\xff"
        "aian";
    f.message = {
        "berisi \"Rp\xa0"
        "100\"",
        "holds \"Rp\xa0"
        "100\""};
    std::string text;
    BOOST_REQUIRE_NO_THROW(text = findings_json({f}, Lang::en));
    auto doc = nlohmann::json::parse(text);
    BOOST_TEST(doc["findings"][0]["sheet"] == "Cap\uFFFDaian");
    BOOST_TEST(doc["findings"][0]["message"] == "holds \"Rp\uFFFD100\"");
    BOOST_TEST(json_text(nlohmann::json("\xc3(")) == "\"\uFFFD(\"");
}

BOOST_AUTO_TEST_CASE(excerpt_cuts_long_text_at_a_character) {
    BOOST_TEST(excerpt("pendek") == "pendek");
    BOOST_TEST(excerpt(std::string(100, 'a')) == std::string(100, 'a'));
    BOOST_TEST(excerpt(std::string(101, 'a')) == std::string(100, 'a') + "\u2026");
    // Two-byte characters are never split: 5 characters of "é" then the ellipsis.
    std::string accents;
    for (int i = 0; i < 8; ++i) accents += "\u00e9";
    BOOST_TEST(excerpt(accents, 5) == "\u00e9\u00e9\u00e9\u00e9\u00e9\u2026");
    std::string ten_mb(10 << 20, 'x');
    BOOST_TEST(excerpt(ten_mb).size() == 100u + 3u);
}

BOOST_AUTO_TEST_SUITE_END()
