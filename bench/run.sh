#!/usr/bin/env bash
# The benchmark, in one run on one corpus: budgetcheck against `jq empty` and against a
# parse-only baseline at the same parallelism, peak memory of the batch, single-file time, and
# the detection rate of the injected errors. Prints ratios, not absolute timings to compare.
#   bench/run.sh [FILES]   (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
build=build-bench
for tool in jq /usr/bin/time python3; do
    command -v "$tool" >/dev/null || { echo "bench/run.sh needs $tool (apt-get install jq time python3)"; exit 2; }
done
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUDGETCHECK_BUILD_TESTS=OFF -DBUDGETCHECK_BUILD_BENCH=ON >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target budgetcheck parse_only >/dev/null
corpus="$build/corpus-$count"
if [[ ! -f "$corpus/manifest.json.txt" ]]; then
    echo "generating $count disclosures in $corpus"
    python3 bench/generate.py "$count" "$corpus"
fi

seconds() {  # command… → wall seconds
    /usr/bin/time -f "%e" -o "$build/time.txt" "$@" >/dev/null 2>&1 || true
    tail -n 1 "$build/time.txt"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
bc_time=$(/usr/bin/time -f "%e %M" -o "$build/bc.txt" "$build/budgetcheck" verify --jobs 2 --format ndjson "$corpus" \
    >"$build/out.ndjson" 2>/dev/null || true; tail -n 1 "$build/bc.txt")
read -r bc_seconds bc_kb <<<"$bc_time"
jq_seconds=$(seconds sh -c "find '$corpus' -name '*.json' -print0 | xargs -0 -P2 -n 200 jq empty")
parse_seconds=$(seconds "$build/bench/parse_only" 2 "$corpus")
single=$(python3 - "$build/budgetcheck" <<'PY'
import subprocess, sys, time
runs = 50
start = time.perf_counter()
for _ in range(runs):
    subprocess.run([sys.argv[1], "verify", "--jobs", "1", "data/jilin-hrss-information-center-2024.json"], stdout=subprocess.DEVNULL)
print(f"{(time.perf_counter() - start) / runs * 1000:.1f}")
PY
)
detection=$(python3 - "$corpus/manifest.json.txt" "$build/out.ndjson" <<'PY'
import json, os, sys
injected = json.load(open(sys.argv[1], encoding="utf-8"))
caught = set()
for line in open(sys.argv[2], encoding="utf-8"):
    record = json.loads(line)
    if record.get("type") == "finding" and record["finding"]["severity"] == "error":
        for cell in record["finding"]["cells"]:
            caught.add((os.path.basename(record["file"]), cell["pointer"]))
found = sum((entry["file"], entry["pointer"]) in caught for entry in injected)
print(f"{found} {len(injected)}")
PY
)
read -r found injected <<<"$detection"
# Growth with sibling rows: one 款 with 8,000 项 rows against one with 64,000. Linear cost gives
# about 8x; the quadratic hierarchy this replaced gave about 64x.
python3 bench/siblings.py 8000 "$build/siblings-8000.json"
python3 bench/siblings.py 64000 "$build/siblings-64000.json"
small=$(seconds "$build/budgetcheck" verify "$build/siblings-8000.json")
large=$(seconds "$build/budgetcheck" verify "$build/siblings-64000.json")
python3 - "$count" "$bc_seconds" "$bc_kb" "$jq_seconds" "$parse_seconds" "$single" "$found" "$injected" "$small" "$large" <<'PY'
import sys
count, bc, kb, jq, parse, single, found, injected, small, large = sys.argv[1:]
count, bc, kb, jq, parse, single = int(count), float(bc), int(kb), float(jq), float(parse), float(single)
found, injected = int(found), int(injected)
growth = float(large) / max(float(small), 0.01)
rows = [
    ("throughput vs jq empty (higher is better)", f"{jq / bc:.2f}x", ">= 2x", jq / bc >= 2),
    ("time vs parse-only nlohmann (lower is better)", f"{bc / parse:.2f}x", "<= 1.3x", bc / parse <= 1.3),
    ("peak memory of the batch", f"{kb / 1024:.1f} MB", "< 64 MB", kb / 1024 < 64),
    ("single-file verify (process included)", f"{single:.1f} ms", "< 5 ms", single < 5),
    ("injected errors detected", f"{found}/{injected}", "100%", found == injected),
    ("8x the sibling rows costs (linear is 8x)", f"{growth:.1f}x", "<= 12x", growth <= 12),
]
print(f"{count} files: budgetcheck {bc:.2f} s ({count / bc:.0f} files/s), jq empty {jq:.2f} s, parse-only {parse:.2f} s (2 jobs each)")
for name, value, target, met in rows:
    print(f"  {name:<48} {value:>12}   target {target:<8} {'met' if met else 'MISSED'}")
PY
