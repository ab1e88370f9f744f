// The words of a disclosure, apart from its figures: text a template left for the writer to fill
// in (模板残留), and years that do not belong to the report.
//
// Every text is scanned with its width folded one code point for one code point, so an index
// into the folded text is an index into the printed one, and locate_in_string can turn it into
// the line:column of the character in the file.
#include <algorithm>
#include <array>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "families.hpp"

namespace budgetcheck::rules {

namespace {

// One text of the document and where it is: a TextSection when positions inside it are known,
// otherwise the cell's or header's own location.
struct Place {
    std::string_view text;
    std::string where;                     // the table title or section heading
    std::string row;                       // the row label, column header or "note" …
    const TextSection* located = nullptr;  // for positions inside the text
    SourceLocation source;                 // used when `located` is null
    bool prose = false;  // a sentence of the writer's (情况说明, 概况, 注) rather than a label
    int table_index = -1;
};

SourceLocation position(const Place& place, std::size_t index) {
    if (place.located != nullptr) {
        return locate_in_string(place.located->text_source, place.located->raw, index);
    }
    return place.source;
}

std::u32string folded(std::string_view text) {
    std::u32string out = decode_utf8(text);
    for (char32_t& c : out) {
        c = fold_width(c);
    }
    return out;
}

bool starts_with(std::u32string_view text, std::size_t at, std::u32string_view word) {
    return text.substr(at, word.size()) == word;
}

bool is_latin(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}
bool is_digit(char32_t c) {
    return c >= U'0' && c <= U'9';
}

// Every text of the document a template could have left words in. Section headings are located
// by their section; texts by the character.
std::vector<Place> places_of(const Document& document) {
    std::vector<Place> out;
    auto sections = [&](const std::vector<TextSection>& list) {
        for (const TextSection& section : list) {
            out.push_back(
                {section.heading, section.heading, "heading", nullptr, section.source, true});
            out.push_back({section.text, section.heading, "text", &section, {}, true});
        }
    };
    sections(document.profile);
    sections(document.narrative);
    sections(document.glossary);
    for (const Table& table : document.tables) {
        out.push_back(
            {table.title, table.title, "title", &table.title_source, {}, false, table.json_index});
        for (const TextSection& note : table.note_sources) {
            out.push_back({note.text, table.title, "note", &note, {}, true, table.json_index});
        }
        for (const TableSide& side : table.sides) {
            for (const Column& column : side.columns) {
                for (const std::string& header : column.header) {
                    out.push_back({header, table.title, column.printed(), nullptr, column.source,
                                   false, table.json_index});
                }
            }
            // Label cells (names, codes, attributes); figures are the loader's to read.
            for (const Row& row : side.rows) {
                for (std::size_t c = 0; c < row.cells.size() && c < side.columns.size(); ++c) {
                    if (!side.columns[c].meaning.is_value()) {
                        out.push_back({row.cells[c].printed, table.title, row.label, nullptr,
                                       row.cells[c].source, false, table.json_index});
                    }
                }
            }
        }
        for (const ProjectTargets& project : table.projects) {
            for (const std::string* text : {&project.project, &project.goal}) {
                out.push_back({*text, table.title, project.project, nullptr, project.source, true,
                               table.json_index});
            }
            for (const Indicator& indicator : project.indicators) {
                for (const std::string* text :
                     {&indicator.level3, &indicator.explanation, &indicator.value.printed}) {
                    out.push_back({*text, table.title, project.project, nullptr, indicator.source,
                                   false, table.json_index});
                }
            }
        }
    }
    return out;
}

// ---- template residue (模板残留) ------------------------------------------------------------

// What a residue is, in both languages.
struct Meaning {
    std::string_view en;
    std::string_view zh;
};

// Words a template prints for the writer to replace or delete. Matched in width-folded text, so
// （略） is written (略).
struct Literal {
    std::u32string_view text;
    Meaning meaning;
};

constexpr std::array literals{
    Literal{U"待填写", {"a field left to fill in", "待填写的栏目未填写"}},
    Literal{U"请填写", {"a field left to fill in", "待填写的栏目未填写"}},
    Literal{U"待补充", {"a field left to fill in", "待填写的栏目未填写"}},
    Literal{U"(略)", {"a passage the template abbreviates", "模板中省略的内容未补写"}},
    Literal{U"(如持平作持平表述)",
            {"the template's instruction to the writer", "模板中给编写者的提示语"}},
    Literal{U"(不涉及的不列)",
            {"the template's instruction to the writer", "模板中给编写者的提示语"}},
    Literal{U"(不涉及的可不列)",
            {"the template's instruction to the writer", "模板中给编写者的提示语"}},
};

// Words of a change's direction. A template offers them as alternatives, 增加（减少）, for the
// writer to keep one; two different ones side by side (增加（减少）, 增加/减少, 增加持平) are the
// template's choice left unmade.
constexpr std::array<std::u32string_view, 7> directions{U"增加", U"减少", U"增长", U"下降",
                                                        U"降低", U"上升", U"持平"};

std::optional<std::u32string_view> direction_at(std::u32string_view text, std::size_t at) {
    for (std::u32string_view word : directions) {
        if (starts_with(text, at, word)) {
            return word;
        }
    }
    return std::nullopt;
}

// Where a slot the writer fills opens: a reason (主要原因是…), a use (主要用于…), a figure
// (…数为…). What follows must be words; a slot followed at once by the end of the clause, or
// only by keyboard filler (qq, 11), was never filled.
struct Slot {
    std::u32string_view opening;
    bool filler_allowed;  // Latin letters or digits alone count as unfilled (not for a figure)
    Meaning meaning;
};

constexpr std::array slots{
    Slot{U"主要原因是", true, {"a reason left unfilled", "原因未填写"}},
    Slot{U"主要原因为", true, {"a reason left unfilled", "原因未填写"}},
    Slot{U"主要用于", true, {"a use left unfilled", "用途未填写"}},
    Slot{U"数为", false, {"a figure left unfilled", "数字未填写"}},
};

bool ends_clause(char32_t c) {
    return c == U'。' || c == U';' || c == U'；' || c == U',' || c == U'，' || c == U'、';
}

struct Residue {
    std::size_t at = 0;
    std::size_t length = 0;
    Meaning meaning;
};

std::vector<Residue> residues_in(std::u32string_view text, bool prose) {
    std::vector<Residue> out;
    for (std::size_t at = 0; at < text.size();) {
        // XX, XXX, ××, x,xxx: a run of letter x (or ×) standing for a name or a number, not part
        // of a Latin word.
        auto is_x = [](char32_t c) { return c == U'X' || c == U'x' || c == U'×'; };
        if (is_x(text[at]) && (at == 0 || !is_latin(text[at - 1]))) {
            std::size_t end = at;
            std::size_t xs = 0;
            while (end < text.size() &&
                   (is_x(text[end]) || ((text[end] == U',' || text[end] == U'.') &&
                                        end + 1 < text.size() && is_x(text[end + 1])))) {
                xs += is_x(text[end]) ? 1 : 0;
                ++end;
            }
            if (xs >= 2 && (end == text.size() || !is_latin(text[end]))) {
                out.push_back({at,
                               end - at,
                               {"a placeholder standing for a name or figure",
                                "占位符未替换为实际名称或数字"}});
                at = end;
                continue;
            }
        }
        // {单位}: a template field in braces.
        if (text[at] == U'{') {
            const std::size_t close = text.find(U'}', at);
            if (close != std::u32string_view::npos && close - at <= 20) {
                out.push_back({at, close - at + 1, {"a template field", "模板字段未替换"}});
                at = close + 1;
                continue;
            }
        }
        bool found = false;
        for (const Literal& literal : literals) {
            if (starts_with(text, at, literal.text)) {
                out.push_back({at, literal.text.size(), literal.meaning});
                at += literal.text.size();
                found = true;
                break;
            }
        }
        if (found) {
            continue;
        }
        if (prose) {
            if (const auto first = direction_at(text, at)) {
                std::size_t next = at + first->size();
                const bool bracketed = next < text.size() && text[next] == U'(';
                if (bracketed || (next < text.size() && text[next] == U'/')) {
                    ++next;
                }
                const auto second = direction_at(text, next);
                std::size_t end = second ? next + second->size() : next;
                if (second && *second != *first &&
                    (!bracketed || (end < text.size() && text[end] == U')'))) {
                    end += bracketed ? 1 : 0;
                    out.push_back({at,
                                   end - at,
                                   {"alternatives of the template with neither chosen",
                                    "模板中的备选措辞未作取舍"}});
                    at = end;
                    continue;
                }
            }
            for (const Slot& slot : slots) {
                if (!starts_with(text, at, slot.opening)) {
                    continue;
                }
                std::size_t end = at + slot.opening.size();
                if (end < text.size() && (text[end] == U':' || text[end] == U'：')) {
                    ++end;
                }
                while (slot.filler_allowed && end < text.size() &&
                       (is_latin(text[end]) || is_digit(text[end]))) {
                    ++end;
                }
                if (end == text.size() || ends_clause(text[end])) {
                    // Shown with the mark that closes the slot: 主要原因是。
                    end += end == text.size() ? 0 : 1;
                    out.push_back({at, end - at, slot.meaning});
                    at = end;
                    found = true;
                }
                break;
            }
            if (found) {
                continue;
            }
        }
        ++at;
    }
    return out;
}

// "十、其他重要事项的说明情况", "支出预算总表 · note": where a text is, for a message.
std::string where_of(const Place& place) {
    return place.row == "text" ? place.where : place.where + " · " + place.row;
}

CellRef ref_at(const Place& place, std::size_t at, std::string printed) {
    CellRef ref;
    ref.table = place.where;
    ref.table_index = place.table_index;
    ref.row = place.row;
    ref.printed = std::move(printed);
    ref.source = position(place, at);
    return ref;
}

// ---- years ----------------------------------------------------------------------------------

// A year printed in a text: 2024年, 2018 年度, or in a title with no 年 at all.
struct Year {
    int value = 0;
    std::size_t at = 0;
    std::size_t end = 0;  // just past the digits
};

std::vector<Year> years_in(std::u32string_view text, bool need_nian) {
    std::vector<Year> out;
    for (std::size_t at = 0; at + 4 <= text.size(); ++at) {
        // Four digits standing alone: not inside a longer number (2043.58, 12019) …
        // (a comma only between digits: the full-width ， of a sentence folds to , as well).
        if (at > 0 && (is_digit(text[at - 1]) || text[at - 1] == U'.' ||
                       (text[at - 1] == U',' && at > 1 && is_digit(text[at - 2])))) {
            continue;
        }
        if (!std::all_of(text.begin() + static_cast<std::ptrdiff_t>(at),
                         text.begin() + static_cast<std::ptrdiff_t>(at + 4), is_digit)) {
            continue;
        }
        const std::size_t end = at + 4;
        if (end < text.size() && (is_digit(text[end]) || text[end] == U'.')) {
            continue;
        }
        const int value = (text[at] - U'0') * 1000 + (text[at + 1] - U'0') * 100 +
                          (text[at + 2] - U'0') * 10 + (text[at + 3] - U'0');
        if (value < 1949 || value > 2099) {
            continue;
        }
        // … and, in running text, followed by 年: an amount of 2025.97 万元 or a document number
        // 〔2019〕12号 is not a year of the text's own.
        std::size_t after = end;
        while (after < text.size() && text[after] == U' ') {
            ++after;
        }
        if (need_nian && (after == text.size() || text[after] != U'年')) {
            continue;
        }
        out.push_back({value, at, end});
    }
    return out;
}

// Where another year is in its place: within 《》 (the title of a document), after 截至/截止
// (the date a count was taken), as a point of reference (自2017年7月起, 2015年以来), or as one end
// of a period that contains the report's year (2018-2020年财政规划).
bool excused(std::u32string_view text, const Year& year, int report_year) {
    const std::size_t open = text.rfind(U'《', year.at);
    if (open != std::u32string_view::npos) {
        const std::size_t close = text.find(U'》', open);
        if (close != std::u32string_view::npos && close > year.at) {
            return true;
        }
    }
    const std::size_t from = year.at >= 3 ? year.at - 3 : 0;
    const std::u32string_view before = text.substr(from, year.at - from);
    for (std::u32string_view word : {U"截至", U"截止", U"自", U"从", U"于"}) {
        if (before.find(word) != std::u32string_view::npos) {
            return true;
        }
    }
    // The date the year opens: 2017年7月1日, then what follows it.
    std::size_t after = year.end;
    while (after < text.size() &&
           (text[after] == U' ' || text[after] == U'年' || text[after] == U'月' ||
            text[after] == U'日' || text[after] == U'度' || is_digit(text[after]))) {
        ++after;
    }
    for (std::u32string_view word : {U"起", U"以来", U"开始", U"以前", U"之前"}) {
        if (starts_with(text, after, word)) {
            return true;
        }
    }
    // A period: two years joined by -, —, ~ or 至, one before and one from the report year on.
    // Its first year need not carry 年 (2018-2020 年).
    for (const Year& other : years_in(text, false)) {
        if (other.at == year.at) {
            continue;
        }
        const Year& first = other.at < year.at ? other : year;
        const Year& second = other.at < year.at ? year : other;
        std::u32string_view between = text.substr(first.end, second.at - first.end);
        if (between.size() > 3) {
            continue;
        }
        const bool joined = std::any_of(between.begin(), between.end(), [](char32_t c) {
            return c == U'-' || c == U'—' || c == U'–' || c == U'~' || c == U'至' || c == U'－';
        });
        if (joined && first.value <= report_year && report_year <= second.value) {
            return true;
        }
    }
    return false;
}

}  // namespace

void template_residue(const Document& document, RuleContext& context) {
    for (const Place& place : places_of(document)) {
        if (place.text.empty()) {
            continue;
        }
        const std::u32string text = folded(place.text);
        const std::u32string original = decode_utf8(place.text);
        // One check per sentence text or title; the label cells of a table are many small
        // texts, counted with their table's title.
        if (place.prose || place.row == "title") {
            context.count_checked({});
        }
        for (const Residue& residue : residues_in(text, place.prose)) {
            const std::string printed =
                encode_utf8(std::u32string_view(original).substr(residue.at, residue.length));
            Finding finding;
            finding.severity = context.rule().default_severity;
            finding.cells = {ref_at(place, residue.at, printed)};
            finding.actual = printed;
            finding.expected = "the document's own words";
            finding.message_en = fmt::format("{} still carries template text “{}”: {}",
                                             where_of(place), printed, residue.meaning.en);
            finding.message_zh =
                fmt::format("{}仍含模板文字“{}”：{}", where_of(place), printed, residue.meaning.zh);
            context.report(std::move(finding));
        }
    }
}

// A PDF whose cover, contents and titles give no year (year 0) has nothing to compare with:
// every year it prints would be reported against year 0.
bool year_unknown(const Document& document, RuleContext& context) {
    if (document.year != 0) {
        return false;
    }
    context.skip("the document's year is not known (none was read from its cover, contents or "
                 "table titles)",
                 "未能确定文件所属年度（封面、目录和表题中均未读到年度）");
    return true;
}

void title_year(const Document& document, RuleContext& context) {
    if (year_unknown(document, context)) {
        return;
    }
    for (const Table& table : document.tables) {
        const std::u32string text = folded(table.title);
        CellRef ref;
        ref.table = table.title;
        ref.table_index = table.json_index;
        ref.row = "title";
        ref.printed = table.title;
        for (const Year& year : years_in(text, false)) {
            context.count_checked({});
            if (year.value == document.year) {
                continue;
            }
            ref.source =
                locate_in_string(table.title_source.text_source, table.title_source.raw, year.at);
            Finding finding;
            finding.severity = context.rule().default_severity;
            finding.cells = {ref};
            finding.expected = std::to_string(document.year);
            finding.actual = std::to_string(year.value);
            finding.message_en =
                fmt::format("{} is titled for {}, but the document is the {} {}", table.title,
                            year.value, document.year, chinese_name(document.kind));
            finding.message_zh =
                fmt::format("{}标题年度为{}年，而本文件为{}年{}", table.title, year.value,
                            document.year, chinese_name(document.kind));
            context.report(std::move(finding));
        }
    }
}

void text_years(const Document& document, RuleContext& context) {
    if (year_unknown(document, context)) {
        return;
    }
    // The 情况说明, the notes under tables and the column headers speak of the budget year and
    // the year before it. The 部门概况 recounts the unit's history and the 名词解释 the history
    // of a policy, so neither is read.
    std::vector<Place> places;
    for (const TextSection& section : document.narrative) {
        places.push_back({section.text, section.heading, "text", &section, {}, true});
    }
    for (const Table& table : document.tables) {
        for (const TextSection& note : table.note_sources) {
            places.push_back({note.text, table.title, "note", &note, {}, true, table.json_index});
        }
        for (const TableSide& side : table.sides) {
            for (const Column& column : side.columns) {
                for (const std::string& header : column.header) {
                    places.push_back({header, table.title, column.printed(), nullptr, column.source,
                                      false, table.json_index});
                }
            }
        }
    }
    std::set<std::string> reported;  // a header read in two panels of one table is one header
    for (const Place& place : places) {
        const std::u32string text = folded(place.text);
        for (const Year& year : years_in(text, true)) {
            context.count_checked({});
            if (year.value == document.year || year.value == document.year - 1 ||
                excused(text, year, document.year)) {
                continue;
            }
            // Quoted with its clause: from the mark before it to the mark after it.
            const std::u32string original = decode_utf8(place.text);
            std::size_t from = year.at;
            while (from > 0 && year.at - from < 30 && !ends_clause(text[from - 1]) &&
                   text[from - 1] != U'!' && text[from - 1] != U'?') {
                --from;
            }
            std::size_t to = year.end;
            while (to < text.size() && to - year.end < 30 && !ends_clause(text[to])) {
                ++to;
            }
            const std::string quoted =
                encode_utf8(std::u32string_view(original).substr(from, to - from));
            CellRef ref = ref_at(place, year.at, quoted);
            if (!reported.insert(ref.source.pointer + "#" + std::to_string(year.at)).second) {
                continue;
            }
            Finding finding;
            finding.severity = context.rule().default_severity;
            finding.cells = {ref};
            finding.expected = fmt::format("{} or {}", document.year, document.year - 1);
            finding.actual = std::to_string(year.value);
            finding.message_en = fmt::format(
                "{} speaks of {} in “{}”, but the document is the {} {}, compared with {}",
                where_of(place), year.value, quoted, document.year, chinese_name(document.kind),
                document.year - 1);
            finding.message_zh =
                fmt::format("{}“{}”中的年度{}年既非本年度{}年也非上年度{}年", where_of(place),
                            quoted, year.value, document.year, document.year - 1);
            context.report(std::move(finding));
        }
    }
}

}  // namespace budgetcheck::rules
