// The JSON reader: a transcription (docs/format.md) → the document as printed. It checks the
// file's shape (keys, types, allowed values) and records where every text was found; it decides
// nothing about what a title, header or cell means: that is the recognizer's job.
#include <algorithm>

#include <fmt/format.h>

#include "loader_internal.hpp"

namespace budgetcheck::detail {

namespace {

// Reads one JSON object: typed access by key, and a warning for every key it was not told about.
class ObjectReader {
  public:
    ObjectReader(const JsonNode& node, std::string pointer, Diagnostics& diagnostics,
                 std::vector<std::string> known)
        : node_(node), pointer_(std::move(pointer)), diagnostics_(diagnostics) {
        for (std::size_t i = 0; i < node.members.size(); ++i) {
            const std::string& key = node.members[i].first;
            const SourceLocation where = locate(child(key), node.key_positions[i]);
            for (std::size_t j = 0; j < i; ++j) {
                if (node.members[j].first == key) {
                    diagnostics_.error(
                        "schema.duplicate-key", where,
                        fmt::format("duplicate key '{}' (first at line {}:{}); only "
                                    "the first is read",
                                    key, node.key_positions[j].line, node.key_positions[j].column));
                    break;
                }
            }
            if (std::find(known.begin(), known.end(), key) == known.end()) {
                diagnostics_.warning("schema.unknown-key", where,
                                     fmt::format("unknown key '{}' is ignored", key),
                                     closest_names(key, known, 1));
            }
        }
    }

    std::string child(std::string_view key) const { return pointer_ + "/" + pointer_token(key); }
    const std::string& pointer() const { return pointer_; }
    const JsonNode& node() const { return node_; }

    const JsonNode* get(std::string_view key, JsonNode::Type type, bool required,
                        std::string_view what) const {
        const JsonNode* value = node_.find(key);
        if (value == nullptr) {
            if (required) {
                diagnostics_.error("schema.missing-key", locate(pointer_, node_.position),
                                   fmt::format("missing key '{}' ({})", key, what));
            }
            return nullptr;
        }
        const bool matches = value->type == type || (type == JsonNode::Type::Integer &&
                                                     value->type == JsonNode::Type::Float);
        if (!matches) {
            diagnostics_.error("schema.wrong-type", locate(child(key), value->position),
                               fmt::format("'{}' must be {} ({}), not {}", key, type_name(type),
                                           what, type_name(value->type)));
            return nullptr;
        }
        return value;
    }

    std::optional<std::string> string(std::string_view key, bool required,
                                      std::string_view what) const {
        const JsonNode* value = get(key, JsonNode::Type::String, required, what);
        return value == nullptr ? std::nullopt : std::optional<std::string>(value->text);
    }

  private:
    const JsonNode& node_;
    std::string pointer_;
    Diagnostics& diagnostics_;
};

std::optional<std::int64_t> read_integer(const JsonNode& node) {
    if (node.type != JsonNode::Type::Integer) {
        return std::nullopt;
    }
    try {
        return std::stoll(node.text);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// The characters of a JSON string value as written in the file, between its quotes.
std::string raw_string(std::string_view input, const JsonNode& node) {
    if (node.type != JsonNode::Type::String || node.position.offset >= input.size() ||
        input[node.position.offset] != '"') {
        return {};
    }
    std::size_t end = node.position.offset + 1;
    while (end < input.size() && input[end] != '"') {
        end += input[end] == '\\' ? 2 : 1;
    }
    return std::string(input.substr(node.position.offset + 1, end - node.position.offset - 1));
}

class Reader {
  public:
    Reader(std::string_view input, Diagnostics& diagnostics)
        : input_(input), diagnostics_(diagnostics) {}

    // A string value with its position and raw form.
    PrintedText text_of(const JsonNode& node, const std::string& pointer) const {
        PrintedText out;
        out.text = node.text;
        out.source = locate(pointer, node.position);
        return out;
    }

    // Text whose figures are located character by character (the narrative, notes under a
    // table): it keeps the string as written in the JSON, escapes and all.
    PrintedText located_text_of(const JsonNode& node, const std::string& pointer) const {
        PrintedText out = text_of(node, pointer);
        out.raw = raw_string(input_, node);
        return out;
    }

    // A cell: a JSON string or number as its printed text. A cell of any other type is reported
    // and read as "" (flagged through `bad`).
    PrintedText cell_of(const JsonNode& node, const std::string& pointer) const {
        PrintedText out;
        out.source = locate(pointer, node.position);
        if (node.type == JsonNode::Type::String || node.is_number()) {
            out.text = node.text;
        } else {
            diagnostics_.cell_error(
                "schema.wrong-type", out.source,
                fmt::format("a cell must be a string or a number, not {}", type_name(node.type)));
            out.unreadable = true;
        }
        return out;
    }

    std::optional<PrintedText> optional_text(const ObjectReader& reader, std::string_view key,
                                             std::string_view what) const {
        const JsonNode* node = reader.get(key, JsonNode::Type::String, false, what);
        if (node == nullptr) {
            return std::nullopt;
        }
        return text_of(*node, reader.child(key));
    }

    std::optional<MoneyUnit> money_unit(const ObjectReader& reader) const {
        const auto printed = reader.string("money_unit", false, "元 or 万元");
        if (!printed) {
            return std::nullopt;
        }
        if (auto unit = parse_money_unit(*printed)) {
            return unit;
        }
        const JsonNode* node = reader.node().find("money_unit");
        diagnostics_.error("schema.bad-value", locate(reader.child("money_unit"), node->position),
                           fmt::format("money unit '{}' is not 元, 万元 or 亿元", *printed));
        return std::nullopt;
    }

    std::vector<PrintedSection> sections(const JsonNode* array, const std::string& pointer,
                                         std::string_view heading_key) const {
        std::vector<PrintedSection> out;
        if (array == nullptr) {
            return out;
        }
        for (std::size_t i = 0; i < array->items.size(); ++i) {
            const JsonNode& item = array->items[i];
            const std::string here = fmt::format("{}/{}", pointer, i);
            if (item.type != JsonNode::Type::Object) {
                diagnostics_.error(
                    "schema.wrong-type", locate(here, item.position),
                    fmt::format("each entry must be an object with '{}' and 'text', not {}",
                                heading_key, type_name(item.type)));
                continue;
            }
            ObjectReader reader(item, here, diagnostics_,
                                {std::string(heading_key), "text", "page"});
            PrintedSection section;
            section.source = locate(here, item.position);
            if (auto heading = optional_text(reader, heading_key, "the printed heading")) {
                section.heading = std::move(*heading);
            }
            if (const JsonNode* text =
                    reader.get("text", JsonNode::Type::String, true, "the text, verbatim")) {
                section.text = located_text_of(*text, here + "/text");
            }
            reader.get("page", JsonNode::Type::Integer, false, "the page it is printed on");
            out.push_back(std::move(section));
        }
        return out;
    }

    PrintedTable table(const JsonNode& node, std::size_t index) const {
        const std::string here = fmt::format("/tables/{}", index);
        PrintedTable table;
        table.index = static_cast<int>(index);
        table.source = locate(here, node.position);
        ObjectReader reader(node, here, diagnostics_,
                            {"title", "label", "kind", "money_unit", "page", "prepared_by",
                             "columns", "rows", "notes", "projects"});
        if (auto title = optional_text(reader, "title", "the title as printed")) {
            table.title = std::move(*title);
        } else if (node.find("title") == nullptr) {
            reader.get("title", JsonNode::Type::String, true, "the title as printed");
        }
        table.label = reader.string("label", false, "the printed table number").value_or("");
        table.prepared_by =
            reader.string("prepared_by", false, "the unit named above the table").value_or("");
        table.money_unit = money_unit(reader);
        if (const JsonNode* page =
                reader.get("page", JsonNode::Type::Integer, false, "the page it starts on")) {
            const auto value = read_integer(*page);
            if (!value || *value < 1 || *value > 100000) {
                diagnostics_.error("schema.bad-value", locate(reader.child("page"), page->position),
                                   "page must be a page number, 1 or more");
            } else {
                table.page = static_cast<int>(*value);
            }
        }
        if (auto kind_id = reader.string("kind", false, "a table kind id")) {
            if (auto kind = parse_table_kind_id(*kind_id)) {
                table.kind = *kind;
            } else {
                std::vector<std::string> ids;
                for (int k = 0; k < static_cast<int>(TableKind::Unknown); ++k) {
                    ids.emplace_back(to_string(static_cast<TableKind>(k)));
                }
                diagnostics_.error(
                    "schema.bad-value", locate(reader.child("kind"), node.find("kind")->position),
                    fmt::format("table kind '{}' is not one of the known kinds", *kind_id),
                    closest_names(*kind_id, ids));
            }
        }
        if (const JsonNode* notes = reader.get("notes", JsonNode::Type::Array, false,
                                               "notes printed under the table")) {
            for (std::size_t i = 0; i < notes->items.size(); ++i) {
                const JsonNode& note = notes->items[i];
                const std::string at = fmt::format("{}/{}", reader.child("notes"), i);
                if (note.type == JsonNode::Type::String) {
                    table.notes.push_back(located_text_of(note, at));
                } else {
                    diagnostics_.error(
                        "schema.wrong-type", locate(at, note.position),
                        fmt::format("a note must be a string, not {}", type_name(note.type)));
                }
            }
        }
        const bool performance =
            node.find("projects") != nullptr || (table.kind == TableKind::PerformanceTargets);
        if (performance) {
            table.grid = false;
            projects(table, reader);
        } else {
            grid(table, reader);
        }
        return table;
    }

  private:
    void grid(PrintedTable& table, const ObjectReader& reader) const {
        const JsonNode* columns_node =
            reader.get("columns", JsonNode::Type::Array, true, "one header per printed column");
        const JsonNode* rows_node =
            reader.get("rows", JsonNode::Type::Array, true, "one array of cells per printed row");
        if (columns_node == nullptr) {
            return;
        }
        const std::string columns_pointer = reader.child("columns");
        for (std::size_t i = 0; i < columns_node->items.size(); ++i) {
            const JsonNode& node = columns_node->items[i];
            PrintedColumn column;
            column.source = locate(fmt::format("{}/{}", columns_pointer, i), node.position);
            if (node.type == JsonNode::Type::String) {
                column.header.push_back(text_of(node, column.source.pointer));
            } else if (node.type == JsonNode::Type::Array) {
                for (std::size_t k = 0; k < node.items.size(); ++k) {
                    const JsonNode& part = node.items[k];
                    const std::string at = fmt::format("{}/{}", column.source.pointer, k);
                    if (part.type != JsonNode::Type::String) {
                        diagnostics_.error("schema.wrong-type", locate(at, part.position),
                                           fmt::format("a header text must be a string, not {}",
                                                       type_name(part.type)));
                        continue;
                    }
                    column.header.push_back(text_of(part, at));
                }
            } else {
                diagnostics_.error("schema.wrong-type", column.source,
                                   fmt::format("a column header must be a string or an array of "
                                               "strings (top to bottom), not {}",
                                               type_name(node.type)));
            }
            table.columns.push_back(std::move(column));
        }
        if (rows_node == nullptr) {
            return;
        }
        const std::string rows_pointer = reader.child("rows");
        for (std::size_t r = 0; r < rows_node->items.size(); ++r) {
            const JsonNode& row_node = rows_node->items[r];
            const std::string row_pointer = fmt::format("{}/{}", rows_pointer, r);
            PrintedRow row;
            row.source = locate(row_pointer, row_node.position);
            const JsonNode* cells_node = nullptr;
            if (row_node.type == JsonNode::Type::Array) {
                cells_node = &row_node;
            } else if (row_node.type == JsonNode::Type::Object) {
                row.object_form = true;
                ObjectReader row_reader(row_node, row_pointer, diagnostics_, {"cells", "level"});
                cells_node =
                    row_reader.get("cells", JsonNode::Type::Array, true, "the row's cells");
                if (const JsonNode* level = row_reader.get("level", JsonNode::Type::Integer, false,
                                                           "the row's depth, 1 at the top")) {
                    const auto value = read_integer(*level);
                    if (!value || *value < 1 || *value > 9) {
                        diagnostics_.error("schema.bad-value",
                                           locate(row_reader.child("level"), level->position),
                                           "level must be an integer from 1 to 9");
                    } else {
                        row.level = static_cast<int>(*value);
                    }
                }
            } else {
                diagnostics_.error("schema.wrong-type", row.source,
                                   fmt::format("a row must be an array of cells or an object with "
                                               "'cells', not {}",
                                               type_name(row_node.type)));
                continue;
            }
            if (cells_node == nullptr) {
                continue;
            }
            const std::string cells_pointer =
                row.object_form ? row_pointer + "/cells" : row_pointer;
            if (cells_node->items.size() != table.columns.size()) {
                diagnostics_.cell_error(
                    "row.wrong-length", row.source,
                    fmt::format("row {} has {} cells but the table has {} columns; {}", r + 1,
                                cells_node->items.size(), table.columns.size(),
                                cells_node->items.size() < table.columns.size()
                                    ? "which cell is missing is not known, so the checks "
                                      "that need the row's figures are skipped"
                                    : "the extra cells are not read"));
            }
            for (std::size_t c = 0; c < cells_node->items.size(); ++c) {
                row.cells.push_back(
                    cell_of(cells_node->items[c], fmt::format("{}/{}", cells_pointer, c)));
            }
            table.rows.push_back(std::move(row));
        }
    }

    std::pair<PrintedText, PrintedText> labelled(const std::string& label, const JsonNode& value,
                                                 const std::string& pointer,
                                                 TextPosition key_position) const {
        PrintedText key;
        key.text = label;
        key.source = locate(pointer, key_position);
        return {key, cell_of(value, pointer)};
    }

    void projects(PrintedTable& table, const ObjectReader& reader) const {
        const JsonNode* list =
            reader.get("projects", JsonNode::Type::Array, true, "one object per project");
        if (list == nullptr) {
            return;
        }
        const std::string projects_pointer = reader.child("projects");
        for (std::size_t p = 0; p < list->items.size(); ++p) {
            const JsonNode& node = list->items[p];
            const std::string here = fmt::format("{}/{}", projects_pointer, p);
            if (node.type != JsonNode::Type::Object) {
                diagnostics_.error(
                    "schema.wrong-type", locate(here, node.position),
                    fmt::format("a project must be an object, not {}", type_name(node.type)));
                continue;
            }
            ObjectReader pr(node, here, diagnostics_,
                            {"project", "unit", "department", "funds", "goal", "indicators",
                             "score_weights", "weights_total"});
            PrintedProject project;
            project.source = locate(here, node.position);
            auto text = [&](std::string_view key, bool required, std::string_view what) {
                if (const JsonNode* v = pr.get(key, JsonNode::Type::String, required, what)) {
                    return text_of(*v, pr.child(key));
                }
                return PrintedText{};
            };
            project.project = text("project", true, "the project's name");
            project.unit = text("unit", false, "the unit");
            project.department = text("department", false, "主管部门");
            project.goal = text("goal", false, "年度绩效目标");
            auto pairs = [&](std::string_view key, std::string_view what,
                             std::vector<std::pair<PrintedText, PrintedText>>& out) {
                if (const JsonNode* object = pr.get(key, JsonNode::Type::Object, false, what)) {
                    for (std::size_t m = 0; m < object->members.size(); ++m) {
                        const auto& [label, value] = object->members[m];
                        out.push_back(labelled(label, value,
                                               pr.child(key) + "/" + pointer_token(label),
                                               object->key_positions[m]));
                    }
                }
            };
            pairs("funds", "fund lines, label → amount", project.funds);
            if (const JsonNode* indicators = pr.get("indicators", JsonNode::Type::Array, false,
                                                    "one object per indicator row")) {
                for (std::size_t i = 0; i < indicators->items.size(); ++i) {
                    const JsonNode& item = indicators->items[i];
                    const std::string at = fmt::format("{}/{}", pr.child("indicators"), i);
                    if (item.type != JsonNode::Type::Object) {
                        diagnostics_.error("schema.wrong-type", locate(at, item.position),
                                           fmt::format("an indicator must be an object, not {}",
                                                       type_name(item.type)));
                        continue;
                    }
                    ObjectReader ir(
                        item, at, diagnostics_,
                        {"level1", "level2", "level3", "explanation", "value", "weight"});
                    PrintedIndicator indicator;
                    indicator.source = locate(at, item.position);
                    auto field = [&](std::string_view key, bool required, std::string_view what) {
                        if (const JsonNode* v =
                                ir.get(key, JsonNode::Type::String, required, what)) {
                            return text_of(*v, ir.child(key));
                        }
                        return PrintedText{};
                    };
                    indicator.level1 = field("level1", true, "一级指标");
                    indicator.level2 = field("level2", false, "二级指标");
                    indicator.level3 = field("level3", true, "三级指标");
                    indicator.explanation = field("explanation", false, "指标解释");
                    if (const JsonNode* value = item.find("value")) {
                        indicator.value = cell_of(*value, ir.child("value"));
                    }
                    if (const JsonNode* weight = item.find("weight")) {
                        indicator.weight = cell_of(*weight, ir.child("weight"));
                    }
                    project.indicators.push_back(std::move(indicator));
                }
            }
            pairs("score_weights", "printed weights such as 执行率", project.score_weights);
            if (const JsonNode* total = node.find("weights_total")) {
                project.weights_total = cell_of(*total, pr.child("weights_total"));
            }
            table.projects.push_back(std::move(project));
        }
    }

    std::string_view input_;
    Diagnostics& diagnostics_;
};

}  // namespace

std::optional<PrintedDocument> read_printed(std::string_view input, const JsonNode& root,
                                            std::string file, Diagnostics& diagnostics) {
    const Reader reader(input, diagnostics);
    if (root.type != JsonNode::Type::Object) {
        diagnostics.error("schema.wrong-type", locate("", root.position),
                          fmt::format("the top level must be an object with 'budgetcheck', "
                                      "'document' and 'tables', not {}",
                                      type_name(root.type)));
        return std::nullopt;
    }
    ObjectReader top(root, "", diagnostics,
                     {"budgetcheck", "document", "profile", "tables", "narrative", "glossary",
                      "source", "contents"});
    bool fatal = false;
    if (const JsonNode* version =
            top.get("budgetcheck", JsonNode::Type::Integer, true, "the format version, 1")) {
        if (read_integer(*version) != 1) {
            diagnostics.error("schema.bad-value", locate("/budgetcheck", version->position),
                              fmt::format("format version {} is not supported; this budgetcheck "
                                          "reads version 1",
                                          version->text));
            fatal = true;
        }
    } else {
        fatal = true;
    }
    PrintedDocument document;
    document.file = std::move(file);
    const JsonNode* head = top.get("document", JsonNode::Type::Object, true,
                                   "title, unit, year and kind of the disclosure");
    if (head == nullptr) {
        fatal = true;
    } else {
        ObjectReader info(
            *head, "/document", diagnostics,
            {"title", "unit", "year", "kind", "money_unit", "published", "unit_code"});
        const auto title = info.string("title", true, "the document's title as printed");
        const auto unit = info.string("unit", true, "the publishing unit's name");
        const JsonNode* year = info.get("year", JsonNode::Type::Integer, true, "the budget year");
        const auto kind = info.string(
            "kind", true, "department_budget, unit_budget, department_final or unit_final");
        fatal = fatal || !title || !unit || year == nullptr || !kind;
        document.title = title.value_or("");
        document.unit = unit.value_or("");
        if (year != nullptr) {
            const auto value = read_integer(*year);
            if (!value || *value < 1990 || *value > 2100) {
                diagnostics.error("schema.bad-value", locate("/document/year", year->position),
                                  fmt::format("year {} is not a budget year", year->text));
                fatal = true;
            } else {
                document.year = static_cast<int>(*value);
            }
        }
        if (kind) {
            if (auto parsed_kind = parse_document_kind(*kind)) {
                document.kind = *parsed_kind;
            } else {
                diagnostics.error(
                    "schema.bad-value", locate("/document/kind", head->find("kind")->position),
                    fmt::format("document kind '{}' is not one of department_budget, "
                                "unit_budget, department_final, unit_final",
                                *kind),
                    closest_names(
                        *kind,
                        {"department_budget", "unit_budget", "department_final", "unit_final"}, 1));
                fatal = true;
            }
        }
        document.money_unit = reader.money_unit(info).value_or(MoneyUnit::TenThousandYuan);
        document.published = info.string("published", false, "publication date").value_or("");
        document.unit_code = info.string("unit_code", false, "the unit's code").value_or("");
    }
    if (const JsonNode* source =
            top.get("source", JsonNode::Type::Object, false, "where the transcription came from")) {
        ObjectReader source_reader(*source, "/source", diagnostics, {"file", "files", "notes"});
        source_reader.string("file", false, "the transcribed source");
        source_reader.get("files", JsonNode::Type::Array, false, "the transcribed sources");
        source_reader.get("notes", JsonNode::Type::Array, false, "transcription notes");
    }
    if (fatal) {
        return std::nullopt;
    }
    if (const JsonNode* contents =
            top.get("contents", JsonNode::Type::Array, false, "the 目录 entries as printed")) {
        for (std::size_t i = 0; i < contents->items.size(); ++i) {
            const JsonNode& entry = contents->items[i];
            const std::string at = fmt::format("/contents/{}", i);
            if (entry.type == JsonNode::Type::String) {
                document.contents.push_back(reader.text_of(entry, at));
            } else {
                diagnostics.error(
                    "schema.wrong-type", locate(at, entry.position),
                    fmt::format("a 目录 entry must be a string, not {}", type_name(entry.type)));
            }
        }
    }
    document.profile =
        reader.sections(top.get("profile", JsonNode::Type::Array, false, "单位概况 sections"),
                        "/profile", "section");
    document.narrative =
        reader.sections(top.get("narrative", JsonNode::Type::Array, false, "情况说明 sections"),
                        "/narrative", "section");
    document.glossary = reader.sections(
        top.get("glossary", JsonNode::Type::Array, false, "名词解释 entries"), "/glossary", "term");
    if (const JsonNode* tables =
            top.get("tables", JsonNode::Type::Array, true, "the printed tables")) {
        for (std::size_t i = 0; i < tables->items.size(); ++i) {
            const JsonNode& node = tables->items[i];
            if (node.type != JsonNode::Type::Object) {
                diagnostics.error(
                    "schema.wrong-type", locate(fmt::format("/tables/{}", i), node.position),
                    fmt::format("a table must be an object, not {}", type_name(node.type)));
                continue;
            }
            document.tables.push_back(reader.table(node, i));
        }
    }
    return document;
}

}  // namespace budgetcheck::detail
