// Minimal JSON and XML text helpers for the reporters, which write their formats directly.
#pragma once

#include <string>
#include <string_view>

namespace budgetcheck::report {

// A JSON string literal, quotes included, with control characters and quotes escaped.
std::string json_string(std::string_view text);
// Text for XML attribute values and element content.
std::string xml_escape(std::string_view text);
// A CSV field, quoted when it holds a comma, quote or line break.
std::string csv_field(std::string_view text);

}  // namespace budgetcheck::report
