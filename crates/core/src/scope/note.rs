//! What a reader of a resolved scope should be told: a choice that fell back, a baseline that was
//! inferred rather than named, a name that is not used. Notes never change numbers silently; each
//! says what the view shows instead of what was asked.
//!
//! Texts are neutral full sentences (the site shows them as they are, the CLI prints them on stderr).
//! Model and judge names are quoted with “ ” so a name with spaces or odd characters stays readable.

use super::error::ScopeError;
use crate::method::Method;

/// How a judged baseline nobody named was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inference {
    /// The only model with answers but no judgments (v0.1 judges every model but the baseline).
    OnlyUnjudged,
    /// The reference tool's default, gpt-4-0314, which the data holds.
    ReferenceDefault,
}

/// One thing a reader should know about the scope.
#[derive(Clone, Debug, PartialEq)]
pub enum ScopeNote {
    /// Several benches fit and none was named; the view shows the first by name.
    BenchChosen { shown: String, found: Vec<String> },
    /// The judge a view asked for (a tab a link carries) is not in the data.
    JudgeNotInData { wanted: String, shown: String },
    /// The judgments do not name their baseline and nobody did; this one was inferred.
    JudgedBaselineInferred { name: String, how: Inference },
    /// The named judged baseline has no answers or verdicts of its own here. v0.1 judgment rows
    /// never name their baseline, so the name is taken as given.
    JudgedBaselineWithoutFiles { name: String },
    /// Every judgment names its own baseline, so the named judged baseline is not used.
    JudgedBaselineUnused { name: String },
    /// The judged baseline cannot be told; the view reads each game by position, as the judge wrote
    /// it, and marks no model as the baseline.
    NoJudgedBaseline { reason: ScopeError },
    /// No method was asked for, and the data's layout has its own tool (v2.0 data: v2.0's
    /// show_result.py), so the view uses that tool's method.
    MethodForData { method: Method },
}

impl std::fmt::Display for ScopeNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScopeNote::BenchChosen { shown, found } => write!(
                f,
                "Several benches fit ({}); showing “{shown}”.",
                found.join(", ")
            ),
            ScopeNote::JudgeNotInData { wanted, shown } => write!(
                f,
                "Judge “{wanted}” is not in this data; showing “{shown}”."
            ),
            ScopeNote::JudgedBaselineInferred { name, how } => write!(
                f,
                "The judgments do not say which model they were made against; taking “{name}”, {}.",
                match how {
                    Inference::OnlyUnjudged => "the only model with answers but no judgments",
                    Inference::ReferenceDefault => "the reference tool's default baseline",
                }
            ),
            ScopeNote::JudgedBaselineWithoutFiles { name } => write!(
                f,
                "The baseline “{name}” has no answers or verdicts in this data; the judgments are read as made against it."
            ),
            ScopeNote::JudgedBaselineUnused { name } => write!(
                f,
                "Every judgment names its own baseline, so “{name}” is not used as the judged baseline."
            ),
            ScopeNote::NoJudgedBaseline { reason } => write!(
                f,
                "{reason}. Verdicts are shown as the judge wrote them."
            ),
            ScopeNote::MethodForData { method } => write!(
                f,
                "This data is {}, so its numbers are computed with the {method} method ({}).",
                match method {
                    Method::ChatbotArena | Method::ArenaRank => "a Chatbot Arena battle log",
                    Method::MtBench => "FastChat's MT-Bench",
                    Method::AlpacaEval => "AlpacaEval annotations",
                    Method::WildBench => "WildBench results",
                    _ => "in the Arena-Hard v2.0 layout",
                },
                method.source()
            ),
        }
    }
}
