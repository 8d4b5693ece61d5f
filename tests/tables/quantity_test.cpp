#include "tables/quantity.hpp"

#include <boost/test/unit_test.hpp>

using namespace kinerja;

namespace {
double value_of(std::string_view text) {
    auto q = parse_quantity(text);
    BOOST_REQUIRE_MESSAGE(q.has_value(), "not parsed: " << text);
    return q->value;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(quantity)

BOOST_AUTO_TEST_CASE(indonesian_thousands_and_decimals) {
    BOOST_TEST(value_of("1.506.071.633") == 1506071633.0);
    BOOST_TEST(value_of("94,11") == 94.11);
    BOOST_TEST(value_of("1.367") == 1367.0);  // the documents' 1.367 / 1.367
    BOOST_TEST(value_of("1.234.567,89") == 1234567.89);
    BOOST_TEST(value_of("1,234,567.89") == 1234567.89);
    BOOST_TEST(value_of("92.5") == 92.5);
    BOOST_TEST(value_of("0.850") == 0.85);
    BOOST_TEST(value_of("  2400  ") == 2400.0);
    BOOST_TEST(value_of("-12") == -12.0);
}

BOOST_AUTO_TEST_CASE(percent_money_and_units) {
    auto p = parse_quantity("92,5%");
    BOOST_REQUIRE(p);
    BOOST_TEST(p->value == 92.5);
    BOOST_TEST(p->percent);
    BOOST_TEST(value_of("85 %") == 85.0);

    auto rp = parse_quantity("Rp 7.363.920.000,-");
    BOOST_REQUIRE(rp);
    BOOST_TEST(rp->value == 7363920000.0);
    BOOST_TEST(rp->unit == "rp");
    BOOST_TEST(value_of("Rp. 500.000") == 500000.0);

    auto layanan = parse_quantity("1 Layanan");
    BOOST_REQUIRE(layanan);
    BOOST_TEST(layanan->value == 1.0);
    BOOST_TEST(layanan->unit == "layanan");
    BOOST_TEST(parse_quantity("2400 m2")->unit == "m2");
    BOOST_TEST(parse_quantity("2400 m <sup>2</sup>")->unit == "m2");
    BOOST_TEST(parse_quantity("2400 m\xC2\xB2")->unit == "m2");
}

BOOST_AUTO_TEST_CASE(dash_is_not_applicable_not_zero) {
    for (const char* dash : {"-", " - ", "\xE2\x80\x93", "n/a"}) {
        auto q = parse_quantity(dash);
        BOOST_REQUIRE(q);
        BOOST_TEST(q->not_applicable);
    }
}

BOOST_AUTO_TEST_CASE(sentences_are_not_numbers) {
    BOOST_TEST(!parse_quantity("Tidak ada Ibu Hamil dan Menyusui"));
    BOOST_TEST(!parse_quantity("TW I"));
    BOOST_TEST(!parse_quantity(""));
    BOOST_TEST(!parse_quantity("1. Persentase pemenuhan layanan makanan bagi tahanan"));
    BOOST_TEST(!parse_quantity("12a4"));
}

BOOST_AUTO_TEST_CASE(cells_with_percent_format) {
    Cell c;
    c.value.kind = CellValue::Kind::number;
    c.value.number = 0.925;
    Style pct;
    pct.num_format = "0.0%";
    auto q = cell_quantity(c, pct);
    BOOST_REQUIRE(q);
    BOOST_TEST(q->value == 92.5);
    BOOST_TEST(q->percent);
    Style quoted;
    quoted.num_format = "0\" %\"";
    BOOST_TEST(!is_percent_format(quoted.num_format));
    BOOST_TEST(cell_quantity(c, Style{})->value == 0.925);
    Cell blank;
    BOOST_TEST(!cell_quantity(blank, Style{}));
}

namespace {
std::vector<double> readings_of(std::string_view text) {
    std::vector<double> out;
    for (const Quantity& q : quantity_readings(text).readings) out.push_back(q.value);
    return out;
}
}  // namespace

BOOST_AUTO_TEST_CASE(one_reading_for_unambiguous_text) {
    for (const char* text : {"1.506.071.633", "94,11", "0,00", "467.998.630.663,83", "1.234.567,89",
                             "1,234,567.89", "92.5", "0.850", "2400", "1.234.567"}) {
        auto r = quantity_readings(text);
        BOOST_TEST_CONTEXT(text) {
            BOOST_TEST(r.readings.size() == 1u);
            BOOST_TEST(!r.ambiguous());
            BOOST_TEST(r.readings.front().value == value_of(text));
        }
    }
    auto rp = quantity_readings("Rp 7.363.920.000,-");
    BOOST_REQUIRE(rp.readings.size() == 1u);
    BOOST_TEST(rp.readings.front().value == 7363920000.0);
    BOOST_TEST(rp.readings.front().unit == "rp");
    BOOST_TEST(readings_of("0,00") == std::vector<double>{0.0});
    BOOST_TEST(quantity_readings("Tidak ada").readings.empty());
    BOOST_TEST(quantity_readings("-").readings.front().not_applicable);
}

BOOST_AUTO_TEST_CASE(a_lone_mark_before_three_digits_follows_the_convention) {
    // The documented rule stays: "1.367" is 1367; the other reading is kept for the column.
    auto dot = quantity_readings("1.367");
    BOOST_TEST(dot.conventional);
    BOOST_TEST(!dot.ambiguous());
    BOOST_TEST(readings_of("1.367") == (std::vector<double>{1367, 1.367}));
    BOOST_TEST(value_of("1.367") == 1367.0);
    // A lone comma is a decimal mark; 1234 is the US reading.
    BOOST_TEST(quantity_readings("1,234").conventional);
    BOOST_TEST(readings_of("1,234") == (std::vector<double>{1.234, 1234}));
    BOOST_TEST(value_of("1,234") == 1.234);
    // No doubt with a zero integer part or other than three digits.
    BOOST_TEST(readings_of("0.850") == std::vector<double>{0.85});
    BOOST_TEST(readings_of("0,125") == std::vector<double>{0.125});
    BOOST_TEST(readings_of("12,50") == std::vector<double>{12.5});
}

BOOST_AUTO_TEST_CASE(one_mark_for_thousands_and_decimals_is_ambiguous) {
    for (const char* text : {"21,276,070,424,00", "21.276.070.424.00", "Rp 21,276,070,424,00"}) {
        BOOST_TEST_CONTEXT(text) {
            auto r = quantity_readings(text);
            BOOST_TEST(r.ambiguous());
            BOOST_TEST(readings_of(text) == (std::vector<double>{21276070424.0, 2127607042400.0}));
            // Never silently one of them.
            BOOST_TEST(!parse_quantity(text));
        }
    }
    BOOST_TEST(readings_of("1,234,5") == (std::vector<double>{1234.5, 12345}));
    auto negative = quantity_readings("-950,000,000,00");
    BOOST_TEST(negative.ambiguous());
    BOOST_TEST(negative.readings.front().value == -950000000.0);
    Cell c = Cell::of_text(0, 0, "21,276,070,424,00");
    BOOST_TEST(!cell_quantity(c, Style{}));
    // Irregular groups keep their old reading: thousands marks only.
    BOOST_TEST(readings_of("1,2,3") == std::vector<double>{123});
    BOOST_TEST(readings_of("12345,678,00") == std::vector<double>{1234567800});
    // Both marks: the last is the decimal mark, and only once, as before.
    BOOST_TEST(quantity_readings("1.234,567,89").readings.empty());
}

BOOST_AUTO_TEST_CASE(separator_styles) {
    BOOST_TEST((separator_style("1.506.071.633") == SeparatorStyle::indonesian));
    BOOST_TEST((separator_style("Rp 7.363.920.000,-") == SeparatorStyle::indonesian));
    BOOST_TEST((separator_style("1.234.567,89") == SeparatorStyle::indonesian));
    BOOST_TEST((separator_style("94,11") == SeparatorStyle::indonesian));
    BOOST_TEST((separator_style("1,234,567") == SeparatorStyle::us));
    BOOST_TEST((separator_style("2,500.00") == SeparatorStyle::us));
    BOOST_TEST((separator_style("92.5") == SeparatorStyle::unknown));
    BOOST_TEST((separator_style("1.367") == SeparatorStyle::unknown));
    BOOST_TEST((separator_style("21,276,070,424,00") == SeparatorStyle::unknown));
    BOOST_TEST((separator_style("2400") == SeparatorStyle::unknown));
    BOOST_TEST((separator_style("Tidak ada") == SeparatorStyle::unknown));
}

BOOST_AUTO_TEST_SUITE_END()
