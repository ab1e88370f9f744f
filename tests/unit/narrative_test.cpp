// Claims in verbatim text: what is a claim, what is not, and the narrative rules firing and
// holding against small documents.
#include <catch2/catch.hpp>

#include "budgetcheck/narrative/claims.hpp"
#include "budgetcheck/narrative/composition.hpp"
#include "rules_support.hpp"

using namespace budgetcheck;
using test::findings_of;

namespace {

std::vector<Claim> claims_in(const std::string& text,
                             const std::string& heading = "一、收支预算总体情况") {
    TextSection section;
    section.heading = heading;
    section.text = text;
    return extract_claims(section, "narrative");
}

std::vector<ClaimKind> kinds(const std::vector<Claim>& claims) {
    std::vector<ClaimKind> out;
    for (const Claim& c : claims) {
        out.push_back(c.kind);
    }
    return out;
}

}  // namespace

TEST_CASE("extract_claims reads amounts however they are printed", "[narrative]") {
    SECTION("spaces, thousands separators, full-width characters") {
        auto claims = claims_in(
            "收支总预算 4394.21 万元，收入预算9,076.74万元，本年收入４，１０５．３８万元。");
        REQUIRE(claims.size() == 3);
        CHECK(claims[0].subject == "收支总预算");
        CHECK(claims[0].value.to_string() == "4394.21");
        CHECK(claims[0].unit == "万元");
        CHECK(claims[1].value.to_string() == "9076.74");
        CHECK(claims[1].printed == "9,076.74 万元");
        CHECK(claims[2].value.to_string() == "4105.38");
    }
    SECTION("years, document numbers, phone numbers and thresholds are not claims") {
        auto claims =
            claims_in("根据财监〔2019〕11号文，2024 年开通 12333 电话，单价50万元以上设备4台/套。");
        REQUIRE(claims.size() == 1);
        CHECK(claims[0].kind == ClaimKind::Count);
        CHECK(claims[0].unit == "台/套");
    }
}

TEST_CASE("extract_claims links shares to their part and their whole", "[narrative]") {
    auto claims = claims_in(
        "2024 年收入预算 4394.21 万元，其中：本年收入 4105.38 万元，占 93.4%；上年结转结余 288.83 "
        "万元，占 6.6%。"
        "本年收入中，一般公共预算拨款收入 4105.38 万元，占 100%。");
    std::vector<const Claim*> shares;
    for (const Claim& c : claims) {
        if (c.kind == ClaimKind::Share) {
            shares.push_back(&c);
        }
    }
    REQUIRE(shares.size() == 3);
    CHECK(claims[static_cast<std::size_t>(shares[0]->part)].printed == "4105.38 万元");
    CHECK(claims[static_cast<std::size_t>(shares[0]->whole)].printed == "4394.21 万元");
    CHECK(claims[static_cast<std::size_t>(shares[2]->whole)].subject ==
          "本年收入");  // 本年收入中，…
}

TEST_CASE("extract_claims reads changes with their direction and basis", "[narrative]") {
    auto claims = claims_in(
        "住房公积金(项)2024年预算数为50.00万元, 比2023年执行数减少54万元, "
        "降低51.92%。事业运行(项)预算数为610.65万元，与2023年执行数持平。"
        "机关运行经费0万元，比2023年预算增加（减少）0万元。");
    REQUIRE(claims.size() == 7);
    CHECK(kinds(claims) == std::vector<ClaimKind>{ClaimKind::Amount, ClaimKind::Change,
                                                  ClaimKind::Change, ClaimKind::Amount,
                                                  ClaimKind::Change, ClaimKind::Amount,
                                                  ClaimKind::Change});
    CHECK(claims[1].direction == -1);
    CHECK(claims[1].basis == Period::PriorYearExecution);
    CHECK(claims[1].of_claim == 0);
    CHECK(claims[2].is_rate);
    CHECK(claims[4].direction == 0);
    CHECK(claims[4].printed == "持平");
    CHECK_FALSE(claims[6].direction.has_value());  // 增加（减少） says neither
    CHECK(claims[6].basis == Period::PriorYearBudget);
    // Nor does any other pair of the template's alternatives (江苏省人大常委会办公厅 2019).
    for (const char* open : {"增长（减少）0%", "增长（下降）0%", "减少/增加0%"}) {
        INFO(open);
        auto rate = claims_in(std::string("政府性基金收入预算0万元，与上年相比") + open + "。");
        REQUIRE(rate.size() == 2);
        CHECK(rate[1].kind == ClaimKind::Change);
        CHECK_FALSE(rate[1].direction.has_value());
    }
}

TEST_CASE("extract_claims counts lists and finds breakdowns", "[narrative]") {
    SECTION("a count and the list after it") {
        auto claims = claims_in(
            "内设6个机构，分别为办公室、社会保障卡管理科、规划财务科、公共服务科、系统与大数据科、"
            "网络安全科。");
        REQUIRE(claims.size() == 1);
        CHECK(claims[0].noun == "机构");
        CHECK(claims[0].listed == 6);
    }
    SECTION("a list whose items hold 、 in parentheses") {
        auto claims = claims_in("设 3 个处室：综合处（人事处、党办）、财务处、技术保障处。");
        CHECK(claims[0].listed == 3);
    }
    SECTION("其中 breaks a total down, on one line or one part per line") {
        auto one_line = claims_in(
            "政府采购预算总额3318."
            "54万元，其中：政府采购货物预算0万元、政府采购工程预算0万元、政府采购服务预算3318."
            "54万元。");
        REQUIRE(one_line.back().kind == ClaimKind::Breakdown);
        CHECK(one_line.back().parts.size() == 3);
        auto lines = claims_in(
            "一般公共预算基本支出 517.03 万元，其中：\n人员经费 458.89 "
            "万元，主要包括：基本工资、奖金。\n公用经费 58.14 万元，主要包括：办公费。");
        REQUIRE(lines.back().kind == ClaimKind::Breakdown);
        CHECK(lines.back().parts.size() == 2);
    }
    SECTION("a sentence opening with 其中 breaks down the figure of the sentence before") {
        // 江苏省人民检察院 2019, 十三、国有资产占用情况.
        auto claims = claims_in("本部门共有车辆55辆。其中，一般公务用车13辆、执法执勤用车40辆、"
                                "其他用车2辆。单价20万元（含）以上的设备63台（套）。");
        REQUIRE(claims.back().kind == ClaimKind::Breakdown);
        CHECK(claims.back().whole == 0);
        CHECK(claims.back().parts == std::vector<int>{1, 2, 3});
    }
}

TEST_CASE("extract_claims survives garbled text without inventing claims", "[narrative]") {
    for (const char* text :
         {"万元万元%%%，，，占占 ---", "1.2.3万元", "比比增加增加", "其中：其中：包括：",
          "，。；：、\n\n", "\xE4\xB8", "99999999999999999999999万元", "占%", "增长%"}) {
        INFO(text);
        const auto claims = claims_in(text);
        for (const Claim& c : claims) {
            CHECK_FALSE(c.printed.empty());
        }
    }
    CHECK(claims_in("万元万元%%%，，，占占 ---").empty());
    CHECK(claims_in("99999999999999999999999万元").empty());
}

namespace {

std::string disclosure(const std::string& narrative, const std::string& profile = "") {
    return R"({"budgetcheck": 1,
  "document": {"title": "测试单位 2024 年单位预算", "unit": "测试单位信息中心", "year": 2024, "kind": "unit_budget"},
  "profile": [{"section": "二、机构设置", "text": ")" +
           profile + R"("}],
  "narrative": [{"section": "一、2024 年收支预算总体情况", "text": ")" +
           narrative + R"("}],
  "tables": [
    {"title": "收支总表", "columns": [["收入", "项目"], ["收入", "预算数"], ["支出", "项目"], ["支出", "预算数"]], "rows": [
      ["一、一般公共预算拨款收入", "8.00", "一、社会保障和就业支出", "10.00"],
      ["二、事业收入", "2.00", "", ""],
      ["本年收入合计", "10.00", "本年支出合计", "10.00"],
      ["收入总计", "10.00", "支出总计", "10.00"]]},
    {"title": "一般公共预算支出表", "columns": ["科目编码", "科目名称", ["2023年执行数", "执行数"], ["2024年预算数", "小计"], ["2024年预算数比2023年执行数", "增减额"]], "rows": [
      ["208", "社会保障和就业支出", "10.00", "8.00", "-2.00"], ["", "合计", "10.00", "8.00", "-2.00"]]}]})";
}

}  // namespace

TEST_CASE("narrative.amount: a quoted amount agrees with its cell", "[narrative][rules]") {
    auto ok = test::check_text(disclosure(
        "2024 年收支总预算 10.00 万元，其中：一般公共预算拨款收入 8 万元，事业收入 2.00 万元。"));
    CHECK(findings_of(ok, "narrative.amount").empty());
    auto bad =
        test::check_text(disclosure("2024 年收支总预算 10.00 万元，其中：一般公共预算拨款收入 8.10 "
                                    "万元，事业收入 2.00 万元。"));
    auto found = findings_of(bad, "narrative.amount");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message_en ==
          "the narrative quotes 8.10 万元 for 一般公共预算拨款收入, but 收支总表 "
          "一、一般公共预算拨款收入 × 收入 / 预算数 prints 8.00 万元");
    CHECK(found[0].cells[0].source.pointer == "/narrative/0/text");
    CHECK(found[0].cells[0].source.column > 1);
    CHECK(found[0].cells[1].table == "收支总表");
}

TEST_CASE("narrative.share: shares agree with their part and whole", "[narrative][rules]") {
    auto ok =
        test::check_text(disclosure("收入预算 10.00 万元，其中：一般公共预算拨款收入 8.00 万元，占 "
                                    "80%；事业收入 2.00 万元，占 20%。"));
    CHECK(findings_of(ok, "narrative.share").empty());
    auto bad =
        test::check_text(disclosure("收入预算 10.00 万元，其中：一般公共预算拨款收入 8.00 万元，占 "
                                    "79%；事业收入 2.00 万元，占 21%。"));
    CHECK(findings_of(bad, "narrative.share").size() == 2);
}

TEST_CASE("narrative.change: size and direction agree with the table", "[narrative][rules]") {
    const std::string heading_text =
        "社会保障和就业支出（类）2024年预算数为8.00万元，比2023年执行数%s2.00万元。";
    auto with = [&](const std::string& word) {
        std::string text = heading_text;
        text.replace(text.find("%s"), 2, word);
        std::string doc = disclosure(text);
        doc.replace(doc.find("一、2024 年收支预算总体情况"),
                    std::string("一、2024 年收支预算总体情况").size(), "五、一般公共预算支出情况");
        return test::check_text(doc);
    };
    CHECK(findings_of(with("减少"), "narrative.change").empty());
    auto found = findings_of(with("增加"), "narrative.change");
    REQUIRE(found.size() == 1);
    CHECK(found[0].expected == "-2.00");
}

TEST_CASE("narrative.count and narrative.breakdown", "[narrative][rules]") {
    auto counted = test::check_text(
        disclosure("收支总预算 10.00 万元。", "内设3个机构，分别为办公室、财务科。"));
    auto found = findings_of(counted, "narrative.count");
    REQUIRE(found.size() == 1);
    CHECK(found[0].arithmetic == "3 ≠ 2");
    auto broken = test::check_text(
        disclosure("政府采购预算总额5.00万元，其中：货物预算1.00万元、服务预算3.00万元。"));
    auto sums = findings_of(broken, "narrative.breakdown");
    REQUIRE(sums.size() == 1);
    CHECK(sums[0].arithmetic == "1.00 + 3.00 = 4.00 ≠ 5.00");
    CHECK(findings_of(broken, "narrative.unverifiable").size() == 3);  // no table prints 政府采购
}

TEST_CASE("narrative.unit-name: a variant spelling of the unit is a warning",
          "[narrative][rules]") {
    auto same = test::check_text(disclosure("收支总预算 10.00 万元。",
                                            "测试单位信息中心内设2个机构，分别为办公室、财务科。"));
    CHECK(findings_of(same, "narrative.unit-name").empty());
    auto variant = test::check_text(disclosure(
        "收支总预算 10.00 万元。", "测试单位信息管理中心内设2个机构，分别为办公室、财务科。"));
    auto found = findings_of(variant, "narrative.unit-name");
    REQUIRE(found.size() == 1);
    CHECK(found[0].actual == "测试单位信息管理中心");
}

TEST_CASE("narrative.unit-name: a four-character name whose head appears alone does not crash",
          "[narrative][rules]") {
    // A unit named with exactly four characters, and a text that holds its first two on their
    // own, once made the comparison read before the start of the text.
    std::string doc = disclosure("测试 10.00 万元。", "测试单位内设2个机构，分别为办公室、财务科。测试");
    doc.replace(doc.find("测试单位信息中心"), std::string("测试单位信息中心").size(), "测试单位");
    const CheckReport report = test::check_text(doc);
    CHECK(findings_of(report, "narrative.unit-name").empty());
}

TEST_CASE("narrative.unit-name: tables that print the unit's name are checked too",
          "[narrative][rules]") {
    auto report = test::check_tables(
        R"([{"title": "收入总表", "columns": ["单位名称", "合计"], "rows": [["测试单位信箱", "1.00"], ["合计", "1.00"]]},
        {"title": "项目支出绩效目标表", "projects": [{"project": "甲", "unit": "117009-测试单位"}]}])");
    auto found = findings_of(report, "narrative.unit-name");
    REQUIRE(found.size() == 1);
    CHECK(found[0].actual == "测试单位信箱");
}

TEST_CASE("claims are summarised as verified, mismatched or unverifiable", "[narrative][rules]") {
    auto report = test::check_text(
        disclosure("收支总预算 10.00 万元，本年收入 9.00 万元，比2023年预算增加1万元。"));
    std::map<ClaimStatus, int> counts;
    for (const ClaimResult& c : report.claims) {
        ++counts[c.status];
    }
    CHECK(counts[ClaimStatus::Verified] == 1);
    CHECK(counts[ClaimStatus::Mismatched] == 1);
    CHECK(counts[ClaimStatus::Unverifiable] == 1);
}

TEST_CASE("a department's make-up is read from the kinds of unit its profile counts",
          "[narrative][composition]") {
    struct Case {
        const char* profile;
        bool administrative;
        bool public_institution;
        const char* evidence;
    };
    const Case cases[] = {
        {"本部门中，行政单位1家，参公单位1家，具体包括：1. 本部", true, false,
         "本部门中，行政单位1家，参公单位1家"},
        {"本部门中，行政单位 1 家，参公单位1家，事业单位 4 家，具体包括：", true, true,
         "本部门中，行政单位 1 家，参公单位1家，事业单位 4 家"},
        {"本部门下属1家机关和1家参公事业单位。", true, false, "本部门下属1家机关和1家参公事业单位"},
        {"本部门包括 27 个内设机构、1 个下属差额拨款事业单位和 1 个派出机构。", false, true, ""},
        {"本部门下属单位包括江苏检察官学院、清风苑杂志社2个事业单位。", false, true, ""},
        {"1 本级\\n2 执法大队（下属参公事业单位）\\n3 土地发展中心（下属事业单位）", true, true,
         "2 执法大队（下属参公事业单位）"},
        {"本部门中，行政单位1家，事业单位0家。", true, false, "本部门中，行政单位1家，事业单位0家"},
        {"本部门中，行政单位1家。具体包括：1. 本部；2. 区档案馆（事业单位）。", true, true,
         "本部门中，行政单位1家"},
        // Classes of spending and income, and a count of no kind of unit, say nothing.
        {"行政事业单位养老支出、机关事业单位基本养老保险缴费和事业单位经营收入；机关运行经费。",
         false, false, ""},
        {"上海市某局部门决算包括：本级决算、下属行政事业单位决算。", false, false, ""},
    };
    for (const Case& c : cases) {
        INFO(c.profile);
        const LoadResult loaded = load_document(disclosure("收支总预算 10.00 万元。", c.profile),
                                                "test.json");
        REQUIRE(loaded.document);
        const UnitComposition units = read_unit_composition(*loaded.document);
        CHECK(units.administrative == c.administrative);
        CHECK(units.public_institution == c.public_institution);
        CHECK(units.evidence == c.evidence);
        CHECK(units.all_administrative() == (c.administrative && !c.public_institution));
    }
}

TEST_CASE("the two sides of a balanced summary change alike against last year",
          "[narrative][rules]") {
    const auto changes = [](const std::string& income, const std::string& spending) {
        return findings_of(
            test::check_text(disclosure("2024年收入预算总计 10.00 万元，比上年" + income +
                                        "，主要原因是人员增加。支出预算总计 10.00 万元，比上年" +
                                        spending + "，主要原因是人员增加。")),
            "narrative.change");
    };
    // No table of last year is needed: 收入总计 = 支出总计 both years.
    CHECK(changes("增加 1.00 万元", "增加 1.00 万元").empty());
    CHECK(changes("增长 10.00%", "增长 10.00%").empty());
    CHECK(changes("持平", "持平").empty());

    const auto opposite = changes("增加 1.00 万元", "减少 1.00 万元");
    REQUIRE(opposite.size() == 1);
    CHECK(opposite[0].severity == Severity::Error);
    CHECK(opposite[0].message_en ==
          "the narrative states an increase of 1.00 万元 for 收入预算总计 but a decrease of 1.00 "
          "万元 for 支出预算总计: the summary balances (收入总计 = 支出总计, this year and last), so "
          "both change alike");
    CHECK(opposite[0].arithmetic == "收入总计 = 支出总计 = 10.00 万元; +1.00 万元 ≠ −1.00 万元");
    CHECK(opposite[0].cells.size() == 4);  // both claims, both totals

    const auto other_amount = changes("增加 1.00 万元", "增加 2.00 万元");
    REQUIRE(other_amount.size() == 1);
    CHECK(other_amount[0].arithmetic == "收入总计 = 支出总计 = 10.00 万元; +1.00 万元 ≠ +2.00 万元");
    CHECK(changes("持平", "增长 5.00%").size() == 1);
}

TEST_CASE("a 其中 list naming some of a total's parts, each as its table prints it, is no error",
          "[narrative][rules]") {
    const auto report = [](const std::string& text) {
        return test::check_text(R"({"budgetcheck": 1,
  "document": {"title": "测试单位 2024 年单位预算", "unit": "测试单位", "year": 2024, "kind": "unit_budget", "money_unit": "万元"},
  "narrative": [{"section": "二、支出预算情况说明", "text": ")" + text + R"("}],
  "tables": [{"title": "支出预算总表", "columns": ["科目编码", "科目名称", "合计"], "rows": [
      ["201", "一般公共服务支出", "60.00"], ["205", "教育支出", "25.00"],
      ["206", "科学技术支出", "15.00"], ["", "合计", "100.00"]]}]})");
    };
    // The tables print 科学技术支出 too: the list is partial, not wrong.
    const auto partial = report("2024年支出预算100.00万元，其中：一般公共服务支出60.00万元，教育支出25.00万元。");
    CHECK(findings_of(partial, "narrative.breakdown").empty());
    const auto it = std::find_if(partial.claims.begin(), partial.claims.end(),
                                 [](const ClaimResult& c) { return c.claim.kind == ClaimKind::Breakdown; });
    REQUIRE(it != partial.claims.end());
    CHECK(it->status == ClaimStatus::Verified);
    CHECK(it->reason == "2 of the parts of 支出预算, each as its table prints it: the tables print the rest");

    // A part the tables do not bear out leaves the sum to be judged: it is an error again.
    const auto wrong = report("2024年支出预算100.00万元，其中：一般公共服务支出60.00万元，教育支出35.00万元。");
    const auto found = findings_of(wrong, "narrative.breakdown");
    REQUIRE(found.size() == 1);
    CHECK(found[0].arithmetic == "60.00 + 35.00 = 95.00 ≠ 100.00");
}

TEST_CASE("政府采购 in the text is the procurement table's total column and its category lines",
          "[narrative][rules]") {
    // 广东's 政府采购表: a 合计 column beside the funds', and items named after what is bought.
    const auto report = [](const std::string& text) {
        return test::check_text(R"({"budgetcheck": 1,
  "document": {"title": "测试单位 2025 年部门预算", "unit": "测试单位", "year": 2025, "kind": "department_budget", "money_unit": "万元"},
  "narrative": [{"section": "三、政府采购预算情况", "text": ")" + text + R"("}],
  "tables": [{"title": "部门综合预算政府采购表", "columns": ["采购项目", "采购品目", "合计", "一般公共预算", "单位资金"], "rows": [
      ["物业管理", "运行维护服务", "100.00", "100.00", ""],
      ["办公设备购置", "台式计算机", "20.00", "20.00", ""],
      ["合计", "", "120.00", "120.00", ""]]}]})");
    };
    const auto right = report("2025年政府采购预算120.00万元，其中：货物类20.00万元，服务类100.00万元。");
    CHECK(findings_of(right, "narrative.amount").empty());
    CHECK(findings_of(right, "narrative.breakdown").empty());
    const auto it = std::find_if(right.claims.begin(), right.claims.end(), [](const ClaimResult& c) {
        return c.claim.kind == ClaimKind::Amount && c.claim.subject == "政府采购预算";
    });
    REQUIRE(it != right.claims.end());
    CHECK(it->status == ClaimStatus::Verified);
    CHECK(it->reason == "部门综合预算政府采购表 合计 × 合计");

    const auto wrong = report("2025年政府采购预算130.00万元，其中：货物类30.00万元，服务类100.00万元。");
    const auto found = findings_of(wrong, "narrative.amount");
    REQUIRE(found.size() == 1);
    CHECK(found[0].arithmetic == "130.00 万元 ≠ 120.00 万元");
}

TEST_CASE("收、支总计 names the two sides together", "[narrative]") {
    // The central 决算 template: 收、支总计均为…; its 、 joins the sides and 均 is no part of the name.
    for (const char* text : {"2024年收、支总计均为10.00万元。", "2024年收入、支出预算总计各为10.00万元。"}) {
        INFO(text);
        const auto report = test::check_text(disclosure(text));
        const auto it = std::find_if(report.claims.begin(), report.claims.end(),
                                     [](const ClaimResult& c) { return c.claim.kind == ClaimKind::Amount; });
        REQUIRE(it != report.claims.end());
        CHECK(it->claim.subject.find("收支") != std::string::npos);
        CHECK(it->claim.subject.back() == "计"[2]);
        CHECK(it->status == ClaimStatus::Verified);
    }
}
