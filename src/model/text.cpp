#include "budgetcheck/model/text.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>
#include <utility>

namespace budgetcheck {

namespace {

// Decodes one code point at text[i]; returns its length, or 0 when the bytes are not UTF-8.
std::size_t decode_one(std::string_view text, std::size_t i, char32_t& out) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        out = lead;
        return 1;
    }
    std::size_t length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        value = lead & 0x1F;
        minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        value = lead & 0x0F;
        minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        value = lead & 0x07;
        minimum = 0x10000;
    } else {
        return 0;
    }
    if (i + length > text.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            return 0;
        }
        value = (value << 6) | (byte(i + k) & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        return 0;
    }
    out = value;
    return length;
}

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' ||
           c == 0x00A0 || c == 0x3000 || c == 0x200B || c == 0xFEFF || c == 0x2002 || c == 0x2003 ||
           c == 0x2009;
}

bool is_quote(char32_t c) {
    return c == U'"' || c == U'\'' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
           c == 0x300C || c == 0x300D || c == 0x300E || c == 0x300F;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
        return;
    }
    // One append per code point: labels are mostly three-byte CJK, and a byte at a time was a
    // tenth of all the work of checking a file.
    char bytes[4];
    std::size_t n = 0;
    if (c < 0x800) {
        bytes[n++] = static_cast<char>(0xC0 | (c >> 6));
    } else if (c < 0x10000) {
        bytes[n++] = static_cast<char>(0xE0 | (c >> 12));
        bytes[n++] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    } else {
        bytes[n++] = static_cast<char>(0xF0 | (c >> 18));
        bytes[n++] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        bytes[n++] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    }
    bytes[n++] = static_cast<char>(0x80 | (c & 0x3F));
    out.append(bytes, n);
}

// Calls fn(code point) over the text without building a u32string (invalid bytes are U+FFFD).
template <typename Fn>
void for_each_point(std::string_view text, Fn fn) {
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t c = 0;
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            fn(static_cast<char32_t>(lead));
            ++i;
            continue;
        }
        const std::size_t length = decode_one(text, i, c);
        if (length == 0) {
            fn(char32_t{0xFFFD});
            ++i;
        } else {
            fn(c);
            i += length;
        }
    }
}

char32_t fold_char(char32_t c) {
    if (c >= 0xFF01 && c <= 0xFF5E) {
        return c - 0xFF01 + 0x21;
    }
    if (c == 0x3000) {
        return U' ';
    }
    if (c == 0x2212) {
        return U'-';
    }
    return c;
}

bool is_chinese_digit(char32_t c) {
    return std::u32string_view(U"零〇一二三四五六七八九十百").find(c) != std::u32string_view::npos;
}

bool is_ascii_digit(char32_t c) {
    return c >= U'0' && c <= U'9';
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t c = 0;
        const std::size_t length = decode_one(text, i, c);
        if (length == 0) {
            return i;
        }
        i += length;
    }
    return std::nullopt;
}

std::u32string decode_utf8(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t c = 0;
        const std::size_t length = decode_one(text, i, c);
        if (length == 0) {
            out.push_back(0xFFFD);
            ++i;
        } else {
            out.push_back(c);
            i += length;
        }
    }
    return out;
}

std::string encode_utf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size() * 3);
    for (char32_t c : text) {
        append_utf8(out, c);
    }
    return out;
}

std::string valid_utf8(std::string_view text) {
    if (!find_invalid_utf8(text)) {
        return std::string(text);
    }
    return encode_utf8(decode_utf8(text));
}

std::string printable(std::string_view text) {
    std::string out;
    for (char ch : valid_utf8(text)) {
        const auto c = static_cast<unsigned char>(ch);
        if (ch == '\n') {
            out += "\\n";
        } else if (ch == '\r') {
            out += "\\r";
        } else if (ch == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7F) {
            out += "\\x";
            out += "0123456789ABCDEF"[c >> 4];
            out += "0123456789ABCDEF"[c & 0xF];
        } else {
            out += ch;
        }
    }
    return out;
}

std::size_t count_code_points(std::string_view text) {
    std::size_t count = 0;
    for (char ch : text) {
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) {
            ++count;
        }
    }
    return count;
}

char32_t fold_width(char32_t c) {
    return fold_char(c);
}

std::string fold_width(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for_each_point(text, [&out](char32_t c) { append_utf8(out, fold_char(c)); });
    return out;
}

std::string trim(std::string_view text) {
    // Spaces are ASCII, U+00A0 (C2 A0), U+3000 (E3 80 80), U+200B (E2 80 8B) or U+FEFF (EF BB BF).
    auto space_at_start = [](std::string_view t) -> std::size_t {
        if (t.empty()) {
            return 0;
        }
        const auto c = static_cast<unsigned char>(t[0]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            return 1;
        }
        if (c != 0xC2 && c != 0xE2 && c != 0xE3 && c != 0xEF) {
            return 0;  // no wide space starts with this byte: most labels end here
        }
        for (std::string_view wide : {"\xC2\xA0", "\xE3\x80\x80", "\xE2\x80\x8B", "\xEF\xBB\xBF",
                                      "\xE2\x80\x82", "\xE2\x80\x83", "\xE2\x80\x89"}) {
            if (t.substr(0, wide.size()) == wide) {
                return wide.size();
            }
        }
        return 0;
    };
    auto space_at_end = [](std::string_view t) -> std::size_t {
        if (t.empty()) {
            return 0;
        }
        const auto c = static_cast<unsigned char>(t.back());
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            return 1;
        }
        if (c != 0xA0 && c != 0x80 && c != 0x8B && c != 0xBF && c != 0x82 && c != 0x83 &&
            c != 0x89) {
            return 0;  // no wide space ends with this byte
        }
        for (std::string_view wide : {"\xC2\xA0", "\xE3\x80\x80", "\xE2\x80\x8B", "\xEF\xBB\xBF",
                                      "\xE2\x80\x82", "\xE2\x80\x83", "\xE2\x80\x89"}) {
            if (t.size() >= wide.size() && t.substr(t.size() - wide.size()) == wide) {
                return wide.size();
            }
        }
        return 0;
    };
    for (std::size_t n = space_at_start(text); n > 0; n = space_at_start(text)) {
        text.remove_prefix(n);
    }
    for (std::size_t n = space_at_end(text); n > 0; n = space_at_end(text)) {
        text.remove_suffix(n);
    }
    return std::string(text);
}

std::string label_key(std::string_view printed) {
    std::string out;
    out.reserve(printed.size());
    for_each_point(printed, [&out](char32_t c) {
        c = fold_char(c);
        if (is_space(c) || is_quote(c)) {
            return;
        }
        if (c == 0x3014 || c == 0x3010) {  // 〔 【
            c = U'(';
        } else if (c == 0x3015 || c == 0x3011) {  // 〕 】
            c = U')';
        }
        append_utf8(out, c);
    });
    return out;
}

std::optional<int> parse_chinese_numeral(std::u32string_view text) {
    if (text.empty()) {
        return std::nullopt;
    }
    const std::u32string_view digits = U"零一二三四五六七八九";
    auto digit = [&](char32_t c) -> int {
        if (c == U'〇') {
            return 0;
        }
        const auto at = digits.find(c);
        return at == std::u32string_view::npos ? -1 : static_cast<int>(at);
    };
    const auto ten = text.find(U'十');
    if (ten == std::u32string_view::npos) {
        if (text.size() != 1) {
            return std::nullopt;
        }
        const int value = digit(text[0]);
        return value > 0 ? std::optional<int>(value) : std::nullopt;
    }
    int tens = 1;
    if (ten == 1) {
        tens = digit(text[0]);
        if (tens <= 0) {
            return std::nullopt;
        }
    } else if (ten != 0) {
        return std::nullopt;
    }
    int ones = 0;
    if (ten + 1 < text.size()) {
        if (ten + 2 != text.size()) {
            return std::nullopt;
        }
        ones = digit(text[ten + 1]);
        if (ones <= 0) {
            return std::nullopt;
        }
    }
    return tens * 10 + ones;
}

namespace {

LabelParts split_label_uncached(std::string_view printed);

// Looked up by string_view, so a hit allocates only the copy it returns.
struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
        return std::hash<std::string_view>{}(text);
    }
};

}  // namespace

LabelParts split_label(std::string_view printed) {
    // The same headers and labels recur in every table and every document of a batch: each is
    // split once per thread. The cache is dropped whole when it grows large, so memory stays flat
    // however many documents a batch holds.
    thread_local std::unordered_map<std::string, LabelParts, ViewHash, std::equal_to<>> cache;
    if (const auto found = cache.find(printed); found != cache.end()) {
        return found->second;
    }
    if (cache.size() >= 20000) {
        cache.clear();
    }
    return cache.emplace(std::string(printed), split_label_uncached(printed)).first->second;
}

namespace {

LabelParts split_label_uncached(std::string_view printed) {
    LabelParts parts;
    std::u32string key = decode_utf8(label_key(printed));
    std::u32string_view rest(key);

    auto strip_of_which = [&] {
        if (rest.substr(0, 2) == U"其中") {
            parts.of_which = true;
            rest.remove_prefix(2);
            if (!rest.empty() && (rest[0] == U':' || rest[0] == U',' || rest[0] == U'、')) {
                rest.remove_prefix(1);
            }
            return true;
        }
        return false;
    };
    strip_of_which();

    // 一、 二十、
    std::size_t n = 0;
    while (n < rest.size() && is_chinese_digit(rest[n])) {
        ++n;
    }
    if (n > 0 && n < rest.size() && (rest[n] == U'、' || rest[n] == U'.' || rest[n] == 0xFF0E)) {
        if (auto ordinal = parse_chinese_numeral(rest.substr(0, n))) {
            parts.numbering = Numbering{NumberingStyle::ChineseComma, *ordinal};
            rest.remove_prefix(n + 1);
        }
    } else if (!rest.empty() && rest[0] == U'(') {
        // (一) or (1)
        const auto close = rest.find(U')');
        if (close != std::u32string_view::npos && close > 1 && close < 5) {
            const std::u32string_view inner = rest.substr(1, close - 1);
            if (auto ordinal = parse_chinese_numeral(inner)) {
                parts.numbering = Numbering{NumberingStyle::ChineseParen, *ordinal};
                rest.remove_prefix(close + 1);
            } else if (std::all_of(inner.begin(), inner.end(), is_ascii_digit)) {
                int value = 0;
                for (char32_t c : inner) {
                    value = value * 10 + static_cast<int>(c - U'0');
                }
                parts.numbering = Numbering{NumberingStyle::ArabicParen, value};
                rest.remove_prefix(close + 1);
            }
        }
    } else if (!rest.empty() && rest[0] >= 0x2460 && rest[0] <= 0x2473) {  // ① … ⑳
        parts.numbering =
            Numbering{NumberingStyle::Circled, static_cast<int>(rest[0] - 0x2460 + 1)};
        rest.remove_prefix(1);
    } else {
        // 1、 or 1. followed by words (not "2024年", not "1.5万元").
        std::size_t d = 0;
        while (d < rest.size() && is_ascii_digit(rest[d])) {
            ++d;
        }
        if (d > 0 && d <= 2 && d + 1 < rest.size() &&
            (rest[d] == U'、' || (rest[d] == U'.' && !is_ascii_digit(rest[d + 1])))) {
            int value = 0;
            for (std::size_t k = 0; k < d; ++k) {
                value = value * 10 + static_cast<int>(rest[k] - U'0');
            }
            parts.numbering = Numbering{NumberingStyle::ArabicComma, value};
            rest.remove_prefix(d + 1);
        }
    }
    // "1、其中：…" is rare but 其中 after a numbering is not.
    strip_of_which();
    parts.key = encode_utf8(rest);
    return parts;
}

}  // namespace

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (char32_t c : decode_utf8(text)) {
        const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
                          (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
                          (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
                          (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                          (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                          (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
        const bool zero = c == 0x200B || (c >= 0x0300 && c <= 0x036F);
        width += zero ? 0 : (wide ? 2 : 1);
    }
    return width;
}

std::size_t edit_distance(std::u32string_view a, std::u32string_view b) {
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        previous[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::vector<std::string> closest_names(std::string_view printed,
                                       const std::vector<std::string>& known, std::size_t limit) {
    const std::u32string target = decode_utf8(label_key(printed));
    std::vector<std::pair<std::size_t, const std::string*>> scored;
    for (const std::string& name : known) {
        scored.emplace_back(edit_distance(target, decode_utf8(label_key(name))), &name);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (const auto& [distance, name] : scored) {
        if (out.size() >= limit) {
            break;
        }
        // A name that shares less than half its characters with the printed one is no hint
        // ("的" for 奇怪的来源): nothing is better than a suggestion that misleads.
        const std::size_t longer = std::max(target.size(), decode_utf8(label_key(*name)).size());
        if (distance * 2 > longer) {
            break;
        }
        if (std::find(out.begin(), out.end(), *name) == out.end()) {
            out.push_back(*name);
        }
    }
    return out;
}

}  // namespace budgetcheck
