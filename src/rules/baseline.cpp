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
    return cell.table == entry.table && cell.row == entry.row && cell.column == entry.column;
}

}  // namespace

void apply_baseline(const Baseline& baseline, FileResult& result) {
    if (!result.report) {
        return;
    }
    std::vector<bool> used(baseline.entries.size(), false);
    std::vector<Finding> kept;
    for (Finding& finding : result.report->findings) {
        const auto entry =
            std::find_if(baseline.entries.begin(), baseline.entries.end(),
                         [&](const BaselineEntry& e) { return matches(e, result.file, finding); });
        if (entry == baseline.entries.end()) {
            kept.push_back(std::move(finding));
            continue;
        }
        used[static_cast<std::size_t>(entry - baseline.entries.begin())] = true;
        std::string why = entry->justification;
        if (why.empty() || why.rfind("TODO", 0) == 0) {
            why = "(no justification written yet)";
        }
        result.suppressed.push_back(Suppressed{std::move(finding), why});
    }
    result.report->findings = std::move(kept);
    for (std::size_t i = 0; i < baseline.entries.size(); ++i) {
        const BaselineEntry& e = baseline.entries[i];
        if (!used[i] && (e.file.empty() || e.file == file_name(result.file))) {
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
                R"(    {{"file": {}, "rule": {}, "table": {}, "row": {}, "column": {}, "justification": "TODO: say why this finding is accepted"}})",
                json_string(file_name(result.file)), json_string(f.rule_id),
                json_string(cell.table), json_string(cell.row), json_string(cell.column));
        }
    }
    out += first ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

}  // namespace budgetcheck
