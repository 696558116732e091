//! One side of a diff: a run with verdicts (a bench, the options it was scored with and the
//! leaderboard they gave) or a scores-only run (a published table). Each run is resolved on its
//! own, with its own scope, so a run is "judge X on bench B by method M of data set D".

use super::scores::ScoresRun;
use crate::bench::Bench;
use crate::error::Error;
use crate::judges::reference::ReferenceRow;
use crate::leaderboard::{self, Leaderboard, LeaderboardOptions};

/// A run with verdicts: what its leaderboard was computed from, and the leaderboard.
#[derive(Clone, Debug)]
pub struct VerdictRun<'a> {
    pub bench: &'a Bench,
    /// The options as the scope set them (`LeaderboardOptions::scoped`).
    pub options: LeaderboardOptions,
    pub leaderboard: Leaderboard,
}

/// Either kind of run.
#[derive(Clone, Debug)]
pub enum Run<'a> {
    Verdicts(Box<VerdictRun<'a>>),
    Scores(ScoresRun),
}

/// One model's line in a run: its score, its interval when it has one.
#[derive(Clone, Debug, PartialEq)]
pub struct RunScore {
    pub model: String,
    pub score: f64,
    pub lower: Option<f64>,
    pub upper: Option<f64>,
}

impl<'a> Run<'a> {
    /// Scores `bench` with `options` (already scoped) into a verdict run.
    pub fn verdicts(bench: &'a Bench, options: LeaderboardOptions) -> Result<Run<'a>, Error> {
        let leaderboard = leaderboard::compute(bench, &options)?;
        Ok(Run::Verdicts(Box::new(VerdictRun {
            bench,
            options,
            leaderboard,
        })))
    }

    /// The run with verdicts, if it is one.
    pub fn as_verdicts(&self) -> Option<&VerdictRun<'a>> {
        match self {
            Run::Verdicts(v) => Some(v),
            Run::Scores(_) => None,
        }
    }

    /// Every rated model with its score, in the run's order.
    pub fn scores(&self) -> Vec<RunScore> {
        match self {
            Run::Verdicts(v) => v
                .leaderboard
                .models
                .iter()
                .map(|r| RunScore {
                    model: r.model.clone(),
                    score: r.score,
                    lower: (v.leaderboard.rounds > 0).then_some(r.lower),
                    upper: (v.leaderboard.rounds > 0).then_some(r.upper),
                })
                .collect(),
            Run::Scores(s) => s.board.rows.iter().map(RunScore::from).collect(),
        }
    }

    /// What the run is, in a few words, for the summary and the JSON.
    pub fn describe(&self) -> RunInfo {
        match self {
            Run::Verdicts(v) => RunInfo {
                kind: "verdicts".into(),
                bench: Some(v.leaderboard.bench.clone()),
                judges: v.leaderboard.judges.clone(),
                baseline: Some(v.leaderboard.baseline.clone()),
                method: Some(v.leaderboard.method.as_str().to_string()),
                source: None,
                models: v.leaderboard.models.len(),
                prompts: v.bench.prompts.len(),
            },
            Run::Scores(s) => RunInfo {
                kind: "scores".into(),
                bench: None,
                judges: Vec::new(),
                baseline: None,
                method: None,
                source: Some(s.name.clone()),
                models: s.board.rows.len(),
                prompts: 0,
            },
        }
    }
}

impl From<&ReferenceRow> for RunScore {
    fn from(r: &ReferenceRow) -> RunScore {
        RunScore {
            model: r.model.clone(),
            score: r.score,
            lower: r.lower,
            upper: r.upper,
        }
    }
}

/// A run as the diff reports it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RunInfo {
    /// `verdicts` or `scores`.
    pub kind: String,
    pub bench: Option<String>,
    pub judges: Vec<String>,
    pub baseline: Option<String>,
    pub method: Option<String>,
    /// The table a scores-only run was read from.
    pub source: Option<String>,
    pub models: usize,
    pub prompts: usize,
}
