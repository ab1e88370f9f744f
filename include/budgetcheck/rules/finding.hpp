// A finding: one inconsistency in a disclosure, with every cell involved, the expected and
// actual values, and the arithmetic a reviewer can redo by hand.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "budgetcheck/model/document.hpp"

namespace budgetcheck {

enum class Severity { Error, Warning, Note };
std::string_view to_string(Severity severity);  // "error", "warning", "note"
std::optional<Severity> parse_severity(std::string_view text);

// One cell a finding involves, with enough context to find it in print and in the file.
struct CellRef {
    std::string table;     // the printed title
    int table_index = -1;  // position in "tables"
    Side side = Side::Whole;
    std::string row;        // the row's printed label (or its code and label)
    std::string column;     // the column's printed header path
    std::string printed;    // the cell as printed ("" for a blank)
    std::string unit;       // 元 / 万元 / 亿元
    SourceLocation source;  // JSON pointer and line:column
};

struct Finding {
    std::string rule_id;
    Severity severity = Severity::Error;
    std::string message_en;
    std::string message_zh;
    std::vector<CellRef> cells;      // the first is the cell the finding is about
    std::string expected;            // what the identity says the cell should hold
    std::string actual;              // what is printed
    std::string difference;          // actual − expected
    std::string arithmetic;          // "437.69 + 31.60 + 47.73 = 517.02 ≠ 517.03"
    std::vector<std::string> hints;     // likely causes, said as possibilities
    std::vector<std::string> hints_zh;  // the same, in Chinese, one for one

    // Adds a hint in both languages, unless it is there already.
    void add_hint(std::string en, std::string zh);
};

}  // namespace budgetcheck
