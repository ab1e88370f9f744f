// Helpers for rule tests: check small in-memory documents and pick out one rule's findings.
#pragma once

#include <fstream>
#include <sstream>
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

// A file of data/ (a seed, or corpus/…) as it is, loaded without a diagnostic and checked.
inline CheckReport check_data(const std::string& path) {
    const LoadResult loaded = load_file(std::string(BUDGETCHECK_SOURCE_DIR) + "/data/" + path);
    REQUIRE(loaded.document);
    REQUIRE(loaded.diagnostics.empty());
    return check_document(*loaded.document);
}

// A file of data/ (a seed, or corpus/…) with `from` (printed exactly once) replaced by `to`,
// loaded without a diagnostic and checked: a real document with one thing wrong.
inline CheckReport check_changed_data(const std::string& path, const std::string& from,
                                      const std::string& to) {
    std::ifstream in(std::string(BUDGETCHECK_SOURCE_DIR) + "/data/" + path);
    std::ostringstream content;
    content << in.rdbuf();
    std::string text = content.str();
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    text.replace(at, from.size(), to);
    const LoadResult loaded = load_document(text, path);
    REQUIRE(loaded.document);
    REQUIRE(loaded.diagnostics.empty());
    return check_document(*loaded.document);
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

// How many of the narrative's figures were settled against last year's disclosure; each of
// them must agree with it.
inline std::size_t verified_against_last_year(const CheckReport& report) {
    std::size_t verified = 0;
    for (const ClaimResult& result : report.claims) {
        if (result.reason.rfind("against last year's disclosure", 0) == 0) {
            CHECK(result.status == ClaimStatus::Verified);
            ++verified;
        }
    }
    return verified;
}

}  // namespace budgetcheck::test
