// The one translation unit per test program that defines Boost.Test's main().
#define BOOST_TEST_MODULE kinerja
#include <boost/test/unit_test.hpp>
