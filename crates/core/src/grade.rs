//! Absolute grades: one judge's score of one model's answer, with no opponent.
//!
//! WildBench's score mode grades each answer 1-10 on its own (`parsed_result.score`), and its
//! WB-Score is built from these rather than from pairwise verdicts. They are kept apart from
//! [`crate::bench::Judgment`] because a grade has no baseline and no game: forcing it into a
//! pairwise row would invent a verdict.

use serde::{Deserialize, Serialize};

/// One grade as read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Grade {
    pub judge: u32,
    pub model: u32,
    pub prompt: u32,
    /// The grade on the judge's own scale (WildBench: 1-10), as written.
    pub score: f64,
    /// Length in characters of the graded answer, when the row carries it (WildBench's
    /// `model_output`); `None` when absent.
    pub answer_chars: Option<usize>,
    /// Whether the graded answer was cut off (`... (truncated)`) or empty: WildBench keeps such
    /// grades in the mean score but leaves them out of the task scores and the mean length.
    pub incomplete: bool,
    /// Where the grade was read: the file's path and its 1-based item.
    pub file: String,
    pub item: u32,
}
