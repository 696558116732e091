//! What-if: change one option of the computation and list the models whose rank moves.
//!
//! The "sensitivity line" of the judges page: "with first game only, 3 of 20 models change rank".
//! Ranks are by point score (1 = best, ties broken by name) among the models both leaderboards
//! rate, so a model that appears or disappears does not shift the others. Intervals play no part;
//! callers may pass `rounds: 0` to make this cheap.

use super::ranks_by_score;
use crate::bench::Bench;
use crate::error::Error;
use crate::leaderboard::{self, Leaderboard, LeaderboardOptions};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The options a what-if may change; `None` keeps the base value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    pub weight: Option<u32>,
    pub first_game_only: Option<bool>,
    pub drop_inconsistent: Option<bool>,
    /// The display baseline (`Some(None)` resets it to the judged baseline).
    pub baseline: Option<Option<String>>,
}

impl Variant {
    /// `base` with this variant's changes.
    pub fn apply(&self, base: &LeaderboardOptions) -> LeaderboardOptions {
        let mut o = base.clone();
        if let Some(w) = self.weight {
            o.battles.weight = w;
        }
        if let Some(f) = self.first_game_only {
            o.battles.first_game_only = f;
        }
        if let Some(d) = self.drop_inconsistent {
            o.battles.drop_inconsistent = d;
        }
        if let Some(b) = &self.baseline {
            o.baseline = b.clone();
        }
        o
    }

    /// A short description, e.g. `first game only, drop inconsistent`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(w) = self.weight {
            parts.push(format!("weight {w}"));
        }
        match self.first_game_only {
            Some(true) => parts.push("first game only".into()),
            Some(false) => parts.push("both games".into()),
            None => {}
        }
        match self.drop_inconsistent {
            Some(true) => parts.push("drop inconsistent rows".into()),
            Some(false) => parts.push("keep inconsistent rows".into()),
            None => {}
        }
        if let Some(b) = &self.baseline {
            parts.push(format!("baseline {}", b.as_deref().unwrap_or("(judged)")));
        }
        if parts.is_empty() {
            "no change".into()
        } else {
            parts.join(", ")
        }
    }
}

/// A model whose rank differs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankChange {
    pub model: String,
    pub from: u32,
    pub to: u32,
    pub score_from: f64,
    pub score_to: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sensitivity {
    pub variant: String,
    /// Models rated by both.
    pub compared: usize,
    /// Sorted by the base rank.
    pub changed: Vec<RankChange>,
    /// Largest absolute rank move.
    pub max_move: u32,
    pub only_base: Vec<String>,
    pub only_variant: Vec<String>,
}

impl Sensitivity {
    /// One line for the page: `with first game only, 3 of 20 models change rank (at most 2 places)`.
    pub fn line(&self) -> String {
        if self.changed.is_empty() {
            return format!(
                "with {}, no rank changes among {} models",
                self.variant, self.compared
            );
        }
        format!(
            "with {}, {} of {} models change rank (at most {} place{})",
            self.variant,
            self.changed.len(),
            self.compared,
            self.max_move,
            if self.max_move == 1 { "" } else { "s" }
        )
    }
}

/// Compares two computed leaderboards.
pub fn diff(base: &Leaderboard, variant: &Leaderboard, label: &str) -> Sensitivity {
    let in_variant: HashMap<&str, f64> = variant
        .models
        .iter()
        .map(|r| (r.model.as_str(), r.score))
        .collect();
    let in_base: HashMap<&str, f64> = base
        .models
        .iter()
        .map(|r| (r.model.as_str(), r.score))
        .collect();
    let shared_b: Vec<_> = base
        .models
        .iter()
        .filter(|r| in_variant.contains_key(r.model.as_str()))
        .cloned()
        .collect();
    let shared_v: Vec<_> = variant
        .models
        .iter()
        .filter(|r| in_base.contains_key(r.model.as_str()))
        .cloned()
        .collect();
    let to: HashMap<String, (u32, f64)> = ranks_by_score(&shared_v)
        .into_iter()
        .map(|(m, r, s)| (m, (r, s)))
        .collect();
    let mut changed = Vec::new();
    for (model, from, score_from) in ranks_by_score(&shared_b) {
        let (rank_to, score_to) = to[&model];
        if rank_to != from {
            changed.push(RankChange {
                model,
                from,
                to: rank_to,
                score_from,
                score_to,
            });
        }
    }
    let only = |a: &Leaderboard, other: &HashMap<&str, f64>| -> Vec<String> {
        let mut v: Vec<String> = a
            .models
            .iter()
            .filter(|r| !other.contains_key(r.model.as_str()))
            .map(|r| r.model.clone())
            .collect();
        v.sort();
        v
    };
    Sensitivity {
        variant: label.to_string(),
        compared: shared_b.len(),
        max_move: changed
            .iter()
            .map(|c| c.from.abs_diff(c.to))
            .max()
            .unwrap_or(0),
        changed,
        only_base: only(base, &in_variant),
        only_variant: only(variant, &in_base),
    }
}

/// Computes the base and the variant leaderboards and compares them.
pub fn sensitivity(
    bench: &Bench,
    base: &LeaderboardOptions,
    variant: &Variant,
) -> Result<Sensitivity, Error> {
    let a = leaderboard::compute(bench, base)?;
    let b = leaderboard::compute(bench, &variant.apply(base))?;
    Ok(diff(&a, &b, &variant.describe()))
}
