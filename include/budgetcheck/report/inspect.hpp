// The `inspect` view: the disclosure exactly as the loader understood it (kinds, column meanings,
// the row tree with codes and levels, every amount with its unit), with what was not understood
// marked, so a transcriber can catch misreadings.
#pragma once

#include <ostream>
#include <vector>

#include "budgetcheck/load/load.hpp"

namespace budgetcheck {

void write_inspection(std::ostream& out, const LoadResult& result);

// "file:line:col: error: message [code]" lines for load diagnostics, shared by commands.
void write_load_diagnostics(std::ostream& out, const LoadResult& result);

}  // namespace budgetcheck
