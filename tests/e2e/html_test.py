#!/usr/bin/env python3
"""End-to-end checks of the html report, in the page as written and, when Debian's chromium is
installed, in the page as a browser built it (after its script ran).
Usage: html_test.py BUDGETCHECK SOURCE_DIR SCENARIO
Exits 77 (ctest's SKIP_RETURN_CODE) when a browser scenario finds no chromium."""
import glob
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

BIN, SRC, SCENARIO = sys.argv[1], sys.argv[2], sys.argv[3]
DATA = os.path.join(SRC, "data")
BUNDLED = sorted(glob.glob(os.path.join(DATA, "*.json")))
SKIP = 77
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def expect(condition, message):
    if not condition:
        print(f"FAIL [{SCENARIO}]: {message}")
        sys.exit(1)


def run(*args):
    environment = dict(os.environ, LANG="C.UTF-8", LC_ALL="", LC_MESSAGES="")
    done = subprocess.run([BIN, *args], capture_output=True, env=environment)
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children, self.text = tag, dict(attrs), parent, [], ""

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def find_all(self, test):
        return [node for node in self.walk() if test(node)]

    def all_text(self):
        return self.text + "".join(child.all_text() for child in self.children)


class Tree(html.parser.HTMLParser):
    """The page as a tree of elements; a script's text stays text, as in a browser."""

    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.current = self.root
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.text += data


def json_report(paths):
    code, out, _ = run("verify", "--format", "json", *paths)
    expect(code in (0, 1), f"json report exit {code}")
    return json.loads(out)


def self_contained(page, root):
    """Nothing in the page names anything outside it."""
    for node in root.walk():
        for name in ("src", "href", "action", "srcset", "poster", "data", "formaction"):
            value = node.attrs.get(name)
            if value is not None:
                expect(value.startswith("#") or value.startswith("data:"), f"{node.tag} {name}={value!r} leaves the page")
        expect(node.tag not in ("link", "iframe", "img", "object", "embed", "base"), f"a <{node.tag}> element")
    style = "".join(node.all_text() for node in root.find_all(lambda n: n.tag == "style"))
    expect("url(" not in style and "@import" not in style, "the style sheet loads nothing")
    expect("http://" not in page.lower().replace("http://www.w3.org", ""), "no http:// address")
    expect("https://" not in page.lower(), "no https:// address")


def check_page(page, report, inputs):
    """The page shows every table of every input and marks every finding where it belongs."""
    root = Tree(page).root
    self_contained(page, root)

    # The summary counts are the json report's.
    counts = {n.attrs["data-count"]: int(n.find_all(lambda m: m.tag == "dd")[0].all_text())
              for n in root.find_all(lambda n: n.attrs.get("data-count") and "count" in n.classes())}
    files = report["files"]
    def total(key):
        return sum(f["summary"][key] for f in files)
    def claims(key):
        return sum(f["claims"][key] for f in files)
    want = {"files": report["summary"]["files"], "files_with_errors": report["summary"]["files_with_errors"],
            "unreadable": report["summary"]["unreadable"], "errors": total("errors"), "warnings": total("warnings"),
            "notes": total("notes"), "identities_checked": total("identities_checked"),
            "checks_skipped": total("checks_skipped"), "suppressed": total("suppressed"),
            "rounding_notes": sum(1 for f in files for x in f["findings"] if x["rule"] == "rounding.explained"),
            "claims_found": claims("found"), "claims_verified": claims("verified"),
            "claims_mismatched": claims("mismatched"), "claims_unverifiable": claims("unverifiable")}
    expect(counts == want, f"summary counts {counts} differ from the json report's {want}")

    sections = root.find_all(lambda n: n.tag == "section" and "file" in n.classes())
    expect([s.attrs["data-file"] for s in sections] == [f["file"] for f in files], "a section per file, in order")
    if len(files) > 1:
        index = root.find_all(lambda n: n.attrs.get("id") == "index")
        expect(index, "a batch has an index of its files")
        links = [a.attrs["href"] for a in index[0].find_all(lambda n: n.tag == "a")]
        expect(links == [f"#{s.attrs['id']}" for s in sections], "the index links to each section")

    for section, result, path in zip(sections, files, inputs):
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
        tables = {int(t.attrs["data-t"]): t for t in section.find_all(lambda n: n.attrs.get("data-t") is not None)}
        expect(sorted(tables) == list(range(len(document["tables"]))), f"{path}: every table is rendered ({sorted(tables)})")
        for index, table in enumerate(document["tables"]):
            shown = tables[index]
            expect(table["title"] in shown.find_all(lambda n: n.tag == "h3")[0].all_text(), f"{path}: title of table {index}")
            if "rows" in table:
                body = shown.find_all(lambda n: n.tag == "tbody")[0]
                rows = [n for n in body.children if n.tag == "tr"]
                expect(len(rows) == len(table["rows"]), f"{path}: table {index} has {len(rows)} rows, printed {len(table['rows'])}")
        for i, finding in enumerate(result["findings"]):
            shown = section.find_all(lambda n: n.tag == "details" and "finding" in n.classes() and n.attrs.get("data-i") == str(i))
            expect(len(shown) == 1, f"{path}: finding {i} is listed once")
            expect(f"sev-{finding['severity']}" in shown[0].classes() and shown[0].attrs["data-rule"] == finding["rule"],
                   f"{path}: finding {i} listed with its severity and rule")
            expect(finding["arithmetic"] in shown[0].all_text(), f"{path}: finding {i} shows its arithmetic")
            links = shown[0].find_all(lambda n: n.tag == "a" and "rule" in n.classes())
            expect(len(links) == 1 and links[0].attrs["href"] == "#rule-" + finding["rule"]
                   and root.find_all(lambda n: n.tag == "dt" and n.attrs.get("id") == "rule-" + finding["rule"]),
                   f"{path}: finding {i}'s rule links to its entry in the page's list of rules")
            cell = finding["cells"][0] if finding["cells"] else None
            if cell is None or not cell["pointer"]:
                continue
            def marks(node):
                if node.attrs.get("data-p") != cell["pointer"] or str(i) not in (node.attrs.get("data-f") or "").split():
                    return False
                return "claim" not in node.classes() or f"{cell['line']}:{cell['column_number']}" in node.attrs["data-at"].split()
            places = section.find_all(marks)
            expect(places, f"{path}: finding {i} ({finding['rule']}) has a mark at {cell['pointer']}")
            severities = ["error", "warning", "note"]
            mark = next((c for c in places[0].classes() if c.startswith("m-")), None)
            expect(mark and severities.index(mark[2:]) <= severities.index(finding["severity"]),
                   f"{path}: finding {i} is marked as {finding['severity']} or worse at {cell['pointer']} ({mark})")
            symbols = [n for n in places[0].walk() if "sym" in n.classes()]
            expect(symbols and symbols[0].all_text() in "✖▲●", f"{path}: finding {i}'s mark has a symbol, not a colour alone")
        # Every identity the file's summary counts is in its list, and every checked cell names
        # the identities it takes part in, each with its rule in the page's list of rules.
        # (A line each, "RULE VERDICT STATEMENT", in a template: see identities_html.)
        templates = section.find_all(lambda n: n.tag == "template" and "identities" in n.classes())
        listed = templates[0].all_text().split("\n")[:-1] if templates else []
        expect(len(listed) == result["summary"]["identities_checked"],
               f"{path}: {len(listed)} identities listed, {result['summary']['identities_checked']} checked")
        rules = {n.attrs["data-n"] for n in root.find_all(lambda n: n.tag == "dt" and n.attrs.get("data-n") is not None)}
        for cell in section.find_all(lambda n: n.tag == "td" and "k" in n.classes()):
            expect(cell.attrs.get("data-k"), f"{path}: a checked cell names its identities")
            for i in cell.attrs["data-k"].split():
                rule, verdict = (listed[int(i)].split(" ") + ["", ""])[:2]
                expect(rule in rules and verdict in ("h", "w", "f"),
                       f"{path}: identity {i} has a rule of the page's list and a verdict ({listed[int(i)]!r})")
        claims_shown = section.find_all(lambda n: "claim" in n.classes())
        narrative_claims = result["claims"]["items"]
        # Claims read from one figure share its mark: mismatched if one is, else verified if one is.
        statuses = {}
        for claim in narrative_claims:
            statuses.setdefault(f"{claim['line']}:{claim['column']}", set()).add(claim["status"])
        for at, seen in statuses.items():
            found = [n for n in claims_shown if at in n.attrs.get("data-at", "").split()]
            expect(len(found) == 1, f"{path}: the figure of the claim at {at} is marked once")
            together = set().union(*(statuses.get(a, set()) for a in found[0].attrs["data-at"].split()))
            status = next(s for s in ("mismatched", "verified", "unverifiable") if s in together or s == "unverifiable")
            expect(f"c-{status}" in found[0].classes(), f"{path}: the claim at {at} is marked {status} ({found[0].classes()})")
            expect(found[0].find_all(lambda n: "cs" in n.classes())[0].all_text() == {"verified": "✔", "mismatched": "✖", "unverifiable": "?"}[status],
                   f"{path}: the claim at {at} has its status symbol")
    return root


def chromium():
    for name in ("chromium", "chromium-browser"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def render(page_path, work, fragment=""):
    """The DOM after the page's script ran, and the requests the page made, from the browser's
    net log."""
    browser = chromium()
    netlog = os.path.join(work, "netlog.json")
    profile = os.path.join(work, "profile")
    shutil.rmtree(profile, ignore_errors=True)
    done = subprocess.run([browser, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update",
                           f"--user-data-dir={profile}", "--host-resolver-rules=MAP * ~NOTFOUND",
                           f"--log-net-log={netlog}", "--virtual-time-budget=5000", "--dump-dom",
                           f"file://{page_path}{fragment}"],
                          capture_output=True, timeout=300)
    expect(done.returncode == 0, f"chromium exit {done.returncode}: {done.stderr.decode()[-2000:]}")
    return done.stdout.decode("utf-8"), page_requests(netlog)


def page_requests(netlog):
    """The addresses a page asked for. The browser's own traffic (update checks, accounts) has no
    origin; what a page loaded from a file asks for has the file's opaque origin, "null"."""
    with open(netlog, encoding="utf-8", errors="replace") as handle:
        log = json.load(handle)
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [event["params"]["url"] for event in log["events"]
            if event["type"] == start and event.get("params", {}).get("initiator", "not an origin") != "not an origin"]


def no_request_left(requests, work):
    expect(requests == [], f"the page made requests: {requests}")
    # The net log would see one if the page made it: a page that does is caught.
    leaking = os.path.join(work, "leaking.html")
    with open(leaking, "w", encoding="utf-8") as handle:
        handle.write('<!DOCTYPE html><img src="http://example.com/mark.png">')
    _, caught = render(leaking, work)
    expect(caught == ["http://example.com/mark.png"], f"the net log misses a page's request ({caught})")


def static():
    report = json_report(BUNDLED)
    code, page, _ = run("verify", "--format", "html", *BUNDLED)
    expect(code == 1, f"html exit {code} (the bundled data has errors)")
    expect(page.startswith("<!DOCTYPE html>"), "an html document")
    check_page(page, report, BUNDLED)
    code, page, _ = run("verify", "--format", "html", "--lang", "zh", BUNDLED[1])
    expect("<html lang=\"zh-CN\">" in page and "<h2>概要</h2>" in page, "--lang zh gives a Chinese page")
    expect("文中为 4.57%" in page and "是否应为 30309？" in page, "the findings and their hints in Chinese")
    expect('<p class="unit">单位：万元</p>' in page, "the unit line as a Chinese table prints it")
    code, page, _ = run("verify", "--format", "html", BUNDLED[1])
    expect('<p class="unit">unit: 万元</p>' in page, "the unit line in English")
    expect('<span class="claim c-mismatched m-error" data-at="378:186" data-status="mismatched" '
           'data-reason="mismatched: 使用非财政拨款结余 of 人力资源和社会保障部信息中心收入预算 (9,076.74 万元)"' in page,
           "the mismatched share is marked as an error, with its reason")


def browser():
    if not chromium():
        print(f"SKIP [{SCENARIO}]: chromium is not installed (scripts/run.sh test installs it)")
        sys.exit(SKIP)
    inputs = BUNDLED + sorted(glob.glob(os.path.join(DATA, "corpus", "*.json")))
    report = json_report(inputs)
    with tempfile.TemporaryDirectory() as work:
        page_path = os.path.join(work, "report.html")
        code, _, _ = run("verify", "--format", "html", "--output", page_path, *inputs)
        expect(code == 1, f"html exit {code}")
        dom, requests = render(page_path, work)
        no_request_left(requests, work)
        root = check_page(dom, report, inputs)
        expect(not root.find_all(lambda n: n.tag == "script" and n.attrs.get("type") == "text/x-budgetcheck-section"),
               "a batch this size is written whole")
        index = root.find_all(lambda n: n.attrs.get("id") == "index")[0]
        headers = [th for th in index.find_all(lambda n: n.tag == "th")]
        expect(headers[0].attrs.get("tabindex") == "0", "the script made the index sortable")

        # A link to a finding opens it and highlights every cell it involves.
        mohrss = inputs.index(os.path.join(DATA, "mohrss-information-center-2024.json"))
        finding = next(i for i, f in enumerate(report["files"][mohrss]["findings"]) if f["rule"] == "classification.parent-code")
        dom, _ = render(page_path, work, f"#file-{mohrss + 1}-f{finding}")
        section = Tree(dom).root.find_all(lambda n: n.attrs.get("id") == f"file-{mohrss + 1}")[0]
        opened = section.find_all(lambda n: n.attrs.get("id") == f"file-{mohrss + 1}-f{finding}")[0]
        expect("open" in opened.attrs, "the linked finding is open")
        pointers = {c["pointer"] for c in report["files"][mohrss]["findings"][finding]["cells"]}
        lit = {n.attrs.get("data-p") for n in section.find_all(lambda n: "hl" in n.classes())}
        expect(lit == pointers, f"the cells it involves are highlighted: {lit} for {pointers}")

        # Selecting a cell lists every finding it takes part in: a copy of the page clicks the
        # cell behind the classification finding, as a reader would.
        with open(page_path, encoding="utf-8") as handle:
            page = handle.read()
        cell = report["files"][mohrss]["findings"][finding]["cells"][0]["pointer"]
        # The finding is about a whole row: a reader clicks any cell of it.
        click = ('<script>var place=document.querySelector(\'#file-%d [data-p="%s"]\');'
                 '(place.tagName === "TR" ? place.cells[1] : place).click();</script></body>' % (mohrss + 1, cell))
        clicking = os.path.join(work, "clicking.html")
        with open(clicking, "w", encoding="utf-8") as handle:
            handle.write(page.replace("</body>", click))
        dom, _ = render(clicking, work)
        panel = Tree(dom).root.find_all(lambda n: n.attrs.get("id") == "panel")[0]
        expect("hidden" not in panel.attrs, "selecting a cell opens the panel")
        listed = sorted(a.attrs["href"] for a in panel.find_all(lambda n: n.tag == "a" and n.attrs.get("href", "").startswith("#file-")))
        involving = sorted(f"#file-{mohrss + 1}-f{i}" for i, f in enumerate(report["files"][mohrss]["findings"])
                           if any(c["pointer"] == cell for c in f["cells"]))
        expect(listed == involving, f"the panel lists every finding the cell takes part in: {listed}, not {involving}")

        # Selecting a cell lists every identity it takes part in: 支出预算总表 合计 × 基本支出 of
        # the 吉林 seed, 517.03, which its lines and its row's columns miss by rounding, and which
        # other tables and the text repeat. Selecting an identity's arithmetic highlights its cells.
        jilin = os.path.join(DATA, "jilin-hrss-information-center-2024.json")
        single = os.path.join(work, "jilin.html")
        code, _, _ = run("verify", "--format", "html", "--output", single, jilin)
        expect(code == 1, f"html exit {code} for the 吉林 seed (it has errors)")
        with open(single, encoding="utf-8") as handle:
            page = handle.read()
        click = ('<script>document.querySelector(\'#file-1 td[data-p="/tables/2/rows/16/2"]\').click();'
                 'document.querySelector("#panel ol.identities a.arithmetic").click();</script></body>')
        with open(clicking, "w", encoding="utf-8") as handle:
            handle.write(page.replace("</body>", click))
        dom, _ = render(clicking, work)
        root = Tree(dom).root
        panel = root.find_all(lambda n: n.attrs.get("id") == "panel")[0]
        items = panel.find_all(lambda n: n.tag == "li" and "identity" in n.classes())
        def shown(item):
            rule = item.find_all(lambda n: n.tag == "a" and n.attrs.get("href", "").startswith("#rule-"))[0]
            said = item.find_all(lambda n: "arithmetic" in n.classes())[0].all_text()
            verdict = item.find_all(lambda n: "verdict" in n.classes())[0].all_text()
            expect(rule.attrs["href"] == "#rule-" + rule.all_text(), f"the rule {rule.all_text()} links to its entry")
            return (rule.all_text(), said, verdict)
        quote = ("narrative.amount", "517.03 万元 in the text = 支出预算总表 合计 × 基本 支出", "✔ holds exactly")
        same = "517.03 = 517.03 ✓"
        want = [("footing.total-row", "437.69 + 31.60 + 47.73 = 517.02, printed 517.03", "≈ within rounding"),
                ("crossfoot.column-group", "517.03 + 3877.19 = 4394.22, printed 4394.21", "≈ within rounding"),
                ("crosstable.basic-table", same, "✔ holds exactly"),
                ("crosstable.same-figure", same, "✔ holds exactly"),
                ("amount.well-formed", "A money figure is not negative outside a column of changes, nor finer than its unit allows",
                 "✔ holds exactly"),
                quote, quote, quote]
        got = [shown(item) for item in items]
        expect(got == want, f"the panel lists the cell's identities: {got}")
        for rule in {w[0] for w in want}:
            expect(root.find_all(lambda n: n.tag == "dt" and n.attrs.get("id") == "rule-" + rule),
                   f"the page's list of rules has {rule}")
        lit = root.find_all(lambda n: "hl" in n.classes())
        values = sorted(n.text for n in lit)  # the figure, not the mark's symbol
        expect(values == ["31.60", "437.69", "47.73", "517.03"] and "/tables/2/rows/16/2" in {n.attrs.get("data-p") for n in lit},
               f"selecting footing.total-row's arithmetic highlights its total and its three lines: {values}")


def browser_large_batch():
    """Past the inline limit sections are built when opened; #all builds every one."""
    if not chromium():
        print(f"SKIP [{SCENARIO}]: chromium is not installed (scripts/run.sh test installs it)")
        sys.exit(SKIP)
    with tempfile.TemporaryDirectory() as work:
        copies = os.path.join(work, "batch")
        os.makedirs(copies)
        inputs = []
        for i in range(24):
            target = os.path.join(copies, f"{i:02}-{os.path.basename(BUNDLED[i % 2])}")
            shutil.copy(BUNDLED[i % 2], target)
            inputs.append(target)
        report = json_report([copies])
        page_path = os.path.join(work, "report.html")
        code, _, _ = run("verify", "--format", "html", "--output", page_path, copies)
        expect(code == 1, f"html exit {code}")
        with open(page_path, encoding="utf-8") as handle:
            page = handle.read()
        closed = Tree(page).root
        expect(len(closed.find_all(lambda n: n.attrs.get("data-t") is not None)) == 0, "sections wait as text until opened")
        expect(not closed.find_all(lambda n: n.tag == "template"), "so do their identities")
        dom, requests = render(page_path, work, "#all")
        no_request_left(requests, work)
        check_page(dom, report, inputs)


SCENARIOS = {"static": static, "browser": browser, "browser-large-batch": browser_large_batch}
SCENARIOS[SCENARIO]()
print(f"PASS [{SCENARIO}]")
