//! Computing away from the page: the typed messages between the site and its compute worker
//! ([`protocol`]) and the worker's side of them ([`run`]), kept here so they are tested natively.
//!
//! The site's main thread only renders. It sends the worker the data set's files once
//! ([`protocol::Job::Load`], in pieces: [`load_parts`]), then one request per computation (a leaderboard for a resolved
//! scope, ...). Each request has an id; a newer request of the same [`protocol::Kind`] makes the
//! older one stale, and the worker abandons a stale job between two bootstrap rounds (see
//! [`crate::pace`]). Results are the core's own serde types, so the page shows exactly what the
//! direct call returns.

mod clusters_wire;
pub mod load_parts;
pub mod protocol;
pub mod run;
