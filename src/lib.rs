//! arena-lens web app (Leptos CSR, built by Trunk for wasm32).
//!
//! `main.rs` only mounts [`app::App`]; everything else lives in modules so that
//! wasm-bindgen-test (tests/web.rs) can mount the same components.

pub mod app;
