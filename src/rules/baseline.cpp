// Applying and writing baselines: accepted findings are moved aside, not dropped.
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "../report/json_writer.hpp"
#include "budgetcheck/baseline.hpp"

namespace budgetcheck {

namespace {

std::string file_name(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

bool matches(const BaselineEntry& entry, const std::string& file, const Finding& finding) {
    if (finding.rule_id != entry.rule || (!entry.file.empty() && entry.file != file_name(file))) {
        return false;
    }
    const CellRef cell = finding.cells.empty() ? CellRef{} : finding.cells.front();
    return cell.table == entry.table && cell.row == entry.row && cell.column == entry.column &&
           (entry.printed.empty() || entry.printed == cell.printed) &&
           (entry.expected.empty() || entry.expected == finding.expected);
}

}  // namespace

bool BaselineEntry::justified() const {
    const auto first = justification.find_first_not_of(" \t");
    return first != std::string::npos && justification.compare(first, 4, "TODO") != 0;
}

void apply_baseline(const Baseline& baseline, FileResult& result) {
    if (!result.report) {
        return;
    }
    std::vector<bool> used(baseline.entries.size(), false);
    std::vector<Finding> kept;
    for (Finding& finding : result.report->findings) {
        const auto entry = std::find_if(
            baseline.entries.begin(), baseline.entries.end(), [&](const BaselineEntry& e) {
                return matches(e, result.file, finding) &&
                       (e.justified() || !baseline.require_justification);
            });
        if (entry == baseline.entries.end()) {
            kept.push_back(std::move(finding));
            continue;
        }
        used[static_cast<std::size_t>(entry - baseline.entries.begin())] = true;
        std::string why = entry->justification;
        if (!entry->justified()) {
            why = "(no justification written yet)";
        }
        result.suppressed.push_back(Suppressed{std::move(finding), why});
    }
    result.report->findings = std::move(kept);
    // An entry nobody has reviewed must not pass CI unnoticed: a warning of the file it
    // silences (--fail-on warning fails on it), or, with --require-justification, no
    // suppression at all.
    for (std::size_t i = 0; i < baseline.entries.size(); ++i) {
        const BaselineEntry& e = baseline.entries[i];
        const bool for_this_file = e.file.empty() || e.file == file_name(result.file);
        if (!for_this_file || e.justified()) {
            continue;
        }
        bool matched = used[i];
        if (baseline.require_justification) {
            matched = std::any_of(result.report->findings.begin(), result.report->findings.end(),
                                  [&](const Finding& f) { return matches(e, result.file, f); });
        }
        if (!matched) {
            continue;
        }
        LoadDiagnostic unjustified;
        unjustified.severity = DiagnosticSeverity::Warning;
        unjustified.code = "baseline.unjustified";
        unjustified.message = fmt::format(
            "the baseline entry at {}:{}:{} accepts {} at {} × {} without a justification ({}): "
            "write why it is accepted",
            baseline.file, e.where.line, e.where.column, e.rule, e.row, e.column,
            baseline.require_justification ? "so it suppresses nothing"
                                           : "it is suppressed for now");
        result.input_diagnostics.push_back(std::move(unjustified));
    }
    for (std::size_t i = 0; i < baseline.entries.size(); ++i) {
        const BaselineEntry& e = baseline.entries[i];
        const bool still_matches =
            std::any_of(result.report->findings.begin(), result.report->findings.end(),
                        [&](const Finding& f) { return matches(e, result.file, f); });
        if (!used[i] && !still_matches && (e.file.empty() || e.file == file_name(result.file))) {
            result.stale.push_back(StaleEntry{e.rule, e.table, e.row, e.column, e.justification});
        }
    }
}

std::string write_baseline(const std::vector<FileResult>& results) {
    using report::json_string;
    std::string out = "{\n  \"budgetcheck_baseline\": 1,\n  \"entries\": [";
    bool first = true;
    for (const FileResult& result : results) {
        if (!result.report) {
            continue;
        }
        for (const Finding& f : result.report->findings) {
            const CellRef cell = f.cells.empty() ? CellRef{} : f.cells.front();
            out += first ? "\n" : ",\n";
            first = false;
            out += fmt::format(
                R"(    {{"file": {}, "rule": {}, "table": {}, "row": {}, "column": {}, "printed": {}, "expected": {}, "justification": "TODO: say why this finding is accepted"}})",
                json_string(file_name(result.file)), json_string(f.rule_id),
                json_string(cell.table), json_string(cell.row), json_string(cell.column),
                json_string(cell.printed), json_string(f.expected));
        }
    }
    out += first ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

}  // namespace budgetcheck
