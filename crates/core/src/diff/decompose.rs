//! Where a model's change comes from: its paired games (a game both runs judged) by transition
//! class, from its result in run 1 to its result in run 2 (win→win, tie→win, win→loss, ...), with
//! each class's contribution to the change of its raw win rate over those games.
//!
//! The raw win rate is the mean of the game scores (win 1, tie ½, loss 0) over the paired games, so
//! the contributions add up to its change exactly: class c contributes 100 × Σ_{games in c}
//! (score₂ − score₁) / n. It is not the Bradley-Terry Δ (which weighs strong verdicts and the other
//! models too), but it says which kind of flip the Δ is made of. Label changes within a class (A>B
//! to A>>B) move no raw score and show in the 5×5 matrix instead.

use super::readings::Readings;
use crate::game_result::{model_result, ModelResult};
use serde::{Deserialize, Serialize};

const RESULTS: [ModelResult; 3] = [ModelResult::Win, ModelResult::Tie, ModelResult::Loss];

/// One transition class.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Transition {
    pub from: String,
    pub to: String,
    pub games: u64,
    /// Percentage points of the raw win rate's change.
    pub contribution: f64,
}

/// One model's decomposition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decomposition {
    pub model: String,
    pub games: u64,
    /// Raw win rate (%) over the paired games, in each run, and its change (= Σ contributions).
    pub raw_1: f64,
    pub raw_2: f64,
    pub raw_delta: f64,
    /// All nine classes, win→win first.
    pub classes: Vec<Transition>,
}

fn idx(r: ModelResult) -> usize {
    RESULTS.iter().position(|&x| x == r).expect("listed")
}

/// The decomposition of `model`; `None` when the runs share no game of it.
pub fn decompose(r1: &Readings, r2: &Readings, model: &str) -> Option<Decomposition> {
    let mut counts = [[0u64; 3]; 3];
    let (mut s1, mut s2) = (0.0, 0.0);
    for (_, ga, gb) in r1.pairs(r2, model) {
        for (g, (a, b)) in ga.iter().zip(gb).enumerate() {
            if let (Some(a), Some(b)) = (a, b) {
                let (x, y) = (model_result(g as u8 + 1, *a), model_result(g as u8 + 1, *b));
                counts[idx(x)][idx(y)] += 1;
                s1 += x.score();
                s2 += y.score();
            }
        }
    }
    let n: u64 = counts.iter().flatten().sum();
    if n == 0 {
        return None;
    }
    let nf = n as f64;
    let mut classes = Vec::with_capacity(9);
    for (i, from) in RESULTS.iter().enumerate() {
        for (j, to) in RESULTS.iter().enumerate() {
            let c = counts[i][j];
            classes.push(Transition {
                from: from.as_str().into(),
                to: to.as_str().into(),
                games: c,
                contribution: 100.0 * c as f64 * (to.score() - from.score()) / nf,
            });
        }
    }
    Some(Decomposition {
        model: model.to_string(),
        games: n,
        raw_1: 100.0 * s1 / nf,
        raw_2: 100.0 * s2 / nf,
        raw_delta: 100.0 * (s2 - s1) / nf,
        classes,
    })
}

#[cfg(test)]
mod tests {
    use super::super::run::Run;
    use super::super::test_data;
    use super::*;

    #[test]
    fn contributions_add_up_to_the_raw_change_and_count_every_game() {
        let ds = test_data::two_judges(15, &[]);
        let b = &ds.benches["s"];
        let r1 = Run::verdicts(b, test_data::options("j1")).unwrap();
        let r2 = Run::verdicts(b, test_data::options("j2")).unwrap();
        let (a, c) = (
            Readings::of(r1.as_verdicts().unwrap()),
            Readings::of(r2.as_verdicts().unwrap()),
        );
        let d = decompose(&a, &c, "ma").unwrap();
        assert_eq!(d.games, 30);
        assert_eq!(d.classes.iter().map(|t| t.games).sum::<u64>(), 30);
        let sum: f64 = d.classes.iter().map(|t| t.contribution).sum();
        // Tolerance 1e-9: a sum of nine terms against the same quantity computed directly.
        assert!((sum - d.raw_delta).abs() < 1e-9);
        assert!((d.raw_2 - d.raw_1 - d.raw_delta).abs() < 1e-9);
        // mc is judged alike by both judges: everything stays on the diagonal.
        let same = decompose(&a, &c, "mc").unwrap();
        assert_eq!(same.raw_delta, 0.0);
        assert!(same.classes.iter().all(|t| t.from == t.to || t.games == 0));
        assert!(decompose(&a, &c, "nobody").is_none());
    }
}
