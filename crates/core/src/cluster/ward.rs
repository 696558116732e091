//! Agglomerative clustering with Ward's criterion, by the nearest-neighbour chain algorithm.
//!
//! Hand-written rather than taken from `kodama`: the usual implementations keep the condensed
//! `n(n-1)/2` distance matrix (100 MB of `f64` for 5,000 prompts, too much for a browser tab), while
//! Ward's merge cost can be computed from cluster centroids and sizes alone,
//! `Δ(A, B) = |A||B| / (|A| + |B|) · |c_A − c_B|²`. With centroids the memory is `O(n d)` and the
//! time `O(n² d)`. Ward's criterion is reducible, so the NN-chain algorithm finds exactly the
//! merges of the greedy algorithm (up to ties), and it is naturally resumable, one nearest-neighbour
//! search at a time, for [`Ward::step`]. The tests check it against the naive `O(n³)` greedy loop.
//!
//! Heights follow SciPy's `linkage(method="ward")`: `sqrt(2 Δ)`, so two single points merge at their
//! Euclidean distance.

use serde::{Deserialize, Serialize};

/// One merge of a dendrogram, SciPy style: clusters `0..n` are the leaves, merge `i` creates
/// cluster `n + i`. Merges are listed by increasing height.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Merge {
    pub left: u32,
    pub right: u32,
    pub height: f64,
    /// Leaves (weighted: points) under the new cluster.
    pub size: u32,
}

/// Resumable Ward clustering of weighted points.
#[derive(Clone, Debug)]
pub struct Ward {
    d: usize,
    n: usize,
    centroids: Vec<f64>,
    weights: Vec<f64>,
    /// Current cluster label (`0..n` leaves, `n + i` merges) of each active slot.
    label: Vec<u32>,
    active: Vec<bool>,
    n_active: usize,
    chain: Vec<usize>,
    /// Merges in discovery order: (slot a, slot b, Δ, label a, label b, weight).
    raw: Vec<(u32, u32, f64, f64)>,
    merges: Option<Vec<Merge>>,
}

fn ward_cost(ca: &[f64], wa: f64, cb: &[f64], wb: f64) -> f64 {
    wa * wb / (wa + wb) * super::kmeans::sq_dist(ca, cb)
}

impl Ward {
    /// Points row-major `n x d`, each with a weight (1 for plain Ward; a cluster size when building
    /// a dendrogram of clusters from their centroids).
    pub fn new(points: &[f64], d: usize, weights: &[f64]) -> Ward {
        let n = weights.len();
        assert_eq!(points.len(), n * d, "points and weights disagree");
        Ward {
            d,
            n,
            centroids: points.to_vec(),
            weights: weights.to_vec(),
            label: (0..n as u32).collect(),
            active: vec![true; n],
            n_active: n,
            chain: Vec::new(),
            raw: Vec::with_capacity(n.saturating_sub(1)),
            merges: if n <= 1 { Some(Vec::new()) } else { None },
        }
    }

    pub fn is_done(&self) -> bool {
        self.merges.is_some()
    }
    /// Clusters not yet merged away (the cost of a step is `active * d`).
    pub fn active(&self) -> usize {
        self.n_active
    }
    /// Fraction of merges done.
    pub fn progress(&self) -> f64 {
        if self.n <= 1 {
            1.0
        } else {
            self.raw.len() as f64 / (self.n - 1) as f64
        }
    }
    /// The merges, sorted by height, once done.
    pub fn merges(&self) -> Option<&[Merge]> {
        self.merges.as_deref()
    }

    /// The nearest active slot to `a`, preferring `prefer` on ties (needed for NN-chain to end),
    /// then the lowest slot.
    fn nearest(&self, a: usize, prefer: Option<usize>) -> usize {
        let d = self.d;
        let ca = &self.centroids[a * d..(a + 1) * d];
        let wa = self.weights[a];
        let mut best = usize::MAX;
        let mut best_cost = f64::INFINITY;
        if let Some(p) = prefer {
            best = p;
            best_cost = ward_cost(ca, wa, &self.centroids[p * d..(p + 1) * d], self.weights[p]);
        }
        for b in 0..self.n {
            if b == a || !self.active[b] || Some(b) == prefer {
                continue;
            }
            let c = ward_cost(ca, wa, &self.centroids[b * d..(b + 1) * d], self.weights[b]);
            if c < best_cost {
                best_cost = c;
                best = b;
            }
        }
        best
    }

    /// One nearest-neighbour search (and a merge when the chain ends in a reciprocal pair); about
    /// `active * d` work. Returns true when the dendrogram is complete.
    pub fn step(&mut self) -> bool {
        if self.is_done() {
            return true;
        }
        if self.chain.is_empty() {
            let first = self
                .active
                .iter()
                .position(|&a| a)
                .expect("an active cluster");
            self.chain.push(first);
        }
        let a = *self.chain.last().expect("non-empty chain");
        let prev = if self.chain.len() >= 2 {
            Some(self.chain[self.chain.len() - 2])
        } else {
            None
        };
        let b = self.nearest(a, prev);
        if Some(b) != prev {
            self.chain.push(b);
            return false;
        }
        // a and b are reciprocal nearest neighbours: merge them into slot min(a, b).
        self.chain.truncate(self.chain.len() - 2);
        let d = self.d;
        let (wa, wb) = (self.weights[a], self.weights[b]);
        let cost = ward_cost(
            &self.centroids[a * d..(a + 1) * d],
            wa,
            &self.centroids[b * d..(b + 1) * d],
            wb,
        );
        let (keep, drop) = (a.min(b), a.max(b));
        for j in 0..d {
            let v = (wa * self.centroids[a * d + j] + wb * self.centroids[b * d + j]) / (wa + wb);
            self.centroids[keep * d + j] = v;
        }
        self.raw.push((self.label[a], self.label[b], cost, wa + wb));
        self.weights[keep] = wa + wb;
        self.label[keep] = (self.n + self.raw.len() - 1) as u32;
        self.active[drop] = false;
        self.n_active -= 1;
        if self.n_active == 1 {
            self.merges = Some(sort_merges(&self.raw, self.n));
            return true;
        }
        false
    }
}

/// Sorts NN-chain merges by height (stable) and renumbers the clusters they create, as SciPy does.
fn sort_merges(raw: &[(u32, u32, f64, f64)], n: usize) -> Vec<Merge> {
    let mut order: Vec<usize> = (0..raw.len()).collect();
    order.sort_by(|&i, &j| raw[i].2.total_cmp(&raw[j].2).then(i.cmp(&j)));
    let mut new_label = vec![0u32; raw.len()];
    for (pos, &i) in order.iter().enumerate() {
        new_label[i] = (n + pos) as u32;
    }
    let relabel = |l: u32| {
        if (l as usize) < n {
            l
        } else {
            new_label[l as usize - n]
        }
    };
    order
        .iter()
        .map(|&i| {
            let (a, b, cost, w) = raw[i];
            let (a, b) = (relabel(a), relabel(b));
            Merge {
                left: a.min(b),
                right: a.max(b),
                height: (2.0 * cost).max(0.0).sqrt(),
                size: w.round() as u32,
            }
        })
        .collect()
}

/// Ward clustering of weighted points in one call.
pub fn ward(points: &[f64], d: usize, weights: &[f64]) -> Vec<Merge> {
    let mut w = Ward::new(points, d, weights);
    while !w.step() {}
    w.merges().expect("done").to_vec()
}

/// Flat labels `0..k` from the first `n - k` merges (sorted by height), numbered by first leaf.
pub fn cut(merges: &[Merge], n: usize, k: usize) -> Vec<u32> {
    let mut parent: Vec<usize> = (0..n + merges.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let take = n.saturating_sub(k.max(1)).min(merges.len());
    for (i, m) in merges[..take].iter().enumerate() {
        let new = n + i;
        let (l, r) = (
            find(&mut parent, m.left as usize),
            find(&mut parent, m.right as usize),
        );
        parent[l] = new;
        parent[r] = new;
    }
    let mut ids = std::collections::HashMap::new();
    (0..n)
        .map(|i| {
            let root = find(&mut parent, i);
            let next = ids.len() as u32;
            *ids.entry(root).or_insert(next)
        })
        .collect()
}
