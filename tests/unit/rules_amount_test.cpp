// amount.well-formed, shown firing on the bundled disclosures with one figure changed, and
// holding on them and on every corpus document as published.
#include <catch2/catch.hpp>

#include <filesystem>

#include "rules_support.hpp"

using namespace budgetcheck;
using namespace budgetcheck::test;

TEST_CASE("amount.well-formed: money is not negative, nor finer than its unit", "[rules]") {
    SECTION("a minus sign in a column of amounts") {
        const auto found = findings_of(
            check_changed_data("mohrss-information-center-2024.json",
                               R"(["221", "住房保障支出", "148.82", "148.82", "77.00")",
                               R"(["221", "住房保障支出", "148.82", "148.82", "-77.00")"),
            "amount.well-formed");
        REQUIRE(found.size() == 1);
        CHECK(found[0].severity == Severity::Warning);
        CHECK(found[0].message_en ==
              "221 住房保障支出 × 2024年预算数 / 年初预算数 / 小计: -77.00 is negative, but the "
              "column holds amounts, not changes");
        CHECK(found[0].cells[0].source.pointer == "/tables/4/rows/6/4");
    }
    SECTION("changes may be negative") {
        const LoadResult loaded =
            load_file(BUDGETCHECK_SOURCE_DIR "/data/mohrss-information-center-2024.json");
        REQUIRE(loaded.document);
        CHECK(findings_of(check_document(*loaded.document), "amount.well-formed").empty());
    }
    SECTION("three decimals in a 万元 table") {
        const auto found = findings_of(
            check_changed_data("jilin-hrss-information-center-2024.json",
                               R"(["信息化建设", "1995.00", "", "1995.00", "", "", ""])",
                               R"(["信息化建设", "1995.004", "", "1995.00", "", "", ""])"),
            "amount.well-formed");
        REQUIRE(found.size() == 1);
        CHECK(found[0].message_en ==
              "2080108 信息化建设 × 总计: 1995.004 has 3 decimals; a figure in 万元 is printed to "
              "at most 2");
        CHECK(found[0].message_zh ==
              "2080108 信息化建设「总计」：1995.004 有 3 位小数；以万元为单位的数字至多保留 2 位");
    }
    SECTION("every corpus document holds") {
        for (const auto& entry :
             std::filesystem::directory_iterator(BUDGETCHECK_SOURCE_DIR "/data/corpus")) {
            if (entry.path().extension() != ".json") {
                continue;
            }
            const LoadResult loaded = load_file(entry.path());
            REQUIRE(loaded.document);
            INFO(entry.path().filename().string());
            CHECK(findings_of(check_document(*loaded.document), "amount.well-formed").empty());
        }
    }
}

TEST_CASE("amount.well-formed: a share column lies between 0% and 100%", "[rules]") {
    const std::string table =
        R"json([{"title": "一般公共预算支出表", "columns": ["科目编码", "科目名称", "合计", "占比(%)"], "rows": [
            ["208", "社会保障和就业支出", "30.00", "75.00"],
            ["221", "住房保障支出", "10.00", "125.00"],
            ["合计", "", "40.00", "100.00"]]}])json";
    const auto found = findings_of(check_tables(table), "amount.well-formed");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Warning);
    CHECK(found[0].message_en ==
          "221 住房保障支出 × 占比(%): 125.00 is not a share: a line's share of its total lies "
          "between 0% and 100%");
    CHECK(found[0].cells.front().source.pointer == "/tables/0/rows/1/3");

    // 100% and 0% are shares; a share is no amount, so its column is not footed either.
    const std::string holds =
        R"json([{"title": "一般公共预算支出表", "columns": ["科目编码", "科目名称", "合计", "比重"], "rows": [
            ["208", "社会保障和就业支出", "40.00", "100.00"],
            ["221", "住房保障支出", "0.00", "0.00"],
            ["合计", "", "40.00", "100.00"]]}])json";
    const auto report = check_tables(holds);
    CHECK(findings_of(report, "amount.well-formed").empty());
    CHECK(findings_of(report, "footing.subject-children").empty());
}
