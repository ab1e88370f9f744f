#include "budgetcheck/report/diff_report.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "formats.hpp"
#include "json_writer.hpp"

namespace budgetcheck {

namespace {

using report::json_string;
using report::located;

std::string_view kind_word(PartChange::Kind kind) {
    switch (kind) {
        case PartChange::Kind::Added:
            return "added";
        case PartChange::Kind::Removed:
            return "removed";
        case PartChange::Kind::Relabelled:
            return "relabelled";
    }
    return "?";
}

std::string shown(const std::string& printed) {
    return printed.empty() ? "(blank)" : printed;
}

std::string part_line(const PartChange& p) {
    if (p.kind == PartChange::Kind::Relabelled) {
        return fmt::format("{}: row “{}” is now labelled “{}”", p.table, p.before_label, p.what);
    }
    return p.table.empty() ? fmt::format("table “{}” {}", p.what, kind_word(p.kind))
                           : fmt::format("{}: row “{}” {}", p.table, p.what, kind_word(p.kind));
}

std::string finding_line(const std::string& file, const Finding& f,
                         const ReportOptions& options) {
    const CellRef cell = f.cells.empty() ? CellRef{} : f.cells.front();
    return fmt::format("{} {} [{}] {}", located(file, cell.source), to_string(f.severity),
                       f.rule_id, report::message_of(f, options));
}

void write_text(std::ostream& out, const DocumentDiff& d, const std::string& before_file,
                const std::string& after_file, const ReportOptions& options) {
    fmt::print(out, "{} → {}\n", before_file, after_file);
    for (const PartChange& p : d.tables) {
        fmt::print(out, "  {}\n", part_line(p));
    }
    for (const PartChange& p : d.rows) {
        fmt::print(out, "  {}\n", part_line(p));
    }
    std::size_t reprinted = 0;
    for (const CellChange& c : d.cells) {
        if (c.same_figure) {
            ++reprinted;
            continue;
        }
        fmt::print(out, "  {}: {} × {}: {} → {} ({})\n", c.table, c.row, c.column, shown(c.before),
                   shown(c.after), located(after_file, c.after_at));
    }
    if (reprinted > 0) {
        fmt::print(out,
                   "  {} cells printed differently with the same figure (a blank now 0, a "
                   "thousands separator): see --format json\n",
                   reprinted);
    }
    for (const TextChange& t : d.texts) {
        fmt::print(out, "  text {} {}\n", t.section, to_string(t.kind));
    }
    for (const Finding& f : d.fixed) {
        fmt::print(out, "  fixed: {}\n", finding_line(before_file, f, options));
    }
    for (const Finding& f : d.introduced) {
        fmt::print(out, "  new:   {}\n", finding_line(after_file, f, options));
    }
    fmt::print(out,
               "{} figures changed, {} rows and {} tables added, removed or relabelled, {} text "
               "sections changed; {} findings fixed, {} new\n",
               d.figures_changed(), d.rows.size(), d.tables.size(), d.texts.size(), d.fixed.size(),
               d.introduced.size());
}

std::string location_json(const SourceLocation& at) {
    return fmt::format(R"({{"pointer":{},"line":{},"column":{}}})", json_string(at.pointer),
                       at.line, at.column);
}

void write_json(std::ostream& out, const DocumentDiff& d, const std::string& before_file,
                const std::string& after_file, const ReportOptions& options) {
    const auto parts = [](const std::vector<PartChange>& list) {
        std::string s;
        for (const PartChange& p : list) {
            s += s.empty() ? "" : ",";
            s += fmt::format(R"({{"change":{},"table":{},"name":{},"before":{},"at":{}}})",
                             json_string(kind_word(p.kind)), json_string(p.table),
                             json_string(p.what), json_string(p.before_label), location_json(p.at));
        }
        return "[" + s + "]";
    };
    std::string cells;
    for (const CellChange& c : d.cells) {
        cells += cells.empty() ? "" : ",";
        cells += fmt::format(
            R"({{"table":{},"row":{},"column":{},"before":{},"after":{},"same_figure":{},"before_at":{},"after_at":{}}})",
            json_string(c.table), json_string(c.row), json_string(c.column), json_string(c.before),
            json_string(c.after), c.same_figure ? "true" : "false", location_json(c.before_at),
            location_json(c.after_at));
    }
    std::string texts;
    for (const TextChange& t : d.texts) {
        texts += texts.empty() ? "" : ",";
        texts += fmt::format(R"({{"section":{},"change":"{}","before_at":{},"after_at":{}}})",
                             json_string(t.section), to_string(t.kind), location_json(t.before_at),
                             location_json(t.after_at));
    }
    const auto findings = [&options](const std::vector<Finding>& list) {
        std::string s;
        for (const Finding& f : list) {
            s += s.empty() ? "" : ",";
            s += report::finding_json(f, options);
        }
        return "[" + s + "]";
    };
    fmt::print(out,
               R"({{"budgetcheck_diff":1,"before":{},"after":{},"changed":{},"tables":{},"rows":{},"cells":[{}],"texts":[{}],"findings_fixed":{},"findings_new":{}}})"
               "\n",
               json_string(before_file), json_string(after_file),
               d.anything_changed() ? "true" : "false", parts(d.tables), parts(d.rows), cells,
               texts, findings(d.fixed), findings(d.introduced));
}

std::string md(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '|' || c == '`' || c == '*' || c == '_') {
            out += '\\';
        }
        out += c == '\n' ? ' ' : c;
    }
    return out;
}

void write_markdown(std::ostream& out, const DocumentDiff& d, const std::string& before_file,
                    const std::string& after_file, const ReportOptions& options) {
    fmt::print(out, "## budgetcheck diff: `{}` → `{}`\n\n", md(before_file), md(after_file));
    if (!d.anything_changed()) {
        fmt::print(out, "Nothing changed.\n");
        return;
    }
    fmt::print(out, "{} figures changed · {} findings fixed · {} new\n\n", d.figures_changed(),
               d.fixed.size(), d.introduced.size());
    if (!d.introduced.empty()) {
        fmt::print(out, "### New findings\n\n");
        for (const Finding& f : d.introduced) {
            fmt::print(out, "- {}\n", md(finding_line(after_file, f, options)));
        }
        fmt::print(out, "\n");
    }
    if (!d.fixed.empty()) {
        fmt::print(out, "### Fixed findings\n\n");
        for (const Finding& f : d.fixed) {
            fmt::print(out, "- {}\n", md(finding_line(before_file, f, options)));
        }
        fmt::print(out, "\n");
    }
    if (d.figures_changed() > 0) {
        fmt::print(out, "### Figures changed\n\n| table | row | column | before | after |\n|---|---|---|---|---|\n");
        for (const CellChange& c : d.cells) {
            if (c.same_figure) {
                continue;
            }
            fmt::print(out, "| {} | {} | {} | {} | {} |\n", md(c.table), md(c.row), md(c.column),
                       md(shown(c.before)), md(shown(c.after)));
        }
        fmt::print(out, "\n");
    }
    if (!d.tables.empty() || !d.rows.empty() || !d.texts.empty()) {
        fmt::print(out, "### Tables, rows and text\n\n");
        for (const PartChange& p : d.tables) {
            fmt::print(out, "- {}\n", md(part_line(p)));
        }
        for (const PartChange& p : d.rows) {
            fmt::print(out, "- {}\n", md(part_line(p)));
        }
        for (const TextChange& t : d.texts) {
            fmt::print(out, "- text {} {}\n", md(t.section), to_string(t.kind));
        }
    }
}

}  // namespace

void write_diff(std::ostream& out, const DocumentDiff& diff, DiffFormat format,
                const std::string& before_file, const std::string& after_file,
                const ReportOptions& options) {
    switch (format) {
        case DiffFormat::Text:
            write_text(out, diff, before_file, after_file, options);
            return;
        case DiffFormat::Json:
            write_json(out, diff, before_file, after_file, options);
            return;
        case DiffFormat::Markdown:
            write_markdown(out, diff, before_file, after_file, options);
            return;
    }
}

}  // namespace budgetcheck
