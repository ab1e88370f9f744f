// Shared between the loader's files: the diagnostics sink and the row interpretation step.
#pragma once

#include <string>
#include <vector>

#include "budgetcheck/load/json_tree.hpp"
#include "budgetcheck/load/load.hpp"
#include "budgetcheck/model/printed.hpp"
#include "budgetcheck/model/text.hpp"

namespace budgetcheck::detail {

class Diagnostics {
  public:
    explicit Diagnostics(std::vector<LoadDiagnostic>& out) : out_(out) {}

    void error(std::string code, SourceLocation where, std::string message,
               std::vector<std::string> suggestions = {}) {
        out_.push_back(LoadDiagnostic{DiagnosticSeverity::Error, std::move(code), std::move(where),
                                      printable(message), std::move(suggestions)});
    }
    // An error confined to one cell or row; see LoadDiagnostic::contained.
    void cell_error(std::string code, SourceLocation where, std::string message) {
        error(std::move(code), std::move(where), std::move(message));
        out_.back().contained = true;
    }
    void warning(std::string code, SourceLocation where, std::string message,
                 std::vector<std::string> suggestions = {}) {
        out_.push_back(LoadDiagnostic{DiagnosticSeverity::Warning, std::move(code),
                                      std::move(where), printable(message),
                                      std::move(suggestions)});
    }

  private:
    std::vector<LoadDiagnostic>& out_;
};

// RFC 6901: "~" → "~0", "/" → "~1".
std::string pointer_token(std::string_view key);

inline SourceLocation locate(const std::string& pointer, TextPosition position) {
    return SourceLocation{pointer, position.line, position.column};
}

// JSON → the document as printed; nullopt when the file is not a disclosure at all (no
// format version, no document envelope).
std::optional<PrintedDocument> read_printed(std::string_view input, const JsonNode& root,
                                            std::string file, Diagnostics& diagnostics);

// The document as printed → the typed model.
Document recognise(const PrintedDocument& printed, const SubjectCatalog& catalog,
                   Diagnostics& diagnostics);

// Gives each row of a side its role, line item or subject, level and parent; builds the typed
// “三公” figures. Reports what it could not recognise.
void interpret_rows(Table& table, const Document& document, const SubjectCatalog& catalog,
                    Diagnostics& diagnostics);

}  // namespace budgetcheck::detail
