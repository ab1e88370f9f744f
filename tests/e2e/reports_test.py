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
    expect(rows[0][:3] == ["file", "severity", "rule"], "csv header")
    expect(any(row[2] == "narrative.share" and row[6] == "378" for row in rows[1:]), "csv row for the share")


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
        for fmt in ("text", "json", "ndjson", "sarif"):
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
    expect("表中列示" in out, "a Chinese locale gives Chinese messages")


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
        for name in ("text", "json", "ndjson", "sarif", "github", "junit", "markdown", "csv"):
            code, out, _ = run("verify", "--format", name, batch)
            expect(code == 2 and "U+201C" in out, f"the {name} report of a broken batch")
    regressions = os.path.join(SRC, "tests/fuzz-regressions")
    for name in sorted(os.listdir(regressions)):
        code, _, err = run("verify", "--format", "sarif", os.path.join(regressions, name))
        expect(code in (0, 1, 2) and "internal error" not in err, f"fuzz regression {name}")


SCENARIOS = {"bad-input": bad_input, "formats": formats, "exit-codes": exit_codes, "jobs": jobs, "colour": colour, "stdin": stdin,
             "output-file": output_file, "config": config, "baseline": baseline, "rules-and-explain": rules_and_explain,
             "last-year": last_year}
SCENARIOS[SCENARIO]()
print(f"PASS [{SCENARIO}]")
