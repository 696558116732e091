//! Bradley-Terry maximum likelihood on aggregated pair counts, for any comparison graph.
//!
//! `P(i beats j) = σ(β_i − β_j)`, with ties counted as half a win for each side, which is what the
//! reference's duplicated-rows logistic regression amounts to. Strengths are relative to an anchor
//! (`β_anchor = 0`).
//!
//! A finite maximum exists only inside the anchor's strongly connected component of the "has beaten"
//! graph. Models that beat their way down into it but never lose back up have `β = +∞` in the limit, and
//! the reverse `−∞`; they are reported as bounds ([`Estimate::Above`] / [`Estimate::Below`]), never NaN.
//! Models with no path either way cannot be placed at all ([`Estimate::Unrated`]).

use serde::{Deserialize, Serialize};

/// Wins on one unordered pair of models (ties already split half and half).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pair {
    pub i: u32,
    pub j: u32,
    pub wins_i: f64,
    pub wins_j: f64,
}

/// A comparison graph over models `0..n`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparisons {
    pub n: usize,
    pub pairs: Vec<Pair>,
}

/// What kind of estimate a model has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Estimate {
    Finite,
    /// No losses against the anchor's group: the estimate is +∞, the win rate 100%.
    Above,
    /// No wins against the anchor's group: the estimate is −∞, the win rate 0%.
    Below,
    /// Not connected to the anchor (or no battles): no estimate.
    Unrated,
}

/// The result of a fit.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    /// Natural-log strength relative to the anchor; ±∞ for bounds, NaN for unrated models.
    pub beta: Vec<f64>,
    pub status: Vec<Estimate>,
    pub iterations: u32,
}

/// Stops Newton when no coordinate moves more than this.
const STEP_TOL: f64 = 1e-11;
const MAX_ITER: u32 = 200;

/// `ln σ(x)`, stable for large |x|.
pub fn ln_sigmoid(x: f64) -> f64 {
    if x >= 0.0 {
        -(-x).exp().ln_1p()
    } else {
        x - x.exp().ln_1p()
    }
}

/// `σ(x)`.
pub fn sigmoid(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + (-x).exp())
    } else {
        let e = x.exp();
        e / (1.0 + e)
    }
}

/// Log-likelihood of `beta` over the pairs whose models are both finite.
pub fn log_likelihood(c: &Comparisons, beta: &[f64]) -> f64 {
    c.pairs
        .iter()
        .filter(|p| beta[p.i as usize].is_finite() && beta[p.j as usize].is_finite())
        .map(|p| {
            let d = beta[p.i as usize] - beta[p.j as usize];
            p.wins_i * ln_sigmoid(d) + p.wins_j * ln_sigmoid(-d)
        })
        .sum()
}

/// Fits strengths relative to `anchor`, starting from `warm` (e.g. the full-data fit) when given.
pub fn fit(c: &Comparisons, anchor: u32, warm: Option<&[f64]>) -> Fit {
    let n = c.n;
    let mut status = vec![Estimate::Unrated; n];
    let mut beta = vec![f64::NAN; n];
    let (out_edges, in_edges, present) = graph(c);
    if (anchor as usize) >= n || !present[anchor as usize] {
        return Fit {
            beta,
            status,
            iterations: 0,
        };
    }
    let from = reach(anchor as usize, &out_edges);
    let to = reach(anchor as usize, &in_edges);
    for m in 0..n {
        status[m] = match (from[m], to[m]) {
            (true, true) => Estimate::Finite,
            (false, true) => Estimate::Above,
            (true, false) => Estimate::Below,
            (false, false) => Estimate::Unrated,
        };
        beta[m] = match status[m] {
            Estimate::Above => f64::INFINITY,
            Estimate::Below => f64::NEG_INFINITY,
            _ => f64::NAN,
        };
    }
    let inner: Vec<Pair> = c
        .pairs
        .iter()
        .filter(|p| {
            status[p.i as usize] == Estimate::Finite
                && status[p.j as usize] == Estimate::Finite
                && p.i != p.j
        })
        .copied()
        .collect();
    let members: Vec<usize> = (0..n).filter(|&m| status[m] == Estimate::Finite).collect();
    let iterations = if let Some(center) = star_center(&inner) {
        solve_star(&inner, center, &mut beta);
        0
    } else {
        solve_newton(&inner, &members, anchor as usize, warm, &mut beta)
    };
    let shift = beta[anchor as usize];
    for m in members {
        beta[m] -= shift;
    }
    Fit {
        beta,
        status,
        iterations,
    }
}

type Adjacency = Vec<Vec<usize>>;

fn graph(c: &Comparisons) -> (Adjacency, Adjacency, Vec<bool>) {
    let mut out_edges = vec![Vec::new(); c.n];
    let mut in_edges = vec![Vec::new(); c.n];
    let mut present = vec![false; c.n];
    for p in &c.pairs {
        let (i, j) = (p.i as usize, p.j as usize);
        if p.wins_i + p.wins_j <= 0.0 || i == j {
            continue;
        }
        present[i] = true;
        present[j] = true;
        if p.wins_i > 0.0 {
            out_edges[i].push(j);
            in_edges[j].push(i);
        }
        if p.wins_j > 0.0 {
            out_edges[j].push(i);
            in_edges[i].push(j);
        }
    }
    (out_edges, in_edges, present)
}

fn reach(start: usize, edges: &Adjacency) -> Vec<bool> {
    let mut seen = vec![false; edges.len()];
    let mut stack = vec![start];
    seen[start] = true;
    while let Some(v) = stack.pop() {
        for &w in &edges[v] {
            if !seen[w] {
                seen[w] = true;
                stack.push(w);
            }
        }
    }
    seen
}

/// The model every pair involves, if the graph is a star (Arena-Hard's usual shape).
fn star_center(pairs: &[Pair]) -> Option<u32> {
    let first = pairs.first()?;
    [first.i, first.j]
        .into_iter()
        .find(|&c| pairs.iter().all(|p| p.i == c || p.j == c))
}

/// On a star every leaf's likelihood is separate, so its maximum is closed-form: `ln(wins / losses)`
/// against the centre. Inside one strongly connected component both counts are positive.
fn solve_star(pairs: &[Pair], center: u32, beta: &mut [f64]) {
    let mut wins = vec![0.0; beta.len()];
    let mut losses = vec![0.0; beta.len()];
    for p in pairs {
        let (leaf, w, l) = if p.i == center {
            (p.j, p.wins_j, p.wins_i)
        } else {
            (p.i, p.wins_i, p.wins_j)
        };
        wins[leaf as usize] += w;
        losses[leaf as usize] += l;
    }
    beta[center as usize] = 0.0;
    for p in pairs {
        let leaf = if p.i == center { p.j } else { p.i } as usize;
        beta[leaf] = (wins[leaf] / losses[leaf]).ln();
    }
}

/// Damped Newton on the strongly connected component, anchor fixed at 0. The negative Hessian is a
/// weighted graph Laplacian with the anchor's row removed, positive definite on a connected graph.
fn solve_newton(
    pairs: &[Pair],
    members: &[usize],
    anchor: usize,
    warm: Option<&[f64]>,
    beta: &mut [f64],
) -> u32 {
    let vars: Vec<usize> = members.iter().copied().filter(|&m| m != anchor).collect();
    let mut slot = vec![usize::MAX; beta.len()];
    for (k, &m) in vars.iter().enumerate() {
        slot[m] = k;
    }
    for &m in members {
        beta[m] = match warm {
            Some(w) if w.get(m).is_some_and(|x| x.is_finite()) && m != anchor => w[m],
            _ => 0.0,
        };
    }
    beta[anchor] = 0.0;
    let k = vars.len();
    if k == 0 {
        return 0;
    }
    let sub = Comparisons {
        n: beta.len(),
        pairs: pairs.to_vec(),
    };
    let mut ll = log_likelihood(&sub, beta);
    let mut grad = vec![0.0; k];
    let mut hess = vec![0.0; k * k];
    for iter in 1..=MAX_ITER {
        grad.iter_mut().for_each(|g| *g = 0.0);
        hess.iter_mut().for_each(|h| *h = 0.0);
        for p in pairs {
            let (i, j) = (p.i as usize, p.j as usize);
            let nij = p.wins_i + p.wins_j;
            let prob = sigmoid(beta[i] - beta[j]);
            let g = p.wins_i - nij * prob;
            let h = nij * prob * (1.0 - prob);
            let (si, sj) = (slot[i], slot[j]);
            if si != usize::MAX {
                grad[si] += g;
                hess[si * k + si] += h;
            }
            if sj != usize::MAX {
                grad[sj] -= g;
                hess[sj * k + sj] += h;
            }
            if si != usize::MAX && sj != usize::MAX {
                hess[si * k + sj] -= h;
                hess[sj * k + si] -= h;
            }
        }
        let Some(step) = crate::linalg::cholesky_solve(&mut hess, &grad, k) else {
            return iter;
        };
        let mut t = 1.0;
        let old: Vec<f64> = vars.iter().map(|&m| beta[m]).collect();
        loop {
            for (s, &m) in vars.iter().enumerate() {
                beta[m] = old[s] + t * step[s];
            }
            let new_ll = log_likelihood(&sub, beta);
            if new_ll >= ll - 1e-12 * ll.abs().max(1.0) || t < 1e-6 {
                ll = new_ll;
                break;
            }
            t *= 0.5;
        }
        let max_step = step.iter().fold(0.0f64, |a, s| a.max((t * s).abs()));
        if max_step < STEP_TOL {
            return iter;
        }
    }
    MAX_ITER
}

/// Aggregates (a, b, a_wins, ties, b_wins) counts into pairs with ties split.
pub fn comparisons_from_counts(
    n: usize,
    counts: impl Iterator<Item = (u32, u32, [f64; 3])>,
) -> Comparisons {
    let mut map: std::collections::BTreeMap<(u32, u32), (f64, f64)> = Default::default();
    for (a, b, [aw, t, bw]) in counts {
        if a == b {
            continue;
        }
        let (i, j, wi, wj) = if a < b {
            (a, b, aw + t / 2.0, bw + t / 2.0)
        } else {
            (b, a, bw + t / 2.0, aw + t / 2.0)
        };
        let e = map.entry((i, j)).or_insert((0.0, 0.0));
        e.0 += wi;
        e.1 += wj;
    }
    Comparisons {
        n,
        pairs: map
            .into_iter()
            .map(|((i, j), (wi, wj))| Pair {
                i,
                j,
                wins_i: wi,
                wins_j: wj,
            })
            .collect(),
    }
}
