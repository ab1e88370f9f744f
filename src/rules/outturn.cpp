// Final accounts (决算) against the budget they close: what was spent on each “三公” item stays
// within what was budgeted for it.
#include <fmt/format.h>

#include "families.hpp"

namespace budgetcheck::rules {

namespace {

bool is_budget(Period period) {
    return period == Period::OriginalBudget || period == Period::FullYearBudget;
}

}  // namespace

void three_public_over_budget(const Document& document, RuleContext& context) {
    for (const Table* table : document.tables_of(TableKind::ThreePublicExpenses)) {
        for (const ThreePublicFigure& outturn : table->three_public) {
            if (outturn.period != Period::BudgetYear || outturn.quantity != Quantity::Amount) {
                continue;
            }
            // The budget printed for the same item on the same row; a full-year budget, where
            // printed, is the one the outturn is held to.
            const ThreePublicFigure* budget = nullptr;
            for (const ThreePublicFigure& f : table->three_public) {
                if (f.item == outturn.item && f.side == outturn.side && f.row == outturn.row &&
                    f.quantity == Quantity::Amount && is_budget(f.period) &&
                    (budget == nullptr || f.period == Period::FullYearBudget)) {
                    budget = &f;
                }
            }
            if (budget == nullptr) {
                continue;
            }
            // Spending above the original budget after an addition during the year is no
            // overspending: only a full-year budget, or one that does not say 年初, binds.
            const Column& budget_column =
                table->sides[static_cast<std::size_t>(budget->side)]
                    .columns[static_cast<std::size_t>(budget->column)];
            if (budget->period != Period::FullYearBudget &&
                budget_column.printed().find("年初") != std::string::npos) {
                continue;
            }
            const CellAt spent{table, outturn.side, outturn.row, outturn.column};
            const CellAt planned{table, budget->side, budget->row, budget->column};
            if (!spent.printed() || spent.amount() == nullptr || spent.amount()->value().is_zero()) {
                continue;  // nothing spent is within any budget
            }
            const std::string item(chinese_name(outturn.item));
            context.check_at_most(
                figure_of(spent), figure_of(planned),
                {fmt::format("{} was spent beyond its budget: the budget is", item),
                 fmt::format("{}决算数超出预算数，预算数为", item), Axis::Row});
        }
    }
}

}  // namespace budgetcheck::rules
