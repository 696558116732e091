#!/usr/bin/env bash
# Runs alpaca_eval's own metric functions and `arena-lens leaderboard --json` (method alpaca-eval)
# side by side on AlpacaEval annotations, and prints the published leaderboard row beside them
# (scripts/side-by-side-alpaca-eval.py). Nothing from alpaca_eval is copied here: install it into a
# scratch environment and point PYTHON at it:
#
#   python3 -m venv ~/venv-ae && ~/venv-ae/bin/pip install alpaca-eval scipy
#   PYTHON=~/venv-ae/bin/python scripts/side-by-side-alpaca-eval.sh [--with-hub]
#
# Data: ../shared/data/formats/alpaca_eval (alpaca-7b's weighted_alpaca_eval_gpt4_turbo annotations
# and the AlpacaEval 2 leaderboard CSV). `--with-hub` also runs get_length_controlled_winrate,
# which downloads `df_gamed.csv` and `instruction_difficulty.csv` from the tatsu-lab/alpaca_eval
# dataset on the Hugging Face hub, as the tool itself does. CLI=path uses an existing binary instead
# of building one. Exit status 1 when a win-rate figure differs by more than 1e-9 or the minimal
# GLM's LC win rate by more than 1e-6.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PYTHON:-python3}
SHARED=${ARENA_LENS_SHARED:-../shared}
AE="$SHARED/data/formats/alpaca_eval/tatsu-lab__alpaca_eval"
ANN="$AE/results/alpaca-7b/weighted_alpaca_eval_gpt4_turbo/annotations.json"
CSV="$AE/src/alpaca_eval/leaderboards/data_AlpacaEval_2/weighted_alpaca_eval_gpt4_turbo_leaderboard.csv"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
if [ -z "${CLI:-}" ]; then
    TARGET=${CARGO_TARGET_DIR:-target}
    cargo build --release -p arena-lens-cli --quiet && cp "$TARGET/release/arena-lens" "$scratch/arena-lens"
    CLI=$scratch/arena-lens
fi
"$CLI" leaderboard "$ANN" --json > "$scratch/ours.json"
"$PYTHON" scripts/side-by-side-alpaca-eval.py "$ANN" "$scratch/ours.json" "$CSV" "$@"
