// The PDF reader: a published disclosure → the document as printed. poppler gives the text boxes
// of each page with their positions; everything else is reconstructed from geometry alone:
// lines from boxes that share a baseline band, tables from a title near a 单位：元 line, columns
// from where the body's figures and labels stand, header paths from which columns each header
// text is centred over, rows from lines (a label wrapped onto a second line joins its row), and
// the narrative from headings. Nothing here decides what a title or a cell means: that is the
// recognizer's job, exactly as for a transcription.
#include "budgetcheck/load/pdf.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "loader_internal.hpp"

namespace budgetcheck {

namespace {

using detail::Diagnostics;

// ---- text helpers ------------------------------------------------------------------------

// The code points of a UTF-8 string (invalid bytes are kept as themselves).
std::vector<char32_t> code_points(std::string_view text) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0x80 ? 1 : (lead >= 0xF0 ? 4 : (lead >= 0xE0 ? 3 : (lead >= 0xC0 ? 2 : 1)));
        if (i + length > text.size()) {
            length = 1;
        }
        char32_t c = length == 1 ? lead : (lead & (0xFFu >> (length + 1)));
        for (std::size_t k = 1; k < length; ++k) {
            c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
        }
        out.push_back(c);
        i += length;
    }
    return out;
}

std::size_t char_count(std::string_view text) {
    return code_points(text).size();
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

// The text without any spaces (ASCII, full-width, no-break): how titles and markers are compared.
std::string compact(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ' ' || text[i] == '\t') {
            continue;
        }
        if (text.substr(i, 3) == "\u3000") {
            i += 2;
            continue;
        }
        if (text.substr(i, 2) == "\u00a0") {
            i += 1;
            continue;
        }
        out += text[i];
    }
    return out;
}

std::string trim(std::string_view text) {
    std::string out = std::string(text);
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t' || out.back() == '\r' ||
                            out.back() == '\n')) {
        out.pop_back();
    }
    std::size_t start = 0;
    while (start < out.size() && (out[start] == ' ' || out[start] == '\t')) {
        ++start;
    }
    return out.substr(start);
}

// A printed figure: digits with thousands separators and decimals, a sign, brackets or a percent
// sign; or a dash standing for nothing. Codes (204, 2080505) are figures here too: the table
// geometry, not the text, tells them apart.
bool is_figure(std::string_view text) {
    std::string t = compact(text);
    // "（20" is the start of "（20万以上）" wrapped in its cell, not a negative figure.
    const auto count = [&](std::string_view mark) {
        std::size_t n = 0;
        for (std::size_t at = t.find(mark); at != std::string::npos; at = t.find(mark, at + 1)) {
            ++n;
        }
        return n;
    };
    if (count("（") + count("(") != count("）") + count(")")) {
        return false;
    }
    for (std::string_view mark : {"−", "－", "（", "）", "％"}) {
        std::size_t at;
        while ((at = t.find(mark)) != std::string::npos) {
            t.erase(at, mark.size());
        }
    }
    if (t == "-" || t == "—" || t == "–" || t == "——" || t == "--" || t.empty()) {
        return !t.empty() || compact(text) == "－" || compact(text) == "−";
    }
    if (t.back() == '.') {
        return false;  // "1." numbers an item
    }
    bool digit = false;
    for (char c : t) {
        if (c >= '0' && c <= '9') {
            digit = true;
        } else if (c != ',' && c != '.' && c != '-' && c != '(' && c != ')' && c != '%' &&
                   c != '+') {
            return false;
        }
    }
    return digit;
}

bool is_chinese_numeral(char32_t c) {
    return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

// "一、…", "（一）…", "1、…", "1．…": a numbered item or heading.
bool starts_numbered(std::string_view text) {
    const std::vector<char32_t> cps = code_points(compact(text));
    std::size_t i = 0;
    const bool bracket = !cps.empty() && (cps[0] == U'（' || cps[0] == U'(');
    i += bracket ? 1 : 0;
    const std::size_t first = i;
    while (i < cps.size() && (is_chinese_numeral(cps[i]) || (cps[i] >= U'0' && cps[i] <= U'9'))) {
        ++i;
    }
    if (i == first || i >= cps.size()) {
        return false;
    }
    if (bracket) {
        return cps[i] == U'）' || cps[i] == U')';
    }
    // "10.87%" opening a line is a figure carried over from the line above, not item 10.
    const bool decimal = i + 1 < cps.size() && cps[i + 1] >= U'0' && cps[i + 1] <= U'9';
    return cps[i] == U'、' || ((cps[i] == U'．' || cps[i] == U'.') && !decimal);
}

// "第三部分 …": the heading of one of the parts a disclosure is printed in.
bool is_part_heading(std::string_view text) {
    const std::vector<char32_t> cps = code_points(compact(text));
    std::size_t i = 0;
    if (cps.empty() || cps[0] != U'第') {
        return false;
    }
    for (i = 1; i < cps.size() && is_chinese_numeral(cps[i]); ++i) {
    }
    return i > 1 && i + 1 < cps.size() && cps[i] == U'部' && cps[i + 1] == U'分';
}

constexpr std::string_view sentence_ends[] = {"。", "：", "；", "！", "？", "”", ":", ";", "）"};

// ---- geometry: boxes, lines, pages -------------------------------------------------------------

struct Box {
    std::string text;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool space_after = false;
    int page = 0;

    double height() const { return y1 - y0; }
    double centre_x() const { return (x0 + x1) / 2; }
    double centre_y() const { return (y0 + y1) / 2; }
};

struct Line {
    std::vector<Box> parts;  // fragments left to right; close boxes are already joined
    double y0 = 0, y1 = 0;
    int page = 0;
    std::size_t file = 0;     // which of the disclosure's PDFs
    double page_width = 0;

    double x0() const { return parts.front().x0; }
    double x1() const { return parts.back().x1; }
    double centre_y() const { return (y0 + y1) / 2; }
    double height() const { return y1 - y0; }
    std::string text() const {
        std::string out;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (i > 0 && (parts[i - 1].space_after ||
                          parts[i].x0 - parts[i - 1].x1 > 0.5 * parts[i].height())) {
                out += ' ';
            }
            out += parts[i].text;
        }
        return out;
    }
    bool has_figure() const {
        return std::any_of(parts.begin(), parts.end(),
                           [](const Box& b) { return is_figure(b.text); });
    }
};

struct Page {
    int number = 0;  // 1-based within its file
    std::size_t file = 0;
    double width = 0, height = 0;
    std::vector<Line> lines;
};

// Page numbers and "第 3 页" footers are not text of the document.
bool is_page_number(const Line& line, const Page& page) {
    if (line.y0 < page.height * 0.9 && line.y1 > page.height * 0.08) {
        return false;
    }
    std::string t = compact(line.text());
    for (std::string_view mark : {"-", "—", "–", "第", "页", "共", "/"}) {
        std::size_t at;
        while ((at = t.find(mark)) != std::string::npos) {
            t.erase(at, mark.size());
        }
    }
    return !t.empty() && t.size() <= 4 &&
           std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Boxes → lines: a box belongs to a line when its vertical extent mostly overlaps the line's
// first box (PDFs made by some office suites put a label and its figures on slightly different
// baselines, so an exact baseline would split rows).
std::vector<Line> group_lines(std::vector<Box> boxes) {
    std::sort(boxes.begin(), boxes.end(),
              [](const Box& a, const Box& b) { return a.centre_y() < b.centre_y(); });
    std::vector<Line> lines;
    for (Box& box : boxes) {
        Line* home = nullptr;
        for (std::size_t k = lines.size(); k-- > 0 && k + 4 >= lines.size();) {
            Line& line = lines[k];
            const double overlap = std::min(line.y1, box.y1) - std::max(line.y0, box.y0);
            if (overlap >= 0.5 * std::min(line.height(), box.height())) {
                home = &line;
                break;
            }
        }
        if (home == nullptr) {
            Line line;
            line.y0 = box.y0;
            line.y1 = box.y1;
            line.page = box.page;
            lines.push_back(std::move(line));
            home = &lines.back();
        }
        // The line reaches as far as its boxes: a figure printed in a taller box than its
        // label's (ONLYOFFICE) takes in the label on its offset baseline.
        home->y0 = std::min(home->y0, box.y0);
        home->y1 = std::max(home->y1, box.y1);
        home->parts.push_back(std::move(box));
    }
    for (Line& line : lines) {
        std::sort(line.parts.begin(), line.parts.end(),
                  [](const Box& a, const Box& b) { return a.x0 < b.x0; });
        // Boxes closer than a fraction of a character are one printed text (a word split by
        // the producer, letters of one cell). Under three tenths: WPS prints two header cells
        // filled to their borders a third of a character apart (政府性基金预算 beside
        // 国有资本经营预算).
        std::vector<Box> joined;
        for (std::size_t p = 0; p < line.parts.size(); ++p) {
            Box& part = line.parts[p];
            if (!joined.empty()) {
                Box& last = joined.back();
                const double gap = part.x0 - last.x1;
                // A small number printed inside a sentence ("总预算 20 万以下") is a word of it.
                const bool inside_text =
                    p + 1 < line.parts.size() && part.text.size() <= 3 &&
                    std::all_of(part.text.begin(), part.text.end(),
                                [](char c) { return c >= '0' && c <= '9'; }) &&
                    static_cast<unsigned char>(line.parts[p + 1].text.front()) >= 0x80 &&
                    line.parts[p + 1].x0 - part.x1 < 0.35 * part.height();
                // A right-aligned figure and the left-aligned label of the next cell can stand
                // as close as letters of one word; a figure never runs on into Chinese text.
                // An opening bracket runs on into what it opens: "（20" of "（20万以上）".
                const bool opens = last.text.back() == '(' ||
                                   (last.text.size() >= 3 &&
                                    last.text.compare(last.text.size() - 3, 3, "（") == 0);
                const bool figure_meets_text =
                    !opens && ((std::isdigit(static_cast<unsigned char>(last.text.back())) &&
                                static_cast<unsigned char>(part.text.front()) >= 0x80 &&
                                is_figure(last.text)) ||
                               (static_cast<unsigned char>(last.text.back()) >= 0x80 &&
                                std::isdigit(static_cast<unsigned char>(part.text.front())) &&
                                !inside_text));
                // Two whole figures side by side are two cells, however close.
                const bool two_figures = is_figure(last.text) && is_figure(part.text) &&
                                         last.text.size() >= 3 && part.text.size() >= 3;
                // A line reaching as far as its boxes can take in a cell's next line (国（境）
                // over 费 of a header): boxes that do not share a baseline band are not one text.
                const bool stacked = std::min(last.y1, part.y1) - std::max(last.y0, part.y0) <
                                     0.5 * std::min(last.height(), part.height());
                if (gap < 0.3 * std::min(last.height(), part.height()) && !figure_meets_text &&
                    !two_figures && !stacked) {
                    // A line justified by spacing its characters out (江 苏 省 人 民 …) has
                    // the producer mark a space after each; Chinese puts none between its
                    // characters, and a label read with them is not found in the tables.
                    const bool chinese_pair = static_cast<unsigned char>(last.text.back()) >= 0x80 &&
                                              static_cast<unsigned char>(part.text.front()) >= 0x80;
                    last.text += last.space_after && !chinese_pair ? " " : "";
                    last.text += part.text;
                    last.x1 = std::max(last.x1, part.x1);
                    last.y0 = std::min(last.y0, part.y0);
                    last.y1 = std::max(last.y1, part.y1);
                    last.space_after = part.space_after;
                    continue;
                }
            }
            joined.push_back(std::move(part));
        }
        line.parts = std::move(joined);
        line.y0 = line.parts.front().y0;
        line.y1 = line.parts.front().y1;
        for (const Box& part : line.parts) {
            line.y0 = std::min(line.y0, part.y0);
            line.y1 = std::max(line.y1, part.y1);
        }
    }
    std::sort(lines.begin(), lines.end(),
              [](const Line& a, const Line& b) { return a.centre_y() < b.centre_y(); });
    return lines;
}

PrintedText printed_text(std::string text, int page) {
    PrintedText out;
    out.text = std::move(text);
    out.source.page = static_cast<std::uint32_t>(page);
    return out;
}

SourceLocation at_page(int page) {
    SourceLocation where;
    where.page = static_cast<std::uint32_t>(page);
    return where;
}

double median(std::vector<double> values, double fallback) {
    if (values.empty()) {
        return fallback;
    }
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// The size of a box's type. Some producers (ONLYOFFICE) give Chinese text boxes a fraction
// of their font's height; a Chinese character is about as wide as it is high, so a box much
// lower than its characters are wide is measured by their width instead.
double type_size(const Box& box) {
    const std::size_t n = char_count(compact(box.text));
    if (n > 0 && static_cast<unsigned char>(box.text.front()) >= 0x80) {
        const double width = (box.x1 - box.x0) / static_cast<double>(n);
        if (box.height() < 0.5 * width) {
            return width;
        }
    }
    return box.height();
}

// The type's em: a Chinese character's width, where the box is taller than its type (a box
// reaching from the font's ascent to its descent, a quarter taller than the characters).
double em(const Box& box) {
    const std::size_t n = char_count(compact(box.text));
    if (n > 0 && static_cast<unsigned char>(box.text.front()) >= 0x80) {
        return std::min(type_size(box), (box.x1 - box.x0) / static_cast<double>(n));
    }
    return type_size(box);
}

double text_height(const Line& line) {
    double out = 0;
    for (const Box& box : line.parts) {
        out = std::max(out, type_size(box));
    }
    return out > 0 ? out : line.height();
}

// ---- tables ------------------------------------------------------------------------------------

std::optional<MoneyUnit> unit_in(std::string_view text) {
    const std::string t = compact(text);
    for (std::string_view marker : {"单位：", "单位:"}) {
        const std::size_t at = t.find(marker);
        if (at == std::string::npos) {
            continue;
        }
        const std::string_view rest = std::string_view(t).substr(at + marker.size());
        if (starts_with(rest, "万元")) {
            return MoneyUnit::TenThousandYuan;
        }
        if (starts_with(rest, "亿元")) {
            return MoneyUnit::HundredMillionYuan;
        }
        if (starts_with(rest, "元")) {
            return MoneyUnit::Yuan;
        }
        // "单位：万" with 元 wrapped onto the next line by a narrow text box.
        if (rest == "万") {
            return MoneyUnit::TenThousandYuan;
        }
    }
    return std::nullopt;
}

// A table's number on a line of its own: 公开01表, 表1, 表九, 附表2-1.
bool is_label_text(std::string_view text) {
    const std::string t = compact(text);
    if (contains(t, "公开") && contains(t, "表") && char_count(t) <= 12) {
        return true;
    }
    const std::vector<char32_t> cps = code_points(t);
    std::size_t i = !cps.empty() && cps[0] == U'附' ? 1 : 0;
    if (i >= cps.size() || cps[i] != U'表') {
        return false;
    }
    const std::size_t first = ++i;
    while (i < cps.size() && (is_chinese_numeral(cps[i]) || (cps[i] >= U'0' && cps[i] <= U'9') ||
                              (i > first && (cps[i] == U'-' || cps[i] == U'－')))) {
        ++i;
    }
    return i > first && i == cps.size() && cps.size() <= 8;
}

// The prepared-by name: the text after 编制单位： (or the next fragment when the colon ends one).
std::optional<std::string> prepared_by_in(const Line& line) {
    for (std::size_t i = 0; i < line.parts.size(); ++i) {
        const std::string t = compact(line.parts[i].text);
        for (std::string_view marker :
             {"编制单位：", "编制部门：", "部门名称：", "单位名称：", "部门：", "编制单位:",
              "部门名称:", "部门:"}) {
            if (!starts_with(t, marker)) {
                continue;
            }
            std::string rest = t.substr(marker.size());
            if (rest.empty() && i + 1 < line.parts.size() && !unit_in(line.parts[i + 1].text)) {
                rest = compact(line.parts[i + 1].text);
            }
            return rest;
        }
    }
    return std::nullopt;
}

// "公开 01 表：收支预算总表": the label printed before the title on the same line.
std::pair<std::string, std::string> split_label(const std::string& line) {
    for (std::string_view colon : {"表：", "表:"}) {
        const std::size_t at = line.find(colon);
        if (at != std::string::npos && contains(line.substr(0, at), "公开")) {
            return {trim(line.substr(0, at + 3)), compact(line.substr(at + colon.size()))};
        }
    }
    return {"", compact(line)};
}

bool ends_with_table(const std::string& text) {
    return text.size() >= 3 && text.compare(text.size() - 3, 3, "表") == 0;
}

// 注：, 说明：, 备注：: a note under a table (an empty table's note may follow its header).
bool starts_note(std::string_view text) {
    for (std::string_view marker : {"注：", "注:", "说明：", "说明:", "备注：", "备注:"}) {
        if (starts_with(text, marker)) {
            return true;
        }
    }
    return false;
}

// A table title: a short line naming a 表, with a 单位：元/万元 line just below it.
bool is_title_at(const std::vector<Line>& lines, std::size_t i) {
    const std::string t = split_label(lines[i].text()).second;
    // The 表 may be on the title's second line ("…培训费" / "支出预算表").
    const bool names_table =
        contains(t, "表") || (i + 1 < lines.size() && lines[i + 1].page == lines[i].page &&
                              ends_with_table(compact(lines[i + 1].text())) &&
                              !is_label_text(lines[i + 1].text()) &&
                              char_count(compact(lines[i + 1].text())) <= 12);
    if (!names_table || char_count(t) > 60 || starts_with(t, "注") ||
        starts_with(t, "说明") || unit_in(t) || is_label_text(t) ||
        std::any_of(lines[i].parts.begin(), lines[i].parts.end(), [](const Box& b) {
            return is_figure(b.text) && (contains(b.text, ",") || contains(b.text, "."));
        })) {
        return false;
    }
    for (std::size_t k = i + 1; k < lines.size() && k <= i + 4; ++k) {
        if (lines[k].page != lines[i].page) {
            break;
        }
        for (const Box& part : lines[k].parts) {
            if (unit_in(part.text)) {
                return true;
            }
        }
        if (lines[k].has_figure()) {
            break;
        }
        // A part heading above the title ("第二部分 …预算表" over "一、…收支预算总表"): the
        // title is the line nearer the unit line.
        const std::string next = split_label(lines[k].text()).second;
        if (contains(t, "表") && contains(next, "表") && !is_label_text(next) &&
            !unit_in(next) && !prepared_by_in(lines[k])) {
            return false;
        }
    }
    return false;
}

struct Column {
    double x0 = 0, x1 = 0;
};

// A header cell's text: its lines joined, with the extent of all of them.
struct HeaderCell {
    Box text;
    std::vector<Box> lines;  // as printed, top to bottom
    double size = 0;         // the type's size (type_size of its first line)

    void add(const Box& line) {
        text.text += line.text;
        text.x0 = std::min(text.x0, line.x0);
        text.x1 = std::max(text.x1, line.x1);
        text.y0 = std::min(text.y0, line.y0);
        text.y1 = std::max(text.y1, line.y1);
        lines.push_back(line);
    }
};

struct TableDraft {
    PrintedTable printed;
    std::vector<Line> header;
    std::vector<Line> body;
    std::vector<Line> notes;
    // Where the body's texts start and its figures end (to the half point): what a line is
    // compared with to tell a row of the table from text under it.
    std::set<long> text_starts, figure_ends;

    void add_body(const Line& line) {
        body.push_back(line);
        for (const Box& b : line.parts) {
            if (is_figure(b.text)) {
                figure_ends.insert(std::lround(2 * b.x1));
            } else {
                text_starts.insert(std::lround(2 * b.x0));
            }
        }
    }
};

class TableBuilder {
  public:
    explicit TableBuilder(TableDraft& draft) : draft_(draft) {}

    void build() {
        take_empty_tables_row();
        find_columns();
        if (columns_.empty()) {
            return;
        }
        build_header();
        build_rows();
        build_notes();
    }

  private:
    // A table printing no figure has no line of figures to start its body, so its one row (合计
    // alone) is read on into the header. A header text is centred in its cell, under the cells
    // above it; a last header line of one text standing wholly left of every text above it is
    // under none of them: it is a row's label, printed from the table's left edge.
    void take_empty_tables_row() {
        std::vector<Line>& header = draft_.header;
        if (!draft_.body.empty() || header.size() < 2 || header.back().parts.size() != 1) {
            return;
        }
        const Line& last = header.back();
        double left = 1e18;
        for (std::size_t k = 0; k + 1 < header.size(); ++k) {
            if (header[k].page != last.page) {
                return;
            }
            left = std::min(left, header[k].x0());
        }
        if (last.x1() < left) {
            draft_.add_body(last);
            header.pop_back();
        }
    }

    // A header printed letter-spaced ("金    额", "项  目") is one header text, not several.
    void join_spaced_headers() {
        for (Line& line : draft_.header) {
            std::vector<Box> joined;
            for (Box& part : line.parts) {
                if (!joined.empty()) {
                    Box& last = joined.back();
                    const bool single = char_count(last.text) == 1 || char_count(part.text) == 1;
                    const bool letters = !is_figure(last.text) && !is_figure(part.text);
                    // 类 款 项 stand over three columns of codes; 金 额 over one.
                    const auto over = [&](const Box& b) {
                        for (std::size_t c = 0; c < columns_.size(); ++c) {
                            if (std::min(columns_[c].x1, b.x1) - std::max(columns_[c].x0, b.x0) > 0) {
                                return static_cast<int>(c);
                            }
                        }
                        return -1;
                    };
                    const int a = over(last);
                    const int b = over(part);
                    const auto code_level = [](const std::string& t) {
                        return t == "类" || t == "款" || t == "项";
                    };
                    const bool one_column = (a < 0 || b < 0 || a == b) &&
                                            !(code_level(last.text) && code_level(part.text));
                    if (single && letters && one_column && part.x0 - last.x1 < 2.5 * type_size(part)) {
                        last.text += part.text;
                        last.x1 = part.x1;
                        continue;
                    }
                }
                joined.push_back(std::move(part));
            }
            line.parts = std::move(joined);
        }
    }

    // A header cell's text wrapped onto further lines is one text. A line continues the cell
    // above it when it follows at the spacing of lines of one paragraph (under two
    // characters), centred under the line above or starting where it starts, no wider than
    // the cell's text but for a character, with nothing else beside it within the cell's width.
    // Levels of the header that pass for wrapped lines here (预算数 right over 基本支出) are
    // told apart by the columns they span once the columns are known (build_header).
    void join_wrapped_headers() {
        std::vector<Box> words;
        for (const Line& line : draft_.header) {
            words.insert(words.end(), line.parts.begin(), line.parts.end());
        }
        std::sort(words.begin(), words.end(),
                  [](const Box& a, const Box& b) { return a.centre_y() < b.centre_y(); });
        const auto continues = [&](const HeaderCell& cell, std::size_t i) {
            const Box& w = words[i];
            const Box& last = cell.lines.back();
            const double size = std::max(cell.size, type_size(w));
            const double pitch = w.centre_y() - last.centre_y();
            if (is_figure(w.text) || is_figure(last.text) ||
                std::abs(cell.size - type_size(w)) > 0.2 * size || pitch < 0.5 * size ||
                pitch > 2.5 * std::min(size, em(last))) {
                return false;
            }
            // Some tables print a cell's lines wider apart (Word's fixed line spacing:
            // 采购品目大 / 类 two and a half characters apart): a line that far below goes on
            // with one that fills the single column it stands over, which a text wraps only
            // when full. A level (公务用车购置及运行费 over 购置费) stands over several.
            if (pitch > 1.8 * std::min(size, em(last))) {
                std::size_t over = 0;
                const Column* column = nullptr;
                for (const Column& c : columns_) {
                    if (std::min(c.x1, last.x1) - std::max(c.x0, last.x0) > 0) {
                        ++over;
                        column = &c;
                    }
                }
                // Filling it, not overflowing it: a heading wider than the figures under it
                // (财政拨款（补助） over 一般公共预算) spans more than that column. And what a
                // full line leaves over is shorter than it: a text as long as the one above
                // (基本支出 over 人员经费) is a level of its own.
                if (over != 1 || last.x1 - last.x0 < column->x1 - column->x0 - size ||
                    last.x1 - last.x0 > column->x1 - column->x0 + size ||
                    w.x1 - w.x0 > last.x1 - last.x0 - 0.9 * size ||
                    std::min(column->x1, w.x1) - std::max(column->x0, w.x0) <= 0) {
                    return false;
                }
            }
            if (w.x0 < cell.text.x0 - size || w.x1 > cell.text.x1 + size) {
                return false;
            }
            const bool centred = std::abs(w.centre_x() - last.centre_x()) <= 0.75 * size;
            const bool left_aligned = std::abs(w.x0 - last.x0) <= 0.5 * size;
            if (!centred && !left_aligned) {
                return false;
            }
            for (std::size_t k = 0; k < words.size(); ++k) {
                const Box& o = words[k];
                if (k == i || o.centre_y() <= last.centre_y() + 0.3 * size ||
                    o.centre_y() >= w.centre_y() + 0.5 * size) {
                    continue;
                }
                if (std::min(o.x1, cell.text.x1) - std::max(o.x0, cell.text.x0) > 0) {
                    return false;
                }
            }
            return true;
        };
        cells_.clear();
        for (std::size_t i = 0; i < words.size(); ++i) {
            HeaderCell* home = nullptr;
            for (HeaderCell& cell : cells_) {
                if (continues(cell, i)) {
                    home = &cell;
                    break;
                }
            }
            if (home == nullptr) {
                cells_.push_back({words[i], {words[i]}, type_size(words[i])});
            } else {
                home->add(words[i]);
            }
        }
    }

    void find_columns() {
        std::vector<Box> body;
        for (const Line& line : draft_.body) {
            body.insert(body.end(), line.parts.begin(), line.parts.end());
        }
        std::sort(body.begin(), body.end(), [](const Box& a, const Box& b) { return a.x0 < b.x0; });
        // Figures stand in their columns; a text reaching over a column of figures is a label
        // centred across columns (当年支出小计 over a name and an amount column), and placing it
        // is left to its middle below rather than letting it join the two columns into one.
        std::vector<Column> figure_runs;
        for (const Box& box : body) {
            if (!is_figure(box.text)) {
                continue;
            }
            if (!figure_runs.empty() && box.x0 < figure_runs.back().x1 - 0.5) {
                figure_runs.back().x1 = std::max(figure_runs.back().x1, box.x1);
            } else {
                figure_runs.push_back({box.x0, box.x1});
            }
        }
        body.erase(std::remove_if(body.begin(), body.end(),
                                  [&](const Box& box) {
                                      const bool over =
                                          !is_figure(box.text) &&
                                          std::any_of(figure_runs.begin(), figure_runs.end(),
                                                      [&](const Column& c) {
                                                          return std::min(c.x1, box.x1) -
                                                                     std::max(c.x0, box.x0) >
                                                                 0.5;
                                                      });
                                      if (over) {
                                          spanning_texts_.push_back({box.x0, box.x1});
                                      }
                                      return over;
                                  }),
                   body.end());
        std::vector<int> support;
        std::vector<bool> figures;
        for (const Box& box : body) {
            if (!columns_.empty() && box.x0 < columns_.back().x1 - 0.5) {
                columns_.back().x1 = std::max(columns_.back().x1, box.x1);
                ++support.back();
                figures.back() = figures.back() || is_figure(box.text);
            } else {
                columns_.push_back({box.x0, box.x1});
                support.push_back(1);
                figures.push_back(is_figure(box.text));
            }
        }
        // One text alone in its own place in a long table is a label centred over several
        // columns (合计 across 科目编码 and 科目名称), not a column: it joins the nearest one.
        // Likewise texts standing only in rows whose label column to their left is empty
        // (当年支出小计 centred over 功能科目名称 and 金额): they belong to that column.
        const auto in_column = [](const Box& box, const Column& column) {
            return std::min(box.x1, column.x1) - std::max(box.x0, column.x0) > 0.5;
        };
        std::vector<bool> spanning(columns_.size(), false);
        for (std::size_t c = 1; c < columns_.size(); ++c) {
            if (figures[c] || figures[c - 1]) {
                continue;
            }
            bool beside = false;
            for (const Line& line : draft_.body) {
                const bool here = std::any_of(line.parts.begin(), line.parts.end(),
                                              [&](const Box& b) { return in_column(b, columns_[c]); });
                const bool left = std::any_of(line.parts.begin(), line.parts.end(), [&](const Box& b) {
                    return in_column(b, columns_[c - 1]);
                });
                beside = beside || (here && left);
            }
            // Different texts starting at one edge are a left-aligned column of its own.
            std::map<long, std::set<std::string>> starts;
            for (const Line& line : draft_.body) {
                for (const Box& b : line.parts) {
                    if (in_column(b, columns_[c])) {
                        starts[std::lround(b.x0)].insert(b.text);
                    }
                }
            }
            const bool aligned = std::any_of(starts.begin(), starts.end(),
                                             [](const auto& edge) { return edge.second.size() >= 3; });
            spanning[c] = !beside && !aligned &&
                          support[c] * 4 <= static_cast<int>(draft_.body.size());
        }
        if (draft_.body.size() >= 4) {
            std::vector<Column> kept;
            for (std::size_t c = 0; c < columns_.size(); ++c) {
                if ((support[c] > 1 || figures[c]) && !spanning[c]) {
                    kept.push_back(columns_[c]);
                } else if (!kept.empty() && spanning[c]) {
                    spanning_texts_.push_back(columns_[c]);
                }
            }
            if (!kept.empty()) {
                columns_ = std::move(kept);
            }
        }
        join_spaced_headers();
        join_wrapped_headers();
        // Header texts with nothing printed below them name columns of their own; a column left
        // blank in every row (an empty table) exists only through them.
        // Only a header text reaching down to the last header row can head a column of its
        // own; one higher up (收入 over its side) heads the columns below it.
        double header_bottom = 0;
        for (const Line& line : draft_.header) {
            header_bottom = std::max(header_bottom, line.y1);
        }
        // In a table printing no figure, so can one under nothing standing in the middle of
        // the header's height: its cell spans every header row, however many rows the other
        // columns' cells take. (Where figures are printed, they place such a column; a text
        // there standing in a gap between them heads the texts beside it below.)
        const bool no_figures = std::none_of(draft_.body.begin(), draft_.body.end(),
                                             [](const Line& line) { return line.has_figure(); });
        double header_top = 1e18;
        for (const HeaderCell& cell : cells_) {
            header_top = std::min(header_top, cell.text.y0);
        }
        std::vector<const Box*> leaves;
        for (const HeaderCell& cell : cells_) {
            const Box& word = cell.text;
            bool below = false;
            bool above = false;
            for (const HeaderCell& other : cells_) {
                const Box& w = other.text;
                const bool overlapping = std::min(w.x1, word.x1) - std::max(w.x0, word.x0) > 0;
                below = below || (&w != &word && w.y0 > word.y1 - 1 && overlapping);
                above = above || (&w != &word && w.y1 < word.y0 + 1 && overlapping);
            }
            const bool full_height =
                no_figures && !above && word.centre_y() >= (header_top + header_bottom) / 2 - 0.5 * cell.size;
            if (!below && (word.y1 >= header_bottom - 2.5 * cell.size || full_height) &&
                !over_lower_pair(cell)) {
                leaves.push_back(&word);
            }
        }
        std::vector<bool> used(leaves.size(), false);
        std::vector<std::size_t> nearest_leaf(columns_.size(), leaves.size());
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            const Column& column = columns_[c];
            double best = 1e18;
            for (std::size_t k = 0; k < leaves.size(); ++k) {
                const double d = std::abs(leaves[k]->centre_x() - (column.x0 + column.x1) / 2);
                if (d < best) {
                    best = d;
                    nearest_leaf[c] = k;
                }
            }
            if (nearest_leaf[c] < leaves.size()) {
                used[nearest_leaf[c]] = true;
            }
        }
        // A leaf heads the column nearest to it when the leaf nearest to that column is
        // nearer still to another column: 2025年预算数 over 13.00, right-aligned towards the
        // next header 增减额, which stands over its own figures.
        const auto nearest_column = [&](std::size_t k) {
            std::size_t nearest = columns_.size();
            double best = 1e18;
            for (std::size_t c = 0; c < columns_.size(); ++c) {
                const double d = std::abs(leaves[k]->centre_x() - (columns_[c].x0 + columns_[c].x1) / 2);
                if (d < best) {
                    best = d;
                    nearest = c;
                }
            }
            return nearest;
        };
        for (std::size_t k = 0; k < leaves.size(); ++k) {
            const std::size_t c = nearest_column(k);
            if (!used[k] && c < columns_.size() && nearest_leaf[c] < leaves.size() &&
                nearest_column(nearest_leaf[c]) != c) {
                used[k] = true;
            }
        }
        // A column and a leaf each nearest to the other are one column: a short figure stands
        // right-aligned well clear of its centred header (因公出国(境)费 over "0").
        for (std::size_t k = 0; k < leaves.size(); ++k) {
            double best = 1e18;
            std::size_t nearest = columns_.size();
            for (std::size_t c = 0; c < columns_.size(); ++c) {
                const double d =
                    std::abs(leaves[k]->centre_x() - (columns_[c].x0 + columns_[c].x1) / 2);
                if (d < best) {
                    best = d;
                    nearest = c;
                }
            }
            if (nearest < columns_.size() && nearest_leaf[nearest] == k) {
                const bool clear = std::none_of(columns_.begin(), columns_.end(), [&](const Column& other) {
                    return &other != &columns_[nearest] &&
                           std::min(other.x1, std::max(columns_[nearest].x1, leaves[k]->x1)) -
                                   std::max(other.x0, std::min(columns_[nearest].x0, leaves[k]->x0)) >
                               0;
                });
                if (clear) {
                    columns_[nearest].x0 = std::min(columns_[nearest].x0, leaves[k]->x0);
                    columns_[nearest].x1 = std::max(columns_[nearest].x1, leaves[k]->x1);
                }
            }
        }
        // A leaf over exactly one column widens it to the header cell's text: figures stand
        // right-aligned under a centred header, and the columns' borders lie between the two.
        for (std::size_t k = 0; k < leaves.size(); ++k) {
            const Box& leaf = *leaves[k];
            std::vector<std::size_t> under;
            for (std::size_t c = 0; c < columns_.size(); ++c) {
                if (std::min(columns_[c].x1, leaf.x1) - std::max(columns_[c].x0, leaf.x0) > 0) {
                    under.push_back(c);
                }
            }
            if (under.size() == 1) {
                columns_[under[0]].x0 = std::min(columns_[under[0]].x0, leaf.x0);
                columns_[under[0]].x1 = std::max(columns_[under[0]].x1, leaf.x1);
            } else if (under.empty() && !used[k] && !between_lower_words(leaf) &&
                       !centred_over_lower_run(leaf)) {
                columns_.push_back({leaf.x0, leaf.x1});
            }
        }
        std::sort(columns_.begin(), columns_.end(),
                  [](const Column& a, const Column& b) { return a.x0 < b.x0; });
        double left = 1e18;
        double right = -1e18;
        for (const auto* lines : {&draft_.header, &draft_.body}) {
            for (const Line& line : *lines) {
                left = std::min(left, line.x0());
                right = std::max(right, line.x1());
            }
        }
        bounds_.push_back(std::min(left, columns_.front().x0) - 1);
        for (std::size_t i = 1; i < columns_.size(); ++i) {
            bounds_.push_back((columns_[i - 1].x1 + columns_[i].x0) / 2);
        }
        bounds_.push_back(std::max(right, columns_.back().x1) + 1);
    }

    // A header text standing over the gap between two lower header texts, with no text of its
    // own line nearer, is their upper level (项目 over 科目编码 | 科目名称, 经济分类科目 over
    // 科目编码 | 科目名称 centred in their wide merged cell): it heads no column of its own.
    bool over_lower_pair(const HeaderCell& cell) const {
        const Box& word = cell.text;
        const Box* left = nullptr;
        const Box* right = nullptr;
        for (const HeaderCell& other : cells_) {
            const Box& w = other.text;
            if (w.y0 <= word.y1 - 1) {
                continue;
            }
            if (w.x1 <= word.centre_x() && (left == nullptr || w.x1 > left->x1)) {
                left = &w;
            } else if (w.x0 >= word.centre_x() && (right == nullptr || w.x0 < right->x0)) {
                right = &w;
            }
        }
        if (left == nullptr || right == nullptr) {
            return false;
        }
        return std::none_of(cells_.begin(), cells_.end(), [&](const HeaderCell& other) {
            const Box& w = other.text;
            return &w != &word && std::min(w.y1, word.y1) - std::max(w.y0, word.y0) > 0 &&
                   w.x1 > left->x1 && w.x0 < right->x0;
        });
    }

    // A header text printed over lower header texts, in the middle of a run of columns those
    // stand over, heads that run: a merged cell (收入 over 项目 and 预算数) centres its text
    // in the gap between its columns when they are wide, far from the texts below it.
    bool centred_over_lower_run(const Box& leaf) const {
        double size = leaf.height();
        for (const HeaderCell& cell : cells_) {
            size = &cell.text == &leaf ? cell.size : size;
        }
        for (std::size_t a = 0; a < columns_.size(); ++a) {
            for (std::size_t b = a + 1; b < columns_.size(); ++b) {
                const double x0 = columns_[a].x0;
                const double x1 = columns_[b].x1;
                const double outer = (x0 + x1) / 2;
                const double middles =
                    (columns_[a].x0 + columns_[a].x1 + columns_[b].x0 + columns_[b].x1) / 4;
                if (leaf.x0 < x0 || leaf.x1 > x1 ||
                    std::min(std::abs(outer - leaf.centre_x()), std::abs(middles - leaf.centre_x())) > size) {
                    continue;
                }
                const bool lower = std::any_of(cells_.begin(), cells_.end(), [&](const HeaderCell& cell) {
                    return cell.text.y0 > leaf.y1 - 1 && cell.text.x1 > x0 && cell.text.x0 < x1;
                });
                // Its cell holds the whole run: no other text on its line stands over it.
                const bool alone = std::none_of(cells_.begin(), cells_.end(), [&](const HeaderCell& cell) {
                    return &cell.text != &leaf && cell.text.y0 < leaf.y1 && cell.text.y1 > leaf.y0 &&
                           cell.text.x1 > x0 && cell.text.x0 < x1;
                });
                if (lower && alone) {
                    return true;
                }
            }
        }
        return false;
    }

    // A header text with header texts below it on both sides (编码 over 类 and 款) is the upper
    // level of those, not a column of its own.
    bool between_lower_words(const Box& leaf) const {
        bool left = false;
        bool right = false;
        // A text under nothing, standing in the middle of the whole header's height, spans
        // every header row: it is a column of its own, in a gap between the columns under
        // other texts (年初结转和结余 of an empty table).
        double size = leaf.height();
        double top = 1e18;
        double bottom = -1e18;
        bool under = false;
        for (const HeaderCell& cell : cells_) {
            size = &cell.text == &leaf ? cell.size : size;
            top = std::min(top, cell.text.y0);
            bottom = std::max(bottom, cell.text.y1);
            under = under || (cell.text.y1 < leaf.y0 + 1 &&
                              std::min(cell.text.x1, leaf.x1) - std::max(cell.text.x0, leaf.x0) > 0);
        }
        const bool no_figures = std::none_of(draft_.body.begin(), draft_.body.end(),
                                             [](const Line& line) { return line.has_figure(); });
        if (no_figures && !under && leaf.centre_y() > (top + bottom) / 2 - 0.5 * size) {
            return false;
        }
        const double reach = 2 * (leaf.x1 - leaf.x0);
        for (const HeaderCell& cell : cells_) {
            const Box& w = cell.text;
            if (w.y0 <= leaf.y1 - 1) {
                continue;
            }
            left = left || (w.x1 <= leaf.centre_x() && w.x1 > leaf.x0 - reach);
            right = right || (w.x0 >= leaf.centre_x() && w.x0 < leaf.x1 + reach);
        }
        return left && right;
    }

    // Where a body text goes: the column under its middle, except a label spanning from a
    // label column into a column of figures, which goes to the label column it starts in.
    std::size_t place(const Box& box) const {
        const std::size_t column = column_of(box);
        const bool spans = std::any_of(spanning_texts_.begin(), spanning_texts_.end(),
                                       [&](const Column& c) { return box.x0 >= c.x0 - 0.5 && box.x1 <= c.x1 + 0.5; });
        if (spans && !is_figure(box.text) && column > 0) {
            for (std::size_t c = column + 1; c-- > 0;) {
                if (c < text_columns_.size() && text_columns_[c] &&
                    bounds_[c] <= box.x0 + 0.5 * box.height()) {
                    return c;
                }
            }
        }
        return column;
    }

    std::size_t column_of(const Box& box) const {
        const double x = box.centre_x();
        for (std::size_t i = 0; i + 1 < bounds_.size(); ++i) {
            if (x < bounds_[i + 1]) {
                return i;
            }
        }
        return columns_.size() - 1;
    }

    // The columns a header text spans. Header cells centre their text, and a cell ends where
    // the next text on its header line begins: so it is a run of columns whose middles lie
    // between the text's neighbours on its line, and whose middle is the text's middle (the
    // narrowest such run; failing that, the run whose middle is closest).
    std::pair<std::size_t, std::size_t> span_of(const HeaderCell& cell, bool upper) const {
        const Box& word = cell.text;
        const double size = cell.size;
        double left = -1e18;
        double right = 1e18;
        // Neighbours: header texts beside this one at about its height (a cell centred over
        // two header rows sits half a row off its siblings).
        const double reach = 0.5 * size;
        std::vector<const Box*> neighbours;
        for (const HeaderCell& other_cell : cells_) {
            const Box& other = other_cell.text;
            if (other.y1 < word.y0 - reach || other.y0 > word.y1 + reach) {
                continue;
            }
            if (other.x1 <= word.x0) {
                left = std::max(left, other.x1);
            } else if (other.x0 >= word.x1) {
                right = std::min(right, other.x0);
            } else {
                continue;
            }
            neighbours.push_back(&other);
        }
        // A column under a neighbour is the neighbour's (合计's figures stand right of it).
        // So is a column with a single header text below this one, standing in the middle of
        // the whole header's height rather than of the part below this text: its cell spans
        // every header row (合计, 会议费 beside “三公”经费 and under nothing).
        double top = 1e18;
        double bottom = -1e18;
        for (const HeaderCell& other : cells_) {
            top = std::min(top, other.text.y0);
            bottom = std::max(bottom, other.text.y1);
        }
        const auto overlaps = [](const Box& a, const Box& b) {
            return std::min(a.x1, b.x1) - std::max(a.x0, b.x0) > 0;
        };
        const auto beside = [&](std::size_t c) {
            const Box column{"", std::min(columns_[c].x0, bounds_[c] + 0.5 * size), 0, std::max(columns_[c].x1, bounds_[c + 1] - 0.5 * size), 0};
            const Box* alone = nullptr;
            for (const HeaderCell& other : cells_) {
                const Box& f = other.text;
                if (&f == &word || f.y0 <= word.y1 - 1 || !overlaps(f, column)) {
                    continue;
                }
                if (alone != nullptr) {
                    return false;
                }
                alone = &f;
            }
            if (alone == nullptr) {
                return false;
            }
            // A sibling cell spans this text's row and every one below it (因公出国（境）费
            // beside 公务用车购置及运行维护费, both under “三公”经费); a child only those below.
            const double y = alone->centre_y();
            return std::min(std::abs(y - (top + bottom) / 2), std::abs(y - (word.y0 + bottom) / 2)) <
                   std::abs(y - (word.y1 + bottom) / 2);
        };
        const auto taken = [&](std::size_t c) {
            return std::any_of(neighbours.begin(), neighbours.end(), [&](const Box* n) {
                       return std::min(columns_[c].x1, n->x1) - std::max(columns_[c].x0, n->x0) > 0.5;
                   }) ||
                   (upper && beside(c));
        };
        const std::size_t home = column_of(word);
        struct Run {
            std::size_t a, b;
            double width, distance;
        };
        std::vector<Run> runs;
        for (std::size_t a = 0; a < columns_.size(); ++a) {
            const double start = (columns_[a].x0 + columns_[a].x1) / 2;
            if (start < left || taken(a)) {
                continue;
            }
            for (std::size_t b = a; b < columns_.size(); ++b) {
                const double end = (columns_[b].x0 + columns_[b].x1) / 2;
                if (end > right || taken(b)) {
                    break;
                }
                if (home < a || home > b) {
                    continue;  // the run must take in the column the text stands over
                }
                const double width = bounds_[b + 1] - bounds_[a];
                if (width < word.x1 - word.x0 - 1.5 * size && a != b) {
                    continue;  // a cell holds its text
                }
                // The table's outer borders are not printed, so the outer columns' bounds are
                // guesses: the middle between the outer columns' middles counts as well.
                const double middle = (start + end) / 2;
                runs.push_back({a, b, width,
                                std::min(std::abs((bounds_[a] + bounds_[b + 1]) / 2 - word.centre_x()),
                                         std::abs(middle - word.centre_x()))});
            }
        }
        if (runs.empty()) {
            return {home, home};
        }
        // A text with header texts below it heads all of them: the widest run it is centred
        // over ("收入预算" over 合计 … 其他收入, not only the column in the middle).
        if (upper) {
            const Run* widest = nullptr;
            for (const Run& run : runs) {
                if (run.distance <= 0.5 * size + 0.05 * run.width &&
                    run.width >= word.x1 - word.x0 - 1.5 * size &&
                    (widest == nullptr || run.width > widest->width)) {
                    widest = &run;
                }
            }
            if (widest != nullptr) {
                return {widest->a, widest->b};
            }
        }
        // Runs that hold the text and are about as well centred as the best: the narrowest.
        double nearest = 1e18;
        for (const Run& run : runs) {
            const bool holds = run.width >= word.x1 - word.x0 - 1.5 * size;
            if (holds) {
                nearest = std::min(nearest, run.distance);
            }
        }
        const Run* chosen = nullptr;
        for (const Run& run : runs) {
            const bool holds = run.width >= word.x1 - word.x0 - 1.5 * size;
            if ((holds || nearest == 1e18) && run.distance <= std::min(nearest, 1e17) + 0.3 * size &&
                (chosen == nullptr || run.width < chosen->width)) {
                chosen = &run;
            }
        }
        if (chosen == nullptr) {
            return {home, home};
        }
        return {chosen->a, chosen->b};
    }

    void build_header() {
        struct Placed {
            Box word;
            std::pair<std::size_t, std::size_t> span;
        };
        // A text with header texts below it (other than its own wrapped lines) is an upper level.
        const auto span = [&](const HeaderCell& piece, const HeaderCell& whole) {
            const Box& word = piece.text;
            bool upper = false;
            for (const HeaderCell& other : cells_) {
                const Box& w = other.text;
                upper = upper || (&other != &whole && w.y0 > word.y1 - 1 &&
                                  std::min(w.x1, word.x1 + piece.size) -
                                          std::max(w.x0, word.x0 - piece.size) >
                                      0);
            }
            return span_of(piece, upper);
        };
        std::vector<Placed> placed;
        for (const HeaderCell& cell : cells_) {
            // The lines of one cell span the same columns; a line spanning others is a level of
            // its own (预算数 over 基本支出 over 人员经费 and 公用经费).
            HeaderCell piece{cell.lines.front(), {cell.lines.front()}, cell.size};
            auto piece_span = span(piece, cell);
            for (std::size_t k = 1; k < cell.lines.size(); ++k) {
                const HeaderCell next{cell.lines[k], {cell.lines[k]}, cell.size};
                const auto next_span = span(next, cell);
                if (next_span == piece_span) {
                    piece.add(cell.lines[k]);
                    continue;
                }
                placed.push_back({piece.text, piece_span});
                piece = next;
                piece_span = next_span;
            }
            if (piece.lines.size() > 1) {
                piece_span = span(piece, cell);
            }
            placed.push_back({piece.text, piece_span});
        }
        // Two header texts side by side on one header row head different columns: a column
        // both runs reach goes to the text printed nearer to it (财政拨款收入 over 项目 and
        // 预算数 keeps 预算数 from 财政拨款支出, centred well to the right over five columns).
        for (Placed& a : placed) {
            for (Placed& b : placed) {
                const double size = std::max(type_size(a.word), type_size(b.word));
                if (&a == &b || std::abs(a.word.centre_y() - b.word.centre_y()) > 0.5 * size ||
                    a.word.x1 > b.word.x0 || a.span.second < b.span.first ||
                    a.span.first >= b.span.first || a.span.second >= b.span.second) {
                    continue;  // a left of b, their runs overlapping at a's right end only
                }
                while (a.span.second >= b.span.first && b.span.first < b.span.second &&
                       a.span.first < a.span.second) {
                    const std::size_t c = b.span.first;
                    const double middle = (columns_[c].x0 + columns_[c].x1) / 2;
                    if (std::abs(middle - a.word.x1) <= std::abs(b.word.x0 - middle)) {
                        ++b.span.first;
                    } else {
                        a.span.second = c - 1;
                    }
                }
            }
        }
        std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
            return a.word.y0 + 1 < b.word.y0 || (std::abs(a.word.y0 - b.word.y0) <= 1 && a.word.x0 < b.word.x0);
        });
        // Cells side by side on one header line do not overlap: a column both texts' runs take
        // (决算数 under 人员经费 … | … 公用经费, each centred over its three columns, the wide
        // gap between them measured loosely) goes to the text whose middle is nearer its own.
        for (std::size_t i = 0; i + 1 < placed.size(); ++i) {
            Placed& left = placed[i];
            Placed& right = placed[i + 1];
            const bool same_line = std::min(left.word.y1, right.word.y1) - std::max(left.word.y0, right.word.y0) >
                                   0.5 * std::min(left.word.height(), right.word.height());
            if (!same_line || left.word.x1 > right.word.x0 || left.span.second < right.span.first ||
                left.span.first >= right.span.first || left.span.second >= right.span.second) {
                continue;
            }
            std::size_t split = right.span.first;
            while (split <= left.span.second &&
                   std::abs((columns_[split].x0 + columns_[split].x1) / 2 - left.word.centre_x()) <
                       std::abs((columns_[split].x0 + columns_[split].x1) / 2 - right.word.centre_x())) {
                ++split;
            }
            left.span.second = split - 1;
            right.span.first = split;
        }
        draft_.printed.columns.resize(columns_.size());
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            PrintedColumn& column = draft_.printed.columns[c];
            column.source = at_page(draft_.printed.page);
            for (const Placed& p : placed) {
                if (c < p.span.first || c > p.span.second) {
                    continue;
                }
                column.header.push_back(printed_text(compact(p.word.text), p.word.page));
            }
        }
    }

    void build_rows() {
        const std::vector<Line>& lines = draft_.body;
        std::vector<double> pitches;
        std::vector<double> heights;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            heights.push_back(text_height(lines[i]));
            if (i > 0 && lines[i].page == lines[i - 1].page && lines[i].has_figure() &&
                lines[i - 1].has_figure()) {
                pitches.push_back(lines[i].centre_y() - lines[i - 1].centre_y());
            }
        }
        text_columns_.assign(columns_.size(), false);
        for (const Line& line : lines) {
            for (const Box& part : line.parts) {
                const bool spans = std::any_of(
                    spanning_texts_.begin(), spanning_texts_.end(), [&](const Column& c) {
                        return part.x0 >= c.x0 - 0.5 && part.x1 <= c.x1 + 0.5;
                    });
                if (!is_figure(part.text) && !spans) {
                    text_columns_[column_of(part)] = true;
                }
            }
        }
        const double height = median(heights, 10);
        const double pitch = median(pitches, 2 * height);
        const double threshold = std::min(0.75 * pitch, 1.6 * height);
        // Lines closer than the table's row spacing print one row: a label or a name wrapped
        // inside its cell, on any number of lines, above or below the figures. A run of close
        // lines holding figures on several lines is several rows, each text line going with
        // the nearest line of figures.
        auto figures = [&](std::size_t i) {
            return lines[i].has_figure() || compact(lines[i].text()) == "无";
        };
        std::vector<std::size_t> row_of(lines.size());
        std::size_t rows = 0;
        const std::vector<double> right = right_edges();
        for (std::size_t start = 0; start < lines.size();) {
            std::size_t end = start + 1;
            // Two lines that each start a numbered item (七、… over 八、…) in the same column are
            // two rows, however close: a wrapped label does not number its second line.
            const auto numbered_below = [&](std::size_t k) {
                for (const Box& a : lines[k - 1].parts) {
                    for (const Box& b : lines[k].parts) {
                        if (starts_numbered(a.text) && starts_numbered(b.text) && place(a) == place(b)) {
                            return true;
                        }
                    }
                }
                return false;
            };
            // Labels above a row's figures, when those stand in boxes far taller than their own
            // labels (ONLYOFFICE) and start below the labels, are a row of their own if the
            // figures' row has its own labels in the same columns (二十六、… over 本年支出合计).
            // Two labels starting at one edge of a column, with no figures between them, the
            // upper one stopping well short of the column's right edge, are two rows: a label
            // wraps only when its line is full (事业收入 over 经营收入, printed closer than the
            // other rows).
            const auto short_above = [&](std::size_t k) {
                if (figures(k)) {
                    return false;
                }
                for (std::size_t j = k; j-- > start && !figures(j);) {
                    for (const Box& a : lines[j].parts) {
                        for (const Box& b : lines[k].parts) {
                            const std::size_t c = place(a);
                            if (!is_figure(a.text) && !is_figure(b.text) && c == place(b) &&
                                std::abs(a.x0 - b.x0) < 1.5 && a.x1 < right[c] - 2 * type_size(a)) {
                                return true;
                            }
                        }
                    }
                }
                return false;
            };
            const auto labels_above = [&](std::size_t k) {
                if (figures(k - 1) || !figures(k)) {
                    return false;
                }
                double top = 1e18;
                double tallest = 0;
                double lowest = 1e18;
                for (const Box& b : lines[k].parts) {
                    if (is_figure(b.text)) {
                        top = std::min(top, b.y0);
                        tallest = std::max(tallest, b.height());
                    } else {
                        lowest = std::min(lowest, b.height());
                    }
                }
                if (lowest == 1e18 || tallest < 2 * lowest || lines[k - 1].y1 > top) {
                    return false;
                }
                return std::all_of(lines[k - 1].parts.begin(), lines[k - 1].parts.end(), [&](const Box& a) {
                    return std::any_of(lines[k].parts.begin(), lines[k].parts.end(), [&](const Box& b) {
                        return !is_figure(b.text) && place(a) == place(b);
                    });
                });
            };
            while (end < lines.size() && lines[end].page == lines[end - 1].page &&
                   lines[end].centre_y() - lines[end - 1].centre_y() < threshold &&
                   !numbered_below(end) && !labels_above(end) && !short_above(end)) {
                ++end;
            }
            // Lines of figures that fill different columns, closer than half the row spacing,
            // are one row printed on offset baselines (ONLYOFFICE): one anchor.
            std::vector<std::size_t> anchors;
            std::vector<bool> filled;
            for (std::size_t i = start; i < end; ++i) {
                if (!figures(i)) {
                    continue;
                }
                std::vector<bool> here(columns_.size(), false);
                for (const Box& part : lines[i].parts) {
                    here[place(part)] = true;
                }
                bool disjoint = !anchors.empty() &&
                                lines[i].centre_y() - lines[anchors.back()].centre_y() < 0.5 * pitch;
                for (std::size_t c = 0; disjoint && c < here.size(); ++c) {
                    disjoint = !(here[c] && filled[c]);
                }
                if (disjoint) {
                    for (std::size_t c = 0; c < here.size(); ++c) {
                        filled[c] = filled[c] || here[c];
                    }
                    continue;
                }
                anchors.push_back(i);
                filled = std::move(here);
            }
            if (anchors.size() <= 1) {
                for (std::size_t i = start; i < end; ++i) {
                    row_of[i] = rows;
                }
                ++rows;
            } else {
                for (std::size_t i = start; i < end; ++i) {
                    std::size_t nearest = 0;
                    for (std::size_t k = 1; k < anchors.size(); ++k) {
                        if (std::abs(lines[anchors[k]].centre_y() - lines[i].centre_y()) <
                            std::abs(lines[anchors[nearest]].centre_y() - lines[i].centre_y())) {
                            nearest = k;
                        }
                    }
                    row_of[i] = rows + nearest;
                }
                rows += anchors.size();
            }
            start = end;
        }
        rows = join_wrapped_cells(row_of, rows);
        const std::size_t first = draft_.printed.rows.size();
        for (std::size_t r = 0; r < rows; ++r) {
            PrintedRow row;
            row.cells.resize(columns_.size());
            draft_.printed.rows.push_back(std::move(row));
        }
        std::vector<bool> placed(rows, false);
        std::vector<std::vector<std::optional<Spot>>> where(
            rows, std::vector<std::optional<Spot>>(columns_.size()));
        for (std::size_t i = 0; i < lines.size(); ++i) {
            PrintedRow& row = draft_.printed.rows[first + row_of[i]];
            if (!placed[row_of[i]]) {
                placed[row_of[i]] = true;
                row.source = at_page(lines[i].page);
                for (PrintedText& cell : row.cells) {
                    cell.source = at_page(lines[i].page);
                }
            }
            for (const Box& part : lines[i].parts) {
                const std::size_t c = place(part);
                PrintedText& cell = row.cells[c];
                if (cell.text.empty()) {
                    cell.source = at_page(part.page);
                    where[row_of[i]][c] = {part.x0, part.centre_y(), part.height(), part.page};
                }
                cell.text += trim(part.text);
            }
        }
        place_merged_labels(first, where, pitch);
    }

    // Where a cell's text was printed: its first box's left edge, middle height and page.
    struct Spot {
        double x0 = 0, y = 0, height = 0;
        int page = 0;
    };

    // Label cells merged across columns or rows are written where a transcription writes them:
    // in the leftmost label column, and in the first row of the rows they head.
    void place_merged_labels(std::size_t first, std::vector<std::vector<std::optional<Spot>>>& where,
                             double pitch) {
        auto& rows = draft_.printed.rows;
        const std::size_t count = rows.size() - first;
        const auto move = [&](std::size_t from_row, std::size_t from_col, std::size_t to_row,
                              std::size_t to_col) {
            PrintedText& from = rows[first + from_row].cells[from_col];
            PrintedText& to = rows[first + to_row].cells[to_col];
            to = from;
            from.text.clear();
            where[to_row][to_col] = where[from_row][from_col];
            where[from_row][from_col].reset();
        };
        const auto label = [&](std::size_t r, std::size_t c) {
            return !rows[first + r].cells[c].text.empty() && !is_figure(rows[first + r].cells[c].text);
        };
        std::size_t leftmost = columns_.size();
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            if (c < text_columns_.size() && text_columns_[c]) {
                leftmost = std::min(leftmost, c);
            }
        }
        // A label centred across the label columns (收入总计 over 项目名称's two columns) does not
        // start at the edge the other labels of its column start at, and has nothing to its left.
        for (std::size_t c = leftmost + 1; c < columns_.size() && leftmost < columns_.size(); ++c) {
            if (!text_columns_[c] || !text_columns_[c - 1]) {
                continue;
            }
            std::map<long, int> starts;
            for (std::size_t r = 0; r < count; ++r) {
                if (label(r, c) && where[r][c]) {
                    ++starts[std::lround(where[r][c]->x0)];
                }
            }
            const auto edge = std::max_element(starts.begin(), starts.end(), [](const auto& a, const auto& b) {
                return a.second < b.second;
            });
            if (edge == starts.end() || edge->second < 3) {
                continue;
            }
            for (std::size_t r = 0; r < count; ++r) {
                // Left-aligned labels start at their column's edge to a fraction of a point;
                // a centred one may start within a character of it by chance (收入总计 over two
                // columns whose border is far left of its cell's middle).
                bool alone = label(r, c) && where[r][c] &&
                             std::abs(where[r][c]->x0 - static_cast<double>(edge->first)) >
                                 std::max(1.5, 0.1 * where[r][c]->height);
                for (std::size_t k = 0; alone && k < c; ++k) {
                    alone = rows[first + r].cells[k].text.empty();
                }
                if (alone) {
                    move(r, c, r, leftmost);
                }
            }
        }
        // A row-header cell merged over several rows (一般公共预算资金 beside 小计 / 公共财政拨款 /
        // 专项收入) prints its label in the middle of its rows. A column is such a column when one
        // of its labels stands between two rows (a span of an even number of rows); each label
        // then heads the rows from the one after the previous span to as far below it as above.
        // Only the first label column is read so: the transcriptions leave a project's name in
        // a 政府采购 table's second column where it is printed, mid-span.
        for (std::size_t c = leftmost; c + 1 < columns_.size() && c == leftmost; ++c) {
            if (!text_columns_[c] || !text_columns_[c + 1]) {
                continue;
            }
            bool between = false;
            for (std::size_t r = 0; r < count; ++r) {
                if (label(r, c) && label(r, c + 1) && where[r][c] && where[r][c + 1] &&
                    std::abs(where[r][c]->y - where[r][c + 1]->y) > 0.3 * pitch) {
                    between = true;
                }
            }
            if (!between) {
                continue;
            }
            std::size_t start = 0;
            for (std::size_t r = 0; r < count; ++r) {
                if (!label(r, c)) {
                    continue;
                }
                if (!label(r, c + 1) || !where[r][c]) {
                    start = r + 1;  // a label across both columns bounds the spans
                    continue;
                }
                const Spot spot = *where[r][c];
                std::size_t s = start;
                while (s < r && (!where[s][c + 1] || where[s][c + 1]->page != spot.page)) {
                    ++s;
                }
                std::size_t end = r;
                double best = 1e18;
                for (std::size_t e = r; e < count; ++e) {
                    if ((e > r && label(e, c)) || !where[e][c + 1] || where[e][c + 1]->page != spot.page) {
                        break;
                    }
                    const double off = std::abs((where[s][c + 1]->y + where[e][c + 1]->y) / 2 - spot.y);
                    if (off < best) {
                        best = off;
                        end = e;
                    }
                }
                if (s < r && where[s][c + 1] && rows[first + s].cells[c].text.empty()) {
                    move(r, c, s, c);
                }
                start = end + 1;
            }
        }
    }

    // Per column: where its longest texts end, the edge a wrapped text runs to. Labels centred
    // across columns (当年支出小计) do not mark a column's edge.
    std::vector<double> right_edges() const {
        std::vector<double> right(columns_.size(), -1e18);
        for (const Line& line : draft_.body) {
            for (const Box& part : line.parts) {
                const bool spans = std::any_of(
                    spanning_texts_.begin(), spanning_texts_.end(), [&](const Column& c) {
                        return part.x0 >= c.x0 - 0.5 && part.x1 <= c.x1 + 0.5;
                    });
                if (!is_figure(part.text) && !spans) {
                    const std::size_t c = place(part);
                    right[c] = std::max(right[c], part.x1);
                }
            }
        }
        return right;
    }

    // A cell's text wrapped onto lines of its own, at the same spacing as the rows (names in the
    // 政府采购 tables, centred in their cells, above and below the row's figures). A row with no
    // figures continues the cell of the row above when that cell's last line runs to the
    // column's right edge and the row below prints nothing in that column; or the cell of the
    // row below when its own text runs to the edge and the row above prints nothing there.
    // Any other row without figures (a blank line of a summary table) stays a row.
    std::size_t join_wrapped_cells(std::vector<std::size_t>& row_of, std::size_t rows) const {
        const std::vector<Line>& lines = draft_.body;
        if (rows < 2) {
            return rows;
        }
        const std::vector<double> right = right_edges();
        struct Shape {
            bool figures = false, numbered = false;
            int page = 0;
            std::vector<bool> filled;     // per column: prints something
            std::vector<bool> runs_on;    // per column: its last line reaches the right edge
            std::vector<bool> numbered_in;  // per column: starts a numbered item (十四、…)
        };
        std::vector<Shape> shapes(rows);
        std::vector<bool> figures_only(rows, true);  // per row: prints figures and nothing else
        std::vector<std::vector<double>> bottom(rows, std::vector<double>(columns_.size(), -1e18));
        for (Shape& shape : shapes) {
            shape.filled.assign(columns_.size(), false);
            shape.runs_on.assign(columns_.size(), false);
            shape.numbered_in.assign(columns_.size(), false);
        }
        for (std::size_t i = 0; i < lines.size(); ++i) {
            Shape& shape = shapes[row_of[i]];
            shape.page = lines[i].page;
            for (const Box& part : lines[i].parts) {
                const std::size_t c = place(part);
                shape.figures = shape.figures || is_figure(part.text) || compact(part.text) == "无";
                shape.numbered = shape.numbered || starts_numbered(part.text);
                figures_only[row_of[i]] = figures_only[row_of[i]] && is_figure(part.text);
                if (!shape.filled[c] && starts_numbered(part.text)) {
                    shape.numbered_in[c] = true;
                }
                shape.filled[c] = true;
                if (part.centre_y() >= bottom[row_of[i]][c]) {
                    bottom[row_of[i]][c] = part.centre_y();
                    shape.runs_on[c] = part.x1 >= right[c] - 1.5 * part.height();
                }
            }
        }
        // Runs of rows without figures between two rows with figures go whole to one of them.
        std::vector<std::size_t> home(rows);
        for (std::size_t r = 0; r < rows; ++r) {
            home[r] = r;
        }
        const auto loose = [&](std::size_t r) { return !shapes[r].figures && !shapes[r].numbered; };
        for (std::size_t r = 0; r < rows;) {
            if (!loose(r)) {
                ++r;
                continue;
            }
            std::size_t end = r;
            while (end < rows && loose(end) && shapes[end].page == shapes[r].page) {
                ++end;
            }
            const bool has_above = r > 0 && shapes[r - 1].figures && shapes[r - 1].page == shapes[r].page;
            const bool has_below = end < rows && shapes[end].figures && shapes[end].page == shapes[r].page;
            bool up = has_above;
            bool down = has_below;
            // Between two numbered items of a column (十四、资源勘探工业信息等 / 支出 / 十五、…),
            // text that is not numbered is the end of the item above, figures or not.
            // The item may end at the top of the next page.
            bool item = r > 0;
            for (std::size_t c = 0; c < columns_.size(); ++c) {
                bool used = false;
                bool runs_on = true;  // every line but the run's last reaches the right edge
                for (std::size_t k = r; k < end; ++k) {
                    used = used || shapes[k].filled[c];
                    if (k + 1 < end && shapes[k].filled[c] && !shapes[k].runs_on[c]) {
                        runs_on = false;
                    }
                }
                if (!used) {
                    continue;
                }
                const bool above = has_above && shapes[r - 1].filled[c];
                const bool below = has_below && shapes[end].filled[c];
                up = up && above && shapes[r - 1].runs_on[c] && runs_on && !below;
                item = item && shapes[r - 1].numbered_in[c] && shapes[r - 1].runs_on[c] && runs_on &&
                       (end == rows || !shapes[end].filled[c] || shapes[end].numbered_in[c]);
                down = down && below && !above && runs_on &&
                       shapes[end - 1].filled[c] && shapes[end - 1].runs_on[c];
            }
            up = up || (item && !down);
            for (std::size_t k = r; k < end; ++k) {
                home[k] = up ? r - 1 : (down ? end : k);
            }
            // One row of labels beside one row of bare figures, in columns apart: the label and
            // the figures of one row printed at different heights in its cell.
            if (!up && !down && end == r + 1) {
                const auto bare = [&](std::size_t g) {
                    if (!shapes[g].figures || shapes[g].page != shapes[r].page || !figures_only[g]) {
                        return false;
                    }
                    for (std::size_t c = 0; c < columns_.size(); ++c) {
                        if (shapes[g].filled[c] && shapes[r].filled[c]) {
                            return false;
                        }
                    }
                    return true;
                };
                const bool above = r > 0 && bare(r - 1);
                const bool below = end < rows && bare(end);
                if (above != below) {
                    home[r] = above ? r - 1 : end;
                }
            }
            r = end;
        }
        std::vector<std::size_t> number(rows);
        std::size_t count = 0;
        for (std::size_t r = 0; r < rows; ++r) {
            if (home[r] == r) {
                number[r] = count++;
            }
        }
        for (std::size_t r = 0; r < rows; ++r) {
            if (home[r] < r) {
                number[r] = number[home[r]];
            }
        }
        for (std::size_t r = rows; r-- > 0;) {
            if (home[r] > r) {
                number[r] = number[home[r]];
            }
        }
        for (std::size_t& row : row_of) {
            row = number[row];
        }
        return count;
    }

    void build_notes() {
        for (const Line& line : draft_.notes) {
            const std::string text = trim(line.text());
            const std::string t = compact(text);
            const bool starts = starts_with(t, "注") || starts_with(t, "说明") ||
                                starts_with(t, "备注") || starts_numbered(t);
            if (starts || draft_.printed.notes.empty()) {
                draft_.printed.notes.push_back(printed_text(text, line.page));
            } else {
                draft_.printed.notes.back().text += text;
            }
        }
    }

    TableDraft& draft_;
    std::vector<Column> columns_;
    std::vector<double> bounds_;  // column i lies between bounds_[i] and bounds_[i + 1]
    std::vector<bool> text_columns_;      // per column: holds texts other than spanning labels
    std::vector<Column> spanning_texts_;  // where labels spanning two columns stand
    std::vector<HeaderCell> cells_;       // the header's texts, wrapped lines joined
};

// ---- the whole document ----------------------------------------------------------------------

class DocumentBuilder {
  public:
    DocumentBuilder(std::vector<Page> pages, PrintedDocument& document)
        : pages_(std::move(pages)), document_(document) {}

    void build() {
        cover();
        std::vector<Line> stream;  // every line in reading order, cover and contents removed
        for (std::size_t p = 0; p < pages_.size(); ++p) {
            if (static_cast<int>(p) == cover_page_) {
                continue;
            }
            std::size_t from = 0;
            contents_rest_ = 0;
            if (contents_page(pages_[p])) {
                contents_end_ = p;
                if (contents_rest_ == 0) {
                    continue;
                }
                from = contents_rest_;
            } else if (contents_end_ && *contents_end_ + 1 == p) {
                from = contents_continued(pages_[p]);
            }
            for (std::size_t l = from; l < pages_[p].lines.size(); ++l) {
                const Line& line = pages_[p].lines[l];
                if (!is_page_number(line, pages_[p])) {
                    stream.push_back(line);
                }
            }
        }
        split(stream);
        for (TableDraft& draft : drafts_) {
            TableBuilder(draft).build();
            draft.printed.index = static_cast<int>(document_.tables.size());
            document_.tables.push_back(std::move(draft.printed));
        }
        sections();
        std::map<MoneyUnit, int> units;
        for (const PrintedTable& table : document_.tables) {
            if (table.money_unit) {
                ++units[*table.money_unit];
            }
        }
        int most = 0;
        for (const auto& [unit, count] : units) {
            if (count > most) {
                most = count;
                document_.money_unit = unit;
            }
        }
        // The unit named before the year in the title ("江苏省委办公厅 2017 年度部门预算").
        const std::string title = compact(document_.title);
        if (document_.unit.empty() && document_.year != 0) {
            const std::size_t at = title.find(std::to_string(document_.year));
            if (at != std::string::npos && char_count(title.substr(0, at)) >= 4) {
                document_.unit = title.substr(0, at);
            }
        }
        if (document_.unit.empty() && !document_.tables.empty()) {
            document_.unit = document_.tables.front().prepared_by;
        }
        // Without a cover in text, the year and kind come from the contents or the titles.
        if (document_.year == 0) {
            std::vector<std::string> places;
            for (const PrintedText& entry : document_.contents) {
                places.push_back(entry.text);
            }
            for (const PrintedTable& table : document_.tables) {
                places.push_back(table.title.text);
            }
            for (const std::string& place : places) {
                year_and_kind(place);
                if (document_.year != 0) {
                    break;
                }
            }
        }
    }

    bool has_cover() const { return !document_.title.empty(); }

  private:
    // The cover: a first page of a few short lines, giving the title, the unit and the year.
    void cover() {
        // The cover: the first page with any text on it (a cover printed as an image leaves
        // only its page number); when it also prints the 目录, the lines above it.
        std::size_t p = 0;
        const auto blank = [&](const Page& page) {
            return std::all_of(page.lines.begin(), page.lines.end(),
                               [&](const Line& l) { return is_page_number(l, page); });
        };
        while (p + 1 < pages_.size() && p < 2 && blank(pages_[p])) {
            ++p;
        }
        if (pages_.empty()) {
            return;
        }
        const Page& first = pages_[p];
        std::vector<const Line*> lines;
        bool contents = false;
        for (const Line& line : first.lines) {
            if (is_page_number(line, first)) {
                continue;
            }
            if (compact(line.text()) == "目录") {
                contents = true;
                break;
            }
            lines.push_back(&line);
        }
        const bool table = std::any_of(lines.begin(), lines.end(), [](const Line* l) {
            return unit_in(l->text()).has_value();
        });
        if (table || lines.size() > 12) {
            lines.clear();  // a page of text or tables, not a cover
        } else if (!contents) {
            cover_page_ = static_cast<int>(p);
        }
        // The title: the lines from the top down to the first date or "单位：…" line.
        std::vector<std::string> title;
        bool title_done = false;
        for (const Line* line : lines) {
            const std::string t = compact(line->text());
            const std::size_t colon = t.find("：");
            if (colon != std::string::npos) {
                const std::string key = t.substr(0, colon);
                if (contains(key, "单位") || contains(key, "部门")) {
                    document_.unit = t.substr(colon + 3);
                }
                title_done = !title.empty();
                continue;
            }
            if (contains(t, "年") && contains(t, "月") && contains(t, "日")) {
                title_done = !title.empty();  // the date of publication
                continue;
            }
            if (!title_done) {
                title.push_back(trim(line->text()));
            } else if (document_.unit.empty() && !contains(t, "年") && char_count(t) <= 30) {
                document_.unit = t;  // the unit printed on a line of its own
            }
        }
        std::string joined;
        for (const std::string& part : title) {
            joined += joined.empty() ? "" : " ";
            joined += part;
        }
        if (contains(joined, "预算") || contains(joined, "决算")) {
            document_.title = joined;
        }
        year_and_kind(document_.title);
    }

    void year_and_kind(const std::string& title) {
        const std::vector<char32_t> cps = code_points(compact(title));
        document_.year = 0;
        for (std::size_t i = 0; i + 4 < cps.size(); ++i) {
            if (cps[i] == U'2' && cps[i + 1] == U'0' && std::isdigit(static_cast<int>(cps[i + 2])) &&
                std::isdigit(static_cast<int>(cps[i + 3])) && cps[i + 4] == U'年') {
                document_.year = 2000 + static_cast<int>(cps[i + 2] - U'0') * 10 +
                                 static_cast<int>(cps[i + 3] - U'0');
                break;
            }
        }
        const std::string t = compact(title);
        const bool final = contains(t, "决算");
        const bool unit = contains(t, "单位预算") || contains(t, "单位决算");
        document_.kind = final ? (unit ? DocumentKind::UnitFinal : DocumentKind::DepartmentFinal)
                               : (unit ? DocumentKind::UnitBudget : DocumentKind::DepartmentBudget);
    }

    // A page headed 目录: its lines are the contents, without dot leaders and page numbers.
    bool contents_page(const Page& page) {
        const auto heading = std::find_if(page.lines.begin(), page.lines.end(), [](const Line& l) {
            return compact(l.text()) == "目录";
        });
        if (heading == page.lines.end() || heading - page.lines.begin() > 3) {
            return false;
        }
        if (contents_read_) {
            return true;
        }
        contents_read_ = true;
        for (auto line = heading + 1; line != page.lines.end(); ++line) {
            // The document itself may start below the contents, with its first entry printed
            // again as a heading (第一部分 部门概况).
            if (!document_.contents.empty() &&
                compact(line->text()) == compact(document_.contents.front().text)) {
                contents_rest_ = static_cast<std::size_t>(line - page.lines.begin());
                break;
            }
            if (is_page_number(*line, page)) {
                continue;
            }
            std::string text = trim(line->text());
            // Dot leaders and the page number after them are the page's, not the entry's.
            auto ends_with = [&](std::string_view tail) {
                return text.size() >= tail.size() &&
                       text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
            };
            const std::size_t digits = text.find_last_not_of("0123456789");
            if (digits != std::string::npos && digits + 1 < text.size()) {
                const std::string before = text.substr(0, digits + 1);
                if (before.back() == ' ' || before.back() == '.' ||
                    (before.size() >= 3 && (before.substr(before.size() - 3) == "…" ||
                                            before.substr(before.size() - 3) == "．")) ||
                    (before.size() >= 2 && before.substr(before.size() - 2) == "·")) {
                    text = before;
                }
            }
            for (bool changed = true; changed;) {
                changed = false;
                for (std::string_view tail : {"…", "·", " ", "．．", ".."}) {
                    if (ends_with(tail)) {
                        text.erase(text.size() - tail.size());
                        changed = true;
                    }
                }
            }
            if (!text.empty()) {
                document_.contents.push_back(printed_text(text, line->page));
                document_.contents.back().source.part = static_cast<std::uint32_t>(line->file);
            }
        }
        return true;
    }

    // The page after the contents may go on with its entries: the document itself starts where
    // the first entry is printed again as a heading. Returns the index of that line (0 when the
    // page does not go on with the contents).
    std::size_t contents_continued(const Page& page) {
        if (document_.contents.empty()) {
            return 0;
        }
        const std::string first = compact(document_.contents.front().text);
        std::size_t at = 0;
        while (at < page.lines.size() && compact(page.lines[at].text()) != first) {
            ++at;
        }
        if (at == 0 || at == page.lines.size()) {
            return 0;
        }
        for (std::size_t l = 0; l < at; ++l) {
            const std::string t = compact(page.lines[l].text());
            if (is_page_number(page.lines[l], page) || t.empty()) {
                continue;
            }
            if (contains(t, "。") || contains(t, "，")) {
                return 0;  // a sentence: not a list of entries
            }
            // An entry wrapped onto a second line (…培训费支 / 出预算表) is one entry.
            if (!starts_numbered(t) && !is_part_heading(t) && !document_.contents.empty() &&
                l > 0) {
                document_.contents.back().text += t;
            } else {
                document_.contents.push_back(printed_text(trim(page.lines[l].text()), page.lines[l].page));
            }
        }
        return at;
    }

    // Walks the lines: table titles open tables, a table runs over following pages while they
    // go on with its rows, and everything else is text.
    void split(const std::vector<Line>& lines) {
        enum class State { Text, Header, Body, Notes };
        State state = State::Text;
        std::set<std::string> header_words;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const Line& line = lines[i];
            const bool new_page = i > 0 && lines[i - 1].page != line.page;
            if (is_title_at(lines, i)) {
                i = open_table(lines, i);
                state = State::Header;
                header_words.clear();
                continue;
            }
            const std::string t = compact(line.text());
            // A table number printed on a line of its own ends whatever came before: it belongs
            // to the next title, which may stand on the next page.
            if (is_label_text(t)) {
                pending_label_ = trim(line.text());
                state = State::Text;
                continue;
            }
            if (new_page && state != State::Text) {
                // A new page without a title goes on with the table while it prints rows; a
                // header printed again on it is not a row.
                if (state == State::Header) {
                    // nothing yet: stay in the header
                } else {
                    // A page that starts with a table title starts a new table, even when
                    // its label line above the title holds figures ("公开 09 表").
                    bool titled = false;
                    for (std::size_t n = i; n < lines.size() && n < i + 3 && lines[n].page == line.page; ++n) {
                        titled = titled || is_title_at(lines, n);
                    }
                    std::size_t k = titled ? lines.size() : i;
                    while (k < lines.size() && lines[k].page == line.page && !lines[k].has_figure() &&
                           std::all_of(lines[k].parts.begin(), lines[k].parts.end(),
                                       [&](const Box& b) { return header_words.count(compact(b.text)) > 0; })) {
                        ++k;
                    }
                    if (k < lines.size() && lines[k].page == line.page && !is_title_at(lines, k) &&
                        (k > i || (lines[k].has_figure() && aligned_with_body(lines[k], 0.5)) ||
                         (!lines[k].has_figure() && wraps_into_body(lines, k)))) {
                        i = k;
                        state = State::Body;
                        drafts_.back().add_body(lines[k]);
                        continue;
                    }
                    state = State::Text;
                }
            }
            switch (state) {
                case State::Text:
                    text_.push_back(line);
                    break;
                case State::Header: {
                    // A header is printed in one block: a line well below it (the 合计 of an
                    // empty table, printed without figures) starts the body.
                    const auto& header = drafts_.back().header;
                    const bool detached = !header.empty() && header.back().page == line.page &&
                                          line.y0 - header.back().y1 > 6 * text_height(line);
                    if (line.has_figure() || t == "无" ||
                        ((detached || empty_table_row(lines, i, header)) && !starts_with(t, "注"))) {
                        state = State::Body;
                        drafts_.back().add_body(line);
                    } else if (starts_note(t)) {
                        state = State::Notes;
                        drafts_.back().notes.push_back(line);
                    } else {
                        drafts_.back().header.push_back(line);
                        for (const Box& b : line.parts) {
                            header_words.insert(compact(b.text));
                        }
                    }
                    break;
                }
                case State::Body: {
                    const auto& body = drafts_.back().body;
                    // Text printed well below the last row, or in a larger type, and not where
                    // the table's columns are, is not the table's.
                    const bool apart = !body.empty() && body.back().page == line.page &&
                                       (line.y0 - body.back().y1 > 3 * body.back().height() ||
                                        (line.y0 - body.back().y1 > body.back().height() &&
                                         line.height() > 1.5 * body.back().height())) &&
                                       !aligned_with_body(line);
                    // A note may stand well below the rows it explains (注：“科目编码”… under a
                    // short table); only a larger type makes it the next part's text.
                    // So may a 说明 in the text's type, when nothing follows it on its page
                    // but the next table: it explains the table, it does not open a part.
                    const bool last_on_page =
                        i + 1 == lines.size() || lines[i + 1].page != line.page ||
                        is_title_at(lines, i + 1) || is_label_text(compact(lines[i + 1].text()));
                    const bool note = ((starts_with(t, "注：") || starts_with(t, "注:")) &&
                                       line.height() <= 1.5 * body.back().height()) ||
                                      ((starts_with(t, "注") || starts_with(t, "说明：")) &&
                                       last_on_page);
                    if (apart && !note) {
                        state = State::Text;
                        text_.push_back(line);
                        break;
                    }
                    // A sentence under the figures is a note even when its 注 is not in the
                    // text layer.
                    if (starts_with(t, "注") || starts_with(t, "说明：") || starts_with(t, "备注") ||
                        ((starts_with(t, "：") || contains(t, "。")) && !line.has_figure())) {
                        state = State::Notes;
                        drafts_.back().notes.push_back(line);
                    } else {
                        drafts_.back().add_body(line);
                    }
                    break;
                }
                case State::Notes: {
                    // Notes are printed right under their table: a line well below the last one,
                    // or in a larger type (the next part's heading), is text after the table.
                    const Line& last = drafts_.back().notes.back();
                    const double gap = line.y0 - last.y1;
                    if (last.page == line.page &&
                        (gap > 3 * last.height() ||
                         (gap > last.height() && line.height() > 1.5 * last.height()))) {
                        state = State::Text;
                        text_.push_back(line);
                        break;
                    }
                    drafts_.back().notes.push_back(line);
                    break;
                }
            }
        }
    }

    // A table printing no figure has no line of figures to start its body: its first row (合计
    // alone, or 此表为空) would be read as one more header level. A line without figures under
    // the header starts the body, when no line of the table below it prints a figure either,
    // if it stands apart from the header (further below its last line than three lines, and
    // than twice the widest gap between the header's own lines), or if it is one text centred
    // under one text of the header line above, below it by more than a wrapped line's
    // spacing: a header cell over a single column is one cell, its text wrapped in it, never
    // a level over one child.
    bool empty_table_row(const std::vector<Line>& lines, std::size_t i,
                         const std::vector<Line>& header) const {
        const Line& line = lines[i];
        if (header.empty() || header.back().page != line.page || line.has_figure()) {
            return false;
        }
        for (std::size_t n = i + 1; n < lines.size() && lines[n].page == line.page; ++n) {
            const std::string t = compact(lines[n].text());
            if (is_title_at(lines, n) || is_label_text(t) || starts_with(t, "注") ||
                starts_with(t, "说明")) {
                break;
            }
            if (lines[n].has_figure()) {
                return false;
            }
        }
        const Line& above = header.back();
        const double size = text_height(line);
        const double gap = line.y0 - above.y1;
        double widest = 0;
        for (std::size_t k = 1; k < header.size(); ++k) {
            if (header[k].page == header[k - 1].page) {
                widest = std::max(widest, header[k].y0 - header[k - 1].y1);
            }
        }
        if (gap > 3 * size && gap > 2 * widest) {
            return true;
        }
        if (line.parts.size() != 1 || above.parts.size() < 2 || gap < 0.5 * size) {
            return false;
        }
        const Box& text = line.parts.front();
        const Box* over = nullptr;
        for (const Box& b : above.parts) {
            if (std::min(b.x1, text.x1) - std::max(b.x0, text.x0) > 0) {
                if (over != nullptr) {
                    return false;
                }
                over = &b;
            }
        }
        return over != nullptr && text.x1 - text.x0 <= over->x1 - over->x0 &&
               std::abs(over->centre_x() - text.centre_x()) < 0.75 * type_size(text);
    }

    // Whether some text of the line starts, or some figure ends, where one of the table's body
    // does: a row of the table, not text under it.
    bool aligned_with_body(const Line& line, double share = 0) const {
        const TableDraft& draft = drafts_.back();
        const auto near = [](const std::set<long>& edges, double x) {
            const auto at = edges.lower_bound(std::lround(2 * x) - 2);
            return at != edges.end() && *at <= std::lround(2 * x) + 2;
        };
        const auto aligned = [&](const Box& part) {
            return is_figure(part.text) ? near(draft.figure_ends, part.x1)
                                        : near(draft.text_starts, part.x0);
        };
        const auto count = std::count_if(line.parts.begin(), line.parts.end(), aligned);
        return count > 0 && static_cast<double>(count) >= share * static_cast<double>(line.parts.size());
    }

    // A page that goes on with a row whose name wraps over the page break starts with the name's
    // last part, without figures: it continues the table when every text on it starts where
    // texts of the table's body start, and figures follow a few such lines below.
    bool wraps_into_body(const std::vector<Line>& lines, std::size_t k) const {
        const std::vector<Line>& body = drafts_.back().body;
        if (body.empty() || contains(lines[k].text(), "。")) {
            return false;
        }
        const bool names = aligned_with_body(lines[k], 1.0);
        for (std::size_t n = k + 1; n < lines.size() && n <= k + 8 && lines[n].page == lines[k].page; ++n) {
            if (lines[n].y0 - lines[n - 1].y1 > 3 * text_height(lines[k])) {
                break;
            }
            if (lines[n].has_figure()) {
                if (names) {
                    return true;
                }
                // Names indented differently from the rows above, followed closely by figures
                // that all end where the table's figure columns end (several of them).
                std::size_t figures = 0;
                for (const Box& part : lines[n].parts) {
                    if (is_figure(part.text)) {
                        ++figures;
                        if (!aligned_with_body(Line{{part}, part.y0, part.y1, part.page, 0, 0}, 1.0)) {
                            return false;
                        }
                    }
                }
                return figures >= 2 && n <= k + 2;
            }
            if (!names || !aligned_with_body(lines[n], 1.0)) {
                break;
            }
        }
        return false;
    }

    // Reads the title and the lines around it (label, 编制单位, 单位); returns the last line used.
    std::size_t open_table(const std::vector<Line>& lines, std::size_t i) {
        TableDraft draft;
        PrintedTable& table = draft.printed;
        const auto [label, title] = split_label(trim(lines[i].text()));
        table.title = printed_text(title, lines[i].page);
        table.label = label;
        table.source = at_page(lines[i].page);
        table.source.part = static_cast<std::uint32_t>(lines[i].file);
        table.page = lines[i].page;
        if (!pending_label_.empty() && i > 0 && is_label_text(lines[i - 1].text())) {
            table.label = pending_label_;
        }
        pending_label_.clear();
        std::size_t last = i;
        for (std::size_t k = i + 1; k < lines.size() && k <= i + 4; ++k) {
            if (lines[k].page != lines[i].page || lines[k].has_figure()) {
                break;
            }
            bool meta = false;
            for (const Box& part : lines[k].parts) {
                if (is_label_text(part.text)) {
                    table.label = trim(part.text);
                    meta = true;
                }
                if (auto unit = unit_in(part.text)) {
                    table.money_unit = unit;
                    meta = true;
                }
            }
            if (auto name = prepared_by_in(lines[k])) {
                table.prepared_by = *name;
                meta = true;
                // A name too long for its cell wraps: its last part stands alone on the next
                // line, right under where the name's text starts, at a paragraph's spacing.
                // Left there, it would be read as the table's first header line.
                if (k + 1 < lines.size() && k + 1 <= i + 4 && lines[k + 1].page == lines[k].page &&
                    lines[k + 1].parts.size() == 1 && !lines[k + 1].has_figure() &&
                    !unit_in(lines[k + 1].text())) {
                    const Box& tail = lines[k + 1].parts.front();
                    const double size = type_size(tail);
                    const bool under = std::any_of(
                        lines[k].parts.begin(), lines[k].parts.end(), [&](const Box& b) {
                            return !unit_in(b.text) && std::abs(b.x0 - tail.x0) < 0.5 * size &&
                                   tail.x1 < b.x1;
                        });
                    // A header's first text starts a band of header lines printed close
                    // under it (采购品目大 / 类 beside 专项名称); a name's tail stands apart.
                    const bool alone = k + 2 >= lines.size() || lines[k + 2].page != tail.page ||
                                       lines[k + 2].y0 > tail.y1 + 0.25 * size;
                    if (under && alone && tail.y0 - lines[k].y1 < 0.8 * size) {
                        table.prepared_by += compact(tail.text);
                        ++k;
                        last = k;
                    }
                }
            }
            if (!meta) {
                if (table.money_unit) {
                    break;
                }
                // A title wrapped onto a second line: joined without a space, as transcribed.
                if (k == i + 1 && !ends_with_table(table.title.text)) {
                    table.title.text += compact(lines[k].text());
                    last = k;
                }
                continue;
            }
            last = k;
            if (table.money_unit && k + 1 < lines.size() && !prepared_by_in(lines[k + 1]) &&
                !is_label_text(lines[k + 1].text())) {
                break;
            }
        }
        drafts_.push_back(std::move(draft));
        return last;
    }

    // Text lines → sections. Headings are the short centred lines when the document has any
    // (Shanghai's templates centre them and number the paragraphs inside); otherwise the
    // numbered headings 一、….
    void sections() {
        // Each page's text margins, for telling an indented or short line from a full one.
        std::map<std::pair<std::size_t, int>, std::pair<double, double>> margins;
        for (const Line& line : text_) {
            auto [it, fresh] = margins.try_emplace({line.file, line.page}, line.x0(), line.x1());
            if (!fresh) {
                it->second.first = std::min(it->second.first, line.x0());
                it->second.second = std::max(it->second.second, line.x1());
            }
        }
        std::vector<bool> centred(text_.size(), false);
        std::vector<bool> numbered(text_.size(), false);
        std::vector<bool> part(text_.size(), false);
        bool any_centred = false;
        bool any_part = false;
        for (std::size_t i = 0; i < text_.size(); ++i) {
            const Line& line = text_[i];
            const double width = line.page_width;
            const std::string t = compact(line.text());
            const bool sentence = contains(t, "。") || contains(t, "；") || contains(t, "，");
            const double middle = (line.x0() + line.x1()) / 2;
            centred[i] = !sentence && char_count(t) <= 40 &&
                         std::abs(middle - width / 2) < 0.06 * width &&
                         line.x1() - line.x0() < 0.6 * width && line.x0() > 0.2 * width;
            any_centred = any_centred || centred[i];
            const std::vector<char32_t> cps = code_points(t);
            numbered[i] = !sentence && char_count(t) <= 40 && !cps.empty() &&
                          is_chinese_numeral(cps[0]) && starts_numbered(t);
            part[i] = !sentence && char_count(t) <= 40 && is_part_heading(t);
            any_part = any_part || part[i];
        }
        // A document printed in parts (第一部分 概况, 第三部分 情况说明) heads its sections with
        // numbered headings (一、…) inside each part; a centred line there is the part's title
        // wrapped onto a second line or the caption of a chart, not a section. A document without
        // parts (Shanghai's budgets) centres its section headings and numbers paragraphs inside.
        std::vector<PrintedSection> all;
        std::vector<bool> in_profile_part;  // per section: under a part about the department itself
        bool profile_part = false;
        bool glossary_part = false;
        for (std::size_t i = 0; i < text_.size(); ++i) {
            const Line& line = text_[i];
            // A heading too long for its line goes on on the next (…培训费支出预算情 / 况说明;
            // a part's title over two centred lines).
            if (i > 0 && !all.empty() && all.back().text.text.empty() &&
                !all.back().heading.text.empty() && !part[i] && !numbered[i] &&
                text_[i - 1].page == line.page) {
                const Line& before = text_[i - 1];
                const std::string t = compact(line.text());
                const bool sentence = contains(t, "。") || contains(t, "；") || contains(t, "，");
                const double right = margins.at({before.file, before.page}).second;
                const bool full = before.x1() >= right - 1.5 * text_height(before) &&
                                  char_count(t) <= 12 && !sentence;
                if ((any_part && part[i - 1] && centred[i]) || (numbered[i - 1] && full)) {
                    all.back().heading.text += t;
                    continue;
                }
            }
            if (part[i]) {
                const std::string t = compact(line.text());
                profile_part = contains(t, "概况");
                glossary_part = contains(t, "名词解释") || contains(t, "名称解释");
            }
            // Inside a part of term definitions every numbered line is a term, not a section.
            const bool heading = any_part ? part[i] || (numbered[i] && !glossary_part)
                                          : (any_centred ? centred[i] : numbered[i]);
            if (heading || all.empty()) {
                PrintedSection section;
                section.source = at_page(line.page);
                section.source.part = static_cast<std::uint32_t>(line.file);
                section.heading = printed_text(heading ? compact(line.text()) : "", line.page);
                section.text = printed_text("", line.page);
                all.push_back(std::move(section));
                in_profile_part.push_back(profile_part && !part[i]);
                if (heading) {
                    continue;
                }
            }
            PrintedSection& section = all.back();
            std::string text = trim(line.text());
            if (!section.text.text.empty()) {
                const Line& before = text_[i - 1];
                const auto [margin_left, margin_right] = margins.at({line.file, line.page});
                const bool indented = line.x0() > margin_left + 1.2 * line.height();
                // A line that stops short ends its paragraph only if it ends a sentence: a figure
                // too long for the rest of the line also leaves it short.
                const std::string ending = trim(before.text());
                const bool sentence_end = std::any_of(
                    std::begin(sentence_ends), std::end(sentence_ends), [&](std::string_view end) {
                        return ending.size() >= end.size() &&
                               ending.compare(ending.size() - end.size(), end.size(), end) == 0;
                    });
                const bool short_before = before.page == line.page && sentence_end &&
                                          before.x1() < margin_right - 1.5 * before.height();
                section.text.text += indented || short_before || starts_numbered(text) ? "\n" : "";
            }
            section.text.text += text;
        }
        for (std::size_t s = 0; s < all.size(); ++s) {
            PrintedSection& section = all[s];
            const std::string h = section.heading.text;
            if (section.text.text.empty() && (h.empty() || any_part)) {
                continue;  // a part's title with its sections below it
            }
            if (contains(h, "名词解释") || contains(h, "名称解释")) {
                glossary(section);
            } else if (in_profile_part[s] || contains(h, "职能") || contains(h, "机构设置") ||
                       contains(h, "概况")) {
                document_.profile.push_back(std::move(section));
            } else {
                document_.narrative.push_back(std::move(section));
            }
        }
    }

    // 名词解释: one entry per numbered term, "（一）term：text".
    void glossary(const PrintedSection& section) {
        std::istringstream in(section.text.text);
        std::string line;
        while (std::getline(in, line)) {
            const std::size_t colon = line.find("：");
            if (starts_numbered(line) && colon != std::string::npos) {
                std::string term = line.substr(0, colon);
                const std::size_t close = term.find("）");
                const std::size_t mark = term.find("、");
                if (close != std::string::npos) {
                    term = term.substr(close + 3);
                } else if (mark != std::string::npos) {
                    term = term.substr(mark + 3);
                }
                PrintedSection entry;
                entry.source = section.source;
                entry.heading = printed_text(term, static_cast<int>(section.source.page));
                entry.text = printed_text(line.substr(colon + 3), static_cast<int>(section.source.page));
                document_.glossary.push_back(std::move(entry));
            } else if (!document_.glossary.empty()) {
                document_.glossary.back().text.text += "\n" + line;
            }
        }
    }

    std::vector<Page> pages_;
    PrintedDocument& document_;
    int cover_page_ = -1;  // the index of a page that is only the cover
    bool contents_read_ = false;
    std::optional<std::size_t> contents_end_;  // the index of the (last) contents page
    std::size_t contents_rest_ = 0;  // where the document starts on its contents page, if it does
    std::vector<TableDraft> drafts_;
    std::vector<Line> text_;
    std::string pending_label_;  // a 公开表 label line waiting for its title
};

void quiet(const std::string&, void*) {}

// A table or a section is printed in one of a disclosure's PDFs: everything read into it is in
// the same one, which its pages are numbered in.
void mark_part(PrintedDocument& document) {
    auto mark = [](SourceLocation& where, std::uint32_t part) { where.part = part; };
    for (PrintedTable& table : document.tables) {
        const std::uint32_t part = table.source.part;
        mark(table.title.source, part);
        for (PrintedColumn& column : table.columns) {
            mark(column.source, part);
            for (PrintedText& text : column.header) {
                mark(text.source, part);
            }
        }
        for (PrintedRow& row : table.rows) {
            mark(row.source, part);
            for (PrintedText& cell : row.cells) {
                mark(cell.source, part);
            }
        }
        for (PrintedText& note : table.notes) {
            mark(note.source, part);
        }
    }
    for (auto* sections : {&document.profile, &document.narrative, &document.glossary}) {
        for (PrintedSection& section : *sections) {
            mark(section.heading.source, section.source.part);
            mark(section.text.source, section.source.part);
        }
    }
}

std::string display_name(const std::vector<std::filesystem::path>& files) {
    std::string out;
    for (const auto& file : files) {
        out += out.empty() ? "" : " + ";
        out += file.string();
    }
    return out;
}

// Reads one PDF's pages; problems go to `diagnostics`. Returns false when nothing could be read.
bool read_pages(const std::filesystem::path& path, std::size_t file_index,
                const LoadOptions& options, std::vector<Page>& pages, Diagnostics& diagnostics) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error) {
        diagnostics.error("input.unreadable", {}, fmt::format("cannot read {}: {}", path.string(), error.message()));
        return false;
    }
    if (size > options.max_file_bytes) {
        diagnostics.error("input.too-large", {},
                          fmt::format("{} is {} bytes; budgetcheck reads at most {} bytes per file",
                                      path.string(), size, options.max_file_bytes));
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
        diagnostics.error("input.unreadable", {}, fmt::format("reading {} failed", path.string()));
        return false;
    }
    if (bytes.find("%PDF-") > 1024) {
        diagnostics.error("pdf.not-a-pdf", {},
                          fmt::format("{} is not a PDF (it does not start with %PDF-): check that "
                                      "the file is the published PDF and was downloaded completely",
                                      path.filename().string()));
        return false;
    }
    const bool ends = bytes.rfind("%%EOF") != std::string::npos &&
                      bytes.rfind("%%EOF") + 2048 >= bytes.size();
    static const bool silenced = [] {
        poppler::set_debug_error_function(quiet, nullptr);
        return true;
    }();
    (void)silenced;
    std::unique_ptr<poppler::document> document(poppler::document::load_from_raw_data(
        bytes.data(), static_cast<int>(bytes.size())));
    if (!document) {
        diagnostics.error("pdf.damaged", {},
                          fmt::format("{} cannot be opened as a PDF: it is damaged{}; get the "
                                      "file again",
                                      path.filename().string(),
                                      ends ? "" : " or cut off (it does not end with %%EOF)"));
        return false;
    }
    if (document->is_locked()) {
        diagnostics.error("pdf.encrypted", {},
                          fmt::format("{} is protected by a password: budgetcheck cannot read "
                                      "its text; ask the publisher for an unprotected copy",
                                      path.filename().string()));
        return false;
    }
    if (!ends) {
        diagnostics.error("pdf.truncated", {},
                          fmt::format("{} does not end with %%EOF: it was cut off while being "
                                      "downloaded or copied, so pages may be missing; get the "
                                      "whole file again",
                                      path.filename().string()));
    }
    const int count = document->pages();
    constexpr int most_pages = 2000;
    if (count > most_pages) {
        diagnostics.error("pdf.too-many-pages", {},
                          fmt::format("{} has {} pages; a disclosure has at most a few hundred, "
                                      "and budgetcheck reads at most {}",
                                      path.filename().string(), count, most_pages));
        return false;
    }
    for (int index = 0; index < count; ++index) {
        std::unique_ptr<poppler::page> page(document->create_page(index));
        if (!page) {
            diagnostics.error("pdf.damaged", at_page(index + 1),
                              fmt::format("page {} of {} cannot be read", index + 1,
                                          path.filename().string()));
            continue;
        }
        Page out;
        out.number = index + 1;
        out.file = file_index;
        const poppler::rectf rect = page->page_rect();
        const bool turned = page->orientation() == poppler::page::landscape ||
                            page->orientation() == poppler::page::seascape;
        out.width = turned ? rect.height() : rect.width();
        out.height = turned ? rect.width() : rect.height();
        std::vector<Box> boxes;
        for (const poppler::text_box& word : page->text_list()) {
            const poppler::byte_array utf8 = word.text().to_utf8();
            std::string text = trim(std::string(utf8.begin(), utf8.end()));
            if (text.empty()) {
                continue;
            }
            const poppler::rectf r = word.bbox();
            Box box;
            box.text = std::move(text);
            box.x0 = r.left();
            box.x1 = r.right();
            box.y0 = r.top();
            box.y1 = r.bottom();
            box.space_after = word.has_space_after();
            box.page = out.number;
            if (box.height() <= 0) {
                continue;
            }
            boxes.push_back(std::move(box));
        }
        out.width = std::max(out.width, rect.width());
        if (!boxes.empty()) {
            out.lines = group_lines(std::move(boxes));
            for (Line& line : out.lines) {
                line.file = file_index;
                line.page_width = out.width;
            }
        }
        pages.push_back(std::move(out));
    }
    return true;
}

}  // namespace

bool is_pdf_path(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".pdf";
}

PdfImport import_pdf(const std::vector<std::filesystem::path>& files, const LoadOptions& options) {
    PdfImport result;
    Diagnostics diagnostics(result.diagnostics);
    std::vector<Page> pages;
    bool any = false;
    for (std::size_t f = 0; f < files.size(); ++f) {
        any = read_pages(files[f], f, options, pages, diagnostics) || any;
    }
    if (!any) {
        return result;
    }
    const bool text = std::any_of(pages.begin(), pages.end(),
                                  [](const Page& p) { return !p.lines.empty(); });
    if (!text) {
        diagnostics.error("pdf.no-text", {},
                          fmt::format("{} has no text layer: its pages are images (a scan), so "
                                      "it needs OCR before budgetcheck can read it, or transcribe "
                                      "it by hand (data/corpus/TRANSCRIBING.md)",
                                      display_name(files)));
        return result;
    }
    PrintedDocument document;
    document.file = display_name(files);
    DocumentBuilder builder(std::move(pages), document);
    builder.build();
    if (!builder.has_cover()) {
        diagnostics.warning("pdf.no-cover", {},
                            fmt::format("no cover title was found in the text (a cover printed "
                                        "as an image?): the document's title is left empty{}",
                                        document.year != 0
                                            ? fmt::format(" and its year, {}, is taken from the "
                                                          "contents or the table titles",
                                                          document.year)
                                            : ""));
    }
    if (document.tables.empty()) {
        diagnostics.warning("pdf.no-tables", {},
                            "no table was found (a table is recognised by its title and the "
                            "单位：元/万元 line under it)");
    }
    if (files.size() > 1) {
        mark_part(document);
    }
    result.document = std::move(document);
    return result;
}

LoadResult load_pdf(const std::vector<std::filesystem::path>& files, const LoadOptions& options) {
    LoadResult result;
    result.file = display_name(files);
    PdfImport imported = import_pdf(files, options);
    result.diagnostics = std::move(imported.diagnostics);
    if (!imported.document) {
        return result;
    }
    Diagnostics diagnostics(result.diagnostics);
    const SubjectCatalog& catalog =
        options.catalog != nullptr ? *options.catalog : bundled_catalog();
    result.document = detail::recognise(*imported.document, catalog, diagnostics);
    return result;
}

}  // namespace budgetcheck
