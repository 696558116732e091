#!/usr/bin/env bash
# README command 1: install the tools, build the demo data and the site, serve it.
#   bash scripts/serve.sh            # http://127.0.0.1:8080/
#   PORT=9000 bash scripts/serve.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT="${PORT:-8080}"

bash scripts/install.sh
bash scripts/build.sh

echo
echo "arena-lens is served at http://127.0.0.1:$PORT/  (Ctrl-C to stop)"
echo
# Serve with --directory (not from inside dist/: trunk replaces that folder on rebuild).
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
