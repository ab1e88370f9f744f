// Identities between tables: the same money printed in two tables must agree (收支总表 ↔ 收入总表
// ↔ 支出总表, the fiscal part, the general-public tables, 三公, projects and their performance
// targets, the fund tables), and a part printed in one table cannot exceed its whole in another.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "budgetcheck/load/vocabulary.hpp"
#include "budgetcheck/narrative/composition.hpp"
#include "facts.hpp"
#include "families.hpp"
#include "resolve.hpp"

namespace budgetcheck::rules {

namespace {

bool require(RuleContext& context, const Table* table, TableKind kind) {
    if (table == nullptr) {
        context.skip(fmt::format("no {} printed", chinese_name(kind)),
                     fmt::format("未公开{}", chinese_name(kind)));
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

namespace {

std::string_view rule_between(TableKind a, TableKind b) {
    using K = TableKind;
    const auto pair = [a, b](K x, K y) { return (a == x && b == y) || (a == y && b == x); };
    const auto either = [a, b](K x) { return a == x || b == x; };
    if (pair(K::IncomeExpenditureSummary, K::IncomeSummary)) {
        return "crosstable.income-summary";
    }
    if (pair(K::IncomeExpenditureSummary, K::ExpenditureSummary)) {
        return "crosstable.expenditure-summary";
    }
    if (pair(K::FiscalAppropriationSummary, K::IncomeExpenditureSummary)) {
        return "crosstable.fiscal-summary";
    }
    if (pair(K::GeneralPublicExpenditure, K::FiscalAppropriationSummary) ||
        pair(K::FiscalExpenditure, K::FiscalAppropriationSummary) ||
        pair(K::GeneralPublicExpenditure, K::FiscalExpenditure)) {
        return "crosstable.general-public-fiscal";
    }
    if (either(K::GeneralPublicBasicExpenditure) || either(K::FiscalBasicExpenditure)) {
        return "crosstable.basic-table";
    }
    if (either(K::GovernmentFundExpenditure) || either(K::StateCapitalExpenditure)) {
        return "crosstable.fund-tables";
    }
    return "crosstable.same-figure";
}

std::string place(const CellAt& at) {
    const CellRef ref = ref_of(at);
    return fmt::format("{} × {}", ref.row, ref.column);
}

// Why two figures are the same money although printed as different facts.
std::vector<std::pair<std::string, std::string>> coincidence_hints(const FactIndex& index,
                                                                   const FactCell& a,
                                                                   const FactCell& b) {
    if (a.fact == b.fact) {
        return {};
    }
    std::vector<std::pair<std::string, std::string>> out;
    const auto& co = index.coincidences();
    for (std::size_t i = 0; i < co.reasons.size(); ++i) {
        out.emplace_back("the same money because " + co.reasons[i],
                         "两数应为同一笔资金，因为" + co.reasons_zh[i]);
    }
    return out;
}

// Every figure printed in two tables as the same money must agree; the comparison belongs to
// the rule named for the pair of tables.
void compare_facts(RuleContext& context) {
    const FactIndex& index = context.facts();
    for (const FactIndex::SharedFact& shared : index.shared()) {
        const FactCell* reference = shared.reference;
        for (const FactCell* cell : shared.cells) {
            if (cell == reference || rule_between(cell->at.table->kind,
                                                  reference->at.table->kind) != context.rule().id) {
                continue;
            }
            if (!cell->at.printed() && !reference->at.printed()) {
                context.count_checked({ref_of(cell->at), ref_of(reference->at)});
                continue;
            }
            const std::size_t before = context.finding_count();
            context.check_sum(figure_of(cell->at), {{1, figure_of(reference->at)}},
                              {fmt::format("the same money printed in {} ({}) is",
                                           reference->at.table->title, place(reference->at)),
                               fmt::format("{}（{}）列示的同一数字为", reference->at.table->title,
                                           place(reference->at)),
                               Axis::Other});
            for (const auto& [hint, hint_zh] : coincidence_hints(index, *cell, *reference)) {
                context.hint_new_findings(before, hint, hint_zh);
            }
        }
    }
}

// A figure of a narrower fund (一般公共预算) cannot exceed the same figure of a broader one
// (财政拨款, or all money) printed in another table.
// The rule a part-of-whole comparison belongs to: the pair's own rule, or the general one.
std::string_view part_rule_between(TableKind a, TableKind b) {
    const std::string_view rule = rule_between(a, b);
    return rule == "crosstable.same-figure" ? "crosstable.general-public-within-total" : rule;
}

void compare_fund_parts(RuleContext& context) {
    const FactIndex& index = context.facts();
    for (const FactIndex::FundPart& pair : index.fund_parts()) {
        const Fact& fact = *pair.part;
        {
            for (const FactCell* part : pair.parts) {
                for (const FactCell* whole : pair.wholes) {
                    if (part->at.table == whole->at.table || !part->at.printed() ||
                        part_rule_between(part->at.table->kind, whole->at.table->kind) !=
                            context.rule().id) {
                        continue;
                    }
                    context.check_at_most(
                        figure_of(part->at), figure_of(whole->at),
                        {fmt::format(
                             "as {} money it is part of {} × {}, which is",
                             fact.source == FundSource::GeneralPublic ? "一般公共预算" : "财政拨款",
                             whole->at.table->title, place(whole->at)),
                         fmt::format("作为其中的一部分，不应超过{}「{}」，该数为",
                                     whole->at.table->title, place(whole->at)),
                         Axis::Other});
                }
            }
        }
    }
}

}  // namespace

void income_summary(const Document&, RuleContext& context) {
    compare_facts(context);
    compare_fund_parts(context);
}

void expenditure_summary(const Document&, RuleContext& context) {
    compare_facts(context);
    compare_fund_parts(context);
}

void fiscal_summary(const Document&, RuleContext& context) {
    compare_facts(context);
    compare_fund_parts(context);
}

void general_public_vs_fiscal(const Document&, RuleContext& context) {
    compare_facts(context);
    compare_fund_parts(context);
}

void general_public_within_expenditure(const Document&, RuleContext& context) {
    compare_fund_parts(context);
}

void basic_table(const Document&, RuleContext& context) {
    compare_facts(context);
    compare_fund_parts(context);
}

void fund_tables(const Document&, RuleContext& context) {
    compare_facts(context);
    compare_fund_parts(context);
}

void same_figure(const Document&, RuleContext& context) {
    compare_facts(context);
    compare_fund_parts(context);
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
        context.skip("项目支出表 or 支出总表 lacks a 合计 row or the project column",
                     "项目支出表或支出总表缺少合计行或项目支出列");
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
                                     project.project),
                         fmt::format("项目“{}”不在项目支出表中，或未列示年度资金总额",
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

namespace {

// The functional subjects a side prints, by code, and the levels it prints them at.
struct PrintedCodes {
    std::map<std::string, int> rows;  // code → row
    std::set<int> levels;
};

PrintedCodes functional_codes(const TableSide& side) {
    PrintedCodes out;
    for (std::size_t r = 0; r < side.rows.size(); ++r) {
        const Row& row = side.rows[r];
        if (row.role == RowRole::Subject && row.subject &&
            row.subject->classification == Classification::Functional) {
            out.rows.emplace(row.subject->code, static_cast<int>(r));
            out.levels.insert(row.subject->level);
        }
    }
    return out;
}

// The first printed, non-zero amount of a row, if any.
int money_column(const TableSide& side, const Row& row) {
    for (std::size_t c = 0; c < row.cells.size() && c < side.columns.size(); ++c) {
        const ColumnMeaning& m = side.columns[c].meaning;
        const Amount* amount = row.cells[c].amount();
        // Spending of the year only: not a balance carried in or out, nor income.
        const bool spending = m.stage != Stage::CarryOver && m.spending != Spending::CarryForward &&
                              m.spending != Spending::BalanceDistribution && m.side != Side::Income;
        if (m.is_value() && m.quantity == Quantity::Amount && m.period == Period::BudgetYear &&
            spending && amount != nullptr && amount->is_printed() && !amount->value().is_zero()) {
            return static_cast<int>(c);
        }
    }
    return -1;
}

const TableSide* functional_side(const Table& table) {
    for (const TableSide& side : table.sides) {
        if (side.side != Side::Income &&
            std::any_of(side.rows.begin(), side.rows.end(), [](const Row& row) {
                return row.role == RowRole::Subject && row.subject &&
                       row.subject->classification == Classification::Functional;
            })) {
            return &side;
        }
    }
    return nullptr;
}

}  // namespace

void subject_present(const Document& document, RuleContext& context) {
    using K = TableKind;
    // Narrower table → the tables that include its money, subject by subject. A budget's
    // 收入总表 and 支出总表 list the same subjects; a 决算's income by subject need not be spent.
    std::vector<std::pair<K, K>> pairs = {
        {K::GeneralPublicExpenditure, K::ExpenditureSummary},
        {K::FiscalExpenditure, K::ExpenditureSummary},
        {K::GovernmentFundExpenditure, K::ExpenditureSummary},
        {K::StateCapitalExpenditure, K::ExpenditureSummary},
        {K::GeneralPublicExpenditure, K::FiscalExpenditure},
        {K::ExpenditureSummary, K::IncomeExpenditureSummary},
        {K::GeneralPublicExpenditure, K::FiscalAppropriationSummary},
    };
    if (!is_final_accounts(document.kind)) {
        pairs.emplace_back(K::IncomeSummary, K::ExpenditureSummary);
        pairs.emplace_back(K::ExpenditureSummary, K::IncomeSummary);
    }
    for (const auto& [narrow_kind, wide_kind] : pairs) {
        const Table* narrow = first_table(document, narrow_kind);
        const Table* wide = first_table(document, wide_kind);
        if (narrow == nullptr || wide == nullptr) {
            continue;
        }
        const TableSide* from = functional_side(*narrow);
        const TableSide* into = functional_side(*wide);
        if (from == nullptr || into == nullptr) {
            continue;
        }
        const PrintedCodes printed = functional_codes(*into);
        const int from_side = static_cast<int>(from - narrow->sides.data());
        // A row of the wider table nobody could read may be the subject looked for.
        const bool unread = std::any_of(into->rows.begin(), into->rows.end(), [&](const Row& row) {
            return row.role == RowRole::Unknown && money_column(*into, row) >= 0;
        });
        if (unread) {
            context.skip(fmt::format("{}: a row with money was not understood", wide->title),
                         fmt::format("{}：有列示金额的行未能识别", wide->title));
            continue;
        }
        // Below the 类, a code found from a name (no code printed) may be the wrong one of
        // several subjects of that name: only printed codes are compared there.
        const auto guessed = [](const Row& row) {
            return row.subject->origin == SubjectRef::Origin::CatalogName && row.subject->level > 1;
        };
        const bool wide_guessed = std::any_of(into->rows.begin(), into->rows.end(),
                                              [&](const Row& row) {
                                                  return row.role == RowRole::Subject &&
                                                         row.subject && guessed(row);
                                              });
        for (std::size_t r = 0; r < from->rows.size(); ++r) {
            const Row& row = from->rows[r];
            if (row.role != RowRole::Subject || !row.subject ||
                row.subject->classification != Classification::Functional ||
                printed.levels.count(row.subject->level) == 0) {
                continue;  // the wider table does not go down to this level
            }
            if (guessed(row) || (wide_guessed && row.subject->level > 1)) {
                continue;
            }
            const int column = money_column(*from, row);
            if (column < 0) {
                continue;  // nothing of it to be missing
            }
            const CellAt at{narrow, from_side, static_cast<int>(r), column};
            context.count_checked({ref_of(at)});
            if (printed.rows.count(row.subject->code) > 0) {
                continue;
            }
            Finding finding;
            finding.severity = context.rule().default_severity;
            finding.cells = {ref_of(at)};
            finding.actual = "absent";
            finding.expected = fmt::format("a row for {}", row.subject->code);
            finding.message_en = fmt::format(
                "{} {} is printed in {} with {}, but {} has no row for it, though it lists "
                "subjects at that level",
                row.subject->code, row.label, narrow->title, at.cell().printed, wide->title);
            finding.message_zh =
                fmt::format("{} {}在{}中列示 {}，但{}列示同级科目却无该科目", row.subject->code,
                            row.label, narrow->title, at.cell().printed, wide->title);
            context.report(std::move(finding));
        }
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

namespace budgetcheck::rules {

// 机关运行经费 is the 公用经费 of 行政 units and of units run like them (参公). Where the profile
// says every unit of the department is of that kind, the 机关运行经费 a table prints is the
// 一般公共预算 公用经费 of its basic spending. A 事业单位's 公用经费 is not 机关运行经费, so a
// department with one (or one the profile does not describe) is skipped, never guessed at.
void operating_expenses(const Document& document, RuleContext& context) {
    std::vector<const FactCell*> printed;
    for (const FactCell& cell : context.facts().cells()) {
        const Fact& f = cell.fact;
        if (f.three_public == ThreePublicItem::OperatingExpenses && f.subject.empty() &&
            f.quantity == Quantity::Amount && f.period == Period::BudgetYear &&
            cell.at.printed()) {
            printed.push_back(&cell);
        }
    }
    if (printed.empty()) {
        return;  // nothing printed to check; the narrative's quotes are narrative.amount's
    }
    const UnitComposition units = read_unit_composition(document);
    if (!units.all_administrative()) {
        context.skip(
            units.public_institution
                ? "the department has 事业单位, whose 公用经费 is not 机关运行经费"
                : "the profile does not say that every unit is 行政 or 参公",
            units.public_institution ? "部门含事业单位，其公用经费不属于机关运行经费"
                                     : "单位概况未说明所属单位均为行政或参公单位");
        return;
    }
    Claim probe;
    probe.subject = "一般公共预算公用经费";
    probe.unit = "元";
    const Resolution found = context.resolver().amount(probe);
    if (!found.target || !found.target->confident) {
        context.skip("no 一般公共预算 公用经费 printed to compare 机关运行经费 with",
                     "未列示一般公共预算公用经费，无法与机关运行经费比对");
        return;
    }
    std::vector<std::pair<int, Figure>> public_expenses;
    std::optional<Decimal> yuan = Decimal();
    for (const Figure& figure : found.target->figures) {
        public_expenses.emplace_back(1, figure);
        const auto converted = figure.amount.in_unit(figure.unit, MoneyUnit::Yuan);
        yuan = yuan && converted ? yuan->plus(*converted) : std::nullopt;
    }
    for (const FactCell* cell : printed) {
        // The 三公 table prints in 万元 what the basic table prints in 元: the 元 figure rounded
        // to the 万元 print is the same money, not a rounding difference to report.
        const Figure operating = figure_of(cell->at);
        const Interval stands_for = context.interval_of(operating);
        if (yuan && stands_for.lo <= *yuan && *yuan <= stands_for.hi) {
            context.count_figures(operating, public_expenses);
            continue;
        }
        context.check_sum(
            operating, public_expenses,
            {fmt::format("every unit being 行政 or 参公 ({}), 机关运行经费 is the 一般公共预算 "
                         "公用经费 ({}), which is",
                         units.evidence, found.target->what),
             fmt::format("所属单位均为行政或参公单位（{}），机关运行经费即一般公共预算公用经费（{}），为",
                         units.evidence, found.target->what),
             Axis::Other});
    }
}

}  // namespace budgetcheck::rules
