//! A reference answer to a prompt: the turns a judge was shown as the correct answer (MT-Bench's
//! math, reasoning and coding questions are judged against GPT-4's answers,
//! `reference_answer/gpt-4.jsonl`, or a `reference` written into `question.jsonl`). Not a model in
//! the leaderboard: kept apart from [`crate::bench::Bench::answers`] so it is never scored.

use serde::{Deserialize, Serialize};

/// One reference answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReferenceAnswer {
    /// Where it comes from: the reference model's name (the file's stem, e.g. `gpt-4`), or
    /// `question.jsonl` for a reference written into the question.
    pub source: String,
    pub prompt: u32,
    /// The answer's turns, first turn first.
    pub turns: Vec<String>,
}
