//! `model_answer/<model>.jsonl`: v0.1 (`question_id, choices[{turns[{content, token_len}]}], conv_metadata`)
//! and v2.0 (`uid, messages[{role, content}], metadata`); FastChat MT-Bench's answers have the v0.1
//! shape with plain-string turns (`choices[0].turns[i]` a string, no `token_len`).
//!
//! As in the reference v0.1 tool, a v0.1 answer's model is named by its file, not by the row's
//! `model_id`; a v2.0 row names its model (`org/name` cannot be a file name).

use super::{lines, parse_object, req_str, FieldError};
use crate::bench::{Answer, Bench};
use crate::load_options::Texts;
use crate::report::IssueKind;
use crate::style::StyleRaw;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// Reads one model's answer file into the bench.
pub fn parse(bench: &mut Bench, file: &str, model_name: &str, text: &str) {
    apply(bench, file, model_name, rows(text, Texts::Keep));
}

/// One answer line read, before it touches the bench: what [`apply`] needs, borrowed from the
/// line where it can be. Reading is pure, so the files of a folder can be read in parallel.
pub(crate) struct AnswerRow<'a> {
    /// The row's own `model` (v2.0 rows name it; a v0.1 answer is named by its file).
    pub row_model: Option<Cow<'a, str>>,
    pub fields: Result<AnswerFields<'a>, FieldError>,
}

/// The fields of a well-formed answer row.
pub(crate) struct AnswerFields<'a> {
    pub qid: Cow<'a, str>,
    pub turns: Turns,
    /// `token_len` of the first turn (v0.1).
    pub turn_tokens: Option<f64>,
    /// From `conv_metadata` (v0.1) or `metadata` (v2.0).
    pub style: Option<StyleRaw>,
}

/// Each non-blank line of an answer file read: its 1-based number and the row, or why the line
/// is not a JSON object. With [`Texts::Skip`] the answer texts are left empty.
pub(crate) fn rows(text: &str, texts: Texts) -> Vec<(usize, Result<AnswerRow<'_>, String>)> {
    lines(text).map(|(n, line)| (n, row(line, texts))).collect()
}

fn row(line: &str, texts: Texts) -> Result<AnswerRow<'_>, String> {
    if texts == Texts::Skip {
        if let Some(r) = super::answers_fast::row(line) {
            return Ok(r);
        }
    }
    let obj = parse_object(line)?;
    let row_model = obj
        .contains_key("uid")
        .then(|| super::opt_str(&obj, "model"))
        .flatten()
        .map(Cow::Owned);
    let mut fields = fields(&obj).map(|(qid, turns, turn_tokens, meta)| AnswerFields {
        qid: Cow::Owned(qid),
        turns,
        turn_tokens,
        style: meta.and_then(StyleRaw::from_metadata),
    });
    if texts == Texts::Skip {
        if let Ok(f) = &mut fields {
            f.turns.skip_texts();
        }
    }
    Ok(AnswerRow { row_model, fields })
}

/// Adds the rows of one answer file to the bench, reporting each bad row.
pub(crate) fn apply(
    bench: &mut Bench,
    file: &str,
    model_name: &str,
    rows: Vec<(usize, Result<AnswerRow<'_>, String>)>,
) {
    let model = bench.models.intern(model_name);
    if !bench.answer_files.contains(&model) {
        bench.answer_files.push(model);
    }
    for (n, row) in rows {
        bench.report.lines += 1;
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                bench.report.push(IssueKind::BadJson, file, n, "", e);
                continue;
            }
        };
        let model = match row.row_model {
            Some(m) if m != model_name => {
                let id = bench.models.intern(&m);
                if !bench.answer_files.contains(&id) {
                    bench.answer_files.push(id);
                }
                id
            }
            _ => model,
        };
        let f = match row.fields {
            Ok(f) => f,
            Err(e) => {
                bench
                    .report
                    .push(IssueKind::MissingField, file, n, &e.field, e.message);
                continue;
            }
        };
        let (qid, turns) = (f.qid, f.turns);
        let prompt = bench.prompt_id(&qid);
        if bench.answer_index.contains_key(&(model, prompt)) {
            bench.report.push(
                IssueKind::DuplicateRow,
                file,
                n,
                "question_id",
                format!("second answer to {qid}; the first is kept"),
            );
            continue;
        }
        let style = f.style;
        let tokens = f.turn_tokens.or(style.map(|s| s.tokens));
        // FastChat's MT-Bench answers (plain-string turns) never carry token counts: nothing is
        // missing there, so only the Arena-Hard shapes are reported.
        if tokens.is_none() && !turns.plain {
            bench.report.push(
                IssueKind::MissingMetadata,
                file,
                n,
                "token_len",
                "no token_len in the turn or the metadata".into(),
            );
        }
        let idx = bench.answers.len() as u32;
        bench.answers.push(Answer {
            model,
            prompt,
            text: turns.text,
            later_turns: turns.later,
            later_user_turns: turns.later_user,
            tokens,
            style,
        });
        bench.answer_index.insert((model, prompt), idx);
        bench.report.answers += 1;
    }
}

/// The assistant turns of an answer (and, for v2.0 conversations, the user turns after the first).
pub(crate) struct Turns {
    pub text: String,
    pub later: Vec<String>,
    pub later_user: Vec<String>,
    /// The turns are plain strings (FastChat's MT-Bench answers), not `{content, token_len}`.
    pub plain: bool,
}

impl Turns {
    /// The turns as a reader that skips texts stores them: every text empty, no later turns.
    pub(crate) fn skip_texts(&mut self) {
        self.text = String::new();
        self.later = Vec::new();
        self.later_user = Vec::new();
    }
}

type ValueFields<'a> = (String, Turns, Option<f64>, Option<&'a Value>);

/// A v2.0 message's content: a string, or `{"answer": ...}`.
fn message_text(m: &Value) -> Option<String> {
    match m.get("content")? {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("answer").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

fn fields(obj: &Map<String, Value>) -> Result<ValueFields<'_>, FieldError> {
    if obj.contains_key("uid") {
        let qid = req_str(obj, "uid")?;
        let messages = obj
            .get("messages")
            .and_then(Value::as_array)
            .ok_or_else(|| FieldError::new("messages", "missing or not an array"))?;
        let role = |m: &Value| m.get("role").and_then(Value::as_str).map(str::to_string);
        let assistant: Vec<String> = messages
            .iter()
            .filter(|m| role(m).as_deref() == Some("assistant"))
            .filter_map(message_text)
            .collect();
        let users: Vec<String> = messages
            .iter()
            .filter(|m| role(m).as_deref() == Some("user"))
            .map(|m| message_text(m).unwrap_or_default())
            .collect();
        let mut assistant = assistant.into_iter();
        let text = assistant
            .next()
            .ok_or_else(|| FieldError::new("messages[].content", "no assistant answer"))?;
        let turns = Turns {
            text,
            later: assistant.collect(),
            later_user: users.into_iter().skip(1).collect(),
            plain: false,
        };
        return Ok((qid, turns, None, obj.get("metadata")));
    }
    let qid = req_str(obj, "question_id")?;
    let all = obj
        .get("choices")
        .and_then(|c| c.get(0))
        .and_then(|c| c.get("turns"))
        .and_then(Value::as_array)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| FieldError::new("choices[0].turns[0]", "missing"))?;
    let turn = &all[0];
    let content = super::turn_text(turn)
        .ok_or_else(|| FieldError::new("choices[0].turns[0].content", "missing or not a string"))?
        .to_string();
    let tokens = turn.get("token_len").and_then(Value::as_f64);
    let later = super::later_turn_texts(all);
    let turns = Turns {
        text: content,
        later,
        later_user: Vec::new(),
        plain: turn.is_string(),
    };
    Ok((qid, turns, tokens, obj.get("conv_metadata")))
}
