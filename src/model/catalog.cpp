#include "budgetcheck/model/catalog.hpp"

#include <algorithm>

#include "budgetcheck/model/text.hpp"

namespace budgetcheck {

int subject_level(std::string_view code) {
    if (code.empty() ||
        !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return 0;
    }
    switch (code.size()) {
        case 3:
            return 1;
        case 5:
            return 2;
        case 7:
            return 3;
        default:
            return 0;
    }
}

std::string parent_code(std::string_view code) {
    switch (subject_level(code)) {
        case 2:
            return std::string(code.substr(0, 3));
        case 3:
            return std::string(code.substr(0, 5));
        default:
            return {};
    }
}

std::string subject_name_key(std::string_view printed) {
    std::string key = split_label(printed).key;
    for (std::string_view marker : {"(类)", "(款)", "(项)"}) {
        const auto at = key.rfind(marker);
        if (at != std::string::npos && at + marker.size() == key.size()) {
            key.erase(at);
        }
    }
    return key;
}

void SubjectCatalog::add(Classification classification, CatalogSubject subject) {
    Index& index = indexes_[classification];
    index.code_by_name_key.emplace(subject_name_key(subject.name), subject.code);
    for (const std::string& former : subject.former_names) {
        index.code_by_name_key.emplace(subject_name_key(former), subject.code);
    }
    std::string code = subject.code;
    index.by_code.insert_or_assign(std::move(code), std::move(subject));
}

void SubjectCatalog::set_year(Classification classification, int year) {
    indexes_[classification].year = year;
}

int SubjectCatalog::year(Classification classification) const {
    const Index* idx = index(classification);
    return idx == nullptr ? 0 : idx->year;
}

void SubjectCatalog::describe(Classification classification, std::string description) {
    indexes_[classification].description = std::move(description);
}

const SubjectCatalog::Index* SubjectCatalog::index(Classification classification) const {
    const auto found = indexes_.find(classification);
    return found == indexes_.end() ? nullptr : &found->second;
}

const CatalogSubject* SubjectCatalog::find_code(Classification classification,
                                                std::string_view code) const {
    const Index* idx = index(classification);
    if (idx == nullptr) {
        return nullptr;
    }
    const auto found = idx->by_code.find(code);
    return found == idx->by_code.end() ? nullptr : &found->second;
}

std::vector<const CatalogSubject*> SubjectCatalog::find_name(Classification classification,
                                                             std::string_view printed_name) const {
    std::vector<const CatalogSubject*> out;
    const Index* idx = index(classification);
    if (idx == nullptr) {
        return out;
    }
    const auto [first, last] = idx->code_by_name_key.equal_range(subject_name_key(printed_name));
    for (auto it = first; it != last; ++it) {
        if (const CatalogSubject* subject = find_code(classification, it->second)) {
            if (std::find(out.begin(), out.end(), subject) == out.end()) {
                out.push_back(subject);
            }
        }
    }
    std::sort(out.begin(), out.end(),
              [](const CatalogSubject* a, const CatalogSubject* b) { return a->code < b->code; });
    return out;
}

std::vector<std::string> SubjectCatalog::names(Classification classification) const {
    std::vector<std::string> out;
    if (const Index* idx = index(classification)) {
        for (const auto& [code, subject] : idx->by_code) {
            out.push_back(subject.name);
        }
    }
    return out;
}

std::size_t SubjectCatalog::size(Classification classification) const {
    const Index* idx = index(classification);
    return idx == nullptr ? 0 : idx->by_code.size();
}

std::string SubjectCatalog::description(Classification classification) const {
    const Index* idx = index(classification);
    return idx == nullptr ? std::string() : idx->description;
}

}  // namespace budgetcheck
