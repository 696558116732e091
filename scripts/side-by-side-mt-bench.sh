#!/usr/bin/env bash
# Runs FastChat llm_judge's show_result.py (its own display_result_pairwise and
# display_result_single, unmodified) and arena-lens's mt-bench method side by side on the MT-Bench
# folder in ../shared, and compares every number (scripts/side_by_side_mt_bench.py).
# Nothing from FastChat is copied here: PYTHON must be an environment with fschat installed
# (`python3 -m venv VENV && VENV/bin/pip install fschat pandas`; checked with fschat 0.2.36).
#
#   PYTHON=VENV/bin/python scripts/side-by-side-mt-bench.sh [BASELINE]
#
# Modes compared: pairwise-all, pairwise-baseline against BASELINE (default phi-3) and single.
# Exit status 1 when a count differs or a rate or mean differs by more than 1e-9.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PYTHON:-python3}
BASELINE=${1:-phi-3}
SHARED=${ARENA_LENS_SHARED:-../shared}
DATA="$SHARED/data/formats/mt_bench/Stefanstud__FastChat/fastchat/llm_judge/data"
[ -f "$DATA/mt_bench/model_judgment/gpt-4_pair.jsonl" ] || { echo "no MT-Bench data at $DATA" >&2; exit 2; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# target/ may be shared with other checkouts: copy the binary right after building it.
TARGET=${CARGO_TARGET_DIR:-target}
cargo build -p arena-lens-cli --quiet && cp "$TARGET/debug/arena-lens" "$scratch/arena-lens"
CLI=$scratch/arena-lens

"$CLI" leaderboard "$DATA" --json > "$scratch/all.json" 2>/dev/null
"$CLI" leaderboard "$DATA" --baseline "$BASELINE" --json > "$scratch/base.json" 2>/dev/null
"$PYTHON" scripts/side_by_side_mt_bench.py "$DATA" "$BASELINE" "$scratch/all.json" "$scratch/base.json"
