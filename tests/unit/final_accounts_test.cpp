// Final accounts (决算): how their tables and sentences are read, and the rules that only they
// need. The two 2024 部门决算 of the corpus are the fixtures; small documents show one thing each.
#include <catch2/catch.hpp>

#include "budgetcheck/narrative/claims.hpp"
#include "rules_support.hpp"

using namespace budgetcheck;
using test::check_changed_data;
using test::check_data;
using test::findings_of;

namespace {

const std::string finance = "corpus/putuo-finance-bureau-2024-dept-final.json";
const std::string planning = "corpus/putuo-planning-bureau-2024-dept-final.json";

std::string final_accounts_with(const std::string& tables, const std::string& narrative = "[]") {
    return R"({"budgetcheck": 1,
 "document": {"title": "测试局2024年度部门决算", "unit": "测试局", "year": 2024,
              "kind": "department_final", "money_unit": "万元"},
 "tables": )" +
           tables + R"(, "narrative": )" + narrative + "}";
}

CheckReport check_final(const std::string& tables, const std::string& narrative = "[]") {
    const LoadResult loaded = load_document(final_accounts_with(tables, narrative), "test.json");
    for (const LoadDiagnostic& d : loaded.diagnostics) {
        UNSCOPED_INFO("load: " << d.code << " " << d.where.pointer << " " << d.message);
    }
    REQUIRE(loaded.document);
    REQUIRE(loaded.diagnostics.empty());
    return check_document(*loaded.document);
}

// `text` with its one `placeholder` replaced by `value`: one document in several variants.
std::string with_value(std::string text, const std::string& placeholder, const std::string& value) {
    text.replace(text.find(placeholder), placeholder.size(), value);
    return text;
}

const std::string fund_table_head =
    R"([{"title": "政府性基金预算财政拨款收入支出决算表", "columns": ["科目名称", "年初结转和结余", "本年收入", ["本年支出", "小计"], ["本年支出", "基本支出"], ["本年支出", "项目支出"], "年末结转和结余"], "rows": [)";

}  // namespace

TEST_CASE("决算: 决算数 is the year's figure and 预算数 the budget it is measured against",
          "[final]") {
    const LoadResult loaded = load_document(
        final_accounts_with(
            R"([{"title": "财政拨款“三公”经费支出决算表", "columns": [["合计", "预算数"], ["合计", "决算数"], ["公务接待费", "预算数"], ["公务接待费", "决算数"]], "rows": [["2.00", "1.00", "2.00", "1.00"]]},
                {"title": "一般公共预算财政拨款支出决算表", "columns": ["科目名称", "年初预算数", "调整预算数", "全年预算数", "决算数", "上年决算数"], "rows": [["合计", "1", "1", "2", "2", "2"]]}])"),
        "test.json");
    REQUIRE(loaded.document);
    REQUIRE(loaded.diagnostics.empty());
    const auto& three = loaded.document->tables[0].sides[0].columns;
    CHECK(three[0].meaning.period == Period::OriginalBudget);
    CHECK(three[1].meaning.period == Period::BudgetYear);
    const auto& by_subject = loaded.document->tables[1].sides[0].columns;
    CHECK(by_subject[1].meaning.period == Period::OriginalBudget);
    CHECK(by_subject[2].meaning.period == Period::AdjustedBudget);
    CHECK(by_subject[3].meaning.period == Period::FullYearBudget);
    CHECK(by_subject[4].meaning.period == Period::BudgetYear);
    CHECK(by_subject[5].meaning.period == Period::PriorYearExecution);
}

TEST_CASE("决算: a 收支总表's balances and bare 总计 are read as lines", "[final]") {
    const LoadResult loaded = load_file(std::string(BUDGETCHECK_SOURCE_DIR) + "/data/" + finance);
    REQUIRE(loaded.document);
    REQUIRE(loaded.diagnostics.empty());
    const Table& summary = loaded.document->tables[0];
    const auto line = [](const TableSide& side, std::string_view label) {
        for (const Row& row : side.rows) {
            if (row.label == label) {
                return row.line_item;
            }
        }
        return LineItem::None;
    };
    CHECK(line(summary.sides[0], "年初结转和结余") == LineItem::CarryOver);
    CHECK(line(summary.sides[0], "总计") == LineItem::IncomeGrandTotal);
    CHECK(line(summary.sides[1], "结余分配") == LineItem::BalanceDistribution);
    CHECK(line(summary.sides[1], "年末结转和结余") == LineItem::CarryForward);
    CHECK(line(summary.sides[1], "总计") == LineItem::ExpenditureGrandTotal);
    // 二十一、国有资本经营预算支出 among the 类 of the spending side is 类 223, not a fund line.
    const Table& fiscal = loaded.document->tables[3];
    bool found_223 = false;
    for (const Row& row : fiscal.sides[1].rows) {
        found_223 = found_223 || (row.subject && row.subject->code == "223");
    }
    CHECK(found_223);
    // 年初财政拨款结转和结余, then 一、一般公共预算财政拨款 again: that balance's share of the fund.
    const auto& income = fiscal.sides[0].rows;
    for (std::size_t r = 0; r < income.size(); ++r) {
        if (income[r].label == "年初财政拨款结转和结余") {
            REQUIRE(r + 1 < income.size());
            CHECK(income[r].line_item == LineItem::FiscalCarryOver);
            CHECK(income[r + 1].parent == static_cast<int>(r));
            CHECK(income[r + 1].meaning.stage == Stage::CarryOver);
            CHECK(income[r + 1].meaning.source == FundSource::GeneralPublic);
        }
    }
}

TEST_CASE("crossfoot.roll-forward: 年初 + 本年收入 − 本年支出 = 年末", "[final][rules]") {
    SECTION("holds") {
        const auto report =
            check_final(fund_table_head + R"(["合计", "10.00", "50.00", "45.00", "5.00", "40.00", "15.00"]]}])");
        CHECK(findings_of(report, "crossfoot.roll-forward").empty());
    }
    SECTION("fires on the balance that does not roll forward") {
        const auto report =
            check_final(fund_table_head + R"(["合计", "10.00", "50.00", "45.00", "5.00", "40.00", "20.00"]]}])");
        const auto found = findings_of(report, "crossfoot.roll-forward");
        REQUIRE(found.size() == 1);
        CHECK(found[0].cells[0].column == "年末结转和结余");
        CHECK(found[0].arithmetic == "10.00 + 50.00 − 45.00 = 15.00 ≠ 20.00");
        CHECK(found[0].message_en ==
              "合计 × 年末结转和结余: the balance at the start, plus income, less spending, is "
              "15.00, but 20.00 is printed (difference 5.00 万元)");
    }
    SECTION("结余分配 is taken out where printed") {
        const auto report = check_final(
            R"([{"title": "收入支出决算表", "columns": ["项目", "年初结转和结余", "本年收入", "本年支出", "结余分配", "年末结转和结余"], "rows": [["合计", "10.00", "50.00", "45.00", "3.00", "12.00"]]}])");
        CHECK(findings_of(report, "crossfoot.roll-forward").empty());
    }
}

TEST_CASE("outturn.three-public-over-budget: an item spent beyond its budget is named",
          "[final][rules]") {
    const std::string head =
        R"([{"title": "财政拨款“三公”经费支出决算表", "columns": [["合计", "预算数"], ["合计", "决算数"], ["因公出国（境）费", "预算数"], ["因公出国（境）费", "决算数"], ["公务接待费", "预算数"], ["公务接待费", "决算数"]], "rows": [)";
    SECTION("within budget") {
        const auto report = check_final(head + R"(["2.00", "1.50", "1.00", "0.50", "1.00", "1.00"]]}])");
        CHECK(findings_of(report, "outturn.three-public-over-budget").empty());
        CHECK(findings_of(report, "crossfoot.column-group").empty());
    }
    SECTION("公务接待费 above its budget") {
        const auto report = check_final(head + R"(["2.00", "1.70", "1.00", "0.50", "1.00", "1.20"]]}])");
        const auto found = findings_of(report, "outturn.three-public-over-budget");
        REQUIRE(found.size() == 1);
        CHECK(found[0].severity == Severity::Warning);
        CHECK(found[0].arithmetic == "1.20 > 1.00");
        CHECK(found[0].message_en ==
              "(unit row) × 公务接待费 / 决算数: 公务接待费 was spent beyond its budget: the "
              "budget is ≤ 1.00, but 1.20 is printed (0.20 too much)");
    }
    SECTION("the corpus spends within every budget") {
        CHECK(findings_of(check_data(finance), "outturn.three-public-over-budget").empty());
        CHECK(findings_of(check_data(planning), "outturn.three-public-over-budget").empty());
    }
}

TEST_CASE("决算 narrative: 年初预算 and 决算 in one sentence, the rate of completion and the "
          "direction",
          "[final][narrative]") {
    SECTION("claims are read as budget, outturn, rate and direction") {
        TextSection section;
        section.heading = "五、一般公共预算财政拨款支出决算情况说明";
        section.text =
            "1、一般公共服务支出（类）财政事务（款）行政运行（项）。年初预算为1560.05万元，"
            "支出决算为1511.89万元，完成年初预算的96.91%。决算数小于预算数的主要原因：人员变化。";
        const auto claims = extract_claims(section, "narrative", 2024, true);
        REQUIRE(claims.size() == 4);
        CHECK(claims[0].period == Period::OriginalBudget);
        CHECK(claims[1].period == Period::BudgetYear);
        CHECK(claims[2].kind == ClaimKind::Share);
        CHECK(claims[2].completion);
        CHECK(claims[2].part == 1);
        CHECK(claims[2].whole == 0);
        CHECK(claims[3].kind == ClaimKind::Change);
        CHECK(claims[3].words_only);
        CHECK(claims[3].direction == -1);
        CHECK(claims[3].of_claim == 1);
        CHECK(claims[3].prior_claim == 0);
    }
    SECTION("the corpus's rates and directions hold") {
        const CheckReport report = check_data(finance);
        CHECK(findings_of(report, "narrative.change").empty());
        CHECK(findings_of(report, "narrative.share").empty());
        CHECK(findings_of(check_data(planning), "narrative.change").empty());
    }
    SECTION("a direction its own figures contradict") {
        const auto report = check_changed_data(
            finance, "年初预算为 1560.05 万元，支出决算为1511.89万元。 决算数小于预算数",
            "年初预算为 1560.05 万元，支出决算为1511.89万元。 决算数大于预算数");
        const auto found = findings_of(report, "narrative.change");
        REQUIRE(found.size() == 1);
        CHECK(found[0].arithmetic == "1511.89 − 1560.05 = -48.16");
        CHECK(found[0].message_en ==
              "the narrative says the outturn is above the budget (大于), but it quotes 1511.89 "
              "万元 against a budget of 1560.05 万元");
    }
    SECTION("a rate of completion its figures do not give") {
        const auto report = check_changed_data(planning, "完成年初预算的98.61%",
                                               "完成年初预算的98.16%");
        const auto found = findings_of(report, "narrative.share");
        REQUIRE(found.size() == 3);  // the two truncated rates of the document, and this one
        CHECK(found[2].arithmetic == "446.11 ÷ 452.40 = 98.61% ≠ 98.16%");
    }
}

TEST_CASE("completeness.required-tables: a 决算 names the missing table by its 决算 title",
          "[final][rules]") {
    const auto report = check_final(
        R"([{"title": "收入支出决算总表", "columns": [["收入", "项目"], ["收入", "决算数"], ["支出", "项目"], ["支出", "决算数"]], "rows": [["一、一般公共预算财政拨款收入", "1.00", "一、一般公共服务支出", "1.00"], ["总计", "1.00", "总计", "1.00"]]}])");
    const auto found = findings_of(report, "completeness.required-tables");
    REQUIRE(found.size() == 8);
    CHECK(found[0].message_en ==
          "a department_final must publish a 收入决算表 (income_summary); none is printed");
    CHECK(found[0].message_zh == "部门决算应公开收入决算表，文件中未列示");
}

TEST_CASE("narrative.change-reason: a change with no reason in its section is reported",
          "[final][narrative][rules]") {
    const std::string head = R"([{"section": "一、收入支出决算总体情况说明", "text": "本部门2024年度收入支出总计100.00万元。与2023年度相比，收入支出总计减少10.00万元，下降9.09%。)";
    SECTION("fires once for the statement, naming it") {
        const auto report = check_final("[]", head + R"("}])");
        const auto found = findings_of(report, "narrative.change-reason");
        REQUIRE(found.size() == 1);
        CHECK(found[0].severity == Severity::Warning);
        CHECK(found[0].message_en ==
              "本部门收入支出总计 fell against last year (10.00 万元), and its section gives no "
              "reason after it (主要原因…, 主要用于…)");
        CHECK(found[0].message_zh == "本部门收入支出总计比上年减少（10.00 万元），其后未说明原因");
    }
    SECTION("holds when the section gives the reason, later if need be") {
        const auto report =
            check_final("[]", head + R"(\n收入支出减少的主要原因是项目调整。"}])");
        CHECK(findings_of(report, "narrative.change-reason").empty());
    }
    SECTION("决算数小于预算数 needs its reason too; 持平 does not") {
        const auto report = check_final(
            "[]",
            R"([{"section": "五、一般公共预算财政拨款支出决算情况说明", "text": "1、行政运行（项）。年初预算为10.00万元，支出决算为8.00万元。决算数小于预算数。\n2、机关服务（项）。年初预算为5.00万元，支出决算为5.00万元。决算数与预算数持平。"}])");
        const auto found = findings_of(report, "narrative.change-reason");
        REQUIRE(found.size() == 1);
        CHECK(found[0].message_en.find("fell against the budget (小于)") != std::string::npos);
    }
    SECTION("the corpus explains every change it states") {
        CHECK(findings_of(check_data(finance), "narrative.change-reason").empty());
        CHECK(findings_of(check_data(planning), "narrative.change-reason").empty());
    }
}

TEST_CASE("completeness.contents: a table the 目录 lists must be printed", "[final][rules]") {
    SECTION("holds on the corpus, whose 目录 list the nine tables they print") {
        CHECK(findings_of(check_data(finance), "completeness.contents").empty());
        CHECK(findings_of(check_data(planning), "completeness.contents").empty());
    }
    SECTION("fires on a listed table that is not printed") {
        const auto report = check_changed_data(
            finance, "\"九、国有资本经营预算财政拨款收入支出决算表\"",
            "\"九、国有资本经营预算财政拨款收入支出决算表\", \"十、政府采购支出决算表\"");
        const auto found = findings_of(report, "completeness.contents");
        REQUIRE(found.size() == 1);
        CHECK(found[0].severity == Severity::Warning);
        CHECK(found[0].message_en == "the table of contents lists 十、政府采购支出决算表 "
                                     "(government_procurement), but no such table is printed");
        CHECK(found[0].message_zh == "目录列有“十、政府采购支出决算表”，但文件中未列示该表");
    }
}

TEST_CASE("决算 narrative: a change against the year's budget is checked against the budget "
          "quoted",
          "[final][narrative]") {
    const std::string text =
        R"([{"section": "五、一般公共预算财政拨款支出决算情况说明", "text": "1、行政运行（项）。年初预算为100.00万元，支出决算为90.00万元，比年初预算减少CHANGE万元，下降10.00%，主要原因是人员减少。"}])";
    const auto with = [&text](const std::string& change) { return with_value(text, "CHANGE", change); };
    SECTION("holds") {
        const auto report = check_final("[]", with("10.00"));
        CHECK(findings_of(report, "narrative.change").empty());
        std::size_t verified = 0;
        for (const ClaimResult& result : report.claims) {
            verified += result.claim.kind == ClaimKind::Change &&
                                result.status == ClaimStatus::Verified
                            ? 1
                            : 0;
        }
        CHECK(verified == 2);
    }
    SECTION("fires on a change the two figures do not give") {
        const auto found = findings_of(check_final("[]", with("12.00")), "narrative.change");
        REQUIRE(found.size() == 1);
        CHECK(found[0].arithmetic == "90.00 − 100.00 = -10.00 ≠ -12.00");
    }
}

TEST_CASE("crossfoot.completion-rate: 决算数为预算数的% is the outturn over the budget",
          "[final][rules]") {
    const std::string head =
        R"([{"title": "一般公共预算财政拨款支出决算表", "columns": ["科目编码", "科目名称", "年初预算数", "决算数", "决算数为预算数的%"], "rows": [["2010601", "行政运行", "1560.05", "1511.89", "RATE"]]}])";
    const auto with = [&head](const std::string& rate) { return with_value(head, "RATE", rate); };
    SECTION("the column is read as a rate of completion") {
        const LoadResult loaded = load_document(final_accounts_with(with("96.91")), "test.json");
        REQUIRE(loaded.document);
        CHECK(loaded.diagnostics.empty());
        CHECK(loaded.document->tables[0].sides[0].columns[4].meaning.quantity ==
              Quantity::CompletionPercent);
    }
    SECTION("holds") {
        CHECK(findings_of(check_final(with("96.91")), "crossfoot.completion-rate").empty());
    }
    SECTION("fires") {
        const auto found = findings_of(check_final(with("96.19")), "crossfoot.completion-rate");
        REQUIRE(found.size() == 1);
        CHECK(found[0].arithmetic == "1511.89 ÷ 1560.05 = 96.91% ≠ 96.19%");
        CHECK(found[0].cells[0].column == "决算数为预算数的%");
    }
}

TEST_CASE("crossfoot.full-year-budget: 全年预算数 = 年初预算数 + 调整预算数", "[final][rules]") {
    const std::string head =
        R"([{"title": "一般公共预算财政拨款支出决算表", "columns": ["科目编码", "科目名称", "年初预算数", "调整预算数", "全年预算数", "决算数", "决算数为预算数的%"], "rows": [["2010101", "行政运行", "72.00", "3.00", "FULL", "70.00", "93.33%"]]}])";
    const auto with = [&head](const std::string& full) { return with_value(head, "FULL", full); };
    CHECK(findings_of(check_final(with("75.00")), "crossfoot.full-year-budget").empty());
    CHECK(findings_of(check_final(with("75.00")), "crossfoot.completion-rate").empty());
    const auto found = findings_of(check_final(with("76.00")), "crossfoot.full-year-budget");
    REQUIRE(found.size() == 1);
    CHECK(found[0].arithmetic == "72.00 + 3.00 = 75.00 ≠ 76.00");
    CHECK(found[0].cells[0].column == "全年预算数");
}

TEST_CASE("决算: what a review found misread is read right", "[final]") {
    SECTION("a fund's name with 预算 in it is a fund, not a budget") {
        const LoadResult loaded = load_document(
            final_accounts_with(
                R"([{"title": "财政拨款收入支出决算总表", "columns": [["收入", "项目"], ["收入", "决算数"], ["支出", "项目"], ["支出", "合计"], ["支出", "一般公共预算财政拨款"], ["支出", "政府性基金预算财政拨款"]], "rows": [["一、一般公共预算财政拨款", "100.00", "一、一般公共服务支出", "145.00", "100.00", "45.00"], ["二、政府性基金预算财政拨款", "45.00", "", "", "", ""], ["总计", "145.00", "总计", "145.00", "100.00", "45.00"]]}])"),
            "test.json");
        REQUIRE(loaded.document);
        const auto& columns = loaded.document->tables[0].sides[1].columns;
        CHECK(columns[3].meaning.period == Period::BudgetYear);
        CHECK(columns[3].meaning.source == FundSource::GovernmentFund);
    }
    SECTION("a fund table's 本年收入 is income, and a column nobody knows stops the roll-forward") {
        const LoadResult loaded = load_document(
            final_accounts_with(
                R"([{"title": "政府性基金预算财政拨款收入支出决算表", "columns": ["科目编码", "科目名称", "年初结转和结余", "本年收入", ["本年支出", "小计"], "财政收回", "年末结转和结余"], "rows": [["212", "城乡社区支出", "10.00", "50.00", "45.00", "3.00", "12.00"]]},
                    {"title": "财政拨款收入支出决算总表", "columns": [["收入", "项目"], ["收入", "决算数"], ["支出", "项目"], ["支出", "合计"], ["支出", "政府性基金预算财政拨款"]], "rows": [["一、政府性基金预算财政拨款", "50.00", "一、城乡社区支出", "45.00", "45.00"]]}])"),
            "test.json");
        REQUIRE(loaded.document);
        REQUIRE(test::find_diagnostic(loaded, "column.unknown-header") != nullptr);  // 财政收回
        const auto report = check_document(*loaded.document);
        CHECK(findings_of(report, "crossfoot.roll-forward").empty());
        CHECK(findings_of(report, "crosstable.fund-tables").empty());
    }
    SECTION("a row of column numbers (栏次) is not a row of figures") {
        const auto report = check_final(
            R"([{"title": "财政拨款“三公”经费支出决算表", "columns": [["预算数", "合计"], ["预算数", "公务接待费"], ["决算数", "合计"], ["决算数", "公务接待费"]], "rows": [["栏次", "1", "2", "3"], ["2.00", "2.00", "1.00", "1.00"]]}])");
        CHECK(findings_of(report, "crossfoot.column-group").empty());
        CHECK(findings_of(report, "outturn.three-public-over-budget").empty());
    }
    SECTION("a rate that does not say which of two budgets it is of is not checked") {
        const auto report = check_final(
            R"([{"title": "一般公共预算财政拨款支出决算表", "columns": ["科目编码", "科目名称", "年初预算数", "全年预算数", "决算数", "完成率"], "rows": [["2010101", "行政运行", "100.00", "110.00", "105.00", "105.00%"]]}])");
        CHECK(findings_of(report, "crossfoot.completion-rate").empty());
    }
    SECTION("the narrative's rate is of the budget it names, and 与年初预算持平 is not last year") {
        const auto report = check_final(
            "[]",
            R"([{"section": "五、一般公共预算财政拨款支出决算情况说明", "text": "1、行政运行（项）。全年预算为65.00万元，支出决算为65.00万元，完成年初预算的108.33%。\n2、人大会议（项）。年初预算为10.00万元，年中追加预算5.00万元，支出决算为15.00万元，完成调整后预算的100.00%。\n3、机关服务（项）。支出决算为20.00万元，与年初预算持平。"}])");
        CHECK(findings_of(report, "narrative.share").empty());
        CHECK(findings_of(report, "narrative.change").empty());
    }
}
