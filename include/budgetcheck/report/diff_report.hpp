// Writing a diff between two versions of a disclosure: text for a terminal, JSON for programs,
// Markdown for a merge-request comment.
#pragma once

#include <ostream>
#include <string>

#include "budgetcheck/diff.hpp"
#include "budgetcheck/report/reporter.hpp"

namespace budgetcheck {

enum class DiffFormat { Text, Json, Markdown };

void write_diff(std::ostream& out, const DocumentDiff& diff, DiffFormat format,
                const std::string& before_file, const std::string& after_file,
                const ReportOptions& options);

}  // namespace budgetcheck
