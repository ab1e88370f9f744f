#include <catch2/catch.hpp>

#include "budgetcheck/model/amount.hpp"

using namespace budgetcheck;

namespace {
std::string parse_error(std::string_view text) {
    std::string error;
    REQUIRE_FALSE(Amount::parse(text, &error).has_value());
    return error;
}
}  // namespace

TEST_CASE("Amount::parse reads figures as printed and remembers their decimals", "[amount]") {
    SECTION("plain and with thousands separators") {
        auto a = Amount::parse("3,544.76");
        REQUIRE(a);
        CHECK(a->is_printed());
        CHECK(a->value().to_string() == "3544.76");
        CHECK(a->decimals() == 2);
        CHECK(Amount::parse("9,076.74")->value().to_string() == "9076.74");
        CHECK(Amount::parse("1,234,567")->decimals() == 0);
    }
    SECTION("one printed decimal stays one decimal") {
        auto a = Amount::parse("31.6");
        CHECK(a->decimals() == 1);
        CHECK(a->to_string() == "31.6");
    }
    SECTION("blank and dash are different from zero") {
        CHECK(Amount::parse("")->form() == CellForm::Blank);
        CHECK(Amount::parse("   ")->form() == CellForm::Blank);
        CHECK(Amount::parse("\xE3\x80\x80")->form() == CellForm::Blank);  // ideographic space
        for (const char* dash : {"-", "—", "–", "——", "－", "―"}) {
            INFO(dash);
            CHECK(Amount::parse(dash)->form() == CellForm::Dash);
            CHECK(Amount::parse(dash)->value().is_zero());
        }
        auto zero = Amount::parse("0.00");
        CHECK(zero->form() == CellForm::Number);
        CHECK(zero->decimals() == 2);
    }
    SECTION("negatives: hyphen, minus sign, full-width hyphen, accounting parentheses") {
        CHECK(Amount::parse("-71.82")->value().to_string() == "-71.82");
        CHECK(Amount::parse("\xE2\x88\x92"
                            "71.82")
                  ->value()
                  .to_string() == "-71.82");
        CHECK(Amount::parse("－71.82")->value().to_string() == "-71.82");
        CHECK(Amount::parse("(71.82)")->value().to_string() == "-71.82");
        CHECK(Amount::parse("（71.82）")->value().to_string() == "-71.82");
    }
    SECTION("full-width digits and points") {
        CHECK(Amount::parse("１２３")->value().to_string() == "123");
        CHECK(Amount::parse("４，３９４．２１")->value().to_string() == "4394.21");
    }
}

TEST_CASE("Amount::parse rejects what is not a printed figure, saying why", "[amount]") {
    CHECK(parse_error("12.3.4") == "two decimal points in '12.3.4'");
    CHECK(parse_error("--5") == "two signs in '--5'");
    CHECK(parse_error("1e400") == "exponent notation '1e400' is not a printed figure");
    CHECK(parse_error("NaN") == "'NaN' is not a number");
    CHECK(parse_error("1,23") == "misplaced thousands separator in '1,23'");
    CHECK(parse_error("1234,567.00") == "misplaced thousands separator in '1234,567.00'");
    CHECK(parse_error("12万") == "unexpected character '万' in '12万'");
    CHECK(parse_error("41.90%") == "'41.90%' is a percentage where an amount was expected");
    CHECK(parse_error("1234567890123456789012345") ==
          "'1234567890123456789012345' has 25 digits; budgetcheck keeps at most 18 digits exactly");
}

TEST_CASE("Amount::parse accepts 18 digits and leading zeros without overflow", "[amount]") {
    CHECK(Amount::parse("999999999999999999")->value().to_string() == "999999999999999999");
    CHECK(Amount::parse("0000000000000000000001.50")->value().to_string() == "1.50");
}

TEST_CASE("Percentage::parse reads shares with or without the percent sign", "[amount]") {
    auto p = Percentage::parse("41.90%");
    REQUIRE(p);
    CHECK(p->points().to_string() == "41.90");
    CHECK(p->decimals() == 2);
    CHECK(p->to_string() == "41.90%");
    CHECK(Percentage::parse("-48.26%")->points().to_string() == "-48.26");
    CHECK(Percentage::parse("93.4")->decimals() == 1);
    CHECK(Percentage::parse("")->form() == CellForm::Blank);
    CHECK_FALSE(Percentage::parse("4.5.7%").has_value());
}

TEST_CASE("Amounts convert between 元, 万元 and 亿元 exactly", "[amount]") {
    auto a = Amount::parse("517.03");
    CHECK(a->in_yuan(MoneyUnit::TenThousandYuan)->to_string() == "5170300");
    CHECK(a->in_unit(MoneyUnit::TenThousandYuan, MoneyUnit::HundredMillionYuan)->to_string() ==
          "0.051703");
    auto yuan = Amount::parse("5170312");
    CHECK(yuan->in_unit(MoneyUnit::Yuan, MoneyUnit::TenThousandYuan)->to_string() == "517.0312");
    CHECK(parse_money_unit("单位：万元") == MoneyUnit::TenThousandYuan);
    CHECK(parse_money_unit("元") == MoneyUnit::Yuan);
    CHECK_FALSE(parse_money_unit("美元").has_value());
}
