// Disclosures written in other provinces' templates (tests/fixtures/templates/): consistent as
// written, so every error would be a misreading of a layout or a word the corpus does not have.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "budgetcheck/load/load.hpp"
#include "budgetcheck/rules/engine.hpp"
#include "perturbation.hpp"
#include "test_support.hpp"

using namespace budgetcheck;

TEST_CASE("disclosures in other provinces' templates, consistent as written, draw no error",
          "[corpus][templates]") {
    const std::filesystem::path dir =
        std::filesystem::path(BUDGETCHECK_SOURCE_DIR) / "tests/fixtures/templates";
    int documents = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        ++documents;
        INFO(entry.path().filename().string());
        const LoadResult loaded = load_file(entry.path().string());
        REQUIRE(loaded.document);
        CHECK(loaded.error_count() == 0);
        const CheckReport report = check_document(*loaded.document);
        for (const Finding& f : report.findings) {
            INFO(f.rule_id << ": " << f.message_en);
            CHECK(f.severity != Severity::Error);
        }
    }
    CHECK(documents == 16);
}

TEST_CASE("a “三公” table with its periods down the rows is read by row", "[templates]") {
    const LoadResult loaded = load_file(std::string(BUDGETCHECK_SOURCE_DIR) +
                                        "/tests/fixtures/templates/zhejiang-2025-dept-budget.json");
    REQUIRE(loaded.document);
    const Table* table = loaded.document->tables_of(TableKind::ThreePublicExpenses).front();
    std::vector<std::pair<Period, Quantity>> rows;
    for (const ThreePublicFigure& f : table->three_public) {
        if (f.item == ThreePublicItem::Total) {
            rows.emplace_back(f.period, f.quantity);
        }
    }
    CHECK(rows == std::vector<std::pair<Period, Quantity>>{
                      {Period::PriorYearBudget, Quantity::Amount},
                      {Period::BudgetYear, Quantity::Amount},
                      {Period::BudgetYear, Quantity::ChangeAmount}});
}

TEST_CASE("a bare 增减额 beside one prior year's column is the change from it", "[templates]") {
    // 浙江: 2024年预算数 | 2025年预算数 | … | 增减额 | 增减%.
    std::ifstream in(std::string(BUDGETCHECK_SOURCE_DIR) +
                     "/tests/fixtures/templates/zhejiang-2025-dept-budget.json");
    std::stringstream content;
    content << in.rdbuf();
    std::string text = content.str();
    const LoadResult loaded = load_document(text, "zhejiang.json");
    REQUIRE(loaded.document);
    const Table* table = loaded.document->tables_of(TableKind::GeneralPublicExpenditure).front();
    const TableSide& side = table->sides.front();
    CHECK(side.columns[6].meaning.period == Period::ChangeVsPriorBudget);
    CHECK(side.columns[7].meaning.period == Period::ChangeVsPriorBudget);

    // The narrative's changes are read from that column, and a raised change is caught.
    const CheckReport report = check_document(*loaded.document);
    const auto verified = std::find_if(report.claims.begin(), report.claims.end(), [](const ClaimResult& c) {
        return c.claim.kind == ClaimKind::Change && c.claim.subject == "一般公共服务支出" && !c.claim.is_rate;
    });
    REQUIRE(verified != report.claims.end());
    CHECK(verified->status == ClaimStatus::Verified);
    CHECK(verified->reason == "201 一般公共服务支出 × 增减额");

    const std::string from =
        "\"一般公共服务支出\",\n     \"1,350.00\",\n     \"1,450.00\",\n     \"1,130.00\",\n     "
        "\"320.00\",\n     \"100.00\"";
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    text.replace(at + from.size() - 7, 6, "110.00");
    const LoadResult raised = load_document(text, "zhejiang.json");
    REQUIRE(raised.document);
    const CheckReport wrong = check_document(*raised.document);
    CHECK(std::any_of(wrong.findings.begin(), wrong.findings.end(), [](const Finding& f) {
        return f.rule_id == "yoy.change-amount" && f.arithmetic == "1450.00 − 1350.00 = 100.00 ≠ 110.00";
    }));
}

TEST_CASE("a table naming the unit without the places above it names the same unit", "[templates]") {
    // 四川: the 部门收入总表's 本级 row says 某县司法局 for 四川省某县司法局.
    const LoadResult loaded = load_file(std::string(BUDGETCHECK_SOURCE_DIR) +
                                        "/tests/fixtures/templates/sichuan-county-2025-dept-budget.json");
    REQUIRE(loaded.document);
    REQUIRE(loaded.document->unit == "四川省某县司法局");
    const CheckReport report = check_document(*loaded.document);
    CHECK(std::none_of(report.findings.begin(), report.findings.end(), [](const Finding& f) {
        return f.rule_id == "narrative.unit-name";
    }));
}

TEST_CASE("raising any printed figure of a disclosure in another template is reported as an error",
          "[templates][coverage]") {
    const std::filesystem::path dir =
        std::filesystem::path(BUDGETCHECK_SOURCE_DIR) / "tests/fixtures/templates";
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        const LoadResult loaded = load_file(entry.path().string());
        REQUIRE(loaded.document);
        const test::PerturbationResult coverage = test::perturb(*loaded.document);
        std::cout << entry.path().filename().string() << ": " << coverage.caught << "/"
                  << coverage.figures << " raised figures reported as errors\n";
        for (const std::string& miss : coverage.misses) {
            std::cout << "  missed " << miss << "\n";
        }
        INFO(entry.path().filename().string());
        CHECK(coverage.share() >= 0.95);
    }
}

TEST_CASE("比上年增减 and 同比增长 are changes from the prior year's column beside them", "[templates]") {
    const auto table = [](const std::string& change) {
        return R"([{"title": "部门支出总体情况表",
            "columns": ["功能分类科目编码", "功能分类科目名称", "本年预算数", "上年预算数", "比上年增减", "同比增长"],
            "rows": [["201", "一般公共服务支出", "110.00", "100.00", ")" + change + R"(", "10.00"],
                     ["", "合计", "110.00", "100.00", ")" + change + R"(", "10.00"]]}])";
    };
    const LoadResult loaded = test::load_tables(table("10.00"));
    REQUIRE(loaded.document);
    const TableSide& side = loaded.document->tables[0].sides[0];
    CHECK(side.columns[4].meaning.period == Period::ChangeVsPriorBudget);
    CHECK(side.columns[4].meaning.quantity == Quantity::ChangeAmount);
    CHECK(side.columns[5].meaning.period == Period::ChangeVsPriorBudget);
    CHECK(side.columns[5].meaning.quantity == Quantity::ChangePercent);
    CHECK(loaded.diagnostics.empty());
    const auto count = [](const CheckReport& report, std::string_view rule) {
        return std::count_if(report.findings.begin(), report.findings.end(),
                             [&](const Finding& f) { return f.rule_id == rule; });
    };
    CHECK(count(check_document(*loaded.document), "yoy.change-amount") == 0);
    const LoadResult wrong = test::load_tables(table("12.00"));
    REQUIRE(wrong.document);
    CHECK(count(check_document(*wrong.document), "yoy.change-amount") == 2);
}

namespace {

std::size_t count_rule(const CheckReport& report, std::string_view rule) {
    return static_cast<std::size_t>(std::count_if(report.findings.begin(), report.findings.end(),
                                                  [&](const Finding& f) { return f.rule_id == rule; }));
}

// A 决算 basic-expenditure table whose 公用经费 goes on in a second block under the same
// headers (湖北: 30216 培训费 heads the second block, under 302 in the first).
std::string continued_panels(const std::string& training) {
    return R"({"budgetcheck": 1,
 "document": {"title": "测试局2024年度部门决算", "unit": "测试局", "year": 2024,
              "kind": "department_final", "money_unit": "万元"},
 "tables": [{"title": "一般公共预算财政拨款基本支出决算明细表",
   "columns": [["人员经费", "科目编码"], ["人员经费", "科目名称"], ["人员经费", "决算数"],
               ["公用经费", "科目编码"], ["公用经费", "科目名称"], ["公用经费", "决算数"],
               ["公用经费", "科目编码"], ["公用经费", "科目名称"], ["公用经费", "决算数"]],
   "rows": [["301", "工资福利支出", "100.00", "302", "商品和服务支出", "30.00", "30216", "培训费", ")" +
           training + R"("],
            ["30101", "基本工资", "100.00", "30201", "办公费", "20.00", "310", "资本性支出", "6.00"],
            ["", "", "", "", "", "", "31002", "办公设备购置", "6.00"],
            ["人员经费合计", "", "100.00", "公用经费合计", "", "", "", "", "36.00"]]}]})";
}

}  // namespace

TEST_CASE("a list continued in the panel beside it under the same headers is one list", "[templates]") {
    const LoadResult loaded = load_document(continued_panels("10.00"), "continued.json");
    REQUIRE(loaded.document);
    const Table& table = loaded.document->tables.front();
    REQUIRE(table.sides.size() == 2);  // 人员经费, and 公用经费 read down both its blocks
    const TableSide& pub = table.sides[1];
    std::vector<std::string> codes;
    for (const Row& row : pub.rows) {
        codes.push_back(row.subject ? row.subject->code : row.label);
    }
    CHECK(codes == std::vector<std::string>{"302", "30201", "30216", "310", "31002", "公用经费合计"});
    CHECK(pub.rows[2].parent == 0);                    // 30216 under 302 in the first block
    CHECK(pub.rows[2].cells[2].printed_column == 8);   // but shown where it was printed
    CHECK(pub.continued_columns.size() == 3);
    const CheckReport report = check_document(*loaded.document);
    CHECK(count_rule(report, "footing.subject-children") == 0);
    CHECK(count_rule(report, "footing.total-row") == 0);

    const LoadResult raised = load_document(continued_panels("11.00"), "continued.json");
    REQUIRE(raised.document);
    const CheckReport wrong = check_document(*raised.document);
    CHECK(std::any_of(wrong.findings.begin(), wrong.findings.end(), [](const Finding& f) {
        return f.rule_id == "footing.subject-children" && f.arithmetic == "20.00 + 11.00 = 31.00 ≠ 30.00";
    }));
}

TEST_CASE("blocks that each open their own class are lists of their own", "[templates]") {
    // 上海: 301 and 303 in one block, 302 and 310 in the other, under the same headers.
    const LoadResult loaded = test::load_tables(R"([{"title": "一般公共预算基本支出表",
        "columns": ["经济分类科目编码", "科目名称", "金额", "经济分类科目编码", "科目名称", "金额"],
        "rows": [["301", "工资福利支出", "100.00", "302", "商品和服务支出", "30.00"],
                 ["30101", "基本工资", "100.00", "30201", "办公费", "30.00"],
                 ["人员经费合计", "", "100.00", "公用经费合计", "", "30.00"]]}])");
    REQUIRE(loaded.document);
    CHECK(loaded.document->tables.front().sides.size() == 2);
}

TEST_CASE("a 决算's 调整预算数 may be negative and 决算数为全年预算数的% is the rate of 全年预算数",
          "[templates]") {
    const auto document = [](const std::string& rate) {
        return R"({"budgetcheck": 1,
 "document": {"title": "测试局2024年度部门决算", "unit": "测试局", "year": 2024,
              "kind": "department_final", "money_unit": "万元"},
 "tables": [{"title": "一般公共预算财政拨款支出决算表",
   "columns": ["科目编码", "科目名称", "年初预算数", "调整预算数", "全年预算数", "决算数", "决算数为全年预算数的%"],
   "rows": [["2080505", "机关事业单位基本养老保险缴费支出", "95.00", "-5.00", "90.00", "81.00", ")" + rate + R"("]]}]})";
    };
    const LoadResult loaded = load_document(document("90.00"), "rate.json");
    REQUIRE(loaded.document);
    CHECK(loaded.diagnostics.empty());
    const TableSide& side = loaded.document->tables.front().sides.front();
    CHECK(side.columns[6].meaning.quantity == Quantity::CompletionPercent);
    const CheckReport report = check_document(*loaded.document);
    CHECK(count_rule(report, "amount.well-formed") == 0);
    CHECK(count_rule(report, "crossfoot.completion-rate") == 0);
    CHECK(count_rule(report, "crossfoot.full-year-budget") == 0);

    // 81.00 ÷ 90.00 is 90%, where 81.00 ÷ 95.00 (the 年初预算数) would be 85.26%.
    const LoadResult wrong = load_document(document("85.26"), "rate.json");
    REQUIRE(wrong.document);
    CHECK(count_rule(check_document(*wrong.document), "crossfoot.completion-rate") == 1);
}

namespace {

std::string template_text(const std::string& name) {
    std::ifstream in(std::string(BUDGETCHECK_SOURCE_DIR) + "/tests/fixtures/templates/" + name);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

// A fixture's text (as read, or edited), loaded and checked.
CheckReport check_template_text(const std::string& text, const std::string& name) {
    const LoadResult loaded = load_document(text, name);
    REQUIRE(loaded.document);
    return check_document(*loaded.document);
}

void replace_once(std::string& text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
}

const ClaimResult* claim_printed(const CheckReport& report, ClaimKind kind, std::string_view printed) {
    for (const ClaimResult& c : report.claims) {
        if (c.claim.kind == kind && c.claim.printed == printed) {
            return &c;
        }
    }
    return nullptr;
}

}  // namespace

TEST_CASE("eight tables, the 国有资本经营 one left out as the text says there is none of that money",
          "[templates]") {
    const std::string name = "shaanxi-province-2025-dept-budget-units.json";
    std::string text = template_text(name);
    const LoadResult loaded = load_document(text, name);
    REQUIRE(loaded.document);
    CHECK(count_rule(check_document(*loaded.document), "completeness.required-tables") == 0);

    // Without the sentence saying so, the missing table is an error.
    replace_once(text, "本部门2025年无国有资本经营预算收支，故未编制国有资本经营预算支出表。",
                 "国有资本经营预算支出情况略。");
    const LoadResult unexplained = load_document(text, name);
    REQUIRE(unexplained.document);
    CHECK(count_rule(check_document(*unexplained.document), "completeness.required-tables") == 1);
}

TEST_CASE("a department's table listing its units names other units than the department",
          "[templates]") {
    const std::string name = "shaanxi-province-2025-dept-budget-units.json";
    std::string text = template_text(name);
    const LoadResult loaded = load_document(text, name);
    REQUIRE(loaded.document);
    CHECK(count_rule(check_document(*loaded.document), "narrative.unit-name") == 0);

    // Its 本级 row is the department itself, and a misspelling there is still one.
    replace_once(text, "\"301001\",\n     \"陕西省某某厅本级\"", "\"301001\",\n     \"陕西省某某局本级\"");
    const CheckReport report = check_template_text(text, name);
    CHECK(count_rule(report, "narrative.unit-name") == 1);
}

TEST_CASE("shares after a 分别为 list are of its figures in order, and 占比 names no whole",
          "[templates]") {
    const std::string name = "shaanxi-province-2025-dept-budget-units.json";
    std::string text = template_text(name);
    const CheckReport report = check_template_text(text, name);
    // 基本支出和项目支出分别为6039.15万元、7545.00万元，分别占44.46%、55.54%。
    for (const std::string_view share : {"44.46%", "55.54%"}) {
        const ClaimResult* c = claim_printed(report, ClaimKind::Share, share);
        REQUIRE(c != nullptr);
        CHECK(c->status == ClaimStatus::Verified);
    }
    // 一般公共预算拨款收入12,649.15万元，占比93.12%: of the 收入预算 it is listed under.
    const ClaimResult* income = claim_printed(report, ClaimKind::Share, "93.12%");
    REQUIRE(income != nullptr);
    CHECK(income->status == ClaimStatus::Verified);

    // The second share bent: caught against the second figure.
    replace_once(text, "分别占44.46%、55.54%", "分别占44.46%、56.54%");
    const CheckReport wrong = check_template_text(text, name);
    const ClaimResult* second = claim_printed(wrong, ClaimKind::Share, "56.54%");
    REQUIRE(second != nullptr);
    CHECK(second->status == ClaimStatus::Mismatched);
    CHECK(count_rule(wrong, "narrative.share") == 1);
}

TEST_CASE("决算数比年初预算 in the sentence after the budget and the outturn is checked against them",
          "[templates]") {
    const std::string name = "institute-2024-unit-final.json";
    std::string text = template_text(name);
    const CheckReport report = check_template_text(text, name);
    // 年初预算为1160.00万元，支出决算为1185.40万元，完成年初预算的102.19%。决算数比年初预算增加25.40万元，增长2.19%
    const ClaimResult* amount = claim_printed(report, ClaimKind::Change, "25.40 万元");
    REQUIRE(amount != nullptr);
    CHECK(amount->status == ClaimStatus::Verified);
    CHECK(amount->reason == "1185.40 万元 against 1160.00 万元 quoted beside it");

    replace_once(text, "决算数比年初预算增加25.40万元", "决算数比年初预算增加26.40万元");
    const CheckReport raised_report = check_template_text(text, name);
    const ClaimResult* wrong = claim_printed(raised_report, ClaimKind::Change, "26.40 万元");
    REQUIRE(wrong != nullptr);
    CHECK(wrong->status == ClaimStatus::Mismatched);
}

TEST_CASE("a 决算's 本年财政拨款支出 is the year's fiscal spending, as its tables are read", "[templates]") {
    const std::string name = "institute-2024-unit-final.json";
    std::string text = template_text(name);
    const CheckReport report = check_template_text(text, name);
    const ClaimResult* spent = claim_printed(report, ClaimKind::Amount, "2541.15 万元");
    REQUIRE(spent != nullptr);
    CHECK(spent->claim.subject == "本年财政拨款支出");
    CHECK(spent->status == ClaimStatus::Verified);

    replace_once(text, "本年财政拨款支出2541.15万元", "本年财政拨款支出2542.15万元");
    const CheckReport raised_report = check_template_text(text, name);
    const ClaimResult* wrong = claim_printed(raised_report, ClaimKind::Amount, "2542.15 万元");
    REQUIRE(wrong != nullptr);
    CHECK(wrong->status == ClaimStatus::Mismatched);
}
