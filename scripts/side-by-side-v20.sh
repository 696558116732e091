#!/usr/bin/env bash
# Runs arena-hard-auto v2.0's show_result.py and arena-lens's arena-hard-v2.0 method side by side on
# v2.0-layout data and compares them per category and model (scripts/side_by_side_v20.py).
# Nothing from arena-hard-auto is copied here: point ARENA_HARD_V20 at your own checkout of
# lmarena/arena-hard-auto (v2.0, e.g. 196f6b8) and PYTHON at an environment with its requirements
# for show_result.py (pandas, numpy, tqdm, torch; the default path imports torch but does not use it).
#
#   ARENA_HARD_V20=~/src/arena-hard-auto PYTHON=~/venv/bin/python scripts/side-by-side-v20.sh [ROUNDS] [SEED]
#
# Data: `arena-lens demo --format v2` with the 750 real v2.0 prompts of
# ../shared/data/arena-hard-v2.0-sample/question.jsonl (uids and categories; answers and verdicts
# simulated), and that folder's real o3-mini-2025-01-31 answers in place of the simulated ones (the
# default path reads judgments only, so they matter only for a later style comparison). Without
# ../shared the demo's own 500 prompts are used. Judge: judge-sage (its rows carry the null games).
# ROUNDS defaults to 1000 for both tools; the tool is unseeded, so it is run twice and the
# tool-vs-tool spread is printed beside ours-vs-tool. Exit status 1 when a point differs by more
# than 0.1 or an interval width by more than 10% (ours vs the first tool run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
: "${ARENA_HARD_V20:?set ARENA_HARD_V20 to a checkout of lmarena/arena-hard-auto (v2.0)}"
PYTHON=${PYTHON:-python3}
ROUNDS=${1:-1000}
SEED=${2:-42}
JUDGE=judge-sage
SHARED=${ARENA_LENS_SHARED:-../shared}
V2="$SHARED/data/arena-hard-v2.0-sample"

scratch=$(mktemp -d)
# target/ may be shared with other checkouts: copy each binary right after building it.
TARGET=${CARGO_TARGET_DIR:-target}
cargo build --release -p arena-lens-cli --quiet && cp "$TARGET/release/arena-lens" "$scratch/arena-lens"
CLI=$scratch/arena-lens
HELPER=$PWD/scripts/side_by_side_v20.py
trap 'rm -rf "$scratch"' EXIT

if [ -f "$V2/question.jsonl" ]; then
    "$CLI" demo --format v2 --questions "$V2/question.jsonl" --out "$scratch/data" >/dev/null
    cp "$V2/model_answer/o3-mini-2025-01-31.jsonl" "$scratch/data/arena-hard-v2.0/model_answer/"
    echo "data: demo --format v2 on the 750 shared v2.0 prompts, real o3-mini answers"
else
    "$CLI" demo --format v2 --out "$scratch/data" >/dev/null
    echo "data: demo --format v2 (../shared not found: the demo's own prompts)"
fi

"$CLI" leaderboard "$scratch/data/arena-hard-v2.0" --method arena-hard-v2.0 --judge "$JUDGE" \
    --rounds "$ROUNDS" --seed "$SEED" --json > "$scratch/ours.json"
for run in 1 2; do
    "$PYTHON" "$HELPER" run-tool "$scratch" "$ARENA_HARD_V20" "$ROUNDS" "$JUDGE" "$scratch/tool$run.json" \
        > "$scratch/tool$run.txt" 2>/dev/null
done
"$PYTHON" "$HELPER" compare "$scratch/ours.json" "$scratch/tool1.json" "$scratch/tool2.json"
