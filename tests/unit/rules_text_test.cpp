// The text rules (template residue, years), completeness.empty-table-note and the self-contained
// part of narrative.change, shown firing on a real corpus document with one text changed, and
// holding on the document as published.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "rules_support.hpp"

using namespace budgetcheck;
using namespace budgetcheck::test;

namespace {

// The corpus document with `from` (printed exactly once) replaced by `to`, checked.
CheckReport check_changed(const std::string& name, const std::string& from, const std::string& to) {
    return check_changed_data("corpus/" + name, from, to);
}

// A small document whose 情况说明 is one text, for the grammar's edge cases.
CheckReport check_narrative(const std::string& text, int year = 2024) {
    return check_text(
        R"({"budgetcheck": 1, "document": {"title": "t", "unit": "测试单位", "year": )" +
        std::to_string(year) +
        R"(, "kind": "unit_budget"}, "narrative": [{"section": "一、说明", "text": ")" + text +
        R"("}], "tables": []})");
}

const std::string wanli = "putuo-wanli-street-2025-dept-budget.json";
const std::string justice = "putuo-justice-bureau-2026-unit-budget.json";

}  // namespace

TEST_CASE("text.template-residue: a template's words left in the text", "[rules][text]") {
    SECTION("the published 万里街道 2025 disclosure has none") {
        const LoadResult loaded = load_file(BUDGETCHECK_SOURCE_DIR "/data/corpus/" + wanli);
        REQUIRE(loaded.document);
        const CheckReport report = check_document(*loaded.document);
        CHECK(findings_of(report, "text.template-residue").empty());
    }
    SECTION("a reason left unwritten") {
        auto found =
            findings_of(check_changed(wanli, "主要原因是购置车辆类型不同；", "主要原因是；"),
                        "text.template-residue");
        REQUIRE(found.size() == 1);
        CHECK(found[0].severity == Severity::Error);
        CHECK(
            found[0].message_en ==
            "其他相关情况说明 still carries template text “主要原因是；”: a reason left unfilled");
        CHECK(found[0].message_zh == "其他相关情况说明仍含模板文字“主要原因是；”：原因未填写");
        CHECK(found[0].cells[0].source.pointer == "/narrative/1/text");
        CHECK(found[0].cells[0].source.line > 0);
    }
    SECTION("a placeholder in a note under a table, and the template's alternatives") {
        auto note = findings_of(check_changed(wanli, "注:本部门2025年无国有资本经营预算",
                                              "注:XX部门2025年无国有资本经营预算"),
                                "text.template-residue");
        REQUIRE(note.size() == 1);
        CHECK(note[0].message_en ==
              "2025年部门国有资本经营预算支出功能分类预算表 · note still carries template text "
              "“XX”: a placeholder standing for a name or figure");
        CHECK(note[0].cells[0].source.pointer == "/tables/6/notes/0");
        auto alternatives =
            findings_of(check_changed(wanli, "比2024年预算减少10万元，主要原因是2025年新",
                                      "比2024年预算增加（减少）10万元，主要原因是2025年新"),
                        "text.template-residue");
        REQUIRE(alternatives.size() == 1);
        CHECK(alternatives[0].actual == "增加（减少）");
        CHECK(alternatives[0].message_en ==
              "其他相关情况说明 still carries template text “增加（减少）”: alternatives of the "
              "template with neither chosen");
    }
    SECTION("the grammar: what is a placeholder and what is not") {
        auto residues = [](const std::string& text) {
            std::vector<std::string> out;
            for (const Finding& f : findings_of(check_narrative(text), "text.template-residue")) {
                out.push_back(f.actual);
            }
            return out;
        };
        using V = std::vector<std::string>;
        CHECK(residues("××单位预算x,xxx.xx万元，{单位}（略）") ==
              V{"××", "x,xxx.xx", "{单位}", "（略）"});
        CHECK(residues("与上年相比增加持平，增长/下降0%（如持平作持平表述）") ==
              V{"增加持平", "增长/下降", "（如持平作持平表述）"});
        CHECK(residues("2023年当年预算执行数为。主要用于qq。") == V{"数为。", "主要用于qq。"});
        // A multiplication, a Latin word, a written reason, a 增减 column and a single 增加.
        CHECK(residues("2×3台，Xbox与maxx，主要原因是业务量增加，执行数为30万元。").empty());
    }
}

TEST_CASE("text.title-year: a table titled for another year", "[rules][text]") {
    auto found = findings_of(check_changed(wanli, "\"2025年部门政府性基金预算支出功能分类预算表\"",
                                           "\"2024年部门政府性基金预算支出功能分类预算表\""),
                             "text.title-year");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Error);
    CHECK(found[0].message_en ==
          "2024年部门政府性基金预算支出功能分类预算表 is titled for 2024, but the document is the "
          "2025 部门预算");
    CHECK(found[0].message_zh ==
          "2024年部门政府性基金预算支出功能分类预算表标题年度为2024年，而本文件为2025年部门预算");
    CHECK(found[0].cells[0].source.pointer == "/tables/5/title");
    CHECK(found[0].expected == "2025");
    CHECK(found[0].actual == "2024");
}

TEST_CASE("text.year: a year neither the report's nor the one before", "[rules][text]") {
    SECTION("a year carried over from two editions back") {
        auto found = findings_of(check_changed(justice, "2025年当年预算执行数为1690.69万元",
                                               "2024年当年预算执行数为1690.69万元"),
                                 "text.year");
        REQUIRE(found.size() == 1);
        CHECK(found[0].severity == Severity::Warning);
        CHECK(found[0].message_en ==
              "2026年单位预算编制说明 speaks of 2024 in “2024年当年预算执行数为1690.69万元”, "
              "but the document is the 2026 单位预算, compared with 2025");
        CHECK(found[0].cells[0].source.pointer == "/narrative/0/text");
    }
    SECTION("a date a count was taken is in its place") {
        CHECK(findings_of(check_changed(justice, "截至2025年8月31日", "截至2023年8月31日"),
                          "text.year")
                  .empty());
    }
    SECTION("the grammar: what is another year and what is excused") {
        auto years = [](const std::string& text) {
            std::vector<std::string> out;
            for (const Finding& f : findings_of(check_narrative(text), "text.year")) {
                out.push_back(f.actual);
            }
            return out;
        };
        using V = std::vector<std::string>;
        CHECK(years("2022年预算执行数为1万元，2025年将完成。") == V{"2022", "2025"});
        // Amounts and document numbers carry no 年; 《》, 截至, 自…起, 以来 and a period holding
        // the report's year excuse the rest.
        CHECK(years("增加2043.58万元，苏财预〔2019〕82号，《2019年重点工作》，截至2022年8月31日，"
                    "自2017年7月起，2015年以来，2023-2025年规划，2022年-2024年财政规划。")
                  .empty());
        CHECK(years("2019-2021年规划") == V{"2021"});
    }
}

TEST_CASE("text.year and text.title-year: a document whose year is not known is not compared",
          "[rules][text]") {
    // A PDF whose cover, contents and titles give no year is read with year 0; every year it
    // prints would otherwise be "neither 0 nor -1".
    LoadResult loaded =
        load_file(std::string(BUDGETCHECK_SOURCE_DIR) + "/data/corpus/" + justice);
    REQUIRE(loaded.document);
    loaded.document->year = 0;
    const CheckReport report = check_document(*loaded.document);
    for (const char* rule : {"text.year", "text.title-year"}) {
        INFO(rule);
        CHECK(findings_of(report, rule).empty());
        CHECK(std::any_of(report.skipped.begin(), report.skipped.end(), [&](const SkippedCheck& s) {
            return s.rule_id == rule &&
                   s.reason == "the document's year is not known (none was read from its cover, "
                               "contents or table titles)";
        }));
    }
}

TEST_CASE("completeness.empty-table-note: a fund table's note speaks of its own table",
          "[rules][completeness]") {
    SECTION("as published, every note under 万里街道 2025's fund tables names its own fund") {
        const LoadResult loaded = load_file(BUDGETCHECK_SOURCE_DIR "/data/corpus/" + wanli);
        REQUIRE(loaded.document);
        CHECK(
            findings_of(check_document(*loaded.document), "completeness.empty-table-note").empty());
    }
    SECTION("the 政府性基金 note copied under the 国有资本经营 table") {
        auto found =
            findings_of(check_changed(wanli, "注:本部门2025年无国有资本经营预算财政拨款安排的预算",
                                      "注:本部门2025年无政府性基金预算财政拨款安排的预算"),
                        "completeness.empty-table-note");
        REQUIRE(found.size() == 1);
        CHECK(found[0].severity == Severity::Error);
        CHECK(found[0].message_en ==
              "the note under 2025年部门国有资本经营预算支出功能分类预算表 speaks of 政府性基金, "
              "not of 国有资本经营: it was written for another table");
        CHECK(found[0].cells[0].source.pointer == "/tables/6/notes/0");
    }
}

TEST_CASE("narrative.change: a change sentence that contradicts its own words",
          "[rules][narrative]") {
    SECTION("an increase to a figure of 0") {
        // The document's own three narrative.change errors stay; the fourth is the new sentence.
        auto found = findings_of(
            check_changed(justice, "国有资本经营预算拨款支出预算0万元，与2025年预算持平",
                          "国有资本经营预算拨款支出预算0万元，比2025年预算增加5万元"),
            "narrative.change");
        REQUIRE(found.size() == 4);
        const Finding& f = found[0];
        CHECK(f.severity == Severity::Error);
        CHECK(f.message_en ==
              "国有资本经营预算拨款支出预算 is 0 万元, so it cannot have risen by 5 万元: last "
              "year's figure would be below zero");
        CHECK(f.arithmetic == "0 − 5 万元 < 0");
        CHECK(f.cells.size() == 2);
    }
    SECTION("an increase of nothing") {
        auto found = findings_of(check_changed(wanli, "公务接待费1.35万元。比2024年预算持平",
                                               "公务接待费1.35万元。比2024年预算增加0万元"),
                                 "narrative.change");
        REQUIRE(found.size() == 1);
        CHECK(found[0].message_en ==
              "the narrative calls a change of 0 万元 for 公务接待费 an increase: a change of "
              "nothing is 持平");
        CHECK(found[0].message_zh == "情况说明称公务接待费增加 0 万元：变动为零应表述为持平");
        CHECK(found[0].expected == "持平");
    }
    SECTION("a decrease to 0, and 持平 at 0, are what they say") {
        CHECK(findings_of(
                  check_changed(justice, "国有资本经营预算拨款支出预算0万元，与2025年预算持平",
                                "国有资本经营预算拨款支出预算0万元，比2025年预算减少5万元"),
                  "narrative.change")
                  .size() == 3);
    }
}
