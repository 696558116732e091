//! Ranks consistent with the intervals.
//!
//! `best` is FastChat's "Rank (UB)" (`elo_analysis.py::report_elo_analysis_results`, @50956158:
//! `ranking[model_a] += 1` for every model whose 2.5% bound is above `model_a`'s 97.5% bound), the
//! best rank the intervals allow. `worst` is the other end LMArena shows as the rank spread:
//! 1 + the models whose upper bound is above this model's lower bound (those that may be ahead).

/// The range of ranks one model's interval allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RankRange {
    pub best: u32,
    pub worst: u32,
}

/// Rank ranges from `(lower, upper)` bounds, in the same order.
pub fn ranks(bounds: &[(f64, f64)]) -> Vec<RankRange> {
    bounds
        .iter()
        .enumerate()
        .map(|(i, &(lo, hi))| {
            let others = bounds.iter().enumerate().filter(|&(j, _)| j != i);
            let above = others.clone().filter(|(_, b)| b.0 > hi).count();
            let maybe_above = others.filter(|(_, b)| b.1 > lo).count();
            RankRange {
                best: 1 + above as u32,
                worst: 1 + maybe_above as u32,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_intervals_share_a_range_and_separated_ones_do_not() {
        // A [10, 20], B [15, 25], C [0, 5]: by hand, A and B may be 1st or 2nd, C is 3rd.
        let r = ranks(&[(10.0, 20.0), (15.0, 25.0), (0.0, 5.0)]);
        assert_eq!(r[0], RankRange { best: 1, worst: 2 });
        assert_eq!(r[1], RankRange { best: 1, worst: 2 });
        assert_eq!(r[2], RankRange { best: 3, worst: 3 });
    }
}
