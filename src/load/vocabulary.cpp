#include "budgetcheck/load/vocabulary.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <unordered_map>

#include "budgetcheck/model/text.hpp"

namespace budgetcheck {

namespace {

using R = ColumnRole;
using F = FundSource;
using S = Spending;
using T = ThreePublicItem;
using C = Classification;
using A = Aggregate;
using P = Period;
using Q = Quantity;
using K = TableKind;

// The words, normalised as label_key() normalises printed text: half-width, no spaces, no
// quotes. Compounds are listed where their meaning is not the sum of their parts.
constexpr Word words[] = {
    // ---- what a column or row is: names, codes, units, projects
    {"项目", {.role = R::Label}},
    {"项目名称", {.role = R::Label}},
    {"名称", {.role = R::Label}},
    {"科目", {.role = R::Label}},
    {"科目名称", {.role = R::Label}},
    {"编码", {.role = R::Code}},
    {"代码", {.role = R::Code}},
    {"科目编码", {.role = R::Code}},
    {"科目代码", {.role = R::Code}},
    {"类", {.role = R::CodeClass}},
    {"款", {.role = R::CodeSection}},
    {"项", {.role = R::CodeItem}},
    {"功能分类", {.classification = C::Functional}},
    {"支出功能分类", {.classification = C::Functional}},
    {"功能分类科目", {.role = R::Label, .classification = C::Functional}},
    {"功能科目", {.role = R::Label, .classification = C::Functional}},
    {"经济分类", {.classification = C::EconomicDepartment}},
    {"支出经济分类", {.classification = C::EconomicDepartment}},
    {"部门经济分类", {.classification = C::EconomicDepartment}},
    {"部门预算经济分类", {.classification = C::EconomicDepartment}},
    {"部门预算支出经济分类", {.classification = C::EconomicDepartment}},
    {"单位预算支出经济分类", {.classification = C::EconomicDepartment}},
    {"经济分类科目", {.role = R::Label, .classification = C::EconomicDepartment}},
    {"经济科目", {.role = R::Label, .classification = C::EconomicDepartment}},
    {"政府经济分类", {.classification = C::EconomicGovernment}},
    {"政府预算经济分类", {.classification = C::EconomicGovernment}},
    {"政府预算支出经济分类", {.classification = C::EconomicGovernment}},
    {"单位名称", {.role = R::UnitName}},
    {"部门名称", {.role = R::UnitName}},
    {"部门(单位)名称", {.role = R::UnitName}},
    {"单位(单位)名称", {.role = R::UnitName}},
    {"预算单位名称", {.role = R::UnitName}},
    {"类型", {.role = R::ProjectType}},
    {"项目类型", {.role = R::ProjectType}},
    {"项目类别", {.role = R::ProjectType}},
    {"一级项目", {.role = R::ProjectLevel1}},
    {"一级项目名称", {.role = R::ProjectLevel1}},
    {"二级项目", {.role = R::ProjectLevel2}},
    {"二级项目名称", {.role = R::ProjectLevel2}},
    {"序号", {.role = R::Ordinal}},
    {"行次", {.role = R::Ordinal}},
    {"栏次", {.role = R::Ordinal}},
    // the columns of a 政府采购 table
    {"采购品目大类", {.role = R::Label}},
    {"采购品目", {.role = R::Label}},
    {"品目", {.role = R::Label}},
    // 政府购买服务指导性目录: the catalog of services a government may buy, named per item.
    {"指导性目录", {.role = R::Label}},
    {"专项名称", {.role = R::Label}},
    {"采购物品名称", {.role = R::Label}},
    {"采购项目名称", {.role = R::Label}},
    {"采购项目", {.role = R::Label}},
    {"采购组织形式", {.role = R::Attribute}},
    {"组织形式", {.role = R::Attribute}},
    {"采购方式", {.role = R::Attribute}},
    // ---- figures: totals and the budget year
    {"金额", {.role = R::Value}},
    {"合计", {.aggregate = A::Total}},
    {"总计", {.aggregate = A::Total}},
    {"小计", {.aggregate = A::Total}},
    {"共计", {.aggregate = A::Total}},
    {"预算", {.period = P::BudgetYear}},
    {"预算数", {.period = P::BudgetYear}},
    {"预算金额", {.period = P::BudgetYear}},
    {"预算额", {.period = P::BudgetYear}},
    {"本年预算数", {.period = P::BudgetYear}},
    {"全年预算数", {.period = P::FullYearBudget}},
    {"全年预算", {.period = P::FullYearBudget}},
    {"年初预算数", {.period = P::OriginalBudget, .stage = Stage::CurrentYear}},
    {"年初预算", {.period = P::OriginalBudget, .stage = Stage::CurrentYear}},
    {"调整预算数", {.period = P::AdjustedBudget}},
    {"调整预算", {.period = P::AdjustedBudget}},
    {"预算调整数", {.period = P::AdjustedBudget}},
    {"调整数", {.period = P::AdjustedBudget}},
    // ---- the outturn: this year's in a 决算, last year's in a 预算
    {"决算", {.period = P::PriorYearExecution, .outturn = true}},
    {"决算数", {.period = P::PriorYearExecution, .outturn = true}},
    {"支出决算", {.side = Side::Expenditure, .period = P::PriorYearExecution, .outturn = true}},
    {"收入决算", {.side = Side::Income, .period = P::PriorYearExecution, .outturn = true}},
    {"年度资金总额", {.period = P::BudgetYear}},
    // ---- sides of a two-sided table
    {"收入", {.side = Side::Income}},
    {"支出", {.side = Side::Expenditure}},
    {"收支", {.both_sides = true}},
    // ---- stage: this year's money or money carried over
    {"本年", {.stage = Stage::CurrentYear}},
    {"当年", {.stage = Stage::CurrentYear}},
    // 四川's “三公” header: this year's 财政拨款, as arranged in the budget.
    {"当年财政拨款安排", {.stage = Stage::CurrentYear, .source = F::Fiscal}},
    {"本年预算", {.stage = Stage::CurrentYear}},
    {"本年拨款", {.stage = Stage::CurrentYear}},
    {"当年拨款", {.stage = Stage::CurrentYear}},
    {"上年结转", {.stage = Stage::CarryOver}},
    {"上年结余", {.stage = Stage::CarryOver}},
    {"上年结转结余", {.stage = Stage::CarryOver}},
    {"上年结转和结余", {.stage = Stage::CarryOver}},
    {"年初结转和结余", {.stage = Stage::CarryOver}},
    {"年初", {.stage = Stage::CarryOver}},  // 年初财政拨款结转和结余
    {"结转", {.stage = Stage::CarryOver}},
    {"结余", {.stage = Stage::CarryOver}},
    {"结转结余", {.stage = Stage::CarryOver}},
    {"结转和结余", {.stage = Stage::CarryOver}},
    {"动用", {.detail = "动用"}},
    // ---- prior year and change
    {"上年", {.period = P::PriorYearBudget, .prior = true}},
    {"执行数", {.period = P::PriorYearExecution, .outturn = true}},
    {"上年执行数", {.period = P::PriorYearExecution, .outturn = true, .prior = true}},
    {"上年预算数", {.period = P::PriorYearBudget, .prior = true}},
    {"扣除中央基建投资", {.excludes_capital_construction = true}},
    {"扣除中央基建投资后", {.excludes_capital_construction = true}},
    {"增减额", {.quantity = Q::ChangeAmount}},
    {"增减", {.quantity = Q::ChangeAmount}},
    {"增减(%)", {.quantity = Q::ChangePercent}},
    {"增减%", {.quantity = Q::ChangePercent}},
    {"增减幅度", {.quantity = Q::ChangePercent}},
    {"增减率", {.quantity = Q::ChangePercent}},
    {"增长率", {.quantity = Q::ChangePercent}},
    {"增幅", {.quantity = Q::ChangePercent}},
    {"增幅(%)", {.quantity = Q::ChangePercent}},
    // Changes that say only "against last year": of the one prior year's column printed beside
    // them (recognise.cpp), as a bare 增减额 is.
    {"比上年增减", {.quantity = Q::ChangeAmount}},
    {"比上年增减%", {.quantity = Q::ChangePercent}},
    {"比上年增减(%)", {.quantity = Q::ChangePercent}},
    {"比上年预算增减", {.quantity = Q::ChangeAmount}},
    {"比上年预算增减%", {.quantity = Q::ChangePercent}},
    {"同比增减", {.quantity = Q::ChangeAmount}},
    {"同比增减%", {.quantity = Q::ChangePercent}},
    {"同比增长", {.quantity = Q::ChangePercent}},
    {"同比增长%", {.quantity = Q::ChangePercent}},
    // ---- a 决算's outturn as a share of its budget
    {"决算数为预算数的%", {.quantity = Q::CompletionPercent}},
    {"决算数为预算数的", {.quantity = Q::CompletionPercent}},
    {"决算数占预算数的%", {.quantity = Q::CompletionPercent}},
    // The budget named (全年 / 年初) is read from the header by crossfoot.completion-rate.
    {"决算数为全年预算数", {.quantity = Q::CompletionPercent}},
    {"决算数为年初预算数", {.quantity = Q::CompletionPercent}},
    {"决算数占全年预算数", {.quantity = Q::CompletionPercent}},
    {"决算数占年初预算数", {.quantity = Q::CompletionPercent}},
    {"完成预算%", {.quantity = Q::CompletionPercent}},
    {"完成预算", {.quantity = Q::CompletionPercent}},
    {"预算完成率", {.quantity = Q::CompletionPercent}},
    {"完成率", {.quantity = Q::CompletionPercent}},
    {"预算执行率", {.quantity = Q::CompletionPercent}},
    {"执行率", {.quantity = Q::CompletionPercent}},
    // ---- a line as a share of its total
    {"占比", {.quantity = Q::SharePercent}},
    {"占比(%)", {.quantity = Q::SharePercent}},
    {"占比%", {.quantity = Q::SharePercent}},
    {"比重", {.quantity = Q::SharePercent}},
    {"比重(%)", {.quantity = Q::SharePercent}},
    {"比重%", {.quantity = Q::SharePercent}},
    {"所占比重", {.quantity = Q::SharePercent}},
    {"构成比", {.quantity = Q::SharePercent}},
    {"%", {}},
    {"全年", {}},
    // ---- where the money comes from
    {"财政拨款", {.source = F::Fiscal}},
    {"财政补助", {.source = F::Fiscal}},
    {"财政拨款(补助)", {.source = F::Fiscal}},
    {"一般公共预算", {.source = F::GeneralPublic}},
    {"公共财政拨款(补助)", {.source = F::GeneralPublic, .detail = "公共财政拨款"}},
    {"公共财政拨款", {.source = F::GeneralPublic, .detail = "公共财政拨款"}},
    {"专项收入", {.source = F::GeneralPublic, .detail = "专项收入"}},
    {"政府性基金", {.source = F::GovernmentFund}},
    {"政府性基金预算", {.source = F::GovernmentFund}},  // a fund's name, not a budget figure
    {"国有资本经营预算", {.source = F::StateCapital}},
    {"国有资本经营", {.source = F::StateCapital}},
    {"财政专户管理资金", {.source = F::SpecialAccount}},
    {"财政专户", {.source = F::SpecialAccount}},
    {"纳入专户管理的非税收入", {.source = F::SpecialAccount}},
    {"纳入财政专户管理的非税收入", {.source = F::SpecialAccount}},
    {"专户管理教育收费", {.source = F::SpecialAccount, .detail = "教育收费"}},
    {"其他非税收入", {.source = F::SpecialAccount, .detail = "其他非税收入"}},
    {"教育收费", {.detail = "教育收费"}},
    {"单位资金", {.source = F::UnitFunds}},
    {"单位自有资金", {.source = F::UnitFunds}},
    {"事业收入", {.source = F::BusinessIncome}},
    {"事业单位经营收入", {.source = F::OperatingIncome}},
    {"经营收入", {.source = F::OperatingIncome}},
    {"上级补助收入", {.source = F::SuperiorSubsidy}},
    {"附属单位上缴收入", {.source = F::AffiliateRemittance}},
    {"其他收入", {.source = F::OtherIncome}},
    {"其他资金", {.source = F::OtherFunds}},
    {"债务资金", {.source = F::Debt}},
    {"债务资金(银行贷款)", {.source = F::Debt}},
    {"使用非财政拨款结余", {.source = F::NonFiscalBalanceUse}},
    // The older templates' name for the same money: a unit's own reserve drawn on this year.
    {"用事业基金弥补收支差额", {.source = F::NonFiscalBalanceUse}},
    {"含专用结余", {}},
    {"非财政拨款", {.source = F::NonFiscal}},
    // ---- what the money is spent as
    {"基本支出", {.spending = S::Basic}},
    {"项目支出", {.spending = S::Project}},
    // The economic 类 printed as columns (四川: 财政拨款支出预算表（部门经济分类科目）by unit):
    // spending of that class, a part of the row's 合计.
    {"工资福利支出", {.side = Side::Expenditure, .detail = "工资福利支出"}},
    {"商品和服务支出", {.side = Side::Expenditure, .detail = "商品和服务支出"}},
    {"对个人和家庭的补助", {.side = Side::Expenditure, .detail = "对个人和家庭的补助"}},
    {"资本性支出", {.side = Side::Expenditure, .detail = "资本性支出"}},
    {"债务利息及费用支出", {.side = Side::Expenditure, .detail = "债务利息及费用支出"}},
    {"对企业补助", {.side = Side::Expenditure, .detail = "对企业补助"}},
    {"专项业务经费", {.spending = S::Project}},  // 广东: 项目支出 by another name
    {"专项业务费", {.spending = S::Project}},
    {"人员经费", {.spending = S::Personnel}},
    {"人员支出", {.spending = S::Personnel}},
    {"公用经费", {.spending = S::Public}},
    {"日常公用经费", {.spending = S::Public}},
    {"公用支出", {.spending = S::Public}},
    {"事业单位经营支出", {.spending = S::BusinessOperation}},
    {"经营支出", {.spending = S::BusinessOperation}},
    {"上缴上级支出", {.spending = S::RemitToSuperior}},
    {"对附属单位补助支出", {.spending = S::SubsidyToAffiliates}},
    {"单位预留机动经费", {.spending = S::Reserve}},
    {"预留机动经费", {.spending = S::Reserve}},
    {"机动经费", {.spending = S::Reserve}},
    {"结转下年", {.spending = S::CarryForward}},
    {"年末结转和结余", {.spending = S::CarryForward}},
    {"年终结转结余", {.spending = S::CarryForward}},
    {"年末结转结余", {.spending = S::CarryForward}},
    {"年末", {.spending = S::CarryForward}},  // 年末财政拨款结转和结余
    {"结余分配", {.spending = S::BalanceDistribution}},
    // ---- the “三公” items, 会议费, 培训费 and 机关运行经费
    {"三公经费", {.three_public = T::Total}},
    {"三公", {.three_public = T::Total}},
    {"因公出国(境)费", {.three_public = T::OverseasTravel}},
    {"因公出国(境)费用", {.three_public = T::OverseasTravel}},
    {"因公出国费", {.three_public = T::OverseasTravel}},
    {"公务接待费", {.three_public = T::Reception}},
    {"公务用车购置及运行费", {.three_public = T::VehicleTotal}},
    {"公务用车购置及运行维护费", {.three_public = T::VehicleTotal}},
    {"公务用车购置和运行费", {.three_public = T::VehicleTotal}},
    {"公务用车费", {.three_public = T::VehicleTotal}},
    {"公务用车购置费", {.three_public = T::VehiclePurchase}},
    {"公务用车购置", {.three_public = T::VehiclePurchase}},
    {"购置费", {.three_public = T::VehiclePurchase}},
    {"公务用车运行费", {.three_public = T::VehicleOperation}},
    {"公务用车运行维护费", {.three_public = T::VehicleOperation}},
    {"运行费", {.three_public = T::VehicleOperation}},
    {"运行维护费", {.three_public = T::VehicleOperation}},
    {"会议费", {.three_public = T::Meeting}},
    {"培训费", {.three_public = T::Training}},
    {"机关运行经费", {.three_public = T::OperatingExpenses}},
    {"机关运行费", {.three_public = T::OperatingExpenses}},
    // ---- words that name a table's topic
    {"政府采购", {.table = K::GovernmentProcurement}},
    {"政府购买服务", {.table = K::GovernmentPurchasedServices}},
    {"绩效目标", {.table = K::PerformanceTargets}},
    {"委托业务费", {.table = K::EntrustedServiceExpenditure}},
    // A self-evaluation of performance: scores and words, not figures the rules can foot.
    {"绩效自评", {.table = K::Unknown}},
    // ---- a row printed in an empty table to say it has nothing
    {"无", {.nothing = true}},
    {"此表为空", {.nothing = true}},
    {"本表为空", {.nothing = true}},
    {"空表", {.nothing = true}},
    {"…", {.nothing = true}},
    {"……", {.nothing = true}},
    // ---- structural words that carry no meaning of their own
    {"资金", {}},
    {"数", {}},
    {"拨款", {}},
    {"经费", {}},
    {"费用", {}},
    {"预算表", {}},
    {"总表", {}},
    {"表", {}},
    {"明细表", {}},
    {"情况表", {}},
    {"财务", {}},
    {"部门", {}},
    {"单位", {}},
    {"预算单位", {}},
    {"支出用途", {}},
    {"用途", {}},
    {"万元", {}},
    {"元", {}},
    {"及", {}},
    {"和", {}},
    {"的", {}},
    {"年", {}},
    {"年度", {}},
};

// Punctuation that separates words and means nothing by itself.
bool is_separator(char32_t c) {
    return c == U'(' || c == U')' || c == U'/' || c == U'、' || c == U',' || c == U':' ||
           c == U';' || c == U'-' || c == U'—' || c == U'·' || c == U'.' || c == U'《' ||
           c == U'》' || c == U'[' || c == U']';
}

// Looked up by views into the text being read, so trying every length at every position
// allocates nothing.
struct Lexicon {
    std::vector<std::u32string> keys;  // owns what by_key views; never grows after it is built
    std::unordered_map<std::u32string_view, const Word*> by_key;
    // The lengths of the words starting with each character, longest first: most characters of
    // a text start no word, and are passed over without a lookup.
    std::unordered_map<char32_t, std::vector<std::size_t>> lengths;
};

const Lexicon& lexicon() {
    static const Lexicon built = [] {
        Lexicon out;
        out.keys.reserve(std::size(words));
        for (const Word& word : words) {
            out.keys.push_back(decode_utf8(label_key(word.text)));
        }
        for (std::size_t k = 0; k < out.keys.size(); ++k) {
            const std::u32string& key = out.keys[k];
            if (key.empty()) {
                continue;
            }
            out.by_key.emplace(key, &words[k]);
            std::vector<std::size_t>& lengths = out.lengths[key.front()];
            if (std::find(lengths.begin(), lengths.end(), key.size()) == lengths.end()) {
                lengths.push_back(key.size());
            }
        }
        for (auto& [first, lengths] : out.lengths) {
            std::sort(lengths.rbegin(), lengths.rend());
        }
        return out;
    }();
    return built;
}

bool is_digit(char32_t c) {
    return c >= U'0' && c <= U'9';
}

// "2024年" / "2024年度" at t[i]: the year and where the words after it start.
std::optional<std::pair<int, std::size_t>> year_at(std::u32string_view t, std::size_t i) {
    if (i + 5 > t.size() || !is_digit(t[i]) || !is_digit(t[i + 1]) || !is_digit(t[i + 2]) ||
        !is_digit(t[i + 3]) || t[i + 4] != U'年' || (i > 0 && is_digit(t[i - 1]))) {
        return std::nullopt;
    }
    const int year = static_cast<int>((t[i] - U'0') * 1000 + (t[i + 1] - U'0') * 100 +
                                      (t[i + 2] - U'0') * 10 + (t[i + 3] - U'0'));
    std::size_t end = i + 5;
    if (end < t.size() && t[end] == U'度') {
        ++end;
    }
    return std::make_pair(year, end);
}

template <typename E>
bool refine(std::optional<E>& into, E next, bool (*inside)(E, E)) {
    if (!into || inside(next, *into)) {
        into = next;
        return true;
    }
    return inside(*into, next);  // the broader word after a narrower one adds nothing
}

}  // namespace

std::span<const Word> known_words() {
    return words;
}

bool within(FundSource narrow, FundSource wide) {
    if (narrow == wide || wide == F::Any) {
        return true;
    }
    switch (wide) {
        case F::Fiscal:
            return narrow == F::GeneralPublic || narrow == F::GovernmentFund ||
                   narrow == F::StateCapital;
        case F::UnitFunds:
            return narrow == F::BusinessIncome || narrow == F::OperatingIncome ||
                   narrow == F::SuperiorSubsidy || narrow == F::AffiliateRemittance ||
                   narrow == F::OtherIncome;
        case F::OtherFunds:
            return narrow == F::BusinessIncome || narrow == F::OperatingIncome ||
                   narrow == F::OtherIncome || narrow == F::Debt;
        case F::NonFiscal:
            return narrow != F::Any && narrow != F::Fiscal && !within(narrow, F::Fiscal);
        default:
            return false;
    }
}

bool within(Spending narrow, Spending wide) {
    if (narrow == wide) {
        return true;
    }
    if (wide == S::All) {
        // Money carried into next year and 结余分配 are not spending of the year.
        return narrow != S::CarryForward && narrow != S::BalanceDistribution;
    }
    return wide == S::Basic && (narrow == S::Personnel || narrow == S::Public);
}

bool within(ThreePublicItem narrow, ThreePublicItem wide) {
    if (narrow == wide) {
        return true;
    }
    switch (wide) {
        case T::Combined:
            return narrow != T::OperatingExpenses && narrow != T::None;
        case T::Total:
            return narrow == T::OverseasTravel || narrow == T::Reception ||
                   narrow == T::VehicleTotal || narrow == T::VehiclePurchase ||
                   narrow == T::VehicleOperation;
        case T::VehicleTotal:
            return narrow == T::VehiclePurchase || narrow == T::VehicleOperation;
        default:
            return false;
    }
}

void compose(Aspects& into, const Aspects& next, std::string_view word,
             std::vector<std::string>& conflicts) {
    bool ok = true;
    if (next.role) {
        // A name column stays a name column whatever group header sits above it; a value word
        // below a label word (项目 / 金额) makes it a value column.
        const R now = into.role.value_or(R::Unknown);
        if (*next.role != R::Value || now == R::Unknown || now == R::Value || now == R::Label) {
            into.role = next.role;
        }
    }
    if (next.side) {
        if (into.side && *into.side != *next.side) {
            into.both_sides = true;
        } else {
            into.side = next.side;
        }
    }
    into.both_sides = into.both_sides || next.both_sides;
    into.nothing = into.nothing || next.nothing;
    if (next.period) {
        into.period = next.period;
    }
    if (next.stage) {
        into.stage = next.stage;
    }
    if (next.source) {
        ok = refine<F>(into.source, *next.source, within) && ok;
    }
    if (next.spending) {
        ok = refine<S>(into.spending, *next.spending, within) && ok;
    }
    if (next.three_public) {
        ok = refine<T>(into.three_public, *next.three_public, within) && ok;
    }
    if (next.quantity) {
        into.quantity = next.quantity;
    }
    if (next.aggregate) {
        into.aggregate = next.aggregate;
    }
    if (next.classification) {
        into.classification = next.classification;
    }
    if (next.table) {
        into.table = next.table;
    }
    into.excludes_capital_construction =
        into.excludes_capital_construction || next.excludes_capital_construction;
    into.outturn = into.outturn || next.outturn;
    into.prior = into.prior || next.prior;
    if (!next.detail.empty()) {
        into.detail = next.detail;
    }
    if (!ok) {
        conflicts.emplace_back(word);
    }
}

Reading read_words(std::string_view printed) {
    Reading out;
    const Lexicon& lex = lexicon();
    const std::u32string t = decode_utf8(label_key(printed));
    std::u32string unknown;
    auto flush = [&] {
        if (!unknown.empty()) {
            out.unknown.push_back(encode_utf8(unknown));
            unknown.clear();
        }
    };
    std::size_t i = 0;
    while (i < t.size()) {
        if (const auto year = year_at(t, i)) {
            flush();
            if (out.compared || out.year) {
                out.compared_year = year->first;
            } else {
                out.year = year->first;
            }
            i = year->second;
            continue;
        }
        // "2024年预算数比2023年执行数": a comparison of two years' figures.
        if (t[i] == U'比' && out.year && i + 1 < t.size()) {
            flush();
            out.compared = true;
            ++i;
            continue;
        }
        const Word* found = nullptr;
        std::size_t length = 0;
        if (const auto starts = lex.lengths.find(t[i]); starts != lex.lengths.end()) {
            for (std::size_t candidate : starts->second) {
                if (candidate > t.size() - i) {
                    continue;
                }
                const auto hit = lex.by_key.find(std::u32string_view(t).substr(i, candidate));
                if (hit != lex.by_key.end()) {
                    found = hit->second;
                    length = candidate;
                    break;
                }
            }
        }
        if (found == nullptr) {
            if (is_separator(t[i])) {
                flush();
            } else {
                unknown.push_back(t[i]);
            }
            ++i;
            continue;
        }
        flush();
        out.any_word = true;
        compose(out.aspects, found->says, found->text, out.conflicts);
        i += length;
    }
    flush();
    return out;
}

// ---- titles --------------------------------------------------------------------------------

TitleReading read_title(std::string_view title) {
    TitleReading out;
    const Reading reading = read_words(title);
    out.unknown = reading.unknown;
    const Aspects& a = reading.aspects;
    out.scope = a.source.value_or(F::Any);
    const bool income = a.side == Side::Income || a.both_sides;
    // 功能分类 and 经济分类 classify spending: "政府性基金预算支出功能分类预算表".
    const bool spending = a.side == Side::Expenditure || a.both_sides || a.classification;
    if (a.table) {
        out.kind = *a.table;
    } else if (a.three_public && *a.three_public != T::OperatingExpenses &&
               (out.scope == F::GovernmentFund || out.scope == F::StateCapital)) {
        // 政府性基金预算“三公”经费支出预算表: another fund's “三公”, which no kind stands for; read
        // as the “三公” table it would be compared with the 一般公共预算 figures.
        out.kind = K::Unknown;
    } else if (a.three_public && *a.three_public != T::OperatingExpenses) {
        out.kind = K::ThreePublicExpenses;
    } else if (a.three_public == T::OperatingExpenses) {
        out.kind = K::OperatingExpenses;
    } else if (income && spending) {
        out.kind = within(out.scope, F::Fiscal) && out.scope != F::Any &&
                           out.scope != F::GovernmentFund && out.scope != F::StateCapital
                       ? K::FiscalAppropriationSummary
                       : (out.scope == F::GovernmentFund ? K::GovernmentFundExpenditure
                          : out.scope == F::StateCapital ? K::StateCapitalExpenditure
                                                         : K::IncomeExpenditureSummary);
    } else if (income) {
        out.kind = K::IncomeSummary;
    } else if (a.spending == S::Project && out.scope == F::Any) {
        out.kind = K::ProjectExpenditure;
    } else if (a.spending == S::Project) {
        // 一般公共预算财政拨款项目支出预算表: one fund's projects, which no kind stands for; read
        // as that fund's whole spending it would be compared with figures it is only part of.
        out.kind = K::Unknown;
    } else if (spending || a.spending) {
        const bool basic =
            a.spending == S::Basic || a.spending == S::Personnel || a.spending == S::Public;
        switch (out.scope) {
            case F::GeneralPublic:
                out.kind = basic ? K::GeneralPublicBasicExpenditure : K::GeneralPublicExpenditure;
                break;
            case F::Fiscal:
                out.kind = basic ? K::FiscalBasicExpenditure : K::FiscalExpenditure;
                break;
            case F::GovernmentFund:
                out.kind = K::GovernmentFundExpenditure;
                break;
            case F::StateCapital:
                out.kind = K::StateCapitalExpenditure;
                break;
            case F::Any:
                out.kind = K::ExpenditureSummary;
                break;
            default:
                out.kind = K::Unknown;
                break;
        }
    }
    return out;
}

TableKind recognise_table_kind(std::string_view title) {
    return read_title(title).kind;
}

// ---- column headers ------------------------------------------------------------------------

namespace {

ColumnMeaning meaning_of(const Aspects& a) {
    ColumnMeaning m;
    m.role = a.role.value_or(R::Unknown);
    m.side = a.side.value_or(Side::Whole);
    m.period = a.period.value_or(P::BudgetYear);
    // 年末…结转和结余 is money carried forward, not money carried over into the year.
    m.stage = a.spending == S::CarryForward ? Stage::All : a.stage.value_or(Stage::All);
    m.source = a.source.value_or(F::Any);
    m.spending = a.spending.value_or(S::All);
    m.quantity = a.quantity.value_or(Q::Amount);
    m.three_public = a.three_public.value_or(T::None);
    m.aggregate = a.aggregate.value_or(A::None);
    m.excludes_capital_construction = a.excludes_capital_construction;
    m.detail = std::string(a.detail);
    return m;
}

bool says_figure(const Aspects& a) {
    return a.period || a.stage || a.source || a.spending || a.quantity || a.three_public ||
           a.aggregate || a.excludes_capital_construction || a.side || a.both_sides;
}

}  // namespace

namespace {

// The period a column's words name, read against the kind of document: a 决算 reports the
// outturn of its year and compares it with the year's budget; a 预算 reports the budget and
// compares it with last year's.
Period period_in(const Aspects& a, bool final_accounts, bool prior_year) {
    const Period said = a.period.value_or(P::BudgetYear);
    const bool prior = prior_year || a.prior;
    if (said == P::ChangeVsPriorBudget || said == P::ChangeVsPriorExecution) {
        return said;
    }
    if (a.outturn) {
        return final_accounts && !prior ? P::BudgetYear : P::PriorYearExecution;
    }
    if (prior) {
        return said == P::PriorYearExecution ? said : P::PriorYearBudget;
    }
    if (!final_accounts) {
        return said == P::OriginalBudget || said == P::FullYearBudget || said == P::AdjustedBudget
                   ? (said == P::AdjustedBudget ? said : P::BudgetYear)
                   : said;
    }
    // A 决算 column that names a budget and nothing narrower is the year's original budget.
    if (said == P::BudgetYear && a.period) {
        return P::OriginalBudget;
    }
    return said;
}

}  // namespace

namespace {

// The three categories of government procurement (政府采购品目), printed with or without 类.
std::optional<std::string_view> procurement_category(std::string_view key) {
    for (const std::string_view category : {"货物", "工程", "服务"}) {
        if (key == category || (key.size() == category.size() + std::string_view("类").size() &&
                                key.substr(0, category.size()) == category &&
                                key.substr(category.size()) == "类")) {
            return category;
        }
    }
    return std::nullopt;
}

}  // namespace

ColumnRecognition recognise_column(const std::vector<std::string>& header, TableKind kind,
                                   int document_year, bool final_accounts) {
    ColumnRecognition out;
    Aspects aspects;
    bool of_which = false;
    bool prior_year = false;
    for (const std::string& text : header) {
        const LabelParts parts = split_label(text);
        of_which = of_which || parts.of_which;
        // A 政府采购 table may print its total by category as columns (货物 | 工程 | 服务):
        // parts of the 合计 beside them. Only there are these everyday words names of money.
        if (kind == K::GovernmentProcurement) {
            if (const auto category = procurement_category(parts.key)) {
                Aspects spent;
                spent.side = Side::Expenditure;
                spent.detail = *category;
                std::vector<std::string> conflicts;
                compose(aspects, spent, text, conflicts);
                if (!conflicts.empty()) {
                    out.unrecognised.push_back(text);
                }
                continue;
            }
        }
        Reading reading = read_words(parts.key);
        if (!reading.unknown.empty() || !reading.conflicts.empty()) {
            out.unrecognised.push_back(text);
            continue;
        }
        if (reading.compared) {
            // "2024年预算数比2023年执行数": the change against the prior year.
            reading.aspects.role = R::Value;
            reading.aspects.period = reading.aspects.period == P::PriorYearExecution
                                         ? P::ChangeVsPriorExecution
                                         : P::ChangeVsPriorBudget;
            if (!reading.aspects.quantity) {
                reading.aspects.quantity = Q::ChangeAmount;
            }
        } else if (reading.year && *reading.year == document_year - 1) {
            prior_year = true;
        }
        std::vector<std::string> conflicts;
        compose(aspects, reading.aspects, text, conflicts);
        if (!conflicts.empty()) {
            out.unrecognised.push_back(text);
        }
    }
    if (aspects.both_sides && is_two_sided(kind)) {
        out.unrecognised.push_back(header.empty() ? std::string() : header.back());
    }
    ColumnMeaning& m = out.meaning;
    m = meaning_of(aspects);
    m.of_which = of_which;
    m.period = period_in(aspects, final_accounts, prior_year);
    if (m.period == P::OriginalBudget || m.period == P::AdjustedBudget ||
        m.period == P::FullYearBudget) {
        m.stage = Stage::All;  // 年初预算数 names the budget, not the year's own money
    }
    if (m.role == R::Unknown && says_figure(aspects)) {
        m.role = R::Value;
    }
    if ((m.period == P::ChangeVsPriorExecution || m.period == P::ChangeVsPriorBudget) &&
        m.quantity == Q::Amount) {
        m.quantity = Q::ChangeAmount;
    }
    // 项目名称 heads the project's own column only where the rows are projects.
    if (m.role == R::Label && kind == K::ProjectExpenditure && !header.empty() &&
        label_key(header.back()).find("项目") != std::string::npos) {
        m.role = R::ProjectLevel2;
    }
    // One-sided tables have no sides, but a 决算's fund tables print 本年收入 beside 本年支出.
    const bool fund_table = kind == K::GovernmentFundExpenditure || kind == K::StateCapitalExpenditure;
    if (!is_two_sided(kind) && !(final_accounts && fund_table)) {
        m.side = Side::Whole;
    }
    if (m.role != R::Label && m.role != R::Code) {
        out.classification = std::nullopt;
    }
    if (aspects.classification &&
        (m.role == R::Label || m.role == R::Code || m.role == R::CodeClass ||
         m.role == R::CodeSection || m.role == R::CodeItem)) {
        out.classification = aspects.classification;
    }
    if (!out.unrecognised.empty()) {
        m.role = R::Unknown;
    }
    return out;
}

// ---- line labels ---------------------------------------------------------------------------

LineItem line_item_of(const ColumnMeaning& m) {
    using L = LineItem;
    // 年末财政拨款结转和结余 names a fund, but it is the money carried forward.
    if (m.spending == S::CarryForward && m.aggregate == A::None) {
        return L::CarryForward;
    }
    if (m.aggregate == A::Grand) {
        return m.side == Side::Income        ? L::IncomeGrandTotal
               : m.side == Side::Expenditure ? L::ExpenditureGrandTotal
                                             : L::Total;
    }
    if (m.aggregate == A::Total) {
        if (m.three_public != T::None) {
            return L::ThreePublic;
        }
        if (m.stage == Stage::CurrentYear && m.source == F::Any && m.spending == S::All) {
            return m.side == Side::Income        ? L::CurrentYearIncomeTotal
                   : m.side == Side::Expenditure ? L::CurrentYearExpenditureTotal
                                                 : L::Total;
        }
        if (m.source == F::Any && m.spending == S::All && m.stage == Stage::All) {
            return L::Total;
        }
    }
    if (m.three_public != T::None) {
        return L::ThreePublic;
    }
    switch (m.source) {
        case F::Fiscal:
            return m.stage == Stage::CarryOver ? L::FiscalCarryOver : L::FiscalAppropriationIncome;
        case F::GeneralPublic:
            return m.stage == Stage::CarryOver ? L::FiscalCarryOver : L::GeneralPublicIncome;
        case F::GovernmentFund:
            return m.stage == Stage::CarryOver ? L::FiscalCarryOver : L::GovernmentFundIncome;
        case F::StateCapital:
            return m.stage == Stage::CarryOver ? L::FiscalCarryOver : L::StateCapitalIncome;
        case F::SpecialAccount:
            return L::SpecialAccountIncome;
        case F::UnitFunds:
            return L::UnitFundsIncome;
        case F::BusinessIncome:
            return L::BusinessIncome;
        case F::OperatingIncome:
            return L::OperatingIncome;
        case F::SuperiorSubsidy:
            return L::SuperiorSubsidyIncome;
        case F::AffiliateRemittance:
            return L::AffiliateRemittanceIncome;
        case F::OtherIncome:
            return L::OtherIncome;
        case F::NonFiscalBalanceUse:
            return L::NonFiscalBalanceUse;
        case F::NonFiscal:
            return m.stage == Stage::CarryOver ? L::NonFiscalCarryOver : L::None;
        case F::OtherFunds:
        case F::Debt:
            return L::None;
        case F::Any:
            break;
    }
    switch (m.spending) {
        case S::Basic:
            return L::BasicExpenditure;
        case S::Project:
            return L::ProjectExpenditure;
        case S::Personnel:
            return L::PersonnelExpenses;
        case S::Public:
            return L::PublicExpenses;
        case S::BusinessOperation:
            return L::BusinessOperationExpenditure;
        case S::RemitToSuperior:
            return L::RemitToSuperiorExpenditure;
        case S::SubsidyToAffiliates:
            return L::SubsidyToAffiliatesExpenditure;
        case S::CarryForward:
            return L::CarryForward;
        case S::BalanceDistribution:
            return L::BalanceDistribution;
        case S::Reserve:
        case S::All:
            break;
    }
    if (m.stage == Stage::CarryOver) {
        return L::CarryOver;
    }
    if (m.stage == Stage::CurrentYear) {
        return m.side == Side::Expenditure ? L::CurrentYearExpenditure : L::CurrentYearIncome;
    }
    return L::None;
}

LineRecognition recognise_line(std::string_view key, TableKind kind, const Aspects* context) {
    LineRecognition out;
    const Reading reading = read_words(key);
    out.unknown = reading.unknown;
    Aspects aspects = context != nullptr ? *context : Aspects{};
    std::vector<std::string> conflicts;
    compose(aspects, reading.aspects, key, conflicts);
    out.recognised = reading.any_word && reading.unknown.empty() && reading.conflicts.empty() &&
                     conflicts.empty() && !aspects.role && !aspects.classification &&
                     !aspects.table && !aspects.both_sides;
    out.nothing = out.recognised && aspects.nothing;
    // “三公” words name lines only in a “三公” table: elsewhere 公务接待费 is a subject.
    if (aspects.three_public && kind != K::ThreePublicExpenses && kind != K::OperatingExpenses) {
        out.recognised = false;
    }
    if (!out.recognised) {
        return out;
    }
    // 收入总计, 支出总计, and 收入合计 where no 本年 narrows it: everything on that side.
    if (aspects.aggregate == A::Total && aspects.side && !aspects.stage && !aspects.source &&
        !aspects.spending) {
        aspects.aggregate = A::Grand;
    }
    out.meaning = meaning_of(aspects);
    out.meaning.role = R::Value;
    out.item = line_item_of(out.meaning);
    return out;
}

// ---- performance tables --------------------------------------------------------------------

FundLineKind recognise_fund_line(std::string_view label) {
    const std::string key = split_label(label).key;
    const auto is = [&key](std::initializer_list<std::string_view> prefixes) {
        return std::any_of(prefixes.begin(), prefixes.end(),
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
