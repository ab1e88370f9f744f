// Helpers for loader tests: small documents built in memory, so no test needs the disk.
#pragma once

#include <string>

#include "budgetcheck/load/load.hpp"

namespace budgetcheck::test {

// A valid version-1 envelope around the given JSON text for "tables".
inline std::string document_with_tables(const std::string& tables) {
    return R"({"budgetcheck": 1,
 "document": {"title": "测试单位 2024 年单位预算", "unit": "测试单位", "year": 2024,
              "kind": "unit_budget", "money_unit": "万元"},
 "tables": )" +
           tables + "}";
}

inline LoadResult load_tables(const std::string& tables) {
    return load_document(document_with_tables(tables), "test.json");
}

// The first diagnostic with this code, or nullptr.
inline const LoadDiagnostic* find_diagnostic(const LoadResult& result, std::string_view code) {
    for (const LoadDiagnostic& d : result.diagnostics) {
        if (d.code == code) {
            return &d;
        }
    }
    return nullptr;
}

}  // namespace budgetcheck::test
