//! Votes per model pair, for data whose verdicts are battle rows (a Chatbot Arena log, a battles
//! file): how often each model of a pair won, how often they tied (and how many ties were
//! `tie (bothbad)`), and how many of the votes were anonymous. The compare page shows this table when
//! the data has no conversations to read side by side, and beside them when it has.
//!
//! Counts are raw rows as the file holds them (no anonymity filter, no weighting): the table says
//! what was voted; the leaderboard's method says which votes it scores.

use crate::bench::Bench;
use crate::verdict::Outcome;
use std::collections::BTreeMap;

/// One unordered model pair's votes, `a` and `b` by name (`a` < `b`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairVotes {
    pub a: String,
    pub b: String,
    pub a_wins: u64,
    pub b_wins: u64,
    /// Ties of any kind, `tie (bothbad)` included.
    pub ties: u64,
    /// Of `ties`, those voted `tie (bothbad)`.
    pub bothbad: u64,
    /// Rows marked anonymous (`anony: true`).
    pub anony: u64,
}

impl PairVotes {
    pub fn total(&self) -> u64 {
        self.a_wins + self.b_wins + self.ties
    }
}

/// Every pair with at least one vote, most votes first, then by names. Self-battles (a model
/// against itself) are skipped: they tell nothing about a pair.
pub fn pair_votes(bench: &Bench) -> Vec<PairVotes> {
    let mut by: BTreeMap<(String, String), PairVotes> = BTreeMap::new();
    for f in &bench.file_battles {
        if f.a == f.b {
            continue;
        }
        let (na, nb) = (bench.models.name(f.a), bench.models.name(f.b));
        let swapped = na > nb;
        let (x, y) = if swapped { (nb, na) } else { (na, nb) };
        let e = by
            .entry((x.to_string(), y.to_string()))
            .or_insert_with(|| PairVotes {
                a: x.to_string(),
                b: y.to_string(),
                a_wins: 0,
                b_wins: 0,
                ties: 0,
                bothbad: 0,
                anony: 0,
            });
        match (f.outcome, swapped) {
            (Outcome::AWins, false) | (Outcome::BWins, true) => e.a_wins += 1,
            (Outcome::BWins, false) | (Outcome::AWins, true) => e.b_wins += 1,
            (Outcome::Tie, _) => {
                e.ties += 1;
                e.bothbad += u64::from(f.bothbad);
            }
        }
        e.anony += u64::from(f.anony == Some(true));
    }
    let mut out: Vec<PairVotes> = by.into_values().collect();
    out.sort_by(|p, q| {
        q.total()
            .cmp(&p.total())
            .then(p.a.cmp(&q.a))
            .then(p.b.cmp(&q.b))
    });
    out
}
