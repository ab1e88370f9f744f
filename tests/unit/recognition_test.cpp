#include <catch2/catch.hpp>

#include <map>

#include "budgetcheck/load/vocabulary.hpp"
#include "budgetcheck/rules/engine.hpp"
#include "test_support.hpp"

using namespace budgetcheck;
using test::load_tables;

TEST_CASE("recognise_table_kind knows titles as different places print them", "[recognition]") {
    const std::map<std::string, TableKind> cases = {
        {"收支预算总表", TableKind::IncomeExpenditureSummary},
        {"单位收支总表", TableKind::IncomeExpenditureSummary},
        {"部门收支总表", TableKind::IncomeExpenditureSummary},
        {"财务收支预算总表", TableKind::IncomeExpenditureSummary},
        {"人力资源和社会保障部信息中心2024年单位收支总表", TableKind::IncomeExpenditureSummary},
        {"收入预算总表", TableKind::IncomeSummary},
        {"单位支出总表", TableKind::ExpenditureSummary},
        {"财政拨款收支预算总表", TableKind::FiscalAppropriationSummary},
        {"一般公共预算拨款支出预算表", TableKind::GeneralPublicExpenditure},
        {"一般公共预算支出功能分类预算表", TableKind::GeneralPublicExpenditure},
        {"一般公共预算基本支出预算表", TableKind::GeneralPublicBasicExpenditure},
        {"一般公共预算“三公”经费支出预算表", TableKind::ThreePublicExpenses},
        {"财政拨款预算\"三公\"经费支出表", TableKind::ThreePublicExpenses},
        {"“三公”经费和机关运行经费预算表", TableKind::ThreePublicExpenses},
        {"政府性基金预算拨款支出预算表", TableKind::GovernmentFundExpenditure},
        {"国有资本经营预算支出表", TableKind::StateCapitalExpenditure},
        {"项目支出预算表", TableKind::ProjectExpenditure},
        {"财政拨款委托业务费支出预算表", TableKind::EntrustedServiceExpenditure},
        {"项目支出绩效目标表", TableKind::PerformanceTargets},
        {"项目绩效目标表", TableKind::PerformanceTargets},
        {"八、政府采购预算表", TableKind::GovernmentProcurement},
        {"资产负债表", TableKind::Unknown},
        {"2026年预算单位财务收支预算总表", TableKind::IncomeExpenditureSummary},
        {"2024年部门收入预算总表", TableKind::IncomeSummary},
        {"2026年预算单位一般公共预算基本支出部门预算经济分类预算表", TableKind::GeneralPublicBasicExpenditure},
        {"2026年预算单位政府性基金预算支出功能分类预算表", TableKind::GovernmentFundExpenditure},
        {"财政拨款支出预算表（功能科目）", TableKind::FiscalExpenditure},
        {"财政拨款基本支出预算表（经济科目）", TableKind::FiscalBasicExpenditure},
        {"政府性基金预算财政拨款支出预算表", TableKind::GovernmentFundExpenditure},
        {"一般公共预算机关运行经费支出预算表", TableKind::OperatingExpenses},
        {"“三公”经费、会议费、培训费支出预算表", TableKind::ThreePublicExpenses},
        {"2019年政府采购预算表", TableKind::GovernmentProcurement},
        // Other provinces' templates: 广东's 专项业务经费 is 项目支出; a self-evaluation and one
        // fund's project table are no table the rules know, not a 支出总表.
        {"部门综合预算专项业务经费支出表", TableKind::ProjectExpenditure},
        {"部门综合预算一般公共预算支出明细表（按功能分类科目）", TableKind::GeneralPublicExpenditure},
        {"一般公共预算财政拨款项目支出预算表", TableKind::Unknown},
        {"部门（单位）整体支出绩效自评表", TableKind::Unknown},
        {"项目支出绩效自评表", TableKind::Unknown},
        {"一般公共预算财政拨款“三公”经费支出决算表", TableKind::ThreePublicExpenses},
    };
    for (const auto& [title, kind] : cases) {
        INFO(title);
        CHECK(recognise_table_kind(title) == kind);
    }
}

TEST_CASE("recognise_column decodes multi-level header paths", "[recognition]") {
    SECTION("income source under a stage") {
        auto r = recognise_column({"本年预算", "财政拨款收入", "一般公共预算收入"},
                                  TableKind::IncomeSummary, 2024);
        CHECK(r.unrecognised.empty());
        CHECK(r.meaning.role == ColumnRole::Value);
        CHECK(r.meaning.stage == Stage::CurrentYear);
        CHECK(r.meaning.source == FundSource::GeneralPublic);
    }
    SECTION("carry-over by fund") {
        auto r = recognise_column({"上年结转结余", "非财政拨款结转结余"}, TableKind::IncomeSummary,
                                  2024);
        CHECK(r.meaning.stage == Stage::CarryOver);
        CHECK(r.meaning.source == FundSource::NonFiscal);
    }
    SECTION("income sources as older and other templates name them") {
        const std::map<std::string, FundSource> sources = {
            {"财政拨款（补助）", FundSource::Fiscal},
            {"纳入专户管理的非税收入", FundSource::SpecialAccount},
            {"单位自有资金", FundSource::UnitFunds},
            {"用事业基金弥补收支差额", FundSource::NonFiscalBalanceUse},
        };
        for (const auto& [header, source] : sources) {
            INFO(header);
            auto r = recognise_column({header}, TableKind::IncomeSummary, 2024);
            CHECK(r.unrecognised.empty());
            CHECK(r.meaning.source == source);
        }
    }
    SECTION("prior-year execution is read from the year") {
        auto r =
            recognise_column({"2023年执行数", "执行数"}, TableKind::GeneralPublicExpenditure, 2024);
        CHECK(r.meaning.period == Period::PriorYearExecution);
    }
    SECTION("a prior year's budget column") {
        auto r = recognise_column({"2023年预算数"}, TableKind::ThreePublicExpenses, 2024);
        CHECK(r.meaning.period == Period::PriorYearBudget);
    }
    SECTION("change and change percent") {
        auto amount = recognise_column({"2024年预算数比 2023年执行数", "增减额"},
                                       TableKind::GeneralPublicExpenditure, 2024);
        CHECK(amount.meaning.period == Period::ChangeVsPriorExecution);
        CHECK(amount.meaning.quantity == Quantity::ChangeAmount);
        auto percent =
            recognise_column({"2024年预算数比 2023年执行数 (扣除中央基建投资)", "增减(%)"},
                             TableKind::GeneralPublicExpenditure, 2024);
        CHECK(percent.meaning.quantity == Quantity::ChangePercent);
        CHECK(percent.meaning.excludes_capital_construction);
    }
    SECTION("basic split into personnel and public") {
        CHECK(recognise_column({"基本支出", "人员经费"}, TableKind::GeneralPublicExpenditure, 2024)
                  .meaning.spending == Spending::Personnel);
        CHECK(recognise_column({"2024年基本支出", "公用经费"},
                               TableKind::GeneralPublicBasicExpenditure, 2024)
                  .meaning.spending == Spending::Public);
    }
    SECTION("code columns, one or split into 类/款/项") {
        CHECK(recognise_column({"功能分类科目", "科目编码"}, TableKind::GeneralPublicExpenditure,
                               2024)
                  .meaning.role == ColumnRole::Code);
        CHECK(recognise_column({"科目编码", "类"}, TableKind::ExpenditureSummary, 2024)
                  .meaning.role == ColumnRole::CodeClass);
        CHECK(recognise_column({"科目编码", "款"}, TableKind::ExpenditureSummary, 2024)
                  .meaning.role == ColumnRole::CodeSection);
        CHECK(recognise_column({"科目编码", "项"}, TableKind::ExpenditureSummary, 2024)
                  .meaning.role == ColumnRole::CodeItem);
    }
    SECTION("sides of a two-sided table") {
        auto r =
            recognise_column({"收 入", "本年 预算"}, TableKind::IncomeExpenditureSummary, 2024);
        CHECK(r.meaning.side == Side::Income);
        CHECK(r.meaning.stage == Stage::CurrentYear);
    }
    SECTION("of-which columns keep their detail") {
        auto r = recognise_column({"事业收入", "其中：教育收费"}, TableKind::IncomeSummary, 2024);
        CHECK(r.meaning.of_which);
        CHECK(r.meaning.detail == "教育收费");
    }
    SECTION("unknown words are reported, not guessed") {
        auto r = recognise_column({"本年预算", "奇怪的列"}, TableKind::IncomeSummary, 2024);
        CHECK(r.meaning.role == ColumnRole::Unknown);
        CHECK(r.unrecognised == std::vector<std::string>{"奇怪的列"});
    }
}

TEST_CASE("recognise_line reads summary lines word by word, and 三公 lines only in a 三公 table",
          "[recognition]") {
    CHECK(recognise_line(split_label("本年收入 合计").key, TableKind::IncomeExpenditureSummary).item ==
          LineItem::CurrentYearIncomeTotal);
    const auto grand = recognise_line(split_label("收 入 总 计").key, TableKind::IncomeExpenditureSummary);
    CHECK(grand.item == LineItem::IncomeGrandTotal);
    CHECK(grand.meaning.aggregate == Aggregate::Grand);
    CHECK(recognise_line(split_label("二、上年结转").key, TableKind::FiscalAppropriationSummary).item ==
          LineItem::CarryOver);
    CHECK(recognise_line("公务接待费", TableKind::ThreePublicExpenses).meaning.three_public ==
          ThreePublicItem::Reception);
    // The older templates' lines below 本年收入合计 and 本年支出合计.
    CHECK(recognise_line(split_label("用事业基金弥补收支差额").key,
                         TableKind::IncomeExpenditureSummary)
              .item == LineItem::NonFiscalBalanceUse);
    CHECK(recognise_line(split_label("年终结转结余").key, TableKind::IncomeExpenditureSummary)
              .item == LineItem::CarryForward);
    CHECK_FALSE(recognise_line("公务接待费", TableKind::GeneralPublicBasicExpenditure).recognised);
    SECTION("combinations nobody listed are read from their words") {
        const auto line = recognise_line(split_label("1. 一般公共预算资金").key,
                                         TableKind::IncomeExpenditureSummary);
        CHECK(line.recognised);
        CHECK(line.meaning.source == FundSource::GeneralPublic);
        const auto current = recognise_line(split_label("当年收入小计").key,
                                            TableKind::IncomeExpenditureSummary);
        CHECK(current.item == LineItem::CurrentYearIncomeTotal);
        // 收入合计 with no 本年 is everything on the income side, carry-over included.
        CHECK(recognise_line("收入合计", TableKind::FiscalAppropriationSummary).item ==
              LineItem::IncomeGrandTotal);
        CHECK(recognise_line("结转下年资金", TableKind::IncomeExpenditureSummary).meaning.spending ==
              Spending::CarryForward);
        CHECK(recognise_line(split_label("三、单位预留机动经费").key, TableKind::IncomeExpenditureSummary)
                  .meaning.spending == Spending::Reserve);
    }
    SECTION("a group label printed beside the line refines it") {
        Aspects group;
        group.source = FundSource::OtherFunds;
        const auto line = recognise_line("其他收入", TableKind::IncomeSummary, &group);
        CHECK(line.meaning.source == FundSource::OtherIncome);
        Aspects fiscal;
        fiscal.source = FundSource::GeneralPublic;
        CHECK_FALSE(recognise_line("事业收入", TableKind::IncomeSummary, &fiscal).recognised);
    }
    SECTION("words nobody knows are not guessed") {
        const auto line = recognise_line("资产负债", TableKind::IncomeSummary);
        CHECK_FALSE(line.recognised);
        CHECK(line.unknown == std::vector<std::string>{"资产负债"});
    }
}

namespace {

std::map<ThreePublicItem, std::string> three_public_values(const Table& table) {
    std::map<ThreePublicItem, std::string> out;
    for (const ThreePublicFigure& f : table.three_public) {
        const Cell& cell = table.sides[static_cast<std::size_t>(f.side)]
                               .rows[static_cast<std::size_t>(f.row)]
                               .cells[static_cast<std::size_t>(f.column)];
        out[f.item] = cell.amount()->to_string();
    }
    return out;
}

}  // namespace

TEST_CASE("the 三公 table loads into one typed form whether printed vertically or horizontally",
          "[recognition]") {
    auto vertical = load_tables(
        R"([{"title": "一般公共预算“三公”经费支出预算表", "columns": ["项 目", "2024 年预算数"],
      "rows": [["合 计", "3.53"], ["1、因公出国（境）费用", ""], ["2、公务接待费", "0.56"], ["3、公务用车费", "2.97"],
               ["其中：（1）公务用车运行维护费", "2.97"], ["（2）公务用车购置", ""]]}])");
    auto horizontal = load_tables(R"([{"title": "财政拨款预算“三公”经费支出表",
      "columns": [["2024年预算数", "合计"], ["2024年预算数", "因公出国（境）费"],
                  ["2024年预算数", "公务用车购置及运行费", "小计"], ["2024年预算数", "公务用车购置及运行费", "公务用车购置费"],
                  ["2024年预算数", "公务用车购置及运行费", "公务用车运行费"], ["2024年预算数", "公务接待费"]],
      "rows": [["3.53", "", "2.97", "", "2.97", "0.56"]]}])");
    REQUIRE(vertical.diagnostics.empty());
    REQUIRE(horizontal.diagnostics.empty());
    const auto v = three_public_values(vertical.document->tables[0]);
    const auto h = three_public_values(horizontal.document->tables[0]);
    CHECK(v == h);
    CHECK(v.at(ThreePublicItem::Total) == "3.53");
    CHECK(v.at(ThreePublicItem::VehicleOperation) == "2.97");
    CHECK(v.at(ThreePublicItem::OverseasTravel) == "");
}

TEST_CASE("a “三公” table's bare 合计 beside 会议费 and 培训费 is read as neither total unless the "
          "“三公” total has a column of its own",
          "[recognition]") {
    const std::string columns_tail =
        R"(["“三公”经费", "因公出国（境）费"], ["“三公”经费", "公务用车购置及运行维护费"],
           ["“三公”经费", "公务接待费"], "会议费", "培训费"])";
    // 江苏: the “三公” total printed apart makes 合计 the total of everything.
    auto jiangsu = load_tables(
        R"([{"title": "“三公”经费、会议费、培训费支出预算表",
             "columns": ["合计", ["“三公”经费", "小计"], )" +
        columns_tail + R"(, "rows": [["22.00", "10.00", "2.00", "5.00", "3.00", "4.00", "8.00"]]}])");
    REQUIRE(jiangsu.diagnostics.empty());
    CHECK(jiangsu.document->tables[0].sides[0].columns[0].meaning.three_public ==
          ThreePublicItem::Combined);
    // Without it, 合计 may total the “三公” items alone (as here) or all of them: not guessed.
    auto bare = load_tables(
        R"([{"title": "“三公”经费、会议费、培训费支出预算表", "columns": ["合计", )" +
        columns_tail + R"(, "rows": [["10.00", "2.00", "5.00", "3.00", "4.00", "8.00"]]}])");
    REQUIRE(bare.diagnostics.size() == 1);
    CHECK(bare.diagnostics[0].code == "column.ambiguous-total");
    CHECK(bare.diagnostics[0].message ==
          "column 1 '合计' stands beside 会议费 and 培训费 with no “三公” 小计 of its own: whether "
          "it totals the “三公” items alone or with 会议费 and 培训费 is not said, so it is not "
          "checked");
    CHECK(bare.document->tables[0].sides[0].columns[0].meaning.role == ColumnRole::Unknown);
    // Read as the total of everything it would be a false error (10.00 ≠ 22.00).
    const CheckReport report = check_document(*bare.document);
    CHECK(std::none_of(report.findings.begin(), report.findings.end(), [](const Finding& f) {
        return f.rule_id == "crossfoot.column-group";
    }));
}

TEST_CASE("a 政府采购 table's 货物 | 工程 | 服务 columns are parts of its 合计", "[recognition]") {
    const auto table = [](const std::string& goods) {
        return load_tables(R"([{"title": "政府采购预算表",
            "columns": ["单位名称", "合计", "货物", "工程", "服务类"],
            "rows": [["合计", "210.00", ")" + goods + R"(", "", "148.00"],
                     ["某厅本级", "210.00", ")" + goods + R"(", "", "148.00"]]}])");
    };
    const LoadResult consistent = table("62.00");
    REQUIRE(consistent.diagnostics.empty());
    const auto& columns = consistent.document->tables[0].sides[0].columns;
    CHECK(columns[2].meaning.describe() == "amount · budget-year · 货物");
    CHECK(columns[4].meaning.detail == "服务");
    const auto column_group = [](const LoadResult& loaded) {
        std::vector<std::string> out;
        for (const Finding& f : check_document(*loaded.document).findings) {
            if (f.rule_id == "crossfoot.column-group") {
                out.push_back(f.arithmetic);
            }
        }
        return out;
    };
    CHECK(column_group(consistent).empty());
    CHECK(column_group(table("63.00")) ==
          std::vector<std::string>{"63.00 + 148.00 = 211.00 ≠ 210.00",
                                   "63.00 + 148.00 = 211.00 ≠ 210.00"});
}

TEST_CASE("a two-sided 收支总表 loads into an income side and an expenditure side",
          "[recognition]") {
    auto result =
        load_tables(R"([{"title": "收支总表", "columns": ["项目", "预算数", "项目", "预算数"],
      "rows": [["一、一般公共预算拨款收入", "10.00", "一、社会保障和就业支出", "10.00"],
               ["收入总计", "10.00", "支出总计", "10.00"]]}])");
    REQUIRE(result.diagnostics.empty());
    const Table& table = result.document->tables[0];
    REQUIRE(table.sides.size() == 2);
    CHECK(table.sides[0].side == Side::Income);
    CHECK(table.sides[0].rows[0].line_item == LineItem::GeneralPublicIncome);
    CHECK(table.sides[1].side == Side::Expenditure);
    CHECK(table.sides[1].rows[0].subject->code == "208");
    CHECK(table.sides[1].rows[1].line_item == LineItem::ExpenditureGrandTotal);
}

TEST_CASE(
    "row hierarchy is inferred from codes, split code columns, levels, numbering and the catalog",
    "[recognition]") {
    SECTION("printed codes") {
        auto result =
            load_tables(R"([{"title": "支出总表", "columns": ["科目编码", "科目名称", "合计"],
          "rows": [["208", "社会保障和就业支出", "1"], ["20801", "人力资源和社会保障管理事务", "1"], ["2080108", "信息化建设", "1"]]}])");
        const auto& rows = result.document->tables[0].sides[0].rows;
        CHECK(rows[2].subject->level == 3);
        CHECK(rows[2].parent == 1);
        CHECK(rows[1].parent == 0);
        CHECK(rows[2].subject->origin == SubjectRef::Origin::PrintedCode);
    }
    SECTION("a subject's parent is the nearest subject one level up, across branches") {
        auto result =
            load_tables(R"([{"title": "支出总表", "columns": ["科目编码", "科目名称", "合计"],
          "rows": [["208", "社会保障和就业支出", "3"], ["20801", "人力资源和社会保障管理事务", "1"],
                   ["2080108", "信息化建设", "1"], ["20805", "行政事业单位养老支出", "2"],
                   ["2080505", "机关事业单位基本养老保险缴费支出", "2"], ["210", "卫生健康支出", "1"],
                   ["2101102", "事业单位医疗", "1"]]}])");
        const auto& rows = result.document->tables[0].sides[0].rows;
        CHECK(rows[3].parent == 0);   // back to 208 after the 20801 branch
        CHECK(rows[4].parent == 3);   // under 20805, not the earlier 20801
        CHECK(rows[5].parent == -1);  // a 类 is not under the 项 printed above it
        CHECK(rows[6].parent == -1);  // its 款 is not printed: no parent, not 208's 款
    }
    SECTION("codes split into 类/款/项 columns, with 类 printed once") {
        auto result = load_tables(
            R"([{"title": "支出总表", "columns": [["科目编码", "类"], ["科目编码", "款"], ["科目编码", "项"], "科目名称", "合计"],
          "rows": [["208", "", "", "社会保障和就业支出", "1"], ["", "01", "", "人力资源和社会保障管理事务", "1"], ["", "", "08", "信息化建设", "1"]]}])");
        REQUIRE(result.diagnostics.empty());
        const auto& rows = result.document->tables[0].sides[0].rows;
        CHECK(rows[1].subject->code == "20801");
        CHECK(rows[2].subject->code == "2080108");
        CHECK(rows[2].subject->origin == SubjectRef::Origin::SplitCodeColumns);
        CHECK(rows[2].parent == 1);
    }
    SECTION("uncoded names take codes from the catalog, guided by the rows above") {
        auto result =
            load_tables(R"([{"title": "支出总表", "columns": ["功能分类 科目名称", "总计"],
          "rows": [["一、社会保障和就业支出", "1"], ["人力资源和社会保障管理事务", "1"], ["事业运行", "1"],
                   ["行政事业单位养老支出", "1"], ["二、卫生健康支出", "1"], ["行政事业单位医疗", "1"], ["事业单位医疗", "1"]]}])");
        REQUIRE(result.diagnostics.empty());
        const auto& rows = result.document->tables[0].sides[0].rows;
        CHECK(rows[2].subject->code ==
              "2080150");  // 事业运行 exists under many 款; 20801 is the one above
        CHECK(rows[2].subject->origin == SubjectRef::Origin::CatalogName);
        CHECK(rows[3].subject->code == "20805");
        CHECK(rows[3].parent == 0);
        CHECK(rows[6].subject->code == "2101102");
        CHECK(rows[6].parent == 5);
    }
    SECTION("a former catalog name still finds its code") {
        auto result = load_tables(
            R"([{"title": "支出总表", "columns": ["科目名称", "合计"], "rows": [["医疗卫生与计划生育支出", "1"]]}])");
        REQUIRE(result.diagnostics.empty());
        CHECK(result.document->tables[0].sides[0].rows[0].subject->code == "210");
    }
    SECTION("explicit levels win") {
        auto result = load_tables(R"([{"title": "政府采购预算表", "columns": ["项目", "金额"],
          "rows": [{"cells": ["货物", "1"], "level": 1}, {"cells": ["计算机", "1"], "level": 2}]}])");
        const auto& rows = result.document->tables[0].sides[0].rows;
        CHECK(rows[1].level == 2);
        CHECK(rows[1].parent == 0);
    }
    SECTION("numbering gives line items their depth") {
        auto result = load_tables(
            R"([{"title": "财政拨款收支总表", "columns": ["项目", "预算数", "项目", "预算数"],
          "rows": [["一、本年收入", "1", "一、本年支出", "1"], ["（一）一般公共预算拨款", "1", "（一）社会保障和就业支出", "1"],
                   ["二、上年结转", "0", "二、结转下年", ""], ["（一）一般公共预算拨款", "0", "", ""]]}])");
        REQUIRE(result.diagnostics.empty());
        const auto& income = result.document->tables[0].sides[0].rows;
        CHECK(income[1].parent == 0);
        CHECK(income[3].parent == 2);
        // Printed again under 上年结转, the fund's line is that fund's share of the carry-over.
        CHECK(income[3].line_item == LineItem::FiscalCarryOver);
        CHECK(income[3].meaning.stage == Stage::CarryOver);
        CHECK(income[3].meaning.source == FundSource::GeneralPublic);
        const auto& spending = result.document->tables[0].sides[1].rows;
        CHECK(spending[1].subject->code == "208");
        CHECK(spending[1].parent == 0);
        CHECK(spending[1].level == 2);
        CHECK(spending[3].role == RowRole::Filler);
    }
    SECTION("an unknown subject name is reported with close catalog names") {
        auto result = load_tables(
            R"([{"title": "支出总表", "columns": ["科目名称", "合计"], "rows": [["社会保障和就业支岀", "1"]]}])");
        const LoadDiagnostic* d = test::find_diagnostic(result, "row.unknown-subject");
        REQUIRE(d);
        CHECK(d->where.pointer == "/tables/0/rows/0");
        REQUIRE_FALSE(d->suggestions.empty());
        CHECK(d->suggestions[0] == "社会保障和就业支出");
    }
}
