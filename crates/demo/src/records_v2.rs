//! The JSON shapes of the Arena-Hard v2.0 files (lmarena/arena-hard-auto @ 196f6b8), as serde
//! structs so the key order is the real files' order.

use serde::Serialize;

use crate::records::ConvMetadata;

/// A line of `question.jsonl`.
#[derive(Serialize)]
pub struct QuestionV2<'a> {
    pub uid: &'a str,
    pub category: &'a str,
    pub subcategory: &'a str,
    pub prompt: &'a str,
}

/// A line of `model_answer/<model>.jsonl`: the conversation in `messages`, the assistant's
/// content an object `{answer}`, style counts in `metadata`.
#[derive(Serialize)]
pub struct AnswerV2<'a> {
    pub uid: &'a str,
    pub ans_id: &'a str,
    pub model: &'a str,
    pub messages: (UserMessage<'a>, AssistantMessage<'a>),
    pub tstamp: f64,
    pub metadata: ConvMetadata,
}

#[derive(Serialize)]
pub struct UserMessage<'a> {
    pub role: &'static str,
    pub content: &'a str,
}

#[derive(Serialize)]
pub struct AssistantMessage<'a> {
    pub role: &'static str,
    pub content: Answer<'a>,
}

#[derive(Serialize)]
pub struct Answer<'a> {
    pub answer: &'a str,
}

/// A line of `model_judgment/<judge>/<model>.jsonl`.
#[derive(Serialize)]
pub struct JudgmentV2<'a> {
    pub uid: &'a str,
    pub category: &'a str,
    pub judge: &'a str,
    pub model: &'a str,
    pub baseline: &'a str,
    pub games: Vec<GameV2>,
}

/// One game; `score` is written as `null` when absent.
#[derive(Serialize)]
pub struct GameV2 {
    pub score: Option<String>,
    pub judgment: Judgment,
}

#[derive(Serialize)]
pub struct Judgment {
    pub answer: String,
}
