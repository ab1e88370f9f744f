// Footing: figures down a column. A parent subject equals its children, a total row the lines
// it totals, a summary line its sub-lines, a project type its projects; an 其中 line never
// exceeds its parent.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "families.hpp"

namespace budgetcheck::rules {

namespace {

bool summable(const Column& column) {
    return column.meaning.is_value() && !is_percent(column.meaning.quantity);
}

// parent = Σ children in every summable column where anything is printed.
void check_children(RuleContext& context, const Table& table, int side, int parent,
                    const std::vector<int>& children, const IdentityText& text) {
    const TableSide& s = table.sides[static_cast<std::size_t>(side)];
    // A part that was not understood (figures printed with no label) may or may not belong to
    // the sum: the identity is not checked rather than checked without it.
    for (int child : children) {
        const Row& row = s.rows[static_cast<std::size_t>(child)];
        if (row.role == RowRole::Unknown) {
            context.skip(fmt::format("{} × {}: a line it totals was not understood ({})",
                                     table.title, row_name(s.rows[static_cast<std::size_t>(parent)]),
                                     row_name(row)),
                         fmt::format("{}「{}」：其所合计的“{}”行未能识别", table.title,
                                     row_name(s.rows[static_cast<std::size_t>(parent)]),
                                     row_name(row)));
            return;
        }
    }
    for (std::size_t c = 0; c < s.columns.size(); ++c) {
        if (!summable(s.columns[c])) {
            continue;
        }
        const CellAt total{&table, side, parent, static_cast<int>(c)};
        std::vector<std::pair<int, Figure>> parts;
        bool any = total.printed();
        for (int child : children) {
            const CellAt at{&table, side, child, static_cast<int>(c)};
            any = any || at.printed();
            parts.emplace_back(1, figure_of(at));
        }
        if (any) {
            context.check_sum(figure_of(total), parts, text);
        }
    }
}

// Each row's children, by parent row, worked out once per side: asking every parent for its
// children in turn is quadratic in rows.
std::vector<std::vector<int>> children_by_parent(const TableSide& side) {
    std::vector<std::vector<int>> out(side.rows.size());
    for (std::size_t r = 0; r < side.rows.size(); ++r) {
        const Row& row = side.rows[r];
        if (row.parent >= 0 && static_cast<std::size_t>(row.parent) < out.size() &&
            is_content(row)) {
            out[static_cast<std::size_t>(row.parent)].push_back(static_cast<int>(r));
        }
    }
    return out;
}

}  // namespace

void subject_children(const Document& document, RuleContext& context) {
    for_each_grid_side(document, [&](const Table& table, int side_index) {
        const auto s = static_cast<std::size_t>(side_index);
        const TableSide& side = table.sides[s];
        const auto children_of = children_by_parent(side);
        for (std::size_t r = 0; r < side.rows.size(); ++r) {
            if (side.rows[r].role != RowRole::Subject) {
                continue;
            }
            std::vector<int> children;
            for (int child : children_of[r]) {
                if (side.rows[static_cast<std::size_t>(child)].role == RowRole::Subject) {
                    children.push_back(child);
                }
            }
            if (!children.empty()) {
                check_children(context, table, static_cast<int>(s), static_cast<int>(r), children,
                               {"its sub-subjects add up to", "下级科目合计为", Axis::Column});
            }
        }
    });
}

namespace {

// The rows of the three “三公” items: 因公出国（境）费, 公务接待费, and 公务用车购置及运行费 (or its
// 购置费 and 运行费 where it is not printed); empty unless each is printed once.
std::vector<int> three_public_items(const TableSide& side) {
    using T = ThreePublicItem;
    std::map<T, std::vector<int>> rows;
    for (std::size_t r = 0; r < side.rows.size(); ++r) {
        if (side.rows[r].role != RowRole::Filler) {
            rows[side.rows[r].three_public].push_back(static_cast<int>(r));
        }
    }
    std::vector<T> items{T::OverseasTravel, T::Reception, T::VehicleTotal};
    if (rows[T::VehicleTotal].empty()) {
        items = {T::OverseasTravel, T::Reception, T::VehiclePurchase, T::VehicleOperation};
    }
    std::vector<int> parts;
    for (T item : items) {
        if (rows[item].size() != 1) {
            return {};
        }
        parts.push_back(rows[item].front());
    }
    std::sort(parts.begin(), parts.end());
    return parts;
}

}  // namespace

void total_rows(const Document& document, RuleContext& context) {
    for_each_grid_side(document, [&](const Table& table, int side_index) {
        const auto s = static_cast<std::size_t>(side_index);
        const TableSide& side = table.sides[s];
        auto top_level = [&side](std::size_t r) {
            const Row& row = side.rows[r];
            return is_content(row) && !row.is_total && row.level == 1;
        };
        std::vector<int> pending;
        int previous_total = -1;
        for (std::size_t r = 0; r < side.rows.size(); ++r) {
            const Row& row = side.rows[r];
            if (!row.is_total) {
                if (top_level(r)) {
                    pending.push_back(static_cast<int>(r));
                }
                continue;
            }
            std::vector<int> parts;
            const bool grand = row.line_item == LineItem::IncomeGrandTotal ||
                               row.line_item == LineItem::ExpenditureGrandTotal;
            if (row.three_public == ThreePublicItem::Total) {
                // The “三公” total is its three items, wherever and however deep they are printed;
                // 会议费, 培训费 and 机关运行经费 printed in the same table are not among them.
                parts = three_public_items(side);
            } else if (grand && previous_total >= 0) {
                parts.push_back(previous_total);
                parts.insert(parts.end(), pending.begin(), pending.end());
            } else if (!pending.empty()) {
                parts = pending;
            } else {
                // A total printed above what it totals (合计 first in the “三公” table).
                for (std::size_t k = r + 1; k < side.rows.size() && !side.rows[k].is_total; ++k) {
                    if (top_level(k)) {
                        parts.push_back(static_cast<int>(k));
                    }
                }
            }
            pending.clear();
            previous_total = static_cast<int>(r);
            if (!parts.empty()) {
                check_children(context, table, static_cast<int>(s), static_cast<int>(r), parts,
                               {"the lines it totals add up to", "所合计各行之和为", Axis::Column});
            }
        }
    });
}

void line_children(const Document& document, RuleContext& context) {
    for_each_grid_side(document, [&](const Table& table, int side_index) {
        const auto s = static_cast<std::size_t>(side_index);
        const TableSide& side = table.sides[s];
        const auto children_of = children_by_parent(side);
        for (std::size_t r = 0; r < side.rows.size(); ++r) {
            const Row& row = side.rows[r];
            if ((row.role != RowRole::LineItem && row.role != RowRole::Item) || row.is_total) {
                continue;
            }
            const std::vector<int>& children = children_of[r];
            if (children.empty()) {
                continue;
            }
            // A lone 其中 line is a part, not a breakdown: footing.of-which checks it.
            if (children.size() == 1 &&
                side.rows[static_cast<std::size_t>(children[0])].label_parts.of_which) {
                continue;
            }
            check_children(context, table, static_cast<int>(s), static_cast<int>(r), children,
                           {"its sub-lines add up to", "所属各行之和为", Axis::Column});
        }
    });
}

void project_hierarchy(const Document& document, RuleContext& context) {
    for (const Table* table : document.tables_of(TableKind::ProjectExpenditure)) {
        for (std::size_t s = 0; s < table->sides.size(); ++s) {
            const TableSide& side = table->sides[s];
            const auto children_of = children_by_parent(side);
            for (std::size_t r = 0; r < side.rows.size(); ++r) {
                const RowRole role = side.rows[r].role;
                if (role != RowRole::ProjectType && role != RowRole::ProjectLevel1) {
                    continue;
                }
                const std::vector<int>& children = children_of[r];
                if (children.empty()) {
                    context.skip(
                        fmt::format("{} has no projects listed under it", side.rows[r].label),
                        fmt::format("{} 之下未列示项目", side.rows[r].label));
                    continue;
                }
                check_children(
                    context, *table, static_cast<int>(s), static_cast<int>(r), children,
                    {role == RowRole::ProjectType ? "its first-level projects add up to"
                                                  : "its second-level projects add up to",
                     role == RowRole::ProjectType ? "所属一级项目合计为" : "所属二级项目合计为",
                     Axis::Column});
            }
        }
    }
}

void of_which(const Document& document, RuleContext& context) {
    for_each_grid_side(document, [&](const Table& table, int side_index) {
        const auto s = static_cast<std::size_t>(side_index);
        const TableSide& side = table.sides[s];
        const auto children_of = children_by_parent(side);
        // 其中 rows that are the only line under their parent.
        for (std::size_t r = 0; r < side.rows.size(); ++r) {
            const Row& row = side.rows[r];
            if (row.parent < 0 || !row.label_parts.of_which ||
                children_of[static_cast<std::size_t>(row.parent)].size() != 1) {
                continue;
            }
            for (std::size_t c = 0; c < side.columns.size(); ++c) {
                if (!summable(side.columns[c])) {
                    continue;
                }
                const CellAt part{&table, static_cast<int>(s), static_cast<int>(r),
                                  static_cast<int>(c)};
                const CellAt whole{&table, static_cast<int>(s), row.parent, static_cast<int>(c)};
                if (part.printed()) {
                    context.check_at_most(figure_of(part), figure_of(whole),
                                          {"as an 其中 line it can be at most its parent,",
                                           "作为“其中”项不应超过上级", Axis::Column});
                }
            }
        }
        // 其中 columns (事业收入 / 其中：教育收费) against the column they are part of.
        for (std::size_t c = 0; c < side.columns.size(); ++c) {
            const Column& column = side.columns[c];
            if (!column.meaning.of_which || !summable(column) || column.header.size() < 2) {
                continue;
            }
            int whole_column = -1;
            for (std::size_t k = 0; k < side.columns.size(); ++k) {
                const Column& other = side.columns[k];
                if (k != c && summable(other) && !other.meaning.of_which &&
                    other.header.size() == column.header.size() &&
                    std::equal(column.header.begin(), column.header.end() - 1,
                               other.header.begin())) {
                    whole_column = static_cast<int>(k);
                    break;
                }
            }
            if (whole_column < 0) {
                continue;
            }
            for (std::size_t r = 0; r < side.rows.size(); ++r) {
                const CellAt part{&table, static_cast<int>(s), static_cast<int>(r),
                                  static_cast<int>(c)};
                if (is_content(side.rows[r]) && part.printed()) {
                    context.check_at_most(
                        figure_of(part),
                        figure_of(
                            CellAt{&table, static_cast<int>(s), static_cast<int>(r), whole_column}),
                        {"as an 其中 column it can be at most", "作为“其中”列不应超过", Axis::Row});
                }
            }
        }
    });
}

void none(const Document&, RuleContext&) {}

}  // namespace budgetcheck::rules
