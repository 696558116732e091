//! The `arena-rank` method: LMArena's `arena-rank` package (lmarena/arena-rank @3900eae, PyPI
//! 0.1.1), read from `utils/data_utils.py` and `models/bradley_terry.py`.
//!
//! - `PairDataset.from_pandas(reweighted=True)`: battles are grouped by (model_a, model_b,
//!   outcome) with their count `c`; each group's weight is `1 / max(n_pair, 50)` where `n_pair` is
//!   the number of battles of that unordered pair; the fit weight is `w c`. Outcomes: `model_a`
//!   1, `model_b` 0, anything else (`tie`, `tie (bothbad)`) 0.5 (`default_outcome_map`).
//! - `BradleyTerry.loss_function`: the weighted log-likelihood, no penalty (its scaling by the
//!   total weight does not move the optimum). Ratings are `r · 400 / ln 10 + 1000`.
//! - `compute_hessian_and_covariance` / `compute_ratings_and_cis(ci_method="sandwich")`:
//!   `H = Σ p(1−p) w c` and `G = Σ ((o − p) w c)² / c` assembled on the pair structure,
//!   `H += 1e-5 · I` (times the battle count when all weights are 1, never with reweighting),
//!   covariance `H⁻¹ G H⁻¹`, interval `r ± z σ` with `z = Φ⁻¹(1 − α/2)`.

use super::fit::{fit, Wins};
use super::normal::ppf;
use super::sandwich::{self, assemble};
use super::{ELO_PER_NAT, INIT_RATING};
use crate::verdict::Outcome;
use std::collections::HashMap;

/// `PairDataset.from_pandas`'s `min_pair_count`.
const MIN_PAIR_COUNT: f64 = 50.0;
/// `BradleyTerry(hessian_reg=1e-5)`.
const HESSIAN_REG: f64 = 1e-5;

/// One model's arena-rank numbers on the Elo scale.
#[derive(Clone, Copy, Debug)]
pub struct RankRow {
    pub rating: f64,
    pub lower: f64,
    pub upper: f64,
    /// The sandwich standard error, in rating points.
    pub std_error: f64,
}

/// Rates models `0..n` from `(a, b, outcome)` battles at interval level `level`.
pub fn rate(pairs: &[(usize, usize, Outcome)], n: usize, level: f64) -> Vec<RankRow> {
    // (a, b, outcome in halves) → count, as `jnp.unique(rows, return_counts=True, axis=0)`.
    let mut groups: HashMap<(usize, usize, u8), f64> = HashMap::new();
    let mut pair_total: HashMap<(usize, usize), f64> = HashMap::new();
    for &(a, b, o) in pairs {
        let half = match o {
            Outcome::AWins => 2,
            Outcome::Tie => 1,
            Outcome::BWins => 0,
        };
        *groups.entry((a, b, half)).or_default() += 1.0;
        *pair_total.entry((a.min(b), a.max(b))).or_default() += 1.0;
    }
    let rows: Vec<Group> = groups
        .into_iter()
        .map(|((a, b, half), count)| {
            let weight = 1.0 / pair_total[&(a.min(b), a.max(b))].max(MIN_PAIR_COUNT);
            Group {
                a,
                b,
                outcome: half as f64 / 2.0,
                count,
                fit_weight: weight * count,
            }
        })
        .collect();
    let mut w = Wins::new(n);
    for g in &rows {
        w.add(g.a, g.b, g.fit_weight * g.outcome);
        w.add(g.b, g.a, g.fit_weight * (1.0 - g.outcome));
    }
    let beta = fit(&w, 0.0).beta;
    let se = sandwich_se(&rows, &beta, n);
    let z = ppf(1.0 - (1.0 - level) / 2.0);
    beta.iter()
        .zip(se)
        .map(|(&r, s)| RankRow {
            rating: ELO_PER_NAT * r + INIT_RATING,
            lower: ELO_PER_NAT * (r - z * s) + INIT_RATING,
            upper: ELO_PER_NAT * (r + z * s) + INIT_RATING,
            std_error: ELO_PER_NAT * s,
        })
        .collect()
}

/// A (model_a, model_b, outcome) group of battles.
struct Group {
    a: usize,
    b: usize,
    outcome: f64,
    count: f64,
    fit_weight: f64,
}

/// Standard errors (natural-log scale) from the sandwich `H⁻¹ G H⁻¹`.
fn sandwich_se(rows: &[Group], beta: &[f64], n: usize) -> Vec<f64> {
    let mut h = vec![0.0; n * n];
    let mut g = vec![0.0; n * n];
    for r in rows {
        let p = crate::bt::sigmoid(beta[r.a] - beta[r.b]);
        assemble(&mut h, n, r.a, r.b, p * (1.0 - p) * r.fit_weight);
        let grad = (r.outcome - p) * r.fit_weight;
        assemble(&mut g, n, r.a, r.b, grad * grad / r.count);
    }
    // With reweighting the weights are never all 1, so the package's regulariser is plain 1e-5.
    for i in 0..n {
        h[i * n + i] += HESSIAN_REG;
    }
    match sandwich::diag(&h, &g, n) {
        Some(d) => d.into_iter().map(|v| v.max(0.0).sqrt()).collect(),
        None => vec![f64::NAN; n],
    }
}
