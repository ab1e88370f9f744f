// Row interpretation: what each printed row is (a summary line, a classification subject, a
// project, a unit, an item of a free list) and where it sits in its table's tree.
//
// A row's label is the path of its label columns, left to right, the way a column's header is
// the path of its header cells: a group label printed once beside several rows (一般公共预算资金
// beside 小计 / 公共财政拨款 / 专项收入) is carried down and says something about each of them. The
// depth of a row comes, in this order, from an explicit level, its subject code, the deepest label
// column it prints in, its numbering, or the line it is part of by meaning (公务用车运行费 under
// 公务用车购置及运行费).
#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

#include "budgetcheck/load/vocabulary.hpp"
#include "loader_internal.hpp"

namespace budgetcheck::detail {

namespace {

bool is_code(std::string_view text) {
    return subject_level(text) != 0;
}

std::optional<Classification> classification_of_code(std::string_view code) {
    if (code.empty()) {
        return std::nullopt;
    }
    switch (code.front()) {
        case '2':
            return Classification::Functional;
        case '3':
            return Classification::EconomicDepartment;
        case '5':
            return Classification::EconomicGovernment;
        default:
            return std::nullopt;
    }
}

// Codes are printed "2080108", sometimes "208 01 08" or "208-01-08".
std::string compact_code(std::string_view printed) {
    std::string out;
    for (char c : trim(fold_width(printed))) {
        if (c == ' ' || c == '-' || c == '.') {
            continue;
        }
        out.push_back(c);
    }
    return out;
}

// Tables whose rows are free text (projects, procurement items): their labels are names, not
// words of the vocabulary.
bool free_text_rows(TableKind kind) {
    return kind == TableKind::GovernmentProcurement ||
           kind == TableKind::GovernmentPurchasedServices || kind == TableKind::ProjectExpenditure ||
           kind == TableKind::PerformanceTargets || kind == TableKind::Unknown;
}

// The classification a side's subject rows belong to, when it has subject rows at all.
std::optional<Classification> side_classification(const Table& table, Side side) {
    if (free_text_rows(table.kind)) {
        return std::nullopt;  // a procurement item's 经济科目 is its name, not a subject row
    }
    if (table.kind == TableKind::GeneralPublicBasicExpenditure ||
        table.kind == TableKind::FiscalBasicExpenditure) {
        return table.classification.value_or(Classification::EconomicDepartment);
    }
    if (table.classification) {
        return table.classification;
    }
    switch (table.kind) {
        case TableKind::ExpenditureSummary:
        case TableKind::IncomeSummary:
        case TableKind::GeneralPublicExpenditure:
        case TableKind::FiscalExpenditure:
        case TableKind::GovernmentFundExpenditure:
        case TableKind::StateCapitalExpenditure:
        case TableKind::EntrustedServiceExpenditure:
            return Classification::Functional;
        case TableKind::OperatingExpenses:
            return Classification::EconomicDepartment;
        case TableKind::IncomeExpenditureSummary:
        case TableKind::FiscalAppropriationSummary:
            return side == Side::Expenditure ? std::optional(Classification::Functional)
                                             : std::nullopt;
        default:
            return std::nullopt;
    }
}

// Is line `inner` a part of line `outer` by what their labels say (一般公共预算 within 财政拨款,
// 人员经费 within 基本支出, 公务用车运行费 within 公务用车购置及运行费)?
bool part_of(const ColumnMeaning& inner, const ColumnMeaning& outer) {
    if (outer.aggregate != Aggregate::None) {
        return false;
    }
    const bool sources = within(inner.source, outer.source);
    const bool spendings = within(inner.spending, outer.spending);
    const bool items = outer.three_public == ThreePublicItem::None
                           ? inner.three_public == ThreePublicItem::None
                           : within(inner.three_public, outer.three_public);
    const bool stages =
        inner.stage == outer.stage || outer.stage == Stage::All || inner.stage == Stage::All;
    const bool narrower = inner.source != outer.source || inner.spending != outer.spending ||
                          inner.three_public != outer.three_public || inner.stage != outer.stage ||
                          (!inner.detail.empty() && outer.detail.empty());
    const bool anything = outer.source != FundSource::Any || outer.spending != Spending::All ||
                          outer.three_public != ThreePublicItem::None ||
                          outer.stage != Stage::All;
    return anything && sources && spendings && items && stages && narrower;
}

bool is_content_row(const Row& row) {
    return row.role != RowRole::Filler;
}

// A code printed in the name's own cell (预算一体化 exports: [201]一般公共服务支出, 【2010301】行政运行,
// or 2010301 行政运行): taken out of the label, which keeps the name. Empty when there is none; a
// numbering (1. / (1)) or a year is no code.
std::string code_before_name(std::string& label) {
    const std::string text = trim(label);
    static const std::vector<std::pair<std::string_view, std::string_view>> brackets = {
        {"[", "]"}, {"【", "】"}, {"〔", "〕"}, {"（", "）"}, {"(", ")"}};
    std::size_t digits_at = 0;
    std::string_view close;
    for (const auto& [open, shut] : brackets) {
        if (text.compare(0, open.size(), open) == 0) {
            digits_at = open.size();
            close = shut;
            break;
        }
    }
    std::size_t end = digits_at;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') {
        ++end;
    }
    const std::string code = text.substr(digits_at, end - digits_at);
    if (code.size() != 3 && code.size() != 5 && code.size() != 7) {
        return {};
    }
    std::size_t name_at = end;
    if (!close.empty()) {
        if (text.compare(end, close.size(), close) != 0) {
            return {};
        }
        name_at += close.size();
    } else if (end >= text.size() || (text[end] != ' ' && text[end] != '\t')) {
        return {};  // 2024年…, 100万元: digits run into the words
    }
    const std::string name = trim(text.substr(name_at));
    if (name.empty() || !is_code(code)) {
        return {};
    }
    label = name;
    return code;
}

bool row_is_blank(const Row& row) {
    return std::all_of(row.cells.begin(), row.cells.end(),
                       [](const Cell& cell) { return trim(cell.printed).empty(); });
}

// The columns' numbers printed as a row with no 栏次 word (1 2 3 … 12): at least three printed
// cells, whole numbers without decimals, each one more than the one before.
bool numbers_the_columns(const Row& row) {
    int expected = -1;
    int seen = 0;
    for (const Cell& cell : row.cells) {
        const std::string text = trim(cell.printed);
        if (text.empty()) {
            continue;
        }
        if (text.size() > 3 ||
            !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            return false;
        }
        const int value = std::stoi(text);
        if (expected >= 0 && value != expected) {
            return false;
        }
        expected = value + 1;
        ++seen;
    }
    return seen >= 3;
}

std::string cell_text(const Row& row, int column) {
    return column < 0 ? std::string() : trim(row.cells[static_cast<std::size_t>(column)].printed);
}

struct SubjectMatch {
    const CatalogSubject* subject = nullptr;
    std::vector<const CatalogSubject*> candidates;
};

// Picks the catalog subject an uncoded name stands for, preferring one that fits under the
// subjects printed just above it.
SubjectMatch match_subject(const SubjectCatalog& catalog, Classification classification,
                           std::string_view name, const std::array<std::string, 4>& context) {
    SubjectMatch match;
    match.candidates = catalog.find_name(classification, name);
    int best_score = -1;
    bool tie = false;
    for (const CatalogSubject* candidate : match.candidates) {
        const int level = subject_level(candidate->code);
        const std::string parent = parent_code(candidate->code);
        int score = 0;
        if (level == 1) {
            score = 2;
        } else if (!context[static_cast<std::size_t>(level - 1)].empty() &&
                   parent == context[static_cast<std::size_t>(level - 1)]) {
            score = 3;
        } else if (level == 3 && !context[1].empty() &&
                   candidate->code.substr(0, 3) == context[1]) {
            score = 1;
        }
        if (score > best_score) {
            best_score = score;
            match.subject = candidate;
            tie = false;
        } else if (score == best_score) {
            tie = true;
        }
    }
    if (tie && best_score <= 0) {
        match.subject = nullptr;  // several subjects share the name and none fits the context
    }
    // Printed under a 类 or 款 its catalogued code does not belong to: the catalog knows the name
    // elsewhere only (行政运行 under 20801 where it stands under 20103), so the code is a guess
    // that would make the row look misfiled.
    if (match.subject != nullptr && best_score < 3) {
        const int level = subject_level(match.subject->code);
        if (level > 1 && !context[static_cast<std::size_t>(level - 1)].empty()) {
            match.subject = nullptr;
        }
    }
    return match;
}

bool total_word(std::string_view key) {
    return key == "合计" || key == "小计" || key == "总计" || key == "共计";
}

class SideReader {
  public:
    SideReader(Table& table, TableSide& side, const Document& document,
               const SubjectCatalog& catalog, Diagnostics& diagnostics)
        : table_(table),
          side_(side),
          document_(document),
          catalog_(catalog),
          diagnostics_(diagnostics),
          classification_(side_classification(table, side.side)),
          free_text_(free_text_rows(table.kind)) {
        for (std::size_t c = 0; c < side.columns.size(); ++c) {
            const ColumnRole role = side.columns[c].meaning.role;
            if (role == ColumnRole::Label || role == ColumnRole::UnitName) {
                label_columns_.push_back(static_cast<int>(c));
            }
        }
        code_column_ = side.find_role(ColumnRole::Code);
        split_ = {side.find_role(ColumnRole::CodeClass), side.find_role(ColumnRole::CodeSection),
                  side.find_role(ColumnRole::CodeItem)};
        type_column_ = side.find_role(ColumnRole::ProjectType);
        level1_column_ = side.find_role(ColumnRole::ProjectLevel1);
        level2_column_ = side.find_role(ColumnRole::ProjectLevel2);
        project_table_ = table.kind == TableKind::ProjectExpenditure ||
                         (level1_column_ >= 0 && level2_column_ >= 0);
        carried_.resize(label_columns_.size());
    }

    void read() {
        for (std::size_t r = 0; r < side_.rows.size(); ++r) {
            read_row(r);
        }
    }

  private:
    // The row a row at this level sits under: the nearest row above it at a lower level (a
    // level may be skipped, as 专项名称 prints no line of its own in a procurement table).
    int nearest_above(std::size_t before, int level) const {
        for (std::size_t k = before; k-- > 0;) {
            const Row& above = side_.rows[k];
            if (above.role != RowRole::Filler && above.level > 0 && above.level < level) {
                return static_cast<int>(k);
            }
        }
        return -1;
    }

    // The code a row prints, in one code column or split into 类/款/项 columns; a word printed
    // in a code column (合计 across the code columns) becomes the row's label instead.
    std::string read_code(Row& row, SubjectRef::Origin& origin) {
        origin = SubjectRef::Origin::PrintedCode;
        std::string code = compact_code(cell_text(row, code_column_));
        if (!code.empty() && !is_code(code)) {
            if (row.label.empty()) {
                row.label = cell_text(row, code_column_);
            }
            code.clear();
        }
        if (!code.empty() || split_[0] < 0) {
            return code;
        }
        std::array<std::string, 3> parts;
        for (std::size_t k = 0; k < 3; ++k) {
            parts[k] = compact_code(cell_text(row, split_[k]));
            const bool digits = !parts[k].empty() &&
                                std::all_of(parts[k].begin(), parts[k].end(),
                                            [](char c) { return c >= '0' && c <= '9'; });
            if (!parts[k].empty() && !digits) {
                if (row.label.empty()) {
                    row.label = cell_text(row, split_[k]);
                }
                parts[k].clear();
            }
        }
        const std::string& cls = parts[0];
        const std::string& sec = parts[1];
        const std::string& item = parts[2];
        if (cls.size() == 3) {
            split_class_ = cls;
            split_section_.clear();
        }
        if (sec.size() == 2) {
            split_section_ = sec;
        }
        if (cls.size() == 3 && sec.empty() && item.empty()) {
            code = cls;
        } else if (!sec.empty() && item.empty() && !split_class_.empty()) {
            code = split_class_ + sec;
        } else if (!item.empty() && !split_class_.empty() && !split_section_.empty()) {
            code = split_class_ + split_section_ + item;
        }
        origin = SubjectRef::Origin::SplitCodeColumns;
        return is_code(code) ? code : std::string();
    }

    // The label path: carries group labels down, and says which label column the row's own
    // label stands in (0 for the first), -1 when it prints none.
    int read_label_path(Row& row) {
        int deepest = -1;
        for (std::size_t k = 0; k < label_columns_.size(); ++k) {
            const std::string text = cell_text(row, label_columns_[k]);
            if (!text.empty()) {
                deepest = static_cast<int>(k);
            }
        }
        for (std::size_t k = 0; k < label_columns_.size(); ++k) {
            const std::string text = cell_text(row, label_columns_[k]);
            if (!text.empty()) {
                carried_[k] = text;
                for (std::size_t deeper = k + 1; deeper < carried_.size(); ++deeper) {
                    if (cell_text(row, label_columns_[deeper]).empty()) {
                        carried_[deeper].clear();
                    }
                }
            }
        }
        if (deepest < 0 && label_columns_.size() > 1 && last_depth_ >= 0 && prints_attribute(row)) {
            // A name merged over several rows (采购物品名称 beside two 采购组织形式): the row
            // continues the line above.
            deepest = last_depth_;
        }
        if (deepest < 0) {
            return -1;
        }
        last_depth_ = deepest;
        row.label = carried_[static_cast<std::size_t>(deepest)];
        // 一般公共预算资金 | 小计: the group's own total line is named by the group.
        if (deepest > 0 && total_word(split_label(row.label).key)) {
            for (int k = deepest; k-- > 0;) {
                const std::string outer = cell_text(row, label_columns_[static_cast<std::size_t>(k)]);
                if (!outer.empty()) {
                    row.label = outer;
                    return k;
                }
            }
        }
        return deepest;
    }

    bool prints_attribute(const Row& row) const {
        for (std::size_t c = 0; c < side_.columns.size(); ++c) {
            if (side_.columns[c].meaning.role == ColumnRole::Attribute &&
                !cell_text(row, static_cast<int>(c)).empty()) {
                return true;
            }
        }
        return false;
    }

    // What the group labels to the left of the row's own label say.
    Aspects group_context(int depth) const {
        Aspects context;
        std::vector<std::string> ignored;
        for (int k = 0; k < depth; ++k) {
            const std::string& outer = carried_[static_cast<std::size_t>(k)];
            if (outer.empty()) {
                continue;
            }
            const LineRecognition group = recognise_line(split_label(outer).key, table_.kind);
            if (group.recognised) {
                Aspects a;
                a.source = group.meaning.source;
                a.stage = group.meaning.stage;
                a.spending = group.meaning.spending;
                if (group.meaning.source == FundSource::Any) {
                    a.source.reset();
                }
                if (group.meaning.stage == Stage::All) {
                    a.stage.reset();
                }
                if (group.meaning.spending == Spending::All) {
                    a.spending.reset();
                }
                compose(context, a, outer, ignored);
            }
        }
        return context;
    }

    void read_row(std::size_t r) {
        Row& row = side_.rows[r];
        const int explicit_level = row.level;
        row.level = 0;
        row.label.clear();
        const int depth = label_columns_.empty() ? -1 : read_label_path(row);
        SubjectRef::Origin origin = SubjectRef::Origin::PrintedCode;
        std::string code = read_code(row, origin);
        if (project_table_) {
            // A project row is named by its type or project columns; 单位名称 only says whose it
            // is.
            for (int column : {type_column_, level1_column_, level2_column_}) {
                if (const std::string name = cell_text(row, column); !name.empty()) {
                    row.label = name;
                    break;
                }
            }
        }
        if (code.empty() && origin == SubjectRef::Origin::PrintedCode) {
            code = code_before_name(row.label);
        }
        row.label_parts = split_label(row.label);
        const std::string& key = row.label_parts.key;

        if (row.label.empty() && code.empty() && row_is_blank(row)) {
            row.role = RowRole::Filler;
            return;
        }

        // 栏次 / 行次 printed as a row under the header: the columns' numbers, not figures. In a
        // table with no label column the word stands in the first cell.
        const std::string numbers_key = !key.empty() ? key
                                        : row.cells.empty()
                                            ? std::string()
                                            : split_label(row.cells.front().printed).key;
        if (!numbers_key.empty() && code.empty()) {
            const Reading numbers = read_words(numbers_key);
            if (numbers.unknown.empty() && numbers.aspects.role == ColumnRole::Ordinal) {
                row.role = RowRole::Filler;
                return;
            }
        }
        if (row.label.empty() && code.empty() && numbers_the_columns(row)) {
            row.role = RowRole::Filler;
            return;
        }
        const Aspects context = group_context(std::max(depth, 0));
        LineRecognition line = key.empty() || !code.empty()
                                   ? LineRecognition{}
                                   : recognise_line(key, table_.kind, &context);
        const int balance_heading = balance_breakdown(line);
        if (balance_heading >= 0) {
            // 年初财政拨款结转和结余 / 一、一般公共预算财政拨款: the fund lines printed again under a
            // balance are that balance by fund, not a second year's income.
            line.meaning.stage = side_.rows[static_cast<std::size_t>(balance_heading)].meaning.stage;
            line.item = line_item_of(line.meaning);
        }
        if (line.nothing) {
            row.role = RowRole::Filler;  // 无 / 此表为空 printed in an empty table
            return;
        }
        if (line.recognised && line.meaning.aggregate != Aggregate::None &&
            line.meaning.source == FundSource::Any && line.meaning.spending == Spending::All &&
            line.meaning.three_public == ThreePublicItem::None && context.source == std::nullopt) {
            if (side_.side != Side::Whole && line.meaning.side == Side::Whole &&
                line.meaning.stage == Stage::All && seen_total_) {
                // A bare 总计 below a side's 本年收入合计 and its balances is everything on that
                // side.
                line.meaning.aggregate = Aggregate::Grand;
                line.meaning.side = side_.side;
                line.item = line_item_of(line.meaning);
            }
            seen_total_ = true;
            set_line(row, line);
            row.is_total = true;
            row.level = explicit_level > 0 ? explicit_level : 1;
            open_heading_ = -1;
            return;
        }

        if (project_table_) {
            read_project(row, r);
            return;
        }

        if (read_subject(row, r, code, origin, line, explicit_level)) {
            return;
        }

        if (line.recognised) {
            set_line(row, line);
            if (line.meaning.aggregate != Aggregate::None) {
                row.is_total = true;  // a group's own total, or a “三公” 合计
            }
            if (balance_heading >= 0) {
                const Row& heading = side_.rows[static_cast<std::size_t>(balance_heading)];
                row.level = explicit_level > 0 ? explicit_level : heading.level + 1;
                row.parent = balance_heading;
                return;
            }
            note_line(row, r);
        } else if (table_.kind == TableKind::IncomeSummary ||
                   (!label_columns_.empty() &&
                    side_.columns[static_cast<std::size_t>(label_columns_.front())].meaning.role ==
                        ColumnRole::UnitName) ||
                   (!row.label.empty() && label_key(row.label) == label_key(document_.unit))) {
            row.role = RowRole::Unit;
        } else if (label_columns_.empty() && row.label.empty()) {
            row.role = RowRole::Unit;  // a table printed without a label column: the unit's own row
        } else if (row.label.empty()) {
            // Figures printed with no label at all: not a recognition problem but the document's
            // own (completeness.unlabelled-row says so); the row takes part in no identity.
            row.role = RowRole::Unknown;
        } else if (free_text_) {
            row.role = RowRole::Item;
        } else {
            report_unknown(row);
        }
        place(row, r, explicit_level, depth);
    }

    // The balance line (年初…结转和结余) a fund line breaks down, or -1. A fund line printed again
    // after a balance line, when that fund's own line is already printed above, is the balance's
    // share of that fund.
    int balance_breakdown(const LineRecognition& line) const {
        if (balance_heading_ < 0 || !line.recognised || line.meaning.stage != Stage::All ||
            line.meaning.source == FundSource::Any || line.meaning.aggregate != Aggregate::None ||
            line.meaning.spending != Spending::All) {
            return -1;
        }
        return std::find(seen_items_.begin(), seen_items_.end(), line.item) != seen_items_.end()
                   ? balance_heading_
                   : -1;
    }

    void note_line(const Row& row, std::size_t r) {
        seen_items_.push_back(row.line_item);
        const bool balance = !row.is_total && (row.meaning.stage == Stage::CarryOver ||
                                               row.meaning.spending == Spending::CarryForward);
        balance_heading_ = balance ? static_cast<int>(r) : -1;
    }

    void set_line(Row& row, const LineRecognition& line) {
        row.role = RowRole::LineItem;
        row.meaning = line.meaning;
        row.line_item = line.item;
        row.three_public = line.meaning.three_public;
        if (table_.kind == TableKind::ThreePublicExpenses &&
            line.meaning.aggregate != Aggregate::None &&
            line.meaning.three_public == ThreePublicItem::None) {
            row.three_public = ThreePublicItem::Total;  // 合计 of a “三公” table
            row.meaning.three_public = ThreePublicItem::Total;
            row.line_item = LineItem::ThreePublic;
        }
    }

    void read_project(Row& row, std::size_t r) {
        if (!cell_text(row, type_column_).empty()) {
            row.role = RowRole::ProjectType;
            row.level = 1;
        } else if (!cell_text(row, level1_column_).empty()) {
            row.role = RowRole::ProjectLevel1;
            row.level = 2;
        } else if (!cell_text(row, level2_column_).empty()) {
            row.role = RowRole::ProjectLevel2;
            row.level = 3;
        } else {
            row.role = RowRole::Unknown;
            row.level = 1;
            diagnostics_.warning("row.unknown-label", row.source,
                                 "a project-table row with no type, first-level or "
                                 "second-level project name");
        }
        row.parent = row.level > 1 ? nearest_above(r, row.level) : -1;
    }

    // A subject: by printed code, else by name in the catalog. False when the row is none.
    bool read_subject(Row& row, std::size_t r, const std::string& code, SubjectRef::Origin origin,
                      const LineRecognition& line, int explicit_level) {
        const std::string& key = row.label_parts.key;
        std::optional<SubjectRef> subject;
        ambiguous_ = false;
        if (!code.empty()) {
            SubjectRef ref;
            ref.classification = classification_of_code(code).value_or(
                classification_.value_or(Classification::Functional));
            ref.code = code;
            ref.name = row.label;
            ref.level = subject_level(code);
            ref.origin = origin;
            if (const CatalogSubject* known = catalog_.find_code(ref.classification, code)) {
                ref.catalog_name = known->name;
            }
            subject = ref;
        } else if (classification_ && !key.empty() && (!line.recognised || names_a_class(key))) {
            const SubjectMatch match = match_subject(catalog_, *classification_, row.label, context_);
            if (match.subject != nullptr) {
                SubjectRef ref;
                ref.classification = *classification_;
                ref.code = match.subject->code;
                ref.name = row.label;
                ref.catalog_name = match.subject->name;
                ref.level = subject_level(match.subject->code);
                ref.origin = SubjectRef::Origin::CatalogName;
                subject = ref;
            } else if (!match.candidates.empty()) {
                std::vector<std::string> codes;
                for (const CatalogSubject* candidate : match.candidates) {
                    codes.push_back(candidate->code + " " + candidate->name);
                }
                ambiguous_ = true;
                diagnostics_.warning(
                    "row.ambiguous-subject", row.source,
                    fmt::format("subject '{}' is catalogued only under other subjects than "
                                "the rows above it; print its code",
                                row.label),
                    codes);
            }
        }
        if (!subject) {
            return false;
        }
        row.role = RowRole::Subject;
        context_[static_cast<std::size_t>(subject->level)] = subject->code;
        for (int deeper = subject->level + 1; deeper <= 3; ++deeper) {
            context_[static_cast<std::size_t>(deeper)].clear();
        }
        row.subject = std::move(subject);
        const int base =
            open_heading_ >= 0 ? side_.rows[static_cast<std::size_t>(open_heading_)].level : 0;
        row.level = explicit_level > 0 ? explicit_level : base + row.subject->level;
        if (row.subject->level == 1) {
            row.parent = open_heading_;
        } else {
            // The nearest subject above of a higher level, if it is the level just above: from
            // the last subject row of each level, not by scanning back (siblings by the ten
            // thousand made that quadratic).
            int nearest = -1;
            for (int level = 1; level < row.subject->level && level < max_levels; ++level) {
                nearest = std::max(nearest, last_subject_row_[static_cast<std::size_t>(level)]);
            }
            row.parent =
                nearest >= 0 &&
                        side_.rows[static_cast<std::size_t>(nearest)].subject->level ==
                            row.subject->level - 1
                    ? nearest
                    : -1;
        }
        if (row.subject->level >= 0 && row.subject->level < max_levels) {
            last_subject_row_[static_cast<std::size_t>(row.subject->level)] = static_cast<int>(r);
        }
        return true;
    }

    // 国有资本经营预算支出 is a line's words, but printed among the 类 of a functional side it
    // is the 类 223 of that name.
    bool names_a_class(const std::string& key) const {
        const auto found = catalog_.find_name(*classification_, key);
        return std::any_of(found.begin(), found.end(), [](const CatalogSubject* subject) {
            return subject_level(subject->code) == 1;
        });
    }

    void report_unknown(Row& row) {
        row.role = RowRole::Unknown;
        if (std::exchange(ambiguous_, false)) {
            return;  // already reported as a name the catalog files elsewhere
        }
        std::vector<std::string> known;
        for (const Word& word : known_words()) {
            if (word.says.source || word.says.stage || word.says.spending ||
                word.says.three_public || word.says.aggregate) {
                known.emplace_back(word.text);
            }
        }
        if (classification_) {
            const auto names = catalog_.names(*classification_);
            known.insert(known.end(), names.begin(), names.end());
        }
        diagnostics_.warning(
            classification_ ? "row.unknown-subject" : "row.unknown-label", row.source,
            classification_ ? fmt::format("row '{}' is neither a known line nor a subject of "
                                          "the bundled catalog",
                                          row.label)
                            : fmt::format("row label '{}' is not recognised", row.label),
            closest_names(row.label, known));
    }

    // Places a line, unit, item or unknown row in the tree.
    void place(Row& row, std::size_t r, int explicit_level, int depth) {
        if (explicit_level > 0) {
            row.level = explicit_level;
        } else if (label_columns_.size() > 1 && depth >= 0 && !row.label_parts.of_which) {
            row.level = depth + 1;  // a label path: the column it stands in is its depth
        } else if (row.label_parts.numbering) {
            const NumberingStyle style = row.label_parts.numbering->style;
            if (style_depth_.find(style) == style_depth_.end()) {
                int deepest = 0;
                for (const auto& [known, level] : style_depth_) {
                    deepest = std::max(deepest, level);
                }
                style_depth_[style] = deepest + 1;
            }
            row.level = style_depth_[style];
        } else if (row.label_parts.of_which && r > 0) {
            // 其中 without numbering is a part of the line printed just above it.
            for (std::size_t k = r; k-- > 0;) {
                if (is_content_row(side_.rows[k])) {
                    row.level = side_.rows[k].level + 1;
                    break;
                }
            }
            row.level = std::max(row.level, 1);
        } else {
            row.level = 1;
            if (row.role == RowRole::LineItem) {
                // The nearest line above that this one is part of by meaning.
                for (std::size_t k = r; k-- > 0;) {
                    const Row& above = side_.rows[k];
                    if (above.role == RowRole::LineItem && !above.is_total &&
                        part_of(row.meaning, above.meaning)) {
                        row.level = above.level + 1;
                        break;
                    }
                }
            }
        }
        row.parent = row.level > 1 ? nearest_above(r, row.level) : -1;
        if (row.role == RowRole::LineItem && row.level == 1) {
            open_heading_ = row.label_parts.numbering ? static_cast<int>(r) : -1;
        }
    }

    Table& table_;
    TableSide& side_;
    const Document& document_;
    const SubjectCatalog& catalog_;
    Diagnostics& diagnostics_;
    std::optional<Classification> classification_;
    bool free_text_ = false;
    std::vector<int> label_columns_;
    int code_column_ = -1;
    std::array<int, 3> split_ = {-1, -1, -1};
    int type_column_ = -1, level1_column_ = -1, level2_column_ = -1;
    bool project_table_ = false;
    std::vector<std::string> carried_;       // group labels carried down, per label column
    int last_depth_ = -1;                    // the label column the last labelled row stood in
    std::array<std::string, 4> context_;     // last subject code per level (index 1..3)
    std::string split_class_, split_section_;  // 类/款 carried down split code columns
    std::map<NumberingStyle, int> style_depth_;
    bool ambiguous_ = false;  // the row last read was reported as row.ambiguous-subject
    int open_heading_ = -1;  // a numbered line such as 一、本年支出 that subjects may sit under
    int balance_heading_ = -1;          // the balance line whose fund breakdown may follow
    bool seen_total_ = false;           // a total line is already printed on this side
    std::vector<LineItem> seen_items_;  // the lines printed so far on this side
    static constexpr int max_levels = 8;
    std::array<int, max_levels> last_subject_row_ = {-1, -1, -1, -1, -1, -1, -1, -1};
};

// A “三公” table printed with its items across may print its periods down (浙江: rows 2024年预算数,
// 2025年预算数, 增减额): such a row's label says the period or the change, as a header would.
void read_period_rows(Table& table, int year, bool final_accounts) {
    for (TableSide& side : table.sides) {
        for (Row& row : side.rows) {
            if (row.role == RowRole::Filler || row.three_public != ThreePublicItem::None ||
                row.label.empty()) {
                continue;
            }
            const ColumnRecognition read = recognise_column(
                {row.label}, TableKind::ThreePublicExpenses, year, final_accounts);
            const ColumnMeaning& m = read.meaning;
            const bool says_period = m.period != Period::BudgetYear || m.quantity != Quantity::Amount;
            if (read.unrecognised.empty() && says_period && m.three_public == ThreePublicItem::None &&
                m.source == FundSource::Any && m.spending == Spending::All) {
                row.meaning.period = m.period;
                row.meaning.quantity = m.quantity;
            }
        }
    }
}

void collect_three_public(Table& table) {
    for (std::size_t s = 0; s < table.sides.size(); ++s) {
        const TableSide& side = table.sides[s];
        for (std::size_t r = 0; r < side.rows.size(); ++r) {
            const Row& row = side.rows[r];
            if (row.role == RowRole::Filler) {
                continue;
            }
            // A row that names its period or change overrides the columns' default period.
            const bool row_period = row.three_public == ThreePublicItem::None &&
                                    (row.meaning.period != Period::BudgetYear ||
                                     row.meaning.quantity != Quantity::Amount);
            for (std::size_t c = 0; c < side.columns.size(); ++c) {
                const ColumnMeaning& meaning = side.columns[c].meaning;
                if (!meaning.is_value()) {
                    continue;
                }
                ThreePublicItem item = meaning.three_public;
                if (item == ThreePublicItem::None) {
                    item = row.three_public;
                }
                if (item == ThreePublicItem::None) {
                    continue;
                }
                const bool column_default =
                    meaning.period == Period::BudgetYear && meaning.quantity == Quantity::Amount;
                table.three_public.push_back(ThreePublicFigure{
                    item, row_period && column_default ? row.meaning.period : meaning.period,
                    row_period && column_default ? row.meaning.quantity : meaning.quantity,
                    static_cast<int>(s), static_cast<int>(r), static_cast<int>(c)});
            }
        }
    }
}

}  // namespace

void interpret_rows(Table& table, const Document& document, const SubjectCatalog& catalog,
                    Diagnostics& diagnostics) {
    for (TableSide& side : table.sides) {
        SideReader(table, side, document, catalog, diagnostics).read();
    }
    if (table.kind == TableKind::ThreePublicExpenses) {
        read_period_rows(table, document.year, is_final_accounts(document.kind));
        collect_three_public(table);
    }
}

}  // namespace budgetcheck::detail
