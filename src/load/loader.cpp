// The loader: JSON text → positioned tree → typed Document, with every problem reported as a
// diagnostic that names the JSON pointer and line:column.
#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "budgetcheck/load/vocabulary.hpp"
#include "loader_internal.hpp"

namespace budgetcheck {

std::string_view to_string(DiagnosticSeverity severity) {
    return severity == DiagnosticSeverity::Error ? "error" : "warning";
}

std::size_t LoadResult::error_count() const {
    return static_cast<std::size_t>(std::count_if(
        diagnostics.begin(), diagnostics.end(),
        [](const LoadDiagnostic& d) { return d.severity == DiagnosticSeverity::Error; }));
}

std::size_t LoadResult::warning_count() const {
    return diagnostics.size() - error_count();
}

namespace detail {

std::string pointer_token(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace detail

namespace {

using detail::Diagnostics;
using detail::locate;
using detail::pointer_token;

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const std::string& item : items) {
        out += out.empty() ? "" : std::string(separator);
        out += item;
    }
    return out;
}

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

// A cell or amount given as a JSON string or number, as its printed text.
std::optional<std::string> printed_text(const JsonNode& node) {
    if (node.type == JsonNode::Type::String || node.is_number()) {
        return node.text;
    }
    return std::nullopt;
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

std::vector<TextSection> read_sections(std::string_view input, const JsonNode* array,
                                       const std::string& pointer, std::string_view heading_key,
                                       Diagnostics& diagnostics) {
    std::vector<TextSection> out;
    if (array == nullptr) {
        return out;
    }
    for (std::size_t i = 0; i < array->items.size(); ++i) {
        const JsonNode& item = array->items[i];
        const std::string here = fmt::format("{}/{}", pointer, i);
        if (item.type != JsonNode::Type::Object) {
            diagnostics.error(
                "schema.wrong-type", locate(here, item.position),
                fmt::format("each entry must be an object with '{}' and 'text', not {}",
                            heading_key, type_name(item.type)));
            continue;
        }
        ObjectReader reader(item, here, diagnostics, {std::string(heading_key), "text"});
        TextSection section;
        section.heading = reader.string(heading_key, false, "the printed heading").value_or("");
        section.text = reader.string("text", true, "the text, verbatim").value_or("");
        section.source = locate(here, item.position);
        if (const JsonNode* text = item.find("text");
            text != nullptr && text->type == JsonNode::Type::String) {
            section.text_source = locate(here + "/text", text->position);
            section.raw = raw_string(input, *text);
        }
        out.push_back(std::move(section));
    }
    return out;
}

Cell make_cell(const JsonNode& node, const std::string& pointer, const ColumnMeaning& meaning,
               Diagnostics& diagnostics) {
    Cell cell;
    cell.source = locate(pointer, node.position);
    const auto text = printed_text(node);
    if (!text) {
        diagnostics.error(
            "schema.wrong-type", cell.source,
            fmt::format("a cell must be a string or a number, not {}", type_name(node.type)));
        cell.invalid = true;
        return cell;
    }
    cell.printed = *text;
    if (!meaning.is_value()) {
        return cell;
    }
    std::string error;
    if (meaning.quantity == Quantity::ChangePercent) {
        if (auto percentage = Percentage::parse(cell.printed, &error)) {
            cell.value = *percentage;
            return cell;
        }
    } else if (auto amount = Amount::parse(cell.printed, &error)) {
        cell.value = *amount;
        return cell;
    }
    cell.invalid = true;
    diagnostics.error("cell.not-a-number", cell.source,
                      fmt::format("cell is not a figure: {}", error));
    return cell;
}

std::vector<std::string> known_titles() {
    std::vector<std::string> out;
    for (const TitleAlias& alias : known_table_titles()) {
        out.emplace_back(alias.title);
    }
    return out;
}

std::vector<std::string> known_header_texts() {
    std::vector<std::string> out;
    for (const HeaderWord& word : known_header_words()) {
        out.emplace_back(word.text);
    }
    return out;
}

MoneyUnit read_money_unit(const ObjectReader& reader, MoneyUnit fallback,
                          Diagnostics& diagnostics) {
    const auto printed = reader.string("money_unit", false, "元 or 万元");
    if (!printed) {
        return fallback;
    }
    if (auto unit = parse_money_unit(*printed)) {
        return *unit;
    }
    const JsonNode* node = reader.node().find("money_unit");
    diagnostics.error("schema.bad-value", locate(reader.child("money_unit"), node->position),
                      fmt::format("money unit '{}' is not 元, 万元 or 亿元", *printed));
    return fallback;
}

// Splits the physical columns of a two-sided table into its income and expenditure sides.
void assign_sides(std::vector<Column>& columns) {
    const bool marked = std::any_of(columns.begin(), columns.end(),
                                    [](const Column& c) { return c.meaning.side != Side::Whole; });
    if (marked) {
        Side current = Side::Income;
        for (Column& column : columns) {
            if (column.meaning.side == Side::Whole) {
                column.meaning.side = current;
            }
            current = column.meaning.side;
        }
        return;
    }
    // Unmarked: the second label column starts the expenditure side.
    int labels = 0;
    for (Column& column : columns) {
        if (column.meaning.role == ColumnRole::Label) {
            ++labels;
        }
        column.meaning.side = labels >= 2 ? Side::Expenditure : Side::Income;
    }
}

void load_grid(Table& table, const ObjectReader& reader, const Document& document,
               Diagnostics& diagnostics) {
    const JsonNode* columns_node =
        reader.get("columns", JsonNode::Type::Array, true, "one header per printed column");
    const JsonNode* rows_node =
        reader.get("rows", JsonNode::Type::Array, true, "one array of cells per printed row");
    if (columns_node == nullptr) {
        // Keep the invariant rules rely on: a grid table has its sides, even when empty.
        if (is_two_sided(table.kind)) {
            table.sides = {TableSide{Side::Income, {}, {}}, TableSide{Side::Expenditure, {}, {}}};
        } else {
            table.sides = {TableSide{}};
        }
        return;
    }
    std::vector<Column> columns;
    const std::string columns_pointer = reader.child("columns");
    for (std::size_t i = 0; i < columns_node->items.size(); ++i) {
        const JsonNode& node = columns_node->items[i];
        Column column;
        column.physical_index = static_cast<int>(i);
        column.source = locate(fmt::format("{}/{}", columns_pointer, i), node.position);
        if (node.type == JsonNode::Type::String) {
            column.header.push_back(node.text);
        } else if (node.type == JsonNode::Type::Array) {
            for (std::size_t k = 0; k < node.items.size(); ++k) {
                const JsonNode& part = node.items[k];
                if (part.type != JsonNode::Type::String) {
                    diagnostics.error(
                        "schema.wrong-type",
                        locate(fmt::format("{}/{}", column.source.pointer, k), part.position),
                        fmt::format("a header text must be a string, not {}",
                                    type_name(part.type)));
                    continue;
                }
                column.header.push_back(part.text);
            }
        } else {
            diagnostics.error("schema.wrong-type", column.source,
                              fmt::format("a column header must be a string or an array of "
                                          "strings (top to bottom), not {}",
                                          type_name(node.type)));
        }
        ColumnRecognition recognition = recognise_column(column.header, table.kind, document.year);
        column.meaning = recognition.meaning;
        if (recognition.classification && !table.classification) {
            table.classification = recognition.classification;
        }
        if (!recognition.unrecognised.empty() && table.kind != TableKind::Unknown) {
            diagnostics.warning(
                "column.unknown-header", column.source,
                fmt::format("column {} header '{}' is not recognised (the words '{}'); its cells "
                            "are kept but not checked",
                            i + 1, column.printed(), join(recognition.unrecognised, "', '")),
                closest_names(recognition.unrecognised.front(), known_header_texts()));
        }
        columns.push_back(std::move(column));
    }
    if (table.kind == TableKind::ThreePublicExpenses) {
        // Horizontal “三公” tables head their first value column 合计: that is the “三公” total.
        const bool horizontal = std::any_of(columns.begin(), columns.end(), [](const Column& c) {
            return c.meaning.three_public != ThreePublicItem::None;
        });
        if (horizontal) {
            for (Column& column : columns) {
                if (column.meaning.is_value() &&
                    column.meaning.three_public == ThreePublicItem::None) {
                    column.meaning.three_public = ThreePublicItem::Total;
                }
            }
        }
    }

    if (is_two_sided(table.kind)) {
        assign_sides(columns);
        for (Side side : {Side::Income, Side::Expenditure}) {
            TableSide part;
            part.side = side;
            for (const Column& column : columns) {
                if (column.meaning.side == side) {
                    part.columns.push_back(column);
                }
            }
            table.sides.push_back(std::move(part));
        }
    } else {
        TableSide whole;
        whole.columns = columns;
        table.sides.push_back(std::move(whole));
    }

    if (rows_node == nullptr) {
        return;
    }
    const std::string rows_pointer = reader.child("rows");
    for (std::size_t r = 0; r < rows_node->items.size(); ++r) {
        const JsonNode& row_node = rows_node->items[r];
        std::string row_pointer = fmt::format("{}/{}", rows_pointer, r);
        const JsonNode* cells_node = nullptr;
        int explicit_level = 0;  // 0: not given
        bool object_form = false;
        if (row_node.type == JsonNode::Type::Array) {
            cells_node = &row_node;
        } else if (row_node.type == JsonNode::Type::Object) {
            object_form = true;
            ObjectReader row_reader(row_node, row_pointer, diagnostics, {"cells", "level"});
            cells_node = row_reader.get("cells", JsonNode::Type::Array, true, "the row's cells");
            if (const JsonNode* level = row_reader.get("level", JsonNode::Type::Integer, false,
                                                       "the row's depth, 1 at the top")) {
                const auto value = read_integer(*level);
                if (!value || *value < 1 || *value > 9) {
                    diagnostics.error("schema.bad-value",
                                      locate(row_reader.child("level"), level->position),
                                      "level must be an integer from 1 to 9");
                } else {
                    explicit_level = static_cast<int>(*value);
                }
            }
        } else {
            diagnostics.error("schema.wrong-type", locate(row_pointer, row_node.position),
                              fmt::format("a row must be an array of cells or an object with "
                                          "'cells', not {}",
                                          type_name(row_node.type)));
        }
        if (cells_node == nullptr) {
            continue;
        }
        const std::string cells_pointer = object_form ? row_pointer + "/cells" : row_pointer;
        if (cells_node->items.size() != columns.size()) {
            diagnostics.error("row.wrong-length", locate(row_pointer, row_node.position),
                              fmt::format("row {} has {} cells but the table has {} columns; {}",
                                          r + 1, cells_node->items.size(), columns.size(),
                                          cells_node->items.size() < columns.size()
                                              ? "the missing cells are read as blank"
                                              : "the extra cells are not read"));
        }
        for (TableSide& part : table.sides) {
            Row row;
            row.json_index = static_cast<int>(r);
            row.object_form = object_form;
            row.source = locate(row_pointer, row_node.position);
            row.level = explicit_level;
            for (const Column& column : part.columns) {
                const auto index = static_cast<std::size_t>(column.physical_index);
                if (index < cells_node->items.size()) {
                    row.cells.push_back(make_cell(cells_node->items[index],
                                                  fmt::format("{}/{}", cells_pointer, index),
                                                  column.meaning, diagnostics));
                } else {
                    Cell blank;
                    blank.source = locate(row_pointer, row_node.position);
                    if (column.meaning.is_value()) {
                        blank.value =
                            column.meaning.quantity == Quantity::ChangePercent
                                ? std::variant<std::monostate, Amount, Percentage>(Percentage())
                                : std::variant<std::monostate, Amount, Percentage>(Amount());
                    }
                    row.cells.push_back(std::move(blank));
                }
            }
            part.rows.push_back(std::move(row));
        }
    }
}

Cell make_amount_cell(const JsonNode& node, const std::string& pointer, Diagnostics& diagnostics) {
    ColumnMeaning amount_meaning;
    amount_meaning.role = ColumnRole::Value;
    return make_cell(node, pointer, amount_meaning, diagnostics);
}

void load_performance(Table& table, const ObjectReader& reader, Diagnostics& diagnostics) {
    const JsonNode* projects =
        reader.get("projects", JsonNode::Type::Array, true, "one object per project");
    if (projects == nullptr) {
        return;
    }
    const std::string projects_pointer = reader.child("projects");
    for (std::size_t p = 0; p < projects->items.size(); ++p) {
        const JsonNode& node = projects->items[p];
        const std::string here = fmt::format("{}/{}", projects_pointer, p);
        if (node.type != JsonNode::Type::Object) {
            diagnostics.error(
                "schema.wrong-type", locate(here, node.position),
                fmt::format("a project must be an object, not {}", type_name(node.type)));
            continue;
        }
        ObjectReader project_reader(node, here, diagnostics,
                                    {"project", "unit", "department", "funds", "goal", "indicators",
                                     "score_weights", "weights_total"});
        ProjectTargets project;
        project.source = locate(here, node.position);
        project.project = project_reader.string("project", true, "the project's name").value_or("");
        project.unit = project_reader.string("unit", false, "the unit").value_or("");
        project.department = project_reader.string("department", false, "主管部门").value_or("");
        project.goal = project_reader.string("goal", false, "年度绩效目标").value_or("");
        if (const JsonNode* funds = project_reader.get("funds", JsonNode::Type::Object, false,
                                                       "fund lines, label → amount")) {
            for (const auto& [label, value] : funds->members) {
                FundLine line;
                line.label = label;
                line.kind = recognise_fund_line(label);
                line.cell = make_amount_cell(
                    value, project_reader.child("funds") + "/" + pointer_token(label), diagnostics);
                if (line.kind == FundLineKind::Unknown) {
                    diagnostics.warning("funds.unknown-line", line.cell.source,
                                        fmt::format("fund line '{}' is not recognised", label),
                                        {"年度资金总额", "其中：财政拨款", "上年结转", "其他资金"});
                }
                project.funds.push_back(std::move(line));
            }
        }
        if (const JsonNode* indicators = project_reader.get(
                "indicators", JsonNode::Type::Array, false, "one object per indicator row")) {
            for (std::size_t i = 0; i < indicators->items.size(); ++i) {
                const JsonNode& item = indicators->items[i];
                const std::string at = fmt::format("{}/{}", project_reader.child("indicators"), i);
                if (item.type != JsonNode::Type::Object) {
                    diagnostics.error("schema.wrong-type", locate(at, item.position),
                                      fmt::format("an indicator must be an object, not {}",
                                                  type_name(item.type)));
                    continue;
                }
                ObjectReader ir(item, at, diagnostics,
                                {"level1", "level2", "level3", "explanation", "value", "weight"});
                Indicator indicator;
                indicator.source = locate(at, item.position);
                indicator.level1 = ir.string("level1", true, "一级指标").value_or("");
                indicator.level2 = ir.string("level2", false, "二级指标").value_or("");
                indicator.level3 = ir.string("level3", true, "三级指标").value_or("");
                indicator.explanation = ir.string("explanation", false, "指标解释").value_or("");
                indicator.category = recognise_indicator_category(indicator.level1);
                if (const JsonNode* value = item.find("value")) {
                    indicator.value.source = locate(ir.child("value"), value->position);
                    indicator.value.printed = printed_text(*value).value_or("");
                    indicator.parsed_value = parse_indicator_value(indicator.value.printed);
                }
                if (const JsonNode* weight = item.find("weight")) {
                    indicator.weight = make_amount_cell(*weight, ir.child("weight"), diagnostics);
                }
                if (indicator.category == IndicatorCategory::Unknown && !indicator.level1.empty()) {
                    diagnostics.warning(
                        "indicator.unknown-category", indicator.source,
                        fmt::format("一级指标 '{}' is not recognised", indicator.level1),
                        {"产出指标", "效益指标", "满意度指标", "成本指标"});
                }
                project.indicators.push_back(std::move(indicator));
            }
        }
        if (const JsonNode* weights = project_reader.get("score_weights", JsonNode::Type::Object,
                                                         false, "printed weights such as 执行率")) {
            for (const auto& [label, value] : weights->members) {
                project.score_weights.emplace_back(
                    label,
                    make_amount_cell(
                        value, project_reader.child("score_weights") + "/" + pointer_token(label),
                        diagnostics));
            }
        }
        if (const JsonNode* total = node.find("weights_total")) {
            project.weights_total =
                make_amount_cell(*total, project_reader.child("weights_total"), diagnostics);
        }
        table.projects.push_back(std::move(project));
    }
}

void load_table(std::string_view input, const JsonNode& node, std::size_t index, Document& document,
                const SubjectCatalog& catalog, Diagnostics& diagnostics) {
    const std::string here = fmt::format("/tables/{}", index);
    if (node.type != JsonNode::Type::Object) {
        diagnostics.error("schema.wrong-type", locate(here, node.position),
                          fmt::format("a table must be an object, not {}", type_name(node.type)));
        return;
    }
    ObjectReader reader(
        node, here, diagnostics,
        {"title", "label", "kind", "money_unit", "columns", "rows", "notes", "projects"});
    Table table;
    table.json_index = static_cast<int>(index);
    table.source = locate(here, node.position);
    table.title = reader.string("title", true, "the title as printed").value_or("");
    table.label = reader.string("label", false, "the printed table number").value_or("");
    table.money_unit = read_money_unit(reader, document.money_unit, diagnostics);
    if (auto kind_id = reader.string("kind", false, "a table kind id")) {
        if (auto kind = parse_table_kind_id(*kind_id)) {
            table.kind = *kind;
            table.kind_from_key = true;
        } else {
            std::vector<std::string> ids;
            for (int k = 0; k < static_cast<int>(TableKind::Unknown); ++k) {
                ids.emplace_back(to_string(static_cast<TableKind>(k)));
            }
            diagnostics.error(
                "schema.bad-value", locate(reader.child("kind"), node.find("kind")->position),
                fmt::format("table kind '{}' is not one of the known kinds", *kind_id),
                closest_names(*kind_id, ids));
        }
    }
    if (!table.kind_from_key) {
        table.kind = recognise_table_kind(table.title);
        if (table.kind == TableKind::Unknown && !table.title.empty()) {
            diagnostics.warning("table.unknown-title",
                                locate(reader.child("title"), node.find("title")->position),
                                fmt::format("table title '{}' is not recognised; the table is kept "
                                            "but not checked (give \"kind\" to name its kind)",
                                            table.title),
                                closest_names(table.title, known_titles()));
        }
    }
    if (const JsonNode* notes =
            reader.get("notes", JsonNode::Type::Array, false, "notes printed under the table")) {
        for (std::size_t i = 0; i < notes->items.size(); ++i) {
            const JsonNode& note = notes->items[i];
            if (note.type == JsonNode::Type::String) {
                table.notes.push_back(note.text);
                TextSection located;
                located.heading = table.title;
                located.text = note.text;
                located.source =
                    locate(fmt::format("{}/{}", reader.child("notes"), i), note.position);
                located.text_source = located.source;
                located.raw = raw_string(input, note);
                table.note_sources.push_back(std::move(located));
            } else {
                diagnostics.error(
                    "schema.wrong-type",
                    locate(fmt::format("{}/{}", reader.child("notes"), i), note.position),
                    fmt::format("a note must be a string, not {}", type_name(note.type)));
            }
        }
    }
    if (node.find("projects") != nullptr || table.kind == TableKind::PerformanceTargets) {
        if (table.kind != TableKind::PerformanceTargets && table.kind != TableKind::Unknown) {
            diagnostics.warning("table.kind-mismatch", table.source,
                                fmt::format("table '{}' has projects but its title names a {}",
                                            table.title, chinese_name(table.kind)));
        }
        if (table.kind == TableKind::Unknown) {
            table.kind = TableKind::PerformanceTargets;
        }
        load_performance(table, reader, diagnostics);
    } else {
        load_grid(table, reader, document, diagnostics);
        detail::interpret_rows(table, document, catalog, diagnostics);
    }
    document.tables.push_back(std::move(table));
}

// Says what a non-UTF-8 file most likely is and how to convert it.
std::string encoding_advice(std::string_view text, std::size_t bad) {
    if (text.size() >= 2 &&
        ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
        return "the file is UTF-16; convert it with: iconv -f UTF-16 -t UTF-8 FILE > "
               "FILE.utf8.json";
    }
    // Mostly valid UTF-8 with a stray byte is a damaged UTF-8 file, not another encoding.
    std::size_t invalid = 0;
    std::size_t multibyte = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length =
            lead < 0x80
                ? 1
                : (lead >= 0xC2 && lead < 0xE0
                       ? 2
                       : (lead >= 0xE0 && lead < 0xF0 ? 3 : (lead >= 0xF0 && lead < 0xF5 ? 4 : 0)));
        if (length == 0 || find_invalid_utf8(text.substr(i, length)).has_value() ||
            i + length > text.size()) {
            ++invalid;
            ++i;
            continue;
        }
        multibyte += length > 1 ? 1 : 0;
        i += length;
    }
    if (multibyte > invalid * 4) {
        return fmt::format(
            "the rest of the file is UTF-8, so this looks like {} damaged byte{}: fix it in an "
            "editor "
            "that shows invalid bytes",
            invalid, invalid == 1 ? "" : "s");
    }
    std::size_t pairs = 0;
    std::size_t highs = 0;
    for (std::size_t i = bad; i + 1 < text.size() && i < bad + 4096; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x81 && c <= 0xFE) {
            ++highs;
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x40 && next <= 0xFE && next != 0x7F) {
                ++pairs;
                ++i;
            }
        }
    }
    if (pairs > 0 && pairs * 2 >= highs) {
        return "the bytes look like GBK/GB18030, common for files saved by Chinese Windows "
               "software; convert it with: iconv -f GB18030 -t UTF-8 FILE > FILE.utf8.json";
    }
    return "save the file as UTF-8";
}

}  // namespace

LoadResult load_document(std::string_view text, std::string file, const LoadOptions& options) {
    LoadResult result;
    result.file = file;
    Diagnostics diagnostics(result.diagnostics);
    const SubjectCatalog& catalog =
        options.catalog != nullptr ? *options.catalog : bundled_catalog();

    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        diagnostics.error("input.empty", SourceLocation{"", 1, 1}, "the file is empty");
        return result;
    }
    if (const auto bad = find_invalid_utf8(text)) {
        const TextPosition at = position_of_offset(text, *bad);
        diagnostics.error(
            "input.not-utf8", SourceLocation{"", at.line, at.column},
            fmt::format("the file is not UTF-8 (byte 0x{:02X} at offset {}); {}",
                        static_cast<unsigned char>(text[*bad]), *bad, encoding_advice(text, *bad)));
        return result;
    }
    JsonParseResult parsed = parse_json_tree(text, options.max_depth);
    if (!parsed.root) {
        const bool too_deep = parsed.error.rfind("nesting deeper", 0) == 0;
        diagnostics.error(
            too_deep ? "json.too-deep" : "json.syntax",
            SourceLocation{"", parsed.error_position.line, parsed.error_position.column},
            parsed.error);
        return result;
    }
    const JsonNode& root = *parsed.root;
    if (root.type != JsonNode::Type::Object) {
        diagnostics.error("schema.wrong-type", locate("", root.position),
                          fmt::format("the top level must be an object with 'budgetcheck', "
                                      "'document' and 'tables', not {}",
                                      type_name(root.type)));
        return result;
    }
    ObjectReader top(
        root, "", diagnostics,
        {"budgetcheck", "document", "profile", "tables", "narrative", "glossary", "source"});
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
    Document document;
    document.file = file;
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
        document.money_unit = read_money_unit(info, MoneyUnit::TenThousandYuan, diagnostics);
        document.published = info.string("published", false, "publication date").value_or("");
        document.unit_code = info.string("unit_code", false, "the unit's code").value_or("");
    }
    if (const JsonNode* source =
            top.get("source", JsonNode::Type::Object, false, "where the transcription came from")) {
        ObjectReader source_reader(*source, "/source", diagnostics, {"file", "notes"});
        source_reader.string("file", false, "the transcribed source");
        source_reader.get("notes", JsonNode::Type::Array, false, "transcription notes");
    }
    if (fatal) {
        return result;
    }
    document.profile =
        read_sections(text, top.get("profile", JsonNode::Type::Array, false, "单位概况 sections"),
                      "/profile", "section", diagnostics);
    document.narrative =
        read_sections(text, top.get("narrative", JsonNode::Type::Array, false, "情况说明 sections"),
                      "/narrative", "section", diagnostics);
    document.glossary =
        read_sections(text, top.get("glossary", JsonNode::Type::Array, false, "名词解释 entries"),
                      "/glossary", "term", diagnostics);
    if (const JsonNode* tables =
            top.get("tables", JsonNode::Type::Array, true, "the printed tables")) {
        for (std::size_t i = 0; i < tables->items.size(); ++i) {
            load_table(text, tables->items[i], i, document, catalog, diagnostics);
        }
    }
    result.document = std::move(document);
    return result;
}

LoadResult load_file(const std::filesystem::path& path, const LoadOptions& options) {
    LoadResult result;
    result.file = path.string();
    Diagnostics diagnostics(result.diagnostics);
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (error || !std::filesystem::exists(status)) {
        diagnostics.error(
            "input.unreadable", {},
            fmt::format("cannot read the file: {}", error ? error.message() : "it does not exist"));
        return result;
    }
    if (std::filesystem::is_directory(status)) {
        diagnostics.error("input.unreadable", {}, "this is a directory, not a file");
        return result;
    }
    const auto size = std::filesystem::file_size(path, error);
    if (!error && size > options.max_file_bytes) {
        diagnostics.error(
            "input.too-large", {},
            fmt::format("the file is {} bytes; budgetcheck reads at most {} bytes per "
                        "disclosure (a disclosure is usually under 1 MB)",
                        size, options.max_file_bytes));
        return result;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diagnostics.error("input.unreadable", {}, "cannot open the file (check its permissions)");
        return result;
    }
    std::ostringstream contents;
    contents << in.rdbuf();
    if (in.bad()) {
        diagnostics.error("input.unreadable", {}, "reading the file failed");
        return result;
    }
    return load_document(contents.str(), path.string(), options);
}

}  // namespace budgetcheck
