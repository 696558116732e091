//! A leaderboard over only some prompts: by explicit ids, by a minimum criteria score ("hard
//! prompts only": [`crate::criteria::HARD_PROMPT_SCORE`]), by one criterion ("creativity
//! prompts") or by a text search. The conditions combine (a prompt must meet all of them).
//!
//! [`PromptSubset`] is the request: plain data the URL (`view_state`), the CLI flags and a compute
//! worker carry unchanged inside [`crate::leaderboard::LeaderboardOptions`]. [`PromptSubset::select`]
//! resolves it against one bench, once, into a [`Selection`]; [`restrict`] then gives the bench of
//! just those prompts, so every scoring method, its bootstrap and its intervals see only them
//! (`leaderboard::compute` does this before it dispatches on the method).
//!
//! Ids selected on the site travel in the link compactly encoded against the bench's prompts
//! ([`encode`]).

pub mod encode;
mod error;

pub use encode::{decode_ids, encode_ids};
pub use error::SubsetError;

use crate::bench::{Bench, Prompt};
use crate::criteria::{Criterion, HARD_PROMPT_SCORE};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Which prompts to score; the default (nothing set) is every prompt.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromptSubset {
    /// Prompt ids, as written (the CLI's `--prompts FILE`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ids: Vec<String>,
    /// Prompt ids encoded against the bench's prompts ([`encode_ids`]), as a link carries them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoded: Option<String>,
    /// Only prompts whose criteria score (0–7) is at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_criteria: Option<u8>,
    /// Only prompts that meet this criterion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criterion: Option<Criterion>,
    /// Only prompts whose text (any user turn) contains this, ignoring case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
}

/// A subset resolved against one bench.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    /// Indices into `bench.prompts`, ascending.
    pub prompts: Vec<u32>,
    /// Of the bench's prompts.
    pub of: usize,
    /// Listed ids the bench does not have (they are left out, not an error unless all are).
    pub unknown_ids: usize,
    /// What was asked, in words ("hard prompts (criteria score ≥ 6)").
    pub description: String,
}

impl PromptSubset {
    /// "Hard prompts only": Arena's rule, a criteria score of six or more.
    pub fn hard_prompts() -> PromptSubset {
        PromptSubset {
            min_criteria: Some(HARD_PROMPT_SCORE),
            ..PromptSubset::default()
        }
    }

    /// Whether nothing narrows the prompts.
    pub fn is_all(&self) -> bool {
        self.ids.is_empty()
            && self.encoded.is_none()
            && self.min_criteria.is_none()
            && self.criterion.is_none()
            && self.search.as_deref().is_none_or(|s| s.trim().is_empty())
    }

    /// Whether the subset needs criteria tags.
    pub fn uses_criteria(&self) -> bool {
        self.min_criteria.is_some() || self.criterion.is_some()
    }

    /// What is asked, in words, for headings and notes.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        match self.min_criteria {
            Some(HARD_PROMPT_SCORE) => parts.push(format!(
                "hard prompts (criteria score ≥ {HARD_PROMPT_SCORE})"
            )),
            Some(m) => parts.push(format!("criteria score ≥ {m}")),
            None => {}
        }
        if let Some(c) = self.criterion {
            parts.push(format!("{} prompts", c.label()));
        }
        if let Some(s) = self.search.as_deref().filter(|s| !s.trim().is_empty()) {
            parts.push(format!("prompts matching {:?}", s.trim()));
        }
        if !self.ids.is_empty() || self.encoded.is_some() {
            parts.push("selected prompts".into());
        }
        if parts.is_empty() {
            "all prompts".into()
        } else {
            parts.join(", ")
        }
    }

    /// The prompts of `bench` this subset keeps.
    pub fn select(&self, bench: &Bench) -> Result<Selection, SubsetError> {
        if let Some(m) = self.min_criteria {
            if m > 7 {
                return Err(SubsetError::MinCriteria(m));
            }
        }
        if self.uses_criteria() && !has_criteria(bench) {
            return Err(SubsetError::NoCriteria);
        }
        let n = bench.prompts.len();
        let mut keep = vec![true; n];
        let mut unknown_ids = 0;
        if !self.ids.is_empty() {
            let it = self
                .ids
                .iter()
                .map(|id| bench.prompt_index.get(id.trim()).copied());
            unknown_ids = keep_listed(&mut keep, it);
            if unknown_ids == self.ids.len() {
                return Err(SubsetError::NoListedId {
                    listed: self.ids.len(),
                });
            }
        }
        if let Some(code) = &self.encoded {
            let ids = decode_ids(bench, code)?;
            keep_listed(&mut keep, ids.into_iter().map(Some));
        }
        let needle = self
            .search
            .as_deref()
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty());
        for (k, p) in keep.iter_mut().zip(&bench.prompts) {
            *k = *k && self.admits(p, needle.as_deref());
        }
        let prompts: Vec<u32> = (0..n as u32).filter(|&i| keep[i as usize]).collect();
        if prompts.is_empty() {
            return Err(SubsetError::Empty(self.describe()));
        }
        Ok(Selection {
            prompts,
            of: n,
            unknown_ids,
            description: self.describe(),
        })
    }

    /// Whether one prompt meets the criteria and search conditions (`needle`: lowercased).
    fn admits(&self, p: &Prompt, needle: Option<&str>) -> bool {
        if self.uses_criteria() {
            let Some(c) = p.criteria else {
                return false;
            };
            if self.min_criteria.is_some_and(|m| c.score() < m) {
                return false;
            }
            if self.criterion.is_some_and(|k| !c.has(k)) {
                return false;
            }
        }
        match needle {
            None => true,
            Some(n) => std::iter::once(&p.text)
                .chain(&p.later_turns)
                .any(|t| t.to_lowercase().contains(n)),
        }
    }
}

/// Keeps only the listed prompts (`None`: an id the bench lacks); returns how many were lacking.
fn keep_listed(keep: &mut [bool], ids: impl Iterator<Item = Option<u32>>) -> usize {
    let mut mark = vec![false; keep.len()];
    let mut unknown = 0;
    for id in ids {
        match id {
            Some(i) => mark[i as usize] = true,
            None => unknown += 1,
        }
    }
    keep.iter_mut().zip(mark).for_each(|(k, m)| *k &= m);
    unknown
}

/// Whether any prompt of the bench carries criteria tags.
pub fn has_criteria(bench: &Bench) -> bool {
    bench.prompts.iter().any(|p| p.criteria.is_some())
}

/// The bench of just the selected prompts: verdicts (judgments, battle rows, grades) and answers
/// of other prompts are left out; prompts keep their indices, so names and ids read the same.
/// Scores-only tables have no prompts to narrow and are an error when they are all there is.
pub fn restrict(bench: &Bench, sel: &Selection) -> Result<Bench, SubsetError> {
    let mut keep = vec![false; bench.prompts.len()];
    for &p in &sel.prompts {
        keep[p as usize] = true;
    }
    let kept = |p: u32| keep.get(p as usize).copied().unwrap_or(false);
    if bench.judgments.is_empty()
        && bench.file_battles.is_empty()
        && bench.grades.is_empty()
        && !bench.tables.is_empty()
    {
        return Err(SubsetError::ScoresOnly);
    }
    let answers: Vec<_> = bench
        .answers
        .iter()
        .filter(|a| kept(a.prompt))
        .cloned()
        .collect();
    let answer_index: HashMap<(u32, u32), u32> = answers
        .iter()
        .enumerate()
        .map(|(i, a)| ((a.model, a.prompt), i as u32))
        .collect();
    Ok(Bench {
        name: bench.name.clone(),
        layout: bench.layout,
        models: bench.models.clone(),
        judges: bench.judges.clone(),
        prompts: bench.prompts.clone(),
        prompt_index: bench.prompt_index.clone(),
        answers,
        answer_index,
        answer_files: bench.answer_files.clone(),
        judged_models: bench.judged_models.clone(),
        judgments: bench
            .judgments
            .iter()
            .filter(|j| kept(j.prompt))
            .cloned()
            .collect(),
        judgment_files: bench.judgment_files.clone(),
        file_battles: bench
            .file_battles
            .iter()
            .filter(|b| kept(b.prompt))
            .cloned()
            .collect(),
        manifest_baseline: bench.manifest_baseline.clone(),
        report: bench.report.clone(),
        grades: bench
            .grades
            .iter()
            .filter(|g| kept(g.prompt))
            .cloned()
            .collect(),
        tables: Vec::new(),
        references: bench.references.clone(),
        judge_prompts: bench.judge_prompts.clone(),
    })
}

#[cfg(test)]
mod tests;
