// Checking the figures of last year a narrative quotes against the same unit's disclosure of the
// year before (narrative.prior-year), and pairing the files of a batch to do so.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "budgetcheck/batch.hpp"
#include "budgetcheck/load/load.hpp"
#include "budgetcheck/rules/engine.hpp"
#include "rules_support.hpp"

using namespace budgetcheck;

namespace {

std::string corpus(const std::string& name) {
    return std::string(BUDGETCHECK_SOURCE_DIR) + "/data/corpus/" + name;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Document load(const std::string& path, const std::string& text) {
    LoadResult loaded = load_document(text, path);
    REQUIRE(loaded.document);
    return std::move(*loaded.document);
}

Document load(const std::string& path) {
    return load(path, read_text(path));
}

// The text with a printed figure replaced wherever it is printed, as if last year's disclosure
// had printed another.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    REQUIRE(text.find(from) != std::string::npos);
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

const ClaimResult* claim_about(const CheckReport& report, const std::string& subject,
                               const std::string& printed) {
    for (const ClaimResult& result : report.claims) {
        if (result.claim.subject == subject && result.claim.printed == printed) {
            return &result;
        }
    }
    return nullptr;
}

std::vector<const Finding*> findings_of(const CheckReport& report, const std::string& rule) {
    std::vector<const Finding*> out;
    for (const Finding& finding : report.findings) {
        if (finding.rule_id == rule) {
            out.push_back(&finding);
        }
    }
    return out;
}

// 2019's disclosure of the 检察院 as if it printed last year's budget beside this year's: a
// 上年预算数 column in 一般公共预算支出预算表 holding 2018's figures for the same codes (2040410,
// new in 2019, restated as 2018's 2040405, and the two other new codes blank), and one in the
// “三公” table beside 因公出国（境）费. `raise` replaces one of those figures.
std::string with_prior_year_columns(const std::string& path,
                                    const std::map<std::string, std::string>& raise = {}) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::parse(read_text(path));
    const std::map<std::string, std::string> last_year = {
        {"合   计", "21,940.96"}, {"204", "16,444.36"},     {"20404", "16,444.36"},
        {"2040401", "10,883.36"}, {"2040402", "3,666.00"},   {"2040410", "1,895.00"},
        {"2040450", ""},          {"2040499", ""},           {"208", "1,836.22"},
        {"20805", "1,836.22"},    {"2080504", "371.92"},     {"2080505", "1,045.93"},
        {"2080506", "418.37"},    {"221", "3,660.38"},       {"22102", "3,660.38"},
        {"2210201", "1,073.77"},  {"2210202", "2,586.61"},   {"“三公”", "100.00"}};
    auto figure = [&](const std::string& key) {
        const auto raised = raise.find(key);
        return raised != raise.end() ? raised->second : last_year.at(key);
    };
    for (auto& table : doc["tables"]) {
        if (table["title"] == "一般公共预算支出预算表（功能科目）") {
            table["columns"].push_back("上年预算数");
            for (auto& row : table["rows"]) {
                row.push_back(figure(row[0].get<std::string>()));
            }
        } else if (table["title"] == "“三公”经费、会议费、培训费支出预算表") {
            table["columns"].push_back(
                nlohmann::ordered_json::array({"上年预算数", "“三公”经费", "因公出国（境）费"}));
            table["rows"][0].push_back(figure("“三公”"));
        }
    }
    return doc.dump(2);
}

// The reasons a rule gave for the checks it skipped.
std::vector<std::string> skips_of(const CheckReport& report, const std::string& rule) {
    std::vector<std::string> out;
    for (const SkippedCheck& skipped : report.skipped) {
        if (skipped.rule_id == rule) {
            out.push_back(skipped.reason);
        }
    }
    return out;
}

const std::string procuratorate_2018 = corpus("jiangsu-renminjianchayuan-2018-budget.json");
const std::string procuratorate_2019 = corpus("jiangsu-renminjianchayuan-2019-budget.json");
const std::string wanli_2024 = corpus("putuo-wanli-street-2024-dept-budget.json");
const std::string wanli_2025_draft = corpus("putuo-wanli-street-2025-dept-budget-draft-a.json");

}  // namespace

TEST_CASE("changes against last year agree with last year's disclosure of the same unit",
          "[rules][narrative][prior-year]") {
    const Document now = load(procuratorate_2019);
    const Document last = load(procuratorate_2018);
    const CheckReport report = check_document(now, {}, &last);
    CHECK(findings_of(report, "narrative.prior-year").empty());
    CHECK(test::verified_against_last_year(report) == 23);
    // 收、支预算总计各增加 2214.39 万元: 24169.74 − 21955.35, the 2018 total with its 其他资金.
    const ClaimResult* total = claim_about(report, "江苏省人民检察院收支预算总计", "2214.39 万元");
    REQUIRE(total != nullptr);
    CHECK(total->status == ClaimStatus::Verified);
    CHECK(total->reason ==
          "against last year's disclosure: 收支预算总表 当年收入小计 × 收入 / 金额 in "
          "jiangsu-renminjianchayuan-2018-budget.json");
    // 2040405 of 2018 is 2040410 检察监督 in 2019: last year's tables do not print the code.
    const ClaimResult* recoded = claim_about(report, "检察(款)检察监督(项)支出", "709.4 万元");
    REQUIRE(recoded != nullptr);
    CHECK(recoded->status == ClaimStatus::Unverifiable);
    CHECK(recoded->reason ==
          "last year's disclosure (jiangsu-renminjianchayuan-2018-budget.json) prints no single "
          "figure for spending · amount · budget-year · fiscal · subject 2040410");
}

TEST_CASE("last year's figure is taken as finely as the text quotes the change",
          "[rules][narrative][prior-year]") {
    // 基本支出预算数 21968 万元，与上年相比增加 3397.18 万元: 21,968 − 18,570.82 (2018), exactly.
    const Document now = load(corpus("jiangsu-gaojirenminfayuan-2019-budget.json"));
    const Document last = load(corpus("jiangsu-gaojirenminfayuan-2018-budget.json"));
    const CheckReport report = check_document(now, {}, &last);
    const ClaimResult* basic = claim_about(report, "基本支出预算数", "3397.18 万元");
    REQUIRE(basic != nullptr);
    CHECK(basic->status == ClaimStatus::Verified);
    for (const Finding& finding : report.findings) {
        INFO(finding.message_en);
        CHECK(finding.message_en.find("narrative.prior-year") == std::string::npos);
        CHECK(finding.rule_id != "narrative.prior-year");
    }
}

TEST_CASE("a change that last year's disclosure does not bear out is a warning with its arithmetic",
          "[rules][narrative][prior-year]") {
    const Document now = load(procuratorate_2019);
    // 因公出国（境）费 printed as 110.00 instead of 100.00 in 2018's “三公” table.
    const Document last = load(
        procuratorate_2018,
        replaced(read_text(procuratorate_2018), R"("484.30", "100.00")", R"("484.30", "110.00")"));
    const CheckReport report = check_document(now, {}, &last);
    const auto found = findings_of(report, "narrative.prior-year");
    REQUIRE(found.size() == 1);
    const Finding& finding = *found.front();
    CHECK(finding.severity == Severity::Warning);
    CHECK(finding.arithmetic == "80.00 − 110.00 = -30.00 ≠ -20.00");
    CHECK(
        finding.message_en ==
        "因公出国(境)费预算支出: this year less last year's disclosure (一般公共预算“三公”经费、"
        "会议费、培训费支出预算表 (unit row) × “三公”经费 / 因公出国（境）费 in "
        "jiangsu-renminjianchayuan-2018-budget.json) is -30.00, but -20.00 is printed (difference "
        "10.00 万元)");
    REQUIRE(finding.cells.size() == 3);
    CHECK(finding.cells[2].table ==
          "一般公共预算“三公”经费、会议费、培训费支出预算表 "
          "(jiangsu-renminjianchayuan-2018-budget.json)");
    CHECK(finding.cells[2].table_index == -1);
    CHECK(claim_about(report, "因公出国(境)费预算支出", "20 万元")->status ==
          ClaimStatus::Mismatched);
}

TEST_CASE("a figure of last year the narrative quotes is last year's budget figure",
          "[rules][narrative][prior-year]") {
    // “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”43.83万元，上年:25.77万元
    const Document now = load(wanli_2025_draft);
    const Document last = load(wanli_2024);
    const CheckReport holds = check_document(now, {}, &last);
    CHECK(findings_of(holds, "narrative.prior-year").empty());
    const ClaimResult* quoted = claim_about(holds, "上年:", "25.77 万元");
    REQUIRE(quoted != nullptr);
    CHECK(quoted->status == ClaimStatus::Verified);

    const Document raised =
        load(wanli_2024, replaced(read_text(wanli_2024), R"("专项普查活动", "257,700")",
                                  R"("专项普查活动", "267,700")"));
    const CheckReport fails = check_document(now, {}, &raised);
    const auto found = findings_of(fails, "narrative.prior-year");
    REQUIRE_FALSE(found.empty());
    CHECK(found.front()->arithmetic == "25.77 ≠ 26.77");
}

TEST_CASE("without last year's disclosure the figures that need it are counted in one skip",
          "[rules][narrative][prior-year]") {
    const CheckReport report = check_document(load(wanli_2025_draft));
    CHECK(findings_of(report, "narrative.prior-year").empty());
    CHECK(skips_of(report, "narrative.prior-year") == std::vector<std::string>{
                         "44 figures of last year's budget quoted in the text: no 部门预算 "
                         "上海市普陀区人民政府万里街道办事处 of 2024 was checked with this one"});
}

TEST_CASE("a batch pairs each disclosure with the one of last year of the same unit and kind",
          "[batch][prior-year]") {
    const std::vector<std::string> files = {
        procuratorate_2018,
        procuratorate_2019,
        wanli_2024,
        wanli_2025_draft,
        corpus("putuo-wanli-street-2025-dept-budget.json"),
        corpus("putuo-district-office-2025-unit-budget.json"),
    };
    CHECK(last_year_files(files) ==
          std::vector<std::string>{"", procuratorate_2018, "", wanli_2024, wanli_2024, ""});
    // One file alone has nothing to pair with.
    CHECK(last_year_files({procuratorate_2019}) == std::vector<std::string>{""});
}

TEST_CASE("two disclosures of last year make the pairing unsure, so neither is used",
          "[batch][prior-year]") {
    const auto dir = std::filesystem::temp_directory_path() / "budgetcheck-prior-year-test";
    std::filesystem::create_directories(dir);
    auto write = [&](const std::string& name, int year) {
        const auto path = (dir / name).string();
        std::ofstream(path)
            << R"({"budgetcheck": 1, "document": {"title": "t", "unit": "某单位", "year": )" << year
            << R"(, "kind": "unit_budget"}, "tables": []})";
        return path;
    };
    const std::string draft_a = write("a-2024.json", 2024);
    const std::string draft_b = write("b-2024.json", 2024);
    const std::string now = write("c-2025.json", 2025);
    CHECK(last_year_files({draft_a, draft_b, now}) == std::vector<std::string>{"", "", ""});
    std::filesystem::remove_all(dir);
}

TEST_CASE("a disclosure's identity is read from its document object alone", "[load][prior-year]") {
    const auto identity = read_identity(procuratorate_2019);
    REQUIRE(identity);
    CHECK(identity->unit == "江苏省人民检察院");
    CHECK(identity->year == 2019);
    CHECK(identity->kind == DocumentKind::DepartmentBudget);
    CHECK_FALSE(read_identity(corpus("no-such-file.json")));
    CHECK_FALSE(read_identity(std::string(BUDGETCHECK_SOURCE_DIR) +
                              "/data/catalog/functional-2024.catalog.json"));
}

TEST_CASE("last year's figures printed in the tables agree with last year's disclosure",
          "[rules][yoy][prior-year]") {
    const Document last = load(procuratorate_2018);
    const Document now = load(procuratorate_2019, with_prior_year_columns(procuratorate_2019));
    const CheckReport holds = check_document(now, {}, &last);
    CHECK(findings_of(holds, "yoy.prior-year-column").empty());
    // 2040410 is new in 2019's catalog: its restated figure has nothing of the same code to
    // agree with, and is not called wrong.
    CHECK(skips_of(holds, "yoy.prior-year-column") == std::vector<std::string>{
                         "last year's disclosure (jiangsu-renminjianchayuan-2018-budget.json) "
                         "prints no figure for a fact this year's tables print as last year's"});

    // Alone, 2019 says how many such figures wait for 2018.
    CHECK(skips_of(check_document(now), "yoy.prior-year-column") == std::vector<std::string>{
                         "16 figures of last year's budget (or changes from it) printed in the "
                         "tables: no 部门预算 江苏省人民检察院 of 2018 was checked with this one"});
}

TEST_CASE("a figure of last year the tables print wrong names both documents' cells",
          "[rules][yoy][prior-year]") {
    const Document last = load(procuratorate_2018);
    const Document now = load(procuratorate_2019,
                              with_prior_year_columns(procuratorate_2019, {{"2210201", "1,083.77"},
                                                                           {"“三公”", "90.00"}}));
    const CheckReport report = check_document(now, {}, &last);
    const auto found = findings_of(report, "yoy.prior-year-column");
    REQUIRE(found.size() == 2);
    const Finding& subject = *found[0];
    CHECK(subject.severity == Severity::Warning);
    CHECK(subject.arithmetic == "1083.77 ≠ 1073.77");
    CHECK(subject.message_en ==
          "2210201 住房公积金 × 上年预算数: last year's disclosure (一般公共预算支出预算表 2210201 "
          "住房公积金 × 金额 at 280:30 in jiangsu-renminjianchayuan-2018-budget.json) prints "
          "1073.77, but 1083.77 is printed (difference 10.00 万元)");
    REQUIRE(subject.cells.size() == 2);
    CHECK(subject.cells[0].table == "一般公共预算支出预算表（功能科目）");
    CHECK(subject.cells[1].table ==
          "一般公共预算支出预算表 (jiangsu-renminjianchayuan-2018-budget.json)");
    CHECK(subject.cells[1].source.line == 280);
    const Finding& travel = *found[1];
    CHECK(travel.arithmetic == "90.00 ≠ 100.00");
    CHECK(travel.message_en ==
          "(unit row) × 上年预算数 / “三公”经费 / 因公出国（境）费: last year's disclosure "
          "(一般公共预算“三公”经费、会议费、培训费支出预算表 (unit row) × “三公”经费 / "
          "因公出国（境）费 at 342:32 in jiangsu-renminjianchayuan-2018-budget.json) prints "
          "100.00, but 90.00 is printed (difference -10.00 万元)");
    CHECK(travel.hints.size() == 1);
}

TEST_CASE("a change the text quotes is taken from the prior-year column of its own item",
          "[rules][narrative][prior-year]") {
    // With a 上年预算数 column printed for 因公出国（境）费 alone, the text's 公务用车运行维护费
    // 237 万元, 比上年减少 30.8 万元 has no figure of last year in the table: it must not be
    // compared with 因公出国（境）费's (237 − 100.00 = 137.00 was reported).
    const CheckReport report =
        check_document(load(procuratorate_2019, with_prior_year_columns(procuratorate_2019)));
    std::vector<std::string> changes;
    for (const Finding* finding : findings_of(report, "narrative.change")) {
        changes.push_back(finding->arithmetic);
    }
    // The eight rates 2019 misprints (corpus_findings_test.cpp), and nothing else.
    CHECK(changes.size() == 8);
    for (const std::string& arithmetic : changes) {
        INFO(arithmetic);
        CHECK(arithmetic.find('%') != std::string::npos);
    }
    const ClaimResult* travel = claim_about(report, "因公出国(境)费预算支出", "20 万元");
    REQUIRE(travel != nullptr);
    CHECK(travel->status == ClaimStatus::Verified);
    CHECK(travel->reason == "80 − 100.00");
}

TEST_CASE("a 收支总表 printing last year's income is checked line by line", "[rules][yoy][prior-year]") {
    // 2018's 收支预算总表 prints 21,940.96 of 财政拨款 and 14.39 of 其他资金: 21,955.35 in all.
    auto with_income_column = [](const std::string& other_funds) {
        nlohmann::ordered_json doc = nlohmann::ordered_json::parse(read_text(procuratorate_2019));
        auto& table = doc["tables"][0];
        REQUIRE(table["title"] == "收支预算总表");
        table["columns"].insert(table["columns"].begin() + 2,
                                nlohmann::ordered_json::array({"收入", "上年预算数"}));
        const std::map<std::string, std::string> last_year = {
            {"一、财政拨款", "21,940.96"}, {"1.一般公共预算", "21,940.96"},
            {"三、其他资金", other_funds},  {"当年收入小计", "21,955.35"},
            {"收入合计", "21,955.35"}};
        for (auto& row : table["rows"]) {
            const auto found = last_year.find(row[0].get<std::string>());
            row.insert(row.begin() + 2, found != last_year.end() ? found->second : "");
        }
        return doc.dump(2);
    };
    const Document last = load(procuratorate_2018);
    const CheckReport holds =
        check_document(load(procuratorate_2019, with_income_column("14.39")), {}, &last);
    CHECK(findings_of(holds, "yoy.prior-year-column").empty());
    CHECK(skips_of(holds, "yoy.prior-year-column").empty());
    // 收、支预算总计各增加 2214.39 万元 is of the total (21,955.35), not of 财政拨款 (21,940.96),
    // though this year all the money is 财政拨款.
    CHECK(findings_of(holds, "narrative.change").size() == 8);
    const ClaimResult* total = claim_about(holds, "江苏省人民检察院收支预算总计", "2214.39 万元");
    REQUIRE(total != nullptr);
    CHECK(total->status == ClaimStatus::Verified);

    const CheckReport fails =
        check_document(load(procuratorate_2019, with_income_column("24.39")), {}, &last);
    const auto found = findings_of(fails, "yoy.prior-year-column");
    REQUIRE(found.size() == 1);
    CHECK(found[0]->arithmetic == "24.39 ≠ 14.39");
    CHECK(found[0]->message_en ==
          "三、其他资金 × 收入 / 上年预算数: last year's disclosure (收支预算总表 三、其他资金 × "
          "收入 / 金额 at 118:20 in jiangsu-renminjianchayuan-2018-budget.json) prints 14.39, but "
          "24.39 is printed (difference 10.00 万元)");
}

TEST_CASE("a change printed without last year's figure is recomputed from both documents",
          "[rules][yoy][prior-year]") {
    const Document last = load(procuratorate_2018);
    nlohmann::ordered_json doc = nlohmann::ordered_json::parse(read_text(procuratorate_2019));
    for (auto& table : doc["tables"]) {
        if (table["title"] == "一般公共预算支出预算表（功能科目）") {
            table["columns"].push_back(
                nlohmann::ordered_json::array({"2019年预算数比2018年预算数", "增减额"}));
            table["columns"].push_back(
                nlohmann::ordered_json::array({"2019年预算数比2018年预算数", "增减(%)"}));
            for (auto& row : table["rows"]) {
                const std::string code = row[0].get<std::string>();
                // 行政运行 12,268.62 against 10,883.36 (+1,385.26, +12.73%) with the rate's digits
                // swapped; 住房公积金 1,442.74 against 1,073.77 (+368.97, +34.36%) with the
                // change 10 too high.
                row.push_back(code == "2040401" ? "1,385.26" : code == "2210201" ? "378.97" : "");
                row.push_back(code == "2040401" ? "12.37%" : code == "2210201" ? "34.36%" : "");
            }
        }
    }
    const Document now = load(procuratorate_2019, doc.dump(2));
    const CheckReport report = check_document(now, {}, &last);
    const auto found = findings_of(report, "yoy.prior-year-column");
    REQUIRE(found.size() == 2);
    CHECK(found[0]->arithmetic == "(12268.62 − 10883.36) ÷ 10883.36 = 12.73% ≠ 12.37%");
    CHECK(found[0]->message_en ==
          "2040401 行政运行 × 2019年预算数比2018年预算数 / 增减(%): (budget − last year's "
          "disclosure (一般公共预算支出预算表 2040401 行政运行 × 金额 at 270:29 in "
          "jiangsu-renminjianchayuan-2018-budget.json)) ÷ last year is 12.73%, but 12.37% is "
          "printed");
    CHECK(found[1]->arithmetic == "1442.74 − 1073.77 = 368.97 ≠ 378.97");
    CHECK(found[1]->message_en ==
          "2210201 住房公积金 × 2019年预算数比2018年预算数 / 增减额: the budget less last "
          "year's disclosure (一般公共预算支出预算表 2210201 住房公积金 × 金额 at 280:30 in "
          "jiangsu-renminjianchayuan-2018-budget.json) is 368.97, but 378.97 is printed "
          "(difference 10.00 万元)");
    // The rates and changes that agree with both documents are not reported: 住房公积金's
    // 34.36%, 行政运行's 1,385.26.
}

TEST_CASE("a subject recoded between the catalog years is a note naming both codes",
          "[rules][yoy][prior-year]") {
    const Document now = load(procuratorate_2019);
    const Document last = load(procuratorate_2018);
    const CheckReport report = check_document(now, {}, &last);
    const auto found = findings_of(report, "yoy.subject-recoded");
    REQUIRE(found.size() == 1);
    CHECK(found[0]->severity == Severity::Note);
    CHECK(found[0]->message_en ==
          "2040410 检察监督 is printed as 2040405 公诉、审判、侦查、执行等检察监督支出 in last "
          "year's disclosure (jiangsu-renminjianchayuan-2018-budget.json, at 207:9): recoded "
          "between the catalog years, so its figures have no counterpart of the same code last "
          "year");
    REQUIRE(found[0]->cells.size() == 2);
    CHECK(found[0]->cells[0].table == "财政拨款支出预算表（功能科目）");
    CHECK(found[0]->cells[1].table ==
          "财政拨款支出预算表 (jiangsu-renminjianchayuan-2018-budget.json)");
    CHECK(found[0]->cells[1].source.line == 207);
    // A code printed under another name last year is said to be renamed.
    const Document renamed = load(
        procuratorate_2018, replaced(read_text(procuratorate_2018), R"("2040402", "一般行政管理事务")",
                                     R"("2040402", "检察业务管理")"));
    const CheckReport with_renamed = check_document(now, {}, &renamed);
    const auto notes = findings_of(with_renamed, "yoy.subject-recoded");
    REQUIRE(notes.size() == 2);
    CHECK(notes[0]->message_en ==
          "2040402 is named 一般行政管理事务 here and 检察业务管理 in last year's disclosure "
          "(jiangsu-renminjianchayuan-2018-budget.json, at 206:9): renamed between the catalog "
          "years");
    CHECK(notes[1]->message_en == found[0]->message_en);
    // The two years of the 高级人民法院 print every code under the same name.
    const Document court_2018 = load(corpus("jiangsu-gaojirenminfayuan-2018-budget.json"));
    const CheckReport court =
        check_document(load(corpus("jiangsu-gaojirenminfayuan-2019-budget.json")), {}, &court_2018);
    CHECK(findings_of(court, "yoy.subject-recoded").empty());
    // Without last year's disclosure there is nothing to say.
    CHECK(findings_of(check_document(now), "yoy.subject-recoded").empty());
}

TEST_CASE("a published PDF is paired with last year's by what its cover prints",
          "[load][prior-year]") {
    const std::string pdf = std::string(BUDGETCHECK_SOURCE_DIR) + "/tests/pdf/";
    const auto identity = read_identity(pdf + "putuo-wanli-street-2025-dept-budget.pdf");
    REQUIRE(identity);
    CHECK(identity->unit == "上海市普陀区人民政府万里街道办事处");
    CHECK(identity->year == 2025);
    CHECK(identity->kind == DocumentKind::DepartmentBudget);
    // A PDF of last year pairs with this year's PDF, and with its transcription alike.
    const std::vector<std::string> files = {pdf + "putuo-wanli-street-2024-dept-budget.pdf",
                                            pdf + "putuo-wanli-street-2025-dept-budget.pdf",
                                            procuratorate_2019};
    CHECK(last_year_files(files) == std::vector<std::string>{"", files[0], ""});
    CHECK(last_year_files({files[0], corpus("putuo-wanli-street-2025-dept-budget.json")}) ==
          std::vector<std::string>{"", files[0]});
    // Read from the PDFs, the changes 2025's text quotes against 2024 agree as they do in the
    // transcriptions: all 11.
    const LoadResult now = load_file(files[1]);
    const LoadResult last = load_file(files[0]);
    REQUIRE(now.document);
    REQUIRE(last.document);
    const CheckReport report = check_document(*now.document, {}, &*last.document);
    CHECK(test::verified_against_last_year(report) == 11);
    // 高级人民法院 2018 prints its name broken over a line on the cover, which the importer does
    // not read as the unit: such a PDF is never paired rather than paired on a guess.
    CHECK_FALSE(read_identity(pdf + "jiangsu-gaojirenminfayuan-2018-budget.pdf"));
}

TEST_CASE("last year's execution, which a budget disclosure does not print, is not checked",
          "[rules][yoy][prior-year]") {
    // The 人社部 信息中心's 一般公共预算支出表 prints 2023年执行数 and the changes from it. Its 2023
    // budget is not bundled: the same document, said to be of 2023, stands in for it.
    const std::string seed = std::string(BUDGETCHECK_SOURCE_DIR) + "/data/mohrss-information-center-2024.json";
    const Document now = load(seed);
    const Document last = load(seed, replaced(read_text(seed), R"("year": 2024)", R"("year": 2023)"));
    const CheckReport report = check_document(now, {}, &last);
    CHECK(findings_of(report, "yoy.prior-year-column").empty());
    const auto reasons = skips_of(report, "yoy.prior-year-column");
    REQUIRE_FALSE(reasons.empty());
    for (const std::string& reason : reasons) {
        INFO(reason);
        CHECK(reason.find("is of last year's execution, which a budget disclosure does not print") !=
              std::string::npos);
    }
    CHECK(std::find(reasons.begin(), reasons.end(),
                    "一般公共预算支出表: '2023年执行数 / 执行数' is of last year's execution, which a "
                    "budget disclosure does not print") != reasons.end());
    // Alone, nothing of last year's budget waits: there is no skip to say so.
    CHECK(skips_of(check_document(now), "yoy.prior-year-column").empty());
}
