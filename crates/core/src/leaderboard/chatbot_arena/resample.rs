//! FastChat's row bootstrap (`get_bootstrap_result`: `battles.sample(frac=1.0, replace=True)`),
//! drawn per group of identical rows instead of per row.
//!
//! The fit reads a round only through how often each (model a, model b, outcome) occurs, and a
//! model's presence in a round only through whether one of its groups occurs. Drawing `N` rows
//! with replacement from `N` and counting them per group gives those counts with the multinomial
//! distribution `Multinomial(N, n_g / N)`, where `n_g` is the group's size. So drawing that
//! multinomial directly gives every round exactly the distribution the row draw gives, at the cost
//! of one binomial per group (a few thousand for 200 models) instead of `N` draws and a pass over
//! `N` rows: at a million battles a round went from two passes over every battle to a pass over
//! the groups. Only the random stream differs, so a seed gives other (equally likely) rounds than
//! the row draw did; the CLI and the site share this code, so they still agree bit for bit.
//!
//! The multinomial is drawn as conditional binomials (group `g` gets `Binomial(rows left,
//! n_g / size left)`), in the groups' sorted order, so the rounds do not depend on the order of
//! the rows in the file. rand_distr's `Binomial` (BTPE for large means) does the sampling.

use crate::verdict::Outcome;
use rand::Rng;
use rand_distr::{Binomial, Distribution};
use std::collections::BTreeMap;

/// The distinct (model a, model b, outcome) rows of a battle log, with how often each occurs.
#[derive(Clone, Debug, PartialEq)]
pub struct Groups {
    /// Sorted, distinct.
    pub rows: Vec<(usize, usize, Outcome)>,
    /// How many battle rows each group has (at least 1).
    pub sizes: Vec<u32>,
    /// The number of battle rows (the sum of `sizes`).
    pub total: u64,
}

impl Groups {
    /// Groups `pairs` (one per battle row).
    pub fn new(pairs: &[(usize, usize, Outcome)]) -> Groups {
        let mut counts: BTreeMap<(usize, usize, Outcome), u32> = BTreeMap::new();
        for &p in pairs {
            *counts.entry(p).or_default() += 1;
        }
        let (rows, sizes): (Vec<_>, Vec<_>) = counts.into_iter().unzip();
        Groups {
            rows,
            sizes,
            total: pairs.len() as u64,
        }
    }

    /// One bootstrap round: how many of `total` rows drawn with replacement fall in each group,
    /// written into `out` (one entry per group).
    pub fn draw<R: Rng + ?Sized>(&self, rng: &mut R, out: &mut [u32]) {
        debug_assert_eq!(out.len(), self.sizes.len());
        let mut rows_left = self.total;
        let mut size_left = self.total;
        for (o, &n) in out.iter_mut().zip(&self.sizes) {
            let n = n as u64;
            let k = if rows_left == 0 {
                0
            } else if n == size_left {
                // The last group with rows takes what is left (p would be 1 up to rounding).
                rows_left
            } else {
                let p = n as f64 / size_left as f64;
                // p is in (0, 1) here: 0 < n < size_left.
                Binomial::new(rows_left, p).expect("0 < p < 1").sample(rng)
            };
            *o = k as u32;
            rows_left -= k;
            size_left -= n;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn pairs() -> Vec<(usize, usize, Outcome)> {
        // Groups of 1, 2, 5, 12 and 30 rows, interleaved as a file would hold them.
        let mut p = Vec::new();
        for (g, n) in [1usize, 2, 5, 12, 30].into_iter().enumerate() {
            for _ in 0..n {
                p.push((g, g + 1, Outcome::AWins));
            }
        }
        p.reverse();
        p.rotate_left(7);
        p
    }

    #[test]
    fn groups_count_the_rows_and_ignore_their_order() {
        let p = pairs();
        let g = Groups::new(&p);
        assert_eq!(g.sizes, vec![1, 2, 5, 12, 30]);
        assert_eq!(g.total, 50);
        let mut q = p.clone();
        q.sort();
        assert_eq!(Groups::new(&q), g);
    }

    #[test]
    fn every_round_draws_all_rows() {
        let g = Groups::new(&pairs());
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let mut out = vec![0; 5];
        for _ in 0..1000 {
            g.draw(&mut rng, &mut out);
            assert_eq!(out.iter().map(|&c| c as u64).sum::<u64>(), 50);
        }
    }

    /// The naive oracle: draw 50 rows with replacement, count them per group. Over 20,000 rounds
    /// each group's mean count is `N p` and its variance `N p (1 - p)`, for both draws (the
    /// tolerances are 5 standard errors of the estimates), and so is the chance a group is absent,
    /// `(1 - p)^N`, which decides whether a model is in a round.
    #[test]
    fn the_grouped_draw_has_the_row_draws_distribution() {
        let p = pairs();
        let g = Groups::new(&p);
        let index: Vec<usize> = p.iter().map(|r| g.rows.binary_search(r).unwrap()).collect();
        let rounds = 20_000;
        let mut rng = ChaCha8Rng::seed_from_u64(11);
        let mut grouped = vec![vec![0u32; rounds]; 5];
        let mut naive = vec![vec![0u32; rounds]; 5];
        let mut out = vec![0; 5];
        for r in 0..rounds {
            g.draw(&mut rng, &mut out);
            for k in 0..5 {
                grouped[k][r] = out[k];
            }
            for _ in 0..p.len() {
                naive[index[rng.random_range(0..p.len())]][r] += 1;
            }
        }
        let n = 50.0;
        for k in 0..5 {
            let pk = g.sizes[k] as f64 / n;
            let (mean, var) = (n * pk, n * pk * (1.0 - pk));
            let absent = (1.0 - pk).powf(n);
            for (what, xs) in [("grouped", &grouped[k]), ("rows", &naive[k])] {
                let m = xs.iter().map(|&x| x as f64).sum::<f64>() / rounds as f64;
                let v =
                    xs.iter().map(|&x| (x as f64 - m).powi(2)).sum::<f64>() / (rounds as f64 - 1.0);
                let a = xs.iter().filter(|&&x| x == 0).count() as f64 / rounds as f64;
                let se_mean = (var / rounds as f64).sqrt();
                // The sample variance's standard error, from the fourth moment bound 3 var².
                let se_var = (2.0 * var * var / rounds as f64).sqrt() + var * 0.01;
                let se_absent = (absent * (1.0 - absent) / rounds as f64).sqrt();
                assert!(
                    (m - mean).abs() <= 5.0 * se_mean,
                    "{what} group {k}: mean {m} vs {mean}"
                );
                assert!(
                    (v - var).abs() <= 5.0 * se_var + 0.05,
                    "{what} group {k}: var {v} vs {var}"
                );
                assert!(
                    (a - absent).abs() <= 5.0 * se_absent + 1e-3,
                    "{what} group {k}: absent {a} vs {absent}"
                );
            }
        }
    }
}
