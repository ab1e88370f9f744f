// Narrative claims: every figure the 情况说明 quotes is matched to the table cell it quotes (by
// the words around it and the section it sits in) and checked: amounts, shares, changes, counts,
// breakdowns, and the unit's name.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "families.hpp"

namespace budgetcheck::rules {

namespace {

enum class Topic {
    None,
    Summary,
    Income,
    Spending,
    Fiscal,
    GeneralPublic,
    Basic,
    ThreePublic,
    Projects,
    Performance,
    Procurement,
    Operating
};

Topic topic_of(const ClaimSource& source) {
    const std::string key = label_key(source.heading + " " + source.context);
    const std::string context = label_key(source.context);
    auto has = [](const std::string& text, std::string_view word) {
        return text.find(word) != std::string::npos;
    };
    // A sub-heading inside the section decides before the section heading does.
    for (const std::string& text : {context, key}) {
        if (text.empty()) {
            continue;
        }
        if (has(text, "三公"))
            return Topic::ThreePublic;
        if (has(text, "绩效"))
            return Topic::Performance;
        if (has(text, "政府采购"))
            return Topic::Procurement;
        if (has(text, "机关运行"))
            return Topic::Operating;
        if (has(text, "基本支出"))
            return Topic::Basic;
        if (has(text, "一般公共预算"))
            return Topic::GeneralPublic;
        if (has(text, "财政拨款收支"))
            return Topic::Fiscal;
        if (has(text, "项目支出"))
            return Topic::Projects;
        if (has(text, "收入总表") || has(text, "收入预算"))
            return Topic::Income;
        if (has(text, "支出总表") || has(text, "支出预算"))
            return Topic::Spending;
        if (has(text, "收支"))
            return Topic::Summary;
    }
    return Topic::None;
}

int line_row(const TableSide& side, LineItem item, bool carried) {
    for (std::size_t r = 0; r < side.rows.size(); ++r) {
        if (side.rows[r].line_item != item) {
            continue;
        }
        bool under_carry = false;
        for (int up = side.rows[r].parent; up >= 0;
             up = side.rows[static_cast<std::size_t>(up)].parent) {
            under_carry = under_carry ||
                          side.rows[static_cast<std::size_t>(up)].line_item == LineItem::CarryOver;
        }
        if (under_carry == carried) {
            return static_cast<int>(r);
        }
    }
    return -1;
}

int column_where(const TableSide& side, Spending spending,
                 std::optional<Stage> stage = std::nullopt, FundSource source = FundSource::Any) {
    for (std::optional<Stage> wanted :
         {stage, std::optional<Stage>(Stage::All), std::optional<Stage>(Stage::CurrentYear)}) {
        const int found = find_column(side, [&](const ColumnMeaning& m) {
            return m.spending == spending && m.period == Period::BudgetYear &&
                   m.quantity == Quantity::Amount && !m.excludes_capital_construction &&
                   !m.of_which && m.source == source && m.three_public == ThreePublicItem::None &&
                   (!wanted || m.stage == *wanted);
        });
        if (found >= 0 || stage) {
            return found;
        }
    }
    return -1;
}

// What a quoted figure was matched to: one or more cells whose sum it quotes.
struct Target {
    std::vector<Figure> figures;
    std::vector<CellAt> cells;  // the grid cells among them (for change columns)
    std::string what;
};

Target grid_target(const Table* table, int side, int row, int column, std::string what) {
    Target target;
    if (table == nullptr || row < 0 || column < 0) {
        return target;
    }
    const CellAt at{table, side, row, column};
    target.cells.push_back(at);
    target.figures.push_back(figure_of(at));
    target.what = std::move(what);
    return target;
}

// The row of a two-sided summary side holding a line, at a stage.
Target summary_target(const Table* table, int side, LineItem item, Stage stage, std::string what) {
    if (table == nullptr || static_cast<std::size_t>(side) >= table->sides.size()) {
        return {};
    }
    const TableSide& s = table->sides[static_cast<std::size_t>(side)];
    const int stage_column = find_column(s, [&](const ColumnMeaning& m) {
        return m.stage == stage && m.period == Period::BudgetYear && m.quantity == Quantity::Amount;
    });
    const int all_column = find_column(s, [](const ColumnMeaning& m) {
        return m.stage == Stage::All && m.period == Period::BudgetYear &&
               m.quantity == Quantity::Amount;
    });
    const bool split =
        find_column(s, [](const ColumnMeaning& m) { return m.stage == Stage::CurrentYear; }) >= 0;
    int row = line_row(s, item, stage == Stage::CarryOver && !split);
    if (row < 0 && !split && stage == Stage::CarryOver) {
        row = line_row(s, item, false);
    }
    return grid_target(table, side, row, split ? stage_column : all_column, std::move(what));
}

// The deepest subject row of a table whose name the claim's words contain.
int subject_row(const TableSide& side, const std::string& key) {
    int best = -1;
    int best_level = 0;
    std::size_t best_length = 0;
    for (std::size_t r = 0; r < side.rows.size(); ++r) {
        const Row& row = side.rows[r];
        if (!row.subject) {
            continue;
        }
        const std::string& name = row.label_parts.key;  // normalised once, when the file was loaded
        if (name.empty() || key.find(name) == std::string::npos) {
            continue;
        }
        if (row.subject->level > best_level ||
            (row.subject->level == best_level && name.size() > best_length)) {
            best = static_cast<int>(r);
            best_level = row.subject->level;
            best_length = name.size();
        }
    }
    return best;
}

Target resolve(const Document& document, const Claim& claim) {
    std::string key = subject_name_key(claim.subject);
    for (std::string_view marker : {"(类)", "(款)", "(项)"}) {
        for (auto at = key.find(marker); at != std::string::npos; at = key.find(marker)) {
            key.erase(at, marker.size());
        }
    }
    const Topic topic = topic_of(claim.source);
    auto has = [&key](std::string_view word) { return key.find(word) != std::string::npos; };
    // Totals are named last ("单位收入预算"); "社会保障和就业支出预算数" is not 支出预算.
    auto ends = [&key](std::string_view word) {
        return key.size() >= word.size() &&
               key.compare(key.size() - word.size(), word.size(), word) == 0;
    };
    const Table* summary = first_table(document, TableKind::IncomeExpenditureSummary);
    const Table* income = first_table(document, TableKind::IncomeSummary);
    const Table* spending = first_table(document, TableKind::ExpenditureSummary);
    const Table* fiscal = first_table(document, TableKind::FiscalAppropriationSummary);
    const Table* general = first_table(document, TableKind::GeneralPublicExpenditure);
    const Table* basic = first_table(document, TableKind::GeneralPublicBasicExpenditure);
    const Table* three = first_table(document, TableKind::ThreePublicExpenses);
    const Table* projects = first_table(document, TableKind::ProjectExpenditure);
    const Table* targets = first_table(document, TableKind::PerformanceTargets);

    auto three_public = [&](ThreePublicItem item, std::string what) -> Target {
        if (three == nullptr) {
            return {};
        }
        for (const ThreePublicFigure& f : three->three_public) {
            if (f.item == item && f.period == Period::BudgetYear &&
                f.quantity == Quantity::Amount) {
                return grid_target(three, f.side, f.row, f.column, std::move(what));
            }
        }
        if (three->is_empty() && three->three_public.empty()) {
            // An empty horizontal table prints no row: its figures are all zero by its note.
            return {};
        }
        return {};
    };
    auto table_total = [](const Table* table, Spending kind, std::string what) -> Target {
        if (table == nullptr) {
            return {};
        }
        const TableSide& side = table->sides[0];
        int column = column_where(side, kind);
        if (column < 0 && kind == Spending::Basic &&
            table->kind == TableKind::GeneralPublicBasicExpenditure) {
            column = column_where(side, Spending::All);
        }
        return grid_target(table, 0, total_row(side), column, std::move(what));
    };
    auto sum_columns = [&](const Table* table, auto predicate, std::string what) -> Target {
        Target target;
        if (table == nullptr) {
            return target;
        }
        const TableSide& side = table->sides[0];
        const int row = total_row(side);
        if (row < 0) {
            return target;
        }
        for (std::size_t c = 0; c < side.columns.size(); ++c) {
            if (side.columns[c].meaning.is_value() && predicate(side.columns[c].meaning)) {
                const CellAt at{table, 0, row, static_cast<int>(c)};
                target.cells.push_back(at);
                target.figures.push_back(figure_of(at));
            }
        }
        target.what = std::move(what);
        return target;
    };

    if (has("三公"))
        return three_public(ThreePublicItem::Total, "“三公”经费合计");
    if (has("因公出国"))
        return three_public(ThreePublicItem::OverseasTravel, "因公出国（境）费");
    if (has("公务接待"))
        return three_public(ThreePublicItem::Reception, "公务接待费");
    if (has("公务用车购置及运行"))
        return three_public(ThreePublicItem::VehicleTotal, "公务用车购置及运行费");
    if (has("公务用车运行"))
        return three_public(ThreePublicItem::VehicleOperation, "公务用车运行维护费");
    if (has("公务用车购置"))
        return three_public(ThreePublicItem::VehiclePurchase, "公务用车购置费");
    if (has("机关运行经费"))
        return three_public(ThreePublicItem::OperatingExpenses, "机关运行经费");
    if (has("政府采购"))
        return {};
    if (topic == Topic::Performance || has("涉及")) {
        if (has("一般公共预算")) {
            return table_total(general, Spending::Project, "一般公共预算支出表 项目支出合计");
        }
        Target target;
        if (targets != nullptr) {
            for (const ProjectTargets& project : targets->projects) {
                for (const FundLine& line : project.funds) {
                    if (line.kind == FundLineKind::Total && line.cell.amount() != nullptr) {
                        Figure figure;
                        figure.amount = *line.cell.amount();
                        figure.unit = targets->money_unit;
                        figure.ref = CellRef{targets->title,
                                             targets->json_index,
                                             Side::Whole,
                                             project.project,
                                             line.label,
                                             line.cell.printed,
                                             std::string(to_string(targets->money_unit)),
                                             line.cell.source};
                        target.figures.push_back(figure);
                    }
                }
            }
            target.what = "the projects' 年度资金总额 in 项目支出绩效目标表";
        }
        return target;
    }
    if (has("人员经费"))
        return basic != nullptr
                   ? table_total(basic, Spending::Personnel, "基本支出表 人员经费合计")
                   : table_total(general, Spending::Personnel, "一般公共预算支出表 人员经费合计");
    if (has("公用经费"))
        return basic != nullptr
                   ? table_total(basic, Spending::Public, "基本支出表 公用经费合计")
                   : table_total(general, Spending::Public, "一般公共预算支出表 公用经费合计");
    if (has("一般公共预算基本支出"))
        return table_total(basic != nullptr ? basic : general, Spending::Basic,
                           "一般公共预算基本支出合计");
    if (topic == Topic::Projects) {
        if (has("本年拨款") || has("当年拨款")) {
            return sum_columns(
                projects,
                [](const ColumnMeaning& m) {
                    return m.stage == Stage::CurrentYear && m.quantity == Quantity::Amount;
                },
                "项目支出表 合计行 本年预算各列");
        }
        if (has("结转")) {
            return sum_columns(
                projects,
                [](const ColumnMeaning& m) {
                    return m.stage == Stage::CarryOver && m.quantity == Quantity::Amount &&
                           (m.source == FundSource::GeneralPublic ||
                            m.source == FundSource::GovernmentFund ||
                            m.source == FundSource::StateCapital || m.source == FundSource::Fiscal);
                },
                "项目支出表 合计行 财政拨款结转各列");
        }
        if (has("项目支出"))
            return table_total(projects != nullptr ? projects : spending,
                               projects != nullptr ? Spending::All : Spending::Project,
                               "项目支出合计");
    }
    if (has("基本支出") || has("项目支出")) {
        const Spending kind = has("基本支出") ? Spending::Basic : Spending::Project;
        const bool general_topic =
            topic == Topic::GeneralPublic || topic == Topic::Basic || has("一般公共预算");
        return table_total(general_topic ? general : spending, kind,
                           general_topic ? "一般公共预算支出表 合计行" : "支出总表 合计行");
    }
    if (ends("财政拨款收支总预算") || (topic == Topic::Fiscal && ends("总预算"))) {
        return summary_target(fiscal, 0, LineItem::IncomeGrandTotal, Stage::All,
                              "财政拨款收支总表 收入总计");
    }
    if (has("一般公共预算拨款结转")) {
        if (income != nullptr) {
            const int column = find_column(income->sides[0], [](const ColumnMeaning& m) {
                return m.source == FundSource::GeneralPublic && m.stage == Stage::CarryOver &&
                       m.quantity == Quantity::Amount;
            });
            Target target = grid_target(income, 0, total_row(income->sides[0]), column,
                                        "收入总表 一般公共预算拨款结转");
            if (!target.figures.empty()) {
                return target;
            }
        }
        return summary_target(summary, 0, LineItem::GeneralPublicIncome, Stage::CarryOver,
                              "收支总表 一般公共预算拨款 上年结转");
    }
    if (has("上年结转")) {
        if (topic == Topic::Fiscal) {
            Target target = summary_target(fiscal, 0, LineItem::CarryOver, Stage::CarryOver,
                                           "财政拨款收支总表 上年结转");
            return target.figures.empty()
                       ? summary_target(fiscal, 0, LineItem::IncomeGrandTotal, Stage::CarryOver,
                                        "财政拨款收支总表 上年结转")
                       : target;
        }
        Target target =
            summary_target(summary, 0, LineItem::CarryOver, Stage::CarryOver, "收支总表 上年结转");
        return target.figures.empty() ? summary_target(summary, 0, LineItem::IncomeGrandTotal,
                                                       Stage::CarryOver, "收支总表 上年结转")
                                      : target;
    }
    if (has("一般公共预算") &&
        (has("拨款收入") || topic == Topic::Fiscal || topic == Topic::Income)) {
        return topic == Topic::Fiscal
                   ? summary_target(fiscal, 0, LineItem::GeneralPublicIncome, Stage::CurrentYear,
                                    "财政拨款收支总表 一般公共预算拨款")
                   : summary_target(summary, 0, LineItem::GeneralPublicIncome, Stage::CurrentYear,
                                    "收支总表 一般公共预算拨款收入");
    }
    if (has("一般公共预算"))
        return table_total(general, Spending::All, "一般公共预算支出表 合计");
    if (has("本年收入") || has("本年预算")) {
        if (topic == Topic::Fiscal) {
            Target target = summary_target(fiscal, 0, LineItem::CurrentYearIncome,
                                           Stage::CurrentYear, "财政拨款收支总表 本年收入");
            return target.figures.empty()
                       ? summary_target(fiscal, 0, LineItem::IncomeGrandTotal, Stage::CurrentYear,
                                        "财政拨款收支总表 本年收入")
                       : target;
        }
        Target target = summary_target(summary, 0, LineItem::CurrentYearIncomeTotal,
                                       Stage::CurrentYear, "收支总表 本年收入合计");
        return target;
    }
    const std::pair<std::string_view, LineItem> income_lines[] = {
        {"使用非财政拨款结余", LineItem::NonFiscalBalanceUse},
        {"事业单位经营收入", LineItem::OperatingIncome},
        {"事业收入", LineItem::BusinessIncome},
        {"上级补助收入", LineItem::SuperiorSubsidyIncome},
        {"附属单位上缴收入", LineItem::AffiliateRemittanceIncome},
        {"其他收入", LineItem::OtherIncome},
    };
    for (const auto& [word, item] : income_lines) {
        if (has(word)) {
            return summary_target(summary, 0, item, Stage::CurrentYear,
                                  fmt::format("收支总表 {}", word));
        }
    }
    if (ends("收支总预算") || ends("收入预算") || ends("收支预算") || ends("收入总计")) {
        return summary_target(summary, 0, LineItem::IncomeGrandTotal, Stage::All,
                              "收支总表 收入总计");
    }
    if (ends("支出预算") || ends("支出总计")) {
        return summary_target(summary, 1, LineItem::ExpenditureGrandTotal, Stage::All,
                              "收支总表 支出总计");
    }
    // A functional subject, in the table the section is about.
    std::vector<std::pair<const Table*, int>> candidates;
    switch (topic) {
        case Topic::Fiscal:
            candidates = {{fiscal, 1}};
            break;
        case Topic::GeneralPublic:
            candidates = {{general, 0}};
            break;
        case Topic::Summary:
        case Topic::Income:
        case Topic::Spending:
            candidates = {{summary, 1}, {spending, 0}};
            break;
        default:
            candidates = {{general, 0}, {spending, 0}};
            break;
    }
    for (const auto& [table, side] : candidates) {
        if (table == nullptr || static_cast<std::size_t>(side) >= table->sides.size()) {
            continue;
        }
        const TableSide& s = table->sides[static_cast<std::size_t>(side)];
        const int row = subject_row(s, key);
        if (row < 0) {
            continue;
        }
        int column = column_where(s, Spending::All);
        if (column < 0) {
            column = find_column(s, [](const ColumnMeaning& m) {
                return m.period == Period::BudgetYear && m.quantity == Quantity::Amount &&
                       m.stage == Stage::All;
            });
        }
        return grid_target(
            table, side, row, column,
            fmt::format("{} {}", table->title, row_name(s.rows[static_cast<std::size_t>(row)])));
    }
    return {};
}

// Does the printed claim quote this value? A figure quoted with fewer decimals than the table
// (31.6 for 31.60, 3662 for 3662.00) quotes the table's value rounded to those decimals.
bool quotes(const Claim& claim, Decimal value) {
    if (auto fitted = value.with_scale(claim.decimals)) {
        return *fitted == claim.value;
    }
    const auto rounded = value.divided_by(Decimal::from_integer(1), claim.decimals);
    return rounded && *rounded == claim.value;
}

std::optional<MoneyUnit> unit_of(const Claim& claim) {
    return parse_money_unit(claim.unit);
}

// The target's value in the claim's unit, exactly.
std::optional<Decimal> value_in(const Target& target, MoneyUnit unit) {
    std::optional<Decimal> sum = Decimal();
    for (const Figure& figure : target.figures) {
        const auto converted = figure.amount.in_unit(figure.unit, unit);
        sum = sum && converted ? sum->plus(*converted) : std::nullopt;
    }
    return sum;
}

CellRef claim_ref(const Claim& claim) {
    CellRef ref;
    ref.table = claim.source.block == "profile" ? "单位概况 · " + claim.source.heading
                : claim.source.block == "notes" ? claim.source.heading + " · 注"
                                                : "情况说明 · " + claim.source.heading;
    ref.table_index = -1;
    ref.row = claim.subject;
    ref.printed = claim.printed;
    ref.unit = claim.unit;
    ref.source = claim.source.location;
    return ref;
}

std::vector<CellRef> refs_of(const Target& target) {
    std::vector<CellRef> out;
    for (const Figure& figure : target.figures) {
        out.push_back(figure.reference());
    }
    return out;
}

std::string shown(const Target& target, MoneyUnit unit, int decimals) {
    const auto value = value_in(target, unit);
    if (!value) {
        return "?";
    }
    return value->with_scale(std::max(decimals, value->scale())).value_or(*value).to_string();
}

Finding mismatch(const RuleContext& context, const Claim& claim, const std::vector<CellRef>& cells,
                 std::string expected, std::string en, std::string zh) {
    Finding finding;
    finding.severity = context.rule().default_severity;
    finding.cells = {claim_ref(claim)};
    finding.cells.insert(finding.cells.end(), cells.begin(), cells.end());
    finding.expected = std::move(expected);
    finding.actual = claim.printed;
    finding.message_en = std::move(en);
    finding.message_zh = std::move(zh);
    return finding;
}

}  // namespace

void narrative_amounts(const Document& document, RuleContext& context) {
    const auto& claims = context.claims();
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const Claim& claim = claims[i];
        const auto unit = unit_of(claim);
        if (claim.kind != ClaimKind::Amount || !unit) {
            continue;
        }
        const Target target = resolve(document, claim);
        if (target.figures.empty()) {
            continue;
        }
        const auto value = value_in(target, *unit);
        if (!value) {
            continue;
        }
        std::vector<CellRef> cells{claim_ref(claim)};
        const auto others = refs_of(target);
        cells.insert(cells.end(), others.begin(), others.end());
        context.count_checked(cells);
        if (quotes(claim, *value)) {
            context.settle_claim(i, ClaimStatus::Verified, target.what, others);
            continue;
        }
        const std::string expected = shown(target, *unit, claim.decimals);
        Finding finding =
            mismatch(context, claim, others, expected,
                     fmt::format("the narrative quotes {} for {}, but {} prints {} {}",
                                 claim.printed, claim.subject, target.what, expected, claim.unit),
                     fmt::format("情况说明称{}为 {}，而{}列示 {} {}", claim.subject, claim.printed,
                                 target.what, expected, claim.unit));
        finding.arithmetic = fmt::format("{} ≠ {} {}", claim.printed, expected, claim.unit);
        finding.difference = claim.value.minus(*value).value_or(Decimal()).to_string();
        context.report(std::move(finding));
        context.settle_claim(i, ClaimStatus::Mismatched,
                             fmt::format("{} prints {}", target.what, expected), others);
    }
}

void narrative_shares(const Document&, RuleContext& context) {
    const auto& claims = context.claims();
    // Shares of one whole, to tell a share bent to make them add up to 100%.
    std::map<int, std::vector<std::size_t>> by_whole;
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const Claim& claim = claims[i];
        if (claim.kind != ClaimKind::Share) {
            continue;
        }
        if (claim.part < 0 || claim.whole < 0) {
            context.settle_claim(i, ClaimStatus::Unverifiable,
                                 "the share's part or whole is not quoted");
            continue;
        }
        const Claim& part = claims[static_cast<std::size_t>(claim.part)];
        const Claim& whole = claims[static_cast<std::size_t>(claim.whole)];
        auto figure = [](const Claim& c) {
            Figure f;
            f.amount = Amount::number(c.value, c.decimals);
            f.unit = parse_money_unit(c.unit).value_or(MoneyUnit::Yuan);
            f.exact = !parse_money_unit(c.unit).has_value();
            f.ref = claim_ref(c);
            return f;
        };
        by_whole[claim.whole].push_back(i);
        const Verdict verdict = context.check_ratio(
            figure(claim), Percentage::number(claim.value, claim.decimals), figure(part),
            figure(whole), false,
            {fmt::format("{} ÷ {} is", part.printed, whole.printed),
             fmt::format("{} ÷ {} 为", part.printed, whole.printed), Axis::Other});
        context.settle_claim(
            i, verdict == Verdict::Inconsistent ? ClaimStatus::Mismatched : ClaimStatus::Verified,
            fmt::format("{} of {} ({})", part.subject, whole.subject, whole.printed));
    }
    // A set of shares that prints exactly 100% while one of them is off: it was bent.
    for (const auto& [whole, members] : by_whole) {
        Decimal printed_sum;
        std::vector<std::size_t> wrong;
        for (std::size_t i : members) {
            printed_sum = printed_sum.plus(claims[i].value).value_or(printed_sum);
            if (context.claim_result(i).status == ClaimStatus::Mismatched) {
                wrong.push_back(i);
            }
        }
        if (members.size() < 2 || wrong.size() != 1 ||
            !(printed_sum == Decimal::from_integer(100))) {
            continue;
        }
        std::string list;
        for (std::size_t i : members) {
            list +=
                list.empty() ? claims[i].value.to_string() : " + " + claims[i].value.to_string();
        }
        const Claim& bent = claims[wrong.front()];
        const Claim& bent_part = claims[static_cast<std::size_t>(bent.part)];
        const auto honest =
            Decimal::from_integer(100)
                .times(bent_part.value)
                .value_or(Decimal())
                .divided_by(claims[static_cast<std::size_t>(whole)].value, bent.decimals);
        const std::string hint = fmt::format(
            "the shares of {} print {} = 100%; the figures give {}% for this one, so {} looks bent "
            "to make the shares add up to 100%",
            claims[static_cast<std::size_t>(whole)].subject, list,
            honest ? honest->to_string() : "?", bent.printed);
        context.add_hint(claims[wrong.front()].source.location, hint);
    }
}

void narrative_changes(const Document& document, RuleContext& context) {
    const auto& claims = context.claims();
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const Claim& claim = claims[i];
        if (claim.kind != ClaimKind::Change) {
            continue;
        }
        const Claim* base =
            claim.of_claim >= 0 ? &claims[static_cast<std::size_t>(claim.of_claim)] : nullptr;
        const Target target = base != nullptr ? resolve(document, *base) : Target{};
        std::optional<Decimal> table_change;
        std::vector<CellRef> cells;
        std::string what;
        if (target.cells.size() == 1) {
            const CellAt& at = target.cells.front();
            const TableSide& side = at.side_ref();
            const Period period = claim.basis == Period::PriorYearExecution
                                      ? Period::ChangeVsPriorExecution
                                      : Period::ChangeVsPriorBudget;
            const Period prior = claim.basis;
            const ColumnMeaning& m = at.column_ref().meaning;
            const int change_column = find_column(side, [&](const ColumnMeaning& o) {
                return o.period == period &&
                       o.quantity ==
                           (claim.is_rate ? Quantity::ChangePercent : Quantity::ChangeAmount) &&
                       o.excludes_capital_construction == m.excludes_capital_construction &&
                       o.spending == m.spending;
            });
            const int prior_column = find_column(side, [&](const ColumnMeaning& o) {
                return o.period == prior && o.quantity == Quantity::Amount &&
                       o.excludes_capital_construction == m.excludes_capital_construction &&
                       o.spending == m.spending;
            });
            if (change_column >= 0) {
                const CellAt cell{at.table, at.side, at.row, change_column};
                cells = {ref_of(cell)};
                what = fmt::format("{} × {}", ref_of(cell).row, ref_of(cell).column);
                if (claim.is_rate && cell.cell().percentage() != nullptr) {
                    table_change = cell.cell().percentage()->points();
                } else if (!claim.is_rate && cell.amount() != nullptr) {
                    table_change = cell.amount()->value();
                }
            } else if (prior_column >= 0 && !claim.is_rate && at.amount() != nullptr &&
                       CellAt{at.table, at.side, at.row, prior_column}.amount() != nullptr) {
                const CellAt cell{at.table, at.side, at.row, prior_column};
                cells = {ref_of(at), ref_of(cell)};
                what = fmt::format("{} − {}", at.cell().printed, cell.cell().printed);
                table_change = at.amount()->value().minus(cell.amount()->value());
            }
        }
        if (!table_change) {
            // Nothing to compare with: say so, and still check the words agree with the figure.
            const bool contradicts = claim.direction && *claim.direction != 0 &&
                                     claim.value.is_zero() && claim.printed != "持平";
            if (contradicts) {
                Finding finding =
                    mismatch(context, claim, {}, "a non-zero change",
                             fmt::format("the narrative calls a change of {} an {}", claim.printed,
                                         *claim.direction > 0 ? "increase" : "decrease"),
                             fmt::format("情况说明将 {} 的变化称为{}", claim.printed,
                                         *claim.direction > 0 ? "增加" : "减少"));
                context.report(std::move(finding));
                context.settle_claim(i, ClaimStatus::Mismatched,
                                     "the words and the figure disagree");
            } else {
                context.settle_claim(i, ClaimStatus::Unverifiable,
                                     claim.basis == Period::PriorYearExecution
                                         ? "the tables print no prior-year execution for this line"
                                         : "the tables print no prior-year budget for this line");
            }
            continue;
        }
        const int sign = table_change->sign();
        const auto magnitude = table_change->abs().value_or(*table_change);
        const bool same_direction =
            !claim.direction || *claim.direction == sign || (claim.printed == "持平" && sign == 0);
        const bool same_size = claim.printed == "持平" || claim.printed == "相同"
                                   ? table_change->is_zero()
                                   : quotes(claim, magnitude);
        std::vector<CellRef> all{claim_ref(claim)};
        all.insert(all.end(), cells.begin(), cells.end());
        context.count_checked(all);
        if (same_direction && same_size) {
            context.settle_claim(i, ClaimStatus::Verified, what, cells);
            continue;
        }
        const std::string expected = table_change->to_string() + (claim.is_rate ? "%" : "");
        const std::string words =
            !claim.direction ? ""
                             : (*claim.direction > 0
                                    ? "an increase of "
                                    : (*claim.direction < 0 ? "a decrease of " : "no change, "));
        Finding finding = mismatch(
            context, claim, cells, expected,
            fmt::format(
                "the narrative states {}{} for {}, but the table prints a change of {} ({})", words,
                claim.printed, claim.subject, expected, what),
            fmt::format("情况说明称{}变化 {}，而表中增减为 {}（{}）", claim.subject, claim.printed,
                        expected, what));
        finding.arithmetic =
            fmt::format("{}{} ≠ {}", !claim.direction || *claim.direction >= 0 ? "" : "−",
                        claim.printed, expected);
        context.report(std::move(finding));
        context.settle_claim(i, ClaimStatus::Mismatched,
                             fmt::format("the table prints {}", expected), cells);
    }
}

void narrative_counts(const Document& document, RuleContext& context) {
    const auto& claims = context.claims();
    const Table* projects = first_table(document, TableKind::ProjectExpenditure);
    const Table* targets = first_table(document, TableKind::PerformanceTargets);
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const Claim& claim = claims[i];
        if (claim.kind != ClaimKind::Count) {
            continue;
        }
        std::optional<int> actual;
        std::string what;
        std::vector<CellRef> cells;
        const std::string noun = label_key(claim.noun);
        if (claim.listed >= 0) {
            actual = claim.listed;
            what = fmt::format("the {} items listed after it", claim.listed);
        } else if ((noun.find("一级项目") != std::string::npos ||
                    noun.find("二级项目") != std::string::npos) &&
                   projects != nullptr) {
            const bool first_level = noun.find("一级项目") != std::string::npos;
            std::vector<std::string> names;
            for (const Row& row : projects->sides[0].rows) {
                if (row.role == (first_level ? RowRole::ProjectLevel1 : RowRole::ProjectLevel2) &&
                    (!first_level ||
                     std::find(names.begin(), names.end(), label_key(row.label)) == names.end())) {
                    names.push_back(label_key(row.label));
                }
            }
            actual = static_cast<int>(names.size());
            what = fmt::format(
                "{} lists {} {}", projects->title, names.size(),
                first_level ? "distinct first-level projects" : "second-level projects");
            CellRef ref;
            ref.table = projects->title;
            ref.table_index = projects->json_index;
            ref.source = projects->source;
            cells = {ref};
        } else if (noun.find("项目") != std::string::npos &&
                   noun.find("级项目") == std::string::npos &&
                   topic_of(claim.source) == Topic::Performance && targets != nullptr) {
            actual = static_cast<int>(targets->projects.size());
            what = fmt::format("{} sets targets for {} projects", targets->title,
                               targets->projects.size());
            CellRef ref;
            ref.table = targets->title;
            ref.table_index = targets->json_index;
            ref.source = targets->source;
            cells = {ref};
        }
        if (!actual) {
            context.settle_claim(i, ClaimStatus::Unverifiable,
                                 noun.find("级项目") != std::string::npos
                                     ? "no 项目支出表 is printed to count projects in"
                                     : "no table or list gives this count");
            continue;
        }
        std::vector<CellRef> all{claim_ref(claim)};
        all.insert(all.end(), cells.begin(), cells.end());
        context.count_checked(all);
        if (claim.value == Decimal::from_integer(*actual)) {
            context.settle_claim(i, ClaimStatus::Verified, what, cells);
            continue;
        }
        Finding finding =
            mismatch(context, claim, cells, std::to_string(*actual),
                     fmt::format("the text counts {} {}, but {}", claim.printed, claim.noun, what),
                     fmt::format("文中称{} {}，但{}", claim.noun, claim.printed, what));
        finding.arithmetic = fmt::format("{} ≠ {}", claim.value.to_string(), *actual);
        context.report(std::move(finding));
        context.settle_claim(i, ClaimStatus::Mismatched, what, cells);
    }
}

void narrative_breakdowns(const Document&, RuleContext& context) {
    const auto& claims = context.claims();
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const Claim& claim = claims[i];
        if (claim.kind != ClaimKind::Breakdown || claim.whole < 0 || claim.parts.empty()) {
            continue;
        }
        const Claim& whole = claims[static_cast<std::size_t>(claim.whole)];
        auto figure = [](const Claim& c) {
            Figure f;
            f.amount = Amount::number(c.value, c.decimals);
            const auto unit = parse_money_unit(c.unit);
            f.unit = unit.value_or(MoneyUnit::Yuan);
            f.exact = !unit.has_value();  // counts of people or things are exact
            f.ref = claim_ref(c);
            return f;
        };
        Verdict verdict;
        if (claim.parts.size() == 1) {
            verdict = context.check_at_most(
                figure(claims[static_cast<std::size_t>(claim.parts.front())]), figure(whole),
                {"as a part (其中) it can be at most", "作为“其中”部分不应超过", Axis::Other});
        } else {
            std::vector<std::pair<int, Figure>> parts;
            for (int part : claim.parts) {
                parts.emplace_back(1, figure(claims[static_cast<std::size_t>(part)]));
            }
            verdict = context.check_sum(
                figure(whole), parts,
                {"the parts listed after it add up to", "其后所列各项之和为", Axis::Other});
        }
        context.settle_claim(
            i, verdict == Verdict::Inconsistent ? ClaimStatus::Mismatched : ClaimStatus::Verified,
            fmt::format("{} parts of {}", claim.parts.size(), whole.subject));
    }
}

void table_unit_names(const Document& document, RuleContext& context,
                      std::vector<std::string>& reported);

void narrative_unit_name(const Document& document, RuleContext& context) {
    const std::u32string name = decode_utf8(label_key(document.unit));
    if (name.size() < 4) {
        return;
    }
    const std::u32string head = name.substr(0, 2);
    const std::u32string tail = name.substr(name.size() - 2);
    std::vector<const TextSection*> texts;
    for (const TextSection& s : document.profile) {
        texts.push_back(&s);
    }
    for (const TextSection& s : document.narrative) {
        texts.push_back(&s);
    }
    std::vector<std::string> reported;
    table_unit_names(document, context, reported);
    for (const TextSection* section : texts) {
        const std::u32string original = decode_utf8(section->text);
        const std::u32string text = decode_utf8(fold_width(section->text));
        for (std::size_t at = text.find(head); at != std::u32string::npos;
             at = text.find(head, at + 1)) {
            // A candidate spelling: from the name's first characters to its last ones, about as
            // long.
            const std::size_t lo = name.size() > 3 ? name.size() - 3 : 1;
            for (std::size_t length = lo; length <= name.size() + 3 && at + length <= text.size();
                 ++length) {
                const std::u32string_view candidate(text.data() + at, length);
                if (candidate.substr(length - 2) != tail) {
                    continue;
                }
                const std::size_t distance = edit_distance(candidate, name);
                if (distance == 0) {
                    break;
                }
                if (distance > 3) {
                    continue;
                }
                const std::string spelled =
                    encode_utf8(std::u32string_view(original).substr(at, length));
                context.count_checked({});
                if (std::find(reported.begin(), reported.end(), spelled) != reported.end()) {
                    break;
                }
                reported.push_back(spelled);
                CellRef ref;
                ref.table = section->heading;
                ref.row = spelled;
                ref.printed = spelled;
                ref.source = locate_in_string(section->text_source, section->raw, at);
                Finding finding;
                finding.severity = context.rule().default_severity;
                finding.cells = {ref};
                finding.expected = document.unit;
                finding.actual = spelled;
                finding.message_en =
                    fmt::format("the unit is named {} here but {} in the document's title", spelled,
                                document.unit);
                finding.message_zh =
                    fmt::format("此处单位名称为“{}”，与“{}”不一致", spelled, document.unit);
                context.report(std::move(finding));
                break;
            }
        }
    }
}

// The unit's name where tables print it: a unit row of 收入总表, a performance project's 单位名称.
void table_unit_names(const Document& document, RuleContext& context,
                      std::vector<std::string>& reported) {
    const std::string name = label_key(document.unit);
    auto check = [&](std::string printed, const SourceLocation& where, const std::string& table) {
        std::string key = label_key(printed);
        // "117009-吉林省…": a unit code printed before the name.
        if (const auto dash = key.find('-');
            dash != std::string::npos && dash < 10 &&
            std::all_of(key.begin(), key.begin() + static_cast<std::ptrdiff_t>(dash), ::isdigit)) {
            key.erase(0, dash + 1);
        }
        const std::size_t distance = edit_distance(decode_utf8(key), decode_utf8(name));
        context.count_checked({});
        if (distance == 0 || distance > 3 ||
            std::find(reported.begin(), reported.end(), key) != reported.end()) {
            return;
        }
        reported.push_back(key);
        CellRef ref;
        ref.table = table;
        ref.row = printed;
        ref.printed = printed;
        ref.source = where;
        Finding finding;
        finding.severity = context.rule().default_severity;
        finding.cells = {ref};
        finding.expected = document.unit;
        finding.actual = printed;
        finding.message_en = fmt::format("{} names the unit {} but the document's title {}", table,
                                         printed, document.unit);
        finding.message_zh =
            fmt::format("{}中单位名称为“{}”，与“{}”不一致", table, printed, document.unit);
        context.report(std::move(finding));
    };
    for (const Table& table : document.tables) {
        for (const TableSide& side : table.sides) {
            for (const Row& row : side.rows) {
                if (row.role == RowRole::Unit && !row.label.empty()) {
                    check(row.label, row.source, table.title);
                }
            }
        }
        for (const ProjectTargets& project : table.projects) {
            if (!project.unit.empty()) {
                check(project.unit, project.source, table.title);
            }
        }
    }
}

void narrative_unverifiable(const Document&, RuleContext& context) {
    const auto& claims = context.claims();
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const ClaimResult& result = context.claim_result(i);
        if (result.status != ClaimStatus::Unverifiable || claims[i].kind == ClaimKind::Breakdown) {
            continue;
        }
        const Claim& claim = claims[i];
        Finding finding;
        finding.severity = context.rule().default_severity;
        finding.cells = {claim_ref(claim)};
        finding.actual = claim.printed;
        finding.message_en = fmt::format("{} {} ({}) cannot be checked: {}", claim.subject,
                                         claim.printed, to_string(claim.kind), result.reason);
        finding.message_zh =
            fmt::format("{} {} 无法核对：{}", claim.subject, claim.printed, result.reason);
        context.report(std::move(finding));
    }
}

}  // namespace budgetcheck::rules
