//! Errors that stop a computation: the data or the options do not allow a leaderboard at all.
//! Problems with single lines are not errors; they go to the [`crate::report::LoadReport`].
//!
//! Texts are neutral: they say what is missing and list what exists, naming no command-line flag and
//! no control (the CLI and the site add their own hints). The scope variants are also
//! [`crate::scope::ScopeError`]'s texts.

/// Why a leaderboard cannot be computed. Serde: a judges analysis carries its per-judge errors to
/// the page from the compute worker.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Error {
    /// No verdicts were found in any file.
    NoData,
    UnknownBench {
        name: String,
        found: Vec<String>,
    },
    AmbiguousBench {
        found: Vec<String>,
    },
    UnknownJudge {
        name: String,
        found: Vec<String>,
    },
    /// Several judges are present and none was chosen.
    AmbiguousJudge {
        found: Vec<String>,
    },
    /// The v0.1 judgments do not say which model they were judged against, and the data does not
    /// show it. `candidates`: the models with answers but no judgments (several, or none).
    NoBaseline {
        candidates: Vec<String>,
        models: Vec<String>,
    },
    UnknownBaseline {
        name: String,
        models: Vec<String>,
    },
    /// The chosen judges and options leave no usable battle.
    NoBattles,
    /// Style control was asked for but no battle has style metadata.
    NoStyleData,
    InvalidOption(String),
}

fn list(v: &[String]) -> String {
    if v.is_empty() {
        "none".to_string()
    } else {
        v.join(", ")
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::NoData => write!(f, "no verdicts found: expected judgment files (<bench>/model_judgment/<judge>/<model>.jsonl) or a battles file"),
            Error::UnknownBench { name, found } => write!(f, "unknown bench {name:?}; benches found: {}", list(found)),
            Error::AmbiguousBench { found } => write!(f, "several benches have verdicts and none was chosen: {}", list(found)),
            Error::UnknownJudge { name, found } => write!(f, "unknown judge {name:?}; judges found: {}", list(found)),
            Error::AmbiguousJudge { found } => write!(f, "several judges found and none was chosen: {}", list(found)),
            Error::NoBaseline { candidates, models } if candidates.len() > 1 => write!(f, "no baseline given; the data has several candidates: {} (models with answers but no judgments)", list(candidates)),
            Error::NoBaseline { models, .. } => write!(f, "no baseline given, and the data does not show which model the judgments were made against; models: {}", list(models)),
            Error::UnknownBaseline { name, models } => write!(f, "baseline {name:?} is not in the data; models: {}", list(models)),
            Error::NoBattles => write!(f, "no usable battles for these options"),
            Error::NoStyleData => write!(f, "style control needs answers with conv_metadata (or battles with conv_metadata); none found"),
            Error::InvalidOption(s) => write!(f, "invalid option: {s}"),
        }
    }
}

impl std::error::Error for Error {}
