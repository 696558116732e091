//! Rank correlations between two scorings of the same models: Spearman's rho and Kendall's tau-b,
//! with a bootstrap interval.
//!
//! Both handle ties as scipy does (`spearmanr`: Pearson correlation of average ranks; `kendalltau`:
//! the tau-b tie correction), so a published comparison can be reproduced. The bootstrap resamples
//! *models* with replacement: the question is how much the correlation depends on which models
//! happen to be on both leaderboards, and the models are the units being ranked. It does not carry
//! the judges' own sampling noise (that is in each leaderboard's intervals), and with a dozen models
//! the interval is wide, which is the honest answer.

use crate::quantile;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// Why a correlation cannot be computed.
#[derive(Clone, Debug, PartialEq)]
pub enum RankCorrError {
    /// The two samples have different lengths.
    LengthMismatch { x: usize, y: usize },
    /// Fewer than two pairs.
    TooFew { n: usize },
    /// A value is NaN or infinite.
    NotFinite { index: usize },
    /// One side has a single distinct value, so it has no ranking to correlate.
    Constant,
    /// The interval level is not in (0, 1).
    InvalidLevel(f64),
}

impl std::fmt::Display for RankCorrError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RankCorrError::LengthMismatch { x, y } => {
                write!(f, "samples differ in length ({x} and {y})")
            }
            RankCorrError::TooFew { n } => write!(f, "need at least 2 pairs, got {n}"),
            RankCorrError::NotFinite { index } => write!(f, "value {index} is not finite"),
            RankCorrError::Constant => write!(f, "one side has a single distinct value"),
            RankCorrError::InvalidLevel(l) => write!(f, "level must be in (0, 1), got {l}"),
        }
    }
}

impl std::error::Error for RankCorrError {}

fn check(x: &[f64], y: &[f64]) -> Result<(), RankCorrError> {
    if x.len() != y.len() {
        return Err(RankCorrError::LengthMismatch {
            x: x.len(),
            y: y.len(),
        });
    }
    if x.len() < 2 {
        return Err(RankCorrError::TooFew { n: x.len() });
    }
    if let Some(index) = x.iter().chain(y).position(|v| !v.is_finite()) {
        return Err(RankCorrError::NotFinite {
            index: index % x.len(),
        });
    }
    Ok(())
}

/// 1-based ranks, ascending, ties given the mean of the ranks they span (scipy's `rankdata`
/// default). Values must not be NaN.
pub fn average_ranks(v: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..v.len()).collect();
    order.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
    let mut ranks = vec![0.0; v.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && v[order[j + 1]] == v[order[i]] {
            j += 1;
        }
        // Positions i..=j share the ranks i+1..=j+1.
        let r = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            ranks[k] = r;
        }
        i = j + 1;
    }
    ranks
}

/// Spearman's rho: the Pearson correlation of the average ranks.
pub fn spearman(x: &[f64], y: &[f64]) -> Result<f64, RankCorrError> {
    check(x, y)?;
    let (rx, ry) = (average_ranks(x), average_ranks(y));
    let n = rx.len() as f64;
    let (mx, my) = (rx.iter().sum::<f64>() / n, ry.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in rx.iter().zip(&ry) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        return Err(RankCorrError::Constant);
    }
    Ok((sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}

/// Kendall's tau-b: `(concordant − discordant) / sqrt((n0 − ties_x)(n0 − ties_y))`, where a pair
/// tied on both sides counts in both tie terms. O(n²), which is nothing for a leaderboard.
pub fn kendall_tau_b(x: &[f64], y: &[f64]) -> Result<f64, RankCorrError> {
    check(x, y)?;
    let n = x.len();
    let (mut conc, mut disc, mut tx, mut ty) = (0i64, 0i64, 0i64, 0i64);
    for i in 0..n {
        for j in (i + 1)..n {
            let dx = x[i].total_cmp(&x[j]) as i64;
            let dy = y[i].total_cmp(&y[j]) as i64;
            if dx == 0 {
                tx += 1;
            }
            if dy == 0 {
                ty += 1;
            }
            match dx * dy {
                1 => conc += 1,
                -1 => disc += 1,
                _ => {}
            }
        }
    }
    let n0 = (n * (n - 1) / 2) as i64;
    let denom = ((n0 - tx) as f64 * (n0 - ty) as f64).sqrt();
    if denom == 0.0 {
        return Err(RankCorrError::Constant);
    }
    Ok(((conc - disc) as f64 / denom).clamp(-1.0, 1.0))
}

/// Which rank correlation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RankStat {
    Spearman,
    Kendall,
}

impl RankStat {
    pub fn compute(self, x: &[f64], y: &[f64]) -> Result<f64, RankCorrError> {
        match self {
            RankStat::Spearman => spearman(x, y),
            RankStat::Kendall => kendall_tau_b(x, y),
        }
    }
}

/// A correlation with its bootstrap interval.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CorrInterval {
    pub stat: RankStat,
    pub estimate: f64,
    /// Percentile bounds over the rounds; `None` without rounds or when every round was degenerate.
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    pub level: f64,
    pub rounds: u32,
    /// Rounds that drew a constant side (too few distinct models) and were left out.
    pub degenerate_rounds: u32,
    /// What a round resamples: always `"model"`.
    pub unit: String,
}

/// The correlation of `x` and `y` and a percentile interval from `rounds` resamples of the model
/// pairs (seeded ChaCha8, so the same seed gives the same interval everywhere).
pub fn bootstrap_ci(
    stat: RankStat,
    x: &[f64],
    y: &[f64],
    rounds: u32,
    seed: u64,
    level: f64,
) -> Result<CorrInterval, RankCorrError> {
    if !(level > 0.0 && level < 1.0) {
        return Err(RankCorrError::InvalidLevel(level));
    }
    let estimate = stat.compute(x, y)?;
    let n = x.len();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut samples = Vec::with_capacity(rounds as usize);
    let mut degenerate = 0;
    let (mut bx, mut by) = (vec![0.0; n], vec![0.0; n]);
    for _ in 0..rounds {
        for k in 0..n {
            let i = rng.random_range(0..n);
            bx[k] = x[i];
            by[k] = y[i];
        }
        match stat.compute(&bx, &by) {
            Ok(r) => samples.push(r),
            Err(_) => degenerate += 1,
        }
    }
    let bounds = quantile::interval(&mut samples, level);
    Ok(CorrInterval {
        stat,
        estimate,
        lower: bounds.map(|b| b.0),
        upper: bounds.map(|b| b.1),
        level,
        rounds,
        degenerate_rounds: degenerate,
        unit: "model".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_ranks_split_ties() {
        assert_eq!(
            average_ranks(&[10.0, 20.0, 20.0, 5.0]),
            vec![2.0, 3.5, 3.5, 1.0]
        );
    }

    #[test]
    fn errors_instead_of_nan() {
        assert_eq!(
            spearman(&[1.0, 2.0], &[1.0]),
            Err(RankCorrError::LengthMismatch { x: 2, y: 1 })
        );
        assert_eq!(
            spearman(&[1.0], &[1.0]),
            Err(RankCorrError::TooFew { n: 1 })
        );
        assert_eq!(
            kendall_tau_b(&[1.0, 1.0], &[1.0, 2.0]),
            Err(RankCorrError::Constant)
        );
        assert_eq!(
            spearman(&[1.0, f64::NAN], &[1.0, 2.0]),
            Err(RankCorrError::NotFinite { index: 1 })
        );
    }
}
