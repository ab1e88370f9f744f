// The typed model of one budget disclosure: what every table, column, row and cell means, and
// where in the input file each came from. The loader builds it; rules and reporters read it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "budgetcheck/model/amount.hpp"
#include "budgetcheck/model/text.hpp"

namespace budgetcheck {

// Where something came from in the input file: line and column are 1-based (the column counts
// Unicode code points); 0 means unknown. The JSON pointer (RFC 6901) names the value. Text read
// from a PDF has no line or pointer but the 1-based page it is printed on (0: not from a PDF),
// and, for a disclosure published as several PDFs, which of them (0: the first) the page is in.
struct SourceLocation {
    std::string pointer;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::uint32_t page = 0;
    std::uint32_t part = 0;
};

// 部门预算, 单位预算, 部门决算, 单位决算.
enum class DocumentKind { DepartmentBudget, UnitBudget, DepartmentFinal, UnitFinal };
// Final accounts (决算) report what was spent; a budget (预算) what is planned.
bool is_final_accounts(DocumentKind kind);
std::string_view to_string(DocumentKind kind);     // "unit_budget"
std::string_view chinese_name(DocumentKind kind);  // "单位预算"
std::optional<DocumentKind> parse_document_kind(std::string_view id);

// The kinds of table a disclosure publishes, whatever each place titles them.
enum class TableKind {
    IncomeExpenditureSummary,  // 收支总表 / 收支预算总表 / 财务收支预算总表 (two sides)
    IncomeSummary,             // 收入总表
    ExpenditureSummary,        // 支出总表
    FiscalAppropriationSummary,     // 财政拨款收支总表 (two sides)
    FiscalExpenditure,              // 财政拨款支出表 (functional subjects, all fiscal money)
    FiscalBasicExpenditure,         // 财政拨款基本支出表 (economic subjects, all fiscal money)
    GeneralPublicExpenditure,       // 一般公共预算支出表 (functional subjects)
    GeneralPublicBasicExpenditure,  // 一般公共预算基本支出表 (economic subjects)
    ThreePublicExpenses,            // “三公”经费支出表
    GovernmentFundExpenditure,      // 政府性基金预算支出表
    StateCapitalExpenditure,        // 国有资本经营预算支出表
    ProjectExpenditure,             // 项目支出表
    EntrustedServiceExpenditure,    // 财政拨款委托业务费支出表
    PerformanceTargets,             // 项目支出绩效目标表
    OperatingExpenses,              // 机关运行经费 (printed as its own table in some places)
    GovernmentProcurement,          // 政府采购预算表
    GovernmentPurchasedServices,    // 政府购买服务预算表 (services bought by the government)
    Unknown,
};
std::string_view to_string(TableKind kind);     // stable id: "expenditure_summary"
std::string_view chinese_name(TableKind kind);  // "支出总表"
std::optional<TableKind> parse_table_kind_id(std::string_view id);
bool is_two_sided(TableKind kind);

// Which side of a two-sided table a column or row belongs to.
enum class Side { Whole, Income, Expenditure };
std::string_view to_string(Side side);

// The classification a subject row belongs to.
enum class Classification {
    Functional,          // 支出功能分类 (208, 20801, 2080108)
    EconomicDepartment,  // 部门预算支出经济分类 (301, 30101)
    EconomicGovernment,  // 政府预算支出经济分类 (501, 50101)
};
std::string_view to_string(Classification classification);

// ---- columns -------------------------------------------------------------------------------

enum class ColumnRole {
    Label,          // 项目 / 科目名称: what the row is
    Code,           // 科目编码 printed in one column
    CodeClass,      // 类 (code split into columns)
    CodeSection,    // 款
    CodeItem,       // 项
    UnitName,       // 单位名称
    ProjectType,    // 类型 (项目支出表)
    ProjectLevel1,  // 一级项目
    ProjectLevel2,  // 二级项目
    Attribute,      // a text column that is neither label nor figure (采购组织形式)
    Ordinal,        // 序号 / 行次: a printed row number
    Value,          // a column of amounts or percentages
    Unknown,
};

// Which year's figures a value column holds.
enum class Period {
    // The figures the document reports for its own year: the budget (预算数, 年初预算数) in a
    // 预算, the outturn (决算数) in a 决算. Every identity between the tables is among these.
    BudgetYear,
    PriorYearExecution,      // 上年执行数 (上年决算数)
    PriorYearBudget,         // 上年预算数
    ChangeVsPriorExecution,  // 比上年执行数增减
    ChangeVsPriorBudget,     // 比上年预算数增减
    // In a 决算, the budget its outturn is measured against:
    OriginalBudget,  // 年初预算数 (预算数 where nothing narrows it)
    AdjustedBudget,  // 调整预算数: what was added or cut during the year
    FullYearBudget,  // 全年预算数 = 年初预算数 + 调整预算数
};

// Current-year money or money carried over from earlier years.
enum class Stage { All, CurrentYear, CarryOver };

// Where money comes from (an income breakdown column or line).
enum class FundSource {
    Any,
    Fiscal,               // 财政拨款
    GeneralPublic,        // 一般公共预算
    GovernmentFund,       // 政府性基金预算
    StateCapital,         // 国有资本经营预算
    SpecialAccount,       // 财政专户管理资金
    UnitFunds,            // 单位资金
    BusinessIncome,       // 事业收入
    OperatingIncome,      // 事业单位经营收入
    SuperiorSubsidy,      // 上级补助收入
    AffiliateRemittance,  // 附属单位上缴收入
    OtherIncome,          // 其他收入
    NonFiscalBalanceUse,  // 使用非财政拨款结余
    NonFiscal,            // 非财政拨款 (结转结余)
    OtherFunds,           // 其他资金 (江苏: 事业收入, 经营收入, 其他收入, 债务资金)
    Debt,                 // 债务资金（银行贷款）
};

// What money is spent as (an expenditure breakdown column or line).
enum class Spending {
    All,
    Basic,                // 基本支出
    Project,              // 项目支出
    Personnel,            // 人员经费
    Public,               // 公用经费
    BusinessOperation,    // 事业单位经营支出
    RemitToSuperior,      // 上缴上级支出
    SubsidyToAffiliates,  // 对附属单位补助支出
    Reserve,              // 单位预留机动经费
    CarryForward,         // 结转下年 / 年末结转和结余: money carried into the next year
    BalanceDistribution,  // 结余分配: a balance paid out or set aside (决算)
};

// Whether a line or column totals others: 合计 / 小计 totals what it heads; 收入总计 / 支出总计
// (and 收入合计 where no 本年 narrows it) is everything on its side, carry-over included.
enum class Aggregate { None, Total, Grand };

enum class Quantity {
    Amount,
    ChangeAmount,
    ChangePercent,
    CompletionPercent,  // 决算数为预算数的% / 预算完成率: the outturn as a share of the budget
    SharePercent,       // 占比 / 比重: a line as a share of its total
};
// A column of percentages rather than of money.
inline bool is_percent(Quantity quantity) {
    return quantity == Quantity::ChangePercent || quantity == Quantity::CompletionPercent ||
           quantity == Quantity::SharePercent;
}

// The line items of the “三公” table, printed as rows (vertical) or as columns (horizontal).
enum class ThreePublicItem {
    None,
    Total,              // 合计
    OverseasTravel,     // 因公出国（境）费
    Reception,          // 公务接待费
    VehicleTotal,       // 公务用车购置及运行费
    VehiclePurchase,    // 公务用车购置费
    VehicleOperation,   // 公务用车运行（维护）费
    OperatingExpenses,  // 机关运行经费 (when combined into the same table)
    Meeting,            // 会议费 (printed beside the “三公” items in some places)
    Training,           // 培训费
    Combined,           // 合计 of “三公”, 会议费 and 培训费 together
};
std::string_view to_string(ThreePublicItem item);
std::string_view chinese_name(ThreePublicItem item);

// What a column holds, decoded from its header path.
struct ColumnMeaning {
    ColumnRole role = ColumnRole::Unknown;
    Side side = Side::Whole;
    Period period = Period::BudgetYear;
    Stage stage = Stage::All;
    FundSource source = FundSource::Any;
    Spending spending = Spending::All;
    Quantity quantity = Quantity::Amount;
    ThreePublicItem three_public = ThreePublicItem::None;
    Aggregate aggregate = Aggregate::None;
    bool of_which = false;                       // 其中：… (a part, not a breakdown member)
    bool excludes_capital_construction = false;  // 扣除中央基建投资
    std::string detail;                          // words not otherwise modelled (教育收费)

    bool is_value() const { return role == ColumnRole::Value; }
    // "value: budget-year · current-year · general-public · basic", for inspect and messages.
    std::string describe() const;
};

struct Column {
    std::vector<std::string> header;  // header texts as printed, top to bottom
    int physical_index = 0;           // position in the printed table (and in each JSON row)
    ColumnMeaning meaning;
    SourceLocation source;

    std::string printed() const;  // header texts joined with " / "
};

// ---- rows and cells ------------------------------------------------------------------------

// A cell holds text (labels, codes), an amount, or a percentage, per its column's meaning.
struct Cell {
    std::string printed;  // exactly as in the input (JSON numbers written as their digits)
    std::variant<std::monostate, Amount, Percentage> value;
    bool invalid = false;  // a value column whose text is not a number (reported by the loader)
    SourceLocation source;
    // The printed column, where it is not the side's column at this position: a list continued
    // in the panel beside it is read as one list, but its cells stay where they were printed.
    int printed_column = -1;

    const Amount* amount() const { return std::get_if<Amount>(&value); }
    const Percentage* percentage() const { return std::get_if<Percentage>(&value); }
};

// Line items: the fixed lines of summaries, recognised by their printed labels.
enum class LineItem {
    None,
    // income side
    FiscalAppropriationIncome,  // 财政拨款收入
    GeneralPublicIncome,        // 一般公共预算拨款收入
    GovernmentFundIncome,       // 政府性基金预算拨款收入
    StateCapitalIncome,         // 国有资本经营预算拨款收入
    SpecialAccountIncome,       // 财政专户管理资金收入
    UnitFundsIncome,            // 单位资金收入
    BusinessIncome,             // 事业收入
    OperatingIncome,            // 事业单位经营收入
    SuperiorSubsidyIncome,      // 上级补助收入
    AffiliateRemittanceIncome,  // 附属单位上缴收入
    OtherIncome,                // 其他收入
    NonFiscalBalanceUse,        // 使用非财政拨款结余
    CurrentYearIncome,          // 本年收入 (heading of the current-year lines)
    CurrentYearIncomeTotal,     // 本年收入合计
    CarryOver,                  // 上年结转 / 上年结转结余
    FiscalCarryOver,            // 财政拨款结转
    NonFiscalCarryOver,         // 非财政拨款结转结余
    IncomeGrandTotal,           // 收入总计
    // expenditure side
    CurrentYearExpenditure,          // 本年支出
    CurrentYearExpenditureTotal,     // 本年支出合计
    BasicExpenditure,                // 基本支出
    ProjectExpenditure,              // 项目支出
    PersonnelExpenses,               // 人员经费
    PublicExpenses,                  // 公用经费
    BusinessOperationExpenditure,    // 事业单位经营支出
    RemitToSuperiorExpenditure,      // 上缴上级支出
    SubsidyToAffiliatesExpenditure,  // 对附属单位补助支出
    CarryForward,                    // 结转下年 / 年末结转和结余
    BalanceDistribution,             // 结余分配
    ExpenditureGrandTotal,           // 支出总计
    // generic
    Total,  // 合计 / 总计 / 小计
    // “三公”
    ThreePublic,  // see Row::three_public for which line
};
std::string_view to_string(LineItem item);

// A subject of 政府收支分类科目 a row stands for.
struct SubjectRef {
    Classification classification = Classification::Functional;
    std::string code;          // "2080108"
    std::string name;          // as printed (numbering stripped)
    std::string catalog_name;  // the bundled catalog's name for the code, if it knows the code
    int level = 0;             // 1 类, 2 款, 3 项 (from the code's length)
    enum class Origin { PrintedCode, SplitCodeColumns, CatalogName } origin = Origin::PrintedCode;
};

enum class RowRole {
    LineItem,       // a summary line (see Row::line_item)
    Subject,        // a classification subject (see Row::subject)
    ProjectType,    // 项目支出表: 类型 row
    ProjectLevel1,  // 一级项目
    ProjectLevel2,  // 二级项目
    Unit,           // a unit's row (收入总表, 部门预算 aggregating units)
    Item,           // an entry of a free list (a procurement item), named in its own words
    Filler,         // a blank row printed to fill the page
    Unknown,        // printed but not understood (the loader warns)
};
std::string_view to_string(RowRole role);

struct Row {
    int json_index = 0;        // index in the table's "rows" array
    bool object_form = false;  // written as {"cells": [...], "level": n}
    SourceLocation source;
    std::string label;       // the printed label (empty for label-less tables)
    LabelParts label_parts;  // numbering, 其中, and the matching key
    RowRole role = RowRole::Unknown;
    LineItem line_item = LineItem::None;
    ThreePublicItem three_public = ThreePublicItem::None;
    ColumnMeaning meaning;  // what a line's label says (source, stage, spending, side, total …)
    std::optional<SubjectRef> subject;
    int level = 0;            // depth in this table's tree (1 = top)
    int parent = -1;          // index of the parent row in the same side, -1 at the top
    bool is_total = false;    // 合计 / 总计 / 收入总计 / 本年支出合计 …
    std::vector<Cell> cells;  // one per column of the side, in column order
};

// One side of a table. Ordinary tables have one side (Side::Whole); the two-sided summaries have
// an income side and an expenditure side sharing the printed rows.
struct TableSide {
    Side side = Side::Whole;
    std::vector<Column> columns;
    std::vector<Row> rows;
    // The columns of a panel read as the continuation of this one (their rows are in rows),
    // kept so the table can be shown as printed.
    std::vector<Column> continued_columns;

    // The first column with this role, or -1.
    int find_role(ColumnRole role) const;
};

// A figure of the “三公” table in its one typed form, whichever way the table was printed.
struct ThreePublicFigure {
    ThreePublicItem item = ThreePublicItem::None;
    Period period = Period::BudgetYear;
    Quantity quantity = Quantity::Amount;
    int side = 0;  // indices into the table: side, row, column
    int row = 0;
    int column = 0;
};

// ---- performance targets -------------------------------------------------------------------

enum class FundLineKind { Total, Fiscal, CarryOver, Other, Unknown };  // 年度资金总额, 财政拨款 …
std::string_view to_string(FundLineKind kind);

struct FundLine {
    std::string label;
    FundLineKind kind = FundLineKind::Unknown;
    Cell cell;
};

enum class IndicatorCategory {
    Output,
    Effect,
    Satisfaction,
    Cost,
    Unknown
};  // 产出/效益(效果)/满意度/成本
std::string_view to_string(IndicatorCategory category);

// An indicator value such as "≥99%" or "=259.2 万元" read as operator, number and unit.
struct IndicatorValue {
    std::string op;                 // "≥", "≤", "=", ">", "<" or "" when none is printed
    std::optional<Decimal> number;  // absent for qualitative values (作用显著)
    std::string unit;               // "%", "万元", "次", "台/套" …
};
IndicatorValue parse_indicator_value(std::string_view printed);

struct Indicator {
    std::string level1, level2, level3, explanation;
    IndicatorCategory category = IndicatorCategory::Unknown;
    Cell value;  // printed value text; its SourceLocation points at the JSON string
    IndicatorValue parsed_value;
    Cell weight;  // an Amount-typed cell holding the weight
    SourceLocation source;
};

struct ProjectTargets {
    std::string project, unit, department, goal;
    std::vector<FundLine> funds;
    std::vector<Indicator> indicators;
    std::vector<std::pair<std::string, Cell>> score_weights;  // 执行率 → 10
    std::optional<Cell> weights_total;                        // printed 分值权重 (90)
    SourceLocation source;
};

// A verbatim text (a profile or narrative section, a glossary entry, a table note) and where its
// JSON string starts, with the string as written in the file so positions inside it can be
// given exactly even where the JSON escapes characters.
struct TextSection {
    std::string heading;
    std::string text;
    SourceLocation source;       // the section
    SourceLocation text_source;  // the opening quote of its text
    std::string raw;             // the text's JSON string between the quotes, escapes and all
};

// Where the code point at `index` of a JSON string's decoded text sits in the file.
SourceLocation locate_in_string(const SourceLocation& opening_quote, std::string_view raw, std::size_t index);

// ---- tables and the document ---------------------------------------------------------------

struct Table {
    int json_index = 0;
    SourceLocation source;
    std::string title;
    TextSection title_source;  // the title with its position, so a rule can point inside it
    std::string label;  // 单位公开表3
    TableKind kind = TableKind::Unknown;
    bool kind_from_key = false;  // given by the "kind" key rather than recognised from the title
    MoneyUnit money_unit = MoneyUnit::TenThousandYuan;
    std::optional<Classification> classification;  // of its subject rows, when it has any
    std::vector<TableSide> sides;
    std::vector<std::string> notes;
    std::vector<TextSection> note_sources;  // the notes with their positions
    std::vector<ThreePublicFigure> three_public;  // filled for ThreePublicExpenses tables
    std::vector<ProjectTargets> projects;         // filled for PerformanceTargets tables

    bool is_empty() const;  // no printed figure anywhere
    const TableSide* side(Side which) const;
};


struct Document {
    std::string file;  // the path it was read from ("-" for standard input)
    int format_version = 1;
    std::string title, unit, unit_code, published;
    int year = 0;
    DocumentKind kind = DocumentKind::UnitBudget;
    MoneyUnit money_unit = MoneyUnit::TenThousandYuan;
    std::vector<TextSection> profile;
    std::vector<TextSection> narrative;
    std::vector<TextSection> glossary;
    std::vector<TextSection> contents;  // the 目录 entries, each as the text of a section
    std::vector<Table> tables;

    // All tables of a kind, in printed order.
    std::vector<const Table*> tables_of(TableKind wanted) const;
};

}  // namespace budgetcheck
