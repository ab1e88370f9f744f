#include <catch2/catch.hpp>

#include <algorithm>

#include "budgetcheck/load/load.hpp"
#include "budgetcheck/rules/engine.hpp"
#include "test_support.hpp"

using namespace budgetcheck;
using test::find_diagnostic;
using test::load_tables;

TEST_CASE("load_document reads a minimal disclosure from memory", "[loader]") {
    auto result = load_tables(R"([{"title": "支出总表", "columns": ["科目编码", "科目名称", "合计"],
        "rows": [["208", "社会保障和就业支出", "10.00"], ["", "合计", "10.00"]]}])");
    CHECK(result.diagnostics.empty());
    REQUIRE(result.document);
    CHECK(result.document->unit == "测试单位");
    CHECK(result.document->year == 2024);
    CHECK(result.document->kind == DocumentKind::UnitBudget);
    REQUIRE(result.document->tables.size() == 1);
    CHECK(result.document->tables[0].kind == TableKind::ExpenditureSummary);
}

TEST_CASE("every cell knows its JSON pointer and line:column", "[loader]") {
    const std::string text = test::document_with_tables(
        "[{\"title\": \"支出总表\",\n  \"columns\": [\"科目名称\", \"合计\"],\n  \"rows\": [\n"
        "    [\"社会保障和就业支出\", \"10.00\"],\n    {\"cells\": [\"合计\", \"10.00\"], "
        "\"level\": 1}]}]");
    auto result = load_document(text, "t.json");
    REQUIRE(result.document);
    const TableSide& side = result.document->tables[0].sides[0];
    const Cell& cell = side.rows[0].cells[1];
    CHECK(cell.source.pointer == "/tables/0/rows/0/1");
    CHECK(cell.source.line == 7);
    CHECK(cell.source.column == 19);
    const Cell& object_cell = side.rows[1].cells[1];
    CHECK(object_cell.source.pointer == "/tables/0/rows/1/cells/1");
    CHECK(object_cell.source.line == 8);
    CHECK(object_cell.source.column == 22);
}

TEST_CASE("bad input becomes a diagnostic that says where and what", "[loader][bad-input]") {
    SECTION("empty file") {
        auto result = load_document("  \n", "empty.json");
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].code == "input.empty");
        CHECK(result.diagnostics[0].message == "the file is empty");
        CHECK_FALSE(result.document);
    }
    SECTION("invalid JSON gives line, column and what was expected") {
        auto result = load_document("{\"budgetcheck\": 1,\n \"document\": }", "bad.json");
        const LoadDiagnostic* d = find_diagnostic(result, "json.syntax");
        REQUIRE(d);
        CHECK(d->where.line == 2);
        CHECK(d->where.column == 14);
        CHECK_THAT(d->message, Catch::Contains("unexpected '}'"));
    }
    SECTION("GBK bytes are named and the conversion command given") {
        std::string gbk = "{\"title\": \"\xBA\xCF\xBC\xC6\"}";  // 合计 in GBK
        auto result = load_document(gbk, "gbk.json");
        const LoadDiagnostic* d = find_diagnostic(result, "input.not-utf8");
        REQUIRE(d);
        CHECK(d->where.line == 1);
        CHECK(d->where.column == 12);
        CHECK_THAT(d->message,
                   Catch::Contains("GBK/GB18030") && Catch::Contains("iconv -f GB18030 -t UTF-8"));
    }
    SECTION("UTF-16 is named") {
        auto result = load_document(std::string("\xFF\xFE{\0}\0", 6), "u16.json");
        const LoadDiagnostic* d = find_diagnostic(result, "input.not-utf8");
        REQUIRE(d);
        CHECK_THAT(d->message, Catch::Contains("UTF-16"));
    }
    SECTION("a missing required key names the object it is missing from") {
        auto result = load_document(
            R"({"budgetcheck": 1, "document": {"title": "t", "unit": "u", "kind": "unit_budget"}, "tables": []})",
            "m.json");
        const LoadDiagnostic* d = find_diagnostic(result, "schema.missing-key");
        REQUIRE(d);
        CHECK(d->where.pointer == "/document");
        CHECK(d->message == "missing key 'year' (the budget year)");
        CHECK_FALSE(result.document);
    }
    SECTION("a wrongly typed key gives its path") {
        auto result = load_document(
            R"({"budgetcheck": 1, "document": {"title": "t", "unit": "u", "year": "2024", "kind": "unit_budget"}, "tables": []})",
            "w.json");
        const LoadDiagnostic* d = find_diagnostic(result, "schema.wrong-type");
        REQUIRE(d);
        CHECK(d->where.pointer == "/document/year");
        CHECK(d->message == "'year' must be a number (the budget year), not a string");
    }
    SECTION("an unknown key is a warning with the closest known key") {
        auto result = load_tables(
            R"([{"title": "支出总表", "colums": [], "columns": ["科目名称", "合计"], "rows": []}])");
        const LoadDiagnostic* d = find_diagnostic(result, "schema.unknown-key");
        REQUIRE(d);
        CHECK(d->severity == DiagnosticSeverity::Warning);
        CHECK(d->where.pointer == "/tables/0/colums");
        CHECK(d->message == "unknown key 'colums' is ignored");
        REQUIRE(d->suggestions.size() == 1);
        CHECK(d->suggestions[0] == "columns");
        CHECK(result.document);
    }
    SECTION("a duplicate key is an error that points at both") {
        auto result = load_tables(
            R"([{"title": "支出总表", "title": "收入总表", "columns": ["合计"], "rows": []}])");
        const LoadDiagnostic* d = find_diagnostic(result, "schema.duplicate-key");
        REQUIRE(d);
        CHECK_THAT(d->message, Catch::StartsWith("duplicate key 'title' (first at line"));
    }
    SECTION("an unsupported format version") {
        auto result =
            load_document(R"({"budgetcheck": 2, "document": {}, "tables": []})", "v.json");
        const LoadDiagnostic* d = find_diagnostic(result, "schema.bad-value");
        REQUIRE(d);
        CHECK(d->message == "format version 2 is not supported; this budgetcheck reads version 1");
    }
    SECTION("an unrecognised table title lists only titles close to it") {
        auto result =
            load_tables(R"([{"title": "收支决算总表格", "columns": ["项目"], "rows": []}])");
        CHECK(find_diagnostic(result, "table.unknown-title") ==
              nullptr);  // 收支 still decides the kind
        auto unknown = load_tables(R"([{"title": "资产负债表", "columns": ["项目"], "rows": []}])");
        const LoadDiagnostic* d = find_diagnostic(unknown, "table.unknown-title");
        REQUIRE(d);
        CHECK(d->where.pointer == "/tables/0/title");
        CHECK_THAT(d->message, Catch::StartsWith("table title '资产负债表' is not recognised"));
        // No budget table's title is close to a balance sheet's: no suggestion rather than a
        // misleading one.
        CHECK(d->suggestions.empty());
    }
    SECTION("an unrecognised column header says which and lists close headers") {
        auto result = load_tables(
            R"([{"title": "支出总表", "columns": ["科目名称", "合计", "基本支岀"], "rows": []}])");
        const LoadDiagnostic* d = find_diagnostic(result, "column.unknown-header");
        REQUIRE(d);
        CHECK(d->where.pointer == "/tables/0/columns/2");
        CHECK_THAT(d->message, Catch::StartsWith("column 3 header '基本支岀' is not recognised"));
        REQUIRE_FALSE(d->suggestions.empty());
        CHECK(d->suggestions[0] == "基本支出");
    }
    SECTION("a row shorter than the header") {
        auto result = load_tables(
            R"([{"title": "支出总表", "columns": ["科目名称", "合计", "基本支出"], "rows": [["合计", "1.00"]]}])");
        const LoadDiagnostic* d = find_diagnostic(result, "row.wrong-length");
        REQUIRE(d);
        CHECK(d->message ==
              "row 1 has 2 cells but the table has 3 columns; which cell is missing is not known, "
              "so the checks that need the row's figures are skipped");
        CHECK(d->contained);
        REQUIRE(result.document);
        CHECK(result.checkable());
        CHECK(result.document->tables[0].sides[0].rows[0].cells[2].invalid);
    }
    SECTION("a cell that is not a figure") {
        auto result = load_tables(
            R"([{"title": "支出总表", "columns": ["科目名称", "合计"], "rows": [["合计", "12.3.4"]]}])");
        const LoadDiagnostic* d = find_diagnostic(result, "cell.not-a-number");
        REQUIRE(d);
        CHECK(d->where.pointer == "/tables/0/rows/0/1");
        CHECK(d->message == "cell is not a figure: two decimal points in '12.3.4'");
        CHECK(d->contained);  // that cell's error: the rest of the document is still checked
        CHECK(result.checkable());
        CHECK(result.document->tables[0].sides[0].rows[0].cells[1].invalid);
    }
    SECTION("a raw newline in a quoted cell is echoed as an escape, keeping the message on one line") {
        auto result = load_tables(
            R"([{"title": "支出总表", "columns": ["科目名称", "合计"], "rows": [["合计", "12\n3"]]}])");
        const LoadDiagnostic* d = find_diagnostic(result, "cell.not-a-number");
        REQUIRE(d);
        CHECK(d->message == "cell is not a figure: unexpected character '\\n' in '12\\n3'");
    }
    SECTION("a cell of the wrong JSON type") {
        auto result = load_tables(
            R"([{"title": "支出总表", "columns": ["科目名称", "合计"], "rows": [["合计", null]]}])");
        const LoadDiagnostic* d = find_diagnostic(result, "schema.wrong-type");
        REQUIRE(d);
        CHECK(d->message == "a cell must be a string or a number, not null");
        CHECK(result.checkable());
    }
    SECTION("a top level that is not an object") {
        auto result = load_document("[1, 2]", "a.json");
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].code == "schema.wrong-type");
        CHECK_FALSE(result.checkable());
    }
    SECTION("the document kind may be given by its Chinese name") {
        auto result = load_document(
            R"({"budgetcheck": 1, "document": {"title": "t", "unit": "u", "year": 2024, "kind": "部门决算"}, "tables": []})",
            "k.json");
        REQUIRE(result.document);
        CHECK(result.document->kind == DocumentKind::DepartmentFinal);
    }
    SECTION("an unknown document kind suggests the closest") {
        auto result = load_document(
            R"({"budgetcheck": 1, "document": {"title": "t", "unit": "u", "year": 2024, "kind": "unit_budgets"}, "tables": []})",
            "k.json");
        const LoadDiagnostic* d = find_diagnostic(result, "schema.bad-value");
        REQUIRE(d);
        CHECK(d->suggestions == std::vector<std::string>{"unit_budget"});
    }
}

TEST_CASE("JSON numbers in cells are read like printed text", "[loader]") {
    auto result = load_tables(
        R"([{"title": "支出总表", "columns": ["科目名称", "合计"], "rows": [["合计", 12.50], ["合计", 1e300]]}])");
    REQUIRE(result.document);
    const Cell& cell = result.document->tables[0].sides[0].rows[0].cells[1];
    CHECK(cell.printed == "12.50");
    CHECK(cell.amount()->decimals() == 2);
    const LoadDiagnostic* d = find_diagnostic(result, "cell.not-a-number");
    REQUIRE(d);
    CHECK(d->where.pointer == "/tables/0/rows/1/1");
    CHECK(d->message == "cell is not a figure: exponent notation '1e300' is not a printed figure");
}

TEST_CASE("each table carries its own money unit", "[loader]") {
    auto result = load_tables(
        R"([{"title": "支出总表", "money_unit": "元", "columns": ["科目名称", "合计"], "rows": [["合计", "5170300"]]},
                                 {"title": "收入总表", "columns": ["单位名称", "合计"], "rows": [["测试单位", "517.03"]]}])");
    REQUIRE(result.document);
    const Table& yuan = result.document->tables[0];
    const Table& wan = result.document->tables[1];
    CHECK(yuan.money_unit == MoneyUnit::Yuan);
    CHECK(wan.money_unit == MoneyUnit::TenThousandYuan);
    const Amount& a = *yuan.sides[0].rows[0].cells[1].amount();
    const Amount& b = *wan.sides[0].rows[0].cells[1].amount();
    CHECK(*a.in_yuan(yuan.money_unit) == *b.in_yuan(wan.money_unit));
}

TEST_CASE("load_file reports unreadable paths as input errors", "[loader][bad-input]") {
    SECTION("missing file") {
        auto result = load_file("/nonexistent/budget.json");
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].code == "input.unreadable");
    }
    SECTION("a directory") {
        auto result = load_file(BUDGETCHECK_SOURCE_DIR "/data");
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].message == "this is a directory, not a file");
    }
}

TEST_CASE("an uncoded subject the catalog files under another parent is not given that code",
          "[load][hierarchy]") {
    // The bundled catalog knows 行政运行 as 2080101 and others, not 2010301: printed under 20103
    // it is left unread, so no rule calls it misfiled.
    const LoadResult loaded = test::load_tables(
        R"([{"title": "一般公共预算支出表", "columns": ["科目名称", "合计"], "rows": [
            ["一般公共服务支出", "10.00"],
            ["  政府办公厅（室）及相关机构事务", "10.00"],
            ["    行政运行", "10.00"],
            ["合计", "10.00"]]}])");
    REQUIRE(loaded.document);
    const Row& row = loaded.document->tables[0].sides[0].rows[2];
    CHECK_FALSE(row.subject.has_value());
    const LoadDiagnostic* d = test::find_diagnostic(loaded, "row.ambiguous-subject");
    REQUIRE(d != nullptr);
    CHECK(d->message ==
          "subject '行政运行' is catalogued only under other subjects than the rows above it; "
          "print its code");
    CHECK(test::find_diagnostic(loaded, "row.unknown-subject") == nullptr);
    const CheckReport report = check_document(*loaded.document);
    CHECK(std::none_of(report.findings.begin(), report.findings.end(), [](const Finding& f) {
        return f.rule_id == "classification.parent-code";
    }));
}

TEST_CASE("a row of the columns' numbers without the word 栏次 is no row of figures",
          "[load][hierarchy]") {
    // The central 决算 template's “三公” table: no label column, the numbers 1…6 under the header.
    const std::string three_public =
        R"([{"title": "一般公共预算财政拨款“三公”经费支出决算表",
             "columns": [["预算数", "合计"], ["预算数", "因公出国（境）费"], ["预算数", "公务接待费"],
                         ["决算数", "合计"], ["决算数", "因公出国（境）费"], ["决算数", "公务接待费"]],
             "rows": [["1", "2", "3", "4", "5", "6"],
                      ["15.00", "4.00", "11.00", "13.00", "4.00", "9.00"]]}])";
    const LoadResult loaded = test::load_tables(three_public);
    REQUIRE(loaded.document);
    CHECK(loaded.document->tables[0].sides[0].rows[0].role == RowRole::Filler);
    const CheckReport report = check_document(*loaded.document);
    for (const char* rule : {"crossfoot.column-group", "outturn.three-public-over-budget"}) {
        INFO(rule);
        CHECK(std::none_of(report.findings.begin(), report.findings.end(),
                           [&](const Finding& f) { return f.rule_id == rule; }));
    }
    // An empty table whose only other row is 栏次 is still empty.
    const LoadResult empty = test::load_tables(
        R"([{"title": "政府性基金预算财政拨款收入支出决算表", "columns": ["项目", "年初结转和结余", "本年收入", "本年支出"],
             "rows": [["栏次", "1", "2", "3"], ["合计", "", "", ""]],
             "notes": ["注：本单位无政府性基金预算财政拨款收入、支出，故本表无数据。"]}])");
    REQUIRE(empty.document);
    CHECK(empty.document->tables[0].is_empty());
}

TEST_CASE("a code printed in the name's own cell is the row's code", "[load][hierarchy]") {
    // 预算一体化 exports print [201]一般公共服务支出 in the name column; a numbering or a year is none.
    const LoadResult loaded = test::load_tables(
        R"([{"title": "一般公共预算支出表", "columns": ["科目名称", "合计"], "rows": [
            ["[201]一般公共服务支出", "10.00"],
            ["【20103】政府办公厅（室）及相关机构事务", "10.00"],
            ["2010301 行政运行", "10.00"],
            ["合计", "10.00"]]}])");
    REQUIRE(loaded.document);
    const auto& rows = loaded.document->tables[0].sides[0].rows;
    const std::vector<std::pair<std::string, std::string>> want = {
        {"201", "一般公共服务支出"},
        {"20103", "政府办公厅（室）及相关机构事务"},
        {"2010301", "行政运行"}};
    for (std::size_t r = 0; r < want.size(); ++r) {
        INFO(r);
        REQUIRE(rows[r].subject.has_value());
        CHECK(rows[r].subject->code == want[r].first);
        CHECK(rows[r].subject->origin == SubjectRef::Origin::PrintedCode);
        CHECK(rows[r].label == want[r].second);
    }
    CHECK(rows[2].parent == 1);
    CHECK(loaded.diagnostics.empty());
}
