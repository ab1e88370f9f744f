// SARIF 2.1.0 for GitHub code scanning: the rules with their help pages, and one result per
// finding located at the input file's line and column (columns count Unicode code points).
#include <cctype>
#include <map>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

#include "formats.hpp"
#include "json_writer.hpp"

namespace budgetcheck::report {

namespace {

// SARIF's levels are budgetcheck's severities by the same names.
std::string_view level(Severity severity) { return to_string(severity); }

std::string to_uri(const std::string& path);

// A SARIF location names one artifact: for a disclosure published as several PDFs the one the
// cell is printed in, or the first (its text, with the cover) for what has no page.
std::string uri_of(const FileResult& result, const SourceLocation& where) {
    if (where.page == 0 && !result.parts.empty()) {
        return to_uri(result.parts.front());
    }
    return to_uri(result.file_at(where));
}

std::string location_json(const FileResult& result, const CellRef& cell) {
    const std::string file = uri_of(result, cell.source);
    const std::uint32_t line = cell.source.line == 0 ? 1 : cell.source.line;
    const std::uint32_t column = cell.source.column == 0 ? 1 : cell.source.column;
    // A PDF has no lines: SARIF regions cannot name a page, so the page goes in the message
    // for people and in the location's property bag for tools.
    const std::string page =
        cell.source.page != 0 ? fmt::format(R"(,"properties":{{"page":{}}})", cell.source.page)
                              : std::string();
    return fmt::format(
        R"({{"physicalLocation":{{"artifactLocation":{{"uri":{}}},"region":{{"startLine":{},"startColumn":{}}}}},"message":{{"text":{}}}{}}})",
        json_string(file), line, column,
        json_string(cell.source.page != 0
                        ? fmt::format("{} {} (p.{})", cell.table, place(cell), cell.source.page)
                        : fmt::format("{} {}", cell.table, place(cell))),
        page);
}

// A path as a URI reference: relative paths stay relative (to the working directory, which
// GitHub takes as the repository root), absolute ones become file:// URIs, and every byte that
// is not unreserved is percent-encoded (spaces, Chinese names).
std::string to_uri(const std::string& path) {
    std::string out;
    std::string_view rest = path;
    if (!rest.empty() && rest.front() == '/') {
        out = "file://";
    }
    for (char ch : rest) {
        const auto c = static_cast<unsigned char>(ch);
        if (ch == '\\') {
            out += '/';
        } else if (std::isalnum(c) != 0 || ch == '-' || ch == '.' || ch == '_' || ch == '~' ||
                   ch == '/') {
            out += ch;
        } else {
            out += fmt::format("%{:02X}", c);
        }
    }
    return out;
}

class SarifReporter : public Reporter {
  public:
    SarifReporter(std::ostream& out, const ReportOptions& options) : out_(out), options_(options) {}

    void file(const FileResult& result) override {
        const std::string uri = uri_of(result, {});
        for (const LoadDiagnostic& d : result.input_diagnostics) {
            CellRef cell;
            cell.source = d.where;
            cell.row = d.where.pointer;
            results_.push_back(fmt::format(
                R"({{"ruleId":"input-error","level":{},"message":{{"text":{}}},"locations":[{}],"partialFingerprints":{{"budgetcheckCell/v1":{}}}}})",
                json_string(d.severity == DiagnosticSeverity::Error ? "error" : "warning"),
                json_string(fmt::format("{} [{}]", d.message, d.code)), location_json(result, cell),
                json_string(fingerprint(result.file, d.code, d.where.pointer, "", ""))));
        }
        if (result.report) {
            for (const Finding& f : result.report->findings) {
                results_.push_back(result_json(result, f, ""));
            }
        }
        // Accepted findings stay in the log, marked as suppressed with the reviewer's reason, so
        // code scanning shows them as dismissed rather than losing them.
        for (const Suppressed& s : result.suppressed) {
            results_.push_back(result_json(
                result, s.finding,
                fmt::format(R"(,"suppressions":[{{"kind":"external","status":"accepted","justification":{}}}])",
                            json_string(s.justification))));
        }
        for (const StaleEntry& e : result.stale) {
            notifications_.push_back(fmt::format(
                R"({{"level":"warning","message":{{"text":{}}},"locations":[{{"physicalLocation":{{"artifactLocation":{{"uri":{}}}}}}}]}})",
                json_string(fmt::format(
                    "baseline entry {} at {} × {} ({}) matches no finding any more: remove it",
                    e.rule, e.row, e.column, e.table)),
                json_string(uri)));
        }
    }

    void finish(const BatchSummary&) override {
        std::string rules;
        for (const RuleInfo& rule : all_rules()) {
            const std::string page(bundled_rule_page(rule.id));
            rules += rules.empty() ? "" : ",\n";
            rules += fmt::format(
                R"({{"id":{},"name":{},"shortDescription":{{"text":{}}},"fullDescription":{{"text":{}}},"help":{{"text":{},"markdown":{}}},"defaultConfiguration":{{"level":{}}},"properties":{{"tags":[{}]}}}})",
                json_string(rule.id), json_string(rule.id), json_string(rule.title_en),
                json_string(fmt::format("{} ({})", rule.title_en, rule.title_zh)),
                json_string(page), json_string(page), json_string(level(rule.default_severity)),
                json_string(rule.family));
        }
        rules += rules.empty() ? "" : ",\n";
        rules +=
            R"({"id":"input-error","name":"input-error","shortDescription":{"text":"A problem with the input file itself"},"fullDescription":{"text":"Invalid JSON, wrong types, cells that cannot be read, unknown headers: see docs/format.md, Load diagnostics."},"defaultConfiguration":{"level":"error"}})";
        fmt::print(
            out_,
            R"({{"version":"2.1.0","$schema":"https://json.schemastore.org/sarif-2.1.0.json","runs":[{{"tool":{{"driver":{{"name":"budgetcheck","version":{},"semanticVersion":{},"rules":[)"
            "\n{}\n]}}}},\"columnKind\":\"unicodeCodePoints\",\"results\":[\n",
            json_string(options_.tool_version), json_string(options_.tool_version), rules);
        for (std::size_t i = 0; i < results_.size(); ++i) {
            fmt::print(out_, "{}{}\n", results_[i], i + 1 < results_.size() ? "," : "");
        }
        fmt::print(out_, "],\"invocations\":[{{\"executionSuccessful\":true,"
                         "\"toolExecutionNotifications\":[{}]}}]}}]}}\n",
                   fmt::join(notifications_, ",\n"));
    }

  private:
    std::string result_json(const FileResult& result, const Finding& f,
                            const std::string& suppression) {
        const std::string& file = result.file;
        std::string related = "[";
        for (std::size_t i = 1; i < f.cells.size(); ++i) {
            related += related.size() > 1 ? "," : "";
            related += location_json(result, f.cells[i]);
        }
        related += "]";
        const CellRef primary = f.cells.empty() ? CellRef{} : f.cells.front();
        std::string text = message_of(f, options_);
        if (!f.arithmetic.empty()) {
            text += "\n" + f.arithmetic;
        }
        for (const std::string& hint : hints_of(f, options_)) {
            text += "\nhint: " + hint;
        }
        const RuleInfo* rule = find_rule(f.rule_id);
        return fmt::format(
            R"({{"ruleId":{},"ruleIndex":{},"level":{},"message":{{"text":{}}},"locations":[{}],"relatedLocations":{},"partialFingerprints":{{"budgetcheckCell/v1":{}}}{}}})",
            json_string(f.rule_id), rule == nullptr ? 0 : rule - all_rules().data(),
            json_string(level(f.severity)), json_string(text), location_json(result, primary),
            related,
            json_string(fingerprint(file, f.rule_id, primary.table, primary.row, primary.column)),
            suppression);
    }

    // What identifies a result across runs (the file, rule and cell, not the line, which moves
    // when rows are added); a second result on the same cell and rule is told apart by its rank.
    std::string fingerprint(const std::string& file, const std::string& rule,
                            const std::string& table, const std::string& row,
                            const std::string& column) {
        std::string key = fmt::format("{}|{}|{}|{}|{}", file, rule, table, row, column);
        const std::size_t seen = fingerprints_[key]++;
        return seen == 0 ? key : fmt::format("{}|{}", key, seen + 1);
    }

    std::ostream& out_;
    ReportOptions options_;
    std::vector<std::string> results_;
    std::vector<std::string> notifications_;
    std::map<std::string, std::size_t> fingerprints_;
};

}  // namespace

std::unique_ptr<Reporter> make_sarif(std::ostream& out, const ReportOptions& options) {
    return std::make_unique<SarifReporter>(out, options);
}

}  // namespace budgetcheck::report
