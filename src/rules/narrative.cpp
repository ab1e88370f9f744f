// Narrative claims: every figure the 情况说明 quotes is matched to the figures it quotes
// (resolve.hpp: by the words around it, the subject it names and the section it stands in) and
// checked: amounts, shares, changes, counts, breakdowns, and the unit's name.
#include <algorithm>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "budgetcheck/narrative/composition.hpp"
#include "families.hpp"
#include "resolve.hpp"

namespace budgetcheck::rules {

namespace {

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

std::vector<CellRef> refs_of(const Target& target) {
    std::vector<CellRef> out;
    for (const Figure& figure : target.figures) {
        out.push_back(figure.reference());
    }
    return out;
}

// The target's value in the claim's unit, with the claim's decimals or as many more as the
// table's figure needs (208.7959 万元 for a table's 2,087,959.00 元), never trailing zeros beyond.
std::string shown(const Target& target, MoneyUnit unit, int decimals) {
    const auto value = value_in(target, unit);
    if (!value) {
        return "?";
    }
    std::string text =
        value->with_scale(std::max(decimals, value->scale())).value_or(*value).to_string();
    const auto point = text.find('.');
    if (point != std::string::npos) {
        const std::size_t keep = point + 1 + static_cast<std::size_t>(decimals);
        while (text.size() > keep && text.back() == '0') {
            text.pop_back();
        }
        if (!text.empty() && text.back() == '.') {
            text.pop_back();
        }
    }
    return text;
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

// One resolved figure as the Figure of an identity (the sum of its cells when several).
std::optional<Figure> target_figure(const Target& target) {
    if (target.figures.size() == 1) {
        return target.figures.front();
    }
    return std::nullopt;
}

}  // namespace

namespace {

// 机关运行经费 is the 公用经费 of 行政 units and units run like them (参公). A department whose
// units are all of that kind quotes its 公用经费 as its 机关运行经费; one with 事业 units quotes
// less. So a quote equal to the 公用经费 the tables print is verified by it; any other is wrong
// where the profile says every unit is 行政 or 参公, and left unverifiable where it does not.
bool operating_expenses_as_public(const Document& document, RuleContext& context,
                                  const ClaimResolver& resolver, const Claim& claim,
                                  std::size_t i, MoneyUnit unit) {
    if (claim.subject.find("机关运行经费") == std::string::npos ||
        claim.period != Period::BudgetYear || claim.in_reason) {
        return false;
    }
    Claim as_public = claim;
    as_public.subject = "一般公共预算公用经费";
    as_public.path.clear();
    const Resolution found = resolver.amount(as_public);
    if (!found.target || !found.target->confident) {
        return false;
    }
    const auto value = value_in(*found.target, unit);
    if (!value) {
        return false;
    }
    std::vector<CellRef> cells{claim_ref(claim)};
    const auto others = refs_of(*found.target);
    cells.insert(cells.end(), others.begin(), others.end());
    if (!quotes(claim, *value)) {
        const UnitComposition units = read_unit_composition(document);
        if (!units.all_administrative()) {
            return false;
        }
        context.count_checked(cells);
        const std::string expected = shown(*found.target, unit, claim.decimals);
        Finding finding = mismatch(
            context, claim, others, expected + " " + claim.unit,
            fmt::format("the narrative quotes {} for {}, but every unit being 行政 or 参公 ({}), "
                        "it is the 一般公共预算 公用经费, {}: {} {}",
                        claim.printed, claim.subject, units.evidence, found.target->what,
                        expected, claim.unit),
            fmt::format("文中{}为{}，但所属单位均为行政或参公单位（{}），机关运行经费即一般公共预算"
                        "公用经费，{}为{}{}",
                        claim.subject, claim.printed, units.evidence, found.target->what,
                        expected, claim.unit));
        finding.arithmetic = fmt::format("{} ≠ {} {}", claim.printed, expected, claim.unit);
        context.report(std::move(finding));
        context.settle_claim(i, ClaimStatus::Mismatched,
                             fmt::format("{}: the 公用经费 of 行政 units is their 机关运行经费",
                                         found.target->what),
                             others,
                             fmt::format("{}（行政单位的公用经费即机关运行经费）",
                                         found.target->what));
        return true;
    }
    context.count_checked(cells);
    context.settle_claim(
        i, ClaimStatus::Verified,
        fmt::format("{}: the 公用经费 of 行政 units is their 机关运行经费", found.target->what),
        others, fmt::format("{}（行政单位的公用经费即机关运行经费）", found.target->what));
    return true;
}

}  // namespace

void narrative_amounts(const Document& document, RuleContext& context) {
    const auto& claims = context.claims();
    const ClaimResolver& resolver = context.resolver();
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const Claim& claim = claims[i];
        const auto unit = unit_of(claim);
        if (claim.kind == ClaimKind::Amount && claim.in_reason && !unit) {
            context.settle_claim(i, ClaimStatus::Unverifiable,
                                 "it is quoted in the explanation of a change", {},
                                 "该数出现在增减原因的说明中");
            continue;
        }
        if (claim.kind != ClaimKind::Amount || !unit) {
            continue;
        }
        const Resolution found = resolver.amount(claim);
        if (!found.target) {
            if (operating_expenses_as_public(document, context, resolver, claim, i, *unit)) {
                continue;
            }
            context.settle_claim(i, ClaimStatus::Unverifiable, found.reason_en, {},
                                 found.reason_zh);
            continue;
        }
        const Target& target = *found.target;
        const auto value = value_in(target, *unit);
        if (!value) {
            continue;
        }
        std::vector<CellRef> cells{claim_ref(claim)};
        const auto others = refs_of(target);
        cells.insert(cells.end(), others.begin(), others.end());
        // The identity as a reader who selects its cell sees it: the quote and what it is of.
        auto quoted = [&](const std::string& what) -> std::pair<std::string, std::string> {
            if (!context.recording()) {
                return {};
            }
            return {fmt::format("{} in the text = {}", claim.printed, what),
                    fmt::format("文中 {} = {}", claim.printed, what)};
        };
        if (quotes(claim, *value)) {
            context.count_checked(cells, quoted(target.what));
            context.settle_claim(i, ClaimStatus::Verified, target.what, others, target.what);
            continue;
        }
        // A 决算's plain 预算 (not 年初) is the full-year budget where the tables print one.
        if (claim.period == Period::OriginalBudget &&
            claim.source.sentence.find("年初") == std::string::npos) {
            Claim full_year = claim;
            full_year.period = Period::FullYearBudget;
            const Resolution other = resolver.amount(full_year);
            const auto other_value =
                other.target ? value_in(*other.target, *unit) : std::optional<Decimal>();
            if (other_value && quotes(claim, *other_value)) {
                const auto other_refs = refs_of(*other.target);
                context.count_checked(cells, quoted(other.target->what));
                context.settle_claim(i, ClaimStatus::Verified, other.target->what, other_refs,
                                     other.target->what);
                continue;
            }
        }
        // The tables print two figures for it and the text quotes one of them: the tables'
        // disagreement is the finding (crosstable), not the text.
        const auto printings = resolver.printings(target);
        const auto agreeing = std::find_if(printings.begin(), printings.end(), [&](const Target& t) {
            const auto v = value_in(t, *unit);
            return v && quotes(claim, *v);
        });
        if (agreeing != printings.end()) {
            const auto agreeing_refs = refs_of(*agreeing);
            context.count_checked(cells, quoted(agreeing->what));
            context.settle_claim(
                i, ClaimStatus::Verified,
                fmt::format("{} (where {} prints another figure for it)", agreeing->what,
                            target.what),
                agreeing_refs,
                fmt::format("{}（{}对同一数字列示不同）", agreeing->what, target.what));
            continue;
        }
        const std::string expected = shown(target, *unit, claim.decimals);
        if (!target.confident) {
            // The words say more than the vocabulary knows: perhaps another figure is meant.
            context.settle_claim(
                i, ClaimStatus::Unverifiable,
                fmt::format("its words do not name one figure exactly; {} prints {} {}",
                            target.what, expected, claim.unit),
                others,
                fmt::format("文字未确切指明所指数字；{}列示 {} {}", target.what, expected,
                            claim.unit));
            continue;
        }
        context.count_checked(
            cells, context.recording()
                       ? std::pair{fmt::format("{} in the text, but {} prints {} {}",
                                               claim.printed, target.what, expected, claim.unit),
                                   fmt::format("文中 {}，而{}列示 {} {}", claim.printed,
                                               target.what, expected, claim.unit)}
                       : std::pair<std::string, std::string>{});
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
                             fmt::format("{} prints {}", target.what, expected), others,
                             fmt::format("{}列示 {}", target.what, expected));
    }
}

void narrative_shares(const Document& /*document*/, RuleContext& context) {
    const auto& claims = context.claims();
    const ClaimResolver& resolver = context.resolver();
    // Shares of one whole, to tell a share bent to make them add up to 100%.
    std::map<std::string, std::vector<std::size_t>> by_whole;
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const Claim& claim = claims[i];
        if (claim.kind != ClaimKind::Share) {
            continue;
        }
        if (claim.part < 0) {
            context.settle_claim(i, ClaimStatus::Unverifiable, "the share's part is not quoted", {},
                                 "未列明占比的分子");
            continue;
        }
        const Claim& part = claims[static_cast<std::size_t>(claim.part)];
        std::optional<Figure> whole;
        std::string whole_name;
        std::string whole_printed;
        std::string whole_key;
        std::vector<CellRef> cells;
        if (!claim.whole_words.empty()) {
            const Resolution found = resolver.whole(claim);
            if (found.target && found.target->confident) {
                whole = target_figure(*found.target);
                whole_name = found.target->what;
                cells = refs_of(*found.target);
                if (whole) {
                    whole_printed = whole->reference().printed;
                }
                whole_key = whole_name;
            }
            if (!whole) {
                context.settle_claim(
                    i, ClaimStatus::Unverifiable,
                    found.target ? "the whole it names is not one figure the tables print"
                                 : found.reason_en,
                    {}, found.target ? "占比的分母不是表中的单个数字" : found.reason_zh);
                continue;
            }
        } else if (claim.whole >= 0) {
            const Claim& named = claims[static_cast<std::size_t>(claim.whole)];
            whole = claim_figure(named);
            whole_name = named.subject;
            whole_printed = named.printed;
            whole_key = std::to_string(claim.whole);
            if (claim.whole_guessed) {
                // The text does not name the whole: the section's total is tried, and a share
                // that does not fit it may be of something else.
                const auto hundred = Decimal::from_integer(100);
                const auto ratio = hundred.times(part.value).value_or(Decimal());
                const auto guess = named.value.is_zero()
                                       ? std::nullopt
                                       : ratio.divided_by(named.value, claim.decimals);
                if (!guess || !(*guess == claim.value)) {
                    context.settle_claim(i, ClaimStatus::Unverifiable,
                                         "the text does not say what it is a share of", {},
                                         "未说明是何者的占比");
                    continue;
                }
            }
        } else if (claim.completion) {
            // No budget quoted beside the outturn: the budget the tables print for it (the
            // “三公” table's 预算数 under each item).
            // The budget the rate names, or, when it names none, the one budget the tables print
            // for it (with both 年初 and 全年 printed, either may be meant).
            std::vector<Period> periods = {claim.basis};
            if (claim.basis == Period::BudgetYear) {
                periods = {Period::OriginalBudget, Period::FullYearBudget};
            }
            std::vector<Target> found_budgets;
            for (Period period : periods) {
                Claim budget = part;
                budget.period = period;
                const Resolution found = resolver.amount(budget);
                if (found.target && found.target->confident) {
                    found_budgets.push_back(*found.target);
                }
            }
            if (found_budgets.size() == 1) {
                whole = target_figure(found_budgets.front());
                whole_name = found_budgets.front().what;
                cells = refs_of(found_budgets.front());
            }
            if (!whole) {
                context.settle_claim(i, ClaimStatus::Unverifiable,
                                     "the budget it is a rate of completion of is neither quoted "
                                     "beside its outturn nor printed in a table",
                                     {}, "其对应的预算数既未在文中列明，也未在表中列示");
                continue;
            }
            whole_printed = whole->reference().printed;
        } else {
            context.settle_claim(i, ClaimStatus::Unverifiable,
                                 "the text does not say what it is a share of", {},
                                 "未说明是何者的占比");
            continue;
        }
        if (claim.completion && whole && whole->amount.value().is_zero()) {
            context.settle_claim(i, ClaimStatus::Unverifiable,
                                 "a rate of completion of a budget of zero has no value", {},
                                 "预算数为零，完成率无意义");
            continue;
        }
        if (!claim.completion) {
            by_whole[whole_key].push_back(i);
        }
        Figure printed;
        printed.ref = claim_ref(claim);
        const Verdict verdict = context.check_ratio(
            printed, Percentage::number(claim.value, claim.decimals), claim_figure(part), *whole,
            false,
            {fmt::format("{} ÷ {} is", part.printed, whole_printed),
             fmt::format("{} ÷ {} 为", part.printed, whole_printed), Axis::Other});
        context.settle_claim(
            i, verdict == Verdict::Inconsistent ? ClaimStatus::Mismatched : ClaimStatus::Verified,
            fmt::format("{} of {} ({})", part.subject, whole_name, whole_printed), cells,
            fmt::format("{}占{}（{}）", part.subject, whole_name, whole_printed));
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
        const ClaimResult& result = context.claim_result(wrong.front());
        std::string whole_subject = result.reason;
        std::optional<Decimal> whole_value;
        if (bent.whole >= 0) {
            whole_subject = claims[static_cast<std::size_t>(bent.whole)].subject;
            whole_value = claims[static_cast<std::size_t>(bent.whole)].value;
        }
        if (!whole_value) {
            continue;
        }
        const auto honest = Decimal::from_integer(100)
                                .times(bent_part.value)
                                .value_or(Decimal())
                                .divided_by(*whole_value, bent.decimals);
        const std::string hint = fmt::format(
            "the shares of {} print {} = 100%; the figures give {}% for this one, so {} looks bent "
            "to make the shares add up to 100%",
            whole_subject, list, honest ? honest->to_string() : "?", bent.printed);
        const std::string hint_zh = fmt::format(
            "{}的各项占比列为 {} = 100%；按金额计算此项为 {}%，{} 像是为凑足 100% 而调整过",
            whole_subject, list, honest ? honest->to_string() : "?", bent.printed);
        context.add_hint(claims[wrong.front()].source.location, hint, hint_zh);
    }
}

namespace {

// A figure no table prints that took part in an identity that holds (a part of a breakdown that
// adds up, the prior-year figure a quoted rate is computed from) is checked by it.
void corroborate(RuleContext& context, std::size_t index, std::string reason,
                 std::string reason_zh) {
    if (context.claim_result(index).status == ClaimStatus::Unverifiable) {
        context.settle_claim(index, ClaimStatus::Verified, std::move(reason), {},
                             std::move(reason_zh));
    }
}

// The change a sentence quotes from its own figures: a rate with the change amount and the
// current figure (增加4016.19万元，增长12.11%: 4016.19 ÷ (37188.34 − 4016.19)), or a change
// between a prior-year figure and the budget quoted beside it.
bool check_from_text(RuleContext& context, const std::vector<Claim>& claims, std::size_t i) {
    const Claim& claim = claims[i];
    if (claim.of_claim < 0 || !claim.direction || claim.printed == "持平") {
        return false;
    }
    const Claim& current = claims[static_cast<std::size_t>(claim.of_claim)];
    const int sign = *claim.direction;
    if (claim.prior_claim >= 0) {
        const Claim& prior = claims[static_cast<std::size_t>(claim.prior_claim)];
        if (prior.value.is_zero()) {
            context.settle_claim(i, ClaimStatus::Unverifiable,
                                 "a rate of change from zero has no value", {},
                                 "由零起算的增减率无意义");
            return true;
        }
        Figure printed;
        printed.ref = claim_ref(claim);
        Verdict verdict;
        if (claim.is_rate) {
            const Decimal signed_rate =
                sign < 0 ? claim.value.negated().value_or(claim.value) : claim.value;
            verdict = context.check_ratio(
                printed, Percentage::number(signed_rate, claim.decimals), claim_figure(current),
                claim_figure(prior), true,
                {fmt::format("({} − {}) ÷ {} is", current.printed, prior.printed, prior.printed),
                 fmt::format("（{} − {}）÷ {} 为", current.printed, prior.printed, prior.printed),
                 Axis::Other});
        } else {
            Figure change = claim_figure(claim);
            if (sign < 0) {
                change.amount =
                    Amount::number(claim.value.negated().value_or(claim.value), claim.decimals);
            }
            verdict = context.check_sum(
                change, {{1, claim_figure(current)}, {-1, claim_figure(prior)}},
                {"the figures quoted beside it give", "文中所列两数之差为", Axis::Other});
        }
        context.settle_claim(
            i, verdict == Verdict::Inconsistent ? ClaimStatus::Mismatched : ClaimStatus::Verified,
            fmt::format("{} against {} quoted beside it", current.printed, prior.printed), {},
            fmt::format("与文中所列 {}、{} 核对", current.printed, prior.printed));
        if (verdict != Verdict::Inconsistent) {
            corroborate(context, static_cast<std::size_t>(claim.prior_claim),
                        fmt::format("agrees with the change quoted beside it ({})", claim.printed),
                        fmt::format("与同句所列增减（{}）相符", claim.printed));
        }
        return true;
    }
    if (claim.is_rate && claim.amount_change >= 0) {
        const Claim& change = claims[static_cast<std::size_t>(claim.amount_change)];
        if (!change.direction || *change.direction != sign) {
            return false;
        }
        // prior = current − change (an increase) or current + change (a decrease).
        Figure printed;
        printed.ref = claim_ref(claim);
        const Verdict verdict = context.check_change_rate(
            printed, Percentage::number(claim.value, claim.decimals), claim_figure(change),
            claim_figure(current), sign,
            {fmt::format("{} ÷ ({} {} {}) is", change.printed, current.printed,
                         sign > 0 ? "−" : "+", change.printed),
             fmt::format("{} ÷（{} {} {}）为", change.printed, current.printed,
                         sign > 0 ? "−" : "+", change.printed),
             Axis::Other});
        if (verdict == Verdict::Unchecked) {
            return false;
        }
        context.settle_claim(
            i, verdict == Verdict::Inconsistent ? ClaimStatus::Mismatched : ClaimStatus::Verified,
            fmt::format("{} against {} and {} quoted with it", claim.printed, change.printed,
                        current.printed),
            {}, fmt::format("与同句所列 {}、{} 核对", change.printed, current.printed));
        return true;
    }
    return false;
}

}  // namespace

namespace {

// A change that contradicts its own words, whatever the tables print (and with no prior year
// printed at all): 增加 or 减少 by nothing, which is 持平; or an increase to a figure of 0, which
// would put last year's figure below zero — no budget figure is. A change the words leave open
// (增加（减少）) is text.template-residue's.
bool check_own_words(RuleContext& context, const std::vector<Claim>& claims, std::size_t i) {
    const Claim& claim = claims[i];
    if (!claim.direction || *claim.direction == 0 || claim.words_only) {
        return false;
    }
    const Claim* current =
        claim.of_claim >= 0 ? &claims[static_cast<std::size_t>(claim.of_claim)] : nullptr;
    const bool rise = *claim.direction > 0;
    Finding finding;
    if (claim.value.is_zero()) {
        finding = mismatch(
            context, claim, {}, "持平",
            fmt::format("the narrative calls a change of {} for {} {}: a change of nothing is 持平",
                        claim.printed, claim.subject, rise ? "an increase" : "a decrease"),
            fmt::format("情况说明称{}{} {}：变动为零应表述为持平", claim.subject,
                        rise ? "增加" : "减少", claim.printed));
        finding.arithmetic = fmt::format("{} = 0", claim.printed);
    } else if (rise && current != nullptr && current->period == Period::BudgetYear &&
               current->value.is_zero()) {
        finding = mismatch(
            context, claim, {claim_ref(*current)}, "a decrease or 持平",
            fmt::format("{} is {}, so it cannot have risen by {}: last year's figure would be "
                        "below zero",
                        claim.subject, current->printed, claim.printed),
            fmt::format("{}为 {}，不可能比上年增加 {}（上年数将小于零）", claim.subject,
                        current->printed, claim.printed));
        finding.arithmetic = claim.is_rate
                                 ? fmt::format("0 ÷ last year − 1 ≤ 0% < {}", claim.printed)
                                 : fmt::format("0 − {} < 0", claim.printed);
    } else {
        return false;
    }
    context.count_checked({claim_ref(claim)});
    context.report(std::move(finding));
    context.settle_claim(i, ClaimStatus::Mismatched, "its own words contradict it", {},
                         "其表述自相矛盾");
    return true;
}

}  // namespace

namespace {

// 决算数小于预算数: the direction a 决算 states in words, against the budget and the outturn it
// quoted just before (年初预算为X万元，支出决算为Y万元).
void check_outturn_direction(RuleContext& context, const std::vector<Claim>& claims,
                             std::size_t i) {
    const Claim& claim = claims[i];
    if (claim.of_claim < 0 || claim.prior_claim < 0) {
        context.settle_claim(i, ClaimStatus::Unverifiable,
                             "the budget and the outturn it compares are not both quoted before it",
                             {}, "其前未同时列明预算数和决算数");
        return;
    }
    const Claim& outturn = claims[static_cast<std::size_t>(claim.of_claim)];
    const Claim& budget = claims[static_cast<std::size_t>(claim.prior_claim)];
    const auto difference = outturn.value.minus(budget.value);
    if (!difference) {
        return;
    }
    const int actual = difference->is_zero() ? 0 : (difference->is_negative() ? -1 : 1);
    const int said = *claim.direction;
    const bool roughly =
        said == 0 && claim.source.sentence.find("基本") != std::string::npos;
    if (actual == said) {
        context.settle_claim(i, ClaimStatus::Verified,
                             fmt::format("决算 {} against 预算 {} quoted before it", outturn.printed,
                                         budget.printed),
                             {},
                             fmt::format("与前文所列预算数 {}、决算数 {} 相符", budget.printed,
                                         outturn.printed));
        return;
    }
    if (roughly) {
        // 基本持平 allows a difference the text does not bound.
        context.settle_claim(i, ClaimStatus::Unverifiable,
                             fmt::format("基本持平 leaves open how close {} and {} must be",
                                         outturn.printed, budget.printed),
                             {},
                             fmt::format("“基本持平”未说明{}与{}相差多少为宜", outturn.printed,
                                         budget.printed));
        return;
    }
    const auto word = [](int direction) {
        return direction > 0 ? "大于" : direction < 0 ? "小于" : "等于";
    };
    Finding finding = mismatch(
        context, claim, {claim_ref(outturn), claim_ref(budget)},
        fmt::format("决算数{}预算数", word(actual)),
        fmt::format("the narrative says the outturn is {} the budget ({}), but it quotes {} "
                    "against a budget of {}",
                    said > 0 ? "above" : said < 0 ? "below" : "equal to", claim.printed,
                    outturn.printed, budget.printed),
        fmt::format("情况说明称决算数{}预算数，而其所列决算数 {} 与预算数 {} 相比为{}",
                    word(said), outturn.printed, budget.printed, word(actual)));
    finding.arithmetic = fmt::format("{} − {} = {}", outturn.value.to_string(),
                                     budget.value.to_string(), difference->to_string());
    context.count_checked({claim_ref(claim), claim_ref(outturn), claim_ref(budget)});
    context.report(std::move(finding));
    context.settle_claim(i, ClaimStatus::Mismatched, "its direction contradicts its figures", {},
                         "其表述的方向与所列数字不符");
}

}  // namespace

namespace {

// 收入总计 and 支出总计 of a 收支总表 are the same figure every year (the table balances), so their
// changes against last year are the same change: the narrative cannot have income rise while
// spending falls, or rise by another amount. Checked with no table of last year, between the
// two claims, once each claim's figure is known to be its side's grand total.
void check_balanced_changes(RuleContext& context, const std::vector<Claim>& claims) {
    struct SideChange {
        std::size_t index;
        Target total;
    };
    std::vector<SideChange> income;
    std::vector<SideChange> spending;
    const ClaimResolver& resolver = context.resolver();
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const Claim& claim = claims[i];
        if (claim.kind != ClaimKind::Change || claim.words_only || !claim.direction ||
            claim.of_claim < 0 || claim.in_reason ||
            (claim.basis != Period::PriorYearBudget && claim.basis != Period::PriorYearExecution) ||
            context.claim_result(i).status == ClaimStatus::Mismatched) {
            continue;
        }
        const Resolution base = resolver.amount(claims[static_cast<std::size_t>(claim.of_claim)]);
        if (!base.target || !base.target->confident || !base.target->fact ||
            !base.target->fact->grand || base.target->fact->period != Period::BudgetYear) {
            continue;
        }
        (base.target->fact->side == Side::Income ? income : spending)
            .push_back({i, *base.target});
    }
    for (const SideChange& in : income) {
        for (const SideChange& out : spending) {
            const Claim& a = claims[in.index];
            const Claim& b = claims[out.index];
            if (a.basis != b.basis ||
                context.claim_result(out.index).status == ClaimStatus::Mismatched) {
                continue;
            }
            // Balanced this year: the two grand totals print the same money.
            const auto in_total = value_in(in.total, MoneyUnit::Yuan);
            const auto out_total = value_in(out.total, MoneyUnit::Yuan);
            if (!in_total || !out_total || *in_total != *out_total) {
                continue;
            }
            const int a_sign = a.value.is_zero() ? 0 : *a.direction;
            const int b_sign = b.value.is_zero() ? 0 : *b.direction;
            const auto a_size = a.value.with_scale(std::max(a.decimals, b.decimals));
            const auto b_size = b.value.with_scale(std::max(a.decimals, b.decimals));
            std::vector<CellRef> cells{claim_ref(b), claim_ref(a)};
            for (const Target* total : {&out.total, &in.total}) {
                const auto refs = refs_of(*total);
                cells.insert(cells.end(), refs.begin(), refs.end());
            }
            context.count_checked(cells);
            // A rate and an amount (增加1万元 / 增长10%) say only their direction alike.
            const bool comparable = a.is_rate == b.is_rate && a.unit == b.unit;
            if (a_sign == b_sign &&
                (a_sign == 0 || !comparable || (a_size && b_size && *a_size == *b_size))) {
                continue;
            }
            const auto stated = [](const Claim& c, int sign) {
                return sign == 0 ? std::string("no change")
                                 : fmt::format("{} of {}", sign > 0 ? "an increase" : "a decrease",
                                               c.printed);
            };
            const auto stated_zh = [](const Claim& c, int sign) {
                return sign == 0 ? std::string("持平")
                                 : fmt::format("{}{}", sign > 0 ? "增加" : "减少", c.printed);
            };
            const MoneyUnit unit = unit_of(a).value_or(MoneyUnit::TenThousandYuan);
            const std::string total_text =
                shown(in.total, unit, std::max(a.decimals, 2)) + " " + std::string(to_string(unit));
            Finding finding = mismatch(
                context, b, std::vector<CellRef>(cells.begin() + 1, cells.end()),
                stated(a, a_sign),
                fmt::format("the narrative states {} for {} but {} for {}: the summary balances "
                            "(收入总计 = 支出总计, this year and last), so both change alike",
                            stated(a, a_sign), a.subject, stated(b, b_sign), b.subject),
                fmt::format("情况说明称{}{}，而{}{}：收支总表收支平衡（收入总计=支出总计，本年及上年"
                            "均如此），两者增减应相同",
                            a.subject, stated_zh(a, a_sign), b.subject, stated_zh(b, b_sign)));
            finding.arithmetic = fmt::format("收入总计 = 支出总计 = {}; {}{} ≠ {}{}", total_text,
                                             a_sign < 0 ? "−" : "+", a.printed,
                                             b_sign < 0 ? "−" : "+", b.printed);
            context.report(std::move(finding));
            context.settle_claim(
                out.index, ClaimStatus::Mismatched,
                fmt::format("the change stated for {} ({})", a.subject, stated(a, a_sign)), {},
                fmt::format("与{}的增减（{}）不一致", a.subject, stated_zh(a, a_sign)));
        }
    }
}

}  // namespace

void narrative_changes(const Document& /*document*/, RuleContext& context) {
    const auto& claims = context.claims();
    const ClaimResolver& resolver = context.resolver();
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const Claim& claim = claims[i];
        if (claim.kind != ClaimKind::Change) {
            continue;
        }
        if (claim.words_only) {
            check_outturn_direction(context, claims, i);
            continue;
        }
        if (check_own_words(context, claims, i) || check_from_text(context, claims, i)) {
            continue;
        }
        if (claim.basis == Period::OriginalBudget) {
            // 比年初预算减少…: no table of a 决算 prints the difference from the budget.
            context.settle_claim(i, ClaimStatus::Unverifiable,
                                 "the budget it is compared with is not quoted beside it", {},
                                 "未在文中列明与之比较的预算数");
            continue;
        }
        const Claim* base =
            claim.of_claim >= 0 ? &claims[static_cast<std::size_t>(claim.of_claim)] : nullptr;
        const Resolution resolved = base != nullptr ? resolver.amount(*base) : Resolution{};
        std::optional<Decimal> table_change;
        std::vector<CellRef> cells;
        std::string what;
        // The figure's row holds last year's figure of the total the words name only when its
        // cell prints that total itself: a line that stands for it through this year's zeros
        // (财政拨款收入 for the total, where every income is 财政拨款 this year) says nothing of
        // last year, when other money may have come in. A subject's row is that subject's.
        const auto prints_named = [&](const CellAt& at) {
            const auto printed = fact_of(at, is_final_accounts(context.document().kind));
            if (!printed || !resolved.target->fact) {
                return false;
            }
            const Fact& named = *resolved.target->fact;
            // A “三公” item is its own line whichever fund the table's title names.
            const bool item = named.three_public != ThreePublicItem::None &&
                              printed->three_public == named.three_public;
            return printed->subject == named.subject &&
                   (!named.subject.empty() || item ||
                    (printed->side == named.side && printed->grand == named.grand &&
                     printed->source == named.source));
        };
        // The figure's own cell, then every other table printing the same fact: the change may
        // be printed beside only one of them (浙江's 一般公共预算支出预算表, not its 收支总表).
        std::vector<CellAt> candidates;
        if (resolved.target && resolved.target->cells.size() == 1 && resolved.target->confident) {
            candidates.push_back(resolved.target->cells.front());
            for (const Target& other : resolver.printings(*resolved.target)) {
                if (other.cells.size() == 1 && other.cells.front().table != candidates.front().table) {
                    candidates.push_back(other.cells.front());
                }
            }
        }
        // Another table's printing must be of the same money as printed, not only through this
        // year's coincidences (all spending is 一般公共预算 this year, not necessarily last year).
        const auto same_as_printed = [&](const CellAt& at) {
            const auto printed = fact_of(at, is_final_accounts(context.document().kind));
            const Fact& named = *resolved.target->fact;
            return printed && printed->source == named.source &&
                   printed->spending == named.spending && printed->stage == named.stage;
        };
        for (std::size_t k = 0; k < candidates.size(); ++k) {
            const CellAt& at = candidates[k];
            if (table_change || !prints_named(at) || (k > 0 && !same_as_printed(at))) {
                continue;
            }
            const TableSide& side = at.side_ref();
            const Period period = claim.basis == Period::PriorYearExecution
                                      ? Period::ChangeVsPriorExecution
                                      : Period::ChangeVsPriorBudget;
            const Period prior = claim.basis;
            const ColumnMeaning& m = at.column_ref().meaning;
            // The same money in another year: a “三公” table printed across prints one column
            // of last year per item, a summary one per source.
            const auto same_money = [&](const ColumnMeaning& o) {
                return o.excludes_capital_construction == m.excludes_capital_construction &&
                       o.spending == m.spending && o.three_public == m.three_public &&
                       o.source == m.source;
            };
            const int change_column = find_column(side, [&](const ColumnMeaning& o) {
                return o.period == period &&
                       o.quantity ==
                           (claim.is_rate ? Quantity::ChangePercent : Quantity::ChangeAmount) &&
                       same_money(o);
            });
            const int prior_column = find_column(side, [&](const ColumnMeaning& o) {
                return o.period == prior && o.quantity == Quantity::Amount && same_money(o);
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
            } else if (prior_column >= 0 && !claim.is_rate) {
                const CellAt cell{at.table, at.side, at.row, prior_column};
                cells = {ref_of(at), ref_of(cell)};
                what = fmt::format("{} − {}", at.cell().printed, cell.cell().printed);
                table_change = at.amount()->value().minus(cell.amount()->value());
            }
        }
        if (!table_change) {
            context.settle_claim(
                i, ClaimStatus::Unverifiable,
                claim.basis == Period::PriorYearExecution
                    ? "last year's execution figures are not printed in this document"
                    : "last year's budget figures are not printed in this document",
                {},
                claim.basis == Period::PriorYearExecution ? "本文件未列示上年执行数"
                                                          : "本文件未列示上年预算数");
            continue;
        }
        const int sign = table_change->sign();
        const auto magnitude = table_change->abs().value_or(*table_change);
        const bool same_direction =
            !claim.direction || *claim.direction == sign || (claim.printed == "持平" && sign == 0);
        const bool same_size =
            claim.printed == "持平" || claim.printed == "相同" || claim.printed == "一致"
                ? table_change->is_zero()
                : quotes(claim, magnitude);
        std::vector<CellRef> all{claim_ref(claim)};
        all.insert(all.end(), cells.begin(), cells.end());
        context.count_checked(all);
        if (same_direction && same_size) {
            context.settle_claim(i, ClaimStatus::Verified, what, cells, what);
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
                             fmt::format("the table prints {}", expected), cells,
                             fmt::format("表中列示 {}", expected));
    }
    check_balanced_changes(context, claims);
}

namespace {

// The figure last year's disclosure prints for the fact a claim's words name, read the way this
// year's figures are. Its cell is named with the file it is in, not being in the document checked.
std::optional<Figure> last_year_figure(RuleContext& context, const Fact& fact, const Claim& claim,
                                       std::string& what) {
    const FactIndex* facts = context.last_year_facts();
    if (facts == nullptr) {
        return std::nullopt;
    }
    const ClaimResolver resolver(*context.last_year(), context, *facts);
    const Resolution found = resolver.figure_for(fact, claim);
    if (!found.target || !found.target->confident || found.target->figures.size() != 1) {
        return std::nullopt;
    }
    Figure figure = found.target->figures.front();
    const std::string file = std::filesystem::path(context.last_year()->file).filename().string();
    what = fmt::format("{} in {}", found.target->what, file);
    figure.ref = figure.reference();
    figure.ref.table = fmt::format("{} ({})", figure.ref.table, file);
    figure.ref.table_index = -1;
    figure.at.reset();  // a cell of another document: no hint may point into this one
    return figure;
}

// This year's figure a claim about last year is of: the same words read for this year.
std::optional<Target> this_year_target(const ClaimResolver& resolver, const Claim& claim) {
    Claim now = claim;
    now.period = Period::BudgetYear;
    const Resolution found = resolver.amount(now);
    if (!found.target || found.target->figures.size() != 1 || !found.target->fact ||
        found.target->fact->period != Period::BudgetYear) {
        return std::nullopt;
    }
    return found.target;
}

}  // namespace

void narrative_prior_year(const Document& document, RuleContext& context) {
    const auto& claims = context.claims();
    auto about_last_budget = [&](std::size_t i) {
        const Claim& claim = claims[i];
        if (context.claim_result(i).status != ClaimStatus::Unverifiable || claim.in_reason) {
            return false;
        }
        if (claim.kind == ClaimKind::Change) {
            return claim.basis == Period::PriorYearBudget && claim.of_claim >= 0;
        }
        return claim.kind == ClaimKind::Amount && claim.period == Period::PriorYearBudget &&
               unit_of(claim).has_value();
    };
    std::vector<std::size_t> wanted;
    for (std::size_t i = 0; i < claims.size(); ++i) {
        if (about_last_budget(i)) {
            wanted.push_back(i);
        }
    }
    if (wanted.empty()) {
        return;
    }
    if (context.last_year() == nullptr) {
        context.skip(
            fmt::format("{} figures of last year's budget quoted in the text: no {} {} of {} was "
                        "checked with this one",
                        wanted.size(), chinese_name(document.kind), document.unit,
                        document.year - 1),
            fmt::format("文中引用上年预算数 {} 处：未同时核对{} {} 年{}", wanted.size(),
                        document.unit, document.year - 1, chinese_name(document.kind)));
        return;
    }
    const ClaimResolver& resolver = context.resolver();
    const std::string last_file =
        std::filesystem::path(context.last_year()->file).filename().string();
    for (std::size_t i : wanted) {
        const Claim& claim = claims[i];
        const Claim& base = claim.kind == ClaimKind::Change
                                ? claims[static_cast<std::size_t>(claim.of_claim)]
                                : claim;
        const auto now = this_year_target(resolver, base);
        if (!now) {
            continue;  // what the words name is not certain this year either
        }
        std::string what;
        const auto last = last_year_figure(context, *now->fact, base, what);
        if (!last) {
            context.settle_claim(
                i, ClaimStatus::Unverifiable,
                fmt::format("last year's disclosure ({}) prints no single figure for {}", last_file,
                            now->fact->describe()),
                {}, fmt::format("上年公开文件（{}）未列示唯一对应数字", last_file));
            continue;
        }
        const std::size_t before = context.finding_count();
        Figure printed = claim_figure(claim);
        // A text computes a change from the figures as it quotes them (18,976.76 − 15,621.11 =
        // 3,355.65 万元), not from tables in 元: last year's figure is rounded to the finer of
        // the two it quotes, this year's figure and the change (21,968 − 18,570.82 = 3,397.18).
        const int quoted_decimals =
            claim.is_rate ? base.decimals : std::max(base.decimals, claim.decimals);
        const auto as_quoted = [&](const Figure& figure) {
            Figure out = figure;
            const auto unit = unit_of(base);
            const auto value = unit ? figure.amount.in_unit(figure.unit, *unit) : std::nullopt;
            if (!value || value->scale() <= quoted_decimals ||
                value->with_scale(quoted_decimals).has_value()) {
                return out;  // printed no finer than the text quotes (110.00 for 110)
            }
            if (auto rounded = value->divided_by(Decimal::from_integer(1), quoted_decimals)) {
                out.amount = Amount::number(*rounded, quoted_decimals);
                out.unit = *unit;
            }
            return out;
        };
        Verdict verdict = Verdict::Exact;
        std::string arithmetic;
        if (claim.kind == ClaimKind::Amount) {
            verdict = context.check_sum(printed, {{1, *last}},
                                        {fmt::format("last year's disclosure prints ({})", what),
                                         fmt::format("上年公开文件列示（{}）", what), Axis::Other});
        } else {
            // The change is of the figure the text quotes with it, right or wrong: a wrong one
            // is narrative.amount's finding.
            const Figure current = claim_figure(base);
            const Figure prior = as_quoted(*last);
            const bool level =
                claim.printed == "持平" || claim.printed == "相同" || claim.printed == "一致";
            const int sign = claim.direction.value_or(1);
            if (level) {
                verdict = context.check_sum(
                    current, {{1, prior}},
                    {fmt::format("unchanged from last year's disclosure ({})", what),
                     fmt::format("与上年公开文件持平（{}）", what), Axis::Other});
            } else if (claim.is_rate) {
                const Decimal rate =
                    sign < 0 ? claim.value.negated().value_or(claim.value) : claim.value;
                verdict = context.check_ratio(
                    printed, Percentage::number(rate, claim.decimals), current, prior, true,
                    {fmt::format("(this year − last year's disclosure ({})) ÷ last year is", what),
                     fmt::format("（本年 − 上年公开文件（{}））÷ 上年为", what), Axis::Other});
            } else {
                if (sign < 0) {
                    printed.amount =
                        Amount::number(claim.value.negated().value_or(claim.value), claim.decimals);
                }
                verdict = context.check_sum(
                    printed, {{1, current}, {-1, prior}},
                    {fmt::format("this year less last year's disclosure ({}) is", what),
                     fmt::format("本年减上年公开文件（{}）为", what), Axis::Other});
            }
        }
        if (verdict == Verdict::Unchecked) {
            continue;
        }
        context.hint_against_last_year(before);
        context.settle_claim(
            i, verdict == Verdict::Inconsistent ? ClaimStatus::Mismatched : ClaimStatus::Verified,
            fmt::format("against last year's disclosure: {}", what), {last->ref},
            fmt::format("与上年公开文件核对：{}", what));
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
                   label_key(claim.source.heading + claim.source.context).find("绩效") !=
                       std::string::npos &&
                   targets != nullptr) {
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
                                     : "no table or list gives this count",
                                 {},
                                 noun.find("级项目") != std::string::npos
                                     ? "未公开项目支出表，无法核对项目个数"
                                     : "没有表格或列举可核对该数");
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

namespace {

// 其中：教育支出25万元，科学技术支出10万元 often names only some of a total's parts. Where the total
// and every part listed agree with the tables, parts falling short of the total are the ones the
// text chose to name, not a wrong figure: the tables print the rest. The shortfall, in 元, or
// nullopt when the list is not such a partial one.
std::optional<Decimal> partial_list(const RuleContext& context, const std::vector<Claim>& claims,
                                    const Claim& breakdown) {
    const auto verified = [&](int index) {
        return context.claim_result(static_cast<std::size_t>(index)).status ==
               ClaimStatus::Verified;
    };
    const auto yuan = [](const Claim& c) {
        const Figure f = claim_figure(c);
        return f.amount.in_unit(f.unit, MoneyUnit::Yuan);
    };
    if (!verified(breakdown.whole)) {
        return std::nullopt;
    }
    std::optional<Decimal> sum = Decimal();
    for (int part : breakdown.parts) {
        const auto value = yuan(claims[static_cast<std::size_t>(part)]);
        if (!verified(part) || !value || !sum) {
            return std::nullopt;
        }
        sum = sum->plus(*value);
    }
    const auto whole = yuan(claims[static_cast<std::size_t>(breakdown.whole)]);
    const auto shortfall = whole && sum ? whole->minus(*sum) : std::nullopt;
    return shortfall && shortfall->sign() > 0 ? shortfall : std::nullopt;
}

}  // namespace

void narrative_breakdowns(const Document&, RuleContext& context) {
    const auto& claims = context.claims();
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const Claim& claim = claims[i];
        if (claim.kind != ClaimKind::Breakdown || claim.whole < 0 || claim.parts.empty()) {
            continue;
        }
        const Claim& whole = claims[static_cast<std::size_t>(claim.whole)];
        const auto figure = claim_figure;
        if (claim.parts.size() > 1 && partial_list(context, claims, claim)) {
            context.settle_claim(
                i, ClaimStatus::Verified,
                fmt::format("{} of the parts of {}, each as its table prints it: the tables "
                            "print the rest",
                            claim.parts.size(), whole.subject),
                {},
                fmt::format("{}的其中 {} 项，均与表中数字一致，其余部分见表", whole.subject,
                            claim.parts.size()));
            continue;
        }
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
            fmt::format("{} parts of {}", claim.parts.size(), whole.subject), {},
            fmt::format("{}的 {} 个组成部分", whole.subject, claim.parts.size()));
        if (verdict != Verdict::Inconsistent && claim.parts.size() > 1) {
            corroborate(
                context, static_cast<std::size_t>(claim.whole),
                fmt::format("its {} parts, listed after it, add up to it", claim.parts.size()),
                fmt::format("其后所列 {} 个组成部分之和相符", claim.parts.size()));
            for (int part : claim.parts) {
                corroborate(
                    context, static_cast<std::size_t>(part),
                    fmt::format("a part of {} {}, which its parts add up to", whole.subject,
                                whole.printed),
                    fmt::format("{} {} 的组成部分，各部分之和相符", whole.subject, whole.printed));
            }
        }
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
    // Names the unit also bears (加挂上海市普陀区人民政府外事办公室…牌子) are its own.
    // Each text once, full-width forms folded; a text naming neither the unit's first characters
    // nor another name (加挂) is passed over undecoded, as most are.
    const std::string head_utf8 = encode_utf8(head);
    std::vector<std::u32string> folded;
    folded.reserve(texts.size());
    for (const TextSection* section : texts) {
        const std::string& text = section->text;
        const bool worth = text.find(head_utf8) != std::string::npos ||
                           text.find("加挂") != std::string::npos ||
                           text.find("\xEF\xBC") != std::string::npos;  // full-width forms
        folded.push_back(worth ? decode_utf8(fold_width(text)) : std::u32string());
    }
    std::vector<std::u32string> aliases;
    for (const std::u32string& text : folded) {
        for (std::size_t at = text.find(U"加挂"); at != std::u32string::npos;
             at = text.find(U"加挂", at + 1)) {
            const std::size_t end = text.find(U"牌子", at);
            if (end == std::u32string::npos || end - at > 200) {
                continue;
            }
            std::size_t from = at + 2;
            for (std::size_t i = from; i <= end; ++i) {
                if (i == end || text[i] == U'、' || text[i] == U',') {
                    aliases.push_back(decode_utf8(
                        label_key(encode_utf8(std::u32string_view(text).substr(from, i - from)))));
                    from = i + 1;
                }
            }
        }
    }
    for (std::size_t s = 0; s < texts.size(); ++s) {
        const TextSection* section = texts[s];
        const std::u32string& text = folded[s];
        if (text.find(head) == std::u32string::npos) {
            continue;
        }
        const std::u32string original = decode_utf8(section->text);
        for (std::size_t at = text.find(head); at != std::u32string::npos;
             at = text.find(head, at + 1)) {
            // A candidate spelling: from the name's first characters to its last ones, about as
            // long.
            // At least the two characters of the name's head and the two of its tail: a shorter
            // candidate has no tail to compare (a four-character name found by its head).
            const std::size_t lo = std::max<std::size_t>(name.size() - 3, 4);
            for (std::size_t length = lo; length <= name.size() + 3 && at + length <= text.size();
                 ++length) {
                const std::u32string_view candidate(text.data() + at, length);
                if (candidate.substr(length - 2) != tail) {
                    continue;
                }
                const std::size_t distance = edit_distance(candidate, name);
                if (distance == 0 || std::find(aliases.begin(), aliases.end(),
                                               std::u32string(candidate)) != aliases.end()) {
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
        // 某某厅本级: the department's own unit among its others.
        if (key.ends_with("本级") && key.size() > std::string_view("本级").size()) {
            key.erase(key.size() - std::string_view("本级").size());
        }
        // 某县司法局 for 四川省某县司法局: the same unit without the places above it.
        if (name.size() > key.size() && name.ends_with(key)) {
            const std::string places = name.substr(0, name.size() - key.size());
            for (std::string_view place : {"省", "市", "自治区", "区", "县", "州", "盟", "旗"}) {
                if (places.ends_with(place)) {
                    context.count_checked({});
                    return;
                }
            }
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
    const bool department = document.kind == DocumentKind::DepartmentBudget ||
                            document.kind == DocumentKind::DepartmentFinal;
    for (const Table& table : document.tables) {
        for (const TableSide& side : table.sides) {
            // A department's table listing its units (本级, 机关服务中心, 监测站 …) names other
            // units than the department, each unlike its name by a word or two: only the row of
            // its own 本级 spells the department.
            std::vector<std::string> units;
            for (const Row& row : side.rows) {
                if (row.role == RowRole::Unit && !row.label.empty() &&
                    std::find(units.begin(), units.end(), row.label) == units.end()) {
                    units.push_back(row.label);
                }
            }
            const bool lists_units = department && units.size() >= 2;
            for (const Row& row : side.rows) {
                if (row.role == RowRole::Unit && !row.label.empty()) {
                    if (lists_units && !label_key(row.label).ends_with("本级")) {
                        context.count_checked({});
                        continue;
                    }
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

void narrative_change_reason(const Document& document, RuleContext& context) {
    const auto& claims = context.claims();
    // A section that gives reasons may explain the changes stated in the sections before it
    // (收支总体 explained under 支出).
    std::vector<bool> reasons_after(document.narrative.size() + 1, false);
    for (std::size_t k = document.narrative.size(); k-- > 0;) {
        reasons_after[k] = reasons_after[k + 1] || explains_a_change(document.narrative[k].text);
    }
    const auto explained_later = [&](const Claim& claim) -> bool {
        for (std::size_t k = 0; k < document.narrative.size(); ++k) {
            if (document.narrative[k].heading == claim.source.heading) {
                return reasons_after[k + 1];
            }
        }
        return false;
    };
    std::string last_sentence;
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const Claim& claim = claims[i];
        if (claim.kind != ClaimKind::Change || claim.source.block != "narrative" ||
            claim.in_reason || !claim.direction || *claim.direction == 0) {
            continue;
        }
        // One statement of a change (增加X万元，增长Y%) is one finding.
        const std::string sentence = claim.source.heading + "\n" + claim.source.sentence;
        const bool same_statement = sentence == last_sentence;
        last_sentence = sentence;
        context.count_checked({claim_ref(claim)});
        if (claim.reason_given || same_statement || explained_later(claim)) {
            continue;
        }
        const bool against_budget = claim.words_only;
        Finding finding;
        finding.severity = context.rule().default_severity;
        finding.cells = {claim_ref(claim)};
        finding.actual = claim.printed;
        finding.expected = "主要原因…";
        finding.message_en = fmt::format(
            "{} {} {} ({}), and its section gives no reason after it (主要原因…, 主要用于…)",
            claim.subject, *claim.direction > 0 ? "rose" : "fell",
            against_budget ? "against the budget" : "against last year", claim.printed);
        finding.message_zh =
            fmt::format("{}{}（{}），其后未说明原因", claim.subject,
                        against_budget ? (*claim.direction > 0 ? "决算数大于预算数" : "决算数小于预算数")
                                       : (*claim.direction > 0 ? "比上年增加" : "比上年减少"),
                        claim.printed);
        context.report(std::move(finding));
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
            fmt::format("{} {} 无法核对：{}", claim.subject, claim.printed, result.reason_zh);
        context.report(std::move(finding));
    }
}

}  // namespace budgetcheck::rules
