#include "facts.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "budgetcheck/load/vocabulary.hpp"

namespace budgetcheck {

namespace {

using F = FundSource;
using S = Spending;
using T = ThreePublicItem;

// Narrows `into` by `next`; false when they contradict. A broader `next` adds nothing; `all`
// (nothing said yet) takes anything.
template <typename E>
bool narrow(E& into, E next, bool (*inside)(E, E), E all) {
    if (into == all || inside(next, into)) {
        into = next;
        return true;
    }
    return inside(into, next);
}

// What a table's kind says about every figure in it.
std::optional<Fact> scope_of(const Table& table, const TableSide& side) {
    Fact f;
    switch (table.kind) {
        case TableKind::IncomeExpenditureSummary:
            f.side = side.side == Side::Income ? Side::Income : Side::Expenditure;
            break;
        case TableKind::FiscalAppropriationSummary:
            f.side = side.side == Side::Income ? Side::Income : Side::Expenditure;
            f.source = F::Fiscal;
            break;
        case TableKind::IncomeSummary:
            f.side = Side::Income;
            break;
        case TableKind::ExpenditureSummary:
            break;
        case TableKind::GeneralPublicExpenditure:
            f.source = F::GeneralPublic;
            break;
        case TableKind::GeneralPublicBasicExpenditure:
            f.source = F::GeneralPublic;
            f.spending = S::Basic;
            break;
        case TableKind::FiscalExpenditure:
            f.source = F::Fiscal;
            break;
        case TableKind::FiscalBasicExpenditure:
            f.source = F::Fiscal;
            f.spending = S::Basic;
            break;
        case TableKind::GovernmentFundExpenditure:
            f.source = F::GovernmentFund;
            break;
        case TableKind::StateCapitalExpenditure:
            f.source = F::StateCapital;
            break;
        case TableKind::ThreePublicExpenses:
            break;
        case TableKind::ProjectExpenditure:
            f.spending = S::Project;  // its 合计 is all project spending, by source and stage
            break;
        case TableKind::OperatingExpenses:
            f.source = F::GeneralPublic;
            f.three_public = T::OperatingExpenses;
            break;
        default:
            return std::nullopt;
    }
    return f;
}

int unit_rows(const TableSide& side) {
    int units = 0;
    for (const Row& row : side.rows) {
        units += row.role == RowRole::Unit ? 1 : 0;
        if (row.is_total) {
            return 2;  // several units' rows under a 合计: each is only a part
        }
    }
    return units;
}

bool zero(const CellAt& at) {
    const Amount* amount = at.amount();
    return amount != nullptr && !at.cell().invalid && amount->value().is_zero();
}

}  // namespace

std::string Fact::describe() const {
    std::vector<std::string> parts;
    auto add = [&parts](std::string_view part) {
        if (!part.empty()) {
            parts.emplace_back(part);
        }
    };
    add(side == Side::Income ? "income" : "spending");
    if (grand) {
        add("grand total");
    }
    ColumnMeaning m;
    m.role = ColumnRole::Value;
    m.period = period;
    m.stage = stage;
    m.source = source;
    m.spending = spending;
    m.quantity = quantity;
    m.three_public = three_public;
    m.detail = detail;
    add(m.describe());
    add(subject.empty() ? "all subjects" : "subject " + subject);
    std::string out;
    for (const std::string& part : parts) {
        out += out.empty() ? part : " · " + part;
    }
    return out;
}

std::optional<Fact> fact_of(const CellAt& at, bool final_accounts) {
    const Table& table = *at.table;
    const TableSide& side = at.side_ref();
    const Column& column = at.column_ref();
    const Row& row = at.row_ref();
    const ColumnMeaning& c = column.meaning;
    if (!c.is_value() || c.of_which || c.excludes_capital_construction) {
        return std::nullopt;
    }
    std::optional<Fact> scope = scope_of(table, side);
    if (!scope) {
        return std::nullopt;
    }
    Fact f = *scope;
    // The column.
    if (!narrow<F>(f.source, c.source, within, F::Any) ||
        !narrow<S>(f.spending, c.spending, within, S::All)) {
        return std::nullopt;
    }
    if (c.three_public != T::None && !narrow<T>(f.three_public, c.three_public, within, T::None)) {
        return std::nullopt;
    }
    f.stage = c.stage;
    f.period = c.period;
    f.quantity = c.quantity;
    f.detail = c.detail;
    // The row.
    switch (row.role) {
        case RowRole::Subject:
            // 功能分类 and 经济分类 classify spending. A budget plans its income by the subject
            // it will be spent on, so the two are one figure; a 决算's income by subject is what
            // came in, and differs from what went out by the balances carried.
            f.side = final_accounts && (table.kind == TableKind::IncomeSummary ||
                                        c.side == Side::Income)
                         ? Side::Income
                         : Side::Expenditure;
            f.subject = row.subject->code;
            f.classification = row.subject->classification;
            break;
        case RowRole::LineItem: {
            const ColumnMeaning& m = row.meaning;
            if (!narrow<F>(f.source, m.source, within, F::Any) ||
                !narrow<S>(f.spending, m.spending, within, S::All)) {
                return std::nullopt;
            }
            if (m.three_public != T::None &&
                !narrow<T>(f.three_public, m.three_public, within, T::None)) {
                return std::nullopt;
            }
            // Where the columns split the money by stage (本年预算 | 上年结转), a row's 本年 only
            // heads its lines (吉林: 一、本年收入 prints both stages).
            const bool staged_columns =
                std::any_of(side.columns.begin(), side.columns.end(),
                            [](const Column& col) { return col.meaning.stage != Stage::All; });
            if (f.side == Side::Income && m.stage != Stage::All && !staged_columns) {
                if (f.stage != Stage::All && f.stage != m.stage) {
                    return std::nullopt;  // 本年收入 in a 上年结转 column
                }
                f.stage = m.stage;
            }
            if (!m.detail.empty()) {
                f.detail = m.detail;
            }
            // A row that names its period or change (2024年预算数, 增减额 down a “三公” table
            // whose columns are its items) is that period's, whatever the columns default to.
            if (table.kind == TableKind::ThreePublicExpenses && c.period == Period::BudgetYear &&
                c.quantity == Quantity::Amount) {
                f.period = m.period;
                f.quantity = m.quantity;
            }
            f.grand = m.aggregate == Aggregate::Grand;
            if (f.side == Side::Income && f.spending != S::All) {
                return std::nullopt;
            }
            break;
        }
        case RowRole::Unit:
            if (unit_rows(side) != 1) {
                return std::nullopt;
            }
            break;
        default:
            return std::nullopt;
    }
    if (table.kind == TableKind::ThreePublicExpenses && f.three_public == T::None) {
        return std::nullopt;
    }
    if (final_accounts && c.side == Side::Income && !is_two_sided(table.kind)) {
        f.side = Side::Income;  // a 决算 fund table's 本年收入
    }
    if (final_accounts && f.side == Side::Expenditure && f.stage == Stage::CurrentYear) {
        // A 决算's 本年支出 is everything spent in the year, whichever year's money paid for it:
        // its balances are lines of their own (年初/年末结转和结余), never a stage of spending.
        f.stage = Stage::All;
    }
    return f;
}

Fact FactIndex::canonical(Fact f) const {
    const Coincidences& co = coincidences_;
    if (co.no_carry_over && f.stage == Stage::CurrentYear) {
        f.stage = Stage::All;  // this year's money is all the money; carry-over stays nil
    }
    if (co.no_carry_over && co.no_carry_forward && f.subject.empty() && f.detail.empty()) {
        // Nothing carried over or forward: a budget's income from a source is its spending from
        // it, and both sides' grand totals are its spending.
        if (f.grand || (f.side == Side::Income && f.spending == S::All)) {
            f.grand = false;
            f.side = Side::Expenditure;
        }
    }
    if (co.fiscal_only && f.source == F::Any) {
        f.source = F::Fiscal;
    }
    if (co.general_public_only && f.source == F::Fiscal) {
        f.source = F::GeneralPublic;
    }
    return f;
}

FactIndex FactIndex::build(const Document& document) {
    FactIndex index;
    for (const Table& table : document.tables) {
        for (std::size_t s = 0; s < table.sides.size(); ++s) {
            const TableSide& side = table.sides[s];
            for (std::size_t r = 0; r < side.rows.size(); ++r) {
                for (std::size_t c = 0; c < side.columns.size(); ++c) {
                    const CellAt at{&table, static_cast<int>(s), static_cast<int>(r),
                                    static_cast<int>(c)};
                    if (at.cell().invalid || at.amount() == nullptr) {
                        continue;
                    }
                    if (auto fact = fact_of(at, is_final_accounts(document.kind))) {
                        index.cells_.push_back(FactCell{at, *fact, *fact});
                    }
                }
            }
        }
    }

    // What the document's income and spending lines say is nothing. A summary that lists its
    // income lines speaks for what it does not list too: a line it left out would make its
    // totals fail to foot, which footing reports. A 收支总表 or 收入总表 lists every source; a
    // 财政拨款收支总表 only the fiscal ones.
    Coincidences& co = index.coincidences_;
    bool all_sources = false;
    bool fiscal_sources = false;
    for (const FactCell& cell : index.cells_) {
        if (cell.fact.side != Side::Income) {
            continue;
        }
        const TableKind kind = cell.at.table->kind;
        all_sources = all_sources || kind == TableKind::IncomeExpenditureSummary ||
                      kind == TableKind::IncomeSummary;
        fiscal_sources = fiscal_sources || kind == TableKind::FiscalAppropriationSummary;
    }
    fiscal_sources = fiscal_sources || all_sources;
    // A 决算's 收入决算表 lists this year's income only: its balances at the start and end of
    // the year are printed in the two 收支总表 alone, so without one of those understood
    // nothing is known of them.
    const bool final_accounts = is_final_accounts(document.kind);
    bool balances_printed = false;
    for (const FactCell& cell : index.cells_) {
        const TableKind kind = cell.at.table->kind;
        balances_printed = balances_printed || kind == TableKind::IncomeExpenditureSummary ||
                           kind == TableKind::FiscalAppropriationSummary;
    }
    if (fiscal_sources && (!final_accounts || balances_printed)) {
        co.no_carry_over = co.no_carry_forward = co.general_public_only = true;
        co.fiscal_only = all_sources;
        auto nonzero = [](const FactCell& cell) { return cell.at.printed() && !zero(cell.at); };
        // Money carried over is 财政拨款 only as far as the 财政拨款 carried over covers it: a
        // balance of other money spent this year is spending no income line shows.
        std::optional<Decimal> carried_all;
        Decimal carried_fiscal;
        for (const FactCell& cell : index.cells_) {
            const Fact& f = cell.fact;
            if (!nonzero(cell) || f.period != Period::BudgetYear || f.stage != Stage::CarryOver ||
                f.side != Side::Income || !f.subject.empty() || cell.at.amount() == nullptr) {
                continue;
            }
            const auto yuan = cell.at.amount()->in_yuan(cell.at.table->money_unit);
            if (!yuan) {
                continue;
            }
            if (f.source == F::Any) {
                if (!carried_all || *carried_all < *yuan) {
                    carried_all = *yuan;
                }
            } else if (within(f.source, F::Fiscal) && carried_fiscal < *yuan) {
                carried_fiscal = *yuan;
            }
        }
        if (carried_all && carried_fiscal < *carried_all) {
            co.fiscal_only = false;
        }
        for (const FactCell& cell : index.cells_) {
            const Fact& f = cell.fact;
            if (!nonzero(cell) || f.period != Period::BudgetYear ||
                f.quantity != Quantity::Amount) {
                continue;
            }
            if (f.side == Side::Income && !f.grand && f.subject.empty()) {
                if (f.source == F::NonFiscalBalanceUse) {
                    co.no_carry_over = false;
                }
                if (f.source != F::Any && !within(f.source, F::Fiscal)) {
                    co.fiscal_only = false;
                }
            }
            if (f.stage == Stage::CarryOver) {
                co.no_carry_over = false;
            }
            if (f.spending == S::CarryForward || f.spending == S::BalanceDistribution) {
                co.no_carry_forward = false;
            }
            if (f.source == F::GovernmentFund || f.source == F::StateCapital) {
                co.general_public_only = false;
            }
        }
        const auto say = [&co](bool holds, std::string_view reason, std::string_view reason_zh) {
            if (holds) {
                co.reasons.emplace_back(reason);
                co.reasons_zh.emplace_back(reason_zh);
            }
        };
        say(co.no_carry_over, "nothing is carried over from last year (上年结转 is nil)",
            "没有上年结转");
        say(co.no_carry_forward, "nothing is carried forward (结转下年 is nil)", "没有结转下年");
        say(co.fiscal_only, "every income is 财政拨款 (the other income lines are nil)",
            "收入全部为财政拨款（其他收入为零）");
        say(co.general_public_only,
            "all 财政拨款 is 一般公共预算 (政府性基金 and 国有资本经营 are nil)",
            "财政拨款全部为一般公共预算（政府性基金、国有资本经营为零）");
    }
    for (std::size_t i = 0; i < index.cells_.size(); ++i) {
        FactCell& cell = index.cells_[i];
        cell.canonical = index.canonical(cell.fact);
        index.groups_[cell.canonical].push_back(static_cast<int>(i));
    }
    for (const auto& [fact, group] : index.groups_) {
        std::vector<const FactCell*> cells = index.one_per_table(group);
        if (cells.size() < 2) {
            continue;
        }
        const FactCell* best = consensus(cells);
        index.shared_.push_back({&fact, std::move(cells), best});
    }
    // Which printed facts are a narrower fund's share of another printed fact, found once for
    // every rule that compares them.
    for (const auto& [fact, group] : index.groups_) {
        if (fact.source == FundSource::Any) {
            continue;
        }
        for (FundSource broader : {FundSource::Fiscal, FundSource::Any}) {
            if (broader == fact.source || !within(fact.source, broader)) {
                continue;
            }
            Fact wide = fact;
            wide.source = broader;
            const auto found = index.groups_.find(index.canonical(wide));
            if (found != index.groups_.end() && !(found->first == fact)) {
                index.fund_parts_.push_back(
                    {&fact, index.one_per_table(group), index.one_per_table(found->second)});
            }
        }
    }
    return index;
}

const FactCell* consensus(const std::vector<const FactCell*>& cells) {
    const FactCell* best = nullptr;
    std::size_t best_votes = 0;
    for (const FactCell* cell : cells) {
        const auto value = cell->at.amount()->in_yuan(cell->at.table->money_unit);
        std::size_t votes = 0;
        for (const FactCell* other : cells) {
            votes += other->at.amount()->in_yuan(other->at.table->money_unit) == value ? 1 : 0;
        }
        if (votes > best_votes) {
            best = cell;
            best_votes = votes;
        }
    }
    return best;
}

std::vector<const FactCell*> FactIndex::one_per_table(const std::vector<int>& group) const {
    std::vector<const FactCell*> out;
    for (int i : group) {
        const FactCell& cell = cells_[static_cast<std::size_t>(i)];
        const bool seen = std::any_of(out.begin(), out.end(), [&](const FactCell* other) {
            return other->at.table == cell.at.table;
        });
        if (!seen) {
            out.push_back(&cell);
        }
    }
    return out;
}

std::vector<const FactCell*> FactIndex::find(const Fact& fact) const {
    std::vector<const FactCell*> out;
    const auto found = groups_.find(canonical(fact));
    if (found != groups_.end()) {
        for (int i : found->second) {
            out.push_back(&cells_[static_cast<std::size_t>(i)]);
        }
    }
    return out;
}

}  // namespace budgetcheck
