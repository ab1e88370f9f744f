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
    Share,      // 占 93.4%
    Change,     // 比 2023 年执行数增加 952.05 万元 / 增长 56.09% / 与…持平
    Count,      // 内设6个机构 / 一级项目1个 / 实有人员 33 人
    Breakdown,  // 其中：A、B、C — the parts of a total add up to it
};
std::string_view to_string(ClaimKind kind);

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
};

// Every claim in the document's narrative, profile and table notes, in reading order.
std::vector<Claim> extract_claims(const Document& document);

// Claims in one text: a profile or narrative section, or a table note. `block` names which.
std::vector<Claim> extract_claims(const TextSection& text, std::string_view block);

}  // namespace budgetcheck
