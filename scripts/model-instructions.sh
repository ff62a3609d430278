#!/usr/bin/env bash
# Instructions per read and per write of the benchmark's single customer,
# model against the hand-written serde twin (SPEC §6), counted by callgrind:
# ITERATIONS runs less a run of 0, divided by ITERATIONS.
#
#   scripts/model-instructions.sh [ITERATIONS]
set -euo pipefail
cd "$(dirname "$0")/.."

iterations="${1:-2000}"
cargo bench -p voucherify-tests --bench model --no-run >/dev/null 2>&1
bench=$(ls -t target/release/deps/model-* | grep -v '\.d$' | head -1)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

count() {
    valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$bench" count "$@" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

echo "| | twin | model | model / twin |"
echo "|---|--:|--:|--:|"
for direction in read write; do
    base=$(count "$direction" model 0)
    model=$(( ($(count "$direction" model "$iterations") - base) / iterations ))
    twin=$(( ($(count "$direction" twin "$iterations") - base) / iterations ))
    awk -v d="$direction" -v m="$model" -v t="$twin" \
        'BEGIN { printf "| %s | %d | %d | %.3f |\n", d, t, m, m / t }'
done
