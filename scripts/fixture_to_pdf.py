#!/usr/bin/env python3
"""Prints a disclosure transcription (docs/format.md) as a PDF the way a budget office's
export would lay it out: a cover, the 情况说明, then each table on its own page with a merged-cell
header. The PDF is made by headless Chromium, a producer none of the corpus PDFs came from, so
importing it back tests the PDF reader on layouts it was not worked out on.

Usage: fixture_to_pdf.py FIXTURE.json OUT.pdf"""
import html
import json
import os
import subprocess
import sys
import tempfile

UNIT_WORDS = {"元": "元", "万元": "万元", "yuan": "元", "ten_thousand_yuan": "万元"}


def cells_of(row):
    return row["cells"] if isinstance(row, dict) else row


def header_rows(columns):
    """Rows of (text, colspan, rowspan) cells: a header shared by neighbouring columns is one
    merged cell, and a column whose path ends early reaches down to the last header row."""
    paths = [c if isinstance(c, list) else [c] for c in columns]
    depth = max(len(p) for p in paths)
    rows = []
    for level in range(depth):
        row = []
        i = 0
        while i < len(paths):
            path = paths[i]
            if level >= len(path):
                i += 1
                continue  # covered by a cell above reaching down
            j = i + 1
            while (j < len(paths) and len(paths[j]) > level and paths[j][:level + 1] == path[:level + 1]
                   and not (level == len(path) - 1) and not (level == len(paths[j]) - 1)):
                j += 1
            rowspan = depth - level if level == len(path) - 1 else 1
            row.append((path[level], j - i, rowspan))
            i = j
        rows.append(row)
    return rows


def render(doc):
    d = doc["document"]
    unit = UNIT_WORDS.get(d.get("money_unit", "万元"), "万元")
    out = ["""<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: A4 landscape; margin: 15mm; }
body { font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; font-size: 10pt; }
.cover { text-align: center; padding-top: 60mm; break-after: page; }
.cover h1 { font-size: 24pt; }
h2 { text-align: center; font-size: 14pt; margin: 4mm 0 2mm; }
h3 { text-align: center; font-size: 12pt; }
section.table { break-before: page; }
.unit { text-align: right; margin: 0 0 1mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 1mm 1.5mm; font-size: 9pt; }
th { font-weight: normal; text-align: center; }
td.n { text-align: right; white-space: nowrap; }
p { text-indent: 2em; line-height: 1.6; margin: 0 0 2mm; }
</style></head><body>"""]
    out.append(f'<div class="cover"><h1>{html.escape(d["title"])}</h1><p>{html.escape(d["unit"])}</p></div>')
    for part in ("profile", "narrative"):
        for section in doc.get(part, []):
            heading = section.get("section") or section.get("heading") or ""
            if heading:
                out.append(f"<h3>{html.escape(heading)}</h3>")
            for paragraph in section.get("text", "").split("\n"):
                if paragraph.strip():
                    out.append(f"<p>{html.escape(paragraph)}</p>")
    for table in doc["tables"]:
        table_unit = UNIT_WORDS.get(table.get("money_unit", ""), unit)
        out.append('<section class="table">')
        if table.get("label"):
            out.append(f'<div>{html.escape(table["label"])}</div>')
        out.append(f'<h2>{html.escape(table["title"])}</h2>')
        out.append(f'<div class="unit">单位：{table_unit}</div><table>')
        for row in header_rows(table["columns"]):
            out.append("<tr>" + "".join(
                f'<th colspan="{c}" rowspan="{r}">{html.escape(t)}</th>' for t, c, r in row) + "</tr>")
        for row in table["rows"]:
            tds = []
            for text in cells_of(row):
                numeric = text.replace(",", "").replace(".", "").replace("-", "").replace("%", "").isdigit()
                tds.append(f'<td class="{"n" if numeric else ""}">{html.escape(text)}</td>')
            out.append("<tr>" + "".join(tds) + "</tr>")
        out.append("</table>")
        for note in table.get("notes", []):
            out.append(f"<div>{html.escape(note if isinstance(note, str) else note.get('text', ''))}</div>")
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out)


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as handle:
        doc = json.load(handle)
    with tempfile.TemporaryDirectory() as work:
        page = os.path.join(work, "page.html")
        with open(page, "w", encoding="utf-8") as handle:
            handle.write(render(doc))
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-pdf-header-footer", f"--print-to-pdf={os.path.abspath(target)}", page],
                       check=True, capture_output=True)


if __name__ == "__main__":
    main()
