// Every rule id is used in one place for everything: the registry, the docs page, the tests.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "budgetcheck/rules/engine.hpp"

using namespace budgetcheck;

namespace {

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("every rule has a docs page that states its id, family and default severity",
          "[rules][docs]") {
    const std::filesystem::path dir = BUDGETCHECK_SOURCE_DIR "/docs/rules";
    for (const RuleInfo& rule : all_rules()) {
        INFO(rule.id);
        const std::string page = read(dir / (std::string(rule.id) + ".md"));
        REQUIRE_FALSE(page.empty());
        CHECK(page.rfind("# " + std::string(rule.id) + "\n", 0) == 0);
        CHECK(page.find("family `" + std::string(rule.family) + "`") != std::string::npos);
        CHECK(page.find("default severity `" + std::string(to_string(rule.default_severity)) +
                        "`") != std::string::npos);
        for (const char* section : {"## What it checks", "## Why", "## Fails", "## Passes"}) {
            CHECK(page.find(section) != std::string::npos);
        }
    }
}

TEST_CASE("every docs page is a registered rule, and ids are unique", "[rules][docs]") {
    std::set<std::string> ids;
    for (const RuleInfo& rule : all_rules()) {
        CHECK(ids.insert(std::string(rule.id)).second);
        CHECK(rule.id.substr(0, rule.family.size()) == rule.family);
    }
    for (const auto& entry :
         std::filesystem::directory_iterator(BUDGETCHECK_SOURCE_DIR "/docs/rules")) {
        const std::string name = entry.path().stem().string();
        if (name == "README") {
            continue;
        }
        INFO(name);
        CHECK(ids.count(name) == 1);
    }
}
