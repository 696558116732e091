//! Published tables as JSON objects keyed by model: WildBench's `leaderboard/data_dir` files.
//!
//! - `pairwise-<ref>-K=<k>.json`: per model `win_much, win, tie, lose, lose_much, total` and
//!   per-task counts. The score is WB-Reward (%) recomputed from the counts, and the task-macro
//!   reward from the per-task counts ([`crate::leaderboard::wildbench::Counts`]), so the table is a
//!   check of our arithmetic as well as a reference.
//! - `score.json`: per model `score` (mean 1-10 grade) and `adjusted_score` (`(score - 5) * 2`);
//!   the score is WB-Score as `all_stat_wildbench` prints it (`adjusted_score * 10`).
//! - `all_stat_wildbench.<k>.json`: many columns per model; the score is `WB_score`.
//! - `wb_elo_results.json`: `{config, elo_stat: {model: {avg, ci: [lo, hi]}}}`; the score is the
//!   WB-Elo `avg` with its interval.
//! - Any other object keyed by model: the first of `score`, `reward`, `rating`, `elo`, `avg`.
//!
//! Every numeric field of a model's object is kept in its figures; a `-` or non-numeric value
//! (all_stat writes `"-"` for missing Arena Elo) is left out.

use super::reference::{LineIssue, ReferenceBoard, ReferenceError, ReferenceKind, ReferenceRow};
use crate::leaderboard::wildbench::Counts;
use serde_json::{Map, Value};

/// Reads a JSON table keyed by model. Models whose entry has no score are listed as issues
/// (their `line` is their 1-based position in the object).
pub fn parse(text: &str) -> Result<ReferenceBoard, ReferenceError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ReferenceError::UnknownHeader {
        header: format!("not a JSON object: {e}"),
    })?;
    let Some(top) = value.as_object() else {
        return Err(ReferenceError::Empty);
    };
    if top.is_empty() {
        return Err(ReferenceError::Empty);
    }
    // wb_elo_results.json nests the models under `elo_stat`.
    let models = top
        .get("elo_stat")
        .and_then(Value::as_object)
        .unwrap_or(top);
    let mut rows = Vec::new();
    let mut issues = Vec::new();
    let mut score_column = String::new();
    for (i, (name, entry)) in models.iter().enumerate() {
        if name == "config" {
            continue;
        }
        let Some(obj) = entry.as_object() else {
            issues.push(LineIssue {
                line: i + 1,
                message: format!("{name:?}: expected an object"),
            });
            continue;
        };
        match row(name, obj) {
            Some((r, column)) => {
                score_column = column;
                rows.push(r);
            }
            None => issues.push(LineIssue {
                line: i + 1,
                message: format!("{name:?}: no score field"),
            }),
        }
    }
    if rows.is_empty() {
        return Err(ReferenceError::NoRows { issues });
    }
    Ok(ReferenceBoard {
        kind: ReferenceKind::Rating,
        score_column,
        rows,
        issues,
        selection: None,
    })
}

/// One model's row and the name of its score.
fn row(name: &str, obj: &Map<String, Value>) -> Option<(ReferenceRow, String)> {
    let num = |k: &str| obj.get(k).and_then(Value::as_f64).filter(|x| x.is_finite());
    let mut figures: std::collections::BTreeMap<String, f64> = obj
        .iter()
        .filter_map(|(k, v)| Some((k.clone(), v.as_f64().filter(|x| x.is_finite())?)))
        .collect();
    let (score, lower, upper, column) = if let Some(c) = Counts::from_object(obj) {
        let reward = c.reward()? * 100.0;
        if let Some(m) = Counts::task_macro_of(obj) {
            figures.insert("task_macro_reward".into(), m * 100.0);
        }
        (
            reward,
            None,
            None,
            "reward (recomputed from the counts)".to_string(),
        )
    } else if let Some(adj) = num("adjusted_score") {
        if let Some(m) = num("adjusted_task_macro_score") {
            figures.insert("wb_score_task_macro".into(), m * 10.0);
        }
        (
            adj * 10.0,
            None,
            None,
            "adjusted_score × 10 (WB-Score)".to_string(),
        )
    } else if let Some(s) = num("WB_score") {
        (s, None, None, "WB_score".to_string())
    } else if let (Some(avg), Some(ci)) = (num("avg"), obj.get("ci").and_then(Value::as_array)) {
        let b = |i: usize| ci.get(i).and_then(Value::as_f64);
        (avg, b(0), b(1), "avg (WB-Elo)".to_string())
    } else {
        let k = ["score", "reward", "rating", "elo", "avg"]
            .into_iter()
            .find(|k| num(k).is_some())?;
        (num(k)?, num("lower"), num("upper"), k.to_string())
    };
    // WildBench joins its tables on the key (the model's last `/` segment), not on `model`.
    let model = name.to_string();
    Some((
        ReferenceRow {
            model,
            score,
            lower,
            upper,
            avg_tokens: None,
            figures,
        },
        column,
    ))
}
