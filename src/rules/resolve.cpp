#include "resolve.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "budgetcheck/load/vocabulary.hpp"

namespace budgetcheck {

namespace {

using F = FundSource;
using S = Spending;

bool has(std::string_view text, std::string_view word) {
    return text.find(word) != std::string_view::npos;
}

bool ends_with(std::string_view text, std::string_view tail) {
    return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

// Words of the narrative that say nothing the tables distinguish: who publishes, when, and the
// verbs around a figure.
bool filler(std::string_view run) {
    static const std::set<std::string_view, std::less<>> words = {
        "本部门", "本单位", "全年", "安排", "安排的", "主要", "其中", "本",   "总",
        "为",     "是",     "共",   "共有", "达",     "计",   "约",   "其他", "列",
        "列支",   "拟",     "情况", "反映", "包括",   "合",   "有",   "部门", "单位",
        "所属",   "下属",   "省级", "区级", "市级",   "数"};
    return words.find(run) != words.end();
}

// A unit's name printed before the figure: 江苏省高级人民法院, 省检察院, 万里街道办事处.
bool names_an_organisation(std::string_view run) {
    for (std::string_view tail : {"院", "局", "厅", "办公室", "委员会", "中心", "办事处", "政府",
                                  "部", "委", "会", "所", "站", "队", "馆", "街道", "镇", "馆"}) {
        if (ends_with(run, tail)) {
            return true;
        }
    }
    return false;
}

// Who the money belongs to, counted: 下属1家机关和1家参公事业单位, 3家行政单位及2家事业单位. The
// figure is the whole unit's all the same.
bool counts_units(std::string_view run) {
    // 单位 itself is a word of the vocabulary, so a run may end before it (1家参公事业).
    static const std::vector<std::string_view> kinds = {"参公事业单位", "参公事业", "事业单位",
                                                        "事业",         "行政单位", "行政",
                                                        "预算单位",     "机关",     "单位"};
    std::string_view rest = run;
    for (std::string_view lead : {"本部门", "下属", "所属", "包括"}) {
        if (rest.substr(0, lead.size()) == lead) {
            rest.remove_prefix(lead.size());
        }
    }
    bool counted = false;
    while (!rest.empty()) {
        std::size_t digits = 0;
        while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') {
            ++digits;
        }
        if (digits == 0 || rest.substr(digits, 3) != "家") {
            return false;
        }
        rest.remove_prefix(digits + 3);
        const auto kind = std::find_if(kinds.begin(), kinds.end(), [&](std::string_view k) {
            return rest.substr(0, k.size()) == k;
        });
        if (kind == kinds.end()) {
            return false;
        }
        rest.remove_prefix(kind->size());
        counted = true;
        for (std::string_view joint : {"和", "及", "、"}) {
            if (rest.substr(0, joint.size()) == joint) {
                rest.remove_prefix(joint.size());
                break;
            }
        }
    }
    return counted;
}

// "公共安全" and "公共安全支出" name the same 类; the narrative often drops the 支出.
bool same_subject_name(std::string_view printed, std::string_view row) {
    if (printed.empty() || row.empty()) {
        return false;
    }
    const auto bare = [](std::string_view name) {
        return ends_with(name, "支出")
                   ? name.substr(0, name.size() - std::string_view("支出").size())
                   : name;
    };
    return printed == row || bare(printed) == bare(row);
}

Figure figure_at(const CellAt& at) {
    return figure_of(at);
}

std::string describe_cell(const CellAt& at) {
    const CellRef ref = ref_of(at);
    return fmt::format("{} {} × {}", at.table->title, ref.row, ref.column);
}

}  // namespace

struct ClaimResolver::Query {
    Fact fact;
    bool sided = false;  // the words or the section say which side
    bool any = false;    // the words say something the tables print
    bool confident = true;
    std::vector<std::string> residue;
};

const ClaimResolver& RuleContext::resolver() {
    if (!resolver_) {
        resolver_ = std::make_shared<const ClaimResolver>(document_, *this);
    }
    return *resolver_;
}

ClaimResolver::ClaimResolver(const Document& document, RuleContext& context)
    : document_(document), context_(context), facts_(context.facts()) {}

ClaimResolver::ClaimResolver(const Document& document, RuleContext& context, const FactIndex& facts)
    : document_(document), context_(context), facts_(facts) {}

const Reading& ClaimResolver::reading(const std::string& words) const {
    // Every claim of a section is read with its heading and sub-heading: read each once.
    auto found = readings_.find(words);
    if (found == readings_.end()) {
        found = readings_.emplace(words, read_words(words)).first;
    }
    return found->second;
}

const ClaimResolver::PrintedSubjects& ClaimResolver::subjects() const {
    if (!subjects_) {
        PrintedSubjects found;
        for (const Table& table : document_.tables) {
            for (const TableSide& side : table.sides) {
                for (const Row& row : side.rows) {
                    if (!row.subject || row.subject->classification != Classification::Functional) {
                        continue;
                    }
                    const std::string label = subject_name_key(row.label);
                    found.labels.emplace_back(row.subject->code, label);
                    found.names[row.subject->code].insert(label);
                    if (!row.subject->catalog_name.empty()) {
                        found.names[row.subject->code].insert(
                            subject_name_key(row.subject->catalog_name));
                    }
                }
            }
        }
        subjects_ = std::move(found);
    }
    return *subjects_;
}

Resolution ClaimResolver::figure_for(const Fact& fact, const Claim& claim) const {
    Query query;
    query.fact = fact;
    query.sided = true;
    query.any = true;
    return lookup(query, claim);
}

ClaimResolver::Query ClaimResolver::read(const std::string& words, const Claim& claim) const {
    Query query;
    const Reading& own = reading(words);
    Aspects a = own.aspects;
    // A part listed under a total (基本支出 517.03 万元，其中：人员经费 458.89 万元) is a part of
    // that total: the total's words say what the part's leave out.
    if (claim.part_of >= 0) {
        const Claim& whole = context_.claims()[static_cast<std::size_t>(claim.part_of)];
        Aspects refined = reading(whole.subject).aspects;
        refined.aggregate.reset();
        std::vector<std::string> conflicts;
        compose(refined, own.aspects, words, conflicts);
        if (conflicts.empty() && !refined.both_sides) {
            a = refined;
        }
    }
    // What the section's heading and the sub-heading above the claim say fills in what its own
    // words leave unsaid: the fund, and the side.
    for (const std::string& above : {claim.source.context, claim.source.heading}) {
        if (above.empty()) {
            continue;
        }
        const Aspects& around = reading(above).aspects;
        if (!a.source && around.source) {
            a.source = around.source;
        }
        if (!a.stage && around.stage) {
            a.stage = around.stage;  // （二）一般公共预算当年拨款结构情况
        }
        if (!a.side && !a.both_sides && around.side && !around.both_sides) {
            a.side = around.side;
        }
    }
    const std::string unit = label_key(document_.unit);
    for (std::string run : own.unknown) {
        if (!unit.empty() && run.size() > unit.size() && run.compare(0, unit.size(), unit) == 0) {
            run.erase(0, unit.size());  // 上海市普陀区人民政府办公室下属1家机关
        }
        if (filler(run) || has(unit, run) || (names_an_organisation(run) && run.size() >= 6) ||
            counts_units(run)) {
            continue;
        }
        query.residue.push_back(run);
    }
    query.confident = query.residue.empty() && own.conflicts.empty();
    Fact& f = query.fact;
    f.period = claim.period;  // a 决算's 年初预算 is looked for among the budget columns
    f.source = a.source.value_or(F::Any);
    f.spending = a.spending.value_or(S::All);
    f.stage = a.stage.value_or(Stage::All);
    if (claim.period == Period::OriginalBudget || claim.period == Period::FullYearBudget ||
        claim.period == Period::AdjustedBudget) {
        f.stage = Stage::All;  // 年初预算 names the budget, not the year's own money
    }
    f.three_public = a.three_public.value_or(ThreePublicItem::None);
    f.detail = std::string(a.detail);
    if (a.both_sides) {
        f.side = Side::Income;  // 收支总预算: income and spending balance
        f.grand = true;
        query.sided = true;
    } else if (a.side) {
        f.side = *a.side;
        query.sided = true;
    }
    if (f.three_public != ThreePublicItem::None || f.spending != S::All) {
        f.side = Side::Expenditure;
        query.sided = true;
    }
    // 本年支出 is this year's spending, not spending of this year's money (本年拨款); in a 决算
    // every 本年 spending is (本年财政拨款支出), as its tables are read.
    if (f.side == Side::Expenditure && f.stage == Stage::CurrentYear &&
        (has(words, "本年支出") || has(words, "当年支出") || is_final_accounts(document_.kind))) {
        f.stage = Stage::All;
    }
    if (a.aggregate && a.side && !a.source && !a.spending && !a.stage &&
        f.three_public == ThreePublicItem::None) {
        f.grand = true;  // 收入预算总计, 支出合计
    }
    query.any = own.any_word && (a.source || a.spending || a.stage || a.side || a.both_sides ||
                                 a.three_public || a.aggregate);
    return query;
}

Resolution ClaimResolver::lookup(const Query& query, const Claim& claim) const {
    // Words that name no side are tried on both: when both sides print the fact with different
    // figures, the words do not say which is meant.
    std::vector<const FactCell*> cells;
    Fact named = query.fact;
    bool two_values = false;
    for (Side side :
         {query.fact.side, query.fact.side == Side::Income ? Side::Expenditure : Side::Income}) {
        if (query.sided && side != query.fact.side) {
            continue;
        }
        Fact fact = query.fact;
        fact.side = side;
        std::vector<const FactCell*> found;
        for (const FactCell* cell : facts_.find(fact)) {
            if (cell->at.amount() != nullptr) {
                found.push_back(cell);
            }
        }
        if (found.empty() && fact.three_public != ThreePublicItem::None && fact.source != F::Any) {
            // A “三公” table whose title names no fund (“三公”经费、会议费、培训费支出预算表)
            // prints the items the text says are 一般公共预算 money.
            Fact any = fact;
            any.source = F::Any;
            for (const FactCell* cell : facts_.find(any)) {
                if (cell->at.amount() != nullptr &&
                    cell->at.table->kind == TableKind::ThreePublicExpenses) {
                    found.push_back(cell);
                }
            }
        }
        if (found.empty() && fact.stage == Stage::All && fact.side == Side::Expenditure) {
            // A table printing only this year's appropriation (年初预算数) prints the figure
            // unsaid words mean, when no table prints it for all money.
            fact.stage = Stage::CurrentYear;
            for (const FactCell* cell : facts_.find(fact)) {
                if (cell->at.amount() != nullptr) {
                    found.push_back(cell);
                }
            }
        }
        if (found.empty()) {
            continue;
        }
        if (!cells.empty()) {
            const auto here =
                found.front()->at.amount()->in_yuan(found.front()->at.table->money_unit);
            const auto there =
                cells.front()->at.amount()->in_yuan(cells.front()->at.table->money_unit);
            two_values = !(here == there);
            break;
        }
        cells = std::move(found);
        named.side = side;
    }
    if (cells.empty()) {
        if (auto derived = derived_basic(query.fact)) {
            derived->confident = query.confident;
            return {derived, {}, {}};
        }
        return {std::nullopt, fmt::format("no table prints {}", query.fact.describe()),
                fmt::format("表中未列示该数（{}）", query.fact.describe())};
    }
    const FactCell* best = consensus(cells);  // the figure most tables print for it
    Target target;
    target.cells = {best->at};
    target.figures = {figure_at(best->at)};
    target.what = describe_cell(best->at);
    target.confident = query.confident && !two_values;
    target.fact = named;
    (void)claim;
    return {target, {}, {}};
}

std::optional<Target> ClaimResolver::derived_basic(const Fact& fact) const {
    // 人员经费 and 公用经费 of a basic-expenditure table printed by 类 only: 人员经费 is
    // 工资福利支出 and 对个人和家庭的补助 (301, 303), 公用经费 the rest of basic spending.
    if ((fact.spending != S::Personnel && fact.spending != S::Public) || !fact.subject.empty() ||
        fact.side != Side::Expenditure) {
        return std::nullopt;
    }
    for (const Table& table : document_.tables) {
        if (table.kind != TableKind::GeneralPublicBasicExpenditure &&
            table.kind != TableKind::FiscalBasicExpenditure) {
            continue;
        }
        const TableSide& side = table.sides[0];
        int column = -1;
        for (std::size_t c = 0; c < side.columns.size(); ++c) {
            const ColumnMeaning& m = side.columns[c].meaning;
            if (m.is_value() && m.quantity == Quantity::Amount &&
                (m.spending == S::All || m.spending == S::Basic)) {
                column = static_cast<int>(c);
                break;
            }
        }
        if (column < 0) {
            continue;
        }
        Target target;
        for (std::size_t r = 0; r < side.rows.size(); ++r) {
            const Row& row = side.rows[r];
            if (!row.subject || row.subject->level != 1) {
                continue;
            }
            const std::string& code = row.subject->code;
            const bool personnel = code == "301" || code == "303";
            if (personnel != (fact.spending == S::Personnel)) {
                continue;
            }
            const CellAt at{&table, 0, static_cast<int>(r), column};
            target.cells.push_back(at);
            target.figures.push_back(figure_at(at));
        }
        if (target.figures.empty()) {
            continue;
        }
        const Fact scope = facts_.canonical(fact);
        Fact table_fact = fact;
        table_fact.source =
            table.kind == TableKind::FiscalBasicExpenditure ? F::Fiscal : F::GeneralPublic;
        if (!(facts_.canonical(table_fact) == scope)) {
            continue;
        }
        target.what =
            fmt::format("{} {} rows ({})", table.title,
                        fact.spending == S::Personnel ? "301 and 303" : "302, 309 and 310",
                        fact.spending == S::Personnel ? "人员经费" : "公用经费");
        target.fact = fact;
        return target;
    }
    return std::nullopt;
}

std::optional<std::string> ClaimResolver::subject_code(
    const std::vector<SubjectMention>& path) const {
    const std::map<std::string, std::set<std::string>>& printed = subjects().names;
    std::string prefix;
    for (std::size_t k = 0; k < path.size(); ++k) {
        const SubjectMention& mention = path[k];
        const int level = mention.level > 0 ? mention.level : static_cast<int>(k) + 1;
        const std::size_t length = level == 1 ? 3 : (level == 2 ? 5 : 7);
        if (!mention.code.empty()) {
            const std::string digits = mention.code;
            const std::string code =
                level == 1 ? digits : (digits.size() == 2 ? prefix + digits : digits);
            if (code.size() == length) {
                prefix = code;
                continue;
            }
        }
        auto matching = [&](bool at_level) {
            std::set<std::string> out;
            for (const auto& [code, names] : printed) {
                if ((at_level && code.size() != length) || code.size() <= prefix.size() ||
                    code.rfind(prefix, 0) != 0) {
                    continue;
                }
                for (const std::string& name : names) {
                    if (same_subject_name(mention.name, name)) {
                        out.insert(code);
                    }
                }
            }
            return out;
        };
        std::set<std::string> matches = matching(true);
        if (matches.empty()) {
            // The text may mark a 款 as （类）: the name alone decides, if it is unique.
            matches = matching(false);
        }
        if (matches.size() != 1) {
            return std::nullopt;
        }
        prefix = *matches.begin();
    }
    if (prefix.empty()) {
        return std::nullopt;
    }
    return prefix;
}

std::optional<Target> ClaimResolver::subject_by_name(const std::string& words, const Query& query,
                                                     const Claim& claim) const {
    // The longest subject name the tables print that the words contain, and nothing else.
    std::string best_code;
    std::size_t best_length = 0;
    bool tie = false;
    const auto& labels = subjects().labels;
    for (const auto& [code, name] : labels) {
        if (name.size() < 6 || words.find(name) == std::string::npos) {
            continue;
        }
        if (name.size() > best_length) {
            best_code = code;
            best_length = name.size();
            tie = false;
        } else if (name.size() == best_length && code != best_code) {
            tie = true;
        }
    }
    if (best_code.empty() || tie) {
        return std::nullopt;
    }
    // What the words say besides the name: nothing, or words of the vocabulary and filler.
    std::string rest = words;
    for (const auto& [code, name] : labels) {
        if (code == best_code) {
            if (const auto at = rest.find(name); at != std::string::npos && !name.empty()) {
                rest.erase(at, name.size());
            }
        }
    }
    bool clean = true;
    for (const std::string& run : read_words(rest).unknown) {
        clean = clean && (filler(run) || run == "(类)" || run == "(款)" || run == "(项)" ||
                          label_key(document_.unit).find(run) != std::string::npos);
    }
    Query named = query;
    named.fact.side = Side::Expenditure;
    named.fact.subject = best_code;
    named.fact.grand = false;
    named.fact.three_public = ThreePublicItem::None;
    named.sided = true;
    named.confident = clean && query.residue.size() <= 1;
    Resolution found = lookup(named, claim);
    if (!found.target) {
        return std::nullopt;
    }
    return found.target;
}

std::optional<Target> ClaimResolver::printed_value(const Claim& claim) const {
    // A figure a table prints whose row the words name: the claim quotes it even where the
    // words are not the vocabulary's.
    const auto unit = parse_money_unit(claim.unit);
    if (!unit) {
        return std::nullopt;
    }
    for (const FactCell& cell : facts_.cells()) {
        const Amount* amount = cell.at.amount();
        if (amount == nullptr || !cell.at.printed()) {
            continue;
        }
        const auto value = amount->in_unit(cell.at.table->money_unit, *unit);
        if (!value) {
            continue;
        }
        const auto fitted = value->divided_by(Decimal::from_integer(1), claim.decimals);
        if (!fitted || !(*fitted == claim.value)) {
            continue;
        }
        const std::string name = subject_name_key(cell.at.row_ref().label);
        if (name.size() >= 6 && claim.subject.find(name) != std::string::npos) {
            Target target;
            target.cells = {cell.at};
            target.figures = {figure_at(cell.at)};
            target.what = describe_cell(cell.at);
            target.confident = false;
            return target;
        }
    }
    return std::nullopt;
}

Resolution ClaimResolver::procurement(const Claim& claim) const {
    const Table* table = first_table(document_, TableKind::GovernmentProcurement);
    if (table == nullptr) {
        return {std::nullopt, "no 政府采购 table is printed", "未公开政府采购预算表"};
    }
    const TableSide& side = table->sides[0];
    // The procurement of all funds: the 合计 / 总计 column, or the one column of figures. With
    // several funds' columns and no total, which one the text means is not known.
    int column = -1;
    int values = 0;
    int only = -1;
    for (std::size_t c = 0; c < side.columns.size(); ++c) {
        const ColumnMeaning& m = side.columns[c].meaning;
        if (!m.is_value() || m.quantity != Quantity::Amount) {
            continue;
        }
        ++values;
        only = static_cast<int>(c);
        if (column < 0 && m.aggregate != Aggregate::None && m.source == FundSource::Any) {
            column = static_cast<int>(c);
        }
    }
    if (column < 0 && values == 1) {
        column = only;
    }
    // A category's own line (三、服务, 服务类), not an item that has the word in its name
    // (运行维护服务).
    int row = -1;
    for (std::string_view kind : {"货物", "工程", "服务"}) {
        if (!has(claim.subject, kind)) {
            continue;
        }
        for (std::size_t r = 0; r < side.rows.size() && row < 0; ++r) {
            const std::string& key = side.rows[r].label_parts.key;
            if (side.rows[r].level == 1 && !side.rows[r].is_total &&
                key.substr(0, kind.size()) == kind) {
                row = static_cast<int>(r);
            }
        }
    }
    if (row < 0 && !has(claim.subject, "货物") && !has(claim.subject, "工程") &&
        !has(claim.subject, "服务")) {
        row = total_row(side);
    }
    if (column < 0) {
        return {std::nullopt,
                "the 政府采购 table prints several funds' columns and no total of them",
                "政府采购预算表分资金来源列示且无合计列"};
    }
    if (row < 0) {
        return {std::nullopt, "the 政府采购 table prints no line of that name",
                "政府采购预算表中未列示该项"};
    }
    const CellAt at{table, 0, row, column};
    Target target;
    target.cells = {at};
    target.figures = {figure_at(at)};
    target.what = describe_cell(at);
    return {target, {}, {}};
}

Resolution ClaimResolver::performance(const Claim& claim) const {
    const Table* targets = first_table(document_, TableKind::PerformanceTargets);
    const bool projects = has(claim.source.sentence, "项目");
    if (targets != nullptr && projects && !has(claim.subject, "一般公共预算") &&
        !has(claim.subject, "财政拨款")) {
        Target target;
        for (const ProjectTargets& project : targets->projects) {
            for (const FundLine& line : project.funds) {
                if (line.kind == FundLineKind::Total && line.cell.amount() != nullptr) {
                    Figure figure;
                    figure.amount = *line.cell.amount();
                    figure.unit = targets->money_unit;
                    figure.ref = CellRef{targets->title,
                                         targets->json_index,
                                         Side::Whole,
                                         project.project,
                                         line.label,
                                         line.cell.printed,
                                         std::string(to_string(targets->money_unit)),
                                         line.cell.source};
                    target.figures.push_back(figure);
                }
            }
        }
        target.what = "the projects' 年度资金总额 in 项目支出绩效目标表";
        return {target, {}, {}};
    }
    // Money "涉及" by performance targets is a part of the budget nobody prints apart: only when
    // the words name a figure the tables print is it matched, and it is never called wrong.
    Query query = read(claim.subject, claim);
    if (projects) {
        query.fact.spending = S::Project;
        query.fact.side = Side::Expenditure;
        query.sided = true;
    }
    Resolution general = lookup(query, claim);
    if (general.target) {
        general.target->confident = false;
        return general;
    }
    return {std::nullopt, "no table of performance targets is printed", "未公开绩效目标表"};
}

Resolution ClaimResolver::amount(const Claim& claim) const {
    if (claim.in_reason) {
        // An explanation quotes the parts of a change, which no table prints, or now and then a
        // line that is printed (分流315万元 to a new 事业运行 line): matched, never called wrong.
        Claim plain = claim;
        plain.in_reason = false;
        plain.path.clear();  // the reasons speak of other lines than the item they explain
        plain.part_of = -1;
        Resolution found = amount(plain);
        if (found.target) {
            found.target->confident = false;
            return found;
        }
        return {std::nullopt,
                "it is quoted in the explanation of a change; the tables do not print the parts "
                "of a change",
                "该数出现在增减原因的说明中，表中不列示增减的构成"};
    }
    const std::string around = label_key(claim.source.heading + " " + claim.source.context);
    if (claim.period == Period::PriorYearExecution || claim.period == Period::PriorYearBudget ||
        claim.period == Period::ChangeVsPriorBudget ||
        claim.period == Period::ChangeVsPriorExecution) {
        std::optional<std::string> code;
        if (!claim.path.empty()) {
            code = subject_code(claim.path);
        }
        if (code) {
            Fact prior;
            prior.subject = *code;
            prior.period = claim.period;
            for (FundSource source : {F::Any, F::Fiscal, F::GeneralPublic}) {
                prior.source = source;
                const auto cells = facts_.find(prior);
                if (!cells.empty()) {
                    Target target;
                    target.cells = {cells.front()->at};
                    target.figures = {figure_at(cells.front()->at)};
                    target.what = describe_cell(cells.front()->at);
                    return {target, {}, {}};
                }
            }
        }
        return {std::nullopt,
                claim.period == Period::PriorYearExecution
                    ? "the document prints no prior-year execution figures for this line"
                    : "the document prints no prior-year budget figures for this line",
                claim.period == Period::PriorYearExecution ? "本文件未列示该项的上年执行数"
                                                           : "本文件未列示该项的上年预算数"};
    }
    if (has(around, "政府采购") || has(claim.subject, "政府采购")) {
        return procurement(claim);
    }
    if (has(around, "资产") && !has(claim.subject, "预算")) {
        return {std::nullopt, "no table of the unit's assets is printed", "未公开资产情况表"};
    }
    if (has(around, "绩效") || has(claim.subject, "绩效")) {
        return performance(claim);
    }
    if (!claim.path.empty()) {
        auto code = subject_code(claim.path);
        bool exact_path = code.has_value();
        if (!code) {
            // The path names its levels wrongly (卫生健康支出（款）计划生育事务（项） for 21007
            // 计划生育事务): its last name alone may still be one printed subject.
            code = subject_code({SubjectMention{claim.path.back().name, 0, {}}});
        }
        if (!code) {
            return {std::nullopt, "the subject it names is not printed in the tables",
                    "所述科目未在表中列示"};
        }
        Query query = read(claim.subject, claim);
        query.fact.side = Side::Expenditure;
        query.fact.subject = *code;
        query.fact.grand = false;
        query.fact.three_public = ThreePublicItem::None;
        query.fact.stage = Stage::All;
        query.sided = true;
        query.confident = exact_path;  // the path names the subject exactly
        Resolution found = lookup(query, claim);
        if (!found.target && query.fact.spending != S::All) {
            query.fact.spending = S::All;
            found = lookup(query, claim);
        }
        return found;
    }
    const Query query = read(claim.subject, claim);
    if (!query.residue.empty()) {
        // Words the vocabulary does not know may be a subject's name (社会保障和就业支出).
        if (auto named = subject_by_name(claim.subject, query, claim)) {
            return {named, {}, {}};
        }
    }
    if (query.any) {
        Resolution found = lookup(query, claim);
        if (found.target || query.fact.spending != S::All || query.fact.source != F::Any ||
            query.fact.three_public != ThreePublicItem::None) {
            if (!found.target) {
                if (auto printed = printed_value(claim)) {
                    return {printed, {}, {}};
                }
            }
            return found;
        }
    }
    if (auto printed = printed_value(claim)) {
        return {printed, {}, {}};
    }
    return {std::nullopt, "its words name no figure the tables print", "文字未指明表中的任何数字"};
}

std::vector<Target> ClaimResolver::printings(const Target& target) const {
    std::vector<Target> out;
    if (!target.fact) {
        return out;
    }
    for (const FactCell* cell : facts_.find(*target.fact)) {
        if (cell->at.amount() == nullptr) {
            continue;
        }
        Target one;
        one.cells = {cell->at};
        one.figures = {figure_at(cell->at)};
        one.what = describe_cell(cell->at);
        one.confident = target.confident;
        one.fact = target.fact;
        out.push_back(std::move(one));
    }
    return out;
}

Resolution ClaimResolver::whole(const Claim& claim) const {
    // The whole is named in full (占本年支出合计的): the section's fund does not narrow it.
    Claim named = claim;
    named.source.heading.clear();
    named.source.context.clear();
    named.subject = claim.whole_words;
    named.path.clear();
    named.in_reason = false;
    named.period = Period::BudgetYear;
    const Query query = read(claim.whole_words, named);
    if (!query.any) {
        return {std::nullopt, "the whole it is a share of is not a figure the tables print",
                "占比的分母不是表中列示的数字"};
    }
    return lookup(query, named);
}

CellRef claim_ref(const Claim& claim) {
    CellRef ref;
    ref.table = claim.source.block == "profile" ? "单位概况 · " + claim.source.heading
                : claim.source.block == "notes" ? claim.source.heading + " · 注"
                                                : "情况说明 · " + claim.source.heading;
    ref.table_index = -1;
    ref.row = claim.subject;
    ref.printed = claim.printed;
    ref.unit = claim.unit;
    ref.source = claim.source.location;
    return ref;
}

Figure claim_figure(const Claim& c) {
    Figure f;
    f.amount = Amount::number(c.value, c.decimals);
    const auto unit = parse_money_unit(c.unit);
    f.unit = unit.value_or(MoneyUnit::Yuan);
    f.exact = !unit.has_value();  // counts of people or things are exact
    f.ref = claim_ref(c);
    return f;
}

}  // namespace budgetcheck
