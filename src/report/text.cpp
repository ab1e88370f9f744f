#include "budgetcheck/report/text.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "budgetcheck/model/text.hpp"
#include "budgetcheck/report/inspect.hpp"

namespace budgetcheck {

namespace {

std::string location(const CellRef& cell) {
    if (cell.source.line == 0) {
        return cell.source.pointer;
    }
    return fmt::format("line {}:{} {}", cell.source.line, cell.source.column, cell.source.pointer);
}

}  // namespace

void write_text_report(std::ostream& out, const LoadResult& loaded, const CheckReport* report,
                       Language language) {
    write_load_diagnostics(out, loaded);
    if (report == nullptr) {
        fmt::print(out, "{}: not checked ({} input errors)\n", loaded.file, loaded.error_count());
        return;
    }
    int current_table = -2;
    for (const Finding& finding : report->findings) {
        const CellRef* cell = finding.cells.empty() ? nullptr : &finding.cells.front();
        const int table = cell == nullptr ? -1 : cell->table_index;
        if (table != current_table) {
            current_table = table;
            fmt::print(out, "{}: {}\n", loaded.file,
                       cell == nullptr || cell->table.empty() ? std::string("(document)")
                       : table < 0                            ? cell->table
                                   : fmt::format("{} (table {})", cell->table, table + 1));
        }
        const std::string_view severity = to_string(finding.severity);
        fmt::print(out, "  {:<7} {}  {}\n", severity, finding.rule_id,
                   cell == nullptr ? "" : location(*cell));
        fmt::print(out, "          {}\n",
                   language == Language::Chinese ? finding.message_zh : finding.message_en);
        if (!finding.arithmetic.empty()) {
            fmt::print(out, "          {}\n", finding.arithmetic);
        }
        for (const std::string& hint : finding.hints) {
            fmt::print(out, "          hint: {}\n", hint);
        }
    }
    fmt::print(out,
               "{}: {} errors, {} warnings, {} notes · {} identities checked, {} checks skipped\n",
               loaded.file, report->count(Severity::Error), report->count(Severity::Warning),
               report->count(Severity::Note), report->identities_checked, report->skipped.size());
    if (!report->claims.empty()) {
        std::size_t verified = 0;
        std::size_t mismatched = 0;
        for (const ClaimResult& claim : report->claims) {
            verified += claim.status == ClaimStatus::Verified ? 1 : 0;
            mismatched += claim.status == ClaimStatus::Mismatched ? 1 : 0;
        }
        fmt::print(out, "{}: {} claims found in the text: {} verified, {} mismatched, {} unverifiable\n", loaded.file,
                   report->claims.size(), verified, mismatched, report->claims.size() - verified - mismatched);
    }
    for (const SkippedCheck& skipped : report->skipped) {
        fmt::print(out, "  skipped {}: {}\n", skipped.rule_id, skipped.reason);
    }
}

}  // namespace budgetcheck
