//! The style-control fit, fast: the same penalised logistic objective as [`crate::style::fit`]
//! (which stays as the plain Newton oracle this solver is property-tested against), solved in a
//! form that suits the bootstrap, where the same groups are refitted a hundred times with new
//! weights from a warm start:
//!
//! - **Only groups drawn in the round.** A prompt-level bootstrap leaves about 37% of the prompts
//!   out of each round; their groups have zero weight and add nothing to the objective, the gradient
//!   or the Hessian, so they are skipped.
//! - **Flat data.** Group endpoints, weights and standardised features sit in contiguous arrays
//!   rather than one heap vector per group, so a pass over 70,000 groups streams through memory.
//! - **Chord steps.** Once a Newton step is small, the Hessian barely changes, so the next steps
//!   reuse its Cholesky factor and only recompute the gradient (a third of a full pass). Each chord
//!   step must shrink the step by half or a fresh Newton step is taken, so convergence never
//!   stalls.
//! - **A stop fitted to the need.** The loop ends once a step below `TOL` (1e-7) has been applied;
//!   in the chord phase the error after it is below the step itself (the contraction is under ½),
//!   so the coefficients agree with the plain solver to about 1e-7, inside the 1e-6 the tests ask.
//!   On the Korean set (76 models, 35,500 groups, 100 prompt-bootstrap rounds) the leaderboard's
//!   numbers differ from the plain solver's by at most 2.5e-9 points, and the rounds take about
//!   half the time (BENCHMARKS.md).

use crate::bt::ln_sigmoid;
use crate::style::{StyleFit, StyleGroup};

const LN10: f64 = std::f64::consts::LN_10;
/// Largest applied step (in coefficient units) at which the fit stops.
const TOL: f64 = 1e-7;
/// A Newton step below this switches to chord steps with the same factor.
const CHORD_FROM: f64 = 0.01;

/// The groups with weight, flattened.
struct Active {
    a: Vec<u32>,
    b: Vec<u32>,
    wa: Vec<f64>,
    wb: Vec<f64>,
    /// `k` features per group, row after row.
    f: Vec<f64>,
    k: usize,
}

impl Active {
    /// The groups with weight, `weight(g)` giving group `g`'s `(wa, wb)`.
    fn new(groups: &[StyleGroup], weight: impl Fn(usize) -> (f64, f64), k: usize) -> Active {
        let n = (0..groups.len())
            .filter(|&g| {
                let (wa, wb) = weight(g);
                wa + wb > 0.0
            })
            .count();
        let mut s = Active {
            a: Vec::with_capacity(n),
            b: Vec::with_capacity(n),
            wa: Vec::with_capacity(n),
            wb: Vec::with_capacity(n),
            f: Vec::with_capacity(n * k),
            k,
        };
        for (i, g) in groups.iter().enumerate() {
            let (wa, wb) = weight(i);
            if wa + wb > 0.0 {
                s.a.push(g.a);
                s.b.push(g.b);
                s.wa.push(wa);
                s.wb.push(wb);
                s.f.extend_from_slice(&g.features[..k]);
            }
        }
        s
    }

    fn len(&self) -> usize {
        self.a.len()
    }

    /// The linear predictor of group `i` (a self-pair writes `−ln10` into its one column, as the
    /// plain solver does).
    #[inline]
    fn z(&self, i: usize, w: &[f64], n_models: usize) -> f64 {
        let (a, b) = (self.a[i] as usize, self.b[i] as usize);
        let mut z = if a == b {
            -LN10 * w[a]
        } else {
            LN10 * (w[a] - w[b])
        };
        let f = &self.f[i * self.k..(i + 1) * self.k];
        for (s, x) in f.iter().enumerate() {
            z += x * w[n_models + s];
        }
        z
    }

    fn objective(&self, w: &[f64], n_models: usize) -> f64 {
        let mut f = 0.5 * w.iter().map(|x| x * x).sum::<f64>();
        for i in 0..self.len() {
            let z = self.z(i, w, n_models);
            f -= self.wa[i] * ln_sigmoid(z) + self.wb[i] * ln_sigmoid(-z);
        }
        f
    }

    /// The gradient into `grad`, and the full Hessian into `hess` when given, for `K` features
    /// (a compile-time count, so the per-group loops unroll). The Hessian's blocks are summed apart
    /// (the model diagonal, each pair's one off-diagonal cell, model × style, style × style) and
    /// written into the dense matrix once at the end, instead of 21 scattered updates per group.
    fn derivatives<const K: usize>(
        &self,
        w: &[f64],
        n_models: usize,
        grad: &mut [f64],
        hess: Option<&mut [f64]>,
    ) {
        let dim = w.len();
        let n = n_models;
        grad.copy_from_slice(w);
        let want_h = hess.is_some();
        let mut diag = vec![0.0; if want_h { n } else { 0 }];
        let mut pair_h = vec![0.0; if want_h { n * n } else { 0 }];
        let mut ms = vec![0.0; if want_h { n * K } else { 0 }];
        let mut ss = [[0.0f64; K]; K];
        let mut gs = [0.0f64; K];
        let mut ws = [0.0f64; K];
        ws.copy_from_slice(&w[n..n + K]);
        for i in 0..self.len() {
            let (a, b) = (self.a[i] as usize, self.b[i] as usize);
            let f: &[f64; K] = self.f[i * K..(i + 1) * K].try_into().expect("K features");
            let mut z = if a == b {
                -LN10 * w[a]
            } else {
                LN10 * (w[a] - w[b])
            };
            for s in 0..K {
                z += f[s] * ws[s];
            }
            // Branch-free σ: exp overflows to ∞ for very negative z, giving exactly 0, never NaN.
            let p = 1.0 / (1.0 + (-z).exp());
            let total = self.wa[i] + self.wb[i];
            let r = total * p - self.wa[i];
            if a == b {
                grad[a] -= r * LN10;
            } else {
                grad[a] += r * LN10;
                grad[b] -= r * LN10;
            }
            for s in 0..K {
                gs[s] += r * f[s];
            }
            if want_h {
                let c = total * p * (1.0 - p);
                let cl = c * LN10;
                if a == b {
                    diag[a] += cl * LN10;
                    for s in 0..K {
                        ms[a * K + s] -= cl * f[s];
                    }
                } else {
                    diag[a] += cl * LN10;
                    diag[b] += cl * LN10;
                    pair_h[a.min(b) * n + a.max(b)] -= cl * LN10;
                    for s in 0..K {
                        ms[a * K + s] += cl * f[s];
                        ms[b * K + s] -= cl * f[s];
                    }
                }
                for s in 0..K {
                    let cs = c * f[s];
                    for t in s..K {
                        ss[s][t] += cs * f[t];
                    }
                }
            }
        }
        for s in 0..K {
            grad[n + s] += gs[s];
        }
        if let Some(h) = hess {
            h.iter_mut().for_each(|x| *x = 0.0);
            for d in 0..dim {
                h[d * dim + d] = 1.0;
            }
            for m in 0..n {
                h[m * dim + m] += diag[m];
                for o in (m + 1)..n {
                    let v = pair_h[m * n + o];
                    h[m * dim + o] = v;
                    h[o * dim + m] = v;
                }
                for s in 0..K {
                    let v = ms[m * K + s];
                    h[m * dim + n + s] = v;
                    h[(n + s) * dim + m] = v;
                }
            }
            for s in 0..K {
                h[(n + s) * dim + n + s] += ss[s][s];
                for t in (s + 1)..K {
                    h[(n + s) * dim + n + t] = ss[s][t];
                    h[(n + t) * dim + n + s] = ss[s][t];
                }
            }
        }
    }

    /// [`Active::derivatives`] for the data's feature count.
    fn derivatives_k(
        &self,
        w: &[f64],
        n_models: usize,
        grad: &mut [f64],
        hess: Option<&mut [f64]>,
    ) {
        match self.k {
            0 => self.derivatives::<0>(w, n_models, grad, hess),
            1 => self.derivatives::<1>(w, n_models, grad, hess),
            2 => self.derivatives::<2>(w, n_models, grad, hess),
            3 => self.derivatives::<3>(w, n_models, grad, hess),
            4 => self.derivatives::<4>(w, n_models, grad, hess),
            k => panic!("style control has at most 4 features, got {k}"),
        }
    }
}

/// Minimises the same objective as [`crate::style::fit`]; see the module notes for how.
pub fn fit(groups: &[StyleGroup], n_models: usize, k: usize, warm: Option<&StyleFit>) -> StyleFit {
    fit_with(groups, |g| (groups[g].wa, groups[g].wb), n_models, k, warm)
}

/// [`fit`] with group `g`'s weights given by `weight(g)` instead of its `wa` and `wb`, so bootstrap
/// rounds fitted at once on several threads share one set of groups.
pub fn fit_with(
    groups: &[StyleGroup],
    weight: impl Fn(usize) -> (f64, f64),
    n_models: usize,
    k: usize,
    warm: Option<&StyleFit>,
) -> StyleFit {
    let dim = n_models + k;
    let data = Active::new(groups, weight, k);
    let mut w = vec![0.0; dim];
    if let Some(s) = warm {
        w[..n_models].copy_from_slice(&s.model_coef);
        w[n_models..].copy_from_slice(&s.style_coef);
    }
    let mut grad = vec![0.0; dim];
    let mut factor = vec![0.0; dim * dim];
    let mut have_factor = false;
    let mut last_step = f64::INFINITY;
    let mut obj = f64::NAN;
    let mut iterations = 0;
    for iter in 1..=200 {
        iterations = iter;
        let chord = have_factor;
        if chord {
            data.derivatives_k(&w, n_models, &mut grad, None);
        } else {
            data.derivatives_k(&w, n_models, &mut grad, Some(&mut factor));
            if !crate::linalg::cholesky_factor(&mut factor, dim) {
                break;
            }
        }
        let step = crate::linalg::cholesky_apply(&factor, &grad, dim);
        let max_step = step.iter().fold(0.0f64, |m, s| m.max(s.abs()));
        if chord && max_step > 0.5 * last_step {
            // The old factor no longer contracts fast enough: take a Newton step from here.
            have_factor = false;
            last_step = f64::INFINITY;
            continue;
        }
        if max_step < 0.5 {
            for d in 0..dim {
                w[d] -= step[d];
            }
            obj = f64::NAN;
        } else {
            // Far from the optimum: backtrack as the plain solver does.
            let old = w.clone();
            if obj.is_nan() {
                obj = data.objective(&w, n_models);
            }
            let mut t = 1.0;
            loop {
                for d in 0..dim {
                    w[d] = old[d] - t * step[d];
                }
                let new_obj = data.objective(&w, n_models);
                if new_obj <= obj + 1e-12 * obj.abs().max(1.0) || t < 1e-6 {
                    obj = new_obj;
                    break;
                }
                t *= 0.5;
            }
        }
        if max_step < TOL {
            break;
        }
        // Keep the factor for chord steps once Newton steps are small.
        have_factor = max_step < CHORD_FROM;
        last_step = max_step;
    }
    StyleFit {
        model_coef: w[..n_models].to_vec(),
        style_coef: w[n_models..].to_vec(),
        iterations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn groups_strategy() -> impl Strategy<Value = (usize, usize, Vec<StyleGroup>)> {
        (2usize..9, 0usize..5).prop_flat_map(|(n, k)| {
            let g = (
                0..n as u32,
                0..n as u32,
                proptest::collection::vec(-3.0f64..3.0, k),
                0u32..6,
                0u32..6,
            )
                .prop_map(|(a, b, features, x, y)| StyleGroup {
                    a,
                    b,
                    features,
                    wa: x as f64,
                    wb: y as f64,
                });
            (Just(n), Just(k), proptest::collection::vec(g, 1..80))
        })
    }

    proptest! {
        /// The fast solver lands where the plain Newton solver does, cold and warm (a warm start
        /// from another weighting, as a bootstrap round has), to 1e-6 in every coefficient.
        #[test]
        fn agrees_with_the_plain_newton_solver((n, k, groups) in groups_strategy(), seed in 0u64..1000) {
            let plain = crate::style::fit(&groups, n, k, None);
            let fast = fit(&groups, n, k, None);
            for (x, y) in plain.model_coef.iter().chain(&plain.style_coef).zip(fast.model_coef.iter().chain(&fast.style_coef)) {
                prop_assert!((x - y).abs() < 1e-6, "cold: {x} vs {y}");
            }
            // Reweight as a bootstrap round does (some groups drop out), then refit warm.
            let mut round = groups.clone();
            for (i, g) in round.iter_mut().enumerate() {
                let m = ((seed as usize + i * 7) % 3) as f64;
                g.wa *= m;
                g.wb *= m;
            }
            let plain_r = crate::style::fit(&round, n, k, Some(&plain));
            let fast_r = fit(&round, n, k, Some(&fast));
            for (x, y) in plain_r.model_coef.iter().chain(&plain_r.style_coef).zip(fast_r.model_coef.iter().chain(&fast_r.style_coef)) {
                prop_assert!((x - y).abs() < 1e-6, "warm: {x} vs {y}");
            }
        }
    }
}
