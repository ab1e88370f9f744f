#include "budgetcheck/report/inspect.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "budgetcheck/model/text.hpp"

namespace budgetcheck {

namespace {

std::string pad_to(std::string text, std::size_t width) {
    const std::size_t have = display_width(text);
    if (have < width) {
        text.append(width - have, ' ');
    }
    return text;
}

std::string location(const SourceLocation& where) {
    if (where.page != 0) {
        return fmt::format("p.{}", where.page);
    }
    return where.line == 0
               ? where.pointer
               : fmt::format("{} (line {}:{})", where.pointer, where.line, where.column);
}

std::string row_description(const Row& row) {
    switch (row.role) {
        case RowRole::Subject: {
            const SubjectRef& subject = *row.subject;
            static constexpr std::string_view level_names[] = {"", "类", "款", "项"};
            std::string text = fmt::format("{} {} {}", subject.code,
                                           level_names[std::min(subject.level, 3)], row.label);
            if (subject.origin == SubjectRef::Origin::CatalogName) {
                text += "  [code from catalog]";
            }
            if (!subject.catalog_name.empty() &&
                subject_name_key(subject.catalog_name) != subject_name_key(row.label)) {
                text += fmt::format("  [catalog: {}]", subject.catalog_name);
            } else if (subject.catalog_name.empty()) {
                text += "  [code not in bundled catalog]";
            }
            return text;
        }
        case RowRole::LineItem: {
            std::string item(to_string(row.line_item));
            if (row.three_public != ThreePublicItem::None) {
                item = fmt::format("three_public:{}", to_string(row.three_public));
            }
            return fmt::format("{}{}  <{}>", row.is_total ? "Σ " : "", row.label, item);
        }
        case RowRole::Unit:
            return row.label.empty() ? std::string("(the unit's row)  <unit>")
                                     : fmt::format("{}  <unit>", row.label);
        case RowRole::ProjectType:
        case RowRole::ProjectLevel1:
        case RowRole::ProjectLevel2:
            return fmt::format("{}  <{}>", row.label, to_string(row.role));
        case RowRole::Item:
            return row.label;
        case RowRole::Filler:
            return "(blank filler row)";
        case RowRole::Unknown:
            return fmt::format("?? {}  <UNRECOGNISED>", row.label);
    }
    return row.label;
}

std::string cell_display(const Cell& cell) {
    if (cell.invalid) {
        return fmt::format("!'{}'", cell.printed);
    }
    if (const Amount* amount = cell.amount()) {
        return amount->is_dash() ? std::string("—") : amount->to_string();
    }
    if (const Percentage* percentage = cell.percentage()) {
        return percentage->is_printed() ? percentage->to_string()
                                        : (percentage->form() == CellForm::Dash ? "—" : "");
    }
    return {};
}

void write_grid(std::ostream& out, const Table& table) {
    for (const TableSide& side : table.sides) {
        if (side.side != Side::Whole) {
            fmt::print(out, "  {} side\n", to_string(side.side));
        }
        fmt::print(out, "  columns:\n");
        for (std::size_t c = 0; c < side.columns.size(); ++c) {
            const Column& column = side.columns[c];
            fmt::print(out, "    c{:<2} {} → {}\n", c + 1, pad_to(column.printed(), 40),
                       column.meaning.describe());
        }
        if (side.rows.empty()) {
            fmt::print(out, "  rows: none printed\n");
            continue;
        }
        fmt::print(out, "  rows ({}):\n", to_string(table.money_unit));
        std::size_t width = 0;
        for (const Row& row : side.rows) {
            width = std::max(width, display_width(row_description(row)) +
                                        2 * static_cast<std::size_t>(std::max(row.level - 1, 0)));
        }
        width = std::min<std::size_t>(width, 70);
        for (const Row& row : side.rows) {
            std::string head(2 * static_cast<std::size_t>(std::max(row.level - 1, 0)), ' ');
            head += row_description(row);
            std::string cells;
            for (std::size_t c = 0; c < row.cells.size(); ++c) {
                if (!side.columns[c].meaning.is_value() &&
                    side.columns[c].meaning.role != ColumnRole::Unknown) {
                    continue;
                }
                std::string shown = side.columns[c].meaning.role == ColumnRole::Unknown
                                        ? row.cells[c].printed
                                        : cell_display(row.cells[c]);
                if (!shown.empty()) {
                    cells += fmt::format("  c{}={}", c + 1, shown);
                }
            }
            fmt::print(out, "    {}{}\n", pad_to(head, width), cells);
        }
    }
    if (!table.three_public.empty()) {
        fmt::print(out, "  “三公” figures (typed):\n");
        for (const ThreePublicFigure& figure : table.three_public) {
            const TableSide& side = table.sides[static_cast<std::size_t>(figure.side)];
            const Cell& cell = side.rows[static_cast<std::size_t>(figure.row)]
                                   .cells[static_cast<std::size_t>(figure.column)];
            const std::string value = cell_display(cell);
            fmt::print(
                out, "    {} = {}\n", pad_to(std::string(chinese_name(figure.item)), 22),
                value.empty() ? "(blank)" : value + " " + std::string(to_string(table.money_unit)));
        }
    }
}

void write_projects(std::ostream& out, const Table& table) {
    for (const ProjectTargets& project : table.projects) {
        fmt::print(out, "  project {}  ({})\n", project.project, location(project.source));
        for (const FundLine& line : project.funds) {
            fmt::print(out, "    funds {} <{}> = {} {}\n", line.label, to_string(line.kind),
                       cell_display(line.cell), to_string(table.money_unit));
        }
        for (const Indicator& indicator : project.indicators) {
            std::string value = indicator.value.printed;
            if (indicator.parsed_value.number) {
                value += fmt::format(
                    " [{} {} {}]",
                    indicator.parsed_value.op.empty() ? "?" : indicator.parsed_value.op,
                    indicator.parsed_value.number->to_string(), indicator.parsed_value.unit);
            }
            fmt::print(out, "    {} <{}> / {} / {}: {}  weight {}\n", indicator.level1,
                       to_string(indicator.category), indicator.level2, indicator.level3, value,
                       cell_display(indicator.weight));
        }
        for (const auto& [label, cell] : project.score_weights) {
            fmt::print(out, "    weight {} = {}\n", label, cell_display(cell));
        }
        if (project.weights_total) {
            fmt::print(out, "    printed weight total = {}\n",
                       cell_display(*project.weights_total));
        }
    }
}

}  // namespace

void write_load_diagnostics(std::ostream& out, const LoadResult& result) {
    for (const LoadDiagnostic& d : result.diagnostics) {
        std::string where = result.file;
        if (d.where.page != 0) {
            where += fmt::format(" p.{}", d.where.page);
        } else if (d.where.line != 0) {
            where += fmt::format(":{}:{}", d.where.line, d.where.column);
        }
        fmt::print(out, "{}: {}: {} [{}]", where, to_string(d.severity), d.message, d.code);
        if (!d.where.pointer.empty()) {
            fmt::print(out, " at {}", d.where.pointer);
        }
        fmt::print(out, "\n");
        if (!d.suggestions.empty()) {
            std::string list;
            for (const std::string& s : d.suggestions) {
                list += list.empty() ? "" : ", ";
                list += s;
            }
            fmt::print(out, "    closest known: {}\n", list);
        }
    }
}

void write_inspection(std::ostream& out, const LoadResult& result) {
    if (!result.document) {
        fmt::print(out, "{}: could not be loaded\n", result.file);
        write_load_diagnostics(out, result);
        return;
    }
    const Document& doc = *result.document;
    fmt::print(out, "{}\n", doc.title);
    fmt::print(out, "  unit {} · year {} · {} ({}) · default money unit {}\n", doc.unit, doc.year,
               to_string(doc.kind), chinese_name(doc.kind), to_string(doc.money_unit));
    fmt::print(out,
               "  profile {} sections · narrative {} sections · glossary {} entries · {} tables\n",
               doc.profile.size(), doc.narrative.size(), doc.glossary.size(), doc.tables.size());
    for (const Table& table : doc.tables) {
        fmt::print(out, "\nTable {}: {}{}\n", table.json_index + 1, table.title,
                   table.label.empty() ? "" : fmt::format(" ({})", table.label));
        fmt::print(out, "  kind {} ({}){} · amounts in {} · {}\n", to_string(table.kind),
                   chinese_name(table.kind), table.kind_from_key ? " from \"kind\"" : "",
                   to_string(table.money_unit), location(table.source));
        if (table.kind == TableKind::Unknown) {
            fmt::print(out, "  ?? UNRECOGNISED table kind: its figures are not checked\n");
        }
        if (table.kind == TableKind::PerformanceTargets) {
            write_projects(out, table);
        } else {
            write_grid(out, table);
        }
        for (const std::string& note : table.notes) {
            fmt::print(out, "  note: {}\n", note);
        }
        if (table.is_empty()) {
            fmt::print(out, "  (no figure printed{})\n",
                       table.notes.empty() ? "" : "; see the notes");
        }
    }
    if (!result.diagnostics.empty()) {
        fmt::print(out, "\nLoad diagnostics: {} errors, {} warnings\n", result.error_count(),
                   result.warning_count());
        write_load_diagnostics(out, result);
    } else {
        fmt::print(out, "\nEverything recognised: no load diagnostics.\n");
    }
}

}  // namespace budgetcheck
