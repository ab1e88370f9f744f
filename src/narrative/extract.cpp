// Finding claims in verbatim Chinese text. The text is read as printed: full-width or half-width
// punctuation, spaces inside numbers' surroundings, thousands separators. Only a number followed
// by a unit is a claim; years (2024 年), document numbers and indicator values are not.
//
// Besides the figure, a claim records what the words around it say about it: the subject it names
// (公共安全支出（类）司法（款）, or the subject named earlier on its line or above it), whether it
// is an amount of another year (2025年执行数), whether it explains a change rather than reports a
// figure (主要原因是…), what whole a share names (占“三公”经费的), and the other figures a change
// is computed from. Extraction knows nothing of the tables; the narrative rules match claims to
// figures.
#include <algorithm>
#include <map>
#include <utility>

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

bool contains(std::u32string_view text, std::u32string_view word) {
    return text.find(word) != std::u32string_view::npos;
}

// Units a quoted figure may carry, longest first. "万" alone is 万元 (1200万).
constexpr std::u32string_view units[] = {U"万元", U"亿元", U"平方米", U"台/套", U"元",
                                         U"万",   U"%",    U"个",     U"人",    U"辆",
                                         U"台",   U"套",   U"处",     U"项",    U"家"};

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
        if (j + 3 < t.size() && t[j] == U',' && is_digit(t[j + 1]) && is_digit(t[j + 2]) &&
            is_digit(t[j + 3]) && (j + 4 >= t.size() || !is_digit(t[j + 4]))) {
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
        if (t.substr(k, unit.size()) != unit) {
            continue;
        }
        const std::u32string_view after = t.substr(k + unit.size(), 2);
        // "个月", "个人" are not counts of anything in the tables; "万人次" is no money.
        if (unit == U"个" && !after.empty() && (after[0] == U'月' || after[0] == U'工')) {
            return std::nullopt;
        }
        if (unit == U"万" && !after.empty() &&
            std::u32string_view(U"人次户件册台套个辆平亩吨份").find(after[0]) !=
                std::u32string_view::npos) {
            return std::nullopt;
        }
        // "单价50万元以上设备", "100万元（含）以上": a threshold, not a figure of the budget.
        std::u32string_view beyond = t.substr(k + unit.size(), 5);
        if (beyond.substr(0, 3) == U"(含)") {
            beyond.remove_prefix(3);
        }
        beyond = beyond.substr(0, 2);
        if (beyond == U"以上" || beyond == U"以下" || beyond == U"以内") {
            return std::nullopt;
        }
        // "行政运行（01项）": a code printed with its level, not a count.
        if (!after.empty() && after[0] == U')' && (unit == U"项" || unit == U"个")) {
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
        number.unit = unit == U"万" ? std::string("万元") : encode_utf8(unit);
        number.printed = digits + (number.unit == "%" ? "" : " ") + encode_utf8(unit);
        return number;
    }
    return std::nullopt;
}

// A template's alternatives left side by side, 增加（减少）, 增长（下降）, 减少/增加: the words
// leave the direction open (text.template-residue reports the wording itself).
bool offers_both(std::u32string_view clause) {
    for (std::u32string_view up : {U"增加", U"增长", U"上升", U"提高"}) {
        for (std::u32string_view down : {U"减少", U"降低", U"下降"}) {
            for (const auto& [first, second] : {std::pair{up, down}, std::pair{down, up}}) {
                const std::u32string bracketed =
                    std::u32string(first) + U"(" + std::u32string(second) + U")";
                const std::u32string slashed =
                    std::u32string(first) + U"/" + std::u32string(second);
                if (contains(clause, bracketed) || contains(clause, slashed)) {
                    return true;
                }
            }
        }
    }
    return false;
}

std::optional<int> direction_of(std::u32string_view clause) {
    if (offers_both(clause) || contains(clause, U"增减")) {
        return std::nullopt;
    }
    for (std::u32string_view up : {U"增加", U"增长", U"上升", U"提高"}) {
        if (contains(clause, up)) {
            return 1;
        }
    }
    for (std::u32string_view down : {U"减少", U"降低", U"下降", U"降幅", U"减"}) {
        if (contains(clause, down)) {
            return -1;
        }
    }
    return std::nullopt;
}

bool mentions_change(std::u32string_view clause) {
    for (std::u32string_view word :
         {U"增加", U"增长", U"上升", U"提高", U"减少", U"降低", U"下降", U"降幅", U"增幅"}) {
        if (contains(clause, word)) {
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
    // 收、支总计 / 收入、支出预算总计: the two sides together, as 收支总计 says them.
    for (const auto& [joined, said] : {std::pair<std::string_view, std::string_view>{"收入、支出", "收支"},
                                       {"收、支", "收支"}}) {
        for (std::size_t at = key.find(joined); at != std::string::npos; at = key.find(joined, at)) {
            key.replace(at, joined.size(), said);
        }
    }
    const auto ends_with = [&key](std::string_view tail) {
        return key.size() >= tail.size() &&
               key.compare(key.size() - tail.size(), tail.size(), tail) == 0;
    };
    for (std::string_view tail : {"为", "是", "共", "约", "计", "达", "均", "各"}) {
        // 计 of 总计 / 合计 / 小计 is part of the word, not a verb before the figure.
        while (ends_with(tail) &&
               !(tail == "计" && (ends_with("总计") || ends_with("合计") || ends_with("小计")))) {
            key.erase(key.size() - tail.size());
        }
    }
    return key;
}

// In a 决算, the budget a figure is (年初预算为…, 调整预算数…), if the clause names one.
std::optional<Period> budget_named(std::u32string_view clause) {
    if (contains(clause, U"调整后预算") || contains(clause, U"调整后的预算")) {
        return Period::FullYearBudget;
    }
    if (contains(clause, U"调整预算") || contains(clause, U"预算调整")) {
        return Period::AdjustedBudget;
    }
    if (contains(clause, U"全年预算")) {
        return Period::FullYearBudget;
    }
    for (std::u32string_view word : {U"追加", U"调增", U"调减"}) {
        if (contains(clause, word)) {
            return Period::AdjustedBudget;
        }
    }
    // 一般公共预算 names a fund, not a budget figure: only 预算 followed by what makes it one.
    for (std::u32string_view word :
         {U"年初预算", U"预算为", U"预算数", U"预算安排", U"预算金额", U"预算是"}) {
        if (contains(clause, word)) {
            return Period::OriginalBudget;
        }
    }
    // "因公出国（境）费预算2.00万元": 预算 just before the figure, unless it ends a fund's name.
    std::u32string_view tail = clause;
    while (!tail.empty() && (is_space(tail.back()) || tail.back() == U'为')) {
        tail.remove_suffix(1);
    }
    const auto ends = [&tail](std::u32string_view word) {
        return tail.size() >= word.size() && tail.substr(tail.size() - word.size()) == word;
    };
    if (ends(U"预算") && !ends(U"公共预算") && !ends(U"基金预算") && !ends(U"经营预算")) {
        return Period::OriginalBudget;
    }
    return std::nullopt;
}

// A comparison with the year's budget rather than with last year (比年初预算, 与预算相比).
bool against_budget(std::u32string_view text) {
    for (std::u32string_view word : {U"比年初预算", U"比全年预算", U"比预算", U"较年初预算",
                                     U"较预算", U"预算相比", U"与年初预算", U"与全年预算",
                                     U"与预算", U"同预算"}) {
        if (contains(text, word)) {
            return true;
        }
    }
    return false;
}

// Years printed in a clause: "2025年当年预算执行数" in a 2026 document is last year's execution.
Period period_of(std::u32string_view clause, int year, bool final_accounts) {
    std::optional<int> printed;
    for (std::size_t at = 0; at + 4 < clause.size(); ++at) {
        if (is_digit(clause[at]) && is_digit(clause[at + 1]) && is_digit(clause[at + 2]) &&
            is_digit(clause[at + 3]) && (at == 0 || !is_digit(clause[at - 1]))) {
            std::size_t end = at + 4;
            while (end < clause.size() && is_space(clause[end])) {
                ++end;
            }
            if (end < clause.size() && clause[end] == U'年') {
                printed =
                    static_cast<int>((clause[at] - U'0') * 1000 + (clause[at + 1] - U'0') * 100 +
                                     (clause[at + 2] - U'0') * 10 + (clause[at + 3] - U'0'));
            }
        }
    }
    const bool execution =
        contains(clause, U"执行数") || contains(clause, U"预算执行") || contains(clause, U"决算");
    // 上年结转 is money carried over into this year, not a figure of last year.
    bool last_year = false;
    for (std::size_t at = clause.find(U"上年"); at != std::u32string_view::npos;
         at = clause.find(U"上年", at + 1)) {
        const std::u32string_view after = clause.substr(at + 2, 2);
        last_year = last_year || (after != U"结转" && after != U"结余");
    }
    const bool prior = last_year || (printed && year != 0 && *printed < year);
    if (final_accounts) {
        // A 决算 compares its outturn with last year's outturn, and with this year's budget.
        if (prior) {
            return Period::PriorYearExecution;
        }
        if (!contains(clause, U"决算")) {
            if (const auto budget = budget_named(clause)) {
                return *budget;
            }
        }
        return Period::BudgetYear;
    }
    if (prior || (execution && !printed)) {
        return execution ? Period::PriorYearExecution : Period::PriorYearBudget;
    }
    return Period::BudgetYear;
}

// Subjects named in a text: "一般公共服务支出(类)统计信息事务(款)专项普查活动(项)",
// "公共安全支出(204类)司法(06款)", "“社会保障和就业支出-行政事业单位养老支出-行政单位离退休”科目".
std::vector<SubjectMention> mentions_in(std::u32string_view clause) {
    std::vector<SubjectMention> out;
    std::size_t name_start = 0;
    auto name_break = [](char32_t c) {
        return c == U'“' || c == U'”' || c == U'"' || c == U'、' || c == U',' || c == U':' ||
               c == U'\n' || c == U'。' || c == U';';
    };
    for (std::size_t i = 0; i < clause.size(); ++i) {
        if (name_break(clause[i])) {
            name_start = i + 1;
            continue;
        }
        if (clause[i] != U'(') {
            continue;
        }
        const std::size_t close = clause.find(U')', i);
        if (close == std::u32string_view::npos || close - i > 8) {
            continue;
        }
        const std::u32string_view inner = clause.substr(i + 1, close - i - 1);
        if (inner.empty()) {
            continue;
        }
        const char32_t marker = inner.back();
        const int level = marker == U'类' ? 1 : (marker == U'款' ? 2 : (marker == U'项' ? 3 : 0));
        const std::u32string_view digits = inner.substr(0, inner.size() - 1);
        if (level == 0 || !std::all_of(digits.begin(), digits.end(), is_digit)) {
            continue;
        }
        const std::u32string_view name = clause.substr(name_start, i - name_start);
        SubjectMention mention;
        mention.name = split_label(encode_utf8(name)).key;  // numbering before it is not its name
        mention.level = level;
        mention.code = encode_utf8(digits);
        out.push_back(std::move(mention));
        i = close;
        name_start = close + 1;
    }
    if (!out.empty()) {
        return out;
    }
    // A path of names joined by "-": each step one level deeper.
    if (contains(clause, U"-")) {
        std::u32string_view rest = clause;
        const auto open = rest.find(U'“');
        const auto shut = rest.find(U'”');
        if (open != std::u32string_view::npos && shut != std::u32string_view::npos && shut > open) {
            rest = rest.substr(open + 1, shut - open - 1);
        } else if (const auto subject = rest.find(U"科目"); subject != std::u32string_view::npos) {
            rest = rest.substr(0, subject);
        }
        std::vector<std::u32string_view> steps;
        std::size_t from = 0;
        for (std::size_t i = 0; i <= rest.size(); ++i) {
            if (i == rest.size() || rest[i] == U'-') {
                steps.push_back(rest.substr(from, i - from));
                from = i + 1;
            }
        }
        if (steps.size() >= 2 && steps.size() <= 3 &&
            std::none_of(steps.begin(), steps.end(),
                         [](std::u32string_view step) { return step.empty(); })) {
            for (std::size_t k = 0; k < steps.size(); ++k) {
                SubjectMention mention;
                mention.name = split_label(encode_utf8(steps[k])).key;
                mention.level = static_cast<int>(k) + 1;
                out.push_back(std::move(mention));
            }
        }
    }
    return out;
}

struct Sentence {
    std::size_t begin = 0;
    std::size_t end = 0;  // after its 。 or at its line break
    std::size_t line = 0;
};

struct Line {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::optional<Numbering> numbering;
};

// 收、支总计 and 收入、支出预算总计 name the two sides together: their 、 joins, it does not end a
// clause.
bool joins_the_sides(std::u32string_view t, std::size_t comma) {
    const std::u32string_view before = t.substr(0, comma);
    const std::u32string_view after = t.substr(comma + 1);
    const auto ends = [&](std::u32string_view w) {
        return before.size() >= w.size() && before.substr(before.size() - w.size()) == w;
    };
    return (ends(U"收") && after.substr(0, 1) == U"支") ||
           (ends(U"收入") && after.substr(0, 2) == U"支出");
}

std::size_t clause_start(std::u32string_view t, std::size_t sentence_begin, std::size_t at) {
    std::size_t start = at;
    while (start > sentence_begin &&
           (!is_clause_end(t[start - 1]) ||
            (t[start - 1] == U'、' && joins_the_sides(t, start - 1)))) {
        --start;
    }
    return start;
}

// The words that open an explanation: a figure after them, up to the next ；, explains a change,
// it does not report a line of the budget (主要原因是…, 原因一是…, 主要用于…).
bool explains(std::u32string_view before_in_sentence) {
    const auto semicolon = before_in_sentence.rfind(U';');
    const std::u32string_view group = semicolon == std::u32string_view::npos
                                          ? before_in_sentence
                                          : before_in_sentence.substr(semicolon + 1);
    for (std::u32string_view word : {U"原因", U"主要用于", U"主要包括", U"具体包括"}) {
        if (contains(group, word)) {
            return true;
        }
    }
    // "主要原因一是…；二是…；三是…": the reasons go on after the ；.
    std::size_t lead = 0;
    while (lead < group.size() && (is_space(group[lead]) || group[lead] == U'\n')) {
        ++lead;
    }
    const std::u32string_view opening = group.substr(lead, 2);
    const bool enumerated =
        opening.size() == 2 && opening[1] == U'是' &&
        std::u32string_view(U"一二三四五六七八九").find(opening[0]) != std::u32string_view::npos;
    return enumerated && contains(before_in_sentence, U"原因");
}

// Whether a text explains a change: the words that give a reason or a use.
bool gives_reason(std::u32string_view text) {
    for (std::u32string_view word : {U"原因", U"由于", U"因为", U"用于", U"主要是", U"所致",
                                     U"导致", U"系", U"是因", U"部分为", U"因新增", U"因增加",
                                     U"因减少"}) {
        if (contains(text, word)) {
            return true;
        }
    }
    return false;
}

// Items of a list printed after 分别为 or a colon, up to the end of the sentence. A list whose
// items carry figures of their own is a breakdown, not a list to count.
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
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (is_digit(list[i]) && read_number(list, i)) {
            return {};  // 部级领导干部用车0辆、…: figures, not names
        }
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

// Parts that name the two sides (（一）收入预算总计 …（二）支出预算总计): both equal the whole,
// they do not add up to it.
bool sides_not_parts(const std::vector<Claim>& claims, const std::vector<int>& parts) {
    bool income = false;
    bool spending = false;
    for (int part : parts) {
        const std::string& subject = claims[static_cast<std::size_t>(part)].subject;
        income = income || subject.find("收入") != std::string::npos;
        spending = spending || subject.find("支出") != std::string::npos;
    }
    return income && spending;
}

class Extractor {
  public:
    Extractor(const TextSection& section, std::string_view block, int year, bool final_accounts)
        : section_(section),
          year_(year),
          final_accounts_(final_accounts),
          original_(decode_utf8(section.text)),
          folded_(folded(original_)),
          t_(folded_) {
        where_.block = std::string(block);
        where_.heading = section.heading;
        where_.location = section.text_source;
        split();
    }

    static std::u32string folded(std::u32string text) {
        for (char32_t& c : text) {
            c = fold_width(c);
        }
        return text;
    }

    std::vector<Claim> run() {
        for (std::size_t si = 0; si < sentences_.size(); ++si) {
            sentence_first_.push_back(claims_.size());
            scan_sentence(si);
        }
        sentence_first_.push_back(claims_.size());
        find_breakdowns();
        link_shares();
        for (Claim& claim : claims_) {
            claim.source.location =
                locate_in_string(section_.text_source, section_.raw, claim.offset);
            claim.source.context = context_of(claim.offset);
        }
        return std::move(claims_);
    }

  private:
    void split() {
        std::size_t begin = 0;
        for (std::size_t i = 0; i <= t_.size(); ++i) {
            if (i == t_.size() || t_[i] == U'\n') {
                Line line;
                line.begin = begin;
                line.end = i;
                std::size_t first = begin;
                while (first < i && is_space(t_[first])) {
                    ++first;
                }
                line.numbering =
                    split_label(encode_utf8(t_.substr(first, std::min<std::size_t>(i - first, 8))))
                        .numbering;
                lines_.push_back(line);
                begin = i + 1;
            }
        }
        for (std::size_t l = 0; l < lines_.size(); ++l) {
            std::size_t begin_s = lines_[l].begin;
            for (std::size_t i = lines_[l].begin; i < lines_[l].end; ++i) {
                if (t_[i] == U'。') {
                    sentences_.push_back({begin_s, i + 1, l});
                    begin_s = i + 1;
                }
            }
            if (begin_s < lines_[l].end) {
                sentences_.push_back({begin_s, lines_[l].end, l});
            }
        }
        // The depth of each numbering style, in the order the text first uses them.
        for (const Line& line : lines_) {
            if (line.numbering && style_depth_.find(line.numbering->style) == style_depth_.end()) {
                const int depth = static_cast<int>(style_depth_.size());
                style_depth_[line.numbering->style] = depth;
            }
        }
    }

    // Whether the words between two figures only separate them (、, 和, spaces).
    static bool only_separators(std::u32string_view clause) {
        return std::all_of(clause.begin(), clause.end(), [](char32_t c) {
            return is_space(c) || c == U'、' || c == U'和' || c == U'及' || c == U',';
        });
    }

    Claim make(ClaimKind kind, const Sentence& s, std::size_t at) const {
        Claim claim;
        claim.kind = kind;
        claim.source = where_;
        claim.source.sentence =
            trim(encode_utf8(std::u32string_view(original_).substr(s.begin, s.end - s.begin)));
        claim.offset = at;
        return claim;
    }

    int latest_amount(std::size_t before, bool money_only) const {
        for (std::size_t k = before; k-- > 0;) {
            const Claim& c = claims_[k];
            if ((c.kind == ClaimKind::Amount || c.kind == ClaimKind::Count) &&
                (!money_only || is_money(c.unit))) {
                return static_cast<int>(k);
            }
        }
        return -1;
    }

    // The subject path a claim names: its own words, under the subjects named above it at
    // shallower levels ("（一）公共安全（类）" over "1．法院（款）行政运行（项）"), or, when its
    // words name none, the subject named earlier on its own line (one numbered item).
    std::vector<SubjectMention> path_for(const std::vector<SubjectMention>& own,
                                         std::size_t line) const {
        std::vector<SubjectMention> path = own;
        if (!path.empty() && path.front().level > 1) {
            std::vector<SubjectMention> prefix;
            for (const SubjectMention& above : heading_path_) {
                if (above.level < path.front().level) {
                    prefix.push_back(above);
                }
            }
            path.insert(path.begin(), prefix.begin(), prefix.end());
        }
        if (path.empty() && static_cast<int>(line) == item_line_) {
            path = item_path_;
        }
        return path;
    }

    // A line that names subjects is what the lines below it stand under, at those levels.
    void remember_heading(const std::vector<SubjectMention>& named) {
        if (named.empty()) {
            return;
        }
        std::vector<SubjectMention> merged;
        for (const SubjectMention& above : heading_path_) {
            if (above.level > 0 && above.level < named.front().level) {
                merged.push_back(above);
            }
        }
        merged.insert(merged.end(), named.begin(), named.end());
        heading_path_ = std::move(merged);
    }

    void scan_sentence(std::size_t si) {
        const Sentence& s = sentences_[si];
        // A new line: the subjects it names head what follows; its claims share its subject.
        if (s.begin == lines_[s.line].begin) {
            item_line_ = static_cast<int>(s.line);
            item_path_.clear();
            const std::u32string_view line_text =
                t_.substr(lines_[s.line].begin, lines_[s.line].end - lines_[s.line].begin);
            bool figures = false;
            for (std::size_t i = 0; i < line_text.size() && !figures; ++i) {
                figures = is_digit(line_text[i]) && read_number(line_text, i).has_value();
            }
            if (!figures) {
                remember_heading(mentions_in(line_text));
            }
        }
        std::size_t i = s.begin;
        while (i < s.end) {
            if (final_accounts_ && outturn_against_budget(s, i)) {
                ++i;
                continue;
            }
            // 与…持平 / 与…相同: a change of zero, stated without a figure.
            for (std::u32string_view word : {U"持平", U"相同", U"一致"}) {
                if (t_.substr(i, word.size()) == word) {
                    const std::size_t start = clause_start(t_, s.begin, i);
                    const std::u32string_view clause = t_.substr(start, i - start);
                    if (contains(clause, U"与") || contains(clause, U"比") || word == U"持平") {
                        Claim claim = make(ClaimKind::Change, s, i);
                        claim.printed = encode_utf8(word);
                        claim.direction = 0;
                        claim.basis = final_accounts_ || contains(clause, U"执行")
                                          ? Period::PriorYearExecution
                                          : Period::PriorYearBudget;
                        if (final_accounts_ && against_budget(clause)) {
                            claim.basis = Period::OriginalBudget;  // 与年初预算持平
                        }
                        claim.of_claim = latest_amount(claims_.size(), true);
                        claim.subject =
                            claim.of_claim >= 0
                                ? claims_[static_cast<std::size_t>(claim.of_claim)].subject
                                : "";
                        claims_.push_back(std::move(claim));
                    }
                }
            }
            const auto number = is_digit(t_[i]) ? read_number(t_, i) : std::nullopt;
            if (!number) {
                ++i;
                continue;
            }
            add_claim(si, *number);
            i = number->end;
        }
    }

    // The budget figure quoted last on the sentence's line and the outturn quoted after it
    // (年初预算为X万元，支出决算为Y万元): the pair a completion rate or a 大于/小于 speaks of.
    // Either is -1 when the line does not quote them in that order.
    std::pair<int, int> budget_and_outturn(std::size_t line,
                                           Period named = Period::BudgetYear) const {
        int budget = -1;
        for (std::size_t k = claims_.size(); k-- > 0;) {
            const Claim& c = claims_[k];
            if (line_of(c.offset) != line) {
                break;
            }
            if (c.kind == ClaimKind::Amount && is_money(c.unit) &&
                (c.period == Period::OriginalBudget || c.period == Period::FullYearBudget)) {
                if (named != Period::BudgetYear && c.period != named) {
                    return {-1, -1};  // 全年预算为…，完成年初预算的…: not the budget it names
                }
                budget = static_cast<int>(k);
                break;
            }
        }
        if (budget < 0) {
            return {-1, -1};
        }
        for (std::size_t k = static_cast<std::size_t>(budget) + 1; k < claims_.size(); ++k) {
            const Claim& c = claims_[k];
            if (c.kind == ClaimKind::Amount && is_money(c.unit) && c.period == Period::BudgetYear) {
                return {budget, static_cast<int>(k)};
            }
        }
        return {budget, -1};
    }

    // 决算数大于/小于/等于预算数, 决算数与预算数(基本)持平: a direction stated in words, recorded
    // as a change against the year's budget. True when one starts at `i`.
    bool outturn_against_budget(const Sentence& s, std::size_t i) {
        static constexpr std::pair<std::u32string_view, int> words[] = {
            {U"大于", 1}, {U"高于", 1}, {U"超过", 1}, {U"多于", 1}, {U"小于", -1},
            {U"低于", -1}, {U"少于", -1}, {U"等于", 0}, {U"持平", 0}};
        for (const auto& [word, direction] : words) {
            if (t_.substr(i, word.size()) != word) {
                continue;
            }
            const std::size_t start = clause_start(t_, s.begin, i);
            const std::u32string_view before = t_.substr(start, i - start);
            const std::u32string_view after = t_.substr(i + word.size(), 4);
            const bool against_budget =
                direction == 0 ? contains(before, U"预算") : after.substr(0, 2) == U"预算" ||
                                                                 after.substr(0, 4) == U"年初预算";
            if (!contains(before, U"决算") || !against_budget || contains(before, U"年度")) {
                return false;
            }
            Claim claim = make(ClaimKind::Change, s, i);
            claim.printed = encode_utf8(word);
            claim.direction = direction;
            claim.basis = Period::OriginalBudget;
            claim.words_only = true;
            claim.in_reason = false;
            claim.reason_given = reason_near(s);
            const auto [budget, outturn] = budget_and_outturn(s.line);
            claim.prior_claim = budget;
            claim.of_claim = outturn;
            claim.subject = outturn >= 0 ? claims_[static_cast<std::size_t>(outturn)].subject
                                         : encode_utf8(before);
            claims_.push_back(std::move(claim));
            return true;
        }
        return false;
    }

    // "“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元": an outturn whose own
    // words name nothing but 决算 is the outturn of what the budget before it named.
    void name_outturn_by_budget(Claim& claim, std::size_t sentence_claims) const {
        if (claim.period != Period::BudgetYear) {
            return;
        }
        std::string words = claim.subject;
        for (std::string_view drop : {"支出决算数", "支出决算", "决算数", "决算", "支出", "实际"}) {
            if (words.size() >= drop.size() && words.compare(0, drop.size(), drop) == 0) {
                words.erase(0, drop.size());
            }
        }
        if (!words.empty()) {
            return;
        }
        for (std::size_t k = claims_.size(); k-- > sentence_claims;) {
            const Claim& c = claims_[k];
            if (c.kind != ClaimKind::Amount || !is_money(c.unit)) {
                continue;
            }
            if (c.period != Period::OriginalBudget && c.period != Period::FullYearBudget) {
                return;
            }
            std::string named = c.subject;
            for (std::string_view drop : {"年初预算数", "年初预算", "全年预算数", "全年预算",
                                          "预算数", "预算"}) {
                if (const auto at = named.rfind(drop);
                    at != std::string::npos && at + drop.size() == named.size()) {
                    named.erase(at);
                    break;
                }
            }
            if (!named.empty()) {
                claim.subject = named;
            }
            return;
        }
    }

    // Whether the section explains a change from its sentence on: a summary change is often
    // explained under its items (其中：… 主要原因是…) or a paragraph later, so anything short of
    // the section's end is too near to say no reason is given.
    bool reason_near(const Sentence& /*s*/) const {
        return gives_reason(t_);  // before the change (因…，增加) or after it
    }

    std::size_t line_of(std::size_t offset) const {
        for (std::size_t l = 0; l < lines_.size(); ++l) {
            if (offset >= lines_[l].begin && offset < lines_[l].end) {
                return l;
            }
        }
        return lines_.size();
    }

    // Whether a completion rate was already quoted for the outturn claim `outturn`.
    bool completion_after(std::size_t outturn) const {
        for (std::size_t k = outturn + 1; k < claims_.size(); ++k) {
            if (claims_[k].completion) {
                return true;
            }
        }
        return false;
    }

    int latest_outturn() const {
        for (std::size_t k = claims_.size(); k-- > 0;) {
            const Claim& c = claims_[k];
            if (c.kind == ClaimKind::Amount && is_money(c.unit) && c.period == Period::BudgetYear) {
                return static_cast<int>(k);
            }
        }
        return -1;
    }

    void add_claim(std::size_t si, const Number& number) {
        const Sentence& s = sentences_[si];
        std::size_t start = clause_start(t_, s.begin, number.begin);
        // "上年:25.77万元": a figure right after a colon is named by the words before it.
        std::size_t blank = start;
        while (blank < number.begin && is_space(t_[blank])) {
            ++blank;
        }
        if (blank == number.begin && start > s.begin && t_[start - 1] == U':') {
            start = clause_start(t_, s.begin, start - 1);
        }
        const std::u32string_view clause = t_.substr(start, number.begin - start);
        const std::u32string_view before_in_sentence = t_.substr(s.begin, number.begin - s.begin);
        const std::size_t sentence_claims = sentence_first_.back();
        Claim claim;
        if (number.unit == "%") {
            if (final_accounts_ && contains(clause, U"完成") && contains(clause, U"预算")) {
                // 完成年初预算的98.20%: the outturn as a share of the budget quoted before it.
                claim = make(ClaimKind::Share, s, number.begin);
                claim.completion = true;
                // The budget the rate names (完成全年预算 / 完成年初预算), BudgetYear when none.
                claim.basis = contains(clause, U"全年预算") || contains(clause, U"调整后")
                                  ? Period::FullYearBudget
                              : contains(clause, U"年初预算") ? Period::OriginalBudget
                                                              : Period::BudgetYear;
                const auto [budget, outturn] = budget_and_outturn(s.line, claim.basis);
                if (budget >= 0 && outturn >= 0 &&
                    !completion_after(static_cast<std::size_t>(outturn))) {
                    claim.whole = budget;
                    claim.part = outturn;
                } else {
                    claim.part = latest_outturn();
                }
            } else if (respective_sentence_ == si && respective_next_ < respective_parts_.size() &&
                       only_separators(clause)) {
                // "分别占44.46%、55.54%": the next share is of the next figure of the list.
                claim = make(ClaimKind::Share, s, number.begin);
                claim.part = respective_parts_[respective_next_++];
                claim.whole_words = respective_whole_;
            } else if (contains(clause, U"占")) {
                claim = make(ClaimKind::Share, s, number.begin);
                claim.part = latest_amount(claims_.size(), false);
                const std::size_t at = clause.rfind(U'占');
                std::u32string whole(clause.substr(at + 1));
                for (std::u32string_view drop :
                     {U"为", U"的比重", U"的比例", U"比重", U"比例", U"的"}) {
                    if (whole.size() >= drop.size() &&
                        whole.compare(whole.size() - drop.size(), drop.size(), drop) == 0) {
                        whole.erase(whole.size() - drop.size());
                    }
                }
                // 占比12.5%: a share of what its part is listed under, no whole named.
                if (whole.starts_with(U"比")) {
                    whole.erase(0, 1);
                }
                claim.whole_words = label_key(encode_utf8(whole));
                // "X和Y分别为A万元、B万元，分别占a%、b%": each share is of its own figure of the
                // list, in order, not all of the last one.
                if (contains(clause, U"分别")) {
                    const std::size_t listed = before_in_sentence.rfind(U"分别为");
                    std::vector<int> parts;
                    if (listed != std::u32string_view::npos) {
                        for (std::size_t k = sentence_claims; k < claims_.size(); ++k) {
                            const Claim& c = claims_[k];
                            if (c.kind == ClaimKind::Amount && is_money(c.unit) &&
                                c.offset >= s.begin + listed) {
                                parts.push_back(static_cast<int>(k));
                            }
                        }
                    }
                    if (parts.size() >= 2) {
                        claim.part = parts.front();
                        respective_parts_ = std::move(parts);
                        respective_next_ = 1;
                        respective_sentence_ = si;
                        respective_whole_ = claim.whole_words;
                    }
                }
            } else if (mentions_change(clause)) {
                claim = make(ClaimKind::Change, s, number.begin);
                claim.is_rate = true;
                claim.direction = direction_of(clause);
            } else {
                claim = make(ClaimKind::Amount, s, number.begin);
            }
        } else if (is_money(number.unit) && mentions_change(clause) &&
                   (contains(before_in_sentence, U"比") || contains(before_in_sentence, U"较") ||
                    contains(before_in_sentence, U"相比"))) {
            claim = make(ClaimKind::Change, s, number.begin);
            claim.direction = direction_of(clause);
        } else if (is_money(number.unit)) {
            claim = make(ClaimKind::Amount, s, number.begin);
        } else {
            claim = make(ClaimKind::Count, s, number.begin);
        }
        claim.value = number.value;
        claim.decimals = number.decimals;
        claim.unit = number.unit;
        claim.printed = number.printed;
        claim.subject = subject_of(clause);
        claim.in_reason = explains(before_in_sentence);
        if (claim.kind == ClaimKind::Share && claim.part >= 0) {
            claim.subject = claims_[static_cast<std::size_t>(claim.part)].subject + "占比";
        }
        if (claim.kind == ClaimKind::Amount || claim.kind == ClaimKind::Count) {
            claim.period = period_of(clause, year_, final_accounts_);
            if (final_accounts_ && claim.kind == ClaimKind::Amount) {
                name_outturn_by_budget(claim, sentence_claims);
            }
            std::vector<SubjectMention> own;
            if (claim.kind == ClaimKind::Amount) {
                own = mentions_in(clause);
                if (own.empty() && item_path_.empty()) {
                    // "行政事业单位离退休（款）：2018 年预算支出合计1,836.22 万元": named before
                    // the colon that introduces its figure.
                    own = mentions_in(
                        t_.substr(lines_[s.line].begin, number.begin - lines_[s.line].begin));
                }
            }
            claim.path = path_for(own, s.line);
            if (!own.empty()) {
                remember_heading(claim.path);
                if (item_path_.empty()) {
                    item_path_ = claim.path;
                }
            }
        }
        if (claim.kind == ClaimKind::Change) {
            link_change(claim, sentence_claims, clause, before_in_sentence, s.line);
            claim.reason_given = reason_near(s);
        }
        if (claim.kind == ClaimKind::Count) {
            claim.noun = noun_of(t_, number, claim.subject);
            claim.items = list_after(t_, number.end, s.end);
            claim.listed = claim.items.empty() ? -1 : static_cast<int>(claim.items.size());
        }
        claims_.push_back(std::move(claim));
    }

    void link_change(Claim& claim, std::size_t sentence_claims, std::u32string_view clause,
                     std::u32string_view before_in_sentence, std::size_t line) {
        const auto than = before_in_sentence.rfind(U'比');
        const std::u32string_view basis =
            than == std::u32string_view::npos ? clause : before_in_sentence.substr(than);
        claim.basis = final_accounts_ || contains(basis, U"执行") || contains(basis, U"决算")
                          ? Period::PriorYearExecution
                          : Period::PriorYearBudget;
        if (final_accounts_ && (against_budget(before_in_sentence.substr(
                                    than == std::u32string_view::npos || than < 8 ? 0 : than - 8)) ||
                                budget_named(basis) == Period::OriginalBudget) &&
            !contains(basis, U"年度") && !contains(basis, U"上年")) {
            // 决算数比年初预算减少…: against the year's budget, not last year.
            claim.basis = Period::OriginalBudget;
        }
        // What changed: the budget-year figure quoted before it (in this sentence first), or the
        // figure named before 比 ("本年预算比2023年当年预算增加…").
        int current = -1;
        int prior = -1;
        for (std::size_t k = claims_.size(); k-- > sentence_claims;) {
            const Claim& c = claims_[k];
            if (c.kind != ClaimKind::Amount || !is_money(c.unit)) {
                continue;
            }
            if (c.period == Period::BudgetYear && current < 0) {
                current = static_cast<int>(k);
            } else if (c.period != Period::BudgetYear && prior < 0) {
                prior = static_cast<int>(k);
            }
        }
        claim.of_claim = current >= 0 ? current : latest_amount(claims_.size(), true);
        claim.prior_claim = current >= 0 ? prior : -1;
        // "年初预算为X万元，支出决算为Y万元，…。决算数比年初预算增加Z万元": the budget and the
        // outturn the change is between were quoted in the sentence before, on the same line.
        if (claim.basis == Period::OriginalBudget && claim.prior_claim < 0) {
            const std::optional<Period> named_budget = budget_named(basis);
            const auto [budget, outturn] =
                budget_and_outturn(line, named_budget.value_or(Period::BudgetYear));
            if (budget >= 0 && outturn >= 0 && outturn == claim.of_claim) {
                claim.prior_claim = budget;
            }
        }
        const std::size_t than_in_clause = clause.find(U'比');
        const std::string named = than_in_clause == std::u32string_view::npos
                                      ? std::string()
                                      : subject_of(clause.substr(0, than_in_clause));
        if (!named.empty()) {
            for (std::size_t k = claims_.size(); k-- > 0;) {
                if (claims_[k].kind == ClaimKind::Amount &&
                    claims_[k].subject.find(named) != std::string::npos) {
                    claim.of_claim = static_cast<int>(k);
                    break;
                }
            }
        }
        if (claim.of_claim >= 0) {
            claim.subject = claims_[static_cast<std::size_t>(claim.of_claim)].subject;
        }
        // A rate quoted with the change amount it is the rate of: 增加4016.19万元，增长12.11%.
        if (claim.is_rate) {
            for (std::size_t k = claims_.size(); k-- > sentence_claims;) {
                const Claim& c = claims_[k];
                if (c.kind == ClaimKind::Change && !c.is_rate && c.printed != "持平" &&
                    c.of_claim == claim.of_claim) {
                    claim.amount_change = static_cast<int>(k);
                    break;
                }
            }
        }
    }

    bool part_like(const Claim& whole, const Claim& c) const {
        return (c.kind == ClaimKind::Amount || c.kind == ClaimKind::Count) &&
               c.unit == whole.unit && !c.in_reason && c.period == whole.period;
    }

    // How deep inside parentheses a position of a sentence is.
    int depth_at(std::size_t sentence_begin, std::size_t at) const {
        int depth = 0;
        for (std::size_t i = sentence_begin; i < at && i < t_.size(); ++i) {
            depth += t_[i] == U'(' ? 1 : (t_[i] == U')' ? -1 : 0);
        }
        return std::max(depth, 0);
    }

    // The claims of a sentence, by index.
    std::pair<std::size_t, std::size_t> claims_of(std::size_t si) const {
        return {sentence_first_[si], sentence_first_[si + 1]};
    }

    // The first figure of each numbered line after `line` in the same list: lines numbered in the
    // style of the first one; deeper lists and unnumbered lines inside items are skipped; a
    // shallower numbering ends the list.
    std::vector<int> listed_parts(std::size_t line, const Claim& whole) const {
        std::vector<int> parts;
        std::optional<NumberingStyle> style;
        if (line + 1 < lines_.size() && !lines_[line + 1].numbering) {
            return unnumbered_parts(line, whole);
        }
        for (std::size_t l = line + 1; l < lines_.size(); ++l) {
            const Line& next = lines_[l];
            if (!style) {
                style = next.numbering->style;
            }
            if (!next.numbering) {
                continue;
            }
            if (style_depth_.at(next.numbering->style) < style_depth_.at(*style)) {
                break;
            }
            if (next.numbering->style != *style) {
                continue;
            }
            int first = -1;
            for (std::size_t si = 0; si < sentences_.size() && first < 0; ++si) {
                if (sentences_[si].line != l) {
                    continue;
                }
                const auto [from, to] = claims_of(si);
                for (std::size_t k = from; k < to; ++k) {
                    if (part_like(whole, claims_[k])) {
                        first = static_cast<int>(k);
                        break;
                    }
                }
            }
            if (first < 0) {
                return {};  // an item that quotes no figure: the list is not a breakdown
            }
            parts.push_back(first);
        }
        return parts;
    }

    // The first claim of a line, when the line opens with it (its words, then its figure).
    int opening_claim(std::size_t l) const {
        for (std::size_t si = 0; si < sentences_.size(); ++si) {
            if (sentences_[si].line == l) {
                const auto [from, to] = claims_of(si);
                return from < to ? static_cast<int>(from) : -1;
            }
        }
        return -1;
    }

    // Unnumbered lines below "其中：", each opening with one part ("基本支出 21968 万元，占
    // 59.07%；"), up to the first line that does not.
    std::vector<int> unnumbered_parts(std::size_t line, const Claim& whole) const {
        std::vector<int> parts;
        for (std::size_t l = line + 1; l < lines_.size() && !lines_[l].numbering; ++l) {
            const int first = opening_claim(l);
            if (first < 0 || !part_like(whole, claims_[static_cast<std::size_t>(first)])) {
                break;
            }
            parts.push_back(first);
        }
        return parts;
    }

    void find_breakdowns() {
        std::vector<Claim> found;
        std::vector<bool> is_part(claims_.size(), false);
        for (std::size_t si = 0; si < sentences_.size(); ++si) {
            const Sentence& s = sentences_[si];
            const auto [first, last] = claims_of(si);
            struct Marker {
                std::size_t at;
                std::size_t after;  // where the parts start
                int whole;          // -1: the figure before it; -2: none
            };
            std::vector<Marker> markers;
            for (std::u32string_view word : {U"其中", U"包括"}) {
                for (std::size_t at = t_.find(word, s.begin);
                     at != std::u32string_view::npos && at < s.end; at = t_.find(word, at + 1)) {
                    // 主要包括：基本工资、奖金… lists kinds of spending, not figures.
                    if (word == U"包括" && at >= 2 &&
                        (t_.substr(at - 2, 2) == U"主要" || t_.substr(at - 2, 2) == U"具体")) {
                        continue;
                    }
                    markers.push_back({at, at + word.size(), -1});
                }
            }
            // "本年收入中，…": the sentence opens with what it breaks down; when no figure of that
            // name is quoted (本部门中，行政单位1家…) there is no whole to check against.
            std::size_t open = s.begin;
            while (open < s.end && (is_space(t_[open]) || t_[open] == U'\n')) {
                ++open;
            }
            const auto in_at = t_.substr(open, s.end - open).find(U"中,");
            // (其中，… is the marker above, not "X中，" with X = 其.)
            if (in_at != std::u32string_view::npos && in_at > 0 && in_at < 12 &&
                t_[open + in_at - 1] != U'其' &&
                std::none_of(t_.begin() + static_cast<std::ptrdiff_t>(open),
                             t_.begin() + static_cast<std::ptrdiff_t>(open + in_at), is_digit)) {
                const std::string named = split_label(encode_utf8(t_.substr(open, in_at))).key;
                int whole = -2;
                for (std::size_t k = first; k-- > 0;) {
                    if ((claims_[k].kind == ClaimKind::Amount ||
                         claims_[k].kind == ClaimKind::Count) &&
                        !named.empty() && claims_[k].subject.find(named) != std::string::npos) {
                        whole = static_cast<int>(k);
                        break;
                    }
                }
                markers.push_back({open + in_at, open + in_at + 2, whole});
            }
            std::sort(markers.begin(), markers.end(),
                      [](const Marker& a, const Marker& b) { return a.at < b.at; });
            for (std::size_t m = 0; m < markers.size(); ++m) {
                const Marker& marker = markers[m];
                // Parts run to the next marker at the same depth: a 其中 inside parentheses
                // does not end the list of the one outside them.
                std::size_t next = s.end;
                for (std::size_t n = m + 1; n < markers.size(); ++n) {
                    if (depth_at(s.begin, markers[n].at) == depth_at(s.begin, marker.at)) {
                        next = markers[n].at;
                        break;
                    }
                }
                int whole = marker.whole;
                if (whole == -1 && depth_at(s.begin, marker.at) > 0) {
                    // "8013平方米（其中计容面积7998平方米…）": the figure before the parenthesis.
                    for (std::size_t k = last; k-- > first;) {
                        if (claims_[k].offset < marker.at &&
                            (claims_[k].kind == ClaimKind::Amount ||
                             claims_[k].kind == ClaimKind::Count)) {
                            whole = static_cast<int>(k);
                            break;
                        }
                    }
                }
                if (whole == -1) {
                    // The figure just before the marker, on its line (or the line before, when
                    // the marker opens its line).
                    std::size_t line_first = si;
                    while (line_first > 0 && sentences_[line_first - 1].line == s.line) {
                        --line_first;
                    }
                    if (sentences_[line_first].begin == s.begin && line_first > 0) {
                        --line_first;
                    }
                    const std::size_t from = sentence_first_[line_first];
                    for (std::size_t k = last; k-- > from;) {
                        const Claim& c = claims_[k];
                        const bool before = k < first || c.offset < marker.at;
                        if (before && (c.kind == ClaimKind::Amount || c.kind == ClaimKind::Count) &&
                            !c.in_reason && !is_part[k]) {
                            whole = static_cast<int>(k);
                            break;
                        }
                    }
                }
                if (whole < 0) {
                    continue;
                }
                const Claim& total = claims_[static_cast<std::size_t>(whole)];
                Claim breakdown = total;
                breakdown.kind = ClaimKind::Breakdown;
                breakdown.source.sentence = trim(
                    encode_utf8(std::u32string_view(original_).substr(s.begin, s.end - s.begin)));
                breakdown.whole = whole;
                breakdown.parts.clear();
                // A 其中 inside parentheses breaks down the figure before it up to the closing
                // parenthesis; one outside them does not reach into them.
                const int depth = depth_at(s.begin, marker.at);
                std::size_t end = next;
                if (depth > 0) {
                    for (std::size_t at = marker.at; at < next; ++at) {
                        if (depth_at(s.begin, at) < depth) {
                            end = at;
                            break;
                        }
                    }
                }
                for (std::size_t k = first; k < last; ++k) {
                    const std::size_t position = claims_[k].offset;
                    if (position > marker.at && position < end && static_cast<int>(k) != whole &&
                        depth_at(s.begin, position) == depth && part_like(total, claims_[k])) {
                        breakdown.parts.push_back(static_cast<int>(k));
                    }
                }
                // "其中：" ending its line: the parts are the figures of the numbered lines below.
                std::size_t after = marker.after;
                while (after < s.end && (t_[after] == U':' || is_space(t_[after]))) {
                    ++after;
                }
                const bool list_follows = after >= s.end || t_[after] == U'\n';
                if (breakdown.parts.empty() && list_follows) {
                    breakdown.parts = listed_parts(s.line, total);
                }
                if (breakdown.parts.empty() || sides_not_parts(claims_, breakdown.parts)) {
                    continue;
                }
                for (int part : breakdown.parts) {
                    is_part[static_cast<std::size_t>(part)] = true;
                    claims_[static_cast<std::size_t>(part)].part_of = whole;
                }
                found.push_back(std::move(breakdown));
            }
        }
        for (Claim& claim : found) {
            claims_.push_back(std::move(claim));
        }
    }

    // A share without a named whole is a share of the total its part is broken down from; with
    // no such total, the section's first figure is a guess (checked, never called wrong).
    void link_shares() {
        int first_money = -1;
        for (std::size_t k = 0; k < claims_.size() && first_money < 0; ++k) {
            if (claims_[k].kind == ClaimKind::Amount && is_money(claims_[k].unit)) {
                first_money = static_cast<int>(k);
            }
        }
        for (Claim& claim : claims_) {
            if (claim.kind != ClaimKind::Share || claim.part < 0 || !claim.whole_words.empty() ||
                claim.completion) {
                continue;
            }
            const int part_of = claims_[static_cast<std::size_t>(claim.part)].part_of;
            if (part_of >= 0) {
                claim.whole = part_of;
            } else if (first_money >= 0 && first_money != claim.part) {
                claim.whole = first_money;
                claim.whole_guessed = true;
            }
        }
    }

    // The nearest sub-heading above a position: a short line of its own that is not a sentence.
    std::string context_of(std::size_t offset) const {
        std::size_t line_end = t_.rfind(U'\n', offset);
        while (line_end != std::u32string_view::npos && line_end > 0) {
            const std::size_t line_begin = t_.rfind(U'\n', line_end - 1);
            const std::size_t from = line_begin == std::u32string_view::npos ? 0 : line_begin + 1;
            const std::u32string_view line = t_.substr(from, line_end - from);
            if (!line.empty() && line.size() <= 30 && line.back() != U'。' &&
                !contains(line, U"万元")) {
                return encode_utf8(std::u32string_view(original_).substr(from, line_end - from));
            }
            if (line_begin == std::u32string_view::npos) {
                break;
            }
            line_end = line_begin;
        }
        return {};
    }

    const TextSection& section_;
    int year_;
    bool final_accounts_;
    ClaimSource where_;
    std::u32string original_;
    std::u32string folded_;
    std::u32string_view t_;
    std::vector<Line> lines_;
    std::vector<Sentence> sentences_;
    std::map<NumberingStyle, int> style_depth_;
    std::vector<std::size_t> sentence_first_;
    // The figures of a 分别为 list whose shares follow (分别占a%、b%), and the next one to pair.
    std::vector<int> respective_parts_;
    std::size_t respective_next_ = 0;
    std::size_t respective_sentence_ = static_cast<std::size_t>(-1);
    std::string respective_whole_;
    std::vector<Claim> claims_;
    std::vector<SubjectMention> heading_path_;
    std::vector<SubjectMention> item_path_;
    int item_line_ = -1;
};

}  // namespace

std::vector<Claim> extract_claims(const TextSection& section, std::string_view block, int year,
                                  bool final_accounts) {
    return Extractor(section, block, year, final_accounts).run();
}

bool explains_a_change(std::string_view text) {
    return gives_reason(decode_utf8(text));
}

std::vector<Claim> extract_claims(const Document& document) {
    const bool final_accounts = is_final_accounts(document.kind);
    std::vector<Claim> out;
    auto add = [&out](std::vector<Claim> found) {
        const int base = static_cast<int>(out.size());
        for (Claim& claim : found) {
            for (int* index : {&claim.part, &claim.whole, &claim.of_claim, &claim.amount_change,
                               &claim.prior_claim, &claim.part_of}) {
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
        add(extract_claims(section, "profile", document.year, final_accounts));
    }
    for (const Table& table : document.tables) {
        for (const TextSection& note : table.note_sources) {
            add(extract_claims(note, "notes", document.year, final_accounts));
        }
    }
    for (const TextSection& section : document.narrative) {
        add(extract_claims(section, "narrative", document.year, final_accounts));
    }
    return out;
}

}  // namespace budgetcheck
