// The line-oriented and summary formats: GitHub workflow annotations, JUnit XML (a test case per
// file × rule family), a Markdown summary for pull requests, and CSV for spreadsheets.
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "formats.hpp"
#include "json_writer.hpp"

namespace budgetcheck::report {

namespace {

// Workflow-command escaping: data and properties.
std::string github_data(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '%') {
            out += "%25";
        } else if (c == '\r') {
            out += "%0D";
        } else if (c == '\n') {
            out += "%0A";
        } else {
            out += c;
        }
    }
    return out;
}

std::string github_property(std::string_view text) {
    std::string out;
    for (char c : github_data(text)) {
        if (c == ':') {
            out += "%3A";
        } else if (c == ',') {
            out += "%2C";
        } else {
            out += c;
        }
    }
    return out;
}

class GithubReporter : public Reporter {
  public:
    GithubReporter(std::ostream& out, const ReportOptions& options)
        : out_(out), options_(options) {}
    void file(const FileResult& result) override {
        for (const LoadDiagnostic& d : result.input_diagnostics) {
            fmt::print(out_, "::{} file={},line={},col={},title={}::{}\n",
                       d.severity == DiagnosticSeverity::Error ? "error" : "warning",
                       github_property(result.file), d.where.line == 0 ? 1 : d.where.line,
                       d.where.column == 0 ? 1 : d.where.column, github_property(d.code),
                       github_data(d.message));
        }
        if (!result.report) {
            return;
        }
        for (const Finding& f : result.report->findings) {
            const CellRef cell = f.cells.empty() ? CellRef{} : f.cells.front();
            const std::string_view command =
                f.severity == Severity::Error
                    ? "error"
                    : (f.severity == Severity::Warning ? "warning" : "notice");
            std::string text = message_of(f, options_);
            if (!f.arithmetic.empty()) {
                text += "\n" + f.arithmetic;
            }
            fmt::print(out_, "::{} file={},line={},col={},title={}::{}\n", command,
                       github_property(result.file), cell.source.line == 0 ? 1 : cell.source.line,
                       cell.source.column == 0 ? 1 : cell.source.column, github_property(f.rule_id),
                       github_data(text));
        }
    }
    void finish(const BatchSummary& summary) override {
        fmt::print(out_, "{} files checked: {} with errors, {} unreadable\n", summary.files,
                   summary.files_with_errors, summary.unreadable);
    }

  private:
    std::ostream& out_;
    ReportOptions options_;
};

class JunitReporter : public Reporter {
  public:
    JunitReporter(std::ostream& out, const ReportOptions& options) : out_(out), options_(options) {}
    void file(const FileResult& result) override {
        std::string cases;
        std::size_t tests = 0;
        std::size_t failures = 0;
        if (!result.report) {
            std::string details;
            for (const LoadDiagnostic& d : result.input_diagnostics) {
                details += fmt::format("{}:{}:{} {} [{}]\n", result.file, d.where.line,
                                       d.where.column, d.message, d.code);
            }
            cases += fmt::format(
                R"(    <testcase classname="{}" name="input"><failure message="the file could not be read as a disclosure" type="input">{}</failure></testcase>)"
                "\n",
                xml_escape(result.file), xml_escape(details));
            tests = failures = 1;
        } else {
            // A file fails exactly when the exit code says so: findings at or above --fail-on,
            // and input warnings (parts of the file left unchecked) when that is warning or note.
            const auto counts = [this](Severity severity) {
                return static_cast<int>(severity) <= static_cast<int>(options_.fail_on);
            };
            std::string input_details;
            std::size_t input_failing = 0;
            for (const LoadDiagnostic& d : result.input_diagnostics) {
                if (!counts(d.severity == DiagnosticSeverity::Error ? Severity::Error
                                                                    : Severity::Warning)) {
                    continue;
                }
                ++input_failing;
                input_details += fmt::format("{}:{}:{} {} {} [{}]\n", result.file, d.where.line,
                                             d.where.column, to_string(d.severity), d.message,
                                             d.code);
            }
            ++tests;
            if (input_failing > 0) {
                ++failures;
                cases += fmt::format(
                    R"(    <testcase classname="{}" name="input"><failure message="{} input problems at or above {}" type="input">{}</failure></testcase>)"
                    "\n",
                    xml_escape(result.file), input_failing, to_string(options_.fail_on),
                    xml_escape(input_details));
            } else {
                cases += fmt::format(R"(    <testcase classname="{}" name="input"/>)"
                                     "\n",
                                     xml_escape(result.file));
            }
            std::set<std::string> families;
            for (const RuleInfo& rule : all_rules()) {
                families.insert(std::string(rule.family));
            }
            for (const std::string& family : families) {
                std::string details;
                std::size_t failing = 0;
                for (const Finding& f : result.report->findings) {
                    const RuleInfo* rule = find_rule(f.rule_id);
                    if (rule == nullptr || rule->family != family || !counts(f.severity)) {
                        continue;
                    }
                    ++failing;
                    const CellRef cell = f.cells.empty() ? CellRef{} : f.cells.front();
                    details += fmt::format("{}:{}:{} {} [{}] {}\n{}\n", result.file,
                                           cell.source.line, cell.source.column,
                                           to_string(f.severity), f.rule_id,
                                           message_of(f, options_), f.arithmetic);
                }
                ++tests;
                if (failing > 0) {
                    ++failures;
                    cases += fmt::format(
                        R"(    <testcase classname="{}" name="{}"><failure message="{} findings at or above {}" type="{}">{}</failure></testcase>)"
                        "\n",
                        xml_escape(result.file), xml_escape(family), failing,
                        to_string(options_.fail_on), xml_escape(family), xml_escape(details));
                } else {
                    cases += fmt::format(R"(    <testcase classname="{}" name="{}"/>)"
                                         "\n",
                                         xml_escape(result.file), xml_escape(family));
                }
            }
        }
        suites_ += fmt::format(R"(  <testsuite name="{}" tests="{}" failures="{}" errors="0">)"
                               "\n{}  </testsuite>\n",
                               xml_escape(result.file), tests, failures, cases);
        tests_ += tests;
        failures_ += failures;
    }
    void finish(const BatchSummary&) override {
        fmt::print(out_,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"budgetcheck\" "
                   "tests=\"{}\" failures=\"{}\">\n{}</testsuites>\n",
                   tests_, failures_, suites_);
    }

  private:
    std::ostream& out_;
    ReportOptions options_;
    std::string suites_;
    std::size_t tests_ = 0;
    std::size_t failures_ = 0;
};

class MarkdownReporter : public Reporter {
  public:
    MarkdownReporter(std::ostream& out, const ReportOptions& options)
        : out_(out), options_(options) {}
    void file(const FileResult& result) override {
        const ClaimCounts claims = result.report ? claim_counts(*result.report) : ClaimCounts{};
        rows_ += fmt::format(
            "| `{}` | {} | {} | {} | {} | {} |\n", result.file,
            result.unreadable ? "unreadable" : (result.count(Severity::Error) > 0 ? "❌" : "✅"),
            result.count(Severity::Error), result.count(Severity::Warning),
            result.count(Severity::Note),
            claims.found == 0 ? std::string("–")
                              : fmt::format("{}/{} verified", claims.verified, claims.found));
        for (const LoadDiagnostic& d : result.input_diagnostics) {
            if (d.severity == DiagnosticSeverity::Error) {
                errors_ += fmt::format("- `{}:{}:{}` **{}** {}\n", result.file, d.where.line,
                                       d.where.column, d.code, d.message);
            }
        }
        if (!result.report) {
            return;
        }
        for (const Finding& f : result.report->findings) {
            const CellRef cell = f.cells.empty() ? CellRef{} : f.cells.front();
            std::string line = fmt::format("- `{}:{}:{}` **{}** {}", result.file, cell.source.line,
                                           cell.source.column, f.rule_id, message_of(f, options_));
            if (!f.arithmetic.empty()) {
                line += fmt::format(" — `{}`", f.arithmetic);
            }
            line += "\n";
            (f.severity == Severity::Error
                 ? errors_
                 : (f.severity == Severity::Warning ? warnings_ : notes_)) += line;
        }
    }
    void finish(const BatchSummary& summary) override {
        fmt::print(out_, "## budgetcheck: {} of {} files with errors\n\n",
                   summary.files_with_errors, summary.files);
        fmt::print(out_,
                   "| file | result | errors | warnings | notes | claims "
                   "|\n|---|---|---|---|---|---|\n{}\n",
                   rows_);
        if (!errors_.empty()) {
            fmt::print(out_, "### Errors\n\n{}\n", errors_);
        }
        if (!warnings_.empty()) {
            fmt::print(out_, "### Warnings\n\n{}\n", warnings_);
        }
        if (!notes_.empty()) {
            fmt::print(out_, "<details><summary>Notes</summary>\n\n{}\n</details>\n", notes_);
        }
    }

  private:
    std::ostream& out_;
    ReportOptions options_;
    std::string rows_, errors_, warnings_, notes_;
};

class CsvReporter : public Reporter {
  public:
    CsvReporter(std::ostream& out, const ReportOptions& options) : out_(out), options_(options) {
        fmt::print(out_,
                   "file,severity,rule,table,row,column,line,column_number,pointer,expected,actual,"
                   "difference,arithmetic,message\n");
    }
    void file(const FileResult& result) override {
        for (const LoadDiagnostic& d : result.input_diagnostics) {
            row(result.file, std::string(to_string(d.severity)), d.code, "", "", "", d.where, "",
                "", "", "", d.message);
        }
        if (!result.report) {
            return;
        }
        for (const Finding& f : result.report->findings) {
            const CellRef cell = f.cells.empty() ? CellRef{} : f.cells.front();
            row(result.file, std::string(to_string(f.severity)), f.rule_id, cell.table, cell.row,
                cell.column, cell.source, f.expected, f.actual, f.difference, f.arithmetic,
                message_of(f, options_));
        }
        out_.flush();
    }
    void finish(const BatchSummary&) override {}

  private:
    void row(const std::string& file, const std::string& severity, const std::string& rule,
             const std::string& table, const std::string& row_label, const std::string& column,
             const SourceLocation& where, const std::string& expected, const std::string& actual,
             const std::string& difference, const std::string& arithmetic,
             const std::string& message) {
        fmt::print(out_, "{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(file), severity,
                   csv_field(rule), csv_field(table), csv_field(row_label), csv_field(column),
                   where.line, where.column, csv_field(where.pointer), csv_field(expected),
                   csv_field(actual), csv_field(difference), csv_field(arithmetic),
                   csv_field(message));
    }

    std::ostream& out_;
    ReportOptions options_;
};

}  // namespace

std::unique_ptr<Reporter> make_github(std::ostream& out, const ReportOptions& options) {
    return std::make_unique<GithubReporter>(out, options);
}
std::unique_ptr<Reporter> make_junit(std::ostream& out, const ReportOptions& options) {
    return std::make_unique<JunitReporter>(out, options);
}
std::unique_ptr<Reporter> make_markdown(std::ostream& out, const ReportOptions& options) {
    return std::make_unique<MarkdownReporter>(out, options);
}
std::unique_ptr<Reporter> make_csv(std::ostream& out, const ReportOptions& options) {
    return std::make_unique<CsvReporter>(out, options);
}

}  // namespace budgetcheck::report
