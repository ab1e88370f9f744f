// What changed between two versions of a disclosure (two drafts, or a draft and what was
// published): figures and labels cell by cell, rows and tables added or removed, text sections
// rewritten, and the findings fixed and introduced. Tables are matched by kind and title, rows
// by subject code (or label where there is none) and columns by their printed headers, so a row
// inserted above does not make every figure below it look changed.
#pragma once

#include <string>
#include <vector>

#include "budgetcheck/model/document.hpp"
#include "budgetcheck/rules/engine.hpp"

namespace budgetcheck {

struct CellChange {
    std::string table, row, column;
    std::string before, after;  // as printed; "" for a blank cell
    SourceLocation before_at, after_at;
    // Printed differently but the same figure (a blank now printed 0, a thousands separator
    // added): listed, but not counted as a change of the figures.
    bool same_figure = false;
};

// A row, table or text section present in one version only, or relabelled.
struct PartChange {
    enum class Kind { Added, Removed, Relabelled } kind = Kind::Added;
    std::string table;  // "" for a text section
    std::string what;   // the row's label, the table's title, the section's heading
    std::string before_label;  // for a relabelled row
    SourceLocation at;          // in the version that has it (the new one when both do)
};

struct TextChange {
    // Said outright rather than read from the positions: a section read from a PDF has a page
    // but no line.
    enum class Kind { Added, Removed, Rewritten } kind = Kind::Rewritten;
    std::string section;  // "情况说明 · 一、收支预算总体情况"
    SourceLocation before_at, after_at;
};
std::string_view to_string(TextChange::Kind kind);  // "added", "removed", "rewritten"

struct DocumentDiff {
    std::vector<PartChange> tables;
    std::vector<PartChange> rows;
    std::vector<CellChange> cells;
    std::vector<TextChange> texts;
    std::vector<Finding> fixed;       // reported on the old version only
    std::vector<Finding> introduced;  // reported on the new version only

    std::size_t figures_changed() const;
    bool figures_or_text_changed() const {
        return !tables.empty() || !rows.empty() || !cells.empty() || !texts.empty();
    }
    bool anything_changed() const {
        return figures_or_text_changed() || !fixed.empty() || !introduced.empty();
    }
};

DocumentDiff diff_documents(const Document& before, const CheckReport& before_report,
                            const Document& after, const CheckReport& after_report);

}  // namespace budgetcheck
