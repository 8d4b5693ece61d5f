// The text forms of the options.
#include <boost/test/unit_test.hpp>

#include "serve/serve.hpp"

using namespace kinerja;

BOOST_AUTO_TEST_CASE(listen_sizes_and_durations) {
    auto a = parse_listen("127.0.0.1:8080");
    BOOST_TEST_REQUIRE(a.has_value());
    BOOST_TEST(a->host == "127.0.0.1");
    BOOST_TEST(a->port == 8080);
    BOOST_TEST(parse_listen("[::1]:9000")->host == "::1");
    BOOST_TEST(parse_listen(":81")->host == "127.0.0.1");
    BOOST_TEST(parse_listen("8081")->port == 8081);
    BOOST_TEST(!parse_listen("host:99999"));
    BOOST_TEST(!parse_listen("::1:80"));
    BOOST_TEST(*parse_byte_size("50M") == 50ull << 20);
    BOOST_TEST(*parse_byte_size("512k") == 512ull << 10);
    BOOST_TEST(*parse_byte_size("1000") == 1000u);
    BOOST_TEST(!parse_byte_size("0"));
    BOOST_TEST(!parse_byte_size("M"));
    BOOST_TEST(!parse_byte_size("5X"));
    BOOST_TEST(parse_duration("24h")->count() == 24 * 3600 * 1000);
    BOOST_TEST(parse_duration("500ms")->count() == 500);
    BOOST_TEST(parse_duration("90s")->count() == 90000);
    BOOST_TEST(parse_duration("2d")->count() == 2 * 86400 * 1000);
    BOOST_TEST(parse_duration("30m")->count() == 30 * 60 * 1000);
    BOOST_TEST(!parse_duration("soon"));
    BOOST_TEST(!parse_duration("0s"));
}
