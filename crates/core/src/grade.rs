//! Absolute grades: one judge's score of one model's answer, with no opponent.
//!
//! FastChat llm_judge writes them to `model_judgment/<judge>_single.jsonl` (1-10 per turn,
//! `fastchat/llm_judge/common.py::play_a_match_single`); WildBench's score mode grades each answer
//! 1-10 on its own (`parsed_result.score`) and builds WB-Score from them. They are kept apart from
//! [`crate::bench::Judgment`] because a grade has no baseline and no game: forcing it into a
//! pairwise row would invent a verdict.

use serde::{Deserialize, Serialize};

/// One graded answer (turn).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Grade {
    /// The judge model (MT-Bench's `judge[0]`), interned in [`crate::bench::Bench::judges`].
    pub judge: u32,
    /// The judge prompt's name (MT-Bench's `judge[1]`, e.g. `single-v1-multi-turn`); empty when the
    /// format has none.
    pub judge_prompt: String,
    pub model: u32,
    pub prompt: u32,
    /// 1 for the first turn, 2 for the second (MT-Bench's multi-turn prompts); 1 elsewhere.
    pub turn: u8,
    /// The grade on the judge's own scale (1-10); `None` when the judge's rating could not be
    /// parsed (FastChat writes `-1`), which `show_result.py::display_result_single` leaves out of
    /// every mean.
    pub score: Option<f64>,
    /// The judge's text, for the compare page.
    pub judgment: String,
    /// Length in characters of the graded answer, when the row carries it (WildBench's
    /// `model_output`); `None` when absent.
    pub answer_chars: Option<usize>,
    /// Whether the graded answer was cut off (`... (truncated)`) or empty: WildBench keeps such
    /// grades in the mean score but leaves them out of the task scores and the mean length.
    pub incomplete: bool,
    /// Where the grade was read: the file's path and the 1-based line (JSON Lines) or item (JSON
    /// arrays).
    pub file: String,
    pub line: u32,
}
