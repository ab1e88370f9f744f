#include "budgetcheck/load/vocabulary.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "budgetcheck/model/text.hpp"

namespace budgetcheck {

namespace {

constexpr TitleAlias title_aliases[] = {
    {"收支总表", TableKind::IncomeExpenditureSummary},
    {"收支预算总表", TableKind::IncomeExpenditureSummary},
    {"单位收支总表", TableKind::IncomeExpenditureSummary},
    {"部门收支总表", TableKind::IncomeExpenditureSummary},
    {"财务收支预算总表", TableKind::IncomeExpenditureSummary},
    {"部门财务收支预算总表", TableKind::IncomeExpenditureSummary},
    {"部门收支预算总表", TableKind::IncomeExpenditureSummary},
    {"收入总表", TableKind::IncomeSummary},
    {"收入预算总表", TableKind::IncomeSummary},
    {"单位收入总表", TableKind::IncomeSummary},
    {"部门收入总表", TableKind::IncomeSummary},
    {"部门收入预算表", TableKind::IncomeSummary},
    {"支出总表", TableKind::ExpenditureSummary},
    {"支出预算总表", TableKind::ExpenditureSummary},
    {"单位支出总表", TableKind::ExpenditureSummary},
    {"部门支出总表", TableKind::ExpenditureSummary},
    {"部门支出预算表", TableKind::ExpenditureSummary},
    {"财政拨款收支总表", TableKind::FiscalAppropriationSummary},
    {"财政拨款收支预算总表", TableKind::FiscalAppropriationSummary},
    {"一般公共预算支出表", TableKind::GeneralPublicExpenditure},
    {"一般公共预算支出预算表", TableKind::GeneralPublicExpenditure},
    {"一般公共预算拨款支出预算表", TableKind::GeneralPublicExpenditure},
    {"一般公共预算支出功能分类预算表", TableKind::GeneralPublicExpenditure},
    {"一般公共预算财政拨款支出预算表", TableKind::GeneralPublicExpenditure},
    {"一般公共预算基本支出表", TableKind::GeneralPublicBasicExpenditure},
    {"一般公共预算基本支出预算表", TableKind::GeneralPublicBasicExpenditure},
    {"一般公共预算基本支出经济分类预算表", TableKind::GeneralPublicBasicExpenditure},
    {"“三公”经费支出表", TableKind::ThreePublicExpenses},
    {"一般公共预算“三公”经费支出表", TableKind::ThreePublicExpenses},
    {"一般公共预算“三公”经费支出预算表", TableKind::ThreePublicExpenses},
    {"财政拨款预算“三公”经费支出表", TableKind::ThreePublicExpenses},
    {"财政拨款“三公”经费支出预算表", TableKind::ThreePublicExpenses},
    {"“三公”经费和机关运行经费预算表", TableKind::ThreePublicExpenses},
    {"政府性基金预算支出表", TableKind::GovernmentFundExpenditure},
    {"政府性基金预算拨款支出预算表", TableKind::GovernmentFundExpenditure},
    {"政府性基金预算支出预算表", TableKind::GovernmentFundExpenditure},
    {"国有资本经营预算支出表", TableKind::StateCapitalExpenditure},
    {"国有资本经营预算支出预算表", TableKind::StateCapitalExpenditure},
    {"国有资本经营预算拨款支出预算表", TableKind::StateCapitalExpenditure},
    {"项目支出表", TableKind::ProjectExpenditure},
    {"项目支出预算表", TableKind::ProjectExpenditure},
    {"财政拨款委托业务费支出表", TableKind::EntrustedServiceExpenditure},
    {"财政拨款委托业务费支出预算表", TableKind::EntrustedServiceExpenditure},
    {"项目支出绩效目标表", TableKind::PerformanceTargets},
    {"项目绩效目标表", TableKind::PerformanceTargets},
    {"项目支出绩效目标申报表", TableKind::PerformanceTargets},
    {"机关运行经费预算表", TableKind::OperatingExpenses},
    {"政府采购预算表", TableKind::GovernmentProcurement},
    {"政府采购预算明细表", TableKind::GovernmentProcurement},
};

bool contains(std::string_view text, std::string_view word) {
    return text.find(word) != std::string_view::npos;
}

}  // namespace

std::span<const TitleAlias> known_table_titles() {
    return title_aliases;
}

TableKind recognise_table_kind(std::string_view title) {
    // The vocabulary's keys are normalised once, not on every lookup.
    static const auto by_key = [] {
        std::unordered_map<std::string, TableKind> keys;
        for (const TitleAlias& alias : title_aliases) {
            keys.emplace(label_key(alias.title), alias.kind);
        }
        return keys;
    }();
    const std::string key = split_label(title).key;
    if (const auto found = by_key.find(key); found != by_key.end()) {
        return found->second;
    }
    // Titles carry the unit's name and the year; look for the deciding words, most specific
    // first (a 一般公共预算基本支出表 also contains 一般公共预算 and 支出).
    if (contains(key, "绩效目标")) {
        return TableKind::PerformanceTargets;
    }
    if (contains(key, "三公")) {
        return TableKind::ThreePublicExpenses;
    }
    if (contains(key, "委托业务费")) {
        return TableKind::EntrustedServiceExpenditure;
    }
    if (contains(key, "政府采购")) {
        return TableKind::GovernmentProcurement;
    }
    if (contains(key, "机关运行经费")) {
        return TableKind::OperatingExpenses;
    }
    if (contains(key, "项目支出")) {
        return TableKind::ProjectExpenditure;
    }
    if (contains(key, "政府性基金")) {
        return TableKind::GovernmentFundExpenditure;
    }
    if (contains(key, "国有资本经营")) {
        return TableKind::StateCapitalExpenditure;
    }
    if (contains(key, "一般公共预算") && contains(key, "基本支出")) {
        return TableKind::GeneralPublicBasicExpenditure;
    }
    if (contains(key, "一般公共预算") && contains(key, "支出")) {
        return TableKind::GeneralPublicExpenditure;
    }
    if (contains(key, "财政拨款收支")) {
        return TableKind::FiscalAppropriationSummary;
    }
    if (contains(key, "收支")) {
        return TableKind::IncomeExpenditureSummary;
    }
    if (contains(key, "收入") && contains(key, "表")) {
        return TableKind::IncomeSummary;
    }
    if (contains(key, "支出") && contains(key, "表")) {
        return TableKind::ExpenditureSummary;
    }
    return TableKind::Unknown;
}

// ---- column headers ------------------------------------------------------------------------

namespace {

using R = ColumnRole;
using F = FundSource;
using S = Spending;
using T = ThreePublicItem;

constexpr HeaderWord header_words[] = {
    // what the row is
    {.text = "项目", .role = R::Label},
    {.text = "项目名称", .role = R::ProjectLevel2},
    {.text = "科目名称", .role = R::Label},
    {.text = "科目", .role = R::Label},
    {.text = "功能分类科目", .role = R::Label, .classification = Classification::Functional},
    {.text = "功能分类科目名称", .role = R::Label, .classification = Classification::Functional},
    {.text = "支出功能分类科目", .role = R::Label, .classification = Classification::Functional},
    {.text = "经济分类科目",
     .role = R::Label,
     .classification = Classification::EconomicDepartment},
    {.text = "经济分类科目名称",
     .role = R::Label,
     .classification = Classification::EconomicDepartment},
    {.text = "支出经济分类科目",
     .role = R::Label,
     .classification = Classification::EconomicDepartment},
    {.text = "单位预算支出经济分类科目",
     .role = R::Label,
     .classification = Classification::EconomicDepartment},
    {.text = "部门预算支出经济分类科目",
     .role = R::Label,
     .classification = Classification::EconomicDepartment},
    {.text = "政府预算支出经济分类科目",
     .role = R::Label,
     .classification = Classification::EconomicGovernment},
    {.text = "科目编码", .role = R::Code},
    {.text = "编码", .role = R::Code},
    {.text = "科目代码", .role = R::Code},
    {.text = "功能分类科目编码", .role = R::Code, .classification = Classification::Functional},
    {.text = "经济分类科目编码",
     .role = R::Code,
     .classification = Classification::EconomicDepartment},
    {.text = "类", .role = R::CodeClass},
    {.text = "款", .role = R::CodeSection},
    {.text = "项", .role = R::CodeItem},
    {.text = "单位名称", .role = R::UnitName},
    {.text = "单位(单位)名称", .role = R::UnitName},
    {.text = "部门(单位)名称", .role = R::UnitName},
    {.text = "部门名称", .role = R::UnitName},
    {.text = "类型", .role = R::ProjectType},
    {.text = "项目类型", .role = R::ProjectType},
    {.text = "项目类别", .role = R::ProjectType},
    {.text = "一级项目", .role = R::ProjectLevel1},
    {.text = "一级项目名称", .role = R::ProjectLevel1},
    {.text = "二级项目", .role = R::ProjectLevel2},
    {.text = "二级项目名称", .role = R::ProjectLevel2},
    // two-sided tables
    {.text = "收入", .side = Side::Income},
    {.text = "支出", .side = Side::Expenditure},
    // totals and budget figures
    {.text = "总计", .role = R::Value},
    {.text = "合计", .role = R::Value},
    {.text = "小计", .role = R::Value},
    {.text = "金额", .role = R::Value},
    {.text = "预算数", .role = R::Value, .period = Period::BudgetYear},
    {.text = "预算金额", .role = R::Value, .period = Period::BudgetYear},
    {.text = "年初预算数",
     .role = R::Value,
     .period = Period::BudgetYear,
     .stage = Stage::CurrentYear},
    {.text = "本年预算数", .role = R::Value, .period = Period::BudgetYear},
    {.text = "全年预算数", .role = R::Value, .period = Period::BudgetYear},
    {.text = "年度资金总额", .role = R::Value, .period = Period::BudgetYear},
    {.text = "本年预算", .role = R::Value, .stage = Stage::CurrentYear},
    {.text = "本年收入", .role = R::Value, .stage = Stage::CurrentYear},
    {.text = "本年拨款", .role = R::Value, .stage = Stage::CurrentYear},
    {.text = "当年拨款", .role = R::Value, .stage = Stage::CurrentYear},
    {.text = "上年结转", .role = R::Value, .stage = Stage::CarryOver},
    {.text = "上年结转结余", .role = R::Value, .stage = Stage::CarryOver},
    {.text = "上年结余", .role = R::Value, .stage = Stage::CarryOver},
    {.text = "结转", .role = R::Value, .stage = Stage::CarryOver},
    // prior year and change
    {.text = "执行数", .role = R::Value, .period = Period::PriorYearExecution},
    {.text = "上年执行数", .role = R::Value, .period = Period::PriorYearExecution},
    {.text = "上年预算数", .role = R::Value, .period = Period::PriorYearBudget},
    {.text = "扣除中央基建投资后执行数",
     .role = R::Value,
     .period = Period::PriorYearExecution,
     .excludes_capital_construction = true},
    {.text = "扣除中央基建投资后预算数",
     .role = R::Value,
     .period = Period::BudgetYear,
     .excludes_capital_construction = true},
    {.text = "增减额", .role = R::Value, .quantity = Quantity::ChangeAmount},
    {.text = "增减", .role = R::Value, .quantity = Quantity::ChangeAmount},
    {.text = "增减(%)", .role = R::Value, .quantity = Quantity::ChangePercent},
    {.text = "增减%", .role = R::Value, .quantity = Quantity::ChangePercent},
    {.text = "增减幅度", .role = R::Value, .quantity = Quantity::ChangePercent},
    {.text = "增长率", .role = R::Value, .quantity = Quantity::ChangePercent},
    {.text = "增幅", .role = R::Value, .quantity = Quantity::ChangePercent},
    {.text = "增幅(%)", .role = R::Value, .quantity = Quantity::ChangePercent},
    // where the money comes from
    {.text = "财政拨款", .role = R::Value, .source = F::Fiscal},
    {.text = "财政拨款收入", .role = R::Value, .source = F::Fiscal},
    {.text = "财政拨款结转", .role = R::Value, .stage = Stage::CarryOver, .source = F::Fiscal},
    {.text = "一般公共预算", .role = R::Value, .source = F::GeneralPublic},
    {.text = "一般公共预算收入", .role = R::Value, .source = F::GeneralPublic},
    {.text = "一般公共预算拨款", .role = R::Value, .source = F::GeneralPublic},
    {.text = "一般公共预算拨款收入", .role = R::Value, .source = F::GeneralPublic},
    {.text = "一般公共预算拨款结转",
     .role = R::Value,
     .stage = Stage::CarryOver,
     .source = F::GeneralPublic},
    {.text = "政府性基金预算", .role = R::Value, .source = F::GovernmentFund},
    {.text = "政府性基金预算收入", .role = R::Value, .source = F::GovernmentFund},
    {.text = "政府性基金预算拨款", .role = R::Value, .source = F::GovernmentFund},
    {.text = "政府性基金预算拨款收入", .role = R::Value, .source = F::GovernmentFund},
    {.text = "政府性基金预算拨款结转",
     .role = R::Value,
     .stage = Stage::CarryOver,
     .source = F::GovernmentFund},
    {.text = "政府性基金预算支出", .role = R::Value, .source = F::GovernmentFund},
    {.text = "国有资本经营预算", .role = R::Value, .source = F::StateCapital},
    {.text = "国有资本经营预算收入", .role = R::Value, .source = F::StateCapital},
    {.text = "国有资本经营预算拨款", .role = R::Value, .source = F::StateCapital},
    {.text = "国有资本经营预算拨款收入", .role = R::Value, .source = F::StateCapital},
    {.text = "国有资本经营预算拨款结转",
     .role = R::Value,
     .stage = Stage::CarryOver,
     .source = F::StateCapital},
    {.text = "国有资本经营预算支出", .role = R::Value, .source = F::StateCapital},
    {.text = "财政专户管理资金", .role = R::Value, .source = F::SpecialAccount},
    {.text = "财政专户管理资金收入", .role = R::Value, .source = F::SpecialAccount},
    {.text = "单位资金", .role = R::Value, .source = F::UnitFunds},
    {.text = "单位资金收入", .role = R::Value, .source = F::UnitFunds},
    {.text = "事业收入", .role = R::Value, .source = F::BusinessIncome},
    {.text = "事业单位经营收入", .role = R::Value, .source = F::OperatingIncome},
    {.text = "上级补助收入", .role = R::Value, .source = F::SuperiorSubsidy},
    {.text = "附属单位上缴收入", .role = R::Value, .source = F::AffiliateRemittance},
    {.text = "其他收入", .role = R::Value, .source = F::OtherIncome},
    {.text = "使用非财政拨款结余", .role = R::Value, .source = F::NonFiscalBalanceUse},
    {.text = "非财政拨款结转结余",
     .role = R::Value,
     .stage = Stage::CarryOver,
     .source = F::NonFiscal},
    {.text = "非财政拨款结转", .role = R::Value, .stage = Stage::CarryOver, .source = F::NonFiscal},
    {.text = "教育收费", .role = R::Value, .detail = "教育收费"},
    // what the money is spent as
    {.text = "基本支出", .role = R::Value, .spending = S::Basic},
    {.text = "项目支出", .role = R::Value, .spending = S::Project},
    {.text = "人员经费", .role = R::Value, .spending = S::Personnel},
    {.text = "人员支出", .role = R::Value, .spending = S::Personnel},
    {.text = "公用经费", .role = R::Value, .spending = S::Public},
    {.text = "日常公用经费", .role = R::Value, .spending = S::Public},
    {.text = "公用支出", .role = R::Value, .spending = S::Public},
    {.text = "事业单位经营支出", .role = R::Value, .spending = S::BusinessOperation},
    {.text = "上缴上级支出", .role = R::Value, .spending = S::RemitToSuperior},
    {.text = "对附属单位补助支出", .role = R::Value, .spending = S::SubsidyToAffiliates},
    // the “三公” table printed horizontally
    {.text = "因公出国(境)费", .role = R::Value, .three_public = T::OverseasTravel},
    {.text = "因公出国(境)费用", .role = R::Value, .three_public = T::OverseasTravel},
    {.text = "公务接待费", .role = R::Value, .three_public = T::Reception},
    {.text = "公务用车购置及运行费", .role = R::Value, .three_public = T::VehicleTotal},
    {.text = "公务用车购置及运行维护费", .role = R::Value, .three_public = T::VehicleTotal},
    {.text = "公务用车费", .role = R::Value, .three_public = T::VehicleTotal},
    {.text = "公务用车购置费", .role = R::Value, .three_public = T::VehiclePurchase},
    {.text = "公务用车运行费", .role = R::Value, .three_public = T::VehicleOperation},
    {.text = "公务用车运行维护费", .role = R::Value, .three_public = T::VehicleOperation},
    {.text = "机关运行经费", .role = R::Value, .three_public = T::OperatingExpenses},
    {.text = "“三公”经费", .role = R::Value, .three_public = T::Total},
};

const HeaderWord* find_header_word(std::string_view key) {
    static const auto by_key = [] {
        std::unordered_map<std::string, const HeaderWord*> keys;
        for (const HeaderWord& word : header_words) {
            keys.emplace(label_key(word.text), &word);
        }
        return keys;
    }();
    const auto found = by_key.find(std::string(key));
    return found == by_key.end() ? nullptr : found->second;
}

void apply(const HeaderWord& word, ColumnRecognition& out, bool two_sided) {
    ColumnMeaning& m = out.meaning;
    if (word.side) {
        if (two_sided) {
            m.side = *word.side;
        }
        return;
    }
    if (word.role) {
        // A name column stays a name column whatever group header sits above it; a value word
        // below a label word (项目 / 金额) makes it a value column.
        if (*word.role != R::Value || m.role == R::Unknown || m.role == R::Value ||
            m.role == R::Label) {
            m.role = *word.role;
        }
    }
    if (word.period) {
        m.period = *word.period;
    }
    if (word.stage) {
        m.stage = *word.stage;
    }
    if (word.source) {
        m.source = *word.source;
    }
    if (word.spending) {
        m.spending = *word.spending;
    }
    if (word.quantity) {
        m.quantity = *word.quantity;
    }
    if (word.three_public) {
        m.three_public = *word.three_public;
    }
    if (word.classification) {
        out.classification = word.classification;
    }
    if (word.excludes_capital_construction) {
        m.excludes_capital_construction = true;
    }
    if (!word.detail.empty()) {
        m.detail = std::string(word.detail);
    }
}

// "2024年…" → (2024, "…"); nullopt when the key does not start with a year.
std::optional<std::pair<int, std::string>> split_year(std::string_view key) {
    if (key.size() < 7 || key.substr(4, 3) != "年") {
        return std::nullopt;
    }
    int year = 0;
    const auto [end, error] = std::from_chars(key.data(), key.data() + 4, year);
    if (error != std::errc() || end != key.data() + 4) {
        return std::nullopt;
    }
    return std::make_pair(year, std::string(key.substr(7)));
}

void remove_all(std::string& text, std::string_view what, bool& found) {
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what)) {
        text.erase(at, what.size());
        found = true;
    }
}

// Reads one header text into the recognition; false when no word matched it.
bool apply_header_text(std::string_view printed, ColumnRecognition& out, bool two_sided,
                       int document_year) {
    LabelParts parts = split_label(printed);
    std::string key = parts.key;
    if (parts.of_which) {
        out.meaning.of_which = true;
    }
    bool excluded = false;
    remove_all(key, "(扣除中央基建投资)", excluded);
    if (excluded) {
        out.meaning.excludes_capital_construction = true;
    }
    if (key.empty()) {
        return true;
    }
    // "2024年预算数比2023年执行数": a comparison group.
    if (const auto than = key.find("比"); than != std::string::npos && split_year(key)) {
        const std::string right = key.substr(than + 3);
        out.meaning.role = R::Value;
        out.meaning.period = right.find("执行数") != std::string::npos
                                 ? Period::ChangeVsPriorExecution
                                 : Period::ChangeVsPriorBudget;
        out.meaning.quantity = Quantity::ChangeAmount;
        return true;
    }
    if (auto year = split_year(key)) {
        const bool prior = year->first == document_year - 1;
        key = year->second;
        if (key.empty()) {
            out.meaning.period = prior ? Period::PriorYearBudget : Period::BudgetYear;
            return true;
        }
        const HeaderWord* word = find_header_word(key);
        if (word == nullptr) {
            return false;
        }
        apply(*word, out, two_sided);
        if (prior && out.meaning.period == Period::BudgetYear) {
            out.meaning.period = Period::PriorYearBudget;
        }
        return true;
    }
    const HeaderWord* word = find_header_word(key);
    if (word == nullptr) {
        return false;
    }
    apply(*word, out, two_sided);
    return true;
}

}  // namespace

std::span<const HeaderWord> known_header_words() {
    return header_words;
}

ColumnRecognition recognise_column(const std::vector<std::string>& header, TableKind kind,
                                   int document_year) {
    ColumnRecognition out;
    const bool two_sided = is_two_sided(kind);
    for (const std::string& text : header) {
        if (!apply_header_text(text, out, two_sided, document_year)) {
            out.unrecognised.push_back(text);
        }
    }
    ColumnMeaning& m = out.meaning;
    if (m.role == R::Unknown && (m.period != Period::BudgetYear || m.quantity != Quantity::Amount ||
                                 m.stage != Stage::All)) {
        m.role = R::Value;
    }
    if ((m.period == Period::ChangeVsPriorExecution || m.period == Period::ChangeVsPriorBudget) &&
        m.quantity == Quantity::Amount) {
        m.quantity = Quantity::ChangeAmount;
    }
    if (!out.unrecognised.empty()) {
        m.role = R::Unknown;
    }
    return out;
}

// ---- line labels ---------------------------------------------------------------------------

namespace {

using L = LineItem;

constexpr LineLabel line_labels[] = {
    {"财政拨款收入", L::FiscalAppropriationIncome},
    {"财政拨款", L::FiscalAppropriationIncome},
    {"一般公共预算拨款收入", L::GeneralPublicIncome},
    {"一般公共预算拨款", L::GeneralPublicIncome},
    {"一般公共预算收入", L::GeneralPublicIncome},
    {"一般公共预算当年拨款收入", L::GeneralPublicIncome},
    {"政府性基金预算拨款收入", L::GovernmentFundIncome},
    {"政府性基金预算拨款", L::GovernmentFundIncome},
    {"政府性基金预算收入", L::GovernmentFundIncome},
    {"国有资本经营预算拨款收入", L::StateCapitalIncome},
    {"国有资本经营预算拨款", L::StateCapitalIncome},
    {"国有资本经营预算收入", L::StateCapitalIncome},
    {"财政专户管理资金收入", L::SpecialAccountIncome},
    {"财政专户管理资金", L::SpecialAccountIncome},
    {"单位资金收入", L::UnitFundsIncome},
    {"单位资金", L::UnitFundsIncome},
    {"事业收入", L::BusinessIncome},
    {"事业单位经营收入", L::OperatingIncome},
    {"上级补助收入", L::SuperiorSubsidyIncome},
    {"附属单位上缴收入", L::AffiliateRemittanceIncome},
    {"其他收入", L::OtherIncome},
    {"使用非财政拨款结余", L::NonFiscalBalanceUse},
    {"使用非财政拨款结余(含专用结余)", L::NonFiscalBalanceUse},
    {"本年收入", L::CurrentYearIncome},
    {"本年收入合计", L::CurrentYearIncomeTotal, ThreePublicItem::None, true},
    {"本年收入小计", L::CurrentYearIncomeTotal, ThreePublicItem::None, true},
    {"上年结转", L::CarryOver},
    {"上年结转结余", L::CarryOver},
    {"上年结转资金", L::CarryOver},
    {"财政拨款结转", L::FiscalCarryOver},
    {"财政拨款结转结余", L::FiscalCarryOver},
    {"非财政拨款结转结余", L::NonFiscalCarryOver},
    {"非财政拨款结转", L::NonFiscalCarryOver},
    {"收入总计", L::IncomeGrandTotal, ThreePublicItem::None, true},
    {"本年支出", L::CurrentYearExpenditure},
    {"本年支出合计", L::CurrentYearExpenditureTotal, ThreePublicItem::None, true},
    {"本年支出小计", L::CurrentYearExpenditureTotal, ThreePublicItem::None, true},
    {"基本支出", L::BasicExpenditure},
    {"项目支出", L::ProjectExpenditure},
    {"人员经费", L::PersonnelExpenses},
    {"公用经费", L::PublicExpenses},
    {"事业单位经营支出", L::BusinessOperationExpenditure},
    {"上缴上级支出", L::RemitToSuperiorExpenditure},
    {"对附属单位补助支出", L::SubsidyToAffiliatesExpenditure},
    {"结转下年", L::CarryForward},
    {"结转下年支出", L::CarryForward},
    {"年末结转和结余", L::CarryForward},
    {"支出总计", L::ExpenditureGrandTotal, ThreePublicItem::None, true},
    {"合计", L::Total, ThreePublicItem::None, true},
    {"总计", L::Total, ThreePublicItem::None, true},
    {"小计", L::Total, ThreePublicItem::None, true},
    // “三公” lines (only in a “三公” table)
    {"因公出国(境)费", L::ThreePublic, ThreePublicItem::OverseasTravel},
    {"因公出国(境)费用", L::ThreePublic, ThreePublicItem::OverseasTravel},
    {"公务接待费", L::ThreePublic, ThreePublicItem::Reception},
    {"公务用车购置及运行费", L::ThreePublic, ThreePublicItem::VehicleTotal},
    {"公务用车购置及运行维护费", L::ThreePublic, ThreePublicItem::VehicleTotal},
    {"公务用车费", L::ThreePublic, ThreePublicItem::VehicleTotal},
    {"公务用车购置费", L::ThreePublic, ThreePublicItem::VehiclePurchase},
    {"公务用车购置", L::ThreePublic, ThreePublicItem::VehiclePurchase},
    {"公务用车运行维护费", L::ThreePublic, ThreePublicItem::VehicleOperation},
    {"公务用车运行费", L::ThreePublic, ThreePublicItem::VehicleOperation},
    {"机关运行经费", L::ThreePublic, ThreePublicItem::OperatingExpenses},
    {"“三公”经费合计", L::ThreePublic, ThreePublicItem::Total, true},
};

}  // namespace

std::span<const LineLabel> known_line_labels() {
    return line_labels;
}

std::optional<LineLabel> recognise_line_label(std::string_view key, TableKind kind) {
    static const auto by_key = [] {
        std::unordered_multimap<std::string, const LineLabel*> keys;
        for (const LineLabel& label : line_labels) {
            keys.emplace(label_key(label.text), &label);
        }
        return keys;
    }();
    const bool three_public_table = kind == TableKind::ThreePublicExpenses;
    const auto [first, last] = by_key.equal_range(std::string(key));
    std::vector<const LineLabel*> candidates;
    for (auto it = first; it != last; ++it) {
        candidates.push_back(it->second);
    }
    // Earlier entries of the table win, as they would in a scan.
    std::sort(candidates.begin(), candidates.end());
    for (const LineLabel* candidate : candidates) {
        const LineLabel& label = *candidate;
        if (label.item == LineItem::ThreePublic && !three_public_table) {
            continue;  // 公务接待费 elsewhere is an economic subject, not a “三公” line
        }
        LineLabel out = label;
        if (three_public_table && label.item == LineItem::Total) {
            out.item = LineItem::ThreePublic;
            out.three_public = ThreePublicItem::Total;
        }
        return out;
    }
    return std::nullopt;
}

FundLineKind recognise_fund_line(std::string_view label) {
    const std::string key = split_label(label).key;
    const auto is = [&key](std::initializer_list<std::string_view> words) {
        return std::any_of(words.begin(), words.end(),
                           [&key](std::string_view w) { return key.rfind(label_key(w), 0) == 0; });
    };
    if (is({"年度资金总额", "资金总额", "项目资金总额", "合计"})) {
        return FundLineKind::Total;
    }
    if (is({"财政拨款", "本年财政拨款", "当年财政拨款"})) {
        return FundLineKind::Fiscal;
    }
    if (is({"上年结转", "结转"})) {
        return FundLineKind::CarryOver;
    }
    if (is({"其他资金", "其他"})) {
        return FundLineKind::Other;
    }
    return FundLineKind::Unknown;
}

IndicatorCategory recognise_indicator_category(std::string_view level1) {
    const std::string key = split_label(level1).key;
    if (key.rfind("产出", 0) == 0) {
        return IndicatorCategory::Output;
    }
    if (key.rfind("效益", 0) == 0 || key.rfind("效果", 0) == 0) {
        return IndicatorCategory::Effect;
    }
    if (key.rfind("满意度", 0) == 0) {
        return IndicatorCategory::Satisfaction;
    }
    if (key.rfind("成本", 0) == 0) {
        return IndicatorCategory::Cost;
    }
    return IndicatorCategory::Unknown;
}

}  // namespace budgetcheck
