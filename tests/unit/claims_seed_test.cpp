// Every claim the two seed narratives (and profiles and table notes) make, classified: the kind,
// clang-format off
// what became of it, the figure as printed and where it is in the file. Verified claims were
// matched to their table cell, or checked against the figures quoted with them (the parts of a
// breakdown that adds up, 33 人 = 25 + 8; 政府采购 3318.54 = 0 + 0 + 3318.54); unverifiable ones
// quote figures nothing checks (assets, changes against a prior year the tables do not show); the
// one mismatch carries its arithmetic.
#include <catch2/catch.hpp>

#include "budgetcheck/load/load.hpp"
#include "budgetcheck/rules/engine.hpp"

using namespace budgetcheck;

namespace {

struct Expected {
    std::string kind;
    std::string status;
    std::string printed;
    std::uint32_t line;
    std::uint32_t column;
};

void require_claims(const char* name, const std::vector<Expected>& expected) {
    const LoadResult loaded = load_file(std::string(BUDGETCHECK_SOURCE_DIR) + name);
    REQUIRE(loaded.document);
    const CheckReport report = check_document(*loaded.document);
    REQUIRE(report.claims.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const ClaimResult& result = report.claims[i];
        INFO("claim " << i << ": " << result.claim.subject << " " << result.claim.printed << " — " << result.reason);
        CHECK(std::string(to_string(result.claim.kind)) == expected[i].kind);
        CHECK(std::string(to_string(result.status)) == expected[i].status);
        CHECK(result.claim.printed == expected[i].printed);
        CHECK(result.claim.source.location.line == expected[i].line);
        CHECK(result.claim.source.location.column == expected[i].column);
    }
}

}  // namespace

TEST_CASE("吉林 seed: every claim of the text is classified", "[narrative][seed]") {
    require_claims("/data/jilin-hrss-information-center-2024.json", {
        {"count", "verified", "6 个", 41, 43},  // 吉林省人力资源和社会保障信息管理中心内设
        {"count", "verified", "33 人", 229, 70},  // 预算数的实有人员
        {"count", "verified", "25 人", 229, 83},  // 在职人员
        {"count", "verified", "8 人", 229, 94},  // 离退休人员
        {"breakdown", "verified", "33 人", 229, 70},  // 预算数的实有人员
        {"amount", "verified", "4394.21 万元", 612, 109},  // 收支总预算
        {"amount", "verified", "4105.38 万元", 612, 128},  // 本年预算
        {"amount", "verified", "288.83 万元", 612, 144},  // 上年结转
        {"change", "unverifiable", "148.13 万元", 612, 179},  // 本年预算
        {"breakdown", "verified", "4394.21 万元", 612, 109},  // 收支总预算
        {"amount", "verified", "4394.21 万元", 616, 27},  // 收入预算
        {"amount", "verified", "4105.38 万元", 616, 46},  // 本年收入
        {"share", "verified", "93.4%", 616, 59},  // 本年收入占比
        {"amount", "verified", "288.83 万元", 616, 72},  // 上年结转结余
        {"share", "verified", "6.6%", 616, 84},  // 上年结转结余占比
        {"amount", "verified", "4105.38 万元", 616, 106},  // 一般公共预算拨款收入
        {"share", "verified", "100%", 616, 119},  // 一般公共预算拨款收入占比
        {"amount", "verified", "288.83 万元", 616, 141},  // 一般公共预算拨款结转
        {"share", "verified", "100%", 616, 153},  // 一般公共预算拨款结转占比
        {"breakdown", "verified", "4394.21 万元", 616, 27},  // 收入预算
        {"breakdown", "verified", "4105.38 万元", 616, 46},  // 本年收入
        {"breakdown", "verified", "288.83 万元", 616, 72},  // 上年结转结余
        {"amount", "verified", "4394.21 万元", 620, 27},  // 支出预算
        {"amount", "verified", "517.03 万元", 620, 46},  // 基本支出
        {"share", "verified", "11.8%", 620, 58},  // 基本支出占比
        {"amount", "verified", "3877.19 万元", 620, 69},  // 项目支出
        {"share", "verified", "88.2%", 620, 82},  // 项目支出占比
        {"breakdown", "verified", "4394.21 万元", 620, 27},  // 支出预算
        {"amount", "verified", "4394.21 万元", 624, 32},  // 财政拨款收支总预算
        {"amount", "verified", "4105.38 万元", 624, 51},  // 本年预算
        {"amount", "verified", "288.83 万元", 624, 67},  // 上年结转
        {"amount", "verified", "4314.88 万元", 624, 92},  // 社会保障和就业支出
        {"amount", "verified", "31.60 万元", 624, 110},  // 卫生健康支出
        {"amount", "verified", "47.73 万元", 624, 126},  // 住房保障支出
        {"breakdown", "verified", "4394.21 万元", 624, 32},  // 财政拨款收支总预算
        {"breakdown", "verified", "4394.21 万元", 624, 32},  // 财政拨款收支总预算
        {"amount", "verified", "4394.21 万元", 628, 31},  // 一般公共预算拨款
        {"amount", "verified", "517.03 万元", 628, 50},  // 基本支出
        {"share", "verified", "11.8%", 628, 62},  // 基本支出占比
        {"amount", "verified", "3877.19 万元", 628, 73},  // 项目支出
        {"share", "verified", "88.2%", 628, 86},  // 项目支出占比
        {"amount", "verified", "458.89 万元", 628, 103},  // 人员经费
        {"share", "verified", "88.8%", 628, 115},  // 人员经费占比
        {"amount", "verified", "58.14 万元", 628, 126},  // 公用经费
        {"share", "verified", "11.2%", 628, 137},  // 公用经费占比
        {"amount", "verified", "4314.88 万元", 628, 158},  // 社会保障和就业(类)支出
        {"share", "verified", "98.2%", 628, 171},  // 社会保障和就业(类)支出占比
        {"amount", "verified", "31.6 万元", 628, 228},  // 卫生健康支出(类)支出
        {"share", "verified", "0.7%", 628, 238},  // 卫生健康支出(类)支出占比
        {"amount", "verified", "47.73 万元", 628, 268},  // 住房保障(类)支出
        {"share", "verified", "1.1%", 628, 279},  // 住房保障(类)支出占比
        {"breakdown", "verified", "4394.21 万元", 628, 31},  // 一般公共预算拨款
        {"breakdown", "verified", "517.03 万元", 628, 50},  // 基本支出
        {"amount", "verified", "517.03 万元", 632, 33},  // 一般公共预算基本支出
        {"amount", "verified", "458.89 万元", 632, 53},  // 人员经费
        {"amount", "verified", "58.14 万元", 632, 168},  // 公用经费
        {"breakdown", "verified", "517.03 万元", 632, 33},  // 一般公共预算基本支出
        {"amount", "verified", "3.53 万元", 636, 31},  // 三公经费预算数
        {"change", "unverifiable", "0.56 万元", 636, 61},  // 三公经费预算数
        {"amount", "verified", "0 万元", 636, 83},  // 因公出国(境)费
        {"change", "unverifiable", "相同", 636, 108},  // 因公出国(境)费
        {"amount", "verified", "0.56 万元", 636, 120},  // 公务接待费
        {"change", "unverifiable", "0.56 万元", 636, 150},  // 公务接待费
        {"amount", "verified", "2.97 万元", 636, 185},  // 公务用车购置及运行费
        {"change", "unverifiable", "相同", 636, 213},  // 公务用车购置及运行费
        {"amount", "verified", "2.97 万元", 636, 225},  // 公务用车运行维护费
        {"change", "unverifiable", "相同", 636, 253},  // 公务用车运行维护费
        {"amount", "verified", "0 万元", 636, 263},  // 公务用车购置费
        {"change", "unverifiable", "相同", 636, 288},  // 公务用车购置费
        {"breakdown", "verified", "3.53 万元", 636, 31},  // 三公经费预算数
        {"amount", "unverifiable", "0 万元", 648, 38},  // 单位本级的机关运行经费财政拨款预算
        {"change", "unverifiable", "0 万元", 648, 56},  // 单位本级的机关运行经费财政拨款预算
        {"amount", "verified", "3318.54 万元", 652, 29},  // 政府采购预算总额
        {"amount", "verified", "0 万元", 652, 50},  // 政府采购货物预算
        {"amount", "verified", "0 万元", 652, 62},  // 政府采购工程预算
        {"amount", "verified", "3318.54 万元", 652, 74},  // 政府采购服务预算
        {"breakdown", "verified", "3318.54 万元", 652, 29},  // 政府采购预算总额
        {"count", "unverifiable", "1 辆", 656, 35},  // 单位本级共有车辆
        {"count", "unverifiable", "0 平方米", 656, 40},  // 土地
        {"count", "unverifiable", "24603.32 平方米", 656, 47},  // 房屋
        {"count", "unverifiable", "4 台/套", 656, 69},  // 单价50万元以上设备
        {"count", "unverifiable", "0 辆", 656, 91},  // 单位预算安排购置车辆
        {"count", "unverifiable", "0 平方米", 656, 100},  // 安排购置土地
        {"count", "unverifiable", "0 平方米", 656, 111},  // 安排购置房屋
        {"count", "unverifiable", "0 台/套", 656, 130},  // 计划新增单价50万元以上设备
        {"amount", "verified", "3877.19 万元", 660, 27},  // 单位项目支出
        {"count", "verified", "1 个", 660, 44},  // 一级项目
        {"count", "verified", "5 个", 660, 51},  // 二级项目
        {"amount", "verified", "3662 万元", 660, 60},  // 使用本年拨款
        {"amount", "verified", "215.19 万元", 660, 73},  // 财政拨款结转
        {"breakdown", "verified", "3877.19 万元", 660, 27},  // 单位项目支出
        {"count", "verified", "5 个", 664, 51},  // 将
        {"amount", "verified", "3662 万元", 664, 75},  // 涉及金额
    });
}

TEST_CASE("人社部 seed: every claim of the text is classified", "[narrative][seed]") {
    require_claims("/data/mohrss-information-center-2024.json", {
        {"count", "verified", "13 个", 44, 93},  // 人力资源和社会保障部信息中心设
        {"amount", "verified", "9,076.74 万元", 374, 147},  // 人力资源和社会保障部信息中心收支总预算
        {"amount", "verified", "9,076.74 万元", 378, 42},  // 人力资源和社会保障部信息中心收入预算
        {"amount", "verified", "191.34 万元", 378, 62},  // 上年结转
        {"share", "verified", "2.11%", 378, 74},  // 上年结转占比
        {"amount", "verified", "3,544.76 万元", 378, 91},  // 一般公共预算拨款收入
        {"share", "verified", "39.05%", 378, 105},  // 一般公共预算拨款收入占比
        {"amount", "verified", "2,642.64 万元", 378, 117},  // 事业收入
        {"share", "verified", "29.11%", 378, 131},  // 事业收入占比
        {"amount", "verified", "2,284.00 万元", 378, 143},  // 其他收入
        {"share", "verified", "25.16%", 378, 157},  // 其他收入占比
        {"amount", "verified", "414.00 万元", 378, 174},  // 使用非财政拨款结余
        // 414.00 ÷ 9,076.74 = 0.045611… = 4.56% at two decimals, not 4.57%; the five printed shares
        // (2.11 + 39.05 + 29.11 + 25.16 + 4.57) make exactly 100.00 only with this one bent up by 0.01.
        {"share", "mismatched", "4.57%", 378, 186},  // 使用非财政拨款结余占比
        {"breakdown", "verified", "9,076.74 万元", 378, 42},  // 人力资源和社会保障部信息中心收入预算
        {"amount", "verified", "9,076.74 万元", 382, 42},  // 人力资源和社会保障部信息中心支出预算
        {"amount", "verified", "6,046.20 万元", 382, 62},  // 基本支出
        {"share", "verified", "66.61%", 382, 76},  // 基本支出占比
        {"amount", "verified", "3,030.54 万元", 382, 88},  // 项目支出
        {"share", "verified", "33.39%", 382, 102},  // 项目支出占比
        {"breakdown", "verified", "9,076.74 万元", 382, 42},  // 人力资源和社会保障部信息中心支出预算
        {"amount", "verified", "3,736.10 万元", 386, 47},  // 人力资源和社会保障部信息中心财政拨款收支总预算
        {"amount", "verified", "3,544.76 万元", 386, 111},  // 一般公共预算当年拨款收入
        {"amount", "verified", "191.34 万元", 386, 128},  // 上年结转
        {"amount", "verified", "3,656.24 万元", 386, 153},  // 社会保障和就业支出
        {"amount", "verified", "79.86 万元", 386, 172},  // 住房保障支出
        {"breakdown", "verified", "3,736.10 万元", 386, 47},  // 人力资源和社会保障部信息中心财政拨款收支总预算
        {"breakdown", "verified", "3,736.10 万元", 386, 47},  // 人力资源和社会保障部信息中心财政拨款收支总预算
        {"amount", "verified", "3,544.76 万元", 390, 69},  // 人力资源和社会保障部信息中心一般公共预算当年拨款
        {"change", "verified", "952.05 万元", 390, 95},  // 人力资源和社会保障部信息中心一般公共预算当年拨款
        {"amount", "verified", "3,467.76 万元", 390, 235},  // 社会保障和就业支出
        {"share", "verified", "97.83%", 390, 249},  // 社会保障和就业支出占比
        {"amount", "verified", "77.00 万元", 390, 263},  // 住房保障支出
        {"share", "verified", "2.17%", 390, 274},  // 住房保障支出占比
        {"amount", "verified", "2,846.74 万元", 390, 353},  // 社会保障和就业支出(类)人力资源和社会保障管理事务(款)信息化建设(项)预算数
        {"change", "verified", "1,023.00 万元", 390, 379},  // 社会保障和就业支出(类)人力资源和社会保障管理事务(款)信息化建设(项)预算数
        {"change", "verified", "56.09%", 390, 394},  // 社会保障和就业支出(类)人力资源和社会保障管理事务(款)信息化建设(项)预算数
        {"amount", "verified", "610.65 万元", 390, 469},  // 社会保障和就业支出(类)人力资源和社会保障管理事务(款)事业运行(项)预算数
        {"change", "verified", "持平", 390, 490},  // 社会保障和就业支出(类)人力资源和社会保障管理事务(款)事业运行(项)预算数
        {"amount", "verified", "10.37 万元", 390, 544},  // 社会保障和就业支出(类)行政事业单位养老支出(款)事业单位离退休(项)预算数
        {"change", "verified", "0.87 万元", 390, 564},  // 社会保障和就业支出(类)行政事业单位养老支出(款)事业单位离退休(项)预算数
        {"change", "verified", "9.16%", 390, 574},  // 社会保障和就业支出(类)行政事业单位养老支出(款)事业单位离退休(项)预算数
        {"amount", "verified", "50.00 万元", 390, 638},  // 住房保障支出(类)住房改革支出(款)住房公积金(项)预算数
        {"change", "verified", "54 万元", 390, 658},  // 住房保障支出(类)住房改革支出(款)住房公积金(项)预算数
        {"change", "verified", "51.92%", 390, 666},  // 住房保障支出(类)住房改革支出(款)住房公积金(项)预算数
        {"amount", "verified", "7.00 万元", 390, 737},  // 住房保障支出(类)住房改革支出(款)提租补贴(项)预算数
        {"change", "verified", "1.5 万元", 390, 756},  // 住房保障支出(类)住房改革支出(款)提租补贴(项)预算数
        {"change", "verified", "17.65%", 390, 765},  // 住房保障支出(类)住房改革支出(款)提租补贴(项)预算数
        {"amount", "verified", "20.00 万元", 390, 836},  // 住房保障支出(类)住房改革支出(款)购房补贴(项)预算数
        {"change", "verified", "16.32 万元", 390, 856},  // 住房保障支出(类)住房改革支出(款)购房补贴(项)预算数
        {"change", "verified", "44.93%", 390, 867},  // 住房保障支出(类)住房改革支出(款)购房补贴(项)预算数
        {"amount", "verified", "698.02 万元", 394, 45},  // 人力资源和社会保障部信息中心一般公共预算基本支出
        {"amount", "verified", "560.17 万元", 394, 64},  // 人员经费
        {"amount", "verified", "137.85 万元", 394, 117},  // 日常公用经费
        {"breakdown", "verified", "698.02 万元", 394, 45},  // 人力资源和社会保障部信息中心一般公共预算基本支出
        {"amount", "verified", "2,716.57 万元", 410, 41},  // 政府采购预算总额
        {"amount", "verified", "747.13 万元", 410, 63},  // 政府采购货物预算
        {"amount", "verified", "1,969.44 万元", 410, 80},  // 政府采购服务预算
        {"amount", "verified", "2,846.74 万元", 410, 154},  // 涉及一般公共预算拨款
        {"count", "unverifiable", "2 个", 410, 171},  // 二级项目
        {"breakdown", "verified", "2,716.57 万元", 410, 41},  // 政府采购预算总额
    });
}
