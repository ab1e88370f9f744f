// docs/format.md promises the full vocabulary; these tests keep the page and the code in step.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "budgetcheck/load/vocabulary.hpp"
#include "test_support.hpp"

using namespace budgetcheck;

namespace {

std::string format_page() {
    std::ifstream in(BUDGETCHECK_SOURCE_DIR "/docs/format.md");
    std::ostringstream text;
    text << in.rdbuf();
    REQUIRE_FALSE(text.str().empty());
    return text.str();
}

}  // namespace

TEST_CASE("docs/format.md lists every word of the vocabulary", "[docs]") {
    const std::string page = format_page();
    for (const Word& word : known_words()) {
        INFO(word.text);
        CHECK(page.find("| " + std::string(word.text) + " |") != std::string::npos);
    }
}

TEST_CASE("the small examples of docs/format.md load as the kinds they are shown as", "[docs]") {
    const std::string page = format_page();
    const std::string marker = "<!-- example: ";
    std::size_t examples = 0;
    for (std::size_t at = page.find(marker); at != std::string::npos;
         at = page.find(marker, at + 1)) {
        const std::size_t kind_start = at + marker.size();
        const std::string kind = page.substr(kind_start, page.find(' ', kind_start) - kind_start);
        const std::size_t open = page.find("```json\n", at);
        const std::size_t close = page.find("\n```", open + 8);
        REQUIRE(open != std::string::npos);
        REQUIRE(close != std::string::npos);
        const std::string table = page.substr(open + 8, close - open - 8);
        INFO(table);
        const LoadResult result = test::load_tables("[" + table + "]");
        REQUIRE(result.document);
        CHECK(result.diagnostics.empty());
        CHECK(to_string(result.document->tables[0].kind) == kind);
        ++examples;
    }
    CHECK(examples == 4);
}
