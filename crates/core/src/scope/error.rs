//! Why a scope cannot be resolved: something the request names is not in the data, or the data
//! leaves a choice open that the caller asked to be told about.
//!
//! The texts are neutral: they say what is missing and list what exists, and name no command-line
//! flag and no control. The CLI adds a flag hint, the site a control hint. They are the texts of the
//! matching [`crate::Error`] variants (written once, in `error.rs`), because
//! [`crate::leaderboard::compute`] reports the same problems when it is called without a scope.

use crate::error::Error;

/// A scope the data does not allow.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum ScopeError {
    /// No bench has verdicts (or, for topic clusters, prompts).
    NoData,
    /// The named bench is not in the data.
    UnknownBench { name: String, found: Vec<String> },
    /// Several benches fit, none was named, and the caller asked to be told.
    AmbiguousBench { found: Vec<String> },
    /// A named judge is not in the data.
    UnknownJudge { name: String, found: Vec<String> },
    /// Several judges could be pooled, none was named, and the caller asked to be told.
    AmbiguousJudge { found: Vec<String> },
    /// The judgments do not say which model they were made against, none was named, and the data
    /// does not show it. `candidates`: the models with answers but no judgments (several).
    NoBaseline {
        candidates: Vec<String>,
        models: Vec<String>,
    },
    /// The named display baseline is not in the data.
    UnknownBaseline { name: String, models: Vec<String> },
}

impl From<ScopeError> for Error {
    fn from(e: ScopeError) -> Error {
        match e {
            ScopeError::NoData => Error::NoData,
            ScopeError::UnknownBench { name, found } => Error::UnknownBench { name, found },
            ScopeError::AmbiguousBench { found } => Error::AmbiguousBench { found },
            ScopeError::UnknownJudge { name, found } => Error::UnknownJudge { name, found },
            ScopeError::AmbiguousJudge { found } => Error::AmbiguousJudge { found },
            ScopeError::NoBaseline { candidates, models } => {
                Error::NoBaseline { candidates, models }
            }
            ScopeError::UnknownBaseline { name, models } => Error::UnknownBaseline { name, models },
        }
    }
}

impl ScopeError {
    /// The scope part of a core error (what [`crate::dataset::Dataset::bench`] returns), if it is one.
    pub fn from_error(e: Error) -> Option<ScopeError> {
        Some(match e {
            Error::NoData => ScopeError::NoData,
            Error::UnknownBench { name, found } => ScopeError::UnknownBench { name, found },
            Error::AmbiguousBench { found } => ScopeError::AmbiguousBench { found },
            Error::UnknownJudge { name, found } => ScopeError::UnknownJudge { name, found },
            Error::AmbiguousJudge { found } => ScopeError::AmbiguousJudge { found },
            Error::NoBaseline { candidates, models } => {
                ScopeError::NoBaseline { candidates, models }
            }
            Error::UnknownBaseline { name, models } => ScopeError::UnknownBaseline { name, models },
            _ => return None,
        })
    }
}

impl std::fmt::Display for ScopeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Error::from(self.clone()).fmt(f)
    }
}

impl std::error::Error for ScopeError {}
