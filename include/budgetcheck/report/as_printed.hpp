// A disclosure's tables and texts as a reader sees them on the page, for a report that shows
// them (html): only texts, layout and where each cell came from, nothing typed. A batch drops
// each document once it is checked; this is what it can keep instead, a fraction of the size.
#pragma once

#include <string>
#include <vector>

#include "budgetcheck/model/document.hpp"

namespace budgetcheck {

struct PrintedCellView {
    std::string text;
    std::string pointer;  // the cell's JSON pointer: what findings name it by
    int indent = 0;       // depth of the row's label in the hierarchy (0 at the top)
    int span = 1;         // columns it covers
    bool figure = false;  // an amount or a percentage (set right-aligned, as printed)
};

struct PrintedRowView {
    std::vector<PrintedCellView> cells;
    std::string pointer;   // the row's own pointer, for findings about a whole row
    bool total = false;    // 合计 / 总计 / 小计
    bool heading = false;  // a line that opens a group (a project of a performance-target form)
};

struct HeaderCellView {
    std::string text;
    int columns = 1;  // colspan
    int rows = 1;     // rowspan
};

// A text of the document (a narrative section, a table note) with the pointer of its JSON
// string, which is what a claim's location names.
struct PrintedTextView {
    std::string heading;
    std::string text;
    std::string pointer;
};

struct PrintedTableView {
    int index = 0;  // position among the document's tables
    std::string title, label, unit, pointer;
    std::vector<std::vector<HeaderCellView>> header;  // header rows, top to bottom
    std::vector<PrintedRowView> rows;
    std::vector<PrintedTextView> notes;
};

struct PrintedDocumentView {
    std::vector<PrintedTextView> profile;
    std::vector<PrintedTextView> narrative;
    std::vector<PrintedTableView> tables;
};

// The document laid out as printed: every table with its multi-level header merged the way it
// was printed, its rows in printed order with each label indented by its level, and the
// performance-target forms as one grid per table.
PrintedDocumentView as_printed(const Document& document);

}  // namespace budgetcheck
