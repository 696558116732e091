//! Percentiles as numpy's default (`linear`) method computes them, with infinities handled.
//!
//! Written by hand because the reference's exact interpolation rule matters for matching its intervals,
//! and bootstrap samples may hold ±∞ (a model with no losses in a round), where a plain lerp gives NaN.

/// The `q`-quantile (0..=1) of `sorted` (ascending, no NaN), by linear interpolation between order
/// statistics at position `q * (n - 1)`.
pub fn quantile_sorted(sorted: &[f64], q: f64) -> f64 {
    assert!(!sorted.is_empty(), "quantile of an empty sample");
    let pos = q.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    let frac = pos - lo as f64;
    let (a, b) = (sorted[lo], sorted[hi]);
    if frac == 0.0 || a == b {
        return a;
    }
    if a.is_finite() && b.is_finite() {
        a + frac * (b - a)
    } else if b.is_infinite() && b > 0.0 {
        b
    } else {
        a
    }
}

/// Sorts a sample (NaN dropped) and returns the two-sided interval for `level`.
pub fn interval(sample: &mut Vec<f64>, level: f64) -> Option<(f64, f64)> {
    sample.retain(|x| !x.is_nan());
    if sample.is_empty() {
        return None;
    }
    sample.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    let tail = (1.0 - level) / 2.0;
    Some((
        quantile_sorted(sample, tail),
        quantile_sorted(sample, 1.0 - tail),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_numpy_linear() {
        // numpy.percentile([1, 2, 3, 4], [2.5, 50, 97.5]) = [1.075, 2.5, 3.925] (numpy 1.26, exact).
        let s = [1.0, 2.0, 3.0, 4.0];
        assert!((quantile_sorted(&s, 0.025) - 1.075).abs() < 1e-12);
        assert!((quantile_sorted(&s, 0.5) - 2.5).abs() < 1e-12);
        assert!((quantile_sorted(&s, 0.975) - 3.925).abs() < 1e-12);
    }

    #[test]
    fn infinities_do_not_make_nan() {
        let s = [f64::NEG_INFINITY, 0.0, 1.0, f64::INFINITY];
        assert_eq!(quantile_sorted(&s, 0.1), f64::NEG_INFINITY);
        assert_eq!(quantile_sorted(&s, 0.9), f64::INFINITY);
        assert_eq!(quantile_sorted(&s, 0.5), 0.5);
    }
}
