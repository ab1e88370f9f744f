#include <catch2/catch.hpp>

#include "rules_support.hpp"

using namespace budgetcheck;
using test::check_tables;
using test::findings_of;
using test::rounding_for;
using test::spending_table;

TEST_CASE("footing.subject-children: a parent subject equals the sum of its sub-subjects",
          "[rules][footing]") {
    SECTION("holds") {
        auto report = check_tables(spending_table("10.00", "6.00", "4.00", "10.00"));
        CHECK(findings_of(report, "footing.subject-children").empty());
        for (const Finding& f : report.findings) {
            CHECK(f.rule_id ==
                  "completeness.required-tables");  // a one-table document lacks the others
        }
    }
    SECTION("fires with the arithmetic and the parent cell first") {
        auto report = check_tables(spending_table("10.00", "6.00", "3.00", "10.00"));
        auto found = findings_of(report, "footing.subject-children");
        REQUIRE(found.size() == 1);
        CHECK(found[0].severity == Severity::Error);
        CHECK(found[0].arithmetic == "6.00 + 3.00 = 9.00 ≠ 10.00");
        CHECK(found[0].expected == "9.00");
        CHECK(found[0].actual == "10.00");
        CHECK(found[0].difference == "1.00");
        CHECK(found[0].cells[0].source.pointer == "/tables/0/rows/0/2");
        CHECK(found[0].cells[0].row == "208 社会保障和就业支出");
        CHECK(found[0].message_en ==
              "208 社会保障和就业支出 × 合计: its sub-subjects add up to 9.00, but 10.00 is "
              "printed (difference 1.00 万元)");
        CHECK(found[0].message_zh ==
              "208 社会保障和就业支出「合计」：下级科目合计为 9.00，表中列示 10.00（相差 1.00 "
              "万元）");
    }
    SECTION("a difference rounding explains is a note, not an error") {
        auto report = check_tables(spending_table("10.00", "6.00", "4.01", "10.01"));
        CHECK(findings_of(report, "footing.subject-children").empty());
        auto notes = rounding_for(report, "footing.subject-children");
        REQUIRE(notes.size() == 1);
        CHECK(notes[0].severity == Severity::Note);
        CHECK_THAT(notes[0].message_en,
                   Catch::EndsWith("rounding of the printed figures can explain up to ±0.015 "
                                   "(footing.subject-children)"));
    }
}

TEST_CASE("footing.total-row: a total row equals the lines it totals", "[rules][footing]") {
    SECTION("holds, and a 合计 printed above its lines is read downwards") {
        auto report = check_tables(
            R"([{"title": "“三公”经费支出表", "columns": ["项目", "2024年预算数"], "rows": [
            ["合计", "3.53"], ["1、因公出国（境）费用", ""], ["2、公务接待费", "0.56"], ["3、公务用车费", "2.97"]]}])");
        CHECK(findings_of(report, "footing.total-row").empty());
    }
    SECTION("fires") {
        auto report = check_tables(spending_table("10.00", "6.00", "4.00", "12.00"));
        auto found = findings_of(report, "footing.total-row");
        REQUIRE(found.size() == 1);
        CHECK(found[0].arithmetic == "12.00 ≠ 10.00");
        CHECK(found[0].cells[0].source.pointer == "/tables/0/rows/3/2");
    }
    SECTION("an unnumbered sub-item after a numbered 其中 line is not taken for a line") {
        // Issue 12.2: 三、公务用车购置及运行费 2.00, 其中：购置费 0.00, then 运行费 2.00.
        const std::string table = R"([{"title": "“三公”经费支出预算表", "columns": ["项目", "预算数"],
            "rows": [["合计", "TOTAL"], ["因公出国（境）费", "0.00"], ["公务接待费", "1.20"],
                     ["三、公务用车购置及运行费", "2.00"], ["其中：公务用车购置费", "0.00"],
                     ["公务用车运行费", "2.00"]]}])";
        auto with_total = [&](const std::string& total) {
            std::string text = table;
            text.replace(text.find("TOTAL"), 5, total);
            return check_tables(text);
        };
        const auto holds = with_total("3.20");
        CHECK(findings_of(holds, "footing.total-row").empty());
        CHECK(findings_of(holds, "footing.line-children").empty());
        const auto found = findings_of(with_total("3.30"), "footing.total-row");
        REQUIRE(found.size() == 1);
        CHECK(found[0].arithmetic == "0.00 + 1.20 + 2.00 = 3.20 ≠ 3.30");
        CHECK(found[0].hints.empty());
    }
    SECTION("a grand total adds the lines after the 本年 subtotal") {
        auto report = check_tables(
            R"([{"title": "收支总表", "columns": ["项目", "预算数", "项目", "预算数"], "rows": [
            ["一、一般公共预算拨款收入", "8.00", "一、社会保障和就业支出", "10.00"],
            ["本年收入合计", "8.00", "本年支出合计", "10.00"],
            ["上年结转", "2.00", "结转下年", ""],
            ["收入总计", "11.00", "支出总计", "10.00"]]}])");
        auto found = findings_of(report, "footing.total-row");
        REQUIRE(found.size() == 1);
        CHECK(found[0].arithmetic == "8.00 + 2.00 = 10.00 ≠ 11.00");
    }
}

TEST_CASE("figures printed with the most decimals the format accepts are judged exactly",
          "[rules][footing][rounding]") {
    // Issue 12.1: twelve decimals have no half-unit a Decimal can hold; that once read an
    // unmade value (a signed overflow under the sanitizers, seconds of work, "±?").
    const auto with_class = [](const std::string& klass) {
        return check_tables(R"([{"title": "支出总表", "columns": ["科目编码", "科目名称", "合计"], "rows": [
            ["208", "社会保障和就业支出", ")" + klass + R"("],
            ["20801", "人力资源和社会保障管理事务", "12.340000000001"],
            ["2080101", "行政运行", "12.340000000001"],
            ["20805", "行政事业单位养老支出", "10.000000000000"],
            ["2080505", "机关事业单位基本养老保险缴费支出", "10.000000000000"]]}])");
    };
    CHECK(findings_of(with_class("22.340000000001"), "footing.subject-children").empty());
    const auto found = findings_of(with_class("22.340000000101"), "footing.subject-children");
    REQUIRE(found.size() == 1);
    CHECK(found[0].arithmetic ==
          "12.340000000001 + 10.000000000000 = 22.340000000001 ≠ 22.340000000101");
    CHECK(found[0].message_en.find('?') == std::string::npos);
    const auto near = rounding_for(with_class("22.340000000003"), "footing.subject-children");
    REQUIRE(near.size() == 1);
    CHECK(near[0].message_en.find("±?") == std::string::npos);
}

TEST_CASE("footing.line-children: a summary line equals its sub-lines", "[rules][footing]") {
    const std::string table =
        R"([{"title": "收支总表", "columns": ["项目", "预算数", "项目", "预算数"], "rows": [
        ["一、财政拨款收入", "%s", "一、社会保障和就业支出", "10.00"],
        ["一般公共预算拨款收入", "8.00", "", ""],
        ["政府性基金预算拨款收入", "2.00", "", ""]]}])";
    SECTION("holds") {
        std::string text = table;
        text.replace(text.find("%s"), 2, "10.00");
        CHECK(findings_of(check_tables(text), "footing.line-children").empty());
    }
    SECTION("fires") {
        std::string text = table;
        text.replace(text.find("%s"), 2, "11.00");
        auto found = findings_of(check_tables(text), "footing.line-children");
        REQUIRE(found.size() == 1);
        CHECK(found[0].arithmetic == "8.00 + 2.00 = 10.00 ≠ 11.00");
    }
}

TEST_CASE("footing.project-hierarchy: types and first-level projects equal what is under them",
          "[rules][footing]") {
    const std::string head =
        R"([{"title": "项目支出表", "columns": ["类型", ["项目名称", "一级项目"], ["项目名称", "二级项目"], "合计"], "rows": [)";
    SECTION("holds") {
        auto report = check_tables(
            head +
            R"(["特定目标类", "", "", "5.00"], ["", "业务管理", "", "5.00"], ["", "", "甲项目", "2.00"], ["", "", "乙项目", "3.00"], ["合计", "", "", "5.00"]]}])");
        CHECK(findings_of(report, "footing.project-hierarchy").empty());
    }
    SECTION("fires on the first-level project") {
        auto report = check_tables(
            head +
            R"(["特定目标类", "", "", "5.00"], ["", "业务管理", "", "5.00"], ["", "", "甲项目", "2.00"], ["", "", "乙项目", "2.00"], ["合计", "", "", "5.00"]]}])");
        auto found = findings_of(report, "footing.project-hierarchy");
        REQUIRE(found.size() == 1);
        CHECK(found[0].arithmetic == "2.00 + 2.00 = 4.00 ≠ 5.00");
        CHECK(found[0].cells[0].row == "业务管理");
    }
}

TEST_CASE("footing.of-which: an 其中 line or column does not exceed its whole",
          "[rules][footing]") {
    SECTION("row: holds and fires") {
        const std::string ok =
            R"([{"title": "“三公”经费支出表", "columns": ["项目", "2024年预算数"], "rows": [
            ["1、公务用车费", "2.97"], ["其中：公务用车运行维护费", "2.00"]]}])";
        CHECK(findings_of(check_tables(ok), "footing.of-which").empty());
        const std::string bad =
            R"([{"title": "“三公”经费支出表", "columns": ["项目", "2024年预算数"], "rows": [
            ["1、公务用车费", "2.97"], ["其中：公务用车运行维护费", "3.00"]]}])";
        auto found = findings_of(check_tables(bad), "footing.of-which");
        REQUIRE(found.size() == 1);
        CHECK(found[0].arithmetic == "3.00 > 2.97");
    }
    SECTION("column: 其中：教育收费 beside 事业收入 金额") {
        const std::string bad =
            R"([{"title": "收入总表", "columns": ["合计", ["事业收入", "金额"], ["事业收入", "其中：教育收费"]], "rows": [
            ["5.00", "5.00", "6.00"]]}])";
        auto found = findings_of(check_tables(bad), "footing.of-which");
        REQUIRE(found.size() == 1);
        CHECK(found[0].cells[0].column == "事业收入 / 其中：教育收费");
    }
}

TEST_CASE("footing.total-row: the “三公” total is its three items, not the 会议费 and 培训费 beside them",
          "[rules][footing]") {
    // 广东's table prints 会议费 and 培训费 as rows under the “三公” items.
    const auto table = [](const std::string& total) {
        return R"([{"title": "部门综合预算一般公共预算“三公”经费及会议费、培训费支出表",
            "columns": ["项目", "2025年预算数"], "rows": [
            ["“三公”经费合计", ")" + total + R"("],
            ["1.因公出国（境）费", "0.00"],
            ["2.公务接待费", "3.00"],
            ["3.公务用车购置及运行费", "10.00"],
            ["其中：公务用车购置费", "0.00"],
            ["公务用车运行费", "10.00"],
            ["会议费", "8.00"],
            ["培训费", "12.00"]]}])";
    };
    CHECK(findings_of(check_tables(table("13.00")), "footing.total-row").empty());
    const auto found = findings_of(check_tables(table("14.00")), "footing.total-row");
    REQUIRE(found.size() == 1);
    CHECK(found[0].arithmetic == "0.00 + 3.00 + 10.00 = 13.00 ≠ 14.00");
}
