//! The counts behind the mt-bench method: FastChat's `display_result_pairwise` win / loss / tie
//! tally and `display_result_single` means (see the parent module for the rules).

use crate::bench::{Bench, Judgment};
use crate::verdict::Outcome;
use std::collections::{BTreeMap, BTreeSet};

/// One model's pairwise record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Record {
    pub win: u64,
    pub loss: u64,
    pub tie: u64,
    /// The model's rows dropped because a game had no verdict (`error`, or an unknown label).
    pub errors: u64,
}

impl Record {
    /// Rows counted (the tool's `win + loss + tie`).
    pub fn total(&self) -> u64 {
        self.win + self.loss + self.tie
    }
    fn rate(&self, x: f64) -> Option<f64> {
        (self.total() > 0).then(|| 100.0 * x / self.total() as f64)
    }
    /// `win_rate` in %.
    pub fn win_rate(&self) -> Option<f64> {
        self.rate(self.win as f64)
    }
    /// `loss_rate` in %.
    pub fn loss_rate(&self) -> Option<f64> {
        self.rate(self.loss as f64)
    }
    /// `win_rate_adjusted` in %: each tie half a win.
    pub fn adjusted(&self) -> Option<f64> {
        self.rate(self.win as f64 + 0.5 * self.tie as f64)
    }
}

/// Who won a row in show_result.py's reading: `Some(true)` the row's `model_1` (our baseline
/// side), `Some(false)` its `model_2`, `None` a tie (game 1 a tie, or the games disagree).
/// `Err(())` when a game has no verdict.
pub(crate) fn row_winner(j: &Judgment) -> Result<Option<bool>, ()> {
    let mut winners = Vec::with_capacity(2);
    for (g, game) in j.games.iter().take(2).enumerate() {
        let v = game.verdict.ok_or(())?;
        // Game 1 shows model_1 as A; game 2 shows model_2 as A.
        let model_1_wins = match v.outcome() {
            Outcome::Tie => None,
            Outcome::AWins => Some(g == 0),
            Outcome::BWins => Some(g != 0),
        };
        winners.push(model_1_wins);
    }
    match winners.as_slice() {
        [None, _] => Ok(None),
        [a, b] if a != b => Ok(None),
        [a, _] => Ok(*a),
        // A one-game row cannot occur in a pair file; read it as its one game.
        [a] => Ok(*a),
        _ => Err(()),
    }
}

/// The pairwise counts: per model, and per ordered (model_1, model_2) pair as
/// `[model_1 wins, ties, model_2 wins]` for the Bradley-Terry figure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    pub records: BTreeMap<u32, Record>,
    pub pairs: BTreeMap<(u32, u32), [u64; 3]>,
}

/// Win / loss / tie per model over the pair rows of `judges` on `prompts`; with `baseline`, only
/// the rows that have it on either side (pairwise-baseline mode). The baseline keeps its record
/// here; the board leaves it out.
pub fn pairwise(
    bench: &Bench,
    judges: &BTreeSet<u32>,
    baseline: Option<u32>,
    prompts: &BTreeSet<u32>,
) -> Tally {
    let mut out: BTreeMap<u32, Record> = BTreeMap::new();
    let mut pairs: BTreeMap<(u32, u32), [u64; 3]> = BTreeMap::new();
    for j in &bench.judgments {
        let Some(m1) = j.baseline else { continue };
        let m2 = j.model;
        if !judges.contains(&j.judge) || !prompts.contains(&j.prompt) {
            continue;
        }
        if baseline.is_some_and(|b| b != m1 && b != m2) {
            continue;
        }
        match row_winner(j) {
            Err(()) => {
                out.entry(m1).or_default().errors += 1;
                out.entry(m2).or_default().errors += 1;
            }
            Ok(None) => {
                out.entry(m1).or_default().tie += 1;
                out.entry(m2).or_default().tie += 1;
                pairs.entry((m1, m2)).or_default()[1] += 1;
            }
            Ok(Some(first)) => {
                let (w, l) = if first { (m1, m2) } else { (m2, m1) };
                out.entry(w).or_default().win += 1;
                out.entry(l).or_default().loss += 1;
                pairs.entry((m1, m2)).or_default()[if first { 0 } else { 2 }] += 1;
            }
        }
    }
    Tally {
        records: out,
        pairs,
    }
}

/// One model's single-grade sums per turn (index 0: turn 1, 1: turn 2).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SingleMeans {
    sum: [f64; 2],
    n: [u64; 2],
}

impl SingleMeans {
    /// The mean over both turns (the tool's "Average" table).
    pub fn overall(&self) -> Option<f64> {
        let n = self.n[0] + self.n[1];
        (n > 0).then(|| (self.sum[0] + self.sum[1]) / n as f64)
    }
    /// The mean of one turn (1 or 2).
    pub fn turn(&self, t: u8) -> Option<f64> {
        let i = usize::from(t.clamp(1, 2) - 1);
        (self.n[i] > 0).then(|| self.sum[i] / self.n[i] as f64)
    }
    /// Grades counted.
    pub fn count(&self) -> u64 {
        self.n[0] + self.n[1]
    }
}

/// Single-grade sums per model over the grades of `judges` on `prompts` (a `-1` grade is not
/// counted, as the tool filters `score != -1`).
pub fn single(
    bench: &Bench,
    judges: &BTreeSet<u32>,
    prompts: &BTreeSet<u32>,
) -> BTreeMap<u32, SingleMeans> {
    let mut out: BTreeMap<u32, SingleMeans> = BTreeMap::new();
    for g in &bench.grades {
        if !judges.contains(&g.judge) || !prompts.contains(&g.prompt) {
            continue;
        }
        let Some(score) = g.score else { continue };
        let i = usize::from(g.turn.clamp(1, 2) - 1);
        let e = out.entry(g.model).or_default();
        e.sum[i] += score;
        e.n[i] += 1;
    }
    out
}
