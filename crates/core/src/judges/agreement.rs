//! Agreement of two leaderboards over the models they share: one judge against another, or ours
//! against a published reference.
//!
//! Reported: rank correlations with bootstrap intervals over models ([`super::rank_corr`]), each
//! shared model's rank on both sides (ranks are recomputed among the shared models, so a model
//! missing on one side does not shift the others), and the two pairwise metrics of the Arena-Hard
//! paper (Li et al. 2024, "From Crowdsourced Data to High-Quality Benchmarks"), defined here as:
//!
//! - **Agreement with confidence** and the **Brier score**, exactly as arena-hard-auto's
//!   `notebook/benchmark_statistics.ipynb` computes them: see [`super::paper_measures`]. Agreement
//!   is over the pairs the *reference* separates (earlier versions of this module took the pairs
//!   *our* intervals separate, which rewarded a leaderboard for separating little); the Brier score
//!   uses the mean and variance of our bootstrap win rates (earlier: a normal approximation rebuilt
//!   from the percentile bounds).

use super::paper_measures::{self, BrierScore, ConfidenceAgreement};
use super::rank_corr::{self, CorrInterval, RankStat};
use super::reference::ReferenceRow;
use crate::leaderboard::ModelRow;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// One model's score on a leaderboard, with its interval when it has one, and the mean and
/// variance of its bootstrap win rates when it has samples (our leaderboards; a published CSV has
/// none).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scored {
    pub model: String,
    pub score: f64,
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    #[serde(default)]
    pub mean: Option<f64>,
    #[serde(default)]
    pub var: Option<f64>,
}

impl From<&ModelRow> for Scored {
    fn from(r: &ModelRow) -> Scored {
        Scored {
            model: r.model.clone(),
            score: r.score,
            lower: Some(r.lower),
            upper: Some(r.upper),
            mean: r.bootstrap_mean,
            var: r.bootstrap_var,
        }
    }
}

impl From<&ReferenceRow> for Scored {
    fn from(r: &ReferenceRow) -> Scored {
        Scored {
            model: r.model.clone(),
            score: r.score,
            lower: r.lower,
            upper: r.upper,
            mean: None,
            var: None,
        }
    }
}

/// How the comparison is computed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgreementOptions {
    /// Level of *our* intervals (what the leaderboard was computed at), for the Brier score's normal
    /// approximation of a model without bootstrap samples.
    pub ours_level: f64,
    /// Bootstrap rounds for the correlation intervals (0: no interval).
    pub rounds: u32,
    pub seed: u64,
    /// Level of the correlation intervals.
    pub level: f64,
}

impl Default for AgreementOptions {
    fn default() -> Self {
        AgreementOptions {
            ours_level: 0.95,
            rounds: 1000,
            seed: crate::leaderboard::DEFAULT_SEED,
            level: 0.95,
        }
    }
}

/// Why two leaderboards cannot be compared.
#[derive(Clone, Debug, PartialEq)]
pub enum AgreementError {
    /// A model appears twice on one side (`"ours"` or `"reference"`).
    DuplicateModel {
        side: &'static str,
        model: String,
    },
    /// A score or bound is NaN or infinite.
    NotFinite {
        side: &'static str,
        model: String,
    },
    InvalidLevel(f64),
}

impl std::fmt::Display for AgreementError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AgreementError::DuplicateModel { side, model } => {
                write!(f, "{model:?} appears twice in the {side} leaderboard")
            }
            AgreementError::NotFinite { side, model } => {
                write!(
                    f,
                    "{model:?} has a score that is not finite in the {side} leaderboard"
                )
            }
            AgreementError::InvalidLevel(l) => write!(f, "level must be in (0, 1), got {l}"),
        }
    }
}

impl std::error::Error for AgreementError {}

/// A shared model's rank on both sides (1 = best, among shared models).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankShift {
    pub model: String,
    pub ours: u32,
    pub reference: u32,
    /// `reference − ours`: positive when we rank the model higher than the reference does.
    pub shift: i64,
    pub score_ours: f64,
    pub score_reference: f64,
}

/// The comparison.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub n_shared: usize,
    /// Models only one side has, sorted.
    pub only_ours: Vec<String>,
    pub only_reference: Vec<String>,
    /// `None` with fewer than two shared models or a constant side.
    pub spearman: Option<CorrInterval>,
    pub kendall: Option<CorrInterval>,
    /// Sorted by our rank.
    pub ranks: Vec<RankShift>,
    /// `confidence.value`, kept flat for readers of the JSON.
    pub agreement_with_confidence: Option<f64>,
    /// Its name, source and pair counts.
    pub confidence: ConfidenceAgreement,
    /// `brier_score.value`, kept flat.
    pub brier: Option<f64>,
    /// Its name, source, pair count and what `p` came from.
    pub brier_score: BrierScore,
}

fn validate(side: &'static str, v: &[Scored]) -> Result<(), AgreementError> {
    let mut seen = HashSet::new();
    for s in v {
        if !seen.insert(s.model.as_str()) {
            return Err(AgreementError::DuplicateModel {
                side,
                model: s.model.clone(),
            });
        }
        let finite = s.score.is_finite()
            && s.lower.is_none_or(f64::is_finite)
            && s.upper.is_none_or(f64::is_finite)
            && s.mean.is_none_or(f64::is_finite)
            && s.var.is_none_or(f64::is_finite);
        if !finite {
            return Err(AgreementError::NotFinite {
                side,
                model: s.model.clone(),
            });
        }
    }
    Ok(())
}

/// Standard normal CDF, via an erfc with relative error below 1.2e-7 (Numerical Recipes' `erfcc`,
/// a Chebyshev fit), which is far finer than a bootstrap interval.
pub fn normal_cdf(x: f64) -> f64 {
    let z = x.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let erfc = t * poly.exp();
    if x >= 0.0 {
        1.0 - 0.5 * erfc
    } else {
        0.5 * erfc
    }
}

/// The two-sided normal quantile for `level` (1.96 for 0.95), by bisection on [`normal_cdf`].
pub fn two_sided_z(level: f64) -> f64 {
    let target = 0.5 + level / 2.0;
    let (mut lo, mut hi) = (0.0, 10.0);
    for _ in 0..100 {
        let mid = 0.5 * (lo + hi);
        if normal_cdf(mid) < target {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// Compares `ours` with `reference` over the models both have.
pub fn compare(
    ours: &[Scored],
    reference: &[Scored],
    opts: &AgreementOptions,
) -> Result<Agreement, AgreementError> {
    for l in [opts.ours_level, opts.level] {
        if !(l > 0.0 && l < 1.0) {
            return Err(AgreementError::InvalidLevel(l));
        }
    }
    validate("ours", ours)?;
    validate("reference", reference)?;
    let theirs: HashMap<&str, &Scored> = reference.iter().map(|s| (s.model.as_str(), s)).collect();
    let mine: HashSet<&str> = ours.iter().map(|s| s.model.as_str()).collect();
    let shared: Vec<(&Scored, &Scored)> = ours
        .iter()
        .filter_map(|s| theirs.get(s.model.as_str()).map(|r| (s, *r)))
        .collect();
    let mut only_ours: Vec<String> = ours
        .iter()
        .filter(|s| !theirs.contains_key(s.model.as_str()))
        .map(|s| s.model.clone())
        .collect();
    only_ours.sort();
    let mut only_reference: Vec<String> = reference
        .iter()
        .filter(|s| !mine.contains(s.model.as_str()))
        .map(|s| s.model.clone())
        .collect();
    only_reference.sort();

    let x: Vec<f64> = shared.iter().map(|(o, _)| o.score).collect();
    let y: Vec<f64> = shared.iter().map(|(_, r)| r.score).collect();
    let corr = |stat: RankStat| {
        if opts.rounds == 0 {
            stat.compute(&x, &y).ok().map(|estimate| CorrInterval {
                stat,
                estimate,
                lower: None,
                upper: None,
                level: opts.level,
                rounds: 0,
                degenerate_rounds: 0,
                unit: "model".into(),
            })
        } else {
            rank_corr::bootstrap_ci(stat, &x, &y, opts.rounds, opts.seed, opts.level).ok()
        }
    };
    let rank_of = |v: &[f64]| -> Vec<u32> {
        let mut order: Vec<usize> = (0..v.len()).collect();
        order.sort_by(|&a, &b| {
            v[b].total_cmp(&v[a])
                .then_with(|| shared[a].0.model.cmp(&shared[b].0.model))
        });
        let mut r = vec![0; v.len()];
        for (k, &i) in order.iter().enumerate() {
            r[i] = k as u32 + 1;
        }
        r
    };
    let (rx, ry) = (rank_of(&x), rank_of(&y));
    let mut ranks: Vec<RankShift> = shared
        .iter()
        .enumerate()
        .map(|(i, (o, r))| RankShift {
            model: o.model.clone(),
            ours: rx[i],
            reference: ry[i],
            shift: ry[i] as i64 - rx[i] as i64,
            score_ours: o.score,
            score_reference: r.score,
        })
        .collect();
    ranks.sort_by_key(|r| r.ours);

    let confidence = paper_measures::confidence_agreement(&shared);
    let brier_score = paper_measures::brier(&shared, opts.ours_level);
    Ok(Agreement {
        n_shared: shared.len(),
        only_ours,
        only_reference,
        spearman: corr(RankStat::Spearman),
        kendall: corr(RankStat::Kendall),
        ranks,
        agreement_with_confidence: confidence.value,
        confidence,
        brier: brier_score.value,
        brier_score,
    })
}

/// [`compare`] for two leaderboards' rows.
pub fn compare_rows(
    ours: &[ModelRow],
    reference: &[ModelRow],
    opts: &AgreementOptions,
) -> Result<Agreement, AgreementError> {
    let a: Vec<Scored> = ours.iter().map(Scored::from).collect();
    let b: Vec<Scored> = reference.iter().map(Scored::from).collect();
    compare(&a, &b, opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(model: &str, score: f64, half: f64) -> Scored {
        Scored {
            model: model.into(),
            score,
            lower: Some(score - half),
            upper: Some(score + half),
            mean: None,
            var: None,
        }
    }

    #[test]
    fn normal_helpers_match_tables() {
        // Standard normal table values (Abramowitz & Stegun 26.2); tolerance 1e-6.
        assert!((normal_cdf(1.959_963_985) - 0.975).abs() < 1e-6);
        assert!((normal_cdf(-1.0) - 0.158_655_254).abs() < 1e-6);
        assert!((two_sided_z(0.95) - 1.959_964).abs() < 1e-5);
        assert!((two_sided_z(0.80) - 1.281_552).abs() < 1e-5);
    }

    #[test]
    fn pairwise_metrics_on_a_small_case() {
        let ours = [
            s("a", 80.0, 1.0),
            s("b", 60.0, 1.0),
            s("c", 59.0, 1.0),
            s("x", 1.0, 1.0),
        ];
        let theirs = [s("a", 70.0, 1.0), s("c", 65.0, 1.0), s("b", 50.0, 1.0)];
        let g = compare(
            &ours,
            &theirs,
            &AgreementOptions {
                rounds: 0,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(g.n_shared, 3);
        assert_eq!(g.only_ours, vec!["x".to_string()]);
        // The reference separates all three pairs; we order a–b and a–c alike, b–c overlap (½).
        let c = &g.confidence;
        assert_eq!(
            (c.pairs, c.same_order, c.ours_overlap, c.reversed),
            (3, 2, 1, 0)
        );
        assert_eq!(g.agreement_with_confidence, Some(2.5 / 3.0));
        // Ranks: b is 2nd for us, 3rd for the reference.
        let b = g.ranks.iter().find(|r| r.model == "b").unwrap();
        assert_eq!((b.ours, b.reference, b.shift), (2, 3, 1));
        // Brier (no samples here, so the bounds' normal approximation): a's pairs contribute ~0;
        // b–c: label b < c by the reference, p(b < c) = Φ((59 − 60) / (sqrt(2) · 1 / 1.96)) ≈
        // 0.0829, so (1 − 0.0829)² ≈ 0.841; mean ≈ 0.280 (hand computation, tolerance 2e-3).
        assert_eq!((g.brier_score.pairs, g.brier_score.from_bounds), (3, 3));
        assert!(g.brier_score.note.contains("no bootstrap samples"));
        let brier = g.brier.unwrap();
        assert!((brier - 0.841 / 3.0).abs() < 2e-3, "{brier}");
        assert!(matches!(
            compare(
                &[s("a", 1.0, 1.0), s("a", 2.0, 1.0)],
                &theirs,
                &AgreementOptions::default()
            ),
            Err(AgreementError::DuplicateModel { .. })
        ));
    }
}
