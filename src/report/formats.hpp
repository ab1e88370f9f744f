// The reporters, one function per format, and the helpers they share.
#pragma once

#include <memory>
#include <ostream>

#include "budgetcheck/report/reporter.hpp"

namespace budgetcheck::report {

std::unique_ptr<Reporter> make_text(std::ostream& out, const ReportOptions& options);
std::unique_ptr<Reporter> make_json(std::ostream& out, const ReportOptions& options);
std::unique_ptr<Reporter> make_ndjson(std::ostream& out, const ReportOptions& options);
std::unique_ptr<Reporter> make_sarif(std::ostream& out, const ReportOptions& options);
std::unique_ptr<Reporter> make_github(std::ostream& out, const ReportOptions& options);
std::unique_ptr<Reporter> make_junit(std::ostream& out, const ReportOptions& options);
std::unique_ptr<Reporter> make_markdown(std::ostream& out, const ReportOptions& options);
std::unique_ptr<Reporter> make_csv(std::ostream& out, const ReportOptions& options);
std::unique_ptr<Reporter> make_html(std::ostream& out, const ReportOptions& options);

// The message in the chosen language.
inline const std::string& message_of(const Finding& finding, const ReportOptions& options) {
    return options.language == Language::Chinese ? finding.message_zh : finding.message_en;
}

// The hints in the chosen language (English where a rule gave none in Chinese).
inline const std::vector<std::string>& hints_of(const Finding& finding,
                                                const ReportOptions& options) {
    return options.language == Language::Chinese && finding.hints_zh.size() == finding.hints.size()
               ? finding.hints_zh
               : finding.hints;
}

// Why a check was skipped, in the chosen language.
inline const std::string& reason_of(const SkippedCheck& skipped, const ReportOptions& options) {
    return options.language == Language::Chinese && !skipped.reason_zh.empty() ? skipped.reason_zh
                                                                              : skipped.reason;
}

// "file:line:column", or the file alone when the position is not known (never "file:0:0").
std::string located(const std::string& file, const SourceLocation& where);
// The same within a file's result: a disclosure published as several PDFs names the one the
// location is in (`text.pdf p.3`, `tables.pdf p.5`).
std::string located(const FileResult& result, const SourceLocation& where);

// "合计 × 基本 支出", or just the row when a finding names no column.
std::string place(const CellRef& cell);

// A finding's JSON object (shared by json and ndjson).
std::string finding_json(const Finding& finding, const ReportOptions& options);
// Claim counts of a report.
struct ClaimCounts {
    std::size_t found = 0, verified = 0, mismatched = 0, unverifiable = 0;
};
ClaimCounts claim_counts(const CheckReport& report);

}  // namespace budgetcheck::report
