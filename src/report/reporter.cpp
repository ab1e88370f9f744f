// Shared pieces of the reporters: format names, the batch summary, and the factory.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "budgetcheck/report/reporter.hpp"
#include "formats.hpp"

namespace budgetcheck {

namespace {

constexpr std::pair<Format, std::string_view> format_names[] = {
    {Format::Text, "text"},         {Format::Json, "json"},     {Format::Ndjson, "ndjson"},
    {Format::Sarif, "sarif"},       {Format::Github, "github"}, {Format::Junit, "junit"},
    {Format::Markdown, "markdown"}, {Format::Csv, "csv"},       {Format::Html, "html"},
};

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
    for (const auto& [format, text] : format_names) {
        if (text == name) {
            return format;
        }
    }
    return std::nullopt;
}

std::string_view to_string(Format format) {
    for (const auto& [f, text] : format_names) {
        if (f == format) {
            return text;
        }
    }
    return "?";
}

namespace report {

std::string located(const std::string& file, const SourceLocation& where) {
    // A PDF has pages, not lines: `file.pdf p.12`.
    if (where.page != 0) {
        return fmt::format("{} p.{}", file, where.page);
    }
    return where.line == 0 ? file : fmt::format("{}:{}:{}", file, where.line, where.column);
}

std::string located(const FileResult& result, const SourceLocation& where) {
    return located(result.file_at(where), where);
}

}  // namespace report

bool shows_tables(Format format) { return format == Format::Html; }

const std::string& FileResult::file_at(const SourceLocation& where) const {
    return where.page != 0 && where.part < parts.size() ? parts[where.part] : file;
}

std::size_t FileResult::count(Severity severity) const {
    std::size_t n = report ? report->count(severity) : 0;
    if (severity != Severity::Note) {
        const DiagnosticSeverity wanted = severity == Severity::Error
                                              ? DiagnosticSeverity::Error
                                              : DiagnosticSeverity::Warning;
        n += static_cast<std::size_t>(
            std::count_if(input_diagnostics.begin(), input_diagnostics.end(),
                          [wanted](const LoadDiagnostic& d) { return d.severity == wanted; }));
    }
    return n;
}

bool FileResult::fails(Severity threshold) const {
    if (unreadable) {
        return true;
    }
    // Severity is ordered from the most severe: Error < Warning < Note.
    for (Severity s : {Severity::Error, Severity::Warning, Severity::Note}) {
        if (static_cast<int>(s) <= static_cast<int>(threshold) && count(s) > 0) {
            return true;
        }
    }
    return false;
}

BatchSummary summarise(const std::vector<FileResult>& results) {
    BatchSummary summary;
    std::map<std::string, std::size_t> by_rule;
    for (const FileResult& result : results) {
        ++summary.files;
        summary.unreadable += result.unreadable ? 1 : 0;
        summary.files_with_errors += !result.unreadable && result.count(Severity::Error) > 0 ? 1 : 0;
        if (result.report) {
            for (const Finding& finding : result.report->findings) {
                ++by_rule[finding.rule_id];
            }
        }
    }
    summary.frequent_rules.assign(by_rule.begin(), by_rule.end());
    std::stable_sort(summary.frequent_rules.begin(), summary.frequent_rules.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (summary.frequent_rules.size() > 5) {
        summary.frequent_rules.resize(5);
    }
    return summary;
}

std::unique_ptr<Reporter> make_reporter(Format format, std::ostream& out,
                                        const ReportOptions& options) {
    switch (format) {
        case Format::Text:
            return report::make_text(out, options);
        case Format::Json:
            return report::make_json(out, options);
        case Format::Ndjson:
            return report::make_ndjson(out, options);
        case Format::Sarif:
            return report::make_sarif(out, options);
        case Format::Github:
            return report::make_github(out, options);
        case Format::Junit:
            return report::make_junit(out, options);
        case Format::Markdown:
            return report::make_markdown(out, options);
        case Format::Csv:
            return report::make_csv(out, options);
        case Format::Html:
            return report::make_html(out, options);
    }
    return report::make_text(out, options);
}

}  // namespace budgetcheck
