// Reading a transcribed disclosure (docs/format.md) into the typed model. Bad input is never an
// exception: it comes back as diagnostics that say where (JSON pointer, line:column) and what.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "budgetcheck/model/catalog.hpp"
#include "budgetcheck/model/document.hpp"

namespace budgetcheck {

enum class DiagnosticSeverity { Error, Warning };
std::string_view to_string(DiagnosticSeverity severity);

// A problem with the input itself (not with the budget it describes). `code` is a stable id
// such as "json.syntax" or "column.unknown-header"; docs/format.md lists them all.
struct LoadDiagnostic {
    DiagnosticSeverity severity = DiagnosticSeverity::Error;
    std::string code;
    SourceLocation where;
    std::string message;
    std::vector<std::string> suggestions;  // closest known names, best first
    // An error confined to one cell or one row (a figure that cannot be read, a short row): the
    // cell is marked unreadable, the identities that need it are skipped, and the rest of the
    // document is still checked.
    bool contained = false;
};

struct LoadOptions {
    const SubjectCatalog* catalog = nullptr;  // nullptr: the bundled catalog
    std::size_t max_depth = 64;
    std::uintmax_t max_file_bytes = 64U * 1024U * 1024U;
};

struct LoadResult {
    std::string file;
    std::optional<Document> document;  // absent when the file could not be read as a disclosure
    std::vector<LoadDiagnostic> diagnostics;

    std::size_t error_count() const;
    std::size_t warning_count() const;
    bool has_errors() const { return error_count() > 0; }
    // Whether the document can be checked: it loaded, and every error in it is contained.
    bool checkable() const;
};

// Loads from text already in memory (what the tests use); `file` only names it in messages.
LoadResult load_document(std::string_view text, std::string file, const LoadOptions& options = {});

// Reads a file (never modifying it) and loads it. Unreadable files, directories and oversized
// files become diagnostics.
LoadResult load_file(const std::filesystem::path& path, const LoadOptions& options = {});

// Who published a disclosure, for which year, and of what kind: what pairs a disclosure with last
// year's of the same unit.
struct DocumentIdentity {
    std::string unit;
    int year = 0;
    DocumentKind kind = DocumentKind::UnitBudget;

    friend bool operator==(const DocumentIdentity&, const DocumentIdentity&) = default;
};

// Reads the identity from a transcription's "document" object without loading the rest, or from
// what a PDF prints on its cover and in its titles; nullopt when the file cannot be read or does
// not say all three.
std::optional<DocumentIdentity> read_identity(const std::filesystem::path& path);

// What a *.json file is when budgetcheck wrote it ("a budgetcheck report", "a budgetcheck
// baseline", "a SARIF log"), from its first top-level keys; empty for anything else, disclosures
// included. A directory walk passes over these so that a report written beside the drafts is
// not taken for one.
std::string_view budgetcheck_output_kind(const std::filesystem::path& path);

// The catalog compiled in from data/catalog/.
const SubjectCatalog& bundled_catalog();

// Adds the subjects of one catalog file (data/catalog format) to `catalog`; returns the problems
// found, empty on success.
std::vector<std::string> load_catalog_text(std::string_view text, std::string_view name,
                                           SubjectCatalog& catalog);

// Loads every *.json catalog file in a directory (a drop-in national catalog).
std::vector<std::string> load_catalog_directory(const std::filesystem::path& directory,
                                                SubjectCatalog& catalog);

// The JSON Schema of the transcription format (docs/schema/budgetcheck-v1.schema.json).
std::string_view bundled_schema();

// A rule's docs page (docs/rules/<id>.md), compiled in; empty for an unknown id.
std::string_view bundled_rule_page(std::string_view rule_id);

}  // namespace budgetcheck
