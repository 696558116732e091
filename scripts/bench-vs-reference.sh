#!/usr/bin/env bash
# Times arena-hard-auto's show_result.py and arena-lens on the same data, in the same run, and prints
# the ratio. Nothing from arena-hard-auto is copied here: point ARENA_HARD_AUTO at your own checkout
# (lm-sys/arena-hard-auto at efc012e, the last v0.1 version) and PYTHON at an environment with its
# requirements (pandas, numpy, scikit-learn, tqdm).
#
#   ARENA_HARD_AUTO=~/src/arena-hard-auto PYTHON=python3 scripts/bench-vs-reference.sh [ROUNDS]
#
# The Korean set (../shared/data/ko-arena-hard-v0.1) is linked into a scratch folder laid out as
# show_result.py expects (data/<bench>/...), without o4-mini-high.jsonl, on which show_result.py
# crashes (a single-game row). ROUNDS defaults to 10 (show_result.py needs ~6.6 s per round there).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
: "${ARENA_HARD_AUTO:?set ARENA_HARD_AUTO to a checkout of arena-hard-auto (v0.1)}"
PYTHON=${PYTHON:-python3}
ROUNDS=${1:-10}
SHARED=${ARENA_LENS_SHARED:-../shared}
KO="$SHARED/data/ko-arena-hard-v0.1"
[ -d "$KO" ] || { echo "needs $KO"; exit 2; }
KO=$(cd "$KO" && pwd)

cargo build --release -p arena-lens-cli --quiet
CLI=${CARGO_TARGET_DIR:-$PWD/target}/release/arena-lens
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mk_bench() { # name, excluded judgment files...
    local name=$1; local b="$scratch/$1/data/ko-arena-hard-v0.1"; shift
    mkdir -p "$b/model_judgment/ensemble"
    ln -s "$KO/question.jsonl" "$b/question.jsonl"
    ln -s "$KO/model_answer" "$b/model_answer"
    for f in "$KO"/model_judgment/ensemble/*.jsonl; do
        local n; n=$(basename "$f" .jsonl); local skip=0
        for x in "$@"; do [ "$n" = "$x" ] && skip=1; done
        [ $skip = 1 ] || ln -s "$f" "$b/model_judgment/ensemble/"
    done
    cp "$ARENA_HARD_AUTO"/show_result.py "$ARENA_HARD_AUTO"/utils*.py "$scratch/$name/"
}
mk_bench default o4-mini-high
mk_bench style o4-mini-high gemini-2.0-flash-lite-001 llama-3.1-8b-instruct llama-3.1-70b-instruct llama-3.1-405b-instruct

secs() { local t0 t1; t0=$(date +%s.%N); "$@" > /dev/null 2>&1; t1=$(date +%s.%N); awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}'; }
# arena-lens's run is under a second, so one run of it is mostly noise (the first after the
# reference's minutes took 0.47-0.67 s where the next took 0.23-0.28 s, same files, page cache warm
# for both): it is timed 5 times right after the reference, and the row gives the median and the
# first, with the ratio for each. The reference's run is minutes of its own rounds, one run.
secs5() { local i; for i in 1 2 3 4 5; do secs "$@"; echo; done; }
median_first() { local all; all=$(cat); echo "$(sort -n <<< "$all" | sed -n 3p) $(head -n 1 <<< "$all")"; }
row() {
    local med first; read -r med first <<< "$3"
    printf '%-32s %10s s %8s s %8s s %8.0fx %8.0fx\n' "$1" "$2" "$med" "$first" \
        "$(awk -v a="$2" -v b="$med" 'BEGIN{print a/b}')" "$(awk -v a="$2" -v b="$first" 'BEGIN{print a/b}')"
}

echo "rounds: $ROUNDS (both tools), 2-core machine, one process at a time"
printf '%-32s %12s %10s %10s %9s %9s\n' "run" "show_result" "ours, med" "ours, 1st" "vs med" "vs 1st"
ref=$(cd "$scratch/default" && secs "$PYTHON" show_result.py --bench-name ko-arena-hard-v0.1 --judge-name ensemble --baseline claude-3.7-sonnet --num-rounds "$ROUNDS")
ours=$(secs5 "$CLI" leaderboard "$scratch/default/data/ko-arena-hard-v0.1" --baseline claude-3.7-sonnet --rounds "$ROUNDS" --json | median_first)
row "ko 75 models, default" "$ref" "$ours"
ref=$(cd "$scratch/style" && secs "$PYTHON" show_result.py --bench-name ko-arena-hard-v0.1 --judge-name ensemble --baseline claude-3.7-sonnet --style-control --num-rounds "$ROUNDS")
ours=$(secs5 "$CLI" leaderboard "$scratch/style/data/ko-arena-hard-v0.1" --baseline claude-3.7-sonnet --style-control --rounds "$ROUNDS" --json | median_first)
row "ko 71 models, style control" "$ref" "$ours"
