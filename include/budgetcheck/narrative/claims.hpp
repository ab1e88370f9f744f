// Claims: the figures the 情况说明 (and the profile and table notes) quote — amounts, shares,
// changes, counts and breakdowns — found in verbatim text. Extraction knows nothing of the
// tables; the narrative rules match claims to cells.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "budgetcheck/model/document.hpp"

namespace budgetcheck {

enum class ClaimKind {
    Amount,     // 收支总预算 4394.21 万元
    Share,      // 占 93.4%; in a 决算 also 完成年初预算的 98.2% (the outturn's share of the budget)
    Change,     // 比 2023 年执行数增加 952.05 万元 / 增长 56.09% / 与…持平 / 决算数小于预算数
    Count,      // 内设6个机构 / 一级项目1个 / 实有人员 33 人
    Breakdown,  // 其中：A、B、C — the parts of a total add up to it
};
std::string_view to_string(ClaimKind kind);

// A subject of 政府收支分类科目 named in the text: 公共安全支出（类）, 司法（06款）, or one step of
// "一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行". Level 1 类, 2 款, 3 项, 0 unsaid.
struct SubjectMention {
    std::string name;  // as printed, without the (类)/(款)/(项) marker
    int level = 0;
    std::string code;  // the digits printed with it (204, 06, 01), if any
};

// Where a claim was printed: which text block, and the position of its number.
struct ClaimSource {
    std::string block;     // "narrative", "profile" or "notes"
    std::string heading;   // the section heading, or the table title for notes
    std::string sentence;  // the sentence, as printed
    std::string context;   // the nearest sub-heading above the claim inside the text, if any
    SourceLocation location;
};

struct Claim {
    ClaimKind kind = ClaimKind::Amount;
    ClaimSource source;
    std::string
        subject;  // the words that name what the figure is ("本年收入", "一般公共预算拨款收入")
    std::string printed;  // the figure as printed, with its unit ("4105.38 万元", "93.4%")
    Decimal value;        // the number (for a change: its magnitude; the direction says the sign)
    int decimals = 0;
    std::string unit;  // "万元", "元", "%", "个", "人" …
    // Share: the amount claim it is a share of, and the whole it is a share of (indices).
    int part = -1;
    int whole = -1;
    // Change: +1 increase, -1 decrease, 0 no change; nullopt when the words leave it open
    // (增加（减少）). The amount claim whose change it is, and what it is compared with.
    std::optional<int> direction;
    int of_claim = -1;
    Period basis = Period::PriorYearBudget;
    bool is_rate = false;  // a change given in %
    // Count: what is counted and, when the text lists them, how many are listed.
    std::string noun;
    int listed = -1;
    std::vector<std::string> items;
    // Breakdown: the total and its parts (indices of amount claims).
    std::vector<int> parts;
    std::size_t offset = 0;  // where the figure starts in its text, in code points

    // The subject the claim names, outermost first: in its own words, or carried from the
    // numbered item or sub-heading it stands under.
    std::vector<SubjectMention> path;
    // An amount of another year ("2023年当年预算执行数为60.13万元"), or of the budget year.
    Period period = Period::BudgetYear;
    // Inside an explanation (主要原因是…, 主要用于…): a figure that explains, not one that reports.
    bool in_reason = false;
    // Share: the whole the text names after 占 ("“三公”经费" in 占“三公”经费的31.14%), if any.
    std::string whole_words;
    // Change: the change amount quoted with a rate (增加4016.19万元，增长12.11%), and a prior-year
    // figure quoted in the same sentence (2025年执行数为X，2026年预算安排Y，增长Z%).
    int amount_change = -1;
    int prior_claim = -1;
    // Part of a breakdown: the total it is listed under (its words refine the total's).
    int part_of = -1;
    // Share: the whole is the section's first figure, not one the text names.
    bool whole_guessed = false;
    // Share: a 决算's rate of completion (完成年初预算的98.20%): the outturn over the budget.
    bool completion = false;
    // Change: a direction stated in words alone (决算数小于预算数, 决算数与预算数持平), to be
    // checked against the two figures quoted before it.
    bool words_only = false;
    // Change: the paragraph gives a reason for it (主要原因…, 主要用于…, 由于…), before or after.
    bool reason_given = false;
};

// Whether a text gives the reason for a change (主要原因…, 由于…, 主要用于…, …所致).
bool explains_a_change(std::string_view text);

// Every claim in the document's narrative, profile and table notes, in reading order.
std::vector<Claim> extract_claims(const Document& document);

// Claims in one text: a profile or narrative section, or a table note. `block` names which;
// `year` is the document's budget year (0 when unknown), against which "2023年执行数" is read.
// In final accounts (`final_accounts`) a 决算数 is the year's own figure, a 年初预算 the budget it
// is measured against, and "完成年初预算的98%" the one as a share of the other.
std::vector<Claim> extract_claims(const TextSection& text, std::string_view block, int year = 0,
                                  bool final_accounts = false);

}  // namespace budgetcheck
