// A JSON value tree that remembers where each value starts in the input (line:column) and keeps
// duplicate keys and number lexemes, which nlohmann's DOM cannot. Built from nlohmann's SAX
// interface in one pass.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace budgetcheck {

struct TextPosition {
    std::uint32_t line = 0;    // 1-based
    std::uint32_t column = 0;  // 1-based, in code points
    std::size_t offset = 0;    // byte offset of the first character
};

struct JsonMember;

struct JsonNode {
    enum class Type { Null, Boolean, Integer, Float, String, Array, Object };

    Type type = Type::Null;
    std::string text;  // string value; number lexeme; "true"/"false"
    std::vector<JsonNode> items;
    std::vector<JsonMember> members;  // in order, duplicates kept
    std::vector<TextPosition> key_positions;                // parallel to members
    TextPosition position;                                  // the value's first character

    bool is_number() const { return type == Type::Integer || type == Type::Float; }
    // The first member with this key, or nullptr.
    const JsonNode* find(std::string_view key) const;
};

// One key and its value in an object (std::pair cannot hold the still-incomplete JsonNode).
struct JsonMember {
    std::string first;
    JsonNode second;
};

std::string_view type_name(JsonNode::Type type);  // "string", "array", "an object" …

struct JsonParseResult {
    std::optional<JsonNode> root;
    std::string error;  // what went wrong and what was expected
    TextPosition error_position;
};

// Parses UTF-8 JSON (a leading BOM is accepted). Nesting deeper than max_depth is an error rather
// than a deep recursion later.
JsonParseResult parse_json_tree(std::string_view text, std::size_t max_depth = 64);

// Line and column of a byte offset, counted the same way as JsonNode positions.
TextPosition position_of_offset(std::string_view text, std::size_t offset);

}  // namespace budgetcheck
