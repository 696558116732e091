//! Two-dimensional coordinates for the prompt map: the first two principal components of the
//! embedding, each scaled to [0, 1].
//!
//! PCA is linear, cheap (`O(n d²)` for the covariance) and deterministic, which matters more here
//! than the prettier layouts of t-SNE or UMAP: the same data and seed must draw the same map in the
//! CLI and in every browser. Only two eigenvectors are needed, so they come from subspace (power)
//! iteration on the covariance rather than a full Jacobi solve, which costs ten times more at
//! d = 64. The axes are scaled independently so the map fills its canvas.

use super::kmeans::dot;

/// The top two eigenvectors of a symmetric positive semi-definite `d x d` matrix, by subspace
/// iteration from a fixed start; each with its largest component positive.
fn top2(cov: &[f64], d: usize) -> [Vec<f64>; 2] {
    let mut v: [Vec<f64>; 2] = [
        (0..d).map(|j| 1.0 / (j + 1) as f64).collect(),
        (0..d)
            .map(|j| if j % 2 == 0 { 1.0 } else { -1.0 } / (j + 2) as f64)
            .collect(),
    ];
    for _ in 0..500 {
        let mut w: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
        for (wi, vi) in w.iter_mut().zip(&v) {
            *wi = cov.chunks(d).map(|row| dot(row, vi)).collect();
        }
        // Gram-Schmidt keeps the second vector off the first.
        let (a, b) = w.split_at_mut(1);
        let na = dot(&a[0], &a[0]).sqrt();
        if na == 0.0 {
            break;
        }
        a[0].iter_mut().for_each(|x| *x /= na);
        let p = dot(&a[0], &b[0]);
        b[0].iter_mut().zip(&a[0]).for_each(|(x, y)| *x -= p * y);
        let nb = dot(&b[0], &b[0]).sqrt();
        if nb > 0.0 {
            b[0].iter_mut().for_each(|x| *x /= nb);
        }
        let moved: f64 = w.iter().zip(&v).map(|(x, y)| 1.0 - dot(x, y).abs()).sum();
        v = w;
        if moved < 1e-14 {
            break;
        }
    }
    for vi in &mut v {
        let big = vi
            .iter()
            .copied()
            .fold(0.0f64, |m, x| if x.abs() > m.abs() { x } else { m });
        if big < 0.0 {
            vi.iter_mut().for_each(|x| *x = -*x);
        }
    }
    v
}

/// Row-major `n x d` embedding in, one `[x, y]` per row out.
pub fn pca_2d(emb: &[f64], d: usize) -> Vec<[f64; 2]> {
    let mut p = Pca2d::new(emb, d);
    while !p.step(emb, usize::MAX) {}
    p.into_points()
}

/// Where a [`Pca2d`] is: three passes over the rows, then the scaling.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Phase {
    Mean,
    Covariance,
    Project,
    Done,
}

/// [`pca_2d`] in slices of rows, so that the worker can report progress and drop an abandoned
/// request between them (at 100,000 prompts and d = 64 the covariance alone is 200 million
/// multiply-adds). The sums run over the rows in the same order as one call, so the points are
/// identical to the last bit.
#[derive(Clone, Debug)]
pub struct Pca2d {
    d: usize,
    n: usize,
    phase: Phase,
    next: usize,
    mean: Vec<f64>,
    cov: Vec<f64>,
    axes: [Vec<f64>; 2],
    pts: Vec<[f64; 2]>,
}

impl Pca2d {
    pub fn new(emb: &[f64], d: usize) -> Pca2d {
        let n = emb.len().checked_div(d).unwrap_or(0);
        Pca2d {
            d,
            n,
            phase: if n == 0 { Phase::Done } else { Phase::Mean },
            next: 0,
            mean: vec![0.0; d],
            cov: Vec::new(),
            axes: [Vec::new(), Vec::new()],
            pts: Vec::with_capacity(n),
        }
    }

    /// Rows visited so far over the three passes, out of `3 n`.
    pub fn progress(&self) -> f64 {
        let pass = match self.phase {
            Phase::Mean => 0,
            Phase::Covariance => 1,
            Phase::Project => 2,
            Phase::Done => return 1.0,
        };
        (pass * self.n + self.next) as f64 / (3 * self.n).max(1) as f64
    }

    /// Visits up to `rows` rows of the current pass; returns true once the points are done.
    pub fn step(&mut self, emb: &[f64], rows: usize) -> bool {
        let (d, n) = (self.d, self.n);
        let to = self.next.saturating_add(rows).min(n);
        let chunk = &emb[self.next * d..to * d];
        match self.phase {
            Phase::Mean => {
                for row in chunk.chunks(d) {
                    for (m, x) in self.mean.iter_mut().zip(row) {
                        *m += x / n as f64;
                    }
                }
            }
            Phase::Covariance => {
                if self.cov.is_empty() {
                    self.cov = vec![0.0; d * d];
                }
                for row in chunk.chunks(d) {
                    let c: Vec<f64> = row.iter().zip(&self.mean).map(|(x, m)| x - m).collect();
                    for a in 0..d {
                        for b in a..d {
                            self.cov[a * d + b] += c[a] * c[b];
                        }
                    }
                }
            }
            Phase::Project => {
                let axes = &self.axes;
                self.pts.extend(chunk.chunks(d).map(|row| {
                    let c: Vec<f64> = row.iter().zip(&self.mean).map(|(x, m)| x - m).collect();
                    [
                        dot(&c, &axes[0]),
                        if d > 1 { dot(&c, &axes[1]) } else { 0.0 },
                    ]
                }));
            }
            Phase::Done => return true,
        }
        self.next = to;
        if to < n {
            return false;
        }
        self.next = 0;
        self.phase = match self.phase {
            Phase::Mean => Phase::Covariance,
            Phase::Covariance => {
                for a in 0..d {
                    for b in 0..a {
                        self.cov[a * d + b] = self.cov[b * d + a];
                    }
                }
                self.axes = top2(&self.cov, d);
                Phase::Project
            }
            _ => {
                for ax in 0..2 {
                    let lo = self.pts.iter().map(|p| p[ax]).fold(f64::INFINITY, f64::min);
                    let hi = self
                        .pts
                        .iter()
                        .map(|p| p[ax])
                        .fold(f64::NEG_INFINITY, f64::max);
                    let span = hi - lo;
                    for p in &mut self.pts {
                        p[ax] = if span > 0.0 { (p[ax] - lo) / span } else { 0.5 };
                    }
                }
                Phase::Done
            }
        };
        self.phase == Phase::Done
    }

    /// The points, once [`step`](Self::step) returned true.
    pub fn into_points(self) -> Vec<[f64; 2]> {
        self.pts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_axes_match_jacobi() {
        let cov = [4.0, 1.0, 0.5, 1.0, 3.0, 0.2, 0.5, 0.2, 1.0];
        let (_, vecs) = super::super::svd::sym_eigen(&cov, 3);
        let v = top2(&cov, 3);
        for ax in 0..2 {
            let col: Vec<f64> = (0..3).map(|k| vecs[k * 3 + ax]).collect();
            assert!((dot(&col, &v[ax]).abs() - 1.0).abs() < 1e-10, "axis {ax}");
        }
    }

    #[test]
    fn sliced_equals_one_call() {
        // Rows of a deterministic 7 x 3 embedding, visited two at a time: the same bits.
        let emb: Vec<f64> = (0..21)
            .map(|i| ((i * 37 % 11) as f64 - 5.0) / 3.0)
            .collect();
        let mut p = Pca2d::new(&emb, 3);
        while !p.step(&emb, 2) {}
        assert_eq!(p.into_points(), pca_2d(&emb, 3));
    }

    #[test]
    fn points_fill_the_unit_square() {
        let emb = [1.0, 0.0, 0.0, 1.0, -1.0, 0.0, 0.0, -0.5];
        let p = pca_2d(&emb, 2);
        assert_eq!(p.len(), 4);
        for ax in 0..2 {
            let lo = p.iter().map(|q| q[ax]).fold(f64::INFINITY, f64::min);
            let hi = p.iter().map(|q| q[ax]).fold(f64::NEG_INFINITY, f64::max);
            assert_eq!((lo, hi), (0.0, 1.0));
        }
    }
}
