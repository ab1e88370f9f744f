// The complete set of errors and warnings budgetcheck reports on each corpus document, pinned.
// Every one is a real discrepancy of the published document, confirmed by the hand arithmetic in
// its comment (and, for most, found independently by the transcriber: see each file's
// source.notes); the notes are pinned by count. A document not listed here reports no error and
// no warning at all.
#include <catch2/catch.hpp>

#include <map>

#include "budgetcheck/load/load.hpp"
#include "budgetcheck/rules/engine.hpp"
#include "rules_support.hpp"

using namespace budgetcheck;

namespace {

struct Expected {
    std::string rule;
    Severity severity;
    std::string pointer;     // the first cell the finding names
    std::string arithmetic;  // "" when the finding has none
};

Document load_corpus(const std::string& name) {
    LoadResult loaded = load_file(std::string(BUDGETCHECK_SOURCE_DIR) + "/data/corpus/" + name);
    REQUIRE(loaded.document);
    REQUIRE(loaded.diagnostics.empty());
    return std::move(*loaded.document);
}

CheckReport check_corpus(const std::string& name) {
    return check_document(load_corpus(name));
}

void require_exactly(const std::string& name, const std::vector<Expected>& expected,
                     const std::map<std::string, int>& notes) {
    const CheckReport report = check_corpus(name);
    std::vector<Finding> findings;
    std::map<std::string, int> note_counts;
    for (const Finding& f : report.findings) {
        if (f.severity == Severity::Note) {
            ++note_counts[f.rule_id];
        } else {
            findings.push_back(f);
            UNSCOPED_INFO(f.rule_id << " " << f.cells.front().source.pointer << " " << f.arithmetic
                                    << " | " << f.message_en);
        }
    }
    INFO(name);
    REQUIRE(findings.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Finding& f = findings[i];
        INFO("finding " << i << ": " << f.message_en);
        CHECK(f.rule_id == expected[i].rule);
        CHECK(f.severity == expected[i].severity);
        CHECK(f.cells.front().source.pointer == expected[i].pointer);
        CHECK(f.arithmetic == expected[i].arithmetic);
    }
    CHECK(note_counts == notes);
}

}  // namespace

// clang-format off
TEST_CASE("corpus: documents whose figures all agree report no error and no warning", "[corpus]") {
    require_exactly("jiangsu-gaojirenminfayuan-2019-budget.json", {},
                    {{"narrative.unverifiable", 48}, {"rounding.explained", 1}});
    require_exactly("jiangsu-zhengxiebangongting-2019-budget.json", {}, {{"narrative.unverifiable", 45}});
    require_exactly("putuo-district-office-2025-dept-budget.json", {}, {{"narrative.unverifiable", 23}});
    require_exactly("putuo-district-office-2025-unit-budget.json", {}, {{"narrative.unverifiable", 20}});
}

TEST_CASE("corpus: 江苏省高级人民法院 2018, a rate and an empty table", "[corpus]") {
    require_exactly("jiangsu-gaojirenminfayuan-2018-budget.json", {
        // 五(一)2: 一般行政事务管理 6,049.97, down 392.92 from 6,442.89: 392.92 ÷ 6,442.89 = 6.098% = 6.10%, printed 5.95%.
        {"narrative.change", Severity::Error, "/narrative/4/text", "392.92 ÷ (6049.97 + 392.92) = 6.10% ≠ 5.95%"},
        // 十: the 政府性基金 table prints 合计 with a blank amount; no note, and the narrative only says 0 万元.
        {"completeness.empty-table-explained", Severity::Warning, "/tables/9", ""},
    }, {{"narrative.unverifiable", 53}});
}

TEST_CASE("corpus: 江苏省人民检察院 2018, rates and shares its own figures do not give", "[corpus]") {
    require_exactly("jiangsu-renminjianchayuan-2018-budget.json", {
        // 一: total up 3,958.67 to 21,955.35, so from 17,996.68: 3,958.67 ÷ 17,996.68 = 21.997% = 22.00%, printed 21.95%.
        {"narrative.change", Severity::Error, "/narrative/0/text", "3958.67 ÷ (21955.35 − 3958.67) = 22.00% ≠ 21.95%"},
        // 五(二): 社会保障和就业 1,836.22, down 184.96 from 2,021.18: 184.96 ÷ 2,021.18 = 9.151% = 9.2%, printed 9.1%.
        {"narrative.change", Severity::Error, "/narrative/0/text", "184.96 ÷ (1836.22 + 184.96) = 9.2% ≠ 9.1%"},
        // 二: 21,940.96 ÷ 21,955.35 = 99.934% = 99.93%, printed 99.94% …
        {"narrative.share", Severity::Error, "/narrative/1/text", "21940.96 ÷ 21955.35 = 99.93% ≠ 99.94%"},
        // … and 14.39 ÷ 21,955.35 = 0.0655% = 0.07%, printed 0.06% (the two printed shares were made to add up to 100%).
        {"narrative.share", Severity::Error, "/narrative/1/text", "14.39 ÷ 21955.35 = 0.07% ≠ 0.06%"},
        // 三: 基本支出 13,994.31 ÷ 21,955.35 = 63.740% = 63.74%, printed 63.75% …
        {"narrative.share", Severity::Error, "/narrative/2/text", "13994.31 ÷ 21955.35 = 63.74% ≠ 63.75%"},
        // … and 单位预留机动经费 2,388.04 ÷ 21,955.35 = 10.877% = 10.88%, printed 10.87%.
        {"narrative.share", Severity::Error, "/narrative/2/text", "2388.04 ÷ 21955.35 = 10.88% ≠ 10.87%"},
        // 五: 财政拨款 21,940.96 of 本年支出合计 21,955.35 = 99.93%, printed 99.94% again.
        {"narrative.share", Severity::Error, "/narrative/4/text", "21940.96 ÷ 21955.35 = 99.93% ≠ 99.94%"},
        // 五 1: 行政运行 up 2,915.22 to 10,883.36: 2,915.22 ÷ 7,968.14 = 36.586% = 36.59%, printed 36.58%.
        {"narrative.change", Severity::Error, "/narrative/4/text", "2915.22 ÷ (10883.36 − 2915.22) = 36.59% ≠ 36.58%"},
        // 五 2: 一般行政管理事务 up 21.8 to 3,666: 21.8 ÷ 3,644.2 = 0.598% = 0.60%, printed 0.06% (a slipped digit).
        {"narrative.change", Severity::Error, "/narrative/4/text", "21.8 ÷ (3666 − 21.8) = 0.60% ≠ 0.06%"},
        // 五 3: 检察监督 down 134 to 1,895: 134 ÷ 2,029 = 6.604% = 6.60%, printed 0.66%.
        {"narrative.change", Severity::Error, "/narrative/4/text", "134 ÷ (1895 + 134) = 6.60% ≠ 0.66%"},
    }, {{"narrative.unverifiable", 32}});
}

TEST_CASE("corpus: 江苏省人民检察院 2019, rates its own figures do not give", "[corpus]") {
    require_exactly("jiangsu-renminjianchayuan-2019-budget.json", {
        // 一: up 2,214.39 to 24,169.74: 2,214.39 ÷ 21,955.35 = 10.086% = 10.09%, printed 10.06%.
        {"narrative.change", Severity::Error, "/narrative/0/text", "2214.39 ÷ (24169.74 − 2214.39) = 10.09% ≠ 10.06%"},
        // 一(1): 一般公共预算 up 2,228.78: 2,228.78 ÷ 21,940.96 = 10.158% = 10.16%, printed 10.15%.
        {"narrative.change", Severity::Error, "/narrative/0/text", "2228.78 ÷ (24169.74 − 2228.78) = 10.16% ≠ 10.15%"},
        // 一: 项目支出 down 1,237.7 to 4,335.3: 1,237.7 ÷ 5,573 = 22.209% = 22.21%, printed 13.22% (基本支出's rate, copied).
        {"narrative.change", Severity::Error, "/narrative/0/text", "1237.7 ÷ (4335.3 + 1237.7) = 22.21% ≠ 13.22%"},
        // 三: 基本支出 15,844.04 ÷ 24,169.74 = 65.553% = 65.55%, printed 65.56%.
        {"narrative.share", Severity::Error, "/narrative/2/text", "15844.04 ÷ 24169.74 = 65.55% ≠ 65.56%"},
        // 四, 五, 七: the same 10.15% for 2,228.78 ÷ 21,940.96 = 10.16%.
        {"narrative.change", Severity::Error, "/narrative/3/text", "2228.78 ÷ (24169.74 − 2228.78) = 10.16% ≠ 10.15%"},
        {"narrative.change", Severity::Error, "/narrative/4/text", "2228.78 ÷ (24169.74 − 2228.78) = 10.16% ≠ 10.15%"},
        // 五 2: 一般行政管理事务 down 1,311.6 to 2,354.4: 1,311.6 ÷ 3,666 = 35.777% = 35.78%, printed 35.77%.
        {"narrative.change", Severity::Error, "/narrative/5/text", "1311.6 ÷ (2354.4 + 1311.6) = 35.78% ≠ 35.77%"},
        // 五(三) 1: 住房公积金 up 368.97 to 1,442.74: 368.97 ÷ 1,073.77 = 34.362% = 34.36%, printed 34.38%.
        {"narrative.change", Severity::Error, "/narrative/7/text", "368.97 ÷ (1442.74 − 368.97) = 34.36% ≠ 34.38%"},
        {"narrative.change", Severity::Error, "/narrative/9/text", "2228.78 ÷ (24169.74 − 2228.78) = 10.16% ≠ 10.15%"},
    }, {{"narrative.unverifiable", 37}, {"rounding.explained", 2}});
}

TEST_CASE("corpus: 中共江苏省委办公厅 2017, one rate", "[corpus]") {
    require_exactly("jiangsu-shengweibangongting-2017-budget.json", {
        // 五 1: 行政运行 6,106.99, up 101.48 from 6,005.51: 101.48 ÷ 6,005.51 = 1.690% = 1.69%, printed 1.66%.
        {"narrative.change", Severity::Error, "/narrative/5/text", "101.48 ÷ (6106.99 − 101.48) = 1.69% ≠ 1.66%"},
    }, {{"narrative.unverifiable", 29}});
}

TEST_CASE("corpus: 江苏省人大常委会办公厅 2019, the template's alternatives left in the text", "[corpus]") {
    // Its figures all agree; its text keeps the template's 增加（减少） and 增长（减少） wherever a
    // line is 0 (pages 7, 16 and 17 of the text PDF; raw/06 lines 154-162, 311-314, 326).
    require_exactly("jiangsu-renda-changweihui-2019-budget.json", {
        // 二(一): 政府性基金, 财政专户管理资金, 其他资金 and 上年结转 收入, each 与上年相比增加（减少）0万元，增长（减少）0%.
        {"text.template-residue", Severity::Error, "/narrative/1/text", ""},
        {"text.template-residue", Severity::Error, "/narrative/1/text", ""},
        {"text.template-residue", Severity::Error, "/narrative/1/text", ""},
        {"text.template-residue", Severity::Error, "/narrative/1/text", ""},
        {"text.template-residue", Severity::Error, "/narrative/1/text", ""},
        {"text.template-residue", Severity::Error, "/narrative/1/text", ""},
        {"text.template-residue", Severity::Error, "/narrative/1/text", ""},
        {"text.template-residue", Severity::Error, "/narrative/1/text", ""},
        // 十: 公务用车购置 and 公务用车运行维护费, each 比上年预算增加（减少）0万元.
        {"text.template-residue", Severity::Error, "/narrative/9/text", ""},
        {"text.template-residue", Severity::Error, "/narrative/9/text", ""},
        // 十一: 政府性基金支出 与上年相比增加（减少）0万元，增长（减少）0%.
        {"text.template-residue", Severity::Error, "/narrative/10/text", ""},
        {"text.template-residue", Severity::Error, "/narrative/10/text", ""},
    }, {{"narrative.unverifiable", 79}});
}

TEST_CASE("corpus: 上海市普陀区司法局 2026 部门预算, 编制说明 items against the tables", "[corpus]") {
    require_exactly("putuo-justice-bureau-2026-dept-budget.json", {
        // 6: 其他司法支出 3,845.49 against 2025 执行数 printed as 43,269.3: −91.11%, printed +17.62%
        // (which 3,269.3 would give: 3,845.49 ÷ 3,269.3 − 1 = 17.62%).
        {"narrative.change", Severity::Error, "/narrative/0/text", "(3845.49 − 43269.3) ÷ 43269.3 = -91.11% ≠ 17.62%"},
        // 9: 职业年金 91.97 against 77.99: 91.97 ÷ 77.99 − 1 = 17.93%, printed 17.66%.
        {"narrative.change", Severity::Error, "/narrative/0/text", "(91.97 − 77.99) ÷ 77.99 = 17.93% ≠ 17.66%"},
        // 12: "预算安排201.50万元" for 住房公积金, which 收入预算总表 prints as 2,087,959.00 元 = 208.7959 万元
        // (the item's heading says 208.8) …
        {"narrative.amount", Severity::Error, "/narrative/0/text", "201.50 万元 ≠ 208.7959 万元"},
        // … and its 5.27% fits 208.8, not 201.50: 201.50 ÷ 198.34 − 1 = 1.59%.
        {"narrative.change", Severity::Error, "/narrative/0/text", "(201.50 − 198.34) ÷ 198.34 = 1.59% ≠ 5.27%"},
    }, {{"narrative.unverifiable", 26}, {"rounding.explained", 1}});
}

TEST_CASE("corpus: 上海市普陀区司法局 2026 单位预算, tables and text", "[corpus]") {
    require_exactly("putuo-justice-bureau-2026-unit-budget.json", {
        // 编制说明: 财政拨款收入支出增加（减少）的主要原因是业务量增加 — the template's alternatives kept
        // (the money rose by 794.88 万元: 增加).
        {"text.template-residue", Severity::Error, "/narrative/0/text", ""},
        // 1: 行政运行 1,434.89 against 1,690.69: 1,434.89 ÷ 1,690.69 − 1 = −15.13%, printed −1.10%.
        {"narrative.change", Severity::Error, "/narrative/0/text", "(1434.89 − 1690.69) ÷ 1690.69 = -15.13% ≠ -1.10%"},
        // 7: "预算安排57.8万元" for 行政单位离退休, printed 561,240 元 = 56.124 万元 (its heading says 56.12) …
        {"narrative.amount", Severity::Error, "/narrative/0/text", "57.8 万元 ≠ 56.124 万元"},
        // … so against 57.43 its −2.27% cannot hold: 57.8 ÷ 57.43 − 1 = +0.64%.
        {"narrative.change", Severity::Error, "/narrative/0/text", "(57.8 − 57.43) ÷ 57.43 = 0.64% ≠ -2.27%"},
        // 13: "预算安排170.03万元" for 购房补贴, printed 2,070,000.00 元 = 207 万元 …
        {"narrative.amount", Severity::Error, "/narrative/0/text", "170.03 万元 ≠ 207.00 万元"},
        // … and "增加21.74%" from 241.76: 170.03 ÷ 241.76 − 1 = −29.67% (207 would be −14.38%: a decrease either way).
        {"narrative.change", Severity::Error, "/narrative/0/text", "(170.03 − 241.76) ÷ 241.76 = -29.67% ≠ 21.74%"},
        // 其他相关情况说明 一(二): 公务用车购置及运行费9.98万元，与2025年预算数持平，主要原因是。 — no reason written.
        {"text.template-residue", Severity::Error, "/narrative/1/text", ""},
        // 支出预算总表 20406 司法 × 项目支出 64,840,547.00, its 项 rows 64,840,547.00 (printed for 行政运行 too)
        // + 21,703,947 + 1,242,900 + 1,160,000 + 2,278,800 + 38,454,900 = 129,681,094.00.
        {"footing.subject-children", Severity::Error, "/tables/2/rows/1/6", "64840547.00 + 21703947.00 + 1242900.00 + 1160000.00 + 2278800.00 + 38454900.00 = 129681094.00 ≠ 64840547.00"},
        // 2040601 行政运行: 合计 14,348,853.34 = 基本 14,348,853.34 + 项目 64,840,547.00? No: 79,189,400.34.
        {"crossfoot.column-group", Severity::Error, "/tables/2/rows/2/4", "14348853.34 + 64840547.00 = 79189400.34 ≠ 14348853.34"},
        // The same two slips in 一般公共预算支出功能分类预算表, printed identically.
        {"footing.subject-children", Severity::Error, "/tables/4/rows/1/6", "64840547.00 + 21703947.00 + 1242900.00 + 1160000.00 + 2278800.00 + 38454900.00 = 129681094.00 ≠ 64840547.00"},
        {"crossfoot.column-group", Severity::Error, "/tables/4/rows/2/4", "14348853.34 + 64840547.00 = 79189400.34 ≠ 14348853.34"},
        // 基本支出表 合计 人员经费 20,272,981.00 and 公用经费 1,845,880.34, but 财务收支预算总表 支出总计 prints
        // 20,374,181 and 1,744,680 (all money is 一般公共预算 here, so they are the same money).
        {"crosstable.basic-table", Severity::Error, "/tables/7/rows/29/4", "20272981.00 ≠ 20374181.00"},
        {"crosstable.basic-table", Severity::Error, "/tables/7/rows/29/5", "1845880.34 ≠ 1744680.00"},
    }, {{"narrative.unverifiable", 18}, {"rounding.explained", 10}});
}

TEST_CASE("corpus: 万里街道 2024, an amount and the building's areas", "[corpus]") {
    require_exactly("putuo-wanli-street-2024-dept-budget.json", {
        // 31: "预算安排352.67万元" for 住房公积金, printed 3,503,499 元 = 350.3499 万元 (its heading says 350.35) …
        {"narrative.amount", Severity::Error, "/narrative/0/text", "352.67 万元 ≠ 350.3499 万元"},
        // … and its 0.53% fits 350.35: (350.35 − 348.52) ÷ 348.52 = 0.53%, not 352.67's 1.19%.
        {"narrative.change", Severity::Error, "/narrative/0/text", "(352.67 − 348.52) ÷ 348.52 = 1.19% ≠ 0.53%"},
        // 项目经费情况说明: 建筑面积 13,459 = 地上 8,013 + 地下 5,356 = 13,369? No: 8,103 + 5,356 = 13,459 …
        {"narrative.breakdown", Severity::Error, "/narrative/6/text", "8013 + 5356 = 13369 ≠ 13459"},
        // … and 地上 8,013 = 计容 7,998 + 不计容 105 = 8,103: 8,013 is 8,103 with two digits swapped.
        {"narrative.breakdown", Severity::Error, "/narrative/6/text", "7998 + 105 = 8103 ≠ 8013"},
        // 部门“三公”经费和机关运行经费预算表 prints 合计 47.91 … 机关运行经费 443.18, and the note under it
        // says 本部门2024年无“三公”经费和机关运行经费预算，故本表为空表 (page 31; the transcriber's notes
        // record it too).
        {"completeness.empty-table-note", Severity::Error, "/tables/8/notes/0", ""},
    }, {{"narrative.unverifiable", 47}});
}

TEST_CASE("corpus: 万里街道 2025 as published, the building's areas again", "[corpus]") {
    require_exactly("putuo-wanli-street-2025-dept-budget.json", {
        {"narrative.breakdown", Severity::Error, "/narrative/2/text", "8013 + 5356 = 13369 ≠ 13459"},
        {"narrative.breakdown", Severity::Error, "/narrative/2/text", "7998 + 105 = 8103 ≠ 8013"},
    }, {{"narrative.unverifiable", 35}, {"rounding.explained", 10}});
}

TEST_CASE("corpus: 万里街道 2025 drafts, what the published version corrected", "[corpus]") {
    for (const char* draft : {"putuo-wanli-street-2025-dept-budget-draft-a.json",
                              "putuo-wanli-street-2025-dept-budget-draft-b.json"}) {
        require_exactly(draft, {
            // 财政拨款支出预算 18,976.76 = 一般公共预算 0.00 + 政府性基金 0.00 + 国有资本经营 0.00? No …
            {"narrative.breakdown", Severity::Error, "/narrative/0/text", "0.00 + 0.00 + 0.00 = 0.00 ≠ 18976.76"},
            // … the tables print 189,767,551 元 of 一般公共预算 money, not 0.00.
            {"narrative.amount", Severity::Error, "/narrative/0/text", "0.00 万元 ≠ 18976.7551 万元"},
            // 编制说明 items 1-33 still carry the 2024 edition's year: "2023年当年预算执行数为…" in a 2025
            // budget, where the year before is 2024 (the published version drops these sentences);
            // eight times, the last in 24 (行政运行) …
            {"text.year", Severity::Warning, "/narrative/0/text", ""},
            {"text.year", Severity::Warning, "/narrative/0/text", ""},
            {"text.year", Severity::Warning, "/narrative/0/text", ""},
            {"text.year", Severity::Warning, "/narrative/0/text", ""},
            {"text.year", Severity::Warning, "/narrative/0/text", ""},
            {"text.year", Severity::Warning, "/narrative/0/text", ""},
            {"text.year", Severity::Warning, "/narrative/0/text", ""},
            {"text.year", Severity::Warning, "/narrative/0/text", ""},
            // … which reads 2023年当年预算执行数为。 with no figure; 31 (住房公积金) the same …
            {"text.template-residue", Severity::Error, "/narrative/0/text", ""},
            {"text.year", Severity::Warning, "/narrative/0/text", ""},
            {"text.template-residue", Severity::Error, "/narrative/0/text", ""},
            // … and 32 (购房补贴) 2023年当年预算执行数为318.14.
            {"text.year", Severity::Warning, "/narrative/0/text", ""},
            // 其他相关情况说明 一: the reasons for 三公 are "qq" once and "11" four times.
            {"text.template-residue", Severity::Error, "/narrative/1/text", ""},
            {"text.template-residue", Severity::Error, "/narrative/1/text", ""},
            {"text.template-residue", Severity::Error, "/narrative/1/text", ""},
            {"text.template-residue", Severity::Error, "/narrative/1/text", ""},
            {"text.template-residue", Severity::Error, "/narrative/1/text", ""},
            // 共有车辆1辆, then eight kinds of 1辆 each; and again for 购置车辆.
            {"narrative.breakdown", Severity::Error, "/narrative/1/text", "1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 = 8 ≠ 1"},
            {"narrative.breakdown", Severity::Error, "/narrative/1/text", "1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 = 8 ≠ 1"},
            // 财政拨款收支预算总表 opens with a row of 189,767,551.46 and no label.
            {"completeness.unlabelled-row", Severity::Warning, "/tables/3/rows/0/1", ""},
        }, {{"narrative.unverifiable", 75}, {"rounding.explained", 10}});
    }
}
// clang-format on

// clang-format off
TEST_CASE("corpus: 上海市普陀区财政局 2024 部门决算, a total the text misquotes", "[corpus][final]") {
    require_exactly("putuo-finance-bureau-2024-dept-final.json", {
        // 四: "财政拨款收入支出总计0.3万元", but 财政拨款收入支出决算总表 prints 总计 2,961.68.
        {"narrative.amount", Severity::Error, "/narrative/3/text", "0.3 万元 ≠ 2961.68 万元"},
    }, {{"narrative.unverifiable", 41}, {"rounding.explained", 13}});
}

TEST_CASE("corpus: 上海市普陀区规划和自然资源局 2024 部门决算, figures of all funds quoted as 一般公共预算",
          "[corpus][final]") {
    require_exactly("putuo-planning-bureau-2024-dept-final.json", {
        // 五(一): 9,746.50 ÷ 9,759.38 = 99.868% = 99.87%, printed 99.86% (cut, not rounded).
        {"narrative.share", Severity::Error, "/narrative/4/text", "9746.50 ÷ 9759.38 = 99.87% ≠ 99.86%"},
        // 五(三): 9,746.50 ÷ 10,210.34 = 95.457% = 95.46%, printed 95.45% (cut, not rounded).
        {"narrative.share", Severity::Error, "/narrative/5/text", "9746.50 ÷ 10210.34 = 95.46% ≠ 95.45%"},
        // 六: 一般公共预算财政拨款基本支出 quoted as 5,377.64, which is 支出决算表's 基本支出 of all funds;
        // the 一般公共预算 tables print 5,364.75.
        {"narrative.amount", Severity::Error, "/narrative/6/text", "5377.64 万元 ≠ 5364.75 万元"},
        // 六: 人员经费 4,896.98 = 5,377.64 − 公用经费 480.66, again all funds; the 基本支出 table prints 4,884.09.
        {"narrative.amount", Severity::Error, "/narrative/6/text", "4896.98 万元 ≠ 4884.09 万元"},
        // 七: "下降（增长）27.78%", the template's two words left side by side.
        {"text.template-residue", Severity::Error, "/narrative/7/text", ""},
        // 七, 八, 九: 上海市普陀区规划与自然资源局 beside the cover's 规划和自然资源局.
        {"narrative.unit-name", Severity::Warning, "/narrative/8/text", ""},
    }, {{"narrative.unverifiable", 56}, {"rounding.explained", 13}});
}
// clang-format on

namespace {

// With last year's disclosure of the same unit beside it, as `verify data/corpus` pairs them (or
// --prior names it), each document of a pair reports exactly the errors and warnings it reports
// alone, pinned above: every change and figure of last year its text quotes agrees with what
// last year's tables print, and no table of the corpus prints a column of last year's figures.
// What changes is the notes: the figures that waited for last year are settled (fewer
// narrative.unverifiable), a figure of last year quoted more coarsely than last year printed it
// is a rounding note (上年:24.31万元 for 243,120 元), and the 检察院's recoded 检察监督 is a note.
void require_with_last_year(const std::string& name, const std::string& last_year_name,
                            std::size_t verified,
                            const std::map<std::string, int>& notes) {
    INFO(name << " with " << last_year_name);
    const Document document = load_corpus(name);
    const Document last_year = load_corpus(last_year_name);
    const CheckReport alone = check_document(document);
    const CheckReport paired = check_document(document, {}, &last_year);
    auto pinned = [](const CheckReport& report) {
        std::vector<std::string> out;
        for (const Finding& f : report.findings) {
            if (f.severity != Severity::Note) {
                out.push_back(f.rule_id + " " + f.cells.front().source.pointer + " " +
                              f.arithmetic + " | " + f.message_en);
            }
        }
        return out;
    };
    CHECK(pinned(paired) == pinned(alone));
    std::map<std::string, int> note_counts;
    for (const Finding& f : paired.findings) {
        note_counts[f.rule_id] += f.severity == Severity::Note ? 1 : 0;
    }
    std::erase_if(note_counts, [](const auto& entry) { return entry.second == 0; });
    CHECK(note_counts == notes);
    CHECK(test::verified_against_last_year(paired) == verified);
}

}  // namespace

TEST_CASE("corpus: the pairs of consecutive years, checked with last year's disclosure",
          "[corpus][prior-year]") {
    // Checked by hand among the 23: 24,169.74 − 21,955.35 = 2,214.39 (收、支总计, 2018's with
    // its 14.39 of 其他资金) and 80 − 100 = −20 (因公出国).
    require_with_last_year("jiangsu-renminjianchayuan-2019-budget.json",
                           "jiangsu-renminjianchayuan-2018-budget.json", 23,
                           {{"narrative.unverifiable", 14},
                            {"rounding.explained", 2},
                            {"yoy.subject-recoded", 1}});
    // Checked by hand among the 28: 37,188.34 − 33,172.15 = 4,016.19 (收、支总计), and in the
    // “三公” table 160 − 170 = −10 (因公出国), 86.95 − 183.95 = −97 (公务接待), 271.02 − 271.26 =
    // −0.24 (会议费), 1,597.25 − 1,666.25 = −69 (培训费), 266.80 both years (车辆运行, 一致).
    require_with_last_year("jiangsu-gaojirenminfayuan-2019-budget.json",
                           "jiangsu-gaojirenminfayuan-2018-budget.json", 28,
                           {{"narrative.unverifiable", 20}, {"rounding.explained", 1}});
    require_with_last_year("putuo-wanli-street-2025-dept-budget.json",
                           "putuo-wanli-street-2024-dept-budget.json", 11,
                           {{"narrative.unverifiable", 24}, {"rounding.explained", 10}});
    for (const char* draft : {"putuo-wanli-street-2025-dept-budget-draft-a.json",
                              "putuo-wanli-street-2025-dept-budget-draft-b.json"}) {
        require_with_last_year(draft, "putuo-wanli-street-2024-dept-budget.json", 44,
                               {{"narrative.unverifiable", 31}, {"rounding.explained", 22}});
    }
}
