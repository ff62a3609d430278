#!/usr/bin/env bash
# Instructions per run of each case of the `shapes` benchmark, counted by
# callgrind: the case run ITERATIONS times, minus the same program run 0
# times (building the input and checking it cost the same in both), divided
# by ITERATIONS. Prints a table of the model's count over serde_json's.
#
#   scripts/shape-instructions.sh [ITERATIONS] [SHAPE...]
set -euo pipefail
cd "$(dirname "$0")/.."

iterations="${1:-3}"
shift || true
shapes=("$@")
if [ ${#shapes[@]} -eq 0 ]; then
    shapes=(ascii utf8_2 utf8_3 utf8_4 mixed escapes some_escapes floats long_numbers
        unknown_keys deep_metadata metadata_heavy full)
fi

cargo bench -p voucherify-tests --bench shapes --no-run >/dev/null 2>&1
bench=$(ls -t target/release/deps/shapes-* | grep -v '\.d$' | head -1)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

count() {
    valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$bench" count "$1" "$2" "$3" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

echo "| shape | from_str | from_slice | to_vec |"
echo "|---|--:|--:|--:|"
for shape in "${shapes[@]}"; do
    base=$(count "$shape" model_from_str 0)
    row="| $shape |"
    for function in from_str from_slice to_vec; do
        model=$(( ($(count "$shape" "model_$function" "$iterations") - base) / iterations ))
        serde=$(( ($(count "$shape" "serde_$function" "$iterations") - base) / iterations ))
        row="$row $(awk -v m="$model" -v s="$serde" 'BEGIN { printf "%.2f (%.1fM / %.1fM)", m / s, m / 1e6, s / 1e6 }') |"
    done
    echo "$row"
done
