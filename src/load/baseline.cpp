// Reading baseline files (the only JSON parsing outside the disclosure loader).
#include <fmt/format.h>

#include "budgetcheck/baseline.hpp"
#include "budgetcheck/load/json_tree.hpp"

namespace budgetcheck {

std::optional<Baseline> load_baseline(std::string_view text, const std::string& name,
                                      std::vector<LoadDiagnostic>& problems) {
    auto problem = [&](std::string code, SourceLocation where, std::string message) {
        problems.push_back(LoadDiagnostic{
            DiagnosticSeverity::Error, std::move(code), std::move(where), std::move(message), {}});
    };
    const JsonParseResult parsed = parse_json_tree(text);
    if (!parsed.root) {
        problem("json.syntax",
                SourceLocation{"", parsed.error_position.line, parsed.error_position.column},
                fmt::format("{}: {}", name, parsed.error));
        return std::nullopt;
    }
    const JsonNode* entries =
        parsed.root->type == JsonNode::Type::Object ? parsed.root->find("entries") : nullptr;
    if (entries == nullptr || entries->type != JsonNode::Type::Array) {
        problem("schema.missing-key", SourceLocation{"", 1, 1},
                fmt::format("{}: a baseline is an object with an \"entries\" array", name));
        return std::nullopt;
    }
    Baseline baseline;
    baseline.file = name;
    for (std::size_t i = 0; i < entries->items.size(); ++i) {
        const JsonNode& item = entries->items[i];
        const SourceLocation where{fmt::format("/entries/{}", i), item.position.line,
                                   item.position.column};
        if (item.type != JsonNode::Type::Object) {
            problem("schema.wrong-type", where,
                    fmt::format("{}: each entry must be an object", name));
            continue;
        }
        BaselineEntry entry;
        entry.where = where;
        auto text_of = [&item](std::string_view key) {
            const JsonNode* value = item.find(key);
            return value != nullptr && value->type == JsonNode::Type::String ? value->text
                                                                             : std::string();
        };
        entry.file = text_of("file");
        entry.rule = text_of("rule");
        entry.table = text_of("table");
        entry.row = text_of("row");
        entry.column = text_of("column");
        entry.justification = text_of("justification");
        entry.printed = text_of("printed");
        entry.expected = text_of("expected");
        if (entry.rule.empty()) {
            problem("schema.missing-key", where,
                    fmt::format("{}: a baseline entry needs its \"rule\"", name));
            continue;
        }
        baseline.entries.push_back(std::move(entry));
    }
    return baseline;
}

}  // namespace budgetcheck
