// Year-over-year, classification, performance-target and completeness rules, the rounding
// options, and the diagnosis hints.
#include <catch2/catch.hpp>

#include "rules_support.hpp"

using namespace budgetcheck;
using test::check_tables;
using test::check_text;
using test::findings_of;
using test::rounding_for;

namespace {

std::string yoy_table(const std::string& change, const std::string& rate) {
    return R"([{"title": "一般公共预算支出表", "columns": [["功能分类科目", "科目编码"], ["功能分类科目", "科目名称"], ["2023年执行数", "执行数"], ["2024年预算数", "年初预算数", "小计"], ["2024年预算数比2023年执行数", "增减额"], ["2024年预算数比2023年执行数", "增减%"]],
        "rows": [["2210201", "住房公积金", "104.00", "50.00", ")" +
           change + R"(", ")" + rate + R"("]]}])";
}

}  // namespace

TEST_CASE("yoy.change-amount: change = budget − prior year", "[rules][yoy]") {
    CHECK(findings_of(check_tables(yoy_table("-54.00", "-51.92%")), "yoy.change-amount").empty());
    auto found = findings_of(check_tables(yoy_table("-45.00", "-51.92%")), "yoy.change-amount");
    REQUIRE(found.size() == 1);
    CHECK(found[0].arithmetic == "50.00 − 104.00 = -54.00 ≠ -45.00");
    CHECK(found[0].hints ==
          std::vector<std::string>{
              "two transposed digits? printing -45.00 as -54.00 in 2210201 住房公积金 × "
              "2024年预算数比2023年执行数 / 增减额 would make it add up (the difference is a "
              "multiple of 9)"});
}

TEST_CASE("yoy.change-percent: the rate matches the figures at the printed precision",
          "[rules][yoy]") {
    SECTION("54 ÷ 104 = 51.923…% prints as 51.92%") {
        CHECK(findings_of(check_tables(yoy_table("-54.00", "-51.92%")), "yoy.change-percent")
                  .empty());
        CHECK(rounding_for(check_tables(yoy_table("-54.00", "-51.92%")), "yoy.change-percent")
                  .empty());
    }
    SECTION("a rate the figures cannot give is an error") {
        auto found =
            findings_of(check_tables(yoy_table("-54.00", "-52.92%")), "yoy.change-percent");
        REQUIRE(found.size() == 1);
        CHECK(found[0].expected == "-51.92%");
        CHECK(found[0].arithmetic == "(50.00 − 104.00) ÷ 104.00 = -51.92% ≠ -52.92%");
    }
    SECTION("a rate only rounding of the figures can give is a note") {
        // 50.00 and 104.00 stand for [49.995, 50.005] and [103.995, 104.005]: rates from -51.928%
        // to -51.918%, so -51.93% is possible though the printed figures give -51.92%.
        auto report = check_tables(yoy_table("-54.00", "-51.93%"));
        CHECK(findings_of(report, "yoy.change-percent").empty());
        CHECK(rounding_for(report, "yoy.change-percent").size() == 1);
    }
}

TEST_CASE("yoy.excluding-capital: net of capital construction ≤ gross", "[rules][yoy]") {
    auto table = [](const std::string& net) {
        return R"([{"title": "一般公共预算支出表", "columns": ["科目名称", ["2023年执行数", "执行数"], ["2023年执行数", "扣除中央基建投资后执行数"]], "rows": [["合计", "10.00", ")" +
               net + R"("]]}])";
    };
    CHECK(findings_of(check_tables(table("9.00")), "yoy.excluding-capital").empty());
    auto found = findings_of(check_tables(table("10.50")), "yoy.excluding-capital");
    REQUIRE(found.size() == 1);
    CHECK(found[0].arithmetic == "10.50 > 10.00");
}

TEST_CASE("classification.parent-code: a code fits under its parent's code",
          "[rules][classification]") {
    auto table = [](const std::string& code) {
        return R"([{"title": "一般公共预算基本支出表", "columns": ["科目编码", "科目名称", "合计"], "rows": [
            ["303", "对个人和家庭的补助", "1.00"], [")" +
               code + R"(", "奖励金", "1.00"]]}])";
    };
    CHECK(findings_of(check_tables(table("30309")), "classification.parent-code").empty());
    auto found = findings_of(check_tables(table("30209")), "classification.parent-code");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message_en ==
          "30209 奖励金 is printed under 303 对个人和家庭的补助, but its code belongs under 302");
    CHECK(found[0].cells[0].source.pointer == "/tables/0/rows/1");
}

TEST_CASE("classification.catalog-name: code and name agree with the catalog",
          "[rules][classification]") {
    auto table = [](const std::string& name) {
        return R"([{"title": "一般公共预算基本支出表", "columns": ["科目编码", "科目名称", "合计"], "rows": [["30209", ")" +
               name + R"(", "1.00"]]}])";
    };
    CHECK(findings_of(check_tables(table("物业管理费")), "classification.catalog-name").empty());
    SECTION("a name that belongs to another code is an error") {
        auto found = findings_of(check_tables(table("奖励金")), "classification.catalog-name");
        REQUIRE(found.size() == 1);
        CHECK(found[0].severity == Severity::Error);
        CHECK(found[0].message_en ==
              "code 30209 is 物业管理费 in the catalog; 奖励金 is code 30309");
    }
    SECTION("a name the catalog does not know is a warning") {
        auto found = findings_of(check_tables(table("物业费")), "classification.catalog-name");
        REQUIRE(found.size() == 1);
        CHECK(found[0].severity == Severity::Warning);
    }
    SECTION("a former name is accepted") {
        auto report = check_tables(
            R"([{"title": "支出总表", "columns": ["科目编码", "科目名称", "合计"], "rows": [["210", "医疗卫生与计划生育支出", "1.00"]]}])");
        CHECK(findings_of(report, "classification.catalog-name").empty());
    }
}

TEST_CASE("classification.economic-column: personnel classes in 人员经费, public in 公用经费",
          "[rules][classification]") {
    auto table = [](const std::string& personnel, const std::string& pub) {
        return R"([{"title": "一般公共预算基本支出表", "columns": ["科目编码", "科目名称", "合计", "人员经费", "公用经费"], "rows": [
            ["302", "商品和服务支出", "1.00", ")" +
               personnel + R"(", ")" + pub + R"("]]}])";
    };
    CHECK(findings_of(check_tables(table("", "1.00")), "classification.economic-column").empty());
    auto found = findings_of(check_tables(table("1.00", "")), "classification.economic-column");
    REQUIRE(found.size() == 1);
    CHECK(found[0].cells[0].column == "人员经费");
}

namespace {

std::string targets(const std::string& weights, const std::string& extra = "") {
    return R"([{"title": "项目支出绩效目标表", "projects": [{"project": "甲项目", )" + extra +
           R"("funds": {"年度资金总额": "10.00", "其中：财政拨款": "8.00", "上年结转": "2.00"},
        "indicators": [)" +
           weights + R"(]}]}])";
}

std::string indicator(const std::string& level1, const std::string& value,
                      const std::string& weight) {
    return R"({"level1": ")" + level1 + R"(", "level2": "x", "level3": "指标", "value": ")" +
           value + R"(", "weight": ")" + weight + R"("})";
}

const std::string full_set = indicator("产出指标", "≥1个", "50") + "," +
                             indicator("效益指标", "≥90%", "30") + "," +
                             indicator("满意度指标", "≥90%", "10");

}  // namespace

TEST_CASE("performance.weights: the weights add up to the scheme's total", "[rules][performance]") {
    SECTION("90 with the 10 points of 执行率 left implicit") {
        CHECK(findings_of(check_tables(targets(full_set)), "performance.weights").empty());
    }
    SECTION("100 − the 执行率 printed apart") {
        CHECK(findings_of(check_tables(targets(full_set, R"("score_weights": {"执行率": "10"}, )")),
                          "performance.weights")
                  .empty());
        auto found =
            findings_of(check_tables(targets(full_set, R"("score_weights": {"执行率": "20"}, )")),
                        "performance.weights");
        REQUIRE(found.size() == 1);
        CHECK(found[0].arithmetic == "50 + 30 + 10 = 90 ≠ 80");
    }
    SECTION("a printed total") {
        auto found = findings_of(check_tables(targets(full_set, R"("weights_total": "100", )")),
                                 "performance.weights");
        REQUIRE(found.size() == 1);
        CHECK(found[0].arithmetic == "50 + 30 + 10 = 90 ≠ 100");
    }
    SECTION("neither 90 nor 100") {
        auto found = findings_of(check_tables(targets(indicator("产出指标", "≥1个", "50") + "," +
                                                      indicator("效益指标", "≥1个", "35"))),
                                 "performance.weights");
        REQUIRE(found.size() == 1);
        CHECK(found[0].severity == Severity::Error);
    }
}

TEST_CASE("performance.funds-sum: fund lines add up", "[rules][performance]") {
    CHECK(findings_of(check_tables(targets(full_set)), "performance.funds-sum").empty());
    auto found = findings_of(
        check_tables(
            R"([{"title": "项目支出绩效目标表", "projects": [{"project": "甲", "funds": {"年度资金总额": "10.00", "其中：财政拨款": "7.00", "上年结转": "2.00", "其他资金": "-"}}]}])"),
        "performance.funds-sum");
    REQUIRE(found.size() == 1);
    CHECK(found[0].arithmetic == "7.00 + 2.00 = 9.00 ≠ 10.00");
}

TEST_CASE("performance.indicator-categories, indicator-format and rate-above-100",
          "[rules][performance]") {
    CHECK(findings_of(check_tables(targets(full_set)), "performance.indicator-categories").empty());
    auto missing = findings_of(check_tables(targets(indicator("产出指标", "≥1个", "90"))),
                               "performance.indicator-categories");
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].message_en == "project 甲项目 has no 效益指标、满意度指标");

    CHECK(findings_of(check_tables(targets(full_set)), "performance.indicator-format").empty());
    auto bare = findings_of(check_tables(targets(indicator("产出指标", "12次", "90"))),
                            "performance.indicator-format");
    REQUIRE(bare.size() == 1);
    CHECK(bare[0].severity == Severity::Note);
    CHECK(findings_of(check_tables(targets(indicator("效益指标", "作用显著", "90"))),
                      "performance.indicator-format")
              .empty());

    CHECK(findings_of(check_tables(targets(indicator("产出指标", "≥100%", "90"))),
                      "performance.rate-above-100")
              .empty());
    auto impossible = findings_of(check_tables(targets(indicator("产出指标", "≥120%", "90"))),
                                  "performance.rate-above-100");
    REQUIRE(impossible.size() == 1);
    CHECK(impossible[0].severity == Severity::Warning);
}

TEST_CASE("completeness.required-tables and completeness.empty-table-explained",
          "[rules][completeness]") {
    auto report = check_tables(
        R"([{"title": "政府性基金预算支出表", "columns": ["科目名称", "合计"], "rows": [["合计", ""]]}])");
    auto missing = findings_of(report, "completeness.required-tables");
    CHECK(missing.size() == 8);
    CHECK(missing[0].message_en ==
          "a unit_budget must publish a 收支总表 (income_expenditure_summary); none is printed");
    auto empty = findings_of(report, "completeness.empty-table-explained");
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].cells[0].table == "政府性基金预算支出表");

    auto noted = check_tables(
        R"([{"title": "政府性基金预算支出表", "columns": ["科目名称", "合计"], "rows": [["合计", ""]], "notes": ["注：本单位无政府性基金预算支出。"]}])");
    CHECK(findings_of(noted, "completeness.empty-table-explained").empty());

    auto narrated = check_text(
        R"({"budgetcheck": 1, "document": {"title": "t", "unit": "u", "year": 2024, "kind": "unit_budget"},
        "narrative": [{"section": "八、政府性基金预算支出情况", "text": "本单位无政府性基金预算拨款。"}],
        "tables": [{"title": "政府性基金预算支出表", "columns": ["科目名称", "合计"], "rows": [["合计", ""]]}]})");
    CHECK(findings_of(narrated, "completeness.empty-table-explained").empty());
}

TEST_CASE(
    "rounding options: exact footing, the rounding note's severity, truncation, disabled rules",
    "[rules][rounding]") {
    const std::string table =
        R"([{"title": "支出总表", "columns": ["科目编码", "科目名称", "合计"], "rows": [
        ["208", "社会保障和就业支出", "10.01"], ["20801", "人力资源和社会保障管理事务", "6.00"], ["20805", "行政事业单位养老支出", "4.00"]]}])";
    SECTION("by default the 0.01 is a rounding note") {
        auto report = check_tables(table);
        CHECK(rounding_for(report, "footing.subject-children").size() == 1);
        CHECK(findings_of(report, "footing.subject-children").empty());
    }
    SECTION("exact footing makes it an error of the identity's own rule") {
        RuleOptions options;
        options.exact_footing = true;
        auto found = findings_of(check_tables(table, options), "footing.subject-children");
        REQUIRE(found.size() == 1);
        CHECK(found[0].severity == Severity::Error);
        CHECK_THAT(found[0].message_en, Catch::EndsWith("(exact footing is required)"));
    }
    SECTION("the rounding note can be raised to a warning") {
        RuleOptions options;
        options.rounding_severity = Severity::Warning;
        auto notes = rounding_for(check_tables(table, options), "footing.subject-children");
        REQUIRE(notes.size() == 1);
        CHECK(notes[0].severity == Severity::Warning);
    }
    SECTION("truncated figures stand for [v, v + 0.01]: 6.00 + 4.00 can reach 10.01 but not 9.98") {
        RuleOptions options;
        options.rounding = RoundingMode::Truncate;
        CHECK(rounding_for(check_tables(table, options), "footing.subject-children").size() == 1);
        std::string below = table;
        below.replace(below.find("10.01"), 5, "9.98");
        CHECK(findings_of(check_tables(below, options), "footing.subject-children").size() == 1);
    }
    SECTION("a disabled rule reports nothing; an override changes a rule's severity") {
        RuleOptions options;
        options.disabled = {"rounding.explained"};
        CHECK(rounding_for(check_tables(table, options), "footing.subject-children").empty());
        RuleOptions loud;
        loud.severity_overrides["completeness.required-tables"] = Severity::Note;
        for (const Finding& f :
             findings_of(check_tables(table, loud), "completeness.required-tables")) {
            CHECK(f.severity == Severity::Note);
        }
    }
}

TEST_CASE("diagnosis hints name the likely culprit", "[rules][diagnosis]") {
    SECTION("a failing row and a failing column cross at one cell") {
        auto report = check_tables(
            R"([{"title": "支出总表", "columns": ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], "rows": [
            ["208", "社会保障和就业支出", "10.00", "6.00", "4.00"], ["", "合计", "10.00", "7.00", "4.00"]]}])");
        const std::string hint =
            "合计 × 基本支出 (7.00) is where a failing row check and a failing column check cross: "
            "the likely culprit";
        auto row = findings_of(report, "crossfoot.column-group");
        auto column = findings_of(report, "footing.total-row");
        REQUIRE(row.size() == 1);
        REQUIRE(column.size() == 1);
        CHECK(std::find(row[0].hints.begin(), row[0].hints.end(), hint) != row[0].hints.end());
        CHECK(std::find(column[0].hints.begin(), column[0].hints.end(), hint) !=
              column[0].hints.end());
    }
    SECTION("a part repeated from the part printed before it") {
        auto found = findings_of(check_tables(R"([{"title": "支出总表", "columns": ["科目编码", "科目名称", "合计"], "rows": [
            ["208", "社会保障和就业支出", "10.00"], ["20801", "人力资源和社会保障管理事务", "6.00"], ["20805", "行政事业单位养老支出", "6.00"]]}])"),
                                 "footing.subject-children");
        REQUIRE(found.size() == 1);
        REQUIRE_FALSE(found[0].hints.empty());
        CHECK(found[0].hints.back() ==
              "20805 行政事业单位养老支出 × 合计 repeats the figure 6.00 printed just before it (20801 "
              "人力资源和社会保障管理事务 × 合计): copied?");
    }
    SECTION("a sign slip") {
        auto found = findings_of(check_tables(yoy_table("154.00", "")), "yoy.change-amount");
        REQUIRE(found.size() == 1);
        CHECK_THAT(found[0].hints.back(),
                   Catch::StartsWith("a sign slip? the difference is twice 104.00"));
    }
    SECTION("a 元/万元 slip") {
        auto found = findings_of(
            check_tables(
                R"([{"title": "支出总表", "columns": ["科目编码", "科目名称", "合计"], "rows": [
            ["208", "社会保障和就业支出", "60010.00"], ["20801", "人力资源和社会保障管理事务", "60000.00"], ["20805", "行政事业单位养老支出", "100000.00"]]}])"),
            "footing.subject-children");
        REQUIRE(found.size() == 1);
        CHECK_THAT(found[0].hints.back(),
                   Catch::StartsWith("a 元/万元 slip? 20805 行政事业单位养老支出 × 合计"));
    }
}

TEST_CASE("completeness.detail-level: 一般公共预算 spending goes down to the 项", "[rules][completeness]") {
    const std::string table =
        R"([{"title": "一般公共预算支出表", "columns": ["科目编码", "科目名称", "合计"], "rows": [
            ["208", "社会保障和就业支出", "30.00"],
            ["20805", "行政事业单位养老支出", "20.00"],
            ["2080505", "机关事业单位基本养老保险缴费支出", "20.00"],
            ["20899", "其他社会保障和就业支出", "10.00"],
            ["合计", "", "30.00"]]}])";
    const auto found = findings_of(check_tables(table), "completeness.detail-level");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Warning);
    CHECK(found[0].message_en ==
          "20899 其他社会保障和就业支出 prints 10.00 but none of its 项 is listed (other subjects "
          "are): 一般公共预算支出表 is published down to the 项");
    for (const char* path : {"corpus/putuo-finance-bureau-2024-dept-final.json",
                             "corpus/jiangsu-gaojirenminfayuan-2019-budget.json",
                             "corpus/putuo-wanli-street-2024-dept-budget.json",
                             "jilin-hrss-information-center-2024.json"}) {
        INFO(path);
        CHECK(findings_of(test::check_data(path), "completeness.detail-level").empty());
    }
}

TEST_CASE("completeness.narrative-topics: a department's narrative explains the required topics",
          "[rules][completeness]") {
    for (const char* path : {"corpus/putuo-finance-bureau-2024-dept-final.json",
                             "corpus/jiangsu-gaojirenminfayuan-2018-budget.json",
                             "corpus/putuo-wanli-street-2024-dept-budget.json"}) {
        INFO(path);
        CHECK(findings_of(test::check_data(path), "completeness.narrative-topics").empty());
    }
    const auto report = test::check_changed_data(
        "corpus/putuo-finance-bureau-2024-dept-final.json", "（三）国有资产占有使用情况说明",
        "（三）其他");
    const auto found = findings_of(report, "completeness.narrative-topics");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Warning);
    CHECK(found[0].message_en ==
          "the narrative says nothing of 国有资产占有使用情况, which a department_final explains");
}
