// The rule engine: every registered rule runs over a typed Document and reports findings to a
// sink. Rules never print; the engine also records which identities it checked and which it
// could not, so a report can say what was covered.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "budgetcheck/model/catalog.hpp"
#include "budgetcheck/narrative/claims.hpp"
#include "budgetcheck/rules/finding.hpp"

namespace budgetcheck {

// How printed figures are rounded, which decides the interval each one stands for.
enum class RoundingMode {
    Nearest,   // 517.03 stands for [517.025, 517.035]
    Truncate,  // 517.03 stands for [517.03, 517.04]
};

struct RuleOptions {
    RoundingMode rounding = RoundingMode::Nearest;
    // When true, a difference that rounding could explain is reported under the identity's own
    // rule at that rule's severity, as for documents that must foot exactly.
    bool exact_footing = false;
    // Severity of rounding.explained findings (default note).
    Severity rounding_severity = Severity::Note;
    // Rules switched off, and per-rule severity overrides, by rule id.
    std::vector<std::string> disabled;
    std::map<std::string, Severity, std::less<>> severity_overrides;
    // The catalog subjects are checked against; nullptr for the bundled one.
    const SubjectCatalog* catalog = nullptr;
    // When true, every checked identity is kept in CheckReport::identities. Only the html
    // report, which shows a selected cell's identities, asks: the other formats pay nothing.
    bool record_identities = false;
};

// A check the engine could not make, and why ("table 项目支出表 absent").
struct SkippedCheck {
    std::string rule_id;
    std::string reason;
    std::string reason_zh;
};

// What became of one claim of the narrative.
enum class ClaimStatus { Verified, Mismatched, Unverifiable };
std::string_view to_string(ClaimStatus status);

struct ClaimResult {
    Claim claim;
    ClaimStatus status = ClaimStatus::Unverifiable;
    std::string reason;          // why it could not be verified, or what it was checked against
    std::vector<CellRef> cells;  // the table cells it was checked against
    std::string reason_zh;       // the reason in Chinese
};

// What became of one checked identity.
enum class IdentityVerdict {
    Holds,           // the printed figures satisfy it exactly
    WithinRounding,  // only rounding of the printed figures can explain the difference
    Finding,         // a finding was reported (under its rule, or as rounding.explained when
                     // exact footing was asked for)
};
std::string_view to_string(IdentityVerdict verdict);  // "holds", "within-rounding", "finding"

// One identity the engine checked, so that a reader who selects a cell can see everything it
// takes part in, not only what failed.
struct CheckedIdentity {
    std::string rule_id;
    // The arithmetic with the printed figures: "437.69 + 31.60 + 47.73 = 517.02, printed 517.03",
    // or "12.00 + 3.00 = 15.00 ✓" when it holds. An identity that is not a computation (a code
    // against the catalog, a narrative figure against its cell) is described by its rule's title.
    std::string statement_en;
    std::string statement_zh;
    IdentityVerdict verdict = IdentityVerdict::Holds;
    std::vector<std::string> cells;  // JSON pointers of the figures it involves, each once
};

struct CheckReport {
    std::vector<Finding> findings;
    std::vector<ClaimResult> claims;
    std::size_t identities_checked = 0;
    std::vector<SkippedCheck> skipped;
    // Pointers of every cell that took part in at least one checked identity.
    std::vector<std::string> cells_checked;
    // Every checked identity, in the order checked; empty unless RuleOptions::record_identities.
    // When recorded, there is one per identities_checked.
    std::vector<CheckedIdentity> identities;

    std::size_t count(Severity severity) const;
};

class RuleContext;

struct RuleInfo {
    std::string_view id;
    std::string_view family;
    Severity default_severity;
    std::string_view title_en;
    std::string_view title_zh;
    void (*run)(const Document& document, RuleContext& context);
};

// Every rule, in the order of the registration table (src/rules/registry.cpp).
std::span<const RuleInfo> all_rules();
const RuleInfo* find_rule(std::string_view id);

// Runs every enabled rule. Findings are ordered by table, then by rule, then by position.
// `last_year` is the same unit's disclosure of the year before, when one was given: the figures
// of last year the narrative quotes are checked against it (narrative.prior-year).
CheckReport check_document(const Document& document, const RuleOptions& options = {},
                           const Document* last_year = nullptr);

}  // namespace budgetcheck
