#include <catch2/catch.hpp>

#include "rules_support.hpp"

using namespace budgetcheck;
using test::check_tables;
using test::findings_of;

TEST_CASE("crossfoot.column-group: a total column equals its breakdown columns",
          "[rules][crossfoot]") {
    SECTION(
        "merged headers: 总计 = 基本支出(合计) + 项目支出, 基本支出 合计 = 人员经费 + 公用经费") {
        auto report = check_tables(
            R"([{"title": "一般公共预算支出表", "columns": ["科目名称", "总计", ["基本支出", "合计"], ["基本支出", "人员经费"], ["基本支出", "公用经费"], "项目支出"],
            "rows": [["合计", "10.00", "6.00", "4.00", "2.00", "4.00"]]}])");
        CHECK(findings_of(report, "crossfoot.column-group").empty());
        auto bad = check_tables(
            R"([{"title": "一般公共预算支出表", "columns": ["科目名称", "总计", ["基本支出", "合计"], ["基本支出", "人员经费"], ["基本支出", "公用经费"], "项目支出"],
            "rows": [["合计", "10.00", "6.00", "4.00", "1.00", "4.00"]]}])");
        auto found = findings_of(bad, "crossfoot.column-group");
        REQUIRE(found.size() == 1);
        CHECK(found[0].arithmetic == "4.00 + 1.00 = 5.00 ≠ 6.00");
        CHECK(found[0].cells[0].column == "基本支出 / 合计");
    }
    SECTION("flat headers: personnel and public nest under basic instead of being added twice") {
        auto report = check_tables(
            R"([{"title": "一般公共预算支出表", "columns": ["科目名称", "合计", "基本支出", "人员经费", "公用经费", "项目支出"],
            "rows": [["合计", "10.00", "6.00", "4.00", "2.00", "4.00"]]}])");
        CHECK(findings_of(report, "crossfoot.column-group").empty());
    }
    SECTION("income sources, with a group that has no total column of its own") {
        auto bad = check_tables(
            R"([{"title": "收入总表", "columns": ["单位名称", "总计", ["本年预算", "合计"], ["本年预算", "财政拨款收入", "一般公共预算收入"], ["本年预算", "单位资金收入", "事业收入"]],
            "rows": [["测试单位", "9.00", "9.00", "5.00", "3.00"]]}])");
        auto found = findings_of(bad, "crossfoot.column-group");
        REQUIRE(found.size() == 1);
        CHECK(found[0].arithmetic == "5.00 + 3.00 = 8.00 ≠ 9.00");
    }
    SECTION("alternative columns (扣除中央基建投资) are not added in") {
        auto report = check_tables(
            R"([{"title": "一般公共预算支出表", "columns": ["科目名称", ["2024年预算数", "年初预算数", "小计"], ["2024年预算数", "年初预算数", "基本支出"], ["2024年预算数", "年初预算数", "项目支出"], ["2024年预算数", "扣除中央基建投资后预算数"]],
            "rows": [["合计", "10.00", "6.00", "4.00", "10.00"]]}])");
        CHECK(findings_of(report, "crossfoot.column-group").empty());
    }
}

TEST_CASE("crossfoot.stages: budget = current-year + carry-over", "[rules][crossfoot]") {
    const std::string head =
        R"([{"title": "收支总表", "columns": [["收入", "项目"], ["收入", "2024年预算数"], ["收入", "本年预算"], ["收入", "上年结转"], ["支出", "项目"], ["支出", "2024年预算数"], ["支出", "本年预算"], ["支出", "上年结转"]], "rows": [)";
    SECTION("holds") {
        auto report = check_tables(
            head +
            R"(["一、一般公共预算拨款收入", "10.00", "8.00", "2.00", "一、社会保障和就业支出", "10.00", "8.00", "2.00"]]}])");
        CHECK(findings_of(report, "crossfoot.stages").empty());
    }
    SECTION("fires on the side that does not add up") {
        auto report = check_tables(
            head +
            R"(["一、一般公共预算拨款收入", "10.00", "8.00", "2.00", "一、社会保障和就业支出", "10.00", "7.00", "2.00"]]}])");
        auto found = findings_of(report, "crossfoot.stages");
        REQUIRE(found.size() == 1);
        CHECK(found[0].arithmetic == "7.00 + 2.00 = 9.00 ≠ 10.00");
        CHECK(found[0].cells[0].side == Side::Expenditure);
    }
}

TEST_CASE("crossfoot.balance: 收入总计 = 支出总计", "[rules][crossfoot]") {
    auto ok = check_tables(
        R"([{"title": "收支总表", "columns": ["项目", "预算数", "项目", "预算数"], "rows": [["收入总计", "10.00", "支出总计", "10.00"]]}])");
    CHECK(findings_of(ok, "crossfoot.balance").empty());
    auto bad = check_tables(
        R"([{"title": "收支总表", "columns": ["项目", "预算数", "项目", "预算数"], "rows": [["收入总计", "10.00", "支出总计", "10.10"]]}])");
    auto found = findings_of(bad, "crossfoot.balance");
    REQUIRE(found.size() == 1);
    CHECK(found[0].arithmetic == "10.10 ≠ 10.00");
}

TEST_CASE("crossfoot.column-group: a column nobody understood is not left out of a total",
          "[rules][crossfoot]") {
    // 合计 = 基本支出 + 项目支出 + a third column whose header is not understood: without that
    // column the sum would look wrong; the identity is skipped and says why.
    auto report = test::check_tables(
        R"([{"title": "支出总表", "columns": ["科目名称", "合计", "基本支出", "项目支出", "奇怪的列"],
          "rows": [["合计", "10.00", "6.00", "3.00", "1.00"]]}])");
    CHECK(findings_of(report, "crossfoot.column-group").empty());
    bool said = false;
    for (const SkippedCheck& s : report.skipped) {
        said = said || (s.rule_id == "crossfoot.column-group" &&
                        s.reason == "支出总表 × 合计: column '奇怪的列' beside it was not understood");
    }
    CHECK(said);
}

TEST_CASE("crossfoot.share: a share column is its line over the table's total", "[rules][crossfoot]") {
    const auto table = [](const std::string& housing_share) {
        return R"json([{"title": "一般公共预算支出表", "columns": ["科目编码", "科目名称", "合计", "占比(%)"], "rows": [
            ["208", "社会保障和就业支出", "30.00", "75.00"],
            ["20805", "行政事业单位养老支出", "30.00", "75.00"],
            ["221", "住房保障支出", "10.00", ")json" +
               housing_share + R"json("],
            ["合计", "", "40.00", "100.00"]]}])json";
    };
    CHECK(findings_of(check_tables(table("25.00")), "crossfoot.share").empty());
    const auto found = findings_of(check_tables(table("52.00")), "crossfoot.share");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Error);
    CHECK(found[0].message_en ==
          "221 住房保障支出 × 占比(%): the line ÷ the total is 25.00%, but 52.00% is printed");
    CHECK(found[0].arithmetic == "10.00 ÷ 40.00 = 25.00% ≠ 52.00%");
    CHECK(found[0].cells.front().source.pointer == "/tables/0/rows/2/3");
}
