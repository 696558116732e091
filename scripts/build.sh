#!/usr/bin/env bash
# Builds the static site into dist/: demo data (crates/web/public/data/demo, served at
# data/demo/, the Arena log demo at data/demo-arena/ and the MT-Bench demo at data/demo-mt-bench/)
# with the release CLI, then the wasm app with trunk.
# Expects the tools from scripts/install.sh. Used by serve.sh and test.sh.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# npm binaryen's wasm-opt (132) must win over anything else on PATH.
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

t=$(now)
DEMO=crates/web/public/data/demo
rm -rf "$DEMO"
mkdir -p "$(dirname "$DEMO")"
cargo run --release -p arena-lens-cli -- demo --out "$DEMO"
cargo run --release -p arena-lens-cli -- index "$DEMO" --slim
# A second demo data set, a synthetic Chatbot Arena battle log (one conversation in 20 has text),
# in its own folder so the Arena-Hard demo stays the site's single default bench:
# open it with ?data=data/demo-arena/ (the data picker links to it).
ARENA=crates/web/public/data/demo-arena
rm -rf "$ARENA"
cargo run --release -p arena-lens-cli -- demo --battles 20000 --conversations-every 20 --out "$ARENA"
# A third, a FastChat MT-Bench llm_judge folder (two-turn questions, pairwise-all and single
# judgments), opened with ?data=data/demo-mt-bench/ (the data picker links to it too).
MTB=crates/web/public/data/demo-mt-bench
rm -rf "$MTB"
cargo run --release -p arena-lens-cli -- demo --mt-bench --out "$MTB"
echo "[build] demo data: $(since "$t") s"

t=$(now)
cargo fetch --locked --quiet
# The app is its own package (crates/web, with its Trunk.toml); its dist is the root's dist/.
(cd crates/web && trunk build --release --offline)
echo "[build] trunk build --release: $(since "$t") s"

for wasm in dist/*.wasm; do
    raw=$(stat -c %s "$wasm")
    gz=$(gzip -9 -c "$wasm" | wc -c)
    awk -v f="$wasm" -v r="$raw" -v g="$gz" \
        'BEGIN { printf "[build] %s: %d bytes raw (%.0f KiB), %d bytes gzipped (%.0f KiB)\n", f, r, r / 1024, g, g / 1024 }'
done
