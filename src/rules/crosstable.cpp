// Identities between tables: the same money printed in two tables must agree (收支总表 ↔ 收入总表
// ↔ 支出总表, the fiscal part, the general-public tables, 三公, projects and their performance
// targets, the fund tables), and a part printed in one table cannot exceed its whole in another.
#include <tuple>

#include <fmt/format.h>

#include "families.hpp"

namespace budgetcheck::rules {

namespace {

bool require(RuleContext& context, const Table* table, TableKind kind) {
    if (table == nullptr) {
        context.skip(fmt::format("no {} printed", chinese_name(kind)));
        return false;
    }
    return true;
}

// The first tables of two kinds, or nullopt (with the absence recorded) when either is missing.
std::optional<std::pair<const Table*, const Table*>> both(const Document& document,
                                                          RuleContext& context, TableKind a,
                                                          TableKind b) {
    const Table* one = first_table(document, a);
    const Table* other = first_table(document, b);
    const bool have_one = require(context, one, a);
    const bool have_other = require(context, other, b);
    if (!have_one || !have_other) {
        return std::nullopt;
    }
    return std::make_pair(one, other);
}

int find_line(const TableSide& side, LineItem item, int after = -1) {
    for (std::size_t r = static_cast<std::size_t>(after + 1); r < side.rows.size(); ++r) {
        if (side.rows[r].line_item == item) {
            return static_cast<int>(r);
        }
    }
    return -1;
}

// Is this row (or a line above it) carry-over money: 上年结转 and what is printed under it?
bool under_carry_over(const TableSide& side, int row) {
    for (int r = row; r >= 0; r = side.rows[static_cast<std::size_t>(r)].parent) {
        const LineItem item = side.rows[static_cast<std::size_t>(r)].line_item;
        if (item == LineItem::CarryOver || item == LineItem::FiscalCarryOver ||
            item == LineItem::NonFiscalCarryOver) {
            return true;
        }
    }
    return false;
}

// A line of a two-sided summary at a stage: from the stage's own column where the table has one;
// otherwise the single 预算数 column holds current-year money above the carry-over lines and
// carry-over money below them.
std::optional<CellAt> summary_line(const Table& table, int side, LineItem item, Stage stage) {
    const TableSide& s = table.sides[static_cast<std::size_t>(side)];
    const int stage_column = find_column(s, [&](const ColumnMeaning& m) {
        return m.stage == stage && m.period == Period::BudgetYear && m.quantity == Quantity::Amount;
    });
    for (int r = find_line(s, item); r >= 0; r = find_line(s, item, r)) {
        const bool carried = under_carry_over(s, r);
        if (stage_column >= 0 && !carried) {
            return CellAt{&table, side, r, stage_column};
        }
        const int all = find_column(s, [](const ColumnMeaning& m) {
            return m.stage == Stage::All && m.period == Period::BudgetYear &&
                   m.quantity == Quantity::Amount;
        });
        if (all < 0 || stage_column >= 0) {
            continue;
        }
        const bool totals =
            item == LineItem::IncomeGrandTotal || item == LineItem::ExpenditureGrandTotal;
        if ((stage == Stage::CarryOver && carried) ||
            (stage == Stage::CurrentYear && !carried && !totals) ||
            (stage == Stage::All && totals)) {
            return CellAt{&table, side, r, all};
        }
    }
    return std::nullopt;
}

void equal(RuleContext& context, const CellAt& a, const CellAt& b, const std::string& what_en,
           const std::string& what_zh) {
    if (!context.first_comparison(a.cell().source.pointer, b.cell().source.pointer)) {
        return;
    }
    if (!a.printed() && !b.printed()) {
        context.count_checked({ref_of(a), ref_of(b)});
        return;
    }
    context.check_sum(
        figure_of(a), {{1, figure_of(b)}},
        {fmt::format("{} ({} × {}) is", what_en, b.table->title, ref_of(b).row),
         fmt::format("{}（{}「{}」）为", what_zh, b.table->title, ref_of(b).row), Axis::Other});
}

void at_most(RuleContext& context, const CellAt& part, const CellAt& whole,
             const std::string& what_en, const std::string& what_zh) {
    if (!part.printed()) {
        return;
    }
    context.check_at_most(
        figure_of(part), figure_of(whole),
        {fmt::format("{} ({} × {}) is", what_en, whole.table->title, ref_of(whole).row),
         fmt::format("{}（{}「{}」）为", what_zh, whole.table->title, ref_of(whole).row),
         Axis::Other});
}

// The stage a 收入总表 column holds: an income source's column is current-year money unless its
// header marks it as carried over (结转), even when no 本年 header says so.
Stage effective_stage(const ColumnMeaning& m) {
    return m.stage == Stage::All && m.source != FundSource::Any ? Stage::CurrentYear : m.stage;
}

int income_column(const TableSide& side, FundSource source, Stage stage) {
    return find_column(side, [&](const ColumnMeaning& m) {
        return m.source == source && effective_stage(m) == stage &&
               m.quantity == Quantity::Amount && m.period == Period::BudgetYear && !m.of_which;
    });
}

// The column of a functional table holding this spending kind's budget-year total, any stage
// (stage All preferred).
int spending_column(const TableSide& side, Spending spending) {
    for (Stage stage : {Stage::All, Stage::CurrentYear}) {
        const int found = find_column(side, [&](const ColumnMeaning& m) {
            return m.spending == spending && m.stage == stage && m.period == Period::BudgetYear &&
                   m.quantity == Quantity::Amount && !m.excludes_capital_construction &&
                   m.source != FundSource::NonFiscal;
        });
        if (found >= 0) {
            return found;
        }
    }
    return -1;
}

// The basic-expenditure table's total column is basic spending, whatever its header says.
int basic_column(const TableSide& economic) {
    const int basic = spending_column(economic, Spending::Basic);
    return basic >= 0 ? basic : spending_column(economic, Spending::All);
}

}  // namespace

void income_summary(const Document& document, RuleContext& context) {
    const auto tables =
        both(document, context, TableKind::IncomeExpenditureSummary, TableKind::IncomeSummary);
    if (!tables) {
        return;
    }
    const Table* summary = tables->first;
    const Table* income = tables->second;
    const TableSide& side = income->sides[0];
    int row = total_row(side);
    if (row < 0) {
        int units = 0;
        for (std::size_t r = 0; r < side.rows.size(); ++r) {
            if (side.rows[r].role == RowRole::Unit) {
                row = static_cast<int>(r);
                ++units;
            }
        }
        if (units != 1) {
            context.skip("收入总表 has no 合计 row to compare");
            return;
        }
    }
    struct Pair {
        LineItem item;
        Stage stage;
        FundSource source;
        Stage column_stage;
    };
    const Pair pairs[] = {
        {LineItem::IncomeGrandTotal, Stage::All, FundSource::Any, Stage::All},
        {LineItem::IncomeGrandTotal, Stage::CurrentYear, FundSource::Any, Stage::CurrentYear},
        {LineItem::IncomeGrandTotal, Stage::CarryOver, FundSource::Any, Stage::CarryOver},
        {LineItem::CurrentYearIncomeTotal, Stage::CurrentYear, FundSource::Any, Stage::CurrentYear},
        {LineItem::CarryOver, Stage::CarryOver, FundSource::Any, Stage::CarryOver},
        {LineItem::FiscalAppropriationIncome, Stage::CurrentYear, FundSource::Fiscal,
         Stage::CurrentYear},
        {LineItem::GeneralPublicIncome, Stage::CurrentYear, FundSource::GeneralPublic,
         Stage::CurrentYear},
        {LineItem::GovernmentFundIncome, Stage::CurrentYear, FundSource::GovernmentFund,
         Stage::CurrentYear},
        {LineItem::StateCapitalIncome, Stage::CurrentYear, FundSource::StateCapital,
         Stage::CurrentYear},
        {LineItem::SpecialAccountIncome, Stage::CurrentYear, FundSource::SpecialAccount,
         Stage::CurrentYear},
        {LineItem::UnitFundsIncome, Stage::CurrentYear, FundSource::UnitFunds, Stage::CurrentYear},
        {LineItem::BusinessIncome, Stage::CurrentYear, FundSource::BusinessIncome,
         Stage::CurrentYear},
        {LineItem::OperatingIncome, Stage::CurrentYear, FundSource::OperatingIncome,
         Stage::CurrentYear},
        {LineItem::SuperiorSubsidyIncome, Stage::CurrentYear, FundSource::SuperiorSubsidy,
         Stage::CurrentYear},
        {LineItem::AffiliateRemittanceIncome, Stage::CurrentYear, FundSource::AffiliateRemittance,
         Stage::CurrentYear},
        {LineItem::OtherIncome, Stage::CurrentYear, FundSource::OtherIncome, Stage::CurrentYear},
        {LineItem::NonFiscalBalanceUse, Stage::CurrentYear, FundSource::NonFiscalBalanceUse,
         Stage::CurrentYear},
    };
    for (const Pair& pair : pairs) {
        const auto line = summary_line(*summary, 0, pair.item, pair.stage);
        const int column = income_column(side, pair.source, pair.column_stage);
        if (!line || column < 0) {
            continue;
        }
        equal(context, CellAt{income, 0, row, column}, *line, "the 收支总表 line",
              "收支总表对应行");
    }
}

void expenditure_summary(const Document& document, RuleContext& context) {
    const auto tables =
        both(document, context, TableKind::IncomeExpenditureSummary, TableKind::ExpenditureSummary);
    if (!tables) {
        return;
    }
    const Table* summary = tables->first;
    const Table* spending = tables->second;
    if (summary->sides.size() != 2) {
        return;
    }
    const TableSide& lines = summary->sides[1];
    const TableSide& detail = spending->sides[0];
    const int detail_total = spending_column(detail, Spending::All);
    const int line_column = find_column(lines, [](const ColumnMeaning& m) {
        return m.stage == Stage::All && m.period == Period::BudgetYear &&
               m.quantity == Quantity::Amount;
    });
    if (detail_total < 0 || line_column < 0) {
        context.skip("收支总表 or 支出总表 prints no budget-year total column");
        return;
    }
    for (std::size_t r = 0; r < lines.rows.size(); ++r) {
        const Row& row = lines.rows[r];
        int match = -1;
        if (row.subject) {
            match = find_subject_row(detail, row.subject->code);
        } else if (row.line_item == LineItem::CurrentYearExpenditureTotal) {
            match = total_row(detail);
        }
        if (match < 0) {
            if (row.subject) {
                context.skip(fmt::format("支出总表 has no row for {}", row.subject->code));
            }
            continue;
        }
        equal(context, CellAt{summary, 1, static_cast<int>(r), line_column},
              CellAt{spending, 0, match, detail_total}, "the 支出总表 figure", "支出总表对应数");
    }
}

void fiscal_summary(const Document& document, RuleContext& context) {
    const auto tables = both(document, context, TableKind::FiscalAppropriationSummary,
                             TableKind::IncomeExpenditureSummary);
    if (!tables) {
        return;
    }
    const Table* fiscal = tables->first;
    const Table* summary = tables->second;
    if (fiscal->sides.size() != 2 || summary->sides.size() != 2) {
        return;
    }
    // Income: each fiscal budget's appropriation is the same money in both tables.
    for (LineItem item : {LineItem::GeneralPublicIncome, LineItem::GovernmentFundIncome,
                          LineItem::StateCapitalIncome}) {
        for (Stage stage : {Stage::All, Stage::CurrentYear, Stage::CarryOver}) {
            const auto a = summary_line(*fiscal, 0, item, stage);
            const auto b = summary_line(*summary, 0, item, stage);
            if (a && b) {
                equal(context, *a, *b, "the 收支总表 line", "收支总表对应行");
            }
        }
    }
    // Expenditure: the fiscal part of a subject cannot exceed all spending on it.
    const TableSide& spent = fiscal->sides[1];
    const TableSide& all = summary->sides[1];
    const int fiscal_column = find_column(spent, [](const ColumnMeaning& m) {
        return m.stage == Stage::All && m.period == Period::BudgetYear &&
               m.quantity == Quantity::Amount;
    });
    const int all_column = find_column(all, [](const ColumnMeaning& m) {
        return m.stage == Stage::All && m.period == Period::BudgetYear &&
               m.quantity == Quantity::Amount;
    });
    if (fiscal_column < 0 || all_column < 0) {
        return;
    }
    for (std::size_t r = 0; r < spent.rows.size(); ++r) {
        const Row& row = spent.rows[r];
        int match = -1;
        if (row.subject) {
            match = find_subject_row(all, row.subject->code);
        } else if (row.line_item == LineItem::ExpenditureGrandTotal) {
            match = find_line(all, LineItem::ExpenditureGrandTotal);
        }
        if (match >= 0) {
            at_most(context, CellAt{fiscal, 1, static_cast<int>(r), fiscal_column},
                    CellAt{summary, 1, match, all_column},
                    "the fiscal part cannot exceed all spending on it, which",
                    "财政拨款部分不应超过全部支出，全部支出");
        }
    }
}

void general_public_vs_fiscal(const Document& document, RuleContext& context) {
    const auto tables = both(document, context, TableKind::GeneralPublicExpenditure,
                             TableKind::FiscalAppropriationSummary);
    if (!tables) {
        return;
    }
    const Table* general = tables->first;
    const Table* fiscal = tables->second;
    if (fiscal->sides.size() != 2) {
        return;
    }
    const TableSide& side = general->sides[0];
    const int total_column = spending_column(side, Spending::All);
    if (total_column < 0) {
        context.skip("一般公共预算支出表 prints no budget-year total column");
        return;
    }
    const Stage stage = side.columns[static_cast<std::size_t>(total_column)].meaning.stage;
    if (const int row = total_row(side); row >= 0) {
        if (const auto income = summary_line(*fiscal, 0, LineItem::GeneralPublicIncome, stage)) {
            equal(context, CellAt{general, 0, row, total_column}, *income,
                  "the general-public appropriation", "一般公共预算拨款");
        }
    }
    const TableSide& spent = fiscal->sides[1];
    const int fiscal_column = find_column(spent, [&](const ColumnMeaning& m) {
        return m.stage == stage && m.period == Period::BudgetYear && m.quantity == Quantity::Amount;
    });
    if (fiscal_column < 0) {
        context.skip("财政拨款收支总表 prints no column at the stage of 一般公共预算支出表");
        return;
    }
    // Only when the fiscal money is all general-public money do the subjects have to agree.
    const auto other_funds = [&] {
        for (LineItem item : {LineItem::GovernmentFundIncome, LineItem::StateCapitalIncome}) {
            for (Stage s : {Stage::All, Stage::CurrentYear, Stage::CarryOver}) {
                if (const auto line = summary_line(*fiscal, 0, item, s);
                    line && line->printed() && !line->amount()->value().is_zero()) {
                    return true;
                }
            }
        }
        return false;
    }();
    for (std::size_t r = 0; r < spent.rows.size(); ++r) {
        const Row& row = spent.rows[r];
        if (!row.subject) {
            continue;
        }
        const int match = find_subject_row(side, row.subject->code);
        if (match < 0) {
            continue;
        }
        const CellAt fiscal_cell{fiscal, 1, static_cast<int>(r), fiscal_column};
        const CellAt general_cell{general, 0, match, total_column};
        if (other_funds) {
            at_most(context, general_cell, fiscal_cell,
                    "general-public spending cannot exceed the fiscal spending",
                    "一般公共预算支出不应超过财政拨款支出");
        } else {
            equal(context, general_cell, fiscal_cell, "the 财政拨款收支总表 figure",
                  "财政拨款收支总表对应数");
        }
    }
}

void general_public_within_expenditure(const Document& document, RuleContext& context) {
    const auto tables =
        both(document, context, TableKind::GeneralPublicExpenditure, TableKind::ExpenditureSummary);
    if (!tables) {
        return;
    }
    const Table* general = tables->first;
    const Table* spending = tables->second;
    const TableSide& part = general->sides[0];
    const TableSide& whole = spending->sides[0];
    for (Spending kind : {Spending::All, Spending::Basic, Spending::Project}) {
        const int pc = spending_column(part, kind);
        const int wc = spending_column(whole, kind);
        if (pc < 0 || wc < 0) {
            continue;
        }
        for (std::size_t r = 0; r < part.rows.size(); ++r) {
            const Row& row = part.rows[r];
            const int match = row.subject ? find_subject_row(whole, row.subject->code)
                                          : (row.is_total ? total_row(whole) : -1);
            if (match < 0) {
                continue;
            }
            at_most(
                context, CellAt{general, 0, static_cast<int>(r), pc},
                CellAt{spending, 0, match, wc},
                "general-public money is part of all money, so at most the 支出总表 figure, which",
                "一般公共预算是全部资金的一部分，不应超过支出总表对应数，该数");
        }
    }
}

void basic_table(const Document& document, RuleContext& context) {
    const auto tables = both(document, context, TableKind::GeneralPublicBasicExpenditure,
                             TableKind::GeneralPublicExpenditure);
    if (!tables) {
        return;
    }
    const Table* basic = tables->first;
    const Table* general = tables->second;
    const TableSide& economic = basic->sides[0];
    const TableSide& functional = general->sides[0];
    const int basic_row = total_row(economic);
    const int general_row = total_row(functional);
    if (basic_row < 0 || general_row < 0) {
        context.skip("a 合计 row is missing");
        return;
    }
    for (Spending kind : {Spending::Basic, Spending::Personnel, Spending::Public}) {
        const int economic_column =
            kind == Spending::Basic ? basic_column(economic) : spending_column(economic, kind);
        const int functional_column = spending_column(functional, kind);
        if (economic_column < 0 || functional_column < 0) {
            continue;
        }
        equal(context, CellAt{basic, 0, basic_row, economic_column},
              CellAt{general, 0, general_row, functional_column},
              "the matching column of 一般公共预算支出表", "一般公共预算支出表对应列");
    }
}

void three_public_economic(const Document& document, RuleContext& context) {
    const auto tables = both(document, context, TableKind::ThreePublicExpenses,
                             TableKind::GeneralPublicBasicExpenditure);
    if (!tables) {
        return;
    }
    const Table* three = tables->first;
    const Table* basic = tables->second;
    const TableSide& economic = basic->sides[0];
    const int total_column = basic_column(economic);
    if (total_column < 0) {
        return;
    }
    const std::pair<ThreePublicItem, std::vector<std::string_view>> lines[] = {
        {ThreePublicItem::Reception, {"30217"}},
        {ThreePublicItem::OverseasTravel, {"30212"}},
        {ThreePublicItem::VehicleOperation, {"30231"}},
        {ThreePublicItem::VehiclePurchase, {"31013", "30913"}},
    };
    for (const auto& [item, codes] : lines) {
        const ThreePublicFigure* figure = nullptr;
        for (const ThreePublicFigure& f : three->three_public) {
            if (f.item == item && f.period == Period::BudgetYear &&
                f.quantity == Quantity::Amount) {
                figure = &f;
                break;
            }
        }
        for (std::string_view code : codes) {
            const int row = find_subject_row(economic, code);
            if (row < 0) {
                continue;
            }
            const CellAt line{basic, 0, row, total_column};
            if (figure == nullptr) {
                if (line.printed() && !line.amount()->value().is_zero()) {
                    Finding finding;
                    finding.severity = context.rule().default_severity;
                    finding.cells = {ref_of(line)};
                    finding.actual = line.cell().printed;
                    finding.expected = "a matching “三公” figure";
                    finding.message_en = fmt::format(
                        "{} budgets {} for {} but the “三公” table prints no {}", basic->title,
                        line.cell().printed, row_name(line.row_ref()), chinese_name(item));
                    finding.message_zh = fmt::format("{}列示{} {}，但“三公”经费表未列示{}",
                                                     basic->title, row_name(line.row_ref()),
                                                     line.cell().printed, chinese_name(item));
                    context.report(std::move(finding));
                }
                continue;
            }
            const CellAt three_cell{three, figure->side, figure->row, figure->column};
            at_most(context, line, three_cell,
                    "basic spending on it is part of the “三公” figure, so at most",
                    "基本支出中的该项是“三公”经费的一部分，不应超过");
        }
    }
}

void project_table(const Document& document, RuleContext& context) {
    const auto tables =
        both(document, context, TableKind::ProjectExpenditure, TableKind::ExpenditureSummary);
    if (!tables) {
        return;
    }
    const Table* projects = tables->first;
    const Table* spending = tables->second;
    const TableSide& list = projects->sides[0];
    const int row = total_row(list);
    const int column = spending_column(list, Spending::All);
    const int detail_row = total_row(spending->sides[0]);
    const int detail_column = spending_column(spending->sides[0], Spending::Project);
    if (row < 0 || column < 0 || detail_row < 0 || detail_column < 0) {
        context.skip("项目支出表 or 支出总表 lacks a 合计 row or the project column");
        return;
    }
    equal(context, CellAt{projects, 0, row, column}, CellAt{spending, 0, detail_row, detail_column},
          "the project column of 支出总表", "支出总表项目支出合计");
}

void performance_funds(const Document& document, RuleContext& context) {
    const auto tables =
        both(document, context, TableKind::PerformanceTargets, TableKind::ProjectExpenditure);
    if (!tables) {
        return;
    }
    const Table* targets = tables->first;
    const Table* projects = tables->second;
    const TableSide& list = projects->sides[0];
    const int total_column = spending_column(list, Spending::All);
    for (const ProjectTargets& project : targets->projects) {
        const std::string key = label_key(project.project);
        int row = -1;
        for (std::size_t r = 0; r < list.rows.size(); ++r) {
            if (list.rows[r].role == RowRole::ProjectLevel2 &&
                label_key(list.rows[r].label) == key) {
                row = static_cast<int>(r);
            }
        }
        const FundLine* total = nullptr;
        for (const FundLine& line : project.funds) {
            if (line.kind == FundLineKind::Total) {
                total = &line;
            }
        }
        if (row < 0 || total == nullptr || total_column < 0 || !total->cell.amount()) {
            context.skip(fmt::format("project {} is not in 项目支出表 or prints no 年度资金总额",
                                     project.project));
            continue;
        }
        Figure funds;
        funds.amount = *total->cell.amount();
        funds.unit = targets->money_unit;
        funds.ref = CellRef{targets->title,
                            targets->json_index,
                            Side::Whole,
                            project.project,
                            total->label,
                            total->cell.printed,
                            std::string(to_string(targets->money_unit)),
                            total->cell.source};
        // 年度资金总额 is the project's whole budget in some templates and its current-year
        // money in others: either agreement is consistent.
        std::vector<std::pair<int, Figure>> current;
        for (std::size_t c = 0; c < list.columns.size(); ++c) {
            const ColumnMeaning& m = list.columns[c].meaning;
            if (m.is_value() && m.stage == Stage::CurrentYear && m.quantity == Quantity::Amount) {
                current.emplace_back(1, figure_of(CellAt{projects, 0, row, static_cast<int>(c)}));
            }
        }
        const CellAt whole{projects, 0, row, total_column};
        std::optional<Decimal> current_sum = Decimal();
        for (const auto& [sign, figure] : current) {
            current_sum = current_sum ? current_sum->plus(figure.amount.value()) : std::nullopt;
        }
        if (!current.empty() && current_sum && projects->money_unit == targets->money_unit &&
            *current_sum == funds.amount.value() &&
            (whole.amount() == nullptr || !(whole.amount()->value() == funds.amount.value()))) {
            std::vector<CellRef> cells{funds.ref};
            for (const auto& [sign, figure] : current) {
                cells.push_back(figure.reference());
            }
            context.count_checked(cells);
            continue;
        }
        context.check_sum(funds, {{1, figure_of(whole)}},
                          {fmt::format("the project's row in {} totals", projects->title),
                           fmt::format("{}中该项目合计为", projects->title), Axis::Other});
    }
}

void fund_tables(const Document& document, RuleContext& context) {
    const Table* summary = first_table(document, TableKind::IncomeExpenditureSummary);
    if (!require(context, summary, TableKind::IncomeExpenditureSummary)) {
        return;
    }
    const std::tuple<TableKind, LineItem, std::string_view> pairs[] = {
        {TableKind::GovernmentFundExpenditure, LineItem::GovernmentFundIncome,
         "政府性基金预算拨款收入"},
        {TableKind::StateCapitalExpenditure, LineItem::StateCapitalIncome,
         "国有资本经营预算拨款收入"},
    };
    for (const auto& [kind, item, line_name] : pairs) {
        const Table* table = first_table(document, kind);
        if (!require(context, table, kind)) {
            continue;
        }
        const TableSide& side = table->sides[0];
        const int row = total_row(side);
        const int column = spending_column(side, Spending::All);
        if (row < 0 || column < 0) {
            context.skip(fmt::format("{} prints no 合计", table->title));
            continue;
        }
        std::optional<CellAt> line = summary_line(*summary, 0, item, Stage::All);
        if (!line) {
            line = summary_line(*summary, 0, item, Stage::CurrentYear);
        }
        if (!line) {
            context.skip(fmt::format("收支总表 prints no {} line", line_name));
            continue;
        }
        equal(context, CellAt{table, 0, row, column}, *line, "the matching income line of 收支总表",
              "收支总表对应收入");
    }
}

void economic_functional(const Document& document, RuleContext& context) {
    const auto tables = both(document, context, TableKind::GeneralPublicBasicExpenditure,
                             TableKind::GeneralPublicExpenditure);
    if (!tables) {
        return;
    }
    const Table* basic = tables->first;
    const Table* general = tables->second;
    const TableSide& economic = basic->sides[0];
    const TableSide& functional = general->sides[0];
    const int economic_column = basic_column(economic);
    const int functional_column = spending_column(functional, Spending::Basic);
    if (economic_column < 0 || functional_column < 0) {
        return;
    }
    // Economic lines and the functional line they usually fund entirely.
    const std::pair<std::string_view, std::string_view> links[] = {
        {"30113", "2210201"},  // 住房公积金
        {"30108", "2080505"},  // 机关事业单位基本养老保险缴费
        {"30109", "2080506"},  // 职业年金缴费
        {"30302", "2080502"},  // 退休费 ↔ 事业单位离退休
    };
    for (const auto& [economic_code, functional_code] : links) {
        const int a = find_subject_row(economic, economic_code);
        const int b = find_subject_row(functional, functional_code);
        if (a < 0 || b < 0) {
            continue;
        }
        equal(context, CellAt{basic, 0, a, economic_column},
              CellAt{general, 0, b, functional_column},
              fmt::format("usually the basic spending of {}", functional_code),
              fmt::format("通常等于{}的基本支出", functional_code));
    }
}

}  // namespace budgetcheck::rules
