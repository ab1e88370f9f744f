#include "budgetcheck/load/json_tree.hpp"

#include <iterator>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "budgetcheck/model/text.hpp"

namespace budgetcheck {

namespace {

// Characters a Chinese keyboard types where JSON needs ASCII punctuation, with what JSON needs.
struct Lookalike {
    char32_t code_point;
    std::string_view name;
    std::string_view needed;
};
constexpr Lookalike lookalikes[] = {
    {U'\u201C', "a Chinese quotation mark", "\""},
    {U'\u201D', "a Chinese quotation mark", "\""},
    {U'\u2018', "a Chinese single quotation mark", "\""},
    {U'\u2019', "a Chinese single quotation mark", "\""},
    {U'\uFF02', "a full-width quotation mark", "\""},
    {U'\uFF0C', "a full-width comma", ","},
    {U'\u3001', "an enumeration comma", ","},
    {U'\uFF1A', "a full-width colon", ":"},
    {U'\uFF3B', "a full-width bracket", "["},
    {U'\uFF3D', "a full-width bracket", "]"},
    {U'\u3010', "a Chinese bracket", "["},
    {U'\u3011', "a Chinese bracket", "]"},
    {U'\uFF5B', "a full-width brace", "{"},
    {U'\uFF5D', "a full-width brace", "}"},
    {U'\u3000', "an ideographic space", "an ASCII space"},
    {U'\uFEFF', "a byte order mark", "nothing"},
};

// What stands at a syntax error, said so that a person recognises it: the character (never a
// byte of one) and, for the punctuation of a Chinese keyboard, what JSON needs instead.
std::string describe_character_at(std::string_view text, std::size_t offset) {
    while (offset > 0 && offset < text.size() &&
           (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) {
        --offset;  // back to the first byte of the character
    }
    if (offset >= text.size()) {
        return {};
    }
    const auto lead = static_cast<unsigned char>(text[offset]);
    if (lead < 0x80) {
        return {};
    }
    const std::size_t length = lead >= 0xF0 ? 4 : (lead >= 0xE0 ? 3 : 2);
    const std::u32string decoded = decode_utf8(text.substr(offset, length));
    if (decoded.empty() || decoded.front() == 0xFFFD) {
        return {};
    }
    const char32_t c = decoded.front();
    const std::string shown = c == U'\u3000' || c == U'\uFEFF' ? "" : encode_utf8(decoded.substr(0, 1)) + " ";
    for (const Lookalike& l : lookalikes) {
        if (l.code_point == c) {
            return fmt::format("{} {}(U+{:04X}) where JSON needs {}", l.name, shown,
                               static_cast<std::uint32_t>(c), l.needed);
        }
    }
    return fmt::format("the character {}(U+{:04X}), which JSON allows only inside a string", shown,
                       static_cast<std::uint32_t>(c));
}

// Line ends as editors count them: LF, CRLF (at its LF) and the CR alone of old Mac files.
bool ends_line(std::string_view text, std::size_t i) {
    return text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'));
}

// A comma followed only by spaces and then } or ]: the commonest slip of hand-edited JSON.
bool trailing_comma_at(std::string_view text, std::size_t offset) {
    if (offset >= text.size() || (text[offset] != '}' && text[offset] != ']')) {
        return false;
    }
    std::size_t before = offset;
    while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t' ||
                          text[before - 1] == '\n' || text[before - 1] == '\r')) {
        --before;
    }
    return before > 0 && text[before - 1] == ',';
}

// An input iterator over the text that publishes how far nlohmann's lexer has read. At each SAX
// event the lexer has consumed exactly the event's token (plus one look-ahead character after a
// number, which is always whitespace or a delimiter), so the token's start is the first
// character after the previous event that is not whitespace or a delimiter.
class CountingIterator {
  public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CountingIterator() = default;
    CountingIterator(const char* at, const char** published) : at_(at), published_(published) {}

    reference operator*() const { return *at_; }
    CountingIterator& operator++() {
        ++at_;
        *published_ = at_;
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator copy = *this;
        ++*this;
        return copy;
    }
    [[maybe_unused]] friend bool operator==(const CountingIterator& a, const CountingIterator& b) {
        return a.at_ == b.at_;
    }
    friend bool operator!=(const CountingIterator& a, const CountingIterator& b) {
        return a.at_ != b.at_;
    }

  private:
    const char* at_ = nullptr;
    const char** published_ = nullptr;
};

class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
  public:
    TreeBuilder(std::string_view text, const char** consumed, std::size_t max_depth)
        : text_(text), consumed_(consumed), max_depth_(max_depth) {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") {
            cursor_ = 3;  // a BOM occupies no column
        }
    }

    bool null() override { return add_scalar(JsonNode::Type::Null, "null"); }
    bool boolean(bool value) override {
        return add_scalar(JsonNode::Type::Boolean, value ? "true" : "false");
    }
    bool number_integer(number_integer_t value) override {
        return add_scalar(JsonNode::Type::Integer, std::to_string(value));
    }
    bool number_unsigned(number_unsigned_t value) override {
        return add_scalar(JsonNode::Type::Integer, std::to_string(value));
    }
    bool number_float(number_float_t /*value*/, const string_t& lexeme) override {
        return add_scalar(JsonNode::Type::Float, lexeme);
    }
    bool string(string_t& value) override { return add_scalar(JsonNode::Type::String, value); }
    bool binary(binary_t& /*value*/) override { return false; }

    bool start_object(std::size_t /*elements*/) override { return open(JsonNode::Type::Object); }
    bool end_object() override { return close(); }
    bool start_array(std::size_t /*elements*/) override { return open(JsonNode::Type::Array); }
    bool end_array() override { return close(); }

    bool key(string_t& value) override {
        const TextPosition at = token_start();
        JsonNode& object = *stack_.back();
        object.members.push_back(JsonMember{value, JsonNode{}});
        object.key_positions.push_back(at);
        return true;
    }

    bool parse_error(std::size_t position, const std::string& /*last_token*/,
                     const nlohmann::detail::exception& ex) override {
        error_ = ex.what();
        // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, column 2: ";
        // the position is ours to give, in our own terms.
        if (error_.rfind("[json.exception", 0) == 0) {
            error_.erase(0, error_.find("] ") == std::string::npos ? 0 : error_.find("] ") + 2);
        }
        if (error_.rfind("parse error", 0) == 0) {
            const auto colon = error_.find(": ");
            if (colon != std::string::npos) {
                error_.erase(0, colon + 2);
            }
        }
        error_offset_ = position > 0 ? position - 1 : 0;
        // nlohmann quotes the bytes it read last, which may end inside a character: say what
        // the character is instead, so that the message (and every report) stays UTF-8.
        const std::string described = describe_character_at(text_, error_offset_);
        const auto last_read = error_.find("; last read: ");
        if (trailing_comma_at(text_, error_offset_)) {
            error_ = fmt::format("a trailing comma before '{}': JSON allows no comma after the last "
                                 "item; remove it",
                                 text_[error_offset_]);
        } else if (!described.empty()) {
            const auto dash = error_.find(" - ");
            error_ = fmt::format("{}: found {}",
                                 error_.substr(0, dash == std::string::npos ? last_read : dash),
                                 described);
        }
        error_ = valid_utf8(error_);
        return false;
    }

    JsonParseResult finish(bool parsed) {
        JsonParseResult result;
        if (!parsed || !error_.empty()) {
            result.error = error_.empty() ? "the JSON could not be parsed" : error_;
            result.error_position = error_position_.line != 0
                                        ? error_position_
                                        : position_of_offset(text_, error_offset_);
            return result;
        }
        result.root = std::move(root_);
        return result;
    }

  private:
    static bool is_skippable(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':' ||
               c == ']' || c == '}';
    }

    void advance_to(std::size_t offset) {
        for (; cursor_ < offset && cursor_ < text_.size(); ++cursor_) {
            const auto c = static_cast<unsigned char>(text_[cursor_]);
            if (ends_line(text_, cursor_)) {
                ++line_;
                column_ = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++column_;
            }
        }
    }

    TextPosition token_start() {
        const std::size_t consumed = static_cast<std::size_t>(*consumed_ - text_.data());
        std::size_t at = cursor_;
        while (at < consumed && is_skippable(text_[at])) {
            ++at;
        }
        advance_to(at);
        const TextPosition start{line_, column_, at};
        advance_to(consumed);
        return start;
    }

    JsonNode* slot() {
        if (stack_.empty()) {
            return &root_;
        }
        JsonNode& parent = *stack_.back();
        if (parent.type == JsonNode::Type::Array) {
            parent.items.emplace_back();
            return &parent.items.back();
        }
        return &parent.members.back().second;
    }

    bool add_scalar(JsonNode::Type type, std::string text) {
        const TextPosition at = token_start();
        JsonNode* node = slot();
        node->type = type;
        node->text = std::move(text);
        node->position = at;
        return true;
    }

    bool open(JsonNode::Type type) {
        const TextPosition at = token_start();
        if (stack_.size() >= max_depth_) {
            error_ = fmt::format("nesting deeper than {} levels; a disclosure never needs that",
                                 max_depth_);
            error_position_ = at;
            return false;
        }
        JsonNode* node = slot();
        node->type = type;
        node->position = at;
        stack_.push_back(node);
        return true;
    }

    bool close() {
        stack_.pop_back();
        return true;
    }

    std::string_view text_;
    const char** consumed_;
    std::size_t max_depth_;
    std::size_t cursor_ = 0;
    std::uint32_t line_ = 1;
    std::uint32_t column_ = 1;
    JsonNode root_;
    std::vector<JsonNode*> stack_;
    std::string error_;
    std::size_t error_offset_ = 0;
    TextPosition error_position_;
};

}  // namespace

const JsonNode* JsonNode::find(std::string_view key) const {
    for (const auto& [name, value] : members) {
        if (name == key) {
            return &value;
        }
    }
    return nullptr;
}

std::string_view type_name(JsonNode::Type type) {
    switch (type) {
        case JsonNode::Type::Null:
            return "null";
        case JsonNode::Type::Boolean:
            return "a boolean";
        case JsonNode::Type::Integer:
        case JsonNode::Type::Float:
            return "a number";
        case JsonNode::Type::String:
            return "a string";
        case JsonNode::Type::Array:
            return "an array";
        case JsonNode::Type::Object:
            return "an object";
    }
    return "?";
}

TextPosition position_of_offset(std::string_view text, std::size_t offset) {
    TextPosition position{1, 1};
    std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    for (std::size_t i = start; i < offset && i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (ends_line(text, i)) {
            ++position.line;
            position.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++position.column;
        }
    }
    return position;
}

JsonParseResult parse_json_tree(std::string_view text, std::size_t max_depth) {
    const char* consumed = text.data();
    TreeBuilder builder(text, &consumed, max_depth);
    CountingIterator first(text.data(), &consumed);
    CountingIterator last(text.data() + text.size(), &consumed);
    bool parsed = false;
    try {
        parsed = nlohmann::json::sax_parse(first, last, &builder,
                                           nlohmann::json::input_format_t::json, true);
    } catch (const nlohmann::json::exception& ex) {
        // sax_parse reports errors through parse_error(); anything else is still bad input.
        JsonParseResult result;
        result.error = ex.what();
        result.error_position =
            position_of_offset(text, static_cast<std::size_t>(consumed - text.data()));
        return result;
    }
    return builder.finish(parsed);
}

}  // namespace budgetcheck
