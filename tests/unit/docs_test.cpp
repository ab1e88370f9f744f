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

TEST_CASE("docs/format.md lists every recognised title, header word and line label", "[docs]") {
    const std::string page = format_page();
    for (const TitleAlias& alias : known_table_titles()) {
        INFO(alias.title);
        CHECK(page.find(alias.title) != std::string::npos);
    }
    for (const HeaderWord& word : known_header_words()) {
        INFO(word.text);
        CHECK(page.find("| " + std::string(word.text) + " |") != std::string::npos);
    }
    for (const LineLabel& label : known_line_labels()) {
        INFO(label.text);
        CHECK(page.find("| " + std::string(label.text) + " |") != std::string::npos);
    }
}
