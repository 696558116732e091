//! A single-answer grade: one judge's 1-10 score of one model's answer to one prompt at one turn,
//! as FastChat llm_judge writes them to `model_judgment/<judge>_single.jsonl`
//! (`fastchat/llm_judge/common.py::play_a_match_single`).

use serde::{Deserialize, Serialize};

/// One graded answer turn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Grade {
    /// The judge model (`judge[0]`), interned in [`crate::bench::Bench::judges`].
    pub judge: u32,
    /// The judge prompt's name (`judge[1]`, e.g. `single-v1-multi-turn`).
    pub judge_prompt: String,
    pub model: u32,
    pub prompt: u32,
    /// 1 for the first turn, 2 for the second (MT-Bench's multi-turn prompts).
    pub turn: u8,
    /// The score; `None` when the judge's rating could not be parsed (FastChat writes `-1`), which
    /// `show_result.py::display_result_single` leaves out of every mean.
    pub score: Option<f64>,
    /// The judge's text, for the compare page.
    pub judgment: String,
    /// Where the row was read: the file's path and the 1-based line.
    pub file: String,
    pub line: u32,
}
