//! Separability: the share of model pairs a leaderboard tells apart with confidence, i.e. whose
//! intervals do not overlap (the Arena-Hard paper's "separability with confidence"), computed as
//! arena-hard-auto's `notebook/benchmark_statistics.ipynb` computes it (cell 5,
//! `get_unique_overlapping_interval_pairs`; cell 28 for the 80% variant; read at lm-sys
//! arena-hard-auto efc012e).
//!
//! The notebook's rule, which this module follows exactly:
//! - sort the intervals by lower bound (a stable sort on the lower bound alone, so intervals with
//!   the same lower bound keep the order they were given in);
//! - for `i` before `j` in that order, the pair overlaps iff `lower_j < upper_i` (strict), so
//!   touching intervals count as separated;
//! - overlapping pairs are de-duplicated by their interval **values**: two model pairs whose
//!   `(interval, interval)` values are equal (in either order) count once;
//! - separability = 1 − overlapping / C(n, 2), over every model of the leaderboard, the baseline
//!   included (its interval is [50, 50], as the notebook's `gpt-4-0314, 50, 50` row).
//!
//! Where this differs from the issue's `max(0, min(hi) − max(lo)) > 0`: a zero-width interval
//! strictly inside another one (the baseline [50, 50] inside [42.8, 50.9]) overlaps in the notebook
//! (`50 < 50.9`) but not by the formula (`50.9 − 50 − … = 0`); two identical zero-width intervals
//! are separated (`x < x` is false); and the value de-duplication can count several model pairs
//! once. On the notebook's own file the sweep gives 76 overlapping pairs of 378 (its printed
//! 79.89%), the formula 74.
//!
//! It depends on the interval level, so it is reported at 95% and at 80%; the level belongs to the
//! leaderboard (its bootstrap percentiles), so callers compute one leaderboard per level (the same
//! seed gives the same rounds, so only the percentiles differ) and pass its rows here.

use crate::leaderboard::{Leaderboard, ModelRow};
use serde::{Deserialize, Serialize};

/// The measure's name in the JSON and on the page.
pub const NAME: &str = "separability";
/// Where the rule comes from.
pub const SOURCE: &str = "arena-hard-auto notebook/benchmark_statistics.ipynb, cell 5 (get_unique_overlapping_interval_pairs); 80%: cell 28";

/// Separability of one leaderboard at one level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Separability {
    /// [`NAME`].
    pub name: String,
    /// [`SOURCE`].
    pub source: String,
    pub level: f64,
    pub models: usize,
    /// `models · (models − 1) / 2`.
    pub pairs: usize,
    /// Overlapping pairs as the notebook counts them (distinct interval-value pairs).
    pub overlapping: usize,
    /// `pairs − overlapping`.
    pub separated: usize,
    /// `separated / pairs`; `None` with fewer than two models.
    pub fraction: Option<f64>,
}

/// The number of overlapping pairs among `intervals` (`(lower, upper)`, in the caller's order) by
/// the notebook's sorted sweep with value de-duplication (see the module notes).
pub fn overlapping_pairs(intervals: &[(f64, f64)]) -> usize {
    let mut sorted = intervals.to_vec();
    // Stable, on the lower bound only, as Python's `list.sort(key=lambda x: x[0])`.
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut seen: Vec<((f64, f64), (f64, f64))> = Vec::new();
    for i in 0..sorted.len() {
        for j in (i + 1)..sorted.len() {
            if sorted[j].0 < sorted[i].1 {
                let (a, b) = (sorted[i], sorted[j]);
                if !seen.contains(&(a, b)) && !seen.contains(&(b, a)) {
                    seen.push((a, b));
                }
            } else {
                // Later intervals start no earlier, so none of them overlaps `i` either.
                break;
            }
        }
    }
    seen.len()
}

/// Separability of `rows`, whose intervals were computed at `level`.
pub fn of_rows(rows: &[ModelRow], level: f64) -> Separability {
    let n = rows.len();
    let intervals: Vec<(f64, f64)> = rows.iter().map(|r| (r.lower, r.upper)).collect();
    let overlapping = overlapping_pairs(&intervals);
    let pairs = n * n.saturating_sub(1) / 2;
    let separated = pairs - overlapping;
    Separability {
        name: NAME.into(),
        source: SOURCE.into(),
        level,
        models: n,
        pairs,
        overlapping,
        separated,
        fraction: (pairs > 0).then(|| separated as f64 / pairs as f64),
    }
}

/// Separability of a leaderboard at its own level.
pub fn of_leaderboard(lb: &Leaderboard) -> Separability {
    of_rows(&lb.models, lb.level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notebooks_sweep_on_hand_made_intervals() {
        // Hand-made cases, each checked against the rule `lower_j < upper_i` after sorting.
        // Touching intervals are separated.
        assert_eq!(overlapping_pairs(&[(1.0, 2.0), (2.0, 3.0)]), 0);
        // Overlapping ones are not, in either input order.
        assert_eq!(overlapping_pairs(&[(2.0, 4.0), (1.0, 3.0)]), 1);
        // The baseline at [50, 50] strictly inside another interval overlaps it.
        assert_eq!(overlapping_pairs(&[(42.8, 50.9), (50.0, 50.0)]), 1);
        // ... but two identical zero-width intervals do not (50 < 50 is false).
        assert_eq!(overlapping_pairs(&[(50.0, 50.0), (50.0, 50.0)]), 0);
        // A zero-width interval at another's lower bound: the order given decides, as in Python's
        // stable sort: [50, 60] first, then [50, 50] starts before 60: overlap; the other way round
        // [50, 50] is first and 50 < 50 is false.
        assert_eq!(overlapping_pairs(&[(50.0, 60.0), (50.0, 50.0)]), 1);
        assert_eq!(overlapping_pairs(&[(50.0, 50.0), (50.0, 60.0)]), 0);
        // Identical value pairs count once: a and b share [1, 3], both overlap c = [2, 4]; the
        // pairs (a, c) and (b, c) have the same values, (a, b) is a third: 2 counted, not 3.
        assert_eq!(overlapping_pairs(&[(1.0, 3.0), (1.0, 3.0), (2.0, 4.0)]), 2);
        // Nested intervals overlap; a far one does not.
        assert_eq!(
            overlapping_pairs(&[(0.0, 10.0), (2.0, 3.0), (20.0, 30.0)]),
            1
        );
    }
}
