// The tables as printed, rebuilt for the html report from the typed document: the header as it
// was merged on the page, rows in printed order with both sides of a two-sided table, labels
// indented by level, and each cell's pointer, which is what findings name it by.
#include <catch2/catch.hpp>

#include "budgetcheck/batch.hpp"
#include "budgetcheck/load/load.hpp"
#include "budgetcheck/report/as_printed.hpp"

using namespace budgetcheck;

namespace {

const PrintedDocumentView& jilin() {
    static const PrintedDocumentView view = [] {
        const LoadResult result =
            load_file(BUDGETCHECK_SOURCE_DIR "/data/jilin-hrss-information-center-2024.json");
        REQUIRE(result.document);
        return as_printed(*result.document);
    }();
    return view;
}

std::vector<std::string> texts(const std::vector<HeaderCellView>& row) {
    std::vector<std::string> out;
    for (const HeaderCellView& cell : row) {
        out.push_back(cell.text);
    }
    return out;
}

}  // namespace

TEST_CASE("as printed: every table, in printed order, with its title and unit", "[as-printed]") {
    const PrintedDocumentView& view = jilin();
    REQUIRE(view.tables.size() == 11);
    CHECK(view.tables[0].title == "收支预算总表");
    CHECK(view.tables[0].unit == "万元");
    CHECK(view.tables[0].pointer == "/tables/0");
    CHECK(view.tables[10].title == "项目支出绩效目标表");
    CHECK_FALSE(view.narrative.empty());
}

TEST_CASE("as printed: a header text over several columns is one cell spanning them",
          "[as-printed]") {
    const PrintedTableView& table = jilin().tables[0];
    REQUIRE(table.header.size() == 2);
    CHECK(texts(table.header[0]) == std::vector<std::string>{"收 入", "支 出"});
    CHECK(table.header[0][0].columns == 4);
    CHECK(table.header[0][1].columns == 4);
    CHECK(texts(table.header[1]) == std::vector<std::string>{"项 目", "2024 年 预算数", "本年 预算",
                                                             "上年 结转", "项 目", "2024 年 预算数",
                                                             "本年 预算", "上年 结转"});
}

TEST_CASE("as printed: a one-level header fills the header row", "[as-printed]") {
    const PrintedTableView& table = jilin().tables[2];
    REQUIRE(table.header.size() == 1);
    CHECK(table.header[0].size() == 7);
    CHECK(table.header[0][0].text == "功能分类 科目名称");
    CHECK(table.header[0][0].rows == 1);
}

TEST_CASE("as printed: both sides of a two-sided table share the printed row", "[as-printed]") {
    const PrintedRowView& row = jilin().tables[0].rows[0];
    REQUIRE(row.cells.size() == 8);
    CHECK(row.cells[0].text == "一、财政拨款收入");
    CHECK(row.cells[1].text == "4394.21");
    CHECK(row.cells[4].text == "一、社会保障 和就业支出");
    CHECK(row.cells[5].pointer == "/tables/0/rows/0/5");
}

TEST_CASE("as printed: labels are indented by their level and figures are set apart",
          "[as-printed]") {
    const PrintedTableView& table = jilin().tables[2];
    CHECK(table.rows[0].cells[0].indent == 0);  // 208 类
    CHECK(table.rows[1].cells[0].indent == 1);  // 20801 款
    CHECK(table.rows[2].cells[0].indent == 2);  // 2080108 项
    CHECK_FALSE(table.rows[0].cells[0].figure);
    CHECK(table.rows[0].cells[1].figure);
    CHECK(table.rows[0].cells[1].pointer == "/tables/2/rows/0/1");
    CHECK(table.rows[0].pointer == "/tables/2/rows/0");
}

TEST_CASE("as printed: a performance-target form opens each project with its name",
          "[as-printed]") {
    const PrintedTableView& table = jilin().tables[10];
    REQUIRE_FALSE(table.rows.empty());
    CHECK(table.rows[0].heading);
    CHECK(table.rows[0].cells[0].span == 5);
    CHECK(table.header[0].size() == 5);
}

TEST_CASE("as printed: a batch keeps the tables only when the report shows them", "[as-printed]") {
    const std::string path = BUDGETCHECK_SOURCE_DIR "/data/jilin-hrss-information-center-2024.json";
    BatchOptions options;
    CHECK_FALSE(check_file(path, options).as_printed);
    options.keep_as_printed = true;
    const FileResult kept = check_file(path, options);
    REQUIRE(kept.as_printed);
    CHECK(kept.as_printed->tables.size() == 11);
}
