// Writes the document as printed in the transcription format (docs/format.md, version 1): what
// `budgetcheck import` prints, for a person to review against the PDF and correct.
#pragma once

#include <string>
#include <vector>

#include "budgetcheck/model/printed.hpp"

namespace budgetcheck::report {

// `sources` are the files it was read from, named in "source" (one: "file"; two: "files").
std::string transcription_json(const PrintedDocument& document,
                               const std::vector<std::string>& sources);

}  // namespace budgetcheck::report
