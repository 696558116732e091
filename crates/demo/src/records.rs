//! The JSON shapes of the three Arena-Hard v0.1 files, as serde structs.
//!
//! Structs (not `serde_json::json!`) fix the key order to the order of the real files and do not
//! depend on whether some other crate in the build turns on serde_json's `preserve_order`.

use serde::Serialize;

use crate::metadata::MarkdownCounts;

/// A line of `question.jsonl`.
#[derive(Serialize)]
pub struct QuestionRecord<'a> {
    pub question_id: &'a str,
    pub category: &'a str,
    pub cluster: &'a str,
    pub turns: [PromptTurn<'a>; 1],
}

#[derive(Serialize)]
pub struct PromptTurn<'a> {
    pub content: &'a str,
}

/// A line of `model_answer/<model>.jsonl`.
#[derive(Serialize)]
pub struct AnswerRecord<'a> {
    pub question_id: &'a str,
    pub answer_id: &'a str,
    pub model_id: &'a str,
    pub choices: [Choice<'a>; 1],
    pub tstamp: f64,
    pub conv_metadata: ConvMetadata,
}

#[derive(Serialize)]
pub struct Choice<'a> {
    pub index: u32,
    pub turns: [AnswerTurn<'a>; 1],
}

#[derive(Serialize)]
pub struct AnswerTurn<'a> {
    pub content: &'a str,
    pub token_len: u32,
}

#[derive(Serialize)]
pub struct ConvMetadata {
    pub token_len: u32,
    pub header_count: HeaderCount,
    pub list_count: ListCount,
    pub bold_count: BoldCount,
}

#[derive(Serialize)]
pub struct HeaderCount {
    pub h1: u32,
    pub h2: u32,
    pub h3: u32,
    pub h4: u32,
    pub h5: u32,
    pub h6: u32,
}

#[derive(Serialize)]
pub struct ListCount {
    pub ordered: u32,
    pub unordered: u32,
}

#[derive(Serialize)]
pub struct BoldCount {
    #[serde(rename = "**")]
    pub star: u32,
    #[serde(rename = "__")]
    pub under: u32,
}

impl ConvMetadata {
    pub fn new(token_len: u32, c: &MarkdownCounts) -> Self {
        let h = c.headers;
        ConvMetadata {
            token_len,
            header_count: HeaderCount {
                h1: h[0],
                h2: h[1],
                h3: h[2],
                h4: h[3],
                h5: h[4],
                h6: h[5],
            },
            list_count: ListCount {
                ordered: c.ordered,
                unordered: c.unordered,
            },
            bold_count: BoldCount {
                star: c.bold_star,
                under: c.bold_under,
            },
        }
    }
}

/// A line of `model_judgment/<judge>/<model>.jsonl`.
#[derive(Serialize)]
pub struct JudgmentRecord<'a> {
    pub question_id: &'a str,
    pub model: &'a str,
    pub judge: &'a str,
    pub games: Vec<Game>,
}

/// One game. `user_prompt` is left out when absent; `score` is written as `null` when absent.
#[derive(Serialize)]
pub struct Game {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_prompt: Option<String>,
    pub judgment: String,
    pub score: Option<String>,
}

/// Appends `value` as one JSON line.
pub fn push_line<T: Serialize>(out: &mut String, value: &T) {
    let line = serde_json::to_string(value).expect("demo records always serialize");
    out.push_str(&line);
    out.push('\n');
}
