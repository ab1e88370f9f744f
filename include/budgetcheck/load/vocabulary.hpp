// The printed vocabulary: words and what each says about a table, a column or a line, and the
// small grammar that composes them. A title, a header path or a row label is read word by word
// (longest word first), each word fixing some aspects of the meaning (fund source, stage, period,
// spending kind, “三公” item, side, total …), so combinations never printed before are still
// understood. Words nobody knows are reported, never guessed. docs/format.md lists every word; a
// test keeps the page and this table in step.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "budgetcheck/model/document.hpp"

namespace budgetcheck {

// What one word says. Unset aspects say nothing.
struct Aspects {
    std::optional<ColumnRole> role = std::nullopt;
    std::optional<Side> side = std::nullopt;
    std::optional<Period> period = std::nullopt;
    std::optional<Stage> stage = std::nullopt;
    std::optional<FundSource> source = std::nullopt;
    std::optional<Spending> spending = std::nullopt;
    std::optional<Quantity> quantity = std::nullopt;
    std::optional<ThreePublicItem> three_public = std::nullopt;
    std::optional<Aggregate> aggregate = std::nullopt;
    std::optional<Classification> classification = std::nullopt;
    std::optional<TableKind> table = std::nullopt;  // names a table's topic (政府采购, 绩效目标)
    bool both_sides = false;                         // 收支: income and expenditure together
    bool nothing = false;  // 无 / 本表为空: a row printed to say the table has no lines
    bool excludes_capital_construction = false;
    bool outturn = false;  // 决算数 / 执行数: what was spent, not what was planned
    bool prior = false;    // 上年: of the year before the document's
    std::string_view detail = {};  // a finer breakdown not otherwise modelled (教育收费, 专项收入)
};

// A word of the vocabulary. A word with no aspects is a structural word that carries no meaning
// of its own (资金, 数, 表).
struct Word {
    std::string_view text;
    Aspects says;
};
std::span<const Word> known_words();

// One text read word by word.
struct Reading {
    Aspects aspects;                     // what its words say together
    std::vector<std::string> unknown;    // runs of characters no word matched
    std::vector<std::string> conflicts;  // words that contradict what came before them
    std::optional<int> year;             // a year printed before the words ("2024年预算数")
    std::optional<int> compared_year;    // "…比2023年执行数": the year compared with
    bool any_word = false;               // at least one word was recognised
    bool compared = false;               // "2024年预算数比2023年执行数"
};

// Reads a text (printed as it is; it is normalised first) into its words and their aspects.
Reading read_words(std::string_view printed);
// Adds what `next` says to `into`, reporting a contradiction in `conflicts`. Later, narrower words
// refine earlier ones (财政拨款 then 一般公共预算; 基本支出 then 人员经费).
void compose(Aspects& into, const Aspects& next, std::string_view word,
             std::vector<std::string>& conflicts);

// Is `narrow` a part of `wide` (or the same)?
bool within(FundSource narrow, FundSource wide);
bool within(Spending narrow, Spending wide);
bool within(ThreePublicItem narrow, ThreePublicItem wide);

// ---- titles --------------------------------------------------------------------------------

struct TitleReading {
    TableKind kind = TableKind::Unknown;
    FundSource scope = FundSource::Any;  // the money the table covers (一般公共预算 …)
    std::vector<std::string> unknown;    // words of the title that were not understood
};

// The kind a printed title names. Titles carry unit names, years and numbering around the words
// that matter ("上海市普陀区司法局2026年预算单位财务收支预算总表"); the words decide.
TitleReading read_title(std::string_view title);
TableKind recognise_table_kind(std::string_view title);

// ---- column headers ------------------------------------------------------------------------

struct ColumnRecognition {
    ColumnMeaning meaning;
    std::optional<Classification> classification = std::nullopt;  // a label/code column's hint
    std::vector<std::string> unrecognised;  // header texts with words nobody knows
};

// Decodes a header path (top to bottom). Years are read against the document's year: "2023年执行数"
// in a 2024 document is the prior year's execution.
// In a 决算 (`final_accounts`) the outturn (决算数) is the document's own figure and a 预算数 is
// the budget it is measured against; in a 预算 a 决算数 is last year's.
ColumnRecognition recognise_column(const std::vector<std::string>& header, TableKind kind,
                                   int document_year, bool final_accounts = false);

// ---- line labels ---------------------------------------------------------------------------

struct LineRecognition {
    ColumnMeaning meaning;   // what the label says about its line
    LineItem item = LineItem::None;
    bool recognised = false;  // every word of the label is known
    bool nothing = false;     // 无 / 此表为空: the row says the table is empty
    std::vector<std::string> unknown;
};

// Reads a row label (split_label().key) as a summary line. `context` is what the labels of the
// columns to its left (a merged group label such as 一般公共预算资金) already say.
LineRecognition recognise_line(std::string_view key, TableKind kind, const Aspects* context = nullptr);

// The LineItem a line's meaning corresponds to, for the rules that name fixed lines.
LineItem line_item_of(const ColumnMeaning& meaning);

// ---- performance tables --------------------------------------------------------------------

FundLineKind recognise_fund_line(std::string_view label);
IndicatorCategory recognise_indicator_category(std::string_view level1);

}  // namespace budgetcheck
