#!/usr/bin/env bash
# Chatbot Arena battle logs side by side: FastChat's elo_analysis.py functions (fschat 0.2.36)
# and the arena-rank package (0.1.1) on GenAI-Arena's clean_battle_20240220.json, next to
# `arena-lens leaderboard --json` and GenAI-Arena's published leaderboard.csv. Then arena-rank's
# style control (ContextualBradleyTerry) on a 20,000-battle demo log (`arena-lens demo --battles
# 20000`, default seed) next to `--method arena-rank --style-control`; it rewrites the table that
# crates/cli/tests/arena_rank_style.rs checks against.
#
#   bash scripts/side-by-side-arena.sh [SHARED_DATA_DIR] [VENV_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared/data}"
venv="${2:-${TMPDIR:-/tmp}/arena-lens-arena-venv}"
dir="$shared/formats/arena_battles/TIGER-AI-Lab__GenAI-Arena/arena_elo"
battles="$dir/clean_battle_20240220.json"
lb="$dir/results/20240220/leaderboard.csv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q fschat==0.2.36 arena-rank==0.1.1 scikit-learn pandas pytz plotly
fi
lens="${ARENA_LENS_BIN:-cargo run -q -p arena-lens-cli --}"
out="$(mktemp -d)"
$lens leaderboard "$battles" --json > "$out/ca.json"
$lens leaderboard "$battles" --json --include-non-anony > "$out/ca_full.json"
$lens leaderboard "$battles" --json --method arena-rank > "$out/ar.json"
"$venv/bin/python" scripts/side-by-side-arena.py "$battles" "$lb" "$out/ca.json" "$out/ca_full.json" "$out/ar.json"
demo="$out/demo-20000.jsonl"
$lens demo --battles 20000 --out "$demo" > /dev/null
$lens leaderboard "$demo" --json --method arena-rank --style-control > "$out/ar_style.json"
"$venv/bin/python" scripts/side-by-side-arena.py --contextual "$demo" "$out/ar_style.json" \
  crates/cli/tests/fixtures/arena_rank_style_20k.tsv
