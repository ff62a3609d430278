#!/usr/bin/env bash
# Build time of voucherify-model against tests/compile-twin, the same types
# written with plain serde derives.
#
# Both are built with cargo's default dev profile (unoptimized, debug info),
# each time in a fresh CARGO_TARGET_DIR, so a "clean" build includes every
# dependency (proc-macro2, syn, serde_derive, serde, serde_json, time, and
# for the model voucherify-macros and serde_path_to_error). After each clean
# build the package itself is cleaned and built again with its dependencies
# in place: the "crate only" time. The two packages alternate, RUNS times
# each, and the medians are printed.
#
# Usage: scripts/compile-time.sh [RUNS]     (default 3)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

model_manifest="$root/Cargo.toml"
twin_manifest="$root/tests/compile-twin/Cargo.toml"

now() { date +%s.%N; }
elapsed() { awk -v start="$1" -v end="$2" 'BEGIN { printf "%.2f", end - start }'; }

# build MANIFEST PACKAGE: prints "<clean seconds> <crate-only seconds>".
build() {
    local target="$scratch/target" start clean
    rm -rf "$target"
    start=$(now)
    CARGO_TARGET_DIR="$target" cargo build --quiet --manifest-path "$1" -p "$2"
    clean=$(elapsed "$start" "$(now)")
    CARGO_TARGET_DIR="$target" cargo clean --quiet --manifest-path "$1" -p "$2"
    start=$(now)
    CARGO_TARGET_DIR="$target" cargo build --quiet --manifest-path "$1" -p "$2"
    echo "$clean $(elapsed "$start" "$(now)")"
    rm -rf "$target"
}

median() { sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f", m }'; }

echo "rustc: $(rustc --version)"
echo "cargo: $(cargo --version)"
echo "cores: $(nproc), profile: dev (cargo default), runs: $runs each, alternating"
# Downloads, if any, stay out of the timings.
cargo fetch --quiet --manifest-path "$model_manifest"
cargo fetch --quiet --manifest-path "$twin_manifest"

model_clean=() model_crate=() twin_clean=() twin_crate=()
for run in $(seq 1 "$runs"); do
    # Alternate which goes first, so that neither always runs on a cooler machine.
    if (( run % 2 )); then order="model twin"; else order="twin model"; fi
    for which in $order; do
        if [[ $which == model ]]; then
            read -r clean crate < <(build "$model_manifest" voucherify-model)
            model_clean+=("$clean") model_crate+=("$crate")
        else
            read -r clean crate < <(build "$twin_manifest" voucherify-compile-twin)
            twin_clean+=("$clean") twin_crate+=("$crate")
        fi
        echo "run $run $which: clean ${clean}s, crate only ${crate}s"
    done
done

mc=$(printf '%s\n' "${model_clean[@]}" | median)
tc=$(printf '%s\n' "${twin_clean[@]}" | median)
mo=$(printf '%s\n' "${model_crate[@]}" | median)
to=$(printf '%s\n' "${twin_crate[@]}" | median)
echo
echo "| build (dev profile) | voucherify-model | compile-twin | model / twin |"
echo "|---|--:|--:|--:|"
awk -v m="$mc" -v t="$tc" 'BEGIN { printf "| clean, with dependencies | %.2f s | %.2f s | %.2f |\n", m, t, m / t }'
awk -v m="$mo" -v t="$to" 'BEGIN { printf "| the crate alone | %.2f s | %.2f s | %.2f |\n", m, t, m / t }'
