#include <catch2/catch.hpp>

#include <string>

#include "budgetcheck/load/json_tree.hpp"

using namespace budgetcheck;

TEST_CASE("parse_json_tree records the line and column where each value starts", "[json]") {
    const std::string text =
        "{\n  \"a\": \"合计\",\n  \"rows\": [[\"社会\", 12.50, -3],\n           true, null]\n}";
    auto parsed = parse_json_tree(text);
    REQUIRE(parsed.root);
    const JsonNode& root = *parsed.root;
    CHECK(root.position.line == 1);
    CHECK(root.position.column == 1);
    CHECK(root.key_positions[0].line == 2);
    CHECK(root.key_positions[0].column == 3);
    const JsonNode* a = root.find("a");
    CHECK(a->position.line == 2);
    CHECK(a->position.column == 8);
    const JsonNode* rows = root.find("rows");
    CHECK(rows->position.column == 11);
    const JsonNode& first = rows->items[0];
    CHECK(first.position.column == 12);
    CHECK(first.items[0].position.column == 13);
    // "社会" is four code points wide including quotes: the number starts at column 19.
    CHECK(first.items[1].position.column == 19);
    CHECK(first.items[1].text == "12.50");
    CHECK(first.items[2].position.column == 26);
    CHECK(first.items[2].text == "-3");
    CHECK(rows->items[1].position.line == 4);
    CHECK(rows->items[1].position.column == 12);
    CHECK(rows->items[2].position.column == 18);
}

TEST_CASE("parse_json_tree finds values printed after a closed object or array", "[json]") {
    auto parsed = parse_json_tree(R"([{"a": "x"}, 5, ["y"], {"b": {}}, 7])");
    REQUIRE(parsed.root);
    CHECK(parsed.root->items[1].position.column == 14);
    CHECK(parsed.root->items[2].position.column == 17);
    CHECK(parsed.root->items[4].position.column == 35);
}

TEST_CASE("parse_json_tree keeps number lexemes as printed", "[json]") {
    auto parsed = parse_json_tree("[1.10, 1e300, 123456789012345678901234567890]");
    REQUIRE(parsed.root);
    CHECK(parsed.root->items[0].text == "1.10");
    CHECK(parsed.root->items[1].text == "1e300");
    CHECK(parsed.root->items[2].text == "123456789012345678901234567890");
}

TEST_CASE("parse_json_tree rejects a JSON number beyond double range with its position", "[json]") {
    auto parsed = parse_json_tree("[1,\n 1e400]");
    REQUIRE_FALSE(parsed.root);
    CHECK(parsed.error == "number overflow parsing '1e400'");
    CHECK(parsed.error_position.line == 2);
}

TEST_CASE("parse_json_tree accepts a UTF-8 byte order mark", "[json]") {
    auto parsed = parse_json_tree("\xEF\xBB\xBF{\"k\": 1}");
    REQUIRE(parsed.root);
    CHECK(parsed.root->find("k")->position.column == 7);
}

TEST_CASE("parse_json_tree keeps duplicate keys so the loader can report them", "[json]") {
    auto parsed = parse_json_tree("{\"k\": 1, \"k\": 2}");
    REQUIRE(parsed.root);
    REQUIRE(parsed.root->members.size() == 2);
    CHECK(parsed.root->find("k")->text == "1");
}

TEST_CASE("parse_json_tree reports syntax errors with line, column and what was expected",
          "[json]") {
    SECTION("trailing comma") {
        auto parsed = parse_json_tree("{\n  \"a\": 1,\n}");
        REQUIRE_FALSE(parsed.root);
        CHECK(parsed.error_position.line == 3);
        CHECK(parsed.error_position.column == 1);
        CHECK(parsed.error ==
              "a trailing comma before '}': JSON allows no comma after the last item; remove it");
    }
    SECTION("the punctuation of a Chinese keyboard is named, never quoted as broken bytes") {
        auto curly = parse_json_tree("{\"a\": 1, \u201Cb\u201D: 2}");
        CHECK(curly.error ==
              "syntax error while parsing object key: found a Chinese quotation mark \u201C "
              "(U+201C) where JSON needs \"");
        CHECK(curly.error_position.column == 10);
        auto comma = parse_json_tree("[1\uFF0C2]");
        CHECK(comma.error ==
              "syntax error while parsing array: found a full-width comma \uFF0C (U+FF0C) where "
              "JSON needs ,");
    }
    SECTION("lines end at CR alone too") {
        auto parsed = parse_json_tree("{\"a\": 1,\r\"b\":\r x}");
        CHECK(parsed.error_position.line == 3);
        CHECK(parsed.error_position.column == 2);
    }
    SECTION("truncated") {
        auto parsed = parse_json_tree("{\"a\": [1, 2");
        REQUIRE_FALSE(parsed.root);
        CHECK_THAT(parsed.error, Catch::Contains("unexpected end of input"));
    }
    SECTION("unquoted key") {
        auto parsed = parse_json_tree("{a: 1}");
        REQUIRE_FALSE(parsed.root);
        CHECK(parsed.error_position.column == 2);
    }
}

TEST_CASE("parse_json_tree refuses deep nesting instead of overflowing the stack", "[json]") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    auto parsed = parse_json_tree(deep, 64);
    REQUIRE_FALSE(parsed.root);
    CHECK(parsed.error == "nesting deeper than 64 levels; a disclosure never needs that");
    CHECK(parsed.error_position.column == 65);
}
