// The development corpus (data/corpus/): real disclosures from places and templates the tool
// was not built on. Each must be understood completely, and checked: raising any one printed
// figure must be reported as an error almost always.
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>

#include "budgetcheck/batch.hpp"
#include "perturbation.hpp"
#include "test_support.hpp"

using namespace budgetcheck;

namespace {

std::vector<std::string> corpus_files() {
    std::vector<std::string> out;
    for (const auto& entry :
         std::filesystem::directory_iterator(BUDGETCHECK_SOURCE_DIR "/data/corpus")) {
        if (entry.path().extension() == ".json") {
            out.push_back(entry.path().string());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("every corpus document loads with everything recognised", "[corpus]") {
    const auto files = corpus_files();
    REQUIRE(files.size() == 17);
    for (const std::string& file : files) {
        INFO(file);
        // Rows may be unlabelled as printed (completeness.unlabelled-row reports them).
        test::check_all_recognised(load_file(file), false);
    }
}

TEST_CASE("raising any printed figure of a corpus document is reported as an error",
          "[corpus][coverage]") {
    for (const std::string& file : corpus_files()) {
        const LoadResult result = load_file(file);
        REQUIRE(result.document);
        const test::PerturbationResult coverage = test::perturb(*result.document);
        std::cout << std::filesystem::path(file).filename().string() << ": " << coverage.caught
                  << "/" << coverage.figures << " raised figures reported as errors\n";
        for (const std::string& miss : coverage.misses) {
            std::cout << "  missed " << miss << "\n";
        }
        INFO(file);
        CHECK(coverage.share() >= 0.95);
    }
}

namespace {

struct NarrativeCoverage {
    std::size_t claims = 0;  // every figure quoted (breakdowns are identities, not figures)
    std::size_t verified = 0;
    std::size_t mismatched = 0;
    std::size_t about_last_year = 0;  // last year's figures and changes against them
    std::size_t no_table = 0;  // counts of units, vehicles, people; explanations; 决算's budgets
    std::size_t checkable = 0;        // the rest: figures the document's tables could print
    std::size_t checkable_settled = 0;
};

NarrativeCoverage narrative_coverage(const CheckReport& report) {
    NarrativeCoverage out;
    for (const ClaimResult& result : report.claims) {
        const Claim& claim = result.claim;
        if (claim.kind == ClaimKind::Breakdown) {
            continue;
        }
        ++out.claims;
        const bool settled = result.status != ClaimStatus::Unverifiable;
        out.verified += result.status == ClaimStatus::Verified ? 1 : 0;
        out.mismatched += result.status == ClaimStatus::Mismatched ? 1 : 0;
        // A 决算's 年初预算 by subject: its tables print the outturn only.
        const bool budget_of_final = claim.period == Period::OriginalBudget ||
                                     claim.period == Period::AdjustedBudget ||
                                     claim.period == Period::FullYearBudget;
        const bool against_budget = claim.kind == ClaimKind::Change && claim.words_only;
        if ((claim.kind == ClaimKind::Change && !against_budget) ||
            (claim.period != Period::BudgetYear && !budget_of_final)) {
            out.about_last_year += settled ? 0 : 1;
            if (settled) {
                ++out.checkable;
                ++out.checkable_settled;
            }
            continue;
        }
        if ((claim.kind == ClaimKind::Count && claim.listed < 0) || claim.in_reason ||
            budget_of_final) {
            out.no_table += settled ? 0 : 1;
            if (settled) {
                ++out.checkable;
                ++out.checkable_settled;
            }
            continue;
        }
        ++out.checkable;
        out.checkable_settled += settled ? 1 : 0;
    }
    return out;
}

}  // namespace

TEST_CASE("the narrative of every corpus document is checked against its tables", "[corpus]") {
    // As `verify data/corpus` checks them: with last year's disclosure where the corpus has it.
    const std::vector<std::string> files = corpus_files();
    const std::vector<std::string> last_years = last_year_files(files);
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string& file = files[i];
        const LoadResult result = load_file(file);
        REQUIRE(result.document);
        std::optional<Document> last_year;
        if (!last_years[i].empty()) {
            last_year = load_file(last_years[i]).document;
            REQUIRE(last_year);
        }
        const CheckReport report =
            check_document(*result.document, {}, last_year ? &*last_year : nullptr);
        const NarrativeCoverage c = narrative_coverage(report);
        if (last_year) {
            // What last year's disclosure prints for the same subject settles every change
            // against it but the subjects recoded between the years.
            INFO(file);
            CHECK(c.about_last_year * 10 <= c.claims);
        }
        std::cout << std::filesystem::path(file).filename().string() << ": " << c.claims
                  << " figures quoted, " << c.verified << " verified, " << c.mismatched
                  << " mismatched; " << c.about_last_year << " about last year and " << c.no_table
                  << " about things no table prints left unverifiable; of the other " << c.checkable
                  << ", " << c.checkable_settled << " checked\n";
        INFO(file);
        CHECK(c.checkable_settled * 10 >= c.checkable * 7);
    }
}

TEST_CASE("a figure the tables print, named by its row, is never left unverifiable", "[corpus]") {
    for (const std::string& file : corpus_files()) {
        const LoadResult result = load_file(file);
        REQUIRE(result.document);
        const Document& document = *result.document;
        const CheckReport report = check_document(document);
        for (const ClaimResult& claim_result : report.claims) {
            const Claim& claim = claim_result.claim;
            const auto unit = parse_money_unit(claim.unit);
            if (claim_result.status != ClaimStatus::Unverifiable || !unit ||
                claim.kind != ClaimKind::Amount || claim.value.is_zero()) {
                continue;
            }
            for (const Table& table : document.tables) {
                for (const TableSide& side : table.sides) {
                    for (const Row& row : side.rows) {
                        const std::string name = subject_name_key(row.label);
                        if (name.size() < 9 || claim.subject.find(name) == std::string::npos) {
                            continue;
                        }
                        for (const Cell& cell : row.cells) {
                            const Amount* amount = cell.amount();
                            if (amount == nullptr || !amount->is_printed()) {
                                continue;
                            }
                            const auto value = amount->in_unit(table.money_unit, *unit);
                            const auto rounded =
                                value ? value->divided_by(Decimal::from_integer(1), claim.decimals)
                                      : std::nullopt;
                            INFO(file << ": " << claim.subject << " " << claim.printed << " — "
                                      << claim_result.reason << "; " << table.title << " "
                                      << row.label << " prints " << cell.printed);
                            CHECK_FALSE((rounded && *rounded == claim.value));
                        }
                    }
                }
            }
        }
    }
}
