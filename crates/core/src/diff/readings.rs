//! A run's verdicts, game by game: for each (prompt id, model) the labels its judge gave in game 1
//! and game 2, as written. The per-prompt list, the label agreement and the Δ decomposition read
//! both runs through these, paired by (bench, prompt id, model, game).
//!
//! A run pooling several judges is read through its first judge by name (the scope sorts them), so
//! every game has one label. The judged baseline's own rows are left out, and a run scored on game
//! 1 only has no game 2.

use super::run::VerdictRun;
use crate::verdict::Verdict;
use std::collections::{BTreeSet, HashMap};

/// One run's labels.
#[derive(Clone, Debug, Default)]
pub struct Readings {
    pub bench: String,
    pub judge: Option<String>,
    /// (prompt id, model) → game 1 and game 2 labels.
    pub games: HashMap<(String, String), [Option<Verdict>; 2]>,
    /// The weight of a strong verdict in this run.
    pub weight: u32,
}

impl Readings {
    pub fn of(run: &VerdictRun) -> Readings {
        let bench = run.bench;
        let lb = &run.leaderboard;
        let judge = lb.judges.first().cloned();
        let judge_id = judge.as_deref().and_then(|j| bench.judges.get(j));
        let baseline = lb
            .judged_baseline
            .as_deref()
            .and_then(|b| bench.models.get(b));
        let first_only = run.options.battles.first_game_only;
        let mut games = HashMap::new();
        if let Some(jid) = judge_id {
            for j in bench.judgments.iter().filter(|j| j.judge == jid) {
                if Some(j.model) == baseline {
                    continue;
                }
                let g = |i: usize| j.games.get(i).and_then(|g| g.verdict);
                games.insert(
                    (
                        bench.prompts[j.prompt as usize].id.clone(),
                        bench.models.name(j.model).to_string(),
                    ),
                    [g(0), if first_only { None } else { g(1) }],
                );
            }
        }
        Readings {
            bench: bench.name.clone(),
            judge,
            games,
            weight: run.options.battles.weight,
        }
    }

    /// The (prompt, model) keys both runs read, when their benches match, in a fixed order.
    pub fn shared<'a>(&'a self, other: &'a Readings) -> Vec<&'a (String, String)> {
        if self.bench != other.bench {
            return Vec::new();
        }
        let mut v: Vec<&(String, String)> = self
            .games
            .keys()
            .filter(|k| other.games.contains_key(*k))
            .collect();
        v.sort();
        v
    }

    /// The prompt ids this run has labels for.
    pub fn prompts(&self) -> BTreeSet<&str> {
        self.games.keys().map(|(p, _)| p.as_str()).collect()
    }

    /// How many battle rows a game with this label counts for.
    pub fn copies(&self, v: Verdict) -> u32 {
        if v.is_strong() {
            self.weight
        } else {
            1
        }
    }
}
