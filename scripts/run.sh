#!/usr/bin/env bash
# One entry point for a fresh Debian machine: installs what the build needs (only what is
# missing), builds, then runs either the main job or the whole test suite.
#
#   scripts/run.sh verify   build, then budgetcheck verify on the bundled data in data/ and on
#                           one published PDF
#   scripts/run.sh test     build, then the whole test suite through ctest; then the same suite
#                           built with AddressSanitizer and UndefinedBehaviorSanitizer; then a
#                           short fuzzing run of the loader and the verify pipeline
set -euo pipefail

cd "$(dirname "$0")/.."
mode="${1:-verify}"
build_dir="${BUILD_DIR:-build}"

packages=(g++ cmake make pkg-config libcli11-dev nlohmann-json3-dev libfmt-dev catch2 python3 python3-jsonschema libpoppler-cpp-dev)
if [[ "$mode" == test ]]; then
    packages+=(clang libclang-rt-14-dev)  # the libFuzzer smoke run
    packages+=(chromium)                  # the html report, checked in a real browser
fi
missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if ((${#missing[@]})); then
    echo "Installing missing packages: ${missing[*]}"
    sudo_cmd=()
    if [[ $(id -u) -ne 0 ]]; then
        sudo_cmd=(sudo)
    fi
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUDGETCHECK_WERROR=ON >/dev/null
cmake --build "$build_dir" --parallel "$(nproc)"

case "$mode" in
    verify)
        # the transcriptions in data/, and one published PDF read directly
        "$build_dir/budgetcheck" verify data/ tests/pdf/putuo-wanli-street-2025-dept-budget.pdf
        ;;
    test)
        ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)"
        echo "== the test suite again under AddressSanitizer and UndefinedBehaviorSanitizer"
        cmake -S . -B "$build_dir-sanitize" -DCMAKE_BUILD_TYPE=Debug -DBUDGETCHECK_SANITIZE=ON >/dev/null
        cmake --build "$build_dir-sanitize" --parallel "$(nproc)"
        ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
            ctest --test-dir "$build_dir-sanitize" --output-on-failure --parallel "$(nproc)"
        echo "== fuzz smoke: the loader, the verify pipeline and the PDF importer, 30 s each"
        FUZZ_BUILD_DIR="$build_dir-fuzz" scripts/fuzz.sh 30
        ;;
    *)
        echo "usage: scripts/run.sh verify|test" >&2
        exit 2
        ;;
esac
