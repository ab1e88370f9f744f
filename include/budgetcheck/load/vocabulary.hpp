// The printed vocabulary the loader understands: table titles, column header words and line
// labels, each with its aliases. docs/format.md lists the same words; a test keeps them in step.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "budgetcheck/model/document.hpp"

namespace budgetcheck {

// ---- titles --------------------------------------------------------------------------------

struct TitleAlias {
    std::string_view title;  // a title as printed somewhere
    TableKind kind;
};
std::span<const TitleAlias> known_table_titles();

// The kind a printed title names, Unknown if none. Titles carry unit names, years and numbering
// around the words that matter ("人力资源和社会保障部信息中心2024年单位收支总表"), so this
// looks for the words, most specific first, after trying the known titles exactly.
TableKind recognise_table_kind(std::string_view title);

// ---- column headers ------------------------------------------------------------------------

// One header word and what it says about a column. Unset fields say nothing.
struct HeaderWord {
    std::string_view text;
    std::optional<ColumnRole> role = std::nullopt;
    std::optional<Side> side = std::nullopt;
    std::optional<Period> period = std::nullopt;
    std::optional<Stage> stage = std::nullopt;
    std::optional<FundSource> source = std::nullopt;
    std::optional<Spending> spending = std::nullopt;
    std::optional<Quantity> quantity = std::nullopt;
    std::optional<ThreePublicItem> three_public = std::nullopt;
    std::optional<Classification> classification =
        std::nullopt;  // 功能分类 / 经济分类 label columns
    bool excludes_capital_construction = false;
    std::string_view detail = {};
};
std::span<const HeaderWord> known_header_words();

struct ColumnRecognition {
    ColumnMeaning meaning;
    std::optional<Classification> classification =
        std::nullopt;                       // hinted by the label column's header
    std::vector<std::string> unrecognised;  // header texts no word matched
};

// Decodes a header path (top to bottom). Years are read against the document's year: "2023年执行数"
// in a 2024 document is the prior year's execution.
ColumnRecognition recognise_column(const std::vector<std::string>& header, TableKind kind,
                                   int document_year);

// ---- line labels ---------------------------------------------------------------------------

struct LineLabel {
    std::string_view text;
    LineItem item;
    ThreePublicItem three_public = ThreePublicItem::None;
    bool is_total = false;
};
std::span<const LineLabel> known_line_labels();

// The line a label (split_label().key) names in a table of this kind, if any.
std::optional<LineLabel> recognise_line_label(std::string_view key, TableKind kind);

// ---- performance tables --------------------------------------------------------------------

FundLineKind recognise_fund_line(std::string_view label);
IndicatorCategory recognise_indicator_category(std::string_view level1);

}  // namespace budgetcheck
