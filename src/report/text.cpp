// The terminal report: findings grouped by file and table, columns aligned by display width
// (Chinese characters take two cells), colour only when asked for.
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "budgetcheck/model/text.hpp"
#include "formats.hpp"

namespace budgetcheck::report {

namespace {

std::string pad(std::string text, std::size_t width) {
    const std::size_t have = display_width(text);
    if (have < width) {
        text.append(width - have, ' ');
    }
    return text;
}

// The report's own words in each language; the findings bring their own messages.
struct Words {
    std::string_view error, warning, note, accepted, stale;
    std::string_view hint, at, skipped, closest, document, table;
    std::string_view not_checked;
    std::string_view file_counts;  // file, errors, warnings, notes, identities, skipped
    std::string_view suppressed_count, suppressed_by, stale_entry;
    std::string_view claims;  // file, found, verified, mismatched, unverifiable
    std::string_view last_year;
    std::string_view batch;  // files, with errors, unreadable
    std::string_view frequent;
};

constexpr Words english{
    "error", "warning", "note", "accepted", "stale",
    "hint: ", "at ", "skipped", "closest known", "(document)", "{} (table {})",
    "{}: not checked: nothing in it could be read as a disclosure",
    "{}: {} errors, {} warnings, {} notes · {} identities checked, {} checks skipped",
    " · {} suppressed", "suppressed by the baseline: {}",
    "baseline entry {} at {} × {} matches no finding any more",
    "{}: {} claims found in the text: {} verified, {} mismatched, {} unverifiable",
    "{}: last year's figures checked against {}",
    "{} files checked: {} with errors, {} unreadable",
    "most frequent rules: {}",
};

constexpr Words chinese{
    "错误", "警告", "提示", "已接受", "过期",
    "线索：", "位置 ", "未核对", "最接近的已知写法", "（全文）", "{}（表 {}）",
    "{}：未核对：无法读取为预算公开文件",
    "{}：{} 个错误，{} 个警告，{} 个提示 · 已核对 {} 个等式，{} 项未核对",
    " · {} 项已接受", "基线已接受：{}",
    "基线条目 {}（{} × {}）已无对应问题",
    "{}：文中数字 {} 处：{} 处核对一致，{} 处不一致，{} 处无法核对",
    "{}：上年数字已与 {} 核对",
    "共核对 {} 个文件：{} 个有错误，{} 个无法读取",
    "最常见的规则：{}",
};

// Breaks text into lines of at most `width` display columns: at spaces in Latin text, between
// any two characters in Chinese (which has no spaces), never inside a word of Latin letters or
// digits unless it is longer than a line.
std::vector<std::string> wrap(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    if (width == 0 || display_width(text) <= width) {
        lines.emplace_back(text);
        return lines;
    }
    const std::u32string chars = decode_utf8(text);
    std::u32string line;
    std::size_t line_width = 0;
    std::size_t last_break = std::u32string::npos;  // in `line`: where it may be cut
    auto char_width = [](char32_t c) { return display_width(encode_utf8(std::u32string(1, c))); };
    for (char32_t c : chars) {
        const std::size_t w = char_width(c);
        if (line_width + w > width && !line.empty()) {
            std::u32string rest;
            if (last_break != std::u32string::npos && last_break > 0) {
                rest = line.substr(last_break);
                line.resize(last_break);
            }
            while (!line.empty() && line.back() == U' ') {
                line.pop_back();
            }
            lines.push_back(encode_utf8(line));
            while (!rest.empty() && rest.front() == U' ') {
                rest.erase(0, 1);
            }
            line = rest;
            line_width = display_width(encode_utf8(line));
            last_break = std::u32string::npos;
        }
        if (c == U' ' && line.empty()) {
            continue;
        }
        line.push_back(c);
        line_width += w;
        // A break is allowed after a space, and before or after a wide character.
        if (c == U' ' || w == 2) {
            last_break = line.size();
        } else if (line.size() >= 2 && char_width(line[line.size() - 2]) == 2) {
            last_break = line.size() - 1;
        }
    }
    if (!line.empty()) {
        lines.push_back(encode_utf8(line));
    }
    return lines;
}

class TextReporter : public Reporter {
  public:
    TextReporter(std::ostream& out, const ReportOptions& options)
        : out_(out), options_(options),
          words_(options.language == Language::Chinese ? chinese : english) {}

    void file(const FileResult& result) override {
        for (const LoadDiagnostic& d : result.input_diagnostics) {
            const std::string where = located(result, d.where);
            line(fmt::format("{}: {}: {} [{}]{}", where,
                             paint(std::string(d.severity == DiagnosticSeverity::Error
                                                   ? words_.error
                                                   : words_.warning),
                                   d.severity == DiagnosticSeverity::Error ? "31" : "33"),
                             d.message, d.code,
                             d.where.pointer.empty() ? "" : fmt::format(" {}{}", words_.at, d.where.pointer)),
                 4);
            if (!d.suggestions.empty()) {
                std::string list;
                for (const std::string& s : d.suggestions) {
                    list += list.empty() ? s : ", " + s;
                }
                line(fmt::format("    {}: {}", words_.closest, list), 4);
            }
        }
        if (!result.report) {
            line(fmt::format(fmt::runtime(words_.not_checked), result.file), 0);
            return;
        }
        const CheckReport& report = *result.report;
        std::string current;
        for (const Finding& finding : report.findings) {
            const CellRef* cell = finding.cells.empty() ? nullptr : &finding.cells.front();
            const std::string table =
                cell == nullptr
                    ? ""
                    : (cell->table_index >= 0
                           ? fmt::format(fmt::runtime(words_.table), cell->table,
                                         cell->table_index + 1)
                           : cell->table);
            if (table != current) {
                current = table;
                // A table or a section is in one PDF of a disclosure published as two: name it.
                line(fmt::format("{}: {}", cell == nullptr ? result.file : result.file_at(cell->source),
                                 table.empty() ? std::string(words_.document) : table),
                     0);
            }
            print_finding(finding, "");
        }
        for (const Suppressed& s : result.suppressed) {
            print_finding(s.finding,
                          fmt::format(fmt::runtime(words_.suppressed_by), s.justification));
        }
        for (const StaleEntry& e : result.stale) {
            line(fmt::format("  {} {}", paint(std::string(words_.stale), "33"),
                             fmt::format(fmt::runtime(words_.stale_entry), e.rule, e.row,
                                         e.column)),
                 4);
        }
        const ClaimCounts claims = claim_counts(report);
        std::string counts = fmt::format(
            fmt::runtime(words_.file_counts), result.file, result.count(Severity::Error),
            result.count(Severity::Warning), result.count(Severity::Note),
            report.identities_checked, report.skipped.size());
        if (!result.suppressed.empty()) {
            counts += fmt::format(fmt::runtime(words_.suppressed_count), result.suppressed.size());
        }
        line(counts, 4);
        if (claims.found > 0) {
            line(fmt::format(fmt::runtime(words_.claims), result.file, claims.found,
                             claims.verified, claims.mismatched, claims.unverifiable),
                 4);
        }
        if (!result.last_year.empty()) {
            line(fmt::format(fmt::runtime(words_.last_year), result.file, result.last_year), 4);
        }
        for (const SkippedCheck& skipped : report.skipped) {
            line(fmt::format("  {} {}: {}", words_.skipped, skipped.rule_id,
                             reason_of(skipped, options_)),
                 4);
        }
    }

    void finish(const BatchSummary& summary) override {
        line(fmt::format(fmt::runtime(words_.batch), summary.files, summary.files_with_errors,
                         summary.unreadable),
             0);
        if (summary.files > 1 && !summary.frequent_rules.empty()) {
            std::string list;
            for (const auto& [rule, count] : summary.frequent_rules) {
                list += list.empty() ? "" : ", ";
                list += fmt::format("{} ({})", rule, count);
            }
            line(fmt::format(fmt::runtime(words_.frequent), list), 4);
        }
    }

  private:
    std::string paint(const std::string& text, std::string_view code) const {
        return options_.color ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : text;
    }

    // Prints one logical line, wrapped to the terminal's width with continuation lines indented
    // by `indent` more columns than the line's own leading spaces. Colour codes are only ever
    // at the start of a line, where they cannot be cut.
    void line(const std::string& text, std::size_t indent) {
        if (options_.width == 0) {
            fmt::print(out_, "{}\n", text);
            return;
        }
        const std::size_t lead = text.find_first_not_of(' ');
        const std::size_t own = lead == std::string::npos ? 0 : lead;
        const std::string hang(own + indent, ' ');
        const std::size_t room = options_.width > hang.size() + 20 ? options_.width : hang.size() + 20;
        bool first = true;
        for (const std::string& piece : wrap(std::string_view(text).substr(own), room - own)) {
            if (first) {
                fmt::print(out_, "{}{}\n", std::string(own, ' '), piece);
                first = false;
                continue;
            }
            for (const std::string& rest : wrap(piece, room - hang.size())) {
                fmt::print(out_, "{}{}\n", hang, rest);
            }
        }
    }

    void print_finding(const Finding& finding, const std::string& suppressed) {
        const CellRef* cell = finding.cells.empty() ? nullptr : &finding.cells.front();
        const std::string_view severity_word =
            finding.severity == Severity::Error
                ? words_.error
                : (finding.severity == Severity::Warning ? words_.warning : words_.note);
        const std::string severity =
            std::string(suppressed.empty() ? severity_word : words_.accepted);
        const std::string_view colour = finding.severity == Severity::Error
                                            ? "31"
                                            : (finding.severity == Severity::Warning ? "33" : "36");
        const std::string location =
            cell == nullptr
                ? ""
                : (cell->source.page != 0
                       ? fmt::format("p.{}", cell->source.page)
                       : (cell->source.line == 0
                              ? ""
                              : fmt::format("{}:{}", cell->source.line, cell->source.column)));
        // Fixed columns, padded by display width so Chinese labels line up; on a narrow
        // terminal the cell goes on a line of its own.
        const std::string head = fmt::format(
            "  {} {} {}", paint(pad(severity, 8), suppressed.empty() ? colour : "90"),
            pad(finding.rule_id, 38), pad(location, 9));
        const std::string where = cell == nullptr ? "" : place(*cell);
        if (options_.width != 0 && 2 + 9 + 39 + 10 + display_width(where) > options_.width) {
            line(head.substr(0, head.find_last_not_of(' ') + 1), 9);
            line(fmt::format("           {}", where), 2);
        } else {
            line(fmt::format("{} {}", head, where), 9);
        }
        line(fmt::format("           {}", message_of(finding, options_)), 2);
        if (!finding.arithmetic.empty()) {
            line(fmt::format("           {}", finding.arithmetic), 2);
        }
        for (const std::string& hint : hints_of(finding, options_)) {
            line(fmt::format("           {}{}", words_.hint, hint), 2);
        }
        if (!suppressed.empty()) {
            line(fmt::format("           {}", suppressed), 2);
        }
        if (cell != nullptr && !cell->source.pointer.empty()) {
            line(fmt::format("           {}{}", words_.at, cell->source.pointer), 2);
        }
    }

    std::ostream& out_;
    ReportOptions options_;
    const Words& words_;
};

}  // namespace

std::string place(const CellRef& cell) {
    if (cell.column.empty()) {
        return cell.row;
    }
    return fmt::format("{} × {}", cell.row, cell.column);
}

ClaimCounts claim_counts(const CheckReport& report) {
    ClaimCounts counts;
    for (const ClaimResult& claim : report.claims) {
        ++counts.found;
        counts.verified += claim.status == ClaimStatus::Verified ? 1 : 0;
        counts.mismatched += claim.status == ClaimStatus::Mismatched ? 1 : 0;
        counts.unverifiable += claim.status == ClaimStatus::Unverifiable ? 1 : 0;
    }
    return counts;
}

std::unique_ptr<Reporter> make_text(std::ostream& out, const ReportOptions& options) {
    return std::make_unique<TextReporter>(out, options);
}

}  // namespace budgetcheck::report
