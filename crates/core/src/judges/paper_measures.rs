//! The two pairwise measures of the Arena-Hard paper (Li et al. 2024, "From Crowdsourced Data to
//! High-Quality Benchmarks") that compare a leaderboard ("ours") with a reference, computed as
//! arena-hard-auto's `notebook/benchmark_statistics.ipynb` computes them (read at lm-sys
//! arena-hard-auto efc012e; cells cited by 0-based index).
//!
//! **Agreement with confidence** (cells 46-52): for every pair of shared models, skip the pair when
//! the *reference's* intervals overlap, `max(0, min(hi) − max(lo)) > 0` (`get_overlap`), so only
//! the pairs the reference separates count, touching ones included. Over those: 0.5 when *our*
//! intervals overlap by the same rule; else 1 when both sides order the pair the same way, 0 when
//! they order it the other way. The notebook compares the `(lower, upper)` interval **tuples**
//! (`score_a < score_b and elo_a < elo_b`, Python's lexicographic order), not the point scores; we
//! do the same. (It equals the point order whenever the intervals do not overlap, except for a
//! zero-width interval inside another, which `get_overlap` calls apart and the tuples order by
//! lower bound.) The issue says "the same order"; this is what the notebook means by it.
//! A side without bounds (a point-score reference such as a `model,elo` table) is taken as
//! zero-width intervals `[score, score]`: every pair it does not tie is separated.
//!
//! **Brier score** (cells 63-70, `calculate_predictions_and_labels`): over **all** pairs of shared
//! models, taken as `combinations(sorted(models), 2)`, `p = P(a < b) = Φ((mean_b − mean_a) /
//! sqrt(var_a + var_b))` from the mean and population variance (`np.var`, ddof 0) of *our*
//! bootstrap win rates (cells 65-68), label `a < b` by the *reference's* point scores (a reference
//! tie gives label 0, as `int(rating_a < rating_b)`), score `mean((label − p)²)` (sklearn's
//! `brier_score_loss`). The issue writes `Φ((mean_a − mean_b)/…)`, i.e. P(a > b) against label
//! `a > b`: the same squares, so the same score. The reference contributes only its point score:
//! the notebook reads the reference's variance for `p_true`, which the Brier score does not use, so
//! a published CSV with bounds and no samples is used in full. When *our* side has no bootstrap
//! samples for a model (a leaderboard computed with 0 rounds), its mean is the point score and its
//! variance comes from its interval bounds by a normal approximation, `sd = (upper − lower) / (2 z)`;
//! without bounds the variance is 0. The output counts such models and says so. With both variances
//! 0 (the baseline against itself never occurs; two baselines-like rows could) `p` is 1, ½ or 0 by
//! the means, the limit of Φ; scipy would give NaN there.

use super::agreement::{normal_cdf, two_sided_z, Scored};
use serde::{Deserialize, Serialize};

/// Names and sources shown with each measure.
pub const AGREEMENT_NAME: &str = "agreement with confidence";
pub const AGREEMENT_SOURCE: &str =
    "arena-hard-auto notebook/benchmark_statistics.ipynb, cells 46-52 (get_overlap and the With Confidence loops)";
pub const BRIER_NAME: &str = "Brier score";
pub const BRIER_SOURCE: &str =
    "arena-hard-auto notebook/benchmark_statistics.ipynb, cells 63-70 (calculate_predictions_and_labels, brier_score_loss)";

/// Agreement with confidence and its pair counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConfidenceAgreement {
    pub name: String,
    pub source: String,
    /// Pairs the reference separates (the measure's denominator).
    pub pairs: usize,
    /// Of those: ordered alike by both sides with our intervals apart (1 each).
    pub same_order: usize,
    /// Our intervals overlap (½ each).
    pub ours_overlap: usize,
    /// Our intervals apart but not ordered alike: the other way, or tied by the reference's
    /// intervals (0 each).
    pub reversed: usize,
    /// `(same_order + ours_overlap / 2) / pairs`; `None` without pairs.
    pub value: Option<f64>,
}

/// The Brier score and what it rests on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BrierScore {
    pub name: String,
    pub source: String,
    /// All pairs of shared models.
    pub pairs: usize,
    /// `None` without pairs.
    pub value: Option<f64>,
    /// Shared models whose mean and variance come from our bootstrap samples.
    pub from_samples: usize,
    /// Shared models without samples: normal approximation from their interval bounds.
    pub from_bounds: usize,
    /// Shared models with neither: point score, variance 0.
    pub from_points: usize,
    /// What `p` and the label are computed from, in words.
    pub note: String,
}

/// `max(0, min(hi) − max(lo)) > 0`: the notebook's `get_overlap(a, b) > 0`.
pub fn overlap(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.1.min(b.1) - a.0.max(b.0)).max(0.0) > 0.0
}

/// A side's interval, or `[score, score]` without bounds.
pub fn interval(s: &Scored) -> (f64, f64) {
    match (s.lower, s.upper) {
        (Some(l), Some(u)) => (l, u),
        _ => (s.score, s.score),
    }
}

/// Python's `<` on two 2-tuples of floats.
fn tuple_lt(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
}

/// Agreement with confidence over `shared` (our row, the reference's row) pairs of one model.
pub fn confidence_agreement(shared: &[(&Scored, &Scored)]) -> ConfidenceAgreement {
    let (mut pairs, mut same, mut half, mut reversed) = (0, 0, 0, 0);
    for i in 0..shared.len() {
        for j in (i + 1)..shared.len() {
            let (oa, ra) = (interval(shared[i].0), interval(shared[i].1));
            let (ob, rb) = (interval(shared[j].0), interval(shared[j].1));
            if overlap(ra, rb) {
                continue;
            }
            pairs += 1;
            if overlap(oa, ob) {
                half += 1;
            } else if (tuple_lt(oa, ob) && tuple_lt(ra, rb))
                || (tuple_lt(ob, oa) && tuple_lt(rb, ra))
            {
                same += 1;
            } else {
                reversed += 1;
            }
        }
    }
    ConfidenceAgreement {
        name: AGREEMENT_NAME.into(),
        source: AGREEMENT_SOURCE.into(),
        pairs,
        same_order: same,
        ours_overlap: half,
        reversed,
        value: (pairs > 0).then(|| (same as f64 + 0.5 * half as f64) / pairs as f64),
    }
}

/// How a model's mean and variance were found.
#[derive(Clone, Copy, PartialEq)]
enum Basis {
    Samples,
    Bounds,
    Points,
}

fn moments(s: &Scored, z: f64) -> (f64, f64, Basis) {
    match (s.mean, s.var, s.lower, s.upper) {
        (Some(m), Some(v), _, _) => (m, v, Basis::Samples),
        (_, _, Some(l), Some(u)) => (
            s.score,
            ((u - l) / (2.0 * z)).max(0.0).powi(2),
            Basis::Bounds,
        ),
        _ => (s.score, 0.0, Basis::Points),
    }
}

/// `P(a < b)` for two normals; the limit of Φ when both variances are 0.
pub fn p_less(mean_a: f64, var_a: f64, mean_b: f64, var_b: f64) -> f64 {
    let sd = (var_a + var_b).sqrt();
    let d = mean_b - mean_a;
    if sd > 0.0 {
        normal_cdf(d / sd)
    } else if d > 0.0 {
        1.0
    } else if d < 0.0 {
        0.0
    } else {
        0.5
    }
}

/// The Brier score over `shared`; `ours_level` is the level of our intervals, used only for a model
/// without samples.
pub fn brier(shared: &[(&Scored, &Scored)], ours_level: f64) -> BrierScore {
    let z = two_sided_z(ours_level);
    let mut sorted: Vec<(&Scored, &Scored)> = shared.to_vec();
    sorted.sort_by(|a, b| a.0.model.cmp(&b.0.model));
    let m: Vec<(f64, f64, Basis)> = sorted.iter().map(|(o, _)| moments(o, z)).collect();
    let (mut pairs, mut sum) = (0, 0.0);
    for i in 0..sorted.len() {
        for j in (i + 1)..sorted.len() {
            let p = p_less(m[i].0, m[i].1, m[j].0, m[j].1);
            let label = f64::from(u8::from(sorted[i].1.score < sorted[j].1.score));
            sum += (label - p).powi(2);
            pairs += 1;
        }
    }
    let count = |f: Basis| m.iter().filter(|x| x.2 == f).count();
    let (from_samples, from_bounds, from_points) = (
        count(Basis::Samples),
        count(Basis::Bounds),
        count(Basis::Points),
    );
    let mut note = "p = P(a < b) from the mean and variance of our bootstrap win rates; label = the reference's point scores order a < b. The reference's bounds are not used (the notebook uses them only for p_true, not for the Brier score).".to_string();
    if from_bounds + from_points > 0 {
        note.push_str(&format!(
            " {} of {} models have no bootstrap samples (no rounds): their mean is the point score and their variance the normal approximation from their interval bounds, sd = (upper − lower) / (2 × {z:.3}){}.",
            from_bounds + from_points,
            m.len(),
            if from_points > 0 { ", or 0 without bounds" } else { "" }
        ));
    }
    BrierScore {
        name: BRIER_NAME.into(),
        source: BRIER_SOURCE.into(),
        pairs,
        value: (pairs > 0).then(|| sum / pairs as f64),
        from_samples,
        from_bounds,
        from_points,
        note,
    }
}
