//! The site's Parquet web worker. The main app (crates/web/src/parquet.rs) starts it only when a
//! `.parquet` file is opened, waits for its `{ready: true}`, then posts `{name, bytes}` (the bytes'
//! buffer transferred, not copied). The worker answers `{text}`, the file's rows as JSON Lines
//! (arena-lens-parquet), which the app loads exactly as a JSON Lines battle log, or `{error}`.
//!
//! The site's wasm is built with `panic = "abort"`, so a panic inside the parquet crate on
//! malformed bytes cannot be caught; the panic hook first posts it as `{error}` naming the file,
//! then the worker stops and the app ends it.

// Natively only its test uses it.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod reply;

#[cfg(target_arch = "wasm32")]
mod worker;

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

/// Natively there is no worker scope to listen on: the binary only runs as the site's module.
#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "parquet-worker is the site's Parquet web worker; Trunk builds it for wasm32 \
         (crates/web/index.html). To read a Parquet file here, run `arena-lens leaderboard FILE.parquet`."
    );
    std::process::ExitCode::FAILURE
}
