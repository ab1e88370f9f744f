// The page as printed, rebuilt from the typed document: the recogniser split two-sided tables
// into sides and typed every cell, but each cell kept its printed text, its physical column and
// its pointer, which is all a reader's view needs.
#include "budgetcheck/report/as_printed.hpp"

#include <algorithm>
#include <map>

namespace budgetcheck {

namespace {

bool same_path(const std::vector<std::string>& a, const std::vector<std::string>& b,
               std::size_t through) {
    if (a.size() <= through || b.size() <= through) {
        return false;
    }
    return std::equal(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(through) + 1, b.begin());
}

// Header rows with the spans of the printed header: a header text over several columns (本年
// 收入 over its sources) is one cell spanning them, and a column whose path is shorter than the
// deepest reaches down to the last header row.
std::vector<std::vector<HeaderCellView>> header_rows(
    const std::vector<std::vector<std::string>>& paths) {
    std::size_t depth = 0;
    for (const auto& path : paths) {
        depth = std::max(depth, path.size());
    }
    std::vector<std::vector<HeaderCellView>> rows(depth);
    for (std::size_t level = 0; level < depth; ++level) {
        for (std::size_t c = 0; c < paths.size();) {
            const auto& path = paths[c];
            if (path.empty() && level == 0) {
                rows[level].push_back({"", 1, static_cast<int>(depth)});
                ++c;
                continue;
            }
            if (level >= path.size()) {
                ++c;  // covered by the cell above, which reaches down
                continue;
            }
            const bool leaf = level + 1 == path.size();
            std::size_t span = 1;
            // Only group headers join: two leaves with the same text are two columns.
            while (!leaf && c + span < paths.size() && same_path(path, paths[c + span], level) &&
                   paths[c + span].size() > level + 1) {
                ++span;
            }
            rows[level].push_back(
                {path[level], static_cast<int>(span), leaf ? static_cast<int>(depth - level) : 1});
            c += span;
        }
    }
    return rows;
}

PrintedCellView cell_view(const Cell& cell) {
    PrintedCellView view;
    view.text = cell.printed;
    view.pointer = cell.source.pointer;
    view.figure = cell.amount() != nullptr || cell.percentage() != nullptr;
    return view;
}

PrintedCellView text_view(std::string text, int span = 1) {
    PrintedCellView view;
    view.text = std::move(text);
    view.span = span;
    return view;
}

void lay_out_grid(const Table& table, PrintedTableView& view) {
    int width = 0;
    for (const TableSide& side : table.sides) {
        for (const Column& column : side.columns) {
            width = std::max(width, column.physical_index + 1);
        }
        for (const Column& column : side.continued_columns) {
            width = std::max(width, column.physical_index + 1);
        }
    }
    if (width == 0) {
        return;
    }
    std::vector<std::vector<std::string>> paths(static_cast<std::size_t>(width));
    for (const TableSide& side : table.sides) {
        for (const Column& column : side.columns) {
            paths[static_cast<std::size_t>(column.physical_index)] = column.header;
        }
        for (const Column& column : side.continued_columns) {
            paths[static_cast<std::size_t>(column.physical_index)] = column.header;
        }
    }
    view.header = header_rows(paths);
    // The sides of a two-sided table share the printed rows: each fills its own columns.
    std::map<int, PrintedRowView> rows;
    for (const TableSide& side : table.sides) {
        for (const Row& row : side.rows) {
            PrintedRowView& line = rows[row.json_index];
            if (line.cells.empty()) {
                line.cells.resize(static_cast<std::size_t>(width));
                line.pointer = row.source.pointer;
            }
            line.total = line.total || row.is_total;
            for (std::size_t c = 0; c < row.cells.size() && c < side.columns.size(); ++c) {
                const Column& column = side.columns[c];
                PrintedCellView cell = cell_view(row.cells[c]);
                if (column.meaning.role == ColumnRole::Label) {
                    cell.indent = std::max(0, row.level - 1);
                }
                const int at = row.cells[c].printed_column >= 0 ? row.cells[c].printed_column
                                                                 : column.physical_index;
                line.cells[static_cast<std::size_t>(at)] = std::move(cell);
            }
        }
    }
    for (auto& [index, row] : rows) {
        view.rows.push_back(std::move(row));
    }
}

// A performance-target form is printed project by project; here it is one grid of five
// columns, each project opening with its name, then its funds, indicators and score weights.
void lay_out_projects(const Table& table, PrintedTableView& view) {
    view.header = {{{"一级指标", 1, 1},
                    {"二级指标", 1, 1},
                    {"三级指标", 1, 1},
                    {"指标值", 1, 1},
                    {"分值权重", 1, 1}}};
    for (const ProjectTargets& project : table.projects) {
        PrintedRowView name;
        name.heading = true;
        name.pointer = project.source.pointer;
        name.cells.push_back(text_view(project.project, 5));
        name.cells.back().pointer = project.source.pointer;
        view.rows.push_back(std::move(name));
        if (!project.goal.empty()) {
            view.rows.push_back({{text_view(project.goal, 5)}, "", false, false});
        }
        for (const FundLine& fund : project.funds) {
            view.rows.push_back(
                {{text_view(fund.label, 3), cell_view(fund.cell)}, "", false, false});
            view.rows.back().cells.back().span = 2;
            view.rows.back().total = fund.kind == FundLineKind::Total;
        }
        for (const Indicator& indicator : project.indicators) {
            PrintedRowView row;
            row.pointer = indicator.source.pointer;
            row.cells = {text_view(indicator.level1), text_view(indicator.level2),
                         text_view(indicator.level3), cell_view(indicator.value),
                         cell_view(indicator.weight)};
            view.rows.push_back(std::move(row));
        }
        for (const auto& [label, weight] : project.score_weights) {
            view.rows.push_back({{text_view(label, 4), cell_view(weight)}, "", false, false});
        }
        if (project.weights_total) {
            view.rows.push_back(
                {{text_view("合计", 4), cell_view(*project.weights_total)}, "", true, false});
        }
    }
}

PrintedTextView text_of(const TextSection& section) {
    return {section.heading, section.text, section.text_source.pointer};
}

}  // namespace

PrintedDocumentView as_printed(const Document& document) {
    PrintedDocumentView view;
    for (const TextSection& section : document.profile) {
        view.profile.push_back(text_of(section));
    }
    for (const TextSection& section : document.narrative) {
        view.narrative.push_back(text_of(section));
    }
    for (const Table& table : document.tables) {
        PrintedTableView printed;
        printed.index = table.json_index;
        printed.title = table.title;
        printed.label = table.label;
        printed.unit = std::string(to_string(table.money_unit));
        printed.pointer = table.source.pointer;
        if (table.projects.empty()) {
            lay_out_grid(table, printed);
        } else {
            lay_out_projects(table, printed);
        }
        for (const TextSection& note : table.note_sources) {
            printed.notes.push_back({"", note.text, note.text_source.pointer});
        }
        view.tables.push_back(std::move(printed));
    }
    return view;
}

}  // namespace budgetcheck
