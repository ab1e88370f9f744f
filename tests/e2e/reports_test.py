#!/usr/bin/env python3
"""End-to-end checks of the report formats, exit codes, batch, configuration and baselines,
run against the built binary. Usage: reports_test.py BUDGETCHECK SOURCE_DIR SCENARIO"""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.dom.minidom

import jsonschema

BIN, SRC, SCENARIO = sys.argv[1], sys.argv[2], sys.argv[3]
JILIN = os.path.join(SRC, "data/jilin-hrss-information-center-2024.json")
MOHRSS = os.path.join(SRC, "data/mohrss-information-center-2024.json")
CLEAN = os.path.join(SRC, "tests/fixtures/clean.json")
TRUNCATED = os.path.join(SRC, "tests/fixtures/truncated.json")


def run(*args, stdin=None, env=None, cwd=None):
    environment = dict(os.environ, LANG="C.UTF-8", LC_ALL="", LC_MESSAGES="")
    environment.pop("NO_COLOR", None)
    environment.update(env or {})
    done = subprocess.run([BIN, *args], input=stdin, capture_output=True, env=environment, cwd=cwd)
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


def expect(condition, message):
    if not condition:
        print(f"FAIL [{SCENARIO}]: {message}")
        sys.exit(1)


def text_at(path, line, column):
    """The characters of a file at a 1-based line and code-point column."""
    with open(path, encoding="utf-8") as handle:
        return handle.read().split("\n")[line - 1][column - 1:]


def formats():
    code, out, _ = run("verify", "--format", "json", JILIN, MOHRSS)
    expect(code == 1, f"json exit {code}")
    report = json.loads(out)
    with open(os.path.join(SRC, "docs/schema/report-v1.schema.json"), encoding="utf-8") as handle:
        jsonschema.validate(report, json.load(handle))
    mohrss = report["files"][1]
    expect(mohrss["summary"]["errors"] == 3 and mohrss["claims"]["mismatched"] == 1, "json counts")

    code, out, _ = run("verify", "--format", "ndjson", JILIN, MOHRSS)
    records = [json.loads(line) for line in out.splitlines()]
    expect({r["type"] for r in records} == {"finding", "file", "summary"}, "ndjson record types")
    expect(records[-1]["type"] == "summary", "ndjson ends with the summary")

    code, out, _ = run("verify", "--format", "sarif", JILIN, MOHRSS)
    sarif = json.loads(out)
    expect(sarif["version"] == "2.1.0", "sarif version")
    run0 = sarif["runs"][0]
    expect(run0["tool"]["driver"]["name"] == "budgetcheck", "sarif driver name")
    ids = {rule["id"] for rule in run0["tool"]["driver"]["rules"]}
    for result in run0["results"]:
        expect(result["ruleId"] in ids, f"sarif ruleId {result['ruleId']} among the rules")
        expect(result["level"] in ("error", "warning", "note"), "sarif level")
        expect(result["message"]["text"], "sarif message")
        location = result["locations"][0]["physicalLocation"]
        expect(location["artifactLocation"]["uri"] and location["region"]["startLine"] >= 1, "sarif location")
    share = next(r for r in run0["results"] if r["ruleId"] == "narrative.share")
    region = share["locations"][0]["physicalLocation"]["region"]
    expect(text_at(MOHRSS, region["startLine"], region["startColumn"]).startswith("4.57%"), "sarif points at the 4.57%")
    code_result = next(r for r in run0["results"] if r["ruleId"] == "classification.parent-code")
    region = code_result["locations"][0]["physicalLocation"]["region"]
    expect(text_at(MOHRSS, region["startLine"], region["startColumn"]).startswith('["30209"'), "sarif points at the 30209 row")
    rounding = next(r for r in run0["results"] if r["ruleId"] == "rounding.explained")
    region = rounding["locations"][0]["physicalLocation"]["region"]
    expect(text_at(JILIN, region["startLine"], region["startColumn"]).startswith('"517.03"') or
           text_at(JILIN, region["startLine"], region["startColumn"]).startswith('"4394.21"') or
           text_at(JILIN, region["startLine"], region["startColumn"])[:1] in "0123456789", "sarif points at a figure")

    code, out, _ = run("verify", "--format", "junit", JILIN, MOHRSS)
    dom = xml.dom.minidom.parseString(out)
    suites = dom.getElementsByTagName("testsuite")
    expect(len(suites) == 2, "junit: a suite per file")
    # 吉林 fails only in the text family (its one template residue); 人社部 in several.
    expect(int(suites[1].getAttribute("failures")) > 1 and suites[0].getAttribute("failures") == "1", "junit failures")
    jilin_failed = [case.getAttribute("name") for case in suites[0].getElementsByTagName("testcase")
                    if case.getElementsByTagName("failure")]
    expect(jilin_failed == ["text"], f"junit: 吉林 fails in text alone ({jilin_failed})")

    code, out, _ = run("verify", "--format", "github", MOHRSS)
    expect(re.search(r"^::error file=.*mohrss-information-center-2024.json,line=378,col=186,title=narrative.share::", out, re.M),
           "github annotation for the share")

    code, out, _ = run("verify", "--format", "markdown", JILIN, MOHRSS)
    expect(out.startswith("## budgetcheck: 2 of 2 files with errors"), "markdown heading")
    expect("### Errors" in out, "markdown errors")

    code, out, _ = run("verify", "--format", "csv", JILIN, MOHRSS)
    rows = list(csv.reader(io.StringIO(out)))
    expect(rows[0] == ["file", "unit", "year", "kind", "status", "severity", "rule", "table", "row", "column", "line",
                       "column_number", "pointer", "expected", "actual", "difference", "money_unit", "arithmetic", "hint",
                       "message", "justification", "errors", "warnings", "notes"], "csv header")
    share = [row for row in rows[1:] if row[6] == "narrative.share" and row[10] == "378"]
    expect(len(share) == 1 and share[0][1] == "人力资源和社会保障部信息中心" and share[0][2] == "2024"
           and share[0][4] == "finding" and share[0][13:17] == ["4.56", "4.57", "0.01", "%"], f"csv row for the share {share}")
    files = [row for row in rows[1:] if row[4] == "checked"]
    expect([row[0] for row in files] == [JILIN, MOHRSS] and files[0][21:24] == ["1", "1", "26"], f"a csv row per file {files}")
    expect(any(row[4] == "rule-total" and row[6] == "narrative.share" and row[21] == "1" for row in rows), "csv totals per rule")
    with tempfile.TemporaryDirectory() as work:
        target = os.path.join(work, "findings.csv")
        run("verify", "--format", "csv", "--output", target, JILIN)
        with open(target, "rb") as handle:
            expect(handle.read(3) == b"\xef\xbb\xbf", "a csv file starts with a byte order mark for Excel")


def exit_codes():
    expect(run("verify", CLEAN)[0] == 0, "clean file exits 0")
    with tempfile.TemporaryDirectory() as work:
        warned = os.path.join(work, "warned.json")
        with open(CLEAN, encoding="utf-8") as handle:
            document = json.load(handle)
        document["tables"][-1].pop("notes")  # an empty table that says nothing: a warning
        with open(warned, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False)
        expect(run("verify", warned)[0] == 0, "warnings only exits 0")
        expect(run("verify", "--fail-on", "warning", warned)[0] == 1, "--fail-on warning exits 1")
    expect(run("verify", MOHRSS)[0] == 1, "errors exit 1")
    expect(run("verify", TRUNCATED)[0] == 2, "bad input exits 2")
    expect(run("verify", "--format", "nonsense", CLEAN)[0] == 2, "usage error exits 2")


def jobs():
    with tempfile.TemporaryDirectory() as work:
        for i in range(6):
            shutil.copy(JILIN, os.path.join(work, f"j{i}.json"))
            shutil.copy(MOHRSS, os.path.join(work, f"m{i}.json"))
        shutil.copy(TRUNCATED, os.path.join(work, "broken.json"))
        for fmt in ("text", "json", "ndjson", "sarif", "html"):
            one = run("verify", "--jobs", "1", "--format", fmt, work)
            four = run("verify", "--jobs", "4", "--format", fmt, work)
            expect(one == four, f"--jobs 1 and --jobs 4 differ in {fmt}")
            expect(one[0] == 2, "a broken file among good ones exits 2")
        code, out, _ = run("verify", "--jobs", "4", work)
        expect("13 files checked: 12 with errors, 1 unreadable" in out, "batch summary")
        expect("most frequent rules: narrative.unverifiable" in out, "most frequent rules")


def last_year():
    corpus = os.path.join(SRC, "data/corpus")
    earlier = os.path.join(corpus, "jiangsu-renminjianchayuan-2018-budget.json")
    later = os.path.join(corpus, "jiangsu-renminjianchayuan-2019-budget.json")
    with tempfile.TemporaryDirectory() as work:
        # Copies under other names: pairing goes by what each document says it is, not by name.
        shutil.copy(earlier, os.path.join(work, "b.json"))
        shutil.copy(later, os.path.join(work, "a.json"))
        runs = [run("verify", "--jobs", jobs, "--format", "json", work) for jobs in ("1", "2")]
        expect(runs[0] == runs[1], "--jobs 1 and --jobs 2 pair and report the same")
        report = json.loads(runs[0][1])
        with open(os.path.join(SRC, "docs/schema/report-v1.schema.json"), encoding="utf-8") as handle:
            jsonschema.validate(report, json.load(handle))
        by_file = {os.path.basename(f["file"]): f for f in report["files"]}
        expect(by_file["a.json"]["last_year"] == os.path.join(work, "b.json"), "2019 is checked with 2018")
        expect(by_file["b.json"]["last_year"] == "", "2018 has no disclosure of 2017 beside it")
        verified = [c for c in by_file["a.json"]["claims"]["items"]
                    if c["reason"].startswith("against last year's disclosure")]
        expect(len(verified) == 23 and all(c["status"] == "verified" for c in verified),
               "the changes of 2019 are verified against 2018")
        code, out, _ = run("verify", os.path.join(work, "a.json"))
        expect("skipped narrative.prior-year: 26 figures of last year's budget" in out,
               "alone, 2019 says which figures wait for 2018")
        code, out, _ = run("verify", work)
        expect(f"a.json: last year's figures checked against {os.path.join(work, 'b.json')}" in out,
               "the text report names last year's file")
        # Named with --prior (or prior = in budgetcheck.toml), last year's file may live anywhere.
        code, out, _ = run("verify", later, "--prior", earlier)
        expect(f"last year's figures checked against {earlier}" in out and "skipped narrative.prior-year" not in out,
               "--prior names last year's disclosure")
        config = os.path.join(work, "budgetcheck.toml")
        with open(config, "w", encoding="utf-8") as handle:
            handle.write(f'prior = "{earlier}"\n')
        code, out, _ = run("verify", "--config", config, later)
        expect(f"last year's figures checked against {earlier}" in out, "prior = in the configuration")
        # Last year's published PDF serves as well as its transcription.
        pdf_2024 = os.path.join(SRC, "tests/pdf/putuo-wanli-street-2024-dept-budget.pdf")
        wanli_2025 = os.path.join(corpus, "putuo-wanli-street-2025-dept-budget.json")
        code, out, _ = run("verify", wanli_2025, "--prior", pdf_2024)
        expect(f"last year's figures checked against {pdf_2024}" in out and "skipped narrative.prior-year" not in out,
               "--prior takes a PDF")
        code, out, err = run("verify", wanli_2025, "--prior", os.path.join(SRC, "tests/pdf/jiangsu-gaojirenminfayuan-2018-budget.pdf"))
        expect(code == 2 and "none could be read from its cover and titles" in err, "a PDF whose unit cannot be read is refused")
        other = os.path.join(corpus, "jiangsu-gaojirenminfayuan-2018-budget.json")
        code, out, err = run("verify", later, "--prior", other)
        expect(code == 2 and out == "" and f"budgetcheck: --prior {other} is the disclosure of 江苏省高级人民法院, but {later} is of 江苏省人民检察院: last year's figures of another unit cannot check this one's" in err,
               "another unit's disclosure stops the run")


def colour():
    _, plain, _ = run("verify", MOHRSS)
    expect("\x1b[" not in plain, "no colour when not a terminal")
    _, forced, _ = run("verify", "--color", "always", MOHRSS)
    expect("\x1b[31m" in forced, "--color always colours errors")
    _, never, _ = run("verify", "--color", "never", MOHRSS, env={"NO_COLOR": "1"})
    expect("\x1b[" not in never, "NO_COLOR")


def stdin():
    with open(MOHRSS, "rb") as handle:
        code, out, _ = run("verify", "--format", "ndjson", "-", stdin=handle.read())
    expect(code == 1, "stdin exit code")
    expect(any(json.loads(line).get("file") == "-" for line in out.splitlines()), "stdin is reported as -")


def output_file():
    with tempfile.TemporaryDirectory() as work:
        target = os.path.join(work, "report.sarif")
        code, out, _ = run("verify", "--format", "sarif", "--output", target, MOHRSS)
        expect(code == 1 and out == "", "nothing on stdout with --output")
        with open(target, encoding="utf-8") as handle:
            expect(json.load(handle)["version"] == "2.1.0", "the report was written")
        expect(os.listdir(work) == ["report.sarif"], "no temporary file left behind")


def config():
    with tempfile.TemporaryDirectory() as work:
        shutil.copy(JILIN, os.path.join(work, "draft.json"))
        with open(os.path.join(work, "budgetcheck.toml"), "w", encoding="utf-8") as handle:
            # Its one error (a template residue) is switched off too, so only warnings are left.
            handle.write('disable = ["narrative.unverifiable", "text.template-residue"]\nfail-on = "warning"\n')
        code, out, _ = run("verify", os.path.join(work, "draft.json"))
        expect("narrative.unverifiable" not in out, "the config next to the input disables a rule")
        expect(code == 1, "the config's fail-on applies (the file has a warning)")
        code, out, _ = run("rules", "--config", os.path.join(work, "budgetcheck.toml"))
        expect(re.search(r"^narrative\.unverifiable\s+off", out, re.M), "rules shows the effective settings")
        code, out, _ = run("verify", "--severity", "narrative.unit-name=error", "--disable", "text.template-residue", JILIN)
        expect(code == 1 and "error    narrative.unit-name" in out, "--severity overrides a rule's severity")


def baseline():
    with tempfile.TemporaryDirectory() as work:
        code, out, _ = run("baseline", MOHRSS)
        entries = json.loads(out)["entries"]
        expect(len(entries) == 7, f"a baseline entry per finding ({len(entries)})")
        for entry in entries:
            entry["justification"] = "accepted by the reviewer"
        entries.append({"file": "mohrss-information-center-2024.json", "rule": "footing.total-row", "table": "单位支出总表",
                        "row": "合 计", "column": "合计", "justification": "an old error, since fixed"})
        path = os.path.join(work, "budgetcheck.baseline.json")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"budgetcheck_baseline": 1, "entries": entries}, handle, ensure_ascii=False)
        code, out, _ = run("verify", "--baseline", path, MOHRSS)
        expect(code == 0, f"accepted findings no longer fail ({code})")
        expect("suppressed by the baseline: accepted by the reviewer" in out, "suppressed findings are shown, not hidden")
        expect(re.search(r"^  accepted narrative\.share\s+378:186", out, re.M), "a suppressed finding keeps its place")
        expect("stale baseline entry footing.total-row at 合 计 × 合计 matches no finding any more" in out, "the stale entry is reported")
        expect("· 7 suppressed" in out, "the summary counts the suppressed findings")
        code, out, _ = run("verify", "--baseline", path, "--format", "json", MOHRSS)
        report = json.loads(out)["files"][0]
        expect(len(report["suppressed"]) == 7 and len(report["stale_baseline"]) == 1, "json lists suppressed and stale")
        # Every format shows what the baseline accepted and what is stale.
        code, out, _ = run("verify", "--baseline", path, "--format", "sarif", MOHRSS)
        sarif = json.loads(out)["runs"][0]
        suppressed = [r for r in sarif["results"] if r.get("suppressions")]
        expect(len(suppressed) == 7 and suppressed[0]["suppressions"][0]["justification"] == "accepted by the reviewer",
               "sarif marks suppressed results")
        notes = sarif["invocations"][0]["toolExecutionNotifications"]
        expect(len(notes) == 1 and "footing.total-row" in notes[0]["message"]["text"], "sarif lists the stale entry")
        prints = [r["partialFingerprints"]["budgetcheckCell/v1"] for r in sarif["results"]]
        expect(len(prints) == len(set(prints)), "sarif fingerprints are unique")
        for name, suppressed_mark, stale_mark in (("github", "(suppressed)", "stale baseline entry"),
                                                  ("junit", "suppressed narrative.share", "stale baseline entry footing.total-row"),
                                                  ("markdown", "accepted: accepted by the reviewer", "stale baseline entry **footing.total-row**"),
                                                  ("csv", ",suppressed,", ",stale-baseline,")):
            code, out, _ = run("verify", "--baseline", path, "--format", name, MOHRSS)
            expect(suppressed_mark in out and stale_mark in out, f"{name} shows suppressed and stale")
        # A figure that changed since it was accepted is no longer the accepted finding.
        changed = os.path.join(work, "mohrss-information-center-2024.json")
        with open(MOHRSS, encoding="utf-8") as handle:
            text = handle.read()
        with open(changed, "w", encoding="utf-8") as handle:
            handle.write(text.replace("占 4.57%", "占 4.58%"))
        code, out, _ = run("baseline", MOHRSS)
        pinned = json.loads(out)
        expect(all("printed" in e and "expected" in e for e in pinned["entries"]), "baseline entries pin their figures")
        for entry in pinned["entries"]:
            entry["justification"] = "accepted by the reviewer"
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(pinned, handle, ensure_ascii=False)
        code, out, _ = run("verify", "--baseline", path, changed)
        expect(code == 1 and "414.00 ÷ 9076.74 = 4.56% ≠ 4.58%" in out and "· 6 suppressed" in out,
               "a changed figure is reported again")
        # Entries nobody reviewed: a warning, or with --require-justification no suppression.
        code, out, _ = run("baseline", MOHRSS)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(out)
        code, out, _ = run("verify", "--baseline", path, MOHRSS)
        expect(code == 0 and "[baseline.unjustified]" in out and "it is suppressed for now" in out, "an unreviewed entry warns")
        code, out, _ = run("verify", "--baseline", path, "--fail-on", "warning", MOHRSS)
        expect(code == 1, "an unreviewed entry fails --fail-on warning")
        code, out, _ = run("verify", "--baseline", path, "--require-justification", MOHRSS)
        expect(code == 1 and "so it suppresses nothing" in out and "stale" not in out, "--require-justification")


def rules_and_explain():
    code, out, _ = run("rules")
    listed = [l.split()[0] for l in out.splitlines() if re.match(r"^[a-z]+\.[a-z0-9-]+\s", l)]
    pages = sorted(p[:-3] for p in os.listdir(os.path.join(SRC, "docs", "rules")) if p != "README.md")
    expect(code == 0 and sorted(listed) == pages, "every rule listed, one per docs page")
    code, out, _ = run("explain", "footing.total-row")
    expect(code == 0 and out.startswith("# footing.total-row"), "explain prints the page")
    code, _, err = run("explain", "footing.total-rows")
    expect(code == 2 and "footing.total-row" in err, "explain suggests the closest rule")
    code, out, _ = run("verify", MOHRSS, env={"LANG": "zh_CN.UTF-8"})
    expect("使用非财政拨款结余占比：414.00 万元 ÷ 9,076.74 万元 为 4.56%，文中为 4.57%" in out and "  错误     narrative.share" in out
           and "mohrss-information-center-2024.json：3 个错误，1 个警告，3 个提示" in out
           and "线索：人力资源和社会保障部信息中心收入预算的各项占比列为 2.11 + 39.05 + 29.11 + 25.16 + 4.57 = 100%；按金额计算此项为 4.56%，4.57% 像是为凑足 100% 而调整过" in out
           and "线索：是否应为 30309？" in out and "  未核对 crosstable.project-table: 未公开项目支出表" in out,
           "a Chinese locale gives Chinese messages")


def bad_input():
    corpus = os.path.join(SRC, "tests/bad-input")
    with open(os.path.join(corpus, "expected.json"), encoding="utf-8") as handle:
        expected = json.load(handle)
    for name, want in expected.items():
        path = os.path.join(corpus, name)
        code, out, err = run("verify", path)
        expect(code == want["exit"], f"{name}: exit {code}, expected {want['exit']}")
        expect("internal error" not in err, f"{name}: internal error")
        if "code" in want:
            where = path + (f":{want['line']}:{want['column']}" if want["line"] else "")
            line = f"{where}: {want['severity']}: {want['message']} [{want['code']}]"
            expect(line in out, f"{name}: expected {line!r}")
        if want["exit"] == 1:
            # A cell that cannot be read is that cell's error alone: the rest is checked, and
            # nothing is judged with a guess at its value.
            expect(f"{path}: 1 errors, 0 warnings" in out, f"{name}: one error, the cell's own")
    code, out, _ = run("verify", os.path.join(corpus, "amount-two-points.json"))
    expect("  skipped crossfoot.column-group: 2080101 行政运行 × 合计 cannot be read (see the input error at /tables/2/rows/2/2)" in out,
           "an identity that needs an unreadable cell is skipped with its reason")
    with tempfile.TemporaryDirectory() as work:
        deep = os.path.join(work, "deep.json")
        with open(deep, "w") as handle:
            handle.write("[" * 100000 + "]" * 100000)
        code, out, _ = run("verify", deep)
        expect(code == 2 and "nesting deeper than 64 levels" in out and "[json.too-deep]" in out, "deep nesting")
        huge = os.path.join(work, "huge.json")
        with open(huge, "wb") as handle:
            handle.truncate(200 * 1024 * 1024)
        code, out, _ = run("verify", huge)
        expect(code == 2 and "[input.too-large]" in out, "a 200 MB file")
        code, out, _ = run("inspect", work)
        expect(code == 2 and "this is a directory, not a file" in out, "a directory passed as a file")
        loop = os.path.join(work, "walk")
        os.makedirs(loop)
        shutil.copy(CLEAN, os.path.join(loop, "good.json"))
        os.symlink(loop, os.path.join(loop, "again"))
        code, out, _ = run("verify", loop)
        expect(code == 0 and "1 files checked" in out, "a symlink loop in a directory walk")
        locked = os.path.join(work, "locked.json")
        shutil.copy(CLEAN, locked)
        os.chmod(locked, 0)
        if shutil.which("setpriv") and os.geteuid() == 0:
            # As root every file is readable: run a copy of the binary as nobody, from a
            # directory nobody can enter wherever the checkout lives.
            os.chmod(work, 0o755)
            runnable = os.path.join(work, "budgetcheck")
            shutil.copy(BIN, runnable)
            os.chmod(runnable, 0o755)
            done = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", runnable, "verify", locked],
                                  capture_output=True, cwd=work)
            out = done.stdout.decode("utf-8")
            expect(done.returncode == 2 and "cannot open the file (check its permissions)" in out, "an unreadable file")
        elif os.geteuid() != 0:
            code, out, _ = run("verify", locked)
            expect(code == 2 and "cannot open the file" in out, "an unreadable file")
        batch = os.path.join(work, "batch")
        shutil.copytree(corpus, batch)
        shutil.copy(CLEAN, os.path.join(batch, "zz-good.json"))
        code, out, _ = run("verify", batch)
        expect(code == 2 and "zz-good.json: 0 errors, 0 warnings, 0 notes" in out, "the good file of a broken batch is checked")
        # Every report stays UTF-8 whatever the broken files held (run() decodes strictly).
        for name in ("text", "json", "ndjson", "sarif", "github", "junit", "markdown", "csv", "html"):
            code, out, _ = run("verify", "--format", name, batch)
            expect(code == 2 and "U+201C" in out, f"the {name} report of a broken batch")
    regressions = os.path.join(SRC, "tests/fuzz-regressions")
    for name in sorted(os.listdir(regressions)):
        code, _, err = run("verify", "--format", "sarif", os.path.join(regressions, name))
        expect(code in (0, 1, 2) and "internal error" not in err, f"fuzz regression {name}")


def diff():
    corpus = os.path.join(SRC, "data/corpus")
    draft = os.path.join(corpus, "putuo-wanli-street-2025-dept-budget-draft-b.json")
    published = os.path.join(corpus, "putuo-wanli-street-2025-dept-budget.json")
    code, out, _ = run("diff", JILIN, JILIN)
    expect(code == 0 and out.endswith("0 figures changed, 0 rows and 0 tables added, removed or relabelled, 0 text sections changed; 0 findings fixed, 0 new\n"),
           "a file against itself: nothing changed, exit 0")
    code, out, _ = run("diff", draft, published)
    expect(code == 1, f"something changed: exit 1 ({code})")
    # The one figure the draft printed on a row with no label, gone in the published version.
    expect("2025年部门财政拨款收支预算总表: #4 × 财政拨款收入 / 预算数: 189,767,551.46 → (blank)" in out, "a changed figure")
    expect("350 cells printed differently with the same figure" in out, "blanks printed as 0 are not figure changes")
    expect("  fixed: " + draft in out and "[completeness.unlabelled-row]" in out, "the unlabelled row's finding is fixed")
    expect("1 figures changed, 4 rows and 0 tables added, removed or relabelled, 5 text sections changed" in out, "the summary line")
    code, out, _ = run("diff", "--format", "json", draft, published)
    report = json.loads(out)
    changed = [c for c in report["cells"] if not c["same_figure"]]
    expect(report["changed"] and len(changed) == 1 and changed[0]["after_at"]["line"] == 273, "json diff")
    code, out, _ = run("diff", "--format", "markdown", draft, published)
    expect(out.startswith("## budgetcheck diff:") and "### Fixed findings" in out and "| 189,767,551.46 | (blank) |" in out,
           "markdown diff for a merge request")
    # The second draft only moved every page by two and added one line to the 编制说明
    # (财政拨款支出主要内容如下：), checked by hand against both transcriptions.
    code, out, _ = run("diff", os.path.join(corpus, "putuo-wanli-street-2025-dept-budget-draft-a.json"), draft)
    expect(code == 1 and out.splitlines()[1:] == [
        "  text 情况说明 · 2025年部门预算编制说明 rewritten",
        "0 figures changed, 0 rows and 0 tables added, removed or relabelled, 1 text sections changed; 0 findings fixed, 0 new"],
        f"draft a to draft b: one text section ({out!r})")
    # The published PDFs themselves: the same figure gone, and the five text sections of both
    # versions rewritten, not added (a PDF's section has a page, not a line).
    pdf = os.path.join(SRC, "tests/pdf")
    code, out, _ = run("diff", os.path.join(pdf, "putuo-wanli-street-2025-dept-budget-draft-b.pdf"),
                       os.path.join(pdf, "putuo-wanli-street-2025-dept-budget.pdf"))
    expect(code == 1 and "2025年部门财政拨款收支预算总表: #4 × 财政拨款收入 / 预算数: 189,767,551.46 → (blank)" in out
           and out.count(" rewritten\n") == 5 and " added\n" not in out.replace("” added\n", ""),
           "diff of two PDFs")
    code, out, _ = run("diff", "--format", "json", draft, published)
    expect(all(t["change"] == "rewritten" for t in json.loads(out)["texts"]), "json says how a text changed")
    code, _, err = run("diff", draft, os.path.join(SRC, "tests/fixtures/truncated.json"))
    expect(code == 2 and "cannot be read as a disclosure" in err, "an unreadable version")


def published_in_two():
    pdf = os.path.join(SRC, "tests/pdf")
    with tempfile.TemporaryDirectory() as work:
        for part in ("text", "tables"):
            shutil.copy(os.path.join(pdf, f"jiangsu-renda-changweihui-2019-budget-{part}.pdf"),
                        os.path.join(work, f"人大2019（{'文字' if part == 'text' else '表格'}部分）.pdf"))
        text = os.path.join(work, "人大2019（文字部分）.pdf")
        tables = os.path.join(work, "人大2019（表格部分）.pdf")
        code, out, _ = run("verify", "--format", "json", work)
        report = json.loads(out)
        with open(os.path.join(SRC, "docs/schema/report-v1.schema.json"), encoding="utf-8") as handle:
            jsonschema.validate(report, json.load(handle))
        expect(len(report["files"]) == 1, "the two PDFs are one disclosure")
        checked = report["files"][0]
        expect(checked["file"] == f"{text} + {tables}" and checked["parts"] == [text, tables],
               f"named by both files ({checked['file']!r})")
        expect(not any(s["rule"] == "completeness.required-tables" for s in checked["skipped"]),
               "its tables are there")
        # Its tables foot, so no finding is in a table: the cells its narrative's figures were
        # verified against are located the same way.
        cells = [c for f in checked["findings"] for c in f["cells"]]
        cells += [c for claim in checked["claims"]["items"] for c in claim["cells"]]
        expect(cells and all(c["page"] >= 1 and c["part"] in (0, 1) for c in cells), "every cell has its page and part")
        expect({c["part"] for c in cells if c["table_index"] >= 0} == {1}, "table cells are in the tables PDF")
        code, out, _ = run("verify", work)
        expect(f"{text}: 情况说明" in out, "the text report names the PDF of each section")
        code, out, _ = run("inspect", text, tables)
        expect(code == 0 and "12 tables" in out.splitlines()[2], f"inspect reads the two as one ({out[:300]!r})")
        code, _, err = run("inspect", text, os.path.join(SRC, "data/mohrss-information-center-2024.json"))
        expect(code == 2 and "inspect takes one disclosure" in err, "inspect refuses two disclosures")
        code, out, _ = run("verify", "--format", "sarif", work)
        uris = {l["physicalLocation"]["artifactLocation"]["uri"]
                for r in json.loads(out)["runs"][0]["results"] for l in r["locations"]}
        expect(uris and all(" + " not in u and "%20%2B%20" not in u for u in uris),
               f"SARIF points at one PDF per location ({uris})")


SCENARIOS = {"published-in-two": published_in_two, "diff": diff, "bad-input": bad_input, "formats": formats, "exit-codes": exit_codes, "jobs": jobs, "colour": colour, "stdin": stdin,
             "output-file": output_file, "config": config, "baseline": baseline, "rules-and-explain": rules_and_explain,
             "last-year": last_year}
SCENARIOS[SCENARIO]()
print(f"PASS [{SCENARIO}]")
