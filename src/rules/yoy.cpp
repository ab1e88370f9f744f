// Year over year: where a table prints the prior year beside the budget, the change columns
// must equal budget − prior, the change rates change ÷ prior at the printed precision, and a
// figure net of central capital construction cannot exceed the gross figure. With last year's
// disclosure of the same unit, the prior-year figures must be what it printed, and a subject
// recoded or renamed between the two catalog years is said to be so.
#include <algorithm>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "budgetcheck/model/catalog.hpp"
#include "facts.hpp"
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

// ---- against last year's disclosure ---------------------------------------------------------
//
// Where the tables print last year's budget (上年预算数, 2024年预算数, the “三公” table's
// 上年预算数), only last year's disclosure of the same unit can confirm it: the same fact
// (facts.hpp: the same table kind, column and row, the same subject code or line) read from last
// year's tables as their budget.

namespace {

std::string file_name(const Document& document) {
    return std::filesystem::path(document.file).filename().string();
}

// "123:45", or "page 6" for a figure read from a PDF.
std::string position(const SourceLocation& at) {
    if (at.line > 0) {
        return fmt::format("{}:{}", at.line, at.column);
    }
    return at.page > 0 ? fmt::format("page {}", at.page) : std::string("position unknown");
}

// Last year's printed budget figure for a fact, its cell named with its file and position;
// nullopt, with the reason, when last year's tables print none or print different figures.
struct LastYearFigure {
    std::optional<Figure> figure;
    std::string what;  // "一般公共预算支出预算表 2210201 住房公积金 × 金额 at 120:5 in 2018.json"
    std::string reason_en, reason_zh;
};

LastYearFigure last_year_budget(RuleContext& context, Fact fact, TableKind kind) {
    LastYearFigure out;
    const Document& last = *context.last_year();
    const std::string file = file_name(last);
    fact.period = Period::BudgetYear;
    const auto cells = context.last_year_facts()->find(fact);
    if (cells.empty()) {
        out.reason_en = fmt::format("last year's disclosure ({}) prints no figure for a fact this "
                                    "year's tables print as last year's",
                                    file);
        out.reason_zh = fmt::format("上年公开文件（{}）未列示本年表中上年数对应的数字", file);
        return out;
    }
    const auto yuan = [](const FactCell* cell) {
        return cell->at.amount()->in_yuan(cell->at.table->money_unit);
    };
    const auto first = yuan(cells.front());
    for (const FactCell* cell : cells) {
        const auto value = yuan(cell);
        if (!first || !value || value->compare(*first) != 0) {
            out.reason_en = fmt::format("last year's disclosure ({}) prints different figures for "
                                        "the same fact in two tables",
                                        file);
            out.reason_zh = fmt::format("上年公开文件（{}）不同表格对同一数字列示不一致", file);
            return out;
        }
    }
    // Named by the table of the same kind where last year printed one.
    const auto same_kind = std::find_if(cells.begin(), cells.end(), [&](const FactCell* cell) {
        return cell->at.table->kind == kind;
    });
    const CellAt& at = (same_kind != cells.end() ? *same_kind : cells.front())->at;
    Figure figure = figure_of(at);
    figure.ref = ref_of(at);
    out.what = fmt::format("{} {} × {} at {} in {}", figure.ref.table, figure.ref.row,
                           figure.ref.column, position(figure.ref.source), file);
    figure.ref.table = fmt::format("{} ({})", figure.ref.table, file);
    figure.ref.table_index = -1;
    figure.at.reset();  // a cell of another document: no hint may point into this one
    out.figure = figure;
    return out;
}

bool printed_prior(const ColumnMeaning& m) {
    return m.is_value() && m.quantity == Quantity::Amount &&
           (m.period == Period::PriorYearBudget || m.period == Period::PriorYearExecution);
}

bool printed_change(const ColumnMeaning& m) {
    return is_change(m, Quantity::ChangeAmount) || is_change(m, Quantity::ChangePercent);
}

}  // namespace

void prior_year_columns(const Document& document, RuleContext& context) {
    // Printed figures of last year: of its budget (which last year's disclosure can confirm),
    // and of any kind (its execution too).
    std::size_t waiting = 0;
    std::size_t printed = 0;
    for_each_grid_side(document, [&](const Table& table, int s) {
        const TableSide& side = table.sides[static_cast<std::size_t>(s)];
        for (std::size_t c = 0; c < side.columns.size(); ++c) {
            const ColumnMeaning& m = side.columns[c].meaning;
            if (!printed_prior(m) && !printed_change(m)) {
                continue;
            }
            const bool budget =
                m.period == Period::PriorYearBudget || m.period == Period::ChangeVsPriorBudget;
            for (const Row& row : side.rows) {
                const Cell* cell = c < row.cells.size() ? &row.cells[c] : nullptr;
                const bool shown = cell != nullptr && is_content(row) &&
                                   (cell->amount() != nullptr
                                        ? cell->amount()->is_printed()
                                        : cell->percentage() != nullptr &&
                                              cell->percentage()->is_printed());
                printed += shown ? 1 : 0;
                waiting += shown && budget ? 1 : 0;
            }
        }
    });
    if (printed == 0) {
        return;
    }
    if (context.last_year() == nullptr) {
        if (waiting == 0) {
            return;  // last year's execution alone: last year's budget disclosure would not help
        }
        context.skip(
            fmt::format("{} figures of last year's budget (or changes from it) printed in the "
                        "tables: no {} {} of {} was checked with this one",
                        waiting, chinese_name(document.kind), document.unit, document.year - 1),
            fmt::format("表中列示上年预算数（或与之比较的增减）{} 处：未同时核对{} {} 年{}", waiting,
                        document.unit, document.year - 1, chinese_name(document.kind)));
        return;
    }
    if (is_final_accounts(document.kind)) {
        context.skip("a 决算's figures of last year are not compared with last year's 决算",
                     "决算中的上年数未与上年决算核对");
        return;
    }
    for_each_grid_side(document, [&](const Table& table, int s) {
        const TableSide& side = table.sides[static_cast<std::size_t>(s)];
        for (std::size_t c = 0; c < side.columns.size(); ++c) {
            const ColumnMeaning& m = side.columns[c].meaning;
            const bool prior = printed_prior(m);
            if (!prior && !printed_change(m)) {
                continue;
            }
            if (m.period == Period::PriorYearExecution ||
                m.period == Period::ChangeVsPriorExecution) {
                context.skip(
                    fmt::format("{}: '{}' is of last year's execution, which a budget disclosure "
                                "does not print",
                                table.title, side.columns[c].printed()),
                    fmt::format("{}：“{}”为上年执行数，预算公开文件不列示", table.title,
                                side.columns[c].printed()));
                continue;
            }
            ChangeColumns pair;
            if (!prior) {
                pair = pair_of(side, static_cast<int>(c));
                if (pair.budget < 0) {
                    continue;  // yoy.change-amount says so
                }
            }
            for (std::size_t r = 0; r < side.rows.size(); ++r) {
                if (!is_content(side.rows[r])) {
                    continue;
                }
                const CellAt cell{&table, s, static_cast<int>(r), static_cast<int>(c)};
                // The figure of this year whose fact is looked for in last year's tables: the
                // prior-year cell itself, or the budget a change is of where no prior-year
                // figure is printed beside it (one that is, is checked itself, and
                // yoy.change-amount checks the change against it).
                CellAt of = cell;
                if (prior) {
                    if (!cell.printed()) {
                        continue;
                    }
                } else {
                    const Percentage* rate = cell.cell().percentage();
                    const bool change_printed =
                        rate != nullptr ? rate->is_printed() : cell.printed();
                    const CellAt budget{&table, s, static_cast<int>(r), pair.budget};
                    if (!change_printed || !budget.printed() ||
                        (pair.prior >= 0 &&
                         CellAt{&table, s, static_cast<int>(r), pair.prior}.printed())) {
                        continue;
                    }
                    of = budget;
                }
                const auto fact = fact_of(of);
                if (!fact) {
                    context.skip("a figure of last year on a row or in a column whose fact is "
                                 "not known",
                                 "上年数所在行或列的含义无法确定");
                    continue;
                }
                const LastYearFigure last = last_year_budget(context, *fact, table.kind);
                if (!last.figure) {
                    context.skip(last.reason_en, last.reason_zh);
                    continue;
                }
                const std::size_t before = context.finding_count();
                if (prior) {
                    context.check_sum(figure_of(cell), {{1, *last.figure}},
                                      {fmt::format("last year's disclosure ({}) prints", last.what),
                                       fmt::format("上年公开文件（{}）列示", last.what),
                                       Axis::Other});
                } else if (const Percentage* rate = cell.cell().percentage()) {
                    if (last.figure->amount.value().sign() <= 0) {
                        context.skip("a change rate whose figure in last year's disclosure is "
                                     "zero or blank",
                                     "增减率对应的上年公开数为零或空白");
                        continue;
                    }
                    Figure percent;
                    percent.at = cell;
                    context.check_ratio(
                        percent, *rate, figure_of(of), *last.figure, true,
                        {fmt::format("(budget − last year's disclosure ({})) ÷ last year is",
                                     last.what),
                         fmt::format("（预算数 − 上年公开文件（{}））÷ 上年数为", last.what),
                         Axis::Other});
                } else {
                    context.check_sum(
                        figure_of(cell), {{1, figure_of(of)}, {-1, *last.figure}},
                        {fmt::format("the budget less last year's disclosure ({}) is", last.what),
                         fmt::format("预算数减上年公开文件（{}）为", last.what), Axis::Other});
                }
                context.hint_against_last_year(before);
            }
        }
    });
}

// A subject printed under a code one year and under another the next (检察监督: 2040405 in 2018,
// 2040410 in 2019), or renamed under the same code: the catalog changed between the two years,
// so this year's figures of it have no counterpart last year. Said as a note, so that neither
// this rule nor another takes the missing counterpart for an error.
void subject_recoded(const Document& document, RuleContext& context) {
    const Document* last = context.last_year();
    if (last == nullptr) {
        return;
    }
    struct Printed {
        CellRef ref;
        std::string code;
        std::string name;
        std::string key;
    };
    using Subjects = std::map<std::pair<Classification, std::string>, Printed>;
    const auto subjects_of = [](const Document& doc, bool other) {
        Subjects out;
        for (const Table& table : doc.tables) {
            for (std::size_t s = 0; s < table.sides.size(); ++s) {
                const TableSide& side = table.sides[s];
                for (std::size_t r = 0; r < side.rows.size(); ++r) {
                    const Row& row = side.rows[r];
                    if (!row.subject || row.subject->origin == SubjectRef::Origin::CatalogName ||
                        row.subject->name.empty()) {
                        continue;  // a code worked out from the name says nothing of a recode
                    }
                    const auto key = std::make_pair(row.subject->classification, row.subject->code);
                    if (out.count(key) != 0) {
                        continue;  // the first printing names it
                    }
                    CellRef ref =
                        ref_of(CellAt{&table, static_cast<int>(s), static_cast<int>(r), 0});
                    ref.column = side.columns.empty() ? "" : side.columns[0].printed();
                    ref.source = row.source;
                    if (other) {
                        ref.table = fmt::format("{} ({})", ref.table, file_name(doc));
                        ref.table_index = -1;
                    }
                    std::string name_key = subject_name_key(row.subject->name);
                    if (name_key.size() > 6 && name_key.ends_with("支出")) {
                        name_key.erase(name_key.size() - 6);  // 检察监督支出 is 检察监督
                    }
                    out.emplace(key, Printed{ref, row.subject->code, row.subject->name, name_key});
                }
            }
        }
        return out;
    };
    const Subjects now = subjects_of(document, false);
    const Subjects before = subjects_of(*last, true);
    const std::string file = file_name(*last);
    // The same subject by its name: equal, or one name the other's with words added around it
    // (公诉、审判、侦查、执行等检察监督支出 and 检察监督), at least two characters long.
    const auto same_name = [](const std::string& a, const std::string& b) {
        const std::string& shorter = a.size() <= b.size() ? a : b;
        const std::string& longer = a.size() <= b.size() ? b : a;
        return shorter == longer ||
               (shorter.size() >= 6 && longer.find(shorter) != std::string::npos);
    };
    const auto note = [&](const Printed& ours, const Printed& theirs, std::string en,
                          std::string zh) {
        Finding finding;
        finding.severity = context.rule().default_severity;
        finding.cells = {ours.ref, theirs.ref};
        finding.expected = theirs.ref.row;
        finding.actual = ours.ref.row;
        finding.message_en = std::move(en);
        finding.message_zh = std::move(zh);
        context.count_checked(finding.cells);
        context.report(std::move(finding));
    };
    for (const auto& [key, ours] : now) {
        const auto& [classification, code] = key;
        if (const auto same = before.find(key); same != before.end()) {
            if (!same_name(same->second.key, ours.key)) {
                note(ours, same->second,
                     fmt::format("{} is named {} here and {} in last year's disclosure ({}, at "
                                 "{}): renamed between the catalog years",
                                 code, ours.name, same->second.name, file,
                                 position(same->second.ref.source)),
                     fmt::format("科目 {} 本年名称为“{}”，上年公开文件（{}，{}）为“{}”：两年科目目录间"
                                 "更名",
                                 code, ours.name, file, position(same->second.ref.source),
                                 same->second.name));
            }
            continue;
        }
        // A code of last year's under the same parent, not printed this year, with the name.
        const Printed* match = nullptr;
        int matches = 0;
        for (const auto& [old_key, theirs] : before) {
            const std::string& old_code = old_key.second;
            if (old_key.first != classification || old_code.size() != code.size() ||
                code.size() < 5 ||
                old_code.compare(0, code.size() - 2, code, 0, code.size() - 2) != 0 ||
                now.count(old_key) != 0 || !same_name(theirs.key, ours.key)) {
                continue;
            }
            match = &theirs;
            ++matches;
        }
        if (matches != 1) {
            continue;  // a new subject, or one of several it may have come from
        }
        const std::string& old_code = match->code;
        note(ours, *match,
             fmt::format("{} {} is printed as {} {} in last year's disclosure ({}, at {}): "
                         "recoded between the catalog years, so its figures have no counterpart "
                         "of the same code last year",
                         code, ours.name, old_code, match->name, file,
                         position(match->ref.source)),
             fmt::format("{} {} 在上年公开文件（{}，{}）中列为 {} {}：两年科目目录间编码变更，"
                         "其数字在上年没有同一编码的对应数",
                         code, ours.name, file, position(match->ref.source), old_code,
                         match->name));
    }
}

}  // namespace budgetcheck::rules
