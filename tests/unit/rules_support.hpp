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

// A file of data/ (a seed, or corpus/…) with each `from` (printed exactly once) replaced by its
// `to`, loaded without a diagnostic and checked: a real document with things wrong.
inline CheckReport check_edited_data(const std::string& path,
                                     const std::vector<std::pair<std::string, std::string>>& edits) {
    std::ifstream in(std::string(BUDGETCHECK_SOURCE_DIR) + "/data/" + path);
    std::ostringstream content;
    content << in.rdbuf();
    std::string text = content.str();
    for (const auto& [from, to] : edits) {
        INFO("edit: " << from);
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        REQUIRE(text.find(from, at + 1) == std::string::npos);
        text.replace(at, from.size(), to);
    }
    const LoadResult loaded = load_document(text, path);
    REQUIRE(loaded.document);
    REQUIRE(loaded.diagnostics.empty());
    return check_document(*loaded.document);
}

// The same with one edit: a real document with one thing wrong.
inline CheckReport check_changed_data(const std::string& path, const std::string& from,
                                      const std::string& to) {
    return check_edited_data(path, {{from, to}});
}

// 支出总表 with 208 over its two 款 and a 合计 row: the footing rules' smallest document.
inline std::string spending_table(const std::string& klass, const std::string& a,
                                  const std::string& b, const std::string& total) {
    return R"([{"title": "支出总表", "columns": ["科目编码", "科目名称", "合计"], "rows": [
        ["208", "社会保障和就业支出", ")" +
           klass + R"("],
        ["20801", "人力资源和社会保障管理事务", ")" +
           a + R"("],
        ["20805", "行政事业单位养老支出", ")" +
           b + R"("],
        ["", "合计", ")" +
           total + R"("]]}])";
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
