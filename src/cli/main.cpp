// The budgetcheck command line: parses arguments, calls the library, picks the output. All
// knowledge of budgets lives in the library; this file only knows about the terminal.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "budgetcheck/load/load.hpp"
#include "budgetcheck/report/inspect.hpp"
#include "budgetcheck/report/text.hpp"
#include "budgetcheck/rules/engine.hpp"

namespace {

using namespace budgetcheck;

// Documented in README.md: scripts rely on these values.
enum class ExitCode : int {
    Ok = 0,            // nothing at or above the failure level
    Findings = 1,      // the disclosure has findings at or above the failure level
    InputError = 2,    // usage error, or a file that could not be read as a disclosure
    InternalError = 3  // a defect in budgetcheck itself
};

int to_int(ExitCode code) {
    return static_cast<int>(code);
}

LoadResult load_path(const std::string& path, const LoadOptions& options) {
    if (path == "-") {
        std::string text((std::istreambuf_iterator<char>(std::cin)),
                         std::istreambuf_iterator<char>());
        return load_document(text, "-", options);
    }
    return load_file(path, options);
}

// Files named on the command line, with directories walked for *.json, sorted so output does
// not depend on the file system's order.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths,
                                      std::vector<LoadResult>& failures) {
    std::vector<std::string> out;
    for (const std::string& path : paths) {
        std::error_code error;
        if (path != "-" && std::filesystem::is_directory(path, error)) {
            std::vector<std::string> found;
            auto options = std::filesystem::directory_options::skip_permission_denied;
            for (auto it = std::filesystem::recursive_directory_iterator(path, options, error);
                 !error && it != std::filesystem::recursive_directory_iterator();
                 it.increment(error)) {
                if (it->is_regular_file(error) && it->path().extension() == ".json") {
                    found.push_back(it->path().string());
                }
            }
            if (error) {
                LoadResult failed;
                failed.file = path;
                failed.diagnostics.push_back(
                    LoadDiagnostic{DiagnosticSeverity::Error,
                                   "input.unreadable",
                                   {},
                                   fmt::format("cannot walk the directory: {}", error.message()),
                                   {}});
                failures.push_back(std::move(failed));
            }
            std::sort(found.begin(), found.end());
            out.insert(out.end(), found.begin(), found.end());
        } else {
            out.push_back(path);
        }
    }
    return out;
}

struct CatalogChoice {
    std::string directory;
    SubjectCatalog loaded;
};

std::optional<LoadOptions> make_options(CatalogChoice& choice) {
    LoadOptions options;
    if (!choice.directory.empty()) {
        const auto problems = load_catalog_directory(choice.directory, choice.loaded);
        for (const std::string& problem : problems) {
            fmt::print(std::cerr, "budgetcheck: catalog: {}\n", problem);
        }
        if (!problems.empty()) {
            return std::nullopt;
        }
        options.catalog = &choice.loaded;
    }
    return options;
}

int run(int argc, char** argv) {
    CLI::App app{
        "budgetcheck: finds the errors in Chinese government budget disclosures "
        "(部门预算/单位预算公开)"};
    app.set_version_flag("--version", std::string("budgetcheck ") + BUDGETCHECK_VERSION);
    app.require_subcommand(1);
    app.footer(
        "Examples:\n  budgetcheck verify data/\n  budgetcheck inspect "
        "data/jilin-hrss-information-center-2024.json\n  budgetcheck schema > "
        "budgetcheck-v1.schema.json");

    CatalogChoice catalog;

    auto* inspect =
        app.add_subcommand("inspect", "Show a disclosure exactly as budgetcheck understood it");
    std::string inspect_path;
    inspect
        ->add_option("FILE", inspect_path,
                     "A transcribed disclosure (JSON), or - for standard input")
        ->required();
    inspect->add_option("--catalog", catalog.directory,
                        "Directory of subject catalog files to use instead of the bundled one");
    inspect->footer(
        "Example:\n  budgetcheck inspect data/mohrss-information-center-2024.json | less");

    auto* verify = app.add_subcommand("verify", "Load disclosures and report every problem found");
    std::vector<std::string> verify_paths;
    verify
        ->add_option("PATH", verify_paths,
                     "Files, directories (searched for *.json) or - for standard input")
        ->required();
    verify->add_option("--catalog", catalog.directory,
                       "Directory of subject catalog files to use instead of the bundled one");
    bool exact_footing = false;
    bool truncated = false;
    std::string rounding_severity = "note";
    std::string lang = "en";
    verify->add_flag("--exact-footing", exact_footing,
                     "Report differences that rounding could explain as errors of their rule");
    verify
        ->add_option("--rounding-severity", rounding_severity,
                     "Severity of rounding.explained findings")
        ->check(CLI::IsMember({"error", "warning", "note"}));
    verify->add_flag("--truncated", truncated,
                     "The document truncates figures instead of rounding them");
    verify->add_option("--lang", lang, "Message language")->check(CLI::IsMember({"en", "zh"}));
    verify->footer("Examples:\n  budgetcheck verify draft.json\n  budgetcheck verify data/");

    auto* schema =
        app.add_subcommand("schema", "Print the JSON Schema of the transcription format");
    schema->footer("Example:\n  budgetcheck schema > budgetcheck-v1.schema.json");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        const int code = app.exit(error);
        return code == 0 ? to_int(ExitCode::Ok) : to_int(ExitCode::InputError);
    }

    if (schema->parsed()) {
        std::cout << bundled_schema();
        return to_int(ExitCode::Ok);
    }
    auto options = make_options(catalog);
    if (!options) {
        return to_int(ExitCode::InputError);
    }
    if (inspect->parsed()) {
        const LoadResult result = load_path(inspect_path, *options);
        write_inspection(std::cout, result);
        return result.has_errors() ? to_int(ExitCode::InputError) : to_int(ExitCode::Ok);
    }
    // verify
    RuleOptions rule_options;
    rule_options.catalog = options->catalog;
    rule_options.exact_footing = exact_footing;
    if (auto severity = parse_severity(rounding_severity)) {
        rule_options.rounding_severity = *severity;
    }
    rule_options.rounding = truncated ? RoundingMode::Truncate : RoundingMode::Nearest;
    const Language language = lang == "zh" ? Language::Chinese : Language::English;
    std::vector<LoadResult> failures;
    const std::vector<std::string> files = expand_paths(verify_paths, failures);
    std::size_t bad_files = failures.size();
    std::size_t files_with_errors = 0;
    for (const LoadResult& failure : failures) {
        write_load_diagnostics(std::cout, failure);
    }
    for (const std::string& file : files) {
        const LoadResult result = load_path(file, *options);
        if (result.has_errors() || !result.document) {
            ++bad_files;
            write_text_report(std::cout, result, nullptr, language);
            continue;
        }
        const CheckReport report = check_document(*result.document, rule_options);
        write_text_report(std::cout, result, &report, language);
        if (report.count(Severity::Error) > 0) {
            ++files_with_errors;
        }
    }
    fmt::print(std::cout, "{} files checked: {} with errors, {} unreadable\n",
               files.size() + failures.size(), files_with_errors, bad_files);
    if (bad_files > 0) {
        return to_int(ExitCode::InputError);
    }
    return files_with_errors > 0 ? to_int(ExitCode::Findings) : to_int(ExitCode::Ok);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& error) {
        fmt::print(std::cerr,
                   "budgetcheck: internal error: {}\nThis is a defect in budgetcheck; please "
                   "report it with the input that caused it.\n",
                   error.what());
        return to_int(ExitCode::InternalError);
    }
}
