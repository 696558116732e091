//! A weighted Bradley-Terry fit on pair totals, optionally with an L2 penalty on the strengths,
//! solved by damped Newton. Both Arena methods are this fit with different weights and penalty:
//!
//! - FastChat's `compute_elo_mle_with_tie` (the Feb 2024 `elo_analysis.py`) is scikit-learn's
//!   default `LogisticRegression(fit_intercept=False)`: L2 with `C = 1` on coefficients `c` whose
//!   design entries are `±ln 10`, so in natural-log strengths `β = c ln 10` the penalty is
//!   `½ |β|² / ln² 10`. It keeps every model finite, and it centres each group of models that
//!   never meet the others at mean 0 (the penalty's gradient is the only one that moves a group).
//! - arena-rank's `BradleyTerry.loss_function` has no penalty. Its L-BFGS starts at 0 and every
//!   gradient sums to zero within a connected group, so each group stays at mean 0; Newton here
//!   keeps the same constraint by solving in the groups' zero-sum subspace.
//!
//! `wins[i][j]` is the (weighted) number of times `i` beat `j`; a tie is already split into half
//! a win for each side (FastChat duplicates the battle rows with one copy each way; arena-rank's
//! outcome 0.5 does the same to the likelihood).

use crate::bt::sigmoid;

/// Pairwise win totals over models `0..n`.
#[derive(Clone, Debug)]
pub struct Wins {
    pub n: usize,
    /// Row-major `n × n`: `w[i * n + j]` = wins of `i` over `j`.
    pub w: Vec<f64>,
}

impl Wins {
    pub fn new(n: usize) -> Wins {
        Wins {
            n,
            w: vec![0.0; n * n],
        }
    }

    /// Adds `x` wins of `i` over `j`.
    pub fn add(&mut self, i: usize, j: usize, x: f64) {
        self.w[i * self.n + j] += x;
    }

    fn get(&self, i: usize, j: usize) -> f64 {
        self.w[i * self.n + j]
    }

    /// The connected groups of models (an edge wherever two models met), as a group id per model.
    pub fn groups(&self) -> Vec<usize> {
        let n = self.n;
        let mut group = vec![usize::MAX; n];
        let mut next = 0;
        for s in 0..n {
            if group[s] != usize::MAX {
                continue;
            }
            group[s] = next;
            let mut stack = vec![s];
            while let Some(i) = stack.pop() {
                for (j, g) in group.iter_mut().enumerate() {
                    if *g == usize::MAX && self.get(i, j) + self.get(j, i) > 0.0 {
                        *g = next;
                        stack.push(j);
                    }
                }
            }
            next += 1;
        }
        group
    }
}

/// The result of a fit. An unpenalised fit of a model that never lost (or never won) has no
/// finite optimum; Newton then stops after `MAX_ITER` steps with a large strength, as the
/// package's L-BFGS stops at its own iteration cap.
#[derive(Clone, Debug)]
pub struct Fitted {
    /// Natural-log strengths.
    pub beta: Vec<f64>,
}

const MAX_ITER: usize = 200;
const STEP_TOL: f64 = 1e-13;

/// The penalised negative log-likelihood.
fn objective(w: &Wins, beta: &[f64], ridge: f64) -> f64 {
    let n = w.n;
    let mut f = 0.5 * ridge * beta.iter().map(|b| b * b).sum::<f64>();
    for i in 0..n {
        for j in 0..n {
            let x = w.get(i, j);
            if x > 0.0 {
                f -= x * crate::bt::ln_sigmoid(beta[i] - beta[j]);
            }
        }
    }
    f
}

/// Fits strengths minimising `−Σ w_ij ln σ(β_i − β_j) + ridge/2 |β|²`, from 0.
pub fn fit(w: &Wins, ridge: f64) -> Fitted {
    let n = w.n;
    let groups = w.groups();
    let mut size = vec![0usize; n];
    for &g in &groups {
        size[g] += 1;
    }
    let mut beta = vec![0.0; n];
    let mut f = objective(w, &beta, ridge);
    for _ in 0..MAX_ITER {
        let (grad, mut hess) = derivatives(w, &beta, ridge);
        if ridge == 0.0 {
            // Without a penalty the Hessian is singular along each group's all-ones direction;
            // the gradient has no component there, so adding that projector changes no step but
            // makes the system solvable (and keeps every group's sum at 0).
            for i in 0..n {
                for j in 0..n {
                    if groups[i] == groups[j] {
                        hess[i * n + j] += 1.0 / size[groups[i]] as f64;
                    }
                }
            }
        }
        let neg: Vec<f64> = grad.iter().map(|g| -g).collect();
        let Some(step) = crate::linalg::cholesky_solve(&mut hess, &neg, n) else {
            break;
        };
        // Damped: halve until the objective does not rise (it always holds near the optimum).
        let mut t = 1.0;
        let mut next;
        loop {
            next = beta
                .iter()
                .zip(&step)
                .map(|(b, s)| b + t * s)
                .collect::<Vec<_>>();
            let fn_ = objective(w, &next, ridge);
            if fn_ <= f + 1e-12 * f.abs().max(1.0) || t < 1e-6 {
                f = fn_;
                break;
            }
            t *= 0.5;
        }
        let moved = step.iter().fold(0.0f64, |m, s| m.max((t * s).abs()));
        beta = next;
        if moved < STEP_TOL {
            break;
        }
    }
    Fitted { beta }
}

/// Gradient and Hessian (row-major) of the objective.
fn derivatives(w: &Wins, beta: &[f64], ridge: f64) -> (Vec<f64>, Vec<f64>) {
    let n = w.n;
    let mut grad: Vec<f64> = beta.iter().map(|b| ridge * b).collect();
    let mut hess = vec![0.0; n * n];
    for i in 0..n {
        hess[i * n + i] += ridge;
        for j in (i + 1)..n {
            let (wij, wji) = (w.get(i, j), w.get(j, i));
            let total = wij + wji;
            if total == 0.0 {
                continue;
            }
            let p = sigmoid(beta[i] - beta[j]);
            let g = total * p - wij;
            grad[i] += g;
            grad[j] -= g;
            let h = total * p * (1.0 - p);
            hess[i * n + i] += h;
            hess[j * n + j] += h;
            hess[i * n + j] -= h;
            hess[j * n + i] -= h;
        }
    }
    (grad, hess)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_models_have_the_closed_form_and_groups_stay_centred() {
        // 3 wins to 1: the MLE of β_0 − β_1 is ln 3 (by hand), centred: ±ln 3 / 2.
        let mut w = Wins::new(4);
        w.add(0, 1, 3.0);
        w.add(1, 0, 1.0);
        // A second group that never meets the first: 1 win each way, so both at 0.
        w.add(2, 3, 2.0);
        w.add(3, 2, 2.0);
        let f = fit(&w, 0.0);
        assert!((f.beta[0] - 3f64.ln() / 2.0).abs() < 1e-12, "{:?}", f.beta);
        assert!((f.beta[0] + f.beta[1]).abs() < 1e-12);
        assert!(f.beta[2].abs() < 1e-12 && f.beta[3].abs() < 1e-12);
        assert_eq!(w.groups(), vec![0, 0, 1, 1]);
        // The penalty shrinks towards 0 and keeps the pair symmetric.
        let r = fit(&w, 1.0);
        assert!(r.beta[0] > 0.0 && r.beta[0] < f.beta[0]);
        assert!((r.beta[0] + r.beta[1]).abs() < 1e-12);
    }
}
