//! Per model: the score in each run, Δ = score₂ − score₁ with its interval, and each run's rank.
//! Models rated in one run only are returned apart ([`split`]), never dropped.
//!
//! The interval is paired (see [`super::paired`]) when both runs have verdicts. When a run has
//! scores only there is nothing to resample, so the interval combines the two runs' own intervals
//! as if the runs were independent, by the MOVER rule (Zou & Donner 2008, "Construction of
//! confidence limits about effect measures"): lower = Δ − √((s₂−l₂)² + (u₁−s₁)²), upper = Δ +
//! √((u₂−s₂)² + (s₁−l₁)²). That interval ignores any pairing and is wider than a paired one
//! would be; the diff says so.

use super::run::RunScore;
use crate::quantile;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How Δ's interval was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IntervalKind {
    /// The paired prompt bootstrap.
    Paired,
    /// Combined from each run's own interval (MOVER), as if independent: a scores-only run.
    Unpaired,
    /// No interval (no rounds, or a run without bounds).
    None,
}

/// One shared model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelDiff {
    pub model: String,
    pub score_1: f64,
    pub score_2: f64,
    pub delta: f64,
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    /// 1-based rank by score within each run (all its models; ties by name).
    pub rank_1: u32,
    pub rank_2: u32,
    pub interval: IntervalKind,
}

/// Ranks by score, highest first, ties by name.
pub fn ranks(v: &[RunScore]) -> HashMap<String, u32> {
    let mut o: Vec<&RunScore> = v.iter().collect();
    o.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.model.cmp(&b.model))
    });
    o.into_iter()
        .enumerate()
        .map(|(i, s)| (s.model.clone(), i as u32 + 1))
        .collect()
}

/// The shared models (in run 1's order) and the models of each run alone (sorted by name).
pub fn split(
    one: &[RunScore],
    two: &[RunScore],
) -> (Vec<(RunScore, RunScore)>, Vec<String>, Vec<String>) {
    let by2: HashMap<&str, &RunScore> = two.iter().map(|s| (s.model.as_str(), s)).collect();
    let by1: HashMap<&str, &RunScore> = one.iter().map(|s| (s.model.as_str(), s)).collect();
    let shared = one
        .iter()
        .filter_map(|a| by2.get(a.model.as_str()).map(|b| (a.clone(), (*b).clone())))
        .collect();
    let mut only1: Vec<String> = one
        .iter()
        .filter(|a| !by2.contains_key(a.model.as_str()))
        .map(|a| a.model.clone())
        .collect();
    let mut only2: Vec<String> = two
        .iter()
        .filter(|b| !by1.contains_key(b.model.as_str()))
        .map(|b| b.model.clone())
        .collect();
    only1.sort();
    only2.sort();
    (shared, only1, only2)
}

/// The MOVER interval of `b − a` from each side's own interval.
pub fn mover(a: &RunScore, b: &RunScore) -> Option<(f64, f64)> {
    let (l1, u1, l2, u2) = (a.lower?, a.upper?, b.lower?, b.upper?);
    let d = b.score - a.score;
    let lo = d - ((b.score - l2).powi(2) + (u1 - a.score).powi(2)).sqrt();
    let hi = d + ((u2 - b.score).powi(2) + (a.score - l1).powi(2)).sqrt();
    Some((lo, hi))
}

/// The model rows. `samples[i]`: the paired bootstrap's Δ rounds for `shared[i]` (`None`: no
/// paired bootstrap, use MOVER).
pub fn rows(
    shared: &[(RunScore, RunScore)],
    rank1: &HashMap<String, u32>,
    rank2: &HashMap<String, u32>,
    samples: Option<Vec<Vec<f64>>>,
    level: f64,
) -> Vec<ModelDiff> {
    shared
        .iter()
        .enumerate()
        .map(|(i, (a, b))| {
            let (bounds, kind) = match &samples {
                Some(s) => {
                    let mut v = s[i].clone();
                    match quantile::interval(&mut v, level) {
                        Some(b) => (Some(b), IntervalKind::Paired),
                        None => (None, IntervalKind::None),
                    }
                }
                None => match mover(a, b) {
                    Some(b) => (Some(b), IntervalKind::Unpaired),
                    None => (None, IntervalKind::None),
                },
            };
            ModelDiff {
                model: a.model.clone(),
                score_1: a.score,
                score_2: b.score,
                delta: b.score - a.score,
                lower: bounds.map(|b| b.0),
                upper: bounds.map(|b| b.1),
                rank_1: rank1[&a.model],
                rank_2: rank2[&b.model],
                interval: kind,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mover_with_symmetric_intervals_is_the_root_sum_of_squares() {
        // Symmetric half-widths 3 and 4: the combined half-width is 5 (a 3-4-5 triangle).
        let a = RunScore {
            model: "m".into(),
            score: 50.0,
            lower: Some(47.0),
            upper: Some(53.0),
        };
        let b = RunScore {
            model: "m".into(),
            score: 60.0,
            lower: Some(56.0),
            upper: Some(64.0),
        };
        let (lo, hi) = mover(&a, &b).unwrap();
        // Tolerance 1e-12: exact arithmetic.
        assert!(
            (lo - 5.0).abs() < 1e-12 && (hi - 15.0).abs() < 1e-12,
            "{lo} {hi}"
        );
        let (shared, o1, o2) = split(
            &[
                a.clone(),
                RunScore {
                    model: "x".into(),
                    ..a.clone()
                },
            ],
            &[
                b.clone(),
                RunScore {
                    model: "y".into(),
                    ..b.clone()
                },
            ],
        );
        assert_eq!(
            (shared.len(), o1, o2),
            (1, vec!["x".to_string()], vec!["y".to_string()])
        );
    }
}
