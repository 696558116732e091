//! Position consistency: does a judge reach the same verdict when the two answers swap places?
//!
//! Arena-Hard judges every answer twice, with the baseline first (game 1) and second (game 2). A
//! judge without position bias gives mirrored verdicts, so the matrix of game-1 verdicts against
//! *mirrored* game-2 verdicts is diagonal for a perfectly consistent judge, and its off-diagonal mass
//! is the judge's inconsistency. The flip rate is coarser and is what moves a leaderboard: the share
//! of rows where the model's win/tie/loss (as [`crate::game_result::model_result`] reads it) differs
//! between the games, so a strong-versus-weak disagreement (`A>>B` vs `A>B`) is not a flip.
//!
//! First-position preference: over rows with both games usable, the share of decisive games (not
//! `A=B`) whose verdict favours Assistant A. Each such row shows the same two answers once in each
//! order, so answer quality cancels and 0.5 means no lean; above 0.5 the judge prefers whatever comes
//! first. Rows with one usable game are left out of all three measures, because their position is
//! not balanced.
//!
//! Every judgment row counts, including a baseline judged against itself: position bias is a
//! property of the judge, and such rows measure it as well as any other.

use crate::bench::{Bench, Game};
use crate::game_result::model_result;
use crate::scope::error::ScopeError;
use crate::verdict::{Outcome, Verdict};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Verdicts in matrix order (rows: game 1; columns: game 2 mirrored).
pub const ORDER: [Verdict; 5] = [
    Verdict::AMuchBetter,
    Verdict::ABetter,
    Verdict::Tie,
    Verdict::BBetter,
    Verdict::BMuchBetter,
];

/// Labels of [`ORDER`], for display.
pub const LABELS: [&str; 5] = ["A>>B", "A>B", "A=B", "B>A", "B>>A"];

fn index(v: Verdict) -> usize {
    ORDER
        .iter()
        .position(|&o| o == v)
        .expect("all five verdicts are listed")
}

/// Why consistency cannot be computed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ConsistencyError {
    /// A named judge is not in the data.
    Scope(ScopeError),
    /// The bench has no judgment rows (a battles file keeps no games).
    NoJudgments,
}

impl std::fmt::Display for ConsistencyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConsistencyError::Scope(e) => e.fmt(f),
            ConsistencyError::NoJudgments => write!(
                f,
                "position consistency needs judgment files with both games; this data has none"
            ),
        }
    }
}

impl std::error::Error for ConsistencyError {}

/// Counts for one judge (or one judge on one model).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Consistency {
    /// `matrix[i][j]`: rows whose game-1 verdict is `ORDER[i]` and mirrored game-2 verdict `ORDER[j]`.
    pub matrix: [[u64; 5]; 5],
    /// Rows with both games usable (the matrix total).
    pub two_game_rows: u64,
    /// Rows with exactly the same verdict once mirrored (the diagonal).
    pub identical: u64,
    /// Rows whose model result (win, tie, loss) differs between the games.
    pub flips: u64,
    /// Decisive games (not a tie) in two-game rows.
    pub decisive_games: u64,
    /// Of those, games whose verdict favours Assistant A.
    pub favours_a: u64,
}

impl Consistency {
    /// Adds one judgment row; rows without two usable games are ignored (see the module notes).
    pub fn add(&mut self, games: &[Game]) {
        let (Some(g1), Some(g2)) = (
            games.first().and_then(|g| g.verdict),
            games.get(1).and_then(|g| g.verdict),
        ) else {
            return;
        };
        let m2 = g2.mirrored();
        self.matrix[index(g1)][index(m2)] += 1;
        self.two_game_rows += 1;
        self.identical += u64::from(g1 == m2);
        self.flips += u64::from(model_result(1, g1) != model_result(2, g2));
        for v in [g1, g2] {
            match v.outcome() {
                Outcome::Tie => {}
                o => {
                    self.decisive_games += 1;
                    self.favours_a += u64::from(o == Outcome::AWins);
                }
            }
        }
    }

    /// Share of two-game rows with identical mirrored verdicts.
    pub fn identical_rate(&self) -> Option<f64> {
        ratio(self.identical, self.two_game_rows)
    }

    /// Share of two-game rows where the model's result flips with the positions.
    pub fn flip_rate(&self) -> Option<f64> {
        ratio(self.flips, self.two_game_rows)
    }

    /// Share of decisive games favouring Assistant A; 0.5 is no lean.
    pub fn first_position_preference(&self) -> Option<f64> {
        ratio(self.favours_a, self.decisive_games)
    }

    /// A serialisable summary with the rates filled in.
    pub fn summary(&self) -> ConsistencySummary {
        ConsistencySummary {
            labels: LABELS.map(String::from).to_vec(),
            counts: self.clone(),
            identical_rate: self.identical_rate(),
            flip_rate: self.flip_rate(),
            first_position_preference: self.first_position_preference(),
        }
    }
}

fn ratio(a: u64, b: u64) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// [`Consistency`] with its rates, as it is shown and serialised.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConsistencySummary {
    /// Row and column labels of the matrix.
    pub labels: Vec<String>,
    #[serde(flatten)]
    pub counts: Consistency,
    pub identical_rate: Option<f64>,
    pub flip_rate: Option<f64>,
    pub first_position_preference: Option<f64>,
}

/// One judge: overall and per judged model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JudgeConsistency {
    pub judge: String,
    pub overall: ConsistencySummary,
    /// Per judged model, sorted by name.
    pub per_model: Vec<ModelConsistency>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelConsistency {
    pub model: String,
    pub consistency: ConsistencySummary,
}

pub use crate::game_result::results_differ;

/// Position consistency of `judges` (empty: every judge of the bench), sorted by judge name (the
/// scope's one order, [`crate::scope::judges`]).
pub fn position_consistency(
    bench: &Bench,
    judges: &[String],
) -> Result<Vec<JudgeConsistency>, ConsistencyError> {
    if bench.judgments.is_empty() {
        return Err(ConsistencyError::NoJudgments);
    }
    let ids = crate::scope::judges::each(bench, judges).map_err(ConsistencyError::Scope)?;
    let mut overall: Vec<Consistency> = vec![Consistency::default(); ids.len()];
    let mut per_model: Vec<BTreeMap<u32, Consistency>> = vec![BTreeMap::new(); ids.len()];
    for j in &bench.judgments {
        let Some(k) = ids.iter().position(|&id| id == j.judge) else {
            continue;
        };
        overall[k].add(&j.games);
        per_model[k].entry(j.model).or_default().add(&j.games);
    }
    Ok(ids
        .iter()
        .enumerate()
        .map(|(k, &id)| {
            let mut models: Vec<ModelConsistency> = per_model[k]
                .iter()
                .map(|(&m, c)| ModelConsistency {
                    model: bench.models.name(m).to_string(),
                    consistency: c.summary(),
                })
                .collect();
            models.sort_by(|a, b| a.model.cmp(&b.model));
            JudgeConsistency {
                judge: bench.judges.name(id).to_string(),
                overall: overall[k].summary(),
                per_model: models,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game_result::games;

    #[test]
    fn mirrored_pairs_are_diagonal_and_flips_follow_results() {
        let mut c = Consistency::default();
        // Game 1 B>A (model wins), game 2 A>B (model wins): consistent.
        c.add(&games(Some(Verdict::BBetter), Some(Verdict::ABetter)));
        // Game 1 B>>A, game 2 A>B: not identical, but the model wins both: no flip.
        c.add(&games(Some(Verdict::BMuchBetter), Some(Verdict::ABetter)));
        // Both games favour A: the model wins game 2 and loses game 1, a flip.
        c.add(&games(Some(Verdict::ABetter), Some(Verdict::ABetter)));
        // One usable game: ignored.
        c.add(&games(Some(Verdict::ABetter), None));
        assert_eq!(c.two_game_rows, 3);
        assert_eq!(c.matrix.iter().flatten().sum::<u64>(), 3);
        assert_eq!(c.identical, 1);
        assert_eq!(c.flips, 1);
        assert_eq!(c.decisive_games, 6);
        // Favouring A: game 2 of rows 1 and 2, both games of row 3.
        assert_eq!(c.favours_a, 4);
        assert!(results_differ(&games(
            Some(Verdict::ABetter),
            Some(Verdict::ABetter)
        )));
        assert!(!results_differ(&games(Some(Verdict::ABetter), None)));
    }
}
