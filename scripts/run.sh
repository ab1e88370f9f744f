#!/usr/bin/env bash
# One entry point for a fresh Debian machine: installs what the build needs (only what is
# missing), builds, then runs either the main job or the whole test suite.
#
#   scripts/run.sh verify   build, then budgetcheck verify on the bundled data in data/
#   scripts/run.sh test     build, then the whole test suite through ctest
set -euo pipefail

cd "$(dirname "$0")/.."
mode="${1:-verify}"
build_dir="${BUILD_DIR:-build}"

packages=(g++ cmake make pkg-config libcli11-dev nlohmann-json3-dev libfmt-dev catch2 python3 python3-jsonschema)
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
        "$build_dir/budgetcheck" verify data/
        ;;
    test)
        ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)"
        ;;
    *)
        echo "usage: scripts/run.sh verify|test" >&2
        exit 2
        ;;
esac
