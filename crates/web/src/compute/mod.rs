//! The page's side of the compute worker: statistics run in a Web Worker
//! (`src/bin/compute-worker.rs`), so the page stays responsive while a leaderboard with style
//! control and bootstrap rounds is computed.
//!
//! - [`client`] starts the worker, sends it the data set once per load ([`load`]) and each
//!   request, and hands the responses to whoever asked. Ids increase; the newest id of a kind is
//!   the only one whose result is kept (a newer request replaces an older one, and the worker
//!   abandons the older between two bootstrap rounds). If the worker cannot start (no worker
//!   files beside the page, or it crashed), requests end with an error that says so: the page
//!   never computes statistics itself, so its module does not carry them.
//! - [`job`] is what a page holds: a [`job::JobHandle`] per kind of computation, with signals for
//!   the newest result, the request in flight and its progress, and the worker's job counts.
//!
//! Messages are the core's `compute::protocol`; the results are the core's own types.

pub mod client;
pub mod job;

pub use client::{load, load_url, LoadEvent, LoadSink};
pub use job::{Finished, JobHandle, Pending};
