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
        let (next, moved) = damped(w, ridge, &beta, &step, &mut f);
        beta = next;
        if moved < STEP_TOL {
            break;
        }
    }
    Fitted { beta }
}

/// `beta + t step` for the largest `t` in 1, ½, ¼, … (down to 2⁻²⁰) whose objective does not
/// rise (it always holds near the optimum); `f` becomes its objective. Also the largest move.
fn damped(w: &Wins, ridge: f64, beta: &[f64], step: &[f64], f: &mut f64) -> (Vec<f64>, f64) {
    let mut t = 1.0;
    loop {
        let next: Vec<f64> = beta.iter().zip(step).map(|(b, s)| b + t * s).collect();
        let fn_ = objective(w, &next, ridge);
        if fn_ <= *f + 1e-12 * f.abs().max(1.0) || t < 1e-6 {
            *f = fn_;
            let moved = step.iter().fold(0.0f64, |m, s| m.max((t * s).abs()));
            return (next, moved);
        }
        t *= 0.5;
    }
}

/// A start for fits of totals near those of one fit (a bootstrap round's): that fit's strengths
/// and the Cholesky factor of its Hessian. [`fit_near`] takes chord steps with the factor, each
/// a gradient and two triangular solves (`O(n²)`) where a Newton step factors the Hessian anew
/// (`O(n³)`: about 2 ms for 200 models, and a fit from 0 takes 6-8 of them). Written here, as
/// `style_fast`'s chord steps are, because the systems are this small and dense.
#[derive(Clone, Debug)]
pub struct Chord {
    beta: Vec<f64>,
    factor: Vec<f64>,
}

impl Chord {
    /// The chord at `beta` (a fit of `w`), for a penalised fit (`ridge > 0`: the Hessian is then
    /// positive definite). `None` when it is not.
    pub fn at(w: &Wins, ridge: f64, beta: &[f64]) -> Option<Chord> {
        if ridge <= 0.0 {
            return None;
        }
        let (_, mut factor) = derivatives(w, beta, ridge);
        crate::linalg::cholesky_factor(&mut factor, w.n).then(|| Chord {
            beta: beta.to_vec(),
            factor,
        })
    }
}

/// Chord steps before [`fit_near`] gives up and fits from 0 (a round far from the chord's fit,
/// such as one where a model is absent and only the penalty pulls it, converges slowly).
const CHORD_STEPS: usize = 60;

/// The optimum [`fit`] finds (to its step tolerance), reached from the chord's fit by chord steps
/// with the same stopping rule; [`fit`] itself when they do not converge.
pub fn fit_near(w: &Wins, ridge: f64, chord: &Chord) -> Fitted {
    chord_steps(w, ridge, chord).unwrap_or_else(|| fit(w, ridge))
}

/// [`fit_near`]'s chord steps; `None` when they do not converge in [`CHORD_STEPS`] or stop
/// contracting. Undamped: near the chord's fit the full step always lowers the objective, and a
/// step that does not shrink is caught by its length instead of by evaluating the objective
/// (`n²` logarithms a step, as costly as the step itself).
fn chord_steps(w: &Wins, ridge: f64, chord: &Chord) -> Option<Fitted> {
    let n = w.n;
    let mut beta = chord.beta.clone();
    let mut last = f64::INFINITY;
    for _ in 0..CHORD_STEPS {
        let neg: Vec<f64> = gradient(w, &beta, ridge).iter().map(|g| -g).collect();
        let step = crate::linalg::cholesky_apply(&chord.factor, &neg, n);
        let moved = step.iter().fold(0.0f64, |m, s| m.max(s.abs()));
        if !moved.is_finite() || moved > last {
            return None;
        }
        last = moved;
        beta.iter_mut().zip(&step).for_each(|(b, s)| *b += s);
        if moved < STEP_TOL {
            return Some(Fitted { beta });
        }
    }
    None
}

/// The gradient of the objective (as [`derivatives`], without the Hessian).
fn gradient(w: &Wins, beta: &[f64], ridge: f64) -> Vec<f64> {
    let n = w.n;
    let mut grad: Vec<f64> = beta.iter().map(|b| ridge * b).collect();
    for i in 0..n {
        for j in (i + 1)..n {
            let (wij, wji) = (w.get(i, j), w.get(j, i));
            let total = wij + wji;
            if total == 0.0 {
                continue;
            }
            let g = total * sigmoid(beta[i] - beta[j]) - wij;
            grad[i] += g;
            grad[j] -= g;
        }
    }
    grad
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

    use proptest::prelude::*;

    /// Totals of `n` models from a win count per ordered pair (0 = never met).
    fn wins(n: usize, counts: &[u8]) -> Wins {
        let mut w = Wins::new(n);
        for i in 0..n {
            for j in 0..n {
                if i != j {
                    w.add(i, j, counts[i * n + j] as f64);
                }
            }
        }
        w
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// The naive oracle is `fit` from 0: chord steps from another fit's optimum, with that
        /// optimum's Hessian, reach the same strengths (1e-9; both stop at steps under 1e-13),
        /// whether the totals are near the chord's (a bootstrap round) or not at all, or leave
        /// a model out.
        ///
        /// The chord's log has 8-39 wins per ordered pair, or none where a pair never met, so a
        /// "near" round (each count moved by -3..+2, never-met pairs still unmet) is near as a
        /// bootstrap round of a real log is. With counts from 0, a pair with no games at the
        /// chord (Hessian: the penalty alone) could gain 2-0 in the round, which is not near,
        /// and chord steps may rightly give up (CI found such a case: n = 2, no games at all).
        #[test]
        fn chord_steps_reach_the_fit_from_zero(
            n in 2usize..12,
            counts in proptest::collection::vec(8u8..40, 144),
            met in proptest::collection::vec(proptest::bool::weighted(0.8), 144),
            noise in proptest::collection::vec(0u8..6, 144),
            far in any::<bool>(),
            absent in proptest::option::of(0usize..12),
        ) {
            let ridge = FASTCHAT_LIKE_RIDGE;
            // A pair meets in both directions or not at all (`wins` reads `i * n + j`).
            let base: Vec<u8> = (0..n * n)
                .map(|k| {
                    let (i, j) = (k / n, k % n);
                    if met[i.min(j) * n + i.max(j)] { counts[k] } else { 0 }
                })
                .collect();
            let start = wins(n, &base);
            let chord = Chord::at(&start, ridge, &fit(&start, ridge).beta).expect("ridge > 0");
            let mut round: Vec<u8> = base
                .iter()
                .zip(&noise)
                .map(|(&b, &e)| match (far, b) {
                    (true, _) => e * 7,
                    (false, 0) => 0,
                    (false, b) => b + e - 3,
                })
                .collect();
            if let Some(m) = absent.filter(|&m| m < n) {
                for k in 0..n {
                    round[m * n + k] = 0;
                    round[k * n + m] = 0;
                }
            }
            let w = wins(n, &round);
            let oracle = fit(&w, ridge).beta;
            let near = fit_near(&w, ridge, &chord).beta;
            // A round near the chord's totals converges by chord steps (no fallback to `fit`).
            if !far && absent.is_none() {
                prop_assert!(chord_steps(&w, ridge, &chord).is_some(), "chord steps converge");
            }
            for (a, b) in oracle.iter().zip(&near) {
                prop_assert!((a - b).abs() < 1e-9, "{:?} vs {:?}", oracle, near);
            }
        }
    }

    /// FastChat's penalty (`1 / ln² 10`, see `chatbot_arena::mod`).
    const FASTCHAT_LIKE_RIDGE: f64 = 1.0 / (std::f64::consts::LN_10 * std::f64::consts::LN_10);

    #[test]
    fn chord_needs_a_penalty() {
        let w = wins(2, &[0, 3, 1, 0]);
        assert!(Chord::at(&w, 0.0, &[0.0, 0.0]).is_none());
    }
}
