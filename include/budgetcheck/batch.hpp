// Checking many files: loads and checks them on N threads, and hands results back in path order
// whatever N is, so output is deterministic. Only the findings of each file are kept (and, when
// asked, its tables as printed).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "budgetcheck/baseline.hpp"
#include "budgetcheck/report/reporter.hpp"

namespace budgetcheck {

struct BatchOptions {
    LoadOptions load;
    RuleOptions rules;
    const Baseline* baseline = nullptr;
    unsigned jobs = 1;
    std::string prior;  // last year's disclosure named by --prior: every file is checked with it
    // Disclosures published as several PDFs (Inputs::parts): the name in the file list → the
    // files, read together as one document.
    const std::map<std::string, std::vector<std::string>>* parts = nullptr;
    // Keep each file's tables and texts as printed in its result (for the html report); off,
    // a batch holds only findings.
    bool keep_as_printed = false;
    std::function<void(std::size_t done, std::size_t total)>
        progress;  // called from the emitting thread
};

struct SkippedInput {
    std::string path;
    std::string reason;
};

struct Inputs {
    std::vector<std::string> files;     // to check, in order
    // A disclosure published as two PDFs (its text, then its tables) is one entry of `files`,
    // named "text.pdf + tables.pdf"; this gives the files behind such a name.
    std::map<std::string, std::vector<std::string>> parts;
    std::vector<FileResult> problems;   // directories that could not be walked or hold nothing
    std::vector<SkippedInput> skipped;  // what a walk passed over, and why
};

// Files named by the paths: files as given ("-" is standard input), directories walked for
// *.json and *.pdf in sorted order. Two PDFs of one directory whose names differ only by a word
// for the text and one for the tables (X-text.pdf and X-tables.pdf, X（文字部分）.pdf and
// X（表格部分）.pdf) are one disclosure published in two parts, checked as one (see parts). A walk passes over catalogs quietly, and over directories, broken links
// and budgetcheck's own reports and baselines with a reason; a directory that cannot be walked or
// holds no disclosure is an unreadable result.
Inputs expand_inputs(const std::vector<std::string>& paths);

// Why `prior` cannot be last year's disclosure of every file (another unit, kind or year, or
// unreadable); empty when it can. --prior stops the run on such a mismatch rather than compare
// two units' figures.
std::string prior_mismatch(const std::string& prior, const std::vector<std::string>& files,
                           const std::map<std::string, std::vector<std::string>>* parts = nullptr);

// For each file, the file among them that is last year's disclosure of the same unit and kind
// ("" when there is none, or more than one). Only each file's "document" object is read.
std::vector<std::string> last_year_files(
    const std::vector<std::string>& files,
    const std::map<std::string, std::vector<std::string>>* parts = nullptr);

// Loads and checks one file ("-" reads standard input), with last year's disclosure of the same
// unit when `last_year` names one.
FileResult check_file(const std::string& path, const BatchOptions& options,
                      const std::string& last_year = {});

// Checks every file, calling `emit` once per file, in the order of `files`. Each is checked
// with last year's disclosure of its unit when that is among the files too.
void check_files(const std::vector<std::string>& files, const BatchOptions& options,
                 const std::function<void(FileResult&&)>& emit);

}  // namespace budgetcheck
