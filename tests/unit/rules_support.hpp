// Helpers for rule tests: check small in-memory documents and pick out one rule's findings.
#pragma once

#include <string>
#include <vector>

#include "budgetcheck/rules/engine.hpp"
#include "test_support.hpp"

namespace budgetcheck::test {

inline CheckReport check_tables(const std::string& tables, const RuleOptions& options = {}) {
    const LoadResult loaded = load_tables(tables);
    for (const LoadDiagnostic& d : loaded.diagnostics) {
        UNSCOPED_INFO("load: " << d.code << " " << d.where.pointer << " " << d.message);
    }
    REQUIRE(loaded.document);
    REQUIRE(loaded.error_count() == 0);
    return check_document(*loaded.document, options);
}

inline CheckReport check_text(const std::string& text, const RuleOptions& options = {}) {
    const LoadResult loaded = load_document(text, "test.json");
    REQUIRE(loaded.document);
    return check_document(*loaded.document, options);
}

inline std::vector<Finding> findings_of(const CheckReport& report, std::string_view rule) {
    std::vector<Finding> out;
    for (const Finding& f : report.findings) {
        if (f.rule_id == rule) {
            out.push_back(f);
        }
    }
    return out;
}

// A rounding note raised on behalf of `rule`.
inline std::vector<Finding> rounding_for(const CheckReport& report, std::string_view rule) {
    std::vector<Finding> out;
    for (const Finding& f : report.findings) {
        if (f.rule_id == "rounding.explained" &&
            f.message_en.find(std::string(rule)) != std::string::npos) {
            out.push_back(f);
        }
    }
    return out;
}

}  // namespace budgetcheck::test
