// Reporters: one per output format. They receive each file's result in path order and a summary
// at the end; they only format what the library found. Streaming formats write as results
// arrive, document formats (json, sarif, junit, markdown) at the end.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "budgetcheck/load/load.hpp"
#include "budgetcheck/report/as_printed.hpp"
#include "budgetcheck/rules/engine.hpp"

namespace budgetcheck {

enum class Format { Text, Json, Ndjson, Sarif, Github, Junit, Markdown, Csv, Html };
// Whether the format shows each file's tables as printed, so the batch must keep them.
bool shows_tables(Format format);
std::optional<Format> parse_format(std::string_view name);
std::string_view to_string(Format format);

enum class Language { English, Chinese };

// A finding a reviewer accepted (a baseline entry), reported as suppressed, with the reason.
struct Suppressed {
    Finding finding;
    std::string justification;
};

// A baseline entry that no longer matches any finding.
struct StaleEntry {
    std::string rule, table, row, column, justification;
};

// Everything known about one input file once it has been checked; the document itself is not
// kept, so a batch holds only findings, and the page as printed when a format shows it.
struct FileResult {
    std::string file;
    // A disclosure published as several PDFs: its files, in reading order. A location's `part`
    // says which one it is in; empty for a single file.
    std::vector<std::string> parts;
    std::vector<LoadDiagnostic> input_diagnostics;
    bool unreadable = false;  // no document could be loaded, or input errors: not checked
    std::optional<CheckReport> report;
    std::vector<Suppressed> suppressed;
    std::vector<StaleEntry> stale;
    std::string title;  // the document's title, when it loaded
    std::optional<DocumentIdentity> identity;  // who published it, for which year: when it loaded
    std::string last_year;  // the file of last year's disclosure it was checked with, if any
    // Its tables and texts as printed, kept only when the report shows them (html).
    std::optional<PrintedDocumentView> as_printed;

    // Findings of that severity, counting input diagnostics with them: a cell that cannot be
    // read is an error, and a misspelled key or a title no kind matches a warning, since they
    // leave part of the file unchecked, which CI must see.
    std::size_t count(Severity severity) const;
    // The file a location is in: `file`, or the part of a disclosure published as several PDFs
    // that the page is in.
    const std::string& file_at(const SourceLocation& where) const;
    // Whether anything in the file is at or above `threshold` (what --fail-on decides on);
    // an unreadable file always is.
    bool fails(Severity threshold) const;
};

struct BatchSummary {
    std::size_t files = 0;
    std::size_t files_with_errors = 0;
    std::size_t unreadable = 0;
    std::vector<std::pair<std::string, std::size_t>> frequent_rules;  // most frequent first
};

struct ReportOptions {
    Language language = Language::English;
    bool color = false;
    std::string tool_version;
    Severity fail_on = Severity::Error;  // formats with a pass/fail verdict (JUnit) agree with it
    std::size_t width = 0;  // the text report wraps to this many columns (0: never)
    bool byte_order_mark = false;  // CSV written to a file starts with one, so Excel reads UTF-8
};

class Reporter {
  public:
    virtual ~Reporter() = default;
    virtual void file(const FileResult& result) = 0;
    virtual void finish(const BatchSummary& summary) = 0;
};

std::unique_ptr<Reporter> make_reporter(Format format, std::ostream& out,
                                        const ReportOptions& options);

// The summary of a batch: counts and the rules that fired most often.
BatchSummary summarise(const std::vector<FileResult>& results);

}  // namespace budgetcheck
