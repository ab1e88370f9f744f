// Reading a published PDF into the document as printed (model/printed.hpp): the same shape a
// transcription has, so the recognizer and the rules treat both alike. Bad input (not a PDF,
// encrypted, damaged, no text layer) comes back as diagnostics located at the file or page,
// never as an exception.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "budgetcheck/load/load.hpp"
#include "budgetcheck/model/printed.hpp"

namespace budgetcheck {

struct PdfImport {
    std::optional<PrintedDocument> document;  // absent when no file could be read at all
    std::vector<LoadDiagnostic> diagnostics;
};

// Imports one disclosure from its PDFs: one file, or two published together (text, then
// tables), read in the order given as one document. Pages are numbered within their own file.
PdfImport import_pdf(const std::vector<std::filesystem::path>& files,
                     const LoadOptions& options = {});

// Imports and recognises: what `verify` and `inspect` do with a PDF.
LoadResult load_pdf(const std::vector<std::filesystem::path>& files,
                    const LoadOptions& options = {});

// Whether a path names a PDF by its extension (.pdf, any case).
bool is_pdf_path(const std::filesystem::path& path);

}  // namespace budgetcheck
