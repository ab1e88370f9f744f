// Facts: what each printed figure counts, so the same money printed in two tables can be found
// and compared whatever the tables are called and however they are laid out. A figure's fact is
// composed from its table (一般公共预算支出表: general-public spending), its column (基本支出 /
// 人员经费) and its row (2040601, or 一般公共预算拨款收入, or 合计): the same composition the
// vocabulary uses for words. Two figures with the same fact must agree; a figure of a narrower
// fund (一般公共预算) cannot exceed the same figure of a broader one (财政拨款, all money).
//
// Some facts coincide only because of what the document itself says: with no 政府性基金 and no
// 国有资本经营 money, 财政拨款 spending is 一般公共预算 spending; with nothing carried over or
// forward, a budget's income from a source is its spending from it. Those coincidences are
// derived from the document's printed zeros (or from lines a summary does not print while
// footing without them) and every finding that relies on one says so.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "context.hpp"

namespace budgetcheck {

struct Fact {
    Side side = Side::Expenditure;  // Income: money received; Expenditure: money used
    std::string subject;            // a classification code; "" for all subjects together
    Classification classification = Classification::Functional;
    FundSource source = FundSource::Any;
    Spending spending = Spending::All;
    Stage stage = Stage::All;
    Period period = Period::BudgetYear;
    Quantity quantity = Quantity::Amount;
    ThreePublicItem three_public = ThreePublicItem::None;
    bool grand = false;  // 收入总计 / 支出总计: everything on its side, carry-over included
    std::string detail;  // a finer breakdown (教育收费, 专项收入)

    auto key() const {
        return std::tie(side, source, spending, stage, period, quantity, three_public, grand,
                        classification, subject, detail);
    }
    // By hand rather than through key(): facts are compared thousands of times a document in the
    // maps that group them, and most differ in an enum, settled before any string is looked at.
    friend bool operator<(const Fact& a, const Fact& b) {
#define BUDGETCHECK_FACT_FIELD(f) \
    if (a.f != b.f) {             \
        return a.f < b.f;         \
    }
        BUDGETCHECK_FACT_FIELD(side)
        BUDGETCHECK_FACT_FIELD(source)
        BUDGETCHECK_FACT_FIELD(spending)
        BUDGETCHECK_FACT_FIELD(stage)
        BUDGETCHECK_FACT_FIELD(period)
        BUDGETCHECK_FACT_FIELD(quantity)
        BUDGETCHECK_FACT_FIELD(three_public)
        BUDGETCHECK_FACT_FIELD(grand)
        BUDGETCHECK_FACT_FIELD(classification)
#undef BUDGETCHECK_FACT_FIELD
        if (const int c = a.subject.compare(b.subject); c != 0) {
            return c < 0;
        }
        return a.detail < b.detail;
    }
    friend bool operator==(const Fact& a, const Fact& b) {
        return a.key() == b.key();
    }

    // "general-public · basic spending on 2040601", for messages.
    std::string describe() const;
};

struct FactCell {
    CellAt at;
    Fact fact;       // as printed
    Fact canonical;  // after the document's own coincidences
};

// What the document says is zero (or absent while its summary foots without it), and so which
// facts coincide.
struct Coincidences {
    bool no_carry_over = false;        // 上年结转 and 使用非财政拨款结余 are nothing
    bool no_carry_forward = false;     // 结转下年 is nothing
    bool fiscal_only = false;          // every income is 财政拨款
    bool general_public_only = false;  // 财政拨款 is all 一般公共预算
    std::vector<std::string> reasons;     // the printed lines that establish each of them
    std::vector<std::string> reasons_zh;  // the same, in Chinese
};

class FactIndex {
  public:
    // fund_parts() points into groups(): a move keeps the map's nodes, a copy would not.
    FactIndex() = default;
    FactIndex(FactIndex&&) = default;
    FactIndex& operator=(FactIndex&&) = default;
    FactIndex(const FactIndex&) = delete;
    FactIndex& operator=(const FactIndex&) = delete;

    static FactIndex build(const Document& document);

    const std::vector<FactCell>& cells() const { return cells_; }
    const Coincidences& coincidences() const { return coincidences_; }
    // The cells of every canonical fact printed more than once, in print order.
    const std::map<Fact, std::vector<int>>& groups() const { return groups_; }
    // Pairs of printed facts (part, whole) where the part is the same figure of a narrower fund
    // (一般公共预算 within 财政拨款 within all money); both are keys of groups().
    struct FundPart {
        const Fact* part;
        std::vector<const FactCell*> parts;   // one per table
        std::vector<const FactCell*> wholes;  // one per table
    };
    const std::vector<FundPart>& fund_parts() const { return fund_parts_; }
    // A fact printed in more than one table: one cell per table (a table printing a fact twice
    // foots it itself), and the cell most of them agree with (the earliest on a tie), which
    // the others are compared with, so one wrong figure is named once.
    struct SharedFact {
        const Fact* fact;
        std::vector<const FactCell*> cells;
        const FactCell* reference;
    };
    const std::vector<SharedFact>& shared() const { return shared_; }
    // One cell per table of a group of groups().
    std::vector<const FactCell*> one_per_table(const std::vector<int>& group) const;
    // The figures printed for a fact (canonicalised first).
    std::vector<const FactCell*> find(const Fact& fact) const;
    Fact canonical(Fact fact) const;

  private:
    std::vector<FactCell> cells_;
    std::map<Fact, std::vector<int>> groups_;
    std::vector<FundPart> fund_parts_;
    std::vector<SharedFact> shared_;
    Coincidences coincidences_;
};

// Of figures printed for one fact, the one most of them agree with (the earliest on a tie).
const FactCell* consensus(const std::vector<const FactCell*>& cells);

// The fact a grid cell counts, or nullopt when its table, column or row do not say.
// `final_accounts`: the cell is in a 决算, where income by subject is not that subject's spending.
std::optional<Fact> fact_of(const CellAt& at, bool final_accounts = false);

}  // namespace budgetcheck
