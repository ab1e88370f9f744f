// Performance targets: indicator weights add up to the scheme's total, fund lines add up, every
// project has output, effect and satisfaction indicators, and indicator values are well-formed
// and plausible.
#include <algorithm>

#include <fmt/format.h>

#include "families.hpp"

namespace budgetcheck::rules {

namespace {

CellRef project_ref(const Table& table, const ProjectTargets& project, const Cell& cell,
                    std::string column) {
    return CellRef{table.title,
                   table.json_index,
                   Side::Whole,
                   project.project,
                   std::move(column),
                   cell.printed,
                   std::string(to_string(table.money_unit)),
                   cell.source};
}

Figure exact_figure(const Table& table, const ProjectTargets& project, const Cell& cell,
                    std::string column) {
    Figure figure;
    if (const Amount* amount = cell.amount(); amount != nullptr && !cell.invalid) {
        figure.amount = *amount;
    }
    figure.unit = MoneyUnit::Yuan;  // weights are points, not money; any unit gives the same sums
    figure.exact = true;
    figure.ref = project_ref(table, project, cell, std::move(column));
    return figure;
}

}  // namespace

void weights(const Document& document, RuleContext& context) {
    for (const Table* table : document.tables_of(TableKind::PerformanceTargets)) {
        for (const ProjectTargets& project : table->projects) {
            std::vector<std::pair<int, Figure>> parts;
            std::optional<Decimal> sum = Decimal();
            for (const Indicator& indicator : project.indicators) {
                if (indicator.weight.amount() == nullptr ||
                    !indicator.weight.amount()->is_printed()) {
                    continue;
                }
                parts.emplace_back(1, exact_figure(*table, project, indicator.weight,
                                                   indicator.level3 + " · 权重"));
                sum = sum ? sum->plus(indicator.weight.amount()->value()) : std::nullopt;
            }
            if (parts.empty() || !sum) {
                context.skip(
                    fmt::format("project {} prints no indicator weights", project.project),
                    fmt::format("项目“{}”未列示指标分值", project.project));
                continue;
            }
            Decimal outside;  // 执行率 and the like, printed apart from the indicators
            for (const auto& [label, cell] : project.score_weights) {
                if (cell.amount() != nullptr && !cell.invalid) {
                    outside = outside.plus(cell.amount()->value()).value_or(outside);
                }
            }
            const IdentityText text{"its indicator weights add up to", "指标权重合计为",
                                    Axis::Other};
            if (project.weights_total) {
                const Figure printed_total =
                    exact_figure(*table, project, *project.weights_total, "分值权重合计");
                context.check_sum(printed_total, parts, text);
                if (!project.score_weights.empty()) {
                    // The printed total and the weights printed apart (执行率) make up the 100
                    // points.
                    std::vector<std::pair<int, Figure>> scheme{{1, printed_total}};
                    for (const auto& [label, cell] : project.score_weights) {
                        scheme.emplace_back(1, exact_figure(*table, project, cell, label));
                    }
                    Figure hundred_points;
                    hundred_points.exact = true;
                    hundred_points.unit = MoneyUnit::Yuan;
                    hundred_points.amount = Amount::number(Decimal::from_integer(100), 0);
                    Cell anchor;
                    anchor.printed = "100";
                    anchor.source = project.source;
                    hundred_points.ref = project_ref(*table, project, anchor, "总分 (100)");
                    context.check_sum(
                        hundred_points, scheme,
                        {"the printed weight total and the weights printed apart add up to",
                         "分值权重与单列分值之和为", Axis::Other});
                }
                continue;
            }
            Figure target;
            target.exact = true;
            target.unit = MoneyUnit::Yuan;
            const bool implicit = project.score_weights.empty();
            const Decimal hundred = Decimal::from_integer(100);
            Decimal expected = hundred.minus(outside).value_or(hundred);
            if (implicit && *sum == Decimal::from_integer(100)) {
                expected = hundred;
            } else if (implicit) {
                expected = Decimal::from_integer(90);  // the 10 points of 执行率 are left implicit
            }
            target.amount = Amount::number(expected, 0);
            Cell scheme;
            scheme.printed = expected.to_string();
            scheme.source = project.source;
            target.ref = project_ref(*table, project, scheme,
                                     implicit ? "权重合计 (100, or 90 with 执行率 implicit)"
                                              : "权重合计 (100 − 执行率)");
            context.check_sum(target, parts, text);
        }
    }
}

void funds_sum(const Document& document, RuleContext& context) {
    for (const Table* table : document.tables_of(TableKind::PerformanceTargets)) {
        for (const ProjectTargets& project : table->projects) {
            const FundLine* total = nullptr;
            std::vector<std::pair<int, Figure>> parts;
            for (const FundLine& line : project.funds) {
                if (line.cell.amount() == nullptr) {
                    continue;
                }
                Figure figure;
                figure.amount = *line.cell.amount();
                figure.unit = table->money_unit;
                figure.ref = project_ref(*table, project, line.cell, line.label);
                if (line.kind == FundLineKind::Total) {
                    total = &line;
                } else if (line.kind != FundLineKind::Unknown) {
                    parts.emplace_back(1, figure);
                }
            }
            if (total == nullptr || parts.empty()) {
                continue;
            }
            Figure whole;
            whole.amount = *total->cell.amount();
            whole.unit = table->money_unit;
            whole.ref = project_ref(*table, project, total->cell, total->label);
            context.check_sum(whole, parts,
                              {"its fund lines add up to", "各资金来源之和为", Axis::Other});
        }
    }
}

void indicator_categories(const Document& document, RuleContext& context) {
    for (const Table* table : document.tables_of(TableKind::PerformanceTargets)) {
        for (const ProjectTargets& project : table->projects) {
            std::vector<std::string> missing;
            const std::pair<IndicatorCategory, std::string_view> needed[] = {
                {IndicatorCategory::Output, "产出指标"},
                {IndicatorCategory::Effect, "效益指标"},
                {IndicatorCategory::Satisfaction, "满意度指标"},
            };
            for (const auto& [category, name] : needed) {
                const bool present = std::any_of(
                    project.indicators.begin(), project.indicators.end(),
                    [category = category](const Indicator& i) { return i.category == category; });
                if (!present) {
                    missing.emplace_back(name);
                }
            }
            Cell anchor;
            anchor.printed = project.project;
            anchor.source = project.source;
            const CellRef ref = project_ref(*table, project, anchor, "一级指标");
            context.count_checked({ref});
            if (missing.empty()) {
                continue;
            }
            std::string list;
            for (const std::string& name : missing) {
                list += list.empty() ? name : "、" + name;
            }
            Finding finding;
            finding.severity = context.rule().default_severity;
            finding.cells = {ref};
            finding.expected = "产出指标、效益指标、满意度指标";
            finding.actual = fmt::format("no {}", list);
            finding.message_en = fmt::format("project {} has no {}", project.project, list);
            finding.message_zh = fmt::format("项目“{}”缺少{}", project.project, list);
            context.report(std::move(finding));
        }
    }
}

void indicator_format(const Document& document, RuleContext& context) {
    for (const Table* table : document.tables_of(TableKind::PerformanceTargets)) {
        for (const ProjectTargets& project : table->projects) {
            for (const Indicator& indicator : project.indicators) {
                const CellRef ref =
                    project_ref(*table, project, indicator.value, indicator.level3 + " · 指标值");
                const std::string value = trim(indicator.value.printed);
                std::string problem_en;
                std::string problem_zh;
                if (value.empty()) {
                    problem_en = "no indicator value is printed";
                    problem_zh = "未列示指标值";
                } else if (indicator.parsed_value.number && indicator.parsed_value.op.empty()) {
                    problem_en = fmt::format("the value {} has no comparison (≥, ≤, =)", value);
                    problem_zh = fmt::format("指标值“{}”缺少比较符（≥、≤、=）", value);
                } else if (indicator.parsed_value.number && indicator.parsed_value.unit.empty()) {
                    problem_en = fmt::format("the value {} has no unit", value);
                    problem_zh = fmt::format("指标值“{}”缺少计量单位", value);
                }
                if (problem_en.empty()) {
                    continue;
                }
                Finding finding;
                finding.severity = context.rule().default_severity;
                finding.cells = {ref};
                finding.actual = value;
                finding.message_en =
                    fmt::format("{} · {}: {}", project.project, indicator.level3, problem_en);
                finding.message_zh =
                    fmt::format("{}「{}」：{}", project.project, indicator.level3, problem_zh);
                context.report(std::move(finding));
            }
        }
    }
}

void rate_above_100(const Document& document, RuleContext& context) {
    const Decimal hundred = Decimal::from_integer(100);
    for (const Table* table : document.tables_of(TableKind::PerformanceTargets)) {
        for (const ProjectTargets& project : table->projects) {
            for (const Indicator& indicator : project.indicators) {
                const IndicatorValue& v = indicator.parsed_value;
                if (!v.number || v.unit != "%") {
                    continue;
                }
                const bool impossible =
                    *v.number > hundred || (*v.number == hundred && v.op == ">");
                if (!impossible) {
                    continue;
                }
                Finding finding;
                finding.severity = context.rule().default_severity;
                finding.cells = {
                    project_ref(*table, project, indicator.value, indicator.level3 + " · 指标值")};
                finding.actual = indicator.value.printed;
                finding.expected = "a rate of at most 100%";
                finding.message_en =
                    fmt::format("{} · {}: a rate of {} cannot be reached", project.project,
                                indicator.level3, indicator.value.printed);
                finding.message_zh = fmt::format("{}「{}」：比率 {} 不可能达到", project.project,
                                                 indicator.level3, indicator.value.printed);
                context.report(std::move(finding));
            }
        }
    }
}

}  // namespace budgetcheck::rules
