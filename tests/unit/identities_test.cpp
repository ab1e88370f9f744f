// The identities the engine records for the html report: every checked identity with its rule,
// its arithmetic and its verdict, so that selecting a cell shows everything it takes part in.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "budgetcheck/load/load.hpp"
#include "rules_support.hpp"

using namespace budgetcheck;
using test::check_tables;

namespace {

RuleOptions recording() {
    RuleOptions options;
    options.record_identities = true;
    return options;
}

std::vector<const CheckedIdentity*> identities_of(const CheckReport& report,
                                                  const std::string& pointer,
                                                  std::string_view rule = {}) {
    std::vector<const CheckedIdentity*> out;
    for (const CheckedIdentity& identity : report.identities) {
        const bool involves =
            std::find(identity.cells.begin(), identity.cells.end(), pointer) != identity.cells.end();
        if (involves && (rule.empty() || identity.rule_id == rule)) {
            out.push_back(&identity);
        }
    }
    return out;
}

// 208 = 20801 + 20805, and 合计 = 208.
std::string spending(const std::string& a, const std::string& b, const std::string& klass) {
    return test::spending_table(klass, a, b, klass);
}

}  // namespace

TEST_CASE("identities are recorded only when asked for", "[identities]") {
    const auto quiet = check_tables(spending("6.00", "4.00", "10.00"));
    const auto recorded = check_tables(spending("6.00", "4.00", "10.00"), recording());
    CHECK(quiet.identities.empty());
    CHECK(quiet.identities_checked > 0);
    // Recording changes nothing else: one record per identity counted, the same findings.
    CHECK(recorded.identities.size() == recorded.identities_checked);
    CHECK(recorded.identities_checked == quiet.identities_checked);
    CHECK(recorded.findings.size() == quiet.findings.size());
    CHECK(recorded.cells_checked == quiet.cells_checked);
}

TEST_CASE("an identity's statement and verdict: holds, within rounding, finding",
          "[identities]") {
    const std::string parent = "/tables/0/rows/0/2";
    SECTION("holds exactly") {
        const auto report = check_tables(spending("6.00", "4.00", "10.00"), recording());
        const auto found = identities_of(report, parent, "footing.subject-children");
        REQUIRE(found.size() == 1);
        CHECK(found[0]->statement_en == "6.00 + 4.00 = 10.00 ✓");
        CHECK(found[0]->statement_zh == "6.00 + 4.00 = 10.00 ✓");
        CHECK(found[0]->verdict == IdentityVerdict::Holds);
        CHECK(found[0]->cells ==
              std::vector<std::string>{parent, "/tables/0/rows/1/2", "/tables/0/rows/2/2"});
    }
    SECTION("within rounding") {
        const auto report = check_tables(spending("6.00", "4.01", "10.00"), recording());
        const auto found = identities_of(report, parent, "footing.subject-children");
        REQUIRE(found.size() == 1);
        CHECK(found[0]->statement_en == "6.00 + 4.01 = 10.01, printed 10.00");
        CHECK(found[0]->statement_zh == "6.00 + 4.01 = 10.01，表中列示 10.00");
        CHECK(found[0]->verdict == IdentityVerdict::WithinRounding);
    }
    SECTION("within rounding is a finding when exact footing is required") {
        RuleOptions options = recording();
        options.exact_footing = true;
        const auto report = check_tables(spending("6.00", "4.01", "10.00"), options);
        const auto found = identities_of(report, parent, "footing.subject-children");
        REQUIRE(found.size() == 1);
        CHECK(found[0]->verdict == IdentityVerdict::Finding);
    }
    SECTION("a finding") {
        const auto report = check_tables(spending("6.00", "3.00", "10.00"), recording());
        const auto found = identities_of(report, parent, "footing.subject-children");
        REQUIRE(found.size() == 1);
        CHECK(found[0]->statement_en == "6.00 + 3.00 = 9.00, printed 10.00");
        CHECK(found[0]->verdict == IdentityVerdict::Finding);
    }
}

TEST_CASE("the 吉林 seed: every identity 支出预算总表 合计 × 基本支出 takes part in",
          "[identities][seed]") {
    const LoadResult loaded =
        load_file(std::string(BUDGETCHECK_SOURCE_DIR) + "/data/jilin-hrss-information-center-2024.json");
    REQUIRE(loaded.document);
    const CheckReport report = check_document(*loaded.document, recording());
    REQUIRE(report.identities.size() == report.identities_checked);

    // 517.03: the lines it totals give 517.02 (a rounding note), the row's columns 4394.22
    // against 4394.21 (another); 一般公共预算基本支出表 and the other tables print the same
    // figure; the text quotes it three times.
    const auto found = identities_of(report, "/tables/2/rows/16/2");
    std::multiset<std::string> rules;
    for (const CheckedIdentity* identity : found) {
        rules.insert(identity->rule_id);
        CHECK_FALSE(identity->statement_en.empty());
        CHECK_FALSE(identity->statement_zh.empty());
    }
    CHECK(rules == std::multiset<std::string>{"footing.total-row", "crossfoot.column-group",
                                              "crosstable.basic-table", "crosstable.same-figure",
                                              "amount.well-formed", "narrative.amount",
                                              "narrative.amount", "narrative.amount"});

    const auto total = identities_of(report, "/tables/2/rows/16/2", "footing.total-row");
    REQUIRE(total.size() == 1);
    CHECK(total[0]->statement_en == "437.69 + 31.60 + 47.73 = 517.02, printed 517.03");
    CHECK(total[0]->statement_zh == "437.69 + 31.60 + 47.73 = 517.02，表中列示 517.03");
    CHECK(total[0]->verdict == IdentityVerdict::WithinRounding);
    const auto row = identities_of(report, "/tables/2/rows/16/2", "crossfoot.column-group");
    REQUIRE(row.size() == 1);
    CHECK(row[0]->statement_en == "517.03 + 3877.19 = 4394.22, printed 4394.21");
    CHECK(row[0]->verdict == IdentityVerdict::WithinRounding);
    for (const CheckedIdentity* quote :
         identities_of(report, "/tables/2/rows/16/2", "narrative.amount")) {
        CHECK(quote->statement_en == "517.03 万元 in the text = 支出预算总表 合计 × 基本 支出");
        CHECK(quote->statement_zh == "文中 517.03 万元 = 支出预算总表 合计 × 基本 支出");
        CHECK(quote->verdict == IdentityVerdict::Holds);
    }
    // A check that is not a computation says what it checks: its rule's title.
    const auto amount = identities_of(report, "/tables/2/rows/16/2", "amount.well-formed");
    REQUIRE(amount.size() == 1);
    CHECK(amount[0]->statement_en == find_rule("amount.well-formed")->title_en);
}

TEST_CASE("an identity that fails is settled as a finding", "[identities][seed]") {
    SECTION("a sum: the seed's 合计 × 基本支出 misprinted") {
        const std::string path = "jilin-hrss-information-center-2024.json";
        std::ifstream in(std::string(BUDGETCHECK_SOURCE_DIR) + "/data/" + path);
        std::ostringstream content;
        content << in.rdbuf();
        std::string text = content.str();
        const std::string from = R"(["合计", "4394.21", "517.03", "3877.19")";
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), R"(["合计", "4394.21", "517.93", "3877.19")");
        const LoadResult loaded = load_document(text, path);
        REQUIRE(loaded.document);
        const CheckReport report = check_document(*loaded.document, recording());
        const auto total = identities_of(report, "/tables/2/rows/16/2", "footing.total-row");
        REQUIRE(total.size() == 1);
        CHECK(total[0]->statement_en == "437.69 + 31.60 + 47.73 = 517.02, printed 517.93");
        CHECK(total[0]->statement_zh == "437.69 + 31.60 + 47.73 = 517.02，表中列示 517.93");
        CHECK(total[0]->verdict == IdentityVerdict::Finding);
    }
    SECTION("a check that is not a sum: the 人社部 seed's subject code under the wrong parent") {
        const LoadResult loaded = load_file(std::string(BUDGETCHECK_SOURCE_DIR) +
                                            "/data/mohrss-information-center-2024.json");
        REQUIRE(loaded.document);
        const CheckReport report = check_document(*loaded.document, recording());
        const auto finding =
            std::find_if(report.findings.begin(), report.findings.end(),
                         [](const Finding& f) { return f.rule_id == "classification.parent-code"; });
        REQUIRE(finding != report.findings.end());
        const std::string pointer = finding->cells.front().source.pointer;
        const auto found = identities_of(report, pointer, "classification.parent-code");
        REQUIRE(found.size() == 1);
        CHECK(found[0]->verdict == IdentityVerdict::Finding);
        // The same rule's identities elsewhere, with no finding, hold.
        std::size_t holding = 0;
        for (const CheckedIdentity& identity : report.identities) {
            if (identity.rule_id == "classification.parent-code" && !identity.cells.empty() &&
                identity.cells.front() != pointer) {
                CHECK(identity.verdict == IdentityVerdict::Holds);
                ++holding;
            }
        }
        CHECK(holding > 10);
    }
}

TEST_CASE("a cell of last year's disclosure is no cell of this one", "[identities][prior-year]") {
    // narrative.prior-year reads figures of the 2018 disclosure, whose pointers name cells of the
    // 2019 one too: an identity lists only the figures of the document it is about.
    const std::string corpus = std::string(BUDGETCHECK_SOURCE_DIR) + "/data/corpus/";
    const LoadResult now = load_file(corpus + "jiangsu-renminjianchayuan-2019-budget.json");
    const LoadResult last = load_file(corpus + "jiangsu-renminjianchayuan-2018-budget.json");
    REQUIRE(now.document);
    REQUIRE(last.document);
    const CheckReport report = check_document(*now.document, recording(), &*last.document);
    std::set<std::string> last_years, this_years;
    for (const ClaimResult& claim : report.claims) {
        if (claim.reason.rfind("against last year's disclosure", 0) != 0) {
            continue;
        }
        for (const CellRef& cell : claim.cells) {
            (cell.table_index < 0 ? last_years : this_years).insert(cell.source.pointer);
        }
    }
    for (const std::string& pointer : this_years) {
        last_years.erase(pointer);
    }
    REQUIRE(last_years.size() > 5);
    std::size_t checked = 0;
    for (const CheckedIdentity& identity : report.identities) {
        if (identity.rule_id != "narrative.prior-year") {
            continue;
        }
        ++checked;
        for (const std::string& pointer : identity.cells) {
            CHECK(last_years.count(pointer) == 0);
        }
    }
    CHECK(checked >= 23);
}
