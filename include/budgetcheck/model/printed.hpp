// The disclosure as printed: titles, header paths, cell texts, notes and narrative exactly as a
// reader found them, each with where it was found, and nothing decided about what they mean.
// Every reader (the JSON transcription reader, the PDF importer) produces this; the recognizer
// (load/recognise) turns it into the typed Document. Keeping the two apart is what lets a
// transcription and a PDF be checked by the same rules and located in their own terms.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "budgetcheck/model/document.hpp"

namespace budgetcheck {

// A text as printed, with its position. For a JSON transcription `raw` holds the string as
// written in the file (escapes and all) so positions inside it can be given exactly.
struct PrintedText {
    std::string text;
    SourceLocation source;
    std::string raw;
    bool unreadable = false;  // a value of the wrong kind (a JSON object where a cell belongs)
};

struct PrintedColumn {
    std::vector<PrintedText> header;  // the header cells above the column, top to bottom
    SourceLocation source;
};

struct PrintedRow {
    std::vector<PrintedText> cells;  // one per column; a missing cell is absent here
    int level = 0;                   // an explicit depth given by the transcriber, 0 if none
    bool object_form = false;        // written as {"cells": [...], "level": n}
    SourceLocation source;
};

// A performance-target form (项目支出绩效目标表) in the structured form of docs/format.md.
struct PrintedIndicator {
    PrintedText level1, level2, level3, explanation;
    std::optional<PrintedText> value, weight;
    SourceLocation source;
};

struct PrintedProject {
    PrintedText project, unit, department, goal;
    std::vector<std::pair<PrintedText, PrintedText>> funds;          // label → amount
    std::vector<PrintedIndicator> indicators;
    std::vector<std::pair<PrintedText, PrintedText>> score_weights;  // 执行率 → 10
    std::optional<PrintedText> weights_total;
    SourceLocation source;
};

struct PrintedTable {
    int index = 0;  // position among the document's tables (the JSON array index)
    SourceLocation source;
    PrintedText title;
    std::string label;                  // 公开01表, 单位公开表3
    std::optional<TableKind> kind;      // named explicitly ("kind"), for titles nobody knows
    std::optional<MoneyUnit> money_unit;  // the table's own 单位 line, if it printed one
    std::string prepared_by;            // 编制单位：… in the line above the table
    int page = 0;                       // where the table starts in the published PDF, 0 if unknown
    bool grid = true;                   // false for a performance-target form (projects)
    std::vector<PrintedColumn> columns;
    std::vector<PrintedRow> rows;
    std::vector<PrintedText> notes;
    std::vector<PrintedProject> projects;
};

struct PrintedSection {
    PrintedText heading;
    PrintedText text;
    SourceLocation source;
};

struct PrintedDocument {
    std::string file;
    int format_version = 1;
    std::string title, unit, unit_code, published;
    int year = 0;
    DocumentKind kind = DocumentKind::UnitBudget;
    MoneyUnit money_unit = MoneyUnit::TenThousandYuan;
    std::vector<PrintedText> contents;  // the 目录 entries
    std::vector<PrintedSection> profile;
    std::vector<PrintedSection> narrative;
    std::vector<PrintedSection> glossary;
    std::vector<PrintedTable> tables;
};

}  // namespace budgetcheck
