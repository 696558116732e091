//! Errors that stop a computation: the data or the options do not allow a leaderboard at all.
//! Problems with single lines are not errors; they go to the [`crate::report::LoadReport`].

/// Why a leaderboard cannot be computed.
#[derive(Clone, Debug, PartialEq)]
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
    /// The v0.1 judgments do not say which model they were judged against.
    NoBaseline {
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
            Error::AmbiguousBench { found } => write!(f, "several benches have verdicts; choose one with --bench: {}", list(found)),
            Error::UnknownJudge { name, found } => write!(f, "unknown judge {name:?}; judges found: {}", list(found)),
            Error::AmbiguousJudge { found } => write!(f, "several judges found; choose one or more with --judge: {}", list(found)),
            Error::NoBaseline { models } => write!(f, "cannot tell which model the judgments were made against; pass --baseline (models: {})", list(models)),
            Error::UnknownBaseline { name, models } => write!(f, "baseline {name:?} is not in the data; models: {}", list(models)),
            Error::NoBattles => write!(f, "no usable battles for these options"),
            Error::NoStyleData => write!(f, "style control needs answers with conv_metadata (or battles with conv_metadata); none found"),
            Error::InvalidOption(s) => write!(f, "invalid option: {s}"),
        }
    }
}

impl std::error::Error for Error {}
