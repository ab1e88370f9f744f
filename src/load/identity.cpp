// Reading who published a disclosure, for which year and of what kind, without building the
// document: a batch pairs each disclosure with last year's of the same unit before checking any,
// and must not parse every file twice to do so. The scan stops as soon as the "document" object
// has been read, which transcriptions print near the top. A PDF has no such object: its text is
// read (not recognised into tables) to find the unit, year and kind its cover prints.
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "budgetcheck/load/load.hpp"
#include "budgetcheck/load/pdf.hpp"

namespace budgetcheck {

namespace {

class IdentityScanner : public nlohmann::json_sax<nlohmann::json> {
  public:
    DocumentIdentity identity;
    bool unit = false, year = false, kind = false;
    bool finished = false;  // the "document" object has ended

    bool null() override { return scalar({}); }
    bool boolean(bool /*value*/) override { return scalar({}); }
    bool number_integer(number_integer_t value) override { return number(value); }
    bool number_unsigned(number_unsigned_t value) override {
        return number(static_cast<number_integer_t>(value));
    }
    bool number_float(number_float_t /*value*/, const string_t& /*lexeme*/) override {
        return scalar({});
    }
    bool string(string_t& value) override { return scalar(value); }
    bool binary(binary_t& /*value*/) override { return scalar({}); }
    bool start_object(std::size_t /*elements*/) override { return open(); }
    bool end_object() override { return close(); }
    bool start_array(std::size_t /*elements*/) override { return open(); }
    bool end_array() override { return close(); }
    bool key(string_t& value) override {
        key_ = value;
        return true;
    }
    bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                     const nlohmann::detail::exception& /*error*/) override {
        return false;
    }

  private:
    bool in_document() const { return depth_ == 2 && in_document_; }
    bool open() {
        if (depth_ == 1 && key_ == "document") {
            in_document_ = true;
        }
        ++depth_;
        return true;
    }
    bool close() {
        --depth_;
        if (depth_ == 1 && in_document_) {
            finished = true;
            return false;  // nothing after the document object is needed
        }
        return true;
    }
    bool number(number_integer_t value) {
        if (in_document() && key_ == "year" && value > 0 && value < 10000) {
            identity.year = static_cast<int>(value);
            year = true;
        }
        return true;
    }
    bool scalar(const std::string& value) {
        if (!in_document()) {
            return true;
        }
        if (key_ == "unit") {
            identity.unit = value;
            unit = !value.empty();
        } else if (key_ == "kind") {
            if (auto parsed = parse_document_kind(value)) {
                identity.kind = *parsed;
                kind = true;
            }
        }
        return true;
    }

    int depth_ = 0;
    bool in_document_ = false;
    std::string key_;
};

// Reads the first few top-level keys, which is where a budgetcheck report, baseline or SARIF
// log says what it is.
class OwnFileScanner : public nlohmann::json_sax<nlohmann::json> {
  public:
    std::string_view found;

    bool null() override { return true; }
    bool boolean(bool /*value*/) override { return true; }
    bool number_integer(number_integer_t /*value*/) override { return true; }
    bool number_unsigned(number_unsigned_t /*value*/) override { return true; }
    bool number_float(number_float_t /*value*/, const string_t& /*lexeme*/) override {
        return true;
    }
    bool string(string_t& value) override {
        if (depth_ == 1 && key_ == "$schema" && value.find("sarif") != std::string::npos) {
            found = "a SARIF log";
            return false;
        }
        return true;
    }
    bool binary(binary_t& /*value*/) override { return true; }
    bool start_object(std::size_t /*elements*/) override { return open(); }
    bool end_object() override { return close(); }
    bool start_array(std::size_t /*elements*/) override { return open(); }
    bool end_array() override { return close(); }
    bool key(string_t& value) override {
        if (depth_ != 1) {
            return true;
        }
        key_ = value;
        if (value == "budgetcheck_report") {
            found = "a budgetcheck report";
        } else if (value == "budgetcheck_baseline") {
            found = "a budgetcheck baseline";
        }
        // A disclosure names its format version first; anything else is known after a few keys.
        return found.empty() && value != "budgetcheck" && ++keys_ < 4;
    }
    bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                     const nlohmann::detail::exception& /*error*/) override {
        return false;
    }

  private:
    bool open() {
        ++depth_;
        return true;
    }
    bool close() {
        --depth_;
        return true;
    }

    int depth_ = 0;
    int keys_ = 0;
    std::string key_;
};

}  // namespace

std::string_view budgetcheck_output_kind(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return {};
    }
    OwnFileScanner scanner;
    try {
        nlohmann::json::sax_parse(std::istreambuf_iterator<char>(in),
                                  std::istreambuf_iterator<char>(), &scanner);
    } catch (const nlohmann::json::exception&) {
        return {};  // not well-formed: whatever it is, the full load says what is wrong
    }
    return scanner.found;
}

std::optional<DocumentIdentity> read_identity(const std::filesystem::path& path) {
    if (is_pdf_path(path)) {
        // A PDF says who published it on its cover and in its titles: only reading it finds out.
        const PdfImport imported = import_pdf({path});
        if (!imported.document || imported.document->unit.empty() ||
            imported.document->year == 0) {
            return std::nullopt;
        }
        return DocumentIdentity{imported.document->unit, imported.document->year,
                                imported.document->kind};
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    IdentityScanner scanner;
    try {
        nlohmann::json::sax_parse(std::istreambuf_iterator<char>(in),
                                  std::istreambuf_iterator<char>(), &scanner);
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;  // the full load reports what is wrong with the file
    }
    if (!scanner.unit || !scanner.year || !scanner.kind) {
        return std::nullopt;
    }
    return scanner.identity;
}

}  // namespace budgetcheck
