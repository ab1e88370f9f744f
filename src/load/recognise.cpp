// The recognizer: the document as printed → the typed Document. Titles become table kinds,
// header paths column meanings, cell texts exact amounts, and rows (hierarchy.cpp) lines and
// subjects in a tree. Whatever it cannot recognise it says so, once, where it was printed.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "budgetcheck/load/vocabulary.hpp"
#include "loader_internal.hpp"

namespace budgetcheck::detail {

namespace {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const std::string& item : items) {
        out += out.empty() ? "" : std::string(separator);
        out += item;
    }
    return out;
}

TextSection section_of(const PrintedSection& printed) {
    TextSection section;
    section.heading = printed.heading.text;
    section.text = printed.text.text;
    section.source = printed.source;
    section.text_source = printed.text.source;
    section.raw = printed.text.raw;
    return section;
}

Cell make_cell(const PrintedText& printed, const ColumnMeaning& meaning,
               Diagnostics& diagnostics) {
    Cell cell;
    cell.source = printed.source;
    cell.printed = printed.text;
    if (printed.unreadable) {
        cell.invalid = true;
        return cell;
    }
    if (!meaning.is_value()) {
        return cell;
    }
    // 栏次 in the first cell of the row of column numbers (a table without a label column):
    // a word of the table's furniture, not a figure gone wrong.
    if (!printed.text.empty() && static_cast<unsigned char>(printed.text.front()) >= 0x80) {
        const Reading word = read_words(split_label(printed.text).key);
        if (word.any_word && word.unknown.empty() && word.aspects.role == ColumnRole::Ordinal) {
            return cell;
        }
    }
    std::string error;
    if (is_percent(meaning.quantity)) {
        if (auto percentage = Percentage::parse(cell.printed, &error)) {
            cell.value = *percentage;
            return cell;
        }
    } else if (auto amount = Amount::parse(cell.printed, &error)) {
        cell.value = *amount;
        return cell;
    }
    cell.invalid = true;
    diagnostics.cell_error("cell.not-a-number", cell.source,
                      fmt::format("cell is not a figure: {}", error));
    return cell;
}

Cell make_amount_cell(const PrintedText& printed, Diagnostics& diagnostics) {
    ColumnMeaning amount_meaning;
    amount_meaning.role = ColumnRole::Value;
    return make_cell(printed, amount_meaning, diagnostics);
}

// A cell standing in for one a short row did not print. Which of the row's cells is missing is
// not known (any of them may have been dropped), so it is unreadable: the identities that need
// it are skipped rather than judged with a guess.
Cell missing_cell(const ColumnMeaning& meaning, const SourceLocation& row) {
    Cell missing;
    missing.source = row;
    missing.invalid = meaning.is_value();
    return missing;
}

std::vector<std::string> known_kind_names() {
    std::vector<std::string> out;
    for (int k = 0; k < static_cast<int>(TableKind::Unknown); ++k) {
        out.emplace_back(chinese_name(static_cast<TableKind>(k)));
    }
    return out;
}

std::vector<std::string> known_word_texts() {
    std::vector<std::string> out;
    for (const Word& word : known_words()) {
        out.emplace_back(word.text);
    }
    return out;
}

// Splits the physical columns of a two-sided table into its income and expenditure sides.
void assign_sides(std::vector<Column>& columns) {
    const bool marked = std::any_of(columns.begin(), columns.end(),
                                    [](const Column& c) { return c.meaning.side != Side::Whole; });
    if (marked) {
        Side current = Side::Income;
        for (Column& column : columns) {
            if (column.meaning.side == Side::Whole) {
                column.meaning.side = current;
            }
            current = column.meaning.side;
        }
        return;
    }
    // Unmarked: the second label column starts the expenditure side.
    int labels = 0;
    for (Column& column : columns) {
        if (column.meaning.role == ColumnRole::Label) {
            ++labels;
        }
        column.meaning.side = labels >= 2 ? Side::Expenditure : Side::Income;
    }
}

bool names_rows(ColumnRole role) {
    return role == ColumnRole::Label || role == ColumnRole::UnitName ||
           role == ColumnRole::Code || role == ColumnRole::CodeClass ||
           role == ColumnRole::ProjectType || role == ColumnRole::ProjectLevel1;
}

// The panels of a table: each side, and within a side every block that starts again with its
// own label or code columns after figures (功能分类 | 支出用途 in a 收支总表; 301 | 302 | 310 printed
// side by side).
std::vector<TableSide> build_panels(std::vector<Column>& columns, TableKind kind) {
    std::vector<Side> order = {Side::Whole};
    if (is_two_sided(kind)) {
        assign_sides(columns);
        order = {Side::Income, Side::Expenditure};
    }
    std::vector<TableSide> panels;
    for (Side side : order) {
        bool started = false;
        bool has_values = false;
        for (const Column& column : columns) {
            if (column.meaning.side != side && is_two_sided(kind)) {
                continue;
            }
            if (!started || (has_values && names_rows(column.meaning.role))) {
                panels.push_back(TableSide{side, {}, {}, {}});
                started = true;
                has_values = false;
            }
            has_values = has_values || column.meaning.is_value();
            panels.back().columns.push_back(column);
        }
        if (!started) {
            panels.push_back(TableSide{side, {}, {}, {}});
        }
    }
    return panels;
}

bool has_text(const Row& row, const TableSide& panel, bool values) {
    for (std::size_t c = 0; c < panel.columns.size(); ++c) {
        const ColumnMeaning& m = panel.columns[c].meaning;
        const bool is_value = m.is_value();
        if (is_value == values && m.role != ColumnRole::Ordinal &&
            !trim(row.cells[c].printed).empty()) {
            return true;
        }
    }
    return false;
}

std::size_t value_count(const TableSide& panel) {
    return static_cast<std::size_t>(
        std::count_if(panel.columns.begin(), panel.columns.end(),
                      [](const Column& c) { return c.meaning.is_value(); }));
}

bool is_code_role(ColumnRole role) {
    return role == ColumnRole::Code || role == ColumnRole::CodeClass ||
           role == ColumnRole::CodeSection || role == ColumnRole::CodeItem;
}

// The digits a row prints in its code columns (类/款/项 read together), or "" without any.
std::string printed_code(const Row& row, const TableSide& panel) {
    std::string code;
    for (std::size_t c = 0; c < panel.columns.size(); ++c) {
        if (is_code_role(panel.columns[c].meaning.role)) {
            code += trim(row.cells[c].printed);
        }
    }
    const bool digits = !code.empty() && std::all_of(code.begin(), code.end(), [](char ch) {
        return ch >= '0' && ch <= '9';
    });
    return digits ? code : std::string();
}

bool same_layout(const TableSide& a, const TableSide& b) {
    if (a.side != b.side || a.columns.size() != b.columns.size()) {
        return false;
    }
    for (std::size_t c = 0; c < a.columns.size(); ++c) {
        if (a.columns[c].header != b.columns[c].header ||
            a.columns[c].meaning.role != b.columns[c].meaning.role) {
            return false;
        }
    }
    return true;
}

// A list too long for its panel goes on in the panel beside it, under the same headers: 公用经费
// printed as two blocks of 科目编码 | 科目名称 | 决算数, the second opening with 30216 培训费 while
// its 302 商品和服务支出 heads the first. Only a first code whose parent the panel before prints
// says so: panels that each start their own class (301 | 302 | 310) are lists of their own. The
// two are read as one list, down the first and then the second; a total whose label stands in the
// first and its figures in the second closes the list.
void join_continued_panels(std::vector<TableSide>& panels) {
    for (std::size_t b = 1; b < panels.size(); ++b) {
        TableSide& first = panels[b - 1];
        TableSide& next = panels[b];
        if (!same_layout(first, next) || first.rows.size() != next.rows.size()) {
            continue;
        }
        std::string opening;
        for (const Row& row : next.rows) {
            if (has_text(row, next, false) || has_text(row, next, true)) {
                opening = printed_code(row, next);
                break;
            }
        }
        const bool continues =
            !opening.empty() && std::any_of(first.rows.begin(), first.rows.end(), [&](const Row& row) {
                const std::string code = printed_code(row, first);
                return !code.empty() && code.size() < opening.size() &&
                       opening.compare(0, code.size(), code) == 0;
            });
        if (!continues) {
            continue;
        }
        std::vector<Row> head, tail, closing;
        for (std::size_t r = 0; r < first.rows.size(); ++r) {
            Row& a = first.rows[r];
            Row& n = next.rows[r];
            for (std::size_t c = 0; c < n.cells.size(); ++c) {
                n.cells[c].printed_column = next.columns[c].physical_index;
            }
            const bool a_labels = has_text(a, first, false);
            const bool a_figures = has_text(a, first, true);
            const bool n_labels = has_text(n, next, false);
            const bool n_figures = has_text(n, next, true);
            if (a_labels && !a_figures && !n_labels && n_figures) {
                for (std::size_t c = 0; c < a.cells.size(); ++c) {
                    if (first.columns[c].meaning.is_value()) {
                        a.cells[c] = n.cells[c];
                    }
                }
                closing.push_back(std::move(a));
                continue;
            }
            if (a_labels || a_figures) {
                head.push_back(std::move(a));
            }
            if (n_labels || n_figures) {
                tail.push_back(std::move(n));
            }
        }
        first.rows = std::move(head);
        first.rows.insert(first.rows.end(), std::make_move_iterator(tail.begin()),
                          std::make_move_iterator(tail.end()));
        first.rows.insert(first.rows.end(), std::make_move_iterator(closing.begin()),
                          std::make_move_iterator(closing.end()));
        first.continued_columns.insert(first.continued_columns.end(), next.columns.begin(),
                                       next.columns.end());
        panels.erase(panels.begin() + static_cast<std::ptrdiff_t>(b));
        --b;
    }
}

// A label printed across the panels of one side (当年支出小计 over 功能分类 and 支出用途, its figure
// in the last column): each panel reads the row as the same line with the same printed figures.
void share_merged_rows(std::vector<TableSide>& panels) {
    for (std::size_t a = 0; a < panels.size(); ++a) {
        for (std::size_t b = 0; b < panels.size(); ++b) {
            TableSide& named = panels[a];
            TableSide& figured = panels[b];
            if (a == b || named.side != figured.side ||
                value_count(named) != value_count(figured) || value_count(named) == 0) {
                continue;
            }
            for (std::size_t r = 0; r < named.rows.size() && r < figured.rows.size(); ++r) {
                Row& label_row = named.rows[r];
                Row& figure_row = figured.rows[r];
                if (!has_text(label_row, named, false) || has_text(label_row, named, true) ||
                    has_text(figure_row, figured, false) || !has_text(figure_row, figured, true)) {
                    continue;
                }
                std::vector<std::size_t> values_a, values_b, labels_a, labels_b;
                for (std::size_t c = 0; c < named.columns.size(); ++c) {
                    (named.columns[c].meaning.is_value() ? values_a : labels_a).push_back(c);
                }
                for (std::size_t c = 0; c < figured.columns.size(); ++c) {
                    (figured.columns[c].meaning.is_value() ? values_b : labels_b).push_back(c);
                }
                for (std::size_t k = 0; k < values_a.size(); ++k) {
                    label_row.cells[values_a[k]] = figure_row.cells[values_b[k]];
                }
                for (std::size_t k = 0; k < labels_a.size() && k < labels_b.size(); ++k) {
                    const ColumnRole from = named.columns[labels_a[k]].meaning.role;
                    const ColumnRole to = figured.columns[labels_b[k]].meaning.role;
                    if (from == to || (names_rows(from) && names_rows(to))) {
                        figure_row.cells[labels_b[k]] = label_row.cells[labels_a[k]];
                    }
                }
            }
        }
    }
}

void recognise_grid(Table& table, const PrintedTable& printed, const Document& document,
                    Diagnostics& diagnostics) {
    std::vector<Column> columns;
    for (std::size_t i = 0; i < printed.columns.size(); ++i) {
        const PrintedColumn& source = printed.columns[i];
        Column column;
        column.physical_index = static_cast<int>(i);
        column.source = source.source;
        for (const PrintedText& text : source.header) {
            column.header.push_back(text.text);
        }
        ColumnRecognition recognition = recognise_column(column.header, table.kind, document.year,
                                                                  is_final_accounts(document.kind));
        column.meaning = recognition.meaning;
        if (recognition.classification && !table.classification) {
            table.classification = recognition.classification;
        }
        if (!recognition.unrecognised.empty() && table.kind != TableKind::Unknown) {
            diagnostics.warning(
                "column.unknown-header", column.source,
                fmt::format("column {} header '{}' is not recognised (the words '{}'); its cells "
                            "are kept but not checked",
                            i + 1, column.printed(), join(recognition.unrecognised, "', '")),
                closest_names(recognition.unrecognised.front(), known_word_texts()));
        }
        columns.push_back(std::move(column));
    }
    // A header cell merged over two label columns is transcribed over the first, and the second
    // is left with no header text: it is part of the same label.
    for (std::size_t c = 1; c < columns.size(); ++c) {
        const bool headless =
            std::all_of(columns[c].header.begin(), columns[c].header.end(),
                        [](const std::string& text) { return trim(text).empty(); });
        if (headless && columns[c].meaning.role == ColumnRole::Unknown &&
            columns[c - 1].meaning.role == ColumnRole::Label) {
            columns[c].meaning = columns[c - 1].meaning;
        }
    }
    // A bare 增减额 / 增减% beside one prior year's column (浙江: 2024年预算数 | 2025年预算数 | 增减额)
    // is the change from that year: the header leaves unsaid what the table prints beside it.
    {
        std::set<Period> priors;
        for (const Column& column : columns) {
            const ColumnMeaning& m = column.meaning;
            if (m.is_value() && m.quantity == Quantity::Amount &&
                (m.period == Period::PriorYearBudget || m.period == Period::PriorYearExecution)) {
                priors.insert(m.period);
            }
        }
        if (priors.size() == 1) {
            const Period change = *priors.begin() == Period::PriorYearExecution
                                      ? Period::ChangeVsPriorExecution
                                      : Period::ChangeVsPriorBudget;
            for (Column& column : columns) {
                ColumnMeaning& m = column.meaning;
                if (m.is_value() && m.period == Period::BudgetYear &&
                    (m.quantity == Quantity::ChangeAmount || m.quantity == Quantity::ChangePercent)) {
                    m.period = change;
                }
            }
        }
    }
    if (table.kind == TableKind::ThreePublicExpenses) {
        // A horizontal “三公” table heads its first value column 合计: the “三公” total, or, where
        // 会议费 and 培训费 are printed beside it and the “三公” total has a column of its own
        // (江苏: 合计 | “三公”经费 小计 … | 会议费 | 培训费), the total of all of them.
        const auto has = [&columns](auto test) {
            return std::any_of(columns.begin(), columns.end(),
                               [&](const Column& c) { return test(c.meaning.three_public); });
        };
        if (has([](ThreePublicItem item) { return item != ThreePublicItem::None; })) {
            const bool others = has([](ThreePublicItem item) {
                return item == ThreePublicItem::Meeting || item == ThreePublicItem::Training;
            });
            const bool own_total =
                has([](ThreePublicItem item) { return item == ThreePublicItem::Total; });
            for (Column& column : columns) {
                if (!column.meaning.is_value() ||
                    column.meaning.three_public != ThreePublicItem::None) {
                    continue;
                }
                if (!others || own_total) {
                    column.meaning.three_public =
                        others ? ThreePublicItem::Combined : ThreePublicItem::Total;
                    continue;
                }
                // Beside 会议费 and 培训费 with no “三公” total of its own, a bare 合计 may be
                // either total; places print both. Checked as either, it would be a false error
                // wherever the place meant the other.
                column.meaning.role = ColumnRole::Unknown;
                diagnostics.warning(
                    "column.ambiguous-total", column.source,
                    fmt::format("column {} '{}' stands beside 会议费 and 培训费 with no “三公” "
                                "小计 of its own: whether it totals the “三公” items alone or "
                                "with 会议费 and 培训费 is not said, so it is not checked",
                                column.physical_index + 1, column.printed()));
            }
        }
    }

    table.sides = build_panels(columns, table.kind);
    for (std::size_t r = 0; r < printed.rows.size(); ++r) {
        const PrintedRow& source = printed.rows[r];
        for (TableSide& part : table.sides) {
            Row row;
            row.json_index = static_cast<int>(r);
            row.object_form = source.object_form;
            row.source = source.source;
            row.level = source.level;
            for (const Column& column : part.columns) {
                const auto index = static_cast<std::size_t>(column.physical_index);
                row.cells.push_back(index < source.cells.size()
                                        ? make_cell(source.cells[index], column.meaning,
                                                    diagnostics)
                                        : missing_cell(column.meaning, source.source));
            }
            part.rows.push_back(std::move(row));
        }
    }
    join_continued_panels(table.sides);
    share_merged_rows(table.sides);
}

void recognise_performance(Table& table, const PrintedTable& printed, Diagnostics& diagnostics) {
    for (const PrintedProject& source : printed.projects) {
        ProjectTargets project;
        project.source = source.source;
        project.project = source.project.text;
        project.unit = source.unit.text;
        project.department = source.department.text;
        project.goal = source.goal.text;
        for (const auto& [label, value] : source.funds) {
            FundLine line;
            line.label = label.text;
            line.kind = recognise_fund_line(label.text);
            line.cell = make_amount_cell(value, diagnostics);
            if (line.kind == FundLineKind::Unknown) {
                diagnostics.warning("funds.unknown-line", line.cell.source,
                                    fmt::format("fund line '{}' is not recognised", label.text),
                                    {"年度资金总额", "其中：财政拨款", "上年结转", "其他资金"});
            }
            project.funds.push_back(std::move(line));
        }
        for (const PrintedIndicator& item : source.indicators) {
            Indicator indicator;
            indicator.source = item.source;
            indicator.level1 = item.level1.text;
            indicator.level2 = item.level2.text;
            indicator.level3 = item.level3.text;
            indicator.explanation = item.explanation.text;
            indicator.category = recognise_indicator_category(indicator.level1);
            if (item.value) {
                indicator.value.source = item.value->source;
                indicator.value.printed = item.value->text;
                indicator.parsed_value = parse_indicator_value(indicator.value.printed);
            }
            if (item.weight) {
                indicator.weight = make_amount_cell(*item.weight, diagnostics);
            }
            if (indicator.category == IndicatorCategory::Unknown && !indicator.level1.empty()) {
                diagnostics.warning("indicator.unknown-category", indicator.source,
                                    fmt::format("一级指标 '{}' is not recognised", indicator.level1),
                                    {"产出指标", "效益指标", "满意度指标", "成本指标"});
            }
            project.indicators.push_back(std::move(indicator));
        }
        for (const auto& [label, value] : source.score_weights) {
            project.score_weights.emplace_back(label.text, make_amount_cell(value, diagnostics));
        }
        if (source.weights_total) {
            project.weights_total = make_amount_cell(*source.weights_total, diagnostics);
        }
        table.projects.push_back(std::move(project));
    }
}

Table recognise_table(const PrintedTable& printed, const Document& document,
                      const SubjectCatalog& catalog, Diagnostics& diagnostics) {
    Table table;
    table.json_index = printed.index;
    table.source = printed.source;
    table.title = printed.title.text;
    table.title_source.text = printed.title.text;
    table.title_source.source = printed.title.source;
    table.title_source.text_source = printed.title.source;
    table.title_source.raw = printed.title.raw;
    table.label = printed.label;
    table.money_unit = printed.money_unit.value_or(document.money_unit);
    if (printed.kind) {
        table.kind = *printed.kind;
        table.kind_from_key = true;
    } else {
        table.kind = recognise_table_kind(table.title);
        if (table.kind == TableKind::Unknown && !table.title.empty()) {
            diagnostics.warning("table.unknown-title", printed.title.source,
                                fmt::format("table title '{}' is not recognised; the table is kept "
                                            "but not checked (give \"kind\" to name its kind)",
                                            table.title),
                                closest_names(table.title, known_kind_names()));
        }
    }
    for (const PrintedText& note : printed.notes) {
        table.notes.push_back(note.text);
        TextSection located;
        located.heading = table.title;
        located.text = note.text;
        located.source = note.source;
        located.text_source = note.source;
        located.raw = note.raw;
        table.note_sources.push_back(std::move(located));
    }
    if (!printed.grid) {
        if (table.kind != TableKind::PerformanceTargets && table.kind != TableKind::Unknown) {
            diagnostics.warning("table.kind-mismatch", table.source,
                                fmt::format("table '{}' has projects but its title names a {}",
                                            table.title, chinese_name(table.kind)));
        }
        if (table.kind == TableKind::Unknown) {
            table.kind = TableKind::PerformanceTargets;
        }
        recognise_performance(table, printed, diagnostics);
        return table;
    }
    recognise_grid(table, printed, document, diagnostics);
    if (table.sides.empty()) {
        // Keep the invariant rules rely on: a grid table has its sides, even when empty.
        if (is_two_sided(table.kind)) {
            table.sides = {TableSide{Side::Income, {}, {}, {}}, TableSide{Side::Expenditure, {}, {}, {}}};
        } else {
            table.sides = {TableSide{}};
        }
    }
    interpret_rows(table, document, catalog, diagnostics);
    return table;
}

}  // namespace

Document recognise(const PrintedDocument& printed, const SubjectCatalog& catalog,
                   Diagnostics& diagnostics) {
    Document document;
    document.file = printed.file;
    document.format_version = printed.format_version;
    document.title = printed.title;
    document.unit = printed.unit;
    document.unit_code = printed.unit_code;
    document.published = printed.published;
    document.year = printed.year;
    document.kind = printed.kind;
    document.money_unit = printed.money_unit;
    for (const PrintedSection& section : printed.profile) {
        document.profile.push_back(section_of(section));
    }
    for (const PrintedSection& section : printed.narrative) {
        document.narrative.push_back(section_of(section));
    }
    for (const PrintedSection& section : printed.glossary) {
        document.glossary.push_back(section_of(section));
    }
    for (const PrintedText& entry : printed.contents) {
        TextSection section;
        section.text = entry.text;
        section.source = entry.source;
        section.text_source = entry.source;
        section.raw = entry.raw;
        document.contents.push_back(std::move(section));
    }
    for (const PrintedTable& table : printed.tables) {
        document.tables.push_back(recognise_table(table, document, catalog, diagnostics));
    }
    return document;
}

}  // namespace budgetcheck::detail
