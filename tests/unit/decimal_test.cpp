#include <catch2/catch.hpp>

#include "budgetcheck/model/decimal.hpp"

using budgetcheck::Decimal;

namespace {
Decimal dec(std::int64_t units, int scale) {
    return *Decimal::make(units, scale);
}
}  // namespace

TEST_CASE("Decimal prints exactly the decimals it holds", "[decimal]") {
    CHECK(dec(439421, 2).to_string() == "4394.21");
    CHECK(dec(-7182, 2).to_string() == "-71.82");
    CHECK(dec(5, 2).to_string() == "0.05");
    CHECK(dec(316, 1).to_string() == "31.6");
    CHECK(dec(0, 2).to_string() == "0.00");
    CHECK(dec(907674, 2).to_grouped_string() == "9,076.74");
    CHECK(dec(123456789, 0).to_grouped_string() == "123,456,789");
    CHECK(dec(INT64_MIN, 0).to_string() == "-9223372036854775808");
}

TEST_CASE("Decimal compares values exactly across scales", "[decimal]") {
    CHECK(dec(3160, 2) == dec(316, 1));
    CHECK(dec(51703, 2) > dec(51702, 2));
    CHECK(dec(-1, 2) < dec(0, 0));
    CHECK(dec(INT64_MAX, 0) > dec(INT64_MAX, 2));
}

TEST_CASE("Decimal arithmetic is exact and reports overflow instead of wrapping", "[decimal]") {
    SECTION("sums align scales") {
        CHECK(dec(43769, 2).plus(dec(3160, 2))->plus(dec(4773, 2))->to_string() == "517.02");
        CHECK(dec(316, 1).plus(dec(1, 2))->to_string() == "31.61");
    }
    SECTION("differences keep the sign") {
        CHECK(dec(7700, 2).minus(dec(14882, 2))->to_string() == "-71.82");
    }
    SECTION("overflow is nullopt") {
        CHECK_FALSE(dec(INT64_MAX, 0).plus(dec(1, 0)).has_value());
        CHECK_FALSE(dec(INT64_MIN, 0).negated().has_value());
        CHECK_FALSE(dec(INT64_MAX / 2, 0).times(dec(3, 0)).has_value());
    }
    SECTION("rescaling never loses digits silently") {
        CHECK(dec(316, 1).with_scale(2)->to_string() == "31.60");
        CHECK(dec(3160, 2).with_scale(1)->to_string() == "31.6");
        CHECK_FALSE(dec(3161, 2).with_scale(1).has_value());
    }
    SECTION("shifting by powers of ten converts money units exactly") {
        CHECK(dec(51703, 2).shifted(4)->to_string() == "5170300");
        CHECK(dec(5170300, 0).shifted(-4)->to_string() == "517.0300");
        CHECK_FALSE(dec(INT64_MAX, 0).shifted(1).has_value());
    }
}

TEST_CASE("Decimal::divided_by rounds half away from zero at the asked decimals", "[decimal]") {
    // 414.00 / 9076.74 = 0.0456112…
    CHECK(dec(41400, 2).divided_by(dec(907674, 2), 4)->to_string() == "0.0456");
    CHECK(dec(1, 0).divided_by(dec(8, 0), 2)->to_string() == "0.13");  // 0.125 → 0.13
    CHECK(dec(-1, 0).divided_by(dec(8, 0), 2)->to_string() == "-0.13");
    CHECK(dec(5, 0).divided_by(dec(2, 0), 0)->to_string() == "3");
    CHECK_FALSE(dec(1, 0).divided_by(dec(0, 2), 2).has_value());
}
