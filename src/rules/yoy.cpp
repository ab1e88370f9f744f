// Year over year: where a table prints the prior year beside the budget, the change columns
// must equal budget − prior, the change rates change ÷ prior at the printed precision, and a
// figure net of central capital construction cannot exceed the gross figure.
#include <fmt/format.h>

#include "families.hpp"

namespace budgetcheck::rules {

namespace {

struct ChangeColumns {
    int change = -1;
    int budget = -1;
    int prior = -1;
};

// For a change or change-% column: the budget and prior-year columns it compares.
ChangeColumns pair_of(const TableSide& side, int change) {
    const ColumnMeaning& m = side.columns[static_cast<std::size_t>(change)].meaning;
    ChangeColumns out;
    out.change = change;
    const Period prior_period = m.period == Period::ChangeVsPriorExecution
                                    ? Period::PriorYearExecution
                                    : Period::PriorYearBudget;
    auto like = [&](const ColumnMeaning& o) {
        return o.quantity == Quantity::Amount && o.source == m.source &&
               o.three_public == m.three_public &&
               o.excludes_capital_construction == m.excludes_capital_construction &&
               o.spending == m.spending;
    };
    out.budget = find_column(
        side, [&](const ColumnMeaning& o) { return o.period == Period::BudgetYear && like(o); });
    out.prior = find_column(
        side, [&](const ColumnMeaning& o) { return o.period == prior_period && like(o); });
    return out;
}

bool is_change(const ColumnMeaning& m, Quantity quantity) {
    return m.is_value() && m.quantity == quantity &&
           (m.period == Period::ChangeVsPriorExecution || m.period == Period::ChangeVsPriorBudget);
}

// Calls fn(table, side, row, columns) for every content row of every change column of this
// quantity whose budget and prior-year columns are printed.
template <typename Fn>
void for_each_change_row(const Document& document, RuleContext& context, Quantity quantity, Fn fn) {
    for_each_grid_side(document, [&](const Table& table, int s) {
        const TableSide& side = table.sides[static_cast<std::size_t>(s)];
        for (std::size_t c = 0; c < side.columns.size(); ++c) {
            if (!is_change(side.columns[c].meaning, quantity)) {
                continue;
            }
            const ChangeColumns pair = pair_of(side, static_cast<int>(c));
            if (pair.budget < 0 || pair.prior < 0) {
                context.skip(fmt::format("{}: no budget or prior-year column for '{}'", table.title,
                                         side.columns[c].printed()),
                             fmt::format("{}：“{}”没有对应的预算数或上年数列", table.title,
                                         side.columns[c].printed()));
                continue;
            }
            for (std::size_t r = 0; r < side.rows.size(); ++r) {
                if (is_content(side.rows[r])) {
                    fn(table, s, static_cast<int>(r), pair);
                }
            }
        }
    });
}

}  // namespace

void change_amount(const Document& document, RuleContext& context) {
    for_each_change_row(document, context, Quantity::ChangeAmount,
                        [&](const Table& table, int s, int row, const ChangeColumns& pair) {
                            const CellAt change{&table, s, row, pair.change};
                            const CellAt budget{&table, s, row, pair.budget};
                            const CellAt prior{&table, s, row, pair.prior};
                            if (!change.printed() && !budget.printed() && !prior.printed()) {
                                return;
                            }
                            context.check_sum(
                                figure_of(change), {{1, figure_of(budget)}, {-1, figure_of(prior)}},
                                {"budget minus prior year is", "预算数减上年数为", Axis::Row});
                        });
}

void change_percent(const Document& document, RuleContext& context) {
    for_each_change_row(
        document, context, Quantity::ChangePercent,
        [&](const Table& table, int s, int row, const ChangeColumns& pair) {
            const CellAt rate{&table, s, row, pair.change};
            const Percentage* printed = rate.cell().percentage();
            if (printed == nullptr || !printed->is_printed()) {
                return;
            }
            const CellAt budget{&table, s, row, pair.budget};
            const CellAt prior{&table, s, row, pair.prior};
            if (!prior.printed() || prior.amount()->value().sign() <= 0) {
                context.skip("a change rate whose prior-year figure is zero or blank",
                             "增减率的上年数为零或空白");
                return;
            }
            Figure percent;
            percent.at = rate;
            context.check_ratio(
                percent, *printed, figure_of(budget), figure_of(prior), true,
                {"(budget − prior) ÷ prior is", "（预算数 − 上年数）÷ 上年数为", Axis::Row});
        });
}

void excluding_capital(const Document& document, RuleContext& context) {
    for_each_grid_side(document, [&](const Table& table, int s) {
        const TableSide& side = table.sides[static_cast<std::size_t>(s)];
        for (std::size_t c = 0; c < side.columns.size(); ++c) {
            const ColumnMeaning& m = side.columns[c].meaning;
            if (!m.is_value() || !m.excludes_capital_construction ||
                m.quantity != Quantity::Amount) {
                continue;
            }
            const int gross = find_column(side, [&](const ColumnMeaning& o) {
                return !o.excludes_capital_construction && o.quantity == Quantity::Amount &&
                       o.period == m.period && o.source == m.source && o.spending == m.spending;
            });
            if (gross < 0) {
                continue;
            }
            for (std::size_t r = 0; r < side.rows.size(); ++r) {
                const CellAt net{&table, s, static_cast<int>(r), static_cast<int>(c)};
                if (is_content(side.rows[r]) && net.printed()) {
                    context.check_at_most(
                        figure_of(net), figure_of(CellAt{&table, s, static_cast<int>(r), gross}),
                        {"net of central capital construction it can be at most the gross figure,",
                         "扣除中央基建投资后不应超过扣除前", Axis::Row});
                }
            }
        }
    });
}

}  // namespace budgetcheck::rules
