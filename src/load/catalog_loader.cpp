#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "budgetcheck/load/load.hpp"

namespace budgetcheck {

namespace {

std::optional<Classification> parse_classification(std::string_view id) {
    for (Classification c : {Classification::Functional, Classification::EconomicDepartment,
                             Classification::EconomicGovernment}) {
        if (to_string(c) == id) {
            return c;
        }
    }
    return std::nullopt;
}

}  // namespace

std::vector<std::string> load_catalog_text(std::string_view text, std::string_view name,
                                           SubjectCatalog& catalog) {
    std::vector<std::string> problems;
    const nlohmann::json root = nlohmann::json::parse(text, nullptr, false);
    if (root.is_discarded() || !root.is_object()) {
        problems.push_back(fmt::format("{}: not a JSON object", name));
        return problems;
    }
    const auto classification_id = root.value("classification", std::string());
    const auto classification = parse_classification(classification_id);
    if (!classification) {
        problems.push_back(fmt::format("{}: unknown classification '{}'", name, classification_id));
        return problems;
    }
    if (!root.contains("subjects") || !root["subjects"].is_array()) {
        problems.push_back(fmt::format("{}: no subjects array", name));
        return problems;
    }
    if (root.contains("year") && root["year"].is_number_integer()) {
        catalog.set_year(*classification, root["year"].get<int>());
    }
    catalog.describe(*classification,
                     fmt::format("{} ({} subjects)", root.value("catalog", std::string(name)),
                                 root["subjects"].size()));
    std::size_t index = 0;
    for (const auto& entry : root["subjects"]) {
        const std::string where = fmt::format("{}: subjects[{}]", name, index++);
        if (!entry.is_object() || !entry.contains("code") || !entry["code"].is_string() ||
            !entry.contains("name") || !entry["name"].is_string()) {
            problems.push_back(where + ": needs string code and name");
            continue;
        }
        CatalogSubject subject;
        subject.code = entry["code"].get<std::string>();
        subject.name = entry["name"].get<std::string>();
        if (subject_level(subject.code) == 0) {
            problems.push_back(
                fmt::format("{}: code '{}' is not 3, 5 or 7 digits", where, subject.code));
            continue;
        }
        if (entry.contains("former_names") && entry["former_names"].is_array()) {
            for (const auto& former : entry["former_names"]) {
                if (former.is_string()) {
                    subject.former_names.push_back(former.get<std::string>());
                }
            }
        }
        catalog.add(*classification, std::move(subject));
    }
    return problems;
}

std::vector<std::string> load_catalog_directory(const std::filesystem::path& directory,
                                                SubjectCatalog& catalog) {
    std::vector<std::string> problems;
    std::error_code error;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
        if (entry.path().extension() == ".json") {
            files.push_back(entry.path());
        }
    }
    if (error) {
        problems.push_back(fmt::format("{}: {}", directory.string(), error.message()));
        return problems;
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        auto more = load_catalog_text(text.str(), file.string(), catalog);
        problems.insert(problems.end(), more.begin(), more.end());
    }
    if (files.empty()) {
        problems.push_back(fmt::format("{}: no *.json catalog files", directory.string()));
    }
    return problems;
}

}  // namespace budgetcheck
