#include "budgetcheck/diff.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

namespace budgetcheck {

namespace {

// A row's identity within its side: its subject code where it has one, otherwise the words of
// its label; the n-th row with the same identity is told apart by n.
std::string row_identity(const Row& row) {
    return row.subject ? "code:" + row.subject->code : "label:" + row.label_parts.key;
}

std::string row_name(const Row& row) {
    if (row.subject && row.label.find(row.subject->code) == std::string::npos) {
        return fmt::format("{} {}", row.subject->code, row.label);
    }
    return row.label.empty() ? fmt::format("#{}", row.json_index + 1) : row.label;
}

template <typename Item, typename Key>
std::map<std::pair<std::string, int>, const Item*> keyed(const std::vector<Item>& items, Key key) {
    std::map<std::pair<std::string, int>, const Item*> out;
    std::map<std::string, int> seen;
    for (const Item& item : items) {
        const std::string k = key(item);
        out[{k, seen[k]++}] = &item;
    }
    return out;
}

void diff_side(const std::string& table, const TableSide& before, const TableSide& after,
               DocumentDiff& out) {
    std::map<std::string, std::size_t> before_columns;
    for (std::size_t c = 0; c < before.columns.size(); ++c) {
        before_columns.emplace(before.columns[c].printed(), c);
    }
    const auto old_rows = keyed(before.rows, row_identity);
    const auto new_rows = keyed(after.rows, row_identity);
    for (const auto& [key, row] : new_rows) {
        const auto match = old_rows.find(key);
        if (match == old_rows.end()) {
            if (!row->label.empty() || row->role != RowRole::Filler) {
                out.rows.push_back({PartChange::Kind::Added, table, row_name(*row), "", row->source});
            }
            continue;
        }
        const Row& old_row = *match->second;
        if (old_row.label != row->label) {
            out.rows.push_back({PartChange::Kind::Relabelled, table, row_name(*row),
                                row_name(old_row), row->source});
        }
        for (std::size_t c = 0; c < after.columns.size() && c < row->cells.size(); ++c) {
            const auto old_column = before_columns.find(after.columns[c].printed());
            if (old_column == before_columns.end() || old_column->second >= old_row.cells.size()) {
                continue;
            }
            const Cell& was = old_row.cells[old_column->second];
            const Cell& now = row->cells[c];
            if (was.printed != now.printed) {
                const bool same = !was.invalid && !now.invalid && was.amount() != nullptr &&
                                  now.amount() != nullptr &&
                                  was.amount()->value() == now.amount()->value();
                out.cells.push_back({table, row_name(*row), after.columns[c].printed(),
                                     was.printed, now.printed, was.source, now.source, same});
            }
        }
    }
    for (const auto& [key, row] : old_rows) {
        if (new_rows.find(key) == new_rows.end() &&
            (!row->label.empty() || row->role != RowRole::Filler)) {
            out.rows.push_back({PartChange::Kind::Removed, table, row_name(*row), "", row->source});
        }
    }
}

void diff_texts(std::string_view part, const std::vector<TextSection>& before,
                const std::vector<TextSection>& after, DocumentDiff& out) {
    const auto heading = [](const TextSection& s) { return s.heading; };
    const auto old_sections = keyed(before, heading);
    const auto new_sections = keyed(after, heading);
    for (const auto& [key, section] : new_sections) {
        const std::string name = fmt::format("{} · {}", part, section->heading);
        const auto match = old_sections.find(key);
        if (match == old_sections.end()) {
            out.texts.push_back({TextChange::Kind::Added, name, {}, section->source});
        } else if (match->second->text != section->text) {
            out.texts.push_back({TextChange::Kind::Rewritten, name, match->second->text_source,
                                 section->text_source});
        }
    }
    for (const auto& [key, section] : old_sections) {
        if (new_sections.find(key) == new_sections.end()) {
            out.texts.push_back({TextChange::Kind::Removed,
                                 fmt::format("{} · {}", part, section->heading), section->source,
                                 {}});
        }
    }
}

// A finding is the same in both versions when it names the same rule, cell and message; its
// position may move with the rows around it.
std::tuple<std::string, std::string, std::string, std::string, std::string> finding_key(
    const Finding& f) {
    const CellRef cell = f.cells.empty() ? CellRef{} : f.cells.front();
    return {f.rule_id, cell.table, cell.row, cell.column, f.message_en};
}

}  // namespace

std::string_view to_string(TextChange::Kind kind) {
    switch (kind) {
        case TextChange::Kind::Added:
            return "added";
        case TextChange::Kind::Removed:
            return "removed";
        case TextChange::Kind::Rewritten:
            break;
    }
    return "rewritten";
}

std::size_t DocumentDiff::figures_changed() const {
    return static_cast<std::size_t>(std::count_if(
        cells.begin(), cells.end(), [](const CellChange& c) { return !c.same_figure; }));
}

DocumentDiff diff_documents(const Document& before, const CheckReport& before_report,
                            const Document& after, const CheckReport& after_report) {
    DocumentDiff out;
    const auto table_key = [](const Table& t) {
        return fmt::format("{}|{}", to_string(t.kind), t.title);
    };
    const auto old_tables = keyed(before.tables, table_key);
    const auto new_tables = keyed(after.tables, table_key);
    for (const auto& [key, table] : new_tables) {
        const auto match = old_tables.find(key);
        if (match == old_tables.end()) {
            out.tables.push_back({PartChange::Kind::Added, "", table->title, "", table->source});
            continue;
        }
        for (const TableSide& side : table->sides) {
            if (const TableSide* old_side = match->second->side(side.side)) {
                diff_side(table->title, *old_side, side, out);
            }
        }
    }
    for (const auto& [key, table] : old_tables) {
        if (new_tables.find(key) == new_tables.end()) {
            out.tables.push_back({PartChange::Kind::Removed, "", table->title, "", table->source});
        }
    }
    diff_texts("单位概况", before.profile, after.profile, out);
    diff_texts("情况说明", before.narrative, after.narrative, out);
    std::multiset<decltype(finding_key(Finding{}))> old_keys, new_keys;
    for (const Finding& f : before_report.findings) {
        old_keys.insert(finding_key(f));
    }
    for (const Finding& f : after_report.findings) {
        new_keys.insert(finding_key(f));
    }
    for (const Finding& f : before_report.findings) {
        if (new_keys.find(finding_key(f)) == new_keys.end()) {
            out.fixed.push_back(f);
        }
    }
    for (const Finding& f : after_report.findings) {
        if (old_keys.find(finding_key(f)) == old_keys.end()) {
            out.introduced.push_back(f);
        }
    }
    return out;
}

}  // namespace budgetcheck
