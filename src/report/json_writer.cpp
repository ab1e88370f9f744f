#include "json_writer.hpp"

#include <fmt/format.h>

#include "budgetcheck/model/text.hpp"

namespace budgetcheck::report {

// Every writer below passes its text through valid_utf8: a file name in another encoding must
// not make a whole batch's report undecodable.
std::string json_string(std::string_view raw) {
    const std::string text = valid_utf8(raw);
    std::string out = "\"";
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20) {
                    out += fmt::format("\\u{:04x}", c);
                } else {
                    out += ch;
                }
        }
    }
    out += '"';
    return out;
}

std::string xml_escape(std::string_view raw) {
    const std::string text = valid_utf8(raw);
    std::string out;
    for (char ch : text) {
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                if (static_cast<unsigned char>(ch) < 0x20 && ch != '\n' && ch != '\t') {
                    out += ' ';
                } else {
                    out += ch;
                }
        }
    }
    return out;
}

std::string csv_field(std::string_view raw) {
    const std::string text = valid_utf8(raw);
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(text);
    }
    std::string out = "\"";
    for (char ch : text) {
        out += ch == '"' ? "\"\"" : std::string(1, ch);
    }
    out += '"';
    return out;
}

}  // namespace budgetcheck::report
