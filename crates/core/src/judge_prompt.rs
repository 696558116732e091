//! A judge prompt template, as FastChat llm_judge keeps them in `data/judge_prompts.jsonl`
//! (`fastchat/llm_judge/common.py::load_judge_prompts`). Judgment rows name the template they were
//! made with (`judge = [model, name]`); the templates are not needed to score, so they are stored by
//! name for display only.

use serde::{Deserialize, Serialize};

/// One template.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JudgePrompt {
    /// `name`, e.g. `pair-v2`, `single-math-v1-multi-turn`.
    pub name: String,
    /// `type`: `pairwise` or `single`.
    pub kind: String,
    /// `category`: `general`, `math`, ...
    pub category: String,
    pub system_prompt: String,
    pub prompt_template: String,
    /// `output_format`, e.g. `[[A]]` or `[[rating]]`.
    pub output_format: String,
}
