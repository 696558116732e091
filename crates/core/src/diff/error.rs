//! Why a diff cannot be computed. Two runs that share no prompt or no model are not an error: the
//! diff then says so and shows what each run has ([`super::Diff::notes`]).

use super::scores::ScoresError;
use crate::error::Error;

/// A diff that could not be computed at all.
#[derive(Clone, Debug, PartialEq)]
pub enum DiffError {
    /// A run's leaderboard or battles failed (a scope error, no battles, a bad option).
    Run { run: u8, error: Error },
    /// A scores-only run could not be read.
    Scores { run: u8, error: ScoresError },
}

impl std::fmt::Display for DiffError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DiffError::Run { run, error } => write!(f, "run {run}: {error}"),
            DiffError::Scores { run, error } => write!(f, "run {run}: {error}"),
        }
    }
}

impl std::error::Error for DiffError {}
