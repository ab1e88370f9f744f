// Helpers for loader tests: small documents built in memory, so no test needs the disk.
#pragma once

#include <catch2/catch.hpp>

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

// Checks that a real document loaded with nothing left unrecognised: no diagnostic, every
// table's kind and every column's role known (and, when rows_too, every row's).
inline void check_all_recognised(const LoadResult& result, bool rows_too) {
    for (const LoadDiagnostic& d : result.diagnostics) {
        UNSCOPED_INFO(d.code << " " << d.where.pointer << " " << d.message);
    }
    CHECK(result.diagnostics.empty());
    REQUIRE(result.document);
    for (const Table& table : result.document->tables) {
        CHECK(table.kind != TableKind::Unknown);
        for (const TableSide& side : table.sides) {
            for (const Column& column : side.columns) {
                CHECK(column.meaning.role != ColumnRole::Unknown);
            }
            for (const Row& row : side.rows) {
                if (rows_too) {
                    CHECK(row.role != RowRole::Unknown);
                }
                if (rows_too && row.subject) {
                    INFO(row.subject->code << " " << row.label);
                    CHECK_FALSE(row.subject->catalog_name.empty());
                }
            }
        }
    }
}

}  // namespace budgetcheck::test
