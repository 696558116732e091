//! Published leaderboards to compare against: Arena-Hard's CSV or a plain Elo table.
//!
//! The columns are found by content (case-insensitive headers, any order):
//! - Arena-Hard's `model,score,rating_q025,rating_q975,CI,avg_tokens,date`, where `CI` is a quoted
//!   field with a comma inside (`"(-1.88, +1.97)"`); score and bounds are win rates (%).
//! - An Elo table: a model column (`model`, `name`, `model_name`, or an unnamed first column as
//!   pandas writes the index) and a rating column (`elo`, `rating`, `arena elo`, `arena score`,
//!   `score`, GenAI-Arena's `arena elo rating (anony)`, AlpacaEval's `win_rate`), optionally with
//!   bounds (`lower`/`upper`, or `rating_q025`/`rating_q975` as arena-catalog writes them).
//! - A table with a `category` column (arena-catalog's `test.csv`: one row per model and
//!   category) keeps the `full` (or `overall`) rows, and with a `style_control` column the rows
//!   without style control; [`ReferenceBoard::selection`] says what was left out.
//! - A JSON object keyed by model (WildBench's tables): see [`super::reference_json`].
//!
//! Every other numeric column is kept in [`ReferenceRow::figures`] (AlpacaEval's
//! `length_controlled_winrate`, `standard_error`, ...); a `-` or empty cell is a placeholder, not a
//! number, and is left out of the figures.
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
    /// The row's other numeric columns, by their header as written.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub figures: std::collections::BTreeMap<String, f64>,
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
    /// Which rows of a multi-table file were kept (arena-catalog: `category = full`), and how
    /// many were left out; `None` when every row is a model's only row.
    #[serde(default)]
    pub selection: Option<String>,
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
    category: Option<usize>,
    style_control: Option<usize>,
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
    let model = find(
        &names,
        &["model", "name", "model name", "model_name", "key", ""],
    )?;
    let arena_hard = names.iter().any(|n| n == "rating_q025") && names.iter().any(|n| n == "score");
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
                "arena elo rating (anony)",
                "arena elo rating (full)",
                "win_rate",
            ],
        )?
    };
    Some(Columns {
        model,
        score,
        lower: find(&names, &["rating_q025", "lower", "lower_bound"]),
        upper: find(&names, &["rating_q975", "upper", "upper_bound"]),
        tokens: find(&names, &["avg_tokens"]),
        category: find(&names, &["category"]),
        style_control: find(&names, &["style_control"]),
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

/// Parses a reference leaderboard: a CSV, or a JSON table keyed by model. Never panics; bad
/// lines become [`LineIssue`]s.
pub fn parse(text: &str) -> Result<ReferenceBoard, ReferenceError> {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.starts_with('{') {
        return super::reference_json::parse(body);
    }
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
    let lines: Vec<(usize, &str)> = lines.collect();
    let keep = selection(&lines, &cols);
    let mut left_out: std::collections::BTreeMap<String, usize> = Default::default();
    for (line, text) in lines {
        let row = (|| -> Result<Option<ReferenceRow>, String> {
            let f = split_line(text)?;
            if f.len() != header.len() {
                return Err(format!(
                    "{} fields, the header has {}",
                    f.len(),
                    header.len()
                ));
            }
            if let Some(why) = keep.as_ref().and_then(|k| k.leaves_out(&f)) {
                *left_out.entry(why).or_default() += 1;
                return Ok(None);
            }
            let model = f[cols.model].trim().to_string();
            if model.is_empty() {
                return Err("empty model name".into());
            }
            let used = [
                Some(cols.model),
                Some(cols.score),
                cols.lower,
                cols.upper,
                cols.tokens,
            ];
            let figures = f
                .iter()
                .enumerate()
                .filter(|(i, _)| !used.contains(&Some(*i)))
                .filter_map(|(i, v)| {
                    let name = header[i].trim().trim_start_matches('\u{feff}');
                    let x: f64 = v.trim().parse().ok()?;
                    (!name.is_empty() && x.is_finite()).then(|| (name.to_string(), x))
                })
                .collect();
            let row = ReferenceRow {
                score: number(&f, cols.score, "score")?,
                lower: optional(&f, cols.lower, "lower bound")?,
                upper: optional(&f, cols.upper, "upper bound")?,
                avg_tokens: optional(&f, cols.tokens, "avg_tokens")?,
                model,
                figures,
            };
            if !seen.insert(row.model.clone()) {
                return Err(format!(
                    "{:?} appears again; the first row is kept",
                    row.model
                ));
            }
            Ok(Some(row))
        })();
        match row {
            Ok(Some(r)) => rows.push(r),
            Ok(None) => {}
            Err(message) => issues.push(LineIssue { line, message }),
        }
    }
    if rows.is_empty() {
        return Err(ReferenceError::NoRows { issues });
    }
    let selection = keep.map(|k| {
        let out: Vec<String> = left_out.iter().map(|(w, n)| format!("{n} {w}")).collect();
        format!(
            "kept {}; left out {}",
            k.describe(),
            if out.is_empty() {
                "nothing".to_string()
            } else {
                out.join(", ")
            }
        )
    });
    Ok(ReferenceBoard {
        kind: cols.kind,
        score_column: header[cols.score].trim().to_string(),
        rows,
        issues,
        selection,
    })
}

/// Which rows of a one-row-per-(model, category) table are kept.
struct Keep {
    category: Option<(usize, String)>,
    /// The `style_control` column: rows with `True` are left out.
    style: Option<usize>,
}

impl Keep {
    /// Why a row is left out, or `None` to keep it.
    fn leaves_out(&self, f: &[String]) -> Option<String> {
        if let Some((i, want)) = &self.category {
            let c = f.get(*i).map(|s| s.trim()).unwrap_or("");
            if c != want {
                return Some(format!("rows of category {c:?}"));
            }
        }
        if let Some(i) = self.style {
            if f.get(i)
                .is_some_and(|s| s.trim().eq_ignore_ascii_case("true"))
            {
                return Some("style-controlled rows".into());
            }
        }
        None
    }

    fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some((_, c)) = &self.category {
            parts.push(format!("category = {c}"));
        }
        if self.style.is_some() {
            parts.push("style_control = False".into());
        }
        parts.join(", ")
    }
}

/// The selection for a table with a `category` and/or `style_control` column: the `full` (else
/// `overall`) category when it has one, and the rows without style control.
fn selection(lines: &[(usize, &str)], cols: &Columns) -> Option<Keep> {
    let category = cols.category.and_then(|i| {
        let values: HashSet<String> = lines
            .iter()
            .filter_map(|(_, l)| split_line(l).ok()?.get(i).map(|s| s.trim().to_string()))
            .collect();
        ["full", "overall"]
            .iter()
            .find(|c| values.contains(**c))
            .map(|c| (i, c.to_string()))
    });
    (category.is_some() || cols.style_control.is_some()).then_some(Keep {
        category,
        style: cols.style_control,
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
