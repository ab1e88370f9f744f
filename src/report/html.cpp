// The html report: one self-contained page (inline style and script, no request leaves it) that
// shows each table as printed with the cells behind every finding marked, for people who would
// rather look than read. Marks carry a symbol and a border style as well as a colour, so they
// survive a black-and-white printer and colour blindness.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "budgetcheck/model/text.hpp"
#include "formats.hpp"
#include "json_writer.hpp"

namespace budgetcheck::report {

namespace {

// Above this many files the sections are written as inert text and built when opened: a browser
// parses a script's text without building a node per cell, which keeps a 500-file page light.
constexpr std::size_t inline_files = 20;

struct Words {
    std::string_view report, summary, files, files_with_errors, unreadable, errors, warnings, notes,
        rounding_notes, identities_checked, checks_skipped, claims_found, verified, mismatched,
        unverifiable, suppressed, index, file, title, contents, profile, narrative, other_findings,
        input_problems, not_checked, hint, cells, identities_here, cell_unchecked, close, last_year,
        unit, stale, accepted, claim, no_claim_cells, error, warning, note, print_hint,
        findings_here, pointer, status_verified, status_mismatched, status_unverifiable, rules,
        holds, within_rounding, finding;
};

constexpr Words english{"budgetcheck report",
                        "Summary",
                        "files",
                        "files with errors",
                        "unreadable files",
                        "errors",
                        "warnings",
                        "notes",
                        "of which rounding notes",
                        "identities checked",
                        "checks skipped",
                        "claims found in the text",
                        "claims verified",
                        "claims mismatched",
                        "claims unverifiable",
                        "accepted by the baseline",
                        "Files",
                        "file",
                        "title",
                        "Tables, findings and text",
                        "Profile",
                        "Narrative (情况说明)",
                        "Findings about the document",
                        "Input problems",
                        "not checked: nothing in it could be read as a disclosure",
                        "hint",
                        "cells involved",
                        "identities this cell takes part in",
                        "no identity checked this cell",
                        "close",
                        "last year's figures checked against",
                        "unit: ",
                        "baseline entry matching no finding any more",
                        "accepted",
                        "claim",
                        "checked against no table cell",
                        "error",
                        "warning",
                        "note",
                        "Select a marked cell, claim or finding to see what it takes part in.",
                        "findings this cell takes part in",
                        "JSON pointer",
                        "verified",
                        "mismatched",
                        "unverifiable",
                        "Rules",
                        "holds exactly",
                        "within rounding",
                        "finding"};

constexpr Words chinese{"budgetcheck 检查报告",
                        "概要",
                        "文件",
                        "有错误的文件",
                        "无法读取的文件",
                        "错误",
                        "警告",
                        "提示",
                        "其中舍入提示",
                        "已核对的勾稽关系",
                        "跳过的检查",
                        "文字中的数字",
                        "已核实",
                        "不符",
                        "无法核实",
                        "基线中已接受",
                        "文件列表",
                        "文件",
                        "标题",
                        "表格、问题与文字说明",
                        "单位概况",
                        "情况说明",
                        "关于整份文件的问题",
                        "输入问题",
                        "未检查：文件中没有可读作预算公开的内容",
                        "提示",
                        "涉及的单元格",
                        "此单元格参与的勾稽关系",
                        "没有勾稽关系核对此单元格",
                        "关闭",
                        "上年数字已与此文件核对",
                        "单位：",
                        "基线条目已不再匹配任何问题",
                        "已接受",
                        "文字中的数字",
                        "未与表格单元格核对",
                        "错误",
                        "警告",
                        "提示",
                        "选择标记的单元格、数字或问题，查看其涉及的内容。",
                        "此单元格涉及的问题",
                        "JSON 指针",
                        "已核实",
                        "不符",
                        "无法核实",
                        "规则",
                        "完全相符",
                        "尾差范围内",
                        "发现问题"};

// HTML text and attribute values need what XML needs: the five entities, no control bytes.
std::string escape(std::string_view text) {
    return xml_escape(text);
}

std::string_view symbol(Severity severity) {
    switch (severity) {
        case Severity::Error:
            return "✖";
        case Severity::Warning:
            return "▲";
        case Severity::Note:
            return "●";
    }
    return "?";
}

std::string_view symbol(ClaimStatus status) {
    switch (status) {
        case ClaimStatus::Verified:
            return "✔";
        case ClaimStatus::Mismatched:
            return "✖";
        case ClaimStatus::Unverifiable:
            return "?";
    }
    return "?";
}

// Where a finding's mark goes and which marked places it involves, by key: a table cell, row or
// table by its pointer; a claim by its text's pointer and the figure's line:column, since one
// narrative text holds many claims.
std::string claim_key(const SourceLocation& at) {
    return fmt::format("{}@{}:{}", at.pointer, at.line, at.column);
}

// What one figure of the text comes to when several claims read it: mismatched if any is,
// verified if any is, unverifiable otherwise.
ClaimStatus figure_status(const std::vector<const ClaimResult*>& claims) {
    ClaimStatus status = ClaimStatus::Unverifiable;
    for (const ClaimResult* claim : claims) {
        if (claim->status == ClaimStatus::Mismatched) {
            return ClaimStatus::Mismatched;
        }
        if (claim->status == ClaimStatus::Verified) {
            status = ClaimStatus::Verified;
        }
    }
    return status;
}

// A cell of last year's disclosure names a table of that file: its pointer means nothing here.
bool of_this_file(const CellRef& cell) {
    return cell.table_index >= 0 || cell.source.pointer.rfind("/tables/", 0) != 0;
}

class HtmlReporter : public Reporter {
  public:
    HtmlReporter(std::ostream& out, const ReportOptions& options)
        : out_(out),
          options_(options),
          words_(options.language == Language::Chinese ? chinese : english) {}

    void file(const FileResult& result) override {
        FileEntry entry;
        entry.file = result.file;
        entry.title = result.title;
        entry.unreadable = result.unreadable;
        entry.errors = result.count(Severity::Error);
        entry.warnings = result.count(Severity::Warning);
        entry.notes = result.count(Severity::Note);
        if (result.report) {
            const CheckReport& report = *result.report;
            entry.rounding = static_cast<std::size_t>(
                std::count_if(report.findings.begin(), report.findings.end(),
                              [](const Finding& f) { return f.rule_id == "rounding.explained"; }));
            entry.identities = report.identities_checked;
            entry.skipped = report.skipped.size();
            entry.claims = claim_counts(report);
            for (const Finding& finding : report.findings) {
                rules_shown_.insert(finding.rule_id);
            }
            for (const CheckedIdentity& identity : report.identities) {
                rules_shown_.insert(identity.rule_id);
            }
        }
        entry.suppressed = result.suppressed.size();
        entry.section = file_section(result, files_.size() + 1);
        files_.push_back(std::move(entry));
    }

    void finish(const BatchSummary& summary) override {
        const bool lazy = files_.size() > inline_files;
        fmt::print(out_,
                   "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                   // Nothing the page does may reach the network, even if a text slipped through.
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
                   "<meta name=\"generator\" content=\"budgetcheck {}\">"
                   "<title>{}</title><style>{}</style></head>\n<body>\n",
                   options_.language == Language::Chinese ? "zh-CN" : "en",
                   escape(options_.tool_version), escape(words_.report), style());
        fmt::print(out_, "<header><h1>{}</h1><p class=\"tool\">budgetcheck {}</p></header>\n",
                   escape(words_.report), escape(options_.tool_version));
        print_summary(summary);
        if (files_.size() > 1) {
            print_index();
        }
        for (std::size_t i = 0; i < files_.size(); ++i) {
            const FileEntry& entry = files_[i];
            fmt::print(out_, "{}", entry.section.head);
            if (!entry.section.body.empty()) {
                if (lazy) {
                    fmt::print(out_,
                               "<details class=\"body\"><summary>{}</summary>"
                               "<script type=\"text/x-budgetcheck-section\">{}</script></details>",
                               escape(words_.contents), entry.section.body);
                } else {
                    fmt::print(out_,
                               "<details class=\"body\" open><summary>{}</summary>{}</details>",
                               escape(words_.contents), entry.section.body);
                }
            }
            fmt::print(out_, "</section>\n");
        }
        print_rules();
        fmt::print(out_,
                   "<aside id=\"panel\" hidden><button type=\"button\" class=\"close\" "
                   "aria-label=\"{0}\">✕ {0}</button><div class=\"content\"></div></aside>\n",
                   escape(words_.close));
        fmt::print(out_,
                   // Script text is not HTML: the words go in as JSON strings, not entities.
                   "<script>const WORDS={{identities:{},unchecked:{},findings:{},pointer:{},"
                   "cells:{},noCells:{},verdicts:{{holds:{},\"within-rounding\":{},finding:{}}}}};"
                   "{}</script>\n</body></html>\n",
                   json_string(words_.identities_here), json_string(words_.cell_unchecked),
                   json_string(words_.findings_here), json_string(words_.pointer),
                   json_string(words_.cells), json_string(words_.no_claim_cells),
                   json_string(words_.holds), json_string(words_.within_rounding),
                   json_string(words_.finding), script());
    }

  private:
    struct Section {
        std::string head;  // heading, counts, input problems: always in the page
        std::string body;  // tables, narrative, findings: built when opened in a large batch
    };

    struct FileEntry {
        std::string file, title;
        bool unreadable = false;
        std::size_t errors = 0, warnings = 0, notes = 0, rounding = 0, identities = 0, skipped = 0,
                    suppressed = 0;
        ClaimCounts claims;
        Section section;
    };

    // What the page marks in one file: each finding's anchor and every place it involves.
    struct Marks {
        std::map<std::string, std::vector<std::size_t>> involved;  // key → findings
        std::map<std::string, Severity> anchored;                  // key → most severe
        std::unordered_set<std::string> checked;                   // cells in a checked identity
        // A cell's pointer → the identities it takes part in ("3 17 42", indexes into the file's
        // list of identities).
        std::unordered_map<std::string, std::string> identities;
    };

    std::string_view severity_word(Severity severity) const {
        switch (severity) {
            case Severity::Error:
                return words_.error;
            case Severity::Warning:
                return words_.warning;
            case Severity::Note:
                return words_.note;
        }
        return "";
    }

    std::string_view status_word(ClaimStatus status) const {
        switch (status) {
            case ClaimStatus::Verified:
                return words_.status_verified;
            case ClaimStatus::Mismatched:
                return words_.status_mismatched;
            case ClaimStatus::Unverifiable:
                return words_.status_unverifiable;
        }
        return "";
    }

    void print_summary(const BatchSummary& summary) {
        std::size_t errors = 0, warnings = 0, notes = 0, rounding = 0, identities = 0, skipped = 0,
                    suppressed = 0;
        ClaimCounts claims;
        for (const FileEntry& entry : files_) {
            errors += entry.errors;
            warnings += entry.warnings;
            notes += entry.notes;
            rounding += entry.rounding;
            identities += entry.identities;
            skipped += entry.skipped;
            suppressed += entry.suppressed;
            claims.found += entry.claims.found;
            claims.verified += entry.claims.verified;
            claims.mismatched += entry.claims.mismatched;
            claims.unverifiable += entry.claims.unverifiable;
        }
        const std::pair<std::string_view, std::size_t> rows[] = {
            {"files", summary.files},
            {"files_with_errors", summary.files_with_errors},
            {"unreadable", summary.unreadable},
            {"errors", errors},
            {"warnings", warnings},
            {"notes", notes},
            {"rounding_notes", rounding},
            {"identities_checked", identities},
            {"checks_skipped", skipped},
            {"claims_found", claims.found},
            {"claims_verified", claims.verified},
            {"claims_mismatched", claims.mismatched},
            {"claims_unverifiable", claims.unverifiable},
            {"suppressed", suppressed},
        };
        const std::string_view labels[] = {
            words_.files,          words_.files_with_errors,  words_.unreadable,
            words_.errors,         words_.warnings,           words_.notes,
            words_.rounding_notes, words_.identities_checked, words_.checks_skipped,
            words_.claims_found,   words_.verified,           words_.mismatched,
            words_.unverifiable,   words_.suppressed,
        };
        fmt::print(out_, "<section id=\"summary\"><h2>{}</h2><dl class=\"counts\">",
                   escape(words_.summary));
        for (std::size_t i = 0; i < std::size(rows); ++i) {
            const auto& [key, value] = rows[i];
            const bool bad = key == "errors" || key == "files_with_errors" || key == "unreadable" ||
                             key == "claims_mismatched";
            const std::string_view tone =
                value == 0 ? "" : (bad ? " bad" : (key == "warnings" ? " warn" : ""));
            fmt::print(out_,
                       "<div class=\"count{}\" data-count=\"{}\"><dt>{}</dt><dd>{}</dd></div>",
                       tone, key, escape(labels[i]), value);
        }
        fmt::print(out_, "</dl><p class=\"help\">{}</p></section>\n", escape(words_.print_hint));
    }

    // Every rule the page names, with its title: what a rule id in a finding or an identity links
    // to, since the page may link to nothing outside itself.
    void print_rules() {
        if (rules_shown_.empty()) {
            return;
        }
        fmt::print(out_, "<section id=\"rules\"><h2>{}</h2><dl>", escape(words_.rules));
        for (const RuleInfo& rule : all_rules()) {
            if (rules_shown_.count(rule.id) == 0) {
                continue;
            }
            fmt::print(
                out_, "<dt id=\"rule-{0}\" data-n=\"{1}\"><code>{0}</code></dt><dd>{2}</dd>",
                escape(rule.id), &rule - all_rules().data(),
                escape(options_.language == Language::Chinese ? rule.title_zh : rule.title_en));
        }
        fmt::print(out_, "</dl></section>\n");
    }

    void print_index() {
        fmt::print(
            out_,
            "<section id=\"index\"><h2>{}</h2><table class=\"sortable\"><thead><tr>"
            "<th data-sort=\"text\" aria-sort=\"ascending\">{}</th><th data-sort=\"text\">{}</th>"
            "<th data-sort=\"number\">{}</th><th data-sort=\"number\">{}</th>"
            "<th data-sort=\"number\">{}</th><th data-sort=\"number\">{}</th>"
            "<th data-sort=\"number\">{}</th></tr></thead><tbody>",
            escape(words_.index), escape(words_.file), escape(words_.title), escape(words_.errors),
            escape(words_.warnings), escape(words_.notes), escape(words_.mismatched),
            escape(words_.unverifiable));
        for (std::size_t i = 0; i < files_.size(); ++i) {
            const FileEntry& entry = files_[i];
            fmt::print(out_,
                       "<tr{}><td data-v=\"{:06}\"><a href=\"#file-{}\">{}</a></td><td>{}</td>"
                       "<td data-v=\"{}\">{}</td><td data-v=\"{}\">{}</td><td data-v=\"{}\">{}</td>"
                       "<td data-v=\"{}\">{}</td><td data-v=\"{}\">{}</td></tr>",
                       entry.unreadable || entry.errors > 0 ? " class=\"bad\"" : "", i + 1, i + 1,
                       escape(entry.file), escape(entry.title), entry.errors, entry.errors,
                       entry.warnings, entry.warnings, entry.notes, entry.notes,
                       entry.claims.mismatched, entry.claims.mismatched, entry.claims.unverifiable,
                       entry.claims.unverifiable);
        }
        fmt::print(out_, "</tbody></table></section>\n");
    }

    Section file_section(const FileResult& result, std::size_t number) {
        Section section;
        std::string& head = section.head;
        head += fmt::format("<section class=\"file\" id=\"file-{}\" data-file=\"{}\"><h2>{}</h2>",
                            number, escape(result.file), escape(result.file));
        if (!result.title.empty()) {
            head += fmt::format("<p class=\"doc-title\">{}</p>", escape(result.title));
        }
        const ClaimCounts claims = result.report ? claim_counts(*result.report) : ClaimCounts{};
        head += fmt::format(
            "<p class=\"file-counts\"><span class=\"sev-error\" data-count=\"errors\">{} {} "
            "{}</span>"
            " · <span class=\"sev-warning\" data-count=\"warnings\">{} {} {}</span>"
            " · <span class=\"sev-note\" data-count=\"notes\">{} {} {}</span>",
            symbol(Severity::Error), result.count(Severity::Error), escape(words_.errors),
            symbol(Severity::Warning), result.count(Severity::Warning), escape(words_.warnings),
            symbol(Severity::Note), result.count(Severity::Note), escape(words_.notes));
        if (result.report) {
            head += fmt::format(
                " · <span data-count=\"identities_checked\">{} {}</span>"
                " · <span data-count=\"checks_skipped\">{} {}</span>"
                " · <span data-count=\"claims_verified\">✔ {} {}</span>"
                " · <span data-count=\"claims_mismatched\">✖ {} {}</span>"
                " · <span data-count=\"claims_unverifiable\">? {} {}</span>",
                result.report->identities_checked, escape(words_.identities_checked),
                result.report->skipped.size(), escape(words_.checks_skipped), claims.verified,
                escape(words_.verified), claims.mismatched, escape(words_.mismatched),
                claims.unverifiable, escape(words_.unverifiable));
        }
        head += "</p>";
        if (!result.last_year.empty()) {
            head += fmt::format("<p class=\"last-year\">{}: {}</p>", escape(words_.last_year),
                                escape(result.last_year));
        }
        if (!result.input_diagnostics.empty()) {
            head += fmt::format("<h3>{}</h3><ul class=\"inputs\">", escape(words_.input_problems));
            for (const LoadDiagnostic& d : result.input_diagnostics) {
                const Severity severity =
                    d.severity == DiagnosticSeverity::Error ? Severity::Error : Severity::Warning;
                head += fmt::format(
                    "<li class=\"sev-{}\"><span class=\"sym\">{}</span> <b>{}</b> {} "
                    "<code>[{}]</code>",
                    to_string(severity), symbol(severity), escape(severity_word(severity)),
                    escape(d.message), escape(d.code));
                if (d.where.line != 0 || !d.where.pointer.empty()) {
                    head += fmt::format(" <span class=\"at\">{} {}:{}</span>",
                                        escape(d.where.pointer), d.where.line, d.where.column);
                }
                head += "</li>";
            }
            head += "</ul>";
        }
        if (!result.report) {
            head += fmt::format("<p class=\"sev-error\">{}</p>", escape(words_.not_checked));
            return section;
        }
        section.body = file_body(result, number);
        return section;
    }

    Marks marks_of(const CheckReport& report) const {
        Marks marks;
        std::set<std::string> claim_keys;
        for (const ClaimResult& claim : report.claims) {
            claim_keys.insert(claim_key(claim.claim.source.location));
        }
        for (std::size_t i = 0; i < report.findings.size(); ++i) {
            const Finding& finding = report.findings[i];
            for (std::size_t c = 0; c < finding.cells.size(); ++c) {
                const CellRef& cell = finding.cells[c];
                if (!of_this_file(cell) || cell.source.pointer.empty()) {
                    continue;
                }
                const std::string at = claim_key(cell.source);
                const std::string key = claim_keys.count(at) != 0 ? at : cell.source.pointer;
                auto& list = marks.involved[key];
                if (list.empty() || list.back() != i) {
                    list.push_back(i);
                }
                if (c == 0) {
                    auto [it, fresh] = marks.anchored.emplace(key, finding.severity);
                    if (!fresh &&
                        static_cast<int>(finding.severity) < static_cast<int>(it->second)) {
                        it->second = finding.severity;
                    }
                }
            }
        }
        marks.checked.insert(report.cells_checked.begin(), report.cells_checked.end());
        for (std::size_t i = 0; i < report.identities.size(); ++i) {
            for (const std::string& pointer : report.identities[i].cells) {
                std::string& list = marks.identities[pointer];
                list += fmt::format("{}{}", list.empty() ? "" : " ", i);
            }
        }
        return marks;
    }

    // The attributes and the symbol of a marked place; empty when nothing marks it.
    struct Mark {
        std::string classes;
        std::string attributes;
        std::string symbol;
    };

    Mark mark_of(const Marks& marks, const std::string& key, const std::string& pointer) const {
        return mark_of(marks, std::vector<std::string>{key}, pointer);
    }

    // The mark of a place that several keys name (a figure of the text several claims read).
    Mark mark_of(const Marks& marks, const std::vector<std::string>& keys,
                 const std::string& pointer, bool table_cell = true) const {
        Mark mark;
        std::set<std::size_t> findings;
        std::optional<Severity> worst;
        for (const std::string& key : keys) {
            const auto involved = marks.involved.find(key);
            if (involved != marks.involved.end()) {
                findings.insert(involved->second.begin(), involved->second.end());
            }
            const auto anchored = marks.anchored.find(key);
            if (anchored != marks.anchored.end() &&
                (!worst || static_cast<int>(anchored->second) < static_cast<int>(*worst))) {
                worst = anchored->second;
            }
        }
        if (!findings.empty()) {
            std::string list;
            for (const std::size_t i : findings) {
                list += fmt::format("{}{}", list.empty() ? "" : " ", i);
            }
            mark.attributes = fmt::format(" data-p=\"{}\" data-f=\"{}\"", escape(pointer), list);
            if (worst) {
                mark.classes = fmt::format("m-{}", to_string(*worst));
                mark.symbol = fmt::format("<i class=\"sym\" title=\"{}\">{}</i>",
                                          escape(severity_word(*worst)), symbol(*worst));
            } else {
                mark.classes = "inv";
            }
        }
        // Whether an identity used it says something of a cell, nothing of a text.
        if (table_cell && marks.checked.count(pointer) != 0) {
            mark.classes += mark.classes.empty() ? "k" : " k";
        }
        if (table_cell) {
            const auto identities = marks.identities.find(pointer);
            if (identities != marks.identities.end()) {
                mark.attributes += fmt::format(" data-k=\"{}\"", identities->second);
            }
        }
        return mark;
    }

    std::string file_body(const FileResult& result, std::size_t number) const {
        const CheckReport& report = *result.report;
        const Marks marks = marks_of(report);
        // Findings grouped under the table their first cell is in; the rest after the narrative.
        std::map<int, std::vector<std::size_t>> by_table;
        std::vector<std::size_t> elsewhere;
        std::set<int> shown;
        if (result.as_printed) {
            for (const PrintedTableView& table : result.as_printed->tables) {
                shown.insert(table.index);
            }
        }
        for (std::size_t i = 0; i < report.findings.size(); ++i) {
            const Finding& finding = report.findings[i];
            const int table = finding.cells.empty() ? -1 : finding.cells.front().table_index;
            if (table >= 0 && shown.count(table) != 0) {
                by_table[table].push_back(i);
            } else {
                elsewhere.push_back(i);
            }
        }
        std::multimap<std::string, const ClaimResult*> claims_by_text;
        for (const ClaimResult& claim : report.claims) {
            claims_by_text.emplace(claim.claim.source.location.pointer, &claim);
        }
        std::string body;
        if (result.as_printed) {
            const PrintedDocumentView& view = *result.as_printed;
            body += "<nav class=\"toc\"><ol>";
            for (const PrintedTableView& table : view.tables) {
                body += fmt::format("<li><a href=\"#file-{}-t{}\">{}</a></li>", number, table.index,
                                    escape(table.title));
            }
            body += "</ol></nav>";
            for (const PrintedTableView& table : view.tables) {
                body += table_html(table, number, marks, claims_by_text);
                const auto findings = by_table.find(table.index);
                if (findings != by_table.end()) {
                    body += findings_html(report, findings->second, number);
                }
            }
            body += texts_html(words_.profile, view.profile, marks, claims_by_text);
            body += texts_html(words_.narrative, view.narrative, marks, claims_by_text);
        }
        if (!elsewhere.empty()) {
            body += fmt::format("<h3>{}</h3>", escape(words_.other_findings));
            body += findings_html(report, elsewhere, number);
        }
        if (!result.suppressed.empty() || !result.stale.empty()) {
            body += fmt::format("<details class=\"accepted\"><summary>{} {}</summary><ul>",
                                result.suppressed.size(), escape(words_.suppressed));
            for (const Suppressed& s : result.suppressed) {
                body +=
                    fmt::format("<li>{} <code>{}</code> {} — <i>{}</i></li>",
                                escape(words_.accepted), escape(s.finding.rule_id),
                                escape(message_of(s.finding, options_)), escape(s.justification));
            }
            for (const StaleEntry& e : result.stale) {
                body += fmt::format("<li>{}: <code>{}</code> {} × {} — <i>{}</i></li>",
                                    escape(words_.stale), escape(e.rule), escape(e.row),
                                    escape(e.column), escape(e.justification));
            }
            body += "</ul></details>";
        }
        body += identities_html(report);
        if (!report.skipped.empty()) {
            body += fmt::format("<details class=\"skipped\"><summary>{} {}</summary><ul>",
                                report.skipped.size(), escape(words_.checks_skipped));
            for (const SkippedCheck& s : report.skipped) {
                body += fmt::format("<li><code>{}</code>: {}</li>", escape(s.rule_id),
                                    escape(reason_of(s, options_)));
            }
            body += "</ul></details>";
        }
        return body;
    }

    // The file's checked identities, inert in a <template> until a selected cell (data-k) asks
    // for its own: a disclosure has hundreds, which need no element each until then. They are
    // written tersely, since a batch holds hundreds of thousands: line n is identity n, "RULE V
    // STATEMENT", the rule by its number in the page's list of rules, the verdict by one letter
    // (h, w, f).
    std::string identities_html(const CheckReport& report) const {
        if (report.identities.empty()) {
            return "";
        }
        const bool in_chinese = options_.language == Language::Chinese;
        const auto rules = all_rules();
        std::string out = "<template class=\"identities\">";
        for (const CheckedIdentity& identity : report.identities) {
            const RuleInfo* rule = find_rule(identity.rule_id);
            if (identity.cells.empty() || rule == nullptr) {
                out += "\n";  // no cell to select it by; its line keeps the numbering
                continue;
            }
            const std::string& statement =
                in_chinese ? identity.statement_zh : identity.statement_en;
            // A check described by its rule's title (one per figure, for some rules) leaves the
            // words to the list of rules, which has them once.
            const bool titled = statement == (in_chinese ? rule->title_zh : rule->title_en);
            std::string said = titled ? std::string() : escape(statement);
            std::replace(said.begin(), said.end(), '\n', ' ');
            out += fmt::format("{} {} {}\n", rule - rules.data(),
                               to_string(identity.verdict).front(), said);
        }
        return out + "</template>";
    }

    std::string table_html(const PrintedTableView& table, std::size_t number, const Marks& marks,
                           const std::multimap<std::string, const ClaimResult*>& claims) const {
        const Mark whole = mark_of(marks, table.pointer, table.pointer);
        std::string out = fmt::format(
            "<section class=\"table\" id=\"file-{}-t{}\" data-t=\"{}\"><h3{}{}>{}{}{}</h3>"
            "<p class=\"unit\">{}{}</p><div class=\"scroll\"><table class=\"printed\">",
            number, table.index, table.index,
            whole.classes.empty() ? "" : fmt::format(" class=\"{}\"", whole.classes),
            whole.attributes, escape(table.title),
            table.label.empty() ? "" : fmt::format(" <small>{}</small>", escape(table.label)),
            whole.symbol, escape(words_.unit), escape(table.unit));
        if (!table.header.empty()) {
            out += "<thead>";
            for (const auto& row : table.header) {
                out += "<tr>";
                for (const HeaderCellView& cell : row) {
                    out += "<th";
                    if (cell.columns > 1) {
                        out += fmt::format(" colspan=\"{}\"", cell.columns);
                    }
                    if (cell.rows > 1) {
                        out += fmt::format(" rowspan=\"{}\"", cell.rows);
                    }
                    out += fmt::format(">{}</th>", escape(cell.text));
                }
                out += "</tr>";
            }
            out += "</thead>";
        }
        out += "<tbody>";
        for (const PrintedRowView& row : table.rows) {
            const Mark line =
                row.pointer.empty() ? Mark{} : mark_of(marks, row.pointer, row.pointer);
            std::string classes = line.classes;
            if (row.total) {
                classes += classes.empty() ? "t" : " t";
            }
            if (row.heading) {
                classes += classes.empty() ? "h" : " h";
            }
            out += fmt::format("<tr{}{}>",
                               classes.empty() ? "" : fmt::format(" class=\"{}\"", classes),
                               line.attributes);
            bool row_symbol = !line.symbol.empty();
            for (const PrintedCellView& cell : row.cells) {
                const Mark mark =
                    cell.pointer.empty() ? Mark{} : mark_of(marks, cell.pointer, cell.pointer);
                std::string cell_classes = mark.classes;
                if (cell.figure) {
                    cell_classes += cell_classes.empty() ? "n" : " n";
                }
                out += "<td";
                if (!cell_classes.empty()) {
                    out += fmt::format(" class=\"{}\"", cell_classes);
                }
                if (cell.span > 1) {
                    out += fmt::format(" colspan=\"{}\"", cell.span);
                }
                if (cell.indent > 0) {
                    out += fmt::format(" style=\"--i:{}\"", cell.indent);
                }
                out += mark.attributes;
                out += ">";
                // A finding about the whole row shows its symbol in the row's first cell.
                if (row_symbol) {
                    out += line.symbol;
                    row_symbol = false;
                }
                out += escape(cell.text);
                out += mark.symbol;
                out += "</td>";
            }
            out += "</tr>";
        }
        out += "</tbody></table></div>";
        for (const PrintedTextView& note : table.notes) {
            out += marked_paragraph("note", note, marks, claims);
        }
        out += "</section>";
        return out;
    }

    std::string texts_html(std::string_view heading, const std::vector<PrintedTextView>& texts,
                           const Marks& marks,
                           const std::multimap<std::string, const ClaimResult*>& claims) const {
        if (texts.empty()) {
            return "";
        }
        std::string out = fmt::format("<section class=\"text\"><h3>{}</h3>", escape(heading));
        for (const PrintedTextView& text : texts) {
            if (!text.heading.empty()) {
                out += fmt::format("<h4>{}</h4>", escape(text.heading));
            }
            out += marked_paragraph("", text, marks, claims);
        }
        return out + "</section>";
    }

    // A paragraph of text, marked itself by the findings about the whole text (a unit name
    // that differs from the document's) and each of its figures by its claim.
    std::string marked_paragraph(
        std::string_view kind, const PrintedTextView& text, const Marks& marks,
        const std::multimap<std::string, const ClaimResult*>& claims) const {
        const Mark mark = mark_of(marks, {text.pointer}, text.pointer, false);
        std::string classes(kind);
        if (!mark.classes.empty()) {
            classes += classes.empty() ? mark.classes : " " + mark.classes;
        }
        return fmt::format("<p{}{}>{}{}</p>",
                           classes.empty() ? "" : fmt::format(" class=\"{}\"", classes),
                           mark.attributes, mark.symbol, marked_text(text, marks, claims));
    }

    // The text with each claim's figure wrapped in a mark of its status, and of the findings
    // about it. The figure runs from the claim's offset over its digits, separators and %.
    std::string marked_text(const PrintedTextView& text, const Marks& marks,
                            const std::multimap<std::string, const ClaimResult*>& claims) const {
        const std::u32string points = decode_utf8(text.text);
        std::vector<const ClaimResult*> here;
        const auto [from, to] = claims.equal_range(text.pointer);
        for (auto it = from; it != to; ++it) {
            if (it->second->claim.offset < points.size()) {
                here.push_back(it->second);
            }
        }
        std::stable_sort(here.begin(), here.end(), [](const ClaimResult* a, const ClaimResult* b) {
            return a->claim.offset < b->claim.offset;
        });
        std::string out;
        std::size_t at = 0;
        // Claims read from one figure (a count and the breakdown it heads) share one mark.
        std::vector<std::vector<const ClaimResult*>> figures;
        std::size_t figure_end = 0;
        for (const ClaimResult* claim : here) {
            if (!figures.empty() && claim->claim.offset < figure_end) {
                figures.back().push_back(claim);
                continue;
            }
            figures.push_back({claim});
            figure_end = claim->claim.offset;
            while (figure_end < points.size() &&
                   std::u32string_view(U"0123456789.,%-+").find(points[figure_end]) !=
                       std::u32string_view::npos) {
                ++figure_end;
            }
            figure_end = std::max(figure_end, claim->claim.offset + 1);
        }
        for (const auto& figure : figures) {
            const std::size_t start = figure.front()->claim.offset;
            std::size_t end = start;
            while (end < points.size() &&
                   std::u32string_view(U"0123456789.,%-+").find(points[end]) !=
                       std::u32string_view::npos) {
                ++end;
            }
            end = std::max(end, start + 1);
            out += escape(encode_utf8(std::u32string_view(points).substr(at, start - at)));
            const ClaimStatus status = figure_status(figure);
            std::vector<std::string> keys;
            std::string reasons, cells, positions;
            for (const ClaimResult* claim : figure) {
                const SourceLocation& location = claim->claim.source.location;
                keys.push_back(claim_key(location));
                const std::string position = fmt::format("{}:{}", location.line, location.column);
                if (positions.find(position) == std::string::npos) {
                    positions += positions.empty() ? position : " " + position;
                }
                const std::string& reason =
                    options_.language == Language::Chinese && !claim->reason_zh.empty()
                        ? claim->reason_zh
                        : claim->reason;
                reasons += fmt::format("{}{}: {}", reasons.empty() ? "" : " · ",
                                       status_word(claim->status), reason);
                for (const CellRef& cell : claim->cells) {
                    if (!cell.source.pointer.empty() && of_this_file(cell)) {
                        cells += cells.empty() ? "" : "|";
                        cells += cell.source.pointer;
                    }
                }
            }
            const Mark mark = mark_of(marks, keys, text.pointer, false);
            out += fmt::format(
                "<span class=\"claim c-{}{}\" data-at=\"{}\" data-status=\"{}\" "
                "data-reason=\"{}\" data-cells=\"{}\"{}{}>{}<i class=\"cs\">{}</i>{}</span>",
                to_string(status), mark.classes.empty() ? "" : " " + mark.classes, positions,
                escape(status_word(status)), escape(reasons), escape(cells),
                mark.attributes.empty() ? fmt::format(" data-p=\"{}\"", escape(text.pointer)) : "",
                mark.attributes,
                escape(encode_utf8(std::u32string_view(points).substr(start, end - start))),
                symbol(status), mark.symbol);
            at = end;
        }
        out += escape(encode_utf8(std::u32string_view(points).substr(at)));
        return out;
    }

    std::string findings_html(const CheckReport& report, const std::vector<std::size_t>& which,
                              std::size_t number) const {
        std::string out = "<ol class=\"findings\">";
        for (const std::size_t i : which) {
            const Finding& finding = report.findings[i];
            const CellRef* first = finding.cells.empty() ? nullptr : &finding.cells.front();
            std::string pointers;
            for (const CellRef& cell : finding.cells) {
                if (of_this_file(cell) && !cell.source.pointer.empty()) {
                    pointers += pointers.empty() ? "" : "|";
                    pointers += cell.source.pointer;
                }
            }
            out += fmt::format(
                "<li><details class=\"finding sev-{}\" id=\"file-{}-f{}\" data-i=\"{}\" "
                "data-rule=\"{}\" data-cells=\"{}\"><summary><span class=\"sym\">{}</span> "
                "<b>{}</b> {} {}<span class=\"msg\">{}</span></summary>",
                to_string(finding.severity), number, i, i, escape(finding.rule_id),
                escape(pointers), symbol(finding.severity), escape(severity_word(finding.severity)),
                find_rule(finding.rule_id) == nullptr
                    ? fmt::format("<code>{}</code>", escape(finding.rule_id))
                    : fmt::format("<a class=\"rule\" href=\"#rule-{0}\"><code>{0}</code></a>",
                                  escape(finding.rule_id)),
                first == nullptr
                    ? ""
                    : fmt::format("<span class=\"place\">{}</span> ", escape(place(*first))),
                escape(message_of(finding, options_)));
            if (!finding.arithmetic.empty()) {
                out += fmt::format("<p class=\"arithmetic\">{}</p>", escape(finding.arithmetic));
            }
            for (const std::string& hint : hints_of(finding, options_)) {
                out +=
                    fmt::format("<p class=\"hint\">{}: {}</p>", escape(words_.hint), escape(hint));
            }
            out += fmt::format("<p class=\"cells-title\">{}</p><ul class=\"cells\">",
                               escape(words_.cells));
            for (const CellRef& cell : finding.cells) {
                const bool here = of_this_file(cell) && !cell.source.pointer.empty();
                out += fmt::format(
                    "<li>{}{} <b>{}</b> {} <span class=\"at\">{} {}:{}</span>{}</li>",
                    here ? fmt::format("<a href=\"#\" data-go=\"{}\">", escape(cell.source.pointer))
                         : "",
                    escape(cell.table), escape(place(cell)), escape(cell.printed),
                    escape(cell.source.pointer), cell.source.line, cell.source.column,
                    here ? "</a>" : "");
            }
            out += "</ul></details></li>";
        }
        return out + "</ol>";
    }

    static std::string_view style() {
        return R"CSS(
:root{--err:#b00020;--warn:#8a5a00;--note:#1f5f8b;--ok:#1b6e3a;--line:#c8c8c8;--hl:#fff3b0}
*{box-sizing:border-box}
body{font:14px/1.5 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0 auto;padding:1em 1.5em 6em;max-width:1200px;color:#1a1a1a}
h1{margin:.2em 0 0}.tool{color:#666;margin:0 0 1em}
h2{border-bottom:2px solid #333;margin-top:2em}
.counts{display:flex;flex-wrap:wrap;gap:.4em;margin:0}
.count{border:1px solid var(--line);padding:.3em .7em;border-radius:4px;min-width:8em}
.count dt{font-size:.85em;color:#555}.count dd{margin:0;font-size:1.4em;font-weight:600}
.count.bad{border:2px solid var(--err)}.count.bad dd{color:var(--err)}
.count.warn{border:2px dashed var(--warn)}
.help{color:#555;font-size:.9em}
#index table{border-collapse:collapse;width:100%}
#index th,#index td{border-bottom:1px solid var(--line);padding:.2em .5em;text-align:left}
#index td[data-v]:not(:first-child){text-align:right}
#index th{cursor:pointer;user-select:none;background:#f3f3f3}
#index th[aria-sort=ascending]::after{content:" ▲"}#index th[aria-sort=descending]::after{content:" ▼"}
#index tr.bad td:first-child::before{content:"✖ ";color:var(--err)}
.file-counts span{white-space:nowrap}
.sev-error,.sev-error .sym{color:var(--err)}.sev-warning .sym,span.sev-warning{color:var(--warn)}.sev-note .sym,span.sev-note{color:var(--note)}
.doc-title{font-weight:600;margin:.2em 0}
details.body>summary{cursor:pointer;font-weight:600;margin:.5em 0}
.toc ol{columns:2;font-size:.9em}
section.table{margin:1.5em 0;break-inside:auto}
section.table h3{margin:.3em 0}.unit{margin:0;color:#555;font-size:.9em;text-align:right}
.scroll{overflow-x:auto}
table.printed{border-collapse:collapse;font-size:13px;width:100%}
table.printed th,table.printed td{border:1px solid #999;padding:.15em .4em;vertical-align:top}
table.printed th{background:#eee;font-weight:600;text-align:center}
table.printed td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.printed td[style]{padding-left:calc(.4em + var(--i)*1.3em)}
tr.t td{font-weight:600}tr.h td{background:#f3f3f3;font-weight:600}
.sym{font-style:normal;font-weight:700;margin:0 .15em}
.m-error{outline:3px solid var(--err);outline-offset:-3px;background:#fde8ea}
.m-warning{outline:2px dashed var(--warn);outline-offset:-2px;background:#fdf3dc}
.m-note{outline:2px dotted var(--note);outline-offset:-2px;background:#e5f0f8}
.m-error>.sym{color:var(--err)}.m-warning>.sym{color:var(--warn)}.m-note>.sym{color:var(--note)}
[data-f]{cursor:pointer}.inv{text-decoration:underline dotted}
.hl{box-shadow:inset 0 0 0 3px #000;background:var(--hl)!important}
.sel{box-shadow:inset 0 0 0 3px #5b2a86}
ol.findings{padding-left:1.5em}
.finding>summary{cursor:pointer}.finding[open]{background:#fafafa;border-left:3px solid #333;padding-left:.5em}
.finding .place{font-weight:600}.arithmetic{font-family:ui-monospace,monospace;margin:.2em 0}
.hint{margin:.2em 0;font-style:italic}.cells-title{margin:.2em 0;font-size:.9em;color:#555}
.at{color:#666;font-size:.85em;font-family:ui-monospace,monospace}
section.text p{white-space:pre-wrap}
.claim{border-bottom:2px solid;cursor:pointer;padding:0 .1em}
.claim .cs{font-style:normal;font-size:.8em;vertical-align:super}
.c-verified{border-color:var(--ok)}.c-verified .cs{color:var(--ok)}
.c-mismatched{border-bottom:3px double var(--err)}.c-mismatched .cs{color:var(--err)}
.c-unverifiable{border-bottom:2px dotted #777}.c-unverifiable .cs{color:#555}
.note{font-size:.9em;color:#333}
ol.identities{padding-left:1.5em}ol.identities .arithmetic{display:inline}
.identity .verdict{white-space:nowrap;font-weight:600}
.v-holds .verdict{color:var(--ok)}.v-within-rounding .verdict{color:var(--note)}.v-finding .verdict{color:var(--err)}
#rules dt{margin-top:.3em}#rules dd{margin-left:1.5em}
#panel{position:fixed;right:1em;bottom:1em;width:min(32em,90vw);max-height:45vh;overflow:auto;background:#fff;border:2px solid #333;border-radius:6px;padding:.6em .8em;box-shadow:0 4px 16px rgba(0,0,0,.25)}
#panel .close{float:right}
@media print{
 body{max-width:none;padding:0;font-size:10pt}
 #panel,.help,.toc,details.body>summary{display:none}
 #index th{background:none}
 section.file{break-before:page}
 section.table{break-inside:avoid-page}
 table.printed{font-size:8.5pt}thead{display:table-header-group}
 .scroll{overflow:visible}
 a{color:inherit;text-decoration:none}
 .m-error,.m-warning,.m-note{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)CSS";
    }

    static std::string_view script() {
        return R"JS(
(function(){
"use strict";
var panel=document.getElementById("panel"),content=panel.querySelector(".content");
function build(details){var s=details.querySelector('script[type="text/x-budgetcheck-section"]');
 if(s){var t=document.createElement("template");t.innerHTML=s.textContent;s.replaceWith(t.content);}}
function openFile(section){if(!section)return;var d=section.querySelector("details.body");
 if(d){build(d);d.open=true;}}
function fileOf(el){return el.closest("section.file");}
function byPointer(section,p){return section.querySelectorAll('[data-p="'+CSS.escape(p)+'"]');}
function clear(){document.querySelectorAll(".hl,.sel").forEach(function(e){e.classList.remove("hl","sel");});}
function show(nodes){content.replaceChildren.apply(content,nodes);panel.hidden=false;}
function el(tag,text,cls){var e=document.createElement(tag);if(text)e.textContent=text;if(cls)e.className=cls;return e;}
function highlight(section,pointers){pointers.forEach(function(p){byPointer(section,p).forEach(function(c){c.classList.add("hl");});});}
function goTo(section,p){var c=byPointer(section,p)[0];if(!c)return;clear();c.classList.add("hl");c.scrollIntoView({block:"center"});}
function findingLink(section,i){var f=section.querySelector('details.finding[data-i="'+i+'"]');if(!f)return null;
 var li=el("li"),a=el("a");a.href="#"+f.id;a.textContent=f.querySelector("summary").textContent;
 a.addEventListener("click",function(e){e.preventDefault();f.open=true;f.scrollIntoView({block:"center"});});li.append(a);return li;}
var VERDICT={h:["holds","✔"],w:["within-rounding","≈"],f:["finding","✖"]};
function identityCells(section,i){return section.querySelectorAll('[data-k~="'+i+'"]');}
function identityLines(section){var t=section.querySelector("template.identities");if(!t)return [];
 if(!t.lines)t.lines=t.content.textContent.split("\n");return t.lines;}
function identityItem(section,i){var line=identityLines(section)[Number(i)]||"",parts=/^(\d+) ([hwf]) ?(.*)$/.exec(line);if(!parts)return null;
 var dt=document.querySelector('#rules dt[data-n="'+parts[1]+'"]'),verdict=VERDICT[parts[2]];if(!dt)return null;
 var id=dt.textContent,li=el("li","","identity v-"+verdict[0]),rule=el("a"),said=el("a",parts[3]||dt.nextElementSibling.textContent,"arithmetic");
 rule.href="#"+dt.id;rule.append(el("code",id));said.href="#";
 said.addEventListener("click",function(e){e.preventDefault();clear();identityCells(section,i).forEach(function(c){c.classList.add("hl");});});
 li.append(rule," ",said," ",el("span",verdict[1]+" "+WORDS.verdicts[verdict[0]],"verdict"));return li;}
function selectPlace(place){var section=fileOf(place);clear();place.classList.add("sel");var nodes=[];
 if(place.classList.contains("claim")){
  nodes.push(el("p",place.dataset.reason,"claim-why"));
  var cells=place.dataset.cells?place.dataset.cells.split("|"):[];
  if(cells.length){highlight(section,cells);var ul=el("ul");cells.forEach(function(p){var li=el("li"),a=el("a",p);a.href="#";
   a.addEventListener("click",function(e){e.preventDefault();goTo(section,p);});li.append(a);ul.append(li);});nodes.push(el("p",WORDS.cells),ul);}
  else nodes.push(el("p",WORDS.noCells));}
 var cell=place.tagName==="TD",f=place.dataset.f||(cell&&place.parentNode.dataset.f)||"",k=place.dataset.k||(cell&&place.parentNode.dataset.k)||"";
 if(f){nodes.push(el("p",WORDS.findings));var ol=el("ol");
  f.split(" ").forEach(function(i){var li=findingLink(section,i);if(li)ol.append(li);});nodes.push(ol);}
 if(k){nodes.push(el("p",WORDS.identities));var il=el("ol","","identities");
  k.split(" ").forEach(function(i){var li=identityItem(section,i);if(li)il.append(li);});nodes.push(il);}
 else if(!f&&!place.classList.contains("claim")){nodes.push(el("p",WORDS.unchecked));}
 if(place.dataset.p)nodes.push(el("p",WORDS.pointer+" "+place.dataset.p,"at"));
 show(nodes);}
document.addEventListener("click",function(e){
 var go=e.target.closest("[data-go]");if(go){e.preventDefault();goTo(fileOf(go),go.dataset.go);return;}
 if(e.target.closest("#panel"))return;
 var place=e.target.closest(".claim,table.printed td,table.printed tr[data-f],h3[data-f],p[data-f]");
 if(place&&!place.closest("summary")){selectPlace(place);}
});
document.addEventListener("toggle",function(e){var d=e.target;
 if(d.matches&&d.matches("details.body")&&d.open)build(d);
 if(d.matches&&d.matches("details.finding")&&d.open){clear();highlight(fileOf(d),d.dataset.cells?d.dataset.cells.split("|"):[]);}
},true);
panel.querySelector(".close").addEventListener("click",function(){panel.hidden=true;clear();});
document.querySelectorAll("table.sortable").forEach(function(table){
 table.querySelectorAll("th").forEach(function(th,col){th.tabIndex=0;
  function sort(){var asc=th.getAttribute("aria-sort")!=="ascending";
   table.querySelectorAll("th").forEach(function(h){h.removeAttribute("aria-sort");});th.setAttribute("aria-sort",asc?"ascending":"descending");
   var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows),num=th.dataset.sort==="number";
   rows.sort(function(a,b){var x=a.cells[col],y=b.cells[col];x=x.dataset.v||x.textContent;y=y.dataset.v||y.textContent;
    var r=num?(Number(x)-Number(y)):x.localeCompare(y);return asc?r:-r;});
   rows.forEach(function(r){body.append(r);});}
  th.addEventListener("click",sort);th.addEventListener("keydown",function(e){if(e.key==="Enter"||e.key===" "){e.preventDefault();sort();}});});});
function all(){document.querySelectorAll("section.file").forEach(openFile);}
function follow(){var h=decodeURIComponent(location.hash.slice(1));if(h==="all"){all();return;}
 var target=h&&document.getElementById(h.split("-t")[0].split("-f")[0]);
 if(target&&target.matches("section.file")){openFile(target);var inner=document.getElementById(h);if(inner){if(inner.matches("details.finding"))inner.open=true;inner.scrollIntoView({block:"start"});}}}
window.addEventListener("hashchange",follow);follow();
window.addEventListener("beforeprint",function(){all();document.querySelectorAll("details").forEach(function(d){d.open=true;});});
})();
)JS";
    }

    std::ostream& out_;
    ReportOptions options_;
    const Words& words_;
    std::vector<FileEntry> files_;
    std::set<std::string, std::less<>> rules_shown_;
};

}  // namespace

std::unique_ptr<Reporter> make_html(std::ostream& out, const ReportOptions& options) {
    return std::make_unique<HtmlReporter>(out, options);
}

}  // namespace budgetcheck::report
