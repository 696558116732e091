//! The one rule for tests that need the real Arena-Hard data in `../shared` (beside the checkout,
//! or the folder `ARENA_LENS_SHARED` names): every crate's tests call [`shared_data`], the CLI's
//! through its `tests/common.rs`, which includes this file by path.
//!
//! - Data present: the test runs.
//! - Data absent, `ARENA_LENS_REQUIRE_SHARED` unset: the test prints one `SKIP: ` line saying
//!   what is missing and returns. cargo has no "skipped" outcome, so `scripts/test.sh` counts
//!   these lines; they go straight to the process's stderr (not through `println!`, which the
//!   test harness captures and hides for a passing test), so they show in every run.
//! - Data absent, `ARENA_LENS_REQUIRE_SHARED=1` (`.ci/run` sets it): the test panics naming the
//!   missing path, so a CI run without the data fails instead of passing on skips.

#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;

/// Set to `1` to turn a missing `../shared` into a test failure.
pub const REQUIRE_VAR: &str = "ARENA_LENS_REQUIRE_SHARED";
/// Overrides where `../shared` is (the folder holding `data/` and `reference/`).
pub const PATH_VAR: &str = "ARENA_LENS_SHARED";
/// What starts the line a skipped test prints; `scripts/test.sh` counts it.
pub const SKIP_MARKER: &str = "SKIP: ";

/// `ARENA_LENS_SHARED`, or `../shared` beside the checkout. Every crate is at `crates/<name>`, so
/// the including crate's manifest folder is three levels below that folder's parent.
pub fn shared_root() -> PathBuf {
    std::env::var_os(PATH_VAR)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

/// Whether `ARENA_LENS_REQUIRE_SHARED=1`.
pub fn shared_required() -> bool {
    std::env::var(REQUIRE_VAR).is_ok_and(|v| v == "1")
}

/// The `../shared` root when every path in `needs` (relative to it) exists. Otherwise prints a
/// `SKIP: ` line naming `test` and the first missing path and returns `None`, or, when
/// `ARENA_LENS_REQUIRE_SHARED=1`, panics with that path.
pub fn shared_data(test: &str, needs: &[&str]) -> Option<PathBuf> {
    let root = shared_root();
    let Some(missing) = needs.iter().map(|n| root.join(n)).find(|p| !p.exists()) else {
        return Some(root);
    };
    if shared_required() {
        panic!(
            "{test}: {REQUIRE_VAR}=1 but {} is missing (the real Arena-Hard data: ../shared beside \
             the checkout, or {PATH_VAR})",
            missing.display()
        );
    }
    let line = format!(
        "{SKIP_MARKER}{test}: {} not found (the real Arena-Hard data: ../shared beside the \
         checkout, or {PATH_VAR}); {REQUIRE_VAR}=1 makes this a failure\n",
        missing.display()
    );
    // One write of the whole line, so parallel tests never interleave inside it.
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
    None
}
