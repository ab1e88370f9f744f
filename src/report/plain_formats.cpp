// The line-oriented and summary formats: GitHub workflow annotations, JUnit XML (a test case per
// file × rule family), a Markdown summary for pull requests, and CSV for spreadsheets.
#include <array>
#include <cctype>
#include <map>
#include <optional>
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
        // Accepted findings as notices, so a reviewer still sees them on the diff.
        for (const Suppressed& s : result.suppressed) {
            const CellRef cell = s.finding.cells.empty() ? CellRef{} : s.finding.cells.front();
            fmt::print(out_, "::notice file={},line={},col={},title={}::{}\n",
                       github_property(result.file), cell.source.line == 0 ? 1 : cell.source.line,
                       cell.source.column == 0 ? 1 : cell.source.column,
                       github_property(s.finding.rule_id + " (suppressed)"),
                       github_data(fmt::format("{}\nsuppressed by the baseline: {}",
                                               message_of(s.finding, options_), s.justification)));
        }
        for (const StaleEntry& e : result.stale) {
            fmt::print(out_, "::warning file={},title={}::{}\n", github_property(result.file),
                       github_property("stale baseline entry"),
                       github_data(fmt::format("baseline entry {} at {} × {} matches no finding "
                                               "any more: remove it",
                                               e.rule, e.row, e.column)));
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
                details += fmt::format("{} {} [{}]\n", located(result, d.where), d.message,
                                       d.code);
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
                input_details += fmt::format("{} {} {} [{}]\n", located(result, d.where),
                                             to_string(d.severity), d.message, d.code);
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
                    details += fmt::format("{} {} [{}] {}\n{}\n",
                                           located(result, cell.source),
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
        // Suppressed findings and stale baseline entries do not fail the suite (the exit code
        // does not count them either), but are listed so that they are not lost.
        std::string listed;
        for (const Suppressed& s : result.suppressed) {
            const CellRef cell = s.finding.cells.empty() ? CellRef{} : s.finding.cells.front();
            listed += fmt::format("suppressed {} {} {}: {}\n", s.finding.rule_id,
                                  located(result, cell.source),
                                  message_of(s.finding, options_), s.justification);
        }
        for (const StaleEntry& e : result.stale) {
            listed += fmt::format("stale baseline entry {} at {} × {} matches no finding any more\n",
                                  e.rule, e.row, e.column);
        }
        if (!listed.empty()) {
            cases += fmt::format("    <system-out>{}</system-out>\n", xml_escape(listed));
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
                errors_ += fmt::format("- `{}` **{}** {}\n", located(result, d.where), d.code,
                                       d.message);
            }
        }
        if (!result.report) {
            return;
        }
        for (const Finding& f : result.report->findings) {
            const CellRef cell = f.cells.empty() ? CellRef{} : f.cells.front();
            std::string line = fmt::format("- `{}` **{}** {}", located(result, cell.source),
                                           f.rule_id, message_of(f, options_));
            if (!f.arithmetic.empty()) {
                line += fmt::format(" — `{}`", f.arithmetic);
            }
            line += "\n";
            (f.severity == Severity::Error
                 ? errors_
                 : (f.severity == Severity::Warning ? warnings_ : notes_)) += line;
        }
        for (const Suppressed& s : result.suppressed) {
            const CellRef cell = s.finding.cells.empty() ? CellRef{} : s.finding.cells.front();
            suppressed_ += fmt::format("- `{}` **{}** {} — accepted: {}\n",
                                       located(result, cell.source), s.finding.rule_id,
                                       message_of(s.finding, options_), s.justification);
        }
        for (const StaleEntry& e : result.stale) {
            suppressed_ += fmt::format(
                "- `{}` stale baseline entry **{}** at {} × {}: matches no finding any more\n",
                result.file, e.rule, e.row, e.column);
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
        if (!suppressed_.empty()) {
            fmt::print(out_, "<details><summary>Baseline: accepted findings and stale entries</summary>\n\n{}\n</details>\n",
                       suppressed_);
        }
    }

  private:
    std::ostream& out_;
    ReportOptions options_;
    std::string rows_, errors_, warnings_, notes_, suppressed_;
};

// "148.13 万元" → {"148.13", "万元"}; a figure and its unit go in separate CSV columns so that a
// spreadsheet can sum them. Text that is not a figure stays whole in the first.
std::pair<std::string, std::string> split_figure(std::string_view text) {
    std::size_t end = 0;
    while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) != 0 ||
                                 text[end] == '.' || text[end] == ',' ||
                                 (end == 0 && (text[end] == '-' || text[end] == '+')))) {
        ++end;
    }
    if (end == 0 || end == text.size()) {
        return {std::string(text), ""};
    }
    std::string unit(text.substr(end));
    while (!unit.empty() && unit.front() == ' ') {
        unit.erase(0, 1);
    }
    if (unit != "%" && unit != "points" && unit != "元" && unit != "万元" && unit != "亿元") {
        return {std::string(text), ""};
    }
    return {std::string(text.substr(0, end)), unit};
}

// One row per finding, suppressed finding, stale baseline entry and input problem; one row per
// file with its counts (files without findings too); one row per rule with its counts over the
// batch. The `status` column tells them apart, so an auditor filters rather than parses.
class CsvReporter : public Reporter {
  public:
    CsvReporter(std::ostream& out, const ReportOptions& options) : out_(out), options_(options) {
        if (options_.byte_order_mark) {
            out_ << "\xEF\xBB\xBF";
        }
        fmt::print(out_,
                   "file,unit,year,kind,status,severity,rule,table,row,column,line,column_number,"
                   "pointer,expected,actual,difference,money_unit,arithmetic,hint,message,"
                   "justification,errors,warnings,notes\n");
    }
    void file(const FileResult& result) override {
        Row base;
        base.file = result.file;
        if (result.identity) {
            base.unit = result.identity->unit;
            base.year = std::to_string(result.identity->year);
            base.kind = std::string(to_string(result.identity->kind));
        }
        for (const LoadDiagnostic& d : result.input_diagnostics) {
            Row row = base;
            row.status = "input";
            row.severity = std::string(to_string(d.severity));
            row.rule = d.code;
            row.where = d.where;
            row.message = d.message;
            write(row);
            ++by_rule_[d.code][d.severity == DiagnosticSeverity::Error ? 0 : 1];
        }
        if (result.report) {
            for (const Finding& f : result.report->findings) {
                write(finding_row(base, "finding", f, ""));
                ++by_rule_[f.rule_id][static_cast<int>(f.severity)];
            }
        }
        for (const Suppressed& s : result.suppressed) {
            write(finding_row(base, "suppressed", s.finding, s.justification));
        }
        for (const StaleEntry& e : result.stale) {
            Row row = base;
            row.status = "stale-baseline";
            row.rule = e.rule;
            row.table = e.table;
            row.row = e.row;
            row.column = e.column;
            row.justification = e.justification;
            row.message = "this baseline entry matches no finding any more: remove it";
            write(row);
        }
        Row summary = base;
        summary.status = result.unreadable ? "unreadable" : "checked";
        summary.counts = {result.count(Severity::Error), result.count(Severity::Warning),
                          result.count(Severity::Note)};
        summary.message = result.title;
        write(summary);
        out_.flush();
    }
    void finish(const BatchSummary&) override {
        for (const auto& [rule, counts] : by_rule_) {
            Row row;
            row.file = "(all files)";
            row.status = "rule-total";
            row.rule = rule;
            row.counts = counts;
            write(row);
        }
    }

  private:
    struct Row {
        std::string file, unit, year, kind, status, severity, rule, table, row, column;
        SourceLocation where;
        std::string expected, actual, difference, money_unit, arithmetic, hint, message,
            justification;
        std::optional<std::array<std::size_t, 3>> counts;  // errors, warnings, notes
    };

    Row finding_row(const Row& base, const char* status, const Finding& f,
                    const std::string& justification) const {
        Row row = base;
        const CellRef cell = f.cells.empty() ? CellRef{} : f.cells.front();
        row.status = status;
        row.severity = std::string(to_string(f.severity));
        row.rule = f.rule_id;
        row.table = cell.table;
        row.row = cell.row;
        row.column = cell.column;
        row.where = cell.source;
        std::string unit;
        for (auto [field, text] : {std::pair{&row.expected, &f.expected},
                                   std::pair{&row.actual, &f.actual},
                                   std::pair{&row.difference, &f.difference}}) {
            auto [number, its_unit] = split_figure(*text);
            *field = number;
            unit = unit.empty() ? its_unit : unit;
        }
        row.money_unit = unit.empty() && !row.expected.empty() ? cell.unit : unit;
        row.arithmetic = f.arithmetic;
        for (const std::string& hint : hints_of(f, options_)) {
            row.hint += row.hint.empty() ? hint : "; " + hint;
        }
        row.message = message_of(f, options_);
        row.justification = justification;
        return row;
    }

    void write(const Row& r) {
        const auto count = [&r](std::size_t i) {
            return r.counts ? std::to_string((*r.counts)[i]) : std::string();
        };
        fmt::print(out_, "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
                   csv_field(r.file), csv_field(r.unit), r.year, r.kind, r.status, r.severity,
                   csv_field(r.rule), csv_field(r.table), csv_field(r.row), csv_field(r.column),
                   r.where.line == 0 ? "" : std::to_string(r.where.line),
                   r.where.column == 0 ? "" : std::to_string(r.where.column),
                   csv_field(r.where.pointer), csv_field(r.expected), csv_field(r.actual),
                   csv_field(r.difference), r.money_unit, csv_field(r.arithmetic),
                   csv_field(r.hint), csv_field(r.message), csv_field(r.justification), count(0),
                   count(1), count(2));
    }

    std::ostream& out_;
    ReportOptions options_;
    std::map<std::string, std::array<std::size_t, 3>> by_rule_;
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
