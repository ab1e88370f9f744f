#include <catch2/catch.hpp>

#include "rules_support.hpp"

using namespace budgetcheck;
using test::check_tables;
using test::findings_of;

namespace {

std::string summary(const std::string& gp_income, const std::string& total) {
    return R"({"title": "收支总表", "columns": ["项目", "预算数", "项目", "预算数"], "rows": [
        ["一、一般公共预算拨款收入", ")" +
           gp_income + R"(", "一、社会保障和就业支出", ")" + total + R"("],
        ["二、事业收入", "2.00", "", ""],
        ["本年收入合计", ")" +
           total + R"(", "本年支出合计", ")" + total + R"("],
        ["收入总计", ")" +
           total + R"(", "支出总计", ")" + total + R"("]]})";
}

std::string income(const std::string& total, const std::string& gp) {
    return R"({"title": "收入总表", "columns": ["合计", "一般公共预算拨款收入", "事业收入"], "rows": [[")" +
           total + R"(", ")" + gp + R"(", "2.00"]]})";
}

std::string spending(const std::string& klass) {
    return R"({"title": "支出总表", "columns": ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], "rows": [
        ["208", "社会保障和就业支出", ")" +
           klass + R"(", "6.00", "4.00"], ["", "合计", ")" + klass + R"(", "6.00", "4.00"]]})";
}

}  // namespace

TEST_CASE("crosstable.income-summary: 收支总表 income lines agree with 收入总表",
          "[rules][crosstable]") {
    CHECK(findings_of(
              check_tables("[" + summary("8.00", "10.00") + "," + income("10.00", "8.00") + "]"),
              "crosstable.income-summary")
              .empty());
    auto found = findings_of(
        check_tables("[" + summary("8.00", "10.00") + "," + income("10.00", "7.00") + "]"),
        "crosstable.income-summary");
    REQUIRE(found.size() == 1);
    CHECK(found[0].cells[0].table == "收入总表");
    CHECK(found[0].cells[1].table == "收支总表");
    CHECK(found[0].arithmetic == "7.00 ≠ 8.00");
}

TEST_CASE("crosstable.expenditure-summary: 收支总表 expenditure agrees with 支出总表 by subject",
          "[rules][crosstable]") {
    CHECK(findings_of(check_tables("[" + summary("8.00", "10.00") + "," + spending("10.00") + "]"),
                      "crosstable.expenditure-summary")
              .empty());
    auto found =
        findings_of(check_tables("[" + summary("8.00", "10.00") + "," + spending("10.50") + "]"),
                    "crosstable.expenditure-summary");
    REQUIRE(found.size() == 2);  // the 208 line and 本年支出合计
    // Two tables disagree: the later one is named against the earlier.
    CHECK(found[0].cells[0].table == "支出总表");
    CHECK(found[0].cells[0].row == "208 社会保障和就业支出");
    CHECK(found[0].cells[1].row == "208 一、社会保障和就业支出");
}

TEST_CASE("crosstable.fiscal-summary: the fiscal part of 收支总表 agrees with 财政拨款收支总表",
          "[rules][crosstable]") {
    auto fiscal = [](const std::string& gp, const std::string& spent) {
        return R"({"title": "财政拨款收支总表", "columns": ["项目", "预算数", "项目", "预算数"], "rows": [
            ["一、本年收入", ")" +
               gp + R"(", "一、本年支出", ")" + spent + R"("],
            ["（一）一般公共预算拨款", ")" +
               gp + R"(", "（一）社会保障和就业支出", ")" + spent + R"("],
            ["收入总计", ")" +
               gp + R"(", "支出总计", ")" + spent + R"("]]})";
    };
    CHECK(findings_of(
              check_tables("[" + summary("8.00", "10.00") + "," + fiscal("8.00", "8.00") + "]"),
              "crosstable.fiscal-summary")
              .empty());
    auto income_found = findings_of(
        check_tables("[" + summary("8.00", "10.00") + "," + fiscal("9.00", "8.00") + "]"),
        "crosstable.fiscal-summary");
    REQUIRE(income_found.size() == 1);
    // With no 政府性基金 and no carry-over, 本年收入 and 一般公共预算拨款 are the same money;
    // the table's first line of it is compared.
    CHECK(income_found[0].cells[0].row == "一、本年收入");
    CHECK(income_found[0].cells[1].row == "一、一般公共预算拨款收入");
    auto spent_found = findings_of(
        check_tables("[" + summary("8.00", "10.00") + "," + fiscal("8.00", "11.00") + "]"),
        "crosstable.fiscal-summary");
    // 208 exceeds all spending on it; the 支出总计 of 11.00 against the table's own 收入总计 of
    // 8.00 is crossfoot.balance's finding.
    REQUIRE(spent_found.size() == 1);
    CHECK(spent_found[0].cells[0].row == "208 （一）社会保障和就业支出");
    CHECK(spent_found[0].arithmetic == "11.00 > 10.00");
}

namespace {

std::string general(const std::string& klass, const std::string& basic,
                    const std::string& personnel) {
    return R"({"title": "一般公共预算支出表", "columns": ["科目编码", "科目名称", "合计", "基本支出", "人员经费", "公用经费", "项目支出"], "rows": [
        ["208", "社会保障和就业支出", ")" +
           klass + R"(", ")" + basic + R"(", ")" + personnel + R"(", "2.00", "4.00"],
        ["2210201", "住房公积金", "1.00", "1.00", "1.00", "", ""],
        ["", "合计", ")" +
           klass + R"(", ")" + basic + R"(", ")" + personnel + R"(", "2.00", "4.00"]]})";
}

std::string fiscal_summary(const std::string& gp) {
    return R"({"title": "财政拨款收支总表", "columns": ["项目", "预算数", "项目", "预算数"], "rows": [
        ["一、本年收入", ")" +
           gp + R"(", "一、本年支出", ")" + gp + R"("],
        ["（一）一般公共预算拨款", ")" +
           gp + R"(", "（一）社会保障和就业支出", ")" + gp + R"("]]})";
}

std::string basic_table(const std::string& total, const std::string& fund) {
    return R"({"title": "一般公共预算基本支出表", "columns": ["科目编码", "科目名称", "合计", "人员经费", "公用经费"], "rows": [
        ["301", "工资福利支出", ")" +
           total + R"(", ")" + total + R"(", ""],
        ["30113", "住房公积金", ")" +
           fund + R"(", ")" + fund + R"(", ""],
        ["30101", "基本工资", "3.00", "3.00", ""],
        ["302", "商品和服务支出", "2.00", "", "2.00"],
        ["30217", "公务接待费", "2.00", "", "2.00"],
        ["", "合计", ")" +
           std::to_string(std::stoi(total) + 2) + R"(.00", ")" + total + R"(", "2.00"]]})";
}

}  // namespace

TEST_CASE("crosstable.general-public-fiscal: 一般公共预算支出表 agrees with 财政拨款收支总表",
          "[rules][crosstable]") {
    CHECK(findings_of(check_tables("[" + general("10.00", "6.00", "4.00") + "," +
                                   fiscal_summary("10.00") + "]"),
                      "crosstable.general-public-fiscal")
              .empty());
    auto found = findings_of(
        check_tables("[" + general("10.00", "6.00", "4.00") + "," + fiscal_summary("9.00") + "]"),
        "crosstable.general-public-fiscal");
    REQUIRE(found.size() == 2);  // 合计 vs the appropriation, 208 vs the fiscal spending
}

TEST_CASE("crosstable.general-public-within-total: general-public spending within 支出总表",
          "[rules][crosstable]") {
    CHECK(findings_of(
              check_tables("[" + general("10.00", "6.00", "4.00") + "," + spending("10.00") + "]"),
              "crosstable.general-public-within-total")
              .empty());
    auto found = findings_of(
        check_tables("[" + general("10.00", "6.00", "4.00") + "," + spending("9.00") + "]"),
        "crosstable.general-public-within-total");
    REQUIRE(found.size() == 2);
    CHECK(found[0].arithmetic == "10.00 > 9.00");
}

TEST_CASE("crosstable.basic-table: the basic-expenditure table agrees with 一般公共预算支出表",
          "[rules][crosstable]") {
    CHECK(findings_of(check_tables("[" + general("10.00", "6.00", "4.00") + "," +
                                   basic_table("4", "1.00") + "]"),
                      "crosstable.basic-table")
              .empty());
    auto found = findings_of(
        check_tables("[" + general("10.00", "6.00", "4.00") + "," + basic_table("5", "1.00") + "]"),
        "crosstable.basic-table");
    REQUIRE(found.size() == 2);  // basic 7.00 vs 6.00, personnel 5.00 vs 4.00
    CHECK(found[0].cells[0].table == "一般公共预算基本支出表");
}

TEST_CASE("crosstable.three-public-economic: basic spending on 三公 items within the 三公 table",
          "[rules][crosstable]") {
    auto three = [](const std::string& reception) {
        return R"({"title": "“三公”经费支出表", "columns": ["项目", "2024年预算数"], "rows": [["合计", ")" +
               reception + R"("], ["公务接待费", ")" + reception + R"("]]})";
    };
    CHECK(findings_of(check_tables("[" + basic_table("4", "1.00") + "," + three("2.00") + "]"),
                      "crosstable.three-public-economic")
              .empty());
    auto found =
        findings_of(check_tables("[" + basic_table("4", "1.00") + "," + three("1.50") + "]"),
                    "crosstable.three-public-economic");
    REQUIRE(found.size() == 1);
    CHECK(found[0].arithmetic == "2.00 > 1.50");
    CHECK(found[0].cells[0].row == "30217 公务接待费");
}

TEST_CASE("crosstable.project-table and crosstable.performance-funds", "[rules][crosstable]") {
    auto projects = [](const std::string& total) {
        return R"({"title": "项目支出表", "columns": ["类型", ["项目名称", "一级项目"], ["项目名称", "二级项目"], "合计", ["本年预算", "一般公共预算"], ["上年结转结余", "一般公共预算"]], "rows": [
            ["特定目标类", "", "", ")" +
               total + R"(", "3.50", "0.50"], ["", "业务", "", ")" + total + R"(", "3.50", "0.50"],
            ["", "", "甲 项目", ")" +
               total + R"(", "3.50", "0.50"], ["合计", "", "", ")" + total +
               R"(", "3.50", "0.50"]]})";
    };
    auto targets = [](const std::string& funds) {
        return R"({"title": "项目支出绩效目标表", "projects": [{"project": "甲项目", "funds": {"年度资金总额": ")" +
               funds + R"("},
            "indicators": [{"level1": "产出指标", "level2": "数量指标", "level3": "x", "value": "≥1个", "weight": "90"}]}]})";
    };
    SECTION("project table ↔ 支出总表 project column") {
        CHECK(findings_of(check_tables("[" + spending("10.00") + "," + projects("4.00") + "]"),
                          "crosstable.project-table")
                  .empty());
        auto found =
            findings_of(check_tables("[" + spending("10.00") + "," + projects("4.10") + "]"),
                        "crosstable.project-table");
        REQUIRE(found.size() == 1);
    }
    SECTION("funds equal to the project's total or to its current-year money both agree") {
        CHECK(findings_of(check_tables("[" + projects("4.00") + "," + targets("4.00") + "]"),
                          "crosstable.performance-funds")
                  .empty());
        CHECK(findings_of(check_tables("[" + projects("4.00") + "," + targets("3.50") + "]"),
                          "crosstable.performance-funds")
                  .empty());
        auto found = findings_of(check_tables("[" + projects("4.00") + "," + targets("3.00") + "]"),
                                 "crosstable.performance-funds");
        REQUIRE(found.size() == 1);
        CHECK(found[0].cells[0].row == "甲项目");
        CHECK(found[0].arithmetic == "3.00 ≠ 4.00");
    }
}

TEST_CASE("crosstable.fund-tables: 政府性基金 table agrees with its income line",
          "[rules][crosstable]") {
    auto fund = [](const std::string& total) {
        return R"({"title": "政府性基金预算支出表", "columns": ["科目名称", "合计", "基本支出", "项目支出"], "rows": [["合计", ")" +
               total + R"(", "", ")" + total + R"("]]})";
    };
    auto with_fund_line =
        R"({"title": "收支总表", "columns": ["项目", "预算数", "项目", "预算数"], "rows": [["二、政府性基金预算拨款收入", "1.00", "", ""]]})";
    CHECK(findings_of(check_tables(std::string("[") + with_fund_line + "," + fund("1.00") + "]"),
                      "crosstable.fund-tables")
              .empty());
    auto found = findings_of(check_tables(std::string("[") + with_fund_line + "," + fund("") + "]"),
                             "crosstable.fund-tables");
    REQUIRE(found.size() == 1);
    CHECK(found[0].actual == "(blank)");
}

TEST_CASE("crosstable.economic-functional: 住房公积金 30113 ↔ 2210201 is a warning",
          "[rules][crosstable]") {
    CHECK(findings_of(check_tables("[" + general("10.00", "6.00", "4.00") + "," +
                                   basic_table("4", "1.00") + "]"),
                      "crosstable.economic-functional")
              .empty());
    auto found = findings_of(
        check_tables("[" + general("10.00", "6.00", "4.00") + "," + basic_table("4", "0.90") + "]"),
        "crosstable.economic-functional");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Warning);
}

TEST_CASE("cross-table rules say which tables were absent", "[rules][crosstable]") {
    auto report = check_tables("[" + spending("10.00") + "]");
    bool said = false;
    for (const SkippedCheck& s : report.skipped) {
        said = said ||
               (s.rule_id == "crosstable.project-table" && s.reason == "no 项目支出表 printed");
    }
    CHECK(said);
}

TEST_CASE("crosstable.subject-present: a subject with money is printed where its money is included",
          "[rules][crosstable]") {
    SECTION("holds on the corpus") {
        for (const char* path : {"corpus/putuo-justice-bureau-2026-dept-budget.json",
                                 "corpus/jiangsu-renminjianchayuan-2019-budget.json",
                                 "corpus/putuo-planning-bureau-2024-dept-final.json",
                                 "mohrss-information-center-2024.json"}) {
            INFO(path);
            CHECK(findings_of(test::check_data(path), "crosstable.subject-present").empty());
        }
    }
    SECTION("fires on a 项 the 收入总表 leaves out") {
        const auto report = test::check_changed_data(
            "corpus/putuo-justice-bureau-2026-dept-budget.json",
            R"(["204", "06", "04", "基层司法业务", "21703947.00", "21703947.00", "0.00", "0.00", "0.00"],)",
            "");
        const auto found = findings_of(report, "crosstable.subject-present");
        REQUIRE(found.size() == 1);
        CHECK(found[0].message_en ==
              "2040604 基层司法业务 is printed in 2026年部门支出预算总表 with 21703947.00, but "
              "2026年部门收入预算总表 has no row for it, though it lists subjects at that level");
    }
}

namespace {

bool skipped(const CheckReport& report, std::string_view rule, std::string_view reason) {
    return std::any_of(report.skipped.begin(), report.skipped.end(), [&](const SkippedCheck& s) {
        return s.rule_id == rule && s.reason == reason;
    });
}

constexpr const char* justice = "corpus/putuo-justice-bureau-2026-dept-budget.json";

}  // namespace

TEST_CASE("crosstable.operating-expenses: a department of 行政 and 参公 units prints its "
          "公用经费 as its 机关运行经费",
          "[rules][crosstable]") {
    // 本部门中，行政单位1家，参公单位1家: 217.83 万元 is the basic table's 2,178,324.44 元.
    const auto published = test::check_data(justice);
    CHECK(findings_of(published, "crosstable.operating-expenses").empty());
    CHECK(std::none_of(published.skipped.begin(), published.skipped.end(),
                       [](const SkippedCheck& s) {
                           return s.rule_id == "crosstable.operating-expenses";
                       }));

    const auto wrong = test::check_changed_data(
        justice, R"(["10.81", "0", "0.83", "9.98", "0", "9.98", "217.83"])",
        R"(["10.81", "0", "0.83", "9.98", "0", "9.98", "216.83"])");
    const auto found = findings_of(wrong, "crosstable.operating-expenses");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Error);
    CHECK(found[0].message_en ==
          "(unit row) × 机关运行经费预算数: every unit "
          "being 行政 or 参公 (本部门中，行政单位1家，参公单位1家), 机关运行经费 is the 一般公共预算 "
          "公用经费 (2026年部门一般公共预算基本支出部门预算经济分类预算表 合计 × 一般公共预算基本支出 "
          "/ 公用经费), which is 217.832444, but 216.83 is printed (difference -1.002444 万元)");
    CHECK(found[0].arithmetic == "216.83 ≠ 217.832444");
    CHECK(found[0].cells.front().source.line == 339);

    // A department with 事业单位 prints less than its 公用经费, by an amount no table shows.
    for (const char* path : {"corpus/putuo-wanli-street-2025-dept-budget.json",
                             "corpus/putuo-district-office-2025-dept-budget.json",
                             "corpus/jiangsu-renminjianchayuan-2019-budget.json"}) {
        INFO(path);
        const auto report = test::check_data(path);
        CHECK(findings_of(report, "crosstable.operating-expenses").empty());
        CHECK(skipped(report, "crosstable.operating-expenses",
                      "the department has 事业单位, whose 公用经费 is not 机关运行经费"));
    }
    // A unit budget that does not describe its unit is not guessed at.
    CHECK(skipped(test::check_data("corpus/putuo-justice-bureau-2026-unit-budget.json"),
                  "crosstable.operating-expenses",
                  "the profile does not say that every unit is 行政 or 参公"));
}

TEST_CASE("a 机关运行经费 only the narrative quotes is the 公用经费 of a department of 行政 and "
          "参公 units",
          "[rules][narrative]") {
    // The 三公 table printed without its 机关运行经费 column: the narrative's figure is checked
    // against the basic table's 公用经费 alone.
    const std::vector<std::pair<std::string, std::string>> without_column = {
        {",\n        \"机关运行经费预算数\"\n      ],", "\n      ],"},
        {R"("9.98", "217.83"])", R"("9.98"])"}};
    // The document's own 201.50 (住房公积金) is the other narrative.amount finding.
    const auto about_operating_expenses = [](const CheckReport& report) {
        std::vector<Finding> out;
        for (const Finding& f : findings_of(report, "narrative.amount")) {
            if (f.message_en.find("机关运行经费") != std::string::npos) {
                out.push_back(f);
            }
        }
        return out;
    };
    auto edits = without_column;
    CHECK(about_operating_expenses(test::check_edited_data(justice, edits)).empty());

    edits.emplace_back("机关运行经费预算为217.83万元", "机关运行经费预算为207.83万元");
    const auto found = about_operating_expenses(test::check_edited_data(justice, edits));
    REQUIRE(found.size() == 1);
    CHECK(found[0].message_en ==
          "the narrative quotes 207.83 万元 for 上海市普陀区司法局下属1家机关和1家参公事业单位财政拨款"
          "的机关运行经费预算, but every unit being 行政 or 参公 (本部门中，行政单位1家，参公单位1家), "
          "it is the 一般公共预算 公用经费, 2026年部门一般公共预算基本支出部门预算经济分类预算表 合计 × "
          "一般公共预算基本支出 / 公用经费: 217.832444 万元");
    CHECK(found[0].arithmetic == "207.83 万元 ≠ 217.832444 万元");

    // With a 事业单位 in the department the same quote is only unverifiable.
    edits.emplace_back("参公单位1家，", "参公单位1家，事业单位1家，");
    CHECK(about_operating_expenses(test::check_edited_data(justice, edits)).empty());
}

TEST_CASE("completeness.three-public-items: the 三公 table splits 公务用车 into 购置费 and 运行费",
          "[rules][completeness]") {
    for (const char* path : {justice, "corpus/jiangsu-gaojirenminfayuan-2019-budget.json",
                             "corpus/putuo-planning-bureau-2024-dept-final.json",
                             "jilin-hrss-information-center-2024.json"}) {
        INFO(path);
        CHECK(findings_of(test::check_data(path), "completeness.three-public-items").empty());
    }
    const auto report = test::check_changed_data(
        justice,
        R"(["“三公”经费预算数", "公务用车购置及运行费", "小计"],
        ["“三公”经费预算数", "公务用车购置及运行费", "购置费"],
        ["“三公”经费预算数", "公务用车购置及运行费", "运行费"],
        "机关运行经费预算数"
      ],
      "rows": [
        ["10.81", "0", "0.83", "9.98", "0", "9.98", "217.83"])",
        R"(["“三公”经费预算数", "公务用车购置及运行费"],
        "机关运行经费预算数"
      ],
      "rows": [
        ["10.81", "0", "0.83", "9.98", "217.83"])");
    const auto found = findings_of(report, "completeness.three-public-items");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Warning);
    CHECK(found[0].message_en ==
          "2026年部门“三公”经费和机关运行经费预算表 does not show 公务用车购置费, 公务用车运行维护费 "
          "apart");
    CHECK(found[0].cells.front().column == "“三公”经费预算数 / 公务用车购置及运行费");
}
