#!/usr/bin/env bash
# End-to-end checks of the built binary, one scenario per invocation:
#   cli_test.sh BUDGETCHECK SOURCE_DIR SCENARIO
set -uo pipefail
bin="$1"
src="$2"
scenario="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() {
    echo "FAIL [$scenario]: $*" >&2
    exit 1
}

expect_exit() {  # expected actual
    [[ "$1" == "$2" ]] || fail "exit code $2, expected $1"
}

expect_output() {  # file pattern
    grep -qF -- "$2" "$1" || { cat "$1" >&2; fail "output lacks: $2"; }
}

case "$scenario" in
    inspect-shows-hierarchy)
        "$bin" inspect "$src/data/jilin-hrss-information-center-2024.json" >"$work/out"
        expect_exit 0 $?
        expect_output "$work/out" "    208 类 一、社会保障和就业支出"
        expect_output "$work/out" "      20801 款 人力资源和社会保障管理事务"
        expect_output "$work/out" "        2080108 项 信息化建设"
        expect_output "$work/out" "kind expenditure_summary (支出总表) · amounts in 万元"
        expect_output "$work/out" "Everything recognised: no load diagnostics."
        ;;
    inspect-reads-stdin)
        "$bin" inspect - <"$src/tests/fixtures/minimal.json" >"$work/out"
        expect_exit 0 $?
        expect_output "$work/out" "208 类 社会保障和就业支出"
        ;;
    inspect-bad-file)
        "$bin" inspect "$src/tests/fixtures/truncated.json" >"$work/out"
        expect_exit 2 $?
        expect_output "$work/out" "truncated.json:4:1: error: syntax error while parsing array - unexpected end of input"
        ;;
    schema-prints-shipped-schema)
        "$bin" schema >"$work/schema.json"
        expect_exit 0 $?
        cmp -s "$work/schema.json" "$src/docs/schema/budgetcheck-v1.schema.json" || fail "schema output differs from docs/schema"
        ;;
    verify-bundled-data)
        "$bin" verify "$src"/data/*.json >"$work/out"
        expect_exit 1 $?
        expect_output "$work/out" "437.69 + 31.60 + 47.73 = 517.02 ≠ 517.03"
        expect_output "$work/out" "jilin-hrss-information-center-2024.json: 1 errors, 1 warnings, 26 notes"
        expect_output "$work/out" "jilin-hrss-information-center-2024.json: 93 claims found in the text: 76 verified, 0 mismatched, 17 unverifiable"
        expect_output "$work/out" "  error    classification.parent-code             199:9     30209 奖励金"
        expect_output "$work/out" "mohrss-information-center-2024.json: 3 errors, 1 warnings, 3 notes"
        expect_output "$work/out" "414.00 ÷ 9076.74 = 4.56% ≠ 4.57%"
        expect_output "$work/out" "2 files checked: 2 with errors, 0 unreadable"
        ;;
    verify-exit-codes)
        "$bin" verify "$src/tests/fixtures/clean.json" >"$work/out"
        expect_exit 0 $?
        expect_output "$work/out" "clean.json: 0 errors, 0 warnings, 0 notes"
        sed 's/"4.00", "", "4.00"\]/"4.00", "", "4.50"]/' "$src/tests/fixtures/clean.json" >"$work/broken.json"
        "$bin" verify "$work/broken.json" >"$work/out"
        expect_exit 1 $?
        "$bin" verify "$src/tests/fixtures/truncated.json" >"$work/out"
        expect_exit 2 $?
        ;;
    verify-lang-zh)
        "$bin" verify --lang zh "$src/data/jilin-hrss-information-center-2024.json" >"$work/out"
        expect_output "$work/out" "合计「基本 支出」：所合计各行之和为 517.02，表中列示 517.03（相差 0.01 万元）"
        ;;
    verify-directory-with-broken-file)
        mkdir -p "$work/batch/sub"
        cp "$src/tests/fixtures/clean.json" "$work/batch/a.json"
        cp "$src/tests/fixtures/truncated.json" "$work/batch/sub/b.json"
        cp "$src/tests/fixtures/clean.json" "$work/batch/sub/c.json"
        echo "not json either" >"$work/batch/notes.txt"
        "$bin" verify "$work/batch" >"$work/out"
        expect_exit 2 $?
        expect_output "$work/out" "a.json: 0 errors, 0 warnings, 0 notes"
        expect_output "$work/out" "c.json: 0 errors, 0 warnings, 0 notes"
        expect_output "$work/out" "b.json:4:1: error:"
        expect_output "$work/out" "3 files checked: 0 with errors, 1 unreadable"
        ;;
    input-warnings-count-for-fail-on)
        # A misspelled key drops the whole 情况说明: CI must be able to fail on it.
        sed 's/^{/{"narative": [],/' "$src/tests/fixtures/clean.json" >"$work/typo.json"
        "$bin" verify "$work/typo.json" >"$work/out"
        expect_exit 0 $?
        expect_output "$work/out" "typo.json:1:2: warning: unknown key 'narative' is ignored [schema.unknown-key] at /narative"
        expect_output "$work/out" "typo.json: 0 errors, 1 warnings, 0 notes"
        "$bin" verify --fail-on warning "$work/typo.json" >"$work/out"
        expect_exit 1 $?
        # JUnit agrees with the exit code, whichever --fail-on decides it.
        "$bin" verify --fail-on warning --format junit "$work/typo.json" >"$work/junit.xml"
        expect_exit 1 $?
        expect_output "$work/junit.xml" '<testsuites name="budgetcheck" tests="13" failures="1">'
        expect_output "$work/junit.xml" '<failure message="1 input problems at or above warning" type="input">'
        "$bin" verify --format junit "$work/typo.json" >"$work/junit.xml"
        expect_exit 0 $?
        expect_output "$work/junit.xml" '<testsuites name="budgetcheck" tests="13" failures="0">'
        # Positions are real or left out, never 0:0 (a document-level finding has none).
        "$bin" verify --format junit "$src/tests/fixtures/minimal.json" >"$work/junit.xml"
        if grep -q ':0:0' "$work/junit.xml"; then fail "junit prints a 0:0 position"; fi
        expect_output "$work/junit.xml" "minimal.json error [completeness.required-tables]"
        ;;
    walk-skips-own-files-and-fails-when-empty)
        mkdir -p "$work/empty" "$work/drafts/old.json"
        "$bin" verify "$work/empty" >"$work/out" 2>"$work/err"
        expect_exit 2 $?
        expect_output "$work/out" "empty: error: the directory holds no disclosures (no *.json or *.pdf file in it or below it) [input.no-disclosures]"
        cp "$src/tests/fixtures/clean.json" "$work/drafts/draft.json"
        ln -s "$work/nowhere.json" "$work/drafts/gone.json"
        "$bin" verify --format json --output "$work/drafts/report.json" "$work/drafts" 2>"$work/err"
        expect_exit 0 $?
        "$bin" verify --format sarif --output "$work/drafts/report.sarif.json" "$work/drafts" 2>"$work/err"
        "$bin" baseline "$work/drafts" >"$work/drafts/budgetcheck.baseline.json" 2>"$work/err"
        "$bin" verify "$work/drafts" >"$work/out" 2>"$work/err"
        expect_exit 0 $?
        expect_output "$work/out" "1 files checked: 0 with errors, 0 unreadable"
        expect_output "$work/err" "budgetcheck: skipped $work/drafts/report.json: a budgetcheck report, not a disclosure"
        expect_output "$work/err" "budgetcheck: skipped $work/drafts/report.sarif.json: a SARIF log, not a disclosure"
        expect_output "$work/err" "budgetcheck: skipped $work/drafts/budgetcheck.baseline.json: a budgetcheck baseline, not a disclosure"
        expect_output "$work/err" "budgetcheck: skipped $work/drafts/gone.json: a symbolic link to a file that does not exist"
        expect_output "$work/err" "budgetcheck: skipped $work/drafts/old.json: a directory, not a file"
        ;;
    stopped-run-leaves-no-temporary)
        # The report is written to FILE.tmp.PID; a run stopped while it waits on standard input
        # must remove that file, whichever of SIGTERM and SIGINT stops it.
        for signal_name in TERM INT; do
            mkfifo "$work/in-$signal_name"
            "$bin" verify --output "$work/report-$signal_name.txt" - <"$work/in-$signal_name" &
            pid=$!
            exec 3>"$work/in-$signal_name"  # opens the fifo: the run starts and waits for input
            for _ in $(seq 100); do
                [[ -e "$work/report-$signal_name.txt.tmp.$pid" ]] && break
                sleep 0.05
            done
            [[ -e "$work/report-$signal_name.txt.tmp.$pid" ]] || fail "no temporary file while running"
            kill -s "$signal_name" "$pid"
            wait "$pid"
            exec 3>&-
            [[ ! -e "$work/report-$signal_name.txt.tmp.$pid" ]] || fail "SIG$signal_name left the temporary file"
            [[ ! -e "$work/report-$signal_name.txt" ]] || fail "SIG$signal_name left a partial report"
        done
        ;;
    text-fits-a-narrow-terminal)
        # On an 80-column terminal every line of the text report fits, wrapped under its
        # indentation; written to a pipe it is not wrapped at all.
        command -v script >/dev/null || { echo "script(1) is not installed: skipped"; exit 0; }
        script -qc "stty cols 80; '$bin' verify --color never '$src/data/'" /dev/null >"$work/tty" 2>&1
        python3 - "$work/tty" <<'PY' || fail "a line is wider than 80 columns"
import sys, unicodedata
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\r\n")
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    if width > 80:
        print(width, line)
        sys.exit(1)
PY
        expect_output "$work/tty" "             figures are not printed in this document"
        "$bin" verify "$src/data/jilin-hrss-information-center-2024.json" >"$work/out"
        expect_output "$work/out" "本年预算 148.13 万元 (change) cannot be checked: last year's budget figures are not printed in this document"
        ;;
    verify-never-modifies-input)
        cp "$src/tests/fixtures/truncated.json" "$work/t.json"
        before="$(sha256sum "$work/t.json")"
        "$bin" verify "$work/t.json" >/dev/null
        [[ "$(sha256sum "$work/t.json")" == "$before" ]] || fail "input changed"
        ;;
    import-pdf-writes-transcription)
        pdf="$src/tests/pdf/putuo-justice-bureau-2026-unit-budget.pdf"
        "$bin" import "$pdf" --output "$work/imported.json" 2>"$work/err"
        expect_exit 0 $?
        expect_output "$work/imported.json" '"budgetcheck": 1'
        expect_output "$work/imported.json" '"title": "2026年预算单位收入预算总表"'
        expect_output "$work/imported.json" '["204", "06", "01", "行政运行", "14,348,853.34", "14,348,853.34", "0.00", "0.00", "0.00"]'
        "$bin" inspect "$work/imported.json" >"$work/out"
        expect_exit 0 $?
        # Two PDFs published together are one document.
        "$bin" import "$src/tests/pdf/jiangsu-renda-changweihui-2019-budget-text.pdf" \
            "$src/tests/pdf/jiangsu-renda-changweihui-2019-budget-tables.pdf" >"$work/two.json"
        expect_exit 0 $?
        expect_output "$work/two.json" '"files": ['
        expect_output "$work/two.json" '"label": "公开表十二"'
        ;;
    verify-pdf-names-pages)
        cp "$src/tests/pdf/putuo-justice-bureau-2026-unit-budget.pdf" "$work/unit.pdf"
        printf 'not a pdf' >"$work/broken.pdf"
        "$bin" verify --color never "$work" >"$work/out" 2>&1
        expect_exit 2 $?
        expect_output "$work/out" "broken.pdf: error: broken.pdf is not a PDF (it does not start with %PDF-)"
        expect_output "$work/out" "text.template-residue                  p.21"
        expect_output "$work/out" "footing.subject-children               p.11"
        "$bin" verify --format sarif "$work/unit.pdf" >"$work/sarif" 2>&1
        expect_exit 1 $?
        expect_output "$work/sarif" '"message":{"text":"其他相关情况说明 text (p.21)"},"properties":{"page":21}}'
        ;;
    version-and-help)
        "$bin" --version >"$work/out"
        expect_exit 0 $?
        expect_output "$work/out" "budgetcheck "
        "$bin" inspect --help >"$work/out"
        expect_exit 0 $?
        expect_output "$work/out" "Examples:"
        expect_output "$work/out" "budgetcheck inspect text.pdf tables.pdf"
        "$bin" frobnicate >"$work/out" 2>&1
        expect_exit 2 $?
        expect_output "$work/out" "budgetcheck: no command 'frobnicate'; run budgetcheck --help"
        "$bin" verfy draft.json >"$work/out" 2>&1
        expect_exit 2 $?
        expect_output "$work/out" "budgetcheck: no command 'verfy' (did you mean verify?); run budgetcheck --help"
        # A command's help lists every option it takes, under the program's name.
        "$bin" verify --help >"$work/out"
        expect_exit 0 $?
        expect_output "$work/out" "Usage: budgetcheck verify [OPTIONS] PATH..."
        for option in --format --output --fail-on --lang --jobs --baseline --disable --catalog; do
            expect_output "$work/out" "$option"
        done
        "$bin" --help >"$work/out"
        expect_output "$work/out" "3 a defect in budgetcheck"
        ;;
    *)
        fail "unknown scenario"
        ;;
esac
echo "PASS [$scenario]"
