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

BOOST_AUTO_TEST_SUITE_END()
