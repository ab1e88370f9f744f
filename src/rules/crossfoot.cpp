// Cross-footing: figures across a row. A total column equals its breakdown columns (read from
// the merged headers above them and from what the columns mean), a budget equals current-year
// money plus carry-over, and a two-sided summary balances.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include <fmt/format.h>

#include "budgetcheck/load/vocabulary.hpp"
#include "families.hpp"

namespace budgetcheck::rules {

namespace {

struct ColumnIdentity {
    int total = -1;
    std::vector<int> parts;
    friend bool operator==(const ColumnIdentity& a, const ColumnIdentity& b) {
        std::vector<int> x = a.parts;
        std::vector<int> y = b.parts;
        std::sort(x.begin(), x.end());
        std::sort(y.begin(), y.end());
        return a.total == b.total && x == y;
    }
};

bool additive(const ColumnMeaning& m) {
    return m.is_value() && !is_percent(m.quantity) && !m.of_which;
}

bool is_total_word(const std::string& key) {
    return key == "合计" || key == "小计" || key == "总计" || key == "金额";
}

// A breakdown member's parent meaning: personnel and public are parts of basic; the three
// fiscal budgets parts of 财政拨款; the unit's own incomes parts of 单位资金.
bool nests_under(const ColumnMeaning& child, const ColumnMeaning& parent) {
    const bool same_rest =
        child.period == parent.period && child.stage == parent.stage &&
        child.excludes_capital_construction == parent.excludes_capital_construction;
    if (!same_rest) {
        return false;
    }
    if (parent.spending == Spending::Basic && child.source == parent.source &&
        (child.spending == Spending::Personnel || child.spending == Spending::Public)) {
        return true;
    }
    if (child.spending != parent.spending) {
        return false;
    }
    switch (parent.source) {
        case FundSource::Fiscal:
            return child.source == FundSource::GeneralPublic ||
                   child.source == FundSource::GovernmentFund ||
                   child.source == FundSource::StateCapital;
        case FundSource::UnitFunds:
            return child.source == FundSource::BusinessIncome ||
                   child.source == FundSource::OperatingIncome ||
                   child.source == FundSource::SuperiorSubsidy ||
                   child.source == FundSource::AffiliateRemittance ||
                   child.source == FundSource::OtherIncome;
        case FundSource::NonFiscal:
            return child.source == FundSource::SpecialAccount ||
                   child.source == FundSource::UnitFunds;
        default:
            return false;
    }
}

using Path = std::vector<std::string>;

// A header cell that names only a period (预算数, 决算数): the 决算 “三公” table prints one under
// each item (合计 / 预算数, 合计 / 决算数), so the period, not the item, is the innermost level.
bool names_only_a_period(const std::string& key) {
    const Reading reading = read_words(key);
    const Aspects& a = reading.aspects;
    return reading.any_word && reading.unknown.empty() && (a.period || a.outturn) && !a.role &&
           !a.side && !a.source && !a.spending && !a.three_public && !a.aggregate &&
           !a.quantity && !a.both_sides;
}

// Total column = Σ breakdown columns, read from the header tree: a column headed 合计/小计/总计/
// 金额 totals the other columns under the same header above it.
std::vector<ColumnIdentity> header_identities(const TableSide& side) {
    std::map<Path, int> group_total;          // group path → its total column
    std::map<Path, std::vector<int>> leaves;  // group path → leaf columns directly in it
    std::set<Path> groups;
    std::map<Path, std::set<Path>> subgroups;
    std::vector<Path> paths(side.columns.size());
    for (std::size_t c = 0; c < side.columns.size(); ++c) {
        const Column& column = side.columns[c];
        if (!additive(column.meaning)) {
            continue;
        }
        Path path;
        for (const std::string& text : column.header) {
            path.push_back(split_label(text).key);
        }
        if (path.size() > 1 && names_only_a_period(path.back())) {
            // 合计 / 预算数 and 因公出国(境)费 / 预算数 are in the 预算数 group.
            path.insert(path.begin(), path.back());
            path.pop_back();
        }
        paths[c] = path;
        Path group = path;
        const bool is_total = !group.empty() && is_total_word(group.back());
        if (!group.empty()) {
            group.pop_back();
        }
        if (is_total) {
            group_total[group] = static_cast<int>(c);
        } else {
            leaves[group].push_back(static_cast<int>(c));
        }
        for (Path prefix = group;; prefix.pop_back()) {
            groups.insert(prefix);
            if (prefix.empty()) {
                break;
            }
            Path up = prefix;
            up.pop_back();
            subgroups[up].insert(prefix);
        }
    }
    // The members of a group: its leaves and, for each subgroup, that subgroup's total column
    // or (without one) the subgroup's own members.
    std::function<std::vector<int>(const Path&)> members = [&](const Path& group) {
        std::vector<int> out = leaves[group];
        for (const Path& sub : subgroups[group]) {
            if (const auto found = group_total.find(sub); found != group_total.end()) {
                out.push_back(found->second);
            } else {
                const auto inner = members(sub);
                out.insert(out.end(), inner.begin(), inner.end());
            }
        }
        return out;
    };
    std::vector<ColumnIdentity> out;
    for (const auto& [group, total] : group_total) {
        std::vector<int> parts = members(group);
        const ColumnMeaning& t = side.columns[static_cast<std::size_t>(total)].meaning;
        // Alternatives (扣除中央基建投资) and other periods are not parts of this total.
        parts.erase(std::remove_if(parts.begin(), parts.end(),
                                   [&](int c) {
                                       const ColumnMeaning& m =
                                           side.columns[static_cast<std::size_t>(c)].meaning;
                                       return m.period != t.period ||
                                              m.excludes_capital_construction !=
                                                  t.excludes_capital_construction;
                                   }),
                    parts.end());
        // Members that are themselves parts of another member (人员经费 beside 基本支出) go under
        // it.
        std::vector<int> nested;
        for (int parent : parts) {
            std::vector<int> inner;
            for (int child : parts) {
                if (child != parent &&
                    nests_under(side.columns[static_cast<std::size_t>(child)].meaning,
                                side.columns[static_cast<std::size_t>(parent)].meaning)) {
                    inner.push_back(child);
                }
            }
            if (!inner.empty()) {
                out.push_back(ColumnIdentity{parent, inner});
                nested.insert(nested.end(), inner.begin(), inner.end());
            }
        }
        parts.erase(
            std::remove_if(
                parts.begin(), parts.end(),
                [&](int c) { return std::find(nested.begin(), nested.end(), c) != nested.end(); }),
            parts.end());
        if (!parts.empty()) {
            std::sort(parts.begin(), parts.end());
            out.push_back(ColumnIdentity{total, parts});
        }
    }
    return out;
}

// 预算数 = 本年预算 + 上年结转, for columns alike in everything but the stage.
std::vector<ColumnIdentity> stage_identities(const TableSide& side) {
    std::vector<ColumnIdentity> out;
    auto alike = [](const ColumnMeaning& a, const ColumnMeaning& b) {
        return a.period == b.period && a.source == b.source && a.spending == b.spending &&
               a.three_public == b.three_public && a.quantity == b.quantity && a.side == b.side &&
               a.excludes_capital_construction == b.excludes_capital_construction && !a.of_which &&
               !b.of_which;
    };
    for (std::size_t c = 0; c < side.columns.size(); ++c) {
        const ColumnMeaning& m = side.columns[c].meaning;
        if (!additive(m) || m.stage != Stage::All) {
            continue;
        }
        const int current = find_column(side, [&](const ColumnMeaning& o) {
            return o.stage == Stage::CurrentYear && alike(o, m);
        });
        const int carried = find_column(side, [&](const ColumnMeaning& o) {
            return o.stage == Stage::CarryOver && alike(o, m);
        });
        if (current >= 0 && carried >= 0) {
            out.push_back(ColumnIdentity{static_cast<int>(c), {current, carried}});
        }
    }
    return out;
}

void check_rows(RuleContext& context, const Table& table, int side,
                const std::vector<ColumnIdentity>& identities, const IdentityText& text) {
    const TableSide& s = table.sides[static_cast<std::size_t>(side)];
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
        if (!is_content(s.rows[r])) {
            continue;
        }
        for (const ColumnIdentity& identity : identities) {
            const CellAt total{&table, side, static_cast<int>(r), identity.total};
            bool any = total.printed();
            std::vector<std::pair<int, Figure>> parts;
            for (int c : identity.parts) {
                const CellAt at{&table, side, static_cast<int>(r), c};
                any = any || at.printed();
                parts.emplace_back(1, figure_of(at));
            }
            if (any) {
                context.check_sum(figure_of(total), parts, text);
            }
        }
    }
}

}  // namespace

void column_groups(const Document& document, RuleContext& context) {
    for_each_grid_side(document, [&](const Table& table, int side_index) {
        const auto s = static_cast<std::size_t>(side_index);
        const TableSide& side = table.sides[s];
        // A column nobody understood under the same header as a total may be one of its parts:
        // the total is not checked without it.
        std::vector<ColumnIdentity> identities;
        for (const ColumnIdentity& identity : header_identities(side)) {
            const Column& total = side.columns[static_cast<std::size_t>(identity.total)];
            const std::vector<std::string> group(total.header.begin(), total.header.end() - 1);
            const auto unread = std::find_if(
                side.columns.begin(), side.columns.end(), [&group](const Column& column) {
                    return column.meaning.role == ColumnRole::Unknown &&
                           column.header.size() >= group.size() &&
                           std::equal(group.begin(), group.end(), column.header.begin());
                });
            if (unread != side.columns.end()) {
                context.skip(fmt::format("{} × {}: column '{}' beside it was not understood",
                                         table.title, total.printed(), unread->printed()),
                             fmt::format("{}「{}」：旁边的“{}”列未能识别", table.title,
                                         total.printed(), unread->printed()));
                continue;
            }
            identities.push_back(identity);
        }
        check_rows(context, table, static_cast<int>(s), identities,
                   {"its breakdown columns add up to", "各分项列之和为", Axis::Row});
    });
}

void budget_stages(const Document& document, RuleContext& context) {
    for_each_grid_side(document, [&](const Table& table, int side_index) {
        const auto s = static_cast<std::size_t>(side_index);
        const auto by_header = header_identities(table.sides[s]);
        std::vector<ColumnIdentity> stages;
        for (const ColumnIdentity& identity : stage_identities(table.sides[s])) {
            if (std::find(by_header.begin(), by_header.end(), identity) == by_header.end()) {
                stages.push_back(identity);
            }
        }
        check_rows(
            context, table, static_cast<int>(s), stages,
            {"current-year budget plus carry-over is", "本年预算与上年结转之和为", Axis::Row});
    });
}

namespace {

// What a column's header says of its side: one-sided tables drop the side from a column's
// meaning, but a 决算's fund tables print 本年收入 and 本年支出 side by side.
std::optional<Side> side_named(const Column& column) {
    std::optional<Side> side;
    for (const std::string& text : column.header) {
        const Reading reading = read_words(split_label(text).key);
        if (reading.aspects.both_sides) {
            return std::nullopt;
        }
        if (reading.aspects.side) {
            side = reading.aspects.side;
        }
    }
    return side;
}

// The columns of a balance carried through the year, all of the same money and period.
struct RollForward {
    int opening = -1;       // 年初结转和结余
    int income = -1;        // 本年收入
    int spending = -1;      // 本年支出 (its total where it is broken down)
    int distribution = -1;  // 结余分配, where printed
    int closing = -1;       // 年末结转和结余
};

std::optional<RollForward> roll_forward_columns(const TableSide& side) {
    RollForward out;
    int spending_total = -1;
    for (std::size_t c = 0; c < side.columns.size(); ++c) {
        const Column& column = side.columns[c];
        const ColumnMeaning& m = column.meaning;
        if (!additive(m) || m.period != Period::BudgetYear || m.quantity != Quantity::Amount ||
            m.three_public != ThreePublicItem::None) {
            continue;
        }
        const int at = static_cast<int>(c);
        if (m.spending == Spending::CarryForward) {
            out.closing = out.closing < 0 ? at : -2;
        } else if (m.spending == Spending::BalanceDistribution) {
            out.distribution = out.distribution < 0 ? at : -2;
        } else if (m.stage == Stage::CarryOver && m.spending == Spending::All) {
            out.opening = out.opening < 0 ? at : -2;
        } else if (m.spending == Spending::All && m.stage == Stage::CurrentYear) {
            const std::optional<Side> named = side_named(column);
            if (named == Side::Income) {
                out.income = out.income < 0 ? at : -2;
            } else if (named == Side::Expenditure) {
                if (m.aggregate != Aggregate::None) {
                    spending_total = spending_total < 0 ? at : -2;
                } else {
                    out.spending = out.spending < 0 ? at : -2;
                }
            }
        }
    }
    if (spending_total != -1) {
        out.spending = spending_total;
    }
    // Every one printed once: two columns of a kind (by fund, say) are not one balance.
    if (out.opening < 0 || out.income < 0 || out.spending < 0 || out.closing < 0 ||
        out.distribution == -2) {
        return std::nullopt;
    }
    return out;
}

}  // namespace

void roll_forward(const Document& document, RuleContext& context) {
    for_each_grid_side(document, [&](const Table& table, int side_index) {
        const TableSide& side = table.sides[static_cast<std::size_t>(side_index)];
        const auto columns = roll_forward_columns(side);
        if (!columns) {
            return;
        }
        // A column nobody understood may be a movement of the balance (财政收回, 其他调整).
        for (const Column& column : side.columns) {
            if (column.meaning.role == ColumnRole::Unknown) {
                context.skip(fmt::format("{}: column '{}' beside the balances was not understood",
                                         table.title, column.printed()),
                             fmt::format("{}：结转结余旁的“{}”列未能识别", table.title,
                                         column.printed()));
                return;
            }
        }
        for (std::size_t r = 0; r < side.rows.size(); ++r) {
            if (!is_content(side.rows[r])) {
                continue;
            }
            const auto cell = [&](int c) {
                return CellAt{&table, side_index, static_cast<int>(r), c};
            };
            std::vector<std::pair<int, Figure>> parts = {{1, figure_of(cell(columns->opening))},
                                                         {1, figure_of(cell(columns->income))},
                                                         {-1, figure_of(cell(columns->spending))}};
            bool any = cell(columns->closing).printed();
            for (const auto& [sign, figure] : parts) {
                any = any || (figure.at && figure.at->printed());
            }
            if (columns->distribution >= 0) {
                parts.emplace_back(-1, figure_of(cell(columns->distribution)));
            }
            if (any) {
                context.check_sum(figure_of(cell(columns->closing)), parts,
                                  {"the balance at the start, plus income, less spending, is",
                                   "年初结转和结余加本年收入减本年支出为", Axis::Row});
            }
        }
    });
}

void full_year_budget(const Document& document, RuleContext& context) {
    for_each_grid_side(document, [&](const Table& table, int side_index) {
        const TableSide& side = table.sides[static_cast<std::size_t>(side_index)];
        std::vector<ColumnIdentity> identities;
        for (std::size_t c = 0; c < side.columns.size(); ++c) {
            const ColumnMeaning& m = side.columns[c].meaning;
            if (!additive(m) || m.period != Period::FullYearBudget) {
                continue;
            }
            // 全年预算数 = 年初预算数 + 调整预算数, for the same money.
            const auto alike = [&m](Period period) {
                return [&m, period](const ColumnMeaning& o) {
                    return additive(o) && o.period == period && o.source == m.source &&
                           o.spending == m.spending && o.three_public == m.three_public &&
                           o.stage == m.stage;
                };
            };
            const int original = find_column(side, alike(Period::OriginalBudget));
            const int adjusted = find_column(side, alike(Period::AdjustedBudget));
            if (original >= 0 && adjusted >= 0) {
                identities.push_back(ColumnIdentity{static_cast<int>(c), {original, adjusted}});
            }
        }
        check_rows(context, table, side_index, identities,
                   {"the original budget plus its adjustment is", "年初预算数与调整预算数之和为",
                    Axis::Row});
    });
}

void completion_rate(const Document& document, RuleContext& context) {
    if (!is_final_accounts(document.kind)) {
        return;  // a budget has no outturn to measure
    }
    for_each_grid_side(document, [&](const Table& table, int side_index) {
        const TableSide& side = table.sides[static_cast<std::size_t>(side_index)];
        for (std::size_t c = 0; c < side.columns.size(); ++c) {
            const ColumnMeaning& m = side.columns[c].meaning;
            if (!m.is_value() || m.quantity != Quantity::CompletionPercent) {
                continue;
            }
            // The one outturn and the one budget of the same money the rate is of; the
            // full-year budget, where printed, is the one the outturn completes.
            const auto unique = [&](Period period) {
                int found = -1;
                for (std::size_t o = 0; o < side.columns.size(); ++o) {
                    const ColumnMeaning& x = side.columns[o].meaning;
                    if (x.is_value() && x.quantity == Quantity::Amount && x.period == period &&
                        x.source == m.source && x.spending == m.spending &&
                        x.three_public == m.three_public && !x.of_which) {
                        found = found < 0 ? static_cast<int>(o) : -2;
                    }
                }
                return found;
            };
            const int outturn = unique(Period::BudgetYear);
            // The budget the rate names; with both printed and neither named, either may be meant.
            const std::string header = side.columns[c].printed();
            const int full_year = unique(Period::FullYearBudget);
            const int original = unique(Period::OriginalBudget);
            int budget = header.find("全年") != std::string::npos   ? full_year
                         : header.find("年初") != std::string::npos ? original
                         : full_year >= 0 && original >= 0          ? -3
                         : full_year != -1                          ? full_year
                                                                    : original;
            if (budget == -3) {
                context.skip(fmt::format("{} × {}: both 年初 and 全年 budgets are printed and the "
                                         "rate does not say which it is of",
                                         table.title, header),
                             fmt::format("{}「{}」：同时列示年初与全年预算数，未说明完成率所对应者",
                                         table.title, header));
                continue;
            }
            if (outturn < 0 || budget < 0) {
                context.skip(
                    fmt::format("{} × {}: no single outturn and budget column it is the rate of",
                                table.title, side.columns[c].printed()),
                    fmt::format("{}「{}」：未找到唯一对应的决算数列和预算数列", table.title,
                                side.columns[c].printed()));
                continue;
            }
            for (std::size_t r = 0; r < side.rows.size(); ++r) {
                if (!is_content(side.rows[r])) {
                    continue;
                }
                const CellAt rate{&table, side_index, static_cast<int>(r), static_cast<int>(c)};
                const Percentage* printed = rate.cell().percentage();
                if (printed == nullptr || !printed->is_printed()) {
                    continue;
                }
                const CellAt planned{&table, side_index, static_cast<int>(r), budget};
                if (!planned.printed() || planned.amount()->value().sign() <= 0) {
                    context.skip("a rate of completion of a budget that is zero or blank",
                                 "完成率对应的预算数为零或空白");
                    continue;
                }
                Figure percent;
                percent.at = rate;
                context.check_ratio(
                    percent, *printed,
                    figure_of(CellAt{&table, side_index, static_cast<int>(r), outturn}),
                    figure_of(planned), false,
                    {"the outturn ÷ the budget is", "决算数 ÷ 预算数为", Axis::Row});
            }
        }
    });
}

// 占比 / 比重: a line's figure over the table's total, in the one amount column of the same
// money. A share of something else (of its 类, of last year's total) would have to say so.
void share_of_total(const Document& document, RuleContext& context) {
    for_each_grid_side(document, [&](const Table& table, int side_index) {
        const TableSide& side = table.sides[static_cast<std::size_t>(side_index)];
        for (std::size_t c = 0; c < side.columns.size(); ++c) {
            const ColumnMeaning& m = side.columns[c].meaning;
            if (!m.is_value() || m.quantity != Quantity::SharePercent) {
                continue;
            }
            int base = -1;
            for (std::size_t o = 0; o < side.columns.size(); ++o) {
                const ColumnMeaning& x = side.columns[o].meaning;
                if (x.is_value() && x.quantity == Quantity::Amount && x.period == m.period &&
                    x.source == m.source && x.spending == m.spending && x.stage == m.stage &&
                    x.three_public == m.three_public && !x.of_which) {
                    base = base == -1 ? static_cast<int>(o) : -2;
                }
            }
            int total = -1;
            for (std::size_t r = 0; r < side.rows.size(); ++r) {
                if (side.rows[r].is_total && side.rows[r].parent < 0) {
                    total = total == -1 ? static_cast<int>(r) : -2;
                }
            }
            const std::string header = side.columns[c].printed();
            if (base < 0 || total < 0) {
                context.skip(fmt::format("{} × {}: no single amount column and total row it is "
                                         "the share of",
                                         table.title, header),
                             fmt::format("{}「{}」：未找到唯一对应的金额列和合计行", table.title,
                                         header));
                continue;
            }
            const CellAt whole{&table, side_index, total, base};
            if (!whole.printed() || whole.amount()->value().sign() <= 0) {
                context.skip(fmt::format("{} × {}: the total it is a share of is zero or blank",
                                         table.title, header),
                             fmt::format("{}「{}」：占比对应的合计数为零或空白", table.title,
                                         header));
                continue;
            }
            for (std::size_t r = 0; r < side.rows.size(); ++r) {
                if (!is_content(side.rows[r])) {
                    continue;
                }
                const CellAt share{&table, side_index, static_cast<int>(r), static_cast<int>(c)};
                const Percentage* printed = share.cell().percentage();
                const CellAt part{&table, side_index, static_cast<int>(r), base};
                if (printed == nullptr || !printed->is_printed() || !part.printed()) {
                    continue;
                }
                Figure percent;
                percent.at = share;
                context.check_ratio(percent, *printed, figure_of(part), figure_of(whole), false,
                                    {"the line ÷ the total is", "本行 ÷ 合计为", Axis::Row});
            }
        }
    });
}

void two_sided_balance(const Document& document, RuleContext& context) {
    for (const Table& table : document.tables) {
        if (!is_two_sided(table.kind) || table.sides.size() != 2) {
            continue;
        }
        const TableSide& income = table.sides[0];
        const TableSide& spending = table.sides[1];
        auto grand = [](const TableSide& side, LineItem item) {
            for (std::size_t r = 0; r < side.rows.size(); ++r) {
                if (side.rows[r].line_item == item) {
                    return static_cast<int>(r);
                }
            }
            return -1;
        };
        const int in_row = grand(income, LineItem::IncomeGrandTotal);
        const int out_row = grand(spending, LineItem::ExpenditureGrandTotal);
        if (in_row < 0 || out_row < 0) {
            context.skip(fmt::format("{} prints no 收入总计 or 支出总计 line", table.title),
                         fmt::format("{} 未列示收入总计或支出总计行", table.title));
            continue;
        }
        for (std::size_t c = 0; c < income.columns.size(); ++c) {
            const ColumnMeaning& m = income.columns[c].meaning;
            if (!additive(m)) {
                continue;
            }
            const int match = find_column(spending, [&](const ColumnMeaning& o) {
                return o.period == m.period && o.stage == m.stage && o.quantity == m.quantity;
            });
            if (match < 0) {
                continue;
            }
            const CellAt in_cell{&table, 0, in_row, static_cast<int>(c)};
            const CellAt out_cell{&table, 1, out_row, match};
            context.check_sum(figure_of(out_cell), {{1, figure_of(in_cell)}},
                              {"it must balance 收入总计, which is", "应与收入总计相等，收入总计为",
                               Axis::Other});
        }
    }
}

}  // namespace budgetcheck::rules
