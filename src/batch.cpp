#include "budgetcheck/batch.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <tuple>

#include <fmt/format.h>

#include "budgetcheck/load/pdf.hpp"

namespace budgetcheck {

namespace {

FileResult input_problem(const std::string& path, std::string code, std::string message) {
    FileResult failed;
    failed.file = path;
    failed.unreadable = true;
    LoadDiagnostic diagnostic;
    diagnostic.code = std::move(code);
    diagnostic.message = std::move(message);
    failed.input_diagnostics.push_back(std::move(diagnostic));
    return failed;
}

bool ends_with(std::string_view text, std::string_view end) {
    return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

}  // namespace

Inputs expand_inputs(const std::vector<std::string>& paths) {
    Inputs inputs;
    for (const std::string& path : paths) {
        std::error_code error;
        if (path == "-" || !std::filesystem::is_directory(path, error)) {
            inputs.files.push_back(path);
            continue;
        }
        std::vector<std::string> found;
        const auto options = std::filesystem::directory_options::skip_permission_denied;
        std::filesystem::recursive_directory_iterator it(path, options, error);
        for (; !error && it != std::filesystem::recursive_directory_iterator();
             it.increment(error)) {
            const std::filesystem::path& entry = it->path();
            const std::string name = entry.filename().string();
            // Subject catalogs (*.catalog.json) live beside disclosures in data/ but are not ones.
            if ((entry.extension() != ".json" && !is_pdf_path(entry)) ||
                ends_with(name, ".catalog.json")) {
                continue;
            }
            std::error_code type_error;
            const auto status = it->status(type_error);
            if (std::filesystem::is_directory(status)) {
                inputs.skipped.push_back({entry.string(), "a directory, not a file"});
            } else if (!std::filesystem::exists(status)) {
                inputs.skipped.push_back(
                    {entry.string(), "a symbolic link to a file that does not exist"});
            } else if (!std::filesystem::is_regular_file(status)) {
                inputs.skipped.push_back({entry.string(), "not a regular file"});
            } else if (const auto own = budgetcheck_output_kind(entry); !own.empty()) {
                inputs.skipped.push_back(
                    {entry.string(), fmt::format("{}, not a disclosure", own)});
            } else {
                found.push_back(entry.string());
            }
        }
        if (error) {
            inputs.problems.push_back(input_problem(
                path, "input.unreadable",
                fmt::format("cannot walk the directory: {}", error.message())));
        } else if (found.empty()) {
            // An empty folder is most often a wrong path in a CI job: passing it would gate nothing.
            inputs.problems.push_back(input_problem(
                path, "input.no-disclosures",
                "the directory holds no disclosures (no *.json or *.pdf file in it or below it)"));
        }
        std::sort(found.begin(), found.end());
        inputs.files.insert(inputs.files.end(), found.begin(), found.end());
    }
    return inputs;
}

std::vector<std::string> last_year_files(const std::vector<std::string>& files) {
    std::vector<std::string> out(files.size());
    if (files.size() < 2) {
        return out;
    }
    std::vector<std::optional<DocumentIdentity>> identities(files.size());
    std::map<std::tuple<std::string, DocumentKind, int>, std::vector<std::size_t>> by_identity;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (files[i] == "-") {
            continue;  // standard input can be read once only
        }
        identities[i] = read_identity(files[i]);
        if (identities[i]) {
            by_identity[{identities[i]->unit, identities[i]->kind, identities[i]->year}].push_back(
                i);
        }
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (!identities[i]) {
            continue;
        }
        const auto found =
            by_identity.find({identities[i]->unit, identities[i]->kind, identities[i]->year - 1});
        // Two disclosures of last year (drafts, a republication): which one the text compares
        // with is not known, so neither is used.
        if (found != by_identity.end() && found->second.size() == 1) {
            out[i] = files[found->second.front()];
        }
    }
    return out;
}

FileResult check_file(const std::string& path, const BatchOptions& options,
                      const std::string& last_year) {
    LoadResult loaded;
    if (path == "-") {
        const std::string text((std::istreambuf_iterator<char>(std::cin)),
                               std::istreambuf_iterator<char>());
        loaded = load_document(text, "-", options.load);
    } else {
        loaded = load_file(path, options.load);
    }
    FileResult result;
    result.file = path;
    // One cell that cannot be read is an error of that cell: the rest is still checked.
    const bool checkable = loaded.checkable();
    result.input_diagnostics = std::move(loaded.diagnostics);
    if (!checkable) {
        result.unreadable = true;
        return result;
    }
    result.title = loaded.document->title;
    result.identity =
        DocumentIdentity{loaded.document->unit, loaded.document->year, loaded.document->kind};
    // Last year's disclosure is only a reference: when it cannot be read it is not used, and its
    // own problems are reported when it is checked itself.
    std::optional<Document> reference;
    if (!last_year.empty()) {
        LoadResult prior = load_file(last_year, options.load);
        if (prior.checkable()) {
            reference = std::move(prior.document);
            result.last_year = last_year;
        }
    }
    result.report =
        check_document(*loaded.document, options.rules, reference ? &*reference : nullptr);
    if (options.baseline != nullptr) {
        apply_baseline(*options.baseline, result);
    }
    if (options.keep_as_printed) {
        result.as_printed = as_printed(*loaded.document);
    }
    return result;  // the document goes out of scope here: a batch keeps only what it reports
}

std::string prior_mismatch(const std::string& prior, const std::vector<std::string>& files) {
    const auto last = read_identity(prior);
    if (!last) {
        return fmt::format("--prior {} does not say its unit, year and kind ({}), or cannot be "
                           "read",
                           prior,
                           is_pdf_path(prior) ? "none could be read from its cover and titles"
                                              : "its \"document\" object");
    }
    for (const std::string& file : files) {
        if (file == "-") {
            continue;
        }
        const auto current = read_identity(file);
        if (!current) {
            continue;  // its own load reports what is wrong with it
        }
        if (current->unit != last->unit) {
            return fmt::format("--prior {} is the disclosure of {}, but {} is of {}: last year's "
                               "figures of another unit cannot check this one's",
                               prior, last->unit, file, current->unit);
        }
        if (current->kind != last->kind || current->year != last->year + 1) {
            return fmt::format("--prior {} is the {} {} of {}, but {} is the {} {}: --prior takes "
                               "the same kind of disclosure of the year before",
                               prior, last->year, chinese_name(last->kind), last->unit, file,
                               current->year, chinese_name(current->kind));
        }
    }
    return {};
}

void check_files(const std::vector<std::string>& files, const BatchOptions& options,
                 const std::function<void(FileResult&&)>& emit) {
    const std::size_t total = files.size();
    const std::vector<std::string> last_years =
        options.prior.empty() ? last_year_files(files)
                              : std::vector<std::string>(files.size(), options.prior);
    const unsigned jobs = std::max(
        1U,
        std::min<unsigned>(options.jobs, static_cast<unsigned>(std::max<std::size_t>(total, 1))));
    if (jobs == 1) {
        for (std::size_t i = 0; i < total; ++i) {
            emit(check_file(files[i], options, last_years[i]));
            if (options.progress) {
                options.progress(i + 1, total);
            }
        }
        return;
    }
    // Workers take the next index; results wait in their slot until every earlier one is out.
    std::vector<std::optional<FileResult>> slots(total);
    std::atomic<std::size_t> next{0};
    std::mutex mutex;
    std::condition_variable window;
    std::size_t emitted = 0;
    const std::size_t window_size =
        static_cast<std::size_t>(jobs) * 4;  // bounds what waits in memory
    auto worker = [&] {
        for (;;) {
            const std::size_t i = next.fetch_add(1);
            if (i >= total) {
                return;
            }
            {
                std::unique_lock lock(mutex);
                window.wait(lock, [&] { return i < emitted + window_size; });
            }
            FileResult result = check_file(files[i], options, last_years[i]);
            std::unique_lock lock(mutex);
            slots[i] = std::move(result);
            while (emitted < total && slots[emitted]) {
                FileResult ready = std::move(*slots[emitted]);
                slots[emitted].reset();
                ++emitted;
                emit(std::move(ready));
                if (options.progress) {
                    options.progress(emitted, total);
                }
            }
            window.notify_all();
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t) {
        threads.emplace_back(worker);
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
}

}  // namespace budgetcheck
