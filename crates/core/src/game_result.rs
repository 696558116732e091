//! One judged game read from the model's side: a win, tie or loss against the baseline.
//!
//! Positions: in game 1 the baseline is Assistant A and the model Assistant B; game 2 swaps them. A
//! verdict is always stored as the judge wrote it (about Assistant A and B), and [`model_result`]
//! turns it into the model's result. The compare view, position consistency and the battles'
//! `drop_inconsistent` option all read games this way, so the reading lives here, below all three.

use crate::bench::Game;
use crate::verdict::{Outcome, Verdict};

/// A game's result from the model's side, against the baseline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ModelResult {
    Win,
    Tie,
    Loss,
}

impl ModelResult {
    pub fn score(self) -> f64 {
        match self {
            ModelResult::Win => 1.0,
            ModelResult::Tie => 0.5,
            ModelResult::Loss => 0.0,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            ModelResult::Win => "win",
            ModelResult::Tie => "tie",
            ModelResult::Loss => "loss",
        }
    }
}

/// The model's result in game `game` (1 or 2) for the judge's verdict `v`. Game 1 shows the model as
/// Assistant B (so `B>A` is a win), game 2 as Assistant A (so `A>B` is a win).
pub fn model_result(game: u8, v: Verdict) -> ModelResult {
    let for_model_as_a = if game == 1 { v.mirrored() } else { v };
    match for_model_as_a.outcome() {
        Outcome::AWins => ModelResult::Win,
        Outcome::Tie => ModelResult::Tie,
        Outcome::BWins => ModelResult::Loss,
    }
}

/// True when both games are usable and give the model different results: the row a position flip
/// decided. This is what `BattleOptions::drop_inconsistent` leaves out.
pub fn results_differ(games: &[Game]) -> bool {
    match (
        games.first().and_then(|g| g.verdict),
        games.get(1).and_then(|g| g.verdict),
    ) {
        (Some(g1), Some(g2)) => model_result(1, g1) != model_result(2, g2),
        _ => false,
    }
}

/// Two games with these verdicts, for tests here and in the modules that read games.
#[cfg(test)]
pub(crate) fn games(a: Option<Verdict>, b: Option<Verdict>) -> Vec<Game> {
    [a, b]
        .into_iter()
        .map(|verdict| Game {
            verdict,
            ..Game::default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn game_results_follow_the_positions() {
        // Game 1: baseline is A, model is B.
        assert_eq!(model_result(1, Verdict::BBetter), ModelResult::Win);
        assert_eq!(model_result(1, Verdict::AMuchBetter), ModelResult::Loss);
        assert_eq!(model_result(1, Verdict::Tie), ModelResult::Tie);
        // Game 2: model is A, baseline is B.
        assert_eq!(model_result(2, Verdict::ABetter), ModelResult::Win);
        assert_eq!(model_result(2, Verdict::BMuchBetter), ModelResult::Loss);
    }

    #[test]
    fn a_flip_is_a_change_of_result_not_of_strength() {
        // Both games favour A: the model loses game 1 and wins game 2.
        assert!(results_differ(&games(
            Some(Verdict::ABetter),
            Some(Verdict::ABetter)
        )));
        // B>>A then A>B: the model wins both, only the strength differs.
        assert!(!results_differ(&games(
            Some(Verdict::BMuchBetter),
            Some(Verdict::ABetter)
        )));
        assert!(!results_differ(&games(Some(Verdict::ABetter), None)));
    }
}
