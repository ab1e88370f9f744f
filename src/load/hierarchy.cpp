// Row interpretation: what each printed row is (a summary line, a classification subject, a
// project, a unit) and where it sits in its table's tree.
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

// The classification a side's subject rows belong to, when it has subject rows at all.
std::optional<Classification> side_classification(const Table& table, Side side) {
    if (table.kind == TableKind::GeneralPublicBasicExpenditure) {
        return table.classification.value_or(Classification::EconomicDepartment);
    }
    if (table.classification) {
        return table.classification;
    }
    switch (table.kind) {
        case TableKind::ExpenditureSummary:
        case TableKind::GeneralPublicExpenditure:
        case TableKind::GovernmentFundExpenditure:
        case TableKind::StateCapitalExpenditure:
        case TableKind::EntrustedServiceExpenditure:
            return Classification::Functional;
        case TableKind::IncomeExpenditureSummary:
        case TableKind::FiscalAppropriationSummary:
            return side == Side::Expenditure ? std::optional(Classification::Functional)
                                             : std::nullopt;
        default:
            return std::nullopt;
    }
}

// Lines that, printed without numbering, sit under another line when it is present.
std::vector<LineItem> natural_parents(LineItem item) {
    switch (item) {
        case LineItem::GeneralPublicIncome:
        case LineItem::GovernmentFundIncome:
        case LineItem::StateCapitalIncome:
            return {LineItem::FiscalAppropriationIncome, LineItem::CurrentYearIncome,
                    LineItem::CarryOver};
        case LineItem::BusinessIncome:
        case LineItem::OperatingIncome:
        case LineItem::SuperiorSubsidyIncome:
        case LineItem::AffiliateRemittanceIncome:
        case LineItem::OtherIncome:
            return {LineItem::UnitFundsIncome};
        case LineItem::FiscalCarryOver:
        case LineItem::NonFiscalCarryOver:
            return {LineItem::CarryOver};
        case LineItem::PersonnelExpenses:
        case LineItem::PublicExpenses:
            return {LineItem::BasicExpenditure};
        default:
            return {};
    }
}

bool is_content_row(const Row& row) {
    return row.role != RowRole::Filler;
}

bool row_is_blank(const Row& row) {
    return std::all_of(row.cells.begin(), row.cells.end(),
                       [](const Cell& cell) { return trim(cell.printed).empty(); });
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
    return match;
}

void interpret_side(Table& table, TableSide& side, const Document& document,
                    const SubjectCatalog& catalog, Diagnostics& diagnostics) {
    const int label_column = [&] {
        for (ColumnRole role : {ColumnRole::Label, ColumnRole::UnitName}) {
            if (int found = side.find_role(role); found >= 0) {
                return found;
            }
        }
        return -1;
    }();
    const int code_column = side.find_role(ColumnRole::Code);
    const std::array<int, 3> split_code_columns = {side.find_role(ColumnRole::CodeClass),
                                                   side.find_role(ColumnRole::CodeSection),
                                                   side.find_role(ColumnRole::CodeItem)};
    const int type_column = side.find_role(ColumnRole::ProjectType);
    const int level1_column = side.find_role(ColumnRole::ProjectLevel1);
    const int level2_column = side.find_role(ColumnRole::ProjectLevel2);
    const bool project_table =
        table.kind == TableKind::ProjectExpenditure || (level1_column >= 0 && level2_column >= 0);
    const auto classification = side_classification(table, side.side);

    std::array<std::string, 4> context;      // last subject code per level (index 1..3)
    std::string split_class, split_section;  // 类/款 carried down split code columns
    std::map<NumberingStyle, int> style_depth;
    int open_heading = -1;  // a numbered line such as 一、本年支出 that subjects may sit under

    auto nearest_at_level = [&side](std::size_t before, int level) {
        for (std::size_t k = before; k-- > 0;) {
            if (side.rows[k].level == level && side.rows[k].role != RowRole::Filler) {
                return static_cast<int>(k);
            }
        }
        return -1;
    };

    for (std::size_t r = 0; r < side.rows.size(); ++r) {
        Row& row = side.rows[r];
        const int explicit_level = row.level;
        row.level = 0;

        // The label: the name column, else a code column holding words (合 计 printed across).
        row.label = cell_text(row, label_column);
        std::string code = compact_code(cell_text(row, code_column));
        if (!code.empty() && !is_code(code)) {
            if (row.label.empty()) {
                row.label = cell_text(row, code_column);
            }
            code.clear();
        }
        auto origin = SubjectRef::Origin::PrintedCode;
        if (code.empty() && split_code_columns[0] >= 0) {
            const std::string cls = compact_code(cell_text(row, split_code_columns[0]));
            const std::string sec = compact_code(cell_text(row, split_code_columns[1]));
            const std::string item = compact_code(cell_text(row, split_code_columns[2]));
            if (cls.size() == 3) {
                split_class = cls;
                split_section.clear();
            }
            if (sec.size() == 2) {
                split_section = sec;
            }
            if (cls.size() == 3 && sec.empty() && item.empty()) {
                code = cls;
            } else if (!sec.empty() && item.empty() && !split_class.empty()) {
                code = split_class + sec;
            } else if (!item.empty() && !split_class.empty() && !split_section.empty()) {
                code = split_class + split_section + item;
            }
            origin = SubjectRef::Origin::SplitCodeColumns;
            if (!is_code(code)) {
                code.clear();
            }
        }
        if (project_table) {
            // A project row is named by its type or project columns; 单位名称 only says whose it
            // is.
            for (int column : {type_column, level1_column, level2_column}) {
                if (const std::string name = cell_text(row, column); !name.empty()) {
                    row.label = name;
                    break;
                }
            }
        }
        row.label_parts = split_label(row.label);
        const std::string& key = row.label_parts.key;

        if (row.label.empty() && code.empty() && row_is_blank(row)) {
            row.role = RowRole::Filler;
            continue;
        }

        const auto line = key.empty() ? std::nullopt : recognise_line_label(key, table.kind);
        if (line && line->is_total) {
            row.role = RowRole::LineItem;
            row.line_item = line->item;
            row.three_public = line->three_public;
            row.is_total = true;
            row.level = explicit_level > 0 ? explicit_level : 1;
            open_heading = -1;
            continue;
        }

        if (project_table) {
            if (!cell_text(row, type_column).empty()) {
                row.role = RowRole::ProjectType;
                row.level = 1;
            } else if (!cell_text(row, level1_column).empty()) {
                row.role = RowRole::ProjectLevel1;
                row.level = 2;
            } else if (!cell_text(row, level2_column).empty()) {
                row.role = RowRole::ProjectLevel2;
                row.level = 3;
            } else {
                row.role = RowRole::Unknown;
                row.level = 1;
                diagnostics.warning("row.unknown-label", row.source,
                                    "a project-table row with no type, first-level or "
                                    "second-level project name");
            }
            row.parent = row.level > 1 ? nearest_at_level(r, row.level - 1) : -1;
            continue;
        }

        // A subject: by printed code, else by name in the catalog.
        std::optional<SubjectRef> subject;
        if (!code.empty()) {
            SubjectRef ref;
            ref.classification = classification_of_code(code).value_or(
                classification.value_or(Classification::Functional));
            ref.code = code;
            ref.name = row.label_parts.key.empty() ? row.label : row.label;
            ref.level = subject_level(code);
            ref.origin = origin;
            if (const CatalogSubject* known = catalog.find_code(ref.classification, code)) {
                ref.catalog_name = known->name;
            }
            subject = ref;
        } else if (classification && !line && !key.empty()) {
            const SubjectMatch match = match_subject(catalog, *classification, row.label, context);
            if (match.subject != nullptr) {
                SubjectRef ref;
                ref.classification = *classification;
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
                diagnostics.warning("row.ambiguous-subject", row.source,
                                    fmt::format("subject '{}' matches several catalog subjects and "
                                                "none fits under the rows above it; print its code",
                                                row.label),
                                    codes);
            }
        }
        if (subject) {
            row.role = RowRole::Subject;
            context[static_cast<std::size_t>(subject->level)] = subject->code;
            for (int deeper = subject->level + 1; deeper <= 3; ++deeper) {
                context[static_cast<std::size_t>(deeper)].clear();
            }
            row.subject = std::move(subject);
            const int base =
                open_heading >= 0 ? side.rows[static_cast<std::size_t>(open_heading)].level : 0;
            row.level = explicit_level > 0 ? explicit_level : base + row.subject->level;
            if (row.subject->level == 1) {
                row.parent = open_heading;
            } else {
                row.parent = -1;
                for (std::size_t k = r; k-- > 0;) {
                    const Row& above = side.rows[k];
                    if (above.role == RowRole::Subject &&
                        above.subject->level < row.subject->level) {
                        row.parent = above.subject->level == row.subject->level - 1
                                         ? static_cast<int>(k)
                                         : -1;
                        break;
                    }
                }
            }
            continue;
        }

        if (line) {
            row.role = RowRole::LineItem;
            row.line_item = line->item;
            row.three_public = line->three_public;
        } else if (table.kind == TableKind::IncomeSummary ||
                   (label_column >= 0 &&
                    side.columns[static_cast<std::size_t>(label_column)].meaning.role ==
                        ColumnRole::UnitName) ||
                   (!row.label.empty() && label_key(row.label) == label_key(document.unit))) {
            row.role = RowRole::Unit;
        } else if (label_column < 0 && row.label.empty()) {
            row.role = RowRole::Unit;  // a table printed without a label column: the unit's own row
        } else {
            row.role = RowRole::Unknown;
            std::vector<std::string> known;
            for (const LineLabel& label : known_line_labels()) {
                known.emplace_back(label.text);
            }
            if (classification) {
                const auto names = catalog.names(*classification);
                known.insert(known.end(), names.begin(), names.end());
            }
            diagnostics.warning(
                classification ? "row.unknown-subject" : "row.unknown-label", row.source,
                classification ? fmt::format("row '{}' is neither a known line nor a subject of "
                                             "the bundled catalog",
                                             row.label)
                               : fmt::format("row label '{}' is not recognised", row.label),
                closest_names(row.label, known));
        }

        // Place a line, unit or unknown row in the tree.
        if (explicit_level > 0) {
            row.level = explicit_level;
        } else if (row.label_parts.numbering) {
            const NumberingStyle style = row.label_parts.numbering->style;
            if (style_depth.find(style) == style_depth.end()) {
                const int deepest = style_depth.empty()
                                        ? 0
                                        : std::max_element(style_depth.begin(), style_depth.end(),
                                                           [](const auto& a, const auto& b) {
                                                               return a.second < b.second;
                                                           })
                                              ->second;
                style_depth[style] = deepest + 1;
            }
            row.level = style_depth[style];
        } else if (row.label_parts.of_which && r > 0) {
            // 其中 without numbering is a part of the line printed just above it.
            for (std::size_t k = r; k-- > 0;) {
                if (is_content_row(side.rows[k])) {
                    row.level = side.rows[k].level + 1;
                    break;
                }
            }
            row.level = std::max(row.level, 1);
        } else {
            row.level = 1;
            for (LineItem parent_item : natural_parents(row.line_item)) {
                for (std::size_t k = r; k-- > 0;) {
                    if (side.rows[k].line_item == parent_item) {
                        row.level = side.rows[k].level + 1;
                        break;
                    }
                }
                if (row.level > 1) {
                    break;
                }
            }
        }
        row.parent = row.level > 1 ? nearest_at_level(r, row.level - 1) : -1;
        if (row.role == RowRole::LineItem && row.level == 1) {
            open_heading = row.label_parts.numbering ? static_cast<int>(r) : -1;
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
                table.three_public.push_back(
                    ThreePublicFigure{item, meaning.period, meaning.quantity, static_cast<int>(s),
                                      static_cast<int>(r), static_cast<int>(c)});
            }
        }
    }
}

}  // namespace

void interpret_rows(Table& table, const Document& document, const SubjectCatalog& catalog,
                    Diagnostics& diagnostics) {
    for (TableSide& side : table.sides) {
        interpret_side(table, side, document, catalog, diagnostics);
    }
    if (table.kind == TableKind::ThreePublicExpenses) {
        collect_three_public(table);
    }
}

}  // namespace budgetcheck::detail
