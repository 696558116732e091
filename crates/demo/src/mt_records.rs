//! The JSON shapes of FastChat llm_judge's MT-Bench files, as serde structs (key order as in the
//! real files: `fastchat/llm_judge/common.py::play_a_match_pair` / `play_a_match_single` and
//! `gen_model_answer.py`).

use serde::Serialize;

/// A line of `question.jsonl`.
#[derive(Serialize)]
pub struct MtQuestionRecord<'a> {
    pub question_id: u32,
    pub category: &'a str,
    pub turns: [&'a str; 2],
}

/// A line of `model_answer/<model>.jsonl` or `reference_answer/<model>.jsonl`.
#[derive(Serialize)]
pub struct MtAnswerRecord<'a> {
    pub question_id: u32,
    pub answer_id: &'a str,
    pub model_id: &'a str,
    pub choices: [MtChoice<'a>; 1],
    pub tstamp: f64,
}

#[derive(Serialize)]
pub struct MtChoice<'a> {
    pub index: u32,
    pub turns: [&'a str; 2],
}

/// A line of `model_judgment/<judge>_pair.jsonl`. The user prompts are left out when absent.
#[derive(Serialize)]
pub struct PairRecord<'a> {
    pub question_id: u32,
    pub model_1: &'a str,
    pub model_2: &'a str,
    pub g1_winner: &'a str,
    pub g2_winner: &'a str,
    pub judge: [&'a str; 2],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub g1_user_prompt: Option<String>,
    pub g1_judgment: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub g2_user_prompt: Option<String>,
    pub g2_judgment: String,
    pub turn: u8,
    pub tstamp: f64,
}

/// A line of `model_judgment/<judge>_single.jsonl`. The user prompt is left out when absent.
#[derive(Serialize)]
pub struct SingleRecord<'a> {
    pub question_id: u32,
    pub model: &'a str,
    pub judge: [&'a str; 2],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_prompt: Option<String>,
    pub judgment: String,
    pub score: i32,
    pub turn: u8,
    pub tstamp: f64,
}
