// Reading a department's make-up from its profile: a small grammar of counted kinds of unit.
// A kind counts when a number of them is given before (1家机关, 2个下属事业单位) or after
// (行政单位1家) it, or when the department owns one (下属事业单位…).
#include "budgetcheck/narrative/composition.hpp"

#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace budgetcheck {

namespace {

enum class UnitKind { Administrative, CivilServiceManaged, PublicInstitution, Neither };

struct KindWord {
    std::string_view word;
    UnitKind kind;
    bool needs_count;  // too common a word to mean a unit unless counted
};

// Longest first: a word is matched at a position before any word it contains.
constexpr std::array<KindWord, 11> kind_words{{
    {"参照公务员法管理的事业单位", UnitKind::CivilServiceManaged, false},
    {"参照公务员法管理事业单位", UnitKind::CivilServiceManaged, false},
    {"参公事业单位", UnitKind::CivilServiceManaged, false},
    // Classes of spending and of staff, not kinds of unit: 行政事业单位养老支出, 机关事业单位基本养老保险.
    {"行政事业单位", UnitKind::Neither, false},
    {"机关事业单位", UnitKind::Neither, false},
    {"参公单位", UnitKind::CivilServiceManaged, false},
    {"行政单位", UnitKind::Administrative, false},
    {"行政机关", UnitKind::Administrative, true},
    {"事业单位", UnitKind::PublicInstitution, false},
    {"参公事业", UnitKind::CivilServiceManaged, true},
    {"机关", UnitKind::Administrative, true},
}};

// Words between a count and its kind (1个下属差额拨款事业单位); the first three say it is owned.
constexpr std::array<std::string_view, 11> owned_words{
    "下属", "直属", "所属", "差额拨款", "全额拨款", "自收自支", "公益一类", "公益二类", "二级", "基层", "的"};
constexpr std::size_t owning_words = 3;

constexpr std::array<std::string_view, 3> spaces{" ", "　", "\t"};

bool ends_with(std::string_view text, std::string_view tail) {
    return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}
bool starts_with(std::string_view text, std::string_view head) {
    return text.substr(0, head.size()) == head;
}

std::string_view trim_back(std::string_view text) {
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        for (std::string_view s : spaces) {
            if (ends_with(text, s)) {
                text.remove_suffix(s.size());
                trimmed = true;
            }
        }
    }
    return text;
}
std::string_view trim_front(std::string_view text) {
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        for (std::string_view s : spaces) {
            if (starts_with(text, s)) {
                text.remove_prefix(s.size());
                trimmed = true;
            }
        }
    }
    return text;
}

constexpr std::array<std::string_view, 11> chinese_digits{"零", "一", "二", "两", "三", "四",
                                                          "五", "六", "七", "八", "九"};
constexpr std::array<int, 11> chinese_values{0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9};

// A count right before `text`'s end: "3家", "1 个", "两家". nullopt when there is none.
std::optional<int> count_before(std::string_view text) {
    text = trim_back(text);
    if (!ends_with(text, "家") && !ends_with(text, "个")) {
        return std::nullopt;
    }
    text = trim_back(text.substr(0, text.size() - std::string_view("家").size()));
    int value = 0;
    int scale = 1;
    bool any = false;
    while (!text.empty() && text.back() >= '0' && text.back() <= '9') {
        value += (text.back() - '0') * scale;
        scale *= 10;
        any = true;
        text.remove_suffix(1);
    }
    if (any) {
        return value;
    }
    for (std::size_t i = 0; i < chinese_digits.size(); ++i) {
        if (ends_with(text, chinese_digits[i])) {
            return chinese_values[i];
        }
    }
    return std::nullopt;
}

// A count right after a kind: "行政单位1家", "事业单位 4 家".
std::optional<int> count_after(std::string_view text) {
    text = trim_front(text);
    int value = 0;
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
        value = value * 10 + (text[digits] - '0');
        ++digits;
    }
    if (digits == 0) {
        return std::nullopt;
    }
    text = trim_front(text.substr(digits));
    return starts_with(text, "家") || starts_with(text, "个") ? std::optional<int>(value)
                                                             : std::nullopt;
}

// Where the sentence holding byte `at` starts: after the last 。；\n before it.
std::size_t clause_start(std::string_view text, std::size_t at) {
    std::size_t start = 0;
    for (std::string_view stop : {"。", "；", "\n"}) {
        const std::size_t found = text.rfind(stop, at);
        if (found != std::string_view::npos && found + stop.size() > start) {
            start = found + stop.size();
        }
    }
    return start;
}

// Where it ends: before 。；\n, or before the list of units it introduces (，具体包括：).
std::size_t clause_end(std::string_view text, std::size_t at) {
    std::size_t end = text.size();
    for (std::string_view stop : {"。", "；", "\n", "，具体", "具体", "："}) {
        const std::size_t found = text.find(stop, at);
        if (found != std::string_view::npos && found < end) {
            end = found;
        }
    }
    std::string_view clause = text.substr(0, end);
    while (ends_with(clause, "，") || ends_with(clause, "、")) {
        clause.remove_suffix(std::string_view("，").size());
    }
    return clause.size();
}

std::size_t code_points(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) {
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return n;
}

void read_section(const TextSection& section, UnitComposition& out) {
    const std::string_view text = section.text;
    for (std::size_t at = 0; at < text.size();) {
        const KindWord* word = nullptr;
        for (const KindWord& candidate : kind_words) {
            if (starts_with(text.substr(at), candidate.word)) {
                word = &candidate;
                break;
            }
        }
        if (word == nullptr) {
            ++at;
            continue;
        }
        // Before the kind: the words that qualify it, then its count.
        std::string_view before = trim_back(text.substr(0, at));
        bool owned = false;
        for (bool stripped = true; stripped;) {
            stripped = false;
            for (std::size_t i = 0; i < owned_words.size(); ++i) {
                if (ends_with(before, owned_words[i])) {
                    before = trim_back(before.substr(0, before.size() - owned_words[i].size()));
                    owned = owned || i < owning_words;
                    stripped = true;
                }
            }
        }
        std::optional<int> count = count_before(before);
        if (!count) {
            count = count_after(text.substr(at + word->word.size()));
        }
        // A unit labelled with its kind: 档案馆（事业单位）, 执法大队(参公单位).
        const std::string_view after = text.substr(at + word->word.size());
        const bool labelled = (ends_with(before, "（") || ends_with(before, "(")) &&
                              (starts_with(after, "）") || starts_with(after, ")"));
        const bool counts = count ? *count > 0 : (owned || labelled) && !word->needs_count;
        if (counts) {
            switch (word->kind) {
                case UnitKind::Administrative:
                case UnitKind::CivilServiceManaged:
                    if (!out.administrative) {
                        const std::size_t start = clause_start(text, at);
                        out.evidence = std::string(
                            text.substr(start, clause_end(text, at) - start));
                        out.evidence_source = locate_in_string(
                            section.text_source, section.raw, code_points(text.substr(0, start)));
                    }
                    out.administrative = true;
                    break;
                case UnitKind::PublicInstitution:
                    out.public_institution = true;
                    break;
                case UnitKind::Neither:
                    break;
            }
        }
        at += word->word.size();
    }
}

}  // namespace

UnitComposition read_unit_composition(const Document& document) {
    UnitComposition out;
    for (const auto* sections : {&document.profile, &document.narrative}) {
        for (const TextSection& section : *sections) {
            read_section(section, out);
        }
    }
    return out;
}

}  // namespace budgetcheck
