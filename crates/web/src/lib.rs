//! arena-lens web app (Leptos CSR, built by Trunk for wasm32).
//!
//! `main.rs` only mounts [`app::App`]. The URL query is the global state ([`url_state`]); the loaded
//! data set is the one piece of shared state, provided as context by [`data::DataContext`]. Pages read
//! both, call the core crate and render; effects only touch the outside world (network, canvas, URL).

pub mod app;
pub mod clock;
pub mod components;
pub mod compute;
pub mod data;
pub mod default_data;
pub mod loader;
pub mod pages;
pub mod parquet;
pub mod stream;
pub mod texts;
pub mod ui;
pub mod url_state;
