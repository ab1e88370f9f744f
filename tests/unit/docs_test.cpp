// docs/format.md promises the full vocabulary; these tests keep the page and the code in step.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "budgetcheck/load/vocabulary.hpp"

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
