// The two bundled seed disclosures must load completely: every table, column and subject
// recognised, with the hierarchy and typed figures the printed documents show.
#include <catch2/catch.hpp>

#include "budgetcheck/load/load.hpp"
#include "test_support.hpp"

using namespace budgetcheck;

namespace {

const Document& jilin() {
    static const LoadResult result =
        load_file(BUDGETCHECK_SOURCE_DIR "/data/jilin-hrss-information-center-2024.json");
    REQUIRE(result.document);
    return *result.document;
}

const Document& mohrss() {
    static const LoadResult result =
        load_file(BUDGETCHECK_SOURCE_DIR "/data/mohrss-information-center-2024.json");
    REQUIRE(result.document);
    return *result.document;
}

const Row* find_row(const TableSide& side, std::string_view code) {
    for (const Row& row : side.rows) {
        if (row.subject && row.subject->code == code) {
            return &row;
        }
    }
    return nullptr;
}

std::vector<TableKind> kinds(const Document& document) {
    std::vector<TableKind> out;
    for (const Table& table : document.tables) {
        out.push_back(table.kind);
    }
    return out;
}

}  // namespace

TEST_CASE("both seed files load with nothing unrecognised", "[seed]") {
    for (const char* name : {"/data/jilin-hrss-information-center-2024.json",
                             "/data/mohrss-information-center-2024.json"}) {
        INFO(name);
        test::check_all_recognised(load_file(std::string(BUDGETCHECK_SOURCE_DIR) + name), true);
    }
}

TEST_CASE("吉林 seed: every table is recognised as its kind", "[seed]") {
    CHECK(kinds(jilin()) ==
          std::vector<TableKind>{
              TableKind::IncomeExpenditureSummary, TableKind::IncomeSummary,
              TableKind::ExpenditureSummary, TableKind::FiscalAppropriationSummary,
              TableKind::GeneralPublicExpenditure, TableKind::GeneralPublicBasicExpenditure,
              TableKind::ThreePublicExpenses, TableKind::GovernmentFundExpenditure,
              TableKind::StateCapitalExpenditure, TableKind::ProjectExpenditure,
              TableKind::PerformanceTargets});
}

TEST_CASE("吉林 seed: the uncoded 支出预算总表 gets the functional hierarchy from the catalog",
          "[seed]") {
    const Table& table = jilin().tables[2];
    REQUIRE(table.title == "支出预算总表");
    const TableSide& side = table.sides[0];
    const Row* item = find_row(side, "2080108");
    REQUIRE(item);
    CHECK(item->label == "信息化建设");
    CHECK(item->subject->level == 3);
    CHECK(item->subject->origin == SubjectRef::Origin::CatalogName);
    const Row& section = side.rows[static_cast<std::size_t>(item->parent)];
    CHECK(section.subject->code == "20801");
    const Row& klass = side.rows[static_cast<std::size_t>(section.parent)];
    CHECK(klass.subject->code == "208");
    CHECK(klass.parent == -1);
    CHECK(find_row(side, "2080150"));
    CHECK(find_row(side, "2080199"));
    CHECK(find_row(side, "2080502"));
    CHECK(find_row(side, "2080505"));
    CHECK(find_row(side, "2080799"));
    CHECK(find_row(side, "2101102"));
    CHECK(find_row(side, "2210201"));
    CHECK(side.rows.back().is_total);
    CHECK(side.rows.back().cells[2].amount()->to_string() == "517.03");
}

TEST_CASE("吉林 seed: the basic-expenditure table is economic, coded from the catalog", "[seed]") {
    const TableSide& side = jilin().tables[5].sides[0];
    const Row* housing = find_row(side, "30113");
    REQUIRE(housing);
    CHECK(housing->subject->classification == Classification::EconomicDepartment);
    CHECK(side.rows[static_cast<std::size_t>(housing->parent)].subject->code == "301");
    CHECK(find_row(side, "30217"));
    CHECK(find_row(side, "31002"));
}

TEST_CASE("吉林 seed: the vertical 三公 table gives typed figures", "[seed]") {
    const Table& table = jilin().tables[6];
    REQUIRE(table.kind == TableKind::ThreePublicExpenses);
    CHECK(table.three_public.size() == 6);
    CHECK(table.notes.size() == 2);
}

TEST_CASE("吉林 seed: the two-sided 收支预算总表 has both sides and blank filler rows", "[seed]") {
    const Table& table = jilin().tables[0];
    REQUIRE(table.sides.size() == 2);
    const TableSide& income = table.sides[0];
    CHECK(income.rows[0].line_item == LineItem::FiscalAppropriationIncome);
    CHECK(income.rows[1].line_item == LineItem::GeneralPublicIncome);
    CHECK(income.rows[1].parent == 0);
    const TableSide& spending = table.sides[1];
    CHECK(spending.rows[0].subject->code == "208");
    CHECK(spending.rows[3].role == RowRole::Filler);
}

TEST_CASE("吉林 seed: project table rows are types, first- and second-level projects", "[seed]") {
    const TableSide& side = jilin().tables[9].sides[0];
    CHECK(side.rows[0].role == RowRole::ProjectType);
    CHECK(side.rows[1].role == RowRole::ProjectLevel1);
    CHECK(side.rows[2].role == RowRole::ProjectLevel2);
    CHECK(side.rows[2].parent == 1);
    CHECK(side.rows.back().is_total);
}

TEST_CASE("吉林 seed: five projects with performance targets", "[seed]") {
    const Table& table = jilin().tables.back();
    REQUIRE(table.kind == TableKind::PerformanceTargets);
    REQUIRE(table.projects.size() == 5);
    CHECK(table.projects[0].funds[0].kind == FundLineKind::Total);
    CHECK(table.projects[0].funds[0].cell.amount()->to_string() == "350.00");
    for (const ProjectTargets& project : table.projects) {
        for (const Indicator& indicator : project.indicators) {
            CHECK(indicator.category != IndicatorCategory::Unknown);
        }
    }
}

TEST_CASE("人社部 seed: coded tables, the horizontal empty 三公 table and the change columns",
          "[seed]") {
    const Document& doc = mohrss();
    CHECK(doc.tables.size() == 10);
    const TableSide& spending = doc.tables[2].sides[0];
    const Row* item = find_row(spending, "2080108");
    REQUIRE(item);
    CHECK(spending.rows[static_cast<std::size_t>(item->parent)].subject->code == "20801");

    const Table& general = doc.tables[4];
    CHECK(general.sides[0].columns[9].meaning.quantity == Quantity::ChangePercent);
    const Row* housing = find_row(general.sides[0], "2210201");
    REQUIRE(housing);
    CHECK(housing->cells[9].percentage()->to_string() == "-51.92%");

    const Table& three = doc.tables[8];
    CHECK(three.kind == TableKind::ThreePublicExpenses);
    CHECK(three.is_empty());
    CHECK(three.notes.size() == 1);

    // 30209 is printed under 303: the loader keeps the printed code and the catalog's name for it.
    const Row* reward = find_row(doc.tables[5].sides[0], "30209");
    REQUIRE(reward);
    CHECK(reward->label == "奖励金");
    CHECK(reward->subject->catalog_name == "物业管理费");
    CHECK(doc.tables[5].sides[0].rows[static_cast<std::size_t>(reward->parent)].subject->code ==
          "303");
}

TEST_CASE("人社部 seed: the label-less 收入总表 row is the unit's row", "[seed]") {
    const TableSide& side = mohrss().tables[1].sides[0];
    REQUIRE(side.rows.size() == 1);
    CHECK(side.rows[0].role == RowRole::Unit);
    CHECK(side.columns[6].meaning.of_which);
}
