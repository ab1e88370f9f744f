// The shape of each printed money figure on its own, apart from any identity: money is not
// negative outside a column of changes, is not printed finer than the 分 its unit allows, and
// a share (占比) lies between 0% and 100%.
#include <fmt/format.h>

#include "context.hpp"
#include "families.hpp"

namespace budgetcheck::rules {

namespace {

// The most decimals a money figure can have in a table of this unit: 元 to the 分, 万元 to the
// 百元 by custom (two decimals; four would be to the 元), 亿元 is not limited.
int most_decimals(MoneyUnit unit) {
    return unit == MoneyUnit::Yuan || unit == MoneyUnit::TenThousandYuan ? 2 : 99;
}

// A line's share of its total lies between 0% and 100%: one outside is a figure of another
// column, or a share taken of the wrong total.
void check_share(const CellAt& at, RuleContext& context) {
    const Percentage* share = at.cell().percentage();
    if (share == nullptr || at.cell().invalid || !share->is_printed()) {
        return;
    }
    const CellRef ref = ref_of(at);
    context.count_checked({ref});
    const Decimal points = share->points();
    if (!points.is_negative() && points.minus(Decimal::from_integer(100))
                                     .value_or(Decimal())
                                     .sign() <= 0) {
        return;
    }
    Finding finding;
    finding.severity = context.rule().default_severity;
    finding.cells = {ref};
    finding.actual = ref.printed;
    finding.expected = "0% to 100%";
    finding.message_en = fmt::format(
        "{} × {}: {} is not a share: a line's share of its total lies between 0% and 100%",
        ref.row, ref.column, ref.printed);
    finding.message_zh = fmt::format("{}「{}」：{} 不是有效占比，占比应在 0% 至 100% 之间", ref.row,
                                     ref.column, ref.printed);
    context.report(std::move(finding));
}

}  // namespace

void well_formed_amounts(const Document& document, RuleContext& context) {
    for_each_grid_side(document, [&](const Table& table, int side_index) {
        const TableSide& side = table.sides[static_cast<std::size_t>(side_index)];
        for (std::size_t r = 0; r < side.rows.size(); ++r) {
            for (std::size_t c = 0; c < side.columns.size(); ++c) {
                const Column& column = side.columns[c];
                const CellAt at{&table, side_index, static_cast<int>(r), static_cast<int>(c)};
                if (column.meaning.is_value() &&
                    column.meaning.quantity == Quantity::SharePercent) {
                    check_share(at, context);
                    continue;
                }
                if (!column.meaning.is_value() || column.meaning.quantity != Quantity::Amount ||
                    side.rows[r].meaning.quantity != Quantity::Amount) {
                    continue;  // changes may be negative, other rates are not money
                }
                if (column.meaning.period == Period::AdjustedBudget) {
                    continue;  // an adjustment (调整预算数) cuts a budget as often as it adds to it
                }
                if (!at.printed()) {
                    continue;
                }
                const Amount& amount = *at.amount();
                const CellRef ref = ref_of(at);
                context.count_checked({ref});
                const bool negative = amount.value().is_negative();
                const bool too_fine = amount.decimals() > most_decimals(table.money_unit);
                if (!negative && !too_fine) {
                    continue;
                }
                Finding finding;
                finding.severity = context.rule().default_severity;
                finding.cells = {ref};
                finding.actual = ref.printed;
                if (negative) {
                    finding.message_en = fmt::format(
                        "{} × {}: {} is negative, but the column holds amounts, not changes",
                        ref.row, ref.column, ref.printed);
                    finding.message_zh = fmt::format("{}「{}」：{} 为负数，但该列列示金额而非增减额",
                                                     ref.row, ref.column, ref.printed);
                } else {
                    finding.message_en = fmt::format(
                        "{} × {}: {} has {} decimals; a figure in {} is printed to at most {}",
                        ref.row, ref.column, ref.printed, amount.decimals(), ref.unit,
                        most_decimals(table.money_unit));
                    finding.message_zh = fmt::format(
                        "{}「{}」：{} 有 {} 位小数；以{}为单位的数字至多保留 {} 位", ref.row,
                        ref.column, ref.printed, amount.decimals(), ref.unit,
                        most_decimals(table.money_unit));
                }
                context.report(std::move(finding));
            }
        }
    });
}

}  // namespace budgetcheck::rules
