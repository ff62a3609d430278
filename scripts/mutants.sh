#!/usr/bin/env bash
# Mutation testing with cargo-mutants (27.x: `cargo install cargo-mutants --locked`),
# in shards small enough for a 2-core machine. See MUTANTS.md.
#
# Usage:
#   scripts/mutants.sh runtime [FILE...] [-- CARGO_MUTANTS_ARGS...]
#       mutants of model/src (or of the FILEs given, paths from the
#       workspace root), tested by the runtime's unit tests and every
#       integration test of voucherify-tests but the trybuild ui suite
#   scripts/mutants.sh macros [FILE...] [-- CARGO_MUTANTS_ARGS...]
#       mutants of macros/src, tested by the whole workspace, the ui suite
#       and the doctests included: a macro mutant often changes no more
#       than an error message, which only the ui suite reads
#   scripts/mutants.sh diff [BASE] [-- CARGO_MUTANTS_ARGS...]
#       only the mutants in lines this branch changed since it left BASE
#       (default `main`; uncommitted changes count), each crate's against
#       its own tests as above
#   scripts/mutants.sh table SHARD...
#       the results of finished (or stopped) shards, per file, as the
#       Markdown table of MUTANTS.md
#
# The shard's tests run once on the checkout first (MUTANTS_NO_CHECK=1 to
# skip that). A macro mutant's tests may run for MUTANTS_TIMEOUT seconds
# (default 1200; 120 for a runtime shard with MUTANTS_TESTS) before they
# count as a timeout. MUTANTS_TESTS="--lib
# --test NAME..." runs a runtime shard against those test targets only.
# One job at a time (MUTANTS_JOBS to change it). Results go to
# target/mutants/<shard>/mutants.out/ (caught.txt, missed.txt,
# unviable.txt, timeout.txt, outcomes.json); the summary to standard output.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
    exit 2
}

mode=${1:-}
[ -n "$mode" ] || usage
shift

# table SHARD...: caught, missed, unviable and timeouts per file, from the
# lists cargo-mutants keeps up to date as it goes.
if [ "$mode" = table ]; then
    [ $# -gt 0 ] || usage
    for shard in "$@"; do
        out="target/mutants/$shard/mutants.out"
        for outcome in caught missed unviable timeout; do
            [ -f "$out/$outcome.txt" ] || continue
            sed "s/^\([^:]*\):.*/\1 $outcome/" "$out/$outcome.txt"
        done
    done | awk '
        { count[$1, $2]++; files[$1] = 1 }
        END {
            print "| file | caught | missed | unviable | timeouts |"
            print "|---|---:|---:|---:|---:|"
            n = 0
            for (file in files) sorted[++n] = file
            for (i = 2; i <= n; i++)
                for (j = i; j > 1 && sorted[j - 1] > sorted[j]; j--) {
                    swap = sorted[j]; sorted[j] = sorted[j - 1]; sorted[j - 1] = swap
                }
            for (i = 1; i <= n; i++) {
                f = sorted[i]
                printf "| `%s` | %d | %d | %d | %d |\n", f, count[f, "caught"], count[f, "missed"], count[f, "unviable"], count[f, "timeout"]
                c += count[f, "caught"]; m += count[f, "missed"]; u += count[f, "unviable"]; t += count[f, "timeout"]
            }
            printf "| all | %d | %d | %d | %d |\n", c, m, u, t
        }'
    exit 0
fi

files=()
base=main
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    case "$mode" in
        diff) base=$1 ;;
        *) files+=("$1") ;;
    esac
    shift
done
[ "${1:-}" = "--" ] && shift
extra_args=("$@")

if ! cargo mutants --version >/dev/null 2>&1; then
    echo "cargo-mutants is missing: cargo install cargo-mutants --locked" >&2
    exit 1
fi

# cargo-mutants builds each mutant in a copy of the tree made in $TMPDIR, at
# its top. The fixture tests read ../shared beside the checkout, so the
# scratch directory gets a `shared` of its own pointing there.
scratch="$root/target/mutants/tmp"
mkdir -p "$scratch"
if [ -d "$root/../shared" ]; then
    ln -sfn "$(cd "$root/../shared" && pwd)" "$scratch/shared"
fi
export TMPDIR="$scratch"
# No debug info: the builds link several test binaries per mutant, and the
# tests do not need it.
export CARGO_PROFILE_DEV_DEBUG=0
export CARGO_TERM_COLOR=never

# The fast tests: unit and integration tests, without the doctests and
# without the ui suite, whose one test is named `ui` (the only test of that
# exact name), and which compiles dozens of crates to read only the macro's
# output. They are chosen by name, not by target, because cargo-mutants
# runs its baseline on the mutated package alone, which has no `ui` target
# to leave out.
# MUTANTS_TESTS replaces `--lib --tests` with the test targets named (such
# as `--lib --test direct --test properties`): a first pass over a large
# file builds a few test binaries per mutant instead of all of them, and
# its missed mutants are then run again against every test (`-F`).
read -r -a targets <<<"${MUTANTS_TESTS:---lib --tests}"
fast_tests=("${targets[@]}" -- --exact --skip ui)

# A timeout well above the fast tests' few seconds: the baseline times only
# the mutated package's tests, and the machine may be busy.
common=(--jobs "${MUTANTS_JOBS:-1}" --no-shuffle --minimum-test-timeout 120)

# run SHARD ARGS...: one cargo-mutants run, its output in target/mutants/SHARD.
run() {
    local shard=$1
    shift
    mkdir -p "target/mutants/$shard"
    echo "== $shard at $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (uncommitted changes)')"
    local status=0
    cargo mutants "${common[@]}" --output "target/mutants/$shard" "$@" || status=$?
    # 0: all caught; 2: some missed; 3: some timed out; others are failures
    # of the run itself (4: the unmutated tree fails its tests).
    case $status in
        0 | 2 | 3) return 0 ;;
        *) return "$status" ;;
    esac
}

file_args() {
    local glob=$1
    shift
    if [ $# -eq 0 ]; then
        printf '%s\n' --file "$glob"
    else
        for file in "$@"; do
            printf '%s\n' --file "$file"
        done
    fi
}

# check ARGS...: the tests a shard runs, on the unmutated checkout, first.
# cargo-mutants' own baseline runs only the mutated package's tests: a test
# of another package that fails anyway would make every mutant look caught.
check() {
    [ "${MUTANTS_NO_CHECK:-}" = 1 ] && return 0
    for arg in "${extra_args[@]}"; do
        [ "$arg" = --list ] && return 0
    done
    echo "== the unmutated tests: cargo test $*"
    cargo test "$@" >"target/mutants/check.log" 2>&1 || {
        tail -n 30 target/mutants/check.log >&2
        echo "the tests fail without any mutant: fix them first (target/mutants/check.log)" >&2
        exit 1
    }
}

runtime() {
    local args
    mapfile -t args < <(file_args 'model/src/**/*.rs' "${files[@]}")
    check -p voucherify-model -p voucherify-tests "${fast_tests[@]}"
    # cargo-mutants' baseline builds the mutated package alone, which has
    # none of voucherify-tests' targets: with targets named, the check
    # above is the baseline, and the limit is set here.
    local baseline=()
    [ -n "${MUTANTS_TESTS:-}" ] && baseline=(--baseline skip --timeout "${MUTANTS_TIMEOUT:-120}")
    run "${SHARD:-runtime}" --package voucherify-model "${args[@]}" \
        --test-package voucherify-model,voucherify-tests "${baseline[@]}" "${extra_args[@]}" \
        -- "${fast_tests[@]}"
}

macros() {
    local args
    mapfile -t args < <(file_args 'macros/src/**/*.rs' "${files[@]}")
    check --workspace
    # The baseline times only the macro crate's own tests, which are none,
    # so the automatic limit would stop the workspace's tests (the ui suite
    # and the doctests compile dozens of crates) long before they end, and
    # every mutant would look caught by a timeout.
    run "${SHARD:-macros}" --package voucherify-macros "${args[@]}" \
        --test-workspace true --timeout "${MUTANTS_TIMEOUT:-1200}" "${extra_args[@]}"
}

case "$mode" in
    runtime) runtime ;;
    macros) macros ;;
    diff)
        patch="$root/target/mutants/diff.patch"
        mkdir -p "$root/target/mutants"
        # From where the branch left BASE, so that what BASE gained since
        # does not count as this change.
        fork=$(git merge-base "$base" HEAD)
        git diff "$fork" -- model/src macros/src >"$patch"
        if [ ! -s "$patch" ]; then
            echo "no change to model/src or macros/src since $base ($(git rev-parse --short "$fork"))"
            exit 0
        fi
        extra_args=(--in-diff "$patch" "${extra_args[@]}")
        if git diff --quiet "$fork" -- model/src; then
            echo "== no change to model/src"
        else
            SHARD=diff-runtime runtime
        fi
        if git diff --quiet "$fork" -- macros/src; then
            echo "== no change to macros/src"
        else
            SHARD=diff-macros macros
        fi
        ;;
    *) usage ;;
esac
