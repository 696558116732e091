#!/usr/bin/env bash
# README command 2: every test suite, from a fresh machine to a summary line.
#
#   0. the real data (../shared, or ARENA_LENS_SHARED / ARENA_LENS_SHARED_DATA): when
#      ARENA_LENS_REQUIRE_SHARED=1 (.ci/run sets it) and it is missing, one failure at once, and
#      every test that needs it fails too instead of being skipped
#   1. scripts/install.sh (tools; about a second when everything is present)
#   2. lints, each one check (1 passed or 1 failed): cargo fmt --all --check; cargo clippy
#      -D warnings natively (every crate but the web one) and for wasm32 (the web crate)
#   3. native tests: cargo test --workspace --exclude arena-lens-web (core, cli, demo, charts)
#   4. browser tests of the web package: wasm-bindgen-test in headless chromium
#   5. demo data + site build (scripts/build.sh)
#   6. end-to-end tests: static servers for dist/ (and ../shared/data if present),
#      then `node --test` over e2e/*.test.mjs (Playwright + Debian chromium; e2e/a11y.test.mjs
#      runs axe-core on every page)
#
# The last line is exactly "N passed, N failed, N skipped" (all suites together; skipped: node's
# "# skipped N" and the native tests' "SKIP: " lines, which cargo counts as passed and this script
# does not); the exit status is non-zero when anything failed. Logs go to test-results/logs/.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$PWD
export PATH="$REPO_ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$REPO_ROOT/webdriver.json"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
SHARED_DATA="${ARENA_LENS_SHARED_DATA:-${ARENA_LENS_SHARED:-$REPO_ROOT/../shared}/data}"
# The native tests read ARENA_LENS_SHARED (the folder above data/): the same folder as the e2e data.
export ARENA_LENS_SHARED="${ARENA_LENS_SHARED:-$(dirname "$SHARED_DATA")}"
# A run from a clean checkout gains nothing from incremental compilation, whose caches double the
# size of target/; a CI run ran out of disk with them.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

LOG_DIR="$REPO_ROOT/test-results/logs"
rm -rf "$REPO_ROOT/test-results"
mkdir -p "$LOG_DIR"

PASSED=0
FAILED=0
SKIPPED=0
TIMINGS=()
PIDS=()

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    done
    PIDS=()
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

section() { printf '\n===== %s =====\n' "$*"; }

summary() {
    section "summary"
    local t
    for t in "${TIMINGS[@]}"; do echo "  $t"; done
    echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
}

# Sums "test result: ... N passed; M failed" lines of cargo / wasm-bindgen-test-runner. A test
# without ../shared prints "SKIP: " (crates/core/tests/common/shared.rs) and returns, which cargo
# counts as passed: those are moved from passed to skipped. Counted anywhere in a line, as a
# test's stderr may share a line with the harness's output.
count_cargo() { # log -> "passed failed skipped"
    awk '/^test result: / {
            for (i = 1; i <= NF; i++) {
                if ($(i + 1) ~ /^passed;?$/) p += $i
                if ($(i + 1) ~ /^failed;?$/) f += $i
            }
         }
         { s += gsub(/SKIP: /, "") }
         END { if (s > p) s = p; print p - s, f + 0, s + 0 }' "$1"
}
# node --test (TAP reporter): "# pass N" / "# fail N" / "# skipped N".
count_tap() {
    awk '/^# pass / { p += $3 } /^# fail / { f += $3 } /^# skipped / { s += $3 }
         END { print p + 0, f + 0, s + 0 }' "$1"
}

# run_suite NAME COUNTER CMD... : runs CMD, shows and logs its output, adds its counts.
# A non-zero exit with no failed test counted (a build error, a crash) counts as one failure.
run_suite() {
    local name=$1 counter=$2 log rc p f s t
    shift 2
    log="$LOG_DIR/$name.log"
    section "$name: $*"
    t=$(now)
    "$@" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    read -r p f s < <("$counter" "$log")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "!! $name: exited with status $rc (counted as 1 failure)"
        f=1
    fi
    PASSED=$((PASSED + p))
    FAILED=$((FAILED + f))
    SKIPPED=$((SKIPPED + s))
    TIMINGS+=("$(printf '%-12s %6ss  %s passed, %s failed, %s skipped' "$name" "$(since "$t")" "$p" "$f" "$s")")
    return "$rc"
}

# run_step NAME CMD... : a step without tests of its own (install, build); a failure counts as one.
run_step() {
    local name=$1 rc t
    shift
    section "$name: $*"
    t=$(now)
    "$@" 2>&1 | tee "$LOG_DIR/$name.log"
    rc=${PIPESTATUS[0]}
    TIMINGS+=("$(printf '%-12s %6ss  %s' "$name" "$(since "$t")" "$([ "$rc" -eq 0 ] && echo ok || echo "FAILED ($rc)")")")
    if [ "$rc" -ne 0 ]; then
        echo "!! $name: exited with status $rc (counted as 1 failure)"
        FAILED=$((FAILED + 1))
    fi
    return "$rc"
}

# run_lint NAME CMD... : one lint check; a non-zero exit counts as one failure, a clean run as one pass.
LINT_PASSED=0
LINT_FAILED=0
run_lint() {
    local name=$1 rc
    shift
    echo "--- $name: $*"
    "$@" 2>&1 | tee "$LOG_DIR/lint-$name.log"
    rc=${PIPESTATUS[0]}
    if [ "$rc" -eq 0 ]; then
        LINT_PASSED=$((LINT_PASSED + 1))
    else
        echo "!! lint $name: exited with status $rc (counted as 1 failure)"
        LINT_FAILED=$((LINT_FAILED + 1))
    fi
}

# start_server DIR VAR: serves DIR on a free loopback port (scripts/serve.py: http.server plus
# CORS, so the site can fetch ?data= from the other server, and no caching); sets VAR to its URL.
start_server() {
    local dir=$1 var=$2 log port pid i
    log="$LOG_DIR/server-$var.log"
    python3 -u "$REPO_ROOT/scripts/serve.py" "$dir" 0 >"$log" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    for i in $(seq 100); do
        port=$(sed -n 's/^Serving HTTP on .* port \([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)
        [ -n "$port" ] && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if [ -z "$port" ]; then
        echo "!! could not start a server for $dir:"
        cat "$log"
        return 1
    fi
    printf -v "$var" 'http://127.0.0.1:%s/' "$port"
    echo "serving $dir at ${!var}"
}

# check_shared: whether the real data is there; missing counts as a failure only when it is required.
check_shared() {
    if [ -d "$SHARED_DATA" ]; then
        echo "real data: $SHARED_DATA"
    elif [ "${ARENA_LENS_REQUIRE_SHARED:-}" = 1 ]; then
        echo "!! ARENA_LENS_REQUIRE_SHARED=1 but $SHARED_DATA (the real Arena-Hard data) is missing:"
        echo "!! every test that needs it fails (set ARENA_LENS_SHARED_DATA or ARENA_LENS_SHARED)"
        return 1
    else
        echo "no $SHARED_DATA: tests that need the real data are skipped (ARENA_LENS_REQUIRE_SHARED=1 fails them)"
    fi
}

T_ALL=$(now)

run_step shared-data check_shared

if ! run_step install bash scripts/install.sh; then
    summary
    exit 1
fi

section "lint"
T_LINT=$(now)
run_lint fmt cargo fmt --all --check
run_lint clippy-native cargo clippy --workspace --exclude arena-lens-web --all-targets -- -D warnings
run_lint clippy-wasm32 cargo clippy -p arena-lens-web -p arena-lens-parquet-worker --target wasm32-unknown-unknown --all-targets -- -D warnings
PASSED=$((PASSED + LINT_PASSED))
FAILED=$((FAILED + LINT_FAILED))
TIMINGS+=("$(printf '%-12s %6ss  %s passed, %s failed' lint "$(since "$T_LINT")" "$LINT_PASSED" "$LINT_FAILED")")

run_suite native count_cargo cargo test --workspace --exclude arena-lens-web --no-fail-fast

run_suite wasm count_cargo cargo test -p arena-lens-web --target wasm32-unknown-unknown --no-fail-fast

if run_step build bash scripts/build.sh; then
    section "servers"
    E2E_BASE_URL=""
    E2E_DATA_URL=""
    if start_server "$REPO_ROOT/dist" E2E_BASE_URL; then
        export E2E_BASE_URL
        # The demo in the Arena-Hard v2.0 layout (per-category baselines), for the v2.0 method's tests.
        target/release/arena-lens demo --format v2 --out dist/e2e/v2 > /dev/null
        if [ -d "$SHARED_DATA" ]; then
            start_server "$SHARED_DATA" E2E_DATA_URL && export E2E_DATA_URL
            export E2E_DATA_DIR
            E2E_DATA_DIR=$(cd "$SHARED_DATA" && pwd)
            # ../shared is read-only in CI: the Korean set's manifest goes beside the site and
            # points at the data server (absolute base, served with CORS).
            if [ -n "$E2E_DATA_URL" ] && [ -d "$SHARED_DATA/ko-arena-hard-v0.1" ]; then
                target/release/arena-lens index "$SHARED_DATA/ko-arena-hard-v0.1" \
                    --out dist/e2e/ko/manifest.json --base "${E2E_DATA_URL}ko-arena-hard-v0.1/" \
                    --baseline claude-3.7-sonnet --slim
            fi
            # The compare page's full-text set (its baseline, truth_model, is also judged against
            # itself, so it is named). The malicious fixture is written by e2e/compare-data.mjs.
            if [ -n "$E2E_DATA_URL" ] && [ -d "$SHARED_DATA/fulltext-10-prompts" ]; then
                target/release/arena-lens index "$SHARED_DATA/fulltext-10-prompts" \
                    --out dist/e2e/fulltext/manifest.json --base "${E2E_DATA_URL}fulltext-10-prompts/" \
                    --baseline truth_model --slim
            fi
        else
            check_shared
        fi
        # Explicit files (not just the folder) so that every Node version finds them.
        run_suite e2e count_tap node --test --test-reporter=tap e2e/*.test.mjs
    else
        FAILED=$((FAILED + 1))
    fi
    cleanup
else
    echo "!! the site did not build: e2e tests skipped"
fi

TIMINGS+=("$(printf '%-12s %6ss' total "$(since "$T_ALL")")")
summary
[ "$FAILED" -eq 0 ]
