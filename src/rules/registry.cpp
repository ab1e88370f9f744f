// The one registration table: every rule's stable id, family, default severity and titles.
// docs/rules/<id>.md documents each; tests/unit/rules_*_test.cpp show each firing and not.
#include <algorithm>

#include "families.hpp"

namespace budgetcheck {

namespace {

using S = Severity;
namespace r = rules;

constexpr RuleInfo registry[] = {
    // footing: down a column
    {"footing.subject-children", "footing", S::Error,
     "A parent subject equals the sum of its sub-subjects", "上级科目等于下级科目之和",
     r::subject_children},
    {"footing.total-row", "footing", S::Error, "A total row equals the sum of the lines it totals",
     "合计行等于所合计各行之和", r::total_rows},
    {"footing.line-children", "footing", S::Error, "A summary line equals the sum of its sub-lines",
     "汇总行等于所属各行之和", r::line_children},
    {"footing.project-hierarchy", "footing", S::Error,
     "A project type and a first-level project equal the projects under them",
     "项目类型、一级项目等于所属项目之和", r::project_hierarchy},
    {"footing.of-which", "footing", S::Error,
     "An 其中 line or column does not exceed what it is part of", "“其中”项不超过其所属项",
     r::of_which},
    // cross-footing: across a row
    {"crossfoot.column-group", "crossfoot", S::Error,
     "A total column equals the sum of its breakdown columns", "合计列等于各分项列之和",
     r::column_groups},
    {"crossfoot.stages", "crossfoot", S::Error,
     "A budget equals current-year money plus carry-over", "预算数等于本年预算与上年结转之和",
     r::budget_stages},
    {"crossfoot.balance", "crossfoot", S::Error,
     "A two-sided summary's 收入总计 equals its 支出总计", "收入总计等于支出总计",
     r::two_sided_balance},
    {"crossfoot.roll-forward", "crossfoot", S::Error,
     "A balance carried through the year rolls forward: 年初 + 本年收入 − 本年支出 − 结余分配 = 年末",
     "年初结转和结余加本年收入减本年支出、结余分配等于年末结转和结余", r::roll_forward},
    {"crossfoot.full-year-budget", "crossfoot", S::Error,
     "A 决算's full-year budget is its original budget plus the adjustment",
     "全年预算数等于年初预算数加调整预算数", r::full_year_budget},
    {"crossfoot.share", "crossfoot", S::Error, "A share column is its line over the table's total",
     "占比等于本行金额除以合计", r::share_of_total},
    {"crossfoot.completion-rate", "crossfoot", S::Error,
     "A 决算's rate of completion is its outturn over its budget", "完成率等于决算数除以预算数",
     r::completion_rate},
    // between tables
    {"crosstable.income-summary", "crosstable", S::Error,
     "收支总表 income lines agree with 收入总表", "收支总表收入与收入总表一致", r::income_summary},
    {"crosstable.expenditure-summary", "crosstable", S::Error,
     "收支总表 expenditure lines agree with 支出总表", "收支总表支出与支出总表一致",
     r::expenditure_summary},
    {"crosstable.fiscal-summary", "crosstable", S::Error,
     "财政拨款收支总表 agrees with the fiscal part of 收支总表",
     "财政拨款收支总表与收支总表财政拨款部分一致", r::fiscal_summary},
    {"crosstable.general-public-fiscal", "crosstable", S::Error,
     "一般公共预算支出表 agrees with 财政拨款收支总表", "一般公共预算支出表与财政拨款收支总表一致",
     r::general_public_vs_fiscal},
    {"crosstable.general-public-within-total", "crosstable", S::Error,
     "A narrower fund's figure does not exceed the broader fund's in another table",
     "一般公共预算（财政拨款）数不超过其他表中财政拨款（全部资金）对应数",
     r::general_public_within_expenditure},
    {"crosstable.basic-table", "crosstable", S::Error,
     "一般公共预算基本支出表 agrees with the basic columns of 一般公共预算支出表",
     "基本支出表与一般公共预算支出表基本支出一致", r::basic_table},
    {"crosstable.three-public-economic", "crosstable", S::Error,
     "Basic spending on 三公 items does not exceed the “三公” table",
     "基本支出中的“三公”科目不超过“三公”经费表", r::three_public_economic},
    {"crosstable.project-table", "crosstable", S::Error,
     "项目支出表 agrees with the project column of 支出总表", "项目支出表与支出总表项目支出一致",
     r::project_table},
    {"crosstable.performance-funds", "crosstable", S::Error,
     "Each performance target's funds agree with its project in 项目支出表",
     "绩效目标资金与项目支出表一致", r::performance_funds},
    {"crosstable.fund-tables", "crosstable", S::Error,
     "政府性基金 and 国有资本经营 tables agree with their 收支总表 lines",
     "政府性基金、国有资本经营预算表与收支总表一致", r::fund_tables},
    {"crosstable.same-figure", "crosstable", S::Error,
     "The same money printed in two tables agrees", "不同表格列示的同一数字一致", r::same_figure},
    {"crosstable.subject-present", "crosstable", S::Error,
     "A subject with money in one table is printed in the tables that include it",
     "一张表中列有金额的科目，在包含它的表中也应列示", r::subject_present},
    {"crosstable.operating-expenses", "crosstable", S::Error,
     "A department of 行政 and 参公 units prints its 公用经费 as its 机关运行经费",
     "行政、参公单位组成的部门，机关运行经费等于一般公共预算公用经费", r::operating_expenses},
    {"crosstable.economic-functional", "crosstable", S::Warning,
     "Economic lines agree with the functional lines they usually fund",
     "经济分类科目与对应功能分类科目一致", r::economic_functional},
    // year over year
    {"yoy.change-amount", "yoy", S::Error, "A change equals budget minus prior year",
     "增减额等于预算数减上年数", r::change_amount},
    {"yoy.change-percent", "yoy", S::Error, "A change rate equals change divided by prior year",
     "增减率等于增减额除以上年数", r::change_percent},
    {"yoy.prior-year-column", "yoy", S::Warning,
     "A figure of last year the tables print agrees with last year's disclosure",
     "表中所列上年数与上年公开文件一致", r::prior_year_columns},
    {"yoy.subject-recoded", "yoy", S::Note,
     "A subject recoded or renamed between the two catalog years",
     "两年科目目录间编码或名称变更的科目", r::subject_recoded},
    {"yoy.excluding-capital", "yoy", S::Error,
     "A figure net of central capital construction does not exceed the gross",
     "扣除中央基建投资后不超过扣除前", r::excluding_capital},
    // classification
    {"classification.parent-code", "classification", S::Error,
     "A subject's code fits under its parent's code", "科目编码与上级科目编码一致", r::parent_code},
    {"classification.catalog-name", "classification", S::Error,
     "A subject's code and name agree with the catalog", "科目编码与名称符合科目目录",
     r::catalog_name},
    {"classification.economic-column", "classification", S::Error,
     "Economic subjects sit in the right personnel/public column",
     "经济分类科目列入正确的人员经费/公用经费列", r::economic_column},
    // performance targets
    {"performance.weights", "performance", S::Error,
     "Indicator weights add up to the scheme's total", "指标权重合计符合分值", r::weights},
    {"performance.funds-sum", "performance", S::Error, "A project's fund lines add up to its total",
     "项目资金各来源之和等于资金总额", r::funds_sum},
    {"performance.indicator-categories", "performance", S::Warning,
     "Each project has output, effect and satisfaction indicators",
     "每个项目设置产出、效益、满意度指标", r::indicator_categories},
    {"performance.indicator-format", "performance", S::Note,
     "An indicator value has a comparison, a number and a unit", "指标值包含比较符、数值与单位",
     r::indicator_format},
    {"performance.rate-above-100", "performance", S::Warning, "A rate target does not exceed 100%",
     "比率类指标值不超过100%", r::rate_above_100},
    // a 决算 against its budget
    {"outturn.three-public-over-budget", "outturn", S::Warning,
     "A “三公” item's outturn stays within its budget", "“三公”经费各项决算数不超过预算数",
     r::three_public_over_budget},
    // completeness
    {"completeness.required-tables", "completeness", S::Error,
     "The tables a budget disclosure must publish are present", "应公开的表格齐全",
     r::required_tables},
    {"completeness.contents", "completeness", S::Warning,
     "Every table the table of contents lists is printed", "目录所列表格均已列示",
     r::contents_tables},
    {"completeness.detail-level", "completeness", S::Warning,
     "一般公共预算 spending is published down to the 项, its basic spending down to the 款",
     "一般公共预算支出公开到项级，基本支出公开到款级", r::detail_level},
    {"completeness.narrative-topics", "completeness", S::Warning,
     "A department's narrative explains its “三公”经费, 机关运行经费, 政府采购, 国有资产 and 绩效",
     "部门预决算情况说明涵盖“三公”经费、机关运行经费、政府采购、国有资产和绩效", r::narrative_topics},
    {"completeness.three-public-items", "completeness", S::Warning,
     "The “三公” table shows each item apart, 公务用车 split into 购置费 and 运行费",
     "“三公”经费表分项列示，公务用车购置费和运行费分别列示", r::three_public_items},
    {"completeness.empty-table-explained", "completeness", S::Warning,
     "An empty table says why it is empty", "空表说明原因", r::empty_table_explained},
    {"completeness.empty-table-note", "completeness", S::Error,
     "A fund table's note speaks of its own table",
     "政府性基金、国有资本经营、“三公”表的注释与本表相符", r::empty_table_note},
    {"completeness.unlabelled-row", "completeness", S::Warning,
     "A row that prints figures says what they are", "列示数字的行应有名称", r::unlabelled_rows},
    // each figure on its own
    {"amount.well-formed", "amount", S::Warning,
     "A money figure is not negative outside a column of changes, nor finer than its unit allows",
     "金额不为负数（增减列除外），小数位数不超过单位所允许", r::well_formed_amounts},
    // the words, apart from the figures
    {"text.template-residue", "text", S::Error,
     "No placeholder or template wording is left in the text", "无未替换的占位符或模板文字",
     r::template_residue},
    {"text.title-year", "text", S::Error, "A table's title carries the report's year",
     "表格标题年度与本文件年度一致", r::title_year},
    {"text.year", "text", S::Warning, "A year in the text is the report's year or the one before",
     "文中年度为本年度或上年度", r::text_years},
    // the narrative (情况说明) against the tables
    {"narrative.amount", "narrative", S::Error,
     "An amount the narrative quotes agrees with its table cell", "情况说明所引金额与表格一致",
     r::narrative_amounts},
    {"narrative.share", "narrative", S::Error,
     "A share the narrative quotes agrees with its part and whole", "情况说明所列占比与金额一致",
     r::narrative_shares},
    {"narrative.change", "narrative", S::Error,
     "A change the narrative quotes agrees with the table and its own words",
     "情况说明所列增减与表格及措辞一致", r::narrative_changes},
    {"narrative.prior-year", "narrative", S::Warning,
     "A figure of last year the narrative quotes agrees with last year's disclosure",
     "情况说明所引上年数与上年公开文件一致", r::narrative_prior_year},
    {"narrative.count", "narrative", S::Error,
     "A count the narrative quotes agrees with its list or table",
     "情况说明所列个数与列举或表格一致", r::narrative_counts},
    {"narrative.breakdown", "narrative", S::Error,
     "The parts the narrative lists add up to their total", "情况说明所列各项之和等于总数",
     r::narrative_breakdowns},
    {"narrative.unit-name", "narrative", S::Warning, "The unit is named the same way throughout",
     "单位名称前后一致", r::narrative_unit_name},
    {"narrative.change-reason", "narrative", S::Warning,
     "A change the narrative states carries its reason", "增减变化说明原因",
     r::narrative_change_reason},
    {"narrative.unverifiable", "narrative", S::Note,
     "A figure the narrative quotes that no table can confirm", "情况说明中无法用表格核对的数字",
     r::narrative_unverifiable},
    // the rounding model
    {"rounding.explained", "rounding", S::Note,
     "A difference that rounding of the printed figures can explain",
     "可由打印数字四舍五入解释的差异", r::none},
};

}  // namespace

std::span<const RuleInfo> all_rules() {
    return registry;
}

const RuleInfo* find_rule(std::string_view id) {
    for (const RuleInfo& rule : registry) {
        if (rule.id == id) {
            return &rule;
        }
    }
    return nullptr;
}

CheckReport check_document(const Document& document, const RuleOptions& options,
                           const Document* last_year) {
    CheckReport report;
    RuleContext context(document, options, report, last_year);
    for (const RuleInfo& rule : registry) {
        if (std::find(options.disabled.begin(), options.disabled.end(), rule.id) !=
            options.disabled.end()) {
            continue;
        }
        context.begin(rule);
        rule.run(document, context);
    }
    context.finish();
    auto order = [](const Finding& f) {
        const RuleInfo* rule = find_rule(f.rule_id);
        const int table = f.cells.empty() ? -1 : f.cells.front().table_index;
        const std::uint32_t line = f.cells.empty() ? 0 : f.cells.front().source.line;
        const std::uint32_t column = f.cells.empty() ? 0 : f.cells.front().source.column;
        return std::make_tuple(table, line, column, rule == nullptr ? 0 : rule - registry);
    };
    std::stable_sort(report.findings.begin(), report.findings.end(),
                     [&](const Finding& a, const Finding& b) { return order(a) < order(b); });
    return report;
}

}  // namespace budgetcheck
