//! Chatbot Arena battle logs in Parquet, read as the JSON records the core already reads.
//!
//! The Arena's released battle logs on the Hugging Face hub (the 33k, 55k, 100k and 140k releases)
//! are Parquet files with the same columns as FastChat's JSON records: `question_id`, `model_a`,
//! `model_b`, `winner`, `judge`, `conversation_a/b` (`list<struct<role, content>>`), `turn`,
//! `anony`, `language`, `tstamp`, `category_tag`, `conv_metadata`, `is_code`, ... This crate turns
//! each row into one JSON object (nested lists, structs and maps intact, see [`json`]) so the core's
//! Arena battle reader (`arena_lens_core::formats::arena_log`) reads them unchanged: one reader, one
//! set of checks and methods for JSON, JSON Lines, CSV and Parquet. Row N of the file is line N of
//! the JSON Lines it gives, which the core's load report prints as `file:row N`.
//!
//! What the core cannot check from one record is checked here, once, for the whole file: the
//! `PAR1` magic, a readable footer, and the columns a battle needs ([`columns`]). Those problems are
//! a [`ParquetError`] naming the file (and the row or column); a bad value in one row is left to
//! the core, which reports that row and keeps the others.

pub mod columns;
pub mod error;
pub mod json;
pub mod rows;
#[cfg(feature = "writer")]
pub mod write;

pub use error::ParquetError;
pub use rows::{open, to_json_lines, JsonRows};

/// The 4-byte magic that starts and ends every Parquet file.
pub const MAGIC: &[u8; 4] = b"PAR1";

/// True when `bytes` start with the Parquet magic (a file's head is enough to decide).
pub fn has_magic(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}
