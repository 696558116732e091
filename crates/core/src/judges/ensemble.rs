//! Several judges combined, shown beside each member.
//!
//! Two ensembles:
//! - **Pooled**: every judge's battles in one Bradley-Terry fit (`battles.judges` lists them all), as
//!   arena-hard-auto v2.0 does with `-j`. A judge with more usable verdicts weighs more.
//! - **Mean**: the average of each model's per-judge scores (win rates), so every judge weighs the
//!   same.
//!
//! The mean's interval is the honest problem. Its exact bootstrap would average the judges' scores
//! round by round, but leaderboards do not keep their rounds. Averaging the judges' lower bounds and
//! upper bounds instead is exact only if the judges' errors are perfectly correlated; for any other
//! correlation the true interval is narrower (the standard deviation of a mean is at most the mean of
//! the standard deviations). So the averaged bounds are reported as a *conservative* interval, and
//! the field `mean_interval` says so.

use crate::bench::Bench;
use crate::error::Error;
use crate::leaderboard::{self, Leaderboard, LeaderboardOptions};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Why an ensemble cannot be computed.
#[derive(Clone, Debug, PartialEq)]
pub enum EnsembleError {
    /// An ensemble needs at least two judges.
    TooFewJudges { judges: usize },
    /// A member's or the pooled leaderboard failed.
    Leaderboard { judge: String, error: Error },
}

impl std::fmt::Display for EnsembleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EnsembleError::TooFewJudges { judges } => {
                write!(f, "an ensemble needs at least two judges; got {judges}")
            }
            EnsembleError::Leaderboard { judge, error } => write!(f, "{judge}: {error}"),
        }
    }
}

impl std::error::Error for EnsembleError {}

/// One model across the judges.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EnsembleRow {
    pub model: String,
    /// Score under each member, in [`Ensemble::judges`] order; `None` when that judge did not rate it.
    pub per_judge: Vec<Option<f64>>,
    pub pooled: Option<f64>,
    pub pooled_lower: Option<f64>,
    pub pooled_upper: Option<f64>,
    /// Mean of the per-judge scores, when every member rated the model.
    pub mean: Option<f64>,
    /// Conservative bounds (see the module notes).
    pub mean_lower: Option<f64>,
    pub mean_upper: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ensemble {
    pub judges: Vec<String>,
    /// How the mean's interval was made: `"averaged_bounds_conservative"`.
    pub mean_interval: String,
    /// Sorted by the mean score (models without one last), then by name.
    pub rows: Vec<EnsembleRow>,
    pub members: Vec<Leaderboard>,
    pub pooled: Leaderboard,
}

/// Computes each member, the pooled ensemble and the mean ensemble with `base`'s other options.
pub fn compute(
    bench: &Bench,
    base: &LeaderboardOptions,
    judges: &[String],
) -> Result<Ensemble, EnsembleError> {
    if judges.len() < 2 {
        return Err(EnsembleError::TooFewJudges {
            judges: judges.len(),
        });
    }
    let run = |js: Vec<String>| {
        let mut o = base.clone();
        o.battles.judges = js.clone();
        leaderboard::compute(bench, &o).map_err(|error| EnsembleError::Leaderboard {
            judge: js.join("+"),
            error,
        })
    };
    let members = judges
        .iter()
        .map(|j| run(vec![j.clone()]))
        .collect::<Result<Vec<_>, _>>()?;
    let pooled = run(judges.to_vec())?;
    Ok(combine(judges.to_vec(), members, pooled))
}

/// Builds the rows from already computed member and pooled leaderboards.
pub fn combine(judges: Vec<String>, members: Vec<Leaderboard>, pooled: Leaderboard) -> Ensemble {
    let mut rows: BTreeMap<String, EnsembleRow> = BTreeMap::new();
    let blank = |model: &str, k: usize| EnsembleRow {
        model: model.to_string(),
        per_judge: vec![None; k],
        pooled: None,
        pooled_lower: None,
        pooled_upper: None,
        mean: None,
        mean_lower: None,
        mean_upper: None,
    };
    let k = members.len();
    let mut bounds: BTreeMap<String, Vec<(f64, f64)>> = BTreeMap::new();
    for (i, m) in members.iter().enumerate() {
        for r in &m.models {
            rows.entry(r.model.clone())
                .or_insert_with(|| blank(&r.model, k))
                .per_judge[i] = Some(r.score);
            bounds
                .entry(r.model.clone())
                .or_default()
                .push((r.lower, r.upper));
        }
    }
    for r in &pooled.models {
        let row = rows
            .entry(r.model.clone())
            .or_insert_with(|| blank(&r.model, k));
        row.pooled = Some(r.score);
        row.pooled_lower = Some(r.lower);
        row.pooled_upper = Some(r.upper);
    }
    for row in rows.values_mut() {
        let scores: Option<Vec<f64>> = row.per_judge.iter().copied().collect();
        if let Some(s) = scores {
            let n = s.len() as f64;
            row.mean = Some(s.iter().sum::<f64>() / n);
            let b = &bounds[&row.model];
            row.mean_lower = Some(b.iter().map(|x| x.0).sum::<f64>() / n);
            row.mean_upper = Some(b.iter().map(|x| x.1).sum::<f64>() / n);
        }
    }
    let mut rows: Vec<EnsembleRow> = rows.into_values().collect();
    rows.sort_by(|a, b| {
        let key = |r: &EnsembleRow| r.mean.unwrap_or(f64::NEG_INFINITY);
        key(b)
            .total_cmp(&key(a))
            .then_with(|| a.model.cmp(&b.model))
    });
    Ensemble {
        judges,
        mean_interval: "averaged_bounds_conservative".into(),
        rows,
        members,
        pooled,
    }
}
