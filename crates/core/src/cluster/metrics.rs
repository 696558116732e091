//! Agreement between two partitions: adjusted Rand index and normalised mutual information, as
//! scikit-learn's `adjusted_rand_score` and `normalized_mutual_info_score` (arithmetic-mean
//! normalisation, its default). Used to check computed clusters against planted or shipped labels.
//!
//! Labels can be any hashable values; only which items share a label matters.

use std::collections::HashMap;
use std::hash::Hash;

struct Contingency {
    n: f64,
    /// (row, column, count) of the non-empty cells.
    cells: Vec<(usize, usize, f64)>,
    rows: Vec<f64>,
    cols: Vec<f64>,
}

fn contingency<A: Hash + Eq, B: Hash + Eq>(a: &[A], b: &[B]) -> Contingency {
    assert_eq!(a.len(), b.len(), "partitions of different lengths");
    let mut ia: HashMap<&A, usize> = HashMap::new();
    let mut ib: HashMap<&B, usize> = HashMap::new();
    let mut cells: HashMap<(usize, usize), f64> = HashMap::new();
    for (x, y) in a.iter().zip(b) {
        let na = ia.len();
        let i = *ia.entry(x).or_insert(na);
        let nb = ib.len();
        let j = *ib.entry(y).or_insert(nb);
        *cells.entry((i, j)).or_insert(0.0) += 1.0;
    }
    let mut rows = vec![0.0; ia.len()];
    let mut cols = vec![0.0; ib.len()];
    for (&(i, j), &c) in &cells {
        rows[i] += c;
        cols[j] += c;
    }
    // Sorted so that floating-point sums do not depend on hash order.
    let mut keys: Vec<_> = cells.into_iter().collect();
    keys.sort_by_key(|x| x.0);
    Contingency {
        n: a.len() as f64,
        cells: keys.into_iter().map(|((i, j), c)| (i, j, c)).collect(),
        rows,
        cols,
    }
}

fn pairs(x: f64) -> f64 {
    x * (x - 1.0) / 2.0
}

/// Adjusted Rand index (Hubert & Arabie 1985): 1 for identical partitions, about 0 for random ones.
/// As scikit-learn, two trivial partitions that agree (or fewer than two items) give 1.
pub fn adjusted_rand_index<A: Hash + Eq, B: Hash + Eq>(a: &[A], b: &[B]) -> f64 {
    let t = contingency(a, b);
    let sum_cells: f64 = t.cells.iter().map(|&(_, _, c)| pairs(c)).sum();
    let sum_rows: f64 = t.rows.iter().map(|&c| pairs(c)).sum();
    let sum_cols: f64 = t.cols.iter().map(|&c| pairs(c)).sum();
    let total = pairs(t.n);
    if total == 0.0 {
        return 1.0;
    }
    let expected = sum_rows * sum_cols / total;
    let max = (sum_rows + sum_cols) / 2.0;
    if max == expected {
        return 1.0;
    }
    (sum_cells - expected) / (max - expected)
}

fn entropy(counts: &[f64], n: f64) -> f64 {
    counts
        .iter()
        .filter(|&&c| c > 0.0)
        .map(|&c| -(c / n) * (c / n).ln())
        .sum()
}

/// Normalised mutual information `I(A; B) / ((H(A) + H(B)) / 2)`, in [0, 1]. As scikit-learn, two
/// single-cluster partitions give 1.
pub fn normalized_mutual_info<A: Hash + Eq, B: Hash + Eq>(a: &[A], b: &[B]) -> f64 {
    let t = contingency(a, b);
    if t.rows.len() == 1 && t.cols.len() == 1 || t.n == 0.0 {
        return 1.0;
    }
    let (ha, hb) = (entropy(&t.rows, t.n), entropy(&t.cols, t.n));
    let mi: f64 = t
        .cells
        .iter()
        .map(|&(i, j, c)| c / t.n * (c * t.n / (t.rows[i] * t.cols[j])).ln())
        .sum();
    let denom = (ha + hb) / 2.0;
    if denom <= 0.0 {
        return 1.0;
    }
    (mi.max(0.0) / denom).min(1.0)
}
