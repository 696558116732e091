//! Truncated SVD of the sparse TF-IDF matrix (latent semantic analysis) by randomized subspace
//! iteration (Halko, Martinsson & Tropp 2011, algorithm 4.4), as scikit-learn's `TruncatedSVD`.
//!
//! Only products with the sparse matrix and thin orthonormalisations are needed, so the cost is
//! `O(nnz * l)` per pass with `l = dims + 10` columns, small enough for the browser, and the work
//! splits naturally into passes for [`SvdState::step`]. The final small `l x l` problem is solved by
//! cyclic Jacobi (written here: it is short, exact to rounding, and a linear-algebra crate would
//! grow the WASM bundle). The random start comes from a seeded ChaCha8 stream, so the embedding is
//! the same on every platform.

use super::kmeans::dot;
use super::tfidf::Csr;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};

/// Extra columns beyond the target rank: they absorb the tail and make the top directions accurate.
pub const OVERSAMPLE: usize = 10;
/// Power (subspace) iterations: TF-IDF spectra decay slowly, and sklearn's default for this case is
/// also a handful.
pub const DEFAULT_ITERS: usize = 4;

/// Eigen-decomposition of a symmetric `n x n` row-major matrix by cyclic Jacobi rotations.
/// Returns eigenvalues in descending order and the eigenvectors as the columns of a row-major matrix.
pub fn sym_eigen(a: &[f64], n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut j = Jacobi::new(a, n);
    while !j.sweep() {}
    j.finish()
}

/// A cyclic Jacobi solve, resumable one sweep at a time: at `l = 74` a full solve is ~10 sweeps of
/// ~4 M flops each, too long for one browser step.
#[derive(Clone, Debug)]
pub struct Jacobi {
    n: usize,
    a: Vec<f64>,
    /// Eigenvectors so far, transposed (row `i` is vector `i`) so that rotations touch rows.
    vt: Vec<f64>,
    sweeps: usize,
}

impl Jacobi {
    pub fn new(a: &[f64], n: usize) -> Jacobi {
        let mut vt = vec![0.0; n * n];
        for i in 0..n {
            vt[i * n + i] = 1.0;
        }
        Jacobi {
            n,
            a: a.to_vec(),
            vt,
            sweeps: 0,
        }
    }

    /// One sweep over all off-diagonal pairs; returns true once converged (or after 60 sweeps).
    pub fn sweep(&mut self) -> bool {
        let n = self.n;
        let a = &mut self.a;
        let off: f64 = (0..n)
            .map(|i| {
                (0..n)
                    .filter(|&j| j != i)
                    .map(|j| a[i * n + j] * a[i * n + j])
                    .sum::<f64>()
            })
            .sum();
        let scale: f64 = (0..n).map(|i| a[i * n + i] * a[i * n + i]).sum();
        // Off-diagonal mass below 1e-24 of the diagonal's: eigenvalues to ~1e-12 relative, far
        // below what clustering can notice, in fewer sweeps than full convergence.
        if off <= 1e-24 * scale.max(1e-300) || self.sweeps >= 60 {
            return true;
        }
        self.sweeps += 1;
        for p in 0..n {
            for q in (p + 1)..n {
                let apq = a[p * n + q];
                if apq.abs() < 1e-300 {
                    continue;
                }
                let theta = (a[q * n + q] - a[p * n + p]) / (2.0 * apq);
                let sign = if theta >= 0.0 { 1.0 } else { -1.0 };
                // The smaller root of t^2 + 2 theta t - 1 = 0: the rotation angle stays below pi/4.
                let t = sign / (theta.abs() + (theta * theta + 1.0).sqrt());
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..n {
                    let (akp, akq) = (a[k * n + p], a[k * n + q]);
                    a[k * n + p] = c * akp - s * akq;
                    a[k * n + q] = s * akp + c * akq;
                }
                rotate_rows(a, n, p, q, c, s);
                rotate_rows(&mut self.vt, n, p, q, c, s);
            }
        }
        false
    }

    /// Eigenvalues in descending order and eigenvectors as columns (row-major), each with its
    /// largest component positive so results are identical across runs.
    pub fn finish(self) -> (Vec<f64>, Vec<f64>) {
        let (n, a, vt) = (self.n, self.a, self.vt);
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&i, &j| a[j * n + j].total_cmp(&a[i * n + i]).then(i.cmp(&j)));
        let vals = order.iter().map(|&i| a[i * n + i]).collect();
        let mut vecs = vec![0.0; n * n];
        for (c, &o) in order.iter().enumerate() {
            let col = &vt[o * n..(o + 1) * n];
            let big = col
                .iter()
                .copied()
                .fold(0.0f64, |m, x| if x.abs() > m.abs() { x } else { m });
            let sign = if big < 0.0 { -1.0 } else { 1.0 };
            for k in 0..n {
                vecs[k * n + c] = sign * col[k];
            }
        }
        (vals, vecs)
    }
}

/// Rows p and q of a row-major `n x n` matrix become `c p - s q` and `s p + c q`.
fn rotate_rows(m: &mut [f64], n: usize, p: usize, q: usize, c: f64, s: f64) {
    let (head, tail) = m.split_at_mut(q * n);
    let (rp, rq) = (&mut head[p * n..(p + 1) * n], &mut tail[..n]);
    for (x, y) in rp.iter_mut().zip(rq.iter_mut()) {
        let (xp, yq) = (*x, *y);
        *x = c * xp - s * yq;
        *y = s * xp + c * yq;
    }
}

/// `Y = X * Z` with `Z` row-major `x.cols x l`.
fn mul(x: &Csr, z: &[f64], l: usize) -> Vec<f64> {
    let mut y = vec![0.0; x.rows * l];
    for i in 0..x.rows {
        let yi = &mut y[i * l..(i + 1) * l];
        for (j, v) in x.row(i) {
            for (a, b) in yi.iter_mut().zip(&z[j * l..(j + 1) * l]) {
                *a += v * b;
            }
        }
    }
    y
}

/// `Z = X^T * Y` with `Y` row-major `x.rows x l`.
fn mul_t(x: &Csr, y: &[f64], l: usize) -> Vec<f64> {
    let mut z = vec![0.0; x.cols * l];
    for i in 0..x.rows {
        let yi = &y[i * l..(i + 1) * l];
        for (j, v) in x.row(i) {
            for (a, b) in z[j * l..(j + 1) * l].iter_mut().zip(yi) {
                *a += v * b;
            }
        }
    }
    z
}

/// Orthonormalises the columns of a row-major `rows x l` matrix in place by modified Gram-Schmidt,
/// `passes` times (twice gives orthogonality to rounding; once is enough between power iterations,
/// which only need the columns kept apart, as scikit-learn's LU normaliser). A column that vanishes
/// (rank deficiency) is left zero: it then contributes a zero singular value instead of noise.
fn orthonormalise(m: &mut [f64], rows: usize, l: usize, passes: usize) {
    let mut cols: Vec<Vec<f64>> = (0..l)
        .map(|c| (0..rows).map(|r| m[r * l + c]).collect())
        .collect();
    let norms0: Vec<f64> = cols
        .iter()
        .map(|c| c.iter().map(|x| x * x).sum::<f64>().sqrt())
        .collect();
    for c in 0..l {
        for _ in 0..passes {
            for p in 0..c {
                let (done, rest) = cols.split_at_mut(c);
                let d = dot(&done[p], &rest[0]);
                for (x, q) in rest[0].iter_mut().zip(&done[p]) {
                    *x -= d * q;
                }
            }
        }
        let n = cols[c].iter().map(|x| x * x).sum::<f64>().sqrt();
        if n > 1e-10 * norms0[c].max(1e-300) && n > 1e-300 {
            cols[c].iter_mut().for_each(|x| *x /= n);
        } else {
            cols[c].iter_mut().for_each(|x| *x = 0.0);
        }
    }
    for (c, col) in cols.iter().enumerate() {
        for (r, &x) in col.iter().enumerate() {
            m[r * l + c] = x;
        }
    }
}

/// The result: `embedding` is row-major `rows x dims`, `U * S` (rows not yet normalised).
#[derive(Clone, Debug, Default)]
pub struct Svd {
    pub dims: usize,
    pub singular_values: Vec<f64>,
    pub embedding: Vec<f64>,
    /// The right singular vectors `V`, row-major `cols x dims`, when asked for
    /// ([`SvdState::with_components`]); empty otherwise. `X V = U S`, so [`project_rows`] embeds
    /// rows the fit never saw.
    pub components: Vec<f64>,
}

/// Randomized SVD, resumable one matrix pass at a time.
#[derive(Clone, Debug)]
pub struct SvdState {
    dims: usize,
    l: usize,
    iters: usize,
    /// Passes done: 0 = start, then alternating `X^T Q` / `X Z` passes, then the final solve.
    pass: usize,
    q: Vec<f64>,
    /// The small `l x l` problem, solved a sweep per step, between the last two passes.
    small: Option<Jacobi>,
    seed: u64,
    /// Whether to keep `V` ([`Svd::components`]), and `B^T = X^T Q` until it is computed.
    components: bool,
    bt: Vec<f64>,
    result: Option<Svd>,
}

impl SvdState {
    /// Rank `dims` (capped by the matrix shape), `iters` power iterations, seeded start.
    pub fn new(x: &Csr, dims: usize, iters: usize, seed: u64) -> SvdState {
        let dims = dims.min(x.rows).min(x.cols);
        let l = (dims + OVERSAMPLE).min(x.rows).min(x.cols);
        SvdState {
            dims,
            l,
            iters,
            pass: 0,
            q: Vec::new(),
            small: None,
            seed,
            components: false,
            bt: Vec::new(),
            result: None,
        }
    }

    /// Also computes the right singular vectors ([`Svd::components`]): `cols x dims` more memory
    /// and `cols x l x dims` more work at the end.
    pub fn with_components(mut self) -> SvdState {
        self.components = true;
        self
    }

    /// Passes left, for progress reporting (each costs about `nnz * l`).
    pub fn total_passes(&self) -> usize {
        3 + 2 * self.iters
    }
    pub fn passes_done(&self) -> usize {
        self.pass
    }
    pub fn result(&self) -> Option<&Svd> {
        self.result.as_ref()
    }
    pub fn into_result(self) -> Option<Svd> {
        self.result
    }

    /// Does one pass over the matrix; returns true when finished.
    pub fn step(&mut self, x: &Csr) -> bool {
        if self.result.is_some() {
            return true;
        }
        let l = self.l;
        if l == 0 {
            self.result = Some(Svd {
                dims: 0,
                singular_values: Vec::new(),
                embedding: Vec::new(),
                components: Vec::new(),
            });
            return true;
        }
        if self.pass == 0 {
            let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
            let omega: Vec<f64> = (0..x.cols * l)
                .map(|_| StandardNormal.sample(&mut rng))
                .collect();
            self.q = mul(x, &omega, l);
            orthonormalise(&mut self.q, x.rows, l, if self.iters == 0 { 2 } else { 1 });
        } else if self.pass <= 2 * self.iters {
            if self.pass % 2 == 1 {
                self.q = mul_t(x, &self.q, l);
                orthonormalise(&mut self.q, x.cols, l, 1);
            } else {
                self.q = mul(x, &self.q, l);
                // The last Q defines the projection, so it gets the second pass.
                let passes = if self.pass == 2 * self.iters { 2 } else { 1 };
                orthonormalise(&mut self.q, x.rows, l, passes);
            }
        } else if self.small.is_none() {
            // B^T = X^T Q (cols x l); B B^T = (B^T)^T B^T is l x l with eigenvalues sigma^2.
            let bt = mul_t(x, &self.q, l);
            let mut g = vec![0.0; l * l];
            for row in bt.chunks(l) {
                for a in 0..l {
                    if row[a] == 0.0 {
                        continue;
                    }
                    for b in a..l {
                        g[a * l + b] += row[a] * row[b];
                    }
                }
            }
            for a in 0..l {
                for b in 0..a {
                    g[a * l + b] = g[b * l + a];
                }
            }
            self.small = Some(Jacobi::new(&g, l));
            if self.components {
                self.bt = bt;
            }
        } else if !self.small.as_mut().expect("small problem set up").sweep() {
            // One Jacobi sweep per step; the pass count moves on once it converges.
            return false;
        } else {
            let (vals, vecs) = self.small.take().expect("small problem solved").finish();
            let sv: Vec<f64> = vals[..self.dims]
                .iter()
                .map(|v| v.max(0.0).sqrt())
                .collect();
            let d = self.dims;
            // U S = Q W S, so row i of the embedding is (Q_i . W_c) * s_c.
            let wcols: Vec<Vec<f64>> = (0..d)
                .map(|c| (0..l).map(|k| vecs[k * l + c]).collect())
                .collect();
            let mut emb = vec![0.0; x.rows * d];
            for (qi, ei) in self.q.chunks(l).zip(emb.chunks_mut(d)) {
                for ((e, w), s) in ei.iter_mut().zip(&wcols).zip(&sv) {
                    *e = dot(qi, w) * s;
                }
            }
            self.q = Vec::new();
            // V = B^T W S^-1 (B^T = X^T Q), so that X V = Q Q^T X V = Q W S on the fitted rows.
            // A zero singular value has no direction: its column of V stays zero.
            let mut components = Vec::new();
            if self.components {
                components = vec![0.0; x.cols * d];
                for (bj, vj) in self.bt.chunks(l).zip(components.chunks_mut(d)) {
                    for ((v, w), s) in vj.iter_mut().zip(&wcols).zip(&sv) {
                        if *s > 0.0 {
                            *v = dot(bj, w) / s;
                        }
                    }
                }
                self.bt = Vec::new();
            }
            self.result = Some(Svd {
                dims: d,
                singular_values: sv,
                embedding: emb,
                components,
            });
            self.pass += 1;
            return true;
        }
        self.pass += 1;
        false
    }
}

/// Rows `from..to` of `X V`: each row of the sparse `x` projected onto the `d` right singular
/// vectors `v` (row-major `x.cols x d`), appended to `out`. Costs `nnz(rows) x d`.
pub fn project_rows(x: &Csr, v: &[f64], d: usize, from: usize, to: usize, out: &mut Vec<f64>) {
    for i in from..to {
        let start = out.len();
        out.resize(start + d, 0.0);
        let yi = &mut out[start..];
        for (j, xv) in x.row(i) {
            for (a, b) in yi.iter_mut().zip(&v[j * d..(j + 1) * d]) {
                *a += xv * b;
            }
        }
    }
}

/// The rows `rows` of `x`, in order, as a matrix of their own (same columns).
pub fn select_rows(x: &Csr, rows: &[usize]) -> Csr {
    let mut m = Csr {
        rows: rows.len(),
        cols: x.cols,
        indptr: Vec::with_capacity(rows.len() + 1),
        ..Csr::default()
    };
    m.indptr.push(0);
    for &r in rows {
        let span = x.indptr[r]..x.indptr[r + 1];
        m.indices.extend_from_slice(&x.indices[span.clone()]);
        m.values.extend_from_slice(&x.values[span]);
        m.indptr.push(m.values.len());
    }
    m
}

/// Truncated SVD in one call.
pub fn truncated_svd(x: &Csr, dims: usize, iters: usize, seed: u64) -> Svd {
    let mut s = SvdState::new(x, dims, iters, seed);
    while !s.step(x) {}
    s.into_result().expect("finished")
}

/// Scales each row of a row-major `rows x d` matrix to unit length (zero rows stay zero).
pub fn normalise_rows(m: &mut [f64], d: usize) {
    if d == 0 {
        return;
    }
    for row in m.chunks_mut(d) {
        let n = row.iter().map(|x| x * x).sum::<f64>().sqrt();
        if n > 0.0 {
            row.iter_mut().for_each(|x| *x /= n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_project_the_fitted_rows_onto_their_embedding() {
        // A 6 x 4 matrix of full column rank, dims = 4 = cols: the subspace is exact, so X V must
        // equal U S to rounding (X V = Q Q^T X V and Q spans X's columns). Tolerance 1e-9: a
        // handful of orthonormalisations and Jacobi sweeps on 4 x 4 numbers.
        let dense = [
            [1.0, 0.0, 2.0, 0.0],
            [0.0, 3.0, 0.0, 1.0],
            [1.0, 1.0, 0.0, 0.0],
            [0.0, 0.0, 1.0, 4.0],
            [2.0, 0.0, 0.0, 1.0],
            [0.0, 1.0, 1.0, 0.0],
        ];
        let mut x = Csr {
            rows: 6,
            cols: 4,
            indptr: vec![0],
            ..Csr::default()
        };
        for r in dense {
            for (j, v) in r.iter().enumerate().filter(|(_, v)| **v != 0.0) {
                x.indices.push(j as u32);
                x.values.push(*v);
            }
            x.indptr.push(x.values.len());
        }
        let mut s = SvdState::new(&x, 4, 2, 7).with_components();
        while !s.step(&x) {}
        let svd = s.into_result().unwrap();
        let mut projected = Vec::new();
        project_rows(&x, &svd.components, svd.dims, 0, 6, &mut projected);
        for (a, b) in projected.iter().zip(&svd.embedding) {
            assert!((a - b).abs() < 1e-9, "{a} vs {b}");
        }
        // Rows 1 and 3 as a matrix of their own.
        let sub = select_rows(&x, &[1, 3]);
        assert_eq!(sub.to_dense(), [0.0, 3.0, 0.0, 1.0, 0.0, 0.0, 1.0, 4.0]);
    }

    #[test]
    fn jacobi_on_a_known_matrix() {
        // [[2,1],[1,2]] has eigenvalues 3 and 1 with eigenvectors (1,1)/sqrt2 and (1,-1)/sqrt2.
        let (vals, vecs) = sym_eigen(&[2.0, 1.0, 1.0, 2.0], 2);
        assert!((vals[0] - 3.0).abs() < 1e-12 && (vals[1] - 1.0).abs() < 1e-12);
        let h = 0.5f64.sqrt();
        assert!((vecs[0].abs() - h).abs() < 1e-12 && (vecs[2].abs() - h).abs() < 1e-12);
    }
}
