// The json report (one document, shape in docs/report-json.md) and the ndjson stream (one record
// per line: findings, input errors, and a summary per file).
#include <fmt/format.h>
#include <fmt/ostream.h>

#include "formats.hpp"
#include "json_writer.hpp"

namespace budgetcheck::report {

namespace {

// Where a PDF printed it: its page, and which of the file's "parts" (a disclosure published
// as several PDFs) the page is in. Nothing for a transcription, which has lines instead.
std::string page_json(const SourceLocation& where) {
    return where.page == 0 ? std::string()
                           : fmt::format(R"(,"page":{},"part":{})", where.page, where.part);
}

std::string cell_json(const CellRef& cell) {
    return fmt::format(
        R"({{"table":{},"table_index":{},"side":{},"row":{},"column":{},"printed":{},"unit":{},"pointer":{},"line":{},"column_number":{}{}}})",
        json_string(cell.table), cell.table_index, json_string(to_string(cell.side)),
        json_string(cell.row), json_string(cell.column), json_string(cell.printed),
        json_string(cell.unit), json_string(cell.source.pointer), cell.source.line,
        cell.source.column, page_json(cell.source));
}

std::string strings_json(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const std::string& item : items) {
        out += out.size() > 1 ? "," : "";
        out += json_string(item);
    }
    return out + "]";
}

std::string diagnostic_json(const LoadDiagnostic& d) {
    return fmt::format(
        R"({{"severity":{},"code":{},"message":{},"pointer":{},"line":{},"column":{}{},"suggestions":{}}})",
        json_string(to_string(d.severity)), json_string(d.code), json_string(d.message),
        json_string(d.where.pointer), d.where.line, d.where.column, page_json(d.where),
        strings_json(d.suggestions));
}

std::string claim_json(const ClaimResult& result) {
    const Claim& c = result.claim;
    std::string cells = "[";
    for (const CellRef& cell : result.cells) {
        cells += cells.size() > 1 ? "," : "";
        cells += cell_json(cell);
    }
    cells += "]";
    return fmt::format(
        R"({{"kind":{},"status":{},"reason":{},"subject":{},"printed":{},"section":{},"sentence":{},"pointer":{},"line":{},"column":{}{},"cells":{}}})",
        json_string(to_string(c.kind)), json_string(to_string(result.status)),
        json_string(result.reason), json_string(c.subject), json_string(c.printed),
        json_string(c.source.heading), json_string(c.source.sentence),
        json_string(c.source.location.pointer), c.source.location.line, c.source.location.column,
        page_json(c.source.location), cells);
}

std::string file_json(const FileResult& result, const ReportOptions& options) {
    std::string findings = "[";
    std::string claims = "[";
    std::string skipped = "[";
    std::string summary;
    if (result.report) {
        for (const Finding& f : result.report->findings) {
            findings += findings.size() > 1 ? "," : "";
            findings += finding_json(f, options);
        }
        for (const ClaimResult& c : result.report->claims) {
            claims += claims.size() > 1 ? "," : "";
            claims += claim_json(c);
        }
        for (const SkippedCheck& s : result.report->skipped) {
            skipped += skipped.size() > 1 ? "," : "";
            skipped += fmt::format(R"({{"rule":{},"reason":{}}})", json_string(s.rule_id),
                                   json_string(reason_of(s, options)));
        }
    }
    findings += "]";
    claims += "]";
    skipped += "]";
    std::string inputs = "[";
    for (const LoadDiagnostic& d : result.input_diagnostics) {
        inputs += inputs.size() > 1 ? "," : "";
        inputs += diagnostic_json(d);
    }
    inputs += "]";
    std::string suppressed = "[";
    for (const Suppressed& s : result.suppressed) {
        suppressed += suppressed.size() > 1 ? "," : "";
        suppressed += fmt::format(R"({{"justification":{},"finding":{}}})",
                                  json_string(s.justification), finding_json(s.finding, options));
    }
    suppressed += "]";
    std::string stale = "[";
    for (const StaleEntry& e : result.stale) {
        stale += stale.size() > 1 ? "," : "";
        stale += fmt::format(R"({{"rule":{},"table":{},"row":{},"column":{},"justification":{}}})",
                             json_string(e.rule), json_string(e.table), json_string(e.row),
                             json_string(e.column), json_string(e.justification));
    }
    stale += "]";
    const ClaimCounts counts = result.report ? claim_counts(*result.report) : ClaimCounts{};
    return fmt::format(
        R"({{"file":{},"parts":{},"title":{},"last_year":{},"status":{},"summary":{{"errors":{},"warnings":{},"notes":{},"suppressed":{},"identities_checked":{},"checks_skipped":{}}},"claims":{{"found":{},"verified":{},"mismatched":{},"unverifiable":{},"items":{}}},"input_diagnostics":{},"findings":{},"suppressed":{},"stale_baseline":{},"skipped":{}}})",
        json_string(result.file), strings_json(result.parts), json_string(result.title),
        json_string(result.last_year), json_string(result.unreadable ? "unreadable" : "checked"),
        result.count(Severity::Error),
        result.count(Severity::Warning), result.count(Severity::Note), result.suppressed.size(),
        result.report ? result.report->identities_checked : 0,
        result.report ? result.report->skipped.size() : 0, counts.found, counts.verified,
        counts.mismatched, counts.unverifiable, claims, inputs, findings, suppressed, stale,
        skipped);
}

std::string summary_json(const BatchSummary& summary) {
    std::string rules = "[";
    for (const auto& [rule, count] : summary.frequent_rules) {
        rules += rules.size() > 1 ? "," : "";
        rules += fmt::format(R"({{"rule":{},"count":{}}})", json_string(rule), count);
    }
    rules += "]";
    return fmt::format(
        R"({{"files":{},"files_with_errors":{},"unreadable":{},"most_frequent_rules":{}}})",
        summary.files, summary.files_with_errors, summary.unreadable, rules);
}

class JsonReporter : public Reporter {
  public:
    JsonReporter(std::ostream& out, const ReportOptions& options) : out_(out), options_(options) {}
    void file(const FileResult& result) override { files_.push_back(file_json(result, options_)); }
    void finish(const BatchSummary& summary) override {
        fmt::print(
            out_,
            R"({{"budgetcheck_report":1,"tool":{{"name":"budgetcheck","version":{}}},"files":[)",
            json_string(options_.tool_version));
        for (std::size_t i = 0; i < files_.size(); ++i) {
            fmt::print(out_, "{}\n{}", i == 0 ? "" : ",", files_[i]);
        }
        fmt::print(out_, "],\n\"summary\":{}}}\n", summary_json(summary));
    }

  private:
    std::ostream& out_;
    ReportOptions options_;
    std::vector<std::string> files_;
};

class NdjsonReporter : public Reporter {
  public:
    NdjsonReporter(std::ostream& out, const ReportOptions& options)
        : out_(out), options_(options) {}
    void file(const FileResult& result) override {
        for (const LoadDiagnostic& d : result.input_diagnostics) {
            fmt::print(out_,
                       R"({{"type":"input","file":{},"diagnostic":{}}})"
                       "\n",
                       json_string(result.file), diagnostic_json(d));
        }
        if (result.report) {
            for (const Finding& f : result.report->findings) {
                fmt::print(out_,
                           R"({{"type":"finding","file":{},"finding":{}}})"
                           "\n",
                           json_string(result.file), finding_json(f, options_));
            }
        }
        for (const Suppressed& s : result.suppressed) {
            fmt::print(out_,
                       R"({{"type":"suppressed","file":{},"justification":{},"finding":{}}})"
                       "\n",
                       json_string(result.file), json_string(s.justification),
                       finding_json(s.finding, options_));
        }
        const ClaimCounts counts = result.report ? claim_counts(*result.report) : ClaimCounts{};
        fmt::print(
            out_,
            R"({{"type":"file","file":{},"status":{},"errors":{},"warnings":{},"notes":{},"claims_found":{},"claims_verified":{},"claims_mismatched":{},"claims_unverifiable":{}}})"
            "\n",
            json_string(result.file), json_string(result.unreadable ? "unreadable" : "checked"),
            result.count(Severity::Error), result.count(Severity::Warning),
            result.count(Severity::Note), counts.found, counts.verified, counts.mismatched,
            counts.unverifiable);
        out_.flush();  // a pipeline sees each file as soon as it is checked
    }
    void finish(const BatchSummary& summary) override {
        fmt::print(out_,
                   R"({{"type":"summary","summary":{}}})"
                   "\n",
                   summary_json(summary));
    }

  private:
    std::ostream& out_;
    ReportOptions options_;
};

}  // namespace

std::string finding_json(const Finding& finding, const ReportOptions& options) {
    std::string cells = "[";
    for (const CellRef& cell : finding.cells) {
        cells += cells.size() > 1 ? "," : "";
        cells += cell_json(cell);
    }
    cells += "]";
    (void)options;
    return fmt::format(
        R"({{"rule":{},"severity":{},"message_en":{},"message_zh":{},"expected":{},"actual":{},"difference":{},"arithmetic":{},"hints":{},"cells":{}}})",
        json_string(finding.rule_id), json_string(to_string(finding.severity)),
        json_string(finding.message_en), json_string(finding.message_zh),
        json_string(finding.expected), json_string(finding.actual), json_string(finding.difference),
        json_string(finding.arithmetic), strings_json(hints_of(finding, options)), cells);
}

std::unique_ptr<Reporter> make_json(std::ostream& out, const ReportOptions& options) {
    return std::make_unique<JsonReporter>(out, options);
}

std::unique_ptr<Reporter> make_ndjson(std::ostream& out, const ReportOptions& options) {
    return std::make_unique<NdjsonReporter>(out, options);
}

}  // namespace budgetcheck::report
