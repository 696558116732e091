//! arena-hard-v2.0's style path (`show_result.py -f markdown length`,
//! `print_leaderboard_with_style_features`, lmarena/arena-hard-auto @ 196f6b8).
//!
//! Features per score row, model minus baseline (the opposite sign to v0.1): length
//! `(t_m − t_b)/(t_m + t_b)`; for headers, lists and bold the densities `d = count/(t + 1)` and
//! `(d_m − d_b)/(d_m + d_b + 1)`; each column z-scored with the unbiased (ddof 1) standard deviation
//! over the category's rows. The model is Bradley-Terry with soft targets (the 0 / 0.5 / 1 scores) in
//! natural-log units, no intercept, no penalty (`utils/math_utils.py::bt_loss`, `one_hot_encode`:
//! +1 model, −1 baseline). Rounds resample all rows jointly (`bootstrap_pairwise_model`), there is no
//! full-data fit, the score is the median round win rate `σ(c_m − c_b)` with 5% / 95% quantiles, and
//! the printed coefficients are the medians of the feature coefficients.
//!
//! One difference on purpose: upstream runs one torch LBFGS `step` (lr 0.1, at most 50 iterations,
//! from 0.5, float32), which need not reach the optimum; we solve each round to convergence by
//! Newton (the baseline's strength fixed at 0, which changes no win rate: only `c_m − c_b` enters).

use super::resample::Summary;
use super::rows::CategoryRows;
use super::{LOWER_Q, UPPER_Q};
use crate::bench::Bench;
use crate::bt::sigmoid;
use crate::linalg::cholesky_solve;
use crate::quantile::quantile_sorted;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Names of the four coefficients, in upstream's column order (metadata key order).
pub const FEATURES: [&str; 4] = ["length", "header_count", "list_count", "bold_count"];

/// The design of one category: per kept row, its model's column, features and score.
pub struct Design {
    pub model: Vec<u32>,
    pub x: Vec<[f64; 4]>,
    pub y: Vec<f64>,
    /// Number of model columns (models in name order, the baseline excluded).
    pub models: usize,
    /// Score rows left out because one side's answer has no style metadata.
    pub skipped: usize,
}

/// Builds the z-scored features of a category's rows against `baseline` (full name, as upstream
/// looks the baseline's answers up by the answer files' `model`).
pub fn design(bench: &Bench, rows: &CategoryRows, baseline: &str) -> Design {
    let base_id = bench.models.get(baseline);
    let mut d = Design {
        model: Vec::new(),
        x: Vec::new(),
        y: Vec::new(),
        models: rows.models.len(),
        skipped: 0,
    };
    for (k, m) in rows.models.values().enumerate() {
        for (&(id, prompt), &y) in m.origins.iter().zip(&m.scores) {
            let side = |model: Option<u32>| {
                model
                    .and_then(|mm| bench.answer(mm, prompt))
                    .and_then(|a| a.style)
            };
            let (Some(a), Some(b)) = (side(Some(id)), side(base_id)) else {
                d.skipped += 1;
                continue;
            };
            let density = |c: f64, t: f64| c / (t + 1.0);
            let md = |cm: f64, cb: f64| {
                let (dm, db) = (density(cm, a.tokens), density(cb, b.tokens));
                (dm - db) / (dm + db + 1.0)
            };
            d.model.push(k as u32);
            d.x.push([
                (a.tokens - b.tokens) / (a.tokens + b.tokens),
                md(a.headers, b.headers),
                md(a.lists, b.lists),
                md(a.bold, b.bold),
            ]);
            d.y.push(y);
        }
    }
    normalise(&mut d.x);
    d
}

/// `(f − mean) / std` per column, std with ddof 1 (`torch.std`). A constant column (upstream: NaN
/// and an assertion) or a NaN value (both answers empty) becomes 0.
fn normalise(x: &mut [[f64; 4]]) {
    let n = x.len() as f64;
    for c in 0..4 {
        let mean = x.iter().map(|r| r[c]).sum::<f64>() / n;
        let var = x.iter().map(|r| (r[c] - mean).powi(2)).sum::<f64>() / (n - 1.0);
        let sd = var.sqrt();
        for r in x.iter_mut() {
            let v = (r[c] - mean) / sd;
            r[c] = if v.is_finite() { v } else { 0.0 };
        }
    }
}

/// Minimises `Σ w_r [log(1 + e^z) − y_r z]`, `z = θ_model + x·β`, by damped Newton. Returns
/// `(θ, β)`. Stops when the largest gradient entry is below 1e-9 per unit of weight.
pub fn fit(d: &Design, weights: &[f64]) -> (Vec<f64>, [f64; 4]) {
    let k = d.models + 4;
    let mut p = vec![0.0; k];
    let total: f64 = weights.iter().sum();
    let loss = |p: &[f64]| -> f64 {
        (0..d.y.len())
            .filter(|&r| weights[r] > 0.0)
            .map(|r| {
                let z = z_of(d, p, r);
                weights[r] * (softplus(z) - d.y[r] * z)
            })
            .sum()
    };
    let mut current = loss(&p);
    for _ in 0..100 {
        let mut g = vec![0.0; k];
        let mut h = vec![0.0; k * k];
        for (r, &w) in weights.iter().enumerate() {
            if w == 0.0 {
                continue;
            }
            let z = z_of(d, &p, r);
            let s = sigmoid(z);
            let (e, v) = (w * (s - d.y[r]), w * s * (1.0 - s));
            let m = d.model[r] as usize;
            let x = &d.x[r];
            g[m] += e;
            h[m * k + m] += v;
            for a in 0..4 {
                let ia = d.models + a;
                g[ia] += e * x[a];
                h[m * k + ia] += v * x[a];
                h[ia * k + m] += v * x[a];
                for b in 0..4 {
                    h[ia * k + d.models + b] += v * x[a] * x[b];
                }
            }
        }
        if g.iter().fold(0.0f64, |a, v| a.max(v.abs())) < 1e-9 * total.max(1.0) {
            break;
        }
        // A small ridge keeps the system solvable when a model has no rows in a round.
        for i in 0..k {
            h[i * k + i] += 1e-12 + if h[i * k + i] == 0.0 { 1.0 } else { 0.0 };
        }
        let Some(step) = cholesky_solve(&mut h, &g, k) else {
            break;
        };
        let mut t = 1.0;
        loop {
            let cand: Vec<f64> = p.iter().zip(&step).map(|(a, s)| a - t * s).collect();
            let l = loss(&cand);
            if l <= current || t < 1e-6 {
                p = cand;
                current = l;
                break;
            }
            t *= 0.5;
        }
    }
    let beta = [
        p[d.models],
        p[d.models + 1],
        p[d.models + 2],
        p[d.models + 3],
    ];
    p.truncate(d.models);
    (p, beta)
}

fn z_of(d: &Design, p: &[f64], r: usize) -> f64 {
    let x = &d.x[r];
    p[d.model[r] as usize] + (0..4).map(|a| x[a] * p[d.models + a]).sum::<f64>()
}

fn softplus(z: f64) -> f64 {
    if z > 0.0 {
        z + (-z).exp().ln_1p()
    } else {
        z.exp().ln_1p()
    }
}

/// Per model the median round win rate (%) with its 5% / 95% quantiles and the rounds' mean and
/// variance (ddof 0), and the median coefficients. Rounds draw `n` row indices of `n` from ChaCha8
/// seeded with `seed`; with 0 rounds, one fit on all rows.
pub fn rate(d: &Design, rounds: u32, seed: u64) -> (Vec<Summary>, [f64; 4]) {
    let n = d.y.len();
    if rounds == 0 {
        let (theta, beta) = fit(d, &vec![1.0; n]);
        let rows = theta
            .iter()
            .map(|t| {
                let w = 100.0 * sigmoid(*t);
                Summary {
                    score: w,
                    lower: w,
                    upper: w,
                    moments: None,
                }
            })
            .collect();
        return (rows, beta);
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut rates: Vec<Vec<f64>> = vec![Vec::new(); d.models];
    let mut coefs: Vec<Vec<f64>> = vec![Vec::new(); 4];
    let mut w = vec![0.0; n];
    for _ in 0..rounds {
        w.iter_mut().for_each(|x| *x = 0.0);
        for _ in 0..n {
            w[rng.random_range(0..n as u32) as usize] += 1.0;
        }
        let (theta, beta) = fit(d, &w);
        for (m, t) in theta.iter().enumerate() {
            rates[m].push(100.0 * sigmoid(*t));
        }
        for (a, b) in beta.iter().enumerate() {
            coefs[a].push(*b);
        }
    }
    let sorted = |mut v: Vec<f64>| {
        v.sort_by(|a, b| a.partial_cmp(b).expect("finite"));
        v
    };
    let rows = rates
        .into_iter()
        .map(|v| {
            let r = v.len() as f64;
            let mean = v.iter().sum::<f64>() / r;
            let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / r;
            let v = sorted(v);
            Summary {
                score: quantile_sorted(&v, 0.5),
                lower: quantile_sorted(&v, LOWER_Q),
                upper: quantile_sorted(&v, UPPER_Q),
                moments: Some((mean, var)),
            }
        })
        .collect();
    let mut med = [0.0; 4];
    for (a, c) in coefs.into_iter().enumerate() {
        med[a] = quantile_sorted(&sorted(c), 0.5);
    }
    (rows, med)
}
