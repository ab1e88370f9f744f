// Who a department is made of, as its profile says (本部门中，行政单位1家，参公单位1家；下属2个事业
// 单位). Whether every unit is 行政 or run like one (参公) decides what its 机关运行经费 must be.
#pragma once

#include <string>

#include "budgetcheck/model/document.hpp"

namespace budgetcheck {

struct UnitComposition {
    bool administrative = false;        // a 行政单位, 机关 or 参公 unit is counted
    bool public_institution = false;    // a 事业单位 (not 参公) is counted or said to belong to it
    std::string evidence;               // the clause that counts the first 行政 or 参公 unit
    SourceLocation evidence_source;     // where that clause starts

    // Known, and every unit 行政 or 参公: their 公用经费 is all 机关运行经费.
    bool all_administrative() const { return administrative && !public_institution; }
};

// Read from the profile and the 情况说明. Only counted kinds (行政单位1家, 2个事业单位, 1家机关)
// and owned ones (下属事业单位) are read: 行政事业单位 and 机关事业单位 name classes of spending,
// and a 事业单位 named in passing (事业单位经营收入) says nothing of the department.
UnitComposition read_unit_composition(const Document& document);

}  // namespace budgetcheck
