//! A scores-only run: a published leaderboard table (Arena-Hard's CSV, or any `model,score[,lower,
//! upper]` table). It has a score per model and perhaps an interval, but no verdicts, so a diff
//! against it has no per-prompt changes, no label agreement and no paired interval.
//!
//! The reading is the judges page's reference reader ([`crate::judges::reference::parse`]); this
//! module only turns its "unrecognised header" into an error that lists the columns found and the
//! ones needed, which is what a reader needs to fix the file.

use crate::judges::reference::{self, ReferenceBoard, ReferenceError};
use serde::{Deserialize, Serialize};

/// The columns a scores table needs, as the error lists them.
pub const NEEDED: &str =
    "a model column (model, name, model_name, or an unnamed first column) and a score column (score, elo, rating, arena score, win_rate), optionally lower and upper (or rating_q025 and rating_q975); or a JSON object keyed by model";

/// A parsed scores-only run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoresRun {
    /// What the reader calls the run (a file name or URL).
    pub name: String,
    pub board: ReferenceBoard,
}

/// Why a scores table cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum ScoresError {
    Empty,
    /// The header has no model or no score column.
    Columns {
        found: Vec<String>,
    },
    /// The header is fine but no row could be read (the first issue says why).
    NoRows(String),
}

impl std::fmt::Display for ScoresError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScoresError::Empty => write!(f, "the scores table is empty"),
            ScoresError::Columns { found } => write!(
                f,
                "the scores table's columns are {}; it needs {NEEDED}",
                if found.is_empty() {
                    "(none)".to_string()
                } else {
                    found
                        .iter()
                        .map(|c| format!("“{c}”"))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            ),
            ScoresError::NoRows(why) => write!(f, "the scores table has {why}"),
        }
    }
}

impl std::error::Error for ScoresError {}

/// Reads a scores table.
pub fn parse(name: &str, text: &str) -> Result<ScoresRun, ScoresError> {
    match reference::parse(text) {
        Ok(board) => Ok(ScoresRun {
            name: name.to_string(),
            board,
        }),
        Err(ReferenceError::Empty) => Err(ScoresError::Empty),
        Err(ReferenceError::UnknownHeader { header }) => Err(ScoresError::Columns {
            found: reference::split_line(&header)
                .unwrap_or_else(|_| vec![header.clone()])
                .into_iter()
                .map(|c| c.trim().trim_start_matches('\u{feff}').to_string())
                .filter(|c| !c.is_empty())
                .collect(),
        }),
        Err(e @ ReferenceError::NoRows { .. }) => Err(ScoresError::NoRows(e.to_string())),
    }
}

/// Whether a path or URL names a table rather than verdict files (by its extension).
pub fn is_table(path: &str) -> bool {
    let p = path.split(['?', '#']).next().unwrap_or(path).to_lowercase();
    p.ends_with(".csv")
}

/// Whether a file is a table by its content: a CSV, or a JSON file whose first record marks a
/// published table (WildBench's `pairwise-*.json`, `score.json`, ...), see
/// [`crate::formats::sniff`].
pub fn is_table_text(path: &str, text: &str) -> bool {
    is_table(path)
        || crate::formats::sniff::sniff(path, text)
            == Some(crate::formats::sniff::FormatKind::ScoresTable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_columns_list_what_was_found_and_what_is_needed() {
        let e = parse("x.csv", "name_of_thing,points,when\na,1,2\n").unwrap_err();
        assert_eq!(
            e,
            ScoresError::Columns {
                found: vec!["name_of_thing".into(), "points".into(), "when".into()]
            }
        );
        let t = e.to_string();
        assert!(
            t.contains("“points”") && t.contains("a score column"),
            "{t}"
        );
    }

    #[test]
    fn a_plain_table_and_the_arena_hard_layout_read() {
        let r = parse("t.csv", "model,score,lower,upper\nm1,60.5,58,63\nm2,40,,\n").unwrap();
        assert_eq!(r.board.rows.len(), 2);
        assert_eq!(r.board.rows[0].lower, Some(58.0));
        assert_eq!(r.board.rows[1].lower, None);
        let ah = "model,score,rating_q025,rating_q975,CI,avg_tokens,date\ngpt-4,82.6,80.4,84.4,\"(-2.2, +1.8)\",662,2024-05-13\n";
        let r = parse("ah.csv", ah).unwrap();
        assert_eq!(r.board.rows[0].upper, Some(84.4));
        assert!(is_table("a/b/c.CSV?x=1") && !is_table("a/b/"));
        assert_eq!(parse("e", "\n").unwrap_err(), ScoresError::Empty);
    }
}
