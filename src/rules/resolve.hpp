// Resolving a claim of the narrative to the figures it quotes. The words before a figure are read
// with the vocabulary the tables are read with (一般公共预算, 基本支出, 三公, 收入, 合计 …), a
// subject named as 公共安全（类）司法（款） or "A-B-C" is found among the tables' subjects, the
// section's heading supplies what the sentence leaves unsaid (五、财政拨款支出预算情况说明), and
// the result is a fact (facts.hpp) looked up among the tables' figures. A claim whose words also
// say things the vocabulary does not know is matched, but never called wrong: it is
// unverifiable unless its figure agrees.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "budgetcheck/load/vocabulary.hpp"
#include "facts.hpp"

namespace budgetcheck {

// What a quoted figure was matched to: one or more cells whose sum it quotes.
struct Target {
    std::vector<Figure> figures;
    std::vector<CellAt> cells;  // the grid cells among them
    std::string what;           // names them in messages
    bool confident = true;      // the words name exactly these figures
    std::optional<Fact> fact;   // the fact the words name, when they name one
};

struct Resolution {
    std::optional<Target> target;
    std::string reason_en;  // why nothing was matched
    std::string reason_zh;
};

class ClaimResolver {
  public:
    ClaimResolver(const Document& document, RuleContext& context);
    // Resolves among another document's figures (last year's disclosure of the same unit).
    ClaimResolver(const Document& document, RuleContext& context, const FactIndex& facts);

    // An amount the narrative quotes (also the figure a change or a share is of).
    Resolution amount(const Claim& claim) const;
    // The whole a share names (占“三公”经费的), read in the claim's section.
    Resolution whole(const Claim& claim) const;
    // The figure printed for a fact the words of a claim named (Target::fact).
    Resolution figure_for(const Fact& fact, const Claim& claim) const;
    // Every figure the tables print for the fact a target stands for, one target each: where
    // the tables disagree among themselves, a text quoting one of them is not what is wrong.
    std::vector<Target> printings(const Target& target) const;

  private:
    struct Query;
    Resolution lookup(const Query& query, const Claim& claim) const;
    Query read(const std::string& words, const Claim& claim) const;
    std::optional<std::string> subject_code(const std::vector<SubjectMention>& path) const;
    std::optional<Target> subject_by_name(const std::string& words, const Query& query,
                                          const Claim& claim) const;
    std::optional<Target> derived_basic(const Fact& fact) const;
    Resolution procurement(const Claim& claim) const;
    Resolution performance(const Claim& claim) const;
    std::optional<Target> printed_value(const Claim& claim) const;

    // Every functional subject the tables print: each row's code and name, in print order, and
    // the names printed (or catalogued) for each code. Worked out once per resolver.
    struct PrintedSubjects {
        std::vector<std::pair<std::string, std::string>> labels;
        std::map<std::string, std::set<std::string>> names;
    };
    const PrintedSubjects& subjects() const;
    const Reading& reading(const std::string& words) const;

    const Document& document_;
    RuleContext& context_;
    const FactIndex& facts_;
    mutable std::optional<PrintedSubjects> subjects_;
    mutable std::map<std::string, Reading, std::less<>> readings_;
};

// Where a claim stands in the text, as a cell of its findings.
CellRef claim_ref(const Claim& claim);
// A claim's own printed figure, as a figure of an identity.
Figure claim_figure(const Claim& claim);

}  // namespace budgetcheck
