// The transcription writer: one key per line for the envelope, one line per column and per row,
// so that a reviewer's corrections show up as small diffs.
#include "budgetcheck/report/transcription.hpp"

#include <fmt/format.h>

#include "json_writer.hpp"

namespace budgetcheck::report {

namespace {

std::string money_unit_name(MoneyUnit unit) {
    return std::string(to_string(unit));
}

std::string string_array(const std::vector<PrintedText>& texts) {
    std::string out = "[";
    for (std::size_t i = 0; i < texts.size(); ++i) {
        out += i == 0 ? "" : ", ";
        out += json_string(texts[i].text);
    }
    return out + "]";
}

void sections(std::string& out, std::string_view key, std::string_view heading_key,
              const std::vector<PrintedSection>& sections) {
    if (sections.empty()) {
        return;
    }
    out += fmt::format(",\n  \"{}\": [", key);
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const PrintedSection& s = sections[i];
        out += i == 0 ? "\n" : ",\n";
        out += fmt::format("    {{\"{}\": {}, \"text\": {}", heading_key,
                           json_string(s.heading.text), json_string(s.text.text));
        if (s.source.page != 0) {
            out += fmt::format(", \"page\": {}", s.source.page);
        }
        out += "}";
    }
    out += "\n  ]";
}

void table(std::string& out, const PrintedTable& t) {
    out += fmt::format("    {{\n      \"title\": {}", json_string(t.title.text));
    if (!t.label.empty()) {
        out += fmt::format(",\n      \"label\": {}", json_string(t.label));
    }
    if (t.page != 0) {
        out += fmt::format(",\n      \"page\": {}", t.page);
    }
    if (!t.prepared_by.empty()) {
        out += fmt::format(",\n      \"prepared_by\": {}", json_string(t.prepared_by));
    }
    if (t.money_unit) {
        out += fmt::format(",\n      \"money_unit\": {}", json_string(money_unit_name(*t.money_unit)));
    }
    out += ",\n      \"columns\": [";
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const auto& header = t.columns[c].header;
        out += c == 0 ? "\n        " : ",\n        ";
        // A column with no header text at all is printed as "" (as a transcriber writes it).
        out += header.empty() ? std::string("\"\"")
                              : (header.size() == 1 ? json_string(header.front().text)
                                                    : string_array(header));
    }
    out += "\n      ],\n      \"rows\": [";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        out += r == 0 ? "\n        " : ",\n        ";
        out += string_array(t.rows[r].cells);
    }
    out += "\n      ]";
    if (!t.notes.empty()) {
        out += ",\n      \"notes\": " + string_array(t.notes);
    }
    out += "\n    }";
}

}  // namespace

std::string transcription_json(const PrintedDocument& document,
                               const std::vector<std::string>& sources) {
    std::string out = "{\n  \"budgetcheck\": 1,\n";
    out += fmt::format(
        "  \"document\": {{\"title\": {}, \"unit\": {}, \"year\": {}, \"kind\": {}, "
        "\"money_unit\": {}}}",
        json_string(document.title), json_string(document.unit), document.year,
        json_string(to_string(document.kind)),
        json_string(money_unit_name(document.money_unit)));
    if (sources.size() == 1) {
        out += fmt::format(",\n  \"source\": {{\"file\": {}}}", json_string(sources.front()));
    } else if (sources.size() > 1) {
        std::vector<PrintedText> names;
        for (const std::string& s : sources) {
            names.push_back(PrintedText{s, {}, {}, false});
        }
        out += fmt::format(",\n  \"source\": {{\"files\": {}}}", string_array(names));
    }
    if (!document.contents.empty()) {
        out += ",\n  \"contents\": " + string_array(document.contents);
    }
    sections(out, "profile", "section", document.profile);
    out += ",\n  \"tables\": [";
    for (std::size_t i = 0; i < document.tables.size(); ++i) {
        out += i == 0 ? "\n" : ",\n";
        table(out, document.tables[i]);
    }
    out += document.tables.empty() ? "]" : "\n  ]";
    sections(out, "narrative", "section", document.narrative);
    sections(out, "glossary", "term", document.glossary);
    out += "\n}\n";
    return out;
}

}  // namespace budgetcheck::report
