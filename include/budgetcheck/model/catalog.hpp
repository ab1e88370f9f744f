// The catalog of 政府收支分类科目 (functional and economic subjects): codes, names and former
// names. It is data (data/catalog/*.json); this is the in-memory index the loader and rules use.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "budgetcheck/model/document.hpp"

namespace budgetcheck {

struct CatalogSubject {
    std::string code;
    std::string name;
    std::vector<std::string> former_names;  // names the code had in earlier catalog years
};

// 1 for a 类 (3 digits), 2 for a 款 (5), 3 for a 项 (7); 0 when the code is not one of these.
int subject_level(std::string_view code);
// The code of the level above: "2080108" → "20801"; "" for a 类.
std::string parent_code(std::string_view code);
// A subject name as matched against the catalog: label_key() without numbering and without the
// (类)/(款)/(项) markers narratives add.
std::string subject_name_key(std::string_view printed);

class SubjectCatalog {
  public:
    void add(Classification classification, CatalogSubject subject);
    void describe(Classification classification, std::string description);
    // The catalog year a classification's subjects are named for (0 when not given): a document
    // of another year may print a code under the name it had then.
    void set_year(Classification classification, int year);
    int year(Classification classification) const;

    const CatalogSubject* find_code(Classification classification, std::string_view code) const;
    // Every subject whose current or former name matches (by subject_name_key).
    std::vector<const CatalogSubject*> find_name(Classification classification,
                                                 std::string_view printed_name) const;
    // Current names, for "did you mean" suggestions.
    std::vector<std::string> names(Classification classification) const;
    std::size_t size(Classification classification) const;
    std::string description(Classification classification) const;

  private:
    struct Index {
        std::map<std::string, CatalogSubject, std::less<>> by_code;
        std::multimap<std::string, std::string, std::less<>> code_by_name_key;
        std::string description;
        int year = 0;
    };
    const Index* index(Classification classification) const;
    std::map<Classification, Index> indexes_;
};

}  // namespace budgetcheck
