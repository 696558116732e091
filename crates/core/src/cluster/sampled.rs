//! k-means at scale: the exact k-means ([`super::kmeans`], k-means++ with restarts) on a seeded
//! sample of the rows, then a few Lloyd passes over all rows from the sample's centroids
//! ([`Refine`]).
//!
//! k-means++ with restarts costs `restarts x iterations x n x k x d`: at 100,000 prompts, k = 20
//! and d = 64 that is about 30 billion multiply-adds, half a minute natively and far more in the
//! browser. The centroids of a few thousand random rows already sit where the full data's do
//! (Sculley 2010 makes the same bet with mini-batches; scikit-learn's `MiniBatchKMeans` too), so
//! the restarts run on [`SAMPLE_SIZE`] rows and the full data only pays [`REFINE_ITERS`] Lloyd
//! passes, which also move each centroid to the mean of all its rows. Below [`SAMPLE_ABOVE`] rows
//! the job runs the exact k-means, so every existing number at hundreds of prompts is unchanged.

use super::kmeans::{assign_rows, dot, update};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Above this many rows the k-means runs on a sample ([`sample_rows`]) and is refined on all rows.
pub const SAMPLE_ABOVE: usize = 5_000;
/// Rows in the sample: enough for 50 clusters of about 80 rows each.
pub const SAMPLE_SIZE: usize = 4_000;
/// TF-IDF rows the SVD is fitted on above [`SAMPLE_ABOVE`] rows (every row is then projected onto
/// it, `super::svd::project_rows`). Ten thousand prompts give each of 50 topics about 200 rows to
/// shape its directions; `tests/topics_scale.rs` checks the topics against the full SVD's.
pub const SVD_SAMPLE: usize = 10_000;
/// Lloyd passes over all rows after the sample's fit (fewer if no row moves).
pub const REFINE_ITERS: usize = 10;

/// `m` distinct row indices out of `n`, increasing, drawn by a seeded partial Fisher-Yates
/// shuffle (all rows when `m >= n`). The stream is ChaCha8, so every platform draws the same rows.
pub fn sample_rows(n: usize, m: usize, seed: u64) -> Vec<usize> {
    if m >= n {
        return (0..n).collect();
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5A3D_1E55);
    let mut idx: Vec<usize> = (0..n).collect();
    for i in 0..m {
        let j = rng.random_range(i..n);
        idx.swap(i, j);
    }
    let mut out = idx[..m].to_vec();
    out.sort_unstable();
    out
}

/// The rows `rows` of row-major `data` (width `d`), copied in order.
pub fn gather(data: &[f64], d: usize, rows: &[usize]) -> Vec<f64> {
    let mut out = Vec::with_capacity(rows.len() * d);
    for &r in rows {
        out.extend_from_slice(&data[r * d..(r + 1) * d]);
    }
    out
}

/// Resumable Lloyd iterations over all rows from given centroids, in slices of rows.
#[derive(Clone, Debug)]
pub struct Refine {
    d: usize,
    centroids: Vec<f64>,
    cnorm: Vec<f64>,
    assignment: Vec<u32>,
    next: usize,
    changed: bool,
    iter: usize,
    max_iter: usize,
    done: bool,
}

impl Refine {
    /// Starts from `centroids` (`k x d`) for `n` rows.
    pub fn new(centroids: Vec<f64>, d: usize, n: usize, max_iter: usize) -> Refine {
        let cnorm = centroids.chunks(d).map(|c| dot(c, c)).collect();
        Refine {
            d,
            centroids,
            cnorm,
            assignment: vec![u32::MAX; n],
            next: 0,
            changed: false,
            iter: 0,
            max_iter: max_iter.max(1),
            done: false,
        }
    }

    /// Rough fraction done (passes are capped, usually converging early).
    pub fn progress(&self) -> f64 {
        let n = self.assignment.len().max(1);
        ((self.iter as f64 + self.next as f64 / n as f64) / self.max_iter as f64).min(1.0)
    }

    /// Does about `evals` row-to-centre distance evaluations; true when done. The result does not
    /// depend on the slicing: a pass assigns every row against the same centroids.
    pub fn step(&mut self, data: &[f64], evals: usize) -> bool {
        let (d, n) = (self.d, self.assignment.len());
        let k = self.centroids.len() / d;
        let mut left = evals.max(1);
        while !self.done && left > 0 {
            let rows = (left / k.max(1)).max(1);
            let end = (self.next + rows).min(n);
            let (c, _) = assign_rows(
                data,
                d,
                &self.centroids,
                &self.cnorm,
                self.next..end,
                &mut self.assignment,
            );
            self.changed |= c;
            left = left.saturating_sub((end - self.next) * k);
            self.next = end;
            if end == n {
                self.iter += 1;
                if self.changed && self.iter < self.max_iter {
                    update(data, d, &self.assignment, &mut self.centroids);
                    self.cnorm = self.centroids.chunks(d).map(|c| dot(c, c)).collect();
                    self.next = 0;
                    self.changed = false;
                } else {
                    self.done = true;
                }
            }
        }
        self.done
    }

    /// The final assignment, once [`step`](Self::step) returned true.
    pub fn into_assignment(self) -> Vec<u32> {
        self.assignment
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::kmeans::lloyd;

    #[test]
    fn sample_is_distinct_sorted_and_seeded() {
        let s = sample_rows(10_000, 500, 7);
        assert_eq!(s.len(), 500);
        assert!(s.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(s, sample_rows(10_000, 500, 7));
        assert_ne!(s, sample_rows(10_000, 500, 8));
        assert_eq!(sample_rows(5, 9, 1), vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn sliced_refine_equals_one_call_lloyd() {
        // Oracle: `kmeans::lloyd`, the unsliced Lloyd loop, from the same centroids.
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let (n, d, k) = (300, 3, 4);
        let data: Vec<f64> = (0..n * d).map(|_| rng.random::<f64>()).collect();
        let init = data[..k * d].to_vec();
        let oracle = lloyd(&data, d, init.clone(), 7);
        for evals in [1, 13, 1_000, usize::MAX / 2] {
            let mut r = Refine::new(init.clone(), d, n, 7);
            while !r.step(&data, evals) {}
            assert_eq!(r.into_assignment(), oracle.assignment, "evals {evals}");
        }
    }
}
