#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS (default 30), seeded with the
# bundled disclosures, the real documents of data/corpus/, the test fixtures, the bad-input corpus
# and past crashes, and guided by fuzz/budgetcheck.dict (number spellings, units, long decimals,
# header words and the punctuation of a Chinese keyboard). The random seed
# is fixed (FUZZ_SEED, default 1) so a CI run is repeatable. A crash leaves its input in
# build-fuzz/artifacts/.
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
build_dir="${FUZZ_BUILD_DIR:-build-fuzz}"
CC=clang CXX=clang++ cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUDGETCHECK_FUZZ=ON \
    -DBUDGETCHECK_BUILD_TESTS=OFF >/dev/null
cmake --build "$build_dir" --parallel "$(nproc)" --target fuzz_load fuzz_verify fuzz_import
mkdir -p "$build_dir/artifacts"
for target in fuzz_load fuzz_verify; do
    corpus="$build_dir/corpus-$target"
    mkdir -p "$corpus"
    for seed in data/*.json data/corpus/*.json tests/fixtures/*.json tests/bad-input/*.json tests/fuzz-regressions/*; do
        cp "$seed" "$corpus/${seed//\//_}"  # names made unique by their paths
    done
    echo "fuzzing $target for ${seconds}s"
    "$build_dir/fuzz/$target" "$corpus" -max_total_time="$seconds" -max_len=65536 -dict=fuzz/budgetcheck.dict -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$build_dir/artifacts/" -seed="${FUZZ_SEED:-1}" -print_final_stats=1 2>&1 | tail -n 12
done
# The PDF importer, seeded with two small published PDFs.
corpus="$build_dir/corpus-fuzz_import"
mkdir -p "$corpus"
cp tests/pdf/putuo-district-office-2025-unit-budget.pdf tests/pdf/jiangsu-renda-changweihui-2019-budget-tables.pdf "$corpus/"
echo "fuzzing fuzz_import for ${seconds}s"
"$build_dir/fuzz/fuzz_import" "$corpus" -max_total_time="$seconds" -max_len=300000 -timeout=20 -rss_limit_mb=2048 \
    -artifact_prefix="$build_dir/artifacts/" -seed="${FUZZ_SEED:-1}" -print_final_stats=1 2>&1 | tail -n 12
