// Finding claims in verbatim Chinese text. The text is read as printed: full-width or half-width
// punctuation, spaces inside numbers' surroundings, thousands separators. Only a number followed
// by a unit is a claim; years (2024 年), document numbers and indicator values are not.
#include <algorithm>

#include <fmt/format.h>

#include "budgetcheck/model/text.hpp"
#include "budgetcheck/narrative/claims.hpp"

namespace budgetcheck {

std::string_view to_string(ClaimKind kind) {
    switch (kind) {
        case ClaimKind::Amount:
            return "amount";
        case ClaimKind::Share:
            return "share";
        case ClaimKind::Change:
            return "change";
        case ClaimKind::Count:
            return "count";
        case ClaimKind::Breakdown:
            return "breakdown";
    }
    return "?";
}

namespace {

bool is_digit(char32_t c) {
    return c >= U'0' && c <= U'9';
}
bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == 0xA0;
}
bool is_clause_end(char32_t c) {
    return c == U',' || c == U';' || c == U':' || c == U'、' || c == U'。' || c == U'\n' ||
           c == U'!' || c == U'?';
}

bool is_money(std::string_view unit) {
    return unit == "万元" || unit == "元" || unit == "亿元";
}

// Units a quoted figure may carry, longest first.
constexpr std::u32string_view units[] = {U"万元", U"亿元", U"平方米", U"台/套", U"元",
                                         U"%",    U"个",   U"人",     U"辆",    U"台",
                                         U"套",   U"处",   U"项",     U"家"};

struct Number {
    std::size_t begin = 0;  // first character of the number (or its sign)
    std::size_t end = 0;    // after the unit
    Decimal value;
    int decimals = 0;
    std::string unit;
    std::string printed;
};

// Reads a number with a unit at t[i]; nullopt when there is none there.
std::optional<Number> read_number(std::u32string_view t, std::size_t i) {
    if (i > 0 && (is_digit(t[i - 1]) || t[i - 1] == U'.' || t[i - 1] == U',' || t[i - 1] == U'〔' ||
                  t[i - 1] == U'[')) {
        return std::nullopt;
    }
    std::size_t j = i;
    std::string digits;
    while (j < t.size() && is_digit(t[j])) {
        digits.push_back(static_cast<char>(t[j]));
        ++j;
        // thousands separators: ",ddd" followed by a non-digit
        if (j + 3 < t.size() + 1 && j < t.size() && t[j] == U',' && j + 3 < t.size() + 0 &&
            is_digit(t[j + 1]) && is_digit(t[j + 2]) && is_digit(t[j + 3]) &&
            (j + 4 >= t.size() || !is_digit(t[j + 4]))) {
            digits.push_back(',');
            ++j;
        }
    }
    if (digits.empty()) {
        return std::nullopt;
    }
    if (j + 1 < t.size() && t[j] == U'.' && is_digit(t[j + 1])) {
        digits.push_back('.');
        ++j;
        while (j < t.size() && is_digit(t[j])) {
            digits.push_back(static_cast<char>(t[j]));
            ++j;
        }
    }
    std::size_t k = j;
    while (k < t.size() && is_space(t[k])) {
        ++k;
    }
    for (std::u32string_view unit : units) {
        if (t.substr(k, unit.size()) == unit) {
            // "个月", "个人" are not counts of anything in the tables.
            if (unit == U"个" && k + 1 < t.size() && (t[k + 1] == U'月' || t[k + 1] == U'工')) {
                return std::nullopt;
            }
            // "单价50万元以上设备": a threshold, not a figure of the budget.
            const std::u32string_view after = t.substr(k + unit.size(), 2);
            if (after == U"以上" || after == U"以下" || after == U"以内") {
                return std::nullopt;
            }
            const auto amount = Amount::parse(digits);
            if (!amount || !amount->is_printed()) {
                return std::nullopt;
            }
            Number number;
            number.begin = i;
            number.end = k + unit.size();
            number.value = amount->value();
            number.decimals = amount->decimals();
            number.unit = encode_utf8(unit);
            number.printed = digits + (number.unit == "%" ? "" : " ") + number.unit;
            return number;
        }
    }
    return std::nullopt;
}

std::optional<int> direction_of(std::u32string_view clause) {
    const bool ambiguous = clause.find(U"增加(减少)") != std::u32string_view::npos ||
                           clause.find(U"减少(增加)") != std::u32string_view::npos ||
                           clause.find(U"增减") != std::u32string_view::npos;
    if (ambiguous) {
        return std::nullopt;
    }
    for (std::u32string_view up : {U"增加", U"增长", U"上升", U"提高"}) {
        if (clause.find(up) != std::u32string_view::npos) {
            return 1;
        }
    }
    for (std::u32string_view down : {U"减少", U"降低", U"下降", U"减"}) {
        if (clause.find(down) != std::u32string_view::npos) {
            return -1;
        }
    }
    return std::nullopt;
}

bool mentions_change(std::u32string_view clause) {
    for (std::u32string_view word :
         {U"增加", U"增长", U"上升", U"提高", U"减少", U"降低", U"下降"}) {
        if (clause.find(word) != std::u32string_view::npos) {
            return true;
        }
    }
    return false;
}

// The words before a figure that say what it is: its clause, without numbering, years and
// linking words.
std::string subject_of(std::u32string_view clause) {
    std::u32string text(clause);
    // drop years: "2024年", "2024 年度"
    for (std::size_t at = 0; at + 4 < text.size();) {
        if (is_digit(text[at]) && is_digit(text[at + 1]) && is_digit(text[at + 2]) &&
            is_digit(text[at + 3])) {
            std::size_t end = at + 4;
            while (end < text.size() && is_space(text[end])) {
                ++end;
            }
            if (end < text.size() && text[end] == U'年') {
                ++end;
                if (end < text.size() && text[end] == U'度') {
                    ++end;
                }
                text.erase(at, end - at);
                continue;
            }
        }
        ++at;
    }
    std::string key = split_label(encode_utf8(text)).key;
    for (std::string_view tail : {"为", "是", "共", "约", "计", "达"}) {
        while (key.size() >= tail.size() &&
               key.compare(key.size() - tail.size(), tail.size(), tail) == 0) {
            key.erase(key.size() - tail.size());
        }
    }
    return key;
}

struct Sentence {
    std::size_t begin = 0;
    std::size_t end = 0;  // after its 。
};

std::vector<Sentence> sentences_of(std::u32string_view t) {
    std::vector<Sentence> out;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == U'。') {
            out.push_back({begin, i + 1});
            begin = i + 1;
        }
    }
    if (begin < t.size()) {
        out.push_back({begin, t.size()});
    }
    return out;
}

std::size_t clause_start(std::u32string_view t, std::size_t sentence_begin, std::size_t at) {
    std::size_t start = at;
    while (start > sentence_begin && !is_clause_end(t[start - 1])) {
        --start;
    }
    return start;
}

// Items of a list printed after 分别为 or a colon, up to the end of the sentence.
std::vector<std::string> list_after(std::u32string_view t, std::size_t from,
                                    std::size_t sentence_end) {
    std::u32string_view rest = t.substr(from, sentence_end - from);
    std::size_t start = rest.find(U"分别为");
    if (start != std::u32string_view::npos) {
        start += 3;
    } else if (const auto colon = rest.find(U':');
               colon != std::u32string_view::npos && colon < 4) {
        start = colon + 1;
    } else {
        return {};
    }
    std::u32string_view list = rest.substr(start);
    while (!list.empty() &&
           (list.back() == U'。' || is_space(list.back()) || list.back() == U'\n')) {
        list.remove_suffix(1);
    }
    std::vector<std::string> items;
    int depth = 0;
    std::u32string current;
    for (char32_t c : list) {
        if (c == U'(') {
            ++depth;
        } else if (c == U')') {
            --depth;
        }
        if (c == U'、' && depth == 0) {
            items.push_back(label_key(encode_utf8(current)));
            current.clear();
        } else {
            current.push_back(c);
        }
    }
    if (!current.empty()) {
        items.push_back(label_key(encode_utf8(current)));
    }
    return items.size() >= 2 ? items : std::vector<std::string>{};
}

// What a count counts: the word after the unit (6个机构) or the words before the figure
// (一级项目1个).
std::string noun_of(std::u32string_view t, const Number& number, const std::string& subject) {
    std::u32string after;
    for (std::size_t i = number.end; i < t.size() && after.size() < 6; ++i) {
        const char32_t c = t[i];
        if (is_clause_end(c) || is_space(c) || is_digit(c) || c == U'的' || c == U'(') {
            break;
        }
        after.push_back(c);
    }
    if (!after.empty() && number.unit == "个") {
        return encode_utf8(after);
    }
    return subject;
}

}  // namespace

std::vector<Claim> extract_claims(const TextSection& section, std::string_view block) {
    const std::string_view text = section.text;
    ClaimSource where;
    where.block = std::string(block);
    where.heading = section.heading;
    where.location = section.text_source;
    std::vector<Claim> claims;
    const std::u32string original = decode_utf8(text);
    const std::u32string t = decode_utf8(fold_width(text));
    const std::u32string_view view(t);
    auto sentence_text = [&](const Sentence& s) {
        return trim(encode_utf8(std::u32string_view(original).substr(s.begin, s.end - s.begin)));
    };
    auto make = [&](ClaimKind kind, const Sentence& s, std::size_t at) {
        Claim claim;
        claim.kind = kind;
        claim.source = where;
        claim.source.sentence = sentence_text(s);
        claim.offset = at;
        return claim;
    };
    auto latest_amount = [&](std::size_t before_claims, bool money_only) {
        for (std::size_t k = before_claims; k-- > 0;) {
            const Claim& c = claims[k];
            if ((c.kind == ClaimKind::Amount || c.kind == ClaimKind::Count) &&
                (!money_only || is_money(c.unit))) {
                return static_cast<int>(k);
            }
        }
        return -1;
    };

    const std::vector<Sentence> sentences = sentences_of(view);
    std::vector<std::size_t> sentence_first_claim;
    for (const Sentence& s : sentences) {
        sentence_first_claim.push_back(claims.size());
        std::size_t i = s.begin;
        while (i < s.end) {
            // 与…持平 / 与…相同: a change of zero, stated without a figure.
            for (std::u32string_view word : {U"持平", U"相同"}) {
                if (view.substr(i, word.size()) == word) {
                    const std::size_t start = clause_start(view, s.begin, i);
                    const std::u32string_view clause = view.substr(start, i - start);
                    if (clause.find(U'与') != std::u32string_view::npos || word == U"持平") {
                        Claim claim = make(ClaimKind::Change, s, i);
                        claim.printed = encode_utf8(word);
                        claim.direction = 0;
                        claim.basis = clause.find(U"执行") != std::u32string_view::npos
                                          ? Period::PriorYearExecution
                                          : Period::PriorYearBudget;
                        claim.of_claim = latest_amount(claims.size(), true);
                        claim.subject =
                            claim.of_claim >= 0
                                ? claims[static_cast<std::size_t>(claim.of_claim)].subject
                                : "";
                        claims.push_back(std::move(claim));
                    }
                }
            }
            const auto number = is_digit(view[i]) ? read_number(view, i) : std::nullopt;
            if (!number) {
                ++i;
                continue;
            }
            const std::size_t start = clause_start(view, s.begin, number->begin);
            const std::u32string_view clause = view.substr(start, number->begin - start);
            const std::u32string_view before_in_sentence =
                view.substr(s.begin, number->begin - s.begin);
            Claim claim;
            int share_of = -1;
            if (number->unit == "%") {
                if (clause.find(U'占') != std::u32string_view::npos) {
                    claim = make(ClaimKind::Share, s, number->begin);
                    claim.part = latest_amount(claims.size(), false);
                    share_of = claim.part;
                } else if (mentions_change(clause)) {
                    claim = make(ClaimKind::Change, s, number->begin);
                    claim.is_rate = true;
                    claim.direction = direction_of(clause);
                } else {
                    claim = make(ClaimKind::Amount, s, number->begin);
                }
            } else if (is_money(number->unit) && mentions_change(clause) &&
                       (before_in_sentence.find(U'比') != std::u32string_view::npos ||
                        before_in_sentence.find(U'较') != std::u32string_view::npos)) {
                claim = make(ClaimKind::Change, s, number->begin);
                claim.direction = direction_of(clause);
            } else if (is_money(number->unit)) {
                claim = make(ClaimKind::Amount, s, number->begin);
            } else {
                claim = make(ClaimKind::Count, s, number->begin);
            }
            claim.value = number->value;
            claim.decimals = number->decimals;
            claim.unit = number->unit;
            claim.printed = number->printed;
            claim.subject = subject_of(clause);
            if (claim.kind == ClaimKind::Share && share_of >= 0) {
                claim.subject = claims[static_cast<std::size_t>(share_of)].subject + "占比";
            }
            share_of = -1;
            if (claim.kind == ClaimKind::Change) {
                const auto than = before_in_sentence.rfind(U'比');
                const std::u32string_view basis =
                    than == std::u32string_view::npos ? clause : before_in_sentence.substr(than);
                claim.basis = basis.find(U"执行") != std::u32string_view::npos ||
                                      basis.find(U"决算") != std::u32string_view::npos
                                  ? Period::PriorYearExecution
                                  : Period::PriorYearBudget;
                // What changed is named before 比 ("本年预算比2023年当年预算增加…") or is the
                // figure quoted just before.
                claim.of_claim = latest_amount(claims.size(), true);
                const std::size_t than_in_clause = clause.find(U'比');
                const std::string named = than_in_clause == std::u32string_view::npos
                                              ? std::string()
                                              : subject_of(clause.substr(0, than_in_clause));
                if (!named.empty()) {
                    for (std::size_t k = claims.size(); k-- > 0;) {
                        if (claims[k].kind == ClaimKind::Amount &&
                            claims[k].subject.find(named) != std::string::npos) {
                            claim.of_claim = static_cast<int>(k);
                            break;
                        }
                    }
                }
                if (claim.of_claim >= 0) {
                    claim.subject = claims[static_cast<std::size_t>(claim.of_claim)].subject;
                }
            }
            if (claim.kind == ClaimKind::Count) {
                claim.noun = noun_of(view, *number, claim.subject);
                claim.items = list_after(view, number->end, s.end);
                claim.listed = claim.items.empty() ? -1 : static_cast<int>(claim.items.size());
            }
            claims.push_back(std::move(claim));
            i = number->end;
        }
    }

    // Breakdowns: a total, then 其中 / 包括 and its parts; "X中，" opens a breakdown of X.
    std::vector<bool> is_part(claims.size(), false);
    auto part_like = [](const Claim& whole, const Claim& c) {
        return (c.kind == ClaimKind::Amount || c.kind == ClaimKind::Count) && c.unit == whole.unit;
    };
    for (std::size_t si = 0; si < sentences.size(); ++si) {
        const Sentence& s = sentences[si];
        const std::size_t first = sentence_first_claim[si];
        const std::size_t last =
            si + 1 < sentences.size() ? sentence_first_claim[si + 1] : claims.size();
        std::vector<std::size_t> markers;
        for (std::u32string_view word : {U"其中", U"包括"}) {
            for (std::size_t at = view.find(word, s.begin);
                 at != std::u32string_view::npos && at < s.end; at = view.find(word, at + 1)) {
                // 主要包括：基本工资、奖金… lists kinds of spending, not figures.
                if (word == U"包括" && at >= 2 && view.substr(at - 2, 2) == U"主要") {
                    continue;
                }
                markers.push_back(at);
            }
        }
        // "本年收入中，…": the sentence opens with what it breaks down.
        std::u32string_view head = view.substr(s.begin, s.end - s.begin);
        while (!head.empty() && (is_space(head.front()) || head.front() == U'\n')) {
            head.remove_prefix(1);
        }
        const auto in_at = head.find(U"中,");
        int opening_whole = -1;
        if (in_at != std::u32string_view::npos && in_at > 0 && in_at < 12 &&
            head.substr(0, in_at).find_first_of(U"0123456789") == std::u32string_view::npos) {
            const std::string named = split_label(encode_utf8(head.substr(0, in_at))).key;
            for (std::size_t k = first; k-- > 0;) {
                if ((claims[k].kind == ClaimKind::Amount || claims[k].kind == ClaimKind::Count) &&
                    !named.empty() && claims[k].subject.find(named) != std::string::npos) {
                    opening_whole = static_cast<int>(k);
                    break;
                }
            }
            markers.push_back(static_cast<std::size_t>(head.data() - view.data()) + in_at);
        }
        std::sort(markers.begin(), markers.end());
        for (std::size_t m = 0; m < markers.size(); ++m) {
            const std::size_t at = markers[m];
            const std::size_t next = m + 1 < markers.size() ? markers[m + 1] : s.end;
            int whole = -1;
            if (opening_whole >= 0 &&
                at == static_cast<std::size_t>(head.data() - view.data()) + in_at) {
                whole = opening_whole;
            } else {
                for (std::size_t k = last; k-- > 0;) {
                    const Claim& c = claims[k];
                    const bool before = k < first || c.offset < at;
                    if (before && (c.kind == ClaimKind::Amount || c.kind == ClaimKind::Count) &&
                        !is_part[k]) {
                        whole = static_cast<int>(k);
                        break;
                    }
                }
            }
            if (whole < 0) {
                continue;
            }
            Claim breakdown = claims[static_cast<std::size_t>(whole)];
            breakdown.kind = ClaimKind::Breakdown;
            breakdown.source.sentence = sentence_text(s);
            breakdown.whole = whole;
            breakdown.parts.clear();
            for (std::size_t k = first; k < last; ++k) {
                const std::size_t position = claims[k].offset;
                if (position > at && position < next && static_cast<int>(k) != whole &&
                    part_like(claims[static_cast<std::size_t>(whole)], claims[k])) {
                    breakdown.parts.push_back(static_cast<int>(k));
                }
            }
            // "其中：" then a line break: the parts are the figures opening the following lines,
            // one sentence each.
            std::size_t after_marker = at + 2;
            while (after_marker < s.end &&
                   (view[after_marker] == U':' || is_space(view[after_marker]))) {
                ++after_marker;
            }
            const bool list_follows = after_marker < s.end && view[after_marker] == U'\n';
            if (breakdown.parts.empty() || list_follows) {
                for (std::size_t sj = si + 1; sj < sentences.size(); ++sj) {
                    const std::size_t k = sentence_first_claim[sj];
                    const std::size_t k_end =
                        sj + 1 < sentences.size() ? sentence_first_claim[sj + 1] : claims.size();
                    if (k >= k_end ||
                        !part_like(claims[static_cast<std::size_t>(whole)], claims[k])) {
                        break;
                    }
                    const Sentence& next_sentence = sentences[sj];
                    const std::size_t opens =
                        clause_start(view, next_sentence.begin, claims[k].offset);
                    std::u32string_view lead =
                        view.substr(next_sentence.begin, opens - next_sentence.begin);
                    const bool leading = std::all_of(lead.begin(), lead.end(), [](char32_t c) {
                        return is_space(c) || c == U'\n';
                    });
                    if (!leading) {
                        break;
                    }
                    breakdown.parts.push_back(static_cast<int>(k));
                }
            }
            if (breakdown.parts.empty()) {
                continue;
            }
            for (int part : breakdown.parts) {
                is_part[static_cast<std::size_t>(part)] = true;
            }
            claims.push_back(std::move(breakdown));
            is_part.push_back(false);
        }
    }

    // Shares: of the total their part is broken down from, else of the block's first total.
    for (std::size_t k = 0; k < claims.size(); ++k) {
        Claim& claim = claims[k];
        if (claim.kind != ClaimKind::Share || claim.part < 0) {
            continue;
        }
        for (const Claim& other : claims) {
            if (other.kind == ClaimKind::Breakdown &&
                std::find(other.parts.begin(), other.parts.end(), claim.part) !=
                    other.parts.end()) {
                claim.whole = other.whole;
            }
        }
        if (claim.whole < 0) {
            for (std::size_t j = 0; j < claims.size(); ++j) {
                if (claims[j].kind == ClaimKind::Amount && is_money(claims[j].unit) &&
                    static_cast<int>(j) != claim.part) {
                    claim.whole = static_cast<int>(j);
                    break;
                }
            }
        }
    }

    for (Claim& claim : claims) {
        claim.source.location = locate_in_string(section.text_source, section.raw, claim.offset);
        // Sub-headings such as "(一) 政府采购情况" printed as their own line inside a section.
        std::size_t line_end = view.rfind(U'\n', claim.offset);
        while (line_end != std::u32string_view::npos && line_end > 0) {
            const std::size_t line_begin = view.rfind(U'\n', line_end - 1);
            const std::size_t from = line_begin == std::u32string_view::npos ? 0 : line_begin + 1;
            const std::u32string_view line = view.substr(from, line_end - from);
            if (!line.empty() && line.size() <= 30 && line.back() != U'。' &&
                line.find(U"万元") == std::u32string_view::npos) {
                claim.source.context =
                    encode_utf8(std::u32string_view(original).substr(from, line_end - from));
                break;
            }
            if (line_begin == std::u32string_view::npos) {
                break;
            }
            line_end = line_begin;
        }
    }
    return claims;
}

}  // namespace budgetcheck

namespace budgetcheck {

std::vector<Claim> extract_claims(const Document& document) {
    std::vector<Claim> out;
    auto add = [&out](std::vector<Claim> found) {
        const int base = static_cast<int>(out.size());
        for (Claim& claim : found) {
            for (int* index : {&claim.part, &claim.whole, &claim.of_claim}) {
                if (*index >= 0) {
                    *index += base;
                }
            }
            for (int& part : claim.parts) {
                part += base;
            }
            out.push_back(std::move(claim));
        }
    };
    for (const TextSection& section : document.profile) {
        add(extract_claims(section, "profile"));
    }
    for (const Table& table : document.tables) {
        for (const TextSection& note : table.note_sources) {
            add(extract_claims(note, "notes"));
        }
    }
    for (const TextSection& section : document.narrative) {
        add(extract_claims(section, "narrative"));
    }
    return out;
}

}  // namespace budgetcheck
