#include <catch2/catch.hpp>

#include "budgetcheck/model/text.hpp"

using namespace budgetcheck;

TEST_CASE("label_key makes spacing, width and quote variants of a label the same", "[text]") {
    CHECK(label_key("合 计") == "合计");
    CHECK(label_key("合\xE3\x80\x80计") == "合计");  // ideographic space
    CHECK(label_key("项 目") == "项目");
    CHECK(label_key("“三公”经费") == "三公经费");
    CHECK(label_key("\"三公\"经费") == "三公经费");
    CHECK(label_key("因公出国（境）费") == "因公出国(境)费");
    CHECK(label_key("２０２４ 年 预算数") == "2024年预算数");
}

TEST_CASE("split_label strips numbering prefixes and 其中", "[text]") {
    SECTION("一、") {
        auto parts = split_label("一、社会保障 和就业支出");
        REQUIRE(parts.numbering);
        CHECK(parts.numbering->style == NumberingStyle::ChineseComma);
        CHECK(parts.numbering->ordinal == 1);
        CHECK(parts.key == "社会保障和就业支出");
    }
    SECTION("十二、") {
        auto parts = split_label("十二、其他");
        CHECK(parts.numbering->ordinal == 12);
        CHECK(parts.key == "其他");
    }
    SECTION("（一） full-width and (一) half-width") {
        CHECK(split_label("（一）社会保障和就业支出").numbering->style ==
              NumberingStyle::ChineseParen);
        CHECK(split_label("(三)住房保障支出").numbering->ordinal == 3);
    }
    SECTION("1、 and 1.") {
        auto parts = split_label("1、因公出国（境）费用");
        CHECK(parts.numbering->style == NumberingStyle::ArabicComma);
        CHECK(parts.key == "因公出国(境)费用");
        CHECK(split_label("2.公务接待费").key == "公务接待费");
    }
    SECTION("(1) and ①") {
        CHECK(split_label("（2）公务用车购置").numbering->style == NumberingStyle::ArabicParen);
        CHECK(split_label("①办公费").numbering->style == NumberingStyle::Circled);
    }
    SECTION("其中： before a numbering") {
        auto parts = split_label("其中：（1）公务用车运行维护费");
        CHECK(parts.of_which);
        CHECK(parts.numbering->ordinal == 1);
        CHECK(parts.key == "公务用车运行维护费");
    }
    SECTION("figures and years are not numbering") {
        CHECK_FALSE(split_label("2024年预算数").numbering.has_value());
        CHECK_FALSE(split_label("12333电话咨询").numbering.has_value());
        CHECK_FALSE(split_label("1.5万元").numbering.has_value());
    }
}

TEST_CASE("parse_chinese_numeral reads 一 to 九十九", "[text]") {
    CHECK(parse_chinese_numeral(U"一") == 1);
    CHECK(parse_chinese_numeral(U"十") == 10);
    CHECK(parse_chinese_numeral(U"十七") == 17);
    CHECK(parse_chinese_numeral(U"二十") == 20);
    CHECK(parse_chinese_numeral(U"三十五") == 35);
    CHECK_FALSE(parse_chinese_numeral(U"十十").has_value());
    CHECK_FALSE(parse_chinese_numeral(U"甲").has_value());
}

TEST_CASE("find_invalid_utf8 points at the first byte that is not UTF-8", "[text]") {
    CHECK_FALSE(find_invalid_utf8("合计 ok").has_value());
    CHECK(find_invalid_utf8("ab\xBA\xCF") == 2u);    // GBK for 合
    CHECK(find_invalid_utf8("\xE5\x90") == 0u);      // truncated sequence
    CHECK(find_invalid_utf8("\xC0\xAF") == 0u);      // overlong
    CHECK(find_invalid_utf8("\xED\xA0\x80") == 0u);  // surrogate
}

TEST_CASE("display_width counts Chinese characters as two columns", "[text]") {
    CHECK(display_width("合计") == 4);
    CHECK(display_width("ab") == 2);
    CHECK(display_width("合计 12.50") == 10);
}

TEST_CASE("closest_names ranks known names by edit distance", "[text]") {
    const std::vector<std::string> known = {"收支总表", "收入总表", "支出总表", "项目支出表"};
    auto best = closest_names("收支总 表", known, 2);
    REQUIRE(best.size() == 2);
    CHECK(best[0] == "收支总表");
    CHECK(edit_distance(U"收入总表", U"收支总表") == 1);
}
