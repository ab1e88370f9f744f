// The development corpus (data/corpus/): real disclosures from places and templates the tool
// was not built on. Each must be understood completely, and checked: raising any one printed
// figure must be reported as an error almost always.
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>

#include "perturbation.hpp"

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
    REQUIRE(files.size() == 14);
    for (const std::string& file : files) {
        const LoadResult result = load_file(file);
        INFO(file);
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
            }
        }
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
