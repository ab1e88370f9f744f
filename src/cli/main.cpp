// The budgetcheck command line: parses arguments and configuration, calls the library, picks the
// reporter. All knowledge of budgets lives in the library; this file knows about the terminal,
// the environment and exit codes.
#include <malloc.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "budgetcheck/batch.hpp"
#include "budgetcheck/diff.hpp"
#include "budgetcheck/report/diff_report.hpp"
#include "budgetcheck/load/load.hpp"
#include "budgetcheck/load/pdf.hpp"
#include "budgetcheck/report/transcription.hpp"
#include "budgetcheck/model/text.hpp"
#include "budgetcheck/report/inspect.hpp"
#include "budgetcheck/report/reporter.hpp"
#include "budgetcheck/rules/engine.hpp"

namespace {

using namespace budgetcheck;

// Documented in README.md: scripts rely on these values.
enum class ExitCode : int {
    Ok = 0,            // nothing at or above the failure level
    Findings = 1,      // findings at or above the failure level
    InputError = 2,    // a usage error, or a file that could not be read as a disclosure
    InternalError = 3  // a defect in budgetcheck itself
};

int to_int(ExitCode code) {
    return static_cast<int>(code);
}

// The settings every command shares; each can also come from the configuration file.
struct Settings {
    std::string config;
    std::string format = "text";
    std::string output;
    std::string lang = "auto";
    std::string color = "auto";
    std::string fail_on = "error";
    unsigned jobs = 0;
    std::vector<std::string> disable;
    std::vector<std::string> severity;  // rule=level
    bool exact_footing = false;
    std::string rounding_severity = "note";
    bool truncated = false;
    std::string catalog;
    std::string baseline;
    bool require_justification = false;
    std::string prior;
};

Language language_of(const std::string& lang) {
    if (lang == "zh") {
        return Language::Chinese;
    }
    if (lang == "en") {
        return Language::English;
    }
    for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(variable);
        if (value != nullptr && *value != '\0') {
            return std::string_view(value).rfind("zh", 0) == 0 ? Language::Chinese
                                                               : Language::English;
        }
    }
    return Language::English;
}

// The text report wraps to the terminal it is shown on (at least 60 columns, so that the fixed
// columns of a finding's first line still fit); written to a file or a pipe it is not wrapped,
// so every finding stays greppable on its lines.
std::size_t terminal_width(bool to_terminal) {
    if (!to_terminal) {
        return 0;
    }
    winsize size{};
    std::size_t columns = 0;
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        columns = size.ws_col;
    } else if (const char* env = std::getenv("COLUMNS"); env != nullptr) {
        columns = static_cast<std::size_t>(std::strtoul(env, nullptr, 10));
    }
    return columns == 0 ? 0 : std::max<std::size_t>(columns, 60);
}

bool colour_wanted(const std::string& color, bool to_terminal) {
    if (color == "always") {
        return true;
    }
    if (color == "never") {
        return false;
    }
    const char* no_color = std::getenv("NO_COLOR");
    return to_terminal && (no_color == nullptr || *no_color == '\0');
}

// Problems with the settings themselves are usage errors.
std::optional<RuleOptions> rule_options(const Settings& settings, const SubjectCatalog* catalog,
                                        std::string& problem) {
    RuleOptions options;
    options.catalog = catalog;
    options.exact_footing = settings.exact_footing;
    options.rounding = settings.truncated ? RoundingMode::Truncate : RoundingMode::Nearest;
    options.rounding_severity = parse_severity(settings.rounding_severity).value_or(Severity::Note);
    for (const std::string& id : settings.disable) {
        if (find_rule(id) == nullptr) {
            problem = fmt::format("unknown rule '{}' in --disable (see budgetcheck rules)", id);
            return std::nullopt;
        }
        options.disabled.push_back(id);
    }
    for (const std::string& pair : settings.severity) {
        const auto equals = pair.find('=');
        const std::string id = pair.substr(0, equals);
        const auto level =
            equals == std::string::npos ? std::nullopt : parse_severity(pair.substr(equals + 1));
        if (find_rule(id) == nullptr || !level) {
            problem = fmt::format("--severity takes RULE=error|warning|note, not '{}'", pair);
            return std::nullopt;
        }
        options.severity_overrides[id] = *level;
    }
    return options;
}

// The temporary report being written, for the signal handler: a run stopped with Ctrl-C or
// SIGTERM must not leave FILE.tmp.PID behind. A fixed buffer, because the handler may only make
// async-signal-safe calls.
char g_temporary[4096] = {};

extern "C" void remove_temporary_and_stop(int signal_number) {
    if (g_temporary[0] != '\0') {
        ::unlink(g_temporary);
    }
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
}

// Writes to a temporary file beside the target and renames it into place at the end, so a
// reader never sees half a report.
class Output {
  public:
    explicit Output(const std::string& path) : path_(path) {
        if (!path_.empty()) {
            temporary_ = path_ + fmt::format(".tmp.{}", ::getpid());
            if (temporary_.size() < sizeof g_temporary) {
                std::copy(temporary_.begin(), temporary_.end(), g_temporary);
                g_temporary[temporary_.size()] = '\0';
                for (int signal_number : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
                    std::signal(signal_number, remove_temporary_and_stop);
                }
            }
            file_.open(temporary_, std::ios::binary | std::ios::trunc);
        }
    }
    bool ok() const { return path_.empty() || file_.is_open(); }
    std::ostream& stream() { return path_.empty() ? std::cout : file_; }
    bool to_terminal() const { return path_.empty() && ::isatty(STDOUT_FILENO) != 0; }
    bool commit() {
        if (path_.empty()) {
            std::cout.flush();
            return true;
        }
        file_.close();
        std::error_code error;
        std::filesystem::rename(temporary_, path_, error);
        g_temporary[0] = '\0';
        return !error;
    }
    ~Output() {
        if (!path_.empty() && file_.is_open()) {
            file_.close();
            std::remove(temporary_.c_str());
            g_temporary[0] = '\0';
        }
    }

  private:
    std::string path_;
    std::string temporary_;
    std::ofstream file_;
};

// budgetcheck.toml next to the first input (or in the current directory), when none was given.
std::string find_config(const std::vector<std::string>& inputs) {
    std::vector<std::filesystem::path> places;
    for (const std::string& input : inputs) {
        if (input == "-") {
            continue;
        }
        std::error_code error;
        const std::filesystem::path path(input);
        places.push_back(std::filesystem::is_directory(path, error) ? path : path.parent_path());
        break;
    }
    places.emplace_back(".");
    for (const auto& place : places) {
        const auto candidate =
            (place.empty() ? std::filesystem::path(".") : place) / "budgetcheck.toml";
        std::error_code error;
        if (std::filesystem::is_regular_file(candidate, error)) {
            return candidate.string();
        }
    }
    return {};
}

void print_rules(std::ostream& out, const RuleOptions& options, const Settings& settings,
                 Language language) {
    std::size_t width = 0;
    for (const RuleInfo& rule : all_rules()) {
        width = std::max(width, rule.id.size());
    }
    for (const RuleInfo& rule : all_rules()) {
        const bool disabled = std::find(options.disabled.begin(), options.disabled.end(),
                                        rule.id) != options.disabled.end();
        Severity severity =
            rule.id == "rounding.explained" ? options.rounding_severity : rule.default_severity;
        if (const auto found = options.severity_overrides.find(rule.id);
            found != options.severity_overrides.end()) {
            severity = found->second;
        }
        fmt::print(out, "{:<{}}  {:<8} {:<15} {}\n", rule.id, width,
                   disabled ? "off" : to_string(severity), rule.family,
                   language == Language::Chinese ? rule.title_zh : rule.title_en);
    }
    fmt::print(
        out, "\nsettings: fail-on {} · rounding {} · exact footing {} · rounding notes as {}{}\n",
        settings.fail_on, options.rounding == RoundingMode::Truncate ? "truncated" : "to nearest",
        options.exact_footing ? "required" : "not required", to_string(options.rounding_severity),
        settings.config.empty() ? "" : " · config " + settings.config);
}

// `import`: the PDFs → the transcription JSON. Every problem goes to standard error with the
// file and page; the JSON is written whenever a document could be read at all, so a reviewer
// can correct what the import got wrong.
int run_import(const std::vector<std::string>& paths, const Settings& settings,
               const LoadOptions& load) {
    const std::vector<std::filesystem::path> files(paths.begin(), paths.end());
    const PdfImport imported = import_pdf(files, load);
    for (const LoadDiagnostic& d : imported.diagnostics) {
        fmt::print(std::cerr, "{}{}: {}: {} [{}]\n", imported.document ? imported.document->file : paths.front(),
                   d.where.page == 0 ? std::string() : fmt::format(" p.{}", d.where.page),
                   to_string(d.severity), d.message, d.code);
    }
    if (!imported.document) {
        return to_int(ExitCode::InputError);
    }
    Output output(settings.output);
    if (!output.ok()) {
        fmt::print(std::cerr, "budgetcheck: cannot write {}\n", settings.output);
        return to_int(ExitCode::InputError);
    }
    output.stream() << report::transcription_json(*imported.document, paths);
    if (!output.commit()) {
        fmt::print(std::cerr, "budgetcheck: cannot write {}\n", settings.output);
        return to_int(ExitCode::InputError);
    }
    const bool errors = std::any_of(imported.diagnostics.begin(), imported.diagnostics.end(),
                                    [](const LoadDiagnostic& d) {
                                        return d.severity == DiagnosticSeverity::Error;
                                    });
    return errors ? to_int(ExitCode::InputError) : to_int(ExitCode::Ok);
}

// budgetcheck diff OLD NEW: both versions loaded and checked, then compared.
int run_diff(const std::string& before_file, const std::string& after_file,
             const std::string& format, const Settings& settings, const LoadOptions& load,
             const RuleOptions& options, Language language) {
    LoadResult before = load_file(before_file, load);
    LoadResult after = load_file(after_file, load);
    bool unreadable = false;
    for (const LoadResult* version : {&before, &after}) {
        if (version->checkable()) {
            continue;
        }
        unreadable = true;
        for (const LoadDiagnostic& d : version->diagnostics) {
            fmt::print(std::cerr, "{}:{}:{}: {}: {} [{}]\n", version->file, d.where.line,
                       d.where.column, to_string(d.severity), d.message, d.code);
        }
        fmt::print(std::cerr, "budgetcheck: {} cannot be read as a disclosure\n", version->file);
    }
    if (unreadable) {
        return to_int(ExitCode::InputError);
    }
    const CheckReport before_report = check_document(*before.document, options);
    const CheckReport after_report = check_document(*after.document, options);
    const DocumentDiff changes =
        diff_documents(*before.document, before_report, *after.document, after_report);
    Output output(settings.output);
    if (!output.ok()) {
        fmt::print(std::cerr, "budgetcheck: cannot write {}\n", settings.output);
        return to_int(ExitCode::InputError);
    }
    ReportOptions report_options;
    report_options.language = language;
    report_options.tool_version = BUDGETCHECK_VERSION;
    write_diff(output.stream(), changes,
               format == "json" ? DiffFormat::Json
                                : (format == "markdown" ? DiffFormat::Markdown : DiffFormat::Text),
               before_file, after_file, report_options);
    if (!output.commit()) {
        fmt::print(std::cerr, "budgetcheck: cannot write {}\n", settings.output);
        return to_int(ExitCode::InputError);
    }
    return changes.anything_changed() ? to_int(ExitCode::Findings) : to_int(ExitCode::Ok);
}

int run(std::vector<std::string> args) {
    CLI::App app{
        "budgetcheck: finds the errors in Chinese government budget disclosures "
        "(部门预算/单位预算公开)",
        "budgetcheck"};
    app.set_version_flag("--version", std::string("budgetcheck ") + BUDGETCHECK_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    app.footer(
        "Examples:\n"
        "  budgetcheck verify data/\n"
        "  budgetcheck verify --format sarif --output report.sarif drafts/\n"
        "  budgetcheck inspect data/jilin-hrss-information-center-2024.json\n"
        "  budgetcheck explain footing.total-row\n"
        "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or input "
        "errors,\n3 a defect in budgetcheck (please report it).");

    Settings settings;
    app.set_config("--config", "",
                   "Configuration file (TOML); default: budgetcheck.toml next to the first input");
    // The options each command takes, added to that command too so that its --help lists them
    // all; the top level keeps them for `budgetcheck --format json verify …` and the config file.
    enum OptionGroup : unsigned { Report = 1, Checking = 2, Running = 4 };
    auto add_options = [&settings](CLI::App& on, unsigned groups) {
        if ((groups & Report) != 0) {
            on.add_option("--format", settings.format, "Report format")
                ->check(CLI::IsMember(
                    {"text", "json", "ndjson", "sarif", "github", "junit", "markdown", "csv",
                     "html"}));
            on.add_option("--output", settings.output,
                          "Write the report to FILE (atomically) instead of standard output");
            on.add_option("--lang", settings.lang, "Message language (default: from the locale)")
                ->check(CLI::IsMember({"auto", "en", "zh"}));
            on.add_option("--color", settings.color, "Colour in the text report")
                ->check(CLI::IsMember({"auto", "always", "never"}));
            on.add_option("--fail-on", settings.fail_on,
                          "Lowest severity that makes the exit code 1")
                ->check(CLI::IsMember({"error", "warning", "note"}));
            on.add_option("--baseline", settings.baseline,
                          "Baseline file of accepted findings (see budgetcheck baseline)");
            on.add_flag("--require-justification", settings.require_justification,
                        "Baseline entries without a written justification suppress nothing");
            on.add_option("--prior", settings.prior,
                          "Last year's disclosure of the same unit: its figures check the ones "
                          "this year's quotes (default: found among the inputs)");
        }
        if ((groups & Running) != 0) {
            on.add_option("--jobs,-j", settings.jobs,
                          "Files checked in parallel (default: the number of cores)");
        }
        if ((groups & Checking) != 0) {
            on.add_option("--disable", settings.disable, "Switch a rule off (repeatable)")
                ->allow_extra_args(false);
            on.add_option("--severity", settings.severity,
                          "Change a rule's severity: RULE=error|warning|note (repeatable)")
                ->allow_extra_args(false);
            on.add_flag("--exact-footing", settings.exact_footing,
                        "Report differences rounding could explain as errors of their rule");
            on.add_option("--rounding-severity", settings.rounding_severity,
                          "Severity of rounding.explained findings")
                ->check(CLI::IsMember({"error", "warning", "note"}));
            on.add_flag("--truncated", settings.truncated,
                        "The documents truncate figures instead of rounding them");
            on.add_option("--catalog", settings.catalog,
                          "Directory of subject catalog files to use instead of the bundled one");
        }
    };
    add_options(app, Report | Checking | Running);

    std::vector<std::string> verify_paths;
    auto* verify = app.add_subcommand("verify", "Check disclosures and report every finding");
    verify
        ->add_option("PATH", verify_paths,
                     "Files, directories (searched for *.json), or - for standard input")
        ->required();
    add_options(*verify, Report | Checking | Running);
    verify->footer(
        "Examples:\n  budgetcheck verify draft.json\n  budgetcheck verify --format ndjson --jobs 4 "
        "archive/ | jq .\n"
        "  cat draft.json | budgetcheck verify -");

    std::vector<std::string> inspect_paths;
    auto* inspect =
        app.add_subcommand("inspect", "Show a disclosure exactly as budgetcheck understood it");
    inspect
        ->add_option("FILE", inspect_paths,
                     "A transcribed disclosure (JSON) or a published PDF, - for standard input, "
                     "or the text PDF and the tables PDF of a disclosure published as two")
        ->required();
    add_options(*inspect, Checking);
    inspect->footer(
        "Examples:\n  budgetcheck inspect data/mohrss-information-center-2024.json | less\n"
        "  budgetcheck inspect text.pdf tables.pdf");

    auto* rules = app.add_subcommand(
        "rules", "List every rule with its id, severity, family and title, as configured");
    add_options(*rules, Checking);
    rules->footer("Example:\n  budgetcheck rules --disable narrative.unverifiable");

    std::string explain_id;
    auto* explain = app.add_subcommand("explain", "Show a rule's documentation");
    explain->add_option("ID", explain_id, "A rule id, as in budgetcheck rules")->required();
    explain->footer("Example:\n  budgetcheck explain narrative.share");

    std::vector<std::string> baseline_paths;
    auto* baseline =
        app.add_subcommand("baseline", "Write a baseline accepting every current finding");
    baseline->add_option("PATH", baseline_paths, "Files or directories")->required();
    add_options(*baseline, Checking | Running);
    baseline->add_option("--output", settings.output,
                         "Write the baseline to FILE (atomically) instead of standard output");
    baseline->footer(
        "Example:\n  budgetcheck baseline drafts/ > budgetcheck.baseline.json\n"
        "  (then write each entry's justification, and run verify --baseline "
        "budgetcheck.baseline.json)");

    std::vector<std::string> diff_paths;
    std::string diff_format = "text";
    auto* diff = app.add_subcommand(
        "diff", "Show what changed between two versions of a disclosure, findings included");
    diff->add_option("OLD NEW", diff_paths, "The earlier and the later version")
        ->required()
        ->expected(2);
    diff->add_option("--format", diff_format, "Report format")
        ->check(CLI::IsMember({"text", "json", "markdown"}));
    diff->add_option("--output", settings.output,
                     "Write the report to FILE (atomically) instead of standard output");
    diff->add_option("--lang", settings.lang, "Message language (default: from the locale)")
        ->check(CLI::IsMember({"auto", "en", "zh"}));
    add_options(*diff, Checking);
    diff->footer(
        "Exit codes: 0 nothing changed, 1 something changed, 2 a version could not be read.\n"
        "Example:\n  budgetcheck diff --format markdown drafts/v1.json drafts/v2.json > "
        "comment.md");

    std::vector<std::string> import_paths;
    auto* import_command = app.add_subcommand(
        "import", "Read a published PDF into the JSON transcription format, as printed");
    import_command
        ->add_option("PDF", import_paths,
                     "The disclosure's PDF; a disclosure published as two PDFs (text, then "
                     "tables) is given as both, in that order")
        ->required();
    import_command->add_option("--output", settings.output,
                               "Write the transcription to FILE (atomically) instead of "
                               "standard output");
    import_command->footer(
        "Review the result against the PDF before relying on it (docs/import.md).\n"
        "Examples:\n  budgetcheck import disclosure.pdf --output disclosure.json\n"
        "  budgetcheck import text.pdf tables.pdf --output disclosure.json");

    auto* schema =
        app.add_subcommand("schema", "Print the JSON Schema of the transcription format");
    schema->footer("Example:\n  budgetcheck schema > budgetcheck-v1.schema.json");

    // CLI11 takes the arguments last first.
    auto parse = [&app](const std::vector<std::string>& in_order) {
        std::vector<std::string> reversed(in_order.rbegin(), in_order.rend());
        app.parse(reversed);
    };
    try {
        parse(args);
        // A configuration file next to the input applies when none was named.
        if (settings.config.empty()) {
            std::vector<std::string> inputs = verify->parsed() ? verify_paths : baseline_paths;
            if (inspect->parsed()) {
                inputs = {inspect_paths.front()};
            }
            if (const std::string found = find_config(inputs); !found.empty()) {
                args.insert(args.begin(), {"--config", found});
                verify_paths.clear();
                baseline_paths.clear();
                settings.disable.clear();
                settings.severity.clear();
                app.clear();
                parse(args);
            }
        }
    } catch (const CLI::ParseError& error) {
        // A mistyped command: name the closest one rather than "a subcommand is required".
        if (app.get_subcommands().empty()) {
            std::vector<std::string> commands;
            for (const CLI::App* command : app.get_subcommands({})) {
                commands.push_back(command->get_name());
            }
            for (const std::string& word : app.remaining()) {
                if (!word.empty() && word.front() != '-') {
                    const auto closest = closest_names(word, commands, 1);
                    fmt::print(std::cerr, "budgetcheck: no command '{}'{}; run budgetcheck --help\n",
                               word,
                               closest.empty() ? "" : fmt::format(" (did you mean {}?)", closest.front()));
                    return to_int(ExitCode::InputError);
                }
            }
        }
        const int code = app.exit(error);
        return code == 0 ? to_int(ExitCode::Ok) : to_int(ExitCode::InputError);
    }

    const Language language = language_of(settings.lang);
    if (schema->parsed()) {
        std::cout << bundled_schema();
        return to_int(ExitCode::Ok);
    }
    if (explain->parsed()) {
        const std::string_view page = bundled_rule_page(explain_id);
        if (page.empty()) {
            std::vector<std::string> ids;
            for (const RuleInfo& rule : all_rules()) {
                ids.emplace_back(rule.id);
            }
            fmt::print(std::cerr, "budgetcheck: no rule '{}'; closest: {}\n", explain_id,
                       closest_names(explain_id, ids, 3).front());
            return to_int(ExitCode::InputError);
        }
        std::cout << page;
        return to_int(ExitCode::Ok);
    }

    SubjectCatalog catalog;
    LoadOptions load;
    if (!settings.catalog.empty()) {
        const auto problems = load_catalog_directory(settings.catalog, catalog);
        for (const std::string& problem : problems) {
            fmt::print(std::cerr, "budgetcheck: catalog: {}\n", problem);
        }
        if (!problems.empty()) {
            return to_int(ExitCode::InputError);
        }
        load.catalog = &catalog;
    }
    std::string problem;
    const auto options = rule_options(settings, load.catalog, problem);
    if (!options) {
        fmt::print(std::cerr, "budgetcheck: {}\n", problem);
        return to_int(ExitCode::InputError);
    }
    if (rules->parsed()) {
        print_rules(std::cout, *options, settings, language);
        return to_int(ExitCode::Ok);
    }
    if (inspect->parsed()) {
        LoadResult result;
        if (inspect_paths.size() > 1) {
            // Several files are one disclosure only as PDFs published in parts.
            if (!std::all_of(inspect_paths.begin(), inspect_paths.end(),
                             [](const std::string& path) { return is_pdf_path(path); })) {
                fmt::print(std::cerr, "budgetcheck: inspect takes one disclosure: one file, or "
                                      "the PDFs of a disclosure published in parts (text.pdf "
                                      "tables.pdf)\n");
                return to_int(ExitCode::InputError);
            }
            result = load_pdf({inspect_paths.begin(), inspect_paths.end()}, load);
        } else if (inspect_paths.front() == "-") {
            const std::string text((std::istreambuf_iterator<char>(std::cin)),
                                   std::istreambuf_iterator<char>());
            result = load_document(text, "-", load);
        } else {
            result = load_file(inspect_paths.front(), load);
        }
        write_inspection(std::cout, result);
        return result.has_errors() ? to_int(ExitCode::InputError) : to_int(ExitCode::Ok);
    }

    if (import_command->parsed()) {
        return run_import(import_paths, settings, load);
    }

    if (diff->parsed()) {
        return run_diff(diff_paths[0], diff_paths[1], diff_format, settings, load, *options,
                        language);
    }

    Baseline accepted;
    BatchOptions batch;
    batch.load = load;
    batch.rules = *options;
    batch.keep_as_printed = shows_tables(parse_format(settings.format).value_or(Format::Text));
    // The report that shows the tables lets a reader select a cell and see its identities.
    batch.rules.record_identities = batch.keep_as_printed;
    batch.jobs =
        settings.jobs == 0 ? std::max(1U, std::thread::hardware_concurrency()) : settings.jobs;
    if (!settings.baseline.empty() && verify->parsed()) {
        std::ifstream in(settings.baseline, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        std::vector<LoadDiagnostic> problems;
        const auto loaded =
            in ? load_baseline(text.str(), settings.baseline, problems) : std::nullopt;
        if (!loaded) {
            fmt::print(std::cerr, "budgetcheck: cannot use the baseline {}: {}\n",
                       settings.baseline,
                       problems.empty() ? "it cannot be read" : problems.front().message);
            return to_int(ExitCode::InputError);
        }
        accepted = *loaded;
        accepted.require_justification = settings.require_justification;
        batch.baseline = &accepted;
    }

    Inputs inputs = expand_inputs(verify->parsed() ? verify_paths : baseline_paths);
    for (const SkippedInput& skipped : inputs.skipped) {
        fmt::print(std::cerr, "budgetcheck: skipped {}: {}\n", skipped.path, skipped.reason);
    }
    std::vector<FileResult>& unwalkable = inputs.problems;
    const std::vector<std::string>& files = inputs.files;
    batch.parts = &inputs.parts;
    if (!settings.prior.empty() && verify->parsed()) {
        if (const std::string mismatch = prior_mismatch(settings.prior, files, &inputs.parts);
            !mismatch.empty()) {
            fmt::print(std::cerr, "budgetcheck: {}\n", mismatch);
            return to_int(ExitCode::InputError);
        }
        batch.prior = settings.prior;
    }
    Output output(settings.output);
    if (!output.ok()) {
        fmt::print(std::cerr, "budgetcheck: cannot write {}\n", settings.output);
        return to_int(ExitCode::InputError);
    }
    // The progress line lives on stderr. When the report goes to the same terminal, the line is
    // erased before each file's report and drawn again after it, so the two never run together.
    const bool report_on_terminal = output.to_terminal();
    bool progress_shown = false;
    if (::isatty(STDERR_FILENO) != 0 && files.size() >= 50) {
        batch.progress = [&](std::size_t done, std::size_t total) {
            if (report_on_terminal) {
                std::cout.flush();
            }
            fmt::print(std::cerr, "\r{} of {} files checked", done, total);
            progress_shown = done < total;
            if (done == total) {
                fmt::print(std::cerr, "{}", report_on_terminal ? "\r\033[K" : "\n");
            }
        };
    }
    auto clear_progress = [&] {
        if (progress_shown && report_on_terminal) {
            fmt::print(std::cerr, "\r\033[K");
            progress_shown = false;
        }
    };

    if (baseline->parsed()) {
        std::vector<FileResult> results = unwalkable;
        check_files(files, batch,
                    [&](FileResult&& result) { results.push_back(std::move(result)); });
        output.stream() << write_baseline(results);
        output.commit();
        return to_int(ExitCode::Ok);
    }

    ReportOptions report_options;
    report_options.language = language;
    report_options.color = colour_wanted(settings.color, output.to_terminal());
    report_options.tool_version = BUDGETCHECK_VERSION;
    const Severity fail_on = parse_severity(settings.fail_on).value_or(Severity::Error);
    report_options.fail_on = fail_on;
    report_options.byte_order_mark = !settings.output.empty();
    report_options.width = terminal_width(output.to_terminal());
    auto reporter = make_reporter(parse_format(settings.format).value_or(Format::Text),
                                  output.stream(), report_options);
    BatchSummary summary;
    std::map<std::string, std::size_t> by_rule;
    bool failing = false;
    bool unreadable = false;
    auto take = [&](FileResult&& result) {
        ++summary.files;
        unreadable = unreadable || result.unreadable;
        summary.unreadable += result.unreadable ? 1 : 0;
        summary.files_with_errors += !result.unreadable && result.count(Severity::Error) > 0 ? 1 : 0;
        failing = failing || result.fails(fail_on);
        if (result.report) {
            for (const Finding& f : result.report->findings) {
                ++by_rule[f.rule_id];
            }
        }
        clear_progress();
        reporter->file(result);
    };
    for (FileResult& result : unwalkable) {
        take(std::move(result));
    }
    check_files(files, batch, take);
    summary.frequent_rules.assign(by_rule.begin(), by_rule.end());
    std::stable_sort(summary.frequent_rules.begin(), summary.frequent_rules.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (summary.frequent_rules.size() > 5) {
        summary.frequent_rules.resize(5);
    }
    reporter->finish(summary);
    if (!output.commit()) {
        fmt::print(std::cerr, "budgetcheck: cannot write {}\n", settings.output);
        return to_int(ExitCode::InputError);
    }
    if (unreadable) {
        return to_int(ExitCode::InputError);
    }
    return failing ? to_int(ExitCode::Findings) : to_int(ExitCode::Ok);
}

}  // namespace

int main(int argc, char** argv) {
    // A batch frees each document before loading the next of about the same size: giving the
    // memory back to the system in between only makes the next one fault it in again (30 times
    // the page faults, a tenth of the time). Memory stays bounded by the largest document.
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_MMAP_THRESHOLD, 16 * 1024 * 1024);
    try {
        return run(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::exception& error) {
        fmt::print(std::cerr,
                   "budgetcheck: internal error: {}\nThis is a defect in budgetcheck; please "
                   "report it with the input that "
                   "caused it.\n",
                   error.what());
        return to_int(ExitCode::InternalError);
    }
}
