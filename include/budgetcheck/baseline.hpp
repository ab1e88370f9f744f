// Baselines: findings a reviewer has accepted, each with a written justification. Entries are
// keyed by rule, table, row and column (not by line), so they survive edits to the file; the
// ones that match nothing any more are reported as stale.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "budgetcheck/load/load.hpp"
#include "budgetcheck/report/reporter.hpp"

namespace budgetcheck {

struct BaselineEntry {
    std::string file;  // the input's file name (its last path component); "" matches any file
    std::string rule, table, row, column;
    std::string justification;
    // The figures the reviewer accepted, when the entry pins them ("" when it does not, as in
    // baselines written before pinning): a finding whose printed or expected value has changed
    // since is not the one that was accepted, and is reported again.
    std::string printed, expected;
    SourceLocation where;  // of the entry in the baseline file

    // An entry still carrying `budgetcheck baseline`'s "TODO" (or nothing) has not been reviewed.
    bool justified() const;
};

struct Baseline {
    std::string file;  // the baseline's own path, for messages
    std::vector<BaselineEntry> entries;
    bool require_justification = false;  // unreviewed entries suppress nothing
};

// Reads a baseline file (load/baseline.cpp); problems come back as diagnostics.
std::optional<Baseline> load_baseline(std::string_view text, const std::string& name,
                                      std::vector<LoadDiagnostic>& problems);

// Moves the findings the baseline accepts from the report into `suppressed`, and lists the
// entries for this file that matched nothing.
void apply_baseline(const Baseline& baseline, FileResult& result);

// A baseline accepting every finding of these results, justifications left for the reviewer.
std::string write_baseline(const std::vector<FileResult>& results);

}  // namespace budgetcheck
