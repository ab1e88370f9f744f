#include "budgetcheck/model/document.hpp"

#include <fmt/format.h>

namespace budgetcheck {

std::string_view to_string(DocumentKind kind) {
    switch (kind) {
        case DocumentKind::DepartmentBudget:
            return "department_budget";
        case DocumentKind::UnitBudget:
            return "unit_budget";
        case DocumentKind::DepartmentFinal:
            return "department_final";
        case DocumentKind::UnitFinal:
            return "unit_final";
    }
    return "?";
}

std::string_view chinese_name(DocumentKind kind) {
    switch (kind) {
        case DocumentKind::DepartmentBudget:
            return "部门预算";
        case DocumentKind::UnitBudget:
            return "单位预算";
        case DocumentKind::DepartmentFinal:
            return "部门决算";
        case DocumentKind::UnitFinal:
            return "单位决算";
    }
    return "?";
}

bool is_final_accounts(DocumentKind kind) {
    return kind == DocumentKind::DepartmentFinal || kind == DocumentKind::UnitFinal;
}

std::optional<DocumentKind> parse_document_kind(std::string_view id) {
    for (DocumentKind kind : {DocumentKind::DepartmentBudget, DocumentKind::UnitBudget,
                              DocumentKind::DepartmentFinal, DocumentKind::UnitFinal}) {
        // The Chinese name is what a clerk types (单位预算), and means the same.
        if (to_string(kind) == id || chinese_name(kind) == id) {
            return kind;
        }
    }
    return std::nullopt;
}

namespace {

struct TableKindName {
    TableKind kind;
    std::string_view id;
    std::string_view chinese;
};

constexpr TableKindName table_kind_names[] = {
    {TableKind::IncomeExpenditureSummary, "income_expenditure_summary", "收支总表"},
    {TableKind::IncomeSummary, "income_summary", "收入总表"},
    {TableKind::ExpenditureSummary, "expenditure_summary", "支出总表"},
    {TableKind::FiscalAppropriationSummary, "fiscal_appropriation_summary", "财政拨款收支总表"},
    {TableKind::FiscalExpenditure, "fiscal_expenditure", "财政拨款支出表"},
    {TableKind::FiscalBasicExpenditure, "fiscal_basic_expenditure", "财政拨款基本支出表"},
    {TableKind::GeneralPublicExpenditure, "general_public_expenditure", "一般公共预算支出表"},
    {TableKind::GeneralPublicBasicExpenditure, "general_public_basic_expenditure",
     "一般公共预算基本支出表"},
    {TableKind::ThreePublicExpenses, "three_public_expenses", "“三公”经费支出表"},
    {TableKind::GovernmentFundExpenditure, "government_fund_expenditure", "政府性基金预算支出表"},
    {TableKind::StateCapitalExpenditure, "state_capital_expenditure", "国有资本经营预算支出表"},
    {TableKind::ProjectExpenditure, "project_expenditure", "项目支出表"},
    {TableKind::EntrustedServiceExpenditure, "entrusted_service_expenditure",
     "财政拨款委托业务费支出表"},
    {TableKind::PerformanceTargets, "performance_targets", "项目支出绩效目标表"},
    {TableKind::OperatingExpenses, "operating_expenses", "机关运行经费表"},
    {TableKind::GovernmentProcurement, "government_procurement", "政府采购预算表"},
    {TableKind::GovernmentPurchasedServices, "government_purchased_services", "政府购买服务预算表"},
    {TableKind::Unknown, "unknown", "未识别"},
};

}  // namespace

std::string_view to_string(TableKind kind) {
    for (const auto& name : table_kind_names) {
        if (name.kind == kind) {
            return name.id;
        }
    }
    return "unknown";
}

std::string_view chinese_name(TableKind kind) {
    for (const auto& name : table_kind_names) {
        if (name.kind == kind) {
            return name.chinese;
        }
    }
    return "未识别";
}

std::optional<TableKind> parse_table_kind_id(std::string_view id) {
    for (const auto& name : table_kind_names) {
        if (name.id == id && name.kind != TableKind::Unknown) {
            return name.kind;
        }
    }
    return std::nullopt;
}

bool is_two_sided(TableKind kind) {
    return kind == TableKind::IncomeExpenditureSummary ||
           kind == TableKind::FiscalAppropriationSummary;
}

std::string_view to_string(Side side) {
    switch (side) {
        case Side::Whole:
            return "whole";
        case Side::Income:
            return "income";
        case Side::Expenditure:
            return "expenditure";
    }
    return "?";
}

std::string_view to_string(Classification classification) {
    switch (classification) {
        case Classification::Functional:
            return "functional";
        case Classification::EconomicDepartment:
            return "economic_department";
        case Classification::EconomicGovernment:
            return "economic_government";
    }
    return "?";
}

std::string_view to_string(ThreePublicItem item) {
    switch (item) {
        case ThreePublicItem::None:
            return "none";
        case ThreePublicItem::Total:
            return "total";
        case ThreePublicItem::OverseasTravel:
            return "overseas_travel";
        case ThreePublicItem::Reception:
            return "reception";
        case ThreePublicItem::VehicleTotal:
            return "vehicle_total";
        case ThreePublicItem::VehiclePurchase:
            return "vehicle_purchase";
        case ThreePublicItem::VehicleOperation:
            return "vehicle_operation";
        case ThreePublicItem::OperatingExpenses:
            return "operating_expenses";
        case ThreePublicItem::Meeting:
            return "meeting";
        case ThreePublicItem::Training:
            return "training";
        case ThreePublicItem::Combined:
            return "combined";
    }
    return "?";
}

std::string_view chinese_name(ThreePublicItem item) {
    switch (item) {
        case ThreePublicItem::None:
            return "";
        case ThreePublicItem::Total:
            return "“三公”合计";
        case ThreePublicItem::OverseasTravel:
            return "因公出国（境）费";
        case ThreePublicItem::Reception:
            return "公务接待费";
        case ThreePublicItem::VehicleTotal:
            return "公务用车购置及运行费";
        case ThreePublicItem::VehiclePurchase:
            return "公务用车购置费";
        case ThreePublicItem::VehicleOperation:
            return "公务用车运行维护费";
        case ThreePublicItem::OperatingExpenses:
            return "机关运行经费";
        case ThreePublicItem::Meeting:
            return "会议费";
        case ThreePublicItem::Training:
            return "培训费";
        case ThreePublicItem::Combined:
            return "“三公”经费、会议费和培训费合计";
    }
    return "?";
}

namespace {

std::string_view describe(Period period) {
    switch (period) {
        case Period::BudgetYear:
            return "budget-year";
        case Period::PriorYearExecution:
            return "prior-year-execution";
        case Period::PriorYearBudget:
            return "prior-year-budget";
        case Period::ChangeVsPriorExecution:
            return "change-vs-prior-execution";
        case Period::ChangeVsPriorBudget:
            return "change-vs-prior-budget";
        case Period::OriginalBudget:
            return "original-budget";
        case Period::AdjustedBudget:
            return "budget-adjustment";
        case Period::FullYearBudget:
            return "full-year-budget";
    }
    return "?";
}

std::string_view describe(Stage stage) {
    switch (stage) {
        case Stage::All:
            return "";
        case Stage::CurrentYear:
            return "current-year";
        case Stage::CarryOver:
            return "carry-over";
    }
    return "?";
}

std::string_view describe(FundSource source) {
    switch (source) {
        case FundSource::Any:
            return "";
        case FundSource::Fiscal:
            return "fiscal";
        case FundSource::GeneralPublic:
            return "general-public";
        case FundSource::GovernmentFund:
            return "government-fund";
        case FundSource::StateCapital:
            return "state-capital";
        case FundSource::SpecialAccount:
            return "special-account";
        case FundSource::UnitFunds:
            return "unit-funds";
        case FundSource::BusinessIncome:
            return "business-income";
        case FundSource::OperatingIncome:
            return "operating-income";
        case FundSource::SuperiorSubsidy:
            return "superior-subsidy";
        case FundSource::AffiliateRemittance:
            return "affiliate-remittance";
        case FundSource::OtherIncome:
            return "other-income";
        case FundSource::NonFiscalBalanceUse:
            return "non-fiscal-balance-use";
        case FundSource::NonFiscal:
            return "non-fiscal";
        case FundSource::OtherFunds:
            return "other-funds";
        case FundSource::Debt:
            return "debt";
    }
    return "?";
}

std::string_view describe(Spending spending) {
    switch (spending) {
        case Spending::All:
            return "";
        case Spending::Basic:
            return "basic";
        case Spending::Project:
            return "project";
        case Spending::Personnel:
            return "personnel";
        case Spending::Public:
            return "public";
        case Spending::BusinessOperation:
            return "business-operation";
        case Spending::RemitToSuperior:
            return "remit-to-superior";
        case Spending::SubsidyToAffiliates:
            return "subsidy-to-affiliates";
        case Spending::Reserve:
            return "reserve";
        case Spending::CarryForward:
            return "carry-forward";
        case Spending::BalanceDistribution:
            return "balance-distribution";
    }
    return "?";
}

}  // namespace

std::string ColumnMeaning::describe() const {
    switch (role) {
        case ColumnRole::Label:
            return "label";
        case ColumnRole::Code:
            return "code";
        case ColumnRole::CodeClass:
            return "code: 类";
        case ColumnRole::CodeSection:
            return "code: 款";
        case ColumnRole::CodeItem:
            return "code: 项";
        case ColumnRole::UnitName:
            return "unit name";
        case ColumnRole::ProjectType:
            return "project type";
        case ColumnRole::ProjectLevel1:
            return "first-level project";
        case ColumnRole::ProjectLevel2:
            return "second-level project";
        case ColumnRole::Attribute:
            return "attribute";
        case ColumnRole::Ordinal:
            return "row number";
        case ColumnRole::Unknown:
            return "UNRECOGNISED";
        case ColumnRole::Value:
            break;
    }
    std::string out;
    auto add = [&out](std::string_view part) {
        if (!part.empty()) {
            out += out.empty() ? "" : " · ";
            out += part;
        }
    };
    add(quantity == Quantity::SharePercent        ? "share %"
        : quantity == Quantity::CompletionPercent ? "completion %"
        : quantity == Quantity::ChangePercent  ? "change %"
        : quantity == Quantity::ChangeAmount ? "change"
                                             : "amount");
    if (quantity == Quantity::Amount || period != Period::ChangeVsPriorExecution) {
        add(budgetcheck::describe(period));
    }
    add(budgetcheck::describe(stage));
    add(budgetcheck::describe(source));
    add(budgetcheck::describe(spending));
    if (three_public != ThreePublicItem::None) {
        add(to_string(three_public));
    }
    if (aggregate != Aggregate::None) {
        add(aggregate == Aggregate::Grand ? "grand total" : "total");
    }
    if (excludes_capital_construction) {
        add("excluding capital construction");
    }
    if (of_which) {
        add("of which");
    }
    add(detail);
    if (side != Side::Whole) {
        add(fmt::format("{} side", to_string(side)));
    }
    return out;
}

std::string Column::printed() const {
    std::string out;
    for (const std::string& text : header) {
        out += out.empty() ? "" : " / ";
        out += text;
    }
    return out;
}

std::string_view to_string(LineItem item) {
    switch (item) {
        case LineItem::None:
            return "none";
        case LineItem::FiscalAppropriationIncome:
            return "fiscal_appropriation_income";
        case LineItem::GeneralPublicIncome:
            return "general_public_income";
        case LineItem::GovernmentFundIncome:
            return "government_fund_income";
        case LineItem::StateCapitalIncome:
            return "state_capital_income";
        case LineItem::SpecialAccountIncome:
            return "special_account_income";
        case LineItem::UnitFundsIncome:
            return "unit_funds_income";
        case LineItem::BusinessIncome:
            return "business_income";
        case LineItem::OperatingIncome:
            return "operating_income";
        case LineItem::SuperiorSubsidyIncome:
            return "superior_subsidy_income";
        case LineItem::AffiliateRemittanceIncome:
            return "affiliate_remittance_income";
        case LineItem::OtherIncome:
            return "other_income";
        case LineItem::NonFiscalBalanceUse:
            return "non_fiscal_balance_use";
        case LineItem::CurrentYearIncome:
            return "current_year_income";
        case LineItem::CurrentYearIncomeTotal:
            return "current_year_income_total";
        case LineItem::CarryOver:
            return "carry_over";
        case LineItem::FiscalCarryOver:
            return "fiscal_carry_over";
        case LineItem::NonFiscalCarryOver:
            return "non_fiscal_carry_over";
        case LineItem::IncomeGrandTotal:
            return "income_grand_total";
        case LineItem::CurrentYearExpenditure:
            return "current_year_expenditure";
        case LineItem::CurrentYearExpenditureTotal:
            return "current_year_expenditure_total";
        case LineItem::BasicExpenditure:
            return "basic_expenditure";
        case LineItem::ProjectExpenditure:
            return "project_expenditure";
        case LineItem::PersonnelExpenses:
            return "personnel_expenses";
        case LineItem::PublicExpenses:
            return "public_expenses";
        case LineItem::BusinessOperationExpenditure:
            return "business_operation_expenditure";
        case LineItem::RemitToSuperiorExpenditure:
            return "remit_to_superior_expenditure";
        case LineItem::SubsidyToAffiliatesExpenditure:
            return "subsidy_to_affiliates_expenditure";
        case LineItem::CarryForward:
            return "carry_forward";
        case LineItem::BalanceDistribution:
            return "balance_distribution";
        case LineItem::ExpenditureGrandTotal:
            return "expenditure_grand_total";
        case LineItem::Total:
            return "total";
        case LineItem::ThreePublic:
            return "three_public";
    }
    return "?";
}

std::string_view to_string(RowRole role) {
    switch (role) {
        case RowRole::LineItem:
            return "line";
        case RowRole::Subject:
            return "subject";
        case RowRole::ProjectType:
            return "project type";
        case RowRole::ProjectLevel1:
            return "first-level project";
        case RowRole::ProjectLevel2:
            return "second-level project";
        case RowRole::Unit:
            return "unit";
        case RowRole::Item:
            return "item";
        case RowRole::Filler:
            return "filler";
        case RowRole::Unknown:
            return "UNRECOGNISED";
    }
    return "?";
}

std::string_view to_string(FundLineKind kind) {
    switch (kind) {
        case FundLineKind::Total:
            return "total";
        case FundLineKind::Fiscal:
            return "fiscal";
        case FundLineKind::CarryOver:
            return "carry-over";
        case FundLineKind::Other:
            return "other";
        case FundLineKind::Unknown:
            return "UNRECOGNISED";
    }
    return "?";
}

std::string_view to_string(IndicatorCategory category) {
    switch (category) {
        case IndicatorCategory::Output:
            return "output";
        case IndicatorCategory::Effect:
            return "effect";
        case IndicatorCategory::Satisfaction:
            return "satisfaction";
        case IndicatorCategory::Cost:
            return "cost";
        case IndicatorCategory::Unknown:
            return "UNRECOGNISED";
    }
    return "?";
}

IndicatorValue parse_indicator_value(std::string_view printed) {
    IndicatorValue out;
    std::u32string text = decode_utf8(trim(fold_width(printed)));
    std::u32string_view rest(text);
    const std::pair<std::u32string_view, std::string_view> operators[] = {
        {U"≥", "≥"}, {U">=", "≥"}, {U"≤", "≤"},  {U"<=", "≤"}, {U"=", "="},
        {U">", ">"}, {U"<", "<"},  {U"＞", ">"}, {U"＜", "<"},
    };
    for (const auto& [spelling, op] : operators) {
        if (rest.substr(0, spelling.size()) == spelling) {
            out.op = op;
            rest.remove_prefix(spelling.size());
            break;
        }
    }
    while (!rest.empty() && rest.front() == U' ') {
        rest.remove_prefix(1);
    }
    std::size_t end = 0;
    while (end < rest.size() &&
           ((rest[end] >= U'0' && rest[end] <= U'9') || rest[end] == U'.' || rest[end] == U',')) {
        ++end;
    }
    if (end > 0) {
        if (auto parsed = Amount::parse(encode_utf8(rest.substr(0, end)))) {
            if (parsed->is_printed()) {
                out.number = parsed->value();
            }
        }
    }
    std::u32string_view unit = out.number ? rest.substr(end) : rest;
    while (!unit.empty() && unit.front() == U' ') {
        unit.remove_prefix(1);
    }
    out.unit = out.number ? encode_utf8(unit) : std::string();
    return out;
}

int TableSide::find_role(ColumnRole role) const {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].meaning.role == role) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

bool Table::is_empty() const {
    for (const TableSide& s : sides) {
        for (const Row& row : s.rows) {
            if (row.role == RowRole::Filler) {
                continue;  // a blank row, or the columns' numbers (栏次): no figure of the table
            }
            for (const Cell& cell : row.cells) {
                const Amount* amount = cell.amount();
                const Percentage* percentage = cell.percentage();
                if ((amount != nullptr && amount->is_printed()) ||
                    (percentage != nullptr && percentage->is_printed())) {
                    return false;
                }
            }
        }
    }
    return projects.empty();
}

const TableSide* Table::side(Side which) const {
    for (const TableSide& s : sides) {
        if (s.side == which) {
            return &s;
        }
    }
    return nullptr;
}

SourceLocation locate_in_string(const SourceLocation& opening_quote, std::string_view raw,
                                std::size_t index) {
    SourceLocation out = opening_quote;
    if (out.line == 0) {
        return out;
    }
    std::size_t column = opening_quote.column + 1;
    std::size_t at = 0;
    for (std::size_t decoded = 0; decoded < index && at < raw.size(); ++decoded) {
        if (raw[at] == '\\' && at + 1 < raw.size()) {
            const std::size_t length = raw[at + 1] == 'u' ? 6 : 2;
            // A surrogate pair \uD83D\uDE00 is one code point.
            const bool pair = length == 6 && at + 12 <= raw.size() &&
                              (raw[at + 2] == 'd' || raw[at + 2] == 'D') && raw[at + 6] == '\\';
            const std::size_t taken = pair ? 12 : length;
            at += taken;
            column += taken;
        } else {
            const auto lead = static_cast<unsigned char>(raw[at]);
            at += lead < 0x80 ? 1 : (lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4));
            ++column;
        }
    }
    out.column = static_cast<std::uint32_t>(column);
    return out;
}

std::vector<const Table*> Document::tables_of(TableKind wanted) const {
    std::vector<const Table*> out;
    for (const Table& table : tables) {
        if (table.kind == wanted) {
            out.push_back(&table);
        }
    }
    return out;
}

}  // namespace budgetcheck
