// Completeness: a budget disclosure publishes a fixed set of tables, and a table left empty
// says why (in a note under it, or in the narrative).
#include <algorithm>
#include <iterator>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "budgetcheck/load/pdf.hpp"
#include "budgetcheck/load/vocabulary.hpp"
#include "families.hpp"

namespace budgetcheck::rules {

namespace {

// The words that name a table's subject in a note or in the narrative.
std::string_view topic(TableKind kind) {
    switch (kind) {
        case TableKind::GovernmentFundExpenditure:
            return "政府性基金";
        case TableKind::StateCapitalExpenditure:
            return "国有资本经营";
        case TableKind::ThreePublicExpenses:
            return "三公";
        case TableKind::ProjectExpenditure:
            return "项目支出";
        case TableKind::EntrustedServiceExpenditure:
            return "委托业务费";
        case TableKind::OperatingExpenses:
            return "机关运行经费";
        case TableKind::GovernmentProcurement:
            return "政府采购";
        case TableKind::GovernmentPurchasedServices:
            return "政府购买服务";
        default:
            return "";
    }
}

bool says_none(std::string_view text, std::string_view subject) {
    const std::string key = label_key(text);
    const std::string word = label_key(subject);
    for (std::size_t at = key.find(word); at != std::string::npos; at = key.find(word, at + 1)) {
        // "无政府性基金", "没有政府性基金…", "政府性基金…为0", "未安排…": within one sentence of
        // the subject.
        const std::size_t begin = at > 60 ? at - 60 : 0;
        const std::string window = key.substr(begin, 180);
        for (std::string_view negation : {"无", "没有", "未安排", "不涉及", "为0", "为零"}) {
            if (window.find(negation) != std::string::npos) {
                return true;
            }
        }
    }
    return false;
}

// Whether the narrative, the profile or a table's note says there is none of a fund's money.
bool fund_said_none(const Document& document, std::string_view subject) {
    for (const auto* sections : {&document.narrative, &document.profile}) {
        for (const TextSection& section : *sections) {
            if (says_none(section.heading + section.text, subject)) {
                return true;
            }
        }
    }
    for (const Table& table : document.tables) {
        for (const std::string& note : table.notes) {
            if (says_none(note, subject)) {
                return true;
            }
        }
    }
    return false;
}

// The funds whose tables a template prints whether or not the unit has any of that money, each
// with a note under it when it is empty; the note of one is easily copied under another.
constexpr TableKind noted_funds[] = {TableKind::GovernmentFundExpenditure,
                                     TableKind::StateCapitalExpenditure,
                                     TableKind::ThreePublicExpenses};

// Words that say a table itself has nothing in it (本表为空表, 本表无数据).
constexpr std::string_view empty_words[] = {"空表", "本表为空", "无数据", "本表无"};

}  // namespace

// What a 决算 calls each of its nine tables (the template of the 部门决算).
std::string_view final_accounts_name(TableKind kind) {
    switch (kind) {
        case TableKind::IncomeExpenditureSummary:
            return "收入支出决算总表";
        case TableKind::IncomeSummary:
            return "收入决算表";
        case TableKind::ExpenditureSummary:
            return "支出决算表";
        case TableKind::FiscalAppropriationSummary:
            return "财政拨款收入支出决算总表";
        case TableKind::GeneralPublicExpenditure:
            return "一般公共预算财政拨款支出决算表";
        case TableKind::GeneralPublicBasicExpenditure:
            return "一般公共预算财政拨款基本支出决算表";
        case TableKind::ThreePublicExpenses:
            return "财政拨款“三公”经费支出决算表";
        case TableKind::GovernmentFundExpenditure:
            return "政府性基金预算财政拨款收入支出决算表";
        case TableKind::StateCapitalExpenditure:
            return "国有资本经营预算财政拨款收入支出决算表";
        default:
            return chinese_name(kind);
    }
}

namespace {

// A disclosure published as two PDFs (江苏: the text, then the tables) read one file at a time:
// the text's file has no table at all, and is no disclosure missing the tables its 目录 lists.
bool tables_published_apart(const Document& document, RuleContext& context) {
    if (!document.tables.empty() || !is_pdf_path(document.file)) {
        return false;
    }
    context.skip("no table is printed in this PDF: a disclosure published as a text PDF and a "
                 "tables PDF is checked as one when `verify` is given both, named alike "
                 "(X-text.pdf and X-tables.pdf, X文字部分.pdf and X表格部分.pdf), or after "
                 "`budgetcheck import TEXT.pdf TABLES.pdf`",
                 "本PDF未列示任何表格：正文与表格分为两个PDF公开的，将两个文件一并交给 verify"
                 "（文件名仅差“文字/表格”等字样）即合并检查，或先用 budgetcheck import 正文.pdf "
                 "表格.pdf 合并");
    return true;
}

}  // namespace

void required_tables(const Document& document, RuleContext& context) {
    // A disclosure published as two PDFs (江苏: the text, then the tables) read one file at a
    // time: the text's file has no table at all, and is no disclosure missing nine of them.
    if (tables_published_apart(document, context)) {
        return;
    }
    // A 决算 publishes the same nine tables as a budget, under its own titles.
    const bool final_accounts = is_final_accounts(document.kind);
    const TableKind required[] = {
        TableKind::IncomeExpenditureSummary, TableKind::IncomeSummary,
        TableKind::ExpenditureSummary,       TableKind::FiscalAppropriationSummary,
        TableKind::GeneralPublicExpenditure, TableKind::GeneralPublicBasicExpenditure,
        TableKind::ThreePublicExpenses,      TableKind::GovernmentFundExpenditure,
        TableKind::StateCapitalExpenditure,
    };
    for (TableKind kind : required) {
        // Budgets before 2020 published eight tables, without one for 国有资本经营预算.
        if (kind == TableKind::StateCapitalExpenditure && document.year < 2020) {
            continue;
        }
        const std::string_view name = final_accounts ? final_accounts_name(kind) : chinese_name(kind);
        CellRef ref;
        ref.table = std::string(name);
        ref.source = SourceLocation{"/tables", 0, 0};
        context.count_checked({});
        if (!document.tables_of(kind).empty()) {
            continue;
        }
        // Places that publish eight tables leave out a fund's table when the department has none
        // of that money, and say so (本部门无国有资本经营预算收支，故未编制…): nothing is hidden.
        if (kind == TableKind::StateCapitalExpenditure || kind == TableKind::GovernmentFundExpenditure) {
            if (fund_said_none(document, topic(kind))) {
                context.skip(fmt::format("no {} is printed, and the text says there is no {} money",
                                         name, topic(kind)),
                             fmt::format("未列示{}，文字说明已说明无{}资金", name, topic(kind)));
                continue;
            }
        }
        Finding finding;
        finding.severity = context.rule().default_severity;
        finding.cells = {ref};
        finding.expected = std::string(name);
        finding.actual = "absent";
        finding.message_en =
            fmt::format("a {} must publish a {} ({}); none is printed", to_string(document.kind),
                        name, to_string(kind));
        finding.message_zh =
            fmt::format("{}应公开{}，文件中未列示", chinese_name(document.kind), name);
        context.report(std::move(finding));
    }
}

void detail_level(const Document& document, RuleContext& context) {
    // 一般公共预算 spending is published by function down to the 项, and its basic spending by
    // economic subject down to the 款: a subject with money at the level above has its parts.
    const std::pair<TableKind, int> rules[] = {
        {TableKind::GeneralPublicExpenditure, 2},
        {TableKind::GeneralPublicBasicExpenditure, 1},
    };
    for (const auto& [kind, parent_level] : rules) {
        for (const Table* table : document.tables_of(kind)) {
            for (std::size_t s = 0; s < table->sides.size(); ++s) {
                const TableSide& side = table->sides[s];
                // A row nobody could read may be the missing level.
                if (std::any_of(side.rows.begin(), side.rows.end(),
                                [](const Row& row) { return row.role == RowRole::Unknown; })) {
                    context.skip(fmt::format("{}: a row was not understood", table->title),
                                 fmt::format("{}：有行未能识别", table->title));
                    continue;
                }
                std::vector<bool> has_child(side.rows.size(), false);
                bool deeper_printed = false;
                for (const Row& row : side.rows) {
                    if (row.role == RowRole::Subject && row.subject &&
                        row.subject->level == parent_level + 1) {
                        deeper_printed = true;
                        if (row.parent >= 0) {
                            has_child[static_cast<std::size_t>(row.parent)] = true;
                        }
                    }
                }
                for (std::size_t r = 0; r < side.rows.size(); ++r) {
                    const Row& row = side.rows[r];
                    if (row.role != RowRole::Subject || !row.subject ||
                        row.subject->level != parent_level) {
                        continue;
                    }
                    int money = -1;
                    for (std::size_t c = 0; c < row.cells.size() && c < side.columns.size(); ++c) {
                        const Amount* amount = row.cells[c].amount();
                        if (side.columns[c].meaning.is_value() &&
                            side.columns[c].meaning.quantity == Quantity::Amount &&
                            amount != nullptr && amount->is_printed() &&
                            !amount->value().is_zero()) {
                            money = static_cast<int>(c);
                            break;
                        }
                    }
                    if (money < 0) {
                        continue;
                    }
                    const CellAt at{table, static_cast<int>(s), static_cast<int>(r), money};
                    context.count_checked({ref_of(at)});
                    if (has_child[r]) {
                        continue;
                    }
                    const std::string_view level = parent_level == 2 ? "项" : "款";
                    Finding finding;
                    finding.severity = context.rule().default_severity;
                    finding.cells = {ref_of(at)};
                    finding.actual = fmt::format("no {} under it", level);
                    finding.expected = fmt::format("its {} rows", level);
                    finding.message_en = fmt::format(
                        "{} {} prints {} but none of its {} is listed{}: {} is published down "
                        "to the {}",
                        row.subject->code, row.label, at.cell().printed, level,
                        deeper_printed ? " (other subjects are)" : "", chinese_name(kind), level);
                    finding.message_zh =
                        fmt::format("{} {}列示 {}，但未细化到{}级科目；{}应公开到{}", row.subject->code,
                                    row.label, at.cell().printed, level, chinese_name(kind), level);
                    context.report(std::move(finding));
                }
            }
        }
    }
}

void narrative_topics(const Document& document, RuleContext& context) {
    // A department's disclosure explains these in its 情况说明 (其他相关情况说明 / 其他重要事项),
    // each under its own words; 国有资产占用 since the 2019 budgets.
    if (document.kind != DocumentKind::DepartmentBudget &&
        document.kind != DocumentKind::DepartmentFinal) {
        return;
    }
    if (document.narrative.empty()) {
        context.skip("the document has no 情况说明 to look in", "文件未列示情况说明");
        return;
    }
    struct Topic {
        std::string_view name;
        std::vector<std::string_view> words;
        int from_year;
    };
    const Topic topics[] = {
        {"“三公”经费", {"三公"}, 0},
        {"机关运行经费", {"机关运行经费", "机关运行费"}, 0},
        {"政府采购", {"政府采购"}, 0},
        {"国有资产占有使用情况", {"国有资产", "资产占用", "资产占有"}, 2019},
        {"绩效", {"绩效"}, 0},
    };
    std::string text;
    for (const TextSection& section : document.narrative) {
        text += label_key(section.heading) + label_key(section.text);
    }
    for (const Topic& topic : topics) {
        if (document.year < topic.from_year) {
            continue;
        }
        CellRef ref;
        ref.table = "情况说明";
        ref.table_index = -1;
        ref.row = std::string(topic.name);
        ref.source = document.narrative.front().source;
        context.count_checked({ref});
        const bool said = std::any_of(topic.words.begin(), topic.words.end(), [&](auto word) {
            return text.find(label_key(word)) != std::string::npos;
        });
        if (said) {
            continue;
        }
        Finding finding;
        finding.severity = context.rule().default_severity;
        finding.cells = {ref};
        finding.actual = "absent";
        finding.expected = std::string(topic.name);
        finding.message_en = fmt::format(
            "the narrative says nothing of {}, which a {} explains", topic.name,
            to_string(document.kind));
        finding.message_zh = fmt::format("情况说明未说明{}，{}应予说明", topic.name,
                                         chinese_name(document.kind));
        context.report(std::move(finding));
    }
}

void contents_tables(const Document& document, RuleContext& context) {
    if (tables_published_apart(document, context)) {
        return;
    }
    for (const TextSection& entry : document.contents) {
        // An entry naming a table ends in 表 (一、收入支出决算总表); the parts and the sections
        // of the 情况说明 (收入支出决算总体情况说明) are not tables.
        const std::string key = label_key(split_label(entry.text).key);
        if (key.size() < 3 || key.compare(key.size() - 3, 3, "表") != 0) {
            continue;
        }
        const TableKind kind = recognise_table_kind(entry.text);
        if (kind == TableKind::Unknown) {
            continue;
        }
        CellRef ref;
        ref.table = "目录";
        ref.table_index = -1;
        ref.row = entry.text;
        ref.printed = entry.text;
        ref.source = entry.source;
        context.count_checked({ref});
        if (!document.tables_of(kind).empty()) {
            continue;
        }
        Finding finding;
        finding.severity = context.rule().default_severity;
        finding.cells = {ref};
        finding.actual = entry.text;
        finding.expected = "a table of that kind among the tables";
        finding.message_en =
            fmt::format("the table of contents lists {} ({}), but no such table is printed",
                        entry.text, to_string(kind));
        finding.message_zh = fmt::format("目录列有“{}”，但文件中未列示该表", entry.text);
        context.report(std::move(finding));
    }
}

void empty_table_explained(const Document& document, RuleContext& context) {
    for (const Table& table : document.tables) {
        if (!table.is_empty() || table.kind == TableKind::Unknown) {
            continue;
        }
        const std::string_view subject = topic(table.kind);
        bool explained = !table.notes.empty();
        for (const TextSection& section : document.narrative) {
            explained = explained ||
                        (!subject.empty() && says_none(section.heading + section.text, subject));
        }
        CellRef ref;
        ref.table = table.title;
        ref.table_index = table.json_index;
        ref.source = table.source;
        context.count_checked({ref});
        if (explained) {
            continue;
        }
        Finding finding;
        finding.severity = context.rule().default_severity;
        finding.cells = {ref};
        finding.actual = "an empty table";
        finding.expected = "a note saying why it is empty";
        finding.message_en = fmt::format(
            "{} prints no figure and neither a note under it nor the narrative says why",
            table.title);
        finding.message_zh =
            fmt::format("{}为空表，表下无说明，情况说明中也未说明原因", table.title);
        context.report(std::move(finding));
    }
}

void empty_table_note(const Document& document, RuleContext& context) {
    for (const Table& table : document.tables) {
        if (table.note_sources.empty() || std::find(std::begin(noted_funds), std::end(noted_funds),
                                                    table.kind) == std::end(noted_funds)) {
            continue;
        }
        const std::string own = std::string(topic(table.kind));
        for (const TextSection& note : table.note_sources) {
            const std::string key = label_key(note.text);
            CellRef ref;
            ref.table = table.title;
            ref.table_index = table.json_index;
            ref.row = "note";
            ref.printed = note.text;
            ref.source = note.text_source;
            context.count_checked({ref});
            Finding finding;
            finding.severity = context.rule().default_severity;
            finding.cells = {ref};
            finding.actual = note.text;
            if (!table.is_empty()) {
                // A table that prints figures cannot be the empty table its note says it is.
                const auto said = std::find_if(
                    std::begin(empty_words), std::end(empty_words),
                    [&](std::string_view w) { return key.find(w) != std::string::npos; });
                if (said == std::end(empty_words)) {
                    continue;
                }
                finding.expected = "no note saying the table is empty";
                finding.message_en =
                    fmt::format("{} prints figures, but the note under it says it is empty: {}",
                                table.title, note.text);
                finding.message_zh =
                    fmt::format("{}列示了数字，但表下注释称其为空表：{}", table.title, note.text);
                context.report(std::move(finding));
                continue;
            }
            // An empty table's note that says there is none of another fund and never names its
            // own was written for another table. A note naming no fund (本部门无该项目) is fine.
            if (says_none(note.text, own)) {
                continue;
            }
            for (TableKind other : noted_funds) {
                const std::string_view named = topic(other);
                if (other == table.kind || !says_none(note.text, named) ||
                    key.find(label_key(own)) != std::string::npos) {
                    continue;
                }
                finding.expected = fmt::format("a note about {}", own);
                finding.message_en = fmt::format(
                    "the note under {} speaks of {}, not of {}: it was written for another table",
                    table.title, named, own);
                finding.message_zh = fmt::format("{}的表下注释说明的是{}而非{}，系从其他表格复制",
                                                 table.title, named, own);
                context.report(std::move(finding));
                break;
            }
        }
    }
}

void unlabelled_rows(const Document& document, RuleContext& context) {
    for (const Table& table : document.tables) {
        if (table.kind == TableKind::Unknown || table.kind == TableKind::PerformanceTargets) {
            continue;
        }
        // A printed row is read in every panel of its table: report it once, with its figures
        // from all of them, when no panel gives it a label.
        std::map<int, bool> labelled;
        for (const TableSide& side : table.sides) {
            for (const Row& row : side.rows) {
                labelled[row.json_index] =
                    labelled[row.json_index] || !row.label.empty() || row.role != RowRole::Unknown;
            }
        }
        std::map<int, std::vector<CellRef>> figures;
        for (std::size_t s = 0; s < table.sides.size(); ++s) {
            const TableSide& side = table.sides[s];
            for (std::size_t r = 0; r < side.rows.size(); ++r) {
                if (labelled[side.rows[r].json_index]) {
                    continue;
                }
                for (const CellAt& at :
                     value_cells(table, static_cast<int>(s), static_cast<int>(r))) {
                    if (at.printed()) {
                        figures[side.rows[r].json_index].push_back(ref_of(at));
                    }
                }
            }
        }
        for (const auto& [index, cells] : figures) {
            if (labelled[index] || cells.empty()) {
                continue;
            }
            context.count_checked(cells);
            Finding finding;
            finding.severity = context.rule().default_severity;
            finding.cells = cells;
            finding.actual = cells.front().printed;
            finding.expected = "a label saying what the figures are";
            finding.message_en = fmt::format(
                "{}: row {} prints {} figure{} but no label, so no total can include it",
                table.title, index + 1, cells.size(), cells.size() == 1 ? "" : "s");
            finding.message_zh =
                fmt::format("{}：第 {} 行列示 {} 个数字，但没有项目名称，无法确定其归属",
                            table.title, index + 1, cells.size());
            context.report(std::move(finding));
        }
    }
}

}  // namespace budgetcheck::rules

namespace budgetcheck::rules {

// The disclosure rules ask the “三公” table for each item apart, and for 公务用车购置及运行费 split
// into 购置费 and 运行费: a reader cannot tell a new car from the running of old ones otherwise.
void three_public_items(const Document& document, RuleContext& context) {
    using T = ThreePublicItem;
    for (const Table* table : document.tables_of(TableKind::ThreePublicExpenses)) {
        // Printed without its grid, what it holds cannot be read; with no figure at all there is
        // no 三公 money to show apart.
        if (table->three_public.empty() || table->is_empty()) {
            continue;
        }
        std::map<T, const ThreePublicFigure*> printed;
        for (const ThreePublicFigure& f : table->three_public) {
            if (f.quantity == Quantity::Amount) {
                printed.emplace(f.item, &f);
            }
        }
        std::vector<std::string_view> missing;
        for (T item : {T::OverseasTravel, T::Reception, T::VehiclePurchase, T::VehicleOperation}) {
            // A table that splits 公务用车 needs no 小计 above its parts; one without the split
            // is missing the parts, which is reported whether or not it prints the 小计.
            if (printed.count(item) == 0) {
                missing.push_back(chinese_name(item));
            }
        }
        CellRef ref;
        ref.table = table->title;
        ref.table_index = table->json_index;
        ref.row = "title";
        ref.printed = table->title;
        ref.source = table->title_source.text_source;
        if (const auto vehicle = printed.find(T::VehicleTotal); vehicle != printed.end()) {
            const ThreePublicFigure& f = *vehicle->second;
            ref = ref_of(CellAt{table, f.side, f.row, f.column});
        }
        context.count_checked({ref});
        if (missing.empty()) {
            continue;
        }
        Finding finding;
        finding.severity = context.rule().default_severity;
        finding.cells = {ref};
        finding.expected = fmt::format("{}", fmt::join(missing, "、"));
        finding.actual = "not printed";
        finding.message_en =
            fmt::format("{} does not show {} apart", table->title, fmt::join(missing, ", "));
        finding.message_zh =
            fmt::format("{}未单独列示{}", table->title, fmt::join(missing, "、"));
        context.report(std::move(finding));
    }
}

}  // namespace budgetcheck::rules
