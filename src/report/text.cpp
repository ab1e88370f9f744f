// The terminal report: findings grouped by file and table, columns aligned by display width
// (Chinese characters take two cells), colour only when asked for.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include "budgetcheck/model/text.hpp"
#include "formats.hpp"

namespace budgetcheck::report {

namespace {

std::string pad(std::string text, std::size_t width) {
    const std::size_t have = display_width(text);
    if (have < width) {
        text.append(width - have, ' ');
    }
    return text;
}

class TextReporter : public Reporter {
  public:
    TextReporter(std::ostream& out, const ReportOptions& options) : out_(out), options_(options) {}

    void file(const FileResult& result) override {
        for (const LoadDiagnostic& d : result.input_diagnostics) {
            std::string where = result.file;
            if (d.where.line != 0) {
                where += fmt::format(":{}:{}", d.where.line, d.where.column);
            }
            fmt::print(out_, "{}: {}: {} [{}]{}\n", where,
                       paint(std::string(to_string(d.severity)),
                             d.severity == DiagnosticSeverity::Error ? "31" : "33"),
                       d.message, d.code, d.where.pointer.empty() ? "" : " at " + d.where.pointer);
            if (!d.suggestions.empty()) {
                std::string list;
                for (const std::string& s : d.suggestions) {
                    list += list.empty() ? s : ", " + s;
                }
                fmt::print(out_, "    closest known: {}\n", list);
            }
        }
        if (!result.report) {
            fmt::print(out_, "{}: not checked: nothing in it could be read as a disclosure\n",
                       result.file);
            return;
        }
        const CheckReport& report = *result.report;
        std::string current;
        for (const Finding& finding : report.findings) {
            const CellRef* cell = finding.cells.empty() ? nullptr : &finding.cells.front();
            const std::string table =
                cell == nullptr
                    ? ""
                    : (cell->table_index >= 0
                           ? fmt::format("{} (table {})", cell->table, cell->table_index + 1)
                           : cell->table);
            if (table != current) {
                current = table;
                fmt::print(out_, "{}: {}\n", result.file, table.empty() ? "(document)" : table);
            }
            print_finding(finding, "");
        }
        for (const Suppressed& s : result.suppressed) {
            print_finding(s.finding,
                          fmt::format("suppressed by the baseline: {}", s.justification));
        }
        for (const StaleEntry& e : result.stale) {
            fmt::print(out_, "  {} baseline entry {} at {} × {} matches no finding any more\n",
                       paint("stale", "33"), e.rule, e.row, e.column);
        }
        const ClaimCounts claims = claim_counts(report);
        fmt::print(
            out_, "{}: {} errors, {} warnings, {} notes · {} identities checked, {} checks skipped",
            result.file, result.count(Severity::Error), result.count(Severity::Warning),
            result.count(Severity::Note), report.identities_checked, report.skipped.size());
        if (!result.suppressed.empty()) {
            fmt::print(out_, " · {} suppressed", result.suppressed.size());
        }
        fmt::print(out_, "\n");
        if (claims.found > 0) {
            fmt::print(
                out_,
                "{}: {} claims found in the text: {} verified, {} mismatched, {} unverifiable\n",
                result.file, claims.found, claims.verified, claims.mismatched, claims.unverifiable);
        }
        if (!result.last_year.empty()) {
            fmt::print(out_, "{}: last year's figures checked against {}\n", result.file,
                       result.last_year);
        }
        for (const SkippedCheck& skipped : report.skipped) {
            fmt::print(out_, "  skipped {}: {}\n", skipped.rule_id, skipped.reason);
        }
    }

    void finish(const BatchSummary& summary) override {
        fmt::print(out_, "{} files checked: {} with errors, {} unreadable\n", summary.files,
                   summary.files_with_errors, summary.unreadable);
        if (summary.files > 1 && !summary.frequent_rules.empty()) {
            std::string list;
            for (const auto& [rule, count] : summary.frequent_rules) {
                list += list.empty() ? "" : ", ";
                list += fmt::format("{} ({})", rule, count);
            }
            fmt::print(out_, "most frequent rules: {}\n", list);
        }
    }

  private:
    std::string paint(const std::string& text, std::string_view code) const {
        return options_.color ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : text;
    }

    void print_finding(const Finding& finding, const std::string& suppressed) {
        const CellRef* cell = finding.cells.empty() ? nullptr : &finding.cells.front();
        const std::string severity =
            suppressed.empty() ? std::string(to_string(finding.severity)) : "accepted";
        const std::string_view colour = finding.severity == Severity::Error
                                            ? "31"
                                            : (finding.severity == Severity::Warning ? "33" : "36");
        const std::string location =
            cell == nullptr || cell->source.line == 0
                ? ""
                : fmt::format("{}:{}", cell->source.line, cell->source.column);
        // Fixed columns, padded by display width so Chinese labels line up.
        fmt::print(out_, "  {} {} {} {}\n",
                   paint(pad(severity, 8), suppressed.empty() ? colour : "90"),
                   pad(finding.rule_id, 38), pad(location, 9), cell == nullptr ? "" : place(*cell));
        fmt::print(out_, "           {}\n", message_of(finding, options_));
        if (!finding.arithmetic.empty()) {
            fmt::print(out_, "           {}\n", finding.arithmetic);
        }
        for (const std::string& hint : finding.hints) {
            fmt::print(out_, "           hint: {}\n", hint);
        }
        if (!suppressed.empty()) {
            fmt::print(out_, "           {}\n", suppressed);
        }
        if (cell != nullptr && !cell->source.pointer.empty()) {
            fmt::print(out_, "           at {}\n", cell->source.pointer);
        }
    }

    std::ostream& out_;
    ReportOptions options_;
};

}  // namespace

std::string place(const CellRef& cell) {
    if (cell.column.empty()) {
        return cell.row;
    }
    return fmt::format("{} × {}", cell.row, cell.column);
}

ClaimCounts claim_counts(const CheckReport& report) {
    ClaimCounts counts;
    for (const ClaimResult& claim : report.claims) {
        ++counts.found;
        counts.verified += claim.status == ClaimStatus::Verified ? 1 : 0;
        counts.mismatched += claim.status == ClaimStatus::Mismatched ? 1 : 0;
        counts.unverifiable += claim.status == ClaimStatus::Unverifiable ? 1 : 0;
    }
    return counts;
}

std::unique_ptr<Reporter> make_text(std::ostream& out, const ReportOptions& options) {
    return std::make_unique<TextReporter>(out, options);
}

}  // namespace budgetcheck::report
