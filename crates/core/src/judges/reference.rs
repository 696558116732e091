//! Published leaderboards to compare against: Arena-Hard's CSV or a plain Elo table.
//!
//! Two shapes are accepted, with case-insensitive headers in any column order:
//! - Arena-Hard's `model,score,rating_q025,rating_q975,CI,avg_tokens,date`, where `CI` is a quoted
//!   field with a comma inside (`"(-1.88, +1.97)"`); score and bounds are win rates (%).
//! - An Elo table: a model column (`model`, `name`) and a rating column (`elo`, `rating`,
//!   `arena elo`, `arena score`, `score`), optionally with bounds (`lower`/`upper`).
//!
//! The reader is written by hand: the files need only comma separation and double-quoted fields
//! (with `""` as an escaped quote), and a hand-written reader keeps the core free of a CSV
//! dependency, compiles to small WebAssembly, and can report every bad line with its number instead
//! of stopping at the first. Quoted fields may not span lines (no leaderboard needs that). A bad line
//! is reported and skipped; only a file with no usable header or no usable row is an error.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Which shape the file had.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceKind {
    /// Arena-Hard's win-rate CSV (score against its baseline, with a 95% interval).
    ArenaHard,
    /// A rating table (Elo or similar), possibly with bounds.
    Rating,
}

/// One model of a reference leaderboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReferenceRow {
    pub model: String,
    pub score: f64,
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    pub avg_tokens: Option<f64>,
}

/// A line that was skipped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LineIssue {
    /// 1-based line number in the file.
    pub line: usize,
    pub message: String,
}

/// A parsed reference leaderboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReferenceBoard {
    pub kind: ReferenceKind,
    /// The header's name of the score column, as written.
    pub score_column: String,
    pub rows: Vec<ReferenceRow>,
    pub issues: Vec<LineIssue>,
}

/// Why a file cannot be used at all.
#[derive(Clone, Debug, PartialEq)]
pub enum ReferenceError {
    /// No non-blank line.
    Empty,
    /// The header names no model column or no score column.
    UnknownHeader { header: String },
    /// The header is fine but no row could be read.
    NoRows { issues: Vec<LineIssue> },
}

impl std::fmt::Display for ReferenceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReferenceError::Empty => write!(f, "the reference file is empty"),
            ReferenceError::UnknownHeader { header } => write!(
                f,
                "unrecognised header {header:?}: expected Arena-Hard's model,score,rating_q025,rating_q975,... or a model,elo table"
            ),
            ReferenceError::NoRows { issues } => {
                write!(f, "no usable rows")?;
                if let Some(i) = issues.first() {
                    write!(f, " (line {}: {}", i.line, i.message)?;
                    if issues.len() > 1 {
                        write!(f, "; {} more", issues.len() - 1)?;
                    }
                    write!(f, ")")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ReferenceError {}

/// Splits one line into fields: commas separate, double quotes group, `""` inside quotes is a quote.
pub fn split_line(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut chars = line.chars().peekable();
    let mut in_quotes = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cur.push('"');
                }
                '"' => in_quotes = false,
                _ => cur.push(c),
            }
        } else {
            match c {
                ',' => {
                    fields.push(std::mem::take(&mut cur));
                    was_quoted = false;
                }
                '"' if cur.trim().is_empty() && !was_quoted => {
                    cur.clear();
                    in_quotes = true;
                    was_quoted = true;
                }
                '"' => return Err("a quote in the middle of an unquoted field".into()),
                _ if was_quoted && !c.is_whitespace() => {
                    return Err("text after a closing quote".into())
                }
                _ => cur.push(c),
            }
        }
    }
    if in_quotes {
        return Err("unterminated quoted field".into());
    }
    fields.push(cur);
    Ok(fields)
}

struct Columns {
    model: usize,
    score: usize,
    lower: Option<usize>,
    upper: Option<usize>,
    tokens: Option<usize>,
    kind: ReferenceKind,
}

fn find(names: &[String], wanted: &[&str]) -> Option<usize> {
    // The first alias in `wanted` order wins, so `score` is preferred to `rating` when both exist.
    wanted
        .iter()
        .find_map(|w| names.iter().position(|n| n == w))
}

fn columns(header: &[String]) -> Option<Columns> {
    let names: Vec<String> = header
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
        .collect();
    let model = find(&names, &["model", "name", "model name"])?;
    let arena_hard = names.iter().any(|n| n == "rating_q025");
    let score = if arena_hard {
        find(&names, &["score"])?
    } else {
        find(
            &names,
            &[
                "elo",
                "arena elo",
                "arena score",
                "rating",
                "score",
                "elo rating",
            ],
        )?
    };
    Some(Columns {
        model,
        score,
        lower: find(&names, &["rating_q025", "lower", "lower_bound"]),
        upper: find(&names, &["rating_q975", "upper", "upper_bound"]),
        tokens: find(&names, &["avg_tokens"]),
        kind: if arena_hard {
            ReferenceKind::ArenaHard
        } else {
            ReferenceKind::Rating
        },
    })
}

fn number(fields: &[String], i: usize, what: &str) -> Result<f64, String> {
    let raw = fields.get(i).map(|s| s.trim()).unwrap_or("");
    let v: f64 = raw
        .parse()
        .map_err(|_| format!("{what} {raw:?} is not a number"))?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(format!("{what} {raw:?} is not finite"))
    }
}

fn optional(fields: &[String], i: Option<usize>, what: &str) -> Result<Option<f64>, String> {
    match i {
        Some(i) if fields.get(i).is_some_and(|s| !s.trim().is_empty()) => {
            number(fields, i, what).map(Some)
        }
        _ => Ok(None),
    }
}

/// Parses a reference leaderboard. Never panics; bad lines become [`LineIssue`]s.
pub fn parse(text: &str) -> Result<ReferenceBoard, ReferenceError> {
    let mut lines = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
        .filter(|(_, l)| !l.trim().is_empty());
    let (_, head) = lines.next().ok_or(ReferenceError::Empty)?;
    let unknown = || ReferenceError::UnknownHeader {
        header: head.chars().take(200).collect(),
    };
    let header = split_line(head).map_err(|_| unknown())?;
    let cols = columns(&header).ok_or_else(unknown)?;
    let mut rows = Vec::new();
    let mut issues = Vec::new();
    let mut seen = HashSet::new();
    for (line, text) in lines {
        let row = (|| -> Result<ReferenceRow, String> {
            let f = split_line(text)?;
            if f.len() != header.len() {
                return Err(format!(
                    "{} fields, the header has {}",
                    f.len(),
                    header.len()
                ));
            }
            let model = f[cols.model].trim().to_string();
            if model.is_empty() {
                return Err("empty model name".into());
            }
            let row = ReferenceRow {
                score: number(&f, cols.score, "score")?,
                lower: optional(&f, cols.lower, "lower bound")?,
                upper: optional(&f, cols.upper, "upper bound")?,
                avg_tokens: optional(&f, cols.tokens, "avg_tokens")?,
                model,
            };
            if !seen.insert(row.model.clone()) {
                return Err(format!(
                    "{:?} appears again; the first row is kept",
                    row.model
                ));
            }
            Ok(row)
        })();
        match row {
            Ok(r) => rows.push(r),
            Err(message) => issues.push(LineIssue { line, message }),
        }
    }
    if rows.is_empty() {
        return Err(ReferenceError::NoRows { issues });
    }
    Ok(ReferenceBoard {
        kind: cols.kind,
        score_column: header[cols.score].trim().to_string(),
        rows,
        issues,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arena_hard_csv_with_quoted_ci() {
        let text = "model,score,rating_q025,rating_q975,CI,avg_tokens,date\n\
            gpt-4-turbo-2024-04-09,82.63,80.75,84.6,\"(-1.88, +1.97)\",662.0,2024-07-31\r\n\
            broken,abc,1,2,\"(x, y)\",1,2024\n\
            short,1,2\n\
            \n\
            gpt-4-0314,50.0,50.0,50.0,\"(0.00, 0.00)\",423.0,2024-07-31\n";
        let b = parse(text).unwrap();
        assert_eq!(b.kind, ReferenceKind::ArenaHard);
        assert_eq!(b.rows.len(), 2);
        assert_eq!(b.rows[0].model, "gpt-4-turbo-2024-04-09");
        assert_eq!(b.rows[0].lower, Some(80.75));
        assert_eq!(b.rows[0].avg_tokens, Some(662.0));
        assert_eq!(
            b.issues.iter().map(|i| i.line).collect::<Vec<_>>(),
            vec![3, 4]
        );
    }

    #[test]
    fn elo_tables_and_header_errors() {
        let b = parse("Model,Arena Elo\n\"a, b\",1250\nc,1100\n").unwrap();
        assert_eq!(b.kind, ReferenceKind::Rating);
        assert_eq!(b.rows[0].model, "a, b");
        assert_eq!(b.score_column, "Arena Elo");
        assert!(matches!(
            parse("foo,bar\n1,2"),
            Err(ReferenceError::UnknownHeader { .. })
        ));
        assert_eq!(parse("  \n"), Err(ReferenceError::Empty));
        assert!(matches!(
            parse("model,elo\nx,nan\n"),
            Err(ReferenceError::NoRows { .. })
        ));
        assert_eq!(
            split_line("a,\"x \"\"q\"\"\",b").unwrap(),
            vec!["a", "x \"q\"", "b"]
        );
        assert!(split_line("a,\"open").is_err());
    }
}
