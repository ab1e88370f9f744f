// The loader: JSON text → positioned tree → the document as printed (json_reader.cpp) → the
// typed Document (recognise.cpp), with every problem reported as a diagnostic that names the JSON
// pointer and line:column.
#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "budgetcheck/load/pdf.hpp"
#include "loader_internal.hpp"

namespace budgetcheck {

std::string_view to_string(DiagnosticSeverity severity) {
    return severity == DiagnosticSeverity::Error ? "error" : "warning";
}

std::size_t LoadResult::error_count() const {
    return static_cast<std::size_t>(std::count_if(
        diagnostics.begin(), diagnostics.end(),
        [](const LoadDiagnostic& d) { return d.severity == DiagnosticSeverity::Error; }));
}

bool LoadResult::checkable() const {
    return document.has_value() &&
           std::none_of(diagnostics.begin(), diagnostics.end(), [](const LoadDiagnostic& d) {
               return d.severity == DiagnosticSeverity::Error && !d.contained;
           });
}

std::size_t LoadResult::warning_count() const {
    return diagnostics.size() - error_count();
}

namespace detail {

std::string pointer_token(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace detail

namespace {

using detail::Diagnostics;

// How many bytes the UTF-8 character starting with `lead` has (0 when it cannot start one).
std::size_t utf8_length(char lead) {
    const auto c = static_cast<unsigned char>(lead);
    return c < 0x80 ? 1 : (c >= 0xC2 && c < 0xE0 ? 2 : (c >= 0xE0 && c < 0xF0 ? 3 : (c >= 0xF0 && c < 0xF5 ? 4 : 0)));
}

bool ends_in_continuations(std::string_view text, std::size_t from) {
    for (std::size_t i = from; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            return false;
        }
    }
    return true;
}

// Says what a non-UTF-8 file most likely is and how to convert it.
std::string encoding_advice(std::string_view text, std::size_t bad) {
    if (text.size() >= 2 &&
        ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
        return "the file is UTF-16; convert it with: iconv -f UTF-16 -t UTF-8 FILE > "
               "FILE.utf8.json";
    }
    // Mostly valid UTF-8 with a stray byte is a damaged UTF-8 file, not another encoding.
    std::size_t invalid = 0;
    std::size_t multibyte = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length =
            lead < 0x80
                ? 1
                : (lead >= 0xC2 && lead < 0xE0
                       ? 2
                       : (lead >= 0xE0 && lead < 0xF0 ? 3 : (lead >= 0xF0 && lead < 0xF5 ? 4 : 0)));
        if (length == 0 || find_invalid_utf8(text.substr(i, length)).has_value() ||
            i + length > text.size()) {
            ++invalid;
            ++i;
            continue;
        }
        multibyte += length > 1 ? 1 : 0;
        i += length;
    }
    if (multibyte > invalid * 4) {
        return fmt::format(
            "the rest of the file is UTF-8, so this looks like {} damaged byte{}: fix it in an "
            "editor "
            "that shows invalid bytes",
            invalid, invalid == 1 ? "" : "s");
    }
    // Text in any encoding has no control bytes but tab and line ends; a file with them is
    // binary (a PDF, a spreadsheet, a zip), and converting it would not help.
    for (std::size_t i = 0; i < text.size() && i < 4096; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            return fmt::format(
                "the file is binary, not text (byte 0x{:02X} at offset {}): check that it is the "
                "transcription and not the PDF or spreadsheet it came from",
                c, i);
        }
    }
    std::size_t pairs = 0;
    std::size_t highs = 0;
    for (std::size_t i = bad; i + 1 < text.size() && i < bad + 4096; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x81 && c <= 0xFE) {
            ++highs;
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x40 && next <= 0xFE && next != 0x7F) {
                ++pairs;
                ++i;
            }
        }
    }
    if (pairs > 0 && pairs * 2 >= highs) {
        return "the bytes look like GBK/GB18030, common for files saved by Chinese Windows "
               "software; convert it with: iconv -f GB18030 -t UTF-8 FILE > FILE.utf8.json";
    }
    return "save the file as UTF-8";
}

}  // namespace

LoadResult load_document(std::string_view text, std::string file, const LoadOptions& options) {
    LoadResult result;
    result.file = file;
    Diagnostics diagnostics(result.diagnostics);
    const SubjectCatalog& catalog =
        options.catalog != nullptr ? *options.catalog : bundled_catalog();

    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        diagnostics.error("input.empty", SourceLocation{"", 1, 1}, "the file is empty");
        return result;
    }
    if (const auto bad = find_invalid_utf8(text)) {
        const TextPosition at = position_of_offset(text, *bad);
        if (const std::size_t needed = utf8_length(text[*bad]);
            needed > 1 && *bad + needed > text.size() && ends_in_continuations(text, *bad + 1)) {
            diagnostics.error(
                "input.truncated", SourceLocation{"", at.line, at.column},
                fmt::format("the file ends in the middle of a character (it needs {} bytes from "
                            "offset {}, and {} are left): it was cut off while being saved or "
                            "copied; get the whole file again",
                            needed, *bad, text.size() - *bad));
            return result;
        }
        diagnostics.error(
            "input.not-utf8", SourceLocation{"", at.line, at.column},
            fmt::format("the file is not UTF-8 (byte 0x{:02X} at offset {}); {}",
                        static_cast<unsigned char>(text[*bad]), *bad, encoding_advice(text, *bad)));
        return result;
    }
    JsonParseResult parsed = parse_json_tree(text, options.max_depth);
    if (!parsed.root) {
        const bool too_deep = parsed.error.rfind("nesting deeper", 0) == 0;
        diagnostics.error(
            too_deep ? "json.too-deep" : "json.syntax",
            SourceLocation{"", parsed.error_position.line, parsed.error_position.column},
            parsed.error);
        return result;
    }
    std::optional<PrintedDocument> printed =
        detail::read_printed(text, *parsed.root, std::move(file), diagnostics);
    if (!printed) {
        return result;
    }
    result.document = detail::recognise(*printed, catalog, diagnostics);
    return result;
}

LoadResult load_file(const std::filesystem::path& path, const LoadOptions& options) {
    LoadResult result;
    result.file = path.string();
    Diagnostics diagnostics(result.diagnostics);
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (error || !std::filesystem::exists(status)) {
        diagnostics.error(
            "input.unreadable", {},
            fmt::format("cannot read the file: {}", error ? error.message() : "it does not exist"));
        return result;
    }
    if (std::filesystem::is_directory(status)) {
        diagnostics.error("input.unreadable", {}, "this is a directory, not a file");
        return result;
    }
    if (is_pdf_path(path)) {
        return load_pdf({path}, options);
    }
    const auto size = std::filesystem::file_size(path, error);
    if (!error && size > options.max_file_bytes) {
        diagnostics.error(
            "input.too-large", {},
            fmt::format("the file is {} bytes; budgetcheck reads at most {} bytes per "
                        "disclosure (a disclosure is usually under 1 MB)",
                        size, options.max_file_bytes));
        return result;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diagnostics.error("input.unreadable", {}, "cannot open the file (check its permissions)");
        return result;
    }
    std::ostringstream contents;
    contents << in.rdbuf();
    if (in.bad()) {
        diagnostics.error("input.unreadable", {}, "reading the file failed");
        return result;
    }
    return load_document(contents.str(), path.string(), options);
}

}  // namespace budgetcheck
