#!/usr/bin/env bash
# Installs everything needed to build and test arena-lens on Debian 12 (run as
# root, or with sudo available), with rustup/cargo and Node.js >= 20 present.
#
# Idempotent: each step first checks the tool (by its --version where that is
# cheap) and is skipped when already satisfied; a run with everything present
# takes about a second. Each step prints its time.
#
#   1. rustup target wasm32-unknown-unknown, components rustfmt + clippy (the lint step)
#   2. chromium + chromium-driver from apt (apt-get update first, only if missing)
#   3. trunk 0.21.14 (every 0.22.x needs a newer rustc)
#   4. wasm-bindgen-cli at the `wasm-bindgen` version in Cargo.lock
#   5. npm ci (binaryen 132 = wasm-opt, playwright-core, axe-core) when node_modules is missing or stale
#   6. cargo fetch --locked (trunk builds with --offline)
#
# Never installs Debian's `binaryen`: its wasm-opt 108 produces a broken wasm.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0

now() { date +%s.%N; }
T_ALL=$(now)
T_STEP=$T_ALL
# Prints a step's name, status and time (awk: bc may be missing on a fresh machine).
step_done() {
    local t
    t=$(now)
    awk -v n="$1" -v s="$2" -v a="$T_STEP" -v b="$t" 'BEGIN { printf "[install] %-22s %-10s %7.2f s\n", n, s, b - a }'
    T_STEP=$t
}
die() { echo "[install] ERROR: $*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else die "need root (or sudo) for: $*"
    fi
}

command -v cargo >/dev/null 2>&1 || die "cargo not found (install rustup first)"
command -v rustup >/dev/null 2>&1 || die "rustup not found"

# 1. wasm32 target ------------------------------------------------------------
if [ -d "$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown/lib" ]; then
    step_done "wasm32 target" "ok"
else
    rustup target add wasm32-unknown-unknown
    step_done "wasm32 target" "installed"
fi

# 1b. rustfmt + clippy (scripts/test.sh's lint step) ------------------------------
# A minimal rustup profile leaves them out; `cargo fmt` / `cargo clippy` then fail.
MISSING_COMPONENTS=()
cargo fmt --version >/dev/null 2>&1 || MISSING_COMPONENTS+=(rustfmt)
cargo clippy --version >/dev/null 2>&1 || MISSING_COMPONENTS+=(clippy)
if [ "${#MISSING_COMPONENTS[@]}" -eq 0 ]; then
    step_done "rustfmt+clippy" "ok"
else
    rustup component add "${MISSING_COMPONENTS[@]}"
    step_done "rustfmt+clippy" "installed"
fi

# 2. chromium + chromedriver (Debian's, same major version) -------------------
chromium_ok() {
    command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || return 1
    local b d
    b=$(chromium --version 2>/dev/null | awk '{ split($2, v, "."); print v[1] }')
    d=$(chromedriver --version 2>/dev/null | awk '{ split($2, v, "."); print v[1] }')
    [ -n "$b" ] && [ "$b" = "$d" ]
}
if chromium_ok; then
    step_done "chromium+driver" "ok"
else
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -q
    as_root apt-get install -y -q --no-install-recommends chromium chromium-driver
    chromium_ok || die "chromium/chromedriver still missing or of different versions after apt-get"
    step_done "chromium+driver" "installed"
fi

# 3. trunk ---------------------------------------------------------------------
if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
    step_done "trunk $TRUNK_VERSION" "ok"
else
    cargo install --locked trunk --version "$TRUNK_VERSION"
    step_done "trunk $TRUNK_VERSION" "installed"
fi

# 4. wasm-bindgen-cli (must equal the wasm-bindgen crate in Cargo.lock) --------
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
[ -n "$WBG_VERSION" ] || die "no wasm-bindgen in Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $WBG_VERSION" ] &&
    [ "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" = "wasm-bindgen-test-runner $WBG_VERSION" ]; then
    step_done "wasm-bindgen $WBG_VERSION" "ok"
else
    # --locked first; 0.2.130's own lockfile pins a crate version the registry
    # mirror may not serve, so fall back to a fresh resolution.
    cargo install --locked wasm-bindgen-cli --version "$WBG_VERSION" ||
        cargo install --force wasm-bindgen-cli --version "$WBG_VERSION"
    step_done "wasm-bindgen $WBG_VERSION" "installed"
fi

# 5. npm packages: wasm-opt (binaryen) + playwright-core + axe-core -------------
command -v node >/dev/null 2>&1 || die "node not found: install Node.js >= 20 (playwright-core needs it)"
NODE_VERSION=$(node --version)
NODE_MAJOR=${NODE_VERSION#v}
NODE_MAJOR=${NODE_MAJOR%%.*}
[ "$NODE_MAJOR" -ge 20 ] || die "Node.js $NODE_VERSION is too old: need >= 20"
npm_ok() {
    [ -f node_modules/.package-lock.json ] || return 1
    [ node_modules/.package-lock.json -nt package-lock.json ] || return 1
    [ -x node_modules/.bin/wasm-opt ] || return 1
    # `wasm-opt --version` runs binaryen under node (~0.8 s): read the installed version instead.
    grep -q "\"version\": \"$BINARYEN_VERSION\"" node_modules/binaryen/package.json || return 1
    [ -f node_modules/playwright-core/package.json ] || return 1
    [ -f node_modules/axe-core/axe.min.js ]
}
if npm_ok; then
    step_done "npm packages" "ok"
else
    npm ci --no-audit --no-fund
    # npm ci may keep the lock's mtime: mark the install as newer than the lock.
    touch node_modules/.package-lock.json
    WO=$(wasm-opt --version)
    case "$WO" in *"version 132"*) ;; *) die "wasm-opt on PATH is '$WO', expected binaryen 132 from npm";; esac
    step_done "npm packages" "installed"
fi

# 6. crates (trunk builds with --offline) ---------------------------------------
# `cargo fetch` is a no-op when everything is in ~/.cargo/registry already.
cargo fetch --locked --quiet
step_done "cargo fetch" "ok"

awk -v a="$T_ALL" -v b="$(now)" 'BEGIN { printf "[install] all tools present (%.2f s)\n", b - a }'
