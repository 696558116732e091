//! arena-rank's style control: the package's contextual Bradley-Terry model
//! (lmarena/arena-rank @3900eae, PyPI 0.1.1, `models/contextual_bradley_terry.py` and
//! `utils/data_utils.py::ContextualPairDataset`).
//!
//! - Data (`ContextualPairDataset.from_pandas`, defaults): one row per battle, not aggregated
//!   (the features differ per battle); outcome 1 / 0 / ½ as `default_outcome_map`; weight
//!   `1 / max(n_pair, 50)` with `n_pair` the battles of the unordered pair, divided by the mean
//!   weight (`reweighted=True`); features from `style_features.rs`.
//! - Fit (`ContextualBradleyTerry.loss_function`, `reg = 1.0`): minimise
//!   `−mean_i w_i (y_i z_i − softplus(z_i)) + ½ reg |c|²` with `z_i = r_a − r_b + x_iᵀ c`. The
//!   ratings carry no penalty; the package's L-BFGS starts at 0 and every rating gradient sums
//!   to zero within a connected group of models, so each group's ratings keep sum 0. Newton here
//!   solves in that same subspace (as `fit.rs` does), to the optimum rather than to L-BFGS's
//!   tolerances (see FIDELITY.md).
//! - Intervals (`compute_hessian_and_covariance`, `compute_ratings_and_cis(ci_method="sandwich")`):
//!   per row `h_i = p(1−p) w_i / N` and `g_i = ((y_i − p) w_i)² / N` assembled over ratings and
//!   features; `hessian_reg` 1e-5 on the whole diagonal (the penalty `reg` is *not* added to the
//!   feature block: the package's choice, kept); `G −= reg²/N · v vᵀ` with `v = (0, c)`; the
//!   covariance is `diag(H⁻¹ G H⁻¹) / N`, the interval `r ± z σ`.

use super::fit::Wins;
use super::sandwich::{self, assemble};
use crate::bt::{ln_sigmoid, sigmoid};
use std::collections::HashMap;

/// `ContextualPairDataset.from_pandas`'s `min_pair_count`.
const MIN_PAIR_COUNT: f64 = 50.0;
/// `ContextualBradleyTerry(reg=1.0)`: the L2 penalty on the style coefficients.
const REG: f64 = 1.0;
/// `ContextualBradleyTerry(hessian_reg=1e-5)`.
const HESSIAN_REG: f64 = 1e-5;
const MAX_ITER: usize = 100;
/// Newton converges quadratically: after a step this small the error is far below 1e-15.
const STEP_TOL: f64 = 1e-10;

/// One battle: models `a`, `b`, the outcome for `a` (1, ½, 0).
#[derive(Clone, Copy, Debug)]
pub struct Row {
    pub a: usize,
    pub b: usize,
    pub outcome: f64,
}

/// Fitted ratings (natural-log scale), their sandwich standard errors and the coefficients.
#[derive(Clone, Debug)]
pub struct ContextualFit {
    pub ratings: Vec<f64>,
    pub std_errors: Vec<f64>,
    pub coefficients: Vec<f64>,
}

/// Fits models `0..n` on `rows` with features `x` (row-major `rows × k`).
pub fn rate(rows: &[Row], x: &[f64], k: usize, n: usize) -> ContextualFit {
    let w = weights(rows);
    let theta = fit(rows, x, &w, k, n);
    let var = sandwich_variances(rows, x, &w, k, n, &theta);
    ContextualFit {
        ratings: theta[..n].to_vec(),
        std_errors: var.iter().map(|v| v.max(0.0).sqrt()).collect(),
        coefficients: theta[n..].to_vec(),
    }
}

/// Per-row weights `1 / max(n_pair, 50)`, divided by their mean.
fn weights(rows: &[Row]) -> Vec<f64> {
    let mut pair: HashMap<(usize, usize), f64> = HashMap::new();
    for r in rows {
        *pair.entry((r.a.min(r.b), r.a.max(r.b))).or_default() += 1.0;
    }
    let w: Vec<f64> = rows
        .iter()
        .map(|r| 1.0 / pair[&(r.a.min(r.b), r.a.max(r.b))].max(MIN_PAIR_COUNT))
        .collect();
    let mean = w.iter().sum::<f64>() / w.len() as f64;
    w.into_iter().map(|v| v / mean).collect()
}

/// Each row's logit `r_a − r_b + xᵀc`.
fn logit(r: &Row, xi: &[f64], theta: &[f64], n: usize) -> f64 {
    theta[r.a] - theta[r.b] + xi.iter().zip(&theta[n..]).map(|(f, c)| f * c).sum::<f64>()
}

/// The package's loss: weighted mean negative log-likelihood plus the coefficients' penalty.
fn objective(rows: &[Row], x: &[f64], w: &[f64], k: usize, n: usize, theta: &[f64]) -> f64 {
    let mut ll = 0.0;
    for (i, r) in rows.iter().enumerate() {
        let z = logit(r, &x[i * k..(i + 1) * k], theta, n);
        // y z − softplus(z) = y ln σ(z) + (1 − y) ln σ(−z), stable for large |z|.
        ll += w[i] * (r.outcome * ln_sigmoid(z) + (1.0 - r.outcome) * ln_sigmoid(-z));
    }
    -ll / rows.len() as f64 + 0.5 * REG * theta[n..].iter().map(|c| c * c).sum::<f64>()
}

/// Damped Newton from 0 in the groups' zero-sum subspace; returns `(ratings, coefficients)`.
fn fit(rows: &[Row], x: &[f64], w: &[f64], k: usize, n: usize) -> Vec<f64> {
    let m = n + k;
    let inv_n = 1.0 / rows.len() as f64;
    // Connected groups of models, from who met whom.
    let mut met = Wins::new(n);
    for r in rows {
        met.add(r.a, r.b, 1.0);
    }
    let groups = met.groups();
    let mut size = vec![0usize; n];
    for &g in &groups {
        size[g] += 1;
    }
    let mut theta = vec![0.0; m];
    let mut f = objective(rows, x, w, k, n, &theta);
    for _ in 0..MAX_ITER {
        let mut grad = vec![0.0; m];
        let mut hess = vec![0.0; m * m];
        for (i, r) in rows.iter().enumerate() {
            let xi = &x[i * k..(i + 1) * k];
            let p = sigmoid(logit(r, xi, &theta, n));
            let e = (p - r.outcome) * w[i] * inv_n;
            let h = p * (1.0 - p) * w[i] * inv_n;
            grad[r.a] += e;
            grad[r.b] -= e;
            assemble(&mut hess, m, r.a, r.b, h);
            for (s, &fs) in xi.iter().enumerate() {
                grad[n + s] += e * fs;
                hess[r.a * m + n + s] += h * fs;
                hess[r.b * m + n + s] -= h * fs;
                for (t, &ft) in xi.iter().enumerate() {
                    hess[(n + s) * m + n + t] += h * fs * ft;
                }
            }
        }
        for s in 0..k {
            grad[n + s] += REG * theta[n + s];
            hess[(n + s) * m + n + s] += REG;
            for i in 0..n {
                hess[(n + s) * m + i] = hess[i * m + n + s];
            }
        }
        // The ratings' Hessian is singular along each group's all-ones direction, where the
        // gradient has no component: adding that projector makes the system solvable and
        // changes no step (as in `fit.rs`).
        for i in 0..n {
            for j in 0..n {
                if groups[i] == groups[j] {
                    hess[i * m + j] += 1.0 / size[groups[i]] as f64;
                }
            }
        }
        let neg: Vec<f64> = grad.iter().map(|g| -g).collect();
        let Some(step) = crate::linalg::cholesky_solve(&mut hess, &neg, m) else {
            break;
        };
        let mut t = 1.0;
        let mut next;
        loop {
            next = theta
                .iter()
                .zip(&step)
                .map(|(a, s)| a + t * s)
                .collect::<Vec<_>>();
            let fn_ = objective(rows, x, w, k, n, &next);
            if fn_ <= f + 1e-12 * f.abs().max(1.0) || t < 1e-6 {
                f = fn_;
                break;
            }
            t *= 0.5;
        }
        let moved = step.iter().fold(0.0f64, |a, s| a.max((t * s).abs()));
        theta = next;
        if moved < STEP_TOL {
            break;
        }
    }
    theta
}

/// The ratings' sandwich variances (natural-log scale), as `compute_ratings_and_cis` computes
/// them: `diag(H⁻¹ G H⁻¹) / N`.
fn sandwich_variances(
    rows: &[Row],
    x: &[f64],
    w: &[f64],
    k: usize,
    n: usize,
    theta: &[f64],
) -> Vec<f64> {
    let m = n + k;
    let n_obs = rows.len() as f64;
    let mut h = vec![0.0; m * m];
    let mut g = vec![0.0; m * m];
    for (i, r) in rows.iter().enumerate() {
        let xi = &x[i * k..(i + 1) * k];
        let p = sigmoid(logit(r, xi, theta, n));
        let hv = p * (1.0 - p) * w[i] / n_obs;
        let gv = ((r.outcome - p) * w[i]).powi(2) / n_obs;
        for (mat, v) in [(&mut h, hv), (&mut g, gv)] {
            assemble(mat, m, r.a, r.b, v);
            for (s, &fs) in xi.iter().enumerate() {
                mat[r.a * m + n + s] += v * fs;
                mat[r.b * m + n + s] -= v * fs;
                mat[(n + s) * m + r.a] += v * fs;
                mat[(n + s) * m + r.b] -= v * fs;
                for (t, &ft) in xi.iter().enumerate() {
                    mat[(n + s) * m + n + t] += v * fs * ft;
                }
            }
        }
    }
    for d in 0..m {
        h[d * m + d] += HESSIAN_REG;
    }
    // "correct for L2 regularization in gradient covariance": G −= reg²/N · v vᵀ, v = (0, c).
    for s in 0..k {
        for t in 0..k {
            g[(n + s) * m + n + t] -= REG * REG / n_obs * theta[n + s] * theta[n + t];
        }
    }
    match sandwich::diag(&h, &g, m) {
        Some(d) => d[..n].iter().map(|v| v / n_obs).collect(),
        None => vec![f64::NAN; n],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_features_it_is_the_weighted_bradley_terry_and_groups_stay_centred() {
        // 3 wins to 1 between models 0 and 1: the MLE of r_0 − r_1 is ln 3 (by hand); equal
        // weights, so the reweighting changes nothing. A zero feature column gets coefficient 0.
        let rows: Vec<Row> = [(0, 1, 1.0), (0, 1, 1.0), (1, 0, 0.0), (0, 1, 0.0)]
            .into_iter()
            .map(|(a, b, outcome)| Row { a, b, outcome })
            .collect();
        let fit = rate(&rows, &[0.0; 4], 1, 2);
        assert!((fit.ratings[0] - 3f64.ln() / 2.0).abs() < 1e-12, "{fit:?}");
        assert!((fit.ratings[0] + fit.ratings[1]).abs() < 1e-12);
        assert!(fit.coefficients[0].abs() < 1e-15);
        // Sandwich by hand: p = ¾, per-row h = p(1−p)/N = 3/64, g = (y − p)²/N; Σ g = 3/64.
        // H = [[3/16, −3/16], [−3/16, 3/16]] + 1e-5 I, G = [[3/16, −3/16], ...]: along (1, −1)
        // eigenvalues 3/8 + 1e-5 and 3/8, so var_0 = ½ · (3/8) / (3/8 + 1e-5)² / 4.
        let expect = 0.5 * 0.375 / (0.375f64 + 1e-5).powi(2) / 4.0;
        assert!(
            (fit.std_errors[0].powi(2) - expect).abs() < 1e-12,
            "{fit:?}"
        );
    }

    #[test]
    fn a_feature_that_predicts_the_winner_takes_the_credit_from_the_ratings() {
        // Two models of equal strength where the longer answer (x = ±1) always wins, and each
        // model gives the longer answer half the time: the ratings stay equal (by symmetry) and
        // the coefficient, finite only through the penalty, solves the stationarity condition
        // mean(x (y − p)) = reg · c, i.e. c = 1 − σ(c) (by hand; c ≈ 0.401).
        let mut rows = Vec::new();
        let mut x = Vec::new();
        for i in 0..40 {
            let (a, b) = if i % 2 == 0 { (0, 1) } else { (1, 0) };
            let longer_a = i % 4 < 2;
            rows.push(Row {
                a,
                b,
                outcome: if longer_a { 1.0 } else { 0.0 },
            });
            x.push(if longer_a { 1.0 } else { -1.0 });
        }
        let fit = rate(&rows, &x, 1, 2);
        let c = fit.coefficients[0];
        assert!((c - (1.0 - sigmoid(c))).abs() < 1e-12 && c > 0.4, "{fit:?}");
        assert!(fit.ratings[0].abs() < 1e-12 && fit.ratings[1].abs() < 1e-12);
        assert!(fit.std_errors.iter().all(|s| s.is_finite() && *s > 0.0));
    }
}
