// Text helpers for printed Chinese labels: UTF-8 checks, width folding, the matching key that
// makes "合 计", "合计" and "合　计" the same label, numbering prefixes, and display width.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace budgetcheck {

// Where the first byte that breaks UTF-8 sits, or nullopt when the text is valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Decodes valid UTF-8 into code points (invalid bytes become U+FFFD).
std::u32string decode_utf8(std::string_view text);
std::string encode_utf8(std::u32string_view text);
std::size_t count_code_points(std::string_view text);
// The text itself when it is valid UTF-8; otherwise each byte that breaks it replaced by U+FFFD.
// Messages quoting input go through this so that every report stays decodable.
std::string valid_utf8(std::string_view text);
// valid_utf8, with control characters written as escapes (\n, \t, \x01): a message quoting a
// cell that holds a raw newline stays on one line.
std::string printable(std::string_view text);

// Full-width forms to ASCII (ＡＢＣ１２３（）：％ → ABC123():%), the ideographic space to a
// space, and the minus sign U+2212 to '-'.
std::string fold_width(std::string_view text);
// The same for one code point.
char32_t fold_width(char32_t c);

// Trims ASCII and Unicode spaces (U+3000, U+00A0) from both ends.
std::string trim(std::string_view text);

// The form labels are matched in: width folded, every space removed, quotes removed
// (“三公” → 三公), and 〔〕【】 folded to ().
std::string label_key(std::string_view printed);

// How a printed label was numbered: 一、 （一） 1、 1. (1) ①.
enum class NumberingStyle {
    ChineseComma,  // 一、
    ChineseParen,  // （一）
    ArabicComma,   // 1、 1. 1．
    ArabicParen,   // (1) （1）
    Circled,       // ①
};

struct Numbering {
    NumberingStyle style;
    int ordinal = 0;
};

// A label split into its printed decorations and the words that name the line.
struct LabelParts {
    bool of_which = false;               // printed with 其中：
    std::optional<Numbering> numbering;  // the numbering prefix, if any
    std::string key;                     // label_key() of what is left
};

LabelParts split_label(std::string_view printed);

// Reads 一 … 九十九 as a number; nullopt if the text is not a Chinese numeral.
std::optional<int> parse_chinese_numeral(std::u32string_view text);

// Columns a terminal gives the text: two for East Asian wide characters, one otherwise.
std::size_t display_width(std::string_view text);

// Levenshtein distance over code points, for "did you mean" suggestions.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b);

// The known names closest to what was printed, best first, at most `limit` of them, and only
// those that differ in fewer than half their characters.
std::vector<std::string> closest_names(std::string_view printed,
                                       const std::vector<std::string>& known,
                                       std::size_t limit = 3);

}  // namespace budgetcheck
