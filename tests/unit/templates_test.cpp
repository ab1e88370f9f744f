// Disclosures written in other provinces' templates (tests/fixtures/templates/): consistent as
// written, so every error would be a misreading of a layout or a word the corpus does not have.
#include <catch2/catch.hpp>

#include <filesystem>

#include "budgetcheck/load/load.hpp"
#include "budgetcheck/rules/engine.hpp"

using namespace budgetcheck;

TEST_CASE("disclosures in other provinces' templates, consistent as written, draw no error",
          "[corpus][templates]") {
    const std::filesystem::path dir =
        std::filesystem::path(BUDGETCHECK_SOURCE_DIR) / "tests/fixtures/templates";
    int documents = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        ++documents;
        INFO(entry.path().filename().string());
        const LoadResult loaded = load_file(entry.path().string());
        REQUIRE(loaded.document);
        CHECK(loaded.error_count() == 0);
        const CheckReport report = check_document(*loaded.document);
        for (const Finding& f : report.findings) {
            INFO(f.rule_id << ": " << f.message_en);
            CHECK(f.severity != Severity::Error);
        }
    }
    CHECK(documents == 9);
}

TEST_CASE("a “三公” table with its periods down the rows is read by row", "[templates]") {
    const LoadResult loaded = load_file(std::string(BUDGETCHECK_SOURCE_DIR) +
                                        "/tests/fixtures/templates/zhejiang-2025-dept-budget.json");
    REQUIRE(loaded.document);
    const Table* table = loaded.document->tables_of(TableKind::ThreePublicExpenses).front();
    std::vector<std::pair<Period, Quantity>> rows;
    for (const ThreePublicFigure& f : table->three_public) {
        if (f.item == ThreePublicItem::Total) {
            rows.emplace_back(f.period, f.quantity);
        }
    }
    CHECK(rows == std::vector<std::pair<Period, Quantity>>{
                      {Period::PriorYearBudget, Quantity::Amount},
                      {Period::BudgetYear, Quantity::Amount},
                      {Period::BudgetYear, Quantity::ChangeAmount}});
}
