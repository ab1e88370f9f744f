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
    const Period prior_period = m.period == Period::ChangeVsPriorExecution ? Period::PriorYearExecution : Period::PriorYearBudget;
    auto like = [&](const ColumnMeaning& o) {
        return o.quantity == Quantity::Amount && o.source == m.source && o.three_public == m.three_public &&
               o.excludes_capital_construction == m.excludes_capital_construction && o.spending == m.spending;
    };
    out.budget = find_column(side, [&](const ColumnMeaning& o) { return o.period == Period::BudgetYear && like(o); });
    out.prior = find_column(side, [&](const ColumnMeaning& o) { return o.period == prior_period && like(o); });
    return out;
}

bool is_change(const ColumnMeaning& m, Quantity quantity) {
    return m.is_value() && m.quantity == quantity &&
           (m.period == Period::ChangeVsPriorExecution || m.period == Period::ChangeVsPriorBudget);
}

bool grid(const Table& table) { return table.kind != TableKind::PerformanceTargets && table.kind != TableKind::Unknown; }

}  // namespace

void change_amount(const Document& document, RuleContext& context) {
    for (const Table& table : document.tables) {
        if (!grid(table)) {
            continue;
        }
        for (std::size_t s = 0; s < table.sides.size(); ++s) {
            const TableSide& side = table.sides[s];
            for (std::size_t c = 0; c < side.columns.size(); ++c) {
                if (!is_change(side.columns[c].meaning, Quantity::ChangeAmount)) {
                    continue;
                }
                const ChangeColumns pair = pair_of(side, static_cast<int>(c));
                if (pair.budget < 0 || pair.prior < 0) {
                    context.skip(fmt::format("{}: no budget or prior-year column for '{}'", table.title, side.columns[c].printed()));
                    continue;
                }
                for (std::size_t r = 0; r < side.rows.size(); ++r) {
                    if (!is_content(side.rows[r])) {
                        continue;
                    }
                    const int row = static_cast<int>(r);
                    const CellAt change{&table, static_cast<int>(s), row, pair.change};
                    const CellAt budget{&table, static_cast<int>(s), row, pair.budget};
                    const CellAt prior{&table, static_cast<int>(s), row, pair.prior};
                    if (!change.printed() && !budget.printed() && !prior.printed()) {
                        continue;
                    }
                    context.check_sum(figure_of(change), {{1, figure_of(budget)}, {-1, figure_of(prior)}},
                                      {"budget minus prior year is", "预算数减上年数为", Axis::Row});
                }
            }
        }
    }
}

void change_percent(const Document& document, RuleContext& context) {
    for (const Table& table : document.tables) {
        if (!grid(table)) {
            continue;
        }
        for (std::size_t s = 0; s < table.sides.size(); ++s) {
            const TableSide& side = table.sides[s];
            for (std::size_t c = 0; c < side.columns.size(); ++c) {
                if (!is_change(side.columns[c].meaning, Quantity::ChangePercent)) {
                    continue;
                }
                const ChangeColumns pair = pair_of(side, static_cast<int>(c));
                if (pair.budget < 0 || pair.prior < 0) {
                    context.skip(fmt::format("{}: no budget or prior-year column for '{}'", table.title, side.columns[c].printed()));
                    continue;
                }
                for (std::size_t r = 0; r < side.rows.size(); ++r) {
                    const int row = static_cast<int>(r);
                    const CellAt rate{&table, static_cast<int>(s), row, pair.change};
                    const Percentage* printed = rate.cell().percentage();
                    if (!is_content(side.rows[r]) || printed == nullptr || !printed->is_printed()) {
                        continue;
                    }
                    const CellAt budget{&table, static_cast<int>(s), row, pair.budget};
                    const CellAt prior{&table, static_cast<int>(s), row, pair.prior};
                    if (!prior.printed() || prior.amount()->value().sign() <= 0) {
                        context.skip("a change rate whose prior-year figure is zero or blank");
                        continue;
                    }
                    Figure percent;
                    percent.ref = ref_of(rate);
                    context.check_ratio(percent, *printed, figure_of(budget), figure_of(prior), true,
                                        {"(budget − prior) ÷ prior is", "（预算数 − 上年数）÷ 上年数为", Axis::Row});
                }
            }
        }
    }
}

void excluding_capital(const Document& document, RuleContext& context) {
    for (const Table& table : document.tables) {
        if (!grid(table)) {
            continue;
        }
        for (std::size_t s = 0; s < table.sides.size(); ++s) {
            const TableSide& side = table.sides[s];
            for (std::size_t c = 0; c < side.columns.size(); ++c) {
                const ColumnMeaning& m = side.columns[c].meaning;
                if (!m.is_value() || !m.excludes_capital_construction || m.quantity != Quantity::Amount) {
                    continue;
                }
                const int gross = find_column(side, [&](const ColumnMeaning& o) {
                    return !o.excludes_capital_construction && o.quantity == Quantity::Amount && o.period == m.period &&
                           o.source == m.source && o.spending == m.spending;
                });
                if (gross < 0) {
                    continue;
                }
                for (std::size_t r = 0; r < side.rows.size(); ++r) {
                    const CellAt net{&table, static_cast<int>(s), static_cast<int>(r), static_cast<int>(c)};
                    if (is_content(side.rows[r]) && net.printed()) {
                        context.check_at_most(figure_of(net), figure_of(CellAt{&table, static_cast<int>(s), static_cast<int>(r), gross}),
                                              {"net of central capital construction it can be at most the gross figure,",
                                               "扣除中央基建投资后不应超过扣除前", Axis::Row});
                    }
                }
            }
        }
    }
}

}  // namespace budgetcheck::rules
