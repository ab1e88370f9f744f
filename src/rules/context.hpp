// The rules' shared machinery: addressing cells, the rounding model that decides whether an
// identity holds, and the sink findings go to. Internal to the rule engine.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "budgetcheck/rules/engine.hpp"

namespace budgetcheck {

class FactIndex;
class ClaimResolver;

// A cell by position: table, side, row, column.
struct CellAt {
    const Table* table = nullptr;
    int side = 0;
    int row = 0;
    int column = 0;

    const TableSide& side_ref() const { return table->sides[static_cast<std::size_t>(side)]; }
    const Row& row_ref() const { return side_ref().rows[static_cast<std::size_t>(row)]; }
    const Column& column_ref() const {
        return side_ref().columns[static_cast<std::size_t>(column)];
    }
    const Cell& cell() const { return row_ref().cells[static_cast<std::size_t>(column)]; }
    const Amount* amount() const { return cell().amount(); }
    bool printed() const;  // a figure (not blank, not a dash, not invalid)
};

// A figure taking part in an identity: a grid cell (`at`), or a figure outside a grid
// (performance-table funds and weights, narrative claims) described by `ref`. The CellRef of a
// grid cell is only built when a finding needs it: identities that hold cost no strings.
struct Figure {
    Amount amount;
    MoneyUnit unit = MoneyUnit::TenThousandYuan;
    std::optional<CellAt> at;
    CellRef ref;         // for figures outside a grid
    bool exact = false;  // counts (weights) are exact, not rounded
    bool unreadable = false;  // its cell could not be read (an input error): nothing to check

    CellRef reference() const;
    const SourceLocation& location() const;
    const std::string& pointer() const { return location().pointer; }
};

Figure figure_of(const CellAt& at);
CellRef ref_of(const CellAt& at);
std::string row_name(const Row& row);

// The interval of exact values a printed figure stands for, in 元.
struct Interval {
    Decimal lo;
    Decimal hi;
};

enum class Verdict { Exact, WithinRounding, Inconsistent, Unchecked };

// How a failed identity is described: which axis it runs along (for the row × column culprit
// hint) and what the expected value is, in both languages.
enum class Axis { Row, Column, Other };

struct IdentityText {
    std::string expected_en;  // "the children add up to"
    std::string expected_zh;  // "下级科目合计为"
    Axis axis = Axis::Other;
};

class RuleContext {
  public:
    RuleContext(const Document& document, const RuleOptions& options, CheckReport& report,
                const Document* last_year = nullptr);

    const Document& document() const { return document_; }
    // The same unit's disclosure of the year before, when one was given, and its facts.
    const Document* last_year() const { return last_year_; }
    const FactIndex* last_year_facts();
    // The one resolver of the narrative's claims (resolve.hpp), shared by the narrative rules so
    // what it works out about the document is worked out once.
    const ClaimResolver& resolver();
    const RuleOptions& options() const { return options_; }
    void begin(const RuleInfo& rule) {
        rule_ = &rule;
        compared_.clear();
    }
    // True the first time a rule compares these two cells: one comparison may be reachable
    // along two paths (a single 预算数 column serves every stage).
    bool first_comparison(const std::string& a, const std::string& b) {
        return compared_.insert({a, b}).second;
    }
    const RuleInfo& rule() const { return *rule_; }

    // Reports a finding under the current rule at its effective severity.
    void report(Finding finding, Axis axis = Axis::Other);
    void skip(std::string reason, std::string reason_zh);
    // Adds a hint to the finding about the cell at this place.
    void add_hint(const SourceLocation& where, std::string hint, std::string hint_zh);
    // How many findings there are so far, and a hint for every one reported since then.
    std::size_t finding_count() const { return report_.findings.size(); }
    void hint_new_findings(std::size_t since, const std::string& hint, const std::string& hint_zh);
    // The hint of a finding against last year's disclosure: the budget may have changed since.
    void hint_against_last_year(std::size_t since);
    // Counts an identity over these cells. When identities are recorded, it is described by the
    // statement given (English, Chinese), or else by the rule's title, and its verdict is settled
    // by finish() from the findings that name its cells.
    void count_checked(const std::vector<CellRef>& cells,
                       std::pair<std::string, std::string> statement = {});
    // Counts an identity over these figures (by their JSON pointers). Returns the index of its
    // record for settle_identity, or no_identity when identities are not recorded.
    std::size_t count_figures(const Figure& first, const std::vector<std::pair<int, Figure>>& rest);
    static constexpr std::size_t no_identity = static_cast<std::size_t>(-1);
    bool recording() const { return options_.record_identities; }

    // total = Σ sign·part. Reports an error under the current rule when no exact values within
    // the printed figures' intervals satisfy it, and a rounding note when only rounding does.
    Verdict check_sum(const Figure& total, const std::vector<std::pair<int, Figure>>& parts,
                      const IdentityText& text);
    // part ≤ whole, with the printed intervals: an error only when even part's lowest value
    // exceeds whole's highest.
    Verdict check_at_most(const Figure& part, const Figure& whole, const IdentityText& text);
    // printed % = 100 × (numerator / denominator − offset), offset 1 for a change rate and 0 for
    // a share. The percentage is compared with every value the printed amounts allow.
    Verdict check_ratio(const Figure& percent_cell, const Percentage& printed,
                        const Figure& numerator, const Figure& denominator, bool change_rate,
                        const IdentityText& text);

    // printed % = 100 × change ÷ (current − sign·change): a rate of change quoted with its change
    // amount and the current figure (增加4016.19万元，增长12.11%, of 37188.34), sign +1 for an
    // increase and −1 for a decrease. Judged over every value the three printed figures allow.
    Verdict check_change_rate(const Figure& percent_cell, const Percentage& printed,
                              const Figure& change, const Figure& current, int sign,
                              const IdentityText& text);

    Interval interval_of(const Figure& figure) const;
    // Skips the identity, with the reason, when one of its figures could not be read: the
    // loader has reported that cell, and a guess at its value would only make a false finding.
    bool skip_unreadable(const Figure& first, const std::vector<std::pair<int, Figure>>& rest = {});

    // Adds the diagnosis hints (row × column culprits) once every rule has run.
    void finish();

    // What every printed figure counts (facts.hpp), worked out once per document.
    const FactIndex& facts();

    // The narrative's claims, found once; each starts unverifiable until a rule checks it.
    const std::vector<Claim>& claims();
    void settle_claim(std::size_t index, ClaimStatus status, std::string reason,
                      std::vector<CellRef> cells = {}, std::string reason_zh = {});
    const ClaimResult& claim_result(std::size_t index) const { return report_.claims[index]; }

  private:
    Severity effective(std::string_view rule_id, Severity fallback) const;
    Decimal slack_of(const Figure& total, const std::vector<std::pair<int, Figure>>& parts) const;
    bool enabled(std::string_view rule_id) const;
    void report_rounding(Finding finding, const std::string& slack);
    // Notes one figure of an identity being counted; `ours` is false for last year's cells.
    void note_checked(const SourceLocation& at, bool ours, std::vector<std::string>& pointers,
                      std::vector<SourceLocation>& locations);
    std::size_t record_identity(std::vector<std::string> pointers,
                                std::vector<SourceLocation> locations);
    // Gives a recorded identity its arithmetic and its verdict, known where it was checked.
    void settle_identity(std::size_t index, Verdict verdict, std::string statement_en,
                         std::string statement_zh);
    // A computation that does not give the printed figure: the finding's arithmetic
    // ("EXPRESSION = expected ≠ actual"), and the identity's statement and verdict.
    void describe_miss(Finding& finding, std::size_t identity, const std::string& expression,
                       const Figure& printed, bool rounding);
    // The verdict of identities no check settled: a finding of their rule at one of their cells.
    void settle_pending_identities();

    const Document& document_;
    const RuleOptions& options_;
    CheckReport& report_;
    const RuleInfo* rule_ = nullptr;
    std::vector<Axis> axes_;  // parallel to report_.findings
    std::set<std::string, std::less<>> checked_cells_;
    std::set<std::pair<std::string, std::string>> compared_;
    // Parallel to report_.identities while recording: where each identity's figures are (a
    // claim's pointer names its whole text, so line:column tell claims apart) and whether a
    // check has settled its verdict.
    struct PendingIdentity {
        std::vector<SourceLocation> cells;
        bool settled = false;
    };
    std::vector<PendingIdentity> pending_;
    std::optional<std::vector<Claim>> claims_;
    std::shared_ptr<const FactIndex> facts_;
    const Document* last_year_ = nullptr;
    std::shared_ptr<const FactIndex> last_year_facts_;
    std::shared_ptr<const ClaimResolver> resolver_;
};

// Cell helpers shared by the rule families.
std::vector<CellAt> value_cells(const Table& table, int side, int row);
// The value column of a side with this meaning test, or -1.
template <typename Predicate>
int find_column(const TableSide& side, Predicate predicate) {
    for (std::size_t c = 0; c < side.columns.size(); ++c) {
        if (side.columns[c].meaning.is_value() && predicate(side.columns[c].meaning)) {
            return static_cast<int>(c);
        }
    }
    return -1;
}
// Calls fn(table, side index) for every side of every grid table of known kind.
template <typename Fn>
void for_each_grid_side(const Document& document, Fn fn) {
    for (const Table& table : document.tables) {
        if (table.kind == TableKind::PerformanceTargets || table.kind == TableKind::Unknown) {
            continue;
        }
        for (std::size_t s = 0; s < table.sides.size(); ++s) {
            fn(table, static_cast<int>(s));
        }
    }
}
// The first table of a kind, or nullptr.
const Table* first_table(const Document& document, TableKind kind);
// A side's 合计 row, or -1.
int total_row(const TableSide& side);
// Rows that are real content (not filler).
bool is_content(const Row& row);
// The table's rows of a subject code, or -1.
int find_subject_row(const TableSide& side, std::string_view code);
// Shows a 元 value in a unit with the given decimals ("517.02").
std::string show(Decimal yuan, MoneyUnit unit, int decimals);

}  // namespace budgetcheck
