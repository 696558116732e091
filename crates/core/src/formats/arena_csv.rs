//! The Chatbot Arena 55k CSV (the Kaggle "LMSYS - Chatbot Arena Human Preference Predictions"
//! `train.csv`): `id, model_a, model_b, prompt, response_a, response_b, winner_model_a,
//! winner_model_b, winner_tie`. The winner is one-hot over the last three columns; `prompt` and
//! the responses are JSON-encoded lists of turns (a `null` turn is an empty answer).
//!
//! Rows become the same battles, prompts and answers as the JSON logs (`arena_log::add`). The 55k
//! release has no `anony` column (all its votes are anonymous battles) and no `tstamp`. A bad row
//! is reported with its CSV line.

use super::arena_log::{add, ArenaBattle, At, Seen};
use super::FieldError;
use crate::bench::{Bench, Layout};
use crate::report::IssueKind;
use crate::verdict::Outcome;
use std::collections::HashMap;

/// The columns the reader needs.
const REQUIRED: [&str; 8] = [
    "model_a",
    "model_b",
    "prompt",
    "response_a",
    "response_b",
    "winner_model_a",
    "winner_model_b",
    "winner_tie",
];

/// Reads a 55k-style CSV into the bench.
pub fn parse(bench: &mut Bench, file: &str, text: &str) {
    if bench.layout == Layout::Empty {
        bench.layout = Layout::ArenaLog;
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rd = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(body.as_bytes());
    let header: HashMap<String, usize> = match rd.headers() {
        Ok(h) => h
            .iter()
            .enumerate()
            .map(|(i, c)| (c.trim().to_ascii_lowercase(), i))
            .collect(),
        Err(e) => {
            bench.report.push(
                IssueKind::BadJson,
                file,
                1,
                "",
                format!("bad CSV header: {e}"),
            );
            return;
        }
    };
    if let Some(missing) = REQUIRED.iter().find(|c| !header.contains_key(**c)) {
        bench.report.push(
            IssueKind::MissingField,
            file,
            1,
            missing,
            "the header lacks this column; no row can be read".into(),
        );
        return;
    }
    let mut seen = Seen::default();
    for rec in rd.records() {
        bench.report.lines += 1;
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                bench.report.push(
                    IssueKind::BadJson,
                    file,
                    line,
                    "",
                    format!("bad CSV row: {e}"),
                );
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let cells = Cells {
            header: &header,
            rec: &rec,
        };
        match row(&cells) {
            Ok(b) => add(bench, file, At { line, item: None }, b, &mut seen),
            Err((kind, e)) => bench.report.push(kind, file, line, &e.field, e.message),
        }
    }
}

/// A row's cells by column name.
struct Cells<'r> {
    header: &'r HashMap<String, usize>,
    rec: &'r csv::StringRecord,
}

impl<'r> Cells<'r> {
    /// The cell of column `c`; empty when the row is short.
    fn get(&self, c: &str) -> &'r str {
        self.header
            .get(c)
            .and_then(|&i| self.rec.get(i))
            .unwrap_or("")
    }
}

/// The checked fields of one row.
fn row(cells: &Cells) -> Result<ArenaBattle<'static>, (IssueKind, FieldError)> {
    let get = |c: &str| cells.get(c);
    let missing = |field: &str, msg: String| (IssueKind::MissingField, FieldError::new(field, msg));
    let name = |c: &str| match get(c).trim() {
        "" | "-" => Err(missing(c, format!("{:?} is not a model name", get(c)))),
        s => Ok(s.to_string()),
    };
    let (model_a, model_b) = (name("model_a")?, name("model_b")?);
    let flag = |c: &str| match get(c).trim() {
        "1" | "1.0" | "True" | "true" => Ok(true),
        "0" | "0.0" | "False" | "false" => Ok(false),
        "" => Err(missing(c, "empty (a short row?)".into())),
        other => Err((
            IssueKind::UnknownWinner,
            FieldError::new(c, format!("{other:?} is not 0 or 1")),
        )),
    };
    let outcome = match (
        flag("winner_model_a")?,
        flag("winner_model_b")?,
        flag("winner_tie")?,
    ) {
        (true, false, false) => Outcome::AWins,
        (false, true, false) => Outcome::BWins,
        (false, false, true) => Outcome::Tie,
        (a, b, t) => {
            return Err((
                IssueKind::UnknownWinner,
                FieldError::new(
                    "winner_model_a",
                    format!("the winner columns must be one-hot, found {a}/{b}/{t}"),
                ),
            ))
        }
    };
    let turns = |c: &str| -> Result<Vec<String>, (IssueKind, FieldError)> {
        json_turns(get(c)).map_err(|m| (IssueKind::BadJson, FieldError::new(c, m)))
    };
    let id = Some(get("id").trim().to_string()).filter(|s| !s.is_empty());
    Ok(ArenaBattle {
        id: id.map(Into::into),
        model_a: model_a.into(),
        model_b: model_b.into(),
        outcome: Some(outcome),
        user_turns: turns("prompt")?,
        answers: Some((turns("response_a")?, turns("response_b")?)),
        ..ArenaBattle::default()
    })
}

/// A JSON-encoded list of turns; a `null` turn (an answer the release lost) reads as empty.
fn json_turns(cell: &str) -> Result<Vec<String>, String> {
    match serde_json::from_str::<serde_json::Value>(cell) {
        Ok(serde_json::Value::Array(items)) => Ok(items
            .iter()
            .map(|t| t.as_str().map(str::to_string).unwrap_or_default())
            .collect()),
        Ok(other) => Err(format!(
            "expected a JSON list of turns, found {}",
            super::kind(&other)
        )),
        Err(e) => Err(format!("not a JSON list of turns: {e}")),
    }
}
