#!/usr/bin/env bash
# PDF import speed: `budgetcheck verify FILE.pdf` (import and every check) against
# `pdftotext -layout` (text extraction alone) on the same files in the same run, best of three
# each, with budgetcheck's peak memory. Uses an existing build.
#   bench/pdf.sh [PDF...]   (default: the one-file disclosures in tests/pdf/)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${BUILD_DIR:-build}/budgetcheck"
for tool in pdftotext pdfinfo /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench/pdf.sh needs $tool (apt-get install poppler-utils time)"; exit 2; }
done
[[ -x "$bin" ]] || { echo "no $bin: build first (or set BUILD_DIR)"; exit 2; }
if (($# == 0)); then
    set -- $(ls tests/pdf/*.pdf | grep -v -e '-text.pdf' -e '-tables.pdf')
fi
best() {  # command… → the fastest of three wall times, and the peak memory (KB) of that run
    local fastest="" memory=""
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M" -o /tmp/bench-pdf.$$ "$@" >/dev/null 2>&1 || true
        read -r seconds kb < <(tail -n 1 /tmp/bench-pdf.$$)  # after any "exited with" line
        if [[ -z "$fastest" ]] || awk "BEGIN{exit !($seconds < $fastest)}"; then
            fastest=$seconds memory=$kb
        fi
    done
    rm -f /tmp/bench-pdf.$$
    echo "$fastest $memory"
}
printf '%-48s %5s %10s %8s %10s %6s\n' file pages verify_s MB pdftotext_s ratio
for pdf in "$@"; do
    pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    read -r verify kb <<<"$(best "$bin" verify "$pdf")"
    read -r extract _ <<<"$(best pdftotext -layout "$pdf" /dev/null)"
    printf '%-48s %5s %10s %8.1f %10s %6.2f\n' "$(basename "$pdf")" "$pages" "$verify" "$(awk "BEGIN{print $kb/1024}")" \
        "$extract" "$(awk "BEGIN{print ($extract > 0) ? $verify/$extract : 0}")"
done
