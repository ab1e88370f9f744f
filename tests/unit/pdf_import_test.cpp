// PDF import: accuracy against the hand-checked transcriptions of the corpus (data/corpus/,
// whose PDFs are copied into tests/pdf/), and bad input that must come back as a diagnostic.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "budgetcheck/batch.hpp"
#include "budgetcheck/load/pdf.hpp"
#include "budgetcheck/report/transcription.hpp"

using namespace budgetcheck;

namespace {

const std::filesystem::path source_dir = BUDGETCHECK_SOURCE_DIR;

std::string without_spaces(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c != ' ') {
            out += c;
        }
    }
    return out;
}

// A printed figure: what the accuracy target counts (codes are figures too: a code in the wrong
// column is as wrong as an amount there).
bool numeric(const std::string& text) {
    bool digit = false;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            digit = true;
        } else if (std::string_view(",.-%()").find(c) == std::string_view::npos) {
            return false;
        }
    }
    return digit;
}

struct Accuracy {
    std::string document;
    int tables_expected = 0, tables_found = 0;
    int cells = 0, identical = 0;
    int headers = 0, headers_identical = 0;  // header paths, spaces ignored
    int texts = 0, texts_identical = 0;      // non-numeric cells that print something
    std::vector<std::string> misses;

    double share() const { return cells == 0 ? 1.0 : static_cast<double>(identical) / cells; }
};

// Imports the PDFs a transcription names and compares every numeric cell, in the table of the
// same title, at the same row and column.
Accuracy measure(const std::filesystem::path& transcription) {
    std::ifstream in(transcription);
    const nlohmann::json expected = nlohmann::json::parse(in);
    Accuracy out;
    out.document = transcription.stem().string();
    std::vector<std::filesystem::path> pdfs;
    const auto& source = expected.at("source");
    std::vector<std::string> names;
    if (source.contains("files")) {
        for (const auto& f : source.at("files")) {
            names.push_back(f.get<std::string>());
        }
    } else {
        names.push_back(source.at("file").get<std::string>());
    }
    for (const std::string& name : names) {
        pdfs.push_back(source_dir / "tests/pdf" / std::filesystem::path(name).filename());
    }
    const PdfImport imported = import_pdf(pdfs);
    REQUIRE(imported.document.has_value());
    const auto& tables = imported.document->tables;
    std::vector<bool> taken(tables.size(), false);
    for (const auto& table : expected.at("tables")) {
        if (!table.contains("columns")) {
            continue;  // performance-target forms are not grids
        }
        ++out.tables_expected;
        const std::string title = without_spaces(table.at("title").get<std::string>());
        const PrintedTable* found = nullptr;
        for (std::size_t t = 0; t < tables.size(); ++t) {
            if (!taken[t] && without_spaces(tables[t].title.text) == title) {
                taken[t] = true;
                found = &tables[t];
                break;
            }
        }
        out.tables_found += found != nullptr ? 1 : 0;
        const auto& columns = table.at("columns");
        for (std::size_t c = 0; c < columns.size(); ++c) {
            std::vector<std::string> path;
            if (columns[c].is_string()) {
                path.push_back(without_spaces(columns[c].get<std::string>()));
            } else {
                for (const auto& part : columns[c]) {
                    path.push_back(without_spaces(part.get<std::string>()));
                }
            }
            if (path == std::vector<std::string>{""}) {
                path.clear();  // a column printed without a header
            }
            ++out.headers;
            if (found != nullptr && c < found->columns.size()) {
                std::vector<std::string> got;
                for (const PrintedText& part : found->columns[c].header) {
                    got.push_back(without_spaces(part.text));
                }
                out.headers_identical += got == path ? 1 : 0;
            }
        }
        const auto& rows = table.at("rows");
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const auto& cells = rows[r].is_object() ? rows[r].at("cells") : rows[r];
            for (std::size_t c = 0; c < cells.size(); ++c) {
                const std::string text =
                    cells[c].is_string() ? cells[c].get<std::string>() : cells[c].dump();
                if (!numeric(text)) {
                    if (!text.empty()) {
                        ++out.texts;
                        out.texts_identical +=
                            found != nullptr && r < found->rows.size() &&
                                    c < found->rows[r].cells.size() &&
                                    without_spaces(found->rows[r].cells[c].text) ==
                                        without_spaces(text)
                                ? 1
                                : 0;
                    }
                    continue;
                }
                ++out.cells;
                const bool same = found != nullptr && r < found->rows.size() &&
                                  c < found->rows[r].cells.size() &&
                                  found->rows[r].cells[c].text == text;
                if (same) {
                    ++out.identical;
                } else if (out.misses.size() < 400) {
                    std::string got = "(no such cell)";
                    if (found == nullptr) {
                        got = "(table not found)";
                    } else if (r < found->rows.size() && c < found->rows[r].cells.size()) {
                        got = '"' + found->rows[r].cells[c].text + '"';
                    }
                    out.misses.push_back(fmt::format("{}, row {}, column {}: \"{}\" read as {}",
                                                     title, r + 1, c + 1, text, got));
                }
            }
        }
    }
    return out;
}

std::filesystem::path scratch(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() / "budgetcheck-pdf-test";
    std::filesystem::create_directories(dir);
    return dir / name;
}

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

const LoadDiagnostic* find(const std::vector<LoadDiagnostic>& diagnostics, std::string_view code) {
    for (const LoadDiagnostic& d : diagnostics) {
        if (d.code == code) {
            return &d;
        }
    }
    return nullptr;
}

// The floors each document must stay at or above: what the importer reaches today
// (docs/import.md), so that a change that loses figures or header paths fails here.
struct Floor {
    double numeric;  // share of numeric cells identical
    int headers;     // header paths identical
};
const std::map<std::string, Floor> floors = {
#include "pdf_import_floors.inc"
};

}  // namespace

TEST_CASE("Importing the corpus PDFs reproduces the hand-checked numeric cells", "[pdf]") {
    std::vector<std::filesystem::path> transcriptions;
    for (const auto& entry : std::filesystem::directory_iterator(source_dir / "data/corpus")) {
        if (entry.path().extension() == ".json") {
            transcriptions.push_back(entry.path());
        }
    }
    std::sort(transcriptions.begin(), transcriptions.end());
    REQUIRE(transcriptions.size() >= 15);
    std::ofstream report("import-accuracy.md");
    report << "| document | tables found | numeric cells identical | header paths identical | "
              "text cells identical |\n|---|---|---|---|---|\n";
    int cells = 0;
    int identical = 0;
    int headers = 0;
    int headers_identical = 0;
    int texts = 0;
    int texts_identical = 0;
    std::ofstream misses("import-misses.txt");
    for (const auto& transcription : transcriptions) {
        const Accuracy a = measure(transcription);
        cells += a.cells;
        identical += a.identical;
        headers += a.headers;
        headers_identical += a.headers_identical;
        texts += a.texts;
        texts_identical += a.texts_identical;
        report << fmt::format("| {} | {} / {} | {} / {} ({:.1f}%) | {} / {} | {} / {} |\n",
                              a.document, a.tables_found, a.tables_expected, a.identical, a.cells,
                              100.0 * a.share(), a.headers_identical, a.headers,
                              a.texts_identical, a.texts);
        for (const std::string& miss : a.misses) {
            misses << a.document << ": " << miss << "\n";
        }
        const auto floor = floors.find(a.document);
        INFO(a.document << ": " << a.identical << " of " << a.cells << " numeric cells, "
                        << a.headers_identical << " of " << a.headers << " header paths");
        CHECK(floor != floors.end());
        if (floor != floors.end()) {
            CHECK(a.share() >= floor->second.numeric);
            CHECK(a.headers_identical >= floor->second.headers);
        }
    }
    report << fmt::format("| all | | {} / {} ({:.2f}%) | {} / {} ({:.1f}%) | {} / {} ({:.1f}%) |\n",
                          identical, cells, 100.0 * identical / std::max(cells, 1),
                          headers_identical, headers, 100.0 * headers_identical / std::max(headers, 1),
                          texts_identical, texts, 100.0 * texts_identical / std::max(texts, 1));
}

namespace {

std::vector<std::string> header_of(const PrintedTable& table, std::size_t column) {
    std::vector<std::string> out;
    for (const PrintedText& part : table.columns.at(column).header) {
        out.push_back(part.text);
    }
    return out;
}

const PrintedTable& table_titled(const PrintedDocument& document, std::string_view title) {
    for (const PrintedTable& table : document.tables) {
        if (without_spaces(table.title.text) == title) {
            return table;
        }
    }
    FAIL("no table titled " << title);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("A header cell's text wrapped onto further lines is one header text", "[pdf]") {
    // ONLYOFFICE: text boxes a quarter of the type's height, 本年收入合 / 计 wrapped in its cell,
    // and 附属单 / 位上 / 缴收入 printed between the lines of its neighbour 经营收 / 入.
    const PdfImport finance =
        import_pdf({source_dir / "tests/pdf/putuo-finance-bureau-2024-dept-final.pdf"});
    REQUIRE(finance.document);
    const PrintedTable& income = table_titled(*finance.document, "收入决算表");
    REQUIRE(income.columns.size() == 11);
    CHECK(header_of(income, 4) == std::vector<std::string>{"本年收入合计"});
    CHECK(header_of(income, 8) == std::vector<std::string>{"经营收入"});
    CHECK(header_of(income, 9) == std::vector<std::string>{"附属单位上缴收入"});
    // Word (江苏): 单位预留机动经 / 费 under nothing, beside texts printed on one line.
    const PdfImport jiangsu =
        import_pdf({source_dir / "tests/pdf/jiangsu-renminjianchayuan-2018-budget.pdf"});
    REQUIRE(jiangsu.document);
    const PrintedTable& spending = table_titled(*jiangsu.document, "支出预算总表");
    REQUIRE(spending.columns.size() > 3);
    CHECK(header_of(spending, 3) == std::vector<std::string>{"单位预留机动经费"});
}

TEST_CASE("An imported PDF names the page of every table and cell", "[pdf]") {
    const PdfImport imported =
        import_pdf({source_dir / "tests/pdf/putuo-justice-bureau-2026-unit-budget.pdf"});
    REQUIRE(imported.document);
    REQUIRE(imported.document->tables.size() == 9);
    const PrintedTable& income = imported.document->tables[1];
    CHECK(income.title.text == "2026年预算单位收入预算总表");
    CHECK(income.page == 9);
    CHECK(income.prepared_by == "上海市普陀区司法局");
    CHECK(income.money_unit == MoneyUnit::Yuan);
    CHECK(income.rows.front().cells[4].text == "79,189,400.34");
    CHECK(income.rows.front().cells[4].source.page == 9);
    // The table goes on over the page break without its header: the last row is on page 10.
    CHECK(income.rows.back().cells[4].text == "86,959,408.34");
    CHECK(income.rows.back().cells[4].source.page == 10);
    CHECK(imported.document->year == 2026);
    CHECK(imported.document->kind == DocumentKind::UnitBudget);
    CHECK(imported.document->unit == "上海市普陀区司法局");
    CHECK(imported.document->contents.front().text == "一、单位主要职能");
}

TEST_CASE("An imported PDF is written in the transcription format and loads again", "[pdf]") {
    const PdfImport imported =
        import_pdf({source_dir / "tests/pdf/putuo-justice-bureau-2026-unit-budget.pdf"});
    REQUIRE(imported.document);
    const std::string json =
        report::transcription_json(*imported.document, {"putuo-justice-bureau-2026-unit-budget.pdf"});
    const LoadResult again = load_document(json, "imported.json");
    REQUIRE(again.document);
    CHECK(again.document->tables.size() == 9);
    for (const LoadDiagnostic& d : again.diagnostics) {
        INFO(d.code << ": " << d.message);
        CHECK(d.code.rfind("schema.", 0) != 0);
    }
}

TEST_CASE("A file that is not a PDF is reported as such, not parsed", "[pdf]") {
    const auto path = scratch("not-a-pdf.pdf");
    write_bytes(path, "{\"budgetcheck\": 1}");
    const LoadResult result = load_file(path);
    CHECK_FALSE(result.document);
    const LoadDiagnostic* d = find(result.diagnostics, "pdf.not-a-pdf");
    REQUIRE(d != nullptr);
    CHECK(d->message ==
          "not-a-pdf.pdf is not a PDF (it does not start with %PDF-): check that the file is the "
          "published PDF and was downloaded completely");
}

TEST_CASE("A truncated PDF says it was cut off and never crashes", "[pdf]") {
    const std::string whole =
        read_bytes(source_dir / "tests/pdf/putuo-justice-bureau-2026-unit-budget.pdf");
    for (const std::size_t keep : {std::size_t{20}, whole.size() / 3, whole.size() - 100}) {
        const auto path = scratch(fmt::format("truncated-{}.pdf", keep));
        write_bytes(path, whole.substr(0, keep));
        const LoadResult result = load_file(path);
        INFO("kept " << keep << " bytes");
        const bool reported = find(result.diagnostics, "pdf.truncated") != nullptr ||
                              find(result.diagnostics, "pdf.damaged") != nullptr;
        CHECK(reported);
        CHECK(result.has_errors());
    }
}

TEST_CASE("A damaged PDF is a diagnostic", "[pdf]") {
    const auto path = scratch("damaged.pdf");
    write_bytes(path, "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ngarbage\n%%EOF\n");
    const LoadResult result = load_file(path);
    CHECK_FALSE(result.document);
    CHECK(find(result.diagnostics, "pdf.damaged") != nullptr);
}

TEST_CASE("A PDF without a text layer says OCR is needed", "[pdf]") {
    // One blank page: what a scan looks like to a text reader (its page is an image).
    const std::string pdf =
        "%PDF-1.4\n"
        "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
        "trailer << /Root 1 0 R >>\n%%EOF\n";
    const auto path = scratch("scan.pdf");
    write_bytes(path, pdf);
    const LoadResult result = load_file(path);
    CHECK_FALSE(result.document);
    const LoadDiagnostic* d = find(result.diagnostics, "pdf.no-text");
    REQUIRE(d != nullptr);
    CHECK(d->message.find("needs OCR") != std::string::npos);
}

TEST_CASE("An encrypted PDF is reported as protected", "[pdf]") {
    // A standard security handler with a user password the importer does not know.
    const std::string pdf =
        "%PDF-1.4\n"
        "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
        "4 0 obj << /Filter /Standard /V 1 /R 2 /O (0123456789abcdef0123456789abcdef) "
        "/U (0123456789abcdef0123456789abcdef) /P -4 >> endobj\n"
        "trailer << /Root 1 0 R /Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> "
        "<00112233445566778899aabbccddeeff>] >>\n%%EOF\n";
    const auto path = scratch("encrypted.pdf");
    write_bytes(path, pdf);
    const LoadResult result = load_file(path);
    CHECK_FALSE(result.document);
    const bool reported = find(result.diagnostics, "pdf.encrypted") != nullptr ||
                          find(result.diagnostics, "pdf.damaged") != nullptr;
    CHECK(reported);
}

TEST_CASE("In a batch a bad PDF does not stop the others", "[pdf]") {
    const auto dir = scratch("batch");
    std::filesystem::create_directories(dir);
    write_bytes(dir / "a-bad.pdf", "not a pdf at all");
    std::filesystem::copy_file(source_dir / "tests/pdf/putuo-justice-bureau-2026-unit-budget.pdf",
                               dir / "b-good.pdf",
                               std::filesystem::copy_options::overwrite_existing);
    const Inputs inputs = expand_inputs({dir.string()});
    REQUIRE(inputs.files.size() == 2);
    const LoadResult bad = load_file(inputs.files[0]);
    const LoadResult good = load_file(inputs.files[1]);
    CHECK(find(bad.diagnostics, "pdf.not-a-pdf") != nullptr);
    REQUIRE(good.document);
    CHECK(good.document->tables.size() == 9);
}

TEST_CASE("A cover printed as an image leaves the title empty and takes the year from the contents",
          "[pdf]") {
    const PdfImport imported =
        import_pdf({source_dir / "tests/pdf/jiangsu-zhengxiebangongting-2019-budget-text.pdf",
                    source_dir / "tests/pdf/jiangsu-zhengxiebangongting-2019-budget-tables.pdf"});
    REQUIRE(imported.document);
    CHECK(imported.document->title.empty());
    CHECK(imported.document->year == 2019);
    CHECK(imported.document->kind == DocumentKind::DepartmentBudget);
    const LoadDiagnostic* d = find(imported.diagnostics, "pdf.no-cover");
    REQUIRE(d != nullptr);
    CHECK(d->severity == DiagnosticSeverity::Warning);
    CHECK(d->message ==
          "no cover title was found in the text (a cover printed as an image?): the document's "
          "title is left empty and its year, 2019, is taken from the contents or the table titles");
}

TEST_CASE("A cover above the contents on the same page still gives title, year and unit", "[pdf]") {
    const PdfImport imported =
        import_pdf({source_dir / "tests/pdf/jiangsu-shengweibangongting-2017-budget-text.pdf",
                    source_dir / "tests/pdf/jiangsu-shengweibangongting-2017-budget-tables.pdf"});
    REQUIRE(imported.document);
    CHECK(imported.document->title == "江苏省委办公厅 2017 年度部门预算");
    CHECK(imported.document->year == 2017);
    CHECK(imported.document->unit == "江苏省委办公厅");
    CHECK_FALSE(imported.document->contents.empty());
}

TEST_CASE("The text PDF of a disclosure published as two is not taken for one missing its tables",
          "[pdf]") {
    // 江苏省人大常委会办公厅 2019 publishes its text and its tables as two PDFs.
    const LoadResult text =
        load_pdf({source_dir / "tests/pdf/jiangsu-renda-changweihui-2019-budget-text.pdf"});
    REQUIRE(text.document);
    REQUIRE(text.document->tables.empty());
    const CheckReport alone = check_document(*text.document);
    for (const char* rule : {"completeness.required-tables", "completeness.contents"}) {
        INFO(rule);
        CHECK(std::none_of(alone.findings.begin(), alone.findings.end(),
                           [&](const Finding& f) { return f.rule_id == rule; }));
        CHECK(std::any_of(alone.skipped.begin(), alone.skipped.end(), [&](const SkippedCheck& s) {
            return s.rule_id == rule &&
                   s.reason ==
                       "no table is printed in this PDF: a disclosure published as a text PDF "
                       "and a tables PDF is checked as one with `budgetcheck import TEXT.pdf "
                       "TABLES.pdf`";
        }));
    }
    // Read together, the two are one disclosure with every table.
    const LoadResult both =
        load_pdf({source_dir / "tests/pdf/jiangsu-renda-changweihui-2019-budget-text.pdf",
                  source_dir / "tests/pdf/jiangsu-renda-changweihui-2019-budget-tables.pdf"});
    REQUIRE(both.document);
    const CheckReport together = check_document(*both.document);
    CHECK(std::none_of(together.findings.begin(), together.findings.end(), [](const Finding& f) {
        return f.rule_id == "completeness.required-tables";
    }));
}
