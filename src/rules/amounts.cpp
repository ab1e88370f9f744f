// The shape of each printed money figure on its own, apart from any identity: money is not
// negative outside a column of changes, and is not printed finer than the 分 its unit allows.
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

}  // namespace

void well_formed_amounts(const Document& document, RuleContext& context) {
    for_each_grid_side(document, [&](const Table& table, int side_index) {
        const TableSide& side = table.sides[static_cast<std::size_t>(side_index)];
        for (std::size_t r = 0; r < side.rows.size(); ++r) {
            for (std::size_t c = 0; c < side.columns.size(); ++c) {
                const Column& column = side.columns[c];
                if (!column.meaning.is_value() || column.meaning.quantity != Quantity::Amount) {
                    continue;  // changes may be negative, rates are not money
                }
                const CellAt at{&table, side_index, static_cast<int>(r), static_cast<int>(c)};
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
