// The complete set of findings on each seed disclosure, pinned. Each expected finding carries the
// hand arithmetic that proves it; both transcriptions were re-checked cell by cell against the
// published documents, so none of these comes from a transcription slip. The notes about claims
// no table can confirm are pinned claim by claim in claims_seed_test.cpp.
#include <catch2/catch.hpp>

#include <algorithm>

#include "budgetcheck/load/load.hpp"
#include "budgetcheck/rules/engine.hpp"

using namespace budgetcheck;

namespace {

struct Expected {
    std::string rule;
    Severity severity;
    std::string pointer;     // the first cell the finding names
    std::string arithmetic;  // "" when the finding has none
    std::string because;     // words the message must contain
};

CheckReport check_seed(const char* name) {
    const LoadResult loaded = load_file(std::string(BUDGETCHECK_SOURCE_DIR) + name);
    REQUIRE(loaded.document);
    REQUIRE(loaded.diagnostics.empty());
    return check_document(*loaded.document);
}

void require_exactly(const CheckReport& all, const std::vector<Expected>& expected) {
    std::vector<Finding> findings;
    std::copy_if(all.findings.begin(), all.findings.end(), std::back_inserter(findings),
                 [](const Finding& f) { return f.rule_id != "narrative.unverifiable"; });
    for (const Finding& f : findings) {
        UNSCOPED_INFO(f.rule_id << " " << f.cells.front().source.pointer << " " << f.arithmetic
                                << " | " << f.message_en);
    }
    REQUIRE(findings.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Finding& f = findings[i];
        INFO("finding " << i << ": " << f.message_en);
        CHECK(f.rule_id == expected[i].rule);
        CHECK(f.severity == expected[i].severity);
        CHECK(f.cells.front().source.pointer == expected[i].pointer);
        CHECK(f.arithmetic == expected[i].arithmetic);
        CHECK_THAT(f.message_en, Catch::Contains(expected[i].because));
    }
}

}  // namespace

// clang-format off
TEST_CASE("吉林 seed: the complete set of findings", "[rules][seed]") {
    const CheckReport report = check_seed("/data/jilin-hrss-information-center-2024.json");
    require_exactly(report, {
        // 单位概况 二、机构设置 names the unit 吉林省人力资源和社会保障信息管理中心 (with 管理); the
        // title and every table name it 吉林省人力资源和社会保障信息中心.
        {"narrative.unit-name", Severity::Warning, "/profile/1/text", "", "吉林省人力资源和社会保障信息管理中心"},
        // 情况说明 三 and 五 repeat the tables' own rounding: 基本支出 517.03 + 项目支出 3877.19 =
        // 4394.22 against 4394.21, within the ±0.015 three rounded figures allow.
        {"rounding.explained", Severity::Note, "/narrative/2/text", "517.03 + 3877.19 = 4394.22 ≠ 4394.21", "narrative.breakdown"},
        {"rounding.explained", Severity::Note, "/narrative/4/text", "517.03 + 3877.19 = 4394.22 ≠ 4394.21", "narrative.breakdown"},
        // 十(一) 机关运行经费: 财政拨款预算0万元，比2023年预算增加（减少）0万元 — the template's
        // alternatives kept where a 0 change is 持平.
        {"text.template-residue", Severity::Error, "/narrative/9/text", "", "“增加（减少）”"},
        // 支出预算总表 合计 row: 基本 517.03 + 项目 3877.19 = 4394.22, but 总计 prints 4394.21.
        // Three figures rounded to 0.01 can be off by up to 0.005 each: 0.01 ≤ 0.015.
        {"rounding.explained", Severity::Note, "/tables/2/rows/16/1", "517.03 + 3877.19 = 4394.22 ≠ 4394.21", "crossfoot.column-group"},
        // 支出预算总表 基本支出 column: 437.69 (社会保障和就业) + 31.60 (卫生健康) + 47.73 (住房保障)
        // = 517.02, but 合计 prints 517.03; four figures: 0.01 ≤ 0.02.
        {"rounding.explained", Severity::Note, "/tables/2/rows/16/2", "437.69 + 31.60 + 47.73 = 517.02 ≠ 517.03", "footing.total-row"},
        // 一般公共预算支出预算表, the same two: 517.03 + 3877.19 = 4394.22 ≠ 4394.21 …
        {"rounding.explained", Severity::Note, "/tables/4/rows/16/1", "517.03 + 3877.19 = 4394.22 ≠ 4394.21", "crossfoot.column-group"},
        // … and 437.69 + 31.60 + 47.73 = 517.02 ≠ 517.03 …
        {"rounding.explained", Severity::Note, "/tables/4/rows/16/2", "437.69 + 31.60 + 47.73 = 517.02 ≠ 517.03", "footing.total-row"},
        // … and 人员经费: 379.55 + 31.60 + 47.73 = 458.88, but 合计 prints 458.89.
        {"rounding.explained", Severity::Note, "/tables/4/rows/16/3", "379.55 + 31.60 + 47.73 = 458.88 ≠ 458.89", "footing.total-row"},
        // 一般公共预算基本支出预算表 一、工资福利支出: its ten items add up to 445.40, but 445.41 is
        // printed, in 合计 and in 人员经费; eleven figures: 0.01 ≤ 0.055.
        {"rounding.explained", Severity::Note, "/tables/5/rows/0/1",
         "167.05 + 68.39 + 76.34 + 41.20 + 15.37 + 10.97 + 10.38 + 47.73 + 3.20 + 4.77 = 445.40 ≠ 445.41", "footing.subject-children"},
        {"rounding.explained", Severity::Note, "/tables/5/rows/0/2",
         "167.05 + 68.39 + 76.34 + 41.20 + 15.37 + 10.97 + 10.38 + 47.73 + 3.20 + 4.77 = 445.40 ≠ 445.41", "footing.subject-children"},
    });
    CHECK(report.count(Severity::Error) == 1);
    // Every identity is checked; only the text's figures of 2023 wait for the 2023 disclosure.
    REQUIRE(report.skipped.size() == 1);
    CHECK(report.skipped.front().rule_id == "narrative.prior-year");
    CHECK(report.skipped.front().reason ==
          "8 figures of last year's budget quoted in the text: no 单位预算 "
          "吉林省人力资源和社会保障信息中心 of 2023 was checked with this one");
}

TEST_CASE("人社部 seed: the complete set of findings", "[rules][seed]") {
    const CheckReport report = check_seed("/data/mohrss-information-center-2024.json");
    require_exactly(report, {
        // 情况说明 二: 使用非财政拨款结余 414.00 ÷ 收入预算 9,076.74 = 4.5611…% = 4.56%, printed 4.57%;
        // the five shares print 2.11 + 39.05 + 29.11 + 25.16 + 4.57 = 100.00, so it was bent.
        {"narrative.share", Severity::Error, "/narrative/1/text", "414.00 ÷ 9076.74 = 4.56% ≠ 4.57%", "4.57% is printed"},
        // 一般公共预算基本支出表 prints 30209 奖励金 under 303 对个人和家庭的补助: a 5-digit code's
        // parent is its first three digits, 302 商品和服务支出, not 303.
        {"classification.parent-code", Severity::Error, "/tables/5/rows/12", "", "its code belongs under 302"},
        // In the catalog 30209 is 物业管理费 and 奖励金 is 30309 (under 303, where the row sits).
        {"classification.catalog-name", Severity::Error, "/tables/5/rows/12", "", "奖励金 is code 30309"},
        // 项目绩效目标表 金保工程建设及运行维护项目: 成本, 产出 and 效益 indicators, no 满意度.
        {"performance.indicator-categories", Severity::Warning, "/tables/9/projects/0", "", "has no 满意度指标"},
        // Values printed with no comparison: "12次" (视频会议巡检次数) and "20个" (等保测评系统个数).
        {"performance.indicator-format", Severity::Note, "/tables/9/projects/0/indicators/1/value", "", "12次 has no comparison"},
        {"performance.indicator-format", Severity::Note, "/tables/9/projects/0/indicators/3/value", "", "20个 has no comparison"},
    });
    const auto shares = std::find_if(report.findings.begin(), report.findings.end(),
                                     [](const Finding& f) { return f.rule_id == "narrative.share"; });
    REQUIRE(shares != report.findings.end());
    CHECK(shares->hints == std::vector<std::string>{
        "the shares of 人力资源和社会保障部信息中心收入预算 print 2.11 + 39.05 + 29.11 + 25.16 + 4.57 = 100%; the figures give "
        "4.56% for this one, so 4.57% looks bent to make the shares add up to 100%"});
    std::vector<std::string> reasons;
    for (const SkippedCheck& s : report.skipped) {
        reasons.push_back(s.rule_id + ": " + s.reason);
    }
    // 一般公共预算支出表 prints this year's appropriation and 财政拨款收支总表 the whole budget
    // with carry-over: they print different facts, so nothing is compared and nothing skipped.
    CHECK(reasons == std::vector<std::string>{
        "crosstable.project-table: no 项目支出表 printed",
        "crosstable.performance-funds: no 项目支出表 printed"});
}
// clang-format on
