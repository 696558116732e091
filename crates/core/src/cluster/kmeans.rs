//! Seeded k-means: k-means++ seeding, Lloyd iterations, several restarts keeping the lowest inertia.
//!
//! Rows of the LSA embedding are unit vectors, so squared Euclidean distance is `2 - 2 cos`:
//! Euclidean k-means here is spherical-ish k-means on cosine similarity, the usual choice for text.
//! Distances are computed as `|x|^2 + |c|^2 - 2 x.c`, one dot product per pair, which is the whole
//! cost of an iteration. The state machine ([`KMeans::step`]) exists so the browser can run the
//! restarts and iterations a slice at a time; [`kmeans`] runs it to the end.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Restarts by default: k-means++ is good but a few tries avoid a bad seeding on small clusters.
pub const DEFAULT_RESTARTS: usize = 4;
/// Lloyd iterations cap per restart (text embeddings converge in well under this).
pub const MAX_ITER: usize = 60;

/// A finished k-means fit.
#[derive(Clone, Debug, PartialEq)]
pub struct KMeansFit {
    pub assignment: Vec<u32>,
    /// Row-major `k x d`.
    pub centroids: Vec<f64>,
    /// Sum of squared distances to the assigned centroid.
    pub inertia: f64,
}

/// Dot product with four running sums: a float sum may not be reordered by the compiler, so a
/// single accumulator waits on every add; four independent ones pipeline and vectorise (about 3x on
/// the 64-wide rows here). This is the inner loop of k-means and Ward.
#[inline]
pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    let (ca, cb) = (a.chunks_exact(4), b.chunks_exact(4));
    let mut t: f64 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    let mut s = [0.0; 4];
    for (x, y) in ca.zip(cb) {
        for j in 0..4 {
            s[j] += x[j] * y[j];
        }
    }
    t += (s[0] + s[1]) + (s[2] + s[3]);
    t
}

/// k-means++ seeding: each next centre is drawn with probability proportional to the squared
/// distance to the nearest centre already chosen.
pub fn kmeans_pp(data: &[f64], d: usize, k: usize, rng: &mut ChaCha8Rng) -> Vec<f64> {
    let n = data.len() / d;
    let mut centroids = Vec::with_capacity(k * d);
    let first = rng.random_range(0..n);
    centroids.extend_from_slice(&data[first * d..(first + 1) * d]);
    let mut closest: Vec<f64> = data
        .chunks(d)
        .map(|x| sq_dist(x, &centroids[..d]))
        .collect();
    for _ in 1..k {
        let pick = draw(&closest, rng);
        let c = data[pick * d..(pick + 1) * d].to_vec();
        for (x, cl) in data.chunks(d).zip(closest.iter_mut()) {
            let dd = sq_dist(x, &c);
            if dd < *cl {
                *cl = dd;
            }
        }
        centroids.extend_from_slice(&c);
    }
    centroids
}

/// Squared Euclidean distance, with four running sums as [`dot`].
#[inline]
pub fn sq_dist(a: &[f64], b: &[f64]) -> f64 {
    let (ca, cb) = (a.chunks_exact(4), b.chunks_exact(4));
    let mut t: f64 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| (x - y) * (x - y))
        .sum();
    let mut s = [0.0; 4];
    for (x, y) in ca.zip(cb) {
        for j in 0..4 {
            let d = x[j] - y[j];
            s[j] += d * d;
        }
    }
    t += (s[0] + s[1]) + (s[2] + s[3]);
    t
}

/// Assigns each row to its nearest centroid (lowest index on ties); returns whether any changed and
/// the inertia.
pub fn assign(data: &[f64], d: usize, centroids: &[f64], assignment: &mut [u32]) -> (bool, f64) {
    let cnorm: Vec<f64> = centroids.chunks(d).map(|c| dot(c, c)).collect();
    assign_rows(data, d, centroids, &cnorm, 0..data.len() / d, assignment)
}

/// [`assign`] on a range of rows, with the centroids' squared norms precomputed.
pub(crate) fn assign_rows(
    data: &[f64],
    d: usize,
    centroids: &[f64],
    cnorm: &[f64],
    rows: std::ops::Range<usize>,
    assignment: &mut [u32],
) -> (bool, f64) {
    let mut changed = false;
    let mut inertia = 0.0;
    for i in rows {
        let x = &data[i * d..(i + 1) * d];
        let xn = dot(x, x);
        let (mut best, mut best_d) = (0usize, f64::INFINITY);
        for (c, cent) in centroids.chunks(d).enumerate() {
            let dist = xn + cnorm[c] - 2.0 * dot(x, cent);
            if dist < best_d {
                best_d = dist;
                best = c;
            }
        }
        if assignment[i] != best as u32 {
            assignment[i] = best as u32;
            changed = true;
        }
        inertia += best_d.max(0.0);
    }
    (changed, inertia)
}

/// Moves each centroid to the mean of its rows; an empty cluster keeps its old centre, so that k
/// stays fixed and the result is deterministic.
pub fn update(data: &[f64], d: usize, assignment: &[u32], centroids: &mut [f64]) {
    let k = centroids.len() / d;
    let mut sums = vec![0.0; k * d];
    let mut counts = vec![0usize; k];
    for (x, &a) in data.chunks(d).zip(assignment) {
        counts[a as usize] += 1;
        for (s, v) in sums[a as usize * d..(a as usize + 1) * d].iter_mut().zip(x) {
            *s += v;
        }
    }
    for c in 0..k {
        if counts[c] > 0 {
            for j in 0..d {
                centroids[c * d + j] = sums[c * d + j] / counts[c] as f64;
            }
        }
    }
}

/// Lloyd iterations from given centroids until no row moves or `max_iter`.
pub fn lloyd(data: &[f64], d: usize, mut centroids: Vec<f64>, max_iter: usize) -> KMeansFit {
    let n = data.len() / d;
    let mut assignment = vec![u32::MAX; n];
    let mut iter = 0;
    loop {
        let (changed, inertia) = assign(data, d, &centroids, &mut assignment);
        iter += 1;
        if !changed || iter >= max_iter {
            return KMeansFit {
                assignment,
                centroids,
                inertia,
            };
        }
        update(data, d, &assignment, &mut centroids);
    }
}

/// Where the current restart is.
#[derive(Clone, Debug)]
enum Phase {
    /// k-means++ seeding; `closest` is each row's squared distance to the nearest chosen centre.
    Seeding { closest: Vec<f64> },
    /// A Lloyd assignment pass, rows `next..` still to do.
    Assign {
        next: usize,
        changed: bool,
        inertia: f64,
        cnorm: Vec<f64>,
    },
}

#[derive(Clone, Debug)]
struct Run {
    centroids: Vec<f64>,
    assignment: Vec<u32>,
    phase: Phase,
}

/// Resumable k-means with restarts. Work is counted in point-to-centre distance evaluations, and a
/// step may stop in the middle of a seeding or an assignment pass, so one step stays short even when
/// a whole pass (`n * k * d`) would not.
#[derive(Clone, Debug)]
pub struct KMeans {
    d: usize,
    k: usize,
    restarts: usize,
    max_iter: usize,
    rng: ChaCha8Rng,
    restart: usize,
    iter: usize,
    current: Option<Run>,
    best: Option<KMeansFit>,
}

impl KMeans {
    pub fn new(d: usize, k: usize, restarts: usize, max_iter: usize, seed: u64) -> KMeans {
        KMeans {
            d,
            k,
            restarts: restarts.max(1),
            max_iter: max_iter.max(1),
            rng: ChaCha8Rng::seed_from_u64(seed),
            restart: 0,
            iter: 0,
            current: None,
            best: None,
        }
    }

    /// Rough fraction done (iterations are capped, usually converging early).
    pub fn progress(&self) -> f64 {
        (self.restart as f64 + (self.iter as f64 / self.max_iter as f64).min(0.9))
            / self.restarts as f64
    }
    pub fn is_done(&self) -> bool {
        self.restart >= self.restarts
    }
    pub fn best(&self) -> Option<&KMeansFit> {
        self.best.as_ref()
    }
    pub fn into_best(self) -> Option<KMeansFit> {
        self.best
    }

    /// Does about `evals` distance evaluations (at least one row or one centre); returns true when
    /// all restarts are done. Seeding draws from the same ChaCha8 stream whatever the step sizes, so
    /// the result does not depend on how the work is sliced.
    pub fn step(&mut self, data: &[f64], evals: usize) -> bool {
        let d = self.d;
        let n = data.len() / d;
        let mut left = evals.max(1) as isize;
        while left > 0 && !self.is_done() {
            let Some(mut run) = self.current.take() else {
                let first = self.rng.random_range(0..n);
                let c = data[first * d..(first + 1) * d].to_vec();
                let closest = data.chunks(d).map(|x| sq_dist(x, &c)).collect();
                self.current = Some(Run {
                    centroids: c,
                    assignment: vec![u32::MAX; n],
                    phase: Phase::Seeding { closest },
                });
                self.iter = 0;
                left -= n as isize;
                continue;
            };
            match &mut run.phase {
                Phase::Seeding { closest } => {
                    if run.centroids.len() / d < self.k {
                        let pick = draw(closest, &mut self.rng);
                        let c = data[pick * d..(pick + 1) * d].to_vec();
                        for (x, cl) in data.chunks(d).zip(closest.iter_mut()) {
                            let dd = sq_dist(x, &c);
                            if dd < *cl {
                                *cl = dd;
                            }
                        }
                        run.centroids.extend_from_slice(&c);
                        left -= n as isize;
                    }
                    if run.centroids.len() / d >= self.k {
                        run.phase = assign_phase(&run.centroids, d);
                    }
                }
                Phase::Assign {
                    next,
                    changed,
                    inertia,
                    cnorm,
                } => {
                    let rows = ((left as usize) / self.k).max(1);
                    let end = (*next + rows).min(n);
                    let (c, e) = assign_rows(
                        data,
                        d,
                        &run.centroids,
                        cnorm,
                        *next..end,
                        &mut run.assignment,
                    );
                    *changed |= c;
                    *inertia += e;
                    left -= ((end - *next) * self.k) as isize;
                    *next = end;
                    if end == n {
                        self.iter += 1;
                        let (changed, inertia) = (*changed, *inertia);
                        if changed && self.iter < self.max_iter {
                            update(data, d, &run.assignment, &mut run.centroids);
                            run.phase = assign_phase(&run.centroids, d);
                        } else {
                            if self.best.as_ref().is_none_or(|b| inertia < b.inertia) {
                                self.best = Some(KMeansFit {
                                    assignment: run.assignment,
                                    centroids: run.centroids,
                                    inertia,
                                });
                            }
                            self.restart += 1;
                            self.iter = 0;
                            continue;
                        }
                    }
                }
            }
            self.current = Some(run);
        }
        self.is_done()
    }
}

fn assign_phase(centroids: &[f64], d: usize) -> Phase {
    Phase::Assign {
        next: 0,
        changed: false,
        inertia: 0.0,
        cnorm: centroids.chunks(d).map(|c| dot(c, c)).collect(),
    }
}

/// A row drawn with probability proportional to `weights` (any row if they are all zero, which
/// happens with fewer distinct points than k: the extra clusters then stay empty or duplicate).
fn draw(weights: &[f64], rng: &mut ChaCha8Rng) -> usize {
    let total: f64 = weights.iter().sum();
    if total <= 0.0 {
        return rng.random_range(0..weights.len());
    }
    let mut r = rng.random::<f64>() * total;
    for (i, &w) in weights.iter().enumerate() {
        if r < w {
            return i;
        }
        r -= w;
    }
    weights.len() - 1
}

/// k-means on row-major `n x d` data in one call.
pub fn kmeans(data: &[f64], d: usize, k: usize, restarts: usize, seed: u64) -> KMeansFit {
    let mut km = KMeans::new(d, k, restarts, MAX_ITER, seed);
    while !km.step(data, usize::MAX / 2) {}
    km.into_best().expect("at least one restart")
}
