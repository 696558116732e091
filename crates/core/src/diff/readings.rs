//! A run's verdicts, game by game: for each (prompt id, model) the labels its judge gave in game 1
//! and game 2, as written. The per-prompt list, the label agreement and the Δ decomposition read
//! both runs through these, paired by (bench, prompt id, model, game).
//!
//! A run pooling several judges is read through its first judge by name (the scope sorts them), so
//! every game has one label. The judged baseline's own rows are left out, and a run scored on game
//! 1 only has no game 2.

use super::run::VerdictRun;
use crate::verdict::Verdict;
use std::collections::BTreeMap;

/// A (prompt, model)'s game 1 and game 2 labels.
pub type Games = [Option<Verdict>; 2];

/// One run's labels.
#[derive(Clone, Debug, Default)]
pub struct Readings {
    pub bench: String,
    pub judge: Option<String>,
    /// model → prompt id → game 1 and game 2 labels (ordered, so every reading is in a fixed
    /// order, and one model's games are found without scanning the others').
    pub games: BTreeMap<String, BTreeMap<String, Games>>,
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
        let mut games: BTreeMap<String, BTreeMap<String, Games>> = BTreeMap::new();
        if let Some(jid) = judge_id {
            for j in bench.judgments.iter().filter(|j| j.judge == jid) {
                if Some(j.model) == baseline {
                    continue;
                }
                let g = |i: usize| j.games.get(i).and_then(|g| g.verdict);
                games
                    .entry(bench.models.name(j.model).to_string())
                    .or_default()
                    .insert(
                        bench.prompts[j.prompt as usize].id.to_string(),
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

    /// `model`'s prompts both runs read, in prompt order, with each run's labels; none when the
    /// runs' benches differ (prompts pair by bench and prompt id only).
    pub fn pairs<'a>(
        &'a self,
        other: &'a Readings,
        model: &str,
    ) -> Vec<(&'a str, &'a Games, &'a Games)> {
        if self.bench != other.bench {
            return Vec::new();
        }
        let (Some(a), Some(b)) = (self.games.get(model), other.games.get(model)) else {
            return Vec::new();
        };
        a.iter()
            .filter_map(|(p, ga)| b.get(p).map(|gb| (p.as_str(), ga, gb)))
            .collect()
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
