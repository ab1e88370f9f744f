// The plain-text report of `verify`: findings grouped by table, each with its severity, rule,
// cell, location, message and arithmetic, and a one-line summary per file.
#pragma once

#include <ostream>

#include "budgetcheck/load/load.hpp"
#include "budgetcheck/rules/engine.hpp"

namespace budgetcheck {

enum class Language { English, Chinese };

void write_text_report(std::ostream& out, const LoadResult& loaded, const CheckReport* report,
                       Language language);

}  // namespace budgetcheck
