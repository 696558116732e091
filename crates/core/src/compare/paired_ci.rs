//! A prompt-level paired bootstrap of the difference of two models' win rates, in percentage
//! points, seeded like every interval of the site.

use super::PairRow;
use crate::quantile;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A paired bootstrap interval for the difference of two win rates, in percentage points.
#[derive(Clone, Debug, PartialEq)]
pub struct PairedCi {
    /// Prompts with a score for both models.
    pub n: usize,
    /// 100 × mean(A − B): A's win rate minus B's.
    pub diff: f64,
    pub lower: f64,
    pub upper: f64,
    pub rounds: u32,
    pub level: f64,
    pub seed: u64,
}

/// Resamples prompts with replacement (`rounds` times, seeded) and takes the percentile interval of the
/// mean difference: a prompt's two scores always travel together, so the pairing is kept. `diffs` holds
/// A's prompt score minus B's (each in −1..1). `None` without prompts or rounds.
pub fn paired_bootstrap(diffs: &[f64], rounds: u32, seed: u64, level: f64) -> Option<PairedCi> {
    let n = diffs.len();
    if n == 0 || rounds == 0 {
        return None;
    }
    let mean = |sum: f64| 100.0 * sum / n as f64;
    let diff = mean(diffs.iter().sum());
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut sample: Vec<f64> = (0..rounds)
        .map(|_| {
            mean(
                (0..n)
                    .map(|_| diffs[rng.random_range(0..n as u32) as usize])
                    .sum(),
            )
        })
        .collect();
    let (lower, upper) = quantile::interval(&mut sample, level)?;
    Some(PairedCi {
        n,
        diff,
        lower,
        upper,
        rounds,
        level,
        seed,
    })
}

/// The paired interval of A − B over `rows` (prompts where both have a score).
pub fn paired_ci(rows: &[PairRow], rounds: u32, seed: u64, level: f64) -> Option<PairedCi> {
    let diffs: Vec<f64> = rows.iter().filter_map(PairRow::diff).collect();
    paired_bootstrap(&diffs, rounds, seed, level)
}
