#include "context.hpp"

#include "facts.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

namespace budgetcheck {

std::string_view to_string(Severity severity) {
    switch (severity) {
        case Severity::Error:
            return "error";
        case Severity::Warning:
            return "warning";
        case Severity::Note:
            return "note";
    }
    return "?";
}

std::optional<Severity> parse_severity(std::string_view text) {
    for (Severity s : {Severity::Error, Severity::Warning, Severity::Note}) {
        if (to_string(s) == text) {
            return s;
        }
    }
    return std::nullopt;
}

std::string_view to_string(ClaimStatus status) {
    switch (status) {
        case ClaimStatus::Verified:
            return "verified";
        case ClaimStatus::Mismatched:
            return "mismatched";
        case ClaimStatus::Unverifiable:
            return "unverifiable";
    }
    return "?";
}

const FactIndex& RuleContext::facts() {
    if (!facts_) {
        facts_ = std::make_shared<const FactIndex>(FactIndex::build(document_));
    }
    return *facts_;
}

const FactIndex* RuleContext::last_year_facts() {
    if (last_year_ == nullptr) {
        return nullptr;
    }
    if (!last_year_facts_) {
        last_year_facts_ = std::make_shared<const FactIndex>(FactIndex::build(*last_year_));
    }
    return last_year_facts_.get();
}

const std::vector<Claim>& RuleContext::claims() {
    if (!claims_) {
        claims_ = extract_claims(document_);
        report_.claims.clear();
        for (const Claim& claim : *claims_) {
            report_.claims.push_back(ClaimResult{claim,
                                                 ClaimStatus::Unverifiable,
                                                 "no table prints this figure",
                                                 {},
                                                 "表中未列示该数"});
        }
    }
    return *claims_;
}

void RuleContext::settle_claim(std::size_t index, ClaimStatus status, std::string reason,
                               std::vector<CellRef> cells, std::string reason_zh) {
    ClaimResult& result = report_.claims[index];
    // A mismatch found by any rule stands; otherwise the latest verdict wins.
    if (result.status == ClaimStatus::Mismatched && status != ClaimStatus::Mismatched) {
        return;
    }
    result.status = status;
    result.reason_zh = reason_zh.empty() ? reason : std::move(reason_zh);
    result.reason = std::move(reason);
    result.cells = std::move(cells);
}

std::string_view to_string(IdentityVerdict verdict) {
    switch (verdict) {
        case IdentityVerdict::Holds:
            return "holds";
        case IdentityVerdict::WithinRounding:
            return "within-rounding";
        case IdentityVerdict::Finding:
            return "finding";
    }
    return "?";
}

std::size_t CheckReport::count(Severity severity) const {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(),
                      [severity](const Finding& f) { return f.severity == severity; }));
}

bool CellAt::printed() const {
    const Cell& c = cell();
    return !c.invalid && c.amount() != nullptr && c.amount()->is_printed();
}

std::string place_en(const CellRef& ref) {
    return ref.column.empty() ? ref.row : fmt::format("{} × {}", ref.row, ref.column);
}
// Where the printed figure stands: a table's cell, or a figure quoted in the text.
std::string_view printed_zh(const CellRef& ref) {
    return ref.table_index >= 0 ? "表中列示" : "文中为";
}

std::string place_zh(const CellRef& ref) {
    return ref.column.empty() ? ref.row : fmt::format("{}「{}」", ref.row, ref.column);
}

std::string row_name(const Row& row) {
    if (row.subject) {
        return fmt::format("{} {}", row.subject->code, row.label);
    }
    if (!row.label.empty()) {
        return row.label;
    }
    return row.role == RowRole::Unit ? std::string("(unit row)")
                                     : fmt::format("row {}", row.json_index + 1);
}

CellRef ref_of(const CellAt& at) {
    CellRef ref;
    ref.table = at.table->title;
    ref.table_index = at.table->json_index;
    ref.side = at.side_ref().side;
    ref.row = row_name(at.row_ref());
    ref.column = at.column_ref().printed();
    ref.printed = at.cell().printed;
    ref.unit = std::string(to_string(at.table->money_unit));
    ref.source = at.cell().source;
    return ref;
}

Figure figure_of(const CellAt& at) {
    Figure figure;
    if (const Amount* amount = at.amount(); amount != nullptr && !at.cell().invalid) {
        figure.amount = *amount;
    }
    figure.unreadable = at.cell().invalid;
    figure.unit = at.table->money_unit;
    figure.at = at;
    return figure;
}

CellRef Figure::reference() const {
    return at ? ref_of(*at) : ref;
}

const SourceLocation& Figure::location() const {
    return at ? at->cell().source : ref.source;
}

std::vector<CellAt> value_cells(const Table& table, int side, int row) {
    std::vector<CellAt> out;
    const TableSide& s = table.sides[static_cast<std::size_t>(side)];
    for (std::size_t c = 0; c < s.columns.size(); ++c) {
        if (s.columns[c].meaning.is_value()) {
            out.push_back(CellAt{&table, side, row, static_cast<int>(c)});
        }
    }
    return out;
}

bool is_content(const Row& row) {
    return row.role != RowRole::Filler;
}

const Table* first_table(const Document& document, TableKind kind) {
    const auto tables = document.tables_of(kind);
    return tables.empty() ? nullptr : tables.front();
}

int total_row(const TableSide& side) {
    for (std::size_t r = 0; r < side.rows.size(); ++r) {
        if (side.rows[r].is_total && side.rows[r].line_item == LineItem::Total) {
            return static_cast<int>(r);
        }
    }
    return -1;
}

int find_subject_row(const TableSide& side, std::string_view code) {
    for (std::size_t r = 0; r < side.rows.size(); ++r) {
        if (side.rows[r].subject && side.rows[r].subject->code == code) {
            return static_cast<int>(r);
        }
    }
    return -1;
}

std::string show(Decimal yuan, MoneyUnit unit, int decimals) {
    auto value = yuan.shifted(-yuan_exponent(unit));
    if (!value && yuan_exponent(unit) > 0) {
        // More decimals than a Decimal holds once in 万元: shown rounded to the most it holds.
        value = yuan.divided_by(Decimal::from_integer(power_of_ten(yuan_exponent(unit))),
                                Decimal::max_scale);
    }
    if (!value) {
        return "?";
    }
    if (auto fitted = value->with_scale(decimals)) {
        return fitted->to_string();
    }
    return value->to_string();
}

namespace {

Decimal ulp(int decimals) {
    return *Decimal::make(1, decimals);
}

// Half a unit of the last printed decimal: the most rounding can have moved a printed figure.
// A figure printed with the most decimals the format accepts needs one more than a Decimal
// holds; a whole unit is used then, a slightly wider interval that can only call fewer
// differences errors.
Decimal half_ulp(int decimals) {
    if (const auto half = Decimal::make(5, decimals + 1)) {
        return *half;
    }
    return ulp(decimals);
}

std::optional<Decimal> to_yuan(Decimal value, MoneyUnit unit) {
    return value.shifted(yuan_exponent(unit));
}

int display_decimals(const Figure& total, const std::vector<std::pair<int, Figure>>& parts) {
    int decimals = total.amount.is_printed() ? total.amount.decimals() : 0;
    for (const auto& [sign, part] : parts) {
        if (part.amount.is_printed() && part.unit == total.unit) {
            decimals = std::max(decimals, part.amount.decimals());
        }
    }
    return decimals;
}

std::string shown_figure(const Figure& figure, MoneyUnit unit, int decimals) {
    if (figure.unit == unit) {
        auto fitted =
            figure.amount.value().with_scale(std::max(decimals, figure.amount.decimals()));
        return fitted ? fitted->to_string() : figure.amount.value().to_string();
    }
    return fmt::format("{} {}", figure.amount.value().to_string(), to_string(figure.unit));
}

// The total as a finding and an identity's statement show it.
std::string printed_total(const Figure& total, int decimals) {
    return total.amount.is_printed() ? shown_figure(total, total.unit, decimals)
                                     : (total.amount.is_dash() ? "-" : "(blank)");
}

// "437.69 + 31.60 − 47.73": the printed parts of a sum, in the total's unit.
std::string sum_expression(const std::vector<std::pair<int, Figure>>& parts, MoneyUnit unit,
                           int decimals) {
    std::string expression;
    for (const auto& [sign, part] : parts) {
        if (!part.amount.is_printed()) {
            continue;
        }
        if (expression.empty()) {
            expression = (sign < 0 ? "−" : "") + shown_figure(part, unit, decimals);
        } else {
            expression +=
                fmt::format(" {} {}", sign < 0 ? "−" : "+", shown_figure(part, unit, decimals));
        }
    }
    return expression.empty() ? "0" : expression;
}

// "(12.00 − 10.00) ÷ 10.00" for a change rate, "3.00 ÷ 12.00" for a share.
std::string ratio_expression(const Figure& numerator, const Figure& denominator,
                             bool change_rate) {
    const std::string n = shown_figure(numerator, numerator.unit, numerator.amount.decimals());
    const std::string d =
        shown_figure(denominator, denominator.unit, denominator.amount.decimals());
    return change_rate ? fmt::format("({} − {}) ÷ {}", n, d, d) : fmt::format("{} ÷ {}", n, d);
}

// "12.11 ÷ (37188.34 − 12.11)": the rate a change and the current figure give.
std::string change_rate_expression(const Figure& change, const Figure& current, int sign) {
    const std::string c = shown_figure(change, change.unit, change.amount.decimals());
    const std::string v = shown_figure(current, current.unit, current.amount.decimals());
    return fmt::format("{} ÷ ({} {} {})", c, v, sign > 0 ? "−" : "+", c);
}

// Whether a figure is this document's: a cell of last year's disclosure (narrative.prior-year)
// has no table index here, and its pointer would name one of this document's cells.
bool in_this_document(int table_index, std::string_view pointer) {
    return table_index >= 0 || pointer.rfind("/tables/", 0) != 0;
}

// An identity's statement when its computation does not give the printed figure, in both
// languages: "437.69 + 31.60 = 469.29, printed 469.30".
std::pair<std::string, std::string> computed_but_printed(const std::string& computation,
                                                         const std::string& computed,
                                                         const std::string& printed,
                                                         const Figure& where) {
    const bool in_table = where.at.has_value() || where.ref.table_index >= 0;
    return {fmt::format("{} = {}, printed {}", computation, computed, printed),
            fmt::format("{} = {}，{} {}", computation, computed, in_table ? "表中列示" : "文中为",
                        printed)};
}

// Every adjacent-digit swap of a printed figure, as the value the swap would give.
std::vector<std::pair<std::string, Decimal>> digit_swaps(const Amount& amount) {
    std::vector<std::pair<std::string, Decimal>> out;
    const std::string text = amount.value().to_string();
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        std::size_t j = i + 1;
        if (text[j] == '.' && j + 1 < text.size()) {
            j = j + 1;  // swap across the decimal point too
        }
        if (!std::isdigit(static_cast<unsigned char>(text[i])) ||
            !std::isdigit(static_cast<unsigned char>(text[j])) || text[i] == text[j]) {
            continue;
        }
        std::string swapped = text;
        std::swap(swapped[i], swapped[j]);
        if (auto parsed = Amount::parse(swapped)) {
            out.emplace_back(swapped, parsed->value());
        }
    }
    return out;
}

}  // namespace

RuleContext::RuleContext(const Document& document, const RuleOptions& options, CheckReport& report,
                         const Document* last_year)
    : document_(document), options_(options), report_(report), last_year_(last_year) {}

bool RuleContext::enabled(std::string_view rule_id) const {
    return std::find(options_.disabled.begin(), options_.disabled.end(), rule_id) ==
           options_.disabled.end();
}

Severity RuleContext::effective(std::string_view rule_id, Severity fallback) const {
    const auto found = options_.severity_overrides.find(rule_id);
    return found == options_.severity_overrides.end() ? fallback : found->second;
}

void RuleContext::report(Finding finding, Axis axis) {
    if (!enabled(rule_->id)) {
        return;
    }
    finding.rule_id = std::string(rule_->id);
    finding.severity = effective(rule_->id, finding.severity);
    report_.findings.push_back(std::move(finding));
    axes_.push_back(axis);
}

namespace {

// "0.020" → "0.02": the slack is shown with as many decimals as it needs.
std::string trim_zeros(std::string text) {
    if (text.find('.') == std::string::npos) {
        return text;
    }
    while (!text.empty() && text.back() == '0') {
        text.pop_back();
    }
    if (!text.empty() && text.back() == '.') {
        text.pop_back();
    }
    return text;
}

}  // namespace

void RuleContext::report_rounding(Finding finding, const std::string& shown_slack) {
    const std::string slack = trim_zeros(shown_slack);
    constexpr std::string_view rounding_id = "rounding.explained";
    if (options_.exact_footing) {
        finding.severity = rule_->default_severity;
        finding.message_en += " (exact footing is required)";
        finding.message_zh += "（要求精确平衡）";
        report(std::move(finding));
        return;
    }
    if (!enabled(rounding_id)) {
        return;
    }
    finding.message_en += fmt::format(
        "; rounding of the printed figures can explain up to ±{} ({})", slack, rule_->id);
    finding.message_zh +=
        fmt::format("；属尾差：所列数字四舍五入最多可差 ±{}（{}）", slack, rule_->id);
    finding.rule_id = std::string(rounding_id);
    finding.severity = effective(rounding_id, options_.rounding_severity);
    report_.findings.push_back(std::move(finding));
    axes_.push_back(Axis::Other);
}

void Finding::add_hint(std::string en, std::string zh) {
    if (std::find(hints.begin(), hints.end(), en) != hints.end()) {
        return;
    }
    hints.push_back(std::move(en));
    hints_zh.push_back(std::move(zh));
}

void RuleContext::add_hint(const SourceLocation& where, std::string hint, std::string hint_zh) {
    for (Finding& finding : report_.findings) {
        if (!finding.cells.empty() && finding.cells.front().source.pointer == where.pointer &&
            finding.cells.front().source.line == where.line &&
            finding.cells.front().source.column == where.column) {
            finding.add_hint(std::move(hint), std::move(hint_zh));
            return;
        }
    }
}

void RuleContext::hint_against_last_year(std::size_t since) {
    hint_new_findings(since,
                      "a budget adjusted after it was published, or restated for a change of "
                      "scope, also explains a difference from last year's disclosure",
                      "预算公开后经过调整，或因口径变化而重新列示，也会造成与上年公开数的差异");
}

void RuleContext::hint_new_findings(std::size_t since, const std::string& hint,
                                    const std::string& hint_zh) {
    for (std::size_t i = since; i < report_.findings.size(); ++i) {
        report_.findings[i].add_hint(hint, hint_zh);
    }
}

void RuleContext::skip(std::string reason, std::string reason_zh) {
    for (const SkippedCheck& s : report_.skipped) {
        if (s.rule_id == rule_->id && s.reason == reason) {
            return;
        }
    }
    report_.skipped.push_back(
        SkippedCheck{std::string(rule_->id), std::move(reason), std::move(reason_zh)});
}

void RuleContext::note_checked(const SourceLocation& at, bool ours,
                               std::vector<std::string>& pointers,
                               std::vector<SourceLocation>& locations) {
    // A cell of last year's disclosure is not this document's, whatever its pointer names here.
    if (ours && !at.pointer.empty() &&
        checked_cells_.find(std::string_view(at.pointer)) == checked_cells_.end()) {
        checked_cells_.insert(at.pointer);
        report_.cells_checked.push_back(at.pointer);
    }
    if (recording()) {
        locations.push_back(at);  // a finding names last year's cells too: kept to match them
        if (ours) {
            pointers.push_back(at.pointer);
        }
    }
}

std::size_t RuleContext::count_figures(const Figure& first,
                                       const std::vector<std::pair<int, Figure>>& rest) {
    ++report_.identities_checked;
    std::vector<std::string> pointers;
    std::vector<SourceLocation> locations;
    auto note = [&](const Figure& figure) {
        note_checked(figure.location(), in_this_document(figure.at ? 0 : figure.ref.table_index,
                                                         figure.pointer()),
                     pointers, locations);
    };
    note(first);
    for (const auto& [sign, figure] : rest) {
        if (figure.amount.is_printed()) {
            note(figure);
        }
    }
    return recording() ? record_identity(std::move(pointers), std::move(locations)) : no_identity;
}

void RuleContext::count_checked(const std::vector<CellRef>& cells,
                                std::pair<std::string, std::string> statement) {
    ++report_.identities_checked;
    std::vector<std::string> pointers;
    std::vector<SourceLocation> locations;
    for (const CellRef& cell : cells) {
        note_checked(cell.source, in_this_document(cell.table_index, cell.source.pointer),
                     pointers, locations);
    }
    if (recording()) {
        const std::size_t index = record_identity(std::move(pointers), std::move(locations));
        if (!statement.first.empty()) {
            report_.identities[index].statement_en = std::move(statement.first);
            report_.identities[index].statement_zh = std::move(statement.second);
        }
    }
}

std::size_t RuleContext::record_identity(std::vector<std::string> pointers,
                                         std::vector<SourceLocation> locations) {
    // A figure may take part twice (a claim read against two cells of one text): listed once.
    std::vector<std::string> unique;
    for (std::string& pointer : pointers) {
        if (!pointer.empty() && std::find(unique.begin(), unique.end(), pointer) == unique.end()) {
            unique.push_back(std::move(pointer));
        }
    }
    report_.identities.push_back(CheckedIdentity{std::string(rule_->id),
                                                 std::string(rule_->title_en),
                                                 std::string(rule_->title_zh),
                                                 IdentityVerdict::Holds, std::move(unique)});
    pending_.push_back(PendingIdentity{std::move(locations), false});
    return report_.identities.size() - 1;
}

void RuleContext::settle_identity(std::size_t index, Verdict verdict, std::string statement_en,
                                  std::string statement_zh) {
    if (index == no_identity) {
        return;
    }
    CheckedIdentity& identity = report_.identities[index];
    identity.statement_en = std::move(statement_en);
    identity.statement_zh = std::move(statement_zh);
    switch (verdict) {
        case Verdict::Exact:
            identity.verdict = IdentityVerdict::Holds;
            break;
        case Verdict::WithinRounding:
            // Exact footing turns what rounding explains into a finding of the rule itself.
            identity.verdict = options_.exact_footing ? IdentityVerdict::Finding
                                                      : IdentityVerdict::WithinRounding;
            break;
        case Verdict::Inconsistent:
        case Verdict::Unchecked:
            identity.verdict = IdentityVerdict::Finding;
            break;
    }
    pending_[index].settled = true;
}

void RuleContext::describe_miss(Finding& finding, std::size_t identity,
                                const std::string& expression, const Figure& printed,
                                bool rounding) {
    finding.arithmetic = fmt::format("{} = {} ≠ {}", expression, finding.expected, finding.actual);
    if (identity != no_identity) {
        auto [en, zh] = computed_but_printed(expression, finding.expected, finding.actual, printed);
        settle_identity(identity, rounding ? Verdict::WithinRounding : Verdict::Inconsistent,
                        std::move(en), std::move(zh));
    }
}

void RuleContext::settle_pending_identities() {
    // A finding of the identity's own rule about one of its figures is taken to be its verdict:
    // the checks behind count_checked report under the rule that counted them.
    std::set<std::tuple<std::string_view, std::string_view, std::uint32_t, std::uint32_t>> found;
    for (const Finding& finding : report_.findings) {
        for (const CellRef& cell : finding.cells) {
            found.emplace(finding.rule_id, cell.source.pointer, cell.source.line,
                          cell.source.column);
        }
    }
    for (std::size_t i = 0; i < pending_.size(); ++i) {
        if (pending_[i].settled) {
            continue;
        }
        CheckedIdentity& identity = report_.identities[i];
        const bool failed = std::any_of(
            pending_[i].cells.begin(), pending_[i].cells.end(), [&](const SourceLocation& at) {
                return found.count({identity.rule_id, at.pointer, at.line, at.column}) != 0;
            });
        identity.verdict = failed ? IdentityVerdict::Finding : IdentityVerdict::Holds;
    }
}

bool RuleContext::skip_unreadable(const Figure& first,
                                  const std::vector<std::pair<int, Figure>>& rest) {
    const Figure* bad = first.unreadable ? &first : nullptr;
    for (const auto& [sign, figure] : rest) {
        if (bad == nullptr && figure.unreadable) {
            bad = &figure;
        }
    }
    if (bad == nullptr) {
        return false;
    }
    const CellRef ref = bad->reference();
    skip(fmt::format("{} cannot be read (see the input error at {})", place_en(ref),
                     ref.source.pointer),
         fmt::format("{} 无法读取（见 {} 处的输入错误）", place_zh(ref), ref.source.pointer));
    return true;
}

Interval RuleContext::interval_of(const Figure& figure) const {
    if (!figure.amount.is_printed()) {
        return Interval{};
    }
    const Decimal value = figure.amount.value();
    const int decimals = figure.amount.decimals();
    Decimal lo = value;
    Decimal hi = value;
    if (!figure.exact) {
        if (options_.rounding == RoundingMode::Nearest) {
            const Decimal half = half_ulp(decimals);
            lo = value.minus(half).value_or(value);
            hi = value.plus(half).value_or(value);
        } else if (value.is_negative()) {
            lo = value.minus(ulp(decimals)).value_or(value);
        } else {
            hi = value.plus(ulp(decimals)).value_or(value);
        }
    }
    return Interval{to_yuan(lo, figure.unit).value_or(Decimal()),
                    to_yuan(hi, figure.unit).value_or(Decimal())};
}

Verdict RuleContext::check_sum(const Figure& total,
                               const std::vector<std::pair<int, Figure>>& parts,
                               const IdentityText& text) {
    if (skip_unreadable(total, parts)) {
        return Verdict::Unchecked;
    }
    std::optional<Decimal> sum = Decimal();
    Decimal sum_lo;
    Decimal sum_hi;
    bool overflow = false;
    for (const auto& [sign, part] : parts) {
        const auto value = to_yuan(part.amount.value(), part.unit);
        const Interval range = interval_of(part);
        if (!value || !sum) {
            overflow = true;
            break;
        }
        if (sign > 0) {
            sum = sum->plus(*value);
            sum_lo = sum_lo.plus(range.lo).value_or(sum_lo);
            sum_hi = sum_hi.plus(range.hi).value_or(sum_hi);
        } else {
            sum = sum->minus(*value);
            sum_lo = sum_lo.minus(range.hi).value_or(sum_lo);
            sum_hi = sum_hi.minus(range.lo).value_or(sum_hi);
        }
    }
    const auto actual = to_yuan(total.amount.value(), total.unit);
    if (overflow || !sum || !actual) {
        skip("a sum too large to compute exactly", "合计数过大，无法精确计算");
        return Verdict::Unchecked;
    }
    const std::size_t identity = count_figures(total, parts);
    const auto residual = actual->minus(*sum);
    if (!residual) {
        return Verdict::Unchecked;
    }
    // One part with a plus sign is a comparison of two printed figures, not a sum.
    const bool comparison = parts.size() == 1 && parts.front().first > 0;
    if (residual->is_zero()) {
        if (identity != no_identity) {
            const int decimals = display_decimals(total, parts);
            const std::string printed = printed_total(total, decimals);
            const std::string expression = sum_expression(parts, total.unit, decimals);
            std::string said = comparison ? fmt::format("{} = {} ✓", printed, expression)
                                          : fmt::format("{} = {} ✓", expression, printed);
            settle_identity(identity, Verdict::Exact, said, said);
        }
        return Verdict::Exact;
    }
    std::vector<CellRef> cells{total.reference()};
    for (const auto& [sign, part] : parts) {
        if (part.amount.is_printed()) {
            cells.push_back(part.reference());
        }
    }
    const CellRef total_ref = cells.front();
    const Interval total_range = interval_of(total);
    const bool overlaps = total_range.lo <= sum_hi && sum_lo <= total_range.hi;

    const int decimals = display_decimals(total, parts);
    Finding finding;
    finding.severity = rule_->default_severity;
    finding.cells = cells;
    finding.expected = show(*sum, total.unit, decimals);
    finding.actual = printed_total(total, decimals);
    finding.difference = show(*residual, total.unit, decimals);
    if (comparison) {
        finding.arithmetic = fmt::format("{} ≠ {}", finding.actual, finding.expected);
        settle_identity(identity, overlaps ? Verdict::WithinRounding : Verdict::Inconsistent,
                        finding.arithmetic, finding.arithmetic);
    } else {
        describe_miss(finding, identity, sum_expression(parts, total.unit, decimals), total,
                      overlaps);
    }
    finding.message_en = fmt::format("{}: {} {}, but {} is printed (difference {} {})",
                                     place_en(total_ref), text.expected_en, finding.expected,
                                     finding.actual, finding.difference, total_ref.unit);
    finding.message_zh =
        fmt::format("{}：{} {}，{} {}（相差 {} {}）", place_zh(total_ref), text.expected_zh,
                    finding.expected, printed_zh(total_ref), finding.actual, finding.difference,
                    total_ref.unit);
    if (overlaps) {
        report_rounding(std::move(finding), show(slack_of(total, parts), total.unit, decimals + 1));
        return Verdict::WithinRounding;
    }
    // Diagnosis: which single slip in one printed figure would make the identity hold?
    auto fixes = [&](Decimal new_residual) { return new_residual.is_zero(); };
    auto try_cell = [&](const Figure& figure, int sign, bool is_total) {
        if (!figure.amount.is_printed()) {
            return;
        }
        for (const auto& [swapped, value] : digit_swaps(figure.amount)) {
            const auto delta =
                to_yuan(value.minus(figure.amount.value()).value_or(Decimal()), figure.unit);
            if (!delta) {
                continue;
            }
            const auto changed =
                is_total ? residual->plus(*delta)
                         : (sign > 0 ? residual->minus(*delta) : residual->plus(*delta));
            if (changed && fixes(*changed)) {
                finding.add_hint(
                    fmt::format("two transposed digits? printing {} as {} in {} × {} would make it "
                                "add up (the difference is a multiple of 9)",
                                figure.amount.value().to_string(), swapped,
                                figure.reference().row, figure.reference().column),
                    fmt::format("两位数字颠倒？{} 若印作 {} 而非 {} 即可相符（差额是 9 的倍数）",
                                place_zh(figure.reference()), swapped,
                                figure.amount.value().to_string()));
            }
        }
        if (!is_total) {
            const auto value = to_yuan(figure.amount.value(), figure.unit);
            const auto twice = value ? value->times(Decimal::from_integer(2)) : std::nullopt;
            if (twice && ((sign > 0 && *residual == twice->negated().value_or(Decimal())) ||
                          (sign < 0 && *residual == *twice))) {
                finding.add_hint(
                    fmt::format("a sign slip? the difference is twice {} ({} × {})",
                                figure.amount.value().to_string(), figure.reference().row,
                                figure.reference().column),
                    fmt::format("正负号错误？差额是 {}（{}）的两倍",
                                figure.amount.value().to_string(), place_zh(figure.reference())));
            }
        }
        for (int power : {4, -4}) {
            const auto scaled = figure.amount.value().shifted(power);
            const auto delta =
                scaled
                    ? to_yuan(scaled->minus(figure.amount.value()).value_or(Decimal()), figure.unit)
                    : std::nullopt;
            if (!delta) {
                continue;
            }
            const auto changed =
                is_total ? residual->plus(*delta)
                         : (sign > 0 ? residual->minus(*delta) : residual->plus(*delta));
            if (changed && changed->abs().value_or(*changed) <= slack_of(total, parts)) {
                finding.add_hint(
                    fmt::format("a 元/万元 slip? {} × {} reads as if it were in the other unit "
                                "(a factor of 10,000)",
                                figure.reference().row, figure.reference().column),
                    fmt::format("元与万元混用？{} 像是按另一单位填列（相差 10,000 倍）",
                                place_zh(figure.reference())));
            }
        }
    };
    try_cell(total, 1, true);
    for (const auto& [sign, part] : parts) {
        try_cell(part, sign, false);
    }
    report(std::move(finding), text.axis);
    return Verdict::Inconsistent;
}

Decimal RuleContext::slack_of(const Figure& total,
                              const std::vector<std::pair<int, Figure>>& parts) const {
    const Interval t = interval_of(total);
    Decimal slack = t.hi.minus(t.lo).value_or(Decimal());
    for (const auto& [sign, part] : parts) {
        const Interval p = interval_of(part);
        slack = slack.plus(p.hi.minus(p.lo).value_or(Decimal())).value_or(slack);
    }
    return slack.divided_by(Decimal::from_integer(2), slack.scale() + 1).value_or(slack);
}

Verdict RuleContext::check_at_most(const Figure& part, const Figure& whole,
                                   const IdentityText& text) {
    if (skip_unreadable(part, {{1, whole}})) {
        return Verdict::Unchecked;
    }
    const auto part_value = to_yuan(part.amount.value(), part.unit);
    const auto whole_value = to_yuan(whole.amount.value(), whole.unit);
    if (!part_value || !whole_value) {
        return Verdict::Unchecked;
    }
    const std::size_t identity = count_figures(part, {{1, whole}});
    const int decimals = std::max(part.amount.decimals(), whole.amount.decimals());
    if (*part_value <= *whole_value) {
        if (identity != no_identity) {
            const std::string said = fmt::format("{} ≤ {} ✓", shown_figure(part, part.unit, decimals),
                                                 shown_figure(whole, part.unit, decimals));
            settle_identity(identity, Verdict::Exact, said, said);
        }
        return Verdict::Exact;
    }
    const auto excess = part_value->minus(*whole_value).value_or(Decimal());
    Finding finding;
    finding.severity = rule_->default_severity;
    const CellRef part_ref = part.reference();
    finding.cells = {part_ref, whole.reference()};
    finding.expected = fmt::format("≤ {}", show(*whole_value, part.unit, decimals));
    finding.actual = show(*part_value, part.unit, decimals);
    finding.difference = show(excess, part.unit, decimals);
    finding.arithmetic = fmt::format("{} > {}", shown_figure(part, part.unit, decimals),
                                     shown_figure(whole, part.unit, decimals));
    const bool rounding = interval_of(part).lo <= interval_of(whole).hi;
    settle_identity(identity, rounding ? Verdict::WithinRounding : Verdict::Inconsistent,
                    finding.arithmetic, finding.arithmetic);
    finding.message_en =
        fmt::format("{}: {} {}, but {} is printed ({} too much)", place_en(part_ref),
                    text.expected_en, finding.expected, finding.actual, finding.difference);
    finding.message_zh =
        fmt::format("{}：{} {}，{} {}（超出 {}）", place_zh(part_ref), text.expected_zh,
                    finding.expected, printed_zh(part_ref), finding.actual, finding.difference);
    if (rounding) {
        report_rounding(std::move(finding),
                        show(slack_of(whole, {{1, part}}), part.unit, decimals + 1));
        return Verdict::WithinRounding;
    }
    report(std::move(finding), text.axis);
    return Verdict::Inconsistent;
}

Verdict RuleContext::check_ratio(const Figure& percent_cell, const Percentage& printed,
                                 const Figure& numerator, const Figure& denominator,
                                 bool change_rate, const IdentityText& text) {
    if (skip_unreadable(percent_cell, {{1, numerator}, {1, denominator}})) {
        return Verdict::Unchecked;
    }
    const auto n0 = to_yuan(numerator.amount.value(), numerator.unit);
    const auto d0 = to_yuan(denominator.amount.value(), denominator.unit);
    if (!n0 || !d0 || !printed.is_printed()) {
        return Verdict::Unchecked;
    }
    const Interval n = interval_of(numerator);
    const Interval d = interval_of(denominator);
    if (d.lo.sign() <= 0) {
        skip("a share or rate whose base is zero or negative", "占比或比率的基数为零或负数");
        return Verdict::Unchecked;
    }
    const std::size_t identity = count_figures(percent_cell, {{1, numerator}, {1, denominator}});
    const int decimals = printed.decimals();
    const Decimal x = printed.points();
    Decimal x_lo = x;
    Decimal x_hi = x;
    if (options_.rounding == RoundingMode::Nearest) {
        const Decimal half = half_ulp(decimals);
        x_lo = x.minus(half).value_or(x);
        x_hi = x.plus(half).value_or(x);
    } else if (x.is_negative()) {
        x_lo = x.minus(ulp(decimals)).value_or(x);
    } else {
        x_hi = x.plus(ulp(decimals)).value_or(x);
    }
    const Decimal hundred = Decimal::from_integer(100);
    const Decimal offset = change_rate ? hundred : Decimal();
    // g(n, d, x) = 100·n − (x + offset)·d; the ratio is ≥ x exactly when g ≥ 0 (d > 0).
    auto g = [&](Decimal nv, Decimal dv, Decimal xv) -> std::optional<Decimal> {
        const auto left = hundred.times(nv);
        const auto factor = xv.plus(offset);
        const auto right = factor ? factor->times(dv) : std::nullopt;
        if (!left || !right) {
            return std::nullopt;
        }
        return left->minus(*right);
    };
    const auto exact_low = g(*n0, *d0, x_lo);
    const auto exact_high = g(*n0, *d0, x_hi);
    if (!exact_low || !exact_high) {
        skip("a share or rate too large to compute exactly", "占比或比率过大，无法精确计算");
        return Verdict::Unchecked;
    }
    if (exact_low->sign() >= 0 && exact_high->sign() <= 0) {
        if (identity != no_identity) {
            const std::string said = fmt::format(
                "{} = {} ✓", ratio_expression(numerator, denominator, change_rate),
                printed.to_string());
            settle_identity(identity, Verdict::Exact, said, said);
        }
        return Verdict::Exact;
    }
    bool reaches_low = false;
    bool reaches_high = false;
    for (Decimal nv : {n.lo, n.hi}) {
        for (Decimal dv : {d.lo, d.hi}) {
            const auto low = g(nv, dv, x_lo);
            const auto high = g(nv, dv, x_hi);
            reaches_low = reaches_low || (low && low->sign() >= 0);
            reaches_high = reaches_high || (high && high->sign() <= 0);
        }
    }
    const auto ratio = hundred.times(*n0).value_or(Decimal()).divided_by(*d0, decimals);
    const auto expected = ratio ? ratio->minus(offset) : std::nullopt;
    Finding finding;
    finding.severity = rule_->default_severity;
    const CellRef percent_ref = percent_cell.reference();
    finding.cells = {percent_ref, numerator.reference(), denominator.reference()};
    finding.expected = expected ? expected->to_string() + "%" : "?";
    finding.actual = printed.to_string();
    finding.difference =
        expected ? x.minus(*expected).value_or(Decimal()).to_string() + " points" : "?";
    describe_miss(finding, identity, ratio_expression(numerator, denominator, change_rate),
                  percent_cell, reaches_low && reaches_high);
    finding.message_en = fmt::format("{}: {} {}, but {} is printed", place_en(percent_ref),
                                     text.expected_en, finding.expected, finding.actual);
    finding.message_zh = fmt::format("{}：{} {}，{} {}", place_zh(percent_ref),
                                     text.expected_zh, finding.expected,
                                     printed_zh(percent_ref), finding.actual);
    if (reaches_low && reaches_high) {
        report_rounding(std::move(finding),
                        fmt::format("{} points", show(half_ulp(decimals), MoneyUnit::Yuan, decimals + 1)));
        return Verdict::WithinRounding;
    }
    report(std::move(finding), text.axis);
    return Verdict::Inconsistent;
}

Verdict RuleContext::check_change_rate(const Figure& percent_cell, const Percentage& printed,
                                       const Figure& change, const Figure& current, int sign,
                                       const IdentityText& text) {
    if (skip_unreadable(percent_cell, {{1, change}, {1, current}})) {
        return Verdict::Unchecked;
    }
    const auto c0 = to_yuan(change.amount.value(), change.unit);
    const auto v0 = to_yuan(current.amount.value(), current.unit);
    if (!c0 || !v0 || !printed.is_printed()) {
        return Verdict::Unchecked;
    }
    const Decimal s = Decimal::from_integer(sign);
    const auto signed0 = c0->times(s);
    const auto base0 = signed0 ? v0->minus(*signed0) : std::nullopt;
    if (!base0 || base0->sign() <= 0) {
        skip("a rate of change whose prior-year figure is zero or less",
             "增减率的上年数为零或负数");
        return Verdict::Unchecked;
    }
    const Interval c = interval_of(change);
    const Interval v = interval_of(current);
    const int decimals = printed.decimals();
    const Decimal x = printed.points();
    const Decimal half = half_ulp(decimals);
    const Decimal x_lo = options_.rounding == RoundingMode::Nearest ? x.minus(half).value_or(x) : x;
    const Decimal x_hi = options_.rounding == RoundingMode::Nearest
                             ? x.plus(half).value_or(x)
                             : x.plus(ulp(decimals)).value_or(x);
    const Decimal hundred = Decimal::from_integer(100);
    // h(c, v, x) = 100·c − x·(v − sign·c): zero exactly where the rate is x. h is linear in each
    // variable, so its range over the box of allowed values is spanned by the box's corners.
    auto h = [&](Decimal cv, Decimal vv, Decimal xv) -> std::optional<Decimal> {
        const auto left = hundred.times(cv);
        const auto signed_c = cv.times(s);
        const auto base = signed_c ? vv.minus(*signed_c) : std::nullopt;
        const auto right = base ? xv.times(*base) : std::nullopt;
        return left && right ? left->minus(*right) : std::nullopt;
    };
    const auto at_low = h(*c0, *v0, x_lo);
    const auto at_high = h(*c0, *v0, x_hi);
    if (!at_low || !at_high) {
        skip("a rate too large to compute exactly", "比率过大，无法精确计算");
        return Verdict::Unchecked;
    }
    const std::size_t identity = count_figures(percent_cell, {{1, change}, {1, current}});
    if (at_low->sign() >= 0 && at_high->sign() <= 0) {
        if (identity != no_identity) {
            const std::string said = fmt::format(
                "{} = {} ✓", change_rate_expression(change, current, sign), printed.to_string());
            settle_identity(identity, Verdict::Exact, said, said);
        }
        return Verdict::Exact;
    }
    bool some_above = false;
    bool some_below = false;
    for (Decimal cv : {c.lo, c.hi}) {
        for (Decimal vv : {v.lo, v.hi}) {
            for (Decimal xv : {x_lo, x_hi}) {
                if (const auto value = h(cv, vv, xv)) {
                    some_above = some_above || value->sign() >= 0;
                    some_below = some_below || value->sign() <= 0;
                }
            }
        }
    }
    const auto rate = hundred.times(*c0).value_or(Decimal()).divided_by(*base0, decimals);
    Finding finding;
    finding.severity = rule_->default_severity;
    const CellRef percent_ref = percent_cell.reference();
    finding.cells = {percent_ref, change.reference(), current.reference()};
    finding.expected = rate ? rate->to_string() + "%" : "?";
    finding.actual = printed.to_string();
    finding.difference = rate ? x.minus(*rate).value_or(Decimal()).to_string() + " points" : "?";
    describe_miss(finding, identity, change_rate_expression(change, current, sign), percent_cell,
                  some_above && some_below);
    finding.message_en = fmt::format("{}: {} {}, but {} is printed", place_en(percent_ref),
                                     text.expected_en, finding.expected, finding.actual);
    finding.message_zh = fmt::format("{}：{} {}，文中列示 {}", place_zh(percent_ref),
                                     text.expected_zh, finding.expected, finding.actual);
    if (some_above && some_below) {
        report_rounding(std::move(finding),
                        fmt::format("{} points", show(half, MoneyUnit::Yuan, decimals + 1)));
        return Verdict::WithinRounding;
    }
    report(std::move(finding), text.axis);
    return Verdict::Inconsistent;
}

namespace {

// The grid position of a cell, found by its JSON pointer.
std::optional<CellAt> locate_cell(const Document& document, const std::string& pointer) {
    for (const Table& table : document.tables) {
        for (std::size_t s = 0; s < table.sides.size(); ++s) {
            const TableSide& side = table.sides[s];
            for (std::size_t r = 0; r < side.rows.size(); ++r) {
                for (std::size_t c = 0; c < side.rows[r].cells.size(); ++c) {
                    if (side.rows[r].cells[c].source.pointer == pointer) {
                        return CellAt{&table, static_cast<int>(s), static_cast<int>(r),
                                      static_cast<int>(c)};
                    }
                }
            }
        }
    }
    return std::nullopt;
}

// The figure printed just before this one along an identity's axis: the content row above for a
// column sum, the value column to the left for a row sum.
std::optional<CellAt> previous_along(const CellAt& at, Axis axis) {
    const TableSide& side = at.side_ref();
    if (axis == Axis::Column) {
        for (int r = at.row - 1; r >= 0; --r) {
            if (is_content(side.rows[static_cast<std::size_t>(r)])) {
                return CellAt{at.table, at.side, r, at.column};
            }
        }
    } else if (axis == Axis::Row) {
        for (int c = at.column - 1; c >= 0; --c) {
            if (side.columns[static_cast<std::size_t>(c)].meaning.is_value()) {
                return CellAt{at.table, at.side, at.row, c};
            }
        }
    }
    return std::nullopt;
}

}  // namespace

void RuleContext::finish() {
    if (recording()) {
        settle_pending_identities();
    }
    // A part that repeats the part printed just before it may have been copied from it.
    for (std::size_t i = 0; i < report_.findings.size(); ++i) {
        Finding& finding = report_.findings[i];
        if (finding.severity != Severity::Error || finding.cells.size() < 3 ||
            axes_[i] == Axis::Other) {
            continue;
        }
        std::vector<std::pair<std::string, std::string>> hints;
        for (std::size_t k = 1; k < finding.cells.size(); ++k) {
            const CellRef& ref = finding.cells[k];
            const auto at = locate_cell(document_, ref.source.pointer);
            if (!at || !at->printed() || at->amount()->value().is_zero()) {
                continue;
            }
            const auto before = previous_along(*at, axes_[i]);
            const bool is_total =
                before && before->cell().source.pointer == finding.cells.front().source.pointer;
            if (before && !is_total && before->printed() &&
                before->amount()->value() == at->amount()->value()) {
                hints.emplace_back(
                    fmt::format("{} × {} repeats the figure {} printed just before it ({} × {}): "
                                "copied?",
                                ref.row, ref.column, ref.printed, ref_of(*before).row,
                                ref_of(*before).column),
                    fmt::format("{} 与紧邻其前的 {} 同为 {}：是否照抄？", place_zh(ref),
                                place_zh(ref_of(*before)), ref.printed));
            }
        }
        for (auto& [en, zh] : hints) {
            finding.add_hint(std::move(en), std::move(zh));
        }
    }
    // A failing row check and a failing column check that share a cell point at that cell.
    for (std::size_t i = 0; i < report_.findings.size(); ++i) {
        for (std::size_t j = 0; j < report_.findings.size(); ++j) {
            if (axes_[i] != Axis::Row || axes_[j] != Axis::Column) {
                continue;
            }
            Finding& row = report_.findings[i];
            Finding& column = report_.findings[j];
            for (const CellRef& a : row.cells) {
                const bool shared = std::any_of(
                    column.cells.begin(), column.cells.end(),
                    [&a](const CellRef& b) { return b.source.pointer == a.source.pointer; });
                if (shared) {
                    const std::string hint = fmt::format(
                        "{} × {} ({}) is where a failing row check and a failing column check "
                        "cross: the likely culprit",
                        a.row, a.column, a.printed);
                    const std::string hint_zh = fmt::format(
                        "{}（{}）处于不相符的行与不相符的列的交叉处：最可能出错的单元格",
                        place_zh(a), a.printed);
                    for (Finding* f : {&row, &column}) {
                        f->add_hint(hint, hint_zh);
                    }
                }
            }
        }
    }
}

}  // namespace budgetcheck
