//! Separability: the share of model pairs a leaderboard tells apart with confidence, i.e. whose
//! intervals do not overlap (the Arena-Hard paper's "separability with confidence").
//!
//! It depends on the interval level, so it is reported at 95% and at 80%; the level belongs to the
//! leaderboard (its bootstrap percentiles), so callers compute one leaderboard per level (the same
//! seed gives the same rounds, so only the percentiles differ) and pass its rows here.

use crate::leaderboard::{Leaderboard, ModelRow};
use serde::{Deserialize, Serialize};

/// Separability of one leaderboard at one level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Separability {
    pub level: f64,
    pub models: usize,
    /// `models · (models − 1) / 2`.
    pub pairs: usize,
    /// Pairs whose intervals do not overlap.
    pub separated: usize,
    /// `separated / pairs`; `None` with fewer than two models.
    pub fraction: Option<f64>,
}

/// True when the intervals `[lo, hi]` of two models are disjoint.
pub fn separated(a: &ModelRow, b: &ModelRow) -> bool {
    a.lower > b.upper || b.lower > a.upper
}

/// Separability of `rows`, whose intervals were computed at `level`.
pub fn of_rows(rows: &[ModelRow], level: f64) -> Separability {
    let n = rows.len();
    let mut sep = 0;
    for i in 0..n {
        for j in (i + 1)..n {
            sep += usize::from(separated(&rows[i], &rows[j]));
        }
    }
    let pairs = n * n.saturating_sub(1) / 2;
    Separability {
        level,
        models: n,
        pairs,
        separated: sep,
        fraction: (pairs > 0).then(|| sep as f64 / pairs as f64),
    }
}

/// Separability of a leaderboard at its own level.
pub fn of_leaderboard(lb: &Leaderboard) -> Separability {
    of_rows(&lb.models, lb.level)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bt::Estimate;

    pub(crate) fn row(model: &str, score: f64, lower: f64, upper: f64) -> ModelRow {
        ModelRow {
            model: model.into(),
            score,
            lower,
            upper,
            rank_ub: 1,
            battles: 1,
            avg_tokens: None,
            estimate: Estimate::Finite,
            elo: None,
            elo_lower: None,
            elo_upper: None,
        }
    }

    #[test]
    fn counts_disjoint_pairs() {
        let rows = [
            row("a", 80.0, 75.0, 85.0),
            row("b", 70.0, 66.0, 74.0),
            row("c", 68.0, 60.0, 76.0),
        ];
        let s = of_rows(&rows, 0.95);
        // Only a–b are apart: c's upper bound (76) reaches a's lower bound (75).
        assert_eq!((s.pairs, s.separated), (3, 1));
        assert_eq!(of_rows(&rows[..1], 0.95).fraction, None);
    }
}
