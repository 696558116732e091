//! The style features of arena-rank's style control, built as LMArena builds them.
//!
//! The package's `ContextualBradleyTerry` takes whatever feature columns it is given; the
//! columns LMArena's leaderboard uses are made in the repository's example
//! (lmarena/arena-rank @3900eae, `examples/example_utils.py`, `extract_metadata_features` and
//! `add_style_feature_cols`, run by `examples/lmarena.ipynb` on the 140k release):
//!
//! - per answer, from `conv_metadata`: `sum_assistant_{a,b}_tokens`, and the sums of the
//!   `header_count_*` (h1..h6), `list_count_*` (ordered, unordered) and `bold_count_*` (`**`,
//!   `__`) objects;
//! - per battle and feature, `(a − b) / (a + b)`, the denominator replaced by 1 when it is 0
//!   (FastChat's `preprocess_for_style` adds 1 instead; arena-rank does not);
//! - each column standardised with pandas' sample standard deviation (ddof 1);
//! - then `ContextualPairDataset.from_pandas(normalize_features=True)` standardises again with
//!   the population deviation (ddof 0), a standard deviation of 0 read as 1.
//!
//! A column that never varies (every battle's difference the same) has a ddof-1 deviation of 0;
//! pandas would divide by it and hand the package NaN features, which fail the fit. Here the
//! column is all zeros, so its coefficient is the penalty's optimum, 0.
//! The example counts a bare number where an object is expected as 0; the published logs always
//! write objects, and [`StyleRaw::count`] reads a number as itself.

use crate::style::{StyleMode, StyleRaw};

/// The standardised feature matrix, row-major `rows × k`, `k = mode.feature_names().len()`.
pub fn features(mode: StyleMode, sides: &[(StyleRaw, StyleRaw)]) -> Vec<f64> {
    let k = mode.feature_names().len();
    let n = sides.len();
    let mut x = Vec::with_capacity(n * k);
    for (a, b) in sides {
        for (va, vb) in mode.values(a).into_iter().zip(mode.values(b)) {
            let total = va + vb;
            x.push((va - vb) / if total == 0.0 { 1.0 } else { total });
        }
    }
    // `add_style_feature_cols`: (raw − mean) / std(ddof = 1).
    standardise(&mut x, n, k, 1.0, 0.0);
    // `ContextualPairDataset.from_pandas`: (x − mean) / std(ddof = 0), with 0 read as 1.
    standardise(&mut x, n, k, 0.0, 1.0);
    x
}

/// Standardises each column with the standard deviation of divisor `n − ddof`; a deviation of
/// 0 (or too few rows) becomes `if_zero`, or zeroes the column when that is 0.
fn standardise(x: &mut [f64], n: usize, k: usize, ddof: f64, if_zero: f64) {
    for j in 0..k {
        let mean = (0..n).map(|i| x[i * k + j]).sum::<f64>() / n as f64;
        let ss: f64 = (0..n).map(|i| (x[i * k + j] - mean).powi(2)).sum();
        let dof = n as f64 - ddof;
        let std = if dof > 0.0 { (ss / dof).sqrt() } else { 0.0 };
        let (scale, keep) = match std {
            s if s > 0.0 && s.is_finite() => (s, true),
            _ => (if_zero, if_zero != 0.0),
        };
        for i in 0..n {
            let v = &mut x[i * k + j];
            *v = if keep { (*v - mean) / scale } else { 0.0 };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(tokens: f64, headers: f64) -> StyleRaw {
        StyleRaw {
            tokens,
            headers,
            lists: 0.0,
            bold: 0.0,
        }
    }

    #[test]
    fn ratios_are_standardised_twice_as_the_example_and_the_dataset_do() {
        // Token ratios (a − b)/(a + b): 1/3, −1/3, 0 (0/0 with the denominator read as 1).
        let sides = [
            (raw(20.0, 1.0), raw(10.0, 1.0)),
            (raw(10.0, 0.0), raw(20.0, 0.0)),
            (raw(0.0, 2.0), raw(0.0, 2.0)),
        ];
        let x = features(StyleMode::Length, &sides);
        // Mean 0; ddof-1 std 1/3, then ddof-0 std √(2/3): the values are ±√(3/2) and 0 (by hand).
        let e = 1.5f64.sqrt();
        assert!(
            (x[0] - e).abs() < 1e-15 && (x[1] + e).abs() < 1e-15 && x[2] == 0.0,
            "{x:?}"
        );
        // Headers: ratios 0, 0, 0, a column that never varies, is all zeros.
        let full = features(StyleMode::Full, &sides);
        assert_eq!(full.len(), 12);
        assert!((0..3).all(|i| full[i * 4 + 1] == 0.0), "{full:?}");
    }
}
