//! Parsers for the Arena-Hard file formats (v0.1, v2.0 and battles) and the formats recognised by
//! content (FastChat's MT-Bench, ...), one file kind per module.
//!
//! Each parser reads a whole JSONL text line by line. A bad line is reported with its file, line and
//! field, and never stops the rest of the file from loading.

pub mod alpaca_eval;
pub mod answers;
mod answers_fast;
pub mod arena_blocks;
pub mod arena_csv;
mod arena_fast;
pub mod arena_lines;
pub mod arena_log;
pub mod battles;
mod fast_json;
pub(crate) mod json_array;
pub mod judgments;
mod judgments_fast;
pub mod mt_bench_pair;
pub mod mt_bench_prompts;
pub mod mt_bench_reference;
pub mod mt_bench_single;
pub mod questions;
pub mod scores_table;
pub mod sniff;
pub mod wildbench;

use crate::bench::Bench;
use serde_json::{Map, Value};
use sniff::FormatKind;

/// Reads a file whose format was recognised by content ([`sniff::sniff`]) into the bench.
pub fn read(bench: &mut Bench, kind: FormatKind, path: &str, text: &str) {
    match kind {
        FormatKind::ArenaBattles => arena_log::parse(bench, path, text),
        FormatKind::ArenaBattlesCsv => arena_csv::parse(bench, path, text),
        FormatKind::AlpacaAnnotations => alpaca_eval::parse_annotations(bench, path, text),
        FormatKind::AlpacaOutputs => alpaca_eval::parse_outputs(bench, path, text),
        FormatKind::WildBenchScore => wildbench::parse_score(bench, path, text),
        FormatKind::WildBenchPairwise => wildbench::parse_pairwise(bench, path, text),
        FormatKind::ScoresTable => scores_table::parse(bench, path, text),
        FormatKind::MtBenchPair => mt_bench_pair::parse(bench, path, text),
        FormatKind::MtBenchSingle => mt_bench_single::parse(bench, path, text),
        FormatKind::MtBenchReference => mt_bench_reference::parse(bench, path, text),
        FormatKind::MtBenchJudgePrompts => mt_bench_prompts::parse(bench, path, text),
    }
}

/// A field problem on one line: the field's path and what is wrong with it.
#[derive(Debug)]
pub(crate) struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, message: impl Into<String>) -> FieldError {
        FieldError {
            field: field.to_string(),
            message: message.into(),
        }
    }
}

/// Iterates non-blank lines with their 1-based numbers, tolerating `\r\n` and a UTF-8 BOM.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The lines of `text.split('\n')`, with the line ends found by memchr (SIMD): `split` finds
    // them a word at a time, which showed in profiles of 100 MB answer folders.
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .chain(std::iter::once(text.len()))
        .enumerate()
        .map(move |(i, end)| {
            let line = &text[start..end];
            start = end + 1;
            (i + 1, line.trim_end_matches('\r'))
        })
        .filter(|(_, l)| !l.trim().is_empty())
}

/// Reads a field that must be a string (numbers are accepted and printed, as ids sometimes are).
pub(crate) fn req_str(obj: &Map<String, Value>, name: &str) -> Result<String, FieldError> {
    match obj.get(name) {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        Some(Value::Null) | None => Err(FieldError::new(name, "missing")),
        Some(other) => Err(FieldError::new(
            name,
            format!("expected a string, found {}", kind(other)),
        )),
    }
}

/// Reads an optional string field; a wrong type counts as absent.
pub(crate) fn opt_str(obj: &Map<String, Value>, name: &str) -> Option<String> {
    match obj.get(name) {
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    }
}

/// The JSON type name, for messages.
pub(crate) fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Parses a line into a JSON object, or says why not.
pub(crate) fn parse_object(line: &str) -> Result<Map<String, Value>, String> {
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(other) => Err(format!("expected a JSON object, found {}", kind(&other))),
        Err(e) => Err(e.to_string()),
    }
}

/// A turn's text: Arena-Hard v0.1 writes `{"content": ...}`, FastChat's MT-Bench a plain string.
pub(crate) fn turn_text(turn: &Value) -> Option<&str> {
    match turn {
        Value::String(s) => Some(s),
        other => other.get("content").and_then(Value::as_str),
    }
}

/// The text of every turn after the first (v0.1 `turns`, MT-Bench's string turns). A turn without
/// text is kept as an empty string rather than dropped, so turn numbers stay right.
pub(crate) fn later_turn_texts(turns: &[Value]) -> Vec<String> {
    turns
        .iter()
        .skip(1)
        .map(|t| turn_text(t).unwrap_or_default().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_are_split_lines() {
        // The reference is `str::split('\n')` with the same trimming and filtering.
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\r\nb\n\n  \nc",
            "\u{feff}x\ny\r\n",
            "\n\nz",
        ] {
            let body = text.strip_prefix('\u{feff}').unwrap_or(text);
            let want: Vec<(usize, &str)> = body
                .split('\n')
                .enumerate()
                .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
                .filter(|(_, l)| !l.trim().is_empty())
                .collect();
            assert_eq!(super::lines(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }
}
