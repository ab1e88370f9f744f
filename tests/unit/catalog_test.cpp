#include <catch2/catch.hpp>

#include "budgetcheck/load/load.hpp"

using namespace budgetcheck;

TEST_CASE("the bundled catalog knows every subject the seed disclosures use", "[catalog]") {
    const SubjectCatalog& catalog = bundled_catalog();
    for (const char* code :
         {"208", "20801", "2080108", "2080150", "2080199", "20805", "2080502", "2080505", "20807",
          "2080799", "210", "21011", "2101102", "221", "22102", "2210201", "2210202", "2210203"}) {
        INFO(code);
        CHECK(catalog.find_code(Classification::Functional, code) != nullptr);
    }
    for (const char* code :
         {"301",   "30101", "30102", "30103", "30107", "30108", "30110", "30111",
          "30112", "30113", "30114", "30199", "302",   "30201", "30202", "30203",
          "30207", "30211", "30215", "30216", "30217", "30228", "30229", "30231",
          "30239", "30299", "303",   "30302", "30309", "30399", "310",   "31002"}) {
        INFO(code);
        CHECK(catalog.find_code(Classification::EconomicDepartment, code) != nullptr);
    }
}

TEST_CASE("catalog lookups by name find current and former names", "[catalog]") {
    const SubjectCatalog& catalog = bundled_catalog();
    auto renamed = catalog.find_name(Classification::Functional, "医疗卫生与计划生育支出");
    REQUIRE(renamed.size() == 1);
    CHECK(renamed[0]->code == "210");
    CHECK(renamed[0]->name == "卫生健康支出");
    auto numbered = catalog.find_name(Classification::Functional, "一、社会保障 和就业支出");
    REQUIRE(numbered.size() == 1);
    CHECK(numbered[0]->code == "208");
    CHECK(catalog.find_name(Classification::Functional, "事业运行").size() >= 1);
}

TEST_CASE("subject codes give their level and parent", "[catalog]") {
    CHECK(subject_level("208") == 1);
    CHECK(subject_level("20801") == 2);
    CHECK(subject_level("2080108") == 3);
    CHECK(subject_level("2080") == 0);
    CHECK(subject_level("20a") == 0);
    CHECK(parent_code("2080108") == "20801");
    CHECK(parent_code("20801") == "208");
    CHECK(parent_code("208").empty());
}

TEST_CASE("load_catalog_text reports malformed catalog files", "[catalog]") {
    SubjectCatalog catalog;
    CHECK(load_catalog_text("[]", "a.json", catalog) ==
          std::vector<std::string>{"a.json: not a JSON object"});
    CHECK(load_catalog_text(R"({"classification": "nope", "subjects": []})", "b.json", catalog) ==
          std::vector<std::string>{"b.json: unknown classification 'nope'"});
    auto problems = load_catalog_text(
        R"({"classification": "functional", "subjects": [{"code": "2081", "name": "x"}, {"code": "208", "name": "社会保障和就业支出"}]})",
        "c.json", catalog);
    CHECK(problems ==
          std::vector<std::string>{"c.json: subjects[0]: code '2081' is not 3, 5 or 7 digits"});
    CHECK(catalog.find_code(Classification::Functional, "208") != nullptr);
}
