#!/usr/bin/env bash
# Counts the instructions of reading and writing one customer, per
# customer, with callgrind: the model, the hand-written serde twin and
# serde_json's Value, and the model's ratios to each. Instructions do not
# depend on the machine's load, so runs on a busy machine compare.
#
#   scripts/instructions.sh [DOCUMENT [TIMES]]
#
# DOCUMENT is `single` (the benchmark's customer, the default), `no_nulls`
# or `many_nulls`; TIMES defaults to 2000.
set -euo pipefail
cd "$(dirname "$0")/.."

doc="${1:-single}"
times="${2:-2000}"
cargo build -q --release -p voucherify-tests --example instructions
bin=target/release/examples/instructions

count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

echo "| | twin | model | Value | model / twin | model / Value |"
echo "|---|--:|--:|--:|--:|--:|"
for direction in read write; do
    declare -A per=()
    for variant in twin model value; do
        full=$(count "$direction" "$variant" "$doc" "$times")
        base=$(count "$direction" "$variant" "$doc" 0)
        per[$variant]=$(( (full - base) / times ))
    done
    awk -v d="$direction" -v t="${per[twin]}" -v m="${per[model]}" -v v="${per[value]}" \
        'BEGIN { printf "| %s | %d | %d | %d | %.3f | %.3f |\n", d, t, m, v, m / t, m / v }'
done
