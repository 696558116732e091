//! arena-hard-v2.0's default bootstrap: each model's rows resampled on their own.
//!
//! `show_result.py::print_leaderboard` (lmarena/arena-hard-auto @ 196f6b8) draws, per round,
//! `groupby("model").sample(frac=1.0, replace=True)` and takes each model's mean: a model keeps its
//! own row count in every round and models are independent. Its score is the mean of the round
//! means and its interval the 5th and 95th percentiles of them (`quantile(0.05)`, `quantile(0.95)`,
//! pandas' linear rule). Upstream is unseeded with 100 rounds; we draw from ChaCha8 seeded with
//! `seed` (a fresh stream per category), so a link reproduces its numbers.

use crate::quantile::quantile_sorted;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The interval's tails (`show_result.py::print_leaderboard`): a 90% interval.
pub const LOWER_Q: f64 = 0.05;
pub const UPPER_Q: f64 = 0.95;

/// One model's result, in percent.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Mean of the round means (the plain mean without rounds).
    pub score: f64,
    pub lower: f64,
    pub upper: f64,
    /// Mean and population variance (ddof 0) of the round means; `None` without rounds.
    pub moments: Option<(f64, f64)>,
}

/// The per-round means of each model (outer: models in the given order; inner: rounds), drawn in
/// this order: round by round, model by model, `n` uniform row indices per model of `n` rows
/// (`random_range(0..n)` on `u32`, portable to wasm32).
pub fn round_means(models: &[&[f64]], rounds: u32, seed: u64) -> Vec<Vec<f64>> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut out = vec![Vec::with_capacity(rounds as usize); models.len()];
    for _ in 0..rounds {
        for (m, scores) in models.iter().enumerate() {
            let n = scores.len() as u32;
            let sum: f64 = (0..n)
                .map(|_| scores[rng.random_range(0..n) as usize])
                .sum();
            out[m].push(sum / n as f64);
        }
    }
    out
}

/// Summarises each model: mean of bootstrap means and its 5% / 95% quantiles, or the plain mean
/// when `rounds` is 0. Every model must have at least one score.
pub fn summarise(models: &[&[f64]], rounds: u32, seed: u64) -> Vec<Summary> {
    if rounds == 0 {
        return models
            .iter()
            .map(|s| {
                let mean = 100.0 * s.iter().sum::<f64>() / s.len() as f64;
                Summary {
                    score: mean,
                    lower: mean,
                    upper: mean,
                    moments: None,
                }
            })
            .collect();
    }
    round_means(models, rounds, seed)
        .into_iter()
        .map(|mut means| {
            means.iter_mut().for_each(|x| *x *= 100.0);
            let n = means.len() as f64;
            let mean = means.iter().sum::<f64>() / n;
            let var = means.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n;
            means.sort_by(|a, b| a.partial_cmp(b).expect("means of finite scores"));
            Summary {
                score: mean,
                lower: quantile_sorted(&means, LOWER_Q),
                upper: quantile_sorted(&means, UPPER_Q),
                moments: Some((mean, var)),
            }
        })
        .collect()
}
