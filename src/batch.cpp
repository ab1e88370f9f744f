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

// The words a file name uses for one part of a disclosure published as two PDFs, longest first
// where one contains another. 江苏 publishes 文字部分 and 表格部分; others 说明 and 报表/附表.
enum class PublishedPart { Text, Tables };
struct PartWord {
    std::string_view word;
    PublishedPart part;
};
constexpr PartWord part_words[] = {
    {"tables", PublishedPart::Tables}, {"table", PublishedPart::Tables},
    {"表格", PublishedPart::Tables},   {"报表", PublishedPart::Tables},
    {"附表", PublishedPart::Tables},   {"text", PublishedPart::Text},
    {"文字", PublishedPart::Text},     {"文本", PublishedPart::Text},
    {"正文", PublishedPart::Text},     {"说明", PublishedPart::Text},
};

// Separators and brackets around a part word, and 部分 ("part"), say nothing of which
// disclosure a file is: X-text, X_text and X（文字部分） are all X.
std::string name_key(std::string stem) {
    for (std::string_view noise : {"（", "）", "(", ")", "【", "】", "[", "]", "-", "_", " ", ".",
                                   "部分"}) {
        for (std::size_t at = stem.find(noise); at != std::string::npos; at = stem.find(noise)) {
            stem.erase(at, noise.size());
        }
    }
    return stem;
}

struct NamedPart {
    std::string key;  // the directory and the name without its part word
    PublishedPart part;
};

// Which part of which disclosure a PDF's name says it is; nothing when it names no part word or
// words of both parts.
std::optional<NamedPart> named_part(const std::string& path) {
    const std::filesystem::path file(path);
    if (!is_pdf_path(file)) {
        return std::nullopt;
    }
    std::string stem = file.stem().string();
    std::transform(stem.begin(), stem.end(), stem.begin(), [](unsigned char c) {
        return c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c);
    });
    std::optional<NamedPart> found;
    for (const PartWord& w : part_words) {
        const std::size_t at = stem.rfind(w.word);
        if (at == std::string::npos) {
            continue;
        }
        if (found && found->part != w.part) {
            return std::nullopt;  // 表格说明: which part is not said
        }
        if (!found) {
            std::string rest = stem;
            rest.erase(at, w.word.size());
            found = NamedPart{file.parent_path().string() + "/" + name_key(rest), w.part};
        }
    }
    if (found && found->key.back() == '/') {
        return std::nullopt;  // text.pdf and tables.pdf alone name no disclosure
    }
    return found;
}

// Joins each text PDF with its tables PDF when exactly one of each has the same name otherwise;
// the pair takes the text's place in the list (a disclosure is read text first).
void pair_published_parts(Inputs& inputs) {
    std::map<std::string, std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> by_key;
    for (std::size_t i = 0; i < inputs.files.size(); ++i) {
        if (const auto named = named_part(inputs.files[i])) {
            auto& [texts, tables] = by_key[named->key];
            (named->part == PublishedPart::Text ? texts : tables).push_back(i);
        }
    }
    std::vector<bool> joined(inputs.files.size(), false);
    std::map<std::size_t, std::string> renamed;
    for (const auto& [key, found] : by_key) {
        const auto& [texts, tables] = found;
        if (texts.size() != 1 || tables.size() != 1) {
            continue;  // which text goes with which tables is not known: each is checked alone
        }
        const std::string& text = inputs.files[texts.front()];
        const std::string& table = inputs.files[tables.front()];
        std::string name = text + " + " + table;
        inputs.parts[name] = {text, table};
        renamed[texts.front()] = std::move(name);
        joined[tables.front()] = true;
    }
    std::vector<std::string> files;
    for (std::size_t i = 0; i < inputs.files.size(); ++i) {
        if (joined[i]) {
            continue;
        }
        const auto name = renamed.find(i);
        files.push_back(name != renamed.end() ? name->second : inputs.files[i]);
    }
    inputs.files = std::move(files);
}

// The files behind one entry of the list: a pair's two PDFs, or the entry itself.
std::vector<std::filesystem::path> files_of(
    const std::string& entry, const std::map<std::string, std::vector<std::string>>* parts) {
    if (parts != nullptr) {
        if (const auto found = parts->find(entry); found != parts->end()) {
            return {found->second.begin(), found->second.end()};
        }
    }
    return {entry};
}

std::optional<DocumentIdentity> identity_of(
    const std::string& entry, const std::map<std::string, std::vector<std::string>>* parts) {
    const auto files = files_of(entry, parts);
    // The text part has the cover, which says whose disclosure it is.
    return read_identity(files.front());
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
    pair_published_parts(inputs);
    return inputs;
}

std::vector<std::string> last_year_files(
    const std::vector<std::string>& files,
    const std::map<std::string, std::vector<std::string>>* parts) {
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
        identities[i] = identity_of(files[i], parts);
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
        const auto files = files_of(path, options.parts);
        loaded = files.size() > 1 ? load_pdf(files, options.load) : load_file(path, options.load);
    }
    FileResult result;
    result.file = path;
    if (const auto files = files_of(path, options.parts); files.size() > 1) {
        result.parts.assign(files.begin(), files.end());
    }
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

std::string prior_mismatch(const std::string& prior, const std::vector<std::string>& files,
                           const std::map<std::string, std::vector<std::string>>* parts) {
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
        const auto current = identity_of(file, parts);
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
        options.prior.empty() ? last_year_files(files, options.parts)
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
